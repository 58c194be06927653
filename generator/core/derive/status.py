"""A task's or request's state as of a day: the one judgement every page, filter, count and
export uses (a count that disagrees between two pages is a count made twice).

"Past due" says only what the register knows: the deadline has passed and no source in the
register reports the work done; it may have been done without the register knowing.
A completion is judged against the deadline as precisely as both are given: reported done in
September 2019 on a deadline "in 2019" is on time; done "in 2019" on a deadline of 30 June
2019 could be either, and is said to be done without saying which.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from generator.core.model import Action
from generator.core.periods import Period

__all__ = ["STATES", "DONE_STATES", "Status", "judge", "task_status", "Tally", "tally", "accountability"]

# In the order readers see them (filters, tables, counts).
STATES = ("past_due", "not_yet_due", "done_on_time", "done_late", "done", "no_deadline")
DONE_STATES = frozenset({"done_on_time", "done_late", "done"})


@dataclass(frozen=True, slots=True)
class Status:
    """What the register knows of one task or request as of `as_of`, and where it says so."""

    state: str                      # one of STATES
    as_of: date
    due: Period | None = None       # the deadline in force
    due_action: Action | None = None
    done: Period | None = None      # when it was reported done (or its fulfilling document issued)
    done_action: Action | None = None
    done_by: str | None = None      # the document that reports it done (or fulfils the request)

    @property
    def days_late(self) -> int | None:
        """Whole days after the deadline's last day: at least this late when done late, or past
        due so far; None otherwise."""
        if self.state == "done_late":
            return (self.done.start - self.due.end).days
        if self.state == "past_due":
            return (self.as_of - self.due.end).days
        return None

    @property
    def due_year(self) -> int | None:
        """The year a deadline falls due (its last day's year): what the year filters use."""
        return self.due.end.year if self.due else None

    @property
    def is_due(self) -> bool:
        """Its deadline's last day has passed as of the day: it counts among the tasks due."""
        return self.due is not None and self.due.end < self.as_of


def judge(as_of: date, due: Period | None, due_action: Action | None = None,
          done: Period | None = None, done_action: Action | None = None,
          done_by: str | None = None, done_on: date | None = None) -> Status:
    """The state as of `as_of`. A completion dated after `as_of` (`done_on`, the day the
    register takes it to be done; by default the last day of `done`) has not happened yet: as
    of 2021-08-01, a task reported done in December 2021 was still due or past due."""
    if done is not None and (done_on or done.end) > as_of:
        done, done_action, done_by = None, None, None
    if done is not None:
        if due is None:
            state = "done"
        elif done.end <= due.end:
            state = "done_on_time"
        elif done.start > due.end:
            state = "done_late"
        else:
            state = "done"  # the sources' precision cannot tell on time from late
    elif due is None:
        state = "no_deadline"
    elif as_of > due.end:
        state = "past_due"
    else:
        state = "not_yet_due"
    return Status(state, as_of, due, due_action, done, done_action, done_by)


def task_status(record, as_of: date) -> Status:
    """A task's state (derive/custody.py's TaskRecord): its deadline in force, its completion."""
    done = record.done
    return judge(as_of, record.due, record.due_action,
                 done.when if done else None, done.action if done else None,
                 done.action.doc if done else None, done.date if done else None)


@dataclass
class Tally:
    """Counts of states, as the government's own task tracking reports them: of the tasks due,
    how many were done on time, late, or are past due."""

    total: int = 0
    due: int = 0                    # deadline passed as of the day
    done_when_due: int = 0          # of those due, done (on time, late, or unclear)
    states: dict[str, int] | None = None

    def __post_init__(self) -> None:
        if self.states is None:
            self.states = dict.fromkeys(STATES, 0)

    def add(self, status: Status) -> None:
        self.total += 1
        self.states[status.state] += 1
        if status.is_due:
            self.due += 1
            if status.state in DONE_STATES:
                self.done_when_due += 1

    @property
    def done_share(self) -> float | None:
        """Done as a share of those due (0–1), None when none is due."""
        return self.done_when_due / self.due if self.due else None


def tally(statuses: Iterable[Status]) -> Tally:
    out = Tally()
    for status in statuses:
        out.add(status)
    return out


def accountability(custody, as_of: date) -> dict[str | None, dict[int | None, Tally]]:
    """Tallies of tasks by the agency that leads them now (None: the whole register) and by the
    year their deadline falls due (None: every year, and the tasks without a deadline)."""
    out: dict[str | None, dict[int | None, Tally]] = {}
    for record in custody.tasks.values():
        status = task_status(record, as_of)
        for agency in {None, record.holder}:
            by_year = out.setdefault(agency, {})
            for year in {None, status.due_year}:
                by_year.setdefault(year, Tally()).add(status)
    return out
