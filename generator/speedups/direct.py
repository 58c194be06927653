"""A generated page written straight to HTML, without Python-Markdown, when prerender.py has
turned every block of it into HTML and only its headings are left.

That is all but 2 of the 22,017 pages of a 10,000-document register. For them Python-Markdown
did nothing but make a parser (its extensions loaded anew for every page, as MkDocs asks) and
number the headings: a fifth of the build. The headings are written here the way the `toc`
extension writes them, with its own functions (slugify, unique, nest_toc_tokens), so the page,
its heading ids and its table of contents are the ones Python-Markdown would make;
tests/test_prerender.py builds registers both ways and compares every page. Anything else, or
a `toc` setting other than `permalink`, and the page goes to Python-Markdown as before.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique

from generator.speedups.prerender import _MARK_CLOSE, _MARK_OPEN, Prerendered, _Unknown, _Writer

__all__ = ["DirectPage", "direct_page", "heading_settings"]

_HEADING = re.compile(r"(#{1,6})[ \t]*(.*?)[ \t]*")
_DIV_OPEN = re.compile(r'<div((?: [a-z-]+="[A-Za-z0-9 _:,.-]*")*) markdown>')
_MARK_LINE = re.compile(f"{_MARK_OPEN}([0-9]+){_MARK_CLOSE}")
PERMALINK_CHAR = "&para;"


@dataclass
class DirectPage:
    html: str                       # the page's content, as Python-Markdown would return it
    toc_tokens: list[dict[str, Any]]  # as the `toc` extension leaves them in md.toc_tokens
    title: str | None               # the first <h1>'s text, as MkDocs reads it (no meta title)
    ids: set[str]                   # the heading ids


def heading_settings(markdown_extensions: list, mdx_configs: dict) -> str | None:
    """The permalink text when the site's headings are ones this module writes: `toc` with
    only `permalink` set (True, or a text) and nothing else that rewrites a heading. None:
    leave the pages to Python-Markdown."""
    names = {name if isinstance(name, str) else type(name).__name__ for name in markdown_extensions}
    if "toc" not in names or names - _KNOWN_EXTENSIONS:
        return None
    toc = dict(mdx_configs.get("toc") or {})
    permalink = toc.pop("permalink", False)
    if toc or permalink is False or permalink is None:
        return None
    return PERMALINK_CHAR if permalink is True else html.escape(str(permalink), quote=False)


# extensions known not to touch a heading of plain text (attr_list does only with `{…}`, which
# the writer refuses)
_KNOWN_EXTENSIONS = {"toc", "attr_list", "admonition", "tables", "fenced_code", "md_in_html",
                     "pymdownx.superfences"}


def direct_page(done: Prerendered, page: str, permalink: str) -> DirectPage | None:
    """The page as HTML, or None when something in it is not a heading or a written block."""
    writer = _Writer(page, lambda path: False, True)  # a heading with a link is left to Markdown
    parts: list[str | tuple[int, str]] = []
    for line in done.markdown.split("\n"):
        if not line.strip():
            continue
        mark = _MARK_LINE.fullmatch(line)
        if mark:
            parts.append(done.written[int(mark.group(1))])
            continue
        if line == "</div>":
            parts.append(line)
            continue
        div = _DIV_OPEN.fullmatch(line)
        if div:  # md_in_html: the Markdown inside is what this module writes
            parts.append(f"<div{div.group(1)}>")
            continue
        m = _HEADING.fullmatch(line)
        if not m or not m.group(2) or "#" in m.group(2) or "](" in m.group(2):
            return None
        try:
            inner = writer.inline(m.group(2))
        except _Unknown:
            return None
        parts.append((len(m.group(1)), inner))
    used: set[str] = set()
    counters: dict[str, int] = {}
    tokens = []
    out = []
    title = None
    for i, part in enumerate(parts):
        if isinstance(part, str):
            out.append(part)
            continue
        level, inner = part
        name = strip_tags(inner)
        anchor = unique(slugify(html.unescape(name), "-"), used, counters)
        tokens.append({"level": level, "id": anchor, "name": name, "html": inner, "data-toc-label": ""})
        if i == 0 and level == 1:
            title = name  # tags stripped, spaces folded: what MkDocs reads of a first <h1>
        out.append(f'<h{level} id="{anchor}">{inner}<a class="headerlink" href="#{anchor}" '
                   f'title="Permanent link">{permalink}</a></h{level}>')
    return DirectPage("\n".join(out), nest_toc_tokens(tokens), title, used)
