"""Browse pages: all documents, by year, type and issuer, and documents cited but not held."""
from __future__ import annotations

from collections import defaultdict

from generator.core import urls
from generator.core.model import CitedDocument, Document
from generator.core.read.citations import UNKNOWN_YEAR
from generator.core.render.actions import describe, request_state
from generator.core.render.context import Context
from generator.core.render.markup import block, link, render_listing, text


def newest_first(docs, chronology=None) -> list[Document]:
    """Documents newest first, by the order of chronology.py where the register is derived."""
    if chronology is not None:
        return sorted(docs, key=lambda d: chronology.doc_key(d.key), reverse=True)
    return sorted(docs, key=lambda d: (d.issued.start, d.issued.end, d.key), reverse=True)


def document_header(t) -> list[str]:
    """The header of a table of documents, in the page's language."""
    return [t("issued"), t("number"), t("type"), t("issuer"), t("title")]


def document_rows(ctx: Context, docs: list[Document], page: str) -> list[list[str]]:
    t = ctx.t
    return [[text(t.period(d.issued)),
             ctx.document(d.key, page, d.number.text if d.number else f"({t('unknown')})"),
             text(t.doc_type(d.type)),
             ctx.agency(d.issuer, page),
             text(d.title)] for d in newest_first(docs, ctx.chronology)]


def document_block(ctx: Context, docs: list[Document], page: str, heading: str | None = None,
                   after: str | None = None) -> dict:
    return block(heading, header=document_header(ctx.t), rows=document_rows(ctx, docs, page), none=True,
                 after=after)


# The documents' index lists them all while they are few; past that, the newest, and the
# year pages the rest: a list of every document is megabytes at 10,000, too much for a phone.
LATEST = 50


def latest_documents(ctx: Context, docs: list[Document], page: str) -> dict:
    t = ctx.t
    if len(docs) <= LATEST:
        return document_block(ctx, docs, page, t("all_documents"))
    return document_block(ctx, newest_first(docs, ctx.chronology)[:LATEST], page, t("latest_documents"),
                          after=text(t("older_by_year")))


def render_browse(ctx: Context) -> dict[str, str]:
    t, reg = ctx.t, ctx.register
    pages: dict[str, str] = {}
    docs = list(reg.documents.values())
    by_year: dict[int, list[Document]] = defaultdict(list)
    by_type: dict[str, list[Document]] = defaultdict(list)
    by_issuer: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        by_year[d.year].append(d)
        by_type[d.type].append(d)
        by_issuer[d.issuer].append(d)

    page = urls.DOCUMENTS
    years = [f"{link(str(y), ctx.href(page, urls.year(y)))} ({len(by_year[y])})" for y in sorted(by_year, reverse=True)]
    others = [link(t("by_type"), ctx.href(page, urls.TYPES)), link(t("by_issuer"), ctx.href(page, urls.ISSUERS)),
              f"{link(t('cited_not_in_register'), ctx.href(page, urls.CITED))} ({len(reg.cited)})"]
    pages[page] = render_listing(t("documents"), [block(t("by_year"), items=years),
                                                  block(t("other_indexes"), items=others),
                                                  latest_documents(ctx, docs, page)], t)
    for y, year_docs in by_year.items():
        page = urls.year(y)
        pages[page] = render_listing(f"{t('documents')} {y}", [document_block(ctx, year_docs, page)], t)

    page = urls.TYPES
    pages[page] = render_listing(t("by_type"), [block(
        header=[t("type"), t("count")],
        rows=[[link(t.doc_type(k), ctx.href(page, urls.doc_type(k))), str(len(v))] for k, v in sorted(by_type.items())])], t)
    for type_id, type_docs in by_type.items():
        page = urls.doc_type(type_id)
        pages[page] = render_listing(t.doc_type(type_id), [document_block(ctx, type_docs, page)], t)

    page = urls.ISSUERS
    pages[page] = render_listing(t("by_issuer"), [block(
        header=[t("issuer"), t("count")],
        rows=[[link(_issuer_name(ctx, k), ctx.href(page, urls.issuer(k))), str(len(v))]
              for k, v in sorted(by_issuer.items())])], t)
    for issuer_id, issuer_docs in by_issuer.items():
        page = urls.issuer(issuer_id)
        pages[page] = render_listing(_issuer_name(ctx, issuer_id), [block(text=ctx.agency(issuer_id, page)),
                                                                     document_block(ctx, issuer_docs, page)], t)

    pages.update(render_cited(ctx))
    return pages


