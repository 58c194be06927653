"""Where every page lives: one place for the site's URL scheme (source paths of virtual pages).

Paths are built only from ids and keys that the reader has checked against ^[a-z0-9-]+$ (and a
four-digit year), so no record can make the generator write outside the site.
"""
from __future__ import annotations

import posixpath
from functools import lru_cache

@lru_cache(maxsize=1 << 18)  # a page's links name the same few hundred pages again and again
def page_url(src: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a Markdown source path, relative to the site root (File.url):
    `nhiem-vu/x.md` → `nhiem-vu/x/` (or `nhiem-vu/x.html` without directory URLs),
    `van-ban/index.md` → `van-ban/` (or `van-ban/index.html`), `index.md` → `./`. The one rule
    every page, feed and open-data file uses."""
    stem = src[:-3] if src.endswith(".md") else src
    base = posixpath.basename(stem)
    if base in ("index", "README"):
        dest = posixpath.join(posixpath.dirname(stem), "index.html")
    elif directory_urls:
        dest = stem + "/index.html"
    else:
        dest = stem + ".html"
    dirname, filename = posixpath.split(dest)
    if directory_urls and filename == "index.html":
        return (dirname or ".") + "/"
    return dest


def absolute_url(base: str, src: str, directory_urls: bool = True) -> str:
    """The page's address under the site's (`base` ends with "/"): the root is `base` itself."""
    url = page_url(src, directory_urls)
    return base + ("" if url == "./" else url)


HOME = "index.md"
DOCUMENTS = "van-ban/index.md"
CITED = "van-ban/chua-co-trong-so.md"
TYPES = "loai-van-ban/index.md"
ISSUERS = "co-quan-ban-hanh/index.md"
TASKS = "nhiem-vu/index.md"
AGENCIES = "co-quan/index.md"
PEOPLE = "ca-nhan/index.md"
BODIES = "to-chuc/index.md"


def document(key: str) -> str:
    return f"van-ban/{key}.md"


def year(value: int) -> str:
    return f"van-ban/{value}/index.md"


def doc_type(type_id: str) -> str:
    return f"loai-van-ban/{type_id}.md"


def issuer(issuer_id: str) -> str:
    return f"co-quan-ban-hanh/{issuer_id}.md"


def task(task_id: str) -> str:
    return f"nhiem-vu/{task_id}.md"


def agency(agency_id: str) -> str:
    return f"co-quan/{agency_id}.md"


def person(person_id: str) -> str:
    return f"ca-nhan/{person_id}.md"


def body(body_id: str) -> str:
    return f"to-chuc/{body_id}.md"


def href(from_page: str, to_page: str, directory_urls: bool = True, anchor: str | None = None) -> str:
    """A link's address from one generated page to another page (a source path `….md`) or file
    of the site: what MkDocs writes for the Markdown link `relative(from_page, to_page)`."""
    if from_page == to_page and anchor:
        return f"#{anchor}"
    target = page_url(to_page, directory_urls) if to_page.endswith(".md") else to_page
    address = relative_url(target, page_url(from_page, directory_urls))
    if address == "./" and from_page == to_page and target != "./" and not target.endswith("/index.html"):
        # a page's link to itself as its folder's other pages write it ("../x/"): the pages of
        # a folder share their links (render/context.py)
        address = "../" + posixpath.basename(target.rstrip("/")) + "/"
    return f"{address}#{anchor}" if anchor else address


@lru_cache(maxsize=1 << 18)  # the pages of one folder link to the same targets
def relative_url(url: str, other: str) -> str:
    """`url` as seen from the page at URL `other`: MkDocs' utils.get_relative_url."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    other_parts = [p for p in other.split("/") if p not in ("", ".")]
    dest_parts = [p for p in url.split("/") if p not in ("", ".")]
    common = 0
    for a, b in zip(other_parts, dest_parts):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return rel + "/" if url.endswith("/") else rel


def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A Markdown link target from one page's source path to another's (MkDocs checks it): in
    a record's body, which stays Markdown."""
    if from_page == to_page:
        return f"#{anchor}" if anchor else posixpath.basename(to_page)
    target = relative_url(to_page, from_page)  # source paths: the same rule as addresses
    return f"{target}#{anchor}" if anchor else target
