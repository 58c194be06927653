"""The pull-request machinery: GitHub workflows (valid against GitHub's schema, offline), the
pull-request template and the pre-commit hook."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_register

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def check_jsonschema() -> str:
    found = Path(sys.executable).with_name("check-jsonschema")
    path = str(found) if found.exists() else shutil.which("check-jsonschema")
    assert path, "check-jsonschema is missing: pip install -e '.[test]'"
    return path


@pytest.mark.parametrize("schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"])
def test_workflows_validate_against_the_github_workflow_schema(schema):
    assert len(WORKFLOWS) >= 2
    result = subprocess.run([check_jsonschema(), "--builtin-schema", schema, *map(str, WORKFLOWS)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_workflow_does_not_validate(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pull_request\njobs:\n  check:\n    steps:\n      - run: register check\n",
                   encoding="utf-8")
    result = subprocess.run([check_jsonschema(), "--builtin-schema", "vendor.github-workflows", str(bad)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "runs-on" in result.stdout


def load(name: str) -> dict:
    return yaml.load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"),
                     Loader=yaml.BaseLoader)  # `on` stays a key, not True


def steps(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


def test_pull_requests_are_checked_and_strictly_built_with_full_history():
    wf = load("check.yml")
    assert "pull_request" in wf["on"]
    all_steps = steps(wf)
    checkout = next(s for s in all_steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == "0"
    runs = [s.get("run", "") for s in all_steps]
    assert any(run.startswith("register check --format github") for run in runs)
    assert "register build" in runs  # strict: register build loads mkdocs.yml with strict=True


def test_main_is_built_and_deployed_to_pages():
    wf = load("deploy.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [s.get("uses", "") for s in steps(wf)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    checkout = next(s for s in steps(wf) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == "0"
    assert wf["jobs"]["deploy"]["environment"]["name"] == "github-pages"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_hold_least_privilege(path):
    """The repository's code (any `run:` step) runs only in jobs that can read the repository and
    nothing more: a pull request or a compromised dependency cannot publish or take a token."""
    wf = load(path.name)
    assert wf["permissions"] in ({}, "{}", {"contents": "read"}), wf["permissions"]
    for name, job in wf["jobs"].items():
        rights = job.get("permissions", wf["permissions"])
        rights = {} if rights == "{}" else rights
        if any("run" in step for step in job.get("steps", [])):
            assert rights == {"contents": "read"}, (name, rights)
        else:  # only GitHub's own actions, pinned: the Pages rights live here alone
            assert set(rights) <= {"pages", "id-token"}, (name, rights)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_by_commit_and_leave_no_credentials(path):
    wf = load(path.name)
    for step in steps(wf):
        if "uses" in step:
            action, _, ref = step["uses"].partition("@")
            assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{action} is pinned by {ref!r}, not by commit"
            if action == "actions/checkout":
                assert step["with"]["persist-credentials"] == "false"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_install_the_locked_versions(path):
    installs = [s["run"] for s in steps(load(path.name)) if "pip install" in s.get("run", "")]
    assert installs == ["python -m pip install --require-hashes -r requirements.lock\n"
                        "python -m pip install --no-deps -e .\n"]


def test_pull_request_template_has_the_editor_s_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(items) >= 8
    for words in ("register check", "draft: true", "sources", "{#d-", "due_phrase", "aliases"):
        assert any(words in item for item in items), words


def test_pre_commit_runs_register_check(capsys):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    (hook,) = repo["hooks"]
    assert hook["entry"] == "register check" and hook["language"] == "system"
    assert hook["pass_filenames"] is False and "decisions/" in hook["files"]
    code, out, err = run_register(capsys, *hook["entry"].split()[1:])
    assert code == 0, err
