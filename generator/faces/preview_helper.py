"""A preview's second process: it reads the register with the preview and renders half its pages.

The core renders half a large register's pages in a forked child (render/__init__.py), but
`register serve` runs a file watcher and a web server beside each rebuild, and forking a process
with other threads can leave the child waiting on a lock one of them held. So the preview forks its
helper once, at its start, before those threads exist. For each rebuild the helper reads the
register with a cache of its own (load.ReadCache), while the preview reads it, then renders
every other page (render.render_part) while the preview renders the rest.

The two reads must have seen the same files: the helper's pages are used only when its read's
stamp (the stat of every file it read) equals the preview's, and are otherwise rendered again
in the preview. Where no helper could be forked, or it has died, the preview renders alone.

In a large register's preview the helper also renders the whole site in the background while the
preview renders and shows only the pages near an edit (preview_pages.py): `render_all`. It gives
that up as soon as the preview sends it anything else, a newer edit's read.
"""
from __future__ import annotations

import gc
import os
import signal
import threading
from collections.abc import Callable
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from pathlib import Path

from generator.core.read.load import ReadCache, bulk, load_register
from generator.core.render import render_part, render_unless, site_jobs
from generator.faces.staging import compress
from generator.speedups.beside import can_fork


class PreviewHelper:
    """The preview's end of the helper: `read` as a rebuild starts, `render` once the preview
    knows the rest of what the pages need."""

    def __init__(self) -> None:
        self._conn: Connection | None = None
        self._pid: int | None = None
        self._asked = 0  # renders asked for: an answer the preview gave up waiting for is skipped
        if not can_fork():
            return
        mine, theirs = Pipe()
        try:
            pid = os.fork()
        except OSError:
            return
        if pid == 0:
            code = 1
            try:
                mine.close()
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # the preview's Ctrl-C is the preview's
                _serve(theirs)
                code = 0
            finally:
                os._exit(code)
        theirs.close()
        self._conn, self._pid = mine, pid

    @property
    def alive(self) -> bool:
        return self._conn is not None

    def read(self, root: Path) -> None:
        """Start reading the register at `root`."""
        self._send(("read", root))

    def render(self, stamp: tuple, options: dict) -> "HalfRendered":
        """Start rendering the second half of the pages of the register read last, with
        `render.site_jobs`' `options`; its result is used only if its read's stamp is `stamp`."""
        self._asked += 1
        self._send(("render", self._asked, options))
        return HalfRendered(self, self._asked, stamp)

    def render_all(self, options: dict) -> "WholeRendered":
        """Start rendering every page of the register read last, in the background, with
        `render.site_jobs`' `options`."""
        self._asked += 1
        self._send(("all", self._asked, options))
        return WholeRendered(self, self._asked, options)

    def _send(self, message: tuple) -> None:
        if self._conn is not None:
            try:
                self._conn.send(message)
            except OSError:
                self.close()

    def _receive(self):
        if self._conn is None:
            return None
        try:
            return self._conn.recv()
        except (OSError, EOFError):
            self.close()
            return None

    def close(self) -> None:
        """Stop it: it writes nothing, and a preview ending mid-render is not to wait for it."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self._pid = None


class HalfRendered:
    def __init__(self, helper: PreviewHelper, asked: int, stamp: tuple):
        self._helper, self._asked, self._stamp = helper, asked, stamp

    def result(self) -> dict[str, str] | None:
        """Its pages, or None: no helper, a register it could not read, or other files than
        the preview's."""
        while (answer := self._helper._receive()) is not None:
            asked, stamp, pages = answer
            if asked == self._asked:
                return pages if stamp == self._stamp else None
        return None


class WholeRendered:
    """The whole site the helper renders in the background: `when_ready` calls back once its
    answer has come (from a thread that only waits for it); `result` takes it."""

    def __init__(self, helper: PreviewHelper, asked: int, options: dict):
        self._helper, self._asked, self.options = helper, asked, options
        self._waiting = threading.Event()
        self._waiter: threading.Thread | None = None

    def when_ready(self, callback: Callable[[], None]) -> None:
        conn = self._helper._conn
        if conn is None:
            return

        def wait() -> None:
            try:
                while self._waiting.is_set():
                    if conn.poll(0.25):
                        if self._waiting.is_set():
                            callback()
                        return
            except (OSError, EOFError, ValueError):  # the helper or its pipe closed
                return

        self._waiting.set()
        self._waiter = threading.Thread(target=wait, name="register-whole-render", daemon=True)
        self._waiter.start()

    def cancel(self) -> None:
        """Stop waiting: the preview takes the answer itself now, or no longer wants it."""
        self._waiting.clear()
        if self._waiter is not None:
            self._waiter.join()
            self._waiter = None

    def result(self, stamp: tuple) -> tuple[list[tuple[str, bytes, bytes]], str, frozenset[str]] | None:
        """(every page as (path, digest, compressed bytes) (staging.compress), the home page's
        summary, RenderedSite.alone), or None: given up for a newer message, no helper, or a read
        of other files than `stamp` says (the preview's read)."""
        self.cancel()
        while (answer := self._helper._receive()) is not None:
            asked, their_stamp, whole = answer
            if asked == self._asked:
                return whole if their_stamp == stamp else None
        return None


def _serve(conn: Connection) -> None:
    cache = ReadCache()
    register = None
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message[0] == "read":
            register, _ = load_register(Path(message[1]), cache)
            continue
        kind, asked, options = message
        answer = None
        if register is not None and kind == "render":
            with bulk():  # as the preview renders its half (render_site)
                answer = render_part(site_jobs(register, **options)[1], 1, 2)
        elif register is not None and kind == "all":
            site = render_unless(conn.poll, register, **options)  # given up for the next message
            if site is not None:  # sent compressed: a sixth of the text, staged as it comes
                answer = ([(path, *compress(text)) for path, text in site.pages.items()], site.home_summary,
                          site.alone)
            del site
        conn.send((asked, cache.stamp, answer))
        del answer
        gc.collect()  # while the editor reads: the last rebuild's cycles
