"""Render: the register as Markdown pages, {source path: text}, for any static-site engine."""
from __future__ import annotations

from datetime import date

from ..model import Register
from ..relations import derive_relations
from .browse import render_browse
from .context import Context
from .document import render_document
from .entities import render_entities
from .labels import Labels


def render_pages(register: Register, lang: str = "vi", as_of: date | None = None) -> dict[str, str]:
    ctx = Context(register, derive_relations(register), Labels(lang), as_of or date.today())
    pages: dict[str, str] = {}
    for doc in register.documents.values():
        from .. import urls
        pages[urls.document(doc.key)] = render_document(ctx, doc)
    pages.update(render_browse(ctx))
    pages.update(render_entities(ctx))
    return dict(sorted(pages.items()))
