"""Import: a draft record from the raw text of a notice (a portal page, a newspaper report, the
text of a PDF).

The importer reads what the text says and nothing more: the number and type ("Số:
8540/TB-VPCP", "THÔNG BÁO"), the place and date of issue ("Hà Nội, ngày 23 tháng 9 năm 2019"),
the meeting date, the issuer, the signer and capacity, every cited document, the agencies,
people and bodies it names (through the registries' names and aliases), and candidate actions
with their due periods. Every candidate is marked `draft: true`, which `register check` refuses
until an editor has confirmed it against the text. What the text does not give stays out of the
draft and is listed as missing: nothing is guessed.

Web boilerplate (adverts, comment prompts, "Top", a portal's "received" stamp) is removed and
hard line-wraps are joined; what was removed is reported, so that nothing disappears silently.

Plain Python: no MkDocs. The CLI (`register import`) only reads the file and writes the draft.
"""
from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from generator.core.diagnostics import Diagnostics
from generator.core.model import Agency, Body, Person
from generator.core.numbers import DocNumber, find_citations
from generator.core.periods import Period, period_from_phrase
from generator.core.read.registries import read_agencies, read_bodies, read_people
from generator.core.text import fold, nfc, slugify
from generator.core.text_rules import without_refused
from generator.core.vocab import DOCUMENT_TYPES, DRAFT_MARK

__all__ = ["NotImportable", "Names", "load_names", "decode", "Cited", "Candidate", "Draft",
           "import_text", "render_draft", "draft_path", "MAX_BYTES"]

MAX_BYTES = 2 * 1024 * 1024


class NotImportable(Exception):
    """The input cannot give a draft (empty, binary, not text); the message says why."""


# --- reading the input ----------------------------------------------------------------------

def decode(raw: bytes, name: str = "the input") -> str:
    """The text of an input file, or NotImportable saying clearly why there is none."""
    if len(raw) > MAX_BYTES:
        raise NotImportable(f"{name} is {len(raw):,} bytes; a notice's text is far smaller "
                            f"(limit {MAX_BYTES:,}): is it the right file?")
    if not raw.strip():
        raise NotImportable(f"{name} is empty: there is nothing to import")
    if raw.startswith(b"%PDF-"):
        raise NotImportable(f"{name} is a PDF file, not its text: extract the text first "
                            "(e.g. `pdftotext -layout notice.pdf notice.txt`) and import that")
    if raw.startswith(b"PK\x03\x04"):
        raise NotImportable(f"{name} is a zip archive (a .docx?), not text: save it as plain "
                            "UTF-8 text and import that")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise NotImportable(f"{name} starts like UTF-16 text but is not: save it as UTF-8")
    else:
        if b"\x00" in raw:
            raise NotImportable(f"{name} is a binary file (it contains NUL bytes), not text")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise NotImportable(f"{name} is not UTF-8 text (undecodable byte at offset "
                                f"{exc.start}): a binary file, or text in another encoding; "
                                "save it as UTF-8 and import again")
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f\v")
    if controls > max(8, len(text) // 100):
        raise NotImportable(f"{name} looks binary ({controls} control characters), not text")
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise NotImportable(f"{name} is empty: there is nothing to import")
    return text


# --- the registries' names ------------------------------------------------------------------

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

_TYPE_HEADINGS = {fold(names[0]): type_id for type_id, names in DOCUMENT_TYPES.items()}
_ABBR_TYPES = {fold(names[2]).upper(): type_id for type_id, names in DOCUMENT_TYPES.items() if names[2]}
_MARKER_RE = re.compile(r"^\s*(?:\d{1,2}\s*\.(?=\s|$)|[a-zđ]\)|[-–—•+]\s|\*\s)")
_MARKER_ONLY_RE = re.compile(r"^\s*(?:\d{1,2}\s*\.|[a-zđ]\))\s*$")
_RULE_CHARS = frozenset("-_=*~")


def _is_separator(line: str) -> bool:
    """A line of a table's frame or a rule: pipes alone, three or more of - _ = * ~, or pipes
    among dashes and spaces. By sets, not the pattern ^\\s*(?:…|[|\\s-]+\\|…)\\s*$ it was, whose
    overlapping runs of spaces took time growing with the cube of a blank line's length."""
    s = line.strip()
    if not s:
        return False
    chars = set(s)
    return (chars == {"|"} or (len(s) >= 3 and chars <= _RULE_CHARS)
            or ("|" in chars and all(c in "|-" or c.isspace() for c in chars)))
_WEB_LINES = {"top", "len dau trang", "ve dau trang", "dau trang", "back to top", "↑", "in bai",
              "in trang", "ban in", "chia se", "share", "tweet", "facebook", "zalo", "email",
              "gui email", "luu bai", "quay lai", "tro ve"}
_BYLINE_DATE_RE = re.compile(
    r"^\s*(?:(?:thứ\s+\S+|chủ\s+nhật)\s*,?\s*)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
    r"(?:\s*,?\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:\(?\s*GMT\s*[+-]\s*\d{1,2}\s*\)?)?\s*$", re.I)
_NAME_WORD_RE = re.compile(r"^[^\W\d_][^\W\d_A-ZĐ]*$")


def _strip_md(s: str) -> str:
    return re.sub(r"\*\*|__", "", s).strip()


def _letters(s: str) -> list[str]:
    return [c for c in s if c.isalpha()]


def _is_caps(s: str) -> bool:
    letters = _letters(_strip_md(s))
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _name_like(s: str) -> bool:
    """A person's name on a line of its own: 2–5 capitalised words ("Ngô Hải Phan")."""
    words = _strip_md(s).split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() and _NAME_WORD_RE.match(w) for w in words)


def _ends_sentence(s: str) -> bool:
    return _strip_md(s).rstrip(" \"'”’)").endswith((".", "!", "?", ":", "…"))


def _starts_upper(s: str) -> bool:
    s = _strip_md(s).lstrip(" \"'“‘(")
    return bool(s) and (s[0].isupper() or s[0].isdigit())


def _starts_lower(s: str) -> bool:
    s = _strip_md(s)
    return bool(s) and s[0].isalpha() and s[0].islower()


