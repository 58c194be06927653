"""Timelines: dated events by year, newest first, each linked to its document and paragraph."""
from __future__ import annotations

from generator.core.derive.events import Event
from generator.core.render.actions import describe
from generator.core.render.context import Context
from generator.core.render.markup import table, text


def event_line(ctx: Context, event: Event, page: str) -> str:
    t = ctx.t
    if event.kind == "issued":
        return f"{t('event_issued')}: {ctx.document(event.doc, page)}"
    if event.kind == "meeting":
        return f"{t('event_meeting')} — {ctx.document(event.doc, page)}"
    action = event.action
    if event.kind == "due":
        subject = ctx.task(action.task, page) if action.get("task") else text(action.title or action.target or "")
        return f"{t('event_due')}: {subject} {ctx.paragraph(action, page)}".strip()
    return f"{t('act_' + action.kind)}: {describe(ctx, action, page)}"


def timeline_section(ctx: Context, events: list[Event], page: str, level: int = 2,
                     heading: bool = True, by_year: bool = True) -> str:
    """A timeline of the given events (already newest first), a heading a year unless
    `by_year` is False (a page that holds one year)."""
    t = ctx.t
    if not events:
        return ""

    def events_table(group) -> str:
        rows = [[text(t.period(e.when)), event_line(ctx, e, page)] for e in group]
        return table([t("date"), t("event")], rows)

    out = [f"{'#' * level} {t('timeline')}\n\n" if heading else ""]
    if not by_year:
        return "".join(out) + events_table(events)
    for year, group in by_year_newest_first(events):
        out.append(f"{'#' * (level + 1)} {year}\n\n" + events_table(group) + "\n")
    return "".join(out)


def by_year_newest_first(events: list[Event]) -> list[tuple[int, list[Event]]]:
    """The events by the year their date begins in, each year's in the order given: an event
    placed among a later year's by its relations (an effect dated "2018..2020-02-12" of a
    notice of 2020) still falls under its own year, and each year has one group."""
    years: dict[int, list[Event]] = {}
    for event in events:
        years.setdefault(event.when.start.year, []).append(event)
    return sorted(years.items(), reverse=True)
