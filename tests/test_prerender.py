"""Generated pages' tables, lists and paragraphs are written as HTML before MkDocs converts the
page (render/prerender.py): the site must be the one Python-Markdown and MkDocs would build."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from generator.core.urls import page_url
from generator.faces.cli import main as register_main
from generator.speedups.prerender import prerender, relative_url, restore

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def _normalised(html: str) -> str:
    # whitespace between tags is all that may differ
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html))


def _build(root: Path, site: Path, monkeypatch, prerendering: bool, *extra: str) -> None:
    if prerendering:
        monkeypatch.delenv("REGISTER_NO_PRERENDER", raising=False)
    else:
        monkeypatch.setenv("REGISTER_NO_PRERENDER", "1")
    assert register_main(["--root", str(root), "build", "--as-of", "2026-11-22", "--site-dir", str(site),
                          *extra]) == 0


@pytest.mark.parametrize("register", ["seed", "forge", "synthetic", "hostile"])
def test_every_page_is_the_page_python_markdown_would_write(register, tmp_path, monkeypatch):
    """…and Material: page_shell.py fills pages into a shell of Material's template."""
    extra: tuple[str, ...] = ()
    if register == "seed":
        root = ROOT
    elif register == "forge":  # edit and view buttons, canonical links
        import shutil

        from conftest import SHIPPED
        root = tmp_path / "register"
        for name in SHIPPED:
            (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, root / name)
        config = (root / "mkdocs.yml").read_text(encoding="utf-8")
        (root / "mkdocs-forge.yml").write_text(
            config + "\nrepo_url: https://github.com/example/so-dang-ky\nedit_uri: edit/main/content/\n"
                     "site_url: https://so.example.org/\n", encoding="utf-8")
        extra = ("-f", "mkdocs-forge.yml")
    elif register == "hostile":
        from test_safe_output import hostile_register  # markup, quotes and braces in every field
        root = hostile_register(tmp_path / "register")
    else:
        import synthetic  # benchmarks/synthetic.py: every kind of action, citation and view
        root = tmp_path / "register"
        synthetic.generate(root, 120, seed=3)
    _build(root, tmp_path / "plain", monkeypatch, False, *extra)
    _build(root, tmp_path / "fast", monkeypatch, True, *extra)
    plain = sorted(p.relative_to(tmp_path / "plain") for p in (tmp_path / "plain").rglob("*.html"))
    fast = sorted(p.relative_to(tmp_path / "fast") for p in (tmp_path / "fast").rglob("*.html"))
    assert plain == fast and len(plain) > 30
    differ = [str(p) for p in plain
              if _normalised((tmp_path / "plain" / p).read_text(encoding="utf-8"))
              != _normalised((tmp_path / "fast" / p).read_text(encoding="utf-8"))]
    assert differ == []


def test_most_pages_are_written_without_python_markdown(tmp_path):
    """The equivalence above says something of render/direct.py only if it writes the pages."""
    from datetime import date

    import synthetic
    from generator.core.read.load import load_register
    from generator.core.render import render_site
    from generator.speedups.direct import direct_page

    root = tmp_path / "register"
    synthetic.generate(root, 120, seed=3)
    register, diagnostics = load_register(root)
    assert diagnostics == []
    pages = render_site(register, lang="vi", as_of=date(2026, 11, 22)).pages
    exists = lambda path: path in pages or (root / "content" / path).is_file()  # noqa: E731
    direct = [path for path, markdown in pages.items()
              if direct_page(prerender(re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S), path, exists),
                             path, "&para;") is not None]
    assert len(direct) >= 0.9 * len(pages) and len(pages) > 200


