"""Dated events for timelines and the deadlines view, derived from documents and their actions."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Action, Document, Register
from ..periods import Period, deadline_status
from ..relations import Relations


@dataclass
class Event:
    when: Period
    kind: str                 # issued | meeting | transfer | appoint | relieve | designate | establish
                              # | scope | assign | request | report | due
    doc: str
    action: Action | None = None

    @property
    def sort_key(self):
        return (self.when.start, self.when.end, self.doc, self.action.index if self.action else -1, self.kind)


def events_of(doc: Document) -> list[Event]:
    """Every dated event one document records."""
    out = [Event(doc.issued, "issued", doc.key)]
    if doc.meeting:
        out.append(Event(doc.meeting, "meeting", doc.key))
    for action in doc.actions:
        when = action.effective or (action.date if action.kind in ("report", "holds") else None) or doc.issued
        if action.kind != "holds":
            out.append(Event(when, action.kind, doc.key, action))
        if action.due:
            out.append(Event(action.due, "due", doc.key, action))
    return out


def all_events(register: Register) -> list[Event]:
    events = [e for doc in register.documents.values() for e in events_of(doc)]
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
            if not action.due:
                continue
            done_on, done_by = None, None
            if action.kind == "request" and action.id:
                fulfilling = relations.fulfilled_by.get(f"{doc.key}#{action.id}", [])
                if fulfilling:
                    first = min(fulfilling, key=register.issued_start)
                    done_on, done_by = register.issued_start(first), first
            elif action.task and custody:
                record = custody.tasks.get(action.task)
                if record and record.done:
                    done_on, done_by = record.done.date, record.done.action.doc
            out.append(Deadline(action, action.due, done_on, done_by))
    return sorted(out, key=lambda d: (d.due.end, d.due.start, d.action.doc, d.action.index))
