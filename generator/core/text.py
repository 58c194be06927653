"""Text normalisation for Vietnamese: NFC, diacritic folding, URL slugs.

Readers type without diacritics and sources mix NFC with NFD, so every comparison of names and
numbers goes through `fold`, and every URL through `slugify`.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["nfc", "fold", "slugify"]

# "đ" has no decomposition in Unicode, so stripping marks leaves it alone; "ð" (U+00F0, from
# the look-alike "Ð" U+00D0) is often typed in place of "đ" in Vietnamese text.
_D_MAP = str.maketrans({"đ": "d", "ð": "d"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(s: str) -> str:
    """Unicode NFC, so that text pasted as NFD compares equal to what editors type."""
    return unicodedata.normalize("NFC", s)


def _is_mark(ch: str) -> bool:
    return unicodedata.combining(ch) != 0 or unicodedata.category(ch) in ("Mn", "Me")


class _Folding(dict):
    """str.translate table, filled as characters are met: marks deleted, "đ"/"ð" → "d", every
    other character kept. One C-level translate per string instead of a Python call per
    character: the reader folds every citation's surroundings, thousands per register."""

    def __missing__(self, code: int):
        ch = chr(code)
        value = None if _is_mark(ch) else ch.translate(_D_MAP)
        self[code] = value
        return value


_FOLDING = _Folding()


@lru_cache(maxsize=1 << 16)  # names, numbers and their surroundings recur
def fold(s: str) -> str:
    """Lower case without diacritics ("Vũ Đức Đam" → "vu duc dam"), the form readers type.

    Whitespace runs become one space and the ends are stripped, so folded strings can be
    compared and searched directly.
    """
    return " ".join(unicodedata.normalize("NFD", s.lower()).translate(_FOLDING).split())


def slugify(s: str) -> str:
    """A URL segment: folded, every run of anything but a-z0-9 turned into one "-".

    "150/2016/NĐ-CP" → "150-2016-nd-cp", so a document's URL is stable however its number was
    typed.
    """
    return _NOT_SLUG.sub("-", fold(s)).strip("-")
