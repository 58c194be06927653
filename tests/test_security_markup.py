"""Markup injection into the reader's pages (issue 28): no record value becomes markup.

A source's address is parsed as a URL and refused by `register check` (file:line) when it is not
an http(s) address of a host; an ordinary address with `(`, `)`, `|`, quotes, `&` or Vietnamese
letters is a working link whose href is that address, percent-encoded. A record's text is text:
fences (``` and ~~~, a `~~~mermaid` one included), admonitions, raw HTML, attribute lists and
snippets show as typed. Names, aliases and titles holding Markdown's characters or control
characters show as typed, never as <strong>, <em> or <br>. A paragraph anchor anywhere but at
the end of its paragraph is refused by `check` with its line. Chromium opens every built page
of a register full of such values and no injected script runs.
"""
from __future__ import annotations

import html as html_lib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from browser import chromium, served
from conftest import ROOT, run_register, small_register
from generator.faces.cli import main as register_main

SMALL = ROOT / "tests/fixtures/small/decisions"
SEED_DOC = "decisions/2020/139-tb-vpcp.md"
PWN = "window.__pwned=1"


def _q(value: str) -> str:
    """A YAML double-quoted scalar holding exactly `value`."""
    return json.dumps(value, ensure_ascii=False)


# --- sources' addresses, refused by check -------------------------------------------------------

NOT_ADDRESSES = {
    "javascript": "javascript:window.__pwned=1//https://vpcp.gov.vn/",
    "data": "data:text/html,<script>window.__pwned=1</script>",
    "no scheme": "//thuvienphapluat.vn/van-ban/1",
    "ftp": "ftp://files.chinhphu.vn/139.pdf",
    "newline opens an html block": "https://chinhphu.vn/a\n\n<script>window.__pwned=1</script>",
    "space": "https://chinhphu.vn/tin tức/139",
    "tab": "https://chinhphu.vn/\tx",
    "no-break space": "https://chinhphu.vn/\u00a0x",
    "bidi override": "https://chinhphu.vn/\u202egpj.exe",
    "zero-width": "https://chinh\u200bphu.vn/",
    "credentials": "https://admin:hunter2@chinhphu.vn/",
    "user only": "https://chinhphu.vn@evil.example/",
    "no host": "https:///van-ban/139",
    "bad port": "https://chinhphu.vn:80a/",
    "port out of range": "https://chinhphu.vn:70000/",
    "backslash": "https://evil.example\\@chinhphu.vn/",
    "broken ipv6": "https://[fe80::1/x",
    "bad host": "https://chinh phu..vn/",
    "percent in host": "https://chinh%70hu.vn/",
    "too long": "https://chinhphu.vn/" + "a" * 3000,
    "http without slashes": "http:chinhphu.vn/x",
    "upper-case scheme": "HTTPS://chinhphu.vn/",
}


@pytest.mark.parametrize("address", NOT_ADDRESSES.values(), ids=NOT_ADDRESSES.keys())
def test_check_refuses_what_is_not_a_web_address(register_copy, capsys, address):
    doc = register_copy / SEED_DOC
    text = doc.read_text(encoding="utf-8")
    old = "  - {kind: official, file: sources/2020/139-tb-vpcp.txt}\n"
    assert old in text
    text = text.replace(old, old + f"  - kind: press\n    url: {_q(address)}\n", 1)
    doc.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"    url: {_q(address)}") + 1
    code, out, err = run_register(capsys, "--root", str(register_copy), "check")
    assert code == 1
    assert "Traceback" not in out + err
    messages = [m for m in (out + err).splitlines() if m.startswith(f"{SEED_DOC}:{line}:")]
    # refused on its line: by the address rule, or first by the character rule (text_rules.py)
    assert messages and ("url" in messages[0] or "this line contains" in messages[0]), out + err


ADDRESSES_OK = [
    "https://vanban.chinhphu.vn/default.aspx?pageid=27160&docid=199999",
    "https://vi.wikipedia.org/wiki/Ủy_ban_Quốc_gia_(Việt_Nam)",
    "http://[2001:db8::7]:8080/tb?so=139",
    "https://thư-viện.vn/tìm?q=Nghị+định",
    "https://Chinhphu.VN/",
]


