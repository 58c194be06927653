"""Agency pages: tasks held now, received and handed over, led and co-operated on; documents
issued; posts and roles; a timeline. Optional hand-written text comes from content/."""
from __future__ import annotations

from markupsafe import Markup

from generator.core import urls
from generator.core.derive.events import Event
from generator.core.derive.status import task_status
from generator.core.model import Agency
from generator.core.render.accountability import agency_rows, tally_header
from generator.core.render.bodies import heading_and_names
from generator.core.render.browse import document_header, document_rows
from generator.core.render.context import Context
from generator.core.render.markup import render_page, text, text_block
from generator.core.render.people import tenure_rows
from generator.core.render.tasks import status_brief, step_line
from generator.core.render.timeline import timeline_section


def render_agency(ctx: Context, agency: Agency, intro: str = "") -> str:
    t, reg = ctx.t, ctx.register
    custody = reg.derived.custody
    page = urls.agency(agency.id)
    names = heading_and_names(ctx, "agency", agency, page, agency.parent and ctx.agency(agency.parent, page))
    sections = []  # (heading, table header, rows)
    held = sorted(custody.held_now.get(agency.id, []), key=lambda k: reg.tasks[k].title)
    if held:
        rows = []
        for task_id in held:
            record = custody.tasks[task_id]
            rows.append([ctx.task(task_id, page), text(t.period(record.holder_since.when)),
                         text(t.period(record.due)) if record.due else "",
                         status_brief(ctx, task_status(record, ctx.as_of))])
        sections.append((t("tasks_held"), [t("task"), t("since"), t("deadline"), t("status")], rows))
    tallies = agency_rows(ctx, agency.id)
    if tallies:
        sections.append((t("acc_agency"), tally_header(t, t("due_year")), tallies))
    for key, steps in (("tasks_received", custody.received.get(agency.id, [])),
                       ("tasks_handed_over", custody.handed_over.get(agency.id, []))):
        if steps:
            sections.append((t(key), [t("date"), t("task"), t("step"), t("source")],
                             [[text(t.period(s.when)), ctx.task(s.action.task, page), step_line(ctx, s, page),
                               f"{ctx.document(s.action.doc, page)} {ctx.paragraph(s.action, page)}"]
                              for s in steps]))
    for key, steps in (("tasks_led", custody.leads.get(agency.id, [])),
                       ("tasks_cooperating", custody.cooperates.get(agency.id, []))):
        if steps:
            sections.append((t(key), [t("task"), t("deadline"), t("source")],
                             [[ctx.task(s.action.task, page),
                               text(t.period(s.action.due)) if s.action.due else "",
                               f"{ctx.document(s.action.doc, page)} {ctx.paragraph(s.action, page)}"]
                              for s in steps]))
    posts = reg.derived.tenures.by_agency.get(agency.id, [])
    if posts:
        sections.append((t("posts_held"), [t("post"), t("holder"), t("start"), t("end"), t("source")],
                         [row for history, tenure in posts
                          for row in tenure_rows(ctx, history, [tenure], page, with_post=True)]))
    issued = ctx.issued_by(agency.id)
    if issued:
        sections.append((t("documents_issued"), document_header(t), document_rows(ctx, issued, page)))
    return render_page("agency.html", dict(title=names.title), t=t, names=names,
                       intro=Markup(text_block(intro)) if intro.strip() else "", sections=sections,
                       compact=t("acc_agency"),
                       tl=timeline_section(ctx, agency_events(ctx, agency.id), page))


def agency_events(ctx: Context, agency_id: str) -> list[Event]:
    return ctx.events_by.get(("agency", agency_id), [])