@dataclass
class Para:
    lines: list[str]

    @property
    def text(self) -> str:
        return " ".join(" ".join(line.split()) for line in self.lines if line.strip())

    @property
    def plain(self) -> str:
        return _strip_md(self.text)


def _break_between(a: str, b: str) -> bool:
    if _MARKER_ONLY_RE.match(a):
        return False
    if _MARKER_RE.match(b) or _SIGNED_RE.match(_strip_md(a)) or _SIGNED_RE.match(_strip_md(b)):
        return True
    if fold(_strip_md(a)) in _TYPE_HEADINGS or fold(_strip_md(b)) in _TYPE_HEADINGS:
        return True
    if _is_caps(a) != _is_caps(b) and (_letters(a) and _letters(b)):
        return True
    if re.match(r"^\W*S[oố]\s*(?:[:.]\s*)?\d", b):  # not \s*[:.]?\s*: n² on a run of spaces
        return True
    return _ends_sentence(a) and _starts_upper(b)


def paragraphs(lines: list[str]) -> list[Para]:
    """Paragraphs from lines, joining hard line-wraps and page breaks inside sentences."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if not line.strip() or _is_separator(line):
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(line.strip())
    paras: list[Para] = []
    for block in blocks:
        if not block:
            continue
        first = True
        for line in block:
            if first and paras and _starts_lower(line) and not _MARKER_RE.match(line) \
                    and not _ends_sentence(paras[-1].lines[-1]) and not _is_caps(paras[-1].lines[-1]):
                paras[-1].lines.append(line)       # a page break inside a sentence
            elif first or _break_between(paras[-1].lines[-1], line):
                paras.append(Para([line]))
            else:
                paras[-1].lines.append(line)
            first = False
    return paras


# --- boilerplate ----------------------------------------------------------------------------

_COMMENT_RE = re.compile(r"binh luan|y kien ban doc|dang nhap de|xin hay doi|\bgiay nua\b"
                         r"|^(xem them|tin lien quan|bai lien quan|doc them|tin khac)\b")
_ADVERT_RE = re.compile(r"tong dai|call ?center|hotline|quang cao|mien phi phuc vu|cskh"
                        r"|\(0\d{2,3}\)\s*\**\s*\d")
_STAMP_TITLE_RE = re.compile(r"^cong thong tin dien tu( chinh phu)?$")
_STAMP_RE = re.compile(r"^den\b.{0,12}\bgio\b|^ngay\s*:\s*\d|^gio\s*:")
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-–•+*]|\d{1,2}[.)])\s")


def _remove_boilerplate(paras: list[Para], removed: list[str], stamps: list[str]) -> list[Para]:
    out: list[Para] = []
    in_advert = False
    for i, para in enumerate(paras):
        folded = fold(para.plain)
        if in_advert and (_LIST_ITEM_RE.match(para.plain) or _ADVERT_RE.search(folded)):
            removed.append(para.text)
            continue
        in_advert = False
        nxt = fold(paras[i + 1].plain) if i + 1 < len(paras) else ""
        if _ADVERT_RE.search(folded):
            removed.append(para.text)
            in_advert = True
        elif _COMMENT_RE.search(folded) and len(folded) < 200:
            removed.append(para.text)
        elif _STAMP_TITLE_RE.match(folded) and _STAMP_RE.match(nxt):
            stamps.append(para.text)
        elif _STAMP_RE.match(folded) and len(folded) < 80:
            stamps.append(para.text)
        else:
            out.append(para)
    return out


# --- what the draft holds -------------------------------------------------------------------

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
    kind: str                      # assign, transfer or request
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

_DATE_WORDS = r"ngay\s+(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\s*,?\s+nam\s+(?P<y>\d{4})"
_DATE_SLASH = r"(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4})"
_ANY_DATE_RE = re.compile(rf"(?<![\d/])(?:{_DATE_WORDS}|(?:ngay\s+)?{_DATE_SLASH})(?!\d)")
_PLACE_DATE_RE = re.compile(
    r"(?:^|(?<=[\s|]))(?P<place>[^\W\d_]+\.?(?: [^\W\d_]+\.?){0,3})\s*,\s*ngay\s+(?P<d>\d{1,2})\s*"
    r"(?:thang\s+|/|-|\.)\s*(?P<m>\d{1,2})\s*(?:,?\s*nam\s+|/|-|\.)\s*(?P<y>\d{4})(?!\d)")
_MEETING_RE = re.compile(r"\b(?:cuoc hop|hoi nghi|phien hop|buoi lam viec|buoi hop)\b.{0,300}?\bngay\s+"
                         r"(?:(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\s*,?\s+nam\s+(?P<y>\d{4})"
                         r"|(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>\d{4}))")
_OPENING_RE = re.compile(r"^ngay\s+(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\s*,?\s+nam\s+(?P<y>\d{4})\s*,\s*tai\b")
_DUE_RE = re.compile(
    r"(?<![a-z0-9])(?:tu nay den het|den het|truoc|trong|het|den truoc|cham nhat(?: la)?(?: vao)?(?: ngay)?)\s+"
    r"(?:ngay\s+\d{1,2}(?:\s+thang\s+\d{1,2}(?:\s*,?\s+nam\s+\d{4}(?!\d))?|\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?)"
    r"|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}"
    r"|thang\s+\d{1,2}(?!\d)(?:\s*,?\s+nam\s+\d{4}(?!\d)|\s*/\s*\d{4})?"
    r"|\d{1,2}\s+thang\s+dau\s+nam(?:\s+\d{4})?"
    r"|quy\s+(?:iv|iii|ii|i|[1-4])(?![a-z0-9])(?:\s*,?\s+nam\s+\d{4}(?!\d)|\s*/\s*\d{4})?"
    r"|nam\s+\d{4}(?![\d/]|\s?[-–]\s?\d))")


def _day(groups: dict, a: str = "d", b: str = "m", c: str = "y") -> date | None:
    try:
        return date(int(groups[c]), int(groups[b]), int(groups[a]))
    except (TypeError, ValueError):
        return None


def _any_day(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    if g.get("d") is not None:
        return _day(g)
    return _day(g, "d2", "m2", "y2")


def all_dates(text: str) -> list[tuple[date, int, int]]:
    """Every day written in a text ("ngày 23 tháng 9 năm 2019", "23/9/2019"), with its span."""
    folded, index = fold_map(text)
    out = []
    for m in _ANY_DATE_RE.finditer(folded):
        day = _any_day(m)
        if day and 1900 <= day.year <= 2100:
            out.append((day, index[m.start()], index[m.end()]))
    return out


# --- the importer -------------------------------------------------------------------------

@dataclass
class _BodyPara:
    id: str
    text: str                # as it goes into the body (without anchor)
    content: str             # the words, without the list marker
    section: str             # the id of the numbered/lettered section it belongs to
    letter_heading: bool = False
    lead: str | None = None  # the agency a lettered heading names
    lead_text: str | None = None


_NUM_RE = re.compile(r"^(\d{1,2})\s*\.\s*(.*)$", re.S)
_LETTER_RE = re.compile(r"^([a-zđ])\)\s*(.*)$", re.S)
_DASH_RE = re.compile(r"^[-–—•+*]\s+(.*)$", re.S)


def _vietnamese(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    marked = sum(1 for c in letters if c in "đĐ" or unicodedata.normalize("NFD", c) != c)
    words = fold(text).split()
    common = {"cua", "va", "cac", "duoc", "trong", "nhiem", "vu", "chinh", "phu", "thuc", "hien",
              "ngay", "thang", "nam", "bo", "giao", "co", "quan", "nhung", "voi", "theo"}
    hits = sum(1 for w in words if w in common)
    return marked / len(letters) > 0.04 or (words and hits / len(words) > 0.15)


def import_text(text: str, names: Names | None = None, *, source_kind: str | None = None,
                source_url: str | None = None, source_title: str | None = None) -> Draft:
    """A draft record from the raw text of a notice. Never raises on any text."""
    draft = Draft(source_kind=source_kind, source_url=source_url, names_known=names is not None)
    names = names or Names()
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf") else
                   ("" if unicodedata.category(c) == "Cf" else " ") for c in text)
    text = without_refused(text)  # what check refuses (U+FFFE, lone surrogates, private use) never reaches the draft
    text = text.replace("\t", " ").replace("\u00a0", " ").replace("\u202f", " ")
    draft.vietnamese = _vietnamese(text)

    # line-level boilerplate and a newspaper's byline
    lines = []
    for line in text.split("\n"):
        if fold(_strip_md(line)).strip(" .:") in _WEB_LINES:
            draft.removed.append(line.strip())
            lines.append("")
        else:
            lines.append(line.rstrip())
    _byline(lines, draft)
    if source_title:
        draft.source_title = source_title

    paras = paragraphs(lines)
    paras = _remove_boilerplate(paras, draft.removed, draft.stamps)
    body_start = _header(paras, draft, names)
    body = paras[body_start:]
    body = _signature(body, draft, names)

    if draft.issued is not None:
        context_year = draft.issued.year
    elif draft.meeting is not None:
        context_year = draft.meeting.year
    else:
        context_year = None
    full = "\n\n".join(p.text for p in paras)
    _citations(full, draft)
    _named(full, draft, names)
    items = _structure(body, names)
    _candidates(items, draft, names, context_year)
    draft.body = _body_markdown(items, {c.para for c in draft.candidates})
    _collect_dates(full, draft)
    if not draft.vietnamese:
        draft.notes.append("the text does not look Vietnamese: the importer reads Vietnamese "
                           "notices, so little or nothing was recognised")
    return draft


def _byline(lines: list[str], draft: Draft) -> str | None:
    """A newspaper's headline, author and date at the top: "Chí Hiếu / 10/09/2019 19:36 GMT+7"."""
    seen = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()][:12]
    for pos, (_, line) in enumerate(seen):
        m = _BYLINE_DATE_RE.match(line)
        day = _day(m.groupdict()) if m else None
        if day is None:
            continue
        authors: list[str] = []
        j = pos - 1
        while j >= 0 and _name_like(seen[j][1]) and len(authors) < 3:
            if seen[j][1] not in authors:
                authors.insert(0, seen[j][1])
            j -= 1
        draft.source_date = day
        draft.source_kind = draft.source_kind or "press"
        if authors:
            draft.source_author = ", ".join(authors)
        for k in range(j + 1, pos + 1):
            lines[seen[k][0]] = ""
        if j >= 0 and len(seen[j][1]) < 250 and not _ends_sentence(seen[j][1]):
            lines[seen[j][0]] = ""
            draft.source_title = _strip_md(seen[j][1])
            return seen[j][1]
        return None
    return None


