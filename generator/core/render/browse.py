"""Browse pages: all documents, by year, type and issuer, and documents cited but not held."""
from __future__ import annotations

from collections import defaultdict

from generator.core import urls
from generator.core.model import CitedDocument, Document
from generator.core.read.citations import UNKNOWN_YEAR
from generator.core.render.actions import describe, request_state
from generator.core.render.context import Context
from generator.core.render.markup import front_matter, link, table, text


def newest_first(docs, chronology=None) -> list[Document]:
    """Documents newest first, by the order of chronology.py where the register is derived."""
    if chronology is not None:
        return sorted(docs, key=lambda d: chronology.doc_key(d.key), reverse=True)
    return sorted(docs, key=lambda d: (d.issued.start, d.issued.end, d.key), reverse=True)


def document_table(ctx: Context, docs: list[Document], page: str) -> str:
    t = ctx.t
    rows = [[text(t.period(d.issued)),
             ctx.document(d.key, page, d.number.text if d.number else f"({t('unknown')})"),
             text(t.doc_type(d.type)),
             ctx.agency(d.issuer, page),
             text(d.title)] for d in newest_first(docs, ctx.chronology)]
    return table([t("issued"), t("number"), t("type"), t("issuer"), t("title")], rows) or f"{t('none')}\n"


# The documents' index lists them all while they are few; past that, the newest, and the
# year pages the rest: a list of every document is megabytes at 10,000, too much for a phone.
LATEST = 50


def latest_documents(ctx: Context, docs: list[Document], page: str) -> str:
    t = ctx.t
    if len(docs) <= LATEST:
        return f"## {t('all_documents')}\n\n" + document_table(ctx, docs, page)
    return (f"## {t('latest_documents')}\n\n" + document_table(ctx, newest_first(docs, ctx.chronology)[:LATEST], page)
            + f"\n{t('older_by_year')}\n")


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
    years = "".join(f"- {link(str(y), urls.relative(page, urls.year(y)))} ({len(by_year[y])})\n"
                    for y in sorted(by_year, reverse=True))
    pages[page] = (front_matter(title=t("documents")) + f"# {t('documents')}\n\n"
                   f"## {t('by_year')}\n\n{years}\n"
                   f"## {t('other_indexes')}\n\n"
                   f"- {link(t('by_type'), urls.relative(page, urls.TYPES))}\n"
                   f"- {link(t('by_issuer'), urls.relative(page, urls.ISSUERS))}\n"
                   f"- {link(t('cited_not_in_register'), urls.relative(page, urls.CITED))} "
                   f"({len(reg.cited)})\n\n"
                   + latest_documents(ctx, docs, page))
    for y, year_docs in by_year.items():
        page = urls.year(y)
        title = f"{t('documents')} {y}"
        pages[page] = front_matter(title=title) + f"# {title}\n\n" + document_table(ctx, year_docs, page)

    page = urls.TYPES
    pages[page] = front_matter(title=t("by_type")) + f"# {t('by_type')}\n\n" + table(
        [t("type"), t("count")],
        [[link(t.doc_type(k), urls.relative(page, urls.doc_type(k))), str(len(v))]
         for k, v in sorted(by_type.items())])
    for type_id, type_docs in by_type.items():
        page = urls.doc_type(type_id)
        title = t.doc_type(type_id)
        pages[page] = front_matter(title=title) + f"# {text(title)}\n\n" + document_table(ctx, type_docs, page)

    page = urls.ISSUERS
    pages[page] = front_matter(title=t("by_issuer")) + f"# {t('by_issuer')}\n\n" + table(
        [t("issuer"), t("count")],
        [[link(_issuer_name(ctx, k), urls.relative(page, urls.issuer(k))), str(len(v))]
         for k, v in sorted(by_issuer.items())])
    for issuer_id, issuer_docs in by_issuer.items():
        page = urls.issuer(issuer_id)
        title = _issuer_name(ctx, issuer_id)
        pages[page] = (front_matter(title=title) + f"# {text(title)}\n\n"
                       f"{ctx.agency(issuer_id, page)}\n\n" + document_table(ctx, issuer_docs, page))

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
    pages[page] = (front_matter(title=t("cited_not_in_register")) +
                   f"# {t('cited_not_in_register')}\n\n{t('cited_not_in_register_intro')}\n\n" +
                   (table([t("number"), t("year"), t("subjects"), t("cited_by"), t("changed_by"),
                           t("requested_by")], rows) or t("none")))
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
    out = [front_matter(title=title), f"# {text(title)}\n\n", f"!!! note \"{t('cited_not_in_register')}\"\n\n"
           f"    {t('no_text')}\n\n"]
    rows = [[t("number"), text(cited.number.text)],
            [t("year"), text(str(cited.year)) if cited.year else f"*{t('year_unknown')}*"],
            [t("known_dates"), ", ".join([*(t.date(d) for d in sorted(cited.dates)),
                                          *(t.period(p) for p in sorted(cited.partial))]) or f"*{t('unknown')}*"]]
    out.append(table([t("field"), t("value")], rows) + "\n")
    changed = ctx.rel.changed_by.get(cited.key, [])
    if changed:  # what the register's documents did to it: amended, replaced, repealed
        out.append(f"## {t('changed_by')}\n\n")
        out.extend(f"- {_change_line(ctx, a, page)}\n" for a in changed)
        out.append("\n")
    if cited.subjects:
        out.append(f"## {t('subjects')}\n\n")
        out.extend(f"- «{text(s)}» — {ctx.document(k, page)}\n" for k, s in cited.subjects)
        out.append("\n")
    requests = ctx.rel.requests_for.get(cited.key, [])
    if requests:
        out.append(f"## {t('requested_by')}\n\n")
        out.extend(f"- {ctx.document(a.doc, page)}: {describe(ctx, a, page)} — {request_state(ctx, a, page)}\n"
                   for a in requests)
        out.append("\n")
    out.append(f"## {t('citations')}\n\n")
    for c in ctx.rel.cited_by.get(cited.key, []):
        para = ""
        if c.para:
            para = f" ([¶ {text(c.para)}]({urls.relative(page, urls.document(c.citing), 'd-' + c.para)}))"
        quote = f": «{text(c.excerpt)}»" if c.excerpt else ""
        out.append(f"- {ctx.document(c.citing, page)}{para}{quote}\n")
    return "".join(out)


__all__ = ["render_browse", "document_table", "newest_first", "UNKNOWN_YEAR"]
