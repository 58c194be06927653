"""Views across the register: transfers (with a diagram), amendments and requests, the
timeline and the deadlines, each stating the date its statuses hold for."""
from __future__ import annotations


from generator.core.derive.events import deadlines
from generator.core.derive.status import STATES, judge
from generator.core.render.actions import describe
from generator.core.render.context import Context
from generator.core.render.markup import block, link, render_listing, text
from generator.core.render.search_meta import request_filters, task_filters
from generator.core.render.tasks import status_brief, status_text
from generator.core.render.timeline import by_year_newest_first, timeline_section

TRANSFERS = "chuyen-giao.md"
AMENDMENTS = "sua-doi.md"
TIMELINE = "dong-thoi-gian/index.md"


def timeline_year(year: int) -> str:
    """One page a year: the whole timeline of a large register is megabytes, too much for a
    phone, and grows with every document."""
    return f"dong-thoi-gian/{year}.md"
DEADLINES = "thoi-han.md"


def _mermaid_label(value: str) -> str:
    return "".join("#quot;" if c == '"' else "#lt;" if c == "<" else "#gt;" if c == ">" else
                   "#35;" if c == "#" else c for c in " ".join(value.split()))


def render_transfers(ctx: Context) -> str:
    t, reg, page = ctx.t, ctx.register, TRANSFERS
    steps = [s for record in reg.derived.custody.tasks.values() for s in record.steps
             if s.action.kind == "transfer"]
    steps.sort(key=_step_key, reverse=True)
    intro = block(text=text(t("transfers_intro")))
    if not steps:
        return render_listing(t("transfers"), [intro, block(text=text(t("none")))], t)
    agencies = reg.agencies
    rows = [[text(t.period(s.when)), ctx.task(s.action.task, page), ctx.agency(s.action.from_, page),
             ctx.agency(s.action.to, page),
             f"{ctx.document(s.action.doc, page)} {ctx.paragraph(s.action, page)}{ctx.quote(s.action)}"]
            for s in steps]
    filters = [{"year": [str(s.date.year)],
                "agency": sorted({agencies[i].name for i in (s.action.from_, s.action.to) if i in agencies})}
               for s in steps]
    note, diagram = _transfer_diagram(ctx, steps)
    return render_listing(t("transfers"), [
        intro, block(header=[t("date"), t("task"), t("h_from"), t("h_to"), t("source")], rows=rows,
                     filters=filters, filter_labels={"year": t("year"), "agency": t("agency")}),
        block(t("diagram"), text=(text(note) + " " if note else "")
              + f'<span class="register-diagram-phone">{text(t("diagram_phone"))}</span>',
              diagram=diagram, diagram_class="register-diagram--wide")], t)


def _step_key(step) -> tuple:
    return step.date, step.action.doc, step.action.index


DIAGRAM_ARROWS = 30  # more is a tangle on a phone; Mermaid refuses over 500, or 50,000 characters


def _transfer_diagram(ctx: Context, steps: list) -> tuple[str, str]:
    """Transfers between agencies as a Mermaid flowchart, oldest first: an arrow per transfer
    (its task's title) while they are few; else an arrow per pair of agencies with its count of
    transfers, the DIAGRAM_ARROWS largest of them, and a sentence saying so. At 10,000
    documents an arrow per transfer was 3,279 arrows, which Mermaid refuses to draw. Returns
    that sentence (or "") and the diagram's source."""
    t, reg = ctx.t, ctx.register
    steps = steps[::-1]

    def title(step) -> str:  # cut before it is escaped: never in the middle of "#quot;"
        label = " ".join(reg.tasks[step.action.task].title.split())
        return _mermaid_label(label if len(label) <= 60 else label[:57].rstrip() + "…")

    note = ""
    if len(steps) <= DIAGRAM_ARROWS:
        arrows = [(s.action.from_, s.action.to, title(s)) for s in steps]
    else:
        flows: dict[tuple[str, str], list] = {}
        for s in steps:
            flows.setdefault((s.action.from_, s.action.to), []).append(s)
        # the most transfers first, then the most recent (a step's key is unique)
        largest = sorted(flows.items(), key=lambda flow: (len(flow[1]), _step_key(flow[1][-1])),
                         reverse=True)[:DIAGRAM_ARROWS]
        arrows = [(pair[0], pair[1], title(moved[0]) if len(moved) == 1 else t.count(len(moved), "transfers_n"))
                  for pair, moved in largest]
        key = "diagram_flows" if len(flows) <= DIAGRAM_ARROWS else "diagram_largest"
        note = t(key).format(shown=t.number(len(largest)), flows=t.number(len(flows)),
                             transfers=t.number(len(steps)))
    agencies = sorted({a for arrow in arrows for a in arrow[:2]})
    ids = {a: f"A{i}" for i, a in enumerate(agencies)}
    # drawn in the reader's browser by the site's own Mermaid (theme_overrides/assets/diagrams.js);
    # its title and description are the drawing's accessible name and description
    out = [f"flowchart LR\n  accTitle: {_mermaid_label(t('diagram_title'))}\n"
                 f"  accDescr: {_mermaid_label(t('diagram_description'))}\n"]
    out += [f'  {ids[a]}["{_mermaid_label(reg.agencies[a].name)}"]\n' for a in agencies]
    out += [f'  {ids[a]} -->|"{label}"| {ids[b]}\n' for a, b, label in arrows]
    return note, "".join(out)