def _header(paras: list[Para], draft: Draft, names: Names) -> int:
    """Number, type, title, place and date, issuer: the letterhead. Returns where the body starts."""
    so_idx = place_idx = type_idx = None
    motto: set[int] = set()
    limit = min(len(paras), 25)
    for i in range(limit):
        plain = paras[i].plain
        folded = fold(plain)
        if len(folded) > 400:
            break
        if so_idx is None and re.match(r"^so\s*(?:[:.]\s*)?\d", folded):
            cites = find_citations(plain)
            if cites:
                so_idx = i
                draft.number = cites[0].number
                draft.number_raw = plain
        if place_idx is None and len(folded) < 160:
            folded_m, index = fold_map(plain)
            m = _PLACE_DATE_RE.search(folded_m)
            if m and not _OPENING_RE.match(folded):
                day = _day(m.groupdict())
                if day:
                    place_idx = i
                    draft.place = plain[index[m.start("place")]:index[m.end("place")]].strip(" |")
                    draft.issued = Period(day.year, None, day.month, day.day)
                    draft.issued_raw = plain[index[m.start()]:index[m.end()]]
        if type_idx is None and folded.strip(" .") in _TYPE_HEADINGS:
            type_idx = i
            draft.type = _TYPE_HEADINGS[folded.strip(" .")]
            draft.type_raw = plain
        if "cong hoa xa hoi chu nghia" in folded or re.search(r"doc lap\W+tu do\W+hanh phuc", folded):
            motto.add(i)

    start = 0
    title_paras: list[Para] = []
    if type_idx is not None:
        j = type_idx + 1
        while j < len(paras) and len(title_paras) < 3:
            p = paras[j]
            bold = p.text.startswith("**") and p.text.endswith("**")
            caps = _is_caps(p.text)
            opening = bool(_OPENING_RE.match(fold(p.plain)))
            if (bold or caps or (not title_paras and len(p.plain) < 300 and not _ends_sentence(p.plain)
                                 and not _MARKER_RE.match(p.plain))) and not opening:
                title_paras.append(p)
                j += 1
                if not (bold or caps):
                    break
            else:
                break
        start = j
    else:
        marks = [i for i in (so_idx, place_idx, *motto) if i is not None]
        if marks:
            start = max(marks) + 1
    if title_paras:
        draft.title = " ".join(p.plain for p in title_paras)
        draft.title = re.sub(r"\s+", " ", draft.title).strip()
    header = paras[:start]
    used = {so_idx, place_idx, type_idx, *motto}
    draft.header = [p.text for i, p in enumerate(header) if i not in used and p not in title_paras]

    # a normative number carries its year (150/2016/NĐ-CP): the year of issue, when no date is given
    if draft.number and draft.number.year and draft.issued is None:
        draft.issued = Period(draft.number.year)
        draft.issued_raw = f"the year in the number {draft.number}; the day is not given"
    elif draft.number and draft.number.year and draft.issued and draft.issued.year != draft.number.year:
        draft.notes.append(f"the number {draft.number} says {draft.number.year} but the text is dated "
                           f"{draft.issued}: check both")

    # the type from the number, and a check that both agree
    if draft.number:
        by_abbr = _ABBR_TYPES.get(fold(draft.number.type_abbr).upper())
        if draft.type and by_abbr and by_abbr != draft.type:
            draft.notes.append(f"the heading says {draft.type_raw!r} but the number {draft.number} "
                               f"is of a {DOCUMENT_TYPES[by_abbr][0]}: check the type")
        elif not draft.type and by_abbr:
            draft.type = by_abbr
            draft.type_raw = f"{draft.number.type_abbr} in {draft.number}"

    # the meeting: in the title, or the opening words "Ngày 17 tháng 9 năm 2019, tại …"
    if draft.title:
        m = _MEETING_RE.search(fold(draft.title))
        if m:
            day = _any_day(m)
            if day:
                draft.meeting = Period(day.year, None, day.month, day.day)
                draft.meeting_raw = "title"
    if start < len(paras):
        m = _OPENING_RE.match(fold(paras[start].plain))
        if m:
            day = _day(m.groupdict())
            if day:
                opening = Period(day.year, None, day.month, day.day)
                if draft.meeting and draft.meeting != opening:
                    draft.notes.append(f"the title gives the meeting as {draft.meeting} but the "
                                       f"text opens with {opening}: check the meeting date")
                draft.meeting = draft.meeting or opening
                draft.meeting_raw = draft.meeting_raw or "opening"

    # the issuer: the letterhead's name, or the issuer part of the number
    letterhead = [p for i, p in enumerate(header) if i not in used and p not in title_paras]
    by_header: list[str] = []
    for p in letterhead:
        by_header += [i for i in names.named_exactly(p.plain) if i not in by_header]
    by_number = names.issuer_by_abbr(draft.number.issuer_abbr) if draft.number else []
    if by_header and by_number and not set(by_header) & set(by_number):
        draft.notes.append(f"the letterhead names {', '.join(by_header)} but the number's issuer "
                           f"part {draft.number.issuer_abbr} is {', '.join(by_number)}: check the issuer")
    chosen = [i for i in by_header if i in by_number] or by_header or by_number
    if len(chosen) == 1:
        draft.issuer = chosen[0]
        draft.issuer_raw = ("letterhead" if chosen[0] in by_header else
                            f"{draft.number.issuer_abbr} in the number")
    elif len(chosen) > 1:
        draft.notes.append(f"the issuer could be any of {', '.join(chosen)}: choose one")
    if draft.issuer is None:
        printed = [p.plain for p in letterhead if _is_caps(p.text)]
        if printed or draft.number:
            draft.issuer_raw = " / ".join(printed + ([f"{draft.number.issuer_abbr} in the number"]
                                                     if draft.number else []))
        for p in paras[:6]:
            m = re.search(r"^(?P<who>.{4,80}?)\s+vừa\s+(?:thông báo|ban hành)", p.plain, re.I)
            if m:
                draft.notes.append(f"the text says {m.group()!r}: the issuer may be "
                                   f"{m.group('who')!r}; the draft leaves it to you")
                break
    return start


