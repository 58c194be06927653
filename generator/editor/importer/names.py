"""The registries' names, found in a text: agencies, bodies and people by their names, short
names, abbreviations and aliases, matched with marks folded."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.diagnostics import Diagnostics
from generator.core.model import Agency, Body, Person
from generator.core.read.registries import read_agencies, read_bodies, read_people
from generator.core.text import fold
from generator.editor.importer.cleaning import _strip_md

@dataclass
class Names:
    """What the registries call things: agencies, people and bodies, with their aliases."""

    agencies: dict[str, Agency] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._agency_finder = _Finder({a.id: _forms(a.name, a.short, a.aliases) for a in self.agencies.values()},
                                      {a.id: _abbrs(a.short, a.abbr) for a in self.agencies.values()})
        self._people_finder = _Finder({p.id: _forms(p.name, None, p.aliases) for p in self.people.values()}, {})
        self._body_finder = _Finder({b.id: _forms(b.name, b.short, b.aliases) for b in self.bodies.values()},
                                    {b.id: _abbrs(b.short, b.abbr) for b in self.bodies.values()})

    def agencies_in(self, text: str) -> list[tuple[str, int, int]]:
        # "Chính phủ điện tử", "Văn phòng Chính phủ số": the concept, not the agency
        return [f for f in self._agency_finder.find(text) if not _CONCEPT_RE.match(text, f[2])]

    def people_in(self, text: str) -> list[tuple[str, int, int]]:
        return self._people_finder.find(text)

    def bodies_in(self, text: str) -> list[tuple[str, int, int]]:
        return self._body_finder.find(text)

    def issuer_by_abbr(self, abbr: str) -> list[str]:
        key = fold(abbr).upper()
        return [i for i, x in {**self.agencies, **self.bodies}.items()
                if x.abbr and fold(x.abbr).upper() == key]

    def part_of(self, parent: str | None, words: str) -> str | None:
        """The one body of `parent` that "Tổ công tác giúp việc" names in that parent's own text."""
        head = " ".join(fold(words).split())
        found = [b.id for b in self.bodies.values() if parent and b.parent == parent and head
                 and any(" ".join(fold(f).split()).startswith(head) for f in (b.name, b.short or "", *b.aliases))]
        return found[0] if len(found) == 1 else None

    def person_named(self, name: str) -> str | None:
        key = fold(name)
        for person in self.people.values():
            if key in {fold(person.name), *map(fold, person.aliases)}:
                return person.id
        return None

    def named_exactly(self, text: str) -> list[str]:
        """Agencies or bodies whose name or alias is the whole text (a letterhead line)."""
        key = fold(_strip_md(text)).strip(" .,:;")
        found = []
        for x in [*self.agencies.values(), *self.bodies.values()]:
            if key in {fold(x.name), *(fold(a) for a in x.aliases), *([fold(x.short)] if x.short else [])}:
                found.append(x.id)
        return found


def _forms(name: str, short: str | None, aliases: list[str]) -> list[str]:
    forms = [name, *aliases]
    if short and (len(short) > 5 or " " in short):
        forms.append(short)
    return [f for f in {fold(f) for f in forms} if len(f) >= 3]


def _abbrs(short: str | None, abbr: str | None) -> list[str]:
    """Short forms matched with their case (VPCP, BA): folded they would be common words."""
    return [s for s in {short, abbr} if s and len(s) <= 5 and " " not in s and len(s) >= 2]


def load_names(root: Path) -> tuple[Names | None, list[str]]:
    """The registries of the register at `root`, and notes on what could not be read."""
    notes: list[str] = []
    decisions = Path(root) / "decisions"
    present = [n for n in ("agencies.yml", "people.yml", "bodies.yml") if (decisions / n).is_file()]
    if not present:
        return None, [f"no registries in {decisions}: agencies, people and bodies are not recognised"]
    diags = Diagnostics()
    agencies = read_agencies(Path(root), diags) if "agencies.yml" in present else {}
    people = read_people(Path(root), diags) if "people.yml" in present else {}
    bodies = read_bodies(Path(root), diags) if "bodies.yml" in present else {}
    missing = {"agencies.yml", "people.yml", "bodies.yml"} - set(present)
    for name in sorted(missing):
        notes.append(f"no decisions/{name}: its names are not recognised")
    if diags:
        notes.append(f"the registries have {len(diags)} problem(s) (run `register check`); "
                     "names were matched where they could be read")
    return Names(agencies, people, bodies), notes


# --- folding with a map back to the text ------------------------------------------------------

_D_MAP = str.maketrans({"đ": "d", "ð": "d"})
_CONCEPT_RE = re.compile(r"\s+(?:điện tử|số)(?!\w)", re.I)


def _fold_char(ch: str) -> str:
    if ch.isspace():
        return " "
    decomposed = unicodedata.normalize("NFD", ch.lower())
    return "".join(c for c in decomposed
                   if not (unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me"))
                   ).translate(_D_MAP)


def fold_map(text: str) -> tuple[str, list[int]]:
    """`text` folded character by character (no whitespace collapsing), with the offset in
    `text` of every folded character, and one more for the end."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        index.extend([i] * len(folded))
    index.append(len(text))
    return "".join(out), index


class _Finder:
    """Finds names in text, leftmost-longest, tolerant of case, diacritics and spacing."""

    def __init__(self, folded_forms: dict[str, list[str]], exact_forms: dict[str, list[str]]):
        self.by_form: dict[str, str] = {}
        for key, forms in folded_forms.items():
            for form in forms:
                self.by_form.setdefault(form, key)
        self.exact: dict[str, str] = {}
        for key, forms in exact_forms.items():
            for form in forms:
                self.exact.setdefault(form, key)
        alternatives = sorted(self.by_form, key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<![a-z0-9])(?:" + "|".join(r"\s+".join(map(re.escape, f.split())) for f in alternatives)
            + r")(?![a-z0-9])") if alternatives else None
        exacts = sorted(self.exact, key=len, reverse=True)
        # not inside a document number: the CP of 17/NQ-CP is not Chính phủ
        self.exact_pattern = re.compile(
            r"(?<![\w/-])(?:" + "|".join(map(re.escape, exacts)) + r")(?![\w/-])") if exacts else None

    def find(self, text: str) -> list[tuple[str, int, int]]:
        found: list[tuple[str, int, int]] = []
        if self.pattern:
            folded, index = fold_map(text)
            for m in self.pattern.finditer(folded):
                form = " ".join(m.group().split())
                found.append((self.by_form[form], index[m.start()], index[m.end()]))
        if self.exact_pattern:
            for m in self.exact_pattern.finditer(text):
                found.append((self.exact[m.group()], m.start(), m.end()))
        found.sort(key=lambda f: (f[1], -(f[2] - f[1])))
        out: list[tuple[str, int, int]] = []
        end = -1
        for item in found:
            if item[1] >= end:
                out.append(item)
                end = item[2]
        return out


# --- lines and paragraphs -----------------------------------------------------------------
