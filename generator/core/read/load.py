"""Read → check → build: the whole register from a folder, with every diagnostic at once."""
from __future__ import annotations

import gc
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

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


Read = tuple[list[Document], list[Diagnostic], dict[str, tuple[Document, list[Found]]]]
# how the documents of a load are read: the plain way reads them here, in order; a face may
# pass another (speedups/shared_read.py reads half of them in a forked child)
Reader = Callable[[Path, list[str], Names], list[Read]]


def read_documents(root: Path, files: list[str], names: Names) -> Read:
    """The documents in `files`, the problems found reading them, and the citations found in
    each one's text: finding them needs the document alone, so it is done where it is read."""
    diags = Diagnostics()
    documents = [doc for rel in files if (doc := read_document(root, rel, names, diags)) is not None]
    return documents, diags.items, {doc.key: (doc, find_in_document(doc)) for doc in documents}


def read_here(root: Path, files: list[str], names: Names) -> list[Read]:
    """The plain reader: every document, here, in order."""
    return [read_documents(root, files, names)]


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


def load_register(root: Path, cache: ReadCache | None = None,
                  read: Reader = read_here) -> tuple[Register | None, list[Diagnostic]]:
    """The checked register, or None with the diagnostics that keep it from being published.
    With a `cache`, the documents whose files are unchanged since it was last given are not
    read again; else `read` reads them (read_here, or a speed-up a face passes)."""
    with bulk():
        register, diagnostics = _load_register(Path(root), cache, read)
    if cache is not None:
        cache.forget(diagnostics)
    return register, diagnostics


def _load_register(root: Path, cache: ReadCache | None, read: Reader) -> tuple[Register | None, list[Diagnostic]]:
    diags = Diagnostics()
    registries = tuple(_stat(root / "decisions" / name) for name in REGISTRIES)
    agencies = read_agencies(root, diags)
    people = read_people(root, diags)
    bodies = read_bodies(root, diags)
    names = Names(agencies, people, bodies)
    files = document_files(root, diags)
    if cache is not None:
        return _checked(root, *cache.read(root, files, names, registries), diags, names, cache.found)
    reads = read(root, files, names)
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
