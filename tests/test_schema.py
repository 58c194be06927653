"""The JSON Schema of the records: generated from the vocabularies, valid, published with the
site, satisfied by every shipped record, and used by `register check` without repeating what
the field checks say."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import ROOT, run_register
from generator.core.diagnostics import Diagnostic, Diagnostics
from generator.core.read.load import document_files
from generator.core.read.source import read_markdown, read_yaml_file
from generator.core.vocab import (
    ACTION_FIELDS, ACTION_KINDS, DOCUMENT_FIELDS, DOCUMENT_TYPES, REPORT_STATUSES,
    REQUIRED_DOCUMENT_FIELDS, SOURCE_KINDS)
from generator.editor.schema import (
    REGISTRY_SCHEMAS, document_schema, schema_diagnostics, schema_texts, schemas,
    unspecified_fields, validate_file)

REGISTERS = [ROOT, ROOT / "tests" / "fixtures" / "small"]
NEW = "decisions/2020/999-tb-vpcp.md"


def test_schemas_are_valid_json_schema():
    for name, schema in schemas().items():
        Draft202012Validator.check_schema(schema)
        assert json.loads(schema_texts()[name]) == schema


def test_schema_is_generated_from_the_vocabularies():
    assert unspecified_fields() == []
    doc = document_schema()
    assert set(doc["properties"]) == set(DOCUMENT_FIELDS)
    assert doc["required"] == list(REQUIRED_DOCUMENT_FIELDS)
    assert doc["properties"]["type"]["enum"] == list(DOCUMENT_TYPES)
    action = doc["$defs"]["action"]
    assert [b["required"] for b in action["oneOf"]] == [[k] for k in ACTION_KINDS]
    for kind, (required, optional) in ACTION_FIELDS.items():
        assert set(action["properties"][kind]["properties"]) == set(required + optional)
        assert action["properties"][kind].get("required", []) == list(required)
    assert action["properties"]["report"]["properties"]["status"]["enum"] == list(REPORT_STATUSES)
    source = doc["properties"]["sources"]["anyOf"][0]["items"]
    assert source["properties"]["kind"]["enum"] == list(SOURCE_KINDS)


@pytest.mark.parametrize("root", REGISTERS, ids=["shipped", "small"])
def test_every_shipped_record_validates(root):
    diags = Diagnostics()
    checked = 0
    for rel in document_files(root, diags):
        md = read_markdown(root / rel, rel, diags)
        assert validate_file(rel, md.meta, 1) == [], rel
        checked += 1
    for name in REGISTRY_SCHEMAS:
        rel = f"decisions/{name}"
        assert validate_file(rel, read_yaml_file(root / rel, rel, diags), 1) == [], rel
    assert not diags.items and checked


def test_registries_validate_as_an_editor_s_yaml_tool_reads_them():
    """yaml-language-server reads plain YAML (numbers stay numbers): the registries still validate."""
    for name, schema_name in REGISTRY_SCHEMAS.items():
        data = yaml.safe_load((ROOT / "decisions" / name).read_text(encoding="utf-8"))
        errors = list(Draft202012Validator(schemas()[schema_name]).iter_errors(data))
        assert not errors, (name, [e.message for e in errors])


def new_document(root: Path, extra: str = "", **fields: str) -> Path:
    meta = {"number": "999/TB-VPCP", "type": "thong-bao", "title": "Văn bản thử nghiệm",
            "issuer": "vpcp", "issued": "2020-05-04"}
    meta.update(fields)
    text = "---\n" + "".join(f"{k}: {v}\n" for k, v in meta.items() if v is not None)
    text += "sources:\n  - {kind: official, title: Thử}\n" + extra + "---\nNội dung. {#d-1}\n"
    path = root / NEW
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check(capsys, root: Path) -> list[str]:
    code, _, err = run_register(capsys, "--root", str(root), "check")
    return [line for line in err.splitlines() if line.startswith(NEW + ":")]


@pytest.mark.parametrize("fields, extra, line, words", [
    ({"title": '""'}, "", 4, ["schema: title", "not empty"]),  # the field checks let this one by
    ({}, "actions:\n  - para: '1'\n    report: {task: x, status: ok}\n", 11, ["status", "'ok' is not one of"]),
    ({}, "cites: [{number: 1072/QĐ-TTg, date: 2018-13}]\n", 9, ["date"]),
    ({"meeting": "2020-13"}, "", 7, ["meeting"]),
])
def test_a_broken_record_does_not_validate(register_copy, capsys, fields, extra, line, words):
    path = new_document(register_copy, extra, **fields)
    diags = Diagnostics()
    found = validate_file(NEW, read_markdown(path, NEW, diags).meta, 1)
    assert found, "the schema accepted a broken record"
    assert any(d.line == line and all(w in d.message for w in words) for d in found), found
    lines = check(capsys, register_copy)
    assert lines and any(l.startswith(f"{NEW}:{line}: ") for l in lines), lines


def test_an_empty_title_gives_one_message(register_copy, capsys):
    # the field checks catch it; the schema, run only on files they pass, does not repeat it
    new_document(register_copy, title='""')
    assert check(capsys, register_copy) == [f"{NEW}:4: 'title' must not be empty"]


def test_one_mistake_gives_one_message(register_copy, capsys):
    """A file the field checks report on is not reported again by the schema."""
    new_document(register_copy, type="thong-bo")
    lines = check(capsys, register_copy)
    assert len(lines) == 1 and "unknown document type 'thong-bo'" in lines[0], lines
    assert not any("schema" in l for l in lines)


def test_a_valid_new_record_gives_no_schema_message(register_copy, capsys):
    new_document(register_copy, "actions:\n  - para: '1'\n    transfer: {task: truc-lien-thong-van-ban-quoc-gia, "
                                "from: bo-tttt, to: vpcp}\n")
    assert not [l for l in check(capsys, register_copy) if "schema" in l]


def test_registry_problems_give_lines(register_copy):
    rel = "decisions/people.yml"
    text = (register_copy / rel).read_text(encoding="utf-8") + "\nmoi-nguoi:\n  name: Người Mới\n  born: 1970\n"
    (register_copy / rel).write_text(text, encoding="utf-8")
    found = schema_diagnostics(register_copy, [], [])
    line = text.count("\n", 0, text.index("  born: 1970")) + 1
    assert [(d.path, d.line) for d in found] == [(rel, line)]
    assert "born" in found[0].message
    # and nothing for a file the field checks already reported
    assert schema_diagnostics(register_copy, [], [Diagnostic(rel, 1, "x")]) == []


def test_the_schema_is_published_with_the_site(built_site):
    for name, text in schema_texts().items():
        assert (built_site / "schema" / name).read_text(encoding="utf-8") == text
