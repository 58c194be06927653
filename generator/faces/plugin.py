"""The MkDocs plugin: wires MkDocs events to the core; no register logic lives here."""
from __future__ import annotations

import gc
import html
import logging
import os
import posixpath
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.core import urls
from generator.core.asof import resolve_as_of
from generator.core.check.source_texts import published_text, source_files
from generator.core.read.load import bulk, load_register, read_here
from generator.core.read.provenance import read_history
from generator.core.render import render_site
from generator.core.render.history import FEED, as_of_moment, page_sources, render_feed
from generator.core.render.home import MARKER
from generator.core.render.labels import Labels
from generator.core.render.search_meta import search_entries, ui_labels
from generator.core.safe_fs import site_sources
from generator.editor.schema import schema_texts
from generator.faces.pages import GeneratedPage
from generator.faces.preview import Preview
from generator.faces.preview_helper import PreviewHelper
from generator.faces.preview_pages import PageContent
from generator.faces.preview_watch import rebuilder, watch_records
from generator.faces.site_search import SiteSearch
from generator.faces.staging import Packed, Staging, compress
from generator.publish.export import add_to_head, document_head, open_site_files, site_files
from generator.publish.pagefind_service import PAGES_PER_PART
from generator.publish.plain_files import add_years, agency_intros, year_entries
from generator.speedups.beside import Beside, BesideError, InPlace
from generator.speedups.page_shell import (
    SpeedUpOff, install_page_shell, share_nav, trim_template_space)
from generator.speedups.shared_read import read_shared
from generator.speedups.shared_render import fork_half

log = logging.getLogger("mkdocs.plugins.register")
log.setLevel(logging.INFO)  # its one notice shows even when `register build` quiets MkDocs to warnings


class _OnOff(c.Choice):
    """auto, on or off, as a reader writes them in mkdocs.yml: YAML reads an unquoted on/off
    as true/false."""

    def run_validation(self, value):
        return super().run_validation({True: "on", False: "off"}.get(value, value)
                                      if isinstance(value, bool) else value)


class RegisterConfig(Config):
    root = c.Type(str, default=".")
    as_of = c.Optional(c.Type(str))
    licence = c.Optional(c.Type(dict))  # of the open data: {id: SPDX id, name: …, url: …}
    search_pages_per_part = c.Type(int, default=PAGES_PER_PART)  # a larger site's index is split
    # a preview renders first only the pages near an edit from this many documents (preview_pages.py)
    preview_near_first_from = c.Type(int, default=2_000)
    # the speed-ups (generator/speedups/): `off` builds by the plain path only; `on` uses each,
    # and one that finds what it relies on changed falls back to the plain path with an info
    # line; `auto` is `on`, but forks no child on a machine of one core
    fast_build = _OnOff(("auto", "on", "off"), default="auto")


