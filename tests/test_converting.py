"""generator/speedups/converting.py: a forked child and the build's process convert the generated pages
together. Whoever converts a page, it is the page prerender.py and direct.py make of it in
place; a page whose Markdown changed after it was staged (another plugin), and every page after
the child dies, is converted from what MkDocs read."""
from __future__ import annotations

import os
import signal
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.utils.meta import get_data

from generator.core.read.load import load_register
from generator.core.render import render_site
from generator.core.render.labels import Labels
from generator.core.render.search_meta import search_entries
from generator.speedups.converting import PageConverter, convert

ROOT = Path(__file__).resolve().parent.parent
PERMALINK = "&para;"
SEARCH: dict = {}  # the seed register's search entries, filled by `staged`


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> tuple[Files, frozenset[str]]:
    """The seed register's generated pages, staged as the plugin stages them."""
    register, diagnostics = load_register(ROOT)
    assert diagnostics == []
    pages = render_site(register, lang="vi", as_of=date(2026, 11, 22)).pages
    SEARCH.update(search_entries(register, Labels("vi"), date(2026, 11, 22), generated=pages))
    folder = tmp_path_factory.mktemp("site")
    (folder / "docs").mkdir()
    (folder / "mkdocs.yml").write_text("site_name: Sổ đăng ký\n", encoding="utf-8")
    config = load_config(str(folder / "mkdocs.yml"))
    config.plugins._current_plugin = None  # set by MkDocs while it runs a plugin's event
    files = Files([File.generated(config, path, content=text) for path, text in sorted(pages.items())])
    return files, frozenset(pages)


def _in_place(files: Files, page: str, markdown: str):
    return convert(markdown, page, files.src_uris.__contains__, True, PERMALINK, {}, SEARCH.get(page))


def _same(got, expected) -> bool:
    (done, direct, block), (done_here, direct_here, block_here) = got, expected
    written = done.written == done_here.written or direct is not None  # a page written whole restores nothing
    return (done.markdown, done.ids, done.anchor_links, direct, block, written) == (
        done_here.markdown, done_here.ids, done_here.anchor_links, direct_here, block_here, True)


def _child_sent(converter: PageConverter, page: str) -> None:
    """Wait until the child has sent `page`: it takes the next page only once it has."""
    following = converter._position[page] + 1
    deadline = time.monotonic() + 60
    while converter._claims[following] == 0:
        assert time.monotonic() < deadline, "the child did not go on"
        time.sleep(0.01)


def _markdown(files: Files, page: str) -> str:
    return get_data(files.src_uris[page].content_string)[0]


def test_every_page_is_the_page_converted_in_place_and_the_child_converts_some(staged):
    files, generated = staged
    converter = PageConverter(files, generated, True, PERMALINK, SEARCH)
    pages = [f.src_uri for f in files.documentation_pages()]
    assert len(pages) > 30
    with_block = 0
    for page in pages:
        markdown = _markdown(files, page)
        got = converter.converted(page, markdown)
        assert _same(got, _in_place(files, page, markdown)), page
        with_block += got[2] is not None and "data-pagefind-body" in got[2]
    converter.close()
    assert sum(converter.counts.values()) == len(pages)
    assert with_block > 30  # their search blocks made with them
    assert converter.counts["beside"] > 0, converter.counts


def test_a_page_whose_markdown_changed_since_it_was_staged_is_converted_from_what_mkdocs_read(staged):
    files, generated = staged
    converter = PageConverter(files, generated, True, PERMALINK, SEARCH)
    page = next(f.src_uri for f in files.documentation_pages())
    _child_sent(converter, page)  # it converted the page from its staged Markdown
    changed = _markdown(files, page) + "\nMột đoạn do plugin khác thêm vào.\n"
    got = converter.converted(page, changed)
    converter.close()
    done, direct, _ = got
    shown = direct.html if direct is not None else done.markdown + "".join(done.written)
    assert "Một đoạn do plugin khác thêm vào." in shown
    assert _same(got, _in_place(files, page, changed))
    assert converter.counts == {"here": 1}


def test_after_the_child_dies_every_page_is_converted_here(staged):
    files, generated = staged
    converter = PageConverter(files, generated, True, PERMALINK, SEARCH)
    pages = [f.src_uri for f in files.documentation_pages()]
    os.kill(converter._stream._pid, signal.SIGKILL)
    for page in pages:
        markdown = _markdown(files, page)
        assert _same(converter.converted(page, markdown), _in_place(files, page, markdown)), page
    assert converter._stream is None


def test_with_other_threads_running_every_page_is_converted_here(staged):
    files, generated = staged
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        converter = PageConverter(files, generated, True, PERMALINK, SEARCH)
    finally:
        stop.set()
        other.join()
    for page in [f.src_uri for f in files.documentation_pages()]:
        converter.converted(page, _markdown(files, page))
    assert converter.counts["beside"] == 0 and converter.counts["here"] > 30
