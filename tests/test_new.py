"""`register new`: the file of a new document at the right path, commented; never overwrites."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_register


def new(capsys, root: Path, *args: str) -> tuple[int, str, str]:
    return run_register(capsys, "--root", str(root), "new", *args)


def files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


OK = ("--number", "999/TB-VPCP", "--type", "thong-bao", "--issuer", "vpcp",
      "--date", "2020-05-04", "--title", "Kết luận của Bộ trưởng, Chủ nhiệm tại cuộc họp thử")


def test_new_writes_the_file_at_the_path_of_its_number(register_copy, capsys):
    code, out, err = new(capsys, register_copy, *OK)
    assert code == 0, err
    assert out.strip() == "wrote decisions/2020/999-tb-vpcp.md"
    text = (register_copy / "decisions/2020/999-tb-vpcp.md").read_text(encoding="utf-8")
    assert text.startswith("---\n") and text.count("\n---\n") == 1
    for line in ('number: "999/TB-VPCP"', "type: thong-bao", "issuer: vpcp", 'issued: "2020-05-04"',
                 'title: "Kết luận của Bộ trưởng, Chủ nhiệm tại cuộc họp thử"'):
        assert line in text
    # every other field is there, commented, for the editor to fill in
    for hint in ("# signer:", "# meeting:", "# cites:", "# actions:", "transfer:", "assign:",
                 "appoint:", "amend:", "content/dinh-dang-ban-ghi.md"):
        assert hint in text


def test_the_new_file_checks_once_it_names_a_source(register_copy, capsys):
    code, _, err = new(capsys, register_copy, *OK)
    assert code == 0
    code, _, err = run_register(capsys, "--root", str(register_copy), "check")
    mine = [l for l in err.splitlines() if l.startswith("decisions/2020/999-tb-vpcp.md:")]
    assert mine and all("give at least one source" in l for l in mine), mine
    (register_copy / "decisions/2020/999-tb-vpcp.md").unlink()
    code, _, err = new(capsys, register_copy, *OK, "--source-kind", "official",
                       "--url", "https://vanban.chinhphu.vn/x")
    assert code == 0, err
    code, _, err = run_register(capsys, "--root", str(register_copy), "check")
    assert not [l for l in err.splitlines() if l.startswith("decisions/2020/999-tb-vpcp.md:")], err


def test_new_without_a_number_takes_a_descriptive_name(register_copy, capsys):
    code, out, err = new(capsys, register_copy, "--type", "thong-bao", "--issuer", "vpcp",
                         "--date", "2021-03", "--title", "Kết luận về việc thử",
                         "--slug", "ket-luan-thu", "--meeting", "2021-02-20")
    assert code == 0, err
    text = (register_copy / "decisions/2021/ket-luan-thu.md").read_text(encoding="utf-8")
    assert "# number:" in text and "# title_descriptive: true" in text and 'meeting: "2021-02-20"' in text


def test_new_refuses_to_overwrite(register_copy, capsys):
    assert new(capsys, register_copy, *OK)[0] == 0
    path = register_copy / "decisions/2020/999-tb-vpcp.md"
    path.write_text("edited by hand\n", encoding="utf-8")
    before = files(register_copy)
    code, out, err = new(capsys, register_copy, *OK)
    assert code == 1 and out == ""
    assert "already exists" in err and "nothing was written" in err
    assert path.read_text(encoding="utf-8") == "edited by hand\n"
    assert files(register_copy) == before


@pytest.mark.parametrize("change, words", [
    ({"--number": "999/TB VPCP"}, ["--number", "not a document number"]),
    ({"--number": "999/QĐ-VPCP"}, ["does not carry TB"]),
    ({"--type": "thong-bo"}, ["--type 'thong-bo'", "did you mean 'thong-bao'"]),
    ({"--issuer": "vpcx"}, ["--issuer 'vpcx'", "did you mean 'vpcp'"]),
    ({"--date": "2020-13-01"}, ["--date", "month 13"]),
    ({"--date": "4/5/2020"}, ["--date", "not a date"]),
    ({"--date": "2019-02-30"}, ["--date", "day 30"]),
    ({"--title": "  "}, ["--title is required"]),
    ({"--number": None}, ["--slug is required"]),
])
def test_new_checks_its_options(register_copy, capsys, change, words):
    args = dict(zip(OK[::2], OK[1::2]))
    args.update(change)
    argv = [x for k, v in args.items() if v is not None for x in (k, v)]
    before = files(register_copy)
    code, out, err = new(capsys, register_copy, *argv)
    assert code == 1 and out == ""
    assert all(w in err for w in words), err
    assert "nothing was written" in err and "Traceback" not in err
    assert files(register_copy) == before


def test_new_reports_every_problem_at_once(register_copy, capsys):
    code, _, err = new(capsys, register_copy, "--type", "x", "--issuer", "y", "--date", "z")
    assert code == 1
    assert all(w in err for w in ("--type 'x'", "--issuer 'y'", "--date", "--title is required",
                                  "--slug is required"))


def test_new_outside_a_register(tmp_path, capsys):
    code, _, err = new(capsys, tmp_path, *OK)
    assert code == 1 and "no decisions/agencies.yml" in err
    assert list(tmp_path.iterdir()) == []


def test_new_checks_the_year_of_a_normative_number(register_copy, capsys):
    code, _, err = new(capsys, register_copy, "--number", "150/2016/NĐ-CP", "--type", "nghi-dinh",
                       "--issuer", "vpcp", "--date", "2017-11-11", "--title", "Nghị định thử")
    assert code == 1 and "says 2016" in err
