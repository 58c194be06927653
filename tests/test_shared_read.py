"""A large register's documents are read by the build and a forked child together
(generator/core/read/load.py, beside.py): the register, and every problem in it, are what reading it all
in one process gives, in the same order."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

import generator.core.read.load as load
import generator.speedups.shared_read as shared_read
from generator.core.render import render_site

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic  # noqa: E402

N = 260


@pytest.fixture(scope="module")
def register_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("register")
    synthetic.generate(root, N, seed=5, site=False)
    return root


def _load(root: Path, monkeypatch, shared: bool):
    """Read by the speed-up (half in a forked child) or by the plain reader."""
    return load.load_register(root, read=shared_read.read_shared if shared else load.read_here)


def test_read_together_it_is_the_register_read_alone(register_root, monkeypatch):
    forked = []

    class Recording(shared_read.BesideStream):
        def __init__(self, *args):
            super().__init__(*args)
            forked.append(self.forked)

    monkeypatch.setattr(shared_read, "BesideStream", Recording)
    together, problems = _load(register_root, monkeypatch, shared=True)
    assert forked == [True]  # the child read the second part
    alone, _ = _load(register_root, monkeypatch, shared=False)
    assert problems == [] and len(together.documents) == N
    assert list(together.documents) == list(alone.documents)
    pages = render_site(together, lang="vi", as_of=date(2026, 11, 22)).pages
    assert pages == render_site(alone, lang="vi", as_of=date(2026, 11, 22)).pages


def test_problems_in_either_part_are_all_told(register_root, tmp_path, monkeypatch):
    import shutil
    root = tmp_path / "register"
    shutil.copytree(register_root, root)
    files = load.document_files(root, load.Diagnostics())
    for rel in (files[3], files[-3]):  # one read here, one by the child
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8").replace("title:", "tittle:", 1), encoding="utf-8")
    together, problems = _load(root, monkeypatch, shared=True)
    alone, problems_alone = _load(root, monkeypatch, shared=False)
    assert together is None and problems == problems_alone
    assert {files[3], files[-3]} <= {p.path for p in problems}


def test_a_child_failing_midway_loses_nothing(register_root, tmp_path, monkeypatch):
    """The child fails after sending a batch: its whole half is read here again, and the
    register and its problems are what reading it alone gives."""
    import os
    import shutil
    root = tmp_path / "register"
    shutil.copytree(register_root, root)
    files = load.document_files(root, load.Diagnostics())
    path = root / files[N // 2 + 5]  # in the child's first batch, which it sends
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "tittle:", 1), encoding="utf-8")
    parent, read, calls = os.getpid(), shared_read.read_documents, []

    def failing_in_the_child(*args):
        calls.append(1)
        if os.getpid() != parent and len(calls) > 1:
            raise RuntimeError("a fault in the child's second batch")
        return read(*args)

    alone, problems_alone = _load(root, monkeypatch, shared=False)
    monkeypatch.setattr(shared_read, "read_documents", failing_in_the_child)
    together, problems = _load(root, monkeypatch, shared=True)
    assert len(calls) > 2  # the child failed, and its half was read here
    assert together is None and problems == problems_alone
    assert files[N // 2 + 5] in {p.path for p in problems}
