"""Render: the register as Markdown pages, {source path: text}, for any static-site engine."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import urls
from ..load import bulk
from ..model import Register
from .agencies import render_agency
from .bodies import render_body
from .browse import render_browse
from .context import Context
from .document import render_document
from .labels import Labels
from .markup import front_matter, link, text
from .people import render_person
from .tasks import render_task, render_task_index
from .views import render_views
from .home import MARKER, render_home_summary
from .history import RECENT, history_section, page_sources, render_recent


@dataclass
class RenderedSite:
    """Generated pages by source path, and the summary the hand-written home page shows where
    it has the marker `<!-- register:summary -->`."""

    pages: dict[str, str]
    home_summary: str


def render_site(register: Register, lang: str = "vi", as_of: date | None = None,
                intros: dict[str, str] | None = None, history=None, repo_url: str | None = None,
                directory_urls: bool = True) -> RenderedSite:
    """Every generated page. `intros` holds hand-written text for agency pages, by agency id;
    `history` (provenance.History) adds each record's editorial history and the recent changes."""
    with bulk():
        return _render_site(register, lang, as_of, intros, history, repo_url, directory_urls)


def _render_site(register, lang, as_of, intros, history, repo_url, directory_urls) -> RenderedSite:
    ctx = Context.build(register, Labels(lang), as_of or date.today())
    intros = intros or {}
    pages: dict[str, str] = {}
    for doc in register.documents.values():
        pages[urls.document(doc.key)] = render_document(ctx, doc)
    pages.update(render_browse(ctx))
    for task_id, record in register.derived.custody.tasks.items():
        pages[urls.task(task_id)] = render_task(ctx, record)
    for agency in register.agencies.values():
        pages[urls.agency(agency.id)] = render_agency(ctx, agency, intros.get(agency.id, ""))
    for person in register.people.values():
        pages[urls.person(person.id)] = render_person(ctx, person)
    for body in register.bodies.values():
        pages[urls.body(body.id)] = render_body(ctx, body)
    pages.update(render_views(ctx))
    t = ctx.t
    pages[urls.TASKS] = render_task_index(ctx)
    for page, title, items in (
            (urls.AGENCIES, t("agencies"), [(a.name, urls.agency(a.id)) for a in register.agencies.values()]),
            (urls.PEOPLE, t("people"), [(p.name, urls.person(p.id)) for p in register.people.values()]),
            (urls.BODIES, t("bodies"), [(b.name, urls.body(b.id)) for b in register.bodies.values()])):
        lines = "".join(f"- {link(name, urls.relative(page, target))}\n" for name, target in sorted(items))
        pages[page] = front_matter(title=title) + f"# {text(title)}\n\n" + (lines or t("none")) + "\n"
    if history is not None:  # provenance: each page's source file's history, and recent changes
        # a section depends on its file alone: agencies, people and bodies share their
        # registry's, a task its declaring document's, so each is written once
        sections: dict[str, str] = {}
        for page, source in page_sources(register).items():
            if page in pages:
                section = sections.get(source)
                if section is None:
                    section = sections[source] = history_section(t, source, history, repo_url)
                pages[page] = pages[page].rstrip("\n") + "\n\n" + section
        pages[RECENT] = render_recent(register, t, history, repo_url, directory_urls)
    return RenderedSite(dict(sorted(pages.items())), render_home_summary(ctx))


def render_pages(register: Register, lang: str = "vi", as_of: date | None = None,
                 history=None, repo_url: str | None = None) -> dict[str, str]:
    """The generated pages alone (tests, other engines)."""
    return render_site(register, lang, as_of, history=history, repo_url=repo_url).pages
