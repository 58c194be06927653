"""The raw texts the records were entered from, kept in the repository under `sources/`.

They are the register's evidence: a reviewer reads a record beside the text it came from, and
the importer's tests read the same files. A record names each one in `sources[].file`; the file
must be a regular UTF-8 file inside the repository, reached through no symlink, so that a pull
request cannot point the register at a file of the build machine.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from .diagnostics import Diagnostics, Loc
from .model import Register

SOURCES = "sources"
MAX_SOURCE_BYTES = 2_000_000  # the longest decree's text is a few hundred KB


def source_file_problem(root: Path, rel: str) -> str | None:
    """Why `rel` (a path checked by SOURCE_FILE_RE) is not a readable source text, or None."""
    path = Path(root)
    for part in rel.split("/"):
        path = path / part
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return (f"source file {rel} does not exist: add the raw text the record was entered "
                    f"from as {rel}, or remove `file:`")
        except OSError as exc:
            return f"source file {rel} cannot be read ({exc.strerror})"
        if stat.S_ISLNK(info.st_mode):
            return f"{path.relative_to(root).as_posix()} is a symlink: a source text must be a plain file"
    if not stat.S_ISREG(info.st_mode):
        return f"source file {rel} is not a regular file"
    if info.st_size > MAX_SOURCE_BYTES:
        return f"source file {rel} is {info.st_size:,} bytes (limit {MAX_SOURCE_BYTES:,}): is it the right file?"
    raw = (Path(root) / rel).read_bytes()
    if b"\x00" in raw:
        return f"source file {rel} holds NUL bytes: a binary file, or UTF-16 text; save it as UTF-8"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return (f"source file {rel} is not UTF-8 text (undecodable byte at offset {exc.start}); "
                "save it as UTF-8")
    return None


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
    Python's and MkDocs' preview servers do not, and Vietnamese then shows as mojibake)."""
    from .safe_fs import read_regular

    raw = read_regular(Path(root) / rel, rel, MAX_SOURCE_BYTES)
    return raw if raw.startswith(b"\xef\xbb\xbf") else b"\xef\xbb\xbf" + raw
