"""Posts over time: who held each post of a body (or office of an agency) and each standing role.

A seat is held by an office (ex officio: "Bộ trưởng Bộ Tài chính", whoever that is) or by a
person. A person is *named* in an office's seat only on the dates a source names them: a later
decision that gives the office alone does not name the earlier holder again.

An appointment ordered by a conclusion notice that asks for a decision to be amended is
*directed*: it is kept apart, linked to the request, and takes effect only when a document
enacts it (fulfils the whole request, or names the change). A `holds` action is an
observation: the holder on that day. A `compose` action states a body's whole membership
("kiện toàn"): members it does not repeat leave on its date, and members it does not name are
unknown, never the previous ones.

Events are replayed in the order of chronology.py: a month-dated document is an interval, and a
check never reports an order the sources do not give, nor a date no file holds.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from generator.core.derive.chronology import Chronology
from generator.core.derive.relations import Relations
from generator.core.diagnostics import Diagnostics
from generator.core.model import (
    Action, Appoint, Compose, Designate, Holder, Holds, Register, Relieve, Withdraw)
from generator.core.periods import Period


@dataclass
class Naming:
    """A source names `person` as the holder of an office's seat, on `when`."""

    person: str
    when: Period
    action: Action


@dataclass
class Tenure:
    holder: Holder | str          # the seat: an office or a person (Holder), an agency id for roles
    start: date | None            # None: known only from an observation
    start_action: Action | None
    end: date | None = None
    end_action: Action | None = None
    observed: list[Action] = field(default_factory=list)
    enacted_by: str | None = None  # the document that enacted a directed change
    start_when: Period | None = None  # start and end as precisely as the sources give them
    end_when: Period | None = None
    named: list[Naming] = field(default_factory=list)  # persons named in an office's seat

    def held_on(self, day: date) -> bool:
        started = self.start is None or self.start <= day
        return started and (self.end is None or day < self.end)

    def names(self, person: str) -> bool:
        return any(n.person == person for n in self.named)


@dataclass
class PostHistory:
    owner: tuple[str, str]        # ("body", id) or ("agency", id)
    post: str
    tenures: list[Tenure] = field(default_factory=list)
    directed: list[Action] = field(default_factory=list)


@dataclass
class Restatement:
    """A composition stated whole ("kiện toàn"), as far as the source lists it."""

    action: Action
    when: Period
    unknown_seats: list[str]      # posts listed without their holder
    unlisted: int                 # members counted but not listed


@dataclass(slots=True)
class Seat:
    post: str                     # a post of the body, or a standing role
    tenure: Tenure
    named: list[str]              # persons a source names in the seat on this date


@dataclass
class Composition:
    """A body's known composition from one date on, as the replay left it."""

    when: Period
    seats: list[Seat]
    restated: Restatement | None  # the last restatement: what it left unknown stays unknown
    doc: str = ""                 # the document whose events made it


@dataclass
class Tenures:
    posts: dict[tuple[tuple[str, str], str], PostHistory]
    roles: dict[tuple[str | None, str], PostHistory]
    by_person: dict[str, list[tuple[PostHistory, Tenure]]]
    by_agency: dict[str, list[tuple[PostHistory, Tenure]]]   # offices of the agency, roles it holds
    directed_by_person: dict[str, list[Action]]
    restated: dict[str, list[Restatement]] = field(default_factory=lambda: defaultdict(list))
    effect: dict[int, tuple[Period, str | None]] = field(default_factory=dict)  # id(action) -> when, enacted by
    compositions: dict[str, list[Composition]] = field(default_factory=lambda: defaultdict(list))
    # restated compositions directed, no document yet enacting them, by body: under no one post
    directed_compositions: dict[str, list[Compose]] = field(default_factory=lambda: defaultdict(list))

    # a body's post and role histories, indexed as they are made: a snapshot after each event
    # reads one body's, not every body's (linear in a large register)
    body_posts: dict[str, list[PostHistory]] = field(default_factory=lambda: defaultdict(list))
    body_roles: dict[str, list[PostHistory]] = field(default_factory=lambda: defaultdict(list))
    created: list[tuple[PostHistory, Tenure]] = field(default_factory=list)  # by the event replayed

    def for_body(self, body_id: str) -> list[PostHistory]:
        """The body's posts, then its roles, each in the order first met."""
        return [*self.body_posts.get(body_id, []), *self.body_roles.get(body_id, [])]

    def post_history(self, owner: tuple[str, str], post: str | None) -> PostHistory:
        history = self.posts.get((owner, post))
        if history is None:
            history = self.posts[(owner, post)] = PostHistory(owner, post)
            if owner[0] == "body":
                self.body_posts[owner[1]].append(history)
        return history

    def role_history(self, body: str | None, role: str) -> PostHistory:
        history = self.roles.get((body, role))
        if history is None:
            history = self.roles[(body, role)] = PostHistory(("body", body) if body else ("none", ""), role)
            if body:
                self.body_roles[body].append(history)
        return history


