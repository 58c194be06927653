"""Material's page template rendered once per folder for the register's generated pages.

Material renders a whole page (head, header, search, sidebars, footer, scripts: some fifty
templates and a hundred translated labels) for every page, about 3 ms each; at 10,000
documents that was a sixth of the build. For a page outside the navigation (every document,
task, agency, person and body page) all of it is the same for every page of a folder but for
a few values: its title, description, table of contents, content, and the edit and canonical
links. So the template is rendered once per folder and kind of page with a stand-in page
whose values are marks, and each page is that shell with its own values put in place of the
marks.

It is exact or it is not used:
- A value goes into the shell only when no filter could change it: text without markup,
  quotes, ampersands or runs of spaces (escaping it, stripping its tags or collapsing its
  spaces gives the same text). Any other page is rendered by Material in full.
- The first page of every shell is rendered both ways; if they differ (a theme or a plugin
  that uses a value some other way), or if the shell holds the page's own name outside the
  marks (a template that writes its address), that shell is dropped and its pages are
  rendered in full.
- tests/test_fast_build.py builds registers with and without it and compares every page.

The other costs of Material's templates are here too: the sidebar rendered once per folder
(share_nav), the blank lines their tags leave (trim_template_space), and, for a preview, their
compilation on every rebuild (CompiledTemplates).
"""
from __future__ import annotations

import hashlib
import importlib.util
import re
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterator

from jinja2.bccache import Bucket, BytecodeCache
from jinja2.exceptions import TemplateNotFound


class SpeedUpOff(Exception):
    """A speed-up cannot apply (the template it relies on is missing or not what it expects):
    the build goes on the plain path, and says so once."""


def _template(env, name: str):
    """The template a speed-up wraps, or SpeedUpOff saying why it cannot."""
    try:
        template = env.get_template(name)
    except TemplateNotFound:
        raise SpeedUpOff(f"the theme has no {name}") from None
    if not callable(getattr(template, "root_render_func", None)):
        raise SpeedUpOff(f"{name} is not a Jinja2 template this speed-up knows")
    return template

__all__ = ["CompiledTemplates", "install_page_shell", "share_nav", "trim_template_space"]

_OPEN, _CLOSE = "\ue020", "\ue021"
_SLOT = re.compile(f"{_OPEN}([a-z/]+)(?:<h1)?{_CLOSE}")
_UNSAFE = re.compile(r"[<>&\"'\ue020\ue021]|\s\s|[\t\n\r]|^\s|\s$")


def _mark(name: str) -> str:
    return f"{_OPEN}{name}{_CLOSE}"


def trim_template_space(env) -> None:
    """Render Material's templates without the blank lines and indentation their tags leave.

    Material's templates are indented for their readers, and each `{% if %}`, `{% for %}` and
    `{% set %}` leaves its line and indentation in the page: its sidebar alone was 17 KB of a
    33 KB task page, mostly blank lines. Jinja's `trim_blocks` and `lstrip_blocks` drop a block
    tag's own line. What a reader's browser makes of a page is unchanged: its text, attributes
    and scripts are the same once runs of spaces are read as one (tests/test_template_space.py
    compares every page of two builds). Called before any template is loaded."""
    env.trim_blocks = env.lstrip_blocks = True


