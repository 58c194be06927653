"""The pages an edit to a few documents plainly touches, rendered alone.

At 10,000 documents rendering every page takes 8 s of a preview's rebuild, while an edit to
one record changes a few pages the editor looks at: the record's own page and the pages it
links to or linked to before the edit (its issuer, signer, tasks, the documents it cites or
that cite it, all listed on it). A preview shows those first, rendered here from the whole
new register, so each is exactly what a full render makes; the views over every record (the
timeline, browse, deadlines) follow when its helper has rendered the whole site in the
background (preview_helper.py, preview_pages.py).
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from generator.core import urls
from generator.core.model import Register
from generator.core.read.load import bulk
from generator.core.render import alone_pages, site_jobs

# a link to another page of the site, as markup.link writes it: addresses come from urls.href
# (relative, no scheme), and labels are escaped text, so an ' href="' is always a link's
_LINK = re.compile(r' href="([^"#:?<>]*)[#"]')


def linked_pages(page: str, html: str, directory_urls: bool = True) -> set[str]:
    """The source paths the pages `page`'s HTML links to may have (a few candidates per link,
    to be looked up among the pages: `x/` is `x.md` or `x/index.md`)."""
    base = urls.page_url(page, directory_urls)
    folder = base if base.endswith("/") else posixpath.dirname(base) + "/"
    found: set[str] = set()
    for address in set(_LINK.findall(html)):
        if not address:
            continue
        target = posixpath.normpath(posixpath.join(folder, address))
        stem = target.removesuffix(".html")
        if target == ".":
            found.add(urls.HOME)
        elif stem.endswith("/index") or stem == "index":
            found.add(stem + ".md")
        elif address.endswith("/"):
            found.update((stem + ".md", stem + "/index.md"))
        else:
            found.add(stem + ".md")
    return found


@dataclass
class NearRendered:
    pages: dict[str, str]     # the pages rendered again, by source path
    alone: frozenset[str]     # every page made by itself in the new register (RenderedSite.alone)


def render_near(register: Register, edited: Iterable[str], before: Callable[[str], str | None],
                known: frozenset[str], lang: str, as_of: date, intros: dict[str, str] | None, history,
                repo_url: str | None, directory_urls: bool) -> NearRendered:
    """The `edited` pages (source paths of the documents an edit changed, before and after it),
    the pages they link to now or linked to `before` (a page's text in the last build, or None),
    and the pages `known` (the last build's RenderedSite.alone) lacked: a new record's."""
    with bulk():
        _, jobs = site_jobs(register, lang, as_of, intros, history, repo_url, directory_urls)
        by_page = {job.page: job for job in jobs if job.page is not None}
        pages: dict[str, str] = {}
        wanted = set(by_page.keys() - known)
        for page in set(edited):
            old = before(page)
            if old is not None:
                wanted |= linked_pages(page, old, directory_urls)
            if page in by_page:
                pages.update(by_page[page]())
                wanted |= linked_pages(page, pages[page], directory_urls)
        for page in sorted(wanted - pages.keys()):
            if page in by_page:
                pages.update(by_page[page]())
        return NearRendered(pages, alone_pages(jobs))
