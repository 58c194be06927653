"""Shared fixtures: the shipped register, and throwaway copies of it to break on purpose."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.faces.cli import main as register_main

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("decisions", "sources", "content", "theme_overrides", "mkdocs.yml")
# The five texts the seed records were entered from (sources/, named by each record's
# `sources[].file`), under the labels the importer's tests know them by.
SEED_TEXTS = {
    "000": ROOT / "sources/2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt.txt",  # a city portal's copy
    "001": ROOT / "sources/2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt-press.txt",  # a press report
    "002": ROOT / "sources/2018/ket-luan-ttg-thanh-lap-uy-ban-cpdt.txt",  # a press report
    "003": ROOT / "sources/2019/8540-tb-vpcp.txt",  # the portal's scan, as text
    "004": ROOT / "sources/2020/139-tb-vpcp.txt",  # the official text
}


@pytest.fixture
def register_copy(tmp_path: Path) -> Path:
    """A copy of the shipped register that a test may change."""
    root = tmp_path / "register"
    root.mkdir()
    for name in SHIPPED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    return root


SMALL = ROOT / "tests/fixtures/small/decisions"
STORY = ROOT / "tests/fixtures/story/decisions"


def small_register(root: Path, records: Path = SMALL) -> Path:
    """The small hand-made register (tests/fixtures/small), or another register of invented
    records (`records`), with the site's content, theme and configuration."""
    root.mkdir(parents=True, exist_ok=True)
    for name in SHIPPED:
        if name not in ("decisions", "sources"):
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    shutil.copytree(records, root / "decisions")
    return root


def edit(path: Path, pattern: str, replacement: str, count: int = 1) -> int:
    """Change a record the way an editor's typo would; returns the 1-based line changed."""
    text = path.read_text(encoding="utf-8")
    match = re.search(pattern, text, flags=re.MULTILINE)
    assert match, f"{pattern!r} not found in {path}"
    new = re.sub(pattern, replacement, text, count=count, flags=re.MULTILINE)
    path.write_text(new, encoding="utf-8")
    return text.count("\n", 0, match.start()) + 1


def run_register(capsys, *args: str) -> tuple[int, str, str]:
    code = register_main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The shipped register built once, strict, as CI and the README build it."""
    site = tmp_path_factory.mktemp("built") / "site"
    code = register_main(["--root", str(ROOT), "build", "--as-of", "2026-11-22", "--site-dir", str(site)])
    assert code == 0, "register build failed on the shipped register"
    return site


def page_text(site: Path, url: str) -> str:
    """The visible text of a built page's article, whitespace folded."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"): html.index("</article>")]
    article = article.split('<div class="register-search-data"')[0]  # hidden: what Pagefind indexes
    article = re.sub(r"</?(?:a|em|strong|span|code|b|i)\b[^>]*>", "", article)
    article = re.sub(r"<[^>]+>", " ", article)
    import html as html_lib
    return " ".join(html_lib.unescape(article).split())


def page_html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")
