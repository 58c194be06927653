"""Generated pages and open-data files, held compressed in memory until MkDocs needs them.

A 10,000-document register generates about 150 MB of Markdown and 250 MB of open data. Handed
to MkDocs as plain in-memory content, they stayed in the build process beside every page's HTML
(the build peaked at 3.7 GB). Written to a temporary folder instead, they cost 34,000 file
writes, reads, copies and deletions, about a tenth of the build. Compressed (zlib, fastest
level) they take a sixth of the memory, and each is unpacked when MkDocs reads it, then dropped.

Each file's digest is kept from one build to the next, so that a dirty build (`register serve`)
knows which generated files changed: after an edit, MkDocs renders the pages whose content
changed, not all of them. No MkDocs import here.
"""
from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass

__all__ = ["Packed", "Staging", "compress", "digest"]


def digest(data: bytes) -> bytes:
    """What tells a file's bytes from the last build's."""
    return hashlib.blake2b(data, digest_size=16).digest()


def compress(content: str | bytes) -> tuple[bytes, bytes]:
    """(digest, compressed bytes) of a file's content; done where the content is made (open
    data is made in a child process: beside.py)."""
    data = _encoded(content)
    return digest(data), _compressed(data)


def _encoded(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _compressed(data: bytes) -> bytes:
    return zlib.compress(data, 1)  # the fastest level: a sixth of the size all the same


@dataclass(frozen=True)
class Packed:
    """One generated file: its compressed bytes, and whether it differs from the last build's."""
    data: bytes
    changed: bool

    def unpack(self) -> bytes:
        return zlib.decompress(self.data)


class Staging:
    """The digests of the generated files of the last complete build, to tell which ones
    changed, and their compressed bytes, so that an unchanged file is not compressed again (at
    10,000 documents compressing every page took 2.6 s of a preview's rebuild).

    A build that fails after `begin` may have written some of its files and not others, so
    until it reaches `end` there is no complete build to compare with: the next build counts
    every file changed, and writes them all."""

    def __init__(self) -> None:
        # (digest, compressed bytes or None) by path
        self._written: dict[str, tuple[bytes, bytes | None]] = {}  # by the last build that reached `end`
        self._previous: dict[str, tuple[bytes, bytes | None]] = {}
        self._staged: dict[str, tuple[bytes, bytes | None]] = {}   # this build's

    def begin(self) -> None:
        """Start a build: the files it stages are compared with the last complete build's."""
        self._previous, self._written, self._staged = self._written, {}, {}

    def end(self) -> None:
        """The build has written every file it staged."""
        self._written = self._staged

    def pack(self, rel: str, content: str | bytes) -> Packed:
        """`content` for the file at `rel`, compressed, and marked changed unless the last build
        staged the same bytes there (whose compressed bytes are then used again)."""
        data = _encoded(content)
        new = digest(data)
        old, kept = self._previous.get(rel, (None, None))
        return self.packed(rel, new, kept if old == new and kept is not None else _compressed(data))

    def packed(self, rel: str, digest: bytes, data: bytes) -> Packed:
        """The file at `rel`, already compressed (`compress`)."""
        return Packed(data, self._stage(rel, digest, data))

    def carry(self, rel: str) -> Packed | None:
        """The file at `rel` as the last complete build staged it, unchanged (a preview's page
        that an edit did not render again: render/near.py), or None if it staged none."""
        old_digest, kept = self._previous.get(rel, (None, None))
        if old_digest is None or kept is None:
            return None
        return self.packed(rel, old_digest, kept)

    def last(self, rel: str) -> bytes | None:
        """The bytes of the file at `rel` in the last complete build, before the next `begin`."""
        kept = self._written.get(rel, (None, None))[1]
        return zlib.decompress(kept) if kept is not None else None

    def changed(self, rel: str, content: str) -> bool:
        """Whether `content`, which a file that is not staged shows (the home page's generated
        summary), differs from the last build's; `rel` names it."""
        return self._stage(rel, digest(_encoded(content)), None)

    def _stage(self, rel: str, digest: bytes, data: bytes | None) -> bool:
        """Record this build's file at `rel`; whether it differs from the last build's."""
        self._staged[rel] = (digest, data)
        return self._previous.get(rel, (None,))[0] != digest