class RegisterPlugin(BasePlugin[RegisterConfig]):
    # Generated pages and open data reach MkDocs compressed (staging.py, StagedFile): a large
    # register's build does not hold them all as text, and a dirty rebuild (`register serve`)
    # renders only the pages whose content changed.
    serving = False
    search: SiteSearch | None = None  # the search index (site_search.py)
    staging: Staging | None = None
    generated: frozenset[str] = frozenset()
    nav_pages: set[str]
    nav_urls: tuple[str, ...] = ()
    open_data: Beside | None = None  # the open-data files, made in a child process meanwhile
    page_renders: Counter  # pages filled into a shell / rendered in full (page_shell.py)
    preview: Preview  # a preview's state, kept from one rebuild to the next (preview.py)

    def __init__(self) -> None:
        super().__init__()
        # each instance its own: a mutable default on the class would be shared by every instance
        self.nav_pages, self.preview = set(), Preview()
        self.page_renders = Counter()

    @property
    def fast(self) -> bool:
        """Whether the speed-ups are used (fast_build)."""
        return self.config.fast_build != "off"

    @property
    def forks(self) -> bool:
        """Whether work is forked onto the other core (speedups/beside.py, shared_read.py,
        shared_render.py): never with fast_build off, nor by `auto` on one core."""
        if self.config.fast_build == "auto":
            return (os.cpu_count() or 1) > 1
        return self.fast

    def on_startup(self, *, command, dirty) -> None:
        # defining on_startup keeps this plugin alive across `serve` rebuilds, and with it the
        # digests that tell which generated files an edit changed (staging.py)
        self.serving = command == "serve"
        if self.serving:  # before MkDocs starts its threads: the helper is forked
            self.preview.start()

    def on_shutdown(self) -> None:
        # MkDocs keeps this instance for the whole process: a later `build` in it is no preview
        self.serving = False
        self.staging = None
        self.preview.stop()
        self._stop_search()
        self._stop_open_data()

    def on_build_error(self, *, error) -> None:
        gc.unfreeze()
        if self.preview.open_data_writer is not None:
            self.preview.open_data_writer.stop()  # were it paused, its files may no longer be the register's
        self._stop_search()
        self._stop_open_data()

    def _stop_open_data(self) -> None:
        if self.open_data is not None:
            self.open_data.abandon()
            self.open_data = None

    def _stop_search(self) -> None:
        if self.search is not None:
            self.search.close()

    def on_pre_build(self, *, config) -> None:
        self._stop_search()

    @event_priority(50)  # early: the register's years are in the navigation other plugins read
    def on_config(self, config):
        # The register, its pages and their search data live until the build ends: they are made
        # with the cyclic garbage collector paused (load.bulk), then frozen, so that its full
        # passes during MkDocs' own work skip them (they took 4.5 s of a 26 s preview rebuild at
        # 10,000 documents); the build's end gives them back to it.
        with bulk():
            config = self._load_and_render(config)
            gc.freeze()
        return config

    def _load_and_render(self, config):
        # before MkDocs reads a file: it would follow a link in docs_dir or the theme's
        # custom_dir and publish what it points at (safe_fs.py); decisions/ is load_register's
        problems = site_sources(config.config_file_path,
                                (config.docs_dir, config.theme.custom_dir, self.config.root))
        if problems:
            lines = "\n".join(str(d) for d in problems)
            raise PluginError(f"the register has {len(problems)} error(s):\n{lines}")
        self.root = (Path(config.config_file_path).parent / self.config.root).resolve()
        helper = self.preview.helper if self.preview.helper is not None and self.preview.helper.alive else None
        asked_whole = self.preview.previews.begin() if self.preview.previews is not None else False
        # a rebuild to show the helper's whole site pauses the open data being written, unless a
        # record changed meanwhile (below): its records are those the open data is written from.
        # It goes on once the pages are written: restarted, it came 15 s later at 10,000
        # documents; running beside the rebuild, it made it take twice as long.
        writing_on, self.preview.whole_ready, self.preview.writing_on = self.preview.whole_ready and asked_whole, False, False
        if self.preview.open_data_writer is not None:
            if writing_on:
                self.preview.open_data_writer.pause()
            else:
                self.preview.open_data_writer.stop()  # it would write the register before this edit
        if helper is not None:
            helper.read(self.root)  # the helper gives up a whole render of the register before this
        register, diagnostics = load_register(self.root, self.preview.read_cache,
                                              read=read_shared if self.forks else read_here)
        stamp = self.preview.read_cache.stamp if self.preview.read_cache is not None else ()
        if diagnostics:
            lines = "\n".join(str(d) for d in diagnostics)
            if not self.serving or self.register is None:
                raise PluginError(f"the register has {len(diagnostics)} error(s):\n{lines}")
            # a preview whose records an edit broke keeps serving the last good register, each
            # page saying what is broken; MkDocs would answer no request until the fix. Printed,
            # not logged: a logged error fails the (strict) rebuild.
            print(f"ERROR   -  the register has {len(diagnostics)} error(s); the preview shows the "
                  f"last good records until they are fixed:\n{lines}", file=sys.stderr, flush=True)
            register, self.preview.problems = self.register, tuple(str(d) for d in diagnostics)
        else:
            self.preview.problems = ()
        try:
            as_of: date = resolve_as_of(self.config.as_of)
        except ValueError as exc:
            raise PluginError(str(exc)) from exc
        lang = config.theme["language"] if "language" in config.theme else "vi"
        # open data (register.json, csv/, per-document JSON, the Atom feed) and redirects, made
        # on the other core while this one renders the pages; a preview's, once its pages are
        # written (preview.py)
        self._stop_open_data()
        options = dict(as_of=as_of, licence=self.config.licence, site_name=config.site_name,
                       site_url=config.site_url, directory_urls=config.use_directory_urls, lang=lang)
        if self.preview.open_data_writer is not None:
            self.preview.preview_data = open_site_files(register, checkpoint=self.preview.open_data_writer.checkpoint, **options)
        else:
            self.preview.preview_data, self.open_data = [], (Beside if self.forks else InPlace)(
                _packed_site_files, register, options)
        intros = agency_intros(register, Path(config.docs_dir))
        self.history = read_history(self.root)  # provenance: one `git log` pass for the whole register
        if self.history.status != "ok":
            log.info(f"editorial history unavailable ({self.history.reason}); the pages say so")
        self.sources = page_sources(register)
        page_options = dict(lang=lang, as_of=as_of, intros=intros, history=self.history,
                            repo_url=config.repo_url, directory_urls=config.use_directory_urls)
        whole = self.preview.previews.whole(stamp, page_options) if self.preview.previews is not None else None
        self.preview.writing_on = writing_on and whole is not None and options == self.preview.data_options
        if writing_on and not self.preview.writing_on:
            self.preview.open_data_writer.stop()
        self.preview.data_options = options
        self.pages, self.home_summary = self._render(register, page_options, stamp, helper, whole)
        self.register, self.as_of, self.lang = register, as_of, lang
        if self.search is None or not self.serving:
            self.search = SiteSearch(lang, self.config.search_pages_per_part, keep=self.serving)
        self.search.entries = search_entries(register, Labels(lang), as_of, generated=self.pages)
        config.extra["register_search"] = ui_labels(Labels(lang))
        if config.nav:
            add_years(config.nav, year_entries(register))
        return config

    def _render(self, register, page_options: dict, stamp: tuple, helper: PreviewHelper | None,
                whole) -> tuple[dict[str, PageContent], str]:
        """Each generated page's content (preview_pages.PageContent), and the home page's summary."""
        if self.preview.previews is None:
            # not split while the other core makes the open data (speedups/shared_render.py)
            split = fork_half if self.forks and self.open_data is None else None
            # each page kept compressed as it is made (staging.py): never all of them as text
            site = render_site(register, **page_options, split=split, store=compress)
            return site.pages, site.home_summary
        self.preview.previews.near_first_from = self.config.preview_near_first_from
        rendered = self.preview.previews.render(register, page_options, stamp, helper, self.staging, whole,
                                        share=self.open_data is None)
        if rendered.near is not None:
            log.info(f"pages near the edit: {rendered.near} rendered again; "
                     + ("the others are unchanged" if rendered.whole else "the whole site follows"))
        return rendered.pages, rendered.home_summary

    @event_priority(50)  # early: other plugins see the generated pages among the files
    def on_files(self, files: Files, config) -> Files:
        if self.staging is None:
            self.staging = Staging()
        stage = self.staging
        stage.begin()
        pages, self.pages = self.pages, None  # from here on, compressed only
        self.generated = frozenset(pages)
        home = files.src_uris.get(urls.HOME)
        if stage.changed(f"{urls.HOME}#summary", self.home_summary) and home is not None:
            home.is_modified = lambda: True  # its generated summary changed: rebuild it too
        # "edit"/"view" open the record in decisions/, not a generated page
        records = os.path.relpath(self.root, config.docs_dir).replace(os.sep, "/")
        nav_titles = _nav_titles(config.nav or [])
        for path, content in pages.items():
            existing = files.src_uris.get(path)
            if existing is not None:
                if not path.startswith("co-quan/"):  # agency text is taken in as the page's intro
                    raise PluginError(f"content/{path} would hide a generated page of the same path")
                files.remove(existing)
            # out of the navigation by design: MkDocs is not to list them as omitted from it
            generated = StagedFile.staged(config, path, _staged(stage, path, content), InclusionLevel.NOT_IN_NAV)
            if path in self.sources:
                generated.edit_uri = posixpath.normpath(posixpath.join(records, self.sources[path]))
            files.append(generated)
            # HTML already: MkDocs converts none of it (pages.py); titled as the navigation says
            GeneratedPage(nav_titles.get(path), generated, config)
        open_data, self.open_data = self.open_data, None
        try:
            packed_files = open_data.result() if open_data is not None else []
        except BesideError as exc:
            raise PluginError(f"open data: {exc}") from exc
        made = [(path, StagedFile.staged(config, path, stage.packed(path, digest, data)))
                for path, digest, data in packed_files]
        made += [(path, PreviewFile.generated(config, path, content=b"")) for path, _ in self.preview.preview_data]
        for path, file in made:
            if path in files.src_uris:
                raise PluginError(f"content/{path} would hide a generated open-data file of the same path")
            files.append(file)
        # the JSON Schema of the records (schema.py), for editors' tools: schema/ban-ghi.json, …
        for name, content in schema_texts().items():
            files.append(File.generated(config, f"schema/{name}", content=content))
        # the raw texts the records were entered from (sources/…, checked by source_texts.py),
        # published at the same path, which register.json gives as each source's `file`
        for path in source_files(self.register):
            if path in files.src_uris:
                raise PluginError(f"content/{path} would hide the source text of the same path")
            files.append(File.generated(config, path, content=published_text(self.root, path)))
        if self.preview.problems != self.preview.problems_shown:  # a preview's pages gain or lose the notice
            for file in files.documentation_pages():
                file.is_modified = lambda: True
            self.preview.problems_shown = self.preview.problems
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        if page.file.src_uri == urls.HOME:
            return markdown.replace(MARKER, self.home_summary)
        return markdown

    @event_priority(-50)  # last: the content as every other plugin left it
    def on_page_content(self, html: str, page, config, files) -> str:
        # the page's hidden search block, at the end of its content: what Pagefind indexes of
        # it, sent to Pagefind now, while MkDocs converts the other pages
        return html + self.search.block(page.file.src_uri, page.url, html, page.title or config.site_name)

    def on_nav(self, nav, config, files):
        self.nav_pages = {page.file.src_uri for page in nav.pages}
        self.nav_urls = tuple(page.url for page in nav.pages)
        # the search box merges the parts and leaves out their lexicon pages
        config.extra["register_search_index"] = self.search.begin(len(files.documentation_pages()))
        return nav

    @event_priority(-100)  # last: the shell is made of the templates as every plugin left them
    def on_env(self, env, config, files):
        self.search.start_writing(Path(config.site_dir))
        if not self.fast:  # the plain path: Material's templates, as MkDocs renders them
            gc.freeze()
            return env
        trim_template_space(env)
        if self.preview.compiled_templates is not None:  # a preview's rebuild compiles no template again
            env.bytecode_cache = self.preview.compiled_templates
        try:
            share_nav(env, self._nav_folder)
        except SpeedUpOff as exc:  # the plain path: Material renders each page's navigation
            log.info("navigation rendered per page: %s", exc)
        try:
            self.page_renders = install_page_shell(env, self._nav_folder)
        except SpeedUpOff as exc:
            log.info("pages rendered in full: %s", exc)
        gc.freeze()  # MkDocs' files, pages and navigation too live until the build ends (on_config)
        return env

    def _nav_folder(self, page) -> str | None:
        """The folder whose pages all see the same navigation as `page`, or None if its own
        differs: it is in the navigation, or something in the navigation lies under it."""
        if page is None or page.file.src_uri in self.nav_pages:
            return None
        if page.url and any(url.startswith(page.url) for url in self.nav_urls):
            return None
        return posixpath.dirname(page.url.rstrip("/"))

    @event_priority(-50)  # late: the head as other plugins left it gains the JSON-LD
    def on_post_page(self, output: str, page, config) -> str:
        if self.preview.problems:
            output = _with_problems(output, self.preview.problems)
        output = add_to_head(output, document_head(self.register, page.file.src_uri, page.url,  # JSON-LD
                                                   config.site_url, config.use_directory_urls))
        if page.file.src_uri in self.generated:
            # MkDocs keeps every page's text until the build ends; a generated page's is no
            # longer needed once written (its HTML is returned here), and at 10,000 documents
            # they add up to gigabytes
            page.markdown = page.content = None
        return output

    @event_priority(-50)  # late: every file is written when the index is finished
    def on_post_build(self, config) -> None:
        gc.unfreeze()
        feed = render_feed(self.register, Labels(self.lang), self.history, config.site_name,
                           config.site_url, config.repo_url, config.use_directory_urls,
                           fallback=as_of_moment(self.as_of))
        (Path(config.site_dir) / FEED).write_text(feed, encoding="utf-8")  # the recent changes, as Atom
        if self.staging is not None:
            self.staging.end()  # MkDocs has written every page and file: a dirty rebuild's base
        if self.preview.previews is not None:
            # the pages near an edit are shown: a rebuild shows the whole site once the helper
            # has rendered it
            self.preview.previews.end(self._show_whole if self.preview.rebuild is not None else None)
        if self.preview.open_data_writer is not None and self.preview.writing_on:
            self.preview.open_data_writer.resume()
        elif self.preview.open_data_writer is not None:
            # then, while the editor reads, a full pass of the garbage collector: the register
            # and pages it was kept off (on_config) never prompt one, and the last rebuild's
            # cycles would pile up (5 MB a rebuild at 1,000 documents)
            self.preview.open_data_writer.start(self.preview.preview_data, Path(config.site_dir), then=gc.collect)
        if not self.serving:
            self.staging = None
        self.search.finish(Path(config.site_dir))

    def _edit_seen(self) -> None:
        """A record was saved: the open data being written is of the register before it, and
        its thread would take half the interpreter from the rebuild's start (the configuration
        and theme read again: 3 s more at 10,000 documents). The rebuild stops it (on_config)."""
        if self.preview.open_data_writer is not None:
            self.preview.open_data_writer.pause()

    def _show_whole(self) -> None:
        self.preview.whole_ready = True
        self.preview.rebuild()

    def on_serve(self, server, config, builder):
        self.preview.records_watch = watch_records(server, str(self.root / "decisions"), first=self._edit_seen)
        self.preview.rebuild = rebuilder(server)
        return server


