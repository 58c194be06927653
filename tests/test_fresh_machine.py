"""The README's promise on a fresh machine: its commands are what CI runs (in a fresh clone
with nothing beside it, so a test reading outside the repository fails there), they install the
locked versions, and the locks satisfy pyproject's bounds."""
from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.version import Version

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = re.findall(r"```sh\n(python3 -m venv .venv && [^\n]+)\n```", README)


def locked(name: str) -> dict[str, Version]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return {m[0].lower().replace("_", "-"): Version(m[1])
            for m in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", text, flags=re.MULTILINE)}


def test_ci_runs_the_readme_s_test_command_word_for_word_in_a_fresh_clone():
    build, tests = COMMANDS
    assert build.endswith("register build") and tests.endswith(".venv/bin/pytest")
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.rstrip().splitlines()[-1] == tests
    assert 'git clone -q "$here" "$work/register"' in script and 'cd "$work/register"' in script


def test_every_locked_requirement_carries_its_hash():
    for name in ("requirements.lock", "requirements-test.lock"):
        text = (ROOT / name).read_text(encoding="utf-8")
        pins = re.findall(r"^\S+==\S+ \\\n(?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+", text, flags=re.MULTILINE)
        assert len(pins) == len(locked(name)) > 20, name
        assert "--index-url" not in text and "--find-links" not in text  # no machine's mirror


def test_the_locks_satisfy_pyproject_and_bound_every_engine():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [Requirement(r) for r in project["dependencies"]]
    tests = [Requirement(r) for r in project["optional-dependencies"]["test"]]
    for lock, wanted in (("requirements.lock", runtime), ("requirements-test.lock", runtime + tests)):
        versions = locked(lock)
        for req in wanted:
            name = req.name.lower().replace("_", "-")
            assert name in versions, f"{req.name} is not in {lock}"
            assert req.specifier.contains(versions[name]), f"{lock}: {name} {versions[name]} outside {req}"
    for req in runtime + tests:
        assert any(spec.operator == "<" for spec in req.specifier), f"{req} has no upper bound"
    # packages the code imports directly are declared, not only brought by another
    names = {r.name.lower() for r in runtime}
    assert {"markdown", "jinja2", "mkdocs", "pyyaml", "pagefind"} <= names

