"""Body pages: each post and role over time as periods, directed changes kept apart, the
composition on every date it changed, and a timeline."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from generator.core import urls
from generator.core.derive.tenures import PostHistory
from generator.core.model import Body, Holder
from generator.core.render.context import Context
from generator.core.render.markup import render_page, text
from generator.core.render.people import directed_lines, holder_text, post_title, tenure_rows
from generator.core.render.timeline import timeline_section


@dataclass
class Names:
    """What heads a body's or agency's page (templates/_macros.html, names): its title (its
    current name), a facts line, its note, and its names over time when it was renamed."""
    title: str
    facts: Markup
    note: str | None
    rows: list[list[str]]


def heading_and_names(ctx: Context, kind: str, entry, page: str, parent_link: str | None) -> Names:
    """A body's or agency's title (its current name), its facts line, its note, and every
    earlier name with the document and date that changed it."""
    t = ctx.t
    names = ctx.register.derived.names.every(kind, entry.id)
    current = names[-1] if names else None
    title = current.name if current else entry.name
    short = current.short if current else entry.short
    rows = []
    if len(names) > 1:
        for i, name in enumerate(names):
            until = names[i + 1].since if i + 1 < len(names) else None
            source = (f"{ctx.document(name.action.doc, page)} {ctx.paragraph(name.action, page)}".strip()
                      if name.action else f"<em>{t('registry_name')}</em>")
            rows.append([text(name.name), text(name.short or ""), text(name.abbr or ""),
                         text(t.period(name.since)) if name.since else f"<em>{t('before_known')}</em>",
                         text(t.period(until)) if until else "", source])
    return Names(title, Markup(facts_line(short, parent_link, entry.aliases)), entry.note, rows)


def facts_line(short: str | None, parent_link: str | None, aliases: list[str]) -> str:
    """The line under an agency's or body's name: short form · parent · other spellings."""
    facts = [f"<strong>{text(short)}</strong>"] if short else []
    if parent_link:
        facts.append(parent_link)
    if aliases:
        facts.append(", ".join(text(a) for a in aliases))
    return " · ".join(facts)


def render_body(ctx: Context, body: Body) -> str:
    t, reg = ctx.t, ctx.register
    page = urls.body(body.id)
    names = heading_and_names(ctx, "body", body, page, body.parent and ctx.body(body.parent, page))
    mentions = ctx.rel.mentions.get(("body", body.id), [])
    remits = [(t(heading), directed_lines(ctx, [a for a in mentions if a.kind == kind], page))
              for kind, heading in (("establish", "established"), ("scope", "remit"))]
    own, in_force = _posts(ctx, body, page, level=2)
    parts = [own]
    for child in (b for b in reg.bodies.values() if b.parent == body.id):
        part, _ = _posts(ctx, child, page, level=3)
        part["heading"] = Markup(ctx.body(child.id, page))
        parts.append(part)
    return render_page("body.html", dict(title=names.title), t=t, names=names,
                       remits=[r for r in remits if r[1]], parts=parts,
                       compositions=_composition(ctx, in_force, page, body),
                       tl=timeline_section(ctx, ctx.events_by.get(("body", body.id), []), page))


def _posts(ctx: Context, body: Body, page: str, level: int) -> tuple[dict, list[PostHistory]]:
    """The body's posts and roles over time, then the changes directed but not yet enacted."""
    histories = ctx.register.derived.tenures.for_body(body.id)
    order = {p: i for i, p in enumerate([*body.posts, *body.roles])}
    histories.sort(key=lambda h: order.get(h.post, len(order)))
    in_force = [h for h in histories if h.tenures]
    posts = [row for h in in_force for row in tenure_rows(ctx, h, h.tenures, page, with_post=True, with_owner=False)]
    tenures = ctx.register.derived.tenures
    directed = directed_lines(ctx, [a for h in histories for a in h.directed]
                              + tenures.directed_compositions.get(body.id, []), page)
    return dict(heading=None, level=level, posts=posts, directed=directed), in_force


def _composition(ctx: Context, histories: list[PostHistory], page: str, body: Body) -> list[tuple[Markup, list]]:
    """The known composition from each date it changed, in the order of events (derive's
    replay): a seat held by an office shows the office, and a person only on a date a source
    names them there; after a restated composition, seats it lists without a holder and members
    it counts but does not list are shown as unknown, never as the earlier ones."""
    t = ctx.t
    snapshots = ctx.register.derived.tenures.compositions.get(body.id, [])
    if not snapshots:
        return []
    order = {p: i for i, p in enumerate([*body.posts, *body.roles])}
    titles = {h.post: post_title(ctx, h) for h in ctx.register.derived.tenures.for_body(body.id)}
    out = []
    periods = Counter(snapshot.when for snapshot in snapshots)
    for snapshot in snapshots:
        by_post: dict[str, list[str]] = {}
        for seat in sorted(snapshot.seats, key=lambda s: order.get(s.post, len(order))):
            by_post.setdefault(seat.post, []).append(_seat_text(ctx, seat, page))
        rows = [[titles.get(post, text(post)), ", ".join(holders)] for post, holders in by_post.items()]
        last = snapshot.restated
        if last is not None:  # what the last restatement left unknown stays unknown until stated
            for post in last.unknown_seats:
                rows.append([text(body.posts[post].title), f"<em>{t('holder_unknown')}</em>"])
            if last.unlisted:
                rows.append([t("other_members"), f"<em>{t.count(last.unlisted, 'members_not_listed')}</em> — "
                             f"{ctx.document(last.action.doc, page)} {ctx.paragraph(last.action, page)}".strip()])
        # two documents of one month or year: each composition says which document made it
        shared = periods[snapshot.when] > 1 and snapshot.doc in ctx.register.documents
        source = f" {text('(' + t('per') + ' ' + ctx.doc_label(snapshot.doc) + ')')}" if shared else ""
        out.append((Markup(f"{t('composition_on')} {text(t.period(snapshot.when))}{source}"), rows))
    return out


def _seat_text(ctx: Context, seat, page: str) -> str:
    tenure = seat.tenure
    if isinstance(tenure.holder, str) or not tenure.holder.office or not seat.named:
        return holder_text(ctx, tenure.holder, page)
    return ", ".join(ctx.holder(Holder(person, tenure.holder.office), page) for person in seat.named)
