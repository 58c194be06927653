"""A record's text holds no construct but paragraphs, lists, headings, emphasis, tables and its
anchors: fences (a `~~~mermaid` one would be drawn), admonitions, details, math and images are
shown as typed, and no diagram of a record's text is drawn in the browser. Inputs written afresh
for this file; test_security_markup.py covers addresses, names and anchors."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from browser import chromium, offline_page, served
from conftest import small_register
from generator.faces.cli import main as register_main

DOC = "decisions/2021/1-tb-ba.md"


CONSTRUCTS = [
    "~~~mermaid\ngraph LR; A[Bộ A]-->B[Bộ B]\n~~~",
    "```mermaid\ngraph LR; C-->D\n```",
    '!!! danger "Cảnh báo"\n    Nội dung khối cảnh báo.',
    '???+ note "Chi tiết"\n    Nội dung ẩn.',
    "$$\\frac{1}{2}$$ và $x^2$",
    "![ảnh](https://evil.example/pixel.gif)",
    "<details open><summary>Tóm tắt</summary>ẩn</details>",
]


@pytest.fixture(scope="module")
def constructs_site(tmp_path_factory) -> Path:
    root = small_register(tmp_path_factory.mktemp("constructs") / "r")
    doc = root / DOC
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("{#d-1}", "{#d-1}\n\n" + "\n\n".join(CONSTRUCTS)), encoding="utf-8")
    site = root / "site"
    assert register_main(["--root", str(root), "build", "--as-of", "2022-06-01", "--site-dir", str(site)]) == 0
    return site


def test_text_constructs_are_shown_as_typed_not_drawn(constructs_site):
    page = (constructs_site / "van-ban/2021/1-tb-ba/index.html").read_text(encoding="utf-8")
    article = page[page.index("<article"):page.index("</article>")]
    for live in ("register-diagram", "admonition", "<details", "<img", "arithmatex", "<math"):
        assert live not in article, live
    shown = html.unescape(re.sub(r"<[^>]+>", "", article))
    for typed in ("~~~mermaid", "```mermaid", "!!! danger", "???+ note", "$$\\frac{1}{2}$$",
                  "![ảnh](https://evil.example/pixel.gif)", "<details open>"):
        assert typed in shown, typed


def test_no_diagram_of_a_record_s_text_is_drawn_in_the_browser(constructs_site):
    with served(constructs_site) as base, chromium() as browser:
        page = offline_page(browser)
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(base + "van-ban/2021/1-tb-ba/")
        page.wait_for_load_state("networkidle")
        assert page.locator("article svg").count() == 0
        assert page.locator("article .register-diagram").count() == 0
        assert not [url for url in requests if "evil.example" in url]
