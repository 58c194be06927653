"""Diagnostics: every problem in the register, with the file and line an editor must fix."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def github(self) -> str:
        """GitHub Actions annotation, so the message lands on the pull request's line."""
        msg = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        # a property value also escapes the separators of the command's properties
        path = (self.path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
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
