"""Relations between documents in both directions, derived once from the one-way facts."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .model import Action, Citation, Register


@dataclass
class Relations:
    cites: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    cited_by: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    changes: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    changed_by: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    requests_for: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    fulfilled_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    pending_on: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[tuple[str, str], list[Action]] = field(default_factory=lambda: defaultdict(list))


def derive_relations(register: Register) -> Relations:
    rel = Relations()
    for c in register.citations:
        rel.cites[c.citing].append(c)
        rel.cited_by[c.target].append(c)
    for doc in register.documents.values():
        for action in doc.actions:
            if action.target_key:
                if action.kind == "request":
                    rel.requests_for[action.target_key].append(action)
                else:
                    rel.changes[doc.key].append(action)
                    rel.changed_by[action.target_key].append(action)
            if action.pending:
                rel.pending_on[f"{doc.key}#{action.pending}"].append(action)
            for kind, ident in mentioned(action):
                rel.mentions[(kind, ident)].append(action)
        for ref, _ in doc.fulfills:
            rel.fulfilled_by[ref].append(doc.key)
    for cited in register.cited.values():
        for ref in cited.fulfills:
            rel.fulfilled_by[ref].append(cited.key)
    return rel


def mentioned(action: Action) -> list[tuple[str, str]]:
    """The agencies, people, bodies and tasks an action names: each gets a backlink."""
    out = []
    for agency in (action.lead, action.from_, action.to, action.agency, action.replaces
                   if action.kind == "designate" else None, *action.with_):
        if agency:
            out.append(("agency", agency))
    if action.body:
        out.append(("body", action.body))
    if action.kind == "establish" and action.replaces:
        out.append(("body", action.replaces))
    if action.task:
        out.append(("task", action.task))
    if action.holder:
        if action.holder.person:
            out.append(("person", action.holder.person))
        if action.holder.office:
            out.append(("agency", action.holder.office.split("/")[0]))
    return list(dict.fromkeys(out))
