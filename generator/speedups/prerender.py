"""The generator's own Markdown blocks, written as HTML before MkDocs converts the page.

Generated pages are tables and lists of links: a 2 KB task page holds some forty of them.
Python-Markdown runs every inline pattern over every text node and MkDocs then resolves every
link, about 10 ms a page, five times the cost of a plain page of prose; at 10,000 documents
that was half of the build. The blocks this generator writes use a small, fixed part of
Markdown (text() escapes everything else as entities), so they are turned into HTML here, in
one pass, and handed to Python-Markdown as raw HTML blocks, which it passes through as they
are. Headings stay Markdown, so the table of contents, the heading ids and the page title are
still MkDocs' own.

A block is written here only when every line of it is understood: plain paragraphs (with
`**bold**`, links and a trailing `{#id}`), lists of single lines, pipe tables whose links
point at pages that exist, and admonitions of such paragraphs under a quoted title (a cited
document's note). Anything else (an editor's emphasis, code, another admonition, a fence,
a link this module cannot resolve) is left as Markdown for Python-Markdown, and for MkDocs'
link checks. The HTML is what Python-Markdown and MkDocs would write for the same block.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Callable

from generator.core.urls import page_url

__all__ = ["Prerendered", "prerender", "restore", "page_url", "relative_url"]

# None of these spans _CELL, which parts the cells of a table written in one pass (_Writer.table)
_CELL = "\x1f"
# a link: [label](target), or [label](<address>) as markup.external_link writes one (its
# address holds no "<", ">" or whitespace: the alternatives start and end apart, linear)
_LINK = re.compile(r"\[([^\[\]\x1f]*)\]\((<[^<>\s\x1f]+>|[^()<>\s]+)\)")
_STRONG = re.compile(r"\*\*([^*\s](?:[^*\x1f]*[^*\s])?)\*\*")
_EMPHASIS = re.compile(r"\*([^*\s](?:[^*\x1f]*[^*\s])?)\*")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!])")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
# what, left in a text once links, bold and escapes are taken out, Markdown could read as markup
_SPECIAL = re.compile(r"[*_\[\]`<\\!{}]")
# what plain() writes otherwise or refuses, but for brackets, "&" and ">"
_PLAIN_CHANGES = re.compile(r"[*_`<\\!{}]")
_BLOCK_START = re.compile(r"[ \t#>|!<{:=]|[-+*](?:[ \t]|$)|\d+[.)](?:\s|$)")
_ID_LINE = re.compile(r"\{:?[ \t]*#([A-Za-z][A-Za-z0-9_-]*)[ \t]*\}")
_TABLE_RULE = re.compile(r"\|(?:[ \t]*-{3,}[ \t]*\|)+")
_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_ADMONITION = re.compile(r'!!! ([a-z]+) "([^"\\]+)"')  # its paragraphs follow, indented by 4


class _Unknown(Exception):
    """A block holds what this module does not write: Python-Markdown will."""


def relative_url(url: str, other: str) -> str:
    """`url` as seen from the page at `other`: MkDocs' utils.get_relative_url."""
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


# A link's href, as seen from any page of a folder, once per build: (folder, is an index page,
# link as written) → (href, page linked to or None for this page, anchor), or None when the
# link is left to MkDocs. Every page of a folder links to much the same agencies and documents.
# Also (folder, is an index page, path of a page, 0) → (href, page linked to) or None (_page).
LinkCache = dict[tuple, "tuple[str, str | None, str] | tuple[str, str] | None"]


