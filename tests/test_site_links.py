"""The whole built seed site, crawled the way a link checker would: every link and resource to
a local path (href, src, a redirect's refresh, the Atom feeds' links) resolves to a file of
site/, every `#anchor` exists in the page it points into, and every page is Vietnamese with one
`h1`. External http(s) links are not fetched (CI has no network)."""
from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

LINK_ATTRS = {"href", "src", "action", "poster", "data"}


class Page(HTMLParser):
    """The links, ids, language and h1 count of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.lang: str | None = None
        self.h1 = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if tag == "h1":
            self.h1 += 1
        for name in ("id", "name") if tag != "meta" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        for name, value in attrs:
            if name in LINK_ATTRS and value is not None:
                self.links.append(value)
            if name == "srcset" and value:
                self.links += [part.split()[0] for part in value.split(",") if part.strip()]
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            found = re.search(r"url=(.+)$", values.get("content") or "", re.I)
            if found:
                self.links.append(found.group(1).strip("'\" "))


@lru_cache(maxsize=None)
def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)


def resolve(site: Path, source: Path, link: str) -> tuple[Path, str] | None:
    """The file a local link leads to and its fragment; None for an external or non-file link."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        target = parts.path  # root-relative: from the site's root
    else:
        base = source.relative_to(site).parent.as_posix()
        target = posixpath.join(base, parts.path) if parts.path else source.relative_to(site).as_posix()
    target = posixpath.normpath(unquote(target)).lstrip("/")
    path = site / target if target != "." else site
    if path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    problems: list[str] = []
    sources: list[tuple[Path, list[str]]] = [(p, parse(p).links) for p in html_files(site)]
    for feed in sorted(site.glob("*.xml")):  # Atom feeds: links relative to the feed
        text = feed.read_text(encoding="utf-8")
        sources.append((feed, re.findall(r'<link\b[^>]*\bhref="([^"]+)"', text)))
    for source, links in sources:
        where = source.relative_to(site).as_posix()
        for link in links:
            if link.lower().startswith("javascript:"):
                problems.append(f"{where}: {link}: a javascript: link")
                continue
            if link.startswith(("mailto:", "tel:", "data:")):
                continue
            resolved = resolve(site, source, link)
            if resolved is None:
                continue
            path, fragment = resolved
            if site.resolve() not in path.resolve().parents:
                problems.append(f"{where}: {link}: outside the site")
            elif not path.is_file():
                problems.append(f"{where}: {link}: no such file {path.relative_to(site)}")
            elif fragment and path.suffix == ".html" and fragment not in parse(path).ids:
                problems.append(f"{where}: {link}: no #{fragment} in {path.relative_to(site)}")
    return problems


def test_no_broken_internal_link_in_the_whole_site(built_site):
    pages = html_files(built_site)
    assert len(pages) > 100
    assert sum(len(parse(p).links) for p in pages) > 5000
    assert broken_links(built_site) == []


def test_the_crawl_finds_broken_links(built_site, tmp_path):
    """The crawler itself: a missing page, a missing anchor and a missing asset are caught."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    page = site / "van-ban/2019/8540-tb-vpcp/index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</article>", '<a href="../khong-co/">x</a><a href="../8540-tb-vpcp/#d-zz">y</a>'
                                      '<img src="../../../assets/khong-co.png"></article>', 1)
    page.write_text(html, encoding="utf-8")
    parse.cache_clear()
    found = broken_links(site)
    parse.cache_clear()
    assert any("../khong-co/" in p for p in found)
    assert any("#d-zz" in p for p in found)
    assert any("khong-co.png" in p for p in found)
    assert len(found) == 3, found


def test_every_page_is_vietnamese_with_a_single_h1(built_site):
    problems = defaultdict(list)
    for path in html_files(built_site):
        page = parse(path)
        where = path.relative_to(built_site).as_posix()
        if page.lang != "vi":
            problems["lang"].append(f"{where}: lang={page.lang!r}")
        if page.h1 != 1:
            problems["h1"].append(f"{where}: {page.h1} h1")
    assert dict(problems) == {}
