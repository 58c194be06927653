"""A generated page as MkDocs sees it: HTML already, from the core's templates.

MkDocs' own Page converts Markdown; a generated page is HTML (core/render/markup.py,
page_source), so this subclass takes it as it is, and gives MkDocs what its render() would
have: the content, the table of contents from the page's headings, and the ids links may
point at. Only a record's body (or an agency's hand-written introduction), which stays
Markdown, goes through MkDocs' Markdown, with the site's extensions and link checks. Material's
blog plugin makes its posts and views the same way (a Page subclass), through MkDocs' public
API only.
"""
from __future__ import annotations

import re

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.core.render.markup import page_headings, split_text_block

_IDS = re.compile(r'\sid="([^"<>]*)"')


class GeneratedPage(Page):
    """A page of the register: its front matter is read as any page's (title, description);
    render() converts nothing but the Markdown block it may hold."""

    def render(self, config, files) -> None:
        parts = split_text_block(self.markdown)
        if parts is None:
            content = self.markdown
            self.present_anchor_ids = set()
        else:
            before, markdown, after = parts
            whole, self.markdown = self.markdown, markdown
            try:
                super().render(config, files)  # the block alone, as MkDocs converts any page
            finally:
                self.markdown = whole
            content = f'{before}<div class="register-text">\n{self.content}\n</div>{after}'
        self.content = content
        self.toc = get_toc(toc_tokens(page_headings(content)))
        self.present_anchor_ids = (self.present_anchor_ids or set()) | set(_IDS.findall(content))
        # its source is its content again: MkDocs holds every page's source and content from
        # the first page rendered to the last written, two copies of 70,000 pages at 10,000
        # documents. The title is the front matter's (meta), read already.
        self.markdown = ""


def toc_tokens(headings: list[tuple[int, str, str]]) -> list[dict]:
    """Python-Markdown's toc_tokens (nested by level) from a page's headings in order."""
    root: list[dict] = []
    stack: list[dict] = []
    for level, ident, name in headings:
        token = {"level": level, "id": ident, "name": name, "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root
