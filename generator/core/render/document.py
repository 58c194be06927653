"""The page of one document: metadata card, relations both ways, actions, linked text
(templates/document.html)."""
from __future__ import annotations

import re

from generator.core import urls
from generator.core.derive.status import task_status
from generator.core.model import Assign, Document, Transfer
from generator.core.render.actions import describe, request_state
from generator.core.render.context import Context
from generator.core.render.search_meta import task_filters
from generator.core.render.tasks import status_brief
from markupsafe import Markup

from generator.core.render.markup import body_markdown, external_link, link, render_page, text, text_block
from generator.core.vocab import ACTION_KINDS


def render_document(ctx: Context, doc: Document) -> str:
    t, page = ctx.t, urls.document(doc.key)
    actions = [(t("act_" + kind), [Markup(describe(ctx, a, page)) for a in doc.actions if a.kind == kind])
               for kind in ACTION_KINDS]
    tasks, filters = _tasks(ctx, doc, page)
    return render_page("document.html", dict(title=ctx.doc_label(doc.key), description=doc.title),
                       t=t, doc=doc, label=ctx.doc_label(doc.key), card=_card(ctx, doc, page),
                       tasks=tasks, task_filters=filters,
                       task_header=[t("task"), t("h_lead"), t("with").capitalize(), t("deadline"), t("status"), t("source")],
                       task_filter_labels={kind: t(kind) for kind in ("agency", "due_year", "status")},
                       relations=_relations(ctx, doc, page), actions=[a for a in actions if a[1]],
                       disputes=_disputes(ctx, doc), text_heading=_text_heading(ctx, doc),
                       body=Markup(text_block(linked_body(ctx, doc, page))) if doc.body.strip() else "")


def _tasks(ctx: Context, doc: Document, page: str) -> tuple[list[list[str]], list[dict]]:
    """The tasks the document gives, moves or reports on, as it says them (lead, co-operating,
    deadline), each with its state now and its paragraph; and the values to filter them by."""
    t, custody = ctx.t, ctx.register.derived.custody
    rows, filters, seen = [], [], set()
    for a in doc.actions:
        task_id = a.get("task")
        if not task_id or task_id in seen or task_id not in custody.tasks:
            continue
        seen.add(task_id)
        record = custody.tasks[task_id]
        said = [x for x in doc.actions if x.get("task") == task_id]
        assign = next((x for x in said if isinstance(x, Assign)), None)
        transfer = next((x for x in said if isinstance(x, Transfer)), None)
        lead = (assign.lead if assign and assign.lead else transfer.to if transfer else None)
        with_ = assign.with_ if assign else []
        due = next((x for x in said if isinstance(x, Assign) and x.due), None)
        deadline = ""
        if due is not None:
            deadline = text(t.period(due.due)) + (f" («{text(due.due_phrase)}»)" if due.due_phrase else "")
        elif assign is not None and assign.due_phrase:
            deadline = f"«{text(assign.due_phrase)}»"
        status = task_status(record, ctx.as_of)
        brief = status_brief(ctx, status)
        if status.due is not None and (due is None or status.due_action is not due):
            brief += f" — {t('deadline').lower()} {text(t.period(status.due))} {ctx.document(status.due_action.doc, page)}"
        lead_cell = ctx.agency(lead, page) if lead else ""
        if not lead and record.holder:  # a task this document only reports on: who leads it now
            lead_cell = f"{ctx.agency(record.holder, page)} <em>({t('now')})</em>"
        rows.append([ctx.task(task_id, page), lead_cell,
                     ", ".join(ctx.agency(x, page) for x in with_), deadline, brief,
                     " ".join(ctx.paragraph(x, page) for x in said if x.para)])
        values = task_filters(ctx.register, t, record, status)
        values.pop("document", None)
        filters.append(values)
    return rows, filters


