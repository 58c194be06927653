"""`register serve` after an edit: MkDocs rebuilds the preview dirty, as its serve command does
(the config loaded again, the plugin kept), and only the generated files whose content changed
are written again (generator/faces/staging.py). The edited document's page and open data show the
edit; a page the edit does not touch is left as it was."""
from __future__ import annotations

import json
import os
import weakref
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import edit
from generator.faces.plugin import RegisterPlugin

NEW_TITLE = "Kết luận đã sửa về Chính phủ điện tử của Văn phòng Chính phủ"
LONG_AGO = 1_000_000_000_000_000_000  # ns: a modification time no rebuild would write


def test_an_edit_rebuilds_its_own_page_and_data_and_leaves_other_pages_alone(register_copy, tmp_path,
                                                                              monkeypatch, caplog):
    monkeypatch.setenv("REGISTER_AS_OF", "2026-11-22")
    site = tmp_path / "site"

    def load():
        # strict off: MkDocs warns of any dirty build, and `register serve` filters that out
        return load_config(str(register_copy / "mkdocs.yml"), site_dir=str(site), strict=False)

    config = load()
    config.plugins.on_startup(command="serve", dirty=True)
    written = config.plugins["register"].preview.open_data_writer  # a preview's open data follows its pages
    try:
        build(config, dirty=False)
        written.wait()
        # the open data is written after the pages, and MkDocs knows it is there: the page of
        # open data links to it, and a strict configuration counts a broken link as a failure
        assert not [r.getMessage() for r in caplog.records if "not found among documentation files" in r.getMessage()]
        edited_page = site / "van-ban/2019/8540-tb-vpcp/index.html"
        untouched_page = site / "van-ban/2018/ket-luan-ttg-thanh-lap-uy-ban-cpdt/index.html"
        data = sorted(p for p in site.rglob("*.json") if "8540" in p.name and "pagefind" not in p.parts)
        assert data, "no open-data file of 8540/TB-VPCP"
        for path in (edited_page, untouched_page, *data):
            assert NEW_TITLE not in path.read_text(encoding="utf-8")
            os.utime(path, ns=(LONG_AGO, LONG_AGO))

        edit(register_copy / "decisions/2019/8540-tb-vpcp.md", r"^title: .*$", f"title: {NEW_TITLE}")
        build(load(), dirty=True)
        written.wait()

        assert NEW_TITLE in edited_page.read_text(encoding="utf-8")
        assert any(NEW_TITLE in json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False)
                   for p in data)
        assert untouched_page.stat().st_mtime_ns == LONG_AGO
        assert NEW_TITLE not in untouched_page.read_text(encoding="utf-8")
    finally:
        config.plugins.on_shutdown()


def test_a_rebuild_leaves_nothing_of_the_last_one_behind(register_copy, tmp_path, monkeypatch):
    """The register and pages are kept off the garbage collector during a build (plugin.py,
    on_config); a preview runs many builds in one process, and the last one's pages, which hold
    reference cycles, must be freed once the next one is written."""
    monkeypatch.setenv("REGISTER_AS_OF", "2026-11-22")
    pages: list[weakref.ref] = []
    seen = RegisterPlugin.on_post_page

    def keep(self, output, page, config):
        pages.append(weakref.ref(page))
        return seen(self, output, page=page, config=config)

    monkeypatch.setattr(RegisterPlugin, "on_post_page", keep)

    def load():
        return load_config(str(register_copy / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=False)

    config = load()
    plugins = config.plugins
    plugins.on_startup(command="serve", dirty=True)
    written = plugins["register"].preview.open_data_writer
    try:
        build(config, dirty=False)
        written.wait()
        first = list(pages)
        assert first, "no page was built"
        del config
        edit(register_copy / "decisions/2019/8540-tb-vpcp.md", r"^title: .*$", f"title: {NEW_TITLE}")
        build(load(), dirty=True)
        written.wait()
        kept = [ref() for ref in first if ref() is not None]
        assert not kept, f"{len(kept)} of the first build's {len(first)} pages are still in memory"
    finally:
        plugins.on_shutdown()
