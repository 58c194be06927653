"""Writing HTML safely: record values are text, never markup.

Generated pages are HTML from the templates in render/templates/; what goes into them from a
record goes through text() (or Jinja2's autoescape, which the templates' environment has on),
and links only to addresses urls.py or weburl.href made. A record's body alone stays Markdown
(text_block): the site's Markdown converts it, with nothing in it but structure and anchors.
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable

import jinja2
from markupsafe import Markup

from generator.core.weburl import href

# Characters no page may show as they are, whatever a record holds: C0 and C1 controls (but tab
# and line feed) and DEL are shown as U+FFFD (Python-Markdown uses STX and ETX as its own
# placeholders; HTML reads &#1; to &#31; as errors and &#128; to &#159; as Windows-1252), and
# the private-use plane is written as entities: an entity is never a placeholder of anyone's.
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


# HTML's own five, and the characters a Markdown converter or a template engine could still
# read as syntax where a page is handed to one as a raw block (`register generate`): an entity
# is none of them, and shows the same character.
_ENTITIES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;",
    "{": "&#123;", "}": "&#125;", "|": "&#124;", "#": "&#35;", "!": "&#33;", "~": "&#126;",
    "^": "&#94;", "=": "&#61;", "+": "&#43;", ":": "&#58;", "$": "&#36;",
}
_escape = _replacing(_ENTITIES)


def text(value: object) -> str:
    """A record value as HTML text (or a quoted attribute's value) that shows exactly its
    characters, its runs of white space as one space. HTML is written as plain strings here
    (markupsafe's Markup would escape what is added to it); the templates take it as Markup."""
    if type(value) is str:  # noqa: E721 - a subclass may print otherwise
        return _text(value)
    return _escape(" ".join(str(value).split()))


@lru_cache(maxsize=1 << 16)
def _text(value: str) -> str:
    # names, labels and dates recur on page after page: escape each once
    return _escape(" ".join(value.split()))


def link(label: str, target: str) -> str:
    """A link whose label is escaped text; targets come from urls.py (Context.href) only."""
    return f'<a href="{_attribute(target)}">{text(label)}</a>'


def external_link(label: str, url: str) -> str:
    """A link out of the site, to an address a record gives: the one way such an address is
    written into a page. weburl.href parses it (UrlError if it is not a web address) and
    percent-encodes every space, quote, `<` and `>`."""
    return f'<a href="{_attribute(href(url))}">{text(label)}</a>'


def _attribute(address: str) -> str:
    # a double-quoted attribute: its `&` and `"` as entities (weburl.href has percent-encoded
    # every quote, space, `<` and `>` of an address a record gives)
    return address.replace("&", "&amp;").replace('"', "&quot;")


def html_text(value: str, quote: bool = True) -> str:
    """A value as HTML text or a quoted attribute's value, for HTML written outside the
    templates (the search block): html.escape, and no control or private-use character."""
    return _visible(html.escape(value, quote=quote))


_visible = _replacing({})

# --- a record's body: Markdown, for structure only ------------------------------------------

# A record's body is Markdown for structure only (paragraphs, lists, headings, emphasis, tables)
# plus its paragraph anchors `{#d-…}`. Raw HTML, links, images, code and any other attribute
# list would be markup an editor's paste (or a hostile pull request) puts on a government page:
# their characters are written as entities, so the page shows them as typed.
# Also `~` and `!`: `~~~` opens a fence (`~~~mermaid` is drawn as a diagram) and `!!!` (or `???`
# with the details extension) a box of any class; an entity is neither, and shows the same
# character. And `&`: an entity typed (`&lt;b&gt;`, `&nbsp;`) shows as typed, not as what it
# stands for. `?` and `$` too: `???` opens details and `$` math, should those extensions be
# enabled.
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


# Where a page holds Markdown (a record's body), between these two lines, as a block that
# Python-Markdown's md_in_html converts; the plugin converts it alone (faces/pages.py). Neither
# can come from a record: body_markdown writes every "<" of a body as "&lt;".
TEXT_OPEN = '<!-- register:text -->\n<div class="register-text" markdown="1">\n\n'
TEXT_CLOSE = '\n\n</div>\n<!-- /register:text -->'


def text_block(markdown: str) -> str:
    """A record's body, made safe by body_markdown, as a Markdown block in the page."""
    return TEXT_OPEN + markdown.strip("\n") + TEXT_CLOSE


def split_text_block(page_html: str) -> tuple[str, str, str] | None:
    """(HTML before, the Markdown, HTML after) of a page that holds a record's body, else None."""
    before, found, rest = page_html.partition(TEXT_OPEN)
    if not found:
        return None
    markdown, _, after = rest.partition(TEXT_CLOSE)
    return before, markdown, after


# --- tables, headings, pages -----------------------------------------------------------------

TABLE_ROWS = 100  # rows a table holds; a longer one goes on in another, under the same header


def table(header: list[str], rows: list[list[str]], filters: list[dict[str, list[str]]] | None = None,
          labelled: bool = True) -> str:
    """A table; a long one as consecutive tables of TABLE_ROWS rows, which register.css has the
    browser lay out only when scrolled near. A browser lays out a table whole, and again as more
    of it arrives: at 10,000 documents the deadlines page's tables of 9,000 rows took 105 s to
    load on a phone's CPU (Chromium slowed 4x, benchmarks/bench_pages.py). Header labels are
    text; cells are HTML made by this module's functions. Each cell carries its column's label
    (`data-label`): on a phone register.css shows a row as lines of "label: value". `filters`,
    one per row, are the values register.js filters that row by (JSON in `data-filter`). A
    table of fields and values (`labelled=False`) needs no labels: its first cell is one."""
    if not rows:
        return ""
    labels = [html.escape(h) for h in header] if labelled else []
    head = "<table>\n<thead>\n<tr>" + "".join(f"<th>{text(h)}</th>" for h in header) + "</tr>\n</thead>\n<tbody>\n"

    def row_html(i: int, row: list[str]) -> str:
        attrs = ""
        if filters is not None and filters[i]:
            attrs = f' data-filter="{html.escape(json.dumps(filters[i], ensure_ascii=False, sort_keys=True))}"'
        return (f"<tr{attrs}>" + "".join(f'<td data-label="{labels[c]}">{cell}</td>' if c < len(labels) else
                                         f"<td>{cell}</td>" for c, cell in enumerate(row)) + "</tr>\n")

    # each table after the first says it goes on from the one before (register.css lays it out
    # only when scrolled near, reserving a hundred rows' height)
    return ("\n".join(
        (head if not start else head.replace("<table>", "<table data-continued>", 1))
        + "".join(row_html(i, rows[i]) for i in range(start, min(start + TABLE_ROWS, len(rows))))
        + "</tbody>\n</table>"
        for start in range(0, len(rows), TABLE_ROWS)))


def slug(title: str) -> str:
    """A heading's id: its text without diacritics, lower case, words joined by "-" (Python-
    Markdown's default slugify), but "đ" is "d" ("Sơ đồ" is `so-do`, not `so-o`): NFKD does not
    take it apart, and the default drops it. The site's Markdown uses it too (toc_slugify)."""
    value = html.unescape(_TAGS.sub("", title)).translate(_D)
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


_D = str.maketrans("đĐ", "dD")


def toc_slugify(value: str, separator: str) -> str:
    """slug() as Python-Markdown's toc extension calls it (mkdocs.yml: `toc: slugify`), for
    the headings of hand-written pages and of records' text."""
    return slug(value).replace("-", separator) if separator != "-" else slug(value)


_TAGS = re.compile(r"<[^<>]*>")


class Headings:
    """A page's headings: each gets an id of its own (`…_1` for a second of the same slug, as
    Python-Markdown's toc does) and a permanent link titled in the page's language."""

    def __init__(self, permalink_title: str = "Permanent link") -> None:
        self.ids: set[str] = set()
        self.permalink_title = text(permalink_title)

    def __call__(self, level: int, title: str, anchor: str | None = None) -> Markup:
        """`title` is text, or Markup (HTML made by this module); `anchor` an id of the
        generator's own."""
        title = title if isinstance(title, Markup) else text(title)
        ident = anchor or slug(title)
        if not anchor:
            base, n = ident, 0
            while ident in self.ids or not ident:
                n += 1
                ident = f"{base}_{n}"
        self.ids.add(ident)
        return Markup(f'<h{level} id="{ident}">{title}<a class="headerlink" href="#{ident}" '
                      f'title="{self.permalink_title}">&para;</a></h{level}>')


# Headings as Headings writes them and as Python-Markdown's toc writes the body's: the table of
# contents is made from them (faces/pages.py). Neither holds a "<h": text() escapes every "<".
_HEADING = re.compile(r'<h([1-6]) id="([^"<>]*)"[^<>]*>(.*?)</h\1>')
_PERMALINK = re.compile(r'<a class="headerlink"[^<>]*>[^<>]*</a>')


def page_headings(page_html: str) -> list[tuple[int, str, str]]:
    """(level, id, title as HTML text) of each heading of a generated page, in order."""
    return [(int(level), ident, _TAGS.sub("", _PERMALINK.sub("", title)).strip())
            for level, ident, title in _HEADING.findall(page_html)]


def page_source(html_: str, **meta: str) -> str:
    """A generated page as a file a Markdown site engine reads: its metadata (title,
    description) as YAML front matter, then its HTML, which such an engine passes through as
    raw HTML (but a record's body, text_block). Material prints meta values into the head
    unescaped (MkDocs' Jinja has no autoescape), so they are HTML-escaped; JSON strings are
    valid YAML."""
    lines = [f"{key}: {json.dumps(_visible(html.escape(' '.join(value.split()))), ensure_ascii=False)}"
             for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + html_.strip("\n") + "\n"


# --- templates --------------------------------------------------------------------------------

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def templates() -> jinja2.Environment:
    """The generated pages' templates (render/templates/), where a designer finds them. Their
    own environment, not the theme's: autoescape on, an unknown name an error."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=False, auto_reload=False, finalize=_shown)
    env.globals.update(table=lambda header, rows, filters=None, labelled=True: Markup(table(header, rows, filters, labelled)),
                       filter_box=lambda labels, all_label: Markup(filter_box(labels, all_label)))
    return env


def _shown(value: object) -> object:
    """What `{{ value }}` prints: HTML made by this module (passed as Markup) as it is, any
    other value as text() writes it, which escapes more than autoescape would."""
    if value is None:
        return ""
    return value if isinstance(value, Markup) else Markup(text(value))


def render_page(template: str, meta: dict[str, str], **values) -> str:
    """One generated page: `template` (render/templates/) with `values` and a fresh `h` to write
    its headings, as page_source."""
    t = values.get("t")
    html_ = templates().get_template(template).render(h=Headings(t("permalink") if t else "Permanent link"), **values)
    return page_source(html_, **meta)


def block(heading: str | None = None, *, level: int = 2, anchor: str | None = None,
          note: tuple[str, str] | None = None, text: str | None = None, items: list[str] | None = None,
          header: list[str] | None = None, rows: list[list[str]] | None = None, none: bool = False,
          diagram: str | None = None, diagram_class: str = "", timeline=None, after: str | None = None,
          filters: list[dict[str, list[str]]] | None = None, filter_labels: dict[str, str] | None = None,
          compact: bool = False) -> dict:
    """One block of templates/listing.html. `text`, `items` and `after` are HTML made by this
    module (a heading or note may be text or Markup); `none` says "none" for a table without rows;
    `diagram` is a Mermaid diagram's source, as text; `filters` (one per row: kind -> values) and
    `filter_labels` (kind -> label, in the order the selects stand) make the table one
    register.js lets the reader filter; `compact` sets a table of counts tighter (register.css)."""
    return dict(heading=heading, level=level, anchor=anchor, note=note,
                text=Markup(text) if text else None, lines=[Markup(i) for i in items or []],
                header=header or [], rows=rows or [], none=none, timeline=timeline,
                diagram=Markup(html.escape(diagram, quote=False)) if diagram else None,
                diagram_class=diagram_class, after=Markup(after) if after else None,
                filters=filters, filter_labels=filter_labels, compact=compact)


def filter_box(filter_labels: dict[str, str], all_label: str) -> str:
    """The opening tag of a filterable table's box (register.js reads it)."""
    kinds = json.dumps(list(filter_labels.items()), ensure_ascii=False)
    return (f'<div class="register-filter" data-filter-kinds="{html.escape(kinds)}" '
            f'data-filter-all="{html.escape(all_label)}">')


def render_listing(title: str, blocks: list[dict], t, **meta: str) -> str:
    """A page of lists and tables (templates/listing.html) titled `title` (text)."""
    return render_page("listing.html", dict(title=title, **meta), title=title, blocks=blocks, t=t)
