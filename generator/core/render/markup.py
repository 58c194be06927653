"""Writing Markdown safely: record values are text, never markup."""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache, partial
from typing import Callable

from generator.core.weburl import href

# Characters no page may show as they are, whatever a record holds: C0 and C1 controls (but tab
# and line feed) and DEL are shown as U+FFFD (Python-Markdown uses STX and ETX as its own
# placeholders, prerender.py uses others; HTML reads &#1; to &#31; as errors and &#128; to
# &#159; as Windows-1252), and the private-use plane is written as entities: the build marks
# its own blocks with such characters (prerender.py, page_shell.py), and an entity is not one.
_NOT_TEXT = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_PRIVATE = "\ue000-\uf8ff"


def _unseen(char: str) -> str:
    return f"&#{ord(char)};" if "\ue000" <= char <= "\uf8ff" else "\ufffd"


def _replacing(entities: dict[str, str]) -> Callable[[str], str]:
    """A function writing each of `entities`' characters as its entity, and every control or
    private-use character as _unseen says. re.sub visits only the characters it replaces;
    str.translate with a table of strings looks up every character, 15 times slower on mostly
    clean Vietnamese text. One character class: linear in the text."""
    special = re.compile("[" + re.escape("".join(entities)) + _NOT_TEXT + _PRIVATE + "]")
    return partial(special.sub, lambda match: entities.get(match.group()) or _unseen(match.group()))


# Characters that Markdown, HTML, attr_list, tables or Jinja-like templates could read as syntax.
_ENTITIES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;",
    "{": "&#123;", "}": "&#125;", "|": "&#124;", "#": "&#35;", "!": "&#33;", "~": "&#126;",
    "^": "&#94;", "=": "&#61;", "+": "&#43;", ":": "&#58;",
}
_escape = _replacing(_ENTITIES)


def text(value: object) -> str:
    """A record value as inline Markdown that shows exactly its characters."""
    if type(value) is str:  # noqa: E721 - a subclass may print otherwise
        return _text(value)
    return _escape(" ".join(str(value).split()))


@lru_cache(maxsize=1 << 16)
def _text(value: str) -> str:
    # names, labels and dates recur on page after page: escape each once
    return _escape(" ".join(value.split()))


# A record's body is Markdown for structure only (paragraphs, lists, headings, emphasis, tables)
# plus its paragraph anchors `{#d-…}`. Raw HTML, links, images, code and any other attribute
# list would be markup an editor's paste (or a hostile pull request) puts on a government page:
# their characters are written as entities, so the page shows them as typed.
# Also `~` and `!`: `~~~` opens a fence (`~~~mermaid` is drawn as a diagram) and `!!!` (or `???`
# with the details extension) a box of any class; an entity is neither, and shows the same
# character. And `&`: an entity typed (`&lt;b&gt;`, `&nbsp;`) shows as typed, not as what it
# stands for. What is left is the whitelist: paragraphs, lists, headings, emphasis, quotes,
# tables and the paragraph anchors. `?` and `$` too: `???` opens details and `$` math, should
# those extensions be enabled.
_inert = _replacing({"&": "&amp;", "<": "&lt;", "[": "&#91;", "]": "&#93;", "`": "&#96;", "{": "&#123;",
                     "}": "&#125;", "~": "&#126;", "!": "&#33;", "?": "&#63;", "$": "&#36;"})
_BODY_ANCHOR = re.compile(r"\{:?[ \t]*#d-[a-z0-9-]+[ \t]*\}")


def body_markdown(markdown: str) -> str:
    """A piece of a record's body as Markdown that can hold no HTML, link, image or attribute
    but its paragraph anchors (editor guide, "Toàn văn")."""
    out, pos = [], 0
    for anchor in _BODY_ANCHOR.finditer(markdown):
        out.append(_inert(markdown[pos:anchor.start()]))
        out.append(anchor.group())
        pos = anchor.end()
    out.append(_inert(markdown[pos:]))
    return "".join(out)


def link(label: str, target: str) -> str:
    """A Markdown link whose label is escaped text; targets come from urls.py only."""
    return f"[{text(label)}]({target})"


def external_link(label: str, url: str) -> str:
    """A link out of the site, to an address a record gives: the one way such an address is
    written into a page. weburl.href parses it (UrlError if it is not a web address) and
    percent-encodes every space, quote, `<`, `>` and `|`, so that in the `<…>` form of a
    Markdown link's destination it can hold `(` and `)` and stand in a table cell."""
    return f"[{text(label)}](<{href(url)}>)"


def front_matter(**meta: str) -> str:
    """Page metadata. Material prints meta values into the head unescaped (MkDocs' Jinja has
    no autoescape), so they are HTML-escaped here; JSON strings are valid YAML."""
    lines = [f"{key}: {json.dumps(_visible(html.escape(' '.join(value.split()))), ensure_ascii=False)}"
             for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


_visible = _replacing({})


def html_text(value: str, quote: bool = True) -> str:
    """A value as HTML text or a quoted attribute's value, for the HTML the generator writes
    itself (the search block): html.escape, and no control or private-use character."""
    return _visible(html.escape(value, quote=quote))


TABLE_ROWS = 100  # rows a table holds; a longer one goes on in another, under the same header


def table(header: list[str], rows: list[list[str]]) -> str:
    """A pipe table; a long one as consecutive tables of TABLE_ROWS rows, which register.css
    has the browser lay out only when scrolled near. A browser lays out a table whole, and
    again as more of it arrives: at 10,000 documents the deadlines page's tables of 9,000 rows
    took 105 s to load on a phone's CPU (Chromium slowed 4x, benchmarks/bench_pages.py)."""
    if not rows:
        return ""
    head = "| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n"
    return "\n".join(head + "".join("| " + " | ".join(row) + " |\n" for row in rows[start:start + TABLE_ROWS])
                     for start in range(0, len(rows), TABLE_ROWS))


def facts_line(short: str | None, parent_link: str | None, aliases: list[str]) -> str:
    """The line under an agency's or body's name: short form · parent · other spellings."""
    facts = [f"**{text(short)}**"] if short else []
    if parent_link:
        facts.append(parent_link)
    if aliases:
        facts.append(", ".join(text(a) for a in aliases))
    return " · ".join(facts) + "\n\n" if facts else ""
