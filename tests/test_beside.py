"""generator/speedups/beside.py runs the open data's making in a forked child: its answer comes back
whole, its failure comes back in its own words instead of hanging or losing the build, and
with other threads running it runs in place."""
from __future__ import annotations

import os
import threading

import pytest

from generator.speedups.beside import Beside, BesideError, BesideStream


def _made_where(word: str) -> tuple[int, str, bytes]:
    return os.getpid(), word, "Đề án 06".encode("utf-8") * 100_000   # more than a pipe holds


def _fails() -> None:
    raise ValueError("register.json: khóa không hợp lệ")


def test_the_answer_comes_back_whole_from_another_process():
    pid, word, data = Beside(_made_where, "Nhiệm vụ").result()
    assert pid != os.getpid() and word == "Nhiệm vụ"
    assert data == "Đề án 06".encode("utf-8") * 100_000


def test_a_failure_comes_back_in_its_words():
    with pytest.raises(BesideError, match="ValueError: register.json: khóa không hợp lệ"):
        Beside(_fails).result()


def test_with_other_threads_running_it_runs_in_place():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        pid, _, _ = Beside(_made_where, "x").result()
    finally:
        stop.set()
        other.join()
    assert pid == os.getpid()


def test_an_abandoned_child_is_stopped():
    import time
    beside = Beside(time.sleep, 60)
    pid = beside._stream._pid
    started = time.monotonic()
    beside.abandon()
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)   # reaped: no zombie left


def test_where_the_system_refuses_a_fork_it_runs_in_place(monkeypatch):
    def refuse():
        raise OSError(12, "Cannot allocate memory")
    monkeypatch.setattr(os, "fork", refuse)
    pid, word, _ = Beside(_made_where, "Văn bản").result()
    assert pid == os.getpid() and word == "Văn bản"


# --- BesideStream: items made ahead in a child, read as they come (generator/speedups/shared_read.py) ----

def _counted(n: int, fail_at: int | None = None):
    for i in range(n):
        if i == fail_at:
            raise ValueError(f"trang {i}: không đọc được")
        yield i, os.getpid(), "Quyết định 749/QĐ-TTg " * (20_000 if i == 1 else 1)  # one item > a pipe


def _all(stream: BesideStream) -> list:
    items = []
    while True:
        try:
            items.append(stream.next())
        except StopIteration:
            return items


def test_a_stream_brings_every_item_in_order_from_another_process():
    stream = BesideStream(_counted, 50)
    assert stream.forked
    items = _all(stream)
    assert [i for i, _, _ in items] == list(range(50))
    assert all(pid != os.getpid() for _, pid, _ in items)
    assert items[1][2] == "Quyết định 749/QĐ-TTg " * 20_000


def test_a_stream_that_fails_says_so_after_the_items_it_made():
    stream = BesideStream(_counted, 50, 7)
    got = []
    with pytest.raises(BesideError, match="ValueError: trang 7: không đọc được"):
        while True:
            got.append(stream.next()[0])
    assert got == list(range(7))


def test_with_other_threads_running_a_stream_makes_nothing():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        stream = BesideStream(_counted, 3)
    finally:
        stop.set()
        other.join()
    assert not stream.forked
    with pytest.raises(StopIteration):
        stream.next()


def test_an_abandoned_stream_stops_its_child():
    stream = BesideStream(_counted, 10_000_000)
    pid = stream._pid
    stream.next()
    stream.abandon()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)
