"""Accessibility of the built seed site, as a reader's browser shows it: axe-core (vendored in
tests/vendor/axe-core) runs in Debian's Chromium on the home page, a document page, a task page,
a body page, the transfers view with its diagram drawn, and the search results, and finds no violation of impact serious or critical; each
of those pages is `<html lang="vi">` with one `h1`, also once search results are open."""
from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from browser import chromium, offline_page, served

AXE = Path(__file__).parent / "vendor/axe-core/axe.min.js"
AXE_SRI = "sha256-KTSJmUUM3yhJqOcLeRL8LahahJ2jnA0NU5T1HUqe2Vw="  # axe-core 4.14.1, sri-history.json
BLOCKING = ("serious", "critical")

PAGES = {
    "home": "",
    "document": "van-ban/2019/8540-tb-vpcp/",
    "task": "nhiem-vu/truc-lien-thong-van-ban-quoc-gia/",
    "body": "to-chuc/uy-ban-quoc-gia-cpdt/",
    "transfers": "chuyen-giao/",  # Mermaid's drawing is in the page (assets/diagrams.js)
}


def test_the_vendored_axe_is_the_published_file():
    digest = base64.b64encode(hashlib.sha256(AXE.read_bytes()).digest()).decode()
    assert f"sha256-{digest}" == AXE_SRI


@pytest.fixture(scope="module")
def site(built_site):
    with served(built_site) as url, chromium() as browser:
        yield url, browser


def audit(page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['impact']} {v['id']} ({v['help']}): "
            + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
            for v in result["violations"] if v["impact"] in BLOCKING]


def structure(page) -> tuple[str, int]:
    return page.evaluate("document.documentElement.lang"), page.locator("h1").count()


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_page_has_no_serious_accessibility_violation(site, kind):
    url, browser = site
    page = offline_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(url + PAGES[kind])
    if kind == "transfers":  # audited once drawn, which it is once scrolled near
        page.locator("pre.register-diagram").scroll_into_view_if_needed()
        page.wait_for_selector("div.register-diagram svg", state="attached")
    assert structure(page) == ("vi", 1)
    assert audit(page) == []
    page.context.close()


def test_search_results_have_no_serious_accessibility_violation(site):
    url, browser = site
    page = offline_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(url + "van-ban/")
    box = page.locator("header.md-header .md-search__input")
    box.click()
    box.press_sequentially("duc dam", delay=25)
    root = page.locator("[data-register-search]")
    page.wait_for_function("""() => {
        const root = document.querySelector('[data-register-search]');
        return root.dataset.searchState === 'done' && root.dataset.searched === 'duc dam';
    }""", timeout=20_000)
    assert root.locator(".md-search-result__item").count() > 0
    assert structure(page) == ("vi", 1)
    assert audit(page) == []
    page.context.close()


def test_every_table_is_reachable_by_keyboard(site):
    """A table that scrolls sideways must take the focus (WCAG 2.1.1): whether it scrolls
    depends on the screen and on when it is laid out, so every table of the text takes it."""
    url, browser = site
    page = offline_page(browser, viewport={"width": 390, "height": 844})
    page.goto(url + PAGES["task"])
    tabindex = page.evaluate("() => Array.from(document.querySelectorAll('.md-typeset table:not([class])'))"
                             ".map(t => t.getAttribute('tabindex'))")
    assert tabindex and set(tabindex) == {"0"}
    page.context.close()