_CAPACITY_PREFIX_RE = re.compile(r"^(?:TL|KT|TM|TUQ|Q|PP|Q\.\s*TL)\s*\.", re.I)
_SIGNED_RE = re.compile(r"^\(?\s*(đã ký|da ky|signed)[^)]*\)?$", re.I)


def _signature(body: list[Para], draft: Draft, names: Names) -> list[Para]:
    """The signature block at the end: capacity in capitals, then the signer's name."""
    end = len(body)
    while end and _SIGNED_RE.match(body[end - 1].plain):
        end -= 1
    if not end or not _name_like(body[end - 1].plain):
        return body
    k = end - 2
    while k >= 0 and _SIGNED_RE.match(body[k].plain):
        k -= 1
    if k < 0 or not _is_caps(body[k].text):
        return body
    name = _strip_md(body[end - 1].plain)
    lines = [_strip_md(line).strip() for line in body[k].lines if _strip_md(line).strip()]
    segments = []
    if len(lines) > 1 and _CAPACITY_PREFIX_RE.match(lines[0]):
        segments.append(lines.pop(0))
    segments.append(" ".join(lines))
    draft.signer_name = " ".join(name.split())
    draft.signer_capacity = " — ".join(" ".join(s.split()) for s in segments if s)
    person = names.person_named(draft.signer_name)
    draft.signer_person = person or slugify(draft.signer_name) or None
    draft.signer_known = person is not None
    return body[:k] + body[end:]


