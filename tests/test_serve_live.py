"""`register serve` as an editor runs it: the preview shows an edit to a record, on its page and
then in its open data, without being restarted; a broken edit is reported with its file and
line, and its fix shows."""
from __future__ import annotations

import socket
import sys
import time
import urllib.request

from conftest import ROOT, edit

sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_serve import serving, wait_for  # noqa: E402  (the serve benchmark's own steps)

NEW_TITLE = "Thông báo đã sửa trong lúc xem trước"
SECONDS = 180


def test_the_preview_shows_an_edit_on_its_page_and_in_its_open_data(register_copy, tmp_path):
    with open(tmp_path / "serve.log", "wb") as log, serving(register_copy, log, "2026-11-22") as (proc, base):
        wait_for(base, "<html", SECONDS, proc)
        wait_for(base + "van-ban/2019/8540-tb-vpcp.json", "8540/TB-VPCP", SECONDS, proc)  # after the pages
        time.sleep(1.5)  # the watcher compares modification times: let this edit be a later one
        # decisions/ is watched by the system's file events (preview_watch.py), and the preview's
        # own reading of the records is not taken for an edit
        said = (tmp_path / "serve.log").read_bytes()
        assert b"decisions' for changes (file system events)" in said
        assert said.count(b"Building documentation") == 1, "the preview rebuilt with nothing edited"
        edit(register_copy / "decisions/2019/8540-tb-vpcp.md", r"^title: .*$", f"title: {NEW_TITLE}")
        wait_for(base + "van-ban/2019/8540-tb-vpcp/", NEW_TITLE, SECONDS, proc)
        wait_for(base + "van-ban/2019/8540-tb-vpcp.json", NEW_TITLE, SECONDS, proc)
        wait_for(base + "register.json", NEW_TITLE, SECONDS, proc)
        time.sleep(2)  # a rebuild's reading the registries again is no edit: one rebuild for one edit
        assert (tmp_path / "serve.log").read_bytes().count(b"Building documentation") == 2

        # a slip while editing: the terminal says where it is, and the browser keeps getting the
        # last good pages, each saying what is broken, until it is mended
        time.sleep(1.5)
        edit(register_copy / "decisions/2019/8540-tb-vpcp.md", r"^title: .*$", "title: [chưa đóng")
        deadline = time.monotonic() + SECONDS
        while b"decisions/2019/8540-tb-vpcp.md:4: malformed YAML" not in (tmp_path / "serve.log").read_bytes():
            assert time.monotonic() < deadline, "the preview did not report the broken record"
            time.sleep(0.3)
        for page in ("van-ban/2019/8540-tb-vpcp/", "", "nhiem-vu/"):
            wait_for(base + page, "decisions/2019/8540-tb-vpcp.md:4: malformed YAML", 60, proc)
        with urllib.request.urlopen(base + "van-ban/2019/8540-tb-vpcp/", timeout=10) as answer:
            shown = answer.read().decode("utf-8")
        assert "Bản ghi có lỗi" in shown and NEW_TITLE in shown  # the last good record, and why
        time.sleep(1.5)
        edit(register_copy / "decisions/2019/8540-tb-vpcp.md", r"^title: .*$", f"title: {NEW_TITLE} (2)")
        wait_for(base + "van-ban/2019/8540-tb-vpcp/", f"{NEW_TITLE} (2)", SECONDS, proc)
        for page in ("van-ban/2019/8540-tb-vpcp/", "", "nhiem-vu/"):
            with urllib.request.urlopen(base + page, timeout=10) as answer:
                assert "Bản ghi có lỗi" not in answer.read().decode("utf-8"), page
        wait_for(base + "van-ban/2019/8540-tb-vpcp.json", f"{NEW_TITLE} (2)", SECONDS, proc)

        # a record added in a folder that did not exist when the preview started is seen too
        time.sleep(1.5)
        (register_copy / "decisions/2031").mkdir()
        (register_copy / "decisions/2031/moi.md").write_text("---\ntitle: [chưa đóng\n---\n", encoding="utf-8")
        deadline = time.monotonic() + SECONDS
        while b"decisions/2031/moi.md:" not in (tmp_path / "serve.log").read_bytes():
            assert time.monotonic() < deadline, "the preview did not see a record in a new folder"
            time.sleep(0.3)
    said = (tmp_path / "serve.log").read_bytes()
    assert b"Traceback" not in said
    # generated pages are out of the navigation by design: not listed as omitted from it on every
    # rebuild (22,000 lines at 10,000 documents)
    assert b'not included in the "nav" configuration' not in said


def test_serve_on_a_busy_port_says_so_in_one_line(register_copy, capsys):
    from conftest import run_register

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, out, err = run_register(capsys, "--root", str(register_copy), "serve", "-a", f"127.0.0.1:{port}")
    assert code == 1 and out == ""
    assert err.strip() == (f"register serve: port {port} of 127.0.0.1 is already in use (another "
                           f"preview?): stop it, or choose another port with -a 127.0.0.1:{port + 1}")
    for bad in ("8000", "127.0.0.1:99999", "127.0.0.1:http"):
        code, _, err = run_register(capsys, "--root", str(register_copy), "serve", "-a", bad)
        assert code == 1 and err.count("\n") == 1 and "not an address such as 127.0.0.1:8000" in err
