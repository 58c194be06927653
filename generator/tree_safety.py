"""The files a build reads are the repository's own: no symlink, no device or pipe.

A pull request can commit a symlink (`content/x.md -> /etc/passwd`, `theme_overrides/assets ->
../.git`, `decisions -> /somewhere`), and MkDocs copies what a link points at into the site. So
every folder the build reads is walked without following links, and each link or special file
in it is refused with its path: git cannot commit hard links, so a plain file of the tree is the
repository's own. A link that stays inside the repository is refused too: the rule is one
simple thing an editor can see, and nothing in the register needs a link.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from .diagnostics import Diagnostics, Loc

# what `register build` reads besides the records' own checks (load.document_files walks
# decisions/ itself, file by file)
READ_BY_THE_BUILD = ("decisions", "sources", "content", "theme_overrides", "mkdocs.yml")
_WALKED_HERE = ("sources", "content", "theme_overrides")


def _kind(mode: int) -> str | None:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "not a regular file (a pipe, socket or device)"


def check_tree(root: Path, diags: Diagnostics) -> None:
    """Refuse, with its path, every link or special file among what the build reads."""
    root = Path(root)
    for name in READ_BY_THE_BUILD:
        path = root / name
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            continue
        kind = _kind(mode)
        if kind:
            diags.error(Loc(name, 1), f"{name} is {kind}: the register's folders and files must be "
                                      "plain ones of the repository; replace it with the real folder or file")
        elif stat.S_ISDIR(mode) and name in _WALKED_HERE:
            _walk(root, name, diags)


def _walk(root: Path, rel: str, diags: Diagnostics) -> None:
    pending = [rel]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(root / folder) as entries:
                listed = sorted((entry.name, entry) for entry in entries)
        except OSError as exc:
            diags.error(Loc(folder, 1), f"{folder} cannot be read ({exc.strerror})")
            continue
        for name, entry in listed:
            path = f"{folder}/{name}"
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError:
                continue
            kind = _kind(mode)
            if kind:
                diags.error(Loc(path, 1), f"{path} is {kind}: the site would publish what it points "
                                          "at; commit the file itself, or remove it")
            elif stat.S_ISDIR(mode):
                pending.append(path)


def inside(root: Path, folder: str | Path, what: str) -> str | None:
    """Why the configured `folder` (docs_dir, custom_dir, site_dir) is not a folder of the
    repository at `root` reached through no link, or None: mkdocs.yml is a contributor's file too."""
    root_abs, path = os.path.abspath(root), os.path.abspath(folder)
    if os.path.commonpath([root_abs, path]) != root_abs or path == root_abs:
        return f"{what} {folder} is not a folder inside the repository"
    step = root_abs
    for part in os.path.relpath(path, root_abs).split(os.sep):
        step = os.path.join(step, part)
        if os.path.islink(step):
            return f"{what} {folder} is reached through a symbolic link ({os.path.relpath(step, root_abs)})"
    return None
