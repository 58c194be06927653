"""CI compares a pull request with its base: no address the base published may be dropped, even
when the change deletes the line of decisions/published.txt together with the record or its
`former:` (which the list alone cannot see)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, edit, run_register


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main",
                           "-c", "user.name=Biên tập viên", "-c", "user.email=bt@example.org", *args],
                          cwd=root, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture
def base(register_copy) -> tuple[Path, str]:
    """The shipped register as a repository: the commit a pull request is based on."""
    git(register_copy, "init", "-q")
    git(register_copy, "add", "-A")
    git(register_copy, "commit", "-q", "-m", "base")
    return register_copy, git(register_copy, "rev-parse", "HEAD")


def drop_line(root: Path, ref: str) -> None:
    path = root / "decisions" / "published.txt"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if line.strip() != ref), encoding="utf-8")


def test_a_renamed_record_that_drops_its_former_and_its_line_fails_against_the_base(base, capsys):
    root, commit = base
    record = root / "decisions/2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt.md"
    record.rename(root / "decisions/2019/phan-cong-chinh-phu-dien-tu.md")
    drop_line(root, "2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt")
    git(root, "commit", "-qam", "rename without a trace")
    # the record alone passes: the list no longer holds the address
    code, _, err = run_register(capsys, "--root", str(root), "check")
    assert code == 0, err
    code, out, err = run_register(capsys, "--root", str(root), "check", "--base", commit)
    assert code == 1
    assert "2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt was published at van-ban/2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt/" in err
    assert "former: [2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt]" in err


def test_github_format_annotates_the_dropped_address(base, capsys):
    root, commit = base
    (root / "decisions/2020/139-tb-vpcp.md").unlink()
    (root / "sources/2020/139-tb-vpcp.txt").unlink()
    drop_line(root, "2020/139-tb-vpcp")
    code, out, _ = run_register(capsys, "--root", str(root), "check", "--format", "github", "--base", commit)
    assert code == 1
    assert "::error file=decisions/published.txt,line=1::2020/139-tb-vpcp was published" in out


def test_a_deleted_line_of_a_live_record_fails_against_the_base(base, capsys):
    root, commit = base
    drop_line(root, "2019/8540-tb-vpcp")
    code, _, err = run_register(capsys, "--root", str(root), "check", "--base", commit)
    assert code == 1 and "2019/8540-tb-vpcp is listed on line" in err and "put it back" in err


def test_a_rename_with_former_and_the_list_kept_passes_against_the_base(base, capsys):
    root, commit = base
    old = root / "decisions/2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt.md"
    new = root / "decisions/2019/phan-cong-chinh-phu-dien-tu.md"
    old.rename(new)
    edit(new, r"^issuer:", "former: [2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt]\nissuer:")
    code, _, err = run_register(capsys, "--root", str(root), "export", "--published")
    assert code == 0, err
    code, _, err = run_register(capsys, "--root", str(root), "check", "--base", commit)
    assert code == 0, err


def test_an_unknown_base_is_an_error_not_a_pass(base, capsys):
    root, _ = base
    code, _, err = run_register(capsys, "--root", str(root), "check", "--base", "0" * 40)
    assert code == 1 and "cannot compare with" in err and "Traceback" not in err


def test_the_pull_request_workflow_checks_against_its_base():
    workflow = yaml.load((ROOT / ".github/workflows/check.yml").read_text(encoding="utf-8"),
                         Loader=yaml.BaseLoader)
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    (guard,) = [step for step in steps if "register check" in step.get("run", "")]
    assert guard["run"] == 'register check --format github --base "${BASE:-HEAD}"'
    assert guard["env"]["BASE"] == "${{ github.event.pull_request.base.sha }}"