def _build_synthetic(tmp_path: Path, theme_files: dict[str, str] | None = None):
    """A 120-document synthetic register built in this process, with `theme_files` (path under
    theme_overrides/ → text) added to its theme; returns MkDocs' config of the build."""
    import synthetic
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = tmp_path / "register"
    synthetic.generate(root, 120, seed=3)
    for name, text in (theme_files or {}).items():
        (root / "theme_overrides" / name).write_text(text, encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    return config


def test_most_pages_are_filled_into_a_shell(tmp_path):
    """The equivalence above says something of page_shell.py only if it fills the pages."""
    used = _build_synthetic(tmp_path).plugins["register"].page_renders
    assert used["shell"] >= 0.8 * (used["shell"] + used["full"]) and used["shell"] > 200, used


def test_a_themes_own_table_of_contents_is_written_for_each_page(tmp_path):
    """page_shell.py writes a table of contents once for all the pages of a shell with the same
    headings, trusting Material's partial to read nothing else of a page: a site whose theme
    overrides it gets each page's own."""
    config = _build_synthetic(tmp_path, {"partials/toc.html":
        '<nav class="md-nav md-nav--secondary" data-toc-of="{{ page.url }}">'
        "{% for item in page.toc %}{{ item.title }}{% endfor %}</nav>"})
    assert config.plugins["register"].page_renders["shell"] > 200
    owners = {}
    for path in (tmp_path / "site").rglob("*.html"):
        found = re.findall(r'data-toc-of="([^"]*)"', path.read_text(encoding="utf-8"))
        if found:
            owners[path.relative_to(tmp_path / "site").as_posix()] = found
    tasks = [path for path in owners if path.startswith("nhiem-vu/")]
    assert len(tasks) > 100
    owners.pop("404.html")  # rendered with no page
    # pages in the navigation show their table of contents twice (in each sidebar)
    wrong = [(path, found) for path, found in owners.items() if set(found) != {path.removesuffix("index.html")}]
    assert wrong == []


def test_links_resolve_as_mkdocs_resolves_them():
    from mkdocs.utils import get_relative_url

    for src in ["index.md", "van-ban/index.md", "van-ban/2019/8540-tb-vpcp.md", "nhiem-vu/x.md", "thoi-han.md"]:
        for target in ["index.md", "co-quan/vpcp.md", "van-ban/2019/index.md", "chuyen-giao.md"]:
            for directory_urls in (True, False):
                assert relative_url(page_url(target, directory_urls), page_url(src, directory_urls)) == \
                    get_relative_url(page_url(target, directory_urls), page_url(src, directory_urls))
    assert page_url("index.md") == "./" and page_url("co-quan/vpcp.md") == "co-quan/vpcp/"
    assert page_url("co-quan/vpcp.md", directory_urls=False) == "co-quan/vpcp.html"


@pytest.mark.parametrize("directory_urls", [True, False])
def test_one_url_rule_is_mkdocs_own(directory_urls):
    """urls.page_url, which pages, feeds and open data all use, gives what MkDocs' File.url
    gives (export's copy gave `van-ban/` for `van-ban/index.md` without directory URLs)."""
    from mkdocs.structure.files import File

    for src in ["index.md", "van-ban/index.md", "van-ban/2019/index.md", "van-ban/2019/8540-tb-vpcp.md",
                "nhiem-vu/x.md", "thoi-han.md", "co-quan/README.md"]:
        assert page_url(src, directory_urls) == File(src, "docs", "site", directory_urls).url, src


def test_what_it_does_not_understand_is_left_to_markdown():
    markdown = ("# Tiêu đề\n\n"
                "| A | B |\n|---|---|\n| [Bộ A](../co-quan/bo-a.md) | **x** &#42; & y > z |\n\n"
                "- [Thiếu](../co-quan/khong-co.md)\n\n"       # a page that does not exist
                "Đoạn _nhấn mạnh_ có `mã`.\n\n"              # left to Python-Markdown
                "!!! note\n    Ghi chú\n\n"
                "```mermaid\ngraph LR\n\nA --> B\n```\n\n"
                "Đoạn *văn* tại [Cổng](https://x.vn/?a=1&b=2)<br>\n{#d-1}\n")
    done = prerender(markdown, "nhiem-vu/x.md", lambda path: path == "co-quan/bo-a.md")
    left = done.markdown
    assert left.startswith("# Tiêu đề\n\n\ue0000\ue001\n\n- [Thiếu](../co-quan/khong-co.md)")
    assert "Đoạn _nhấn mạnh_ có `mã`." in left and "!!! note\n    Ghi chú" in left
    assert "```mermaid\ngraph LR\n\nA --> B\n```" in left
    assert done.written[0] == (
        '<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n'
        '<td><a href="../../co-quan/bo-a/">Bộ A</a></td>\n'
        '<td><strong>x</strong> &#42; &amp; y &gt; z</td>\n</tr>\n</tbody>\n</table>')
    assert done.written[1] == ('<p id="d-1">Đoạn <em>văn</em> tại '
                               '<a href="https://x.vn/?a=1&amp;b=2">Cổng</a><br></p>')
    assert done.ids == {"d-1"}
    html = restore("<h1>Tiêu đề</h1>\n<p>\ue0000\ue001</p>\n<p>\ue0001\ue001</p>", done.written)
    assert html == "<h1>Tiêu đề</h1>\n" + done.written[0] + "\n" + done.written[1]


def test_a_tables_cells_are_each_written_as_alone():
    """A table's cells are written in one pass: markup that spans two cells stays text, as
    Python-Markdown reads it, and a cell holding the pass's own separator is written alone."""
    exists = {"co-quan/bo-a.md", "van-ban/x.md"}.__contains__
    spanning = "| A | B |\n|---|---|\n| **Bộ | A** |\n"
    assert prerender(spanning, "nhiem-vu/x.md", exists).written == []  # left to Python-Markdown
    link = "| A | B |\n|---|---|\n| [Bộ | A](../co-quan/bo-a.md) |\n"
    assert prerender(link, "nhiem-vu/x.md", exists).written == []
    cells = ("| A | B |\n|---|---|\n"
             "| [Bộ A](../co-quan/bo-a.md) &amp; x > y | [§ 2](../van-ban/x.md#d-2) \x1f [§ 3](../van-ban/x.md#d-3) |\n")
    done = prerender(cells, "nhiem-vu/x.md", exists)
    assert done.written == ['<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n'
                            '<td><a href="../../co-quan/bo-a/">Bộ A</a> &amp; x &gt; y</td>\n'
                            '<td><a href="../../van-ban/x/#d-2">§ 2</a> \x1f <a href="../../van-ban/x/#d-3">§ 3</a></td>\n'
                            '</tr>\n</tbody>\n</table>']
    assert [anchor for _, anchor, _ in done.anchor_links] == ["d-2", "d-3"]


def test_an_admonition_of_paragraphs_is_written_as_the_extension_writes_it():
    """A cited document's page opens with a note (render/browse.py); Python-Markdown's
    admonition extension writes it so (the built seed and synthetic registers are compared
    with it page by page above). One with anything but paragraphs is left to it."""
    exists = {"co-quan/bo-a.md"}.__contains__
    note = '!!! note "Chưa có trong sổ"\n\n    Đoạn một\n    tiếp.\n\n    Đoạn [hai](../co-quan/bo-a.md).\n\nSau.\n'
    done = prerender(note, "van-ban/x.md", exists)
    assert done.markdown == "\ue0000\ue001\n"
    assert done.written == ['<div class="admonition note">\n<p class="admonition-title">Chưa có trong sổ</p>\n'
                            '<p>Đoạn một\ntiếp.</p>\n<p>Đoạn <a href="../../co-quan/bo-a/">hai</a>.</p>\n</div>\n'
                            '<p>Sau.</p>']
    code = '!!! note "Mã"\n\n        x = 1\n\nSau.\n'
    done = prerender(code, "van-ban/x.md", exists)
    assert done.markdown.startswith('!!! note "Mã"\n\n        x = 1\n\n') and done.written == ["<p>Sau.</p>"]


def test_a_link_to_a_missing_anchor_still_fails_the_strict_build(tmp_path, monkeypatch, capsys):
    # the link sits in a table the plugin writes as HTML: MkDocs must still check its anchor
    import generator.faces.plugin as plugin

    render_site = plugin.render_site

    def with_a_bad_link(*args, **kwargs):
        site = render_site(*args, **kwargs)
        task = next(p for p in site.pages if p.startswith("nhiem-vu/") and p != "nhiem-vu/index.md")
        site.pages[task] += "\n| Nguồn |\n|---|\n| [¶ 99](../van-ban/2019/8540-tb-vpcp.md#d-99) |\n"
        return site

    monkeypatch.setattr(plugin, "render_site", with_a_bad_link)
    code = register_main(["--root", str(ROOT), "build", "--site-dir", str(tmp_path / "site")])
    err = capsys.readouterr().err
    assert code != 0 and "does not contain an anchor '#d-99'" in err