def _citations(full: str, draft: Draft) -> None:
    merged: dict[tuple[str, int | None], Cited] = {}
    own = draft.number.match_key if draft.number else None
    for c in find_citations(full):
        if c.number.match_key == own and c.year in (None, draft.issued.year if draft.issued else None):
            continue
        key = (c.number.match_key, c.year)
        entry = merged.get(key)
        if entry is None:
            merged[key] = Cited(c.number, c.date, c.year, c.kind, c.raw)
        else:
            entry.date = entry.date or c.date
            entry.kind = entry.kind or c.kind
    for (match_key, year), entry in list(merged.items()):
        if year is None:
            dated = [k for k in merged if k[0] == match_key and k[1] is not None]
            if len(dated) == 1:
                other = merged[dated[0]]
                other.kind = other.kind or entry.kind
                del merged[(match_key, year)]
    draft.citations = list(merged.values())


def _named(full: str, draft: Draft, names: Names) -> None:
    for target, found in ((draft.agencies, names.agencies_in(full)),
                          (draft.people, names.people_in(full)),
                          (draft.bodies, names.bodies_in(full))):
        for key, _, _ in found:
            target[key] = target.get(key, 0) + 1


def _structure(body: list[Para], names: Names) -> list[_BodyPara]:
    """Paragraph ids from the text's own numbering: "3", "3a", "3a-2" (the second item under
    3 a)), "3-1" (the first paragraph after 3. that is not numbered). A text without numbering
    is numbered by paragraph, "1", "2", "2-1"; in a numbered text, the paragraphs before the
    first number are "p1", "p2"."""
    numbered = any(_NUM_RE.match(p.text) for p in body)
    out: list[_BodyPara] = []
    number = letter = None
    sub = plain = 0
    seen: set[str] = set()
    lead: tuple[str | None, str | None] = (None, None)
    for para in body:
        text = para.text
        m_num = _NUM_RE.match(text) if numbered else None
        m_letter, m_dash = _LETTER_RE.match(text), _DASH_RE.match(text)
        heading = False
        if m_num:
            number, letter, sub, lead = m_num.group(1), None, 0, (None, None)
            pid, content = number, m_num.group(2)
        elif m_letter:
            letter, sub = ("dd" if m_letter.group(1) == "đ" else m_letter.group(1)), 0
            pid, content = f"{number or ''}{letter}", m_letter.group(2)
            found = names.agencies_in(content)
            if found and found[0][1] <= 2:
                lead = (found[0][0], content[found[0][1]:found[0][2]])
                heading = not content[found[0][2]:].strip(" .,:;*")
            else:
                heading = len(content) < 80 and not _ends_sentence(content)
                lead = (None, content.strip(" .:*") if heading else None)
        else:
            content = m_dash.group(1) if m_dash else text
            section = f"{number or ''}{letter or ''}"
            if section or m_dash:
                sub += 1
                base = section or (f"p{plain}" if numbered else str(plain))
                pid = f"{base}-{sub}"
            else:
                plain, sub = plain + 1, 0
                pid = f"p{plain}" if numbered else str(plain)
        base, n = pid, 1
        while pid in seen:
            n += 1
            pid = f"{base}-x{n}"
        seen.add(pid)
        out.append(_BodyPara(pid, text, content, f"{number or ''}{letter or ''}", heading,
                             lead[0], lead[1]))
    return out


_TRANSFER_RE = re.compile(
    r"(?:điều\s+)?chuyển\s+(?:giao\s+)?(?P<task>[^.]*?)\s+từ\s+(?P<from>[^.;]{2,160}?)\s+sang\s+"
    r"(?:cho\s+)?(?P<to>[^.;]{2,160}?)(?=\s+(?:đảm nhiệm|thực hiện|tiếp nhận)\b|[.;]|$)", re.I)
_AMEND_RE = re.compile(r"(?:sửa đổi|sửa đổi, bổ sung|thay thế)\s+(?:(?:quyết định|nghị định|nghị quyết|"
                       r"thông tư|chỉ thị|thông báo|kế hoạch)\s+)?(?:số\s+)?$", re.I)
_ASK_RE = re.compile(r"\b(?:giao|yêu cầu|đề nghị)\b", re.I)
_DRAFT_RE = re.compile(r"\bdự thảo\b|\btrình\b.{0,80}?\bban hành\b", re.I)
_WITH_RE = re.compile(r"phối hợp(?:\s+chặt chẽ)?\s+với\s+(?P<seg>[^.;:]*)", re.I)
_LIST_GAP_RE = re.compile(r"^(?:\s|,|\bva\b|\bcac\b|\bcung\b)*$")
_EFFECTIVE_RE = re.compile(
    r"(?<![a-z0-9])(?:bat dau|ke|hieu luc|co hieu luc) tu\s+(?:ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s*,?\s+nam\s+\d{4}"
    r"|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|thang\s+\d{1,2}(?:\s*,?\s+nam\s+\d{4}|\s*/\s*\d{4})"
    r"|quy\s+(?:iv|iii|ii|i|[1-4])\s*,?\s+nam\s+\d{4}|nam\s+\d{4})")


SENTENCE_REACH = 2_000  # characters a sentence reaches on either side of a point in it