class _Writer:
    def __init__(self, page: str, exists: Callable[[str], bool], directory_urls: bool,
                 cache: LinkCache | None = None):
        self.page, self.exists, self.directory_urls = page, exists, directory_urls
        self.here = page_url(page, directory_urls)
        self.folder = posixpath.dirname(page)
        self.index = posixpath.basename(page) in ("index.md", "README.md")
        self.cache: LinkCache = {} if cache is None else cache
        self.ids: set[str] = set()
        # (page, anchor, link as written) for every link to an anchor: MkDocs checks that the
        # anchor exists once every page is converted, as it does for the links it resolves
        self.anchor_links: list[tuple[str, str, str]] = []

    def href(self, target: str) -> str:
        key = (self.folder, self.index, target)
        found = self.cache.get(key, False)
        if found is False or (found is not None and found[1] == self.page):
            # a link to the page itself is "./" from there only: not kept for the others
            found = self._resolve(target)
            if found is None or found[1] != self.page:
                self.cache[key] = found
        if found is None:
            raise _Unknown
        href, linked, anchor = found
        if anchor:
            self.anchor_links.append((linked or self.page, anchor, target))
        return href

    def _resolve(self, target: str) -> tuple[str, str | None, str] | None:
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1]
            if not target.startswith(("https://", "http://")):
                return None
        if target.startswith(("https://", "http://")):  # left as written, as MkDocs leaves it
            return (target.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace('"', "&quot;"), None, "")
        path, _, anchor = target.partition("#")
        if not path:
            href, src = target, None
        else:
            found = self._page(path)
            if found is None:
                return None
            href, src = found
            if anchor:
                href += "#" + anchor
        if '"' in href or "<" in href or "&" in href:
            return None
        return href, src, anchor

    def _page(self, path: str) -> tuple[str, str] | None:
        """(href, source) of the page that `path` names, as seen from any page of this folder;
        kept per page linked to, whichever of its anchors a link names (a third of the links
        a folder's pages hold differ only by their anchor)."""
        key = (self.folder, self.index, path, 0)
        found = self.cache.get(key, False)
        if found is False or (found is not None and found[1] == self.page):
            found = self._locate(path)
            if found is None or found[1] != self.page:
                self.cache[key] = found
        return found

    def _locate(self, path: str) -> tuple[str, str] | None:
        if not path.endswith(".md") or path.startswith("/") or ":" in path or "%" in path:
            return None
        src = posixpath.normpath(posixpath.join(self.folder, path))
        if src.startswith("../") or not self.exists(src):
            return None  # MkDocs says what is wrong with it
        return relative_url(page_url(src, self.directory_urls), self.here), src

    def inline(self, text: str) -> str:
        if _PLAIN_CHANGES.search(text) is None:
            # plain() would leave every piece as it is, or refuse one with a bracket: the
            # pieces and links of most cells and lines, in one split
            parts = _LINK.split(text)  # text, label, target, text, …
            if any("[" in piece or "]" in piece for piece in parts[0::3]):
                raise _Unknown
            if "&" in text or ">" in text:  # in texts and labels, not targets
                parts = [part if i % 3 == 2 else _escape_amp_gt(part) for i, part in enumerate(parts)]
            out = [parts[0]]
            for label, target, after in zip(parts[1::3], parts[2::3], parts[3::3]):
                out += (f'<a href="{self.href(target)}">{label}</a>', after)
            return "".join(out)
        out, pos = [], 0
        for m in _LINK.finditer(text):
            out.append(self.plain(text[pos:m.start()]))
            out.append(f'<a href="{self.href(m.group(2))}">{self.plain(m.group(1))}</a>')
            pos = m.end()
        out.append(self.plain(text[pos:]))
        return "".join(out)

    def plain(self, text: str) -> str:
        if not text:
            return text
        marked = False
        if "*" in text:
            text = _STRONG.sub(lambda m: "\x02" + m.group(1) + "\x03", text)
            text = _EMPHASIS.sub(lambda m: "\x04" + m.group(1) + "\x05", text)
            marked = True
        if "<br>" in text:  # the line breaks a table cell holds (raw HTML, kept as it is)
            text = text.replace("<br>", "\x06")
            marked = True
        if "\\" in text:
            text = _ESCAPED.sub(lambda m: _escape_char(m.group(1)), text)
        if _SPECIAL.search(text):
            raise _Unknown
        text = _escape_amp_gt(text)
        return text.translate(_TAGS) if marked else text  # translate is slow: only when needed

    def paragraph(self, lines: list[str]) -> str:
        attrs = ""
        if len(lines) > 1:
            m = _ID_LINE.fullmatch(lines[-1].strip())
            if m:
                attrs, lines = f' id="{m.group(1)}"', lines[:-1]
                self.ids.add(m.group(1))
        for line in lines:
            if _BLOCK_START.match(line) or line.strip("-= \t") == "" or line.endswith("  "):
                raise _Unknown
        return f"<p{attrs}>" + self.inline("\n".join(lines)) + "</p>"

    def bullets(self, lines: list[str]) -> str:
        items = []
        for line in lines:
            if not line.startswith("- ") or line[2:3] in (" ", "\t") or _BLOCK_START.match(line[2:]):
                raise _Unknown
            items.append("<li>" + self.inline(line[2:].strip()) + "</li>")
        return "<ul>\n" + "\n".join(items) + "\n</ul>"

    def table(self, lines: list[str]) -> str:
        if len(lines) < 2 or not _TABLE_RULE.fullmatch(lines[1].strip()):
            raise _Unknown
        rows = [_cells(line) for line in lines[:1] + lines[2:]]
        width = len(rows[0])
        if width != lines[1].strip().count("|") - 1 or any(len(r) != width for r in rows):
            raise _Unknown
        # every cell in one pass: a table of links is mostly small cells, each a call of inline()
        # and of plain() on its pieces (a quarter of prerendering a page). Links, emphasis and
        # entities never span _CELL, so each cell is written as it would be alone.
        cells = [cell for row in rows for cell in row]
        joined = _CELL.join(cells)
        if joined.count(_CELL) == len(cells) - 1:
            written = self.inline(joined).split(_CELL)
        else:  # a cell holds _CELL itself
            written = [self.inline(cell) for cell in cells]
        head = "\n".join(f"<th>{cell}</th>" for cell in written[:width])
        body = "\n".join("<tr>\n" + "\n".join(f"<td>{cell}</td>" for cell in written[start:start + width])
                         + "\n</tr>" for start in range(width, len(written), width))
        return (f"<table>\n<thead>\n<tr>\n{head}\n</tr>\n</thead>\n"
                f"<tbody>\n{body}\n</tbody>\n</table>")

    def admonition(self, kind: str, title: str, body: list[str]) -> str:
        """An admonition (`!!! kind "title"`, its lines dedented) of paragraphs only, as the
        admonition extension writes it."""
        paragraphs: list[list[str]] = [[]]
        for line in body:
            if not line.strip():
                paragraphs.append([])
            elif line[:1] in (" ", "\t"):
                raise _Unknown  # code, or a block within
            else:
                paragraphs[-1].append(line)
        return "\n".join([f'<div class="admonition {kind}">', f'<p class="admonition-title">{self.inline(title)}</p>',
                          *(self.paragraph(lines) for lines in paragraphs if lines), "</div>"])

    def block(self, lines: list[str]) -> str | None:
        first = lines[0]
        try:
            if first.startswith("|"):
                return self.table(lines)
            if first.startswith("- "):
                return self.bullets(lines)
            return self.paragraph(lines)
        except _Unknown:
            return None


