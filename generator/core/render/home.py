"""The home page's generated part: counts, latest documents, deadlines, ways in."""
from __future__ import annotations

from generator.core import urls
from generator.core.derive.events import deadlines
from generator.core.render.browse import newest_first
from generator.core.render.context import Context
from generator.core.render.markup import link, table, text
from generator.core.render.views import AMENDMENTS, DEADLINES, TIMELINE, TRANSFERS

MARKER = "<!-- register:summary -->"
PAGE = urls.HOME


def render_home_summary(ctx: Context, latest: int = 5) -> str:
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
    out = [table([t("what"), t("how_many")],  # counts of documents, tasks and people alike
                 [[link(label, urls.relative(page, target)), str(n)] for label, n, target in counts]), "\n"]
    out.append(f"## {t('latest_documents')}\n\n")
    for doc in newest_first(reg.documents.values(), ctx.chronology)[:latest]:
        out.append(f"- {text(t.period(doc.issued))} — {ctx.document(doc.key, page)}: {text(doc.title)}\n")
    items = deadlines(reg, ctx.rel)
    overdue = [d for d in items if d.status(ctx.as_of) == "overdue"]
    open_ = [d for d in items if d.status(ctx.as_of) == "open"]
    out.append(f"\n## {t('deadlines')}\n\n")
    out.append(f"{t('as_of').capitalize()} {t.date(ctx.as_of)}: "
               f"{link(f'{len(overdue)} ' + t('status_overdue'), urls.relative(page, DEADLINES))}; "
               f"{link(f'{len(open_)} ' + t('status_open'), urls.relative(page, DEADLINES))}.\n\n")
    out.append(f"## {t('trace')}\n\n")
    for label, target in ((t("transfers"), TRANSFERS), (t("deadlines"), DEADLINES),
                          (t("amendments"), AMENDMENTS), (t("timeline"), TIMELINE),
                          (t("bodies"), urls.BODIES)):
        out.append(f"- {link(label, urls.relative(page, target))}\n")
    return "".join(out)
