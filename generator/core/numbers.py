"""Document numbers (số, ký hiệu): parsing, finding them in text, and resolving citations.

Format (Nghị định 30/2020/NĐ-CP, Phụ lục I): running number of the year, "/", type
abbreviation, "-", issuer abbreviation: ``139/TB-VPCP``, ``1072/QĐ-TTg``. Normative documents
put their year in (``150/2016/NĐ-CP``); party documents are written ``52-NQ/TW``.

Numbers restart every year, so a number alone does not name a document: the `Resolver` picks
the document a citation means from its date, its year or the citing document's date.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from typing import Iterable

from generator.core.text import fold, nfc, slugify

__all__ = [
    "TYPE_ABBREVIATIONS", "DocNumber", "parse_number", "Citation", "find_citations",
    "Resolution", "Resolver",
]

# Abbreviation as printed -> the type of document it stands for.
TYPE_ABBREVIATIONS: dict[str, str] = {
    # Nghị định 30/2020/NĐ-CP, Phụ lục III (administrative documents)
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    # normative documents (Luật Ban hành văn bản quy phạm pháp luật)
    "NĐ": "Nghị định",
    "TT": "Thông tư",  # also "Thông tri" in party documents
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "L": "Lệnh",
    # party documents (52-NQ/TW, 57-KL/TW, 08-QĐi/TW)
    "KL": "Kết luận",
    "QĐi": "Quy định",
}

_BY_CASEFOLD: dict[str, list[str]] = defaultdict(list)
_BY_FOLD: dict[str, list[str]] = defaultdict(list)
for _abbr in TYPE_ABBREVIATIONS:
    _BY_CASEFOLD[_abbr.casefold()].append(_abbr)
    _BY_FOLD[fold(_abbr)].append(_abbr)
del _abbr

MIN_YEAR, MAX_YEAR = 1900, 2100


def _canonical_type(printed: str) -> str | None:
    """The known spelling of a type abbreviation, or None when it is not one.

    A printed known spelling is kept ("DA" stays DA, "ĐA" stays ĐA); otherwise case and then
    diacritics are forgiven ("qđ", "QD" → QĐ) when that points to a single abbreviation.
    """
    printed = nfc(printed)
    if printed in TYPE_ABBREVIATIONS:
        return printed
    for index, key in ((_BY_CASEFOLD, printed.casefold()), (_BY_FOLD, fold(printed))):
        found = index.get(key)
        if found:
            return found[0] if len(found) == 1 else printed
    return None


@dataclass(frozen=True)
class DocNumber:
    """A parsed số, ký hiệu; abbreviations are kept as printed ("QĐ", "TTg")."""

    serial: str
    year: int | None
    type_abbr: str
    issuer_abbr: str
    party: bool = False

    def __post_init__(self) -> None:
        if not (self.serial.isascii() and self.serial.isdigit()):
            raise ValueError(f"serial {self.serial!r} must be digits")
        if not self.type_abbr or not self.issuer_abbr:
            raise ValueError("a document number needs a type and an issuer abbreviation")
        if self.party and self.year is not None:
            raise ValueError("party numbers (52-NQ/TW) carry no year")

    @property
    def text(self) -> str:
        """The number as printed: 139/TB-VPCP, 150/2016/NĐ-CP, 52-NQ/TW."""
        if self.party:
            return f"{self.serial}-{self.type_abbr}/{self.issuer_abbr}"
        if self.year is not None:
            return f"{self.serial}/{self.year}/{self.type_abbr}-{self.issuer_abbr}"
        return f"{self.serial}/{self.type_abbr}-{self.issuer_abbr}"

    @cached_property  # every citation of every document looks it up
    def match_key(self) -> str:
        """Equal for every way of writing the same number: case, diacritics, leading zeros."""
        serial = self.serial.lstrip("0") or "0"
        type_abbr = fold(self.type_abbr).upper()
        issuer = fold(self.issuer_abbr).upper()
        if self.party:
            return f"{serial}-{type_abbr}/{issuer}"
        if self.year is not None:
            return f"{serial}/{self.year}/{type_abbr}-{issuer}"
        return f"{serial}/{type_abbr}-{issuer}"

    @cached_property
    def slug(self) -> str:
        """URL and file name segment: 8540-tb-vpcp."""
        return slugify(self.text)

    def __str__(self) -> str:
        return self.text


# --- the grammar of a number -------------------------------------------------------------

_SP = r"[ \t\u00a0\u202f]*"                      # spacing tolerated around "/" and "-"
_SLASH = rf"{_SP}[/\uff0f\u2215]{_SP}"
_DASH = rf"{_SP}[-\u2010\u2011\u2012\u2013\u2014\u2212]{_SP}"
_TIGHT_DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2212]"
_MARKS = r"[\u0300-\u036f]*"
_ABBR = rf"(?:[^\W\d_]{_MARKS})+"                 # letters only: QĐ, TTr
_SEG = rf"[^\W\d_]{_MARKS}(?:[^\W_]{_MARKS})*"    # a letter, then letters or digits: QH13
_ISSUER = rf"{_SEG}(?:{_TIGHT_DASH}{_SEG})*"       # BTC-BNV in 01/2020/TTLT-BTC-BNV
_BEFORE = r"(?<![\w/\uff0f\u2215])(?<!\d[.,])"
_AFTER = r"(?![^\W_])"

_NUMBER_RE = re.compile(
    rf"{_BEFORE}(?:"
    rf"(?P<serial>[0-9]{{1,6}}){_SLASH}(?:(?P<year>[0-9]{{4}}){_SLASH})?"
    rf"(?P<type>{_ABBR}){_DASH}(?P<issuer>{_ISSUER})"
    rf"|(?P<pserial>[0-9]{{1,6}}){_DASH}(?P<ptype>{_ABBR}){_SLASH}(?P<pissuer>{_ISSUER})"
    rf"){_AFTER}"
)


def _from_match(m: re.Match[str]) -> DocNumber | None:
    party = m.group("pserial") is not None
    if party:
        serial, year_text, printed_type, issuer = (
            m.group("pserial"), None, m.group("ptype"), m.group("pissuer"))
    else:
        serial, year_text, printed_type, issuer = (
            m.group("serial"), m.group("year"), m.group("type"), m.group("issuer"))
    type_abbr = _canonical_type(printed_type)
    if type_abbr is None:
        return None
    year = int(year_text) if year_text else None
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        return None
    issuer = re.sub(_TIGHT_DASH, "-", nfc(issuer))
    return DocNumber(serial, year, type_abbr, issuer, party)


def parse_number(s: str) -> DocNumber | None:
    """A document number from a string, or None when the string is not one.

    Tolerates NFD, any case, a missing diacritic ("QD-TTg"), spaces around "/" and "-" and
    dash variants; dates (23/9/2019) and fractions (62/95) are not numbers.
    """
    if not isinstance(s, str):
        return None
    m = _NUMBER_RE.fullmatch(nfc(s).strip())
    return _from_match(m) if m else None


# --- citations in running text -----------------------------------------------------------

# type words written before a number, folded -> type id of the register's vocabulary
_KIND_WORDS = {
    "quyet dinh": "quyet-dinh",
    "nghi quyet": "nghi-quyet",
    "nghi dinh": "nghi-dinh",
    "thong bao": "thong-bao",
    "chi thi": "chi-thi",
    "thong tu": "thong-tu",
    "ke hoach": "ke-hoach",
    "bao cao": "bao-cao",
}
_KIND_RE = re.compile(
    r"(?:^|[^a-z0-9])(" + "|".join(map(re.escape, _KIND_WORDS)) + r")(?: so)?(?: ?:)?$")
_DATE_AFTER_RE = re.compile(
    r",? ?ngay (?:"
    r"(?P<d1>\d{1,2}) ?[/.-] ?(?P<m1>\d{1,2}) ?[/.-] ?(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2}) thang (?P<m2>\d{1,2}),? nam (?P<y2>\d{4})"
    r")(?!\d)")
_YEAR_AFTER_RE = re.compile(r",? ?nam (?P<y>\d{4})(?![\d/]| ?[-–] ?\d)")
_LOOK_BEHIND, _LOOK_AHEAD = 48, 80


@dataclass(frozen=True)
class Citation:
    """A document number found in a text, with what the words around it say of it."""

    number: DocNumber
    start: int
    end: int
    date: date | None
    year: int | None
    kind: str | None
    raw: str


def _normalised(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """NFC text with, when it differs from the input, the input offsets of each character.

    Normalised cluster by cluster (a base character and its marks), so that a span found in the
    normalised text maps back to the input exactly.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(out), starts, ends