_TAGS = str.maketrans({"\x02": "<strong>", "\x03": "</strong>", "\x04": "<em>", "\x05": "</em>",
                       "\x06": "<br>"})


def _cells(line: str) -> list[str]:
    line = line.strip()
    if not (line.startswith("|") and line.endswith("|")) or "\\" in line:
        raise _Unknown
    return [c.strip() for c in line[1:-1].split("|")]


def _escape_char(char: str) -> str:
    return "&gt;" if char == ">" else char if char not in "*_`[]{}\\!" else f"&#{ord(char)};"


def _escape_amp_gt(text: str) -> str:
    """`&` (but in an entity) and `>` as HTML writes them: all plain() changes of a text with
    no other markup."""
    if "&" in text:
        text = _amp(text)
    return text.replace(">", "&gt;") if ">" in text else text


def _amp(text: str) -> str:
    out, pos = [], 0
    for m in _ENTITY.finditer(text):
        out.append(text[pos:m.start()].replace("&", "&amp;"))
        out.append(m.group())
        pos = m.end()
    out.append(text[pos:].replace("&", "&amp;"))
    return "".join(out)


# A run of written blocks reaches Python-Markdown as one short paragraph holding this mark and
# its number: not as raw HTML, which Python-Markdown would parse tag by tag (html.parser) to find
# where it ends, at nearly the cost of the Markdown it replaced. Private-use characters: `check`
# refuses them in every record (text_rules.py), and prerender() writes any that reach it anyway
# (a git author's name, a subject) as character references, which Markdown passes through and a
# browser shows as the same character: a mark in the page is always one prerender() put there.
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
_AS_REFERENCES = str.maketrans({_MARK_OPEN: f"&#{ord(_MARK_OPEN)};", _MARK_CLOSE: f"&#{ord(_MARK_CLOSE)};"})
_MARK = re.compile(f"<p>{_MARK_OPEN}([0-9]+){_MARK_CLOSE}</p>")