class _GeneratedFile(File):
    """A file the plugin makes, at a path urls.py or export.py wrote in posix form already."""

    @File.src_path.setter
    def src_path(self, value: str) -> None:
        # MkDocs normalises it with pathlib: 0.5 s of each preview rebuild at 10,000 documents
        self.src_uri = value


class StagedFile(_GeneratedFile):
    """A generated page or open-data file that MkDocs reads from its compressed bytes
    (staging.py): unpacked each time MkDocs asks for its content, never kept unpacked."""
    _packed: Packed | None = None

    @classmethod
    def staged(cls, config, src_uri: str, packed: Packed,
               inclusion: InclusionLevel = InclusionLevel.UNDEFINED) -> StagedFile:
        file = cls.generated(config, src_uri, content=b"", inclusion=inclusion)
        file._packed = packed
        return file

    # MkDocs' public ways to a file's content, read from the packed bytes; set (by MkDocs or
    # another plugin), the content is File's own again
    @property
    def content_bytes(self) -> bytes:
        if self._packed is None:
            return File.content_bytes.fget(self)
        content = self._packed.unpack()
        return content if isinstance(content, bytes) else content.encode("utf-8")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self._packed = None
        File.content_bytes.fset(self, value)

    @property
    def content_string(self) -> str:
        if self._packed is None:
            return File.content_string.fget(self)
        content = self._packed.unpack()
        return content if isinstance(content, str) else content.decode("utf-8-sig")

    @content_string.setter
    def content_string(self, value: str) -> None:
        self._packed = None
        File.content_string.fset(self, value)

    def copy_file(self, dirty: bool = False) -> None:
        """An open-data file, written from its packed bytes."""
        if self._packed is None:
            return super().copy_file(dirty)
        if dirty and not self.is_modified():
            return
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        with open(self.abs_dest_path, "wb") as out:
            out.write(self.content_bytes)

    def is_modified(self) -> bool:
        """Whether a dirty build (`register serve`) must write it again: only if its bytes
        changed, for the last complete build (staging.py) wrote it into this same folder.
        Asking the disk as well cost 0.7 s of a rebuild at 10,000 documents (MkDocs asks twice
        a page, and the page's path is worked out with pathlib)."""
        return self._packed is None or self._packed.changed


