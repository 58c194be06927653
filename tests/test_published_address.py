"""The published site knows its address (mkdocs.yml: `site_url: !ENV REGISTER_SITE_URL`, set by
the deploy workflow): its sitemap lists every page, and its canonical links and Atom feed are
absolute under it. Without it the sitemap was empty: search engines were told of no page."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.faces.cli import main as register_main

ROOT = Path(__file__).resolve().parent.parent
ADDRESS = "https://so-dang-ky.example/cpdt/"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("published") / "site"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("REGISTER_SITE_URL", ADDRESS)
        code = register_main(["--root", str(ROOT), "build", "--as-of", "2026-11-22", "--site-dir", str(site)])
    assert code == 0
    return site


def test_the_sitemap_lists_every_page_at_its_address(published):
    listed = re.findall(r"<loc>([^<]+)</loc>", (published / "sitemap.xml").read_text(encoding="utf-8"))
    pages = {ADDRESS + p.parent.relative_to(published).as_posix() + "/"
             for p in published.rglob("index.html") if "pagefind" not in p.parts}
    assert set(listed) == {url.replace(ADDRESS + "./", ADDRESS) for url in pages}
    assert len(listed) == len(set(listed)) > 100


def test_canonical_links_and_the_feed_are_absolute(published):
    page = (published / "chuyen-giao" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{ADDRESS}chuyen-giao/">' in page
    feed = (published / "van-ban-moi.xml").read_text(encoding="utf-8")
    links = re.findall(r'<link rel="[^"]+" type="[^"]+" href="([^"]+)"', feed)
    assert links and all(link.startswith(ADDRESS) for link in links)


def test_without_an_address_the_site_is_as_before(built_site):
    assert "<loc>" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in (built_site / "chuyen-giao" / "index.html").read_text(encoding="utf-8")
