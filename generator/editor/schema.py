"""JSON Schema of the record format, generated from the vocabularies so that it cannot drift.

Four schemas: one for a document's front matter (`ban-ghi.json`) and one per registry
(`co-quan.json` for agencies.yml, `ca-nhan.json` for people.yml, `to-chuc.json` for
bodies.yml). They are published with the site, so that an editor's editor can complete and
check a registry file (`# yaml-language-server: $schema=…`), and `register check` validates
every record against them.

The schemas describe the data as the register reads it (source.py keeps every scalar as text),
and are never stricter than the field checks of documents.py and registries.py: what the
schema rejects, a field check rejects too. They cannot say what needs the whole register
(that an agency id is declared, that a task exists); the field checks do.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from generator.core.diagnostics import Diagnostic, Diagnostics
from generator.core.read.fields import ID_RE
from generator.core.read.source import line_of, read_markdown, read_yaml_file
from generator.core.text_rules import MAX_NAME_BYTES
from generator.core.vocab import (
    ACTION_COMMON_FIELDS, ACTION_FIELDS, ACTION_KINDS, AGENCY_FIELDS, BODY_FIELDS,
    BODY_POST_FIELDS, CITE_FIELDS, CLAIM_FIELDS, DISPUTE_FIELDS, DOCUMENT_FIELDS,
    DOCUMENT_TYPES, FULFIL_FIELDS, HOLDER_FIELDS, MEMBER_FIELDS, PERSON_FIELDS, REPORT_STATUSES,
    REQUEST_WHAT, REQUIRED_DOCUMENT_FIELDS, SIGNER_FIELDS, SOURCE_FIELDS, SOURCE_KINDS,
    SOURCE_TEXTS, TASK_FIELDS, INFERRABLE_FIELDS)

__all__ = ["DIALECT", "SCHEMA_FILES", "REGISTRY_SCHEMAS", "document_schema", "registry_schema",
           "schemas", "schema_texts", "write_schemas", "unspecified_fields", "validate_file", "schema_diagnostics"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
DOCUMENT_SCHEMA = "ban-ghi.json"
REGISTRY_SCHEMAS = {"agencies.yml": "co-quan.json", "people.yml": "ca-nhan.json",
                    "bodies.yml": "to-chuc.json"}
SCHEMA_FILES = (DOCUMENT_SCHEMA, *REGISTRY_SCHEMAS.values())

# --- value shapes, as the reader gives them --------------------------------------------------

_ID_PATTERN = r"^\s*" + ID_RE.pattern.strip("^$") + r"\s*$"
# periods.parse_period: 2019, 2020-Q1 (Q01 too), 2019-09, 2019-10-01; whether the day exists is
# left to the field check
_ONE_PERIOD = r"[0-9]{4}(-([Qq]0*[1-4]|(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?))?"
_PERIOD_PATTERN = rf"^\s*{_ONE_PERIOD}(\.\.{_ONE_PERIOD})?\s*$"  # 2019-09..2019-09-18: bounded
_DAY_PATTERN = r"^\s*[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\s*$"
_DOC_REF = r"(\d{4}|khong-ro-nam)/[a-z0-9]+(-[a-z0-9]+)*"

ID = {"type": "string", "pattern": _ID_PATTERN, "maxLength": MAX_NAME_BYTES,  # ASCII: bytes
      "description": "an id of lower-case letters, digits and '-' (id: chữ thường, số và '-'), e.g. cuc-kstthc"}
# YAML editors read `para: 2` and `issued: 2019` as numbers; the register reads them as text
ID_OR_NUMBER = {**ID, "type": ["string", "integer"]}
TEXT = {"type": "string"}
REQUIRED_TEXT = {"type": "string", "pattern": r"\S", "description": "text, not empty (không để trống)"}
FLAG = {"type": "boolean"}
PERIOD = {"type": ["string", "integer"], "pattern": _PERIOD_PATTERN,
          "description": "a date or period (ngày hoặc kỳ): 2019-10-01, 2019-09, 2020-Q1 or 2019; "
                         "bounded: 2019-09..2019-09-18 (không muộn hơn)"}
DAY = {"type": "string", "pattern": _DAY_PATTERN, "description": "a day (một ngày), e.g. 2018-08-28"}
NUMBER = {"type": "string", "pattern": r"\S",
          "description": "the number as printed (số, ký hiệu): 139/TB-VPCP, 150/2016/NĐ-CP, 52-NQ/TW"}
URL = {"type": "string", "pattern": r"^\s*https?://", "description": "a web address starting with https://"}


def nullable(schema: dict) -> dict:
    """An optional field: the reader treats `key:` with no value as absent."""
    return {"anyOf": [{"type": "null"}, schema]}


def one_or_list(item: dict) -> dict:
    """Fields.items accepts a list, or a single value standing for a list of one."""
    return {"anyOf": [{"type": "array", "items": item}, item]}


def mapping(fields: Iterable[str], specs: dict[str, dict], required: Iterable[str] = (),
            description: str | None = None) -> dict:
    required = tuple(required)
    out: dict[str, Any] = {
        "type": "object",
        "properties": {name: (specs.get(name, {}) if name in required else nullable(specs.get(name, {})))
                       for name in fields},
        "additionalProperties": False,
    }
    if required:
        out["required"] = list(required)
    if description:
        out["description"] = description
    return out


# --- the document ---------------------------------------------------------------------------

TASK = {"anyOf": [ID, mapping(TASK_FIELDS, {"id": ID, "title": REQUIRED_TEXT}, TASK_FIELDS,
                              "khai báo nhiệm vụ lần đầu: {id: …, title: …}")]}
HOLDER = {**mapping(HOLDER_FIELDS, {"person": ID, "office": REQUIRED_TEXT}),
          "anyOf": [{"required": ["person"]}, {"required": ["office"]}],
          "description": "{person: <id>}, {office: <agency>/<post>} or both (hoặc cả hai)"}

# the shape of every field an action kind may have (vocab.ACTION_FIELDS names them)
ACTION_FIELD_SPECS: dict[str, dict] = {
    "body": ID, "replaces": ID, "post": ID, "holder": HOLDER, "agency": ID, "date": PERIOD,
    "role": REQUIRED_TEXT, "add": REQUIRED_TEXT, "task": TASK, "lead": ID, "with": one_or_list(TEXT),
    "due": PERIOD, "due_phrase": TEXT, "from": ID, "to": ID, "effective": PERIOD,
    "target": REQUIRED_TEXT, "what": TEXT, "title": TEXT, "status": {"enum": list(REPORT_STATUSES)},
    "text": TEXT, "count": {"type": ["integer", "string"], "pattern": "^\\s*[0-9]+\\s*$", "description": "số thành viên"},
    "complete": FLAG, "name": REQUIRED_TEXT, "short": TEXT, "abbr": TEXT,
    "members": one_or_list(mapping(MEMBER_FIELDS, {"post": ID, "holder": HOLDER}, ("post",),
                                   "một vị trí: {post: …, holder: {…}} (holder khi nguồn nêu)")),
}
KIND_OVERRIDES = {("request", "what"): {"enum": list(REQUEST_WHAT)}}


def _action_schema() -> dict:
    kinds = {}
    for kind in ACTION_KINDS:
        required, optional = ACTION_FIELDS[kind]
        specs = {name: KIND_OVERRIDES.get((kind, name), ACTION_FIELD_SPECS.get(name, {}))
                 for name in required + optional}
        kinds[kind] = mapping(required + optional, specs, required)
    common = {"para": ID_OR_NUMBER, "id": ID_OR_NUMBER, "pending": ID_OR_NUMBER,
              "effective": PERIOD, "inferred": REQUIRED_TEXT}
    return {
        "type": "object",
        "description": "an action needs para, id?, pending?, effective?, inferred? and exactly "
                       "one kind (đúng một loại): "
                       + ", ".join(ACTION_KINDS),
        "properties": {**{name: nullable(common[name]) for name in ACTION_COMMON_FIELDS}, **kinds},
        "additionalProperties": False,
        "oneOf": [{"required": [kind]} for kind in ACTION_KINDS],
    }


SOURCE = mapping(SOURCE_FIELDS, {"kind": {"enum": list(SOURCE_KINDS)}, "title": TEXT, "url": URL,
                                 "author": TEXT, "date": PERIOD, "part": ID,
                                 "file": {"type": "string", "pattern": r"^sources/(\d{4}|khong-ro-nam)/[a-z0-9]+(-[a-z0-9]+)*\.txt$",
                                          "description": "the raw text of this source, kept in the repository"},
                                 "text": {"enum": list(SOURCE_TEXTS)}},
                 ("kind",))
_REQUEST_REF = {"type": "string", "pattern": rf"^{_DOC_REF}#[a-z0-9]+(-[a-z0-9]+)*$"}
FULFILMENT = {"anyOf": [_REQUEST_REF, mapping(FULFIL_FIELDS, {
    "request": _REQUEST_REF, "changes": one_or_list(ID), "inferred": REQUIRED_TEXT}, ("request",),
    "thực hiện một phần: {request: …, changes: [<id>]}")]}
CITE = {"anyOf": [NUMBER, mapping(CITE_FIELDS, {"number": NUMBER, "date": PERIOD, "subject": TEXT,
                                                "fulfills": one_or_list(FULFILMENT)},
                                  ("number",))]}
DISPUTE = mapping(DISPUTE_FIELDS, {"what": REQUIRED_TEXT, "claims": {"type": "array", "minItems": 2, "items": mapping(
    CLAIM_FIELDS, {"says": REQUIRED_TEXT, "source": {"type": ["integer", "string"], "pattern": "^[1-9][0-9]*$"}}, CLAIM_FIELDS)}},
    DISPUTE_FIELDS, "nguồn không thống nhất: {what: …, claims: [{says: …, source: <n>}, …]}")
SIGNER = mapping(SIGNER_FIELDS, {"person": ID, "as": TEXT})

DOCUMENT_FIELD_SPECS: dict[str, dict] = {
    "number": NUMBER,
    "type": {"enum": list(DOCUMENT_TYPES),
             "description": "; ".join(f"{k}: {v[0]}" for k, v in DOCUMENT_TYPES.items())},
    "title": REQUIRED_TEXT,
    "title_descriptive": FLAG,
    "issuer": ID,
    "issued": PERIOD,
    "meeting": PERIOD,
    "signer": SIGNER,
    "sources": {"anyOf": [{"type": "array", "items": SOURCE, "minItems": 1}, SOURCE]},
    "cites": one_or_list(CITE),
    "actions": one_or_list({"$ref": "#/$defs/action"}),
    "fulfills": one_or_list(FULFILMENT),
    "effective": {"anyOf": [PERIOD, {"const": "on-signing"}],
                  "description": "khi văn bản có hiệu lực: một ngày, hoặc on-signing (kể từ ngày ký)"},
    "disputed": one_or_list(DISPUTE),
    "inferred": {"type": "object", "propertyNames": {"enum": list(INFERRABLE_FIELDS)},
                 "additionalProperties": REQUIRED_TEXT,
                 "description": "trường suy luận, không nguồn nào nêu: {issued: \"<lý do>\"}"},
    "former": one_or_list({"type": "string", "pattern": rf"^{_DOC_REF}$",
                           "description": "a reference this record had before it was renamed or "
                                          "renumbered (địa chỉ cũ), e.g. 2019/ket-luan-ttg"}),
}


def document_schema() -> dict:
    """The front matter of a document file, decisions/<year>/<file>.md."""
    schema = mapping(DOCUMENT_FIELDS, DOCUMENT_FIELD_SPECS, REQUIRED_DOCUMENT_FIELDS,
                     "Bản ghi văn bản (front matter) — a document record of the register")
    return {"$schema": DIALECT, "title": "Bản ghi văn bản / Document record", **schema,
            "$defs": {"action": _action_schema()}}


# --- the registries -------------------------------------------------------------------------

_REGISTRY_SPECS = {
    "name": REQUIRED_TEXT, "short": TEXT, "abbr": TEXT, "aliases": one_or_list(REQUIRED_TEXT),
    "parent": ID, "note": TEXT,
}
_AGENCY_POSTS = {"type": "object", "propertyNames": {"pattern": ID_RE.pattern},
                 "additionalProperties": REQUIRED_TEXT}
_BODY_POSTS = {"type": "object", "propertyNames": {"pattern": ID_RE.pattern},
               "additionalProperties": {"anyOf": [
                   TEXT, mapping(BODY_POST_FIELDS, {"title": REQUIRED_TEXT, "several": FLAG}, ("title",))]}}
_ROLES = {"type": "object", "additionalProperties": REQUIRED_TEXT}

REGISTRY_ENTRIES: dict[str, tuple[tuple[str, ...], dict[str, dict], str]] = {
    "agencies.yml": (AGENCY_FIELDS, {**_REGISTRY_SPECS, "posts": _AGENCY_POSTS},
                     "Cơ quan / Agencies (decisions/agencies.yml)"),
    "people.yml": (PERSON_FIELDS, _REGISTRY_SPECS, "Cá nhân / People (decisions/people.yml)"),
    "bodies.yml": (BODY_FIELDS, {**_REGISTRY_SPECS, "posts": _BODY_POSTS, "roles": _ROLES},
                   "Ủy ban, ban, tổ công tác / Bodies (decisions/bodies.yml)"),
}


def registry_schema(name: str) -> dict:
    """A registry file: ids mapped to entries."""
    fields, specs, title = REGISTRY_ENTRIES[name]
    return {"$schema": DIALECT, "title": title, "type": ["object", "null"],
            "propertyNames": {"pattern": ID_RE.pattern},
            "additionalProperties": mapping(fields, specs, ("name",))}


def schemas() -> dict[str, dict]:
    """Every schema by the file name it is published under."""
    out = {DOCUMENT_SCHEMA: document_schema()}
    for registry, filename in REGISTRY_SCHEMAS.items():
        out[filename] = registry_schema(registry)
    return out


def schema_texts() -> dict[str, str]:
    return {name: json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
            for name, schema in schemas().items()}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def unspecified_fields() -> list[str]:
    """Fields the vocabularies name but the schema has no shape for (a test keeps this empty)."""
    missing = [f"document.{f}" for f in DOCUMENT_FIELDS if f not in DOCUMENT_FIELD_SPECS]
    for kind, (required, optional) in ACTION_FIELDS.items():
        missing += [f"{kind}.{f}" for f in required + optional
                    if f not in ACTION_FIELD_SPECS and (kind, f) not in KIND_OVERRIDES]
    for registry, (fields, specs, _) in REGISTRY_ENTRIES.items():
        missing += [f"{registry}.{f}" for f in fields if f not in specs]
    return missing


# --- validation -----------------------------------------------------------------------------

def _validators() -> dict[str, Any]:
    from jsonschema import Draft202012Validator

    return {name: Draft202012Validator(schema) for name, schema in schemas().items()}


def _where(path: Iterable[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line(data: Any, path: list[Any], default: int) -> int:
    """The line of the deepest value on `path` that the YAML reader located."""
    line, node = line_of(data, default=default), data
    for part in path:
        try:
            line = line_of(node, part, line)
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return line


def _leaves(error: Any) -> list[Any]:
    if not error.context:
        return [error]
    return [leaf for sub in error.context for leaf in _leaves(sub)]


def _deepest(error: Any) -> Any:
    """Of the ways an anyOf/oneOf failed, the one that went furthest into the value: for a list
    that is also allowed as a single item, the problem in the item, not "not a mapping"."""
    weak = ("type", "required", "anyOf", "oneOf")
    return max(_leaves(error), key=lambda e: (len(e.absolute_path), e.validator not in weak))


def _message(error: Any) -> str:
    where = _where(error.absolute_path)
    if error.validator == "oneOf" and error.schema.get("description") and not error.context:
        text = error.schema["description"]
    elif error.validator == "pattern" and error.schema.get("description"):
        text = f"{error.instance!r} is not {error.schema['description']}"
    elif error.validator == "additionalProperties":
        text = error.message.replace("Additional properties are not allowed", "unknown field(s)")
    else:
        text = error.message
    if len(text) > 240:
        text = text[:239] + "…"
    return f"schema: {where}: {text}" if where else f"schema: {text}"


def validate_file(rel: str, data: Any, default_line: int, validators: dict[str, Any] | None = None
                  ) -> list[Diagnostic]:
    """Schema diagnostics of one file's data (front matter, or a registry), with lines."""
    validators = validators or _validators()
    name = rel.rpartition("/")[2]
    schema_name = REGISTRY_SCHEMAS.get(name, DOCUMENT_SCHEMA)
    out = []
    for error in validators[schema_name].iter_errors(data):
        error = _deepest(error)
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
            path += extra[:1]  # the line of the unknown field itself
        out.append(Diagnostic(rel, _line(data, path, default_line), _message(error)))
    return sorted(set(out))


def schema_diagnostics(root: Path, document_files: Iterable[str],
                       already: Iterable[Diagnostic] = ()) -> list[Diagnostic]:
    """The schema's findings for every registry and document file, left out for a file that
    the field checks already reported on (so that one mistake gives one message)."""
    reported = {d.path for d in already}
    validators = _validators()
    out: list[Diagnostic] = []
    for rel in [f"decisions/{name}" for name in REGISTRY_SCHEMAS] + list(document_files):
        if rel in reported or not (root / rel).is_file():
            continue
        diags = Diagnostics()
        if rel.endswith(".md"):
            md = read_markdown(root / rel, rel, diags)
            data, first = (md.meta, 1) if md else (None, 1)
        else:
            data, first = read_yaml_file(root / rel, rel, diags), 1
        if diags or data is None and rel.endswith(".md"):
            continue
        out += validate_file(rel, data, first, validators)
    return out

