"""Read → check → build: the whole register from a folder, with every diagnostic at once."""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from pathlib import Path

from .beside import Beside, BesideError
from .checks import check_register
from .citations import collect_citations
from .derive import derive
from .diagnostics import Diagnostic, Diagnostics, Loc
from .documents import Names, read_document
from .model import Document, Register
from .permalinks import check_former, check_published
from .registries import read_agencies, read_bodies, read_people

YEAR_RE = re.compile(r"^\d{4}$")
REGISTRIES = ("agencies.yml", "people.yml", "bodies.yml")


def document_files(root: Path, diags: Diagnostics) -> list[str]:
    """Paths (relative to root) of every document file, sorted so builds are deterministic."""
    decisions = root / "decisions"
    if not decisions.is_dir():
        diags.error(Loc("decisions", 1), "no decisions/ folder: the register has no records")
        return []
    found = []
    for entry in sorted(decisions.iterdir()):
        rel = f"decisions/{entry.name}"
        if entry.is_symlink():
            diags.error(Loc(rel, 1), "symbolic links are not allowed in decisions/")
        elif entry.is_dir():
            if not YEAR_RE.match(entry.name):
                diags.error(Loc(rel, 1), "folders in decisions/ are years, such as decisions/2019/")
                continue
            for child in sorted(entry.iterdir()):
                child_rel = f"{rel}/{child.name}"
                if child.is_symlink():
                    diags.error(Loc(child_rel, 1), "symbolic links are not allowed in decisions/")
                elif child.suffix == ".md" and child.is_file():
                    found.append(child_rel)
                elif not child.name.startswith("."):
                    diags.error(Loc(child_rel, 1), "only .md document files belong in a year folder")
        elif entry.suffix == ".md":
            diags.error(Loc(rel, 1), "a document belongs in the folder of its year: decisions/<year>/")
        elif entry.suffix in (".yml", ".yaml") and entry.name not in REGISTRIES:
            diags.error(Loc(rel, 1), f"unknown registry file; the registries are {', '.join(REGISTRIES)}")
    return found


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


def _read_documents(root: Path, files: list[str], names: Names) -> tuple[list[Document], list[Diagnostic]]:
    diags = Diagnostics()
    documents = [doc for rel in files if (doc := read_document(root, rel, names, diags)) is not None]
    return documents, diags.items


def load_register(root: Path) -> tuple[Register | None, list[Diagnostic]]:
    """The checked register, or None with the diagnostics that keep it from being published."""
    with bulk():
        return _load_register(root)


def _load_register(root: Path) -> tuple[Register | None, list[Diagnostic]]:
    diags = Diagnostics()
    root = Path(root)
    agencies = read_agencies(root, diags)
    people = read_people(root, diags)
    bodies = read_bodies(root, diags)
    names = Names(agencies, people, bodies)
    files = document_files(root, diags)
    # reading a document needs nothing of the others: a large register's second part is read
    # by a forked child on the other core meanwhile (beside.py), its documents sent back whole
    split = len(files) // 2 if len(files) >= SHARED_READ_FROM else len(files)
    beside = Beside(_read_documents, root, files[split:], names) if split < len(files) else None
    read_here = _read_documents(root, files[:split], names)
    try:
        read_there = beside.result() if beside is not None else ([], [])
    except BesideError:  # read here: a fault shows itself here, whole
        read_there = _read_documents(root, files[split:], names)
    documents = {}
    for docs, found in (read_here, read_there):
        diags.items.extend(found)
        for doc in docs:
            documents[doc.key] = doc
    register = Register(documents, agencies, people, bodies, tasks={}, cited={}, citations=[])
    check_register(register, diags)
    collect_citations(register, diags)
    check_former(register, diags)
    check_published(root, register, diags)  # no published address may be dropped
    if not diags:
        register.derived = derive(register, diags)
    if diags:
        return None, diags.sorted()
    return register, []