def seat_of(holder: Holder) -> Holder:
    """What holds a post: the office when the source gives one, else the person."""
    return Holder(None, holder.office) if holder.office else Holder(holder.person, None)


def same_holder(tenure: Tenure, holder: Holder | str) -> bool:
    seat = tenure.holder
    if isinstance(seat, str) or isinstance(holder, str):
        return seat == holder
    if holder.office:
        return seat.office == holder.office or (seat.person is not None and seat.person == holder.person)
    return seat.person == holder.person or tenure.names(holder.person)


KINDS = (Appoint, Relieve, Holds, Designate, Withdraw, Compose)
HOLDER_KINDS = (Appoint, Relieve, Holds)  # a post's holder; designate and withdraw: a role's agency
ROLE_KINDS = (Designate, Withdraw)


def derive_tenures(register: Register, relations: Relations, chronology: Chronology,
                   diags: Diagnostics) -> Tenures:
    tenures = Tenures({}, {}, defaultdict(list), defaultdict(list), defaultdict(list))
    events = []
    for doc in register.documents.values():
        for action in doc.actions:
            if not isinstance(action, KINDS):
                continue
            enacted_by, place_doc = None, doc.key
            if action.pending:
                enacting = relations.enacted_by.get(action.ref, [])
                if not enacting:  # kept apart until a document enacts it
                    if isinstance(action, Compose):  # under no one post: the body's own list
                        tenures.directed_compositions[action.body].append(action)
                    else:
                        _history(tenures, action, action.body).directed.append(action)
                    if isinstance(action, HOLDER_KINDS) and action.holder and action.holder.person:
                        tenures.directed_by_person[action.holder.person].append(action)
                    continue
                enacted_by = min(enacting, key=lambda k: _doc_order(register, chronology, k))
                period = _takes_effect(register, enacted_by)
                if enacted_by in register.documents:
                    place_doc = enacted_by
                place = chronology.place(place_doc, action.index, None if enacted_by in register.documents
                                         else period)
            elif isinstance(action, Holds) and action.date:
                period = action.date
                place = chronology.place(doc.key, action.index, period)
            else:
                period = action.effective or doc.takes_effect
                place = chronology.place(doc.key, action.index, action.effective or doc.effective,
                                         after_issue=True)
            tenures.effect[id(action)] = (period, enacted_by)
            events.append((place, place_doc, period, action, enacted_by))
    events.sort(key=lambda e: e[0])
    for at, (place, place_doc, period, action, enacted_by) in enumerate(events):
        _replay(register, chronology, tenures, events, at, diags)
        if action.body:
            _snapshot(tenures, action.body, period, place_doc)
        tenures.created.clear()
    _index(tenures)
    return tenures


