"""Provenance: the editorial history of every record, read from git in one pass.

`read_history(root)` runs ONE `git log` over the register's folders (decisions/ and content/)
and parses it here, so a page's history is a dictionary lookup, not a `git log -- FILE` per
file. The whole graph is walked (`--full-history --sparse`), so that merge commits are seen
too: a pull request merged with "Merge pull request #12" is credited to every commit it brought
into the mainline, and is itself listed in the history of every file those commits touched.

What cannot be read is a status, never an exception: "no-git" (not a repository, git missing,
git failing) gives empty histories; "shallow" (CI's default clone) gives the commits the clone
holds, and says where the history was cut. No MkDocs here: plain data in, plain data out.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.core.asof import SITE_TZ
from generator.core.diagnostics import for_terminal

__all__ = ["Change", "Commit", "FileHistory", "History", "read_history", "parse_log", "parse_texts",
           "pull_request_number", "shown", "LOG_FORMAT", "TEXT_FORMAT"]

OK, SHALLOW, NO_GIT = "ok", "shallow", "no-git"

# The structure of the history, in a first pass that holds no text a contributor wrote: one
# record per commit, RS, then hash, parents and commit time separated by US; -z ends it with
# NUL, then NUL-separated name-status entries follow (paths cannot hold NUL).
LOG_FORMAT = "%x1e%H%x1f%P%x1f%ct"
# The words, in a second pass of the same commits in the same order: hash, author, subject,
# one a line (git keeps newlines out of both), each record ended by NUL. An author or subject
# full of RS, US or other control characters cannot move a field of another commit: a piece
# that does not open with the next expected hash belongs to the subject before it.
TEXT_FORMAT = "%H%n%an%n%s"
MAX_TIME = 253402300799  # 9999-12-31 23:59:59 UTC: the last second a datetime can hold
_HASH = re.compile(r"[0-9a-f]{40,64}")
_PR_RE = re.compile(r"(?:\(#(\d+)\)\s*$|^Merge pull request #(\d+)\b)")


def pull_request_number(subject: str) -> int | None:
    """The pull request a subject names: `… (#123)` (squash) or `Merge pull request #123 …`."""
    match = _PR_RE.search(subject.strip())
    if not match:
        return None
    return int(match.group(1) or match.group(2))


@dataclass(frozen=True)
class Change:
    """One file a commit changed: status A(dded), M(odified), D(eleted) or R(enamed)."""

    status: str
    path: str
    old_path: str | None = None


@dataclass(frozen=True)
class Commit:
    hash: str
    author: str
    date: datetime | None              # commit time in the site's time zone (SITE_TZ); None
    subject: str                       # when no calendar date can hold it (`time` as written)
    parents: tuple[str, ...] = ()
    pr: int | None = None              # named by the commit's own subject
    via_pr: int | None = None          # named by the merge that brought it into the mainline
    merged_in: str | None = None       # that merge's hash
    changes: tuple[Change, ...] = ()   # a mainline merge: what the merged branch brought in
    time: int = 0                      # the commit time as git gives it, seconds since 1970

    @property
    def short(self) -> str:
        # a fixed length, not git's %h: a shallow clone (fewer objects) would abbreviate otherwise
        return self.hash[:7]

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1

    @property
    def pull_request(self) -> int | None:
        """The pull request through which this commit entered the register, if any is named."""
        return self.pr if self.pr is not None else self.via_pr


@dataclass(frozen=True)
class FileHistory:
    """The commits that touched one file, following its renames, newest first."""

    path: str
    commits: tuple[Commit, ...]
    former_paths: tuple[str, ...] = ()  # the names it had before, newest first
    complete: bool = True              # False: the history reaches a shallow clone's cut

    @property
    def added(self) -> Commit | None:
        """The commit that added the file; None when the clone does not reach back to it."""
        return self.commits[-1] if self.complete and self.commits else None

    @property
    def last_changed(self) -> Commit | None:
        return self.commits[0] if self.commits else None


@dataclass
class History:
    status: str = NO_GIT               # "ok" | "shallow" | "no-git"
    reason: str = ""                   # why it is not "ok", in a few words (for the build log)
    commits: tuple[Commit, ...] = ()   # every commit read, newest first (git's --date-order)
    _index: dict[str, int] = field(default_factory=dict, repr=False)
    _touches: dict[str, list[tuple[int, str, str | None]]] = field(default_factory=dict, repr=False)
    _cut: frozenset[str] = field(default_factory=frozenset, repr=False)
    _mainline: tuple[int, ...] = field(default=(), repr=False)

    @property
    def available(self) -> bool:
        return self.status != NO_GIT

    def for_path(self, rel_path: str) -> FileHistory | None:
        """The history of a file (path relative to the register root), following renames back
        to its former paths; None when git has no commit of it (not yet committed)."""
        if not self.available:
            return None
        found: set[int] = set()
        former: list[str] = []
        complete = True
        stack: list[tuple[str, int]] = [(rel_path, -1)]   # (path, only commits older than index)
        seen: set[tuple[str, int]] = set()
        while stack:
            path, after = stack.pop()
            if (path, after) in seen:
                continue
            seen.add((path, after))
            born = False
            for index, status, old in self._touches.get(path, ()):
                if index <= after:
                    continue
                if status == "gone":       # deleted or renamed away: an earlier life of the name
                    born = True
                    break
                found.add(index)
                if status == "R" and old:
                    if old not in former and old != rel_path:
                        former.append(old)
                    stack.append((old, index))
                if status in ("A", "R"):
                    born = True
                    break
            if not born and path in self._cut:
                complete = False
        if not found and complete:
            return None
        for index in list(found):          # the merges that brought these commits in
            merge = self.commits[index].merged_in
            if merge is not None and merge in self._index:
                found.add(self._index[merge])
        commits = tuple(self.commits[i] for i in sorted(found))
        return FileHistory(rel_path, commits, tuple(former), complete)

    def recent(self, n: int = 50) -> list[Commit]:
        """The latest commits of the mainline (the first-parent history of HEAD) that changed a
        record, newest first; a merge stands for the branch it brought in, with its changes."""
        out = []
        for index in self._mainline:
            commit = self.commits[index]
            if commit.changes:
                out.append(commit)
                if len(out) >= n:
                    break
        return out


# --- reading ---------------------------------------------------------------------------------

def read_history(repo_root: Path, prefixes: tuple[str, ...] = ("decisions", "content")) -> History:
    """Read the history of everything under `prefixes` (folders relative to `repo_root`, the
    register's folder, which may sit anywhere inside the git work tree) in one `git log`."""
    try:
        import git  # GitPython raises ImportError when it finds no git executable
    except Exception as exc:  # noqa: BLE001 - any failure to load git means "no git"
        return History(NO_GIT, f"git is not available ({_first_line(exc)})")
    root = Path(repo_root).resolve()
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return History(NO_GIT, f"{root} is not in a git repository")
    except Exception as exc:  # noqa: BLE001
        return History(NO_GIT, f"git failed: {_first_line(exc)}")
    try:
        with repo:
            return _read(repo, root, prefixes)
    except Exception as exc:  # noqa: BLE001 - git errors, odd repositories: a status, not a crash
        return History(NO_GIT, f"git failed: {_first_line(exc)}")


def _read(repo, root: Path, prefixes: tuple[str, ...]) -> History:
    if repo.bare or repo.working_tree_dir is None:
        return History(NO_GIT, "the repository has no work tree")
    top = Path(repo.working_tree_dir).resolve()
    try:
        sub = root.relative_to(top).as_posix()
    except ValueError:
        return History(NO_GIT, f"{root} is outside the git work tree {top}")
    sub = "" if sub == "." else sub + "/"
    shallow = repo.git.rev_parse("--is-shallow-repository").strip() == "true"
    if not repo.head.is_valid():            # a repository without a commit yet
        return History(SHALLOW if shallow else OK)
    # .mailmap is a file of the repository: a pull request adding one would re-attribute every
    # earlier commit. It is read only when a maintainer asks (REGISTER_MAILMAP=1, README).
    mailmap = os.environ.get("REGISTER_MAILMAP") == "1"
    # and no diff driver or text conversion a pull request's .gitattributes could name runs
    walk = ("--date-order", "--full-history", "--sparse", "-z", "--no-color", "--no-show-signature",
            "--no-abbrev", "--no-textconv", "--no-ext-diff", "--encoding=UTF-8",
            "--use-mailmap" if mailmap else "--no-mailmap")
    paths = ("HEAD", "--", *[sub + p.strip("/") for p in prefixes])
    raw = repo.git.log(*walk, "--name-status", "-M", f"--format={LOG_FORMAT}", *paths,
                       stdout_as_string=False, strip_newline_in_stdout=False)
    words_format = TEXT_FORMAT.replace("%an", "%aN") if mailmap else TEXT_FORMAT  # %aN: mapped
    words = repo.git.log(*walk, f"--format={words_format}", *paths,
                         stdout_as_string=False, strip_newline_in_stdout=False)
    cut = _shallow_commits(repo) if shallow else set()
    history = parse_log(raw.decode("utf-8", errors="replace"), strip=sub, cut=cut,
                        texts=parse_texts(words.decode("utf-8", errors="replace")))
    if shallow:
        history.status = SHALLOW
        history.reason = "shallow clone: the history before its cut is not in this checkout"
    return history


def _shallow_commits(repo) -> set[str]:
    """The commits where a shallow clone was cut (git lists them in $GIT_DIR/shallow)."""
    for folder in (repo.git_dir, getattr(repo, "common_dir", repo.git_dir)):
        path = Path(folder) / "shallow"
        if path.is_file():
            return set(path.read_text(encoding="ascii", errors="replace").split())
    return set()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.splitlines()[:1])[:200]


