"""`register serve` as an editor runs it: the preview shows an edit to a record, on its page and
then in its open data, without being restarted."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT, edit

NEW_TITLE = "Thông báo đã sửa trong lúc xem trước"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _until(url: str, needle: str, proc: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"register serve exited with {proc.returncode}"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if needle in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show {needle!r} within {seconds:.0f} s")


def test_the_preview_shows_an_edit_on_its_page_and_in_its_open_data(register_copy, tmp_path):
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "--root", str(register_copy), "serve",
                             "--as-of", "2026-11-22", "--dev-addr", f"127.0.0.1:{port}"],
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.DEVNULL,
                            stderr=log, start_new_session=True)
    try:
        _until(base, "<html", proc)
        _until(base + "van-ban/2019/8540-tb-vpcp.json", "8540/TB-VPCP", proc)  # written after the pages
        time.sleep(1.5)  # the watcher compares modification times: let this edit be a later one
        edit(register_copy / "decisions/2019/8540-tb-vpcp.md", r"^title: .*$", f"title: {NEW_TITLE}")
        _until(base + "van-ban/2019/8540-tb-vpcp/", NEW_TITLE, proc)
        _until(base + "van-ban/2019/8540-tb-vpcp.json", NEW_TITLE, proc)
        _until(base + "register.json", NEW_TITLE, proc)
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
    assert b"Traceback" not in (tmp_path / "serve.log").read_bytes()
