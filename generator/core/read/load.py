"""Read → check → build: the whole register from a folder, with every diagnostic at once."""
from __future__ import annotations

import gc
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from generator.core.check.checks import check_register
from generator.core.check.permalinks import check_former, check_published
from generator.core.check.source_texts import check_source_files
from generator.core.derive import derive
from generator.core.diagnostics import Diagnostic, Diagnostics, Loc
from generator.core.model import Document, Register
from generator.core.read.citations import Found, collect_citations, find_in_document
from generator.core.read.documents import Names, read_document
from generator.core.read.registries import read_agencies, read_bodies, read_people
from generator.core.safe_fs import LINK, NOT_REGULAR
from generator.speedups.beside import BesideError, BesideStream

YEAR_RE = re.compile(r"^\d{4}$")
REGISTRIES = ("agencies.yml", "people.yml", "bodies.yml")


def document_files(root: Path, diags: Diagnostics) -> list[str]:
    """Paths (relative to root) of every document file, sorted so builds are deterministic."""
    decisions = root / "decisions"
    if os.path.islink(decisions):
        diags.error(Loc("decisions", 1), LINK)
        return []
    if not decisions.is_dir():
        diags.error(Loc("decisions", 1), "no decisions/ folder: the register has no records")
        return []
    # os.scandir: an entry's kind comes with the listing, where pathlib asks the system again
    # for each file (0.4 s of a preview's rebuild at 10,000 documents)
    found = []
    for entry in _listing(decisions):
        rel = f"decisions/{entry.name}"
        if entry.is_symlink():
            diags.error(Loc(rel, 1), LINK)
        elif entry.is_dir(follow_symlinks=False):
            if not YEAR_RE.match(entry.name):
                diags.error(Loc(rel, 1), "folders in decisions/ are years, such as decisions/2019/")
                continue
            for child in _listing(entry.path):
                child_rel = f"{rel}/{child.name}"
                if child.is_symlink():
                    diags.error(Loc(child_rel, 1), LINK)
                elif not child.is_file(follow_symlinks=False) and not child.is_dir(follow_symlinks=False):
                    diags.error(Loc(child_rel, 1), NOT_REGULAR)
                elif Path(child.name).suffix == ".md" and child.is_file(follow_symlinks=False):
                    found.append(child_rel)
                elif not child.name.startswith("."):
                    diags.error(Loc(child_rel, 1), "only .md document files belong in a year folder")
        elif not entry.is_file(follow_symlinks=False):
            diags.error(Loc(rel, 1), NOT_REGULAR)
        elif Path(entry.name).suffix == ".md":
            diags.error(Loc(rel, 1), "a document belongs in the folder of its year: decisions/<year>/")
        elif Path(entry.name).suffix in (".yml", ".yaml") and entry.name not in REGISTRIES:
            diags.error(Loc(rel, 1), f"unknown registry file; the registries are {', '.join(REGISTRIES)}")
    return found


def _listing(folder: str | Path) -> list[os.DirEntry]:
    with os.scandir(folder) as entries:
        return sorted(entries, key=lambda entry: entry.name)


@contextmanager
def bulk():
    """Pause Python's cyclic garbage collector while a large structure of plain data is built.

    Reading, rendering and exporting a register create millions of small objects that all
    live on: the collector's full passes over them, again and again as they grow, cost a fifth
    of the time at 10,000 documents and free nothing. Collection resumes afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


SHARED_READ_FROM = 200  # documents: below this a child's start costs more than it saves


Read = tuple[list[Document], list[Diagnostic], dict[str, tuple[Document, list[Found]]]]


def _read_documents(root: Path, files: list[str], names: Names) -> Read:
    """The documents in `files`, the problems found reading them, and the citations found in
    each one's text: finding them needs the document alone, so it is done where it is read."""
    diags = Diagnostics()
    documents = [doc for rel in files if (doc := read_document(root, rel, names, diags)) is not None]
    return documents, diags.items, {doc.key: (doc, find_in_document(doc)) for doc in documents}


READ_BATCH = 100  # documents: a batch's pickle (about 0.5 MB) fits the pipe (beside.py) whole


def _read_batches(root: Path, files: list[str], names: Names) -> Iterator[Read]:
    for start in range(0, len(files), READ_BATCH):
        yield _read_documents(root, files[start:start + READ_BATCH], names)


