"""Typed access to one located YAML mapping: each getter reports a diagnostic, never raises."""
from __future__ import annotations

import difflib
import re
from typing import Any, Iterable

from generator.core.diagnostics import Diagnostics, Loc
from generator.core.periods import Period, parse_period
from generator.core.read.source import LList, LMap, line_of
from generator.core.text_rules import name_problem, text_problem

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Ids that name a page (documents' file names, tasks, agencies, people, bodies) cannot take these:
# `index` is each folder's own list page (an agency `index` would silently replace the list of
# agencies), and Windows reserves the device names in every folder, so a site holding
# nhiem-vu/con/ could not be copied to or served from Windows. ID_RE already keeps out "/", "\\",
# "..", ":" and every other character of a path.
RESERVED_NAMES = frozenset({"index", "con", "prn", "aux", "nul",
                            *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})
MAX_TEXT = 20_000
# the fields whose text may run over several lines (a report quoting a passage); every other
# field is one line of a table, a title, a feed entry or a CSV cell
MULTILINE_FIELDS = frozenset({"text"})


def suggest(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def reserved_message(what: str, value: str) -> str:
    return (f"{what} {value!r} is a reserved name (index, or a Windows device name such as con, "
            "nul, aux, prn, com1, lpt1): it cannot be the address of a page; choose another")


class Fields:
    """A mapping of the record with its file, so that every problem names file and line."""

    def __init__(self, data: Any, path: str, diags: Diagnostics, what: str, line: int = 1):
        self.path, self.diags, self.what = path, diags, what
        if isinstance(data, LMap):
            self.data: LMap | dict = data
        else:
            if data is not None:
                diags.error(Loc(path, line_of(data, default=line)), f"{what} must be a mapping of fields")
            self.data = {}
        self.line = line_of(data, default=line)

    def loc(self, key: str | None = None) -> Loc:
        return Loc(self.path, line_of(self.data, key, self.line) if key is not None else self.line)

    def error(self, key: str | None, message: str) -> None:
        self.diags.error(self.loc(key), message)

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def only(self, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        for key in self.data:
            if key not in allowed:
                self.error(key, f"unknown field {key!r} in {self.what}{suggest(key, allowed)}")

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(None, f"missing required field {key!r} in {self.what}")
            return None
        if not isinstance(value, str) or isinstance(value, bool):
            self.error(key, f"{key!r} must be text")
            return None
        value = value.strip()
        if not value:
            if required:
                self.error(key, f"{key!r} must not be empty")
            return None
        if len(value) > MAX_TEXT:
            self.error(key, f"{key!r} is longer than {MAX_TEXT} characters")
            return None
        problem = text_problem(value, single_line=key not in MULTILINE_FIELDS)
        if problem:
            self.error(key, f"{key!r} {problem}")
            return None
        return value

    def ident(self, key: str, required: bool = False) -> str | None:
        value = self.text(key, required)
        if value is not None and not ID_RE.match(value):
            self.error(key, f"{key!r} must be an id of lower-case letters, digits and '-', not {value!r}")
            return None
        if value is not None and (problem := name_problem(value)):
            self.error(key, f"{key!r} {problem}")
            return None
        return value

    def page_id(self, key: str, required: bool = False) -> str | None:
        """An id that becomes a page's address (a task's, an agency's…): an id, and not a
        reserved name."""
        value = self.ident(key, required)
        if value is not None and value in RESERVED_NAMES:
            self.error(key, reserved_message(repr(key), value))
            return None
        return value

    def ref(self, key: str, known: dict | Iterable[str], kind: str, required: bool = False) -> str | None:
        """An id that must name a declared agency, person, body, task…"""
        value = self.ident(key, required)
        if value is not None and value not in known:
            self.error(key, f"unknown {kind} {value!r}{suggest(value, known)}")
            return None
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(key, f"{key!r} must be true or false")
            return False
        return value

    def period(self, key: str, required: bool = False) -> Period | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(None, f"missing required field {key!r} in {self.what}")
            return None
        if not isinstance(value, str):
            self.error(key, f"{key!r} must be a date such as 2019-09-23, 2019-09, 2020-Q1 or 2019")
            return None
        try:
            return parse_period(value)
        except ValueError as exc:
            self.error(key, f"invalid date {value!r} in {key!r}: {exc}")
            return None

    def mapping(self, key: str) -> "Fields | None":
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, LMap):
            self.error(key, f"{key!r} must be a mapping")
            return None
        return Fields(value, self.path, self.diags, f"{self.what} {key!r}")

    def items(self, key: str) -> list[tuple[Any, Loc]]:
        """The items of a list field with their locations (a single value counts as a list of one)."""
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, LList):
            return [(item, Loc(self.path, value.lines[i])) for i, item in enumerate(value)]
        if isinstance(value, (str, LMap)):
            return [(value, self.loc(key))]
        self.error(key, f"{key!r} must be a list")
        return []
