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
import select
import signal
import struct
import threading
import traceback
from collections import deque
from typing import Any, Callable, Iterator

__all__ = ["Beside", "BesideError", "BesideStream", "InPlace", "can_fork"]


class BesideError(RuntimeError):
    pass


class Beside:
    """`function(*args)`, started now in a child process (a stream of one item: BesideStream);
    `result()` waits for its value. Where no child could be forked, it runs in place, now."""

    def __init__(self, function: Callable[..., Any], *args: Any):
        self._stream: BesideStream | None = BesideStream(_once, function, *args)
        self.forked = self._stream.forked
        if not self.forked:
            self._stream, self._value = None, function(*args)

    def result(self) -> Any:
        if self._stream is not None:
            stream, self._stream = self._stream, None
            try:
                self._value = stream.next()
            except StopIteration:
                raise BesideError("the child process stopped without an answer") from None
            finally:
                stream.abandon()  # it has sent its one item: reap it
        return self._value

    def abandon(self) -> None:
        """Stop it: the build failed before its result was needed."""
        if self._stream is not None:
            self._stream.abandon()
            self._stream = None


class InPlace:
    """Beside's plain path: `function(*args)` run now, here (`fast_build: off`)."""

    def __init__(self, function: Callable[..., Any], *args: Any):
        self.forked, self._value = False, function(*args)

    def result(self) -> Any:
        return self._value

    def abandon(self) -> None:
        pass


def _once(function: Callable[..., Any], *args: Any) -> Iterator[Any]:
    yield function(*args)


def can_fork() -> bool:
    """Whether a child can be forked safely: a fork copies one thread, and none of the others'
    locks."""
    return hasattr(os, "fork") and threading.active_count() == 1


def _failure(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()


_FRAME = struct.Struct("<Q")


class BesideStream:
    """The items `generator(*args)` yields, made in a forked child ahead of their use: the child
    works on the next items while this process uses the ones it sent.

    Where no child could be forked (other threads running, no fork, the system refusing one),
    `forked` is False and nothing is made: the caller makes the items in place. Items travel
    pickled, each in a frame of its own."""

    def __init__(self, generator: Callable[..., Iterator[Any]], *args: Any):
        self._pid: int | None = None
        self._items: deque = deque()
        self._pending = bytearray()
        self.forked = False
        if not can_fork():
            return
        read, write = os.pipe()
        try:
            import fcntl
            fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, 1 << 20)  # room to work ahead before it waits
        except (ImportError, AttributeError, OSError):
            pass
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:
            code = 1
            try:
                os.close(read)
                with os.fdopen(write, "wb") as out:
                    try:
                        for item in generator(*args):
                            _send(out, (True, item))
                    except BaseException as exc:  # noqa: BLE001 - told to the parent, in its words
                        _send(out, (False, _failure(exc)))
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._read, self.forked = pid, read, True

    def ready(self) -> list[Any]:
        """The items sent so far and not yet taken, without waiting for more."""
        while self._pid is not None and select.select([self._read], [], [], 0)[0]:
            if not self._receive():
                break
        items = list(self._items)
        self._items.clear()
        if not items and self._failure is not None:
            raise BesideError(self._failure)
        return items

    def next(self) -> Any:
        """The next item, waiting for it; StopIteration once the child has sent them all."""
        while not self._items and self._pid is not None:
            self._receive()
        if self._items:
            return self._items.popleft()
        if self._failure is not None:
            raise BesideError(self._failure)
        raise StopIteration

    def _receive(self) -> bool:
        """Read what the pipe holds (waiting for something); False at its end."""
        chunk = os.read(self._read, 1 << 20)
        if not chunk:
            status = self._end()
            if os.waitstatus_to_exitcode(status) != 0 or self._pending:
                raise BesideError(f"the child process stopped ({os.waitstatus_to_exitcode(status)}) "
                                  "before its last item")
            return False
        pending = self._pending
        pending += chunk
        start = 0
        while len(pending) - start >= _FRAME.size:
            size = _FRAME.unpack_from(pending, start)[0]
            if len(pending) - start - _FRAME.size < size:
                break
            body = pending[start + _FRAME.size:start + _FRAME.size + size]
            start += _FRAME.size + size
            ok, value = pickle.loads(body)
            if not ok:  # its last word: told once the items before it are taken
                self._failure = value
                self._end()
                return False
            self._items.append(value)
        del pending[:start]
        return True

    _failure: str | None = None

    def _end(self) -> int:
        os.close(self._read)
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        return status

    def abandon(self) -> None:
        """Stop it: its items are no longer wanted."""
        if self._pid is not None:
            os.kill(self._pid, signal.SIGKILL)
            self._end()
        self._items.clear()
        self._failure = None


def _send(out, message: tuple[bool, Any]) -> None:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_FRAME.pack(len(body)))
    out.write(body)
    out.flush()
