"""The staging folder (generator/staging.py) is what lets `register serve` rebuild only what
changed: a page whose content is the same keeps its file and its modification time."""
from __future__ import annotations

import os
from pathlib import Path

from generator.staging import Staging


def test_unchanged_pages_keep_their_file_changed_and_dropped_ones_do_not():
    stage = Staging()
    try:
        stage.begin()
        kept = Path(stage.write("pages/nhiem-vu/a.md", "# Nhiệm vụ A\n"))
        edited = Path(stage.write("pages/van-ban/2019/8540-tb-vpcp.md", "# Thông báo 8540\n"))
        dropped = Path(stage.write("pages/co-quan/cu.md", "# Cơ quan cũ\n"))
        stage.end()
        old = 1_000_000_000_000_000_000
        for path in (kept, edited):
            os.utime(path, ns=(old, old))   # as if written long before the edit

        stage.begin()
        assert stage.write("pages/nhiem-vu/a.md", "# Nhiệm vụ A\n") == str(kept)
        stage.write("pages/van-ban/2019/8540-tb-vpcp.md", "# Thông báo 8540 (đã sửa)\n")
        stage.end()

        assert kept.stat().st_mtime_ns == old                 # MkDocs will not rebuild it
        assert edited.stat().st_mtime_ns > old                # it will rebuild this one
        assert edited.read_text(encoding="utf-8") == "# Thông báo 8540 (đã sửa)\n"
        assert not dropped.exists()                           # no stale page is served
    finally:
        stage.remove()
    assert not stage.folder.exists()
