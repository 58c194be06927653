"""One action as one line of HTML, linking every task, agency, person and body it names."""
from __future__ import annotations

from generator.core import urls
from generator.core.derive.tenures import same_holder
from generator.core.model import Action
from generator.core.render.context import Context
from generator.core.render.markup import text


def describe(ctx: Context, action: Action, page: str) -> str:
    # the same line, on every page of a folder (see Context._links); the link to the action's
    # paragraph is "#d-…" on its own document's page only
    key = (id(action), ctx.where(page), page == urls.document(action.doc))
    line = ctx.described.get(key)
    if line is None:
        line = ctx.described[key] = _describe(ctx, action, page)
    return line


def _describe(ctx: Context, action: Action, page: str) -> str:
    t = ctx.t
    kind = action.kind
    if kind in ("assign", "transfer", "report"):
        subject = ctx.task(action.task, page) if action.task else ""
    else:
        subject = ""
    parts: list[str] = []
    if kind == "assign":
        parts.append(subject)
        parts.extend(_lead_with_due(ctx, action, page))
    elif kind == "transfer":
        parts.append(f"{subject} — {t('from')} {ctx.agency(action.from_, page)} "
                     f"{t('to')} {ctx.agency(action.to, page)}")
        if action.effective:
            parts.append(t.period(action.effective))
    elif kind in ("appoint", "relieve"):
        parts.append(f"{ctx.body(action.body, page)}: {ctx.post(action)} — {ctx.holder(action.holder, page)}")
    elif kind == "holds":
        where = ctx.body(action.body, page) if action.body else ctx.agency(action.agency, page)
        line = f"{where}: {ctx.post(action)} — {ctx.holder(action.holder, page)}"
        if action.date:
            line += f" ({t.period(action.date)})"
        parts.append(line)
    elif kind in ("designate", "withdraw"):
        role = text(action.role)
        if action.body:
            role = text(ctx.register.bodies[action.body].roles.get(action.role, action.role))
            role += f" — {ctx.body(action.body, page)}"
        line = f"{ctx.agency(action.agency, page)}: {role}"
        if action.get("replaces"):
            line += f" ({t('replacing')} {ctx.agency(action.replaces, page)})"
        parts.append(line)
    elif kind == "establish":
        line = ctx.body(action.body, page)
        if action.replaces:
            line += f" ({t('replacing')} {ctx.body(action.replaces, page)})"
        parts.append(line)
    elif kind == "scope":
        parts.append(f"{ctx.body(action.body, page)}: {t('adds')} «{text(action.add)}»")
    elif kind == "request":
        what = t(f"what_{action.what}") if action.what else ""
        head = f"{what} " if what else ""
        if action.target_key:
            head += ctx.document(action.target_key, page)
        if action.title:
            head += ("" if not action.target_key else " — ") + f"«{text(action.title)}»"
        parts.append(head)
        parts.extend(_lead_with_due(ctx, action, page))
    elif kind in ("amend", "replace", "repeal"):
        line = ctx.document(action.target_key, page) if action.target_key else text(action.target)
        if action.what:
            line += f": {text(action.what)}"
        parts.append(line)
    elif kind == "compose":
        seats = []
        body = ctx.register.bodies[action.body]
        for member in action.members:
            holder = ctx.holder(member.holder, page) if member.holder else f"<em>{t('holder_unknown')}</em>"
            seats.append(f"{text(body.posts[member.post].title)} — {holder}")
        line = f"{ctx.body(action.body, page)}: " + ("; ".join(seats) if seats else "")
        if action.count is not None:
            line += f"{'; ' if seats else ''}{t.count(action.count, 'members_count')}"
        if not action.complete:
            line += f" (<em>{t('list_incomplete')}</em>)"
        parts.append(line)
    elif kind == "rename":
        where = ctx.body(action.body, page) if action.body else ctx.agency(action.agency, page)
        new = f"«{text(action.name)}»"
        extra = ", ".join(text(x) for x in (action.short, action.abbr) if x)
        parts.append(f"{where}: {t('renamed_to')} {new}" + (f" ({extra})" if extra else ""))
    elif kind == "report":
        status = t(f"report_{action.status}") if action.status else ""
        line = f"{subject} — {status}"
        if action.date:
            line += f" ({t.period(action.date)})"
        if action.text:
            line += f": «{text(action.text)}»"
        parts.append(line)
    sentence = "; ".join(p for p in parts if p)
    if action.effective and kind != "transfer":
        sentence += f" ({t('takes_effect')} {t.period(action.effective)})"
    if action.inferred:
        sentence += f" — <em>{t('inferred')}: {text(action.inferred)}</em>"
    if action.pending:
        request_ref = f"{action.doc}#{action.pending}"
        fulfilled = ctx.rel.enacted_by.get(action.ref, [])
        if fulfilled:
            sentence += f" — <em>{t('directed_enacted')}</em> " + ", ".join(ctx.fulfilled_by(k, request_ref, page)
                                                                      for k in fulfilled)
        else:
            sentence += f" — <em>{t('directed')}</em>"
            target = ctx.register.action(request_ref)
            if target and target.target_key:
                sentence += f" ({t('pending_on')} {ctx.document(target.target_key, page)})"
            seen = _observed_in_effect(ctx, action)
            if seen is not None:  # a later source shows the change made, by a document not held
                day = seen.get("date") or ctx.register.documents[seen.doc].issued
                sentence += (f"; <em>{t('observed_in_effect')}</em> {ctx.document(seen.doc, page)} "
                             f"({text(t.period(day))}) {ctx.paragraph(seen, page)}".rstrip())
    para = ctx.paragraph(action, page)
    return f"{sentence} {para}".strip()


