"""A large register's pages are rendered in two halves, one in another process: a forked child
(render/__init__.py) or a preview's helper (preview_helper.py). Whoever renders them, the
site must be the one a single process renders, and a helper that read other files than the
preview, or died, must not put its pages in the preview."""
from __future__ import annotations

import os
import signal
from datetime import date

from generator.core.read.load import ReadCache, load_register
from generator.core.read.provenance import read_history
from generator.core.render import render_part, render_site, site_jobs
import generator.speedups.shared_render as shared_render
from generator.faces.preview_helper import PreviewHelper

from conftest import edit

AS_OF = date(2026, 11, 22)
EDITED = "decisions/2020/139-tb-vpcp.md"


def _options(root) -> dict:
    return dict(lang="vi", as_of=AS_OF, intros={}, history=read_history(root), repo_url=None,
                directory_urls=True)


def _alone(register, options) -> dict[str, str]:
    """Every page, rendered in this process in one pass."""
    return dict(sorted(render_part(site_jobs(register, **options)[1], 0, 1).items()))


def test_a_render_shared_with_a_child_is_the_site_one_process_renders(register_copy, monkeypatch):
    register, _ = load_register(register_copy)
    options = _options(register_copy)
    forked = []
    beside = shared_render.Beside

    def watched(*args):
        made = beside(*args)
        forked.append(made.forked)
        return made

    monkeypatch.setattr(shared_render, "SHARED_RENDER_FROM", 1)  # the seeds are a few documents
    monkeypatch.setattr(shared_render, "Beside", watched)
    shared = render_site(register, **options, split=shared_render.fork_half).pages
    assert forked == [True], "no child rendered half the pages"
    assert shared == _alone(register, options)
    assert any(page.startswith("van-ban/") for page in shared) and any(page.startswith("nhiem-vu/") for page in shared)


def test_a_preview_helper_renders_the_half_the_preview_does_not(register_copy):
    helper = PreviewHelper()
    assert helper.alive
    try:
        cache = ReadCache()
        helper.read(register_copy)
        register, _ = load_register(register_copy, cache)
        options = _options(register_copy)
        half = helper.render(cache.stamp, options).result()
        jobs = site_jobs(register, **options)[1]
        assert half and half == render_part(jobs, 1, 2)
        assert not set(half) & set(render_part(jobs, 0, 2))
        whole = render_site(register, **options, other_half=lambda: helper.render(cache.stamp, options)).pages
        assert whole == _alone(register, options)

        # the helper's last read was before an edit the preview's read saw: its pages are not used
        edit(register_copy / EDITED, r"^title: .*$", "title: Kết luận đã sửa sau khi trợ lý đọc")
        edited, _ = load_register(register_copy, cache)
        assert helper.render(cache.stamp, options).result() is None
        whole = render_site(edited, **options, other_half=lambda: helper.render(cache.stamp, options)).pages
        assert "Kết luận đã sửa sau khi trợ lý đọc" in whole["van-ban/2020/139-tb-vpcp.md"]
        assert whole == _alone(edited, options)
    finally:
        helper.close()


def test_a_preview_whose_helper_died_renders_every_page_itself(register_copy):
    helper = PreviewHelper()
    assert helper.alive
    os.kill(helper._pid, signal.SIGKILL)
    cache = ReadCache()
    helper.read(register_copy)
    register, _ = load_register(register_copy, cache)
    options = _options(register_copy)
    whole = render_site(register, **options, other_half=lambda: helper.render(cache.stamp, options)).pages
    assert whole == _alone(register, options)
    assert not helper.alive