def _sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos`, looked for no further than SENTENCE_REACH each way: what is
    done per citation stays bounded, so a text of one endless sentence is read in linear time."""
    low, high = max(0, pos - SENTENCE_REACH), min(len(text), pos + SENTENCE_REACH)
    start = max(text.rfind(". ", low, pos), text.rfind("; ", low, pos))
    start = low if start < 0 else start + 2
    ends = [e for e in (text.find(". ", pos, high), text.find("; ", pos, high)) if e >= 0]
    end = min(ends) + 1 if ends else high
    return start, end


def _with(text: str, names: Names, lead: str | None) -> list[str]:
    """The agencies listed after "phối hợp với": "Bộ Tài chính, Bộ Kế hoạch và Đầu tư và …"."""
    out: list[str] = []
    for m in _WITH_RE.finditer(text):
        seg, pos = m.group("seg"), 0
        for key, start, end in names.agencies_in(seg):
            if not _LIST_GAP_RE.match(fold(seg[pos:start]) or " "):
                break
            if key != lead and key not in out:
                out.append(key)
            pos = end
    return out


def _agency_after(text: str, pos: int, names: Names) -> str | None:
    for key, start, _ in names.agencies_in(text[pos:pos + 160]):
        if start <= 3:
            return key
        break
    return None


def _dues(text: str, context_year: int | None) -> list[tuple[str, Period | None, int]]:
    folded, index = fold_map(text)
    out = []
    for m in _DUE_RE.finditer(folded):
        phrase = text[index[m.start()]:index[m.end()]]
        out.append((" ".join(phrase.split()), period_from_phrase(phrase, context_year), index[m.start()]))
    return out


def _candidates(items: list[_BodyPara], draft: Draft, names: Names, context_year: int | None) -> None:
    """Candidate actions: transfers ("chuyển … từ A sang B"), requests to amend a cited
    document ("giao A … sửa đổi Quyết định số …"), and, in the directing part of the text, the
    items that assign work or carry a deadline."""
    section_due: dict[str, str] = {}
    for item in items:
        if fold(_strip_md(item.content)).startswith("noi nhan"):
            break
        text = item.content
        dues = _dues(text, context_year)
        draft.deadlines += [(phrase, period, item.id) for phrase, period, _ in dues]
        if item.letter_heading:
            continue
        made = _transfers(item, text, dues, names, context_year) or _amendments(item, text, dues, names)
        if not made and text.rstrip(" *").endswith(":"):
            if dues:
                section_due[item.id] = dues[0][0]
            continue
        if not made and (dues or (item.section and _dash_or_item(item)) or _asked(text, names)):
            made = _assignments(item, text, dues, names)
            if not dues:
                intro = next((section_due[s] for s in _parents(item.id) if s in section_due), None)
                for c in made:
                    if intro:
                        c.notes.append(f"no deadline of its own; its section says {intro!r}")
        draft.candidates.extend(made)


NOTED_DUES = 5  # deadlines noted on each transfer of a paragraph: notes grow with the text, no faster


def _transfers(item: _BodyPara, text: str, dues: list, names: Names, context_year: int | None
               ) -> list[Candidate]:
    made = []
    effective: list[tuple[str, Period]] = []  # once a paragraph: it is the same for each transfer
    if _TRANSFER_RE.search(text):
        folded, index = fold_map(text)
        for e in _EFFECTIVE_RE.finditer(folded):
            phrase = " ".join(text[index[e.start()]:index[e.end()]].split())
            period = period_from_phrase(phrase, context_year)
            if period:
                effective.append((phrase, period))
    for m in _TRANSFER_RE.finditer(text):
        from_found = names.agencies_in(m.group("from"))
        to_found = names.agencies_in(m.group("to"))
        task = re.sub(r"^(?:các\s+)?nhiệm vụ\s*:?\s*", "", m.group("task").strip(), flags=re.I)
        c = Candidate(item.id, "transfer", m.group().strip(), task_title=_cap(task) or None,
                      from_=from_found[0][0] if from_found else None,
                      to=to_found[0][0] if to_found else None)
        if not from_found:
            c.notes.append(f"from: {m.group('from').strip()!r} is not in agencies.yml")
        if not to_found:
            c.notes.append(f"to: {m.group('to').strip()!r} is not in agencies.yml")
        for phrase, period in effective:
            c.effective = period
            c.notes.append(f"effective {period}: {phrase!r}")
        for phrase, period, _ in dues[:NOTED_DUES]:
            c.notes.append(f"the paragraph also says {phrase!r}"
                           + (f" ({period})" if period else "") + ": a deadline for the task?")
        if len(dues) > NOTED_DUES:
            c.notes.append(f"… and {len(dues) - NOTED_DUES} more deadlines in the paragraph")
        made.append(c)
    return made


def _amendments(item: _BodyPara, text: str, dues: list, names: Names) -> list[Candidate]:
    made = []
    due_starts = [d[2] for d in dues]  # in the order found, as they stand in the text
    for cite in find_citations(text):
        s_start, s_end = _sentence_at(text, cite.start)
        ask = None
        for a in _ASK_RE.finditer(text, s_start, cite.start):
            ask = a
        if ask is None or not _AMEND_RE.search(text[max(0, cite.start - 60):cite.start]):
            continue
        lead = _agency_after(text, ask.end() + 1, names) or item.lead
        c = Candidate(item.id, "request", text[s_start:s_end].strip(), target=cite.number.text,
                      what="amend", lead=lead, with_=_with(text[s_start:s_end], names, lead))
        at = bisect.bisect_right(due_starts, cite.start)  # the first deadline after the citation
        if at < len(dues):
            c.due_phrase, c.due = dues[at][0], dues[at][1]
        if lead is None:
            c.notes.append("lead: no agency recognised")
        made.append(c)
    return made


def _asked(text: str, names: Names) -> str | None:
    """The agency a paragraph gives work to: "giao Bộ Thông tin và Truyền thông chủ trì …"."""
    for ask in _ASK_RE.finditer(text):
        found = _agency_after(text, ask.end() + 1, names)
        if found:
            return found
    return None


def _assignments(item: _BodyPara, text: str, dues: list, names: Names) -> list[Candidate]:
    lead, with_first, note = item.lead, [], None
    asked = _asked(text, names)
    found = names.agencies_in(text)
    if asked:
        lead = asked
    elif found and found[0][1] <= 2:
        if re.match(r"\s*phối hợp", text[found[0][2]:], re.I):
            lead, with_first = None, [found[0][0]]
            note = (f"{found[0][0]} co-operates (phối hợp), no lead is named: if this adds to a "
                    "task declared elsewhere, keep `with` and name the task by its id")
        else:
            lead = found[0][0]
    kind = "request" if _DRAFT_RE.search(text) else "assign"
    with_ = with_first + [w for w in _with(text, names, lead) if w not in with_first]
    made = []
    said, title = text.strip(), _cap(text.strip())  # once: a paragraph may carry many deadlines
    for phrase, period, _ in dues or [(None, None, 0)]:
        c = Candidate(item.id, kind, said, lead=lead, with_=with_, due=period, due_phrase=phrase)
        if kind == "request":
            c.what = "draft"
        else:
            c.task_title = title
        if note:
            c.notes.append(note)
        elif lead is None and item.lead_text:
            c.notes.append(f"lead: {item.lead_text!r} (the heading) is not an agency in agencies.yml")
        elif lead is None:
            c.notes.append("lead: no agency recognised")
        if phrase and period is None:
            c.notes.append(f"due: {phrase!r} gives no year, and the text does not say which")
        made.append(c)
    return made


def _parents(pid: str) -> list[str]:
    out = []
    base = pid.split("-")[0]
    while base:
        out.append(base)
        base = base[:-1]
    return out


def _dash_or_item(item: _BodyPara) -> bool:
    return bool(_DASH_RE.match(item.text) or _LETTER_RE.match(item.text))


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _body_markdown(items: list[_BodyPara], anchored: set[str]) -> str:
    out = []
    for item in items:
        text = item.text
        if _NUM_RE.match(text):
            text = re.sub(r"^(\d{1,2})\s*\.", r"\1\\.", text)
        if text.startswith("#"):
            text = "\\" + text
        if item.id in anchored:
            text += f" {{#d-{item.id}}}"
        out.append(text)
    return "\n\n".join(out) + ("\n" if out else "")


def _collect_dates(full: str, draft: Draft) -> None:
    roles: list[tuple[date, str, str]] = []
    if draft.issued and draft.issued.precision == "day":
        roles.append((draft.issued.start, "issued", draft.issued_raw or ""))
    if draft.meeting and draft.meeting.precision == "day":
        roles.append((draft.meeting.start, "meeting", draft.meeting_raw or ""))
    if draft.source_date:
        roles.append((draft.source_date, "published", "byline"))
    for c in draft.citations:
        if c.date:
            roles.append((c.date, "cited", str(c.number)))
    for phrase, period, para in draft.deadlines:
        if period and period.precision == "day":
            roles.append((period.start, "due", phrase))
            if "truoc" in fold(phrase):  # "trước ngày 01/10": the text's day is the one after
                roles.append((period.start + timedelta(days=1), "due", phrase))
    for stamp in draft.stamps:
        for day, _, _ in all_dates(stamp):
            roles.append((day, "stamp", stamp))
    known = {d for d, _, _ in roles}
    for day, start, end in all_dates(full):
        if day not in known:
            roles.append((day, "mentioned", full[start:end]))
            known.add(day)
    draft.dates = roles


# --- writing the draft ------------------------------------------------------------------------

def _q(value: str) -> str:
    """A YAML scalar that reads back as exactly this text."""
    return json.dumps(" ".join(value.split()), ensure_ascii=False)


def _c(value: str, width: int = 110) -> str:
    """Text for a YAML comment: one line, shortened."""
    value = " ".join(value.split())
    return value if len(value) <= width else value[:width - 1] + "…"


def draft_path(draft: Draft) -> str | None:
    """decisions/<year>/<number slug>.md, or None when the text gives no number or no year."""
    if draft.number is None or draft.issued is None:
        return None
    return f"decisions/{draft.issued.year}/{draft.number.slug}.md"


def render_draft(draft: Draft, origin: str = "") -> str:
    """The draft record: front matter with comments, and the cleaned text."""
    L: list[str] = ["---"]
    L.append(f"# BẢN NHÁP do `register import` tạo{(' từ ' + _c(origin, 60)) if origin else ''}"
             " — a DRAFT written by `register import`.")
    L.append("# Đối chiếu từng trường với văn bản gốc; xác nhận từng hành động rồi xoá dòng `draft: true`.")
    L.append("# Check every field against the source; confirm each action, then delete its `draft: true`.")
    if draft.missing:
        L.append(f"# Không tìm thấy trong văn bản (not found in the text): {', '.join(draft.missing)}")
    for note in draft.notes:
        L.append(f"# Lưu ý (note): {_c(note, 200)}")

    if draft.number:
        L.append(f"number: {draft.number.text}    # {_c(draft.number_raw or '')}")
    else:
        L.append("# number:    # không tìm thấy số, ký hiệu (no number found): omit it if the document has none")
    if draft.type:
        L.append(f"type: {draft.type}    # {_c(draft.type_raw or '')}")
    else:
        L.append(f"# type:    # không rõ loại văn bản (type not found): {', '.join(DOCUMENT_TYPES)}")
    if draft.title:
        L.append(f"title: {_q(draft.title)}")
        if _is_caps(draft.title):
            L.append("# (the title is printed in capitals; keep it as printed or write it in sentence case)")
    else:
        L.append("# title:    # không tìm thấy trích yếu (no title found); if you write one, add title_descriptive: true")
    if draft.issuer:
        L.append(f"issuer: {draft.issuer}    # {_c(draft.issuer_raw or '')}")
    else:
        hint = f": printed {_c(draft.issuer_raw, 80)!r}" if draft.issuer_raw else ""
        L.append(f"# issuer:    # không rõ cơ quan ban hành (issuer not found{hint}); an id in agencies.yml or bodies.yml")
    if draft.issued:
        where = f" (nơi ban hành / place: {draft.place})" if draft.place else ""
        L.append(f"issued: {draft.issued}    # {_c(draft.issued_raw or '')}{where}")
    else:
        L.append("# issued:    # không tìm thấy ngày ban hành (date of issue not found)")
    if draft.meeting:
        L.append(f"meeting: {draft.meeting}    # date of the meeting, from the {draft.meeting_raw}")
    if draft.signer_name and draft.signer_person:
        person = draft.signer_person
        known = "" if draft.signer_known else f"; not in people.yml yet: add {person}: {{name: {draft.signer_name}}}"
        capacity = f", as: {_q(draft.signer_capacity)}" if draft.signer_capacity else ""
        L.append(f"signer: {{person: {person}{capacity}}}    # {_c(draft.signer_name)}, as printed{known}")
    elif draft.signer_name:
        L.append(f"# signer: {{person: <id>, as: {_q(draft.signer_capacity or '')}}}    # {_c(draft.signer_name)}: "
                 "declare this person in people.yml")
    else:
        L.append("# signer:    # không tìm thấy người ký (no signer found): {person: <id>, as: \"<capacity>\"}")
    if draft.source_kind:
        parts = [f"kind: {draft.source_kind}"]
        if draft.source_title:
            parts.append(f"title: {_q(draft.source_title)}")
        if draft.source_url:
            parts.append(f"url: {_q(draft.source_url)}")
        if draft.source_author:
            parts.append(f"author: {_q(draft.source_author)}")
        if draft.source_date:
            parts.append(f"date: {draft.source_date.isoformat()}")
        L.append("sources:")
        L.append("  - {" + ", ".join(parts) + "}")
    else:
        L.append("sources: []    # nguồn (where the text comes from), at least one: - {kind: official|republished|press, title: \"…\", url: https://…}")
    if draft.citations:
        L.append("cites:    # văn bản được trích dẫn (cited documents), as the text gives them")
        for c in draft.citations:
            extra = f", date: {c.date.isoformat()}" if c.date else ""
            kind = DOCUMENT_TYPES[c.kind][0] if c.kind in DOCUMENT_TYPES else ""
            year = f"năm {c.year}" if c.year and not c.date and not c.number.year else ""
            note = "; ".join(x for x in (kind, year) if x)
            L.append(f"  - {{number: {_q(c.number.text)}{extra}}}" + (f"    # {note}" if note else ""))
    for label, found in (("Cơ quan được nêu (agencies named)", draft.agencies),
                         ("Cá nhân được nêu (people named)", draft.people),
                         ("Tổ chức được nêu (bodies named)", draft.bodies)):
        if found:
            L.append(f"# {label}: " + ", ".join(f"{k} ×{n}" for k, n in found.items()))
    if not draft.names_known:
        L.append("# (no registries were read: agencies, people and bodies are not recognised)")
    mentioned = [(d, raw) for d, role, raw in draft.dates if role == "mentioned"]
    if mentioned:
        L.append("# Các ngày khác trong văn bản (other dates in the text): "
                 + ", ".join(f"{d.isoformat()} ({_c(raw, 40)})" for d, raw in mentioned))
    if draft.candidates:
        L.append("actions:    # hành động đề xuất, CHƯA xác nhận (proposed actions, NOT confirmed)")
        for c in draft.candidates:
            L.extend(_render_candidate(c))
    else:
        L.append("# actions:    # không tìm thấy hành động (no candidate actions found): add them by hand")
    L.append("---")
    return "\n".join(L) + "\n" + draft.body


def _render_candidate(c: Candidate) -> list[str]:
    out = [f"  # ¶ {c.para}: {_q(_c(c.quote, 160))}"]
    for note in c.notes:
        out.append(f"  #   {_c(note, 150)}")
    out.append(f"  - {DRAFT_MARK}: true")
    out.append(f"    para: {_q(c.para)}")
    out.append(f"    {c.kind}:")
    if c.kind in ("assign", "transfer"):
        out.append(f"      task: {{id: \"\", title: {_q(c.task_title or '')}}}    # name the task (id), shorten the title"
                   + ("; or name a task already declared: task: <id>" if c.kind == "transfer" else ""))
    if c.kind == "request":
        if c.target:
            out.append(f"      target: {_q(c.target)}")
        else:
            out.append(f"      title: {_q(c.quote)}    # the document to draft: shorten to its title")
        if c.what:
            out.append(f"      what: {c.what}")
    if c.kind in ("assign", "request"):
        out.append(f"      lead: {c.lead}" if c.lead else "      # lead: <agency id>    # chủ trì: not recognised")
        if c.with_:
            out.append(f"      with: [{', '.join(c.with_)}]")
        if c.due:
            out.append(f"      due: {c.due}")
        if c.due_phrase:
            out.append(f"      due_phrase: {_q(c.due_phrase)}")
    if c.kind == "transfer":
        out.append(f"      from: {c.from_}" if c.from_ else "      # from: <agency id>    # not recognised")
        out.append(f"      to: {c.to}" if c.to else "      # to: <agency id>    # not recognised")
        if c.effective:
            out.append(f"      effective: {c.effective}")
    return out


def summary(draft: Draft) -> list[str]:
    """What was found and what was not, for the editor's terminal."""
    found = []
    if draft.number:
        found.append(f"number {draft.number}")
    if draft.type:
        found.append(f"type {draft.type}")
    if draft.issued:
        found.append(f"issued {draft.issued}" + (f" in {draft.place}" if draft.place else ""))
    if draft.meeting:
        found.append(f"meeting {draft.meeting}")
    if draft.issuer:
        found.append(f"issuer {draft.issuer}")
    if draft.signer_name:
        found.append(f"signer {draft.signer_name}" + (f" ({draft.signer_capacity})" if draft.signer_capacity else ""))
    if draft.source_date:
        found.append(f"published {draft.source_date.isoformat()}" +
                     (f" by {draft.source_author}" if draft.source_author else ""))
    found.append(f"{len(draft.citations)} cited document(s)")
    found.append(f"{len(draft.agencies)} agencies, {len(draft.people)} people, {len(draft.bodies)} bodies named")
    found.append(f"{len(draft.deadlines)} deadline phrase(s)")
    found.append(f"{len(draft.candidates)} candidate action(s), marked draft")
    lines = ["found: " + "; ".join(found)]
    if draft.missing:
        lines.append("not found: " + ", ".join(draft.missing))
    unresolved = [d for d in draft.deadlines if d[1] is None]
    if unresolved:
        lines.append("deadlines without a year: " + ", ".join(repr(p) for p, _, _ in unresolved))
    for note in draft.notes:
        lines.append(f"note: {note}")
    if draft.removed:
        lines.append(f"removed {len(draft.removed)} piece(s) of web boilerplate: "
                     + " | ".join(_c(r, 50) for r in draft.removed[:6]))
    if draft.stamps:
        lines.append("removed the portal's 'received' stamp: " + " | ".join(_c(s, 50) for s in draft.stamps))
    if draft.header:
        lines.append("letterhead lines not kept in the text: " + " | ".join(_c(h, 50) for h in draft.header))
    return lines


__all__ += ["summary", "all_dates", "fold_map", "paragraphs"]
