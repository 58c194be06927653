"""Material's templates are rendered without the blank lines and indentation their tags leave
(page_shell.trim_template_space): the pages must be what a reader's browser showed before,
only smaller."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser import chromium, served
from conftest import ROOT
from generator.faces.cli import main as register_main

_SPACE = re.compile(r"\s+")
_KEPT = {"pre", "textarea"}  # where a browser shows whitespace as it is


class _Tree(HTMLParser):
    """A page as tags, attributes and text, with each run of whitespace read as one space, as
    a browser reads it outside <pre>; whitespace alone between two tags is left out (the
    browser's own text, compared below, says whether it showed)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items: list[tuple] = []
        self._kept = 0

    def handle_starttag(self, tag, attrs):
        self.items.append(("<", tag, sorted((k, _SPACE.sub(" ", v or "").strip()) for k, v in attrs)))
        self._kept += tag in _KEPT

    def handle_endtag(self, tag):
        self.items.append((">", tag))
        self._kept -= tag in _KEPT

    def handle_data(self, data):
        text = data if self._kept else _SPACE.sub(" ", data)
        if self.items and self.items[-1][0] == "text":
            previous = self.items.pop()[1]
            text = previous + text if self._kept else _SPACE.sub(" ", previous + text)
        self.items.append(("text", text))

    def handle_comment(self, data):
        pass


def _tree(path: Path) -> list[tuple]:
    parser = _Tree()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return [item for item in parser.items if item != ("text", " ")]


@pytest.fixture(scope="module")
def spaced_site(tmp_path_factory) -> Path:
    """The shipped register built with Material's template whitespace kept."""
    site = tmp_path_factory.mktemp("spaced") / "site"
    assert register_main(["--root", str(ROOT), "build", "--as-of", "2026-11-22", "--site-dir", str(site),
                          "--fast-build", "off"]) == 0
    return site


def _pages(site: Path) -> list[Path]:
    return sorted(p.relative_to(site) for p in site.rglob("*.html"))


def test_pages_hold_the_same_tags_attributes_and_text(built_site, spaced_site):
    pages = _pages(built_site)
    assert pages == _pages(spaced_site) and len(pages) > 50
    assert [str(p) for p in pages if _tree(built_site / p) != _tree(spaced_site / p)] == []


def test_pages_are_smaller(built_site, spaced_site):
    trimmed = sum((built_site / p).stat().st_size for p in _pages(built_site))
    spaced = sum((spaced_site / p).stat().st_size for p in _pages(spaced_site))
    assert trimmed < 0.9 * spaced
    task = next(built_site.glob("nhiem-vu/*/index.html")).read_text(encoding="utf-8")
    assert len(re.findall(r"\n[ \t]*(?=\n)", task)) < 150  # blank lines: 1,080 on a task page before


def test_a_browser_shows_the_same_text(built_site, spaced_site):
    """innerText is the text as laid out: a space lost between two links or words shows here.
    One page of each folder: the pages of a folder share their template's output."""
    pages = list({p.parts[0] if len(p.parts) > 2 else p: p for p in _pages(built_site)
                  if p.name == "index.html"}.values())
    with served(built_site) as trimmed_url, served(spaced_site) as spaced_url, chromium() as browser:
        tab = browser.new_page()

        def texts(page: Path, settled: str) -> list[str]:
            out = []
            for base in (trimmed_url, spaced_url):
                tab.goto(base + page.parent.as_posix() + "/" if page.parent.parts else base, wait_until=settled)
                out.append(tab.evaluate("document.body.innerText"))
            return out

        differ = []
        for page in pages:
            # a page the theme's scripts were still changing (Mermaid draws the transfers
            # diagram in its own time) is compared again once the network is quiet
            shown = texts(page, "load")
            if shown[0] != shown[1]:
                shown = texts(page, "networkidle")
            if shown[0] != shown[1]:
                lines = [pair for pair in zip(*(text.splitlines() for text in shown)) if pair[0] != pair[1]]
                differ.append((str(page), lines[:1] or "lengths differ"))
    assert len(pages) > 15 and differ == []