# --- parsing ---------------------------------------------------------------------------------

@dataclass
class _Raw:
    hash: str
    parents: tuple[str, ...]
    author: str
    time: int
    subject: str
    changes: list[Change]


def parse_texts(output: str) -> list[tuple[str, str, str]]:
    """(hash, author, subject) of each commit from `git log -z --format=TEXT_FORMAT`, in order."""
    out: list[tuple[str, str, str]] = []
    for piece in output.split("\0"):
        lines = piece.split("\n", 2)
        if len(lines) == 3 and _HASH.fullmatch(lines[0]):
            out.append((lines[0], lines[1], lines[2]))
        elif out and piece:  # a NUL inside the subject before: it goes on
            last = out[-1]
            out[-1] = (last[0], last[1], last[2] + "\0" + piece)
    return out


def shown(value: str) -> str:
    """An author or subject as a page shows it: control characters (which an XML feed cannot
    hold, and a terminal would obey) written visibly as \\xNN, the rest as written."""
    return for_terminal(value).strip()


def parse_log(output: str, strip: str = "", cut: set[str] | frozenset[str] = frozenset(),
              texts: list[tuple[str, str, str]] | None = None) -> History:
    """A History from the output of `git log -z --name-status -M --format=LOG_FORMAT`, newest
    first, with each commit's author and subject from `texts` (parse_texts of the same commits).
    `strip` is the register folder's path inside the work tree (removed from paths);
    `cut` the commits where a shallow clone stops (their file lists are the whole tree, not
    changes, so they are kept only as "this file existed at the cut")."""
    words = {hash_: (author, subject) for hash_, author, subject in reversed(texts or [])}
    raws: list[_Raw] = []
    for record in ("\0" + output).split("\0\x1e")[1:]:
        raw = _parse_record(record, strip, words)
        if raw is not None:
            raws.append(raw)
    index = {raw.hash: i for i, raw in enumerate(raws)}

    cut_paths: set[str] = set()
    for raw in raws:
        if raw.hash in cut:
            cut_paths.update(c.path for c in raw.changes)
            raw.changes = []

    # the mainline: HEAD (first in --date-order) and its first parents
    mainline: list[int] = []
    on_mainline: set[int] = set()
    i = 0 if raws else None
    while i is not None and i not in on_mainline:
        mainline.append(i)
        on_mainline.add(i)
        parents = raws[i].parents
        i = index.get(parents[0]) if parents else None

    # each mainline merge claims the commits its other parents brought in, oldest merge first
    merged_in: dict[int, int] = {}
    claimed_changes: dict[int, list[int]] = {}
    for m in reversed(mainline):
        if len(raws[m].parents) < 2:
            continue
        todo = [index[p] for p in raws[m].parents[1:] if p in index]
        mine: list[int] = []
        while todo:
            c = todo.pop()
            if c in on_mainline or c in merged_in:
                continue
            merged_in[c] = m
            mine.append(c)
            todo.extend(index[p] for p in raws[c].parents if p in index)
        claimed_changes[m] = sorted(mine, reverse=True)   # oldest first (higher index = older)

    prs = [pull_request_number(raw.subject) for raw in raws]
    commits: list[Commit] = []
    for i, raw in enumerate(raws):
        changes = tuple(raw.changes)
        if i in claimed_changes:
            changes = _net_changes(raws[c].changes for c in claimed_changes[i])
        merge = merged_in.get(i)
        commits.append(Commit(
            hash=raw.hash, author=raw.author, date=_when(raw.time), subject=raw.subject,
            time=raw.time,
            parents=raw.parents, pr=prs[i],
            via_pr=prs[merge] if merge is not None else None,
            merged_in=raws[merge].hash if merge is not None else None,
            changes=changes))

    # per path: the commits that touched it, newest first, with how ("gone": renamed away or deleted)
    touches: dict[str, list[tuple[int, str, str | None]]] = {}
    for i, raw in enumerate(raws):
        for change in raw.changes:
            if change.status == "D":
                touches.setdefault(change.path, []).append((i, "gone", None))
                continue
            touches.setdefault(change.path, []).append((i, change.status, change.old_path))
            if change.status == "R" and change.old_path:
                touches.setdefault(change.old_path, []).append((i, "gone", None))
    return History(OK, "", tuple(commits), index, touches, frozenset(cut_paths), tuple(mainline))