def render_amendments(ctx: Context) -> str:
    t, reg, rel, page = ctx.t, ctx.register, ctx.rel, AMENDMENTS
    changes = [a for doc in reg.documents.values() for a in doc.actions if a.kind in ("amend", "replace", "repeal")]
    blocks = [block(t("changes_in_force"), header=[t("document"), t("kind"), t("what")], none=True,
                    rows=[[ctx.document(a.doc, page), t("act_" + a.kind), describe(ctx, a, page)] for a in changes])]
    rows = []
    for doc in sorted(reg.documents.values(), key=lambda d: (d.issued.start, d.key)):
        for a in doc.actions:
            if a.kind != "request":
                continue
            fulfilled = rel.wholly_fulfilled_by.get(f"{doc.key}#{a.id}", []) if a.id else []
            partly = [k for k in rel.fulfilled_by.get(f"{doc.key}#{a.id}", []) if k not in fulfilled] if a.id else []
            done = [k for k in fulfilled if reg.issued_start(k) <= ctx.as_of]
            if done:
                inferred = all((k, f"{doc.key}#{a.id}") in rel.inferred for k in done)
                status = (f"<strong>{t('status_done')}</strong>" + (f" <em>({t('inferred_short')})</em>" if inferred else "")
                          + f" — {t('fulfilled')} " + ", ".join(ctx.fulfilled_by(k, f"{doc.key}#{a.id}", page)
                                                             for k in done))
            elif partly:  # part of it enacted: the rest is still due
                status = f"{t('request_partly')} " + ", ".join(ctx.document(k, page) for k in partly)
                if a.due:
                    status += "; " + status_text(ctx, judge(ctx.as_of, a.due, a), page)
            elif a.due:
                status = status_text(ctx, judge(ctx.as_of, a.due, a), page)
            else:
                status = ""
            rows.append([ctx.document(doc.key, page), describe(ctx, a, page),
                         text(t.period(a.due)) if a.due else "", status])
    blocks.append(block(t("requests_list"), text=text(f"{t('as_of').capitalize()} {t.date(ctx.as_of)}."),
                        header=[t("document"), t("what"), t("deadline"), t("status")], rows=rows, none=True))
    return render_listing(t("amendments"), blocks, t)


def render_timeline(ctx: Context) -> dict[str, str]:
    """The timeline's index (its years, each with its number of events) and a page a year."""
    t = ctx.t
    pages: dict[str, str] = {}
    rows = []
    for year, events in by_year_newest_first(ctx.events):
        page = timeline_year(year)
        title = f"{t('timeline')} {year}"
        pages[page] = render_listing(title, [block(
            text=link(t("timeline"), ctx.href(page, TIMELINE)),
            timeline=timeline_section(ctx, events, page, level=1, heading=False, by_year=False))], t)
        rows.append([link(str(year), ctx.href(TIMELINE, page)), str(len(events))])
    pages[TIMELINE] = render_listing(t("timeline"), [
        block(text=text(t("timeline_by_year")), header=[t("year"), t("events_count")], rows=rows) if rows
        else block(text=text(t("no_events")))], t)
    return pages


def render_deadlines(ctx: Context) -> str:
    """Every task with a deadline and every dated request, the counts of each state, then one
    table in the order of the states, filterable by document, agency, year due and state with
    the values the search box uses."""
    t, reg, page = ctx.t, ctx.register, DEADLINES
    blocks = [block(text=f"{text(t('deadlines_intro'))} <strong>{t('as_of').capitalize()} {t.date(ctx.as_of)}.</strong>")]
    items = deadlines(reg, ctx.rel)
    groups: dict[str, list] = {state: [] for state in STATES}
    for d in items:
        status = d.status(ctx.as_of)
        groups[status.state].append((d, status))
    counts = []
    for state in STATES:
        tasks = sum(1 for d, _ in groups[state] if d.record is not None)
        requests = len(groups[state]) - tasks
        if state != "no_deadline" and (tasks or requests or state in ("past_due", "not_yet_due")):
            counts.append(f"{text(t('status_' + state).capitalize())}: {t.count(tasks, 'n_tasks')}"
                          + (f", {t.count(requests, 'n_requests')}" if requests else ""))
    blocks.append(block(items=counts))
    rows, filters = [], []
    for state in STATES:
        for d, status in groups[state]:
            a = d.action
            if d.record is not None:
                subject = ctx.task(d.record.task.id, page)
                lead = ctx.agency(d.record.holder, page) if d.record.holder else ""
                filters.append(task_filters(reg, t, d.record, status))
            else:
                subject = f"{t('act_request')}: {request_subject(ctx, a, page)}"
                if d.done_by:
                    subject += f" — {t('fulfilled')} {ctx.fulfilled_by(d.done_by, f'{a.doc}#{a.id}', page)}"
                lead = ctx.agency(a.lead, page) if a.lead else ""
                filters.append(request_filters(reg, t, a, status))
            phrase = f" («{text(a.due_phrase)}»)" if a.due_phrase else ""
            rows.append([f"{text(t.period(d.due))}{phrase} {ctx.document(a.doc, page)} {ctx.paragraph(a, page)}",
                         subject, lead, status_brief(ctx, status)])
    blocks.append(block(rows=rows, none=True, header=[t("deadline"), t("what"), t("h_lead"), t("status")],
                        filters=filters, filter_labels={kind: t(kind) for kind in ("document", "agency", "due_year", "status")}))
    return render_listing(t("deadlines"), blocks, t)


def request_subject(ctx: Context, action, page: str) -> str:
    """What a request asks for, without its deadline: «title» or the document to amend."""
    what = ctx.t(f"what_{action.what}") + " " if action.what else ""
    if action.title:
        return f"{what}«{text(action.title)}»"
    return what + ctx.document(action.target_key, page)
