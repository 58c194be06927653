"""What a record may hold: the characters every page, feed, sitemap and CSV can show as written.

One rule for every string a record or registry file carries, checked where it is read
(source.py: the file's text, then every YAML value, escapes included, so `"\\ud800"` or
`"\\x1b"` written in quotes is caught too), so that nothing after it has to guess. Refused:

- control characters (C0 but tab and line feed, DEL, C1): they are invisible, move a terminal's
  cursor, and XML 1.0 cannot hold most of them (an Atom feed with one is invalid);
- lone surrogates (`"\\ud800"` in a double-quoted YAML string): half a character, which cannot
  be written as UTF-8 at all;
- noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE, U+FFFF…):
  "permanently reserved for internal use", and U+FFFE/U+FFFF are not XML characters either;
- private-use characters: their look depends on the reader's fonts, and engines use some of
  them as marks inside pages (Python-Markdown's placeholders, page_shell.py);
- the bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
  they make text display in another order than it is stored, so a reviewer reads something
  other than what is published ("Trojan Source", CVE-2021-42574).

Single-line fields (every field but the body and a report's `text`) take no tab or line break
either. Text is NFC (source.py normalises it). One character class, searched once: linear.
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

__all__ = ["MAX_NAME_BYTES", "TextProblem", "name_problem", "text_problem", "without_refused", "xml_text"]

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}-{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(16))
_REFUSED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"          # control characters but tab and line feed
    "\ud800-\udfff"                          # surrogates (only ever lone in a Python str)
    "\ue000-\uf8ff\U000f0000-\U0010ffff"     # private use (planes 15–16: private use or nonchar.)
    + _NONCHARACTERS +
    "\u202a-\u202e\u2066-\u2069]")           # bidi embedding, override and isolate controls
_LINE_BREAK = re.compile("[\t\n]")

# An id or a file name becomes a folder or file name of the site and of the open data
# (`<id>/index.html`, `<file name>.json`, `<file name>.html`), and file systems refuse a name over
# 255 bytes: 200 leaves room for every suffix the build adds.
MAX_NAME_BYTES = 200


def _describe(char: str) -> str:
    code = ord(char)
    point = f"U+{code:04X}"
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"the control character {point}"
    if 0xD800 <= code <= 0xDFFF:
        return f"a lone surrogate {point} (half of a character)"
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        name = unicodedata.name(char, "bidirectional control").lower()
        return f"the bidirectional control {point} ({name}), which makes text display in another order"
    if unicodedata.category(char) == "Co":
        return f"the private-use character {point}, which shows differently on every device"
    return f"the noncharacter {point}"


class TextProblem(NamedTuple):
    at: int       # index of the character in the text
    what: str     # "contains the control character U+001B"
    remedy: str   # "delete it"

    def __str__(self) -> str:
        return f"{self.what}; {self.remedy}"


def text_problem(text: str, single_line: bool = False) -> TextProblem | None:
    """Where `text` breaks the rule above and why, or None.

    The message names the character by its code point, never the character itself, so that
    printing it is safe."""
    found = _REFUSED.search(text)
    if found:
        return TextProblem(found.start(), f"contains {_describe(found.group())}", "delete it")
    if single_line:
        found = _LINE_BREAK.search(text)
        if found:
            what = "a tab" if found.group() == "\t" else "a line break"
            return TextProblem(found.start(), f"must be on one line, and contains {what}",
                               "replace it with a space")
    return None


def without_refused(text: str) -> str:
    """`text` without the characters the rule refuses (tabs and line breaks kept): for text a
    command writes into a record (`register import`), which check must then accept."""
    return _REFUSED.sub("", text)


def name_problem(name: str) -> str | None:
    """Why an id or a file name cannot name a file of the site (too long), or None."""
    size = len(name.encode("utf-8", "surrogatepass"))
    if size > MAX_NAME_BYTES:
        return (f"is {size} bytes long; an id or file name becomes the name of a page's folder "
                f"and may be at most {MAX_NAME_BYTES} bytes")
    return None


# XML 1.0's Char production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    """`value` without the characters XML 1.0 cannot hold, for every text and attribute of the
    feeds: `check` refuses them in records, but a feed also carries git's authors and subjects,
    and one such character makes the whole feed invalid for every reader."""
    return _NOT_XML.sub("", value)
