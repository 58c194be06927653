"""The seed site read in Chromium as the public reads it (issue 32): on a phone (390×844) no
row needs a sideways swipe and no text is under 12 px; no page asks for a missing file or for
another host; the page does not change height as it is scrolled; the deadlines filters narrow
the rows and can be linked to; a missing address deep in the site gets a working 404 page."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from browser import Quiet, chromium, offline_page, served

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}

# a page of each kind a reader meets
KINDS = {
    "home": "", "documents": "van-ban/", "document": "van-ban/2020/139-tb-vpcp/",
    "tasks": "nhiem-vu/", "task": "nhiem-vu/de-an-ket-noi-chia-se-du-lieu/",
    "agency": "co-quan/bo-tttt/", "committee": "to-chuc/uy-ban-quoc-gia-cpdt/",
    "deadlines": "thoi-han/", "accountability": "thuc-hien-nhiem-vu/", "transfers": "chuyen-giao/",
    "amendments": "sua-doi/", "timeline": "dong-thoi-gian/2019/", "person": "ca-nhan/mai-tien-dung/",
    "open data": "du-lieu-mo/", "guide": "huong-dan-bien-tap/",
}

# What overflows the viewport or is smaller than 12 px among what the reader sees: the
# article's elements (a visually hidden table header excepted), the header and the footer. A
# code block (the editor guide's YAML) keeps its lines and scrolls in its own box, which fits.
MEASURE = """() => {
  const vw = document.documentElement.clientWidth, wide = [], small = [];
  const scope = document.querySelectorAll('.md-content *, .md-header *, .md-footer *');
  for (const el of scope) {
    if (el.closest('thead, [hidden], .md-search, .md-header__topic + .md-header__topic, pre > code')) continue;
    const r = el.getBoundingClientRect(), st = getComputedStyle(el);
    if (!r.width || !r.height || st.visibility === 'hidden') continue;
    if (r.right > vw + 0.5 || r.left < -0.5) wide.push(`${el.tagName}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (own && parseFloat(st.fontSize) < 12) small.push(`${el.tagName} ${st.fontSize} ${el.textContent.trim().slice(0, 30)}`);
  }
  return {wide: wide.slice(0, 5), small: small.slice(0, 5),
          scroll: document.documentElement.scrollWidth - vw};
}"""


@pytest.fixture(scope="module")
def site(built_site):
    with served(built_site) as url, chromium() as browser:
        yield url, browser


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_on_a_phone_every_row_fits_and_no_text_is_under_12_px(site, kind):
    url, browser = site
    page = offline_page(browser, viewport=PHONE)
    page.goto(url + KINDS[kind])
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # every table laid out
    page.wait_for_timeout(200)
    found = page.evaluate(MEASURE)
    page.context.close()
    assert found == {"wide": [], "small": [], "scroll": 0}


def test_a_phone_reads_a_table_row_as_labelled_lines(site):
    url, browser = site
    page = offline_page(browser, viewport=PHONE)
    page.goto(url + KINDS["deadlines"])
    cell = page.locator(".register-filter tbody tr td").nth(1)
    shown = page.evaluate("""c => [getComputedStyle(c).display, getComputedStyle(c, '::before').content]""",
                          cell.element_handle())
    diagram = page.goto(url + KINDS["transfers"]) and page.evaluate(
        "getComputedStyle(document.querySelector('.register-diagram')).display")
    note = page.evaluate("getComputedStyle(document.querySelector('.register-diagram-phone')).display")
    page.context.close()
    assert shown == ["block", '"Nội dung: "']
    assert diagram == "none" and note == "block"  # the transfers table, above, says the same


def test_on_a_desktop_nothing_needs_a_sideways_scroll(site):
    url, browser = site
    page = offline_page(browser, viewport=DESKTOP)
    overflowing = []
    for kind, path in sorted(KINDS.items()):
        page.goto(url + path)
        if page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") > 0:
            overflowing.append(kind)
    page.context.close()
    assert overflowing == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_page_keeps_its_height_as_it_is_scrolled(site, viewport):
    """A table laid out only when scrolled near once reserved 600 px: a task page measured
    6,792 px on load and 2,179 px once scrolled, and the scroll bar jumped."""
    url, browser = site
    page = offline_page(browser, viewport=viewport)
    jumps = {}
    for kind in ("task", "document", "agency", "committee", "deadlines", "accountability", "tasks"):
        page.goto(url + KINDS[kind])
        page.wait_for_load_state("load")
        before = page.evaluate("document.documentElement.scrollHeight")
        page.evaluate("""async () => { for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
            window.scrollTo(0, y); await new Promise(r => requestAnimationFrame(r)); } }""")
        after = page.evaluate("document.documentElement.scrollHeight")
        if abs(after - before) > 0.02 * after:
            jumps[kind] = (before, after)
    page.context.close()
    assert jumps == {}


def test_no_page_asks_for_a_missing_file_or_another_host(site, built_site):
    """Every page of the site, opened in turn, with every request it makes recorded."""
    url, browser = site
    host = url.split("/")[2]
    page = offline_page(browser, viewport=DESKTOP)
    missing, elsewhere, errors = [], [], []
    page.on("response", lambda r: r.status >= 400 and missing.append((page.url, r.url, r.status)))
    page.on("request", lambda r: r.url.split("/")[2] != host and not r.url.startswith("data:")
            and elsewhere.append((page.url, r.url)))
    page.on("pageerror", lambda e: errors.append((page.url, str(e))))
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        page.goto(url + quote(path.removesuffix("index.html")))
        page.wait_for_load_state("load")
    page.context.close()
    assert (missing, elsewhere, errors) == ([], [], [])


def _visible_rows(page) -> int:
    return page.evaluate("Array.from(document.querySelectorAll('.register-filter tbody tr')).filter(r => !r.hidden).length")


def test_the_deadlines_filters_answer_which_tasks_of_a_document_due_in_a_year_are_late(site, built_site):
    """"Which tasks of 139/TB-VPCP due in 2020 are late?" — the filters narrow the rows to the
    ones whose values say so, the count says how many, and the address keeps the choice."""
    url, browser = site
    html = (built_site / "thoi-han/index.html").read_text(encoding="utf-8")
    import html as html_lib
    rows = [json.loads(html_lib.unescape(f)) for f in re.findall(r'<tr data-filter="([^"]*)"', html)]
    want = {"document": "Thông báo 139/TB-VPCP", "due_year": "2020", "status": "Quá hạn, chưa ghi nhận hoàn thành"}
    expected = sum(1 for r in rows if all(v in r.get(k, []) for k, v in want.items()))
    assert expected > 0
    page = offline_page(browser, viewport=PHONE)
    page.goto(url + "thoi-han/")
    for kind, value in want.items():
        page.locator(f".register-filter__bar select[name={kind}]").select_option(value)
    assert _visible_rows(page) == expected
    assert page.locator(".register-filter__bar output").text_content() == f"{expected} / {len(rows)}"
    linked = page.url
    page.goto(url)
    page.goto(linked)  # the address kept the choice: the same rows
    assert _visible_rows(page) == expected
    page.context.close()


class _Pages404(Quiet):
    """A static host's behaviour: a missing address gets the site's 404.html."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.mark.parametrize("missing", ["khong-co.html", "van-ban/2099/khong-co/"])
def test_a_missing_address_gets_a_404_page_that_works(site, built_site, missing):
    browser = site[1]
    with served(built_site, _Pages404) as url:
        page = offline_page(browser, viewport=PHONE)
        failed, errors = [], []
        page.on("response", lambda r: r.status >= 400 and r.url != url + missing and failed.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url + missing)
        heading = page.locator("article h1").text_content()
        home = page.locator("article a").first.get_attribute("href")
        page.locator("article a").first.click()
        page.wait_for_load_state("load")
        landed = page.url
        page.context.close()
    assert heading == "404 — Không tìm thấy trang"
    assert home == "/" and landed == url
    assert failed == [] and errors == []
