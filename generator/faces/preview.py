"""A preview's open data (`register serve`), written after its pages, in a thread.

At 10,000 documents the open data (register.json, csv/, one JSON per document, redirects) takes
15–20 s to make, and a preview has no second process to make it in (beside.py: its watcher's
threads rule out a fork). Made before the pages, it held every refresh back by that much, for
files an editor checking a page does not look at. So a preview makes it once its pages are
written, writes only the files whose bytes changed, and removes those no longer made; an edit
saved meanwhile stops it between two files, or inside a long one at its next checkpoint
(export.open_data_files), and the next rebuild starts it again. A rebuild
that shows the same records' whole site (preview_pages.py) pauses it instead, and it goes on
once that is written; a record saved pauses it too, until its rebuild stops it. No MkDocs import here.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Callable

from generator.core.read.load import ReadCache
from generator.core.safe_fs import write_inside
from generator.faces.preview_helper import PreviewHelper
from generator.faces.preview_pages import PreviewPages
from generator.faces.staging import digest
from generator.speedups.page_shell import CompiledTemplates

__all__ = ["OpenDataWriter", "Stopped"]

log = logging.getLogger("mkdocs.plugins.register")


class Preview:
    """What `register serve` keeps from one rebuild to the next, in one place: the plugin holds
    one (empty, but for a preview) and starts it before MkDocs starts its threads."""

    def __init__(self) -> None:
        self.read_cache: ReadCache | None = None  # documents kept from one rebuild to the next
        self.open_data_writer: OpenDataWriter | None = None  # the open data, made after the pages
        self.helper: PreviewHelper | None = None  # reads the register beside it, renders half its pages
        self.compiled_templates: CompiledTemplates | None = None  # no template compiled again
        self.previews: PreviewPages | None = None  # the renders, from one rebuild to the next
        self.records_watch = None  # the watcher of decisions/ (preview_watch.py)
        self.rebuild: Callable[[], None] | None = None  # asks `register serve` for a rebuild
        self.whole_ready = False  # the rebuild asked for shows the helper's whole site
        self.writing_on = False  # this build pauses the open data the last one is writing, then resumes it
        self.data_options: dict | None = None  # those the open data is written with
        self.problems: tuple[str, ...] = ()  # what an edit broke in the records (path:line: …)
        self.problems_shown: tuple[str, ...] = ()  # those the written pages show
        self.preview_data: list = []  # the open-data files, made once the pages are written

    def start(self) -> None:
        self.read_cache, self.open_data_writer, self.helper = ReadCache(), OpenDataWriter(), PreviewHelper()
        self.compiled_templates, self.previews = CompiledTemplates(), PreviewPages()

    def stop(self) -> None:
        """MkDocs keeps the plugin for the whole process: a later `build` in it is no preview."""
        self.read_cache = self.compiled_templates = self.rebuild = None
        if self.previews is not None:
            self.previews.stop()
            self.previews = None
        if self.open_data_writer is not None:
            self.open_data_writer.stop()
            self.open_data_writer = None
        if self.helper is not None:
            self.helper.close()
            self.helper = None
        if self.records_watch is not None:
            self.records_watch.stop()
            self.records_watch.join(timeout=5)
            self.records_watch = None


class Stopped(Exception):
    """The writer was stopped while it made a file."""


class OpenDataWriter:
    """Writes a register's open data into a site folder, in a thread, one file at a time."""

    def __init__(self) -> None:
        self._digests: dict[str, bytes] = {}  # of the files on disk, as this writer wrote them
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._going = threading.Event()  # cleared while paused
        self._going.set()
        self.error: BaseException | None = None

    def start(self, files: list[tuple[str, Callable[[], bytes]]], site_dir: Path,
              then: Callable[[], object] | None = None) -> None:
        """Make and write `files` (export.open_site_files) under `site_dir`, from now on, and
        call `then` once every file is written, unless stopped first."""
        self.stop()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(files, Path(site_dir), self._stop, then),
                                        name="register-open-data", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop between two files and wait: a rebuild is starting."""
        self._stop.set()
        self._going.set()
        self.wait()

    def pause(self) -> None:
        """Write no further file until `resume`: a rebuild needs the interpreter, not the data."""
        self._going.clear()

    def resume(self) -> None:
        self._going.set()

    def checkpoint(self) -> None:
        """Called while a file is made: wait here while paused; give the file up once stopped.
        register.json takes 4 s to make at 10,000 documents, which a rebuild waited for."""
        self._going.wait()
        if self._stop.is_set():
            raise Stopped

    def wait(self) -> None:
        """Wait until every file is written (tests, benchmarks)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self, files: list[tuple[str, Callable[[], bytes]]], site_dir: Path, stop: threading.Event,
             then: Callable[[], object] | None) -> None:
        self.error = None
        made: set[str] = set()
        try:
            for path, make in files:
                self._going.wait()
                if stop.is_set():
                    return
                content = make()
                made.add(path)
                new = digest(content)
                if self._digests.get(path) != new or not (site_dir / path).is_file():
                    self._digests.pop(path, None)
                    _write(site_dir, path, content)
                    self._digests[path] = new
            for path in sorted(set(self._digests) - made):  # a deleted document's JSON
                del self._digests[path]
                (site_dir / path).unlink(missing_ok=True)
            if then is not None:
                then()
        except Stopped:
            return
        except Exception as exc:  # the pages are up to date; say what is not
            self.error = exc
            log.error(f"open data not written: {exc}")


def _write(site_dir: Path, path: str, content: bytes) -> None:
    """Write `path` under `site_dir`, whole: a reader never gets half a file."""
    write_inside(site_dir, path, content)  # refuses `..`, an absolute path, a link (safe_fs.py)
