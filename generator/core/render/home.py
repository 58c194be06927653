"""The home page's generated part: counts, latest documents, deadlines, ways in."""
from __future__ import annotations

from urllib.parse import urlencode

from markupsafe import Markup

from generator.core import urls
from generator.core.derive.events import deadlines
from generator.core.derive.status import STATES, tally, task_status
from generator.core.render.accountability import ACCOUNTABILITY
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
    # one count per state, from the one judgement (derive/status.py) the deadlines page, the
    # task list and the search filters use; each links to the deadlines page filtered so
    tasks = tally(task_status(r, ctx.as_of) for r in custody.tasks.values())
    requests = tally(d.status(ctx.as_of) for d in deadlines(reg, ctx.rel) if d.record is None)
    states = []
    for state in STATES:
        n, m = tasks.states[state], requests.states[state]
        if not (n or m or state in ("past_due", "not_yet_due")):
            continue
        label = t("status_" + state)
        target = ctx.href(page, urls.TASKS) if state == "no_deadline" else \
            ctx.href(page, DEADLINES) + "?" + urlencode({"status": label[:1].upper() + label[1:]})
        counts_ = t.count(n, "n_tasks") + (f", {t.count(m, 'n_requests')}" if m else "")
        states.append(Markup(f"{link(label.capitalize(), target)}: {text(counts_)}"))
    return templates().get_template("home_summary.html").render(
        h=Headings(t("permalink")), t=t, as_of=ctx.as_of,
        counts=[[link(label, ctx.href(page, target)), str(n)] for label, n, target in counts],
        latest=[Markup(f"{text(t.period(doc.issued))} — {ctx.document(doc.key, page)}: {text(doc.title)}")
                for doc in newest_first(reg.documents.values(), ctx.chronology)[:latest]],
        states=states, accountability=Markup(link(t("accountability"), ctx.href(page, ACCOUNTABILITY))),
        ways=[Markup(link(label, ctx.href(page, target))) for label, target in (
            (t("transfers"), TRANSFERS), (t("deadlines"), DEADLINES), (t("accountability"), ACCOUNTABILITY),
            (t("amendments"), AMENDMENTS),
            (t("timeline"), TIMELINE), (t("bodies"), urls.BODIES))])
