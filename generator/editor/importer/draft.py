"""What the importer found in one text: the draft record's fields, cited documents, and the
candidate actions, each a draft until an editor confirms it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from generator.core.numbers import DocNumber
from generator.core.periods import Period

@dataclass
class Cited:
    number: DocNumber
    date: date | None
    year: int | None
    kind: str | None
    raw: str


@dataclass
class Candidate:
    """An action the text seems to direct; a draft until an editor confirms it."""

    para: str
    kind: str                      # assign, transfer, request, amend, replace, repeal, appoint,
                                   # relieve, holds, designate, compose or rename
    quote: str                     # the words it comes from
    task_title: str | None = None
    lead: str | None = None
    with_: list[str] = field(default_factory=list)
    from_: str | None = None
    to: str | None = None
    target: str | None = None
    what: str | None = None
    title: str | None = None
    due: Period | None = None
    due_phrase: str | None = None
    effective: Period | None = None
    body: str | None = None        # appoint, relieve, compose, rename: the body (an id)
    agency: str | None = None      # rename: the agency renamed
    post: str | None = None        # appoint, relieve: the post, in the text's words
    holder: str | None = None      # appoint, relieve: who, in the text's words
    members: int | None = None     # compose: the seats the text lists
    new_name: str | None = None    # rename
    replaces: str | None = None    # establish: the body it replaces
    role: str | None = None        # designate: the standing role, in the text's words
    on: Period | None = None       # holds: the day the text observes it (the meeting's)
    notes: list[str] = field(default_factory=list)


@dataclass
class Draft:
    """Everything the importer found in one text, and what it did not find."""

    number: DocNumber | None = None
    number_raw: str | None = None
    type: str | None = None
    type_raw: str | None = None
    title: str | None = None
    place: str | None = None
    issued: Period | None = None
    issued_raw: str | None = None
    meeting: Period | None = None
    effective: Period | str | None = None   # the document's own: a day, or "on-signing"
    effective_raw: str | None = None
    meeting_raw: str | None = None
    issuer: str | None = None
    issuer_raw: str | None = None
    signer_name: str | None = None
    signer_capacity: str | None = None
    signer_person: str | None = None
    signer_known: bool = False
    source_kind: str | None = None
    source_title: str | None = None
    source_author: str | None = None
    source_date: date | None = None
    source_url: str | None = None
    citations: list[Cited] = field(default_factory=list)
    agencies: dict[str, int] = field(default_factory=dict)
    people: dict[str, int] = field(default_factory=dict)
    bodies: dict[str, int] = field(default_factory=dict)
    deadlines: list[tuple[str, Period | None, str]] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    dates: list[tuple[date, str, str]] = field(default_factory=list)
    body: str = ""
    removed: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    vietnamese: bool = True
    names_known: bool = False

    @property
    def missing(self) -> list[str]:
        """The record's fields the text did not give."""
        out = []
        for name, value in (("number", self.number), ("type", self.type), ("title", self.title),
                            ("issuer", self.issuer), ("issued", self.issued),
                            ("signer", self.signer_name)):
            if value is None:
                out.append(name)
        return out

    @property
    def found_anything(self) -> bool:
        return bool(self.number or self.type or self.issued or self.signer_name or self.title
                    or self.citations or self.source_date or self.candidates or self.meeting)


# --- dates and periods ----------------------------------------------------------------------
