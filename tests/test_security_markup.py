"""Markup through a record: a source's address is parsed and refused or percent-encoded, and a
record's text holds no construct but paragraphs, lists, headings, emphasis, tables and its
anchors (fences, admonitions, details, math, images shown as typed). Inputs written afresh for
this file; test_safe_output.py keeps the earlier ones."""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser import chromium, offline_page, served
from conftest import ROOT, SHIPPED, run_register
from generator.cli import main as register_main
from generator.web_address import web_address

SMALL = ROOT / "tests/fixtures/small/decisions"
DOC = "decisions/2021/1-tb-ba.md"
SOURCE = "{kind: official, title: Cổng thông tin Bộ A}"


def small_register(root: Path) -> Path:
    for name in SHIPPED:
        if name not in ("decisions", "sources"):
            (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, root / name)
    shutil.copytree(SMALL, root / "decisions")
    return root


def with_source_url(root: Path, url: str) -> int:
    """The document's source given `url`; the line it stands on."""
    doc = root / DOC
    text = doc.read_text(encoding="utf-8")
    assert SOURCE in text
    doc.write_text(text.replace(SOURCE, "{kind: official, title: Cổng thông tin Bộ A, url: "
                                + json.dumps(url, ensure_ascii=False) + "}"), encoding="utf-8")
    return text[:text.index(SOURCE)].count("\n") + 1


@pytest.mark.parametrize("url", [
    "https://vpcp.example/tb\n<script>document.title='x'</script>",
    "https://vpcp.example/tb\r\n\r\n<iframe src=//evil.example>",
    "https://vpcp.example/ tb",
    "javascript://vpcp.example/%0Adocument.title=1",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox",
    "//vpcp.example/tb",
    "https://",
    "https://ad:min@vpcp.example/",
    "https://vpcp.example/\x1b[2J",
    "https://vpcp.example:0x50/",
    "https://" + "a" * 2100 + ".example/",
])
def test_check_refuses_an_address_that_is_not_a_web_address(tmp_path, capsys, url):
    root = small_register(tmp_path / "r")
    line = with_source_url(root, url)
    code, _, err = run_register(capsys, "--root", str(root), "check")
    assert code == 1 and "Traceback" not in err
    assert re.search(rf"^{re.escape(DOC)}:{line}: .*(url|address)", err, re.MULTILINE), err


ODD = [  # real-looking addresses: parentheses, bars, quotes, Vietnamese, escapes, IPv6
    ("https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=(139)|2020",
     "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=%28139%29%7C2020"),
    ("https://báo.example/thời-sự/chính-phủ-điện-tử.html#đoạn-2",
     "https://xn--bo-mia.example/th%E1%BB%9Di-s%E1%BB%B1/ch%C3%ADnh-ph%E1%BB%A7-%C4%91i%E1%BB%87n-t%E1%BB%AD.html"
     "#%C4%91o%E1%BA%A1n-2"),
    ("HTTP://Example.org/a'b\"c<d>e?q=1&r=50%&s=%20", "http://example.org/a%27b%22c%3Cd%3Ee?q=1&r=50%25&s=%20"),
    ("https://[2001:db8::1]:8443/x*y", "https://[2001:db8::1]:8443/x%2Ay"),
]


@pytest.mark.parametrize(("url", "written"), ODD)
def test_an_unusual_address_is_written_in_one_safe_form(url, written):
    assert web_address(url) == (written, None)
    assert not re.search(r"[\s()<>|\"'`\\]", written)


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href", "").startswith("http"):
            self.hrefs.append(dict(attrs)["href"])


def test_unusual_addresses_are_working_links_on_the_page_and_keep_the_table_whole(tmp_path, capsys):
    root = small_register(tmp_path / "r")
    url, written = ODD[0]
    with_source_url(root, url)
    site = tmp_path / "site"
    code, _, err = run_register(capsys, "--root", str(root), "build", "--as-of", "2022-06-01", "--site-dir", str(site))
    assert code == 0, err
    page = (site / "van-ban/2021/1-tb-ba/index.html").read_text(encoding="utf-8")
    links = Links()
    links.feed(page)
    assert [href for href in links.hrefs if "mkdocs-material" not in href] == [written]
    row = re.search(r"<tr>\s*<td>Nguồn</td>(.*?)</tr>", page, re.DOTALL)
    assert row and row.group(1).count("<td") == 1  # the bar did not open a cell
    data = json.loads((site / "van-ban/2021/1-tb-ba.json").read_text(encoding="utf-8"))
    assert [s["url"] for s in data["document"]["sources"]] == [written]


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
    import html
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
