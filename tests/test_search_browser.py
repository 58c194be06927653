"""Search in a real browser: Playwright drives Debian's Chromium (/usr/bin/chromium) against the
built site served on 127.0.0.1, typing into the header's search box as a reader would.

Without Chromium (apt-get install chromium) or Playwright (pip install -e '.[test]') these tests
skip and say why; .ci/run installs Chromium so that they run in CI.
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import threading
import zlib
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import ROOT
from generator.core.derive.status import task_status
from generator.core.read.load import load_register
from generator.core.render.labels import Labels
from generator.faces.cli import main as register_main

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AS_OF = date(2026, 11, 22)  # conftest.built_site builds --as-of 2026-11-22

if not CHROMIUM.exists():
    # a skip on a developer's machine without Chromium; in CI (.ci/run installs it) a failure
    _missing = f"search browser tests need Chromium at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(_missing, pytrace=False)
    pytest.skip(_missing, allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="search browser tests need Playwright (pip install -e '.[test]')")
expect = sync_api.expect


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(site: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site_url(built_site):
    server = _serve(built_site)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], f"script errors on the page: {errors}"


def search(page, url: str, query: str, path: str = "van-ban/") -> list[str]:
    """Open a page, type the query into the header's search box key by key, and return the
    titles of the results shown once the search for exactly this query is done."""
    page.goto(url + path)
    box = page.locator("header.md-header .md-search__input")
    box.click()
    box.press_sequentially(query, delay=25)
    return _results(page, query)


def _results(page, query: str) -> list[str]:
    root = page.locator("[data-register-search]")
    expect(root).to_have_attribute("data-search-state", "done", timeout=20_000)
    expect(root).to_have_attribute("data-searched", query)
    return [t.strip() for t in page.locator(".md-search-result__item h2").all_inner_texts()]


def _count(page) -> int:
    text = page.locator(".md-search-result__meta").inner_text()
    found = re.search(r"[\d.,]+", text)
    return int(re.sub(r"\D", "", found.group())) if found else 0


# --- the box ---------------------------------------------------------------------------------


def test_search_box_sits_in_the_header_in_vietnamese(page, site_url):
    page.goto(site_url)
    box = page.locator("header.md-header .md-search__input")
    expect(box).to_be_visible()
    assert "không dấu" in box.get_attribute("placeholder")
    page.keyboard.press("/")
    expect(box).to_be_focused()


def test_phone_opens_search_from_the_header_button(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "van-ban/")
    box = page.locator("header.md-header .md-search__input")
    inner = page.locator("header.md-header .md-search__inner")
    expect(inner).to_have_css("opacity", "0")  # on a phone the box waits behind the header's button
    page.locator("header.md-header label.md-header__button[for=__search]").click()
    expect(inner).to_have_css("opacity", "1")
    expect(box).to_be_focused()
    page.keyboard.type("duc dam", delay=25)
    assert "Vũ Đức Đam" in _results(page, "duc dam")
    context.close()


# --- what readers type ---------------------------------------------------------------------


def test_name_without_diacritics_finds_the_person(page, site_url):
    titles = search(page, site_url, "duc dam")
    assert titles[0] == "Vũ Đức Đam"


def test_name_with_diacritics_finds_the_same_pages(page, site_url):
    folded = set(search(page, site_url, "duc dam"))
    titles = search(page, site_url, "Đức Đam")
    assert titles[0] == "Vũ Đức Đam"
    assert set(titles) == folded


def test_words_without_diacritics_find_the_text(page, site_url):
    titles = search(page, site_url, "truc lien thong")
    assert titles
    assert "Trục liên thông" in page.locator(".md-search-result__item").first.inner_text()
    marks = page.locator(".md-search-result__item").first.locator("mark").all_inner_texts()
    assert {"Trục", "liên", "thông"} <= set(marks)


def test_transfers_found_without_diacritics(page, site_url):
    titles = search(page, site_url, "chuyen giao nhiem vu")
    assert titles[0] == Labels("vi")("transfers")


@pytest.mark.parametrize("query", ["139/TB-VPCP", "139 TB VPCP", "tb-vpcp 139", "139 tb-vpcp"])
def test_number_in_any_usual_form(page, site_url, query):
    assert search(page, site_url, query)[0] == "Thông báo 139/TB-VPCP"


@pytest.mark.parametrize("query", ["1072/QD-TTg", "1072/QĐ-TTg", "1072 qd ttg", "QD-TTg 1072"])
def test_number_with_d_for_đ(page, site_url, query):
    assert search(page, site_url, query)[0].endswith("1072/QĐ-TTg")


def test_excerpt_never_shows_the_hidden_search_data(page, site_url):
    search(page, site_url, "duc dam")
    text = page.locator(".md-search-result__list").inner_text()
    assert "⁂" not in text and "Dức" not in text


# --- filters ---------------------------------------------------------------------------------


def _open_filters(page):
    page.locator(".register-search__filters > summary").click()
    expect(page.locator(".register-search__filter select").first).to_be_visible()


def _documents_of_2020() -> list:
    register, _ = load_register(ROOT)
    return ([d for d in register.documents.values() if d.year == 2020]
            + [c for c in register.cited.values() if c.year == 2020])


def _choose_2020(page, url: str) -> str:
    """Open the filters on `url`; the year 2020's option as it reads, once chosen."""
    page.goto(url)
    page.locator("header.md-header .md-search__input").click()
    _open_filters(page)
    year = page.locator(".register-search__filter select[name=year]")
    option = year.locator("option[value='2020']").inner_text()
    year.select_option("2020")
    return option