def _issuer_name(ctx: Context, issuer_id: str) -> str:
    entity = ctx.register.agencies.get(issuer_id) or ctx.register.bodies.get(issuer_id)
    return entity.name


def render_cited(ctx: Context) -> dict[str, str]:
    t, reg = ctx.t, ctx.register
    pages: dict[str, str] = {}
    page = urls.CITED
    rows = []
    for key, cited in reg.cited.items():
        citing = {c.citing for c in ctx.rel.cited_by.get(key, [])}
        rows.append([ctx.document(key, page),
                     text(str(cited.year) if cited.year else t("year_unknown")),
                     "; ".join(text(s) for _, s in cited.subjects[:1]),
                     ", ".join(ctx.document(k, page) for k in sorted(citing)),
                     "<br>".join(_change_line(ctx, a, page) for a in ctx.rel.changed_by.get(key, [])),
                     "<br>".join(f"{ctx.document(a.doc, page)}: {request_state(ctx, a, page)}"
                                 for a in ctx.rel.requests_for.get(key, []))])
    pages[page] = render_listing(t("cited_not_in_register"), [block(
        text=text(t("cited_not_in_register_intro")), none=True, rows=rows,
        header=[t("number"), t("year"), t("subjects"), t("cited_by"), t("changed_by"), t("requested_by")])], t)
    for key, cited in reg.cited.items():
        pages[urls.document(key)] = render_cited_document(ctx, cited)
    return pages


def _change_line(ctx: Context, action, page: str) -> str:
    line = f"{ctx.t('act_' + action.kind)}: {ctx.document(action.doc, page)}"
    if action.what:
        line += f" ({text(action.what)})"
    return f"{line} {ctx.paragraph(action, page)}".strip()


def render_cited_document(ctx: Context, cited: CitedDocument) -> str:
    t = ctx.t
    page = urls.document(cited.key)
    kind = t.doc_type(cited.type) + " " if cited.type else ""
    title = f"{kind}{cited.number.text}"
    rows = [[t("number"), text(cited.number.text)],
            [t("year"), text(str(cited.year)) if cited.year else f"<em>{t('year_unknown')}</em>"],
            [t("known_dates"), ", ".join([*(t.date(d) for d in sorted(cited.dates)),
                                          *(t.period(p) for p in sorted(cited.partial))]) or f"<em>{t('unknown')}</em>"]]
    blocks = [block(note=(t("cited_not_in_register"), t("no_text")), header=[t("field"), t("value")], rows=rows)]
    changed = ctx.rel.changed_by.get(cited.key, [])
    if changed:  # what the register's documents did to it: amended, replaced, repealed
        blocks.append(block(t("changed_by"), items=[_change_line(ctx, a, page) for a in changed]))
    if cited.subjects:
        blocks.append(block(t("subjects"), items=[f"«{text(s)}» — {ctx.document(k, page)}" for k, s in cited.subjects]))
    requests = ctx.rel.requests_for.get(cited.key, [])
    if requests:
        blocks.append(block(t("requested_by"), items=[
            f"{ctx.document(a.doc, page)}: {describe(ctx, a, page)} — {request_state(ctx, a, page)}" for a in requests]))
    citations = []
    for c in ctx.rel.cited_by.get(cited.key, []):
        para = f" ({ctx.paragraph_link(c.citing, c.para, page)})" if c.para else ""
        quote = f": «{text(c.excerpt)}»" if c.excerpt else ""
        citations.append(f"{ctx.document(c.citing, page)}{para}{quote}")
    blocks.append(block(t("citations"), items=citations))
    return render_listing(title, blocks, t)


__all__ = ["render_browse", "document_rows", "newest_first", "UNKNOWN_YEAR"]
