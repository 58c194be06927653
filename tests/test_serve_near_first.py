"""A large register's preview shows an edit first on the pages near it, rendered alone
(render/near.py), then the whole site, which its helper renders in the background
(preview_helper.py) and a rebuild of its own shows (preview_pages.py). Each page it shows is the page
a whole render of the edited register makes, and once the whole site is shown, every page is."""
from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import ROOT, edit
from generator.core.read.load import load_register
from generator.core.render import render_site

EDITED = "decisions/2019/8540-tb-vpcp.md"
FIRST_TITLE = "Thông báo đã sửa lần đầu về Chính phủ điện tử"
SECOND_TITLE = "Thông báo đã sửa lần hai về Chính phủ điện tử"
DOCUMENT_PAGE = "van-ban/2019/8540-tb-vpcp/index.html"
ISSUER_PAGE = "co-quan/vpcp/index.html"   # links to the document: near it
YEAR_PAGE = "van-ban/2019/index.html"     # the year's list: a view over every record


@pytest.fixture
def preview(register_copy, tmp_path, monkeypatch):
    """A preview of the seeds as if they were a large register: (its plugin, a rebuild, the
    site folder)."""
    monkeypatch.setenv("REGISTER_AS_OF", "2026-11-22")
    _near_first_from(register_copy, 1)
    site = tmp_path / "site"

    def load():
        return load_config(str(register_copy / "mkdocs.yml"), site_dir=str(site), strict=False)

    config = load()
    config.plugins.on_startup(command="serve", dirty=True)
    register = config.plugins["register"]

    def rebuild(dirty: bool = True) -> None:
        build(load(), dirty=dirty)
        register.preview.open_data_writer.wait()

    rebuild(dirty=False)
    try:
        yield register, rebuild, site
    finally:
        config.plugins.on_shutdown()


def _near_first_from(root: Path, documents: int) -> None:
    """Have the register's preview render the pages near an edit first from `documents` on."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - register:\n      root: .\n" in text
    config.write_text(text.replace("  - register:\n      root: .\n",
                                   f"  - register:\n      root: .\n      preview_near_first_from: {documents}\n"),
                      encoding="utf-8")


def _shows(site: Path, page: str, title: str) -> bool:
    return title in (site / page).read_text(encoding="utf-8")


def _last_text(register_plugin, page: str) -> str | None:
    """The generated page's Markdown as the preview last built it."""
    return register_plugin.preview.previews.last_text(register_plugin.staging, page)


def _whole_render(register_copy: Path, register_plugin) -> dict[str, str]:
    register, diagnostics = load_register(register_copy)
    assert not diagnostics
    return render_site(register, **register_plugin.preview.previews.built.options).pages


def _wait_for_the_whole_site(register_plugin) -> None:
    ready = threading.Event()
    register_plugin.preview.previews.background.when_ready(ready.set)  # as `register serve` is asked for a rebuild
    assert ready.wait(120), "the helper never rendered the whole site"


def test_an_edit_shows_first_on_the_pages_near_it_then_everywhere(preview, register_copy):
    register_plugin, rebuild, site = preview
    edit(register_copy / EDITED, r"^title: .*$", f"title: {FIRST_TITLE}")
    rebuild()

    # the pages near the edit show it, each exactly as a whole render makes it
    assert _shows(site, DOCUMENT_PAGE, FIRST_TITLE) and _shows(site, ISSUER_PAGE, FIRST_TITLE)
    whole = _whole_render(register_copy, register_plugin)
    near = [page for page in register_plugin.preview.previews.built.pages if _last_text(register_plugin, page) == whole[page]
            and FIRST_TITLE in whole[page]]
    assert "van-ban/2019/8540-tb-vpcp.md" in near and "co-quan/vpcp.md" in near
    # a view over every record is not rendered yet: the helper renders the whole site meanwhile
    assert not _shows(site, YEAR_PAGE, FIRST_TITLE)
    assert not register_plugin.preview.previews.built.whole and register_plugin.preview.previews.background is not None

    _wait_for_the_whole_site(register_plugin)
    rebuild()
    assert _shows(site, YEAR_PAGE, FIRST_TITLE)
    assert register_plugin.preview.previews.built.whole and register_plugin.preview.previews.background is None
    assert register_plugin.preview.previews.built.pages == whole.keys()
    differing = [page for page in whole if _last_text(register_plugin, page) != whole[page]]
    assert not differing, f"{len(differing)} pages differ from a whole render, such as {differing[:3]}"


