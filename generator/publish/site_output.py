"""Where `register build` writes: a whole new site, swapped in for the old in one step.

The site is built in a folder of its own beside the output folder, `.<name>-build-<pid>-<random>`
(`.site-build-…` for `site/`), and only a build that succeeded is swapped in. The swap must
leave a whole site at every instant, even if the machine dies in the middle: rename(2) cannot
replace a folder that is not empty, and the two renames it would take (old site aside, new
site in) leave no site at all between them. So, where the system offers it, the two folders
are *exchanged* in one call — Linux's renameat2(RENAME_EXCHANGE), macOS's
renamex_np(RENAME_SWAP) — and the build folder, which then holds the old site, is deleted.
`site` stays a real folder (a link `site -> .site-<id>` swapped by rename would be atomic too,
but the output folder is never a link: a committed one is refused, and a web server or a Pages
upload should not have to follow one). Elsewhere the two renames are the fallback, and the next
build puts the old site back if a crash fell between them.

A build killed with SIGKILL leaves its build folder behind (and one killed by SIGTERM or Ctrl-C
removes it: `stop_on_sigterm`). The next build deletes the build folders of processes that no
longer run, recognised by their exact name, and never a link; `.gitignore` covers them.
No MkDocs import here.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

__all__ = ["Terminated", "new_build_folder", "clean_leftovers", "swap_in", "stop_on_sigterm",
           "build_folders"]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2   # linux/fs.h
_RENAME_SWAP = 2       # macOS sys/stdio.h
# what renameat2/renamex_np answer where the system or the file system cannot exchange
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}


class Terminated(Exception):
    """The build was asked to stop (SIGTERM): an Exception, so that MkDocs' on_build_error stops
    the build's helpers (Pagefind, the forked children) on its way out."""


def _pattern(site_dir: Path) -> re.Pattern[str]:
    # a fixed prefix, then digits and mkdtemp's letters: linear, no nested quantifier
    return re.compile(rf"\.{re.escape(site_dir.name)}-(build|old)-([0-9]+)-[a-z0-9_]+")


def new_build_folder(site_dir: Path) -> Path:
    """A fresh, empty folder beside `site_dir` to build into (mkdtemp: made by this process,
    never an existing name or a link)."""
    return Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-{os.getpid()}-", dir=site_dir.parent))


def build_folders(site_dir: Path) -> list[Path]:
    """The build folders beside `site_dir` (of any process), by name."""
    pattern = _pattern(site_dir)
    try:
        with os.scandir(site_dir.parent) as entries:
            return sorted(Path(e.path) for e in entries if pattern.fullmatch(e.name))
    except FileNotFoundError:
        return []


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process, or not a pid we can ask about: leave it
    return True


def clean_leftovers(site_dir: Path) -> None:
    """Delete the build folders that builds killed midway left beside `site_dir`; first, if a
    crash fell between the fallback's two renames and left no site, put the old one back."""
    pattern = _pattern(site_dir)
    dead = []
    for folder in build_folders(site_dir):
        match = pattern.fullmatch(folder.name)
        if not _alive(int(match.group(2))) and stat.S_ISDIR(os.lstat(folder).st_mode):
            dead.append((match.group(1), folder))
    if not os.path.lexists(site_dir):
        old = [folder for kind, folder in dead
               if kind == "old" and os.path.isfile(folder / "index.html") and not os.path.islink(folder / "index.html")]
        if old:
            newest = max(old, key=lambda folder: os.lstat(folder).st_mtime_ns)
            os.rename(newest, site_dir)
            dead = [(kind, folder) for kind, folder in dead if folder != newest]
    for _, folder in dead:
        shutil.rmtree(folder, ignore_errors=True)  # rmtree never follows a link inside


def _libc():
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name, use_errno=True) if name or sys.platform.startswith("linux") else None


def _exchange(a: Path, b: Path) -> bool:
    """Exchange the folders `a` and `b` in one step; False where the system cannot."""
    try:
        libc = _libc()
        if libc is None:
            return False
        if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
            result = libc.renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
        elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
            result = libc.renamex_np(os.fsencode(a), os.fsencode(b), _RENAME_SWAP)
        else:
            return False
    except OSError:
        return False
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in _UNSUPPORTED:
        return False  # this system or file system cannot: the fallback
    raise OSError(error, os.strerror(error), str(b))


def swap_in(built: Path, site_dir: Path) -> None:
    """Put the whole site in `built` at `site_dir`, which is a folder or absent (never a link:
    output_problem refused that); the old site is deleted once replaced. Raises OSError with
    the old site in place when the new one cannot be swapped in."""
    built.chmod(0o755)
    if not os.path.lexists(site_dir):
        os.rename(built, site_dir)
        return
    if _exchange(built, site_dir):
        shutil.rmtree(built, ignore_errors=True)  # the old site, now
        return
    old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-{os.getpid()}-", dir=site_dir.parent))
    os.rename(site_dir, old)  # onto the empty folder just made: rename replaces an empty one
    try:
        os.rename(built, site_dir)
    except OSError:
        os.rename(old, site_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def stop_on_sigterm() -> Iterator[list[int]]:
    """While the block runs, SIGTERM raises Terminated (so the build folder is removed on the
    way out, as Ctrl-C's KeyboardInterrupt does); the list it yields gets the signal, for code
    that caught the exception and went on. Only the main thread can take signals."""
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return

    def handler(signum, frame):
        received.append(signum)
        raise Terminated(f"stopped by signal {signum}")

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield received
    finally:
        signal.signal(signal.SIGTERM, previous)