class CompiledTemplates(BytecodeCache):
    """Material's templates as Jinja compiled them, kept in memory from one build to the next.

    MkDocs makes a new Jinja environment for every build, and a preview's rebuild compiled the
    forty templates a page uses again, about 0.4 s of each. A template is taken from here only
    if its source is unchanged (Jinja checks its checksum) and the environment would compile it
    the same way: the settings that change compiled code are part of the key."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment, name: str, filename: str | None, source: str) -> Bucket:
        settings = repr((name, filename, _compile_settings(environment))).encode("utf-8")
        bucket = Bucket(environment, hashlib.sha256(settings).hexdigest(), self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _compile_settings(env) -> tuple:
    return (env.block_start_string, env.block_end_string, env.variable_start_string,
            env.variable_end_string, env.comment_start_string, env.comment_end_string,
            env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
            env.newline_sequence, env.keep_trailing_newline, env.optimized, env.is_async,
            env.autoescape if isinstance(env.autoescape, bool) else id(env.autoescape),
            tuple(sorted(env.extensions)), tuple(sorted(env.filters)), tuple(sorted(env.tests)))


def share_nav(env, folder_of: Callable[[Any], str | None]) -> None:
    """Render Material's sidebar navigation once per folder for the pages outside it.

    Material renders the whole navigation tree on every page. For a page that is not in it
    nothing in it is marked active, and its links, relative to the page, are the same from
    every page of a folder (`folder_of` says which, or None for a page whose navigation is its
    own): the same HTML, rendered once per folder instead of once per page. Jinja includes a
    template by calling its root render function with the including page's context; that
    function is wrapped."""
    template = _template(env, "partials/nav.html")
    # a fresh memo each build: `serve` may keep the environment while the navigation changes
    render = getattr(template.root_render_func, "original", template.root_render_func)
    rendered: dict[str, str] = {}

    def shared(context):
        key = folder_of(context.get("page"))
        if key is None:
            yield from render(context)
            return
        html = rendered.get(key)
        if html is None:
            html = rendered[key] = "".join(render(context))
        yield html

    shared.original = render
    template.root_render_func = shared


class _StandIn:
    """The page as the shell sees it: the page itself, with marks for the values that differ
    from page to page of a folder."""

    def __init__(self, page):
        self._page = page
        # a value Material tests (`{% if page.meta.description %}`) is a mark only when true:
        # the key of the shell says which are (key_of)
        self.meta = {key: (_mark(key) if key in _VALUES and value else value) for key, value in page.meta.items()}
        self.title = _mark("title") if page.title else page.title
        # content.html writes an <h1> of the title when the content has none
        self.content = _mark("content<h1" if "<h1" in (page.content or "") else "content")
        # actions.html writes the "view" link as edit_url | replace("blob" if "/blob/" in it
        # else "edit", "raw"): the mark holds both words, and says which one was replaced
        self.edit_url = (_mark("edit/blob/" if "/blob/" in page.edit_url else "editblob")
                         if page.edit_url else None)
        self.canonical_url = _mark("canonical") if page.canonical_url else None
        self.toc = [_TocMark()] if page.toc else []

    def __getattr__(self, name: str):
        return getattr(self._page, name)


class _TocMark:
    """The first entry of a table of contents, for the skip link; the table itself is written
    per page (toc.html)."""
    level = 1
    children: list = []
    url = "#" + _mark("skip")
    title = _mark("skip")
    id = _mark("skip")


_VALUES = ("title", "description")  # the meta values a shell holds as marks


class _Shell:
    def __init__(self, html: str):
        parts = _SLOT.split(html)
        self.texts, self.slots = parts[0::2], parts[1::2]

    def fill(self, values: dict[str, str]) -> str:
        out = [self.texts[0]]
        for slot, text in zip(self.slots, self.texts[1:]):
            out.append(values[slot])
            out.append(text)
        return "".join(out)


def _names_page(shell: _Shell, page) -> bool:
    """Whether the shell holds the page's own name outside its marks: a template wrote
    something of this page (its address, say) that would be wrong on the next one."""
    name = page.url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
    return len(name) >= 3 and any(name in text for text in shell.texts)


def _toc_shown(toc) -> tuple | None:
    """All that Material's toc partials read of a page's table of contents (`page.toc`): the
    entries under its <h1> if it starts with one, else all (_toc_headings of them)."""
    items = list(toc)
    return _toc_headings(items[0].children if items and items[0].level == 1 else items)


def _toc_headings(items) -> tuple | None:
    """Each entry's level, title, address and entries; None if one has a `typeset` title,
    which Material's partials read as well."""
    headings = []
    for item in items:
        children = _toc_headings(item.children)
        if children is None or getattr(item, "typeset", None) is not None:
            return None
        headings.append((item.level, item.title, item.url, children))
    return tuple(headings)


