"""What a preview (`register serve`) renders for a rebuild: every page, or first the pages near
an edit and then the whole site its helper renders meanwhile. No MkDocs import here.

At 10,000 documents rendering every page is 8 s of a 13-15 s rebuild, while an edit to a record
changes the few pages an editor looks at. From `near_first_from` documents a rebuild renders the
pages near the records that changed (render/near.py), from the whole new register, and keeps
the last build's other pages. The helper (preview_helper.py), which read the register beside
the preview, renders the whole site on the other core; once it has, `when_ready` asks for a
rebuild, which shows it if the helper read the same files with the same options.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Union

from generator.core import urls
from generator.core.render import render_site
from generator.core.render.near import render_near
from generator.faces.preview_helper import PreviewHelper, WholeRendered
from generator.faces.staging import Staging
from generator.speedups.shared_render import fork_half

NEAR_FIRST_FILES = 20  # records changed at once, at most (a branch switched is rendered whole)

# a page for the staging: its text, its (digest, compressed bytes) as the helper made it, or
# None for the last build's, unchanged (staging.Staging.carry)
PageContent = Union[str, tuple[bytes, bytes], None]


@dataclass(frozen=True)
class Built:
    """What a preview's build rendered, for the next rebuild to start from."""
    stamp: tuple               # of the read (load.ReadCache.stamp)
    options: dict              # render.site_jobs' options
    pages: frozenset[str]      # the generated pages
    alone: frozenset[str]      # of which each made by itself (RenderedSite.alone)
    keys: dict[str, str]       # the document key of each record file
    home_summary: str
    whole: bool                # every page rendered for this register, not only those near an edit


@dataclass
class Rendered:
    pages: dict[str, PageContent]
    home_summary: str
    near: int | None = None  # how many pages near an edit were rendered again, if only they were
    whole: bool = True       # every page is this register's (else the whole site follows)


class PreviewPages:
    """A preview's renders, from one rebuild to the next."""

    def __init__(self, near_first_from: int = 2_000) -> None:
        self.near_first_from = near_first_from
        self.built: Built | None = None       # the last complete build's
        self._rendering: Built | None = None  # this build's, until it is complete
        self.background: WholeRendered | None = None  # the helper's whole render, when asked for
        self._asked: WholeRendered | None = None  # the one asked for before this rebuild

    def begin(self) -> bool:
        """A rebuild starts: whether the last one asked the helper for the whole site (its
        answer is taken by `whole`; no rebuild is asked for it any longer)."""
        self._asked, self.background = self.background, None
        self._rendering = None
        if self._asked is not None:
            self._asked.cancel()
        return self._asked is not None

    def whole(self, stamp: tuple, options: dict):
        """The helper's whole render asked for before this rebuild, if it is of the register
        read with `stamp`, rendered with `options`; None otherwise. Takes its answer off the
        helper's pipe either way."""
        asked, self._asked = self._asked, None
        if asked is None:
            return None
        whole = asked.result(stamp)
        return whole if asked.options == options else None

    def render(self, register, options: dict, stamp: tuple, helper: PreviewHelper | None,
               staging: Staging | None, whole, share: bool) -> Rendered:
        """The pages of this rebuild. `whole` is whole()'s answer; `staging` holds the last
        complete build's pages; `share` lets render_site fork a child for half the pages."""
        built, self.built = self.built, None  # set again once this build is complete
        keys = {doc.path: doc.key for doc in register.documents.values()}
        if whole is not None:  # the helper's whole render of this very register
            packed, home_summary, alone = whole
            pages: dict[str, PageContent] = {path: (digest, data) for path, digest, data in packed}
            self._rendering = Built(stamp, options, frozenset(pages), alone, keys, home_summary, True)
            return Rendered(pages, home_summary)
        edited = self._edited(register, options, helper, staging, built, stamp)
        if edited is None:
            site = render_site(register, **options, split=fork_half if share else None, other_half=helper and (
                lambda: helper.render(stamp, options)))
            self._rendering = Built(stamp, options, frozenset(site.pages), site.alone, keys, site.home_summary,
                                    True)
            return Rendered(site.pages, site.home_summary)
        whole_now = built.whole and not edited
        if not whole_now:  # the helper, which read the register beside this process, renders it all
            self.background = helper.render_all(options)
        edited_pages = {urls.document(key) for rel in edited for key in (built.keys.get(rel), keys.get(rel)) if key}
        near = render_near(register, edited_pages, partial(self.last_text, staging), built.alone, **options)
        kept = built.pages - (built.alone - near.alone)  # less a removed record's pages
        pages = {path: near.pages.get(path) for path in sorted(kept | near.pages.keys())}
        self._rendering = Built(stamp, options, frozenset(pages), near.alone, keys, built.home_summary, whole_now)
        return Rendered(pages, built.home_summary, len(near.pages), whole_now)

    def _edited(self, register, options: dict, helper: PreviewHelper | None, staging: Staging | None,
                built: Built | None, stamp: tuple) -> set[str] | None:
        """The record files changed since the last build, if only the pages near them are to be
        rendered now; None to render every page."""
        if (built is None or helper is None or staging is None or len(register.documents) < self.near_first_from
                or built.stamp[:1] != stamp[:1] or built.options != options):
            return None
        edited = {rel for rel, _ in set(built.stamp[1]) ^ set(stamp[1])}
        return edited if len(edited) <= NEAR_FIRST_FILES else None

    def end(self, when_whole: Callable[[], None] | None) -> None:
        """The build is complete; `when_whole` asks for the rebuild that shows the whole site."""
        self.built = self._rendering
        if self.background is not None and when_whole is not None:
            self.background.when_ready(when_whole)

    @staticmethod
    def last_text(staging: Staging, page: str) -> str | None:
        """A generated page's Markdown in the last complete build."""
        data = staging.last(page)
        return data.decode("utf-8") if data is not None else None

    def stop(self) -> None:
        for asked in (self.background, self._asked):
            if asked is not None:
                asked.cancel()
        self.background = self._asked = None
        self.built = self._rendering = None
