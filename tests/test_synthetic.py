"""The synthetic register the scale benchmark builds (benchmarks/synthetic.py) is one that
`register check` accepts, holds every kind of record the register traces — at least 5 tasks a
document, the other records in the seeds' proportions to them (issue 31) — and is the same for
the same seed. (tests/test_fast_build.py builds its site.)"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.core.read.load import load_register
from generator.faces.cli import main as register_main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic  # noqa: E402


@pytest.mark.parametrize("n, seed", [(40, 1), (300, 8)])
def test_register_check_accepts_it(n, seed, tmp_path, capsys):
    stats = synthetic.generate(tmp_path, n, seed=seed, site=False)
    assert register_main(["--root", str(tmp_path), "check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"ok: {n} documents")
    register, diagnostics = load_register(tmp_path)
    assert diagnostics == [] and len(register.documents) == n == stats.documents
    # the government's tracking: 5.4 tasks a task-bearing document; at least 5 here, at any N
    assert len(register.tasks) == stats.tasks >= 5 * n
    if n >= 300:  # large enough to hold every kind of record
        for kind in ("tasks", "transfers", "reports", "reassigned", "appointments", "relieves",
                     "designations", "holds", "amendments", "requests", "fulfilled", "citations",
                     "external"):
            assert getattr(stats, kind) > 0, kind
        kinds = {a.kind for doc in register.documents.values() for a in doc.actions}
        assert {"assign", "transfer", "report", "appoint", "relieve", "holds", "designate"} <= kinds
        # the seeds' proportions to the tasks: 0.11 transfers, 0.25 requests, 0.17 holders
        # observed a task; about 6 citations a document
        assert 0.07 < stats.transfers / stats.tasks < 0.15
        assert 0.18 < stats.requests / stats.tasks < 0.32
        assert 0.12 < stats.holds / stats.tasks < 0.22
        assert 4 < stats.citations / n < 8
        # the tasks are worded in many ways, not one title repeated
        titles = [t.title for t in register.tasks.values()]
        assert len(set(titles)) > 0.5 * len(titles)
        assert register.cited  # documents cited but not held
        # Vietnamese, with its diacritics and đ, in NFC
        titles = " ".join(doc.title for doc in register.documents.values())
        assert "đ" in titles.lower() and "ệ" in titles


def test_same_seed_same_register(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    synthetic.generate(a, 60, seed=5, site=False)
    synthetic.generate(b, 60, seed=5, site=False)
    synthetic.generate(c, 60, seed=6, site=False)
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    assert any(not (c / f).is_file() or (a / f).read_bytes() != (c / f).read_bytes() for f in files)


def test_git_history_adds_the_records_in_commits(tmp_path):
    synthetic.generate(tmp_path, 30, seed=2, site=False)
    made = synthetic.git_history(tmp_path, 8, seed=2)
    log = subprocess.run(["git", "-C", str(tmp_path), "log", "--format=%H"], capture_output=True,
                         text=True, check=True).stdout.split()
    assert len(log) == made and 2 <= made <= 8
    status = subprocess.run(["git", "-C", str(tmp_path), "status", "--porcelain", "decisions"],
                            capture_output=True, text=True, check=True).stdout
    assert status == ""  # every record is committed


def test_a_large_register_lists_its_newest_documents_and_the_rest_by_year(tmp_path):
    # a list of every document is megabytes at 10,000: the index keeps the newest 50
    from datetime import date

    from generator.core.render import render_pages
    from generator.core.render.browse import LATEST

    synthetic.generate(tmp_path, LATEST + 30, seed=4, site=False)
    register, diagnostics = load_register(tmp_path)
    assert diagnostics == []
    pages = render_pages(register, "vi", date(2026, 1, 1))
    index = pages["van-ban/index.md"]
    listed = re.findall(r"<tr\b[^>]*><td\b.*?</td></tr>", index.split(">Văn bản mới nhất<a", 1)[1])
    assert len(listed) == LATEST and "Tất cả văn bản" not in index
    newest = sorted(register.documents.values(), key=lambda d: (d.issued.end, d.issued.start, d.key),
                    reverse=True)[:LATEST]
    assert all(f"/{d.key.split('/')[-1]}/\"" in line for d, line in zip(newest, listed))
    years = {d.year for d in register.documents.values()}
    assert all(f'<a href="{y}/">{y}</a> (' in index for y in years)   # the rest, a page a year
    assert sum(len(re.findall(r"<tr\b[^>]*><td\b", pages[f"van-ban/{y}/index.md"])) for y in years) == LATEST + 30