def _when(time: int) -> datetime | None:
    """The commit time in the site's zone; None for a time no calendar date can show (a commit
    can be dated in the year 11476): the page then gives the time as written."""
    if not -62135596800 <= time <= MAX_TIME:
        return None
    try:
        return datetime.fromtimestamp(time, SITE_TZ)
    except (ValueError, OverflowError, OSError):
        return None


def _parse_record(record: str, strip: str, words: dict[str, tuple[str, str]]) -> _Raw | None:
    header, _, rest = record.partition("\0")
    fields = header.split("\x1f")
    if len(fields) != 3 or not _HASH.fullmatch(fields[0]):
        return None
    full, parents, when = fields
    try:
        time = int(when)
    except ValueError:
        return None
    author, subject = words.get(full, ("", ""))
    tokens = rest.lstrip("\n").split("\0")
    changes: list[Change] = []
    k = 0
    while k < len(tokens):
        status = tokens[k].strip()
        k += 1
        if not status:
            continue
        kind = status[0]
        if kind in "RC":
            if k + 1 >= len(tokens):
                break
            old, new = tokens[k], tokens[k + 1]
            k += 2
            old, new = _strip(old, strip), _strip(new, strip)
            if kind == "C" and new:
                changes.append(Change("A", new))
            elif old and new:
                changes.append(Change("R", new, old))
            elif new:                        # renamed in from outside the register's folders
                changes.append(Change("A", new))
            elif old:
                changes.append(Change("D", old))
            continue
        if k >= len(tokens):
            break
        path = _strip(tokens[k], strip)
        k += 1
        if path is None:
            continue
        changes.append(Change({"A": "A", "D": "D"}.get(kind, "M"), path))
    return _Raw(full, tuple(parents.split()), shown(author), time, shown(subject), changes)


def _strip(path: str, prefix: str) -> str | None:
    if not path:
        return None
    if prefix:
        return path[len(prefix):] if path.startswith(prefix) else None
    return path


def _net_changes(groups) -> tuple[Change, ...]:
    """What a series of commits did to each file, all told (oldest commit first)."""
    state: dict[str, Change] = {}
    for changes in groups:
        for ch in changes:
            if ch.status == "R" and ch.old_path:
                before = state.pop(ch.old_path, None)
                if before is not None and before.status == "A":
                    state[ch.path] = Change("A", ch.path)
                else:
                    origin = before.old_path if before is not None and before.status == "R" else ch.old_path
                    state[ch.path] = Change("R", ch.path, origin) if origin != ch.path else Change("M", ch.path)
            elif ch.status == "D":
                before = state.pop(ch.path, None)
                if before is None or before.status != "A":
                    state[ch.path] = Change("D", before.old_path if before and before.status == "R" else ch.path)
            elif ch.status == "A":
                before = state.get(ch.path)
                state[ch.path] = Change("M", ch.path) if before is not None and before.status == "D" else ch
            else:
                state.setdefault(ch.path, ch)
    return tuple(state[p] for p in sorted(state))
