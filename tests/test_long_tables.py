"""A long table is written as consecutive tables under the same header (render/markup.py), so
that a phone's browser lays out only the part on screen (register.css): nothing is lost or
reordered, the transfers view's filters still narrow every row, and the browser lays out each
table only when scrolled near."""
from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest

import generator.core.render.markup as markup
from browser import chromium, offline_page, served
from generator.core.read.load import load_register
from generator.core.render import render_site
from generator.faces.cli import main as register_main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic  # noqa: E402

ROWS = 10  # rows a table holds here, so that a small register has long tables


@pytest.fixture(scope="module")
def register_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("register")
    synthetic.generate(root, 120, seed=3)
    return root


def _rows(page: str) -> list[str]:
    """The body rows of every table of a page, in order."""
    return re.findall(r"<tr\b[^>]*><td\b.*?</td></tr>", page)


def test_a_long_table_goes_on_in_tables_under_the_same_header(register_root, monkeypatch):
    register, diagnostics = load_register(register_root)
    assert diagnostics == []
    whole = render_site(register, as_of=date(2026, 11, 22)).pages
    monkeypatch.setattr(markup, "TABLE_ROWS", ROWS)
    split = render_site(register, as_of=date(2026, 11, 22)).pages
    page = split["thoi-han.md"]
    tables = re.findall(r"<table(?: data-continued)?>.*?</table>", page, re.S)
    assert len(tables) > 5
    for table in tables:
        assert re.match(r"<table(?: data-continued)?>\n<thead>\n<tr><th>Thời hạn</th><th>Nội dung</th>", table)
        assert 1 <= len(re.findall(r"<tr\b[^>]*><td\b", table)) <= ROWS
    assert [t.startswith("<table data-continued>") for t in tables] == [False] + [True] * (len(tables) - 1)
    for path in ("thoi-han.md", "chuyen-giao.md", "nhiem-vu/index.md"):
        assert _rows(split[path]) == _rows(whole[path]) and len(_rows(whole[path])) > ROWS


@pytest.fixture(scope="module")
def site(register_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markup, "TABLE_ROWS", ROWS)
        assert register_main(["--root", str(register_root), "build", "--as-of", "2026-11-22",
                              "--site-dir", str(out)]) == 0
    with served(out) as url, chromium() as browser:
        yield url, browser


def test_tables_are_laid_out_when_scrolled_to(site):
    url, browser = site
    page = offline_page(browser, viewport={"width": 390, "height": 844})
    page.goto(url + "thoi-han/")
    page.wait_for_load_state("load")
    # (whether the table goes on from the one before it, how the browser lays it out, the
    # height it is given until then)
    boxes = page.evaluate("""() => Array.from(document.querySelectorAll('article table')).map(t => {
        const box = t.closest('.md-typeset__scrollwrap') || t;
        const before = box.previousElementSibling, style = getComputedStyle(box);
        return [!!before && before.matches('table, .md-typeset__scrollwrap'), style.contentVisibility,
                parseFloat(style.containIntrinsicHeight.replace('auto', ''))];
    })""")
    assert len(boxes) > 5 and [going_on for going_on, _, _ in boxes].count(True) > 3
    # the first table of a run is laid out at once (a page of short tables keeps its height
    # as it is read); each that goes on from it waits, reserving about a hundred rows
    assert all(shown == ("auto" if going_on else "visible") for going_on, shown, _ in boxes)
    assert all(guess > 2000 for going_on, _, guess in boxes if going_on)
    page.context.close()


def test_the_transfers_filter_narrows_the_rows_of_every_table(site):
    url, browser = site
    page = offline_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(url + "chuyen-giao/")
    box = page.locator(".register-filter")
    assert box.locator("table").count() > 1
    rows = box.locator("tbody tr")
    total = rows.count()
    agency = box.locator("select[name=agency] option").nth(1).get_attribute("value")
    expected = [i for i in range(total)
                if agency in (rows.nth(i).locator("td").nth(2).text_content().strip(),
                              rows.nth(i).locator("td").nth(3).text_content().strip())]
    box.locator("select[name=agency]").select_option(agency)
    shown = [i for i in range(total) if rows.nth(i).is_visible()]
    assert shown == expected and 0 < len(shown) < total
    emptied = page.evaluate("""() => Array.from(document.querySelectorAll('.register-filter table')).filter(
        t => !Array.from(t.tBodies[0].rows).some(r => !r.hidden)).map(
        t => (t.closest('.md-typeset__scrollwrap') || t).hidden)""")
    assert emptied and all(emptied)  # a table left without rows is hidden, header and all
    page.context.close()
