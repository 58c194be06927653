"""Body pages: each post and role over time as periods, directed changes kept apart, the
composition on every date it changed, and a timeline."""
from __future__ import annotations

from datetime import date

from .. import urls
from ..derive.tenures import PostHistory, Tenure
from ..model import Body
from .context import Context
from .markup import facts_line, front_matter, table, text
from .people import directed_lines, holder_text, post_title, tenure_rows
from .timeline import timeline_section


def _first_known(tenure: Tenure, ctx: Context) -> date | None:
    first = _first_period(tenure, ctx)
    return first.start if first else None


def _first_period(tenure: Tenure, ctx: Context):
    """Where a tenure is first known: its start, else its earliest observation."""
    if tenure.start_when is not None:
        return tenure.start_when
    periods = [a.date or ctx.register.documents[a.doc].issued for a in tenure.observed]
    return min(periods, key=lambda p: (p.start, p.end)) if periods else None


def render_body(ctx: Context, body: Body) -> str:
    t, reg = ctx.t, ctx.register
    page = urls.body(body.id)
    out = [front_matter(title=body.name), f"# {text(body.name)}\n\n"]
    out.append(facts_line(body.short, body.parent and ctx.body(body.parent, page), body.aliases))
    mentions = ctx.rel.mentions.get(("body", body.id), [])
    for kind, heading in (("establish", "established"), ("scope", "remit")):
        actions = [a for a in mentions if a.kind == kind]
        if actions:
            out.append(f"## {t(heading)}\n\n{directed_lines(ctx, actions, page)}\n")
    in_force = _posts(ctx, body, page, out, level=2)
    for child in (b for b in reg.bodies.values() if b.parent == body.id):
        out.append(f"## {ctx.body(child.id, page)}\n\n")
        _posts(ctx, child, page, out, level=3)
    out.append(_composition(ctx, in_force, page))
    out.append(timeline_section(ctx, ctx.events_by.get(("body", body.id), []), page))
    return "".join(out)


def _posts(ctx: Context, body: Body, page: str, out: list[str], level: int) -> list[PostHistory]:
    """The body's posts and roles over time, then the changes directed but not yet enacted."""
    t, h_ = ctx.t, "#" * level
    histories = ctx.register.derived.tenures.for_body(body.id)
    order = {p: i for i, p in enumerate([*body.posts, *body.roles])}
    histories.sort(key=lambda h: order.get(h.post, len(order)))
    in_force = [h for h in histories if h.tenures]
    if in_force:
        out.append(f"{h_} {t('posts_held')}\n\n")
        out.append(table([t("post"), t("holder"), t("start"), t("end"), t("source")],
                         [row for h in in_force for row in tenure_rows(ctx, h, h.tenures, page, with_post=True,
                                                                       with_owner=False)]) + "\n")
    directed = [a for h in histories for a in h.directed]
    if directed:
        out.append(f"{h_} {t('directed_changes')}\n\n{directed_lines(ctx, directed, page)}\n")
    return in_force


def _composition(ctx: Context, histories: list[PostHistory], page: str) -> str:
    """Who held what on each date the known composition changed (dates as precise as known)."""
    t = ctx.t
    shown: dict[date, str] = {}
    for h in histories:
        for tenure in h.tenures:
            first = _first_period(tenure, ctx)
            if first is not None:
                shown.setdefault(first.start, t.period(first))
            if tenure.end is not None:
                shown.setdefault(tenure.end, t.period(tenure.end_when) if tenure.end_when else t.date(tenure.end))
    if not shown:
        return ""
    # each tenure's first date once, not once per date of the composition
    known = [(h, [(tenure, _first_known(tenure, ctx)) for tenure in h.tenures]) for h in histories]
    out = [f"## {t('composition')}\n\n"]
    for day in sorted(shown):
        rows = []
        for h, tenures in known:
            holders = [holder_text(ctx, tenure.holder, page) for tenure, first in tenures
                       if (first or day) <= day and (tenure.end is None or day < tenure.end)]
            if holders:
                rows.append([post_title(ctx, h), ", ".join(holders)])
        out.append(f"### {t('composition_on')} {text(shown[day])}\n\n")
        out.append((table([t("post"), t("holder")], rows) or f"{t('none')}\n") + "\n")
    return "".join(out)
