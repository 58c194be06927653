"""The pull-request machinery: GitHub workflows (valid against GitHub's schema, offline), the
pull-request template and the pre-commit hook."""
from __future__ import annotations

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
    assert "register check --format github" in runs
    assert "register build" in runs  # strict: register build loads mkdocs.yml with strict=True


def test_main_is_built_and_deployed_to_pages():
    wf = load("deploy.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["permissions"]["pages"] == "write" and wf["permissions"]["id-token"] == "write"
    uses = [s.get("uses", "") for s in steps(wf)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    checkout = next(s for s in steps(wf) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == "0"
    assert wf["jobs"]["deploy"]["environment"]["name"] == "github-pages"


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
