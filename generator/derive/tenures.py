"""Posts over time: who held each post of a body (or office of an agency) and each standing role.

An appointment ordered by a conclusion notice that asks for a decision to be amended is
*directed*: it is kept apart, linked to the request, and takes effect only when a document in
the register fulfils that request. A `holds` action is an observation: the holder on that day.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from ..diagnostics import Diagnostics
from ..model import Action, Holder, Register
from ..relations import Relations
from ..periods import Period


@dataclass
class Tenure:
    holder: Holder | str          # a Holder for posts, an agency id for roles
    start: date | None            # None: known only from an observation
    start_action: Action | None
    end: date | None = None
    end_action: Action | None = None
    observed: list[Action] = field(default_factory=list)
    enacted_by: str | None = None  # the document that enacted a directed change
    start_when: Period | None = None  # start and end as precisely as the sources give them
    end_when: Period | None = None

    def held_on(self, day: date) -> bool:
        started = self.start is None or self.start <= day
        return started and (self.end is None or day < self.end)


@dataclass
class PostHistory:
    owner: tuple[str, str]        # ("body", id) or ("agency", id)
    post: str
    tenures: list[Tenure] = field(default_factory=list)
    directed: list[Action] = field(default_factory=list)


@dataclass
class Tenures:
    posts: dict[tuple[tuple[str, str], str], PostHistory]
    roles: dict[tuple[str | None, str], PostHistory]
    by_person: dict[str, list[tuple[PostHistory, Tenure]]]
    by_agency: dict[str, list[tuple[PostHistory, Tenure]]]   # offices of the agency, roles it holds
    directed_by_person: dict[str, list[Action]]

    def for_body(self, body_id: str) -> list[PostHistory]:
        posts = [h for (owner, _), h in self.posts.items() if owner == ("body", body_id)]
        roles = [h for (owner, _), h in self.roles.items() if owner == body_id]
        return posts + roles


def same_holder(a: Holder | str, b: Holder | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return bool((a.person and a.person == b.person) or (a.office and a.office == b.office))


def derive_tenures(register: Register, relations: Relations, diags: Diagnostics) -> Tenures:
    events = []
    for doc in register.documents.values():
        for action in doc.actions:
            if action.kind not in ("appoint", "relieve", "holds", "designate"):
                continue
            enacted_by = None
            if action.pending:
                fulfilling = relations.fulfilled_by.get(f"{doc.key}#{action.pending}", [])
                if not fulfilling:
                    events.append((None, doc, action, None))
                    continue
                first = min(fulfilling, key=register.issued_start)
                enacted_by = first
                day = register.issued_start(first)
                period = register.documents[first].issued if first in register.documents else \
                    Period(day.year, None, day.month, day.day)
            elif action.kind == "holds" and action.date:
                period = action.date
            else:
                period = action.effective or doc.issued
            events.append((period, doc, action, enacted_by))
    tenures = Tenures({}, {}, defaultdict(list), defaultdict(list), defaultdict(list))
    directed = [e for e in events if e[0] is None]
    in_force = sorted((e for e in events if e[0] is not None),
                      key=lambda e: (e[0].start, e[1].issued.start, e[1].key, e[2].index))
    for _, doc, action, _ in directed:
        _history(register, tenures, action).directed.append(action)
        if action.holder and action.holder.person:
            tenures.directed_by_person[action.holder.person].append(action)
    for period, doc, action, enacted_by in in_force:
        when = period.start
        history = _history(register, tenures, action)
        holder = action.agency if action.kind == "designate" else action.holder
        open_now = [t for t in history.tenures if t.end is None]
        mine = next((t for t in open_now if same_holder(t.holder, holder)), None)
        several = _several(register, action)
        if action.kind in ("appoint", "designate"):
            if mine is not None:
                continue  # already holds it: nothing changes
            if action.kind == "designate" and action.replaces:
                for t in open_now:
                    if t.holder == action.replaces:
                        t.end, t.end_action, t.end_when = when, action, period
                open_now = [t for t in open_now if t.end is None]
            if open_now and not several:
                other = open_now[0]
                source = other.start_action or other.observed[0]
                diags.error(action.loc, f"post {history.post!r} would have two holders at once: "
                                        f"{_name(other.holder)} (since {source.loc.path}:{source.loc.line}) "
                                        f"and {_name(holder)}; relieve the first, or allow several "
                                        "holders in bodies.yml")
                continue
            history.tenures.append(Tenure(holder, when, action, enacted_by=enacted_by, start_when=period))
        elif action.kind == "relieve":
            if mine is None:
                diags.error(action.loc, f"relieve: {_name(holder)} does not hold post {history.post!r} "
                                        f"on {when}")
                continue
            start = mine.start_action
            if start is not None and start.doc == action.doc and mine.start == when:
                diags.error(action.loc, f"relieve: {_name(holder)} is given post {history.post!r} and "
                                        f"relieved of it on {when} by the same document "
                                        f"(appointed on line {start.loc.line}); keep the one the text orders")
                continue
            mine.end, mine.end_action, mine.end_when = when, action, period
        elif action.kind == "holds":
            if mine is None:
                if not several:
                    for other in open_now:  # someone else held it before: they left by now
                        if other.end is None:
                            other.end, other.end_when = when, period
                mine = Tenure(holder, None, None)
                history.tenures.append(mine)
            mine.observed.append(action)
    for history in list(tenures.posts.values()) + list(tenures.roles.values()):
        for tenure in history.tenures:
            if isinstance(tenure.holder, str):
                tenures.by_agency[tenure.holder].append((history, tenure))
            else:
                if tenure.holder.person:
                    tenures.by_person[tenure.holder.person].append((history, tenure))
                if tenure.holder.office:
                    tenures.by_agency[tenure.holder.office.split("/")[0]].append((history, tenure))
    return tenures


def _history(register: Register, tenures: Tenures, action: Action) -> PostHistory:
    if action.kind == "designate":
        key = (action.body, action.role)
        return tenures.roles.setdefault(key, PostHistory(("body", action.body) if action.body else
                                                         ("none", ""), action.role))
    owner = ("body", action.body) if action.body else ("agency", action.agency)
    return tenures.posts.setdefault((owner, action.post), PostHistory(owner, action.post))


def _several(register: Register, action: Action) -> bool:
    if action.kind == "designate":
        return False
    if action.body:
        return register.bodies[action.body].posts[action.post].several
    return False


def _name(holder: Holder | str) -> str:
    if isinstance(holder, str):
        return repr(holder)
    return " / ".join(repr(x) for x in (holder.person, holder.office) if x)