def _read_shared(root: Path, files: list[str], names: Names) -> list[Read]:
    """`files` read in batches, the second half's by a forked child on the other core.

    The child sends each batch as it is read, and this process takes what has arrived between
    two of its own: pickling and unpickling then overlap the reading. Sent as one answer at
    the end (25 MB at 10,000 documents), they were waited for: loading took 8.5 s, now 8.0."""
    split = len(files) // 2
    there = BesideStream(_read_batches, root, files[split:], names)
    if not there.forked:
        return list(_read_batches(root, files, names))
    here, theirs = [], []
    try:
        for batch in _read_batches(root, files[:split], names):
            here.append(batch)
            theirs += there.ready()  # the pipe drained: the child need not wait for room
        while True:
            try:
                theirs.append(there.next())
            except StopIteration:
                break
    except BesideError:  # read here: a fault shows itself here, whole
        there.abandon()
        theirs = list(_read_batches(root, files[split:], names))
    return here + theirs


def _stat(path: Path) -> tuple[int, ...] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino


@dataclass
class ReadCache:
    """The documents an earlier load read, for a later load of the same register (`register
    serve`): at 10,000 documents reading them again is 10 of a rebuild's 14 s of loading.

    A document is reused while its file and the registries are unchanged, with the citations
    found in its text. Loading changes a document only to resolve its actions' targets, which
    every load does again (citations.py), and where it reports an error in its file (checks.py
    drops an unknown task): those files are read again next time."""

    registries: tuple = ()
    documents: dict[str, tuple[tuple, Document | None, list[Diagnostic]]] = field(default_factory=dict)
    found: dict[str, tuple[Document, list[Found]]] = field(default_factory=dict)  # citations.py
    stamp: tuple = ()  # the stat of every file the last read saw: two reads with one stamp agree

    def read(self, root: Path, files: list[str], names: Names, registries: tuple) -> tuple[list[Document], list[Diagnostic]]:
        if registries != self.registries:  # a document is read against the registries
            self.registries, self.documents, self.found = registries, {}, {}
        kept = {}
        documents, problems = [], []
        for rel in files:
            stat = _stat(root / rel)
            entry = self.documents.get(rel)
            if entry is None or entry[0] != stat or stat is None:
                diags = Diagnostics()
                entry = (stat, read_document(root, rel, names, diags), diags.items)
            kept[rel] = entry
            if entry[1] is not None:
                documents.append(entry[1])
            problems.extend(entry[2])
        self.documents = kept  # deleted files are forgotten
        self.stamp = (registries, tuple((rel, entry[0]) for rel, entry in kept.items()))
        return documents, problems

    def forget(self, diagnostics: list[Diagnostic]) -> None:
        """Read these files again next time: loading may have changed their documents."""
        for d in diagnostics:
            self.documents.pop(d.path, None)


def load_register(root: Path, cache: ReadCache | None = None) -> tuple[Register | None, list[Diagnostic]]:
    """The checked register, or None with the diagnostics that keep it from being published.
    With a `cache`, the documents whose files are unchanged since it was last given are not
    read again."""
    with bulk():
        register, diagnostics = _load_register(Path(root), cache)
    if cache is not None:
        cache.forget(diagnostics)
    return register, diagnostics


def _load_register(root: Path, cache: ReadCache | None) -> tuple[Register | None, list[Diagnostic]]:
    diags = Diagnostics()
    registries = tuple(_stat(root / "decisions" / name) for name in REGISTRIES)
    agencies = read_agencies(root, diags)
    people = read_people(root, diags)
    bodies = read_bodies(root, diags)
    names = Names(agencies, people, bodies)
    files = document_files(root, diags)
    if cache is not None:
        return _checked(root, *cache.read(root, files, names, registries), diags, names, cache.found)
    # reading a document needs nothing of the others: a large register's second half is read
    # by a forked child on the other core meanwhile (beside.py)
    reads = (_read_shared(root, files, names) if len(files) >= SHARED_READ_FROM
             else [_read_documents(root, files, names)])
    return _checked(root, [doc for read in reads for doc in read[0]],
                    [problem for read in reads for problem in read[1]], diags, names,
                    {key: value for read in reads for key, value in read[2].items()})


def _checked(root: Path, docs: list[Document], problems: list[Diagnostic], diags: Diagnostics, names: Names,
             found: dict[str, tuple[Document, list[Found]]] | None = None) -> tuple[Register | None, list[Diagnostic]]:
    diags.items.extend(problems)
    documents = {doc.key: doc for doc in docs}
    register = Register(documents, names.agencies, names.people, names.bodies, tasks={}, cited={}, citations=[])
    register.renamed = {ref: doc.key for doc in docs for ref, _ in doc.former if ref not in documents}
    check_register(register, diags)
    collect_citations(register, diags, found)
    check_former(register, diags)
    check_published(root, register, diags)  # no published address may be dropped
    check_source_files(root, register, diags)  # each record's raw text is in the repository
    if not diags:
        register.derived = derive(register, diags)
    if diags:
        return None, diags.sorted()
    return register, []
