"""Each kind of bad input gets a diagnostic naming file and line, exit 1, and no site written."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit, run_register

NEW = "decisions/2020/999-tb-vpcp.md"
TRUC = "truc-lien-thong-van-ban-quoc-gia"


def new_document(root: Path, actions: str = "", **fields: str) -> Path:
    """A small valid document added to the register copy, to be broken by one field."""
    meta = {"number": "999/TB-VPCP", "type": "thong-bao", "title": "Văn bản thử nghiệm",
            "issuer": "vpcp", "issued": "2020-05-04"}
    meta.update(fields)
    lines = [f"{k}: {v}" for k, v in meta.items() if v is not None]
    text = "---\n" + "\n".join(lines) + "\nsources:\n  - {kind: official, title: Thử}\n"
    if actions:
        text += "actions:\n" + actions
    text += "---\nNội dung. {#d-1}\n"
    path = root / NEW
    path.write_text(text, encoding="utf-8")
    return path


def check(capsys, root: Path) -> tuple[int, list[str]]:
    code, _, err = run_register(capsys, "--root", str(root), "check")
    return code, [line for line in err.splitlines() if ": " in line]


def assert_reports(capsys, root: Path, path: str, line: int, *words: str) -> None:
    code, lines = check(capsys, root)
    assert code == 1
    wanted = [l for l in lines if l.startswith(f"{path}:{line}: ")]
    assert wanted, f"no diagnostic at {path}:{line}; got:\n" + "\n".join(lines)
    assert any(all(w in l for w in words) for l in wanted), "\n".join(wanted)


def test_shipped_register_passes(capsys):
    code, out, err = run_register(capsys, "check")
    assert code == 0, err
    assert out.startswith("ok: ")


def test_a_valid_new_document_passes(register_copy, capsys):
    new_document(register_copy, f"  - para: '1'\n    transfer: {{task: {TRUC}, from: bo-tttt, to: vpcp}}\n")
    code, lines = check(capsys, register_copy)
    assert code == 0, lines


def test_malformed_yaml(register_copy, capsys):
    new_document(register_copy, title="[không đóng ngoặc")
    assert_reports(capsys, register_copy, NEW, 4, "malformed YAML")


def test_missing_required_field(register_copy, capsys):
    new_document(register_copy, issuer=None)
    assert_reports(capsys, register_copy, NEW, 2, "missing required field 'issuer'")


def test_unknown_document_type(register_copy, capsys):
    new_document(register_copy, type="thong-bao-moi")
    assert_reports(capsys, register_copy, NEW, 3, "unknown document type 'thong-bao-moi'", "thong-bao")


def test_unknown_agency_suggests_the_right_one(register_copy, capsys):
    path = register_copy / "decisions/2019/8540-tb-vpcp.md"
    line = edit(path, r"from: vu-tccb\b", "from: vu-tccbb")
    assert_reports(capsys, register_copy, "decisions/2019/8540-tb-vpcp.md", line,
                   "unknown agency 'vu-tccbb'", "did you mean 'vu-tccb'")


def test_unknown_person(register_copy, capsys):
    path = register_copy / "decisions/2019/8540-tb-vpcp.md"
    line = edit(path, r"person: ngo-hai-phan\b", "person: ngo-hai-phann")
    assert_reports(capsys, register_copy, "decisions/2019/8540-tb-vpcp.md", line, "unknown person")


def test_unknown_body_and_post(register_copy, capsys):
    new_document(register_copy,
                 "  - para: '1'\n    appoint: {body: uy-ban-quoc-gia-cpd, post: chu-tich, holder: {person: vu-duc-dam}}\n"
                 "  - para: '1'\n    appoint: {body: uy-ban-quoc-gia-cpdt, post: chu-tichh, holder: {person: vu-duc-dam}}\n")
    assert_reports(capsys, register_copy, NEW, 11, "unknown body 'uy-ban-quoc-gia-cpd'")
    assert_reports(capsys, register_copy, NEW, 13, "unknown post 'chu-tichh'")


def test_unknown_task(register_copy, capsys):
    new_document(register_copy, f"  - para: '1'\n    transfer: {{task: {TRUC}x, from: bo-tttt, to: vpcp}}\n")
    assert_reports(capsys, register_copy, NEW, 11, f"unknown task '{TRUC}x'", f"did you mean '{TRUC}'")


@pytest.mark.parametrize("value, words", [("2019-02-30", "invalid date"), ("2020-13", "invalid date"),
                                          ("ngày 4/5/2020", "invalid date")])
def test_impossible_or_malformed_date(register_copy, capsys, value, words):
    new_document(register_copy, issued=f"'{value}'")
    assert_reports(capsys, register_copy, NEW, 6, words)


def test_two_documents_with_one_number_in_one_year(register_copy, capsys):
    source = register_copy / "decisions/2019/8540-tb-vpcp.md"
    (register_copy / "decisions/2019/8540-tb-vpcp-ban-sao.md").write_bytes(source.read_bytes())
    code, lines = check(capsys, register_copy)
    assert code == 1
    assert any("decisions/2019/8540-tb-vpcp-ban-sao.md:" in l and "already decisions/2019/8540-tb-vpcp.md" in l
               for l in lines), lines


def test_same_number_in_another_year_is_another_document(register_copy, capsys):
    new_document(register_copy, number="139/TB-VPCP", issued="2021-01-05")
    target = register_copy / "decisions/2021/139-tb-vpcp.md"
    target.parent.mkdir()
    (register_copy / NEW).rename(target)
    code, lines = check(capsys, register_copy)
    assert code == 0, lines


def test_task_declared_twice(register_copy, capsys):
    new_document(register_copy,
                 f"  - para: '1'\n    assign: {{task: {{id: {TRUC}, title: Lại trục}}, lead: vpcp}}\n")
    assert_reports(capsys, register_copy, NEW, 11, f"task '{TRUC}' is declared twice")


def test_transfer_from_an_agency_that_does_not_hold_the_task(register_copy, capsys):
    # by 2020 the axis is Bộ TT&TT's (moved from VPCP in September 2019)
    new_document(register_copy, f"  - para: '1'\n    transfer: {{task: {TRUC}, from: vpcp, to: bo-cong-an}}\n")
    assert_reports(capsys, register_copy, NEW, 11, f"transfer of task '{TRUC}' from 'vpcp'", "held by 'bo-tttt'")


def test_a_transfer_may_declare_a_new_task(register_copy, capsys):
    new_document(register_copy,
                 "  - para: '1'\n    transfer: {task: {id: viec-moi, title: Việc mới}, from: vpcp, to: bo-tttt}\n")
    code, lines = check(capsys, register_copy)
    assert code == 0, lines


def test_due_date_before_issue_date(register_copy, capsys):
    new_document(register_copy,
                 "  - para: '1'\n    assign: {task: {id: viec-cu, title: Việc cũ}, lead: vpcp, due: 2020-Q1}\n")
    assert_reports(capsys, register_copy, NEW, 11, "due 2020-Q1 is before the document was issued")


def test_file_in_the_wrong_year_folder(register_copy, capsys):
    path = register_copy / "decisions/2020/139-tb-vpcp.md"
    path.rename(register_copy / "decisions/2019/139-tb-vpcp.md")
    code, lines = check(capsys, register_copy)
    assert code == 1
    assert any(l.startswith("decisions/2019/139-tb-vpcp.md:") and "move it to decisions/2020/" in l
               for l in lines), lines


def test_file_name_that_does_not_match_the_number(register_copy, capsys):
    path = register_copy / "decisions/2020/139-tb-vpcp.md"
    path.rename(register_copy / "decisions/2020/138-tb-vpcp.md")
    code, lines = check(capsys, register_copy)
    assert code == 1
    assert any(l.startswith("decisions/2020/138-tb-vpcp.md:") and "name it 139-tb-vpcp.md" in l
               for l in lines), lines


def test_file_that_is_not_utf8(register_copy, capsys):
    (register_copy / NEW).write_bytes("---\ntitle: Thông báo\n---\n".encode("cp1258", errors="replace")
                                      + b"\xff\xfe")
    assert_reports(capsys, register_copy, NEW, 2, "not UTF-8")


def test_all_problems_are_reported_at_once(register_copy, capsys):
    path = register_copy / "decisions/2019/8540-tb-vpcp.md"
    edit(path, r"from: vu-tccb\b", "from: vu-tccbb")
    new_document(register_copy, type="khong-co")
    code, lines = check(capsys, register_copy)
    assert code == 1
    assert any("8540-tb-vpcp.md" in l for l in lines) and any("999-tb-vpcp.md" in l for l in lines)


def test_a_broken_register_writes_no_site_and_keeps_the_old_one(register_copy, capsys):
    site = register_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("published", encoding="utf-8")
    new_document(register_copy, type="khong-co")
    code, _, err = run_register(capsys, "--root", str(register_copy), "build")
    assert code != 0
    assert "unknown document type 'khong-co'" in err
    assert (site / "index.html").read_text(encoding="utf-8") == "published"
    assert sorted(p.name for p in register_copy.iterdir() if p.name.startswith(".site")) == []


def test_an_empty_title_is_reported_not_silently_dropped(register_copy, capsys):
    new_document(register_copy, title="''")
    assert_reports(capsys, register_copy, NEW, 4, "'title' must not be empty")
