"""Generated pages turned into HTML on the machine's other core while MkDocs builds the site.

Prerendering a generated page, writing it whole (render/prerender.py, render/direct.py) and
making its search block (render/search_meta.py) was half the time MkDocs spent converting it;
the rest (reading it, templates, handing it to Pagefind, writing it) has to stay in the
build's process. So a forked child converts the pages in the order MkDocs asks for them and
sends each one as it is done.

The two processes share the work, so that neither waits for the other however busy Pagefind
keeps the second core: when MkDocs asks for a page the child has not started, this process
converts it itself and marks it taken, and the child skips it. The marks live in memory both
processes share. A page the child converted is used only if MkDocs read the very Markdown the
child read (another plugin may change a page's source); anything else is converted here.
"""
from __future__ import annotations

import mmap
from collections import Counter
from typing import Callable, Iterator, Mapping

from mkdocs.structure.files import Files
from mkdocs.utils.meta import get_data as split_front_matter

from generator.core.render.search_meta import SearchEntry, search_block
from generator.speedups.beside import BesideError, BesideStream
from generator.speedups.direct import DirectPage, direct_page
from generator.speedups.prerender import LinkCache, Prerendered, prerender

__all__ = ["Converted", "PageConverter", "convert"]

Converted = tuple[Prerendered, "DirectPage | None", "str | None"]
_FREE, _CHILD, _HERE = 0, 1, 2  # who converts a page: nobody yet, the child, this process
_LOOK_AHEAD = 16  # how far ahead of MkDocs this process takes a page the child has not reached


def convert(markdown: str, page: str, exists: Callable[[str], bool], directory_urls: bool,
            permalink: str | None, cache: LinkCache, search: SearchEntry | None) -> Converted:
    """The page's blocks as HTML (prerender.py); the whole page when only headings are left
    (direct.py; only with `permalink`, the site's heading settings); and then, if it has its
    <h1>, its search block (`search`: its entry from search_entries)."""
    done = prerender(markdown, page, exists, directory_urls, cache)
    direct = direct_page(done, page, permalink) if permalink else None
    block = search_block(direct.html, search) if direct is not None and "<h1" in direct.html else None
    return done, direct, block


class PageConverter:
    """The generated pages of one build, converted by a forked child and by this process
    together. `converted(page, markdown)` is each page's conversion, in any order."""

    def __init__(self, files: Files, generated: frozenset[str], directory_urls: bool, permalink: str | None,
                 search: Mapping[str, SearchEntry], beside: bool = True):
        self._search = search
        # prerender's paths are normalised already: a dict lookup, not get_file_from_path's
        # PurePath per link (a fifth of prerendering a page)
        self._exists = files.src_uris.__contains__
        self._directory_urls, self._permalink = directory_urls, permalink
        self._cache: LinkCache = {}
        order = [file.src_uri for file in files.documentation_pages() if file.src_uri in generated]
        self._files, self._order = files, order
        self._position = {page: i for i, page in enumerate(order)}
        self._claims = mmap.mmap(-1, max(len(order), 1))  # shared with the child: one mark a page
        self._sent: dict[str, tuple] = {}
        self.counts: Counter = Counter()  # pages converted by the child ("beside") and here ("here")
        self._stream = None
        if beside and order:
            stream = BesideStream(self._child)
            self._stream = stream if stream.forked else None

    def _child(self) -> Iterator[tuple]:
        for i, page in enumerate(self._order):
            if self._claims[i] == _FREE:
                self._claims[i] = _CHILD
                yield self._convert_staged(page)

    def _convert_staged(self, page: str) -> tuple:
        """A page converted from its staged source, read as MkDocs reads it (Page.read_source)."""
        markdown, _ = split_front_matter(self._files.src_uris[page].content_string)
        done, direct, block = self._convert(markdown, page)
        if direct is not None:
            done.written = []  # the page is written whole: nothing to restore, nothing to send
        return page, _fingerprint(markdown), (done, direct, block)

    def _convert(self, markdown: str, page: str) -> Converted:
        return convert(markdown, page, self._exists, self._directory_urls, self._permalink, self._cache,
                       self._search.get(page))

    def converted(self, page: str, markdown: str) -> Converted:
        i = self._position.get(page)
        if self._stream is not None and i is not None:
            try:
                self._take(self._stream.ready())
                while page not in self._sent and self._claims[i] == _CHILD:
                    # the child is on this page: convert one it has not reached meanwhile, or
                    # else wait for this one, a page's time away
                    ahead = self._unclaimed_after(i)
                    if ahead is None:
                        self._take([self._stream.next()])
                    else:
                        self._take([self._convert_staged(self._order[ahead])], "here")
                        self._take(self._stream.ready())
            except (StopIteration, BesideError):  # converted here from now on
                self.close()
            if page not in self._sent:
                self._claims[i] = _HERE
        found = self._sent.pop(page, None)
        if found is not None and found[0] == _fingerprint(markdown):
            self.counts[found[2]] += 1
            return found[1]
        self.counts["here"] += 1
        return self._convert(markdown, page)

    def _unclaimed_after(self, i: int) -> int | None:
        for j in range(i + 1, min(i + 1 + _LOOK_AHEAD, len(self._order))):
            if self._claims[j] == _FREE:
                self._claims[j] = _HERE
                return j
        return None

    def _take(self, items: list[tuple], where: str = "beside") -> None:
        for page, fingerprint, converted in items:
            self._sent[page] = (fingerprint, converted, where)

    def close(self) -> None:
        if self._stream is not None:
            self._stream.abandon()
            self._stream = None
        self._sent = {}


def _fingerprint(markdown: str) -> tuple[int, int]:
    # a forked child hashes a text as its parent does (the same hash seed)
    return len(markdown), hash(markdown)
