"""The built site replaces the old one whole, at one instant, and never through a symlink.

A build writes into a fresh folder beside the site (`.site-<pid>-…`) and, once it succeeded,
exchanges it with the site in one atomic step (Linux renameat2 RENAME_EXCHANGE): at every
instant `site/` is the old site or the new one, never missing, whatever kills the build. The old
one, now in the fresh folder's place, is deleted after. Where the system has no exchange, two
renames do it, with a moment between them when `site/` is missing.

A pull request can commit `site` as a symlink to a folder of the build machine: the build would
have deleted that folder and written the site there. A site folder (or a folder on its way inside
the repository) that is a link is refused; so is a folder that is not a site, which the swap
would delete. Folders left by a build that was killed (its process is gone) are deleted by the
next build; SIGTERM deletes its own before the process ends.
"""
from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


class SiteRefused(Exception):
    """The site folder cannot be replaced safely; the message says why and what to do."""


class Terminated(Exception):
    """SIGTERM during a build: an Exception, so that MkDocs runs its plugins' build-error
    events (the search index's own process is stopped) before the folder is deleted."""


def built_and_swapped(base: Path, site_dir: str | Path, make: Callable[[Path], None]) -> Path:
    """Build with `make(folder)` into a fresh folder, then put it in place of `site_dir`
    (relative to `base`, the folder of mkdocs.yml): the site's path."""
    base = Path(os.path.abspath(base))
    site = Path(os.path.abspath(base / site_dir))
    refusal = _not_a_site(site, base)
    if refusal:
        raise SiteRefused(refusal)
    site.parent.mkdir(parents=True, exist_ok=True)
    _clear_leftovers(site.parent, site.name)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-{os.getpid()}-", dir=site.parent))
    with _terminate_as_exit():
        try:
            make(staging)
            staging.chmod(0o755)
            if os.path.lexists(site):
                _exchange(staging, site)  # staging now holds the old site
            else:
                os.rename(staging, site)
        finally:
            _remove(staging)
    return site


def _remove(folder: Path) -> None:
    """Delete the build's folder; again, a moment later, if a child still writing refilled it."""
    for attempt in range(5):
        if not os.path.lexists(folder) or os.path.islink(folder):
            return
        shutil.rmtree(folder, ignore_errors=True)
        if os.path.lexists(folder):
            time.sleep(0.2 * (attempt + 1))


def _not_a_site(site: Path, base: Path) -> str | None:
    """Why `site` must not be replaced by a build, if it must not: the swap deletes what was
    there, so `--site-dir .` (or `decisions`, `content`, `..`) would delete the register itself,
    and a link would have it delete and write elsewhere."""
    if site == base or site in base.parents:
        return f"{site} holds the register itself, not a site: choose another --site-dir"
    if site.is_relative_to(base):
        step = base
        for part in site.relative_to(base).parts:
            step = step / part
            if os.path.islink(step):
                target = os.readlink(step)
                return (f"{step.relative_to(base)} is a symbolic link (to {target!r}): a build never "
                        "writes through one; remove the link (`git rm`) and build again")
    elif os.path.islink(site):
        return f"{site} is a symbolic link: a build never writes through one; choose another --site-dir"
    if not os.path.lexists(site):
        return None
    if not site.is_dir():
        return f"{site} is a file, not a site: choose another --site-dir"
    if any(site.iterdir()) and not (site / "index.html").is_file() and not (site / "404.html").is_file():
        return (f"{site} is not a site built by `register build` (no index.html): a build would "
                "delete what it holds; choose another --site-dir, or empty that folder first")
    return None


def _clear_leftovers(parent: Path, name: str) -> None:
    """Delete the fresh folders of builds that were killed: named for a process that is gone."""
    mine = re.compile(rf"^\.{re.escape(name)}-(\d+)-[A-Za-z0-9_]+$")
    with os.scandir(parent) as entries:
        for entry in entries:
            found = mine.match(entry.name)
            if found and entry.is_dir(follow_symlinks=False) and not _alive(int(found[1])):
                shutil.rmtree(entry.path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _exchange(new: Path, old: Path) -> None:
    """Swap two folders' names at one instant; two renames where the system cannot."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            renameat2 = libc.renameat2
        except (OSError, AttributeError):
            renameat2 = None
        if renameat2 is not None:
            at_fdcwd, rename_exchange = -100, 2
            if renameat2(at_fdcwd, os.fsencode(new), at_fdcwd, os.fsencode(old), rename_exchange) == 0:
                return
            code = ctypes.get_errno()
            if code not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
                raise OSError(code, os.strerror(code), str(old))
    aside = old.with_name(f"{new.name}-old")
    os.rename(old, aside)
    try:
        os.rename(new, old)
    except OSError:
        os.rename(aside, old)  # the published site goes back where it was
        raise
    os.rename(aside, new)  # deleted with the fresh folder


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """SIGTERM (CI's cancel, `kill`) ends the build as an exception, so its folder is deleted."""
    def stop(signum, frame):
        raise Terminated(f"stopped by signal {signum}: the site was left as it was")

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: the default, and the next build clears up
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