def _replay(register: Register, chronology: Chronology, tenures: Tenures, events: list, at: int,
            diags: Diagnostics) -> None:
    place, place_doc, period, action, enacted_by = events[at]
    # a person is named on the date of the document that names them: a directed appointment
    # names them in the document that directs it, whenever the change is enacted
    named_on = (action.get("date") or register.documents[action.doc].issued) if enacted_by else period
    if isinstance(action, Compose):
        _compose(register, tenures, action, period, enacted_by)
        return
    history = _history(tenures, action, action.body)
    holder = action.agency if isinstance(action, ROLE_KINDS) else action.holder
    if holder is None:
        return
    open_now = [t for t in history.tenures if t.end is None]
    mine = next((t for t in open_now if same_holder(t, holder)), None)
    several = _several(register, action)
    if isinstance(action, (Appoint, Designate)):
        if mine is not None:
            _name(mine, holder, named_on, action)
            return  # already holds it: nothing changes
        if isinstance(action, Designate) and action.replaces:
            for t in open_now:
                if t.holder == action.replaces:
                    t.end, t.end_action, t.end_when = period.start, action, period
            open_now = [t for t in open_now if t.end is None]
        if open_now and not several:
            other = open_now[0]
            source = other.start_action or other.observed[0]
            diags.error(action.loc, f"post {history.post!r} would have two holders at once: "
                                    f"{_label(other.holder)} (since {source.loc.path}:{source.loc.line}) "
                                    f"and {_label(holder)} ({period}); relieve the first, restate the "
                                    "composition (compose), or allow several holders in bodies.yml")
            return
        seat = holder if isinstance(holder, str) else seat_of(holder)
        tenure = Tenure(seat, period.start, action, enacted_by=enacted_by, start_when=period)
        _name(tenure, holder, named_on, action)
        _add(tenures, history, tenure)
    elif isinstance(action, Withdraw):  # an agency's standing role ends
        if mine is None:
            diags.error(action.loc, f"withdraw: {action.agency!r} does not hold the role {action.role!r} "
                                    f"on {period} in the register's records; record its designation, "
                                    "or name the agency that holds the role")
            return
        mine.end, mine.end_action, mine.end_when = period.start, action, period
    elif isinstance(action, Relieve):
        if mine is None:
            diags.error(action.loc, _not_holding(register, chronology, events, at, history, holder))
            return
        start = mine.start_action
        if start is not None and start.doc == action.doc and mine.start_when == period:
            diags.error(action.loc, f"relieve: {_label(holder)} is given post {history.post!r} and "
                                    f"relieved of it on {period} by the same document "
                                    f"(appointed on line {start.loc.line}); keep the one the text orders")
            return
        mine.end, mine.end_action, mine.end_when = period.start, action, period
    elif isinstance(action, Holds):
        if mine is None:
            if not several:
                for other in open_now:  # someone else held it before: they left by now
                    other.end, other.end_when = period.start, period
            mine = Tenure(seat_of(holder), None, None)
            _add(tenures, history, mine)
        mine.observed.append(action)
        _name(mine, holder, period, action)


def _add(tenures: Tenures, history: PostHistory, tenure: Tenure) -> None:
    history.tenures.append(tenure)
    tenures.created.append((history, tenure))


def _snapshot(tenures: Tenures, body: str, period: Period, doc: str) -> None:
    """The body's composition after an event: one per date and document (the last event of
    them wins; two documents of one month give two, in their order).
    Built from the last one (its seats still held, then the seats this event created), so a
    snapshot costs what the body holds now, not every seat it ever had."""
    history = tenures.compositions[body]
    previous = [(seat.post, seat.tenure) for seat in history[-1].seats] if history else []
    created = [(h.post, t) for h, t in tenures.created if h.owner == ("body", body)]
    seats = []
    for post, tenure in [*previous, *created]:
        if tenure.end is None:
            named = [n.person for n in tenure.named if n.when == period] if tenure.named else []
            seats.append(Seat(post, tenure, list(dict.fromkeys(named)) if len(named) > 1 else named))
    restated = tenures.restated.get(body)
    snapshot = Composition(period, seats, restated[-1] if restated else None, doc)
    if history and history[-1].when == period and history[-1].doc == doc:
        history[-1] = snapshot
    else:
        history.append(snapshot)


def _index(tenures: Tenures) -> None:
    for history in list(tenures.posts.values()) + list(tenures.roles.values()):
        for tenure in history.tenures:
            if isinstance(tenure.holder, str):
                tenures.by_agency[tenure.holder].append((history, tenure))
                continue
            persons = [tenure.holder.person] if tenure.holder.person else []
            for person in dict.fromkeys([*persons, *(n.person for n in tenure.named)]):
                tenures.by_person[person].append((history, tenure))
            if tenure.holder.office:
                tenures.by_agency[tenure.holder.office.split("/")[0]].append((history, tenure))


