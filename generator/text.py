"""Text normalisation for Vietnamese: NFC, diacritic folding, URL slugs.

Readers type without diacritics and sources mix NFC with NFD, so every comparison of names and
numbers goes through `fold`, and every URL through `slugify`.
"""
from __future__ import annotations

import re
import unicodedata

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


def fold(s: str) -> str:
    """Lower case without diacritics ("Vũ Đức Đam" → "vu duc dam"), the form readers type.

    Whitespace runs become one space and the ends are stripped, so folded strings can be
    compared and searched directly.
    """
    decomposed = unicodedata.normalize("NFD", s.lower())
    bare = "".join(ch for ch in decomposed if not _is_mark(ch)).translate(_D_MAP)
    return " ".join(bare.split())


def slugify(s: str) -> str:
    """A URL segment: folded, every run of anything but a-z0-9 turned into one "-".

    "150/2016/NĐ-CP" → "150-2016-nd-cp", so a document's URL is stable however its number was
    typed.
    """
    return _NOT_SLUG.sub("-", fold(s)).strip("-")
