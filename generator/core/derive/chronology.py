"""The order of events, as far as the sources give it.

A date the sources give only to the month or the year is an interval, not its first day: a
decision of "tháng 9/2019" may come before or after a notice of 09/9/2019. Two events whose
intervals overlap are unordered unless a relation orders them: a document follows what it
fulfils, what it cites and what it changes; an effective date follows the issue. Relations
narrow the intervals (a September decision enacting a conclusion of the 9th was issued between
the 9th and the 30th), and one total order consistent with both is kept for replaying histories
and for every list, so that every view places an event by the same rule.
"""
from __future__ import annotations

import heapq
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import date

from generator.core.derive.relations import Relations
from generator.core.model import TARGETED, Register
from generator.core.periods import Period


@dataclass
class Chronology:
    bounds: dict[str, tuple[date, date]]  # each document's issue, narrowed by its relations
    rank: dict[str, int]                  # position in one order consistent with the above
    follows: dict[str, set[str]] = field(default_factory=dict)  # document -> those it follows

    def doc_key(self, key: str) -> tuple[date, date, int]:
        """Where a document stands among the others (ascending)."""
        lo, hi = self.bounds[key]
        return (lo, hi, self.rank[key])

    def place(self, doc: str, index: int = -1, period: Period | None = None,
              after_issue: bool = False) -> tuple:
        """Where an event of `doc` stands: its own period when it has one (an observation's
        day, an effective date: `after_issue` when it cannot precede the issue), else the
        document's issue."""
        lo, hi = self.bounds.get(doc, (date.min, date.max))
        if period is not None:
            own_lo, own_hi = period.start, period.end
            if after_issue:
                own_lo = max(own_lo, lo)
            lo, hi = own_lo, max(own_hi, own_lo)
        return (lo, hi, self.rank.get(doc, -1), index)

    def known_before(self, first: tuple, second: tuple, first_doc: str, second_doc: str) -> bool:
        """Whether the sources put the event placed at `first` before the one at `second`:
        its interval ends before the other begins, or a chain of relations leads from one
        document to the other."""
        if first[1] < second[0]:
            return True
        if first_doc == second_doc:
            return first[3] < second[3]
        seen, queue = {second_doc}, deque([second_doc])
        while queue:
            for earlier in self.follows.get(queue.popleft(), ()):
                if earlier == first_doc:
                    return True
                if earlier not in seen:
                    seen.add(earlier)
                    queue.append(earlier)
        return False


def derive_chronology(register: Register, relations: Relations) -> Chronology:
    docs = register.documents
    follows: dict[str, set[str]] = defaultdict(set)
    for doc in docs.values():
        for ref, _ in doc.fulfills:
            requesting = register.canonical(ref).partition("#")[0]
            if requesting in docs and requesting != doc.key:
                follows[doc.key].add(requesting)
        for action in doc.actions:
            if isinstance(action, TARGETED) and action.target_key in docs and action.target_key != doc.key:
                follows[doc.key].add(action.target_key)
    for citation in register.citations:
        if citation.target in docs and citation.target != citation.citing:
            follows[citation.citing].add(citation.target)
    bounds = {key: (d.issued.start, d.issued.end) for key, d in docs.items()}
    earlier_of = {k: [e for e in follows.get(k, ()) if e in docs and e != k] for k in sorted(docs)}
    later_of: dict[str, list[str]] = defaultdict(list)
    for key, earlier_ones in earlier_of.items():
        for earlier in earlier_ones:
            later_of[earlier].append(key)
    order = _topological(earlier_of, later_of, {k: (b[0], b[1], k) for k, b in bounds.items()})
    for key in order:  # a document is issued no earlier than what it follows
        lo, hi = bounds[key]
        for earlier in earlier_of[key]:
            if lo < bounds[earlier][0] <= hi:
                lo = bounds[earlier][0]
        bounds[key] = (lo, hi)
    for key in reversed(order):  # … and no later than what follows it
        lo, hi = bounds[key]
        for later in later_of.get(key, ()):
            if lo <= bounds[later][1] < hi:
                hi = bounds[later][1]
        bounds[key] = (lo, hi)
    final = _topological(earlier_of, later_of, {k: (b[0], b[1], k) for k, b in bounds.items()})
    return Chronology(bounds, {key: i for i, key in enumerate(final)}, dict(follows))


def _topological(earlier_of: dict[str, list[str]], later_of: dict[str, list[str]],
                 priority: dict[str, tuple]) -> list[str]:
    """Kahn's order, smallest priority first among the documents free to come next; documents
    caught in a loop of relations (an error reported elsewhere) follow by priority alone."""
    waiting = {k: len(set(e)) for k, e in earlier_of.items()}
    heap = [priority[k] for k, n in waiting.items() if n == 0]
    heapq.heapify(heap)
    out: list[str] = []
    while heap:
        key = heapq.heappop(heap)[2]
        out.append(key)
        for nxt in dict.fromkeys(later_of.get(key, ())):
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                heapq.heappush(heap, priority[nxt])
    if len(out) < len(earlier_of):
        done = set(out)
        out.extend(sorted((k for k in earlier_of if k not in done), key=priority.__getitem__))
    return out
