"""Safe output: whatever an editor (or an attacker with a pull request) writes into a record or a
registry reaches the page as text. Titles, names, posts, sources, tasks and deadlines full of
`<script>`, `"><img onerror=…>`, Markdown link syntax and `{{ }}`, and a document body full of raw
HTML, are built into a real site; the built HTML is searched for live markup, and Chromium opens
every page they stand on and must see no dialog and the hostile text shown as typed.

The policy for a record's body (editor guide, "Toàn văn"): Markdown for paragraphs, lists,
headings and emphasis, paragraph anchors `{#d-…}`; raw HTML, links, images and other attribute
lists are shown as the characters typed.
"""
from __future__ import annotations

import html as html_lib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from browser import chromium, offline_page, served
from conftest import ROOT, small_register
from generator.faces.cli import main as register_main

SMALL = ROOT / "tests/fixtures/small/decisions"
XSS = '<script>alert(1)</script> "><img src=x onerror=alert(2)> [x](javascript:alert(3)) {{ 7*7 }}'
BODY_HTML = [
    "<script>alert(11)</script>",
    "<img src=x onerror=alert(12)>",
    '<a href="javascript:alert(13)">bấm vào đây</a>',
    "[liên kết](javascript:alert(14))",
    "![ảnh](javascript:alert(15))",
    "<!-- ghi chú ẩn -->",
    '<div onmouseover="alert(16)">khối</div>',
]
ATTR_LIST = '{: onclick="alert(17)" }'
EVIL_URL = 'https://example.org/a"onmouseover="alert(4)'


def _q(value: str) -> str:
    """A YAML scalar holding exactly `value` (a JSON string is a YAML double-quoted scalar)."""
    return json.dumps(value, ensure_ascii=False)


