"""Generated pages and open-data files as files in a staging folder, for MkDocs to read.

Handed to MkDocs as in-memory content, a 10,000-document register's generated Markdown
(about 150 MB) and open data (about 250 MB) stayed in the build process until the end of the
build, beside every page's HTML: the build peaked at 3.7 GB. Written to a staging folder and
handed over by path (`File.generated(..., abs_src_path=...)`), each file is read when MkDocs
needs it and dropped after.

A file is rewritten only when its content changed, so its modification time tells a dirty build
(`register serve`) which pages to rebuild: after an edit, MkDocs renders the pages whose
content changed, not all of them. No MkDocs import here.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

__all__ = ["Staging"]


class Staging:
    """A folder of generated files, remembered by content digest between builds."""

    def __init__(self, prefix: str = "register-"):
        self.folder = Path(tempfile.mkdtemp(prefix=prefix))
        self._digests: dict[str, bytes] = {}
        self._seen: set[str] = set()

    def begin(self) -> None:
        """Start a build: files not written again before `end` are removed then."""
        self._seen = set()

    def write(self, rel: str, content: str | bytes) -> str:
        """Stage `content` at `rel`; return the absolute path. Unchanged content is not
        rewritten, so the file keeps its modification time."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = hashlib.blake2b(data, digest_size=16).digest()
        path = self.folder / rel
        self._seen.add(rel)
        if self._digests.get(rel) != digest or not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
            self._digests[rel] = digest
        return str(path)

    def end(self) -> None:
        """Remove the files of an earlier build that this one did not generate."""
        for rel in set(self._digests) - self._seen:
            self._digests.pop(rel, None)
            try:
                (self.folder / rel).unlink()
            except FileNotFoundError:
                pass

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self._digests.clear()
