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

from generator.core.model import Register
from generator.core.read.load import bulk
from generator.core.render import alone_pages, site_jobs

# a Markdown link to another page of the site, as markup.link writes it: labels are escaped
# text, so a "](" is always a link's
_LINK = re.compile(r"\]\(([^()\s#]+\.md)(?:#[^()\s]*)?\)")


def linked_pages(page: str, markdown: str) -> set[str]:
    """The source paths of the pages `page`'s Markdown links to."""
    folder = page.rpartition("/")[0]
    return {posixpath.normpath(posixpath.join(folder, target)) for target in _LINK.findall(markdown)}


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
                wanted |= linked_pages(page, old)
            if page in by_page:
                pages.update(by_page[page]())
                wanted |= linked_pages(page, pages[page])
        for page in sorted(wanted - pages.keys()):
            if page in by_page:
                pages.update(by_page[page]())
        return NearRendered(pages, alone_pages(jobs))