def _date_after(tail: str) -> tuple[date | None, int | None]:
    folded = fold(tail)
    m = _DATE_AFTER_RE.match(folded)
    if m:
        d, mo, y = (m.group("d1"), m.group("m1"), m.group("y1")) if m.group("d1") else (
            m.group("d2"), m.group("m2"), m.group("y2"))
        try:
            found = date(int(y), int(mo), int(d))
        except ValueError:
            return None, None
        return found, found.year
    m = _YEAR_AFTER_RE.match(folded)
    if m and MIN_YEAR <= int(m.group("y")) <= MAX_YEAR:
        return None, int(m.group("y"))
    return None, None


def _kind_before(head: str) -> str | None:
    m = _KIND_RE.search(fold(head))
    return _KIND_WORDS[m.group(1)] if m else None


# what every number starts with: a serial not within a word, then "/" and a letter or a year,
# or "-" and a letter. Dates and amounts have digits too, and trying the whole pattern at each
# of their digits was most of the time spent finding; opening with a digit, this pattern is
# searched for as fast as a digit alone.
_START = re.compile(rf"[0-9](?<![\w/\uff0f\u2215][0-9])[0-9]{{0,5}}"
                    rf"(?:{_SLASH}(?:[0-9]{{4}}{_SLASH})?[^\W\d_]|{_DASH}[^\W\d_])")


