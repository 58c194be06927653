"""No id, number or file name can make the generator write outside the site, or over another
page: path syntax (`../`, absolute paths, `\\`) is refused by the id rules, and so are the names
a page cannot take — `index` (each folder's list page: an agency `index` would have replaced the
list of agencies) and the device names Windows reserves in every folder (`con`, `nul`, `com1`…),
which would make the site impossible to copy to or serve from Windows."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import edit, run_register
from generator.core import urls
from generator.core.diagnostics import Diagnostics
from generator.core.read.source import LMap

HOSTILE_IDS = ["../x", "..", "/etc/passwd", "a/b", "a\\b", "C:", "index", "con", "nul", "aux", "prn",
               "com1", "lpt9"]


def check(capsys, root: Path) -> tuple[int, list[str]]:
    code, _, err = run_register(capsys, "--root", str(root), "check")
    return code, [line for line in err.splitlines() if ": " in line]


def reported(lines: list[str], path: str, line: int) -> list[str]:
    return [l for l in lines if l.startswith(f"{path}:{line}: ")]


@pytest.mark.parametrize("registry, old_id", [("agencies.yml", "vu-tccb"), ("people.yml", "ngo-hai-phan"),
                                              ("bodies.yml", "uy-ban-quoc-gia-cpdt")])
@pytest.mark.parametrize("new_id", HOSTILE_IDS)
def test_registry_ids_that_are_paths_or_reserved_names_are_refused(register_copy, capsys,
                                                                   registry, old_id, new_id):
    path = register_copy / "decisions" / registry
    quoted = '"' + new_id.replace("\\", "\\\\") + '"'
    line = edit(path, rf"^{old_id}:", f"{quoted}:")
    code, lines = check(capsys, register_copy)
    assert code == 1
    assert reported(lines, f"decisions/{registry}", line), "\n".join(lines)


@pytest.mark.parametrize("task_id", ["index", "con", "../x", "nul"])
def test_a_task_id_that_is_a_path_or_reserved_name_is_refused(register_copy, capsys, task_id):
    path = register_copy / "decisions/2019/8540-tb-vpcp.md"
    line = edit(path, r"id: ung-dung-cntt-noi-bo-vpcp\b", f'id: "{task_id}"')
    code, lines = check(capsys, register_copy)
    assert code == 1
    assert any(task_id in l for l in reported(lines, "decisions/2019/8540-tb-vpcp.md", line)), "\n".join(lines)


@pytest.mark.parametrize("stem", ["index", "con", "lpt1"])
def test_a_document_file_with_a_reserved_name_is_refused(register_copy, capsys, stem):
    source = register_copy / "decisions/2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt.md"
    source.rename(source.with_name(f"{stem}.md"))
    code, lines = check(capsys, register_copy)
    assert code == 1
    assert reported(lines, f"decisions/2019/{stem}.md", 1), "\n".join(lines)


def test_a_former_address_with_a_reserved_name_is_refused(register_copy, capsys):
    path = register_copy / "decisions/2020/139-tb-vpcp.md"
    line = edit(path, r"^issuer:", "former: [2020/index]\nissuer:")
    code, lines = check(capsys, register_copy)
    assert code == 1
    assert reported(lines, "decisions/2020/139-tb-vpcp.md", line), "\n".join(lines)


def test_a_number_with_path_syntax_is_not_a_number(register_copy, capsys):
    path = register_copy / "decisions/2020/139-tb-vpcp.md"
    line = edit(path, r"^number: .*$", 'number: "../../139/TB-VPCP"')
    code, lines = check(capsys, register_copy)
    assert code == 1 and reported(lines, "decisions/2020/139-tb-vpcp.md", line)


def test_scaffold_refuses_a_reserved_file_name(register_copy, capsys):
    code, _, err = run_register(capsys, "--root", str(register_copy), "new", "--type", "thong-bao",
                                "--issuer", "vpcp", "--date", "2020-05-04", "--title", "Thử", "--slug", "index")
    assert code != 0 and "index" in err
    assert not (register_copy / "decisions/2020/index.md").exists()


@given(st.one_of(st.text(max_size=30), st.sampled_from(HOSTILE_IDS),
                 st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}\Z")))
def test_every_id_the_reader_accepts_is_a_page_of_its_own_inside_the_site(value):
    from generator.core.read.fields import RESERVED_NAMES, Fields

    data = LMap({"id": value})
    data.line, data.lines = 1, {"id": 1}
    diags = Diagnostics()
    accepted = Fields(data, "x.yml", diags, "test").page_id("id", required=True)
    if accepted is None:
        assert diags, f"{value!r} refused without a diagnostic"
        return
    for page in (urls.task(accepted), urls.agency(accepted), urls.person(accepted), urls.body(accepted),
                 urls.issuer(accepted), urls.document(f"2020/{accepted}")):
        assert posixpath.normpath(page) == page and not page.startswith(("/", "..")), page
        folder, name = posixpath.split(page)
        assert name.removesuffix(".md") not in RESERVED_NAMES
        assert re.fullmatch(r"[a-z0-9/-]+\.md", page), page
