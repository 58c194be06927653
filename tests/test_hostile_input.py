"""Hostile front matter never crashes the reader: only diagnostics come out."""
from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from generator.core.read.load import load_register

SMALL = ROOT / "tests/fixtures/small"
DOC = "decisions/2021/1-tb-ba.md"

yaml_scalars = st.one_of(
    st.text(max_size=40), st.integers(), st.booleans(), st.none(),
    st.sampled_from(["!!python/object/apply:os.system ['true']", "&a [*a]", "*undefined", "{{ x }}",
                     "<script>alert(1)</script>", "\x00", "\ufeff", "2019-02-30", "../../etc/passwd",
                     "Vu\u0303 \u0110u\u031b\u0301c", "\r\n", "[", "{", "'", '"', ": :", "- -"]))


def _dump(value, indent: int = 0) -> str:
    pad = " " * indent
    if isinstance(value, dict):
        return "".join(f"{pad}{k}:\n{_dump(v, indent + 2)}" for k, v in value.items()) or f"{pad}{{}}\n"
    if isinstance(value, list):
        return "".join(f"{pad}-\n{_dump(v, indent + 2)}" for v in value) or f"{pad}[]\n"
    return f"{pad}{value}\n"


keys = st.sampled_from(["number", "type", "title", "issuer", "issued", "meeting", "signer", "sources",
                        "cites", "actions", "fulfills", "para", "assign", "transfer", "task", "due",
                        "holder", "person", "office", "body", "post", "lead", "with", "x"])
trees = st.recursive(yaml_scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)), max_leaves=25)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(front=st.dictionaries(keys, trees, max_size=8), body=st.text(max_size=200))
def test_random_front_matter_gives_diagnostics_not_tracebacks(tmp_path_factory, front, body):
    root = tmp_path_factory.mktemp("fuzz") / "r"
    shutil.copytree(SMALL, root)
    (root / DOC).write_text("---\n" + _dump(front) + "---\n" + body, encoding="utf-8")
    register, diagnostics = load_register(root)
    assert (register is None) == bool(diagnostics)
    for d in diagnostics:
        assert d.path.startswith("decisions/") and d.line >= 1 and d.message


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_random_bytes_give_diagnostics(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("bytes") / "r"
    shutil.copytree(SMALL, root)
    (root / DOC).write_bytes(b"---\n" + data)
    register, diagnostics = load_register(root)
    assert register is None and diagnostics


def test_a_mutated_real_record_never_crashes(tmp_path: Path):
    original = (SMALL / DOC).read_text(encoding="utf-8")
    for cut in range(0, len(original), 7):
        root = tmp_path / f"m{cut}"
        shutil.copytree(SMALL, root)
        (root / DOC).write_text(original[:cut] + original[cut + 3:], encoding="utf-8")
        register, diagnostics = load_register(root)
        assert (register is None) == bool(diagnostics)
