"""Dates in a text: every day it gives, and the role of each (issue, meeting, deadline)."""
from __future__ import annotations

import re
from datetime import date, timedelta

from generator.core.text import fold
from generator.editor.importer.draft import Draft
from generator.editor.importer.names import fold_map

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