def _name(tenure: Tenure, holder: Holder | str, period: Period, action: Action) -> None:
    """A source names this person in an office's seat on this date."""
    if isinstance(holder, str) or isinstance(tenure.holder, str):
        return
    if holder.person and tenure.holder.office:
        tenure.named.append(Naming(holder.person, period, action))


def _compose(register: Register, tenures: Tenures, action: Compose, period: Period,
             enacted_by: str | None) -> None:
    """A restated composition: members it repeats stay, members it names join, every other
    member of the body's posts leaves on its date, with it as the source."""
    body = register.bodies[action.body]
    kept: set[int] = set()
    unknown_seats = []
    for member in action.members:
        history = tenures.post_history(("body", body.id), member.post)
        if member.holder is None:
            unknown_seats.append(member.post)
            continue
        open_now = [t for t in history.tenures if t.end is None and id(t) not in kept]
        mine = next((t for t in open_now if same_holder(t, member.holder)), None)
        if mine is None:
            mine = Tenure(seat_of(member.holder), period.start, action, enacted_by=enacted_by,
                          start_when=period)
            _add(tenures, history, mine)
        else:
            mine.observed.append(action)
        _name(mine, member.holder, period, action)
        kept.add(id(mine))
    for post in body.posts:
        history = tenures.posts.get((("body", body.id), post))
        for tenure in history.tenures if history else []:
            if tenure.end is None and id(tenure) not in kept:
                tenure.end, tenure.end_action, tenure.end_when = period.start, action, period
    listed = len(action.members)
    unlisted = (action.count - listed) if action.count is not None else 0
    tenures.restated[body.id].append(Restatement(action, period, unknown_seats, unlisted))


def _not_holding(register: Register, chronology: Chronology, events: list, at: int,
                 history: PostHistory, holder: Holder | str) -> str:
    """Why a relief finds no holder: say so without asserting an order the sources do not give."""
    place, place_doc, period, action, _ = events[at]
    for later_place, later_doc, later_period, later, _ in events[at + 1:]:
        if not isinstance(later, (Appoint, Designate, Holds, Compose)):
            continue
        if isinstance(later, Compose):
            names_it = any(m.holder == holder for m in later.members)
        else:
            given = later.agency if isinstance(later, Designate) else later.holder
            names_it = given == holder or (isinstance(given, Holder) and isinstance(holder, Holder)
                                           and (given.person and given.person == holder.person
                                                or given.office and given.office == holder.office))
        if names_it and not chronology.known_before(place, later_place, place_doc, later_doc):
            return (f"relieve: the sources do not say whether this relief ({period}) comes after "
                    f"{later.loc.path}:{later.loc.line} ({later_period}), which gives {_label(holder)} "
                    f"post {history.post!r}; state the order: list the request this document "
                    "fulfils (fulfills:), the document it cites (cites:), or bound its date "
                    "(e.g. 2019-09..2019-09-18)")
    return (f"relieve: {_label(holder)} does not hold post {history.post!r} on {period} in the "
            "register's records; record the appointment, or relieve the holder the text names")


def _takes_effect(register: Register, key: str) -> Period:
    doc = register.documents.get(key)
    if doc is not None:
        return doc.takes_effect
    cited = register.cited[key]
    if cited.dates:
        day = min(cited.dates)
        return Period(day.year, None, day.month, day.day)
    return min(cited.partial, key=lambda p: (p.start, p.end))


def _doc_order(register: Register, chronology: Chronology, key: str) -> tuple:
    if key in register.documents:
        return chronology.doc_key(key)
    period = _takes_effect(register, key)
    return (period.start, period.end, -1)


def _history(tenures: Tenures, action: Action, body: str | None) -> PostHistory:
    if isinstance(action, ROLE_KINDS):
        return tenures.role_history(action.body, action.role)
    owner = ("body", body) if body else ("agency", action.get("agency"))
    return tenures.post_history(owner, action.get("post"))


def _several(register: Register, action: Action) -> bool:
    if isinstance(action, ROLE_KINDS):
        return False
    if action.body:
        return register.bodies[action.body].posts[action.post].several
    return False


def _label(holder: Holder | str) -> str:
    if isinstance(holder, str):
        return repr(holder)
    return " / ".join(repr(x) for x in (holder.person, holder.office) if x)
