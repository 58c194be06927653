"""What the register reads and writes on disk: plain files of the repository, never through a link.

A pull request can commit a symbolic link anywhere (git stores it as such), and a link in a
folder the build reads would publish whatever it points at: `/etc/passwd`, the checkout's
`.git/config` with its credentials. MkDocs follows links in `docs_dir` and the theme's
`custom_dir` when it copies them into the site, and Python's `open` follows them everywhere.

The rule is **no symbolic link at all** in what the build reads — `mkdocs.yml`, `decisions/`,
`content/`, `theme_overrides/` (or the folders mkdocs.yml names instead), nor any of those
itself a link — rather than "no link leading outside the repository". A link's target is only
known once resolved on the build machine (through other links, from wherever the checkout
lies), so "inside" is a judgement made at one moment about a path that can mean something else
at the next, and the register has no use for a link: a page or record is a file. The same goes
for a file that is not a regular file (a named pipe would hang the build, a device would feed
it the machine's bytes): git cannot commit one, but one can appear in a working copy.

A file that `check` reports never reaches the site, and the same rule guards what is written:
the output folder, `register export --out`, and the files `register new`/`import` and
`export --published` write are never a link and never under one inside the repository, so a
build never writes or deletes outside the repository and the output folder it was given.
No MkDocs import here.
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable

from generator.core.diagnostics import Diagnostic

__all__ = ["UnsafePath", "LINK", "NOT_REGULAR", "SITE_SOURCES", "first_link", "tree_problems",
           "site_sources", "read_regular", "output_problem", "write_inside", "make_folders", "make_output_folder"]

O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)   # a named pipe opens at once, then fstat refuses it
O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
O_BINARY = getattr(os, "O_BINARY", 0)

LINK = ("is a symbolic link: the register reads and writes only files committed as they are; "
        "replace the link with the file or folder itself")
NOT_REGULAR = ("is not a regular file (a named pipe, socket or device): the register reads only "
               "plain files and folders")


class UnsafePath(OSError):
    """A path the register refuses to read or write through; `rel` is the part to blame."""

    def __init__(self, rel: str, message: str):
        super().__init__(f"{rel}: {message}")
        self.rel, self.message = rel, message


def first_link(root: Path, path: Path) -> Path | None:
    """The first component of `path` below `root` that is a symbolic link, or None. `path` is
    absolute and normalised; outside `root` only `path` itself is looked at (its parents are
    the machine's, chosen by whoever typed the path)."""
    path, root = Path(path), Path(root)
    if path == root or not path.is_relative_to(root):
        return path if path != root and os.path.islink(path) else None
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if os.path.islink(current):
            return current
    return None


def _rel(root: Path, path: Path) -> str:
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return str(path)


def tree_problems(root: Path, rels: Iterable[str]) -> list[Diagnostic]:
    """Every symbolic link and every file that is not a regular one in or above each of `rels`
    (files or folders relative to `root`, walked whole without following a link), as
    `path:1: message`. A missing path is not a problem here."""
    root = Path(os.path.abspath(root))
    out: list[Diagnostic] = []
    for rel in rels:
        start = Path(os.path.normpath(root / rel))
        link = first_link(root, start)
        if link is not None:
            out.append(Diagnostic(_rel(root, link), 1, LINK))
            continue
        try:
            mode = os.lstat(start).st_mode
        except FileNotFoundError:
            continue
        if stat.S_ISDIR(mode):
            out += _walk(root, start)
        elif not stat.S_ISREG(mode):
            out.append(Diagnostic(_rel(root, start), 1, NOT_REGULAR))
    return sorted(set(out))


def _walk(root: Path, folder: Path) -> list[Diagnostic]:
    out = []
    stack = [folder]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_symlink():
                    out.append(Diagnostic(_rel(root, Path(entry.path)), 1, LINK))
                elif entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif not entry.is_file(follow_symlinks=False):
                    out.append(Diagnostic(_rel(root, Path(entry.path)), 1, NOT_REGULAR))
    return out


def read_regular(path: Path, rel: str, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path` (`rel` below the register root), read without
    following a link in `rel`: raises UnsafePath naming the link or the odd file, ValueError
    when the file is larger than `limit`, OSError when it cannot be read."""
    path = Path(path)
    parent, parts = path.parent, rel.split("/")
    for depth in range(len(parts) - 1, 0, -1):  # the folders of rel, deepest first
        if os.path.islink(parent):
            raise UnsafePath("/".join(parts[:depth]), LINK)
        parent = parent.parent
    try:
        fd = os.open(path, os.O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_BINARY)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK) or os.path.islink(path):
            raise UnsafePath(rel, LINK) from None
        raise
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePath(rel, NOT_REGULAR)
        if not O_NOFOLLOW and os.path.islink(path):  # a system without O_NOFOLLOW
            raise UnsafePath(rel, LINK)
        if limit is not None and info.st_size > limit:
            raise ValueError(f"file is {info.st_size:,} bytes; the limit is {limit:,}")
        return handle.read()


def output_problem(path: Path, root: Path, what: str = "folder") -> str | None:
    """Why `path` (absolute, normalised) must not be written to, if it must not: it, or a
    folder above it inside the repository `root`, is a symbolic link (a committed `site` link
    would have a build delete and write a folder anywhere on the machine), or it is something
    other than a folder."""
    link = first_link(root, path)
    if link is not None:
        return (f"{link} is a symbolic link: nothing is written or deleted through one; "
                "remove the link, or choose another folder")
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if not stat.S_ISDIR(mode):
        return f"{path} is a file, not a {what}: choose another folder"
    return None


def make_folders(root: Path, folder: Path) -> None:
    """Create `folder` and the folders above it up to `root`, refusing (UnsafePath) a link on
    the way: mkdir(parents=True) would create them wherever a link pointed."""
    root, folder = Path(root), Path(folder)
    current = root
    for part in folder.relative_to(root).parts:
        current = current / part
        try:
            os.mkdir(current)
        except FileExistsError:
            pass
        mode = os.lstat(current).st_mode
        if stat.S_ISLNK(mode):
            raise UnsafePath(_rel(root, current), LINK)
        if not stat.S_ISDIR(mode):
            raise UnsafePath(_rel(root, current), "is a file where a folder is needed")


def make_output_folder(root: Path, folder: Path) -> None:
    """Create `folder` (absolute, normalised): inside the repository `root` never through a
    link; outside it, where whoever typed the path chose (the machine's own folders, links
    such as macOS's /tmp included)."""
    root, folder = Path(root), Path(folder)
    if folder.is_relative_to(root):
        make_folders(root, folder)
    else:
        folder.mkdir(parents=True, exist_ok=True)
        if os.path.islink(folder):
            raise UnsafePath(str(folder), LINK)


def write_inside(base: Path, rel: str, content: bytes, exclusive: bool = False) -> Path:
    """Write `content` to `rel` (a relative posix path without `..`) under the folder `base`,
    whole (a reader never sees half a file) and without following a link: not in `rel`'s
    folders, and not at the file itself, which is replaced, never written through. With
    `exclusive`, an existing file is left alone (FileExistsError)."""
    parts = rel.split("/")
    if rel.startswith("/") or "\\" in rel or any(p in ("", ".", "..") for p in parts):
        raise UnsafePath(rel, "is not a path inside the folder")
    base = Path(base)
    target = base.joinpath(*parts)
    make_folders(base, target.parent)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_BINARY
    if exclusive:  # O_EXCL: an existing name, a link included, is never opened
        with os.fdopen(os.open(target, flags, 0o644), "wb") as handle:
            handle.write(content)
        return target
    # a fresh name of its own (mkstemp: O_EXCL, O_NOFOLLOW), replaced onto the target
    fd, partial = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o644)  # mkstemp's 0o600 would hide a published file from the web server
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(partial, target)  # replaces a link at target, never writes through it
    except BaseException:
        try:
            os.unlink(partial)
        except FileNotFoundError:
            pass
        raise
    return target


# the files and folders of a register the site is built from, besides decisions/ (which
# load.document_files walks, as it lists the records; sources/ holds copies of the sources
# where a register keeps them): `register check` looks at these; the build at these and at
# the ones mkdocs.yml actually names (site_sources)
SITE_SOURCES = ("mkdocs.yml", "content", "theme_overrides", "sources")


def site_sources(config_file: str, folders: Iterable[str | None]) -> list[Diagnostic]:
    """The problems of what MkDocs is about to read — its configuration `config_file` and
    `folders` (docs_dir, the theme's custom_dir, the plugin's root) — before it reads them:
    a folder outside the configuration's own folder (docs_dir: /etc), a symbolic link, a file
    that is not a regular one. Paths are reported relative to the configuration's folder."""
    repo = Path(os.path.abspath(config_file)).parent
    rels, out = [Path(config_file).name, *SITE_SOURCES], []
    for folder in folders:
        if not folder:
            continue
        path = Path(os.path.normpath(repo / folder))
        if not path.is_relative_to(repo):
            out.append(Diagnostic(str(path), 1, f"is outside the register's folder {repo}: the site "
                                                "is built from the register's own files only"))
        elif path != repo:
            rels.append(path.relative_to(repo).as_posix())
    return sorted(set(out) | set(tree_problems(repo, rels)))
