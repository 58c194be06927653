"""Dated events for timelines and the deadlines view, derived from documents and their actions."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.core.derive.chronology import Chronology
from generator.core.derive.relations import Relations
from generator.core.derive.custody import TaskRecord
from generator.core.derive.status import Status, judge, task_status
from generator.core.model import WITH_DUE, Action, Document, Holds, Register, Report, Request
from generator.core.periods import Period


@dataclass
class Event:
    when: Period
    kind: str                 # issued | meeting | transfer | appoint | relieve | designate | establish
                              # | scope | assign | request | report | due | compose | rename
    doc: str
    action: Action | None = None
    place: tuple | None = None  # chronology.place: where the sources put it among the others

    @property
    def sort_key(self):
        index = self.action.index if self.action else -1
        if self.place is not None:
            return (*self.place, self.kind)
        return (self.when.start, self.when.end, -1, index, self.kind)


def events_of(doc: Document, chronology: Chronology | None = None) -> list[Event]:
    """Every dated event one document records, each placed by the one rule of chronology.py."""
    def event(when: Period, kind: str, action: Action | None = None, own: Period | None = None,
              after_issue: bool = False, index: int = -1) -> Event:
        place = chronology.place(doc.key, index, own, after_issue) if chronology else None
        return Event(when, kind, doc.key, action, place)

    out = [event(doc.issued, "issued", index=-3)]
    if doc.meeting:
        out.append(event(doc.meeting, "meeting", own=doc.meeting, index=-2))
    for action in doc.actions:
        own = action.date if isinstance(action, (Report, Holds)) else None
        effective = action.effective or doc.effective
        when = effective or own or doc.issued
        if not isinstance(action, Holds):
            out.append(event(when, action.kind, action, effective or own, after_issue=own is None,
                             index=action.index))
        if isinstance(action, WITH_DUE) and action.due:
            out.append(event(action.due, "due", action, action.due, index=action.index))
    return out


def all_events(register: Register) -> list[Event]:
    chronology = register.derived.chronology if register.derived else None
    events = [e for doc in register.documents.values() for e in events_of(doc, chronology)]
    return sorted(events, key=lambda e: e.sort_key, reverse=True)


@dataclass
class Deadline:
    """A task's deadline in force (set by `action`, an assign), or a request's (`action` the
    request): one row of the deadlines view and of the open data's deadlines, whatever number
    of times the sources set or reset it. A task's completion is its record's; a request's is
    the issue of the document that fulfils it whole."""

    action: Action
    due: Period
    record: TaskRecord | None = None   # the task's, for a task's deadline
    fulfilled: Period | None = None    # a request's: when its fulfilling document was issued
    fulfilled_by: str | None = None
    fulfilled_on: date | None = None

    @property
    def task(self) -> str | None:
        return self.record.task.id if self.record else None

    @property
    def done_by(self) -> str | None:
        """The document that reports it done, or fulfils the request."""
        if self.record is not None:
            return self.record.done.action.doc if self.record.done else None
        return self.fulfilled_by

    @property
    def done_on(self) -> date | None:
        if self.record is not None:
            return self.record.done.date if self.record.done else None
        return self.fulfilled_on

    def status(self, as_of: date) -> Status:
        if self.record is not None:
            return task_status(self.record, as_of)
        return judge(as_of, self.due, self.action, self.fulfilled, None, self.fulfilled_by, self.fulfilled_on)


def deadlines(register: Register, relations: Relations) -> list[Deadline]:
    """Every task with a deadline (the one in force) and every dated request, earliest due first."""
    custody = register.derived.custody if register.derived else None
    out = []
    if custody:
        for record in custody.tasks.values():
            if record.due is None:
                continue
            out.append(Deadline(record.due_action, record.due, record))
    for doc in register.documents.values():
        for action in doc.actions:
            if not (isinstance(action, Request) and action.due):
                continue
            # done when fulfilled whole: a document enacting some of its changes is not enough
            fulfilling = relations.wholly_fulfilled_by.get(f"{doc.key}#{action.id}", []) if action.id else []
            dated = [k for k in fulfilling if register.issued_start(k) is not None]
            if dated:
                first = min(dated, key=register.issued_start)
                day = register.issued_start(first)
                issued = register.documents[first].issued if first in register.documents else \
                    Period(day.year, None, day.month, day.day)
                out.append(Deadline(action, action.due, fulfilled=issued, fulfilled_by=first, fulfilled_on=day))
                continue
            out.append(Deadline(action, action.due))
    return sorted(out, key=lambda d: (d.due.end, d.due.start, d.action.doc, d.action.index))