@dataclass
class Prerendered:
    markdown: str                  # for MkDocs: what is left of the page's Markdown, and marks
    written: list[str]             # the HTML of each mark, for restore()
    ids: set[str]                  # the ids that HTML gives elements: anchors on this page
    anchor_links: list[tuple[str, str, str]]  # (page linked to, anchor, link as written)


def prerender(markdown: str, page: str, exists: Callable[[str], bool],
              directory_urls: bool = True, cache: LinkCache | None = None) -> Prerendered:
    """`markdown` (a generated page, at `page` under the docs folder) with every block this
    module understands replaced by a mark. `exists(path)` says whether a page is in the site;
    `cache`, kept from page to page of one build, spares resolving a link again."""
    if _MARK_OPEN in markdown or _MARK_CLOSE in markdown:
        markdown = markdown.translate(_AS_REFERENCES)
    writer = _Writer(page, exists, directory_urls, cache)
    out: list[str] = []
    written: list[str] = []
    block: list[str] = []
    state = {"opaque": False, "fenced": False, "run": False}

    def flush(html: str | None = None) -> None:
        if not block:
            return
        if html is None and not state["opaque"]:
            html = writer.block(block)
        if html is None:
            out.append("\n".join(block))
            state["run"] = False
        elif state["run"]:
            written[-1] += "\n" + html
            while out and out[-1] == "":
                out.pop()  # the blank lines between this block and the last are in the mark
        else:
            out.append(f"{_MARK_OPEN}{len(written)}{_MARK_CLOSE}")
            written.append(html)
            state["run"] = True
        state["opaque"] = False
        block.clear()

    lines = markdown.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        admonition = _ADMONITION.fullmatch(line) if not block and not state["fenced"] else None
        if admonition:
            # the admonition and its indented lines, as one block
            end = i
            while end < len(lines) and (not lines[end].strip() or lines[end].startswith("    ")):
                end += 1
            while end > i and not lines[end - 1].strip():
                end -= 1  # blank lines after it are not its own
            block.extend(lines[i - 1:end])
            try:
                html = writer.admonition(admonition.group(1), admonition.group(2), [x[4:] for x in lines[i:end]])
            except _Unknown:
                html = None
                state["opaque"] = True
            flush(html)
            i = end
            continue
        if _FENCE.match(line):
            flush()
            state["fenced"] = not state["fenced"]
            state["run"] = False
            out.append(line)
        elif state["fenced"]:
            out.append(line)
        elif line == "</div>":
            # the end of a <div markdown> (md_in_html) closes the block above it, as it does
            # for Python-Markdown: that block can still be written here
            flush()
            state["run"] = False
            out.append(line)
        elif not line.strip():
            flush()
            out.append(line)
        else:
            if line[:1] in (" ", "\t"):
                state["opaque"] = True  # indented: code, or a list item's continuation
            block.append(line)
    flush()
    return Prerendered("\n".join(out), written, writer.ids, writer.anchor_links)


def restore(html: str, written: list[str]) -> str:
    """The page's HTML with each mark replaced by the blocks it stands for."""
    if not written:
        return html
    return _MARK.sub(lambda m: written[int(m.group(1))], html)
