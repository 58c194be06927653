"""A function run in a forked copy of the build, on the machine's other core.

While the core renders the pages, the second core has nothing to do: Pagefind, which uses it
later, only gets pages once MkDocs converts them. Writing the open data (export.py) needs the
register and nothing the rendering makes, and at 10,000 documents it costs 15 s; a forked
child has the register already in memory, so it can work meanwhile and hand back only its
result.

Forking a process that runs other threads can leave the child waiting on a lock one of them
held, so with other threads running (`register serve`'s file watcher and web server), where
there is no fork, or where the system refuses one, the function runs in place instead.
"""
from __future__ import annotations

import os
import pickle
import signal
import threading
import traceback
from typing import Any, Callable

__all__ = ["Beside", "BesideError"]


class BesideError(RuntimeError):
    pass


class Beside:
    """`function(*args)`, started now in a child process; `result()` waits for its value."""

    def __init__(self, function: Callable[..., Any], *args: Any):
        self._pid = pid = None
        if hasattr(os, "fork") and threading.active_count() == 1:
            read, write = os.pipe()
            try:
                pid = os.fork()
            except OSError:  # no memory for a copy, under strict overcommit
                os.close(read)
                os.close(write)
        if pid is None:
            self._value = function(*args)
            return
        if pid == 0:  # the child: compute, send, and leave without running the parent's cleanup
            code = 1
            try:
                os.close(read)
                try:
                    payload = pickle.dumps((True, function(*args)), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException as exc:  # noqa: BLE001 - told to the parent, in its words
                    lines = traceback.format_exception_only(type(exc), exc)
                    payload = pickle.dumps((False, "".join(lines).strip()))
                with os.fdopen(write, "wb") as out:
                    out.write(payload)
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> Any:
        if self._pid is None:
            return self._value
        with os.fdopen(self._read, "rb") as source:
            payload = source.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        if not payload:
            raise BesideError(f"the child process stopped ({os.waitstatus_to_exitcode(status)}) "
                              "without an answer")
        ok, value = pickle.loads(payload)
        if not ok:
            raise BesideError(value)
        self._value = value
        return value

    def abandon(self) -> None:
        """Stop it: the build failed before its result was needed."""
        if self._pid is not None:
            os.kill(self._pid, signal.SIGKILL)
            os.close(self._read)
            os.waitpid(self._pid, 0)
            self._pid = None
