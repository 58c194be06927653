"""The derive stage on plain data: documents and actions built in the test, no files, no site.
Chronology, posts over time and custody, each asserted on its own output."""
from __future__ import annotations

from generator.core.derive import derive
from generator.core.diagnostics import Diagnostics, Loc
from generator.core.model import (
    ACTION_CLASSES, Action, Agency, Body, Document, Fulfilment, Holder, Member, PostDef, Register, Task)
from generator.core.periods import parse_period

LOC = Loc("test", 1)


def doc(key: str, issued: str, *actions: Action, fulfills: list[str] | tuple = (),
        changes: dict[str, list[str]] | None = None, effective: str | None = None) -> Document:
    d = Document(key=key, year=int(key[:4]), stem=key[5:], path=f"decisions/{key}.md", loc=LOC, number=None,
                 type="quyet-dinh", title=key, title_descriptive=True, issuer="ttg",
                 issued=parse_period(issued), meeting=None, signer=None, sources=[], cites=[],
                 fulfills=[(ref, LOC) for ref in fulfills], actions=[], body="", body_line=1, anchors=set(),
                 effective=parse_period(effective) if effective else None)
    d.fulfil_details = {ref: Fulfilment(ref, (changes or {}).get(ref, [])) for ref in fulfills}
    for index, action in enumerate(actions):
        action.doc, action.index = key, index
        d.actions.append(action)
    return d


def act(kind: str, **fields) -> Action:
    return ACTION_CLASSES[kind](doc="", index=0, loc=LOC, **fields)


def register(*docs: Document) -> tuple[Register, Diagnostics]:
    agencies = {a: Agency(a, a.upper(), None, None, [], None, {"bo-truong": f"Bộ trưởng {a}"}, LOC)
                for a in ("ttg", "bo-x", "bo-y", "vp")}
    bodies = {"ub": Body("ub", "Ủy ban", None, None, [], None,
                         {"chu-tich": PostDef("chu-tich", "Chủ tịch", False),
                          "uy-vien": PostDef("uy-vien", "Ủy viên", True)},
                         {"thuong-truc": "Cơ quan thường trực"}, LOC)}
    reg = Register({d.key: d for d in docs}, agencies, {"an": None, "binh": None}, bodies, {}, {}, [])
    for d in docs:
        for a in d.actions:
            if a.get("task") and a.title:
                reg.tasks[a.task] = Task(a.task, a.title, a)
    diags = Diagnostics()
    reg.derived = derive(reg, diags)
    return reg, diags


def test_a_month_dated_document_follows_the_day_dated_one_it_fulfils():
    reg, diags = register(
        doc("2019/ket-luan", "2019-09-09", act("request", id="sua", title="sửa", what="amend", lead="vp")),
        doc("2019/sua-doi", "2019-09", fulfills=["2019/ket-luan#sua"]),
        doc("2019/khac", "2019-09-05"))
    assert not diags
    chronology = reg.derived.chronology
    assert chronology.bounds["2019/sua-doi"] == (parse_period("2019-09-09").start, parse_period("2019-09").end)
    order = sorted(reg.documents, key=chronology.doc_key)
    assert order == ["2019/khac", "2019/ket-luan", "2019/sua-doi"]
    # unordered by any relation, a month and a day inside it stay unordered
    khac, sua = chronology.place("2019/khac"), chronology.place("2019/sua-doi")
    assert not chronology.known_before(sua, khac, "2019/sua-doi", "2019/khac")


def test_a_seat_held_by_an_office_names_a_person_only_when_a_source_does():
    reg, diags = register(
        doc("2020/lap", "2020-03-10",
            act("appoint", body="ub", post="chu-tich", holder=Holder("an", "ttg/bo-truong"))),
        doc("2021/thanh-vien", "2021-01-15",
            act("holds", body="ub", post="chu-tich", holder=Holder(None, "ttg/bo-truong"))))
    assert not diags
    [history] = [h for (owner, post), h in reg.derived.tenures.posts.items() if post == "chu-tich"]
    [seat] = history.tenures
    assert seat.holder == Holder(None, "ttg/bo-truong")
    assert [(n.person, str(n.when)) for n in seat.named] == [("an", "2020-03-10")]
    compositions = reg.derived.tenures.compositions["ub"]
    assert [(str(c.when), [s.named for s in c.seats]) for c in compositions] == [
        ("2020-03-10", [["an"]]), ("2021-01-15", [[]])]


def test_a_restated_composition_ends_the_members_it_does_not_repeat():
    reg, diags = register(
        doc("2020/lap", "2020-03-10",
            act("appoint", body="ub", post="uy-vien", holder=Holder("an", None)),
            act("appoint", body="ub", post="uy-vien", holder=Holder("binh", None)),
            act("designate", body="ub", role="thuong-truc", agency="bo-x")),
        doc("2021/kien-toan", "2021-06-01",
            act("compose", body="ub", members=[Member("uy-vien", Holder("binh", None))], count=5,
                complete=False)))
    assert not diags
    [history] = [h for (owner, post), h in reg.derived.tenures.posts.items() if post == "uy-vien"]
    assert [(t.holder.person, t.end_when and str(t.end_when)) for t in history.tenures] == [
        ("an", "2021-06-01"), ("binh", None)]
    last = reg.derived.tenures.compositions["ub"][-1]
    assert last.restated.unlisted == 4
    assert [s.post for s in last.seats] == ["uy-vien", "thuong-truc"]  # a role is not a member


def test_withdraw_ends_a_role_and_refuses_one_not_held():
    reg, diags = register(
        doc("2018/giao", "2018-05-01", act("designate", role="đầu mối", agency="vp")),
        doc("2020/thoi", "2020-04-03", act("withdraw", role="đầu mối", agency="vp")))
    assert not diags
    [role] = reg.derived.tenures.roles.values()
    assert [(t.holder, str(t.end_when)) for t in role.tenures] == [("vp", "2020-04-03")]
    _, diags = register(doc("2020/thoi", "2020-04-03", act("withdraw", role="đầu mối", agency="vp")))
    assert [d.message for d in diags.items] == [
        "withdraw: 'vp' does not hold the role 'đầu mối' on 2020-04-03 in the register's records; "
        "record its designation, or name the agency that holds the role"]


def test_a_directed_transfer_waits_for_the_document_that_enacts_it():
    ask = doc("2019/ket-luan", "2019-09-09",
              act("request", id="sua", title="sửa", what="amend", lead="vp"),
              act("assign", task="viec", title="Việc", lead="vp"),
              act("transfer", id="chuyen", pending="sua", task="viec", from_="vp", to="bo-x"),
              act("transfer", id="chuyen-2", pending="sua", task="viec", from_="bo-x", to="bo-y"))
    reg, diags = register(ask)
    assert not diags
    record = reg.derived.custody.tasks["viec"]
    assert record.holder == "vp" and [a.id for a in record.directed] == ["chuyen", "chuyen-2"]
    # a month-dated document enacts the first change only: the task moves on its date
    reg, diags = register(ask, doc("2019/quyet-dinh", "2019-10", fulfills=["2019/ket-luan#sua"],
                                   changes={"2019/ket-luan#sua": ["chuyen"]}))
    assert not diags
    record = reg.derived.custody.tasks["viec"]
    assert record.holder == "bo-x" and str(record.holder_since.when) == "2019-10"
    assert [a.id for a in record.directed] == ["chuyen-2"]
    assert reg.derived.relations.wholly_fulfilled_by.get("2019/ket-luan#sua", []) == []
