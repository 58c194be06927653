"""Timelines: dated events by year, newest first, each linked to its document and paragraph."""
from __future__ import annotations

from dataclasses import dataclass

from generator.core.derive.events import Event
from generator.core.render.actions import describe
from generator.core.render.context import Context
from generator.core.render.markup import text


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


@dataclass
class Timeline:
    """A timeline section for templates/_macros.html: its heading (or None) at `level`, and its
    rows under the year they fall in (None: one table)."""
    heading: str | None
    level: int
    header: list[str]
    groups: list[tuple[int | None, list[list[str]]]]


def timeline_section(ctx: Context, events: list[Event], page: str, level: int = 2,
                     heading: bool = True, by_year: bool = True) -> Timeline | None:
    """A timeline of the given events (already newest first), a heading a year unless
    `by_year` is False (a page that holds one year)."""
    t = ctx.t
    if not events:
        return None

    def rows(group) -> list[list[str]]:
        return [[text(t.period(e.when)), event_line(ctx, e, page)] for e in group]

    groups = [(year, rows(group)) for year, group in by_year_newest_first(events)] if by_year \
        else [(None, rows(events))]
    return Timeline(t("timeline") if heading else None, level, [t("date"), t("event")], groups)


def by_year_newest_first(events: list[Event]) -> list[tuple[int, list[Event]]]:
    """The events by the year their date begins in, each year's in the order given: an event
    placed among a later year's by its relations (an effect dated "2018..2020-02-12" of a
    notice of 2020) still falls under its own year, and each year has one group."""
    years: dict[int, list[Event]] = {}
    for event in events:
        years.setdefault(event.when.start.year, []).append(event)
    return sorted(years.items(), reverse=True)
