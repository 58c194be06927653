"""Render: the register as pages, {source path: text}, for any static-site engine: each page
its front matter and HTML from the templates in render/templates/ (markup.page_source)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from dataclasses import dataclass
from datetime import date

from generator.core import urls
from generator.core.model import Register
from generator.core.read.load import bulk
from generator.core.render.accountability import ACCOUNTABILITY, render_accountability
from generator.core.render.agencies import render_agency
from generator.core.render.bodies import render_body
from generator.core.render.browse import render_browse
from generator.core.render.context import Context
from generator.core.render.document import render_document
from generator.core.render.history import RECENT, history_section, page_sources, render_recent
from generator.core.render.home import MARKER, render_home_summary
from generator.core.render.labels import Labels
from generator.core.render.markup import block, link, render_listing
from generator.core.render.people import render_person
from generator.core.render.tasks import render_task, render_task_index
from generator.core.render.views import (
    AMENDMENTS, DEADLINES, TRANSFERS, render_amendments, render_deadlines, render_timeline,
    render_transfers)


@dataclass
class RenderedSite:
    """Generated pages by source path, and the summary the hand-written home page shows where
    it has the marker `<!-- register:summary -->`."""

    pages: dict[str, Any]  # each page's text, or what render_site's `store` kept of it
    home_summary: str
    alone: frozenset[str]  # the pages each made by itself (render_near can redo one)


def render_site(register: Register, lang: str = "vi", as_of: date | None = None,
                intros: dict[str, str] | None = None, history=None, repo_url: str | None = None,
                directory_urls: bool = True, other_half: Callable[[], Any] | None = None,
                split: Callable[[Register, list[Job]], Any] | None = None,
                store: Callable[[str], Any] | None = None) -> RenderedSite:
    """Every generated page. `intros` holds hand-written text for agency pages, by agency id;
    `history` (provenance.History) adds each record's editorial history and the recent changes.

    Each page needs the register and nothing another page makes, so the pages may be made in
    two halves: the second by what `other_half()` starts before the jobs are made (a preview's
    helper, faces/preview_helper.py), or by what `split(register, jobs)` starts once they are
    (speedups/shared_render.py forks a child); either's `result()` is that half's pages, or
    None, or raises, and then they are rendered here. Without either, all are rendered here.

    `store(text)`, if given, is what is kept of each page as it is made (a face keeps it
    compressed: at 10,000 documents the pages' text is gigabytes, never all held at once)."""
    with bulk():
        there = other_half() if other_half is not None else None  # it starts on its own context
        ctx, jobs = site_jobs(register, lang, as_of or date.today(), intros, history, repo_url, directory_urls,
                              store)
        if there is None and split is not None:
            there = split(register, jobs)
        if there is None:
            pages = render_part(jobs, 0, 1)
        else:
            pages = render_part(jobs, 0, 2)
            try:
                half = there.result()
            except Exception:  # rendered here: a fault shows itself here, whole
                half = None
            pages.update(render_part(jobs, 1, 2) if half is None else half)
        return _site(ctx, jobs, pages)


@dataclass(frozen=True)
class Job:
    """What makes one page (`page`), or several (a view by year: `page` is None)."""
    page: str | None
    make: Callable[[], dict[str, str]]

    def __call__(self) -> dict[str, str]:
        return self.make()


def alone_pages(jobs: list[Job]) -> frozenset[str]:
    return frozenset(job.page for job in jobs if job.page is not None)


def _site(ctx: Context, jobs: list[Job], pages: dict[str, str]) -> RenderedSite:
    return RenderedSite(dict(sorted(pages.items())), render_home_summary(ctx), alone_pages(jobs))


def site_jobs(register: Register, lang: str, as_of: date, intros: dict[str, str] | None, history,
              repo_url: str | None, directory_urls: bool,
              store: Callable[[str], Any] | None = None) -> tuple[Context, list[Job]]:
    """The context every page is rendered in, and the jobs that render them (page_jobs)."""
    ctx = Context.build(register, Labels(lang), as_of, directory_urls)
    return ctx, page_jobs(ctx, intros or {}, history, repo_url, directory_urls, store)


def render_unless(stop: Callable[[], bool], register: Register, lang: str, as_of: date,
                  intros: dict[str, str] | None, history, repo_url: str | None,
                  directory_urls: bool) -> RenderedSite | None:
    """Every page, rendered here, or None once `stop()` is true, asked between pages: a preview's
    helper renders the whole site in the background after the pages near an edit are shown
    (render/near.py), and gives it up for a newer edit."""
    with bulk():
        ctx, jobs = site_jobs(register, lang, as_of, intros, history, repo_url, directory_urls)
        pages = render_part(jobs, 0, 1, stop)
        return None if pages is None else _site(ctx, jobs, pages)


def render_part(jobs: list[Job], part: int, parts: int,
                stop: Callable[[], bool] | None = None) -> dict[str, str] | None:
    """The pages of every `parts`-th job from the `part`-th: jobs are listed aggregates first,
    then entity by entity, so taking every other one shares the work evenly. None once `stop()`
    is true, asked before each job."""
    with bulk():
        pages: dict[str, str] = {}
        for job in jobs[part::parts]:
            if stop is not None and stop():
                return None
            pages.update(job())
        return pages


def page_jobs(ctx: Context, intros: dict[str, str], history, repo_url: str | None,
              directory_urls: bool, store: Callable[[str], Any] | None = None) -> list[Job]:
    """The generated pages, as functions each making one page or a few (browse, views), with
    their provenance section when there is a `history`."""
    register, t = ctx.register, ctx.t
    sections: dict[str, str] = {}  # a section depends on its source file alone: made once
    sources = page_sources(register) if history is not None else {}

    def one(page: str, render: Callable[..., str], *args) -> Job:
        return Job(page, lambda: {page: with_history(page, render(ctx, *args))})

    def many(render: Callable[[Context], dict[str, str]]) -> Job:
        return Job(None, lambda: {page: with_history(page, text_) for page, text_ in render(ctx).items()})

    def kept(text_: str) -> Any:
        return text_ if store is None else store(text_)

    def with_history(page: str, text_: str) -> Any:
        # provenance: agencies, people and bodies share their registry's file, a task its
        # declaring document's
        source = sources.get(page)
        if source is None:
            return kept(text_)
        section = sections.get(source)
        if section is None:
            section = sections[source] = history_section(t, source, history, repo_url)
        return kept(text_.rstrip("\n") + "\n" + section + "\n")

    # the aggregates first, the largest (browse, the timeline) apart
    jobs = [many(render_browse), many(render_timeline), one(DEADLINES, render_deadlines),
            one(ACCOUNTABILITY, render_accountability),
            one(TRANSFERS, render_transfers), one(AMENDMENTS, render_amendments),
            one(urls.TASKS, render_task_index)]
    for page, title, items in (
            (urls.AGENCIES, "agencies", [(a.name, urls.agency(a.id)) for a in register.agencies.values()]),
            (urls.PEOPLE, "people", [(p.name, urls.person(p.id)) for p in register.people.values()]),
            (urls.BODIES, "bodies", [(b.name, urls.body(b.id)) for b in register.bodies.values()])):
        jobs.append(one(page, _entity_list, page, t(title), items))
    if history is not None:
        jobs.append(Job(None, lambda: {RECENT: kept(render_recent(register, t, history, repo_url, directory_urls))}))
    jobs += [one(urls.document(doc.key), render_document, doc) for doc in register.documents.values()]
    jobs += [one(urls.task(task_id), render_task, record)
             for task_id, record in register.derived.custody.tasks.items()]
    jobs += [one(urls.agency(agency.id), render_agency, agency, intros.get(agency.id, ""))
             for agency in register.agencies.values()]
    jobs += [one(urls.person(person.id), render_person, person) for person in register.people.values()]
    jobs += [one(urls.body(body.id), render_body, body) for body in register.bodies.values()]
    return jobs


def _entity_list(ctx: Context, page: str, title: str, items: list[tuple[str, str]]) -> str:
    links = [link(name, ctx.href(page, target)) for name, target in sorted(items)]
    return render_listing(title, [block(items=links) if links else block(text=ctx.t("none"))], ctx.t)


def render_pages(register: Register, lang: str = "vi", as_of: date | None = None,
                 history=None, repo_url: str | None = None) -> dict[str, str]:
    """The generated pages alone (tests, other engines)."""
    return render_site(register, lang, as_of, history=history, repo_url=repo_url).pages
