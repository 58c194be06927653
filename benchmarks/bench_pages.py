"""How long a built site's heaviest pages take to load on a phone (a script, not a timed test).

    .venv/bin/python benchmarks/bench_pages.py SITE [--rate 4] [PAGE ...]

Serves the built site at SITE on 127.0.0.1 and loads each page in Debian's Chromium as a phone
shows it (390 x 844, touch), with the CPU slowed `--rate` times by Chromium's own throttling (4:
a mid-range phone, by Chrome's DevTools presets) and nothing fetched from elsewhere. Without
PAGE, the largest page of each folder, and a document and a task page. Prints, per page, its
HTML size, its elements, and the seconds to DOMContentLoaded and to load (each page loaded
twice, the second counts) and, on a page with a diagram, the seconds Mermaid takes to be fetched
and draw it once scrolled to; then `pages=<n> slowest_load_s=<x> slowest=<page>`.
"""
from __future__ import annotations

import argparse
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# a diagram is drawn (theme_overrides/assets/diagrams.js) once it is scrolled near
DRAWN = "() => document.querySelector('div.register-diagram svg')"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # the browser left a page before all of it was sent: nothing to report


def heaviest_pages(site: Path) -> list[str]:
    """The largest page of each top folder, and the first document and task pages."""
    largest: dict[str, Path] = {}
    for path in site.rglob("index.html"):
        rel = path.relative_to(site)
        if rel.parts[0] in ("pagefind", "assets"):
            continue
        folder = rel.parts[0] if len(rel.parts) > 1 else ""
        if folder not in largest or path.stat().st_size > largest[folder].stat().st_size:
            largest[folder] = path
    pages = [p.parent.relative_to(site).as_posix() for p in largest.values()]
    for folder in ("van-ban", "nhiem-vu"):  # one record of each kind, whatever its size
        first = next(iter(sorted((site / folder).glob("*/*/index.html") if folder == "van-ban"
                                 else (site / folder).glob("*/index.html"))), None)
        if first is not None:
            pages.append(first.parent.relative_to(site).as_posix())
    return sorted({("" if p == "." else p + "/") for p in pages}, key=lambda p: -(site / p / "index.html").stat().st_size)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("site", type=Path)
    p.add_argument("pages", nargs="*")
    p.add_argument("--rate", type=float, default=4.0, help="CPU slowdown (Chromium's throttling)")
    args = p.parse_args(argv)
    from playwright.sync_api import sync_playwright

    site = args.site.resolve()
    pages = args.pages or heaviest_pages(site)
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    slowest = (0.0, "")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                          else route.abort())
            tab = context.new_page()
            tab.set_default_timeout(600_000)
            context.new_cdp_session(tab).send("Emulation.setCPUThrottlingRate", {"rate": args.rate})
            for page in pages:
                for _ in range(2):
                    tab.goto(base + page, wait_until="load")
                    dcl, load, elements = tab.evaluate("""() => {
                        const n = performance.getEntriesByType('navigation')[0];
                        return [n.domContentLoadedEventEnd / 1000, n.loadEventEnd / 1000,
                                document.getElementsByTagName('*').length]; }""")
                    drawn = ""
                    if tab.evaluate("!!document.querySelector('pre.register-diagram')"):
                        start = tab.evaluate("performance.now()")
                        tab.evaluate("document.querySelector('pre.register-diagram').scrollIntoView()")
                        tab.wait_for_function(DRAWN)
                        drawn = f"  diagram drawn {(tab.evaluate('performance.now()') - start) / 1000:6.2f} s after scrolling to it"
                size = (site / page / "index.html").stat().st_size / 1024
                print(f"{page or '/':45} {size:8.0f} KB {elements:7d} elements  "
                      f"DOMContentLoaded {dcl:6.2f} s  load {load:6.2f} s{drawn}", flush=True)
                slowest = max(slowest, (load, page or "/"))
            browser.close()
    finally:
        server.shutdown()
    print(f"pages={len(pages)} slowest_load_s={slowest[0]:.2f} slowest={slowest[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