class PreviewFile(_GeneratedFile):
    """An open-data file of a preview: known to MkDocs, so links to it resolve, but written by
    the preview's OpenDataWriter once the pages are (preview.py), never by MkDocs."""

    def copy_file(self, dirty: bool = False) -> None:
        pass

    def is_modified(self) -> bool:
        return False


def _staged(stage: Staging, path: str, content: PageContent) -> Packed:
    """A generated page for MkDocs: its text, its helper-made (digest, compressed bytes), or
    None for the last build's."""
    if content is None:
        kept = stage.carry(path)
        if kept is None:
            raise PluginError(f"{path}: the preview lost the last build's page; restart `register serve`")
        return kept
    if isinstance(content, tuple):
        return stage.packed(path, *content)
    return stage.pack(path, content)


def _packed_site_files(register, options: dict) -> list[tuple[str, bytes, bytes]]:
    """The open-data files as (path, digest, compressed bytes): what the child process hands
    back is a sixth of their size."""
    return [(path, *compress(content)) for path, content in site_files(register, **options).items()]


def _with_problems(output: str, problems: tuple[str, ...]) -> str:
    """A preview's page, when an edit broke the records: what is wrong, above the last good page."""
    body = output.find("<body")
    end = output.find(">", body) + 1 if body >= 0 else 0
    if not end:
        return output
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in problems)
    notice = ('<div role="alert" class="register-preview-problems" style="background:#fdecea;'
              'color:#611a15;padding:.6rem 1rem;border-bottom:2px solid #b71c1c;font-size:.8rem">'
              "<strong>Bản ghi có lỗi — trang đang hiện bản ghi hợp lệ gần nhất.</strong> "
              "<em>The records have errors; this preview shows the last good ones.</em>"
              f"<ul style=\"margin:.3rem 0 0 1rem\">{items}</ul></div>")
    return output[:end] + notice + output[end:]


def _nav_titles(nav: list) -> dict[str, str]:
    """The title the navigation gives each page it names with one (`- Nhiệm vụ: nhiem-vu/index.md`)."""
    titles: dict[str, str] = {}
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = title
                elif isinstance(value, list):
                    titles.update(_nav_titles(value))
    return titles
