"""The register as plain data: what the records say, after checking, before deriving."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, ClassVar

from generator.core.diagnostics import Loc
from generator.core.numbers import DocNumber
from generator.core.periods import Period


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
    note: str | None = None


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str]
    loc: Loc
    note: str | None = None


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
    note: str | None = None


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
    text: str = "full"       # what the record's text is of it: full, excerpt, summary, translation


@dataclass
class Signer:
    person: str | None
    capacity: str | None


@dataclass
class CiteDecl:
    number: DocNumber
    date: Period | None       # as precisely as the citing text gives it
    subject: str | None
    loc: Loc
    fulfills: list[tuple[str, Loc]] = field(default_factory=list)  # requests the cited one fulfils
    fulfil_details: dict[str, "Fulfilment"] = field(default_factory=dict)


@dataclass
class Fulfilment:
    """How a document fulfils a request: wholly, or only the named directed changes."""

    request: str                                       # "<document>#<request id>"
    changes: list[str] = field(default_factory=list)   # ids of the changes enacted; [] = all
    inferred: str | None = None                        # why, when no source states it
    loc: Loc | None = None


@dataclass
class Claim:
    says: str
    source: int               # 1-based position in the document's sources


@dataclass
class Dispute:
    """A fact the sources report differently: every claim is kept, with its source."""

    what: str
    claims: list[Claim]
    loc: Loc


@dataclass
class Member:
    """One seat of a stated composition: a post and, when the source gives it, its holder."""

    post: str
    holder: Holder | None


@dataclass
class Task:
    id: str
    title: str
    declared_by: "Action"


@dataclass(slots=True)
class Action:
    """What every action has: its place in its document, and the marks any kind may carry.
    Each kind is a subclass below with that kind's own fields (ACTION_CLASSES: kind -> class);
    `kind` is the class's. A field only some kinds have is read with `get` on any action."""

    kind: ClassVar[str] = ""
    doc: str
    index: int
    loc: Loc
    para: str | None = None
    id: str | None = None
    pending: str | None = None     # the id of the request whose fulfilment enacts it
    effective: Period | None = None
    inferred: str | None = None    # why the editor reads this action into the text

    @property
    def ref(self) -> str:
        """`<document>#<id>` when the action has an id, else the paragraph it comes from."""
        return f"{self.doc}#{self.id}" if self.id else f"{self.doc}#{self.index}"

    def get(self, name: str, default: Any = None) -> Any:
        """A field of some kinds only (`task`, `holder`, `due`…): its value on this action,
        `default` on a kind without it. A name no kind has is a mistake, not a default."""
        if name not in KIND_FIELDS:
            raise AttributeError(f"no action kind has a field {name!r}")
        return getattr(self, name, default)


@dataclass(slots=True)
class Establish(Action):
    kind: ClassVar[str] = "establish"
    body: str | None = None
    replaces: str | None = None    # the body it replaces


@dataclass(slots=True)
class Appoint(Action):
    kind: ClassVar[str] = "appoint"
    body: str | None = None
    post: str | None = None
    holder: Holder | None = None


@dataclass(slots=True)
class Relieve(Action):
    kind: ClassVar[str] = "relieve"
    body: str | None = None
    post: str | None = None
    holder: Holder | None = None


@dataclass(slots=True)
class Holds(Action):
    """An observation: the holder of a post of a body, or of an office of an agency, that day."""

    kind: ClassVar[str] = "holds"
    body: str | None = None
    agency: str | None = None
    post: str | None = None
    holder: Holder | None = None
    date: Period | None = None


@dataclass(slots=True)
class Designate(Action):
    kind: ClassVar[str] = "designate"
    body: str | None = None
    agency: str | None = None
    role: str | None = None
    replaces: str | None = None    # the agency that held the role before


@dataclass(slots=True)
class Withdraw(Action):
    kind: ClassVar[str] = "withdraw"
    body: str | None = None
    agency: str | None = None
    role: str | None = None


@dataclass(slots=True)
class Scope(Action):
    kind: ClassVar[str] = "scope"
    body: str | None = None
    add: str | None = None


@dataclass(slots=True)
class Assign(Action):
    kind: ClassVar[str] = "assign"
    task: str | None = None
    title: str | None = None       # the task's title, where this action declares it
    lead: str | None = None
    with_: list[str] = field(default_factory=list)
    due: Period | None = None
    due_phrase: str | None = None


@dataclass(slots=True)
class Transfer(Action):
    kind: ClassVar[str] = "transfer"
    task: str | None = None
    title: str | None = None       # the task's title, where this action declares it
    from_: str | None = None
    to: str | None = None


