"""One class per action kind: the table the reader builds actions from, each class's fields
against the record format's, and `get`, the one way to read a field only some kinds have."""
from __future__ import annotations

from dataclasses import fields

import pytest

from conftest import ROOT
from generator.core.diagnostics import Loc
from generator.core.model import ACTION_CLASSES, Action, Assign, Compose, Holder, Relieve, Request
from generator.core.read.load import load_register
from generator.core.vocab import ACTION_COMMON_FIELDS, ACTION_FIELDS, ACTION_KINDS

LOC = Loc("test", 1)
# a record's field -> the attribute that holds it (`with` and `from` are Python words)
ATTRIBUTE = {"with": "with_", "from": "from_"}
# what a class holds beyond its record fields: the title of a task declared in place
# (task: {id, title}), and the target resolved to a document key (read/citations.py)
EXTRA = {"assign": {"title"}, "transfer": {"title"}, "report": {"title"},
         "amend": {"target_key"}, "replace": {"target_key"}, "repeal": {"target_key"},
         "request": {"target_key"}}


def test_one_class_per_kind_in_the_vocabulary_order():
    assert tuple(ACTION_CLASSES) == ACTION_KINDS
    assert all(cls.kind == kind for kind, cls in ACTION_CLASSES.items())
    assert len(set(ACTION_CLASSES.values())) == len(ACTION_KINDS)


def test_each_class_holds_its_kind_fields_and_no_other():
    common = {f.name for f in fields(Action)}
    assert common == {"doc", "index", "loc", *ACTION_COMMON_FIELDS}
    for kind, cls in ACTION_CLASSES.items():
        required, optional = ACTION_FIELDS[kind]
        record = {ATTRIBUTE.get(name, name) for name in (*required, *optional)}
        # a transfer may give its `effective` in its own mapping: the field every action has
        assert {f.name for f in fields(cls)} - common == record - common | EXTRA.get(kind, set()), kind


def test_get_reads_a_field_of_some_kinds_and_refuses_a_name_no_kind_has():
    assign = Assign(doc="2020/a", index=0, loc=LOC, task="viec", lead="bo-x")
    request = Request(doc="2020/a", index=1, loc=LOC, title="Đề án")
    assert assign.get("task") == "viec" and request.get("task") is None
    assert request.get("with_", ()) == [] and Compose(doc="", index=0, loc=LOC).get("with_", ()) == ()
    assert Relieve(doc="", index=0, loc=LOC, holder=Holder("an")).get("holder") == Holder("an")
    with pytest.raises(AttributeError, match="no action kind has a field 'taks'"):
        assign.get("taks")
    with pytest.raises(AttributeError):  # a field the kind lacks is no silent None
        request.task
    with pytest.raises(AttributeError):  # nor can one be set on it
        request.task = "viec"


def test_the_reader_builds_each_action_of_its_kind_class():
    register, diagnostics = load_register(ROOT)
    assert register is not None, diagnostics
    actions = [a for doc in register.documents.values() for a in doc.actions]
    assert actions and all(type(a) is ACTION_CLASSES[a.kind] for a in actions)
