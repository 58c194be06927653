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
        edit(register_copy / "decisions/2019/8540-tb-vpcp.md", r"^title: .*$", f"title: {NEW_TITLE}")
        wait_for(base + "van-ban/2019/8540-tb-vpcp/", NEW_TITLE, SECONDS, proc)
        wait_for(base + "van-ban/2019/8540-tb-vpcp.json", NEW_TITLE, SECONDS, proc)
        wait_for(base + "register.json", NEW_TITLE, SECONDS, proc)

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
    said = (tmp_path / "serve.log").read_bytes()
    assert b"Traceback" not in said
    # generated pages are out of the navigation by design: not listed as omitted from it on every
    # rebuild (22,000 lines at 10,000 documents)
    assert b'not included in the "nav" configuration' not in said
