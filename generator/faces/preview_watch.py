"""A preview learns of edits in decisions/ from the system's file events, not by listing it.

MkDocs' server finds changes by listing every watched folder twice a second and comparing the
listings (watchdog's PollingObserver). At 10,000 documents one listing and its comparison cost
0.25 s of Python, on a thread of the preview's own process: a third of the interpreter's time,
whether idle or rebuilding, and each rebuild a fifth slower. decisions/ is watched here with the
system's events (watchdog's Observer: inotify on Linux, FSEvents on macOS, ...), and an event
asks MkDocs for a rebuild as its own watcher does. Where that cannot be done, decisions/ is
left to MkDocs' watcher, as before.
"""
from __future__ import annotations

import logging
import os
from typing import Any, Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.register")

# what an edit does; reading a file (the preview reads every file it rebuilds from) is an
# event too, on some systems, and must not start a rebuild
EDITS = frozenset({"created", "deleted", "modified", "moved"})


class _Edits(FileSystemEventHandler):
    def __init__(self, rebuild: Callable[[], None], first: Callable[[], None] | None):
        self._rebuild, self._first = rebuild, first

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory and event.event_type in EDITS:
            if self._first is not None:
                self._first()
            self._rebuild()


def rebuilder(server: Any) -> Callable[[], None] | None:
    """What MkDocs' watcher does on a change (mkdocs/livereload: LiveReloadServer.watch), or
    None where this server does it otherwise."""
    condition = getattr(server, "_rebuild_cond", None)
    if condition is None or not hasattr(server, "_want_rebuild"):
        return None

    def rebuild() -> None:
        with condition:
            server._want_rebuild = True
            condition.notify_all()
    return rebuild


def watch_records(server: Any, folder: str, first: Callable[[], None] | None = None) -> Observer | None:
    """Watch `folder` for edits and have `server` rebuild on each, calling `first` before it
    asks: the started observer (stop it when the preview ends), or None, having left `folder`
    to the server's own watcher."""
    rebuild = rebuilder(server)
    observer = Observer()
    if rebuild is not None and not isinstance(observer, PollingObserver):
        try:
            observer.schedule(_Edits(rebuild, first), folder, recursive=True)
            observer.start()
        except OSError as exc:  # such as too few inotify watches left
            log.info(f"watching {folder} by polling it: {exc}")
        else:
            log.info(f"Watching '{_shown(folder)}' for changes (file system events)")
            return observer
    server.watch(folder)
    return None


def _shown(folder: str) -> str:
    """As MkDocs shows the paths it watches: relative to where the preview was started."""
    relative = os.path.relpath(folder)
    return folder if relative.startswith("..") else relative
