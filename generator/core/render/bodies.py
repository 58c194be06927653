"""Body pages: each post and role over time as periods, directed changes kept apart, the
composition on every date it changed, and a timeline."""
from __future__ import annotations

from collections import Counter

from generator.core import urls
from generator.core.derive.tenures import PostHistory
from generator.core.model import Body, Holder
from generator.core.render.context import Context
from generator.core.render.markup import facts_line, front_matter, table, text
from generator.core.render.people import directed_lines, holder_text, post_title, tenure_rows
from generator.core.render.timeline import timeline_section


def heading_and_names(ctx: Context, kind: str, entry, page: str, parent_link: str | None) -> list[str]:
    """A body's or agency's title (its current name), its facts line, its note, and every
    earlier name with the document and date that changed it."""
    t = ctx.t
    names = ctx.register.derived.names.every(kind, entry.id)
    current = names[-1] if names else None
    title = current.name if current else entry.name
    short = current.short if current else entry.short
    out = [front_matter(title=title), f"# {text(title)}\n\n",
           facts_line(short, parent_link, entry.aliases)]
    if entry.note:
        out.append(f"{text(entry.note)}\n\n")
    if len(names) > 1:
        rows = []
        for i, name in enumerate(names):
            until = names[i + 1].since if i + 1 < len(names) else None
            source = (f"{ctx.document(name.action.doc, page)} {ctx.paragraph(name.action, page)}".strip()
                      if name.action else f"*{t('registry_name')}*")
            rows.append([text(name.name), text(name.short or ""), text(name.abbr or ""),
                         text(t.period(name.since)) if name.since else f"*{t('before_known')}*",
                         text(t.period(until)) if until else "", source])
        out.append(f"## {t('names_over_time')}\n\n" + table(
            [t("name"), t("short_name"), t("abbreviation"), t("start"), t("end"), t("source")], rows) + "\n")
    return out


def render_body(ctx: Context, body: Body) -> str:
    t, reg = ctx.t, ctx.register
    page = urls.body(body.id)
    out = [*heading_and_names(ctx, "body", body, page, body.parent and ctx.body(body.parent, page))]
    mentions = ctx.rel.mentions.get(("body", body.id), [])
    for kind, heading in (("establish", "established"), ("scope", "remit")):
        actions = [a for a in mentions if a.kind == kind]
        if actions:
            out.append(f"## {t(heading)}\n\n{directed_lines(ctx, actions, page)}\n")
    in_force = _posts(ctx, body, page, out, level=2)
    for child in (b for b in reg.bodies.values() if b.parent == body.id):
        out.append(f"## {ctx.body(child.id, page)}\n\n")
        _posts(ctx, child, page, out, level=3)
    out.append(_composition(ctx, in_force, page, body))
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


def _composition(ctx: Context, histories: list[PostHistory], page: str, body: Body) -> str:
    """The known composition from each date it changed, in the order of events (derive's
    replay): a seat held by an office shows the office, and a person only on a date a source
    names them there; after a restated composition, seats it lists without a holder and members
    it counts but does not list are shown as unknown, never as the earlier ones."""
    t = ctx.t
    snapshots = ctx.register.derived.tenures.compositions.get(body.id, [])
    if not snapshots:
        return ""
    order = {p: i for i, p in enumerate([*body.posts, *body.roles])}
    titles = {h.post: post_title(ctx, h) for h in ctx.register.derived.tenures.for_body(body.id)}
    out = [f"## {t('composition')}\n\n"]
    periods = Counter(snapshot.when for snapshot in snapshots)
    for snapshot in snapshots:
        by_post: dict[str, list[str]] = {}
        for seat in sorted(snapshot.seats, key=lambda s: order.get(s.post, len(order))):
            by_post.setdefault(seat.post, []).append(_seat_text(ctx, seat, page))
        rows = [[titles.get(post, text(post)), ", ".join(holders)] for post, holders in by_post.items()]
        last = snapshot.restated
        if last is not None:  # what the last restatement left unknown stays unknown until stated
            for post in last.unknown_seats:
                rows.append([text(body.posts[post].title), f"*{t('holder_unknown')}*"])
            if last.unlisted:
                rows.append([t("other_members"), f"*{t.count(last.unlisted, 'members_not_listed')}* — "
                             f"{ctx.document(last.action.doc, page)} {ctx.paragraph(last.action, page)}".strip()])
        # two documents of one month or year: each composition says which document made it
        shared = periods[snapshot.when] > 1 and snapshot.doc in ctx.register.documents
        source = f" {text('(' + t('per') + ' ' + ctx.doc_label(snapshot.doc) + ')')}" if shared else ""
        out.append(f"### {t('composition_on')} {text(t.period(snapshot.when))}{source}\n\n")
        out.append((table([t("post"), t("holder")], rows) or f"{t('none')}\n") + "\n")
    return "".join(out)


def _seat_text(ctx: Context, seat, page: str) -> str:
    tenure = seat.tenure
    if isinstance(tenure.holder, str) or not tenure.holder.office or not seat.named:
        return holder_text(ctx, tenure.holder, page)
    return ", ".join(ctx.holder(Holder(person, tenure.holder.office), page) for person in seat.named)
