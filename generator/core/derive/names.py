"""Names over time: a body or agency keeps its id across a rename ("đổi tên … thành …"), so its
posts and tasks run on; each name, short form and abbreviation is kept with the document and
date that gave it. The registry holds the first name; `rename` actions give the later ones."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.core.derive.chronology import Chronology
from generator.core.model import Action, Register, Rename
from generator.core.periods import Period


@dataclass(frozen=True)
class Name:
    name: str
    short: str | None
    abbr: str | None
    since: Period | None = None     # None: the name the registry gives, before any rename
    action: Action | None = None    # the rename that gave it


@dataclass
class Names:
    history: dict[tuple[str, str], list[Name]]   # ("body"|"agency", id) -> names, oldest first

    def current(self, kind: str, ident: str) -> Name | None:
        names = self.history.get((kind, ident))
        return names[-1] if names else None

    def every(self, kind: str, ident: str) -> list[Name]:
        return self.history.get((kind, ident), [])


def derive_names(register: Register, chronology: Chronology) -> Names:
    renames = sorted(((chronology.place(doc.key, a.index, a.effective or doc.effective, True), doc, a)
                      for doc in register.documents.values() for a in doc.actions if isinstance(a, Rename)),
                     key=lambda e: e[0])
    history: dict[tuple[str, str], list[Name]] = defaultdict(list)
    for _, doc, action in renames:
        kind, ident = ("body", action.body) if action.body else ("agency", action.agency)
        entry = (register.bodies if kind == "body" else register.agencies)[ident]
        names = history[(kind, ident)]
        if not names:
            names.append(Name(entry.name, entry.short, entry.abbr))
        # a short form or abbreviation the rename does not give is not known: never the old one
        names.append(Name(action.name, action.short, action.abbr, action.effective or doc.takes_effect,
                          action))
    return Names(dict(history))