def hostile_register(root: Path) -> Path:
    """The small test register with a hostile value in every field that reaches a page."""
    decisions = small_register(root) / "decisions"
    agencies = yaml.safe_load((decisions / "agencies.yml").read_text(encoding="utf-8"))
    agencies["bo-a"].update(name=f"Bộ A {XSS}", short=f"BA {XSS}", aliases=[f"Bộ A cũ {XSS}"],
                            posts={"bo-truong": f"Bộ trưởng {XSS}"})
    agencies["cuc-c"]["name"] = f"Cục C {XSS}"
    people = yaml.safe_load((decisions / "people.yml").read_text(encoding="utf-8"))
    people["nguyen-van-an"]["name"] = f"Nguyễn Văn An {XSS}"
    bodies = yaml.safe_load((decisions / "bodies.yml").read_text(encoding="utf-8"))
    bodies["hoi-dong"]["name"] = f"Hội đồng {XSS}"
    bodies["hoi-dong"]["posts"]["chu-tich"]["title"] = f"Chủ tịch {XSS}"
    bodies["hoi-dong"]["roles"]["co-quan-thuong-truc"] = f"Thường trực {XSS}"
    for name, data in (("agencies.yml", agencies), ("people.yml", people), ("bodies.yml", bodies)):
        (decisions / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    doc = decisions / "2021/1-tb-ba.md"
    text = doc.read_text(encoding="utf-8")
    for old, new in (
            ("title: Kết luận về việc giao nhiệm vụ thử nghiệm", f"title: {_q('Kết luận ' + XSS)}"),
            ("as: Bộ trưởng}", f"as: {_q('Bộ trưởng ' + XSS)}}}"),
            ("{kind: official, title: Cổng thông tin Bộ A}",
             f"{{kind: press, title: {_q('Báo ' + XSS)}, author: {_q('Tác giả ' + XSS)}, "
             f"url: {_q(EVIL_URL)}}}"),
            ("title: Xây dựng hệ thống thử nghiệm}", f"title: {_q('Xây dựng ' + XSS)}}}"),
            ("due_phrase: trong Quý II năm 2021", f"due_phrase: {_q('trong Quý II ' + XSS)}"),
            ("request: {title: Quy chế hoạt động của Hội đồng,", f"request: {{title: {_q('Quy chế ' + XSS)},")):
        assert old in text, old
        text = text.replace(old, new)
    doc.write_text(text, encoding="utf-8")

    doc = decisions / "2022/5-qd-ba.md"
    text = doc.read_text(encoding="utf-8")
    for old, new in (("what: bổ sung thành viên Hội đồng}", f"what: {_q('bổ sung ' + XSS)}}}"),
                     ("text: Hệ thống đã vận hành}", f"text: {_q('Đã vận hành ' + XSS)}}}")):
        assert old in text, old
        text = text.replace(old, new)
    # the body: raw HTML, links and an attribute list of its own, around the real anchors
    text = text.replace("{#d-1}", "{#d-1}\n\n" + "\n\n".join(BODY_HTML) + f"\n\nĐoạn có thuộc tính.\n{ATTR_LIST}")
    doc.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = hostile_register(tmp_path_factory.mktemp("hostile") / "register")
    site = root / "site"
    assert register_main(["--root", str(root), "build", "--as-of", "2022-06-01", "--site-dir", str(site)]) == 0
    return site


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def article_text(html: str) -> str:
    article = html[html.index("<article"):html.index("</article>")]
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", article)).split())


# --- the built HTML ---------------------------------------------------------------------------

class LiveMarkup(HTMLParser):
    """What a browser would run or load from a page: elements, attributes and script text,
    as the browser's parser sees them (a value escaped inside an attribute is not markup)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = dict(attrs).get("type") or "text/javascript"
        self._in_script = tag == "script" and kind in ("text/javascript", "module", "application/javascript")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") and "alert" in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and value.startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if tag == "img" and name == "src" and value == "x":
                self.found.append("<img src=x>")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data.strip()[:60]}")


def live_markup(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html)
    parser.close()
    return parser.found


def test_no_record_value_becomes_live_markup(hostile_site):
    pages = html_pages(hostile_site)
    reached = [p for p in pages if "alert(" in p.read_text(encoding="utf-8")]
    assert len(reached) > 10, "the hostile values should stand on many pages"
    problems = [f"{p.relative_to(hostile_site)}: {found}"
                for p in pages for found in live_markup(p.read_text(encoding="utf-8"))]
    assert problems == []


@pytest.mark.parametrize("url", ["van-ban/2021/1-tb-ba/", "co-quan/bo-a/", "ca-nhan/nguyen-van-an/",
                                 "to-chuc/hoi-dong/", "nhiem-vu/xay-dung-he-thong/"])
def test_hostile_values_show_as_typed(hostile_site, url):
    text = article_text((hostile_site / url / "index.html").read_text(encoding="utf-8"))
    assert XSS in text


def test_the_head_holds_the_values_as_text(hostile_site):
    for url in ("van-ban/2021/1-tb-ba/", "co-quan/bo-a/"):
        html = (hostile_site / url / "index.html").read_text(encoding="utf-8")
        head = html[:html.index("</head>")]
        title = re.search(r"<title>(.*?)</title>", head, re.S).group(1)
        assert "<" not in title and ">" not in title
        values = re.findall(r'<meta name="description" content="([^"]*)"', head)
        assert values and all("<" not in v and '"' not in v for v in values)
    assert "&lt;script&gt;" in title  # the agency page's title is its name


def test_a_body_shows_its_raw_html_as_text(hostile_site):
    html = (hostile_site / "van-ban/2022/5-qd-ba/index.html").read_text(encoding="utf-8")
    text = article_text(html)
    for typed in BODY_HTML + [ATTR_LIST]:
        assert typed in text, typed
    assert 'id="d-1"' in html and 'id="d-2"' in html  # the paragraph anchors still work


# --- in the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    with served(hostile_site) as url:
        yield url


def test_no_dialog_fires_where_the_values_stand(hostile_site, hostile_url):
    """One page of each kind the hostile values reach (the static test above reads them all)."""
    kinds: dict[str, str] = {}
    for p in html_pages(hostile_site):
        rel = p.relative_to(hostile_site).as_posix()
        if "alert(" in p.read_text(encoding="utf-8"):
            kinds.setdefault(rel if rel.startswith("van-ban/20") else rel.split("/")[0], rel)
    assert len(kinds) > 8, kinds
    dialogs: list[str] = []
    with chromium() as browser:
        page = offline_page(browser)
        page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
        for rel in kinds.values():
            page.goto(hostile_url + rel)
            page.mouse.move(300, 300)  # over whatever an onmouseover was put on
    assert dialogs == []


def test_a_document_with_raw_html_in_its_body_loads_and_shows_it(hostile_url):
    with chromium() as browser:
        page = offline_page(browser)
        dialogs: list[str] = []
        errors: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(hostile_url + "van-ban/2022/5-qd-ba/")
        article = page.locator("article")
        text = article.inner_text()
        assert page.locator("h1").count() == 1
        for typed in BODY_HTML:
            assert typed in text, typed
        assert article.locator("script, img[src='x'], [onclick], [onmouseover], a[href^='javascript']").count() == 0
        page.get_by_text("bấm vào đây").first.click()
        page.get_by_text("[liên kết](javascript:alert(14))").click()
    assert dialogs == [] and errors == []


def test_the_editor_guide_states_the_policy_for_the_text():
    guide = (ROOT / "content/huong-dan-bien-tap.md").read_text(encoding="utf-8")
    section = guide[guide.index("**Toàn văn chỉ là chữ.**"):]
    section = section[:section.index("\n## ")]
    for words in ("đúng như đã gõ", "<script>", "[chữ](địa chỉ)", "{#d-…}", "content/"):
        assert words in section, words
