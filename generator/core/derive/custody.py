"""Custody of tasks: who was given each task, where it moved, on whose order, and its deadline.

Assignments and transfers are replayed in the order they took effect; a task moves only from
the agency that holds it, and cannot go to two agencies on one day.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from generator.core.derive.chronology import Chronology
from generator.core.derive.relations import Relations
from generator.core.diagnostics import Diagnostics
from generator.core.model import ON_TASK, Action, Assign, Document, Register, Report, Task, Transfer
from generator.core.periods import Period


@dataclass
class Step:
    """One link of a task's chain of custody, with the date it took effect."""

    action: Action
    date: date
    holder: str | None  # the lead agency after this step
    when: Period | None = None  # the date as precisely as the sources give it (for display)


@dataclass
class TaskRecord:
    task: Task
    steps: list[Step] = field(default_factory=list)
    holder: str | None = None
    holder_since: Step | None = None
    co_operating: list[str] = field(default_factory=list)
    due: Period | None = None
    due_action: Action | None = None
    done: Step | None = None
    directed: list[Action] = field(default_factory=list)  # ordered, pending the enacting document


@dataclass
class Custody:
    tasks: dict[str, TaskRecord]
    held_now: dict[str, list[str]]
    received: dict[str, list[Step]]
    handed_over: dict[str, list[Step]]
    leads: dict[str, list[Step]]
    cooperates: dict[str, list[Step]]


def takes_effect(action: Action, doc: Document) -> Period:
    """When an action took effect, as precisely as the sources give it: its own date where it
    has one, else the document's effective date, else its issue."""
    return action.effective or doc.takes_effect


def effective_date(action: Action, doc: Document) -> date:
    return takes_effect(action, doc).start


def derive_custody(register: Register, relations: Relations, chronology: Chronology,
                   diags: Diagnostics) -> Custody:
    events = []
    records = {task_id: TaskRecord(task) for task_id, task in register.tasks.items()}
    for doc in register.documents.values():
        for action in doc.actions:
            if not (isinstance(action, ON_TASK) and action.task):
                continue
            if action.pending:  # directed: takes effect when a document enacts it
                enacting = [k for k in relations.enacted_by.get(action.ref, []) if k in register.documents]
                if not enacting:
                    records[action.task].directed.append(action)
                    continue
                first = min(enacting, key=chronology.doc_key)
                place = chronology.place(first, action.index)
                events.append(((place[0], place[1], place[2], 0 if action.title else 1, action.index,
                                register.documents[first].takes_effect), doc, action))
                continue
            own = action.effective or doc.effective
            place = chronology.place(doc.key, action.index, own, after_issue=True)
            events.append(((place[0], place[1], place[2], 0 if action.title else 1, action.index,
                            takes_effect(action, doc)), doc, action))
    events.sort(key=lambda e: e[0][:5])
    custody = Custody(records, defaultdict(list), defaultdict(list), defaultdict(list),
                      defaultdict(list), defaultdict(list))
    moved_on: dict[tuple[str, Period], Action] = {}

    def unordered(at: int) -> str:
        """A later step of the same task the sources do not put after this one, if any."""
        (lo, hi, rank, _, index, when), doc, action = events[at]
        for (lo2, hi2, rank2, _, index2, when2), doc2, other in events[at + 1:]:
            if other.task == action.task and not chronology.known_before(
                    (lo, hi, rank, index), (lo2, hi2, rank2, index2), doc.key, doc2.key):
                return (f"; the sources do not say whether it comes after {other.loc.path}:"
                        f"{other.loc.line} ({when2}): state the order (fulfills:, cites:) or bound "
                        "the date (e.g. 2019-09..2019-09-18)")
        return ""

    for at, ((*_, when), doc, action) in enumerate(events):  # `when` as the file gives it
        record = records[action.task]
        declaring = record.task.declared_by
        if not action.title and not record.steps and not record.directed:
            diags.error(action.loc, f"task {action.task!r} is used on {when} but declared later, in "
                                    f"{declaring.loc.path}:{declaring.loc.line}{unordered(at)}")
            continue
        step = Step(action, when.start, record.holder, when)
        if isinstance(action, Assign):
            if action.lead:
                step.holder = action.lead
                record.holder, record.holder_since = action.lead, step
                custody.leads[action.lead].append(step)
            for agency in action.with_:
                if agency not in record.co_operating:
                    record.co_operating.append(agency)
                custody.cooperates[agency].append(step)
            if action.due:
                record.due, record.due_action = action.due, action
        elif isinstance(action, Transfer):
            if record.holder and action.to == record.holder:
                since = record.holder_since.action
                diags.error(action.loc, f"transfer of task {action.task!r} to {action.to!r}, which already "
                                        f"holds it on {when} (since {since.loc.path}:{since.loc.line}): "
                                        "nothing moves; correct 'from' and 'to', or delete the transfer")
                continue
            if record.holder and not action.title and record.holder != action.from_:
                earlier = moved_on.get((action.task, when))
                if earlier is not None and earlier.from_ == action.from_:
                    diags.error(action.loc, f"task {action.task!r} is transferred twice on {when}: to "
                                            f"{earlier.to!r} ({earlier.loc.path}:{earlier.loc.line}) "
                                            f"and to {action.to!r}")
                else:
                    since = record.holder_since.action
                    diags.error(action.loc, f"transfer of task {action.task!r} from {action.from_!r}, but on "
                                            f"{when} it is held by {record.holder!r} "
                                            f"(since {since.loc.path}:{since.loc.line}){unordered(at)}")
                continue
            moved_on[(action.task, when)] = action
            step.holder = action.to
            record.holder, record.holder_since = action.to, step
            custody.received[action.to].append(step)
            custody.handed_over[action.from_].append(step)
        elif isinstance(action, Report) and action.status == "done":
            done_on = action.date.end if action.date else doc.issued.start
            given = record.steps[0] if record.steps else step
            if done_on < given.date:
                diags.error(action.loc, f"report: task {action.task!r} is reported done on "
                                        f"{action.date or doc.issued}, before it was given on {given.when} "
                                        f"({given.action.loc.path}:{given.action.loc.line}); "
                                        "check the report's date")
                continue
            step = Step(action, done_on, record.holder, action.date or doc.issued)
            record.done = step
        record.steps.append(step)
    for task_id, record in records.items():
        if record.holder:
            custody.held_now[record.holder].append(task_id)
    return custody
