"""Accountability by agency, as the government's own task tracking reports it: of the tasks an
agency leads, how many fell due, how many of those were done, on time or late, and how many are
past due with no completion recorded (derive/status.py counts them; this writes them)."""
from __future__ import annotations

from generator.core.derive.status import STATES, Tally
from generator.core.render.context import Context
from generator.core.render.markup import block, link, render_listing, text

ACCOUNTABILITY = "thuc-hien-nhiem-vu.md"


def tally_header(t, first: str) -> list[str]:
    return [first, t("acc_tasks"), t("acc_due"), t("acc_done_when_due"),
            *(t("acc_h_" + state) for state in STATES)]


def tally_cells(t, tally: Tally) -> list[str]:
    """The counts of one row: tasks, due, done of those due (with its share), each state."""
    share = tally.done_share
    done = t.number(tally.done_when_due)
    if share is not None:
        percent = f"{share * 100:.1f}"
        done += f"\u00a0({percent if t.lang == 'en' else percent.replace('.', ',')}%)"  # kept on one line
    return [t.number(tally.total), t.number(tally.due), done,
            *(t.number(tally.states[state]) for state in STATES)]


def year_name(t, year: int | None) -> str:
    return t("acc_all_years") if year is None else f"{t('year')} {year}"


def agency_rows(ctx: Context, agency_id: str) -> list[list[str]]:
    """An agency's tallies, every year first, then each year due, newest first; [] when it
    leads no task."""
    by_year = ctx.accountability.get(agency_id)
    if not by_year:
        return []
    years = sorted((y for y in by_year if y is not None), reverse=True)
    return [[text(year_name(ctx.t, year)), *tally_cells(ctx.t, by_year[year])] for year in [None, *years]]


def render_accountability(ctx: Context) -> str:
    """One table per year due (and one for every year), the whole register first, then each
    agency that leads a task; the year links at the top are the filter, and work without
    script."""
    t, reg, page = ctx.t, ctx.register, ACCOUNTABILITY
    data = ctx.accountability
    whole = data.get(None, {})
    years = [None, *sorted((y for y in whole if y is not None), reverse=True)]
    anchors = {year: "tat-ca-cac-nam" if year is None else f"nam-{year}" for year in years}
    jump = " · ".join(link(year_name(t, year), f"#{anchors[year]}") for year in years)
    blocks = [block(text=f"{text(t('acc_intro'))} <strong>{t('as_of').capitalize()} {t.date(ctx.as_of)}.</strong>"),
              block(text=f"{text(t('due_year'))}: {jump}")]
    agencies = sorted((a for a in data if a is not None and a in reg.agencies), key=lambda a: reg.agencies[a].name)
    for year in years:
        rows = [[f"<strong>{text(t('acc_whole'))}</strong>", *tally_cells(t, whole[year])]]
        rows += [[ctx.agency(a, page), *tally_cells(t, data[a][year])] for a in agencies if year in data[a]]
        blocks.append(block(year_name(t, year), anchor=anchors[year], header=tally_header(t, t("agency")),
                            rows=rows, none=True, compact=True))
    return render_listing(t("accountability"), blocks, t)


__all__ = ["ACCOUNTABILITY", "agency_rows", "render_accountability", "tally_cells", "tally_header", "year_name"]
