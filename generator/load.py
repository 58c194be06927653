"""Read → check → build: the whole register from a folder, with every diagnostic at once."""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from pathlib import Path

from .checks import check_register
from .citations import collect_citations
from .derive import derive
from .diagnostics import Diagnostic, Diagnostics, Loc
from .documents import Names, read_document
from .model import Register
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
    documents = {}
    for rel in document_files(root, diags):
        doc = read_document(root, rel, names, diags)
        if doc is not None:
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