def test_check_accepts_ordinary_addresses(register_copy, capsys):
    doc = register_copy / SEED_DOC
    extra = "".join(f"  - {{kind: press, url: {_q(a)}}}\n" for a in ADDRESSES_OK)
    old = "  - {kind: official, file: sources/2020/139-tb-vpcp.txt}\n"
    doc.write_text(doc.read_text(encoding="utf-8").replace(old, old + extra, 1),
                   encoding="utf-8")
    code, out, err = run_register(capsys, "--root", str(register_copy), "check")
    assert code == 0, out + err


# --- paragraph anchors, refused by check where the page could not carry them ------------------

MISPLACED = {
    "mid-line": "Giao Bộ A {#d-9} chủ trì xây dựng hệ thống.\n",
    "line goes on": "Giao Bộ A chủ trì. {#d-9}\nxây dựng hệ thống trong năm.\n",
    "two on a line": "Giao Bộ A chủ trì. {#d-8} {#d-9}\n",
    "malformed": "Giao Bộ A chủ trì. {#d-Mục 9}\n",
    "upper case": "Giao Bộ A chủ trì. {#d-9A}\n",
    "table row": "| Bộ A | chủ trì {#d-9} |\n|---|---|\n",
    "indented code": "    Giao Bộ A chủ trì. {#d-9}\n",
    "setext heading": "Giao Bộ A chủ trì {#d-9}\n----------\n",
    "twice": "Đoạn một. {#d-9}\n\nĐoạn hai. {#d-9}\n",
}


@pytest.mark.parametrize("paragraph", MISPLACED.values(), ids=MISPLACED.keys())
def test_check_refuses_a_misplaced_anchor_with_its_line(register_copy, capsys, paragraph):
    doc = register_copy / "decisions/2021/1-tb-ba.md"
    shutil.rmtree(register_copy / "decisions")
    shutil.copytree(SMALL, register_copy / "decisions")
    text = doc.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + paragraph
    doc.write_text(text, encoding="utf-8")
    first = len(text.splitlines()) - paragraph.count("\n") + 1  # the paragraph's first line
    code, out, err = run_register(capsys, "--root", str(register_copy), "check")
    assert code == 1, out + err
    assert "Traceback" not in out + err
    lines = {int(m) for m in re.findall(r"^decisions/2021/1-tb-ba\.md:(\d+): .*anchor", out + err, re.M)}
    assert lines and lines <= set(range(first, first + paragraph.count("\n"))), out + err


# --- a register full of hostile values, built -----------------------------------------------

# (address as the record gives it, href the page must carry): written by hand
LINKS = [
    ("https://vi.wikipedia.org/wiki/Chính_phủ_(Việt_Nam)",
     "https://vi.wikipedia.org/wiki/Ch%C3%ADnh_ph%E1%BB%A7_(Vi%E1%BB%87t_Nam)"),
    ("https://example.org/hop|thu?a='1'&b=\"2\"", "https://example.org/hop%7Cthu?a='1'&b=%222%22"),
    ("https://example.org/mo)dong(", "https://example.org/mo)dong("),
    ("https://example.org/x\"onmouseover=\"window.__pwned=1",
     "https://example.org/x%22onmouseover=%22window.__pwned=1"),
    ("https://example.org/a)<script>window.__pwned=1</script>",
     "https://example.org/a)%3Cscript%3Ewindow.__pwned=1%3C/script%3E"),
    ("https://example.org/[TOC]*em*_u_`c`{#d-1}", "https://example.org/%5BTOC%5D*em*_u_%60c%60%7B#d-1%7D"),
    ("https://bộ-tư-pháp.vn/văn-bản", "https://" + "bộ-tư-pháp.vn".encode("idna").decode() + "/v%C4%83n-b%E1%BA%A3n"),
]
MARKUP = "**đậm** __gạch__ *nghiêng* [x](javascript:window.__pwned=1) `mã` <b>in</b> | ô ~~xóa~~ {: #x}"
BODY = f"""
## Phần bổ sung {{#d-4}}

~~~mermaid
graph LR; A-->B; click A call alert(1)
~~~

```html
<script>{PWN}</script>
```

!!! danger "Cảnh báo giả"
    Nội dung hộp.

??? note "Mở ra"
    Ẩn.

--8<-- "/etc/passwd"

<div markdown="1" onclick="{PWN}">khối *html*</div>

<script>{PWN}</script>

Đoạn có <img src=x onerror="{PWN}"> và &lt;b&gt; và {{: onclick="{PWN}" }}

[TOC]

- mục một {{#d-5}}
- mục hai

5\\. Đoạn cuối. {{#d-6}}
"""
SHOWN_AS_TYPED = ["~~~mermaid", "```html", '!!! danger "Cảnh báo giả"', '??? note "Mở ra"',
                  '--8<-- "/etc/passwd"', f'<div markdown="1" onclick="{PWN}">', f"<script>{PWN}</script>",
                  f'<img src=x onerror="{PWN}">', "&lt;b&gt;", f'{{: onclick="{PWN}" }}', "[TOC]"]


