"""Relations between documents in both directions, derived once from the one-way facts."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.core.model import TARGETED, Action, Citation, Designate, Establish, Register, Request


@dataclass
class Relations:
    cites: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    cited_by: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    changes: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    changed_by: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    requests_for: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    fulfilled_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # wholly or in part
    wholly_fulfilled_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    enacted_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # directed action ref
    enacts: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))  # by fulfilling key
    inferred: dict[tuple[str, str], str] = field(default_factory=dict)  # (fulfiller, request): why
    pending_on: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[tuple[str, str], list[Action]] = field(default_factory=lambda: defaultdict(list))


def derive_relations(register: Register) -> Relations:
    rel = Relations()
    for c in register.citations:
        rel.cites[c.citing].append(c)
        rel.cited_by[c.target].append(c)
    for doc in register.documents.values():
        for action in doc.actions:
            if isinstance(action, TARGETED) and action.target_key:
                if isinstance(action, Request):
                    rel.requests_for[action.target_key].append(action)
                else:
                    rel.changes[doc.key].append(action)
                    rel.changed_by[action.target_key].append(action)
            if action.pending:
                rel.pending_on[f"{doc.key}#{action.pending}"].append(action)
            for kind, ident in mentioned(action):
                rel.mentions[(kind, ident)].append(action)
    for doc in register.documents.values():  # once every directed change is known
        for ref, _ in doc.fulfills:
            _fulfil(rel, register, doc.key, register.canonical(ref), doc.fulfil_details.get(ref))
    for cited in register.cited.values():
        for ref in cited.fulfills:
            _fulfil(rel, register, cited.key, register.canonical(ref), cited.fulfil_details.get(ref))
    return rel


def _fulfil(rel: Relations, register: Register, by: str, ref: str, detail) -> None:
    """`by` fulfils the request `ref`: wholly, enacting every change directed pending on it,
    or only the changes it names."""
    rel.fulfilled_by[ref].append(by)
    if detail and detail.inferred:
        rel.inferred[(by, ref)] = detail.inferred
    named = detail.changes if detail else []
    if not named:
        rel.wholly_fulfilled_by[ref].append(by)
    requesting, _, request_id = ref.partition("#")
    for action in rel.pending_on.get(ref, []) if requesting in register.documents else []:
        if not named or action.id in named:
            rel.enacted_by[action.ref].append(by)
            rel.enacts[by].append(action)


def mentioned(action: Action) -> list[tuple[str, str]]:
    """The agencies, people, bodies and tasks an action names: each gets a backlink."""
    out = []
    get = action.get  # each kind has some of these fields
    replaced = action.replaces if isinstance(action, Designate) else None  # an agency, there
    for agency in (get("lead"), get("from_"), get("to"), get("agency"), replaced, *get("with_", ())):
        if agency:
            out.append(("agency", agency))
    if body := get("body"):
        out.append(("body", body))
    if isinstance(action, Establish) and action.replaces:
        out.append(("body", action.replaces))
    if task := get("task"):
        out.append(("task", task))
    if holder := get("holder"):
        if holder.person:
            out.append(("person", holder.person))
        if holder.office:
            out.append(("agency", holder.office.split("/")[0]))
    return list(dict.fromkeys(out))
