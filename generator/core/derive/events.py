"""Dated events for timelines and the deadlines view, derived from documents and their actions."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.core.derive.chronology import Chronology
from generator.core.derive.relations import Relations
from generator.core.model import WITH_DUE, Action, Document, Holds, Register, Report, Request
from generator.core.periods import Period, deadline_status


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
    action: Action            # the assign or request that set it
    due: Period
    done_on: date | None
    done_by: str | None       # a document key (request fulfilled) or None (report)

    def status(self, as_of: date) -> str:
        done_on = self.done_on if self.done_on and self.done_on <= as_of else None
        return deadline_status(self.due, as_of, done_on)


def deadlines(register: Register, relations: Relations) -> list[Deadline]:
    """Every dated task and request, earliest due first."""
    custody = register.derived.custody if register.derived else None
    out = []
    for doc in register.documents.values():
        for action in doc.actions:
            if not (isinstance(action, WITH_DUE) and action.due):
                continue
            done_on, done_by = None, None
            if isinstance(action, Request):
                # done when fulfilled whole: a document enacting some of its changes is not enough
                fulfilling = relations.wholly_fulfilled_by.get(f"{doc.key}#{action.id}", []) if action.id else []
                if fulfilling:
                    first = min(fulfilling, key=register.issued_start)
                    done_on, done_by = register.issued_start(first), first
            elif action.task and custody:
                record = custody.tasks.get(action.task)
                if record and record.done:
                    done_on, done_by = record.done.date, record.done.action.doc
            out.append(Deadline(action, action.due, done_on, done_by))
    return sorted(out, key=lambda d: (d.due.end, d.due.start, d.action.doc, d.action.index))
