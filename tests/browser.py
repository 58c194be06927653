"""Driving Debian's Chromium (/usr/bin/chromium) through Playwright against a built site served
on 127.0.0.1: what the hostile-output and accessibility tests share. (test_search_browser.py
keeps its own copy of the same few lines.)

Playwright cannot download browsers here; .ci/run installs Debian's Chromium, so in CI these
tests run. On a machine without it they skip and say why.
"""
from __future__ import annotations

import functools
import os
import re
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def sync_api():
    """Playwright's sync API, or a skip that says what is missing."""
    if not CHROMIUM.exists():
        # on a developer's machine without Chromium, a skip that says so; in CI (.ci/run
        # installs it) a missing browser is a failure, never a skip that hides one
        missing = f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)"
        pytest.fail(missing) if os.environ.get("CI") else pytest.skip(missing)
    return pytest.importorskip("playwright.sync_api",
                               reason="browser tests need Playwright (pip install -e '.[test]')")


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def served(site: Path, handler: type[SimpleHTTPRequestHandler] = Quiet) -> Iterator[str]:
    """The site over HTTP on a free local port (pages fetch the search index, so file:// won't do)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[object]:
    api = sync_api()
    with api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def offline_page(browser, **context_options):
    """A page in a fresh context that fetches nothing but the served site: the register must
    work without the network (Material asks Google for its fonts; nothing else should be asked)."""
    context = browser.new_context(**context_options)
    context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/])"), lambda route: route.abort())
    return context.new_page()
