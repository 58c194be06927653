"""Person pages, and the tenure tables shared by person, agency and body pages."""
from __future__ import annotations

from generator.core import urls
from generator.core.derive.tenures import PostHistory, Tenure
from generator.core.model import Holder, Person
from generator.core.render.actions import describe
from generator.core.render.context import Context
from markupsafe import Markup

from generator.core.render.markup import render_page, text
from generator.core.render.timeline import timeline_section


def post_title(ctx: Context, history: PostHistory) -> str:
    kind, owner = history.owner
    if kind == "body":
        body = ctx.register.bodies[owner]
        title = body.posts[history.post].title if history.post in body.posts else body.roles.get(history.post, history.post)
        return text(title)
    if kind == "agency":
        return text(ctx.register.agencies[owner].posts[history.post])
    return text(history.post)


def holder_text(ctx: Context, holder: Holder | str, page: str) -> str:
    return ctx.agency(holder, page) if isinstance(holder, str) else ctx.holder(holder, page)


def owner_link(ctx: Context, history: PostHistory, page: str) -> str:
    kind, owner = history.owner
    if kind == "body":
        return ctx.body(owner, page)
    if kind == "agency":
        return ctx.agency(owner, page)
    return ""


def seat_text(ctx: Context, tenure: Tenure, page: str) -> str:
    """The seat as the sources give it: the office, with the persons named in it and when."""
    seat = holder_text(ctx, tenure.holder, page)
    if not tenure.named:
        return seat
    dates: dict[str, list[str]] = {}
    for n in tenure.named:
        written = text(ctx.t.period(n.when))
        if written not in dates.setdefault(n.person, []):
            dates[n.person].append(written)
    named = ", ".join(f"{ctx.person(person, page)} ({', '.join(days)})" for person, days in dates.items())
    return f"{seat}<br>{ctx.t('named_in_seat')}: {named}"


def tenure_rows(ctx: Context, history: PostHistory, tenures: list[Tenure], page: str,
                with_post: bool = False, with_owner: bool = True,
                person: str | None = None) -> list[list[str]]:
    """Rows of a tenure table; on a person's page (`person`), a seat held by an office shows
    only the dates a source names that person, not the office's whole tenure."""
    t = ctx.t
    rows = []
    for tenure in tenures:
        by_office = person is not None and not isinstance(tenure.holder, str) and tenure.holder.person != person
        if by_office:
            namings = [n for n in tenure.named if n.person == person]
            start = f"{t('observed_on')} " + ", ".join(text(t.period(n.when)) for n in namings)
            ends_here = tenure.end_action is not None and tenure.end_action.get("holder") is not None and \
                tenure.end_action.holder.person == person
            end = text(t.period(tenure.end_when)) if ends_here and tenure.end_when else ""
            holder_cell = ctx.holder(Holder(person, tenure.holder.office), page)
        else:
            if tenure.start_when is not None:
                start = text(t.period(tenure.start_when))
            else:
                start = f"<em>{t('before_known')}</em>"
            end = text(t.period(tenure.end_when)) if tenure.end_when else ""
            holder_cell = seat_text(ctx, tenure, page) if not isinstance(tenure.holder, str) else \
                holder_text(ctx, tenure.holder, page)
        sources = []
        cited = [tenure.start_action, *tenure.observed, tenure.end_action]
        if by_office:  # the sources that name this person in the seat, and its end if it does
            cited = [n.action for n in tenure.named if n.person == person] + (
                [tenure.end_action] if ends_here else [])
        seen: set[int] = set()  # each source once (actions are not hashable: compared by identity)
        for action in [a for a in cited if a is not None and not (id(a) in seen or seen.add(id(a)))]:
            label = ctx.doc_label(action.doc)
            if action.kind == "holds":
                day = action.date or ctx.register.documents[action.doc].issued  # as derive dates it
                label = f"{t('observed_on')} {t.period(day)}"
            note = f" <em>({t('inferred_short')})</em>" if action.inferred else ""  # read into the text
            sources.append(f"{ctx.document(action.doc, page, label)} {ctx.paragraph(action, page)}{note}".strip())
        if tenure.enacted_by and not by_office:
            first = tenure.start_action
            request = f"{first.doc}#{first.pending}" if first and first.pending else ""
            sources.append(f"{t('enacted_by')} {ctx.fulfilled_by(tenure.enacted_by, request, page, brief=True)}")
        row = [holder_cell, start, end, "<br>".join(sources)]
        if with_post:
            post = post_title(ctx, history)
            owner = owner_link(ctx, history, page) if with_owner else ""
            row.insert(0, f"{post} — {owner}" if owner else post)
        rows.append(row)
    return rows


def directed_lines(ctx: Context, actions, page: str) -> list[Markup]:
    return [Markup(f"{ctx.t('act_' + a.kind)}: {describe(ctx, a, page)} — {ctx.document(a.doc, page)}")
            for a in actions]


def render_person(ctx: Context, person: Person) -> str:
    t, reg = ctx.t, ctx.register
    page = urls.person(person.id)
    held = [row for history, tenure in reg.derived.tenures.by_person.get(person.id, [])
            for row in tenure_rows(ctx, history, [tenure], page, with_post=True, person=person.id)]
    directed = directed_lines(ctx, reg.derived.tenures.directed_by_person.get(person.id, []), page)
    signed = [Markup(f"{ctx.document(d.key, page)} — {text(t.period(d.issued))}") for d in ctx.signed_by(person.id)]
    return render_page("person.html", dict(title=person.name), t=t, person=person,
                       aliases=Markup(", ".join(text(a) for a in person.aliases)), held=held,
                       directed=directed, signed=signed,
                       tl=timeline_section(ctx, ctx.events_by.get(("person", person.id), []), page))