def test_year_filter_alone_lists_that_year(page, site_url):
    expected = _documents_of_2020()
    _choose_2020(page, site_url)
    titles = _results(page, "")
    assert _count(page) == len(expected) == len(titles)
    assert "Thông báo 139/TB-VPCP" in titles


def test_status_filter_narrows_a_query(page, site_url):
    register, _ = load_register(ROOT)
    overdue = [r for r in register.derived.custody.tasks.values() if task_status(r, AS_OF).state == "past_due"]
    assert overdue, "the shipped register has overdue tasks as of the test date"
    page.goto(site_url)
    page.locator("header.md-header .md-search__input").click()
    _open_filters(page)
    label = Labels("vi")("status_past_due")
    status = page.locator(".register-search__filter select[name=status]")
    status.select_option(label[:1].upper() + label[1:])
    _results(page, "")
    assert _count(page) == len(overdue)
    box = page.locator("header.md-header .md-search__input")
    box.press_sequentially("chuyen giao", delay=25)
    narrowed = _results(page, "chuyen giao")
    titles = {r.task.title for r in overdue}
    assert narrowed and set(narrowed) <= titles


# --- ranking and English labels, on a small site built for them --------------------------------


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """The small test register, built in English, with two pages that differ only in marks."""
    root = tmp_path_factory.mktemp("search") / "register"
    root.mkdir()
    for name in ("content", "theme_overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copytree(ROOT / "tests/fixtures/small/decisions", root / "decisions")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("language: vi", "language: en"), encoding="utf-8")
    (root / "content/co-dau.md").write_text(
        "# Có dấu\n\nHồ sơ thẩm định của Hội đồng.\n", encoding="utf-8")
    (root / "content/khong-dau.md").write_text(
        "# Khong dau\n\nHo so tham dinh cua Hoi dong.\n", encoding="utf-8")
    site = root / "site"
    assert register_main(["--root", str(root), "build", "--as-of", "2021-08-01", "--site-dir", str(site)]) == 0
    server = _serve(site)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_exact_diacritics_rank_first_both_ways(page, small_site):
    plain = search(page, small_site, "tham dinh", path="")
    assert plain[0] == "Khong dau" and "Có dấu" in plain
    marked = search(page, small_site, "thẩm định", path="")
    assert marked[0] == "Có dấu" and "Khong dau" in marked


def test_english_site_has_english_labels(page, small_site):
    page.goto(small_site)
    box = page.locator("header.md-header .md-search__input")
    assert box.get_attribute("placeholder").startswith("Search")
    box.click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type or choose a filter to search")
    _open_filters(page)
    names = page.locator(".register-search__filter > span").all_inner_texts()
    assert "Year" in names and "Type" in names
    box.press_sequentially("1 TB BA", delay=25)
    assert _results(page, "1 TB BA")[0] == "Notice 1/TB-BA"


# --- an index in parts, as a large register's is ---------------------------------------------


@pytest.fixture(scope="module")
def split_site(tmp_path_factory):
    """The shipped register built with its search index in parts of 10 pages (a large
    register's is in parts of thousands: generator/publish/pagefind_service.py)."""
    root = tmp_path_factory.mktemp("split") / "register"
    root.mkdir()
    for name in ("content", "theme_overrides", "decisions", "sources"):
        shutil.copytree(ROOT / name, root / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      root: .\n" in config
    (root / "mkdocs.yml").write_text(config.replace("      root: .\n", "      root: .\n      search_pages_per_part: 10\n"),
                                     encoding="utf-8")
    site = root / "site"
    assert register_main(["--root", str(root), "build", "--as-of", "2026-11-22", "--site-dir", str(site)]) == 0
    server = _serve(site)
    yield site, f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def _parts_of_results(page, parts: int) -> set[int]:
    """The parts of the index the results shown came from (the page's address decides)."""
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    return {zlib.crc32(href.encode("utf-8")) % parts for href in hrefs}


@pytest.mark.parametrize("query, same_first", [("truc lien thong", False), ("chuyen giao", False),
                                               ("Đức Đam", True), ("139 tb-vpcp", True)])
def test_index_in_parts_finds_what_the_whole_index_finds(page, site_url, split_site, query, same_first):
    site, split_url = split_site
    parts = len(list((site / "pagefind").glob("part-*"))) + 1
    assert parts > 2
    whole = search(page, site_url, query)
    whole_count = _count(page)
    found = search(page, split_url, query)
    assert _count(page) == whole_count > 1  # every page found, from every part
    assert len(_parts_of_results(page, parts)) > 1
    if same_first:  # a name or a number ranks its page first however the index is split; the
        assert found[0] == whole[0]  # order of weaker matches follows each part's word counts


def test_index_in_parts_counts_a_filter_across_them(page, split_site):
    _, split_url = split_site
    expected = _documents_of_2020()
    assert _choose_2020(page, split_url) == f"2020 ({len(expected)})"
    titles = _results(page, "")
    assert _count(page) == len(expected) == len(titles)


def test_the_404_page_searches_and_requests_nothing_of_another_host(browser, site_url):
    """The 404 page's links start from "/" (MkDocs' base_url there): its search box once failed
    on "//" and its feed link pointed at another host (issue 32)."""
    page = browser.new_page()
    errors, hosts = [], set()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    page.goto(site_url + "404.html")
    feed = page.locator('link[type="application/atom+xml"]').get_attribute("href")
    assert feed == "/van-ban-moi.xml"
    box = page.locator("header.md-header .md-search__input")
    box.click()
    box.press_sequentially("chinh phu dien tu", delay=25)
    assert _results(page, "chinh phu dien tu")
    assert errors == [] and hosts == {site_url.split("/")[2]}
    page.close()
