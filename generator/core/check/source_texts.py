"""The raw texts the records were entered from, kept in the repository under `sources/`.

They are the register's evidence: a reviewer reads a record beside the text it came from, and
the importer's tests read the same files. A record names each one in `sources[].file`; the file
must be a regular UTF-8 file inside the repository, reached through no symlink, so that a pull
request cannot point the register at a file of the build machine.
"""
from __future__ import annotations

from pathlib import Path

from generator.core.diagnostics import Diagnostics, Loc
from generator.core.model import Register
from generator.core.safe_fs import LINK, UnsafePath, read_regular

MAX_SOURCE_BYTES = 2_000_000  # the longest decree's text is a few hundred KB
BOM = b"\xef\xbb\xbf"


def _read(root: Path, rel: str) -> bytes | str:
    """The bytes of source text `rel` (a path SOURCE_FILE_RE accepted), or why it has none."""
    try:
        raw = read_regular(Path(root) / rel, rel, MAX_SOURCE_BYTES)
    except UnsafePath as exc:
        return f"{exc.rel} is a symlink: a source text must be a plain file" if exc.message == LINK \
            else f"source file {rel} is not a regular file"
    except FileNotFoundError:
        return (f"source file {rel} does not exist: add the raw text the record was entered "
                f"from as {rel}, or remove `file:`")
    except ValueError:
        return f"source file {rel} is larger than {MAX_SOURCE_BYTES:,} bytes: is it the right file?"
    except OSError as exc:
        return f"source file {rel} cannot be read ({exc.strerror})"
    if b"\x00" in raw:
        return f"source file {rel} holds NUL bytes: a binary file, or UTF-16 text; save it as UTF-8"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return (f"source file {rel} is not UTF-8 text (undecodable byte at offset {exc.start}); "
                "save it as UTF-8")
    return raw


def source_file_problem(root: Path, rel: str) -> str | None:
    """Why `rel` is not a readable source text, or None."""
    found = _read(root, rel)
    return found if isinstance(found, str) else None


def check_source_files(root: Path, register: Register, diags: Diagnostics) -> None:
    """Every `sources[].file` of every record is a plain UTF-8 file of the repository."""
    for doc in register.documents.values():
        for source in doc.sources:
            if source.file and (problem := source_file_problem(root, source.file)):
                diags.error(Loc(doc.path, source.file_line or 1), problem)


def source_files(register: Register) -> list[str]:
    """Every source text the records name, sorted (the site publishes them at these paths)."""
    return sorted({s.file for doc in register.documents.values() for s in doc.sources if s.file})


def published_text(root: Path, rel: str) -> bytes:
    """A source text as the site publishes it: its bytes after a UTF-8 byte-order mark, which a
    browser reads as the encoding where a server names none for .txt (GitHub Pages names UTF-8,
    Python's and MkDocs' preview servers do not, and Vietnamese then shows as mojibake).
    check_source_files has accepted it."""
    raw = read_regular(Path(root) / rel, rel, MAX_SOURCE_BYTES)
    return raw if raw.startswith(BOM) else BOM + raw
