"""Task pages: the chain of custody, the current holder, the deadline and its status."""
from __future__ import annotations

from generator.core import urls
from generator.core.derive.custody import Step, TaskRecord
from generator.core.derive.events import Event
from generator.core.derive.status import Status, task_status
from generator.core.model import Transfer
from generator.core.render.actions import describe
from generator.core.render.context import Context
from markupsafe import Markup

from generator.core.render.markup import link, render_page, text
from generator.core.render.timeline import timeline_section


def status_label(ctx: Context, status: Status | None) -> str:
    """The state in words, as every page, filter and count names it."""
    return ctx.t("status_" + status.state) if status else ""


def status_brief(ctx: Context, status: Status | None) -> str:
    """For a table cell: the state, and when it was done or how late."""
    if status is None:
        return ""
    t, out = ctx.t, text(status_label(ctx, status))
    if status.done is not None:
        out += f" ({text(t.period(status.done))})"
    if status.state == "done_late":
        out += f", {text(t.count(status.days_late, late_key(status)))}"
    return out


def late_key(status: Status) -> str:
    """A completion known only to its month or year is at least this late, not exactly."""
    return "status_days_late" if status.done.precision == "day" else "status_days_late_min"


def _where(ctx: Context, action, page: str) -> str:
    """An action's document and, when it has one, its paragraph."""
    return " ".join(x for x in (ctx.document(action.doc, page), ctx.paragraph(action, page)) if x)


def status_text(ctx: Context, status: Status | None, page: str) -> str:
    """The state with its evidence: the deadline and the completion, each with its source, and
    the day the state holds for."""
    if status is None:
        return ""
    t = ctx.t
    parts = []
    if status.due is not None:
        due = f"{t('status_due_on')} {text(t.period(status.due))}"
        if status.due_action is not None:
            due += f" ({_where(ctx, status.due_action, page)})"
        parts.append(due)
    if status.done is not None:
        done = t("status_done_reported" if status.done_action is not None else "status_fulfilled_on")
        done += f" {text(t.period(status.done))}"
        if status.done_action is not None:
            done += f" ({_where(ctx, status.done_action, page)})"
        elif status.done_by:
            done += f" ({ctx.document(status.done_by, page)})"
        parts.append(done)
    if status.state == "done_late":
        parts.append(text(t.count(status.days_late, late_key(status))))
    elif status.state == "past_due":
        parts.append(text(t.count(status.days_late, "status_days_past")))
    elif status.state == "done" and status.due is not None:
        parts.append(text(t("status_undetermined")))
    evidence = f" — {'; '.join(parts)}" if parts else ""
    return f"<strong>{text(status_label(ctx, status))}</strong>{evidence} ({t('as_of')} {t.date(status.as_of)})"


def step_line(ctx: Context, step: Step, page: str) -> str:
    a = step.action
    if a.kind == "transfer":
        return (f"{ctx.t('act_transfer')}: {ctx.t('from')} {ctx.agency(a.from_, page)} {ctx.t('to')} "
                f"{ctx.agency(a.to, page)}{ctx.quote(a)}")
    if a.kind == "assign":
        parts = []
        if a.lead:
            parts.append(f"{ctx.t('lead')}: {ctx.agency(a.lead, page)}")
        if a.with_:
            parts.append(f"{ctx.t('with')}: " + ", ".join(ctx.agency(x, page) for x in a.with_))
        return f"{ctx.t('act_assign')} — " + "; ".join(parts)
    status = ctx.t(f"report_{a.status}") if a.status else ""
    quote = f": «{text(a.text)}»" if a.text else ""
    return f"{ctx.t('act_report')} — {status}{quote}"


def render_task(ctx: Context, record: TaskRecord) -> str:
    t, task = ctx.t, record.task
    page = urls.task(task.id)
    rows = []
    if record.holder:
        since = record.holder_since
        rows.append([t("holder_now"), f"{ctx.agency(record.holder, page)} — {t('since')} "
                     f"{text(t.period(since.when))}, {ctx.document(since.action.doc, page)} "
                     f"{ctx.paragraph(since.action, page)}"])
    if record.co_operating:
        rows.append([t("with").capitalize(), ", ".join(ctx.agency(a, page) for a in record.co_operating)])
    if record.due:
        phrase = f" («{text(record.due_action.due_phrase)}»)" if record.due_action.due_phrase else ""
        rows.append([t("deadline"), f"{text(t.period(record.due))}{phrase} "
                     f"{ctx.paragraph(record.due_action, page)}"])
    else:
        rows.append([t("deadline"), f"<em>{t('no_deadline')}</em>"])
    rows.append([t("status"), status_text(ctx, task_status(record, ctx.as_of), page)])
    rows.append([t("declared_in"), f"{ctx.document(task.declared_by.doc, page)} "
                 f"{ctx.paragraph(task.declared_by, page)}"])
    # ordered, but no document in the register has enacted it yet
    directed = [Markup(f"{t('act_' + a.kind)}: {describe(ctx, a, page)} — {ctx.document(a.doc, page)}"
                       + (ctx.quote(a) if isinstance(a, Transfer) else "")) for a in record.directed]
    steps = [[text(t.period(s.when)), step_line(ctx, s, page),
              f"{ctx.document(s.action.doc, page)} {ctx.paragraph(s.action, page)}"] for s in record.steps]
    chronology = ctx.chronology  # placed by the one rule every view uses (derive/chronology.py)
    events = [Event(s.when, s.action.kind, s.action.doc, s.action,
                    chronology.place(s.action.doc, s.action.index, s.when, after_issue=True))
              for s in record.steps]
    if record.due:  # in front: a stable sort keeps it before any step that sorts equal
        due = record.due_action
        events.insert(0, Event(record.due, "due", due.doc, due, chronology.place(due.doc, due.index, record.due)))
    events.sort(key=lambda e: e.sort_key, reverse=True)
    return render_page("task.html", dict(title=task.title), t=t, task=task, card=rows, directed=directed,
                       steps=steps, tl=timeline_section(ctx, events, page))


def render_task_index(ctx: Context) -> str:
    """Every task, grouped by the agency that leads it now (the table of contents lists them):
    a reader looks for an agency's tasks, and a phone reads a group, not one table of all."""
    t, reg, page = ctx.t, ctx.register, urls.TASKS
    groups: dict[str | None, list] = {}
    for record in ctx.register.derived.custody.tasks.values():
        groups.setdefault(record.holder, []).append(record)
    order = sorted((a for a in groups if a is not None), key=lambda a: reg.agencies[a].name)
    sections = []
    for agency in [*order, None] if None in groups else order:
        records = sorted(groups[agency], key=lambda r: r.task.title)
        rows = [[link(r.task.title, ctx.href(page, urls.task(r.task.id))),
                 text(t.period(r.due)) if r.due else "",
                 status_brief(ctx, task_status(r, ctx.as_of))] for r in records]
        title = reg.agencies[agency].name if agency else t("no_lead_now")
        lead = Markup(f"{ctx.agency(agency, page)}: {text(t.count(len(rows), 'n_tasks'))}") if agency else \
            Markup(text(t.count(len(rows), "n_tasks")))
        sections.append((title, lead, rows))
    return render_page("task_index.html", dict(title=t("tasks")), t=t, as_of=ctx.as_of, sections=sections)


__all__ = ["render_task", "render_task_index", "describe", "status_label", "status_brief", "status_text"]
