"""The speed-ups (generator/speedups/, the plugin's `fast_build`) build the site the plain path
builds, page by page; and generated pages link as MkDocs would link them."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from generator.core.urls import page_url, relative_url
from generator.faces.cli import main as register_main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def _normalised(html: str) -> str:
    # white space beside tags is all that may differ: page_shell.py trims the theme's
    return re.sub(r"\s+", " ", re.sub(r"\s*(<[^>]*>)\s*", r"\1", html)).strip()


def _build(root: Path, site: Path, fast_build: str, *extra: str) -> None:
    assert register_main(["--root", str(root), "build", "--as-of", "2026-11-22", "--site-dir", str(site),
                          "--fast-build", fast_build, *extra]) == 0


@pytest.mark.parametrize("register", ["seed", "forge", "synthetic", "hostile"])
def test_every_page_is_the_page_the_plain_path_writes(register, tmp_path):
    """`fast_build: on` (forked reading, rendering and open data; page_shell.py filling pages
    into a shell of Material's template) builds the site `fast_build: off` builds."""
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
    _build(root, tmp_path / "plain", "off", *extra)
    _build(root, tmp_path / "fast", "on", *extra)
    plain = sorted(p.relative_to(tmp_path / "plain") for p in (tmp_path / "plain").rglob("*.html"))
    fast = sorted(p.relative_to(tmp_path / "fast") for p in (tmp_path / "fast").rglob("*.html"))
    assert plain == fast and len(plain) > 30
    differ = [str(p) for p in plain
              if _normalised((tmp_path / "plain" / p).read_text(encoding="utf-8"))
              != _normalised((tmp_path / "fast" / p).read_text(encoding="utf-8"))]
    assert differ == []


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


@pytest.mark.parametrize("setting, builds", [("off", True), ("sometimes", False)])
def test_fast_build_is_a_typed_setting_of_the_plugin(register_copy, capsys, setting, builds):
    """`fast_build` under the plugin in mkdocs.yml: off builds by the plain path only (no child
    forked, Material's templates as MkDocs renders them); a value it does not know is refused
    before anything is built, naming the setting."""
    from conftest import run_register

    config = register_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - register:\n      root: .\n" in text
    config.write_text(text.replace("  - register:\n      root: .\n",
                                   f"  - register:\n      root: .\n      fast_build: {setting}\n"), encoding="utf-8")
    code, _, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", "2026-11-22")
    if builds:
        assert code == 0 and (register_copy / "site/van-ban/2019/8540-tb-vpcp/index.html").is_file()
    else:
        assert code == 1 and "fast_build" in err and "sometimes" in err
        assert not (register_copy / "site").exists()
