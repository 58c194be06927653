"""Pages of tasks, agencies, people and bodies: what they are and every action naming them."""
from __future__ import annotations

from .. import urls
from ..checks import chronological
from .actions import describe
from .browse import document_table
from .context import Context
from .markup import front_matter, link, table, text


def _mentions(ctx: Context, kind: str, ident: str, page: str) -> str:
    actions = ctx.rel.mentions.get((kind, ident), [])
    if not actions:
        return ""
    order = {d.key: i for i, d in enumerate(chronological(ctx.register.documents))}
    actions = sorted(actions, key=lambda a: (order[a.doc], a.index))
    out = [f"## {ctx.t('mentioned_in')}\n\n"]
    current = None
    for a in actions:
        if a.doc != current:
            current = a.doc
            doc = ctx.register.documents[a.doc]
            out.append(f"\n### {ctx.document(a.doc, page)} — {text(ctx.t.period(doc.issued))}\n\n")
        out.append(f"- {ctx.t('act_' + a.kind)}: {describe(ctx, a, page)}\n")
    return "".join(out) + "\n"


def render_entities(ctx: Context) -> dict[str, str]:
    t, reg = ctx.t, ctx.register
    pages: dict[str, str] = {}
    for task in reg.tasks.values():
        page = urls.task(task.id)
        declared = task.declared_by
        pages[page] = (front_matter(title=task.title) + f"# {text(task.title)}\n\n"
                       f"{t('declared_in')}: {ctx.document(declared.doc, page)} "
                       f"{ctx.paragraph(declared, page)}\n\n" + _mentions(ctx, "task", task.id, page))
    for agency in reg.agencies.values():
        page = urls.agency(agency.id)
        out = [front_matter(title=agency.name), f"# {text(agency.name)}\n\n"]
        facts = []
        if agency.short:
            facts.append(f"**{text(agency.short)}**")
        if agency.parent:
            facts.append(ctx.agency(agency.parent, page))
        if agency.aliases:
            facts.append(", ".join(text(a) for a in agency.aliases))
        out.append(" · ".join(facts) + "\n\n" if facts else "")
        issued = [d for d in reg.documents.values() if d.issuer == agency.id]
        if issued:
            out.append(f"## {t('documents_issued')}\n\n" + document_table(ctx, issued, page) + "\n")
        out.append(_mentions(ctx, "agency", agency.id, page))
        pages[page] = "".join(out)
    for person in reg.people.values():
        page = urls.person(person.id)
        pages[page] = (front_matter(title=person.name) + f"# {text(person.name)}\n\n" +
                       _mentions(ctx, "person", person.id, page))
    for body in reg.bodies.values():
        page = urls.body(body.id)
        out = [front_matter(title=body.name), f"# {text(body.name)}\n\n"]
        if body.parent:
            out.append(f"{ctx.body(body.parent, page)}\n\n")
        if body.posts:
            out.append(table([t("value"), ""], [[text(p.title), ""] for p in body.posts.values()]) + "\n")
        out.append(_mentions(ctx, "body", body.id, page))
        pages[page] = "".join(out)
    pages[urls.TASKS] = _index(ctx, t("tasks"), urls.TASKS,
                               [(task.title, urls.task(task.id)) for task in reg.tasks.values()])
    pages[urls.AGENCIES] = _index(ctx, t("agencies"), urls.AGENCIES,
                                  [(a.name, urls.agency(a.id)) for a in reg.agencies.values()])
    pages[urls.PEOPLE] = _index(ctx, t("people"), urls.PEOPLE,
                                [(p.name, urls.person(p.id)) for p in reg.people.values()])
    pages[urls.BODIES] = _index(ctx, t("bodies"), urls.BODIES,
                                [(b.name, urls.body(b.id)) for b in reg.bodies.values()])
    return pages


def _index(ctx: Context, title: str, page: str, items: list[tuple[str, str]]) -> str:
    lines = "".join(f"- {link(name, urls.relative(page, target))}\n" for name, target in sorted(items))
    return front_matter(title=title) + f"# {text(title)}\n\n" + (lines or ctx.t("none")) + "\n"
