"""Diagnostics: every problem in the register, with the file and line an editor must fix."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, TextIO

# What a terminal would act on instead of showing: control characters (ESC starts the
# sequences that recolour, move the cursor, retitle the window or rewrite what was printed;
# CSI U+009B too; a carriage return overprints a line), the bidirectional controls (they
# reorder what is shown), the line and paragraph separators, and lone surrogates (which cannot
# be encoded at all: printing one raised UnicodeEncodeError). One character class: linear.
_NOT_FOR_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NOT_FOR_TERMINAL_KEEP_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(value: Any, keep_lines: bool = False) -> str:
    """`value` as text a terminal shows and does not act on: each character it would act on
    written as Python writes it in a string (`\\x1b`, `\\u202e`). Every value the commands
    print goes through this: a file name or a record's value may hold anything. With
    `keep_lines`, line feeds and tabs stay (a message of several lines)."""
    text = value if isinstance(value, str) else str(value)
    pattern = _NOT_FOR_TERMINAL_KEEP_LINES if keep_lines else _NOT_FOR_TERMINAL
    return pattern.sub(_escaped, text)


class TerminalStream:
    """A text stream that passes everything written to it through `for_terminal` (lines kept):
    the commands put one around standard output and standard error, so that no message, MkDocs'
    own included, writes a control sequence to the terminal."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(for_terminal(text, keep_lines=True))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding, buffer…
        return getattr(self.stream, name)


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{for_terminal(self.path)}:{self.line}: {for_terminal(self.message)}"

    def github(self) -> str:
        """GitHub Actions annotation, so the message lands on the pull request's line."""
        # the command's own escapes first (a message may have lines), then nothing a terminal acts on
        msg = for_terminal(self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
        # a property value also escapes the separators of the command's properties
        path = for_terminal(self.path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
                            .replace(":", "%3A").replace(",", "%2C"))
        return f"::error file={path},line={self.line}::{msg}"


@dataclass(frozen=True)
class Loc:
    """Where a value was written: a file relative to the register root, and a 1-based line."""

    path: str
    line: int


@dataclass
class Diagnostics:
    """Collects every diagnostic of one pass, so an editor sees all problems at once."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, loc: Loc, message: str) -> None:
        self.items.append(Diagnostic(loc.path, loc.line, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items))


class RegisterError(Exception):
    """Raised by callers (plugin, CLI) when a register has diagnostics and must not be published."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        lines = "\n".join(str(d) for d in diagnostics)
        super().__init__(f"the register has {len(diagnostics)} error(s):\n{lines}")