def _card(ctx: Context, doc: Document, page: str) -> list[list[str]]:
    t = ctx.t
    unknown = f"<em>{t('unknown')}</em>"
    number = (text(doc.number.text) if doc.number else
              f"{text(doc.serial)} <em>({t('symbol_unknown')})</em>" if doc.serial else f"<em>{t('number_unknown')}</em>")
    rows: list[tuple[str, str, str]] = [  # (field of the record, label, value)
        ("number", t("number"), number),
        ("type", t("type"), link(t.doc_type(doc.type), ctx.href(page, urls.doc_type(doc.type)))),
        ("issuer", t("issuer"), ctx.agency(doc.issuer, page)),
        ("issued", t("issued"), text(t.period(doc.issued))),
    ]
    if doc.effective_on_signing:
        rows.append(("effective", t("effective"), f"{t('from_signing')} ({text(t.period(doc.issued))})"))
    elif doc.effective:
        rows.append(("effective", t("effective"), text(t.period(doc.effective))))
    if doc.meeting:
        rows.append(("meeting", t("meeting"), text(t.period(doc.meeting))))
    signer = unknown
    if doc.signer and doc.signer.person:
        signer = ctx.person(doc.signer.person, page)
        if doc.signer.capacity:
            signer += f" — {text(doc.signer.capacity)}"
    elif doc.signer and doc.signer.capacity:
        signer = text(doc.signer.capacity)
    rows.append(("signer", t("signer"), signer))
    sources = []
    for s in doc.sources:
        name = external_link(s.title or t("unknown"), s.url) if s.url else text(s.title or t("unknown"))
        extra = [t(f"source_{s.kind}")]
        if s.text != "full":
            extra.append(t(f"text_{s.text}").lower())
        if s.author:
            extra.append(text(s.author))
        if s.date:
            extra.append(text(t.period(s.date)))
        if s.file:  # the raw text the record was entered from, published at its own path
            extra.append(link(t("source_text"), ctx.href(page, s.file)))
        sources.append(f"{name} ({', '.join(extra)})")
    rows.append(("sources", t("sources"), "<br>".join(sources) or unknown))
    # a value read into the sources says so, and why
    return [[label, value + (f" — <em>{t('inferred')}: {text(doc.inferred[name])}</em>" if name in doc.inferred else "")]
            for name, label, value in rows]


def _relations(ctx: Context, doc: Document, page: str) -> list[tuple[str, list[Markup]]]:
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
    sections.append((t("fulfills"), [_fulfilment(ctx, doc, ref, page) for ref, _ in doc.fulfills]))
    sections.append((t("requests_state"), [_request_line(ctx, a, page) for a in doc.actions
                                         if a.kind == "request" and a.id
                                         and (rel.fulfilled_by.get(f"{doc.key}#{a.id}")
                                              or rel.pending_on.get(f"{doc.key}#{a.id}"))]))
    return [(title, [Markup(item) for item in items]) for title, items in sections if items]


def _fulfilment(ctx: Context, doc: Document, ref: str, page: str) -> Markup:
    """A request this document fulfils: wholly, or the named changes it enacts; and why, when
    the relation is read into the texts rather than stated by them."""
    t, reg = ctx.t, ctx.register
    request = reg.action(ref)
    line = ctx.document(reg.canonical(ref).partition("#")[0], page)
    if request is not None:
        line += f" — {describe(ctx, request, page)}"
    detail = doc.fulfil_details.get(ref)
    enacted = [a for a in ctx.rel.enacts.get(doc.key, []) if f"{a.doc}#{a.pending}" == reg.canonical(ref)]
    if detail and detail.changes:
        line += f" — <em>{t('fulfils_in_part')}</em>"
    if enacted:
        line += "".join(f"<br>{t('enacts')}: {describe(ctx, a, page)}" for a in enacted)
    if detail and detail.inferred:
        line += f"<br><em>{t('inferred')}: {text(detail.inferred)}</em>"
    return Markup(line)


def _request_line(ctx: Context, request, page: str) -> Markup:
    """A request of this document, where it stands, and each change directed pending it."""
    line = f"{describe(ctx, request, page)} — {request_state(ctx, request, page)}"
    for change in ctx.rel.pending_on.get(f"{request.doc}#{request.id}", []):
        line += f"<br>{ctx.t('act_' + change.kind)}: {describe(ctx, change, page)}"  # says enacted or not
    return Markup(line)


def _text_heading(ctx: Context, doc: Document) -> str:
    """What the reader sees below: the full text, an excerpt, a press summary, a translation."""
    kinds = list(dict.fromkeys(s.text for s in doc.sources))
    if len(kinds) == 1:
        return ctx.t(f"text_{kinds[0]}")
    return ctx.t("text_mixed")


def _disputes(ctx: Context, doc: Document) -> list[Markup]:
    t, out = ctx.t, []
    for dispute in doc.disputed:
        claims = "; ".join(f"«{text(c.says)}» — {text(doc.sources[c.source - 1].title or t('unknown'))} "
                           f"({t('source_number')} {c.source})" for c in dispute.claims)
        out.append(Markup(f"{text(dispute.what)}: {claims}"))
    return out


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
