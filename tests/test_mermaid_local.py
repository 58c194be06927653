"""The transfers view's diagram is drawn by the site's own copy of Mermaid, with nothing fetched
from elsewhere: Material fetches Mermaid from unpkg.com unless the page already has it, which
put a third party's script, in whatever version it served, on a government site's page."""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from browser import chromium, served

ROOT = Path(__file__).resolve().parent.parent
MERMAID = ROOT / "theme_overrides" / "assets" / "mermaid"
# npm's mermaid@11.17.2, package/dist/mermaid.min.js (theme_overrides/assets/mermaid/README.md)
MERMAID_SHA256 = "sha256-WB7X10vZBI0OOpE2OSfXLvIpQtdyJUayf3zCnjU5Drg="
# Material swaps the diagram's <pre class="mermaid"> for a <div class="mermaid"> holding the
# drawing (in a closed shadow root) once Mermaid has drawn it: the drawing's height, or nothing
DRAWN = ("() => !document.querySelector('pre.mermaid')"
         " && document.querySelector('div.mermaid')?.getBoundingClientRect().height")
SCRIPT = re.compile(r'<script src="[./]*assets/mermaid/mermaid\.min\.js"></script>')


def test_the_vendored_file_is_the_release_its_readme_names():
    digest = hashlib.sha256((MERMAID / "mermaid.min.js").read_bytes()).digest()
    assert "sha256-" + base64.b64encode(digest).decode() == MERMAID_SHA256
    assert MERMAID_SHA256 in (MERMAID / "README.md").read_text(encoding="utf-8")
    assert (MERMAID / "LICENSE").read_text(encoding="utf-8").startswith("The MIT License")


def test_only_a_page_with_a_diagram_loads_mermaid_and_with_its_licence(built_site):
    pages = sorted(built_site.rglob("*.html"))
    loading = {p.relative_to(built_site).as_posix() for p in pages
               if SCRIPT.search(p.read_text(encoding="utf-8"))}
    drawing = {p.relative_to(built_site).as_posix() for p in pages
               if 'class="mermaid"' in p.read_text(encoding="utf-8")}
    assert drawing == {"chuyen-giao/index.html"}
    assert loading == drawing
    assert (built_site / "assets" / "mermaid" / "LICENSE").is_file()
    assert not (built_site / "assets" / "mermaid" / "README.md").exists()


def test_the_transfers_diagram_is_drawn_with_nothing_fetched_from_elsewhere(built_site):
    with served(built_site) as base, chromium() as browser:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        context = browser.new_context(viewport={"width": 1200, "height": 900})
        outside: list[str] = []

        def route(request_route):
            if request_route.request.url.startswith(base):
                return request_route.continue_()
            outside.append(request_route.request.url)
            return request_route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.goto(base + "chuyen-giao/", wait_until="load")
        try:
            page.wait_for_function(DRAWN, timeout=30_000)
        except PlaywrightTimeout:  # not drawn: the assertions below say how
            pass
        page.wait_for_load_state("networkidle")
        drawn = page.evaluate(DRAWN)
        context.close()
    assert outside == []
    assert drawn and drawn > 100  # two rows of agencies, drawn
