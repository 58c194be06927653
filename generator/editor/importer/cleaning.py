"""Cleaning a pasted text: decoding it, joining hard-wrapped lines into paragraphs, and removing
web boilerplate (adverts, comment prompts, "Top", a portal's "received" stamp), each removal
reported."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.core.vocab import DOCUMENT_TYPES
from generator.core.text import fold, nfc

_TYPE_HEADINGS = {fold(names[0]): type_id for type_id, names in DOCUMENT_TYPES.items()}
_ABBR_TYPES = {fold(names[2]).upper(): type_id for type_id, names in DOCUMENT_TYPES.items() if names[2]}
_SIGNED_RE = re.compile(r"^\(?\s*(đã ký|da ky|signed)[^)]*\)?$", re.I)

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
    r"^\s*(?:(?:cập nhật|đăng|ngày đăng)(?:\s+lúc)?\s*:?\s*\d{1,2}:\d{2}\s*,?\s*)?"
    r"(?:(?:thứ\s+\S+|chủ\s+nhật)\s*,?\s*)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
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
