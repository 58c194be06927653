"""The register as plain data: what the records say, after checking, before deriving."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .diagnostics import Loc
from .numbers import DocNumber
from .periods import Period


@dataclass
class Agency:
    id: str
    name: str
    short: str | None
    abbr: str | None
    aliases: list[str]
    parent: str | None
    posts: dict[str, str]
    loc: Loc


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str]
    loc: Loc


@dataclass
class PostDef:
    id: str
    title: str
    several: bool


@dataclass
class Body:
    id: str
    name: str
    short: str | None
    abbr: str | None
    aliases: list[str]
    parent: str | None
    posts: dict[str, PostDef]
    roles: dict[str, str]
    loc: Loc


@dataclass(frozen=True)
class Holder:
    """A person, an office held ex officio (`agency/post`), or a person named in an office."""

    person: str | None = None
    office: str | None = None


@dataclass
class Source:
    kind: str
    title: str | None
    url: str | None
    author: str | None
    date: Period | None
    part: str | None
    file: str | None = None  # the raw text this source gives, in the repository (sources/…)
    file_line: int = 0


@dataclass
class Signer:
    person: str | None
    capacity: str | None


@dataclass
class CiteDecl:
    number: DocNumber
    date: date | None
    subject: str | None
    loc: Loc
    fulfills: list[tuple[str, Loc]] = field(default_factory=list)  # requests the cited one fulfils


@dataclass
class Task:
    id: str
    title: str
    declared_by: "Action"


@dataclass
class Action:
    doc: str
    index: int
    kind: str
    loc: Loc
    para: str | None = None
    id: str | None = None
    pending: str | None = None
    task: str | None = None
    lead: str | None = None
    with_: list[str] = field(default_factory=list)
    due: Period | None = None
    due_phrase: str | None = None
    from_: str | None = None
    to: str | None = None
    effective: Period | None = None
    body: str | None = None
    post: str | None = None
    holder: Holder | None = None
    role: str | None = None
    agency: str | None = None
    replaces: str | None = None
    add: str | None = None
    target: str | None = None
    title: str | None = None
    what: str | None = None
    status: str | None = None
    date: Period | None = None
    text: str | None = None
    target_key: str | None = None  # the target resolved to a document or cited-document key

    @property
    def ref(self) -> str:
        """`<document>#<id>` when the action has an id, else the paragraph it comes from."""
        return f"{self.doc}#{self.id}" if self.id else f"{self.doc}#{self.index}"


@dataclass
class Document:
    key: str
    year: int
    stem: str
    path: str
    loc: Loc
    number: DocNumber | None
    type: str
    title: str
    title_descriptive: bool
    issuer: str
    issued: Period
    meeting: Period | None
    signer: Signer | None
    sources: list[Source]
    cites: list[CiteDecl]
    fulfills: list[tuple[str, Loc]]
    actions: list[Action]
    body: str
    body_line: int
    anchors: set[str]
    field_lines: dict[str, int] = field(default_factory=dict)
    former: list[tuple[str, Loc]] = field(default_factory=list)  # earlier references, redirected

    def line(self, name: str) -> int:
        return self.field_lines.get(name, self.loc.line)


@dataclass
class Citation:
    """One place where a document cites another, resolved to a document key."""

    citing: str
    para: str | None
    target: str
    text: str
    date: date | None
    excerpt: str
    span: tuple[int, int] | None = None  # where the number stands in the citing body


@dataclass
class CitedDocument:
    """A document the register knows only from citations: number, dates, what is said of it."""

    key: str
    number: DocNumber
    year: int | None
    dates: set[date] = field(default_factory=set)
    subjects: list[tuple[str, str]] = field(default_factory=list)  # (citing key, subject)
    type: str | None = None
    fulfills: list[str] = field(default_factory=list)  # requests it fulfils, as a citing text says


@dataclass
class Register:
    documents: dict[str, Document]
    agencies: dict[str, Agency]
    people: dict[str, Person]
    bodies: dict[str, Body]
    tasks: dict[str, Task]
    cited: dict[str, CitedDocument]
    citations: list[Citation]
    derived: Any = None  # derive.Derived, set once the records have passed their checks

    def issued_start(self, key: str) -> date | None:
        """First day a register or cited document can have been issued (None: date unknown)."""
        doc = self.documents.get(key)
        if doc is not None:
            return doc.issued.start
        cited = self.cited.get(key)
        return min(cited.dates) if cited and cited.dates else None

    def action(self, ref: str) -> Action | None:
        doc_key, _, action_id = ref.partition("#")
        doc = self.documents.get(doc_key)
        if doc is None:
            return None
        return next((a for a in doc.actions if a.id == action_id), None)