def hostile_register(root: Path) -> Path:
    decisions = small_register(root) / "decisions"
    agencies = yaml.safe_load((decisions / "agencies.yml").read_text(encoding="utf-8"))
    agencies["bo-a"].update(name=f"Bộ A {MARKUP}", short=f"*BA* {MARKUP}",
                            aliases=[f"_Bộ Á_ {MARKUP}", "<br>Bộ cũ<br>", "**Bộ** | _A_ | `x`"],
                            posts={"bo-truong": f"Bộ trưởng {MARKUP}"})
    agencies["cuc-c"]["aliases"] = ["Cục *C*", f"<svg onload={PWN}>"]
    people = yaml.safe_load((decisions / "people.yml").read_text(encoding="utf-8"))
    people["nguyen-van-an"].update(name=f"Nguyễn Văn An {MARKUP}", aliases=["An *Nguyễn*"])
    bodies = yaml.safe_load((decisions / "bodies.yml").read_text(encoding="utf-8"))
    bodies["hoi-dong"].update(name=f"Hội đồng {MARKUP}", aliases=["__HĐ__"])
    for name, data in (("agencies.yml", agencies), ("people.yml", people), ("bodies.yml", bodies)):
        (decisions / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    doc = decisions / "2021/1-tb-ba.md"
    text = doc.read_text(encoding="utf-8")
    sources = "".join(f"  - {{kind: press, title: {_q(f'Nguồn {i} ' + MARKUP)}, url: {_q(url)}}}\n"
                      for i, (url, _) in enumerate(LINKS))
    text = text.replace("  - {kind: official, title: Cổng thông tin Bộ A}\n",
                        "  - {kind: official, title: Cổng thông tin Bộ A}\n" + sources)
    text = text.replace("title: Xây dựng hệ thống thử nghiệm}", f"title: {_q('Xây dựng ' + MARKUP)}}}")
    doc.write_text(text.rstrip("\n") + "\n" + BODY, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = hostile_register(tmp_path_factory.mktemp("markup") / "register")
    site = root / "site"
    code = register_main(["--root", str(root), "build", "--as-of", "2022-06-01", "--site-dir", str(site)])
    assert code == 0
    return site


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def test_sources_are_links_with_the_exact_address(site):
    article = _article(_page(site, "van-ban/2021/1-tb-ba"))
    hrefs = re.findall(r'<a href="(https?://[^"]*)"', article)
    for _, expected in LINKS:
        assert expected.replace("&", "&amp;") in hrefs, expected
    assert all("<" not in h and " " not in h for h in hrefs)


class Elements(HTMLParser):
    """Every element of a piece of HTML as the browser's parser sees it: (tag, attributes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def _text_section(html: str) -> str:
    """The part of a document page made from the record's text (from its h2 "Toàn văn" to the editorial history)."""
    article = _article(html)
    section = article[article.index('id="toan-van"'):]
    return section[:section.index('<div class="register-history"')]


def test_the_text_shows_block_syntax_as_typed(site):
    section = _text_section(_page(site, "van-ban/2021/1-tb-ba"))
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", section))
    for typed in SHOWN_AS_TYPED:
        assert typed in text, typed
    made = [(tag, attrs) for tag, attrs in elements(section)
            if (tag, attrs) != ("div", {"class": "register-text"})  # the text's own block
            and (tag not in ("p", "h2", "ul", "li", "a", "em", "strong") or set(attrs) - {"id", "href", "class", "title"})
            or re.search("mermaid|diagram|admonition|toc|highlight", attrs.get("class", ""))]
    assert made == []
    ids = [attrs["id"] for _, attrs in elements(section) if "id" in attrs]
    for anchor in ("d-1", "d-4", "d-5", "d-6"):
        assert anchor in ids, anchor


@pytest.mark.parametrize("url", ["co-quan/bo-a", "co-quan/cuc-c", "ca-nhan/nguyen-van-an", "to-chuc/hoi-dong",
                                 "van-ban/2021/1-tb-ba", "nhiem-vu/xay-dung-he-thong", "co-quan", "to-chuc"])
def test_names_and_aliases_show_their_characters(site, url):
    article = _article(_page(site, url))
    # what the values' Markdown would have made: an element beginning with the marked word
    made = re.findall(r"<(?:em|strong|b|i|code|del|s|mark|br)\b[^>]*>\s*(?:đậm|gạch|nghiêng|mã|in<|xóa|"
                      r"Bộ Á|Nguyễn|HĐ|Bộ cũ|C<|A<|x<)", article)
    assert made == []
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", article))
    assert "**đậm** __gạch__ *nghiêng* [x](javascript:" in text
    assert [tag for tag, attrs in elements(article) if tag in ("svg", "script", "img", "code", "del")] == []


def test_aliases_show_their_characters(site):
    article = _article(_page(site, "co-quan/bo-a"))
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", article))
    for alias in ("<br>Bộ cũ<br>", "**Bộ** | _A_ | `x`", "_Bộ Á_"):
        assert alias in text, alias
    assert "<br>Bộ" not in article
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", _article(_page(site, "co-quan/cuc-c"))))
    assert f"<svg onload={PWN}>" in text and "Cục *C*" in text


def test_control_characters_in_an_alias_never_become_markup(tmp_path, capsys):
    """\\x02…\\x06 were the prerenderer's marks for <strong>, <em> and <br>: a name holding them
    is refused by check with its line, or shown without them; never as those tags."""
    root = tmp_path / "register"
    hostile_register(root)
    agencies = root / "decisions/agencies.yml"
    text = agencies.read_text(encoding="utf-8")
    line = text.count("\n") + 3  # of the aliases, below (YAML escapes: the file itself is clean)
    text += 'bo-d:\n  name: Bộ D\n  aliases: ["\\x02đậm\\x03 \\x04ng\\x05\\x06 *x* ", "Bộ\\e[31m D\\x7f\\x85"]\n'
    agencies.write_text(text, encoding="utf-8")
    code, out, err = run_register(capsys, "--root", str(root), "check")
    assert "Traceback" not in out + err
    if code == 1:
        assert f"decisions/agencies.yml:{line}:" in out + err, out + err
        return
    site = root / "site"
    assert register_main(["--root", str(root), "build", "--as-of", "2022-06-01", "--site-dir", str(site)]) == 0
    html = _page(site, "co-quan/bo-d")
    article = _article(html)
    facts = next(p for p in re.findall(r"<p>(.*?)</p>", article, re.S) if "đậm" in p)
    assert [tag for tag, _ in elements(facts)] == []
    assert "*x*" in html_lib.unescape(facts) and "[31m D" in html_lib.unescape(facts)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", html)


# --- in the browser ----------------------------------------------------------------------------


def test_no_injected_script_runs_on_any_page_and_sources_are_clickable(site):
    pages = sorted(p.relative_to(site).parent.as_posix() + "/" for p in site.rglob("index.html")
                   if "pagefind" not in p.parts)
    assert len(pages) > 20
    dialogs: list[str] = []
    outside: list[str] = []
    with served(site) as base, chromium() as browser:
        context = browser.new_context()
        context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/])"),
                      lambda route: (outside.append(route.request.url),
                                     route.fulfill(status=200, body="ngoài", content_type="text/plain")))
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
        pwned = []
        for rel in pages:
            page.goto(base + ("" if rel == "./" else rel))
            page.mouse.move(200, 300)  # over whatever an onmouseover was put on
            if page.evaluate("typeof window.__pwned") != "undefined":
                pwned.append(rel)
        assert pwned == [] and dialogs == []

        page.goto(base + "van-ban/2021/1-tb-ba/")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        for i, (_, expected) in enumerate(LINKS):
            link = page.locator("article a", has_text=f"Nguồn {i} ")
            assert link.count() == 1, i
            assert link.get_attribute("href") == expected
            outside.clear()
            with page.expect_navigation():
                link.click()
            resolved = outside[-1]
            # the browser asked the link's own host for the link's own path
            assert resolved.split("/")[2].lower() == expected.split("/")[2].lower(), resolved
            assert page.evaluate("typeof window.__pwned") == "undefined"
            page.go_back()
    assert dialogs == []