def test_a_newer_edit_before_the_whole_site_is_shown_wins(preview, register_copy):
    register_plugin, rebuild, site = preview
    edit(register_copy / EDITED, r"^title: .*$", f"title: {FIRST_TITLE}")
    rebuild()
    edit(register_copy / EDITED, r"^title: .*$", f"title: {SECOND_TITLE}")
    rebuild()  # the helper's whole site, if rendered, is of the first edit: not used
    assert _shows(site, DOCUMENT_PAGE, SECOND_TITLE) and not register_plugin.preview.previews.built.whole

    _wait_for_the_whole_site(register_plugin)
    rebuild()
    whole = _whole_render(register_copy, register_plugin)
    assert register_plugin.preview.previews.built.whole
    assert all(_last_text(register_plugin, page) == text for page, text in whole.items())
    assert _shows(site, YEAR_PAGE, SECOND_TITLE) and not _shows(site, YEAR_PAGE, FIRST_TITLE)


def test_a_removed_record_leaves_no_page_behind(preview, register_copy):
    register_plugin, rebuild, site = preview
    removed = "van-ban/2020/139-tb-vpcp.md"
    assert removed in register_plugin.preview.previews.built.pages
    published = register_copy / "decisions/published.txt"  # as if it had never been published
    published.write_text("".join(line for line in published.read_text(encoding="utf-8").splitlines(True)
                                 if "139-tb-vpcp" not in line), encoding="utf-8")
    (register_copy / "decisions/2020/139-tb-vpcp.md").unlink()
    rebuild()
    assert removed not in register_plugin.preview.previews.built.pages
    _wait_for_the_whole_site(register_plugin)
    rebuild()
    assert register_plugin.preview.previews.built.pages == _whole_render(register_copy, register_plugin).keys()


