"""The raw texts the records were entered from live in the repository (sources/), are checked,
and are published beside the pages that cite them."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import ROOT, SEED_TEXTS, edit, page_html, run_register
from generator.core.read.load import load_register


def test_every_seed_record_names_its_source_texts_and_the_importer_tests_read_them_all():
    register, problems = load_register(ROOT)
    assert register is not None, problems
    named = {s.file for doc in register.documents.values() for s in doc.sources if s.file}
    assert all(any(s.file for s in doc.sources) for doc in register.documents.values())
    assert {str(p.relative_to(ROOT)) for p in SEED_TEXTS.values()} == named
    on_disk = {str(p.relative_to(ROOT)) for p in (ROOT / "sources").rglob("*.txt")}
    assert on_disk == named, "a text in sources/ that no record names, or the reverse"


def test_the_source_texts_are_the_seed_texts_verbatim():
    # each one holds the document's own words as the record quotes them
    assert "Số: 8540/TB-VPCP" in SEED_TEXTS["003"].read_text(encoding="utf-8")
    assert "Số: 139/TB-VPCP" in SEED_TEXTS["004"].read_text(encoding="utf-8")
    assert "Chí Hiếu" in SEED_TEXTS["001"].read_text(encoding="utf-8")


def _source_line(record: Path, path: str) -> int:
    lines = record.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if f"file: {path}" in line)


def test_check_names_the_line_of_a_missing_source_text(register_copy, capsys):
    (register_copy / "sources/2019/8540-tb-vpcp.txt").unlink()
    record = register_copy / "decisions/2019/8540-tb-vpcp.md"
    code, _, err = run_register(capsys, "--root", str(register_copy), "check")
    line = _source_line(record, "sources/2019/8540-tb-vpcp.txt")
    assert code == 1
    assert f"decisions/2019/8540-tb-vpcp.md:{line}: source file sources/2019/8540-tb-vpcp.txt does not exist" in err


def test_a_source_text_on_a_second_line_of_its_source_is_located_there(register_copy, capsys):
    (register_copy / "sources/2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt-press.txt").unlink()
    record = register_copy / "decisions/2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt.md"
    code, _, err = run_register(capsys, "--root", str(register_copy), "check")
    line = _source_line(record, "sources/2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt-press.txt")
    assert code == 1 and f"ket-luan-ttg-phan-cong-vpcp-bo-tttt.md:{line}: source file" in err, err


@pytest.mark.parametrize("path", [
    "../../etc/passwd", "/etc/passwd", "sources/2019/../../.git/config", "sources/2019/8540 tb.txt",
    "sources/2019/8540-tb-vpcp.md", "decisions/2019/8540-tb-vpcp.md", "sources/2019/\u0110.txt",
])
def test_check_refuses_a_source_path_outside_sources(register_copy, capsys, path):
    record = register_copy / "decisions/2019/8540-tb-vpcp.md"
    line = edit(record, r"file: sources/2019/8540-tb-vpcp\.txt", f"file: {json.dumps(path, ensure_ascii=False)}")
    code, _, err = run_register(capsys, "--root", str(register_copy), "check")
    assert code == 1 and f"decisions/2019/8540-tb-vpcp.md:{line}: source file" in err, err
    assert "must be a path sources/<year>/<name>.txt" in err and "Traceback" not in err


def test_check_refuses_a_source_text_that_is_a_symlink(register_copy, capsys, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("build machine's file\n", encoding="utf-8")
    target = register_copy / "sources/2020/139-tb-vpcp.txt"
    target.unlink()
    target.symlink_to(outside)
    code, _, err = run_register(capsys, "--root", str(register_copy), "check")
    assert code == 1 and "sources/2020/139-tb-vpcp.txt is a symlink" in err, err
    # so does a folder of sources/ that is one
    target.unlink()
    folder = register_copy / "sources/2020"
    os.rmdir(folder)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "139-tb-vpcp.txt").write_text("x\n", encoding="utf-8")
    folder.symlink_to(tmp_path / "elsewhere")
    code, _, err = run_register(capsys, "--root", str(register_copy), "check")
    assert code == 1 and "sources/2020 is a symlink" in err, err


def test_check_refuses_a_source_text_that_is_not_utf8(register_copy, capsys):
    text = register_copy / "sources/2020/139-tb-vpcp.txt"
    text.write_bytes("Thông báo 139".encode("latin-1"))  # an editor's Windows export
    code, _, err = run_register(capsys, "--root", str(register_copy), "check")
    assert code == 1 and "sources/2020/139-tb-vpcp.txt is not UTF-8 text" in err, err
    text.write_bytes("Thông báo số 139".encode("utf-16"))
    code, _, err = run_register(capsys, "--root", str(register_copy), "check")
    assert code == 1 and "sources/2020/139-tb-vpcp.txt holds NUL bytes" in err, err


def test_the_site_publishes_each_source_text_and_links_it_from_its_document(built_site):
    for path in SEED_TEXTS.values():
        rel = path.relative_to(ROOT)
        # the text as committed, after a UTF-8 byte-order mark: a browser reads Vietnamese right
        # even where the server names no encoding for .txt
        assert (built_site / rel).read_bytes() == b"\xef\xbb\xbf" + path.read_bytes()
    html = page_html(built_site, "van-ban/2020/139-tb-vpcp")
    assert '<a href="../../../sources/2020/139-tb-vpcp.txt">văn bản gốc</a>' in html
    data = json.loads((built_site / "register.json").read_text(encoding="utf-8"))
    doc = next(d for d in data["documents"] if d["key"] == "2020/139-tb-vpcp")
    assert [s["file"] for s in doc["sources"]] == ["sources/2020/139-tb-vpcp.txt"]


def test_a_reader_s_browser_shows_the_vietnamese_of_a_source_text(built_site):
    """Served as a plain server serves .txt (no encoding named), the text reads right."""
    from browser import chromium, offline_page, served

    with served(built_site) as base, chromium() as browser:
        page = offline_page(browser, viewport={"width": 390, "height": 844})
        page.goto(base + "sources/2019/8540-tb-vpcp.txt")
        shown = page.inner_text("body")
        assert "Số: 8540/TB-VPCP" in shown and "Hà Nội, ngày 23 tháng 9 năm 2019" in shown