def _numbers_in(text: str):
    """_NUMBER_RE.finditer(text), matched only where a number can start: the pattern opens
    with look-behinds, so the regex engine would otherwise try every position."""
    pos = 0
    while True:
        start = _START.search(text, pos)
        if start is None:
            return
        m = _NUMBER_RE.match(text, start.start())
        if m is None:
            pos = start.start() + 1
        else:
            yield m
            pos = m.end()


def find_citations(text: str) -> list[Citation]:
    """Every document number in a text, in order, with the date or year written after it and
    the type word written before it ("Quyết định số 1072/QĐ-TTg ngày 28/8/2018").

    Spans are offsets into `text` as given, even when it is not NFC.
    """
    norm, starts, ends = _normalised(text)
    found: list[Citation] = []
    for m in _numbers_in(norm):
        number = _from_match(m)
        if number is None:
            continue
        when, year = _date_after(norm[m.end():m.end() + _LOOK_AHEAD])
        if year is None:
            year = number.year
        kind = _kind_before(norm[max(0, m.start() - _LOOK_BEHIND):m.start()])
        if starts is None or ends is None:
            start, end = m.start(), m.end()
        else:
            start, end = starts[m.start()], ends[m.end() - 1]
        found.append(Citation(number, start, end, when, year, kind, text[start:end]))
    return found


# --- resolution --------------------------------------------------------------------------

@dataclass
class Resolution:
    """Which register document a citation means, and why (exact, only, latest-before,
    ambiguous, none)."""

    key: str | None
    candidates: list[str] = field(default_factory=list)
    reason: str = "none"


class Resolver:
    """Looks numbers up among the register's documents by match_key, in constant time per
    number, since it runs for every citation of thousands of documents."""

    def __init__(self, documents: Iterable[tuple[str, DocNumber, date]] = ()) -> None:
        # match_key -> [(issued_start, key)], kept sorted by issue date
        self._by_key: dict[str, list[tuple[date, str]]] = defaultdict(list)
        # (match_key, year) -> [key]
        self._by_year: dict[tuple[str, int], list[str]] = defaultdict(list)
        for key, number, issued_start in documents:
            self.add(key, number, issued_start)

    def add(self, key: str, number: DocNumber, issued_start: date) -> None:
        """Register one document: its key, number and the first day it could have been issued."""
        bisect.insort(self._by_key[number.match_key], (issued_start, key))
        self._by_year[(number.match_key, issued_start.year)].append(key)

    def resolve(self, number: DocNumber, *, year: int | None = None,
                before: date | None = None) -> Resolution:
        """The document `number` means.

        With a year (given, or printed in the number) only that year's document will do;
        without one, the only document with that number, else the latest issued on or before
        `before`, else the citation is ambiguous.
        """
        match_key = number.match_key
        if year is None:
            year = number.year
        if year is not None:
            keys = self._by_year.get((match_key, year), [])
            if len(keys) == 1:
                return Resolution(keys[0], list(keys), "exact")
            if keys:
                return Resolution(None, list(keys), "ambiguous")
            return Resolution(None, [], "none")
        entries = self._by_key.get(match_key, [])
        if not entries:
            return Resolution(None, [], "none")
        if len(entries) == 1:
            return Resolution(entries[0][1], [entries[0][1]], "only")
        candidates = [key for _, key in entries]
        if before is not None:
            upto = bisect.bisect_right(entries, before, key=lambda e: e[0])
            if upto:
                latest = entries[upto - 1][0]
                tied = [key for issued, key in entries[:upto] if issued == latest]
                if len(tied) == 1:
                    return Resolution(tied[0], candidates, "latest-before")
        return Resolution(None, candidates, "ambiguous")