def test_a_small_registers_preview_renders_every_page_at_once(register_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("REGISTER_AS_OF", "2026-11-22")
    site = tmp_path / "site"
    config = load_config(str(register_copy / "mkdocs.yml"), site_dir=str(site), strict=False)
    config.plugins.on_startup(command="serve", dirty=True)
    register_plugin = config.plugins["register"]
    try:
        build(config, dirty=False)
        edit(register_copy / EDITED, r"^title: .*$", f"title: {FIRST_TITLE}")
        build(load_config(str(register_copy / "mkdocs.yml"), site_dir=str(site), strict=False), dirty=True)
        assert register_plugin.preview.previews.built.whole and register_plugin.preview.previews.background is None
        assert _shows(site, YEAR_PAGE, FIRST_TITLE)
    finally:
        register_plugin.preview.open_data_writer.wait()
        config.plugins.on_shutdown()


def test_register_serve_shows_the_whole_site_by_itself_after_the_pages_near_an_edit(register_copy, tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_serve import serving, wait_for  # the serve benchmark's own steps

    _near_first_from(register_copy, 1)
    log_path = tmp_path / "serve.log"
    with open(log_path, "wb") as log, serving(register_copy, log, "2026-11-22") as (proc, base):
        wait_for(base + "van-ban/2019/8540-tb-vpcp.json", "8540/TB-VPCP", 180, proc)  # after the pages
        time.sleep(1.5)  # the watcher compares modification times: let this edit be a later one
        edit(register_copy / EDITED, r"^title: .*$", f"title: {FIRST_TITLE}")
        wait_for(base + "van-ban/2019/8540-tb-vpcp/", FIRST_TITLE, 180, proc)
        # no further edit: the preview asks itself for the rebuild that shows the whole site
        wait_for(base + "van-ban/2019/", FIRST_TITLE, 180, proc)
        wait_for(base + "van-ban/2019/8540-tb-vpcp.json", FIRST_TITLE, 180, proc)  # and its open data
    said = log_path.read_bytes().decode("utf-8")
    assert "pages near the edit: " in said and "the whole site follows" in said
    assert said.count("Building documentation") == 3, "not one rebuild for the edit and one for the whole site"
    assert "Traceback" not in said


def test_open_data_paused_for_a_rebuild_goes_on_after_it_or_stops(tmp_path):
    from generator.faces.preview import OpenDataWriter

    def slowly(i: int) -> bytes:
        time.sleep(0.02)
        return f'{{"n": {i}}}'.encode()

    files = [(f"d/{i}.json", (lambda i=i: slowly(i))) for i in range(50)]
    written = lambda: len(list(tmp_path.rglob("*.json")))  # noqa: E731
    writer = OpenDataWriter()
    writer.start(files, tmp_path)
    writer.pause()
    time.sleep(0.3)
    paused_at = written()
    time.sleep(0.3)
    assert written() == paused_at < 50, "a paused writer went on"
    writer.resume()
    writer.wait()
    assert written() == 50

    for i in range(50):
        (tmp_path / f"d/{i}.json").unlink()
    writer.start(files, tmp_path)
    writer.pause()
    writer.stop()  # a newer edit: it must not wait for a resume that never comes
    assert written() <= 1


def test_a_record_saved_while_register_json_is_made_stops_it_there(tmp_path):
    """register.json takes seconds to make at 10,000 documents: a save meanwhile pauses it where
    it is, and the rebuild's stop gives it up there, rather than waiting for the whole file."""
    from generator.publish.export import REGISTER_JSON, open_site_files
    from generator.faces.preview import OpenDataWriter

    register, diagnostics = load_register(ROOT)
    assert not diagnostics
    writer = OpenDataWriter()
    inside, calls = threading.Event(), []

    def checkpoint():  # the first check inside register.json: a record is saved right then
        if not calls:
            writer.pause()
            inside.set()
        calls.append(1)
        writer.checkpoint()

    files = open_site_files(register, checkpoint=checkpoint)
    assert files[0][0] == REGISTER_JSON
    writer.start(files, tmp_path)
    assert inside.wait(timeout=60), "register.json was made without a checkpoint"
    stopping = threading.Thread(target=writer.stop)
    stopping.start()
    stopping.join(timeout=60)
    assert not stopping.is_alive(), "the rebuild waited for register.json to be made"
    assert writer.error is None
    assert calls == [1] and not any(tmp_path.iterdir()), "register.json went on after the stop"

    writer.start(open_site_files(register, checkpoint=writer.checkpoint), tmp_path)
    writer.wait()
    assert (tmp_path / REGISTER_JSON).read_bytes() == dict(open_site_files(register))[REGISTER_JSON](), \
        "register.json made with checkpoints differs from the build's"


def test_a_saved_record_pauses_the_open_data_before_the_rebuild_is_asked_for(tmp_path):
    from generator.faces.preview_watch import watch_records

    class Server:  # what preview_watch uses of MkDocs' LiveReloadServer
        def __init__(self):
            self._rebuild_cond = threading.Condition()
            self._want_rebuild = False

        def watch(self, folder):  # MkDocs' own watcher: not to be used where events are
            raise AssertionError("decisions/ left to polling")

    server, calls = Server(), []
    observer = watch_records(server, str(tmp_path), first=lambda: calls.append(server._want_rebuild))
    try:
        (tmp_path / "moi.md").write_text("---\n", encoding="utf-8")
        deadline = time.monotonic() + 10
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server._want_rebuild, "no rebuild was asked for"
        assert calls and calls[0] is False, "the open data was not paused before the rebuild was asked for"
    finally:
        observer.stop()
        observer.join(timeout=5)
