"""The page of one document: metadata card, relations both ways, actions, linked text."""
from __future__ import annotations

import re

from .. import urls
from ..model import Document
from ..vocab import ACTION_KINDS
from .actions import describe
from .context import Context
from .markup import body_markdown, external_link, front_matter, link, table, text


def render_document(ctx: Context, doc: Document) -> str:
    t, page = ctx.t, urls.document(doc.key)
    label = ctx.doc_label(doc.key)
    out = [front_matter(title=label, description=doc.title)]
    out.append(f"# {text(label)}\n\n**{text(doc.title)}**")
    if doc.title_descriptive:
        out.append(f" *({t('descriptive_title')})*")
    out.append("\n\n")
    out.append(_card(ctx, doc, page))
    out.append(_relations(ctx, doc, page))
    if doc.actions:
        out.append(f"## {t('actions')}\n\n")
        for kind in ACTION_KINDS:
            actions = [a for a in doc.actions if a.kind == kind]
            if actions:
                out.append(f"### {t('act_' + kind)}\n\n")
                out.extend(f"- {describe(ctx, a, page)}\n" for a in actions)
                out.append("\n")
    if doc.body.strip():
        out.append(f"## {t('text')}\n\n")
        out.append(linked_body(ctx, doc, page))
        out.append("\n")
    return "".join(out)


def _card(ctx: Context, doc: Document, page: str) -> str:
    t = ctx.t
    unknown = f"*{t('unknown')}*"
    rows = [
        [t("number"), text(doc.number.text) if doc.number else f"*{t('number_unknown')}*"],
        [t("type"), link(t.doc_type(doc.type), urls.relative(page, urls.doc_type(doc.type)))],
        [t("issuer"), ctx.agency(doc.issuer, page)],
        [t("issued"), text(t.period(doc.issued))],
    ]
    if doc.meeting:
        rows.append([t("meeting"), text(t.period(doc.meeting))])
    signer = unknown
    if doc.signer and doc.signer.person:
        signer = ctx.person(doc.signer.person, page)
        if doc.signer.capacity:
            signer += f" — {text(doc.signer.capacity)}"
    elif doc.signer and doc.signer.capacity:
        signer = text(doc.signer.capacity)
    rows.append([t("signer"), signer])
    sources = []
    for s in doc.sources:
        name = external_link(s.title or t("unknown"), s.url) if s.url else text(s.title or t("unknown"))
        extra = [t(f"source_{s.kind}")]
        if s.author:
            extra.append(text(s.author))
        if s.date:
            extra.append(text(t.period(s.date)))
        if s.file:  # the raw text the record was entered from, published at its own path
            extra.append(link(t("source_text"), urls.relative(page, s.file)))
        sources.append(f"{name} ({', '.join(extra)})")
    rows.append([t("sources"), "<br>".join(sources) or unknown])
    return table([t("field"), t("value")], rows) + "\n"


def _relations(ctx: Context, doc: Document, page: str) -> str:
    t, rel = ctx.t, ctx.rel
    sections: list[tuple[str, list[str]]] = []
    sections.append((t("cites"), [ctx.document(target, page) + _paras(ctx, doc.key, paras, page)
                                  for target, paras in _grouped(rel.cites.get(doc.key, []), "target")]))
    sections.append((t("cited_by"), [ctx.document(citing, page) + _paras(ctx, citing, paras, page)
                                     for citing, paras in _grouped(rel.cited_by.get(doc.key, []), "citing")]))
    sections.append((t("changes"), [describe(ctx, a, page) for a in rel.changes.get(doc.key, [])]))
    sections.append((t("changed_by"), [f"{ctx.document(a.doc, page)} — {t('act_' + a.kind)}"
                                       + (f": {text(a.what)}" if a.what else "")
                                       + f" {ctx.paragraph(a, page)}"
                                       for a in rel.changed_by.get(doc.key, [])]))
    sections.append((t("requested_by"), [f"{ctx.document(a.doc, page)}: {describe(ctx, a, page)}"
                                         for a in rel.requests_for.get(doc.key, [])]))
    sections.append((t("fulfills"), [ctx.document(ref.partition('#')[0], page) for ref, _ in doc.fulfills]))
    fulfilled = [key for a in doc.actions if a.id
                 for key in rel.fulfilled_by.get(f"{doc.key}#{a.id}", [])]
    sections.append((t("fulfilled_by"), [ctx.document(k, page) for k in dict.fromkeys(fulfilled)]))
    body = "".join(f"### {title}\n\n" + "".join(f"- {item}\n" for item in items) + "\n"
                   for title, items in sections if items)
    return f"## {t('relations')}\n\n{body}" if body else ""


def _grouped(citations, by: str) -> list[tuple[str, list[str]]]:
    """Citations gathered per document, with the paragraphs they stand in, in order of appearance."""
    groups: dict[str, list[str]] = {}
    for c in citations:
        paras = groups.setdefault(getattr(c, by), [])
        if c.para and c.para not in paras:
            paras.append(c.para)
    return list(groups.items())


def _paras(ctx: Context, doc_key: str, paras: list[str], page: str) -> str:
    if not paras:
        return ""
    return " (" + ", ".join(ctx.paragraph_link(doc_key, p, page) for p in paras) + ")"


def linked_body(ctx: Context, doc: Document, page: str) -> str:
    """The document's text with every citation linked to the cited document's page; nothing
    else in it is markup but Markdown's structure and the paragraph anchors (markup.body_markdown)."""
    spans = sorted((c.span, c.target) for c in ctx.rel.cites.get(doc.key, []) if c.span)
    out, pos = [], 0
    for (start, end), target in spans:
        if start < pos:
            continue
        out.append(body_markdown(doc.body[pos:start]))
        out.append(f"[{body_markdown(doc.body[start:end])}]({urls.relative(page, urls.document(target))})")
        pos = end
    out.append(body_markdown(doc.body[pos:]))
    return _ANCHOR_AT_LINE_END.sub(_own_line, "".join(out))


# Editors end a paragraph's last line with its anchor, `… text. {#d-2}`; Python-Markdown's
# attr_list reads a paragraph's attributes only from a line of their own, so move it there
# (headings keep theirs: attr_list reads those at the end of the line).
_ANCHOR_AT_LINE_END = re.compile(r"^(?!#)(.*\S)[ \t]+(\{:?[ \t]*#d-[a-z0-9-]+[ \t]*\})[ \t]*$", re.M)


def _own_line(match: re.Match) -> str:
    # r"\1\n\2" as a function: Python 3.11 expands a template in Python, one call more a match
    return f"{match[1]}\n{match[2]}"