@dataclass(slots=True)
class Report(Action):
    kind: ClassVar[str] = "report"
    task: str | None = None
    title: str | None = None       # the task's title, where this action declares it
    status: str | None = None
    date: Period | None = None
    text: str | None = None


@dataclass(slots=True)
class Change(Action):
    """An amendment, replacement or repeal of another document."""

    target: str | None = None
    what: str | None = None
    target_key: str | None = None  # the target resolved to a document or cited-document key


@dataclass(slots=True)
class Amend(Change):
    kind: ClassVar[str] = "amend"


@dataclass(slots=True)
class Replace(Change):
    kind: ClassVar[str] = "replace"


@dataclass(slots=True)
class Repeal(Change):
    kind: ClassVar[str] = "repeal"


@dataclass(slots=True)
class Request(Action):
    """A document to draft, or another to amend, replace or repeal, asked of a lead agency."""

    kind: ClassVar[str] = "request"
    target: str | None = None
    what: str | None = None
    target_key: str | None = None  # the target resolved to a document or cited-document key
    title: str | None = None
    lead: str | None = None
    with_: list[str] = field(default_factory=list)
    due: Period | None = None
    due_phrase: str | None = None


@dataclass(slots=True)
class Compose(Action):
    kind: ClassVar[str] = "compose"
    body: str | None = None
    members: list[Member] = field(default_factory=list)  # the composition stated
    count: int | None = None       # the number of members the source gives
    complete: bool = True          # the members listed are the whole composition


@dataclass(slots=True)
class Rename(Action):
    kind: ClassVar[str] = "rename"
    body: str | None = None
    agency: str | None = None
    name: str | None = None        # the new name, short form and abbreviation
    short: str | None = None
    abbr: str | None = None


# kind -> its class: the one table the reader builds actions from (vocab.ACTION_KINDS' order)
ACTION_CLASSES: dict[str, type[Action]] = {cls.kind: cls for cls in (
    Establish, Appoint, Relieve, Holds, Designate, Scope, Assign, Transfer, Amend, Replace, Repeal,
    Request, Report, Compose, Rename, Withdraw)}
# every field of one kind or another: what Action.get may be asked
KIND_FIELDS = frozenset(f.name for cls in ACTION_CLASSES.values() for f in fields(cls)) - \
    frozenset(f.name for f in fields(Action))
# kinds that share fields, for isinstance
ON_TASK = (Assign, Transfer, Report)    # a step of a task: task, title
WITH_DUE = (Assign, Request)            # lead, with_, due, due_phrase
TARGETED = (Change, Request)            # target, what, target_key


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
    effective: Period | None = None     # when its changes take effect, when not on issue
    fulfil_details: dict[str, Fulfilment] = field(default_factory=dict)  # by request reference
    disputed: list[Dispute] = field(default_factory=list)
    serial: str | None = None  # "Quyết định 1737": the number known without its symbol
    effective_on_signing: bool = False  # the text says "có hiệu lực kể từ ngày ký"
    inferred: dict[str, str] = field(default_factory=dict)  # field -> why no source states it

    @property
    def takes_effect(self) -> Period:
        return self.effective or self.issued

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
    partial: set[Period] = field(default_factory=set)  # months or years cited without a day
    subjects: list[tuple[str, str]] = field(default_factory=list)  # (citing key, subject)
    type: str | None = None
    fulfills: list[str] = field(default_factory=list)  # requests it fulfils, as a citing text says
    fulfil_details: dict[str, Fulfilment] = field(default_factory=dict)


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
    renamed: dict[str, str] = field(default_factory=dict)  # former reference -> current one

    def canonical(self, ref: str) -> str:
        """A document reference, or `<document>#<action id>`, through the records' `former:`."""
        key, mark, rest = ref.partition("#")
        return f"{self.renamed.get(key, key)}{mark}{rest}"

    def issued_start(self, key: str) -> date | None:
        """First day a register or cited document can have been issued (None: date unknown)."""
        doc = self.documents.get(key)
        if doc is not None:
            return doc.issued.start
        cited = self.cited.get(key)
        if cited is None:
            return None
        starts = [*cited.dates, *(p.start for p in cited.partial)]
        return min(starts) if starts else None

    def action(self, ref: str) -> Action | None:
        doc_key, _, action_id = self.canonical(ref).partition("#")
        doc = self.documents.get(doc_key)
        if doc is None:
            return None
        return next((a for a in doc.actions if a.id == action_id), None)
