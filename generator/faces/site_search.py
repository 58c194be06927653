"""The site's search index, as one object the plugin holds: Pagefind fed each page's search
block while MkDocs converts the pages, writing its index while MkDocs renders the templates,
finished (re-sorted, checked) once the site is written. A preview keeps its first index:
re-indexing every page on each edit took minutes."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.core.render.search_meta import SearchEntries, search_block
from generator.publish.pagefind_service import (
    LEXICON_FILTER, PagefindService, PagefindServiceError, part_path, parts_for, search_url)
from generator.publish.search_index import SearchIndexError, build_search_index


class SiteSearch:
    def __init__(self, lang: str, pages_per_part: int, keep: bool = False) -> None:
        """`keep`: a preview's, whose first index serves every rebuild."""
        self.lang, self.pages_per_part, self.keep = lang, pages_per_part, keep
        self.entries: SearchEntries | None = None  # what each generated page is about (search_meta.py)
        self.service: PagefindService | None = None
        self.parts = 1
        self.built = False  # the index is written (a preview's, kept)

    def begin(self, pages: int) -> dict:
        """Start Pagefind for a site of `pages` pages (unless a kept index is written); the
        search box's settings: the index's parts, and the filter that hides their lexicons."""
        self.close()
        if not self.built:
            self.parts = parts_for(pages, self.pages_per_part)
            try:
                self.service = PagefindService(self.lang, self.parts)
            except PagefindServiceError as exc:
                raise PluginError(f"search index: {exc}") from exc
        return {"parts": [part_path(part) + "/" for part in range(self.parts)], "lexicon": LEXICON_FILTER}

    def block(self, src_uri: str, url: str, content: str, title: str) -> str:
        """The page's hidden search block (search_meta.search_block), from its content as
        Material's content.html shows it (an <h1> of its title first when it has none), sent
        to Pagefind now."""
        if "<h1" not in content:
            content = f"<h1>{title}</h1>{content}"
        block = search_block(content, self.entries.get(src_uri) if self.entries else None)
        if self.service is not None:
            try:
                self.service.add(search_url(url), block)
            except PagefindServiceError as exc:
                raise PluginError(f"search index: {exc}") from exc
        return block

    def start_writing(self, site_dir: Path) -> None:
        """Every page is indexed: Pagefind writes the index while MkDocs renders the templates."""
        if self.service is not None:
            try:
                self.service.start_writing(site_dir)
            except PagefindServiceError as exc:
                raise PluginError(f"search index: {exc}") from exc

    def finish(self, site_dir: Path) -> None:
        """The index written into the site, re-sorted and checked (search_index.py)."""
        if self.built:
            return
        service, self.service = self.service, None
        try:
            build_search_index(site_dir, service)
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from exc
        finally:
            if service is not None:
                service.close()
        self.built = self.keep

    def close(self) -> None:
        if self.service is not None:
            self.service.close()
            self.service = None