def _materials_own(env, *names: str) -> bool:
    """Whether the templates `names` are Material's own, not a theme's override."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return False
    templates = Path(next(iter(spec.submodule_search_locations))) / "templates"
    return all(Path(env.get_template(name).filename or "").is_relative_to(templates) for name in names)


def install_page_shell(env, folder_of: Callable[[Any], str | None]) -> Counter:
    """Wrap Material's main.html so that pages outside the navigation are filled into a shell
    (see the module's docstring). `folder_of` is as for share_nav. Returns the count of pages
    filled ("shell") and rendered in full ("full"), as the build goes."""
    used: Counter = Counter()
    main = _template(env, "main.html")
    toc = _template(env, "partials/toc.html")
    render_main = getattr(main.root_render_func, "original", main.root_render_func)
    render_toc = getattr(toc.root_render_func, "original", toc.root_render_func)
    shells: dict[tuple, _Shell | None] = {}
    toc_context: dict[tuple, dict] = {}
    # a table of contents, written once per shell and list of headings (_toc_shown): 19,356
    # of 22,095 pages at 10,000 documents share theirs with an earlier page of their kind.
    # Only Material's own toc partials, which read nothing else of a page.
    tocs: dict[tuple, str] | None = {} if _materials_own(env, "partials/toc.html", "partials/toc-item.html") else None
    current: list = [None]  # the shell being made, while it renders

    def values(page, key) -> dict[str, str] | None:
        edit = page.edit_url or ""
        found = {"title": page.title or "", "description": page.meta.get("description", ""),
                 "content": page.content or "", "editblob": edit, "edit/blob/": edit,
                 "rawblob": edit.replace("edit", "raw"), "edit/raw/": edit.replace("blob", "raw"),
                 "canonical": page.canonical_url or ""}
        for name in ("title", "description", "editblob", "canonical"):
            if not isinstance(found[name], str) or _UNSAFE.search(found[name]):
                return None
        if page.toc:
            first = next(iter(page.toc))
            if _UNSAFE.search(first.id):
                return None
            found["skip"] = first.id
        headings = _toc_shown(page.toc) if tocs is not None else None
        html = tocs.get((key, headings)) if headings is not None else None
        if html is None:
            html = "".join(render_toc(toc.new_context({**toc_context[key], "page": page}, True)))
            if headings is not None:
                tocs[(key, headings)] = html
        found["toc"] = html
        return found

    def key_of(page) -> tuple | None:
        folder = folder_of(page)
        if folder is None or not isinstance(page.meta, dict):
            return None
        other = tuple(sorted((k, repr(v)) for k, v in page.meta.items() if k not in _VALUES))
        return (folder, other, tuple((k, bool(page.meta[k])) for k in _VALUES if k in page.meta), bool(page.title),
                "<h1" in (page.content or ""),
                bool(page.edit_url), "/blob/" in (page.edit_url or ""), bool(page.canonical_url), bool(page.toc))

    def shell_toc(context) -> Iterator[str]:
        if current[0] is not None and isinstance(context.get("page"), _StandIn):
            toc_context[current[0]] = {k: v for k, v in context.get_all().items() if k != "page"}
            yield _mark("toc")
            return
        yield from render_toc(context)

    def shelled(context) -> Iterator[str]:
        page = context.get("page")
        key = key_of(page) if page is not None else None
        if key is None:
            used["full"] += 1
            yield from render_main(context)
            return
        if key not in shells:
            used["full"] += 1
            current[0] = key
            try:
                stand_in = _StandIn(page)
                html = "".join(render_main(main.new_context({**context.get_all(), "page": stand_in}, True)))
            finally:
                current[0] = None
            full = "".join(render_main(context))
            filled = values(page, key) if key in toc_context else None
            if filled is not None:  # else the next page of this kind tries again
                shell = _Shell(html)
                exact = (set(shell.slots) <= set(filled) and shell.fill(filled) == full
                         and not _names_page(shell, page))
                shells[key] = shell if exact else None
            yield full
            return
        shell = shells[key]
        filled = values(page, key) if shell is not None else None
        if filled is None:
            used["full"] += 1
            yield from render_main(context)
            return
        used["shell"] += 1
        yield shell.fill(filled)

    shelled.original = render_main
    shell_toc.original = render_toc
    main.root_render_func = shelled
    toc.root_render_func = shell_toc
    return used
