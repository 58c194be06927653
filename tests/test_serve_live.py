"""`register serve` as an editor runs it: the preview shows an edit to a record, on its page and
then in its open data, without being restarted; a broken edit is reported with its file and
line, and its fix shows."""
from __future__ import annotations

import sys
import time

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

        # a slip while editing: the preview says where it is, and holds the pages (MkDocs answers
        # no page until a build succeeds again) until it is mended
        time.sleep(1.5)
        edit(register_copy / "decisions/2019/8540-tb-vpcp.md", r"^title: .*$", "title: [chưa đóng")
        deadline = time.monotonic() + SECONDS
        while b"decisions/2019/8540-tb-vpcp.md:4: malformed YAML" not in (tmp_path / "serve.log").read_bytes():
            assert time.monotonic() < deadline, "the preview did not report the broken record"
            time.sleep(0.3)
        time.sleep(1.5)
        edit(register_copy / "decisions/2019/8540-tb-vpcp.md", r"^title: .*$", f"title: {NEW_TITLE} (2)")
        wait_for(base + "van-ban/2019/8540-tb-vpcp/", f"{NEW_TITLE} (2)", SECONDS, proc)
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
