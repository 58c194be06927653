"""The home page's generated part: counts, latest documents, deadlines, ways in."""
from __future__ import annotations

from markupsafe import Markup

from generator.core import urls
from generator.core.derive.events import deadlines
from generator.core.render.browse import newest_first
from generator.core.render.context import Context
from generator.core.render.markup import Headings, link, templates, text
from generator.core.render.views import AMENDMENTS, DEADLINES, TIMELINE, TRANSFERS

MARKER = "<!-- register:summary -->"
PAGE = urls.HOME


def render_home_summary(ctx: Context, latest: int = 5) -> str:
    """HTML for the hand-written home page's marker (templates/home_summary.html)."""
    t, reg = ctx.t, ctx.register
    page = PAGE
    custody = reg.derived.custody
    transfers = sum(1 for r in custody.tasks.values() for s in r.steps if s.action.kind == "transfer")
    counts = [
        (t("documents"), len(reg.documents), urls.DOCUMENTS),
        (t("cited_not_in_register"), len(reg.cited), urls.CITED),
        (t("tasks"), len(reg.tasks), urls.TASKS),
        (t("transfers"), transfers, TRANSFERS),
        (t("agencies"), len(reg.agencies), urls.AGENCIES),
        (t("bodies"), len(reg.bodies), urls.BODIES),
        (t("people"), len(reg.people), urls.PEOPLE),
    ]
    items = deadlines(reg, ctx.rel)
    overdue = sum(1 for d in items if d.status(ctx.as_of) == "overdue")
    open_ = sum(1 for d in items if d.status(ctx.as_of) == "open")
    return templates().get_template("home_summary.html").render(
        h=Headings(t("permalink")), t=t, as_of=ctx.as_of,
        counts=[[link(label, ctx.href(page, target)), str(n)] for label, n, target in counts],
        latest=[Markup(f"{text(t.period(doc.issued))} — {ctx.document(doc.key, page)}: {text(doc.title)}")
                for doc in newest_first(reg.documents.values(), ctx.chronology)[:latest]],
        overdue=Markup(link(f"{overdue} " + t("status_overdue"), ctx.href(page, DEADLINES))),
        open=Markup(link(f"{open_} " + t("status_open"), ctx.href(page, DEADLINES))),
        ways=[Markup(link(label, ctx.href(page, target))) for label, target in (
            (t("transfers"), TRANSFERS), (t("deadlines"), DEADLINES), (t("amendments"), AMENDMENTS),
            (t("timeline"), TIMELINE), (t("bodies"), urls.BODIES))])
