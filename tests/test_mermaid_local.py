"""Diagrams are drawn by the site's own copy of Mermaid, fetched only once a diagram is scrolled
near, with nothing fetched from elsewhere. Material's integration fetched Mermaid from unpkg.com:
a third party's script, in whatever version it served, on a government site's page."""
from __future__ import annotations

import base64
import hashlib
import shutil
from pathlib import Path

from browser import chromium, served

ROOT = Path(__file__).resolve().parent.parent
MERMAID = ROOT / "theme_overrides" / "assets" / "mermaid"
# npm's mermaid@11.17.2, package/dist/mermaid.min.js (theme_overrides/assets/mermaid/README.md)
MERMAID_SHA256 = "sha256-WB7X10vZBI0OOpE2OSfXLvIpQtdyJUayf3zCnjU5Drg="
SVG_TEXT = "document.querySelector('div.register-diagram svg')?.textContent || ''"


def test_the_vendored_file_is_the_release_its_readme_names():
    digest = hashlib.sha256((MERMAID / "mermaid.min.js").read_bytes()).digest()
    assert "sha256-" + base64.b64encode(digest).decode() == MERMAID_SHA256
    assert MERMAID_SHA256 in (MERMAID / "README.md").read_text(encoding="utf-8")
    assert (MERMAID / "LICENSE").read_text(encoding="utf-8").startswith("The MIT License")


def test_diagrams_are_left_to_the_sites_own_mermaid(built_site):
    pages = {p.relative_to(built_site).as_posix(): p.read_text(encoding="utf-8")
             for p in sorted(built_site.rglob("*.html"))}
    assert {url for url, html in pages.items() if 'class="register-diagram' in html} == {"chuyen-giao/index.html"}
    # Material's integration would fetch Mermaid from unpkg.com for a "mermaid" block
    assert [url for url, html in pages.items() if 'class="mermaid"' in html] == []
    assert (built_site / "assets" / "mermaid" / "LICENSE").is_file()  # the licence travels with it
    assert not (built_site / "assets" / "mermaid" / "README.md").exists()


def _open(browser, base: str, url: str, viewport: dict):
    """A page at `url` that fetches nothing from elsewhere, with what it asked for, here and
    elsewhere."""
    context = browser.new_context(viewport=viewport)
    asked: dict[str, list[str]] = {"here": [], "elsewhere": []}

    def route(request_route):
        url_ = request_route.request.url
        if url_.startswith(base):
            asked["here"].append(url_[len(base):])
            return request_route.continue_()
        asked["elsewhere"].append(url_)
        return request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.goto(base + url, wait_until="networkidle")
    return context, page, asked


def _drawn(page) -> str:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    try:
        page.wait_for_function(f"() => {SVG_TEXT}", timeout=30_000)
    except PlaywrightTimeout:  # not drawn: the assertions say how
        pass
    return page.evaluate(SVG_TEXT)


def test_the_transfers_diagram_is_drawn_named_and_fetched_from_the_site(built_site):
    with served(built_site) as base, chromium() as browser:
        context, page, asked = _open(browser, base, "chuyen-giao/", {"width": 1200, "height": 900})
        text = _drawn(page)
        title = page.evaluate("(() => { const svg = document.querySelector('div.register-diagram svg');"
                              " return svg && document.getElementById(svg.getAttribute('aria-labelledby'))"
                              "?.textContent; })()")
        rows = page.evaluate("Array.from(document.querySelectorAll('.register-filter tbody tr'),"
                             " tr => [tr.cells[2].textContent.trim(), tr.cells[3].textContent.trim()])")
        context.close()
    assert asked["elsewhere"] == []
    assert "assets/mermaid/mermaid.min.js" in asked["here"]
    assert title == "Sơ đồ chuyển giao nhiệm vụ giữa các cơ quan"
    assert rows and all(name in text for row in rows for name in row)  # every agency of the table


def test_mermaid_is_fetched_only_once_a_diagram_is_scrolled_near(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site / "assets", site / "assets")
    (site / "index.html").write_text(
        '<!doctype html><html lang="vi"><meta charset="utf-8"><title>x</title>'
        '<link rel="stylesheet" href="assets/register.css"><body class="md-typeset">'
        '<div style="height: 6000px">Một trang dài</div>'
        '<pre class="register-diagram"><code>flowchart LR\n  A["Bộ A"] --&gt; B["Cục C"]\n</code></pre>'
        '<script src="assets/diagrams.js"></script></body></html>', encoding="utf-8")
    with served(site) as base, chromium() as browser:
        context, page, asked = _open(browser, base, "", {"width": 390, "height": 844})
        before = list(asked["here"])
        source_shown = {}  # not yet drawn, the diagram's source is not printed as code
        for media in ("print", "screen"):
            page.emulate_media(media=media)
            source_shown[media] = page.evaluate("getComputedStyle(document.querySelector('pre')).display")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        text = _drawn(page)
        context.close()
    assert not any("mermaid" in url for url in before)
    assert source_shown == {"print": "none", "screen": "block"}
    assert "assets/mermaid/mermaid.min.js" in asked["here"] and asked["elsewhere"] == []
    assert "Bộ A" in text and "Cục C" in text
