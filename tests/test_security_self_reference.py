"""Security: `register check` refuses a record that refers to itself or orders the impossible.

Each case changes a copy of the shipped register the way a careless or hostile pull request
would: a parent chain or a replacement that loops, a request that waits on or is fulfilled by
its own document, a document that amends itself, a task reported done before it was given, a
transfer to the agency that already holds the task, a post given and taken in one document.
`check` must name the file and line of the offending entry, say what to do, and exit 1, never
with a traceback; and the same register must not build.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_register

AGENCIES = "decisions/agencies.yml"
BODIES = "decisions/bodies.yml"
Y2018 = "decisions/2018/ket-luan-ttg-thanh-lap-uy-ban-cpdt.md"
Y2019 = "decisions/2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt.md"
N8540 = "decisions/2019/8540-tb-vpcp.md"


def _replace(root: Path, rel: str, old: str, new: str) -> int:
    """Replace the first `old` in a record; the 1-based line where `new` starts."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def _line_of(root: Path, rel: str, needle: str) -> int:
    text = (root / rel).read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


def _append_actions(root: Path, rel: str, actions: str) -> int:
    """Add actions at the end of a record's list; the line of the first added one."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    head, sep, body = text[4:].partition("\n---")
    assert sep
    new = "---\n" + head.rstrip("\n") + "\n" + actions.rstrip("\n") + sep + body
    path.write_text(new, encoding="utf-8")
    return head.rstrip("\n").count("\n") + 3


def parent_self(root):
    line = _replace(root, AGENCIES, "  parent: vpcp\n", "  parent: vu-tccb\n")
    return AGENCIES, line, "parent"


def parent_loop(root):
    # vpcp's parent chain goes back to itself through one of its units
    line = _line_of(root, AGENCIES, "\nvpcp:") + 2
    _replace(root, AGENCIES, "\nvpcp:\n", "\nvpcp:\n  parent: cuc-kstthc\n")
    return AGENCIES, line, "parent"


def body_parent_loop(root):
    # the committee's parent would be its own working group, whose parent is the committee
    line = _line_of(root, BODIES, "\nuy-ban-quoc-gia-cpdt:") + 2
    _replace(root, BODIES, "\nuy-ban-quoc-gia-cpdt:\n", "\nuy-ban-quoc-gia-cpdt:\n  parent: to-cong-tac-giup-viec\n")
    return BODIES, line, "parent"


def body_replaces_itself(root):
    line = _replace(root, Y2018, "replaces: uy-ban-quoc-gia-ud-cntt}", "replaces: uy-ban-quoc-gia-cpdt}")
    return Y2018, line, "replace"


def replacement_loop(root):
    line = _append_actions(root, Y2019, '  - para: "3"\n    establish: {body: uy-ban-quoc-gia-ud-cntt, '
                                        'replaces: uy-ban-quoc-gia-cpdt}\n')
    return Y2019, line + 1, "replace"


def role_replaces_its_holder(root):
    line = _replace(root, Y2019, "agency: bo-tttt, replaces: cuc-kstthc}", "agency: bo-tttt, replaces: bo-tttt}")
    return Y2019, line, "replace"


def request_pending_on_itself(root):
    line = _replace(root, Y2018, "    id: quy-che-hoat-dong\n    request:",
                    "    id: quy-che-hoat-dong\n    pending: quy-che-hoat-dong\n    request:")
    return Y2018, line + 2, "pending"


def requests_pending_on_each_other(root):
    _replace(root, Y2018, "    id: quy-che-hoat-dong\n    request:",
             "    id: quy-che-hoat-dong\n    pending: qd-thanh-lap\n    request:")
    _replace(root, Y2018, "    id: qd-thanh-lap\n    request:",
             "    id: qd-thanh-lap\n    pending: quy-che-hoat-dong\n    request:")
    return Y2018, None, "pending"


def document_fulfils_its_own_request(root):
    line = _replace(root, Y2018, "actions:\n", 'fulfills: ["2018/ket-luan-ttg-thanh-lap-uy-ban-cpdt#qd-thanh-lap"]\nactions:\n')
    return Y2018, line, "fulfil"


def documents_fulfil_each_other(root):
    # 8540/TB-VPCP and the conclusion of September 2019, each carrying out the other's request
    _append_actions(root, N8540, '  - para: "2"\n    id: bao-cao-phan-cong\n    request: '
                                 '{title: Báo cáo phân công, lead: vpcp}\n')
    _replace(root, Y2019, "actions:\n", 'fulfills: ["2019/8540-tb-vpcp#bao-cao-phan-cong"]\nactions:\n')
    line = _replace(root, N8540, "actions:\n",
                    'fulfills: ["2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt#sua-336"]\nactions:\n')
    return N8540, line, "loop"


def citation_fulfils_its_own_document(root):
    line = _replace(root, Y2019, "  - {number: 17/NQ-CP, date: \"2019-03-07\"}",
                    "  - {number: 17/NQ-CP, date: \"2019-03-07\", "
                    "fulfills: [\"2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt#sua-336\"]}")
    return Y2019, line, "fulfil"


def document_amends_itself(root):
    line = _append_actions(root, N8540, '  - para: "2"\n    amend: {target: 8540/TB-VPCP, what: "đoạn 2"}\n')
    return N8540, line + 1, "amend"


def document_replaces_itself_by_reference(root):
    line = _append_actions(root, N8540, '  - para: "2"\n    replace: {target: 2019/8540-tb-vpcp}\n')
    return N8540, line + 1, "itself"


def done_before_assigned(root):
    # 139/TB-VPCP (2020) reports on a task 8540/TB-VPCP (2019) declared; done in 2015
    line = _append_actions(root, "decisions/2020/139-tb-vpcp.md",
                           '  - para: "2"\n    report: {task: ung-dung-cntt-noi-bo-vpcp, status: done, date: "2015-06-01"}\n')
    return "decisions/2020/139-tb-vpcp.md", line + 1, "before"


def transfer_to_its_holder(root):
    # the task moved from vu-tccb to cuc-kstthc in 8540/TB-VPCP; a later document moves it
    # "to cuc-kstthc" again
    line = _append_actions(root, "decisions/2020/139-tb-vpcp.md",
                           '  - para: "2"\n    transfer: {task: ung-dung-cntt-noi-bo-vpcp, from: vu-tccb, to: cuc-kstthc}\n')
    return "decisions/2020/139-tb-vpcp.md", line + 1, "already"


def appointed_and_relieved_at_once(root):
    line = _append_actions(root, N8540,
                           '  - para: "2"\n    appoint: {body: uy-ban-quoc-gia-cpdt, post: thanh-vien, '
                           'holder: {person: ngo-hai-phan}}\n'
                           '  - para: "2"\n    relieve: {body: uy-ban-quoc-gia-cpdt, post: thanh-vien, '
                           'holder: {person: ngo-hai-phan}}\n')
    return N8540, line + 3, "same"


CASES = [parent_self, parent_loop, body_parent_loop, body_replaces_itself, replacement_loop,
         role_replaces_its_holder, request_pending_on_itself, requests_pending_on_each_other,
         document_fulfils_its_own_request, documents_fulfil_each_other,
         citation_fulfils_its_own_document, document_amends_itself,
         document_replaces_itself_by_reference, done_before_assigned, transfer_to_its_holder,
         appointed_and_relieved_at_once]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_check_refuses_a_loop_or_an_impossible_order(register_copy, capsys, case):
    rel, line, word = case(register_copy)
    code, out, err = run_register(capsys, "--root", str(register_copy), "check")
    said = out + err
    assert code == 1, said
    assert "Traceback" not in said
    where = f"{rel}:{line}:" if line else f"{rel}:"
    mine = [m for m in said.splitlines() if m.startswith(where)]
    assert any(word in m.lower() for m in mine), said


def test_a_register_with_a_loop_does_not_build(register_copy, capsys, tmp_path):
    rel, line, _ = requests_pending_on_each_other(register_copy)
    site = tmp_path / "site"
    code, out, err = run_register(capsys, "--root", str(register_copy), "build", "--site-dir", str(site))
    assert code == 1 and "Traceback" not in out + err
    assert re.search(rf"^{re.escape(rel)}:\d+: pending: request 'qd-thanh-lap' waits in a loop", out + err, re.M)
    assert not (site / "index.html").exists()