def request_state(ctx: Context, action, page: str) -> str:
    """Where a request stands: fulfilled wholly, in part (which changes), or not yet."""
    t = ctx.t
    ref = f"{action.doc}#{action.id}" if action.id else None
    wholly = ctx.rel.wholly_fulfilled_by.get(ref, []) if ref else []
    partly = [k for k in ctx.rel.fulfilled_by.get(ref, []) if k not in wholly] if ref else []
    if wholly:
        return (f"<em>{t('request_fulfilled')}</em> " + ", ".join(ctx.fulfilled_by(k, ref, page) for k in wholly))
    if partly:
        return (f"<em>{t('request_partly')}</em> " + ", ".join(ctx.fulfilled_by(k, ref, page) for k in partly))
    return (f"<em>{t('request_pending')}</em>")


def _observed_in_effect(ctx: Context, action: Action) -> Action | None:
    """A later observation (`holds`) of the holder a directed appointment names, in that post:
    the change was made, though no document in the register is recorded as enacting it."""
    if action.kind != "appoint" or not action.holder:
        return None
    history = ctx.register.derived.tenures.posts.get((("body", action.body), action.post))
    directed_on = ctx.register.documents[action.doc].issued.end
    for tenure in history.tenures if history else []:
        if tenure.start_action is None and same_holder(tenure, action.holder):
            for seen in tenure.observed:
                day = seen.get("date") or ctx.register.documents[seen.doc].issued
                if day.start > directed_on:
                    return seen
    return None


def _lead_with_due(ctx: Context, action: Action, page: str) -> list[str]:
    """Who leads, who co-operates, and by when: shared by assignments and requests."""
    parts = []
    if action.lead:
        parts.append(f"{ctx.t('lead')}: {ctx.agency(action.lead, page)}")
    if action.with_:
        parts.append(f"{ctx.t('with')}: " + ", ".join(ctx.agency(a, page) for a in action.with_))
    parts.append(_due(ctx, action))
    return parts


def _due(ctx: Context, action: Action) -> str:
    if not action.due:  # the words of the source, when they do not fix a date ("trong tháng 6")
        return f"{ctx.t('due')}: «{text(action.due_phrase)}» ({ctx.t('due_undetermined')})" \
            if action.due_phrase else ""
    out = f"{ctx.t('due')}: {ctx.t.period(action.due)}"
    if action.due_phrase:
        out += f" («{text(action.due_phrase)}»)"
    return out
