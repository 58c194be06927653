"""Traceability views on a small hand-made register: golden pages (reviewed by eye) and the
histories the derivations must refuse."""
from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT
from generator.core.read.load import load_register
from generator.core.render import render_pages

SMALL = ROOT / "tests/fixtures/small"
GOLDEN = ROOT / "tests/golden/small"
AS_OF = date(2021, 8, 1)
GOLDEN_PAGES = ["chuyen-giao.md", "sua-doi.md", "dong-thoi-gian/index.md", "dong-thoi-gian/2021.md",
                "dong-thoi-gian/2022.md", "thoi-han.md",
                "nhiem-vu/xay-dung-he-thong.md", "to-chuc/hoi-dong.md", "co-quan/bo-a.md",
                "ca-nhan/nguyen-van-an.md", "van-ban/2021/1-tb-ba.md"]


@pytest.fixture(scope="module")
def small_pages() -> dict[str, str]:
    register, diagnostics = load_register(SMALL)
    assert diagnostics == []
    return render_pages(register, "vi", AS_OF)


@pytest.mark.parametrize("page", GOLDEN_PAGES)
def test_view_matches_golden(small_pages, page):
    golden = GOLDEN / page
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(small_pages[page], encoding="utf-8")
    assert small_pages[page] == golden.read_text(encoding="utf-8")


def test_status_follows_the_as_of_date():
    register, _ = load_register(SMALL)
    before = render_pages(register, "vi", date(2021, 6, 1))["thoi-han.md"]
    after = render_pages(register, "vi", date(2022, 2, 1))["thoi-han.md"]
    assert "<li>Quá hạn, chưa ghi nhận hoàn thành: 0 nhiệm vụ</li>" in before
    assert "<li>Chưa đến hạn: 1 nhiệm vụ, 1 yêu cầu</li>" in before
    # done in December 2021 on a deadline of June: late, by at least the days to 1 December;
    # the request fulfilled by a document of 15 January 2022, exactly
    assert "<li>Hoàn thành trễ hạn: 1 nhiệm vụ, 1 yêu cầu</li>" in after and "Tính đến ngày 01/02/2022" in after
    assert ">hoàn thành trễ hạn (tháng 12/2021), trễ ít nhất 154 ngày</td>" in after
    assert ">hoàn thành trễ hạn (15/01/2022), trễ 199 ngày</td>" in after


def test_english_labels():
    register, _ = load_register(SMALL)
    page = render_pages(register, "en", AS_OF)["nhiem-vu/xay-dung-he-thong.md"]
    assert ">Chain of custody<a" in page and "Held now by" in page and "past due, no completion recorded" in page


@pytest.fixture
def small_copy(tmp_path: Path) -> Path:
    root = tmp_path / "small"
    shutil.copytree(SMALL, root)
    return root


def add(root: Path, rel: str, actions: str, issued: str, extra: str = "") -> None:
    number = rel.rsplit("/", 1)[1].removesuffix(".md").split("-")[0]
    text = (f"---\nnumber: {number}/TB-BA\ntype: thong-bao\ntitle: Thử\nissuer: bo-a\nissued: {issued}\n"
            f"sources:\n  - {{kind: official, title: Thử}}\n{extra}actions:\n{actions}---\nNội dung. {{#d-1}}\n")
    path = root / "decisions" / rel
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")


def errors(root: Path) -> list[str]:
    register, diagnostics = load_register(root)
    assert register is None
    return [str(d) for d in diagnostics]


def test_a_task_transferred_twice_on_one_day(small_copy):
    add(small_copy, "2021/7-tb-ba.md", "  - para: '1'\n    transfer: {task: xay-dung-he-thong, from: cuc-c, to: bo-a}\n"
                                       "  - para: '1'\n    transfer: {task: xay-dung-he-thong, from: cuc-c, to: bo-b}\n",
        "2021-06-01")
    assert errors(small_copy) == [
        "decisions/2021/7-tb-ba.md:13: task 'xay-dung-he-thong' is transferred twice on 2021-06-01: to 'bo-a' "
        "(decisions/2021/7-tb-ba.md:11) and to 'bo-b'"]


def test_a_post_with_two_holders(small_copy):
    add(small_copy, "2021/7-tb-ba.md",
        "  - para: '1'\n    appoint: {body: hoi-dong, post: chu-tich, holder: {person: tran-thi-binh}}\n", "2021-06-01")
    [message] = errors(small_copy)
    assert message.startswith("decisions/2021/7-tb-ba.md:11: post 'chu-tich' would have two holders at once")


def test_several_holders_where_the_post_allows_them(small_copy):
    add(small_copy, "2021/7-tb-ba.md",
        "  - para: '1'\n    appoint: {body: hoi-dong, post: thanh-vien, holder: {person: tran-thi-binh}}\n"
        "  - para: '1'\n    appoint: {body: hoi-dong, post: thanh-vien, holder: {person: nguyen-van-an}}\n",
        "2021-06-01")
    register, diagnostics = load_register(small_copy)
    assert diagnostics == []


def test_relieving_someone_who_does_not_hold_the_post(small_copy):
    add(small_copy, "2021/7-tb-ba.md",
        "  - para: '1'\n    relieve: {body: hoi-dong, post: chu-tich, holder: {person: tran-thi-binh}}\n", "2021-06-01")
    assert errors(small_copy) == [
        "decisions/2021/7-tb-ba.md:11: relieve: 'tran-thi-binh' does not hold post 'chu-tich' on 2021-06-01 "
        "in the register's records; record the appointment, or relieve the holder the text names"]


def test_relieving_an_office_relieves_the_person_named_in_it(small_copy):
    add(small_copy, "2021/7-tb-ba.md",
        "  - para: '1'\n    relieve: {body: hoi-dong, post: chu-tich, holder: {office: bo-a/bo-truong}}\n", "2021-06-01")
    register, diagnostics = load_register(small_copy)
    assert diagnostics == []
    [history] = [h for h in register.derived.tenures.for_body("hoi-dong") if h.post == "chu-tich"]
    assert history.tenures[0].end == date(2021, 6, 1)


def test_a_fulfilment_issued_before_the_request(small_copy):
    add(small_copy, "2020/9-tb-ba.md", "  - para: '1'\n    amend: {target: 2/TB-BA}\n", "2020-12-01",
        extra='fulfills: ["2021/1-tb-ba#sua-quy-che"]\n')
    assert any("fulfills '2021/1-tb-ba#sua-quy-che': this document (2020-12-01) was issued before the request"
               in e for e in errors(small_copy))


def test_a_cycle_of_amendments(small_copy):
    path = small_copy / "decisions/2021/1-tb-ba.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "actions:\n", "actions:\n  - para: \"1\"\n    amend: {target: 5/QĐ-BA}\n", 1), encoding="utf-8")
    found = errors(small_copy)
    assert found == ["decisions/2022/5-qd-ba.md:13: amendments form a cycle: "
                     "2021/1-tb-ba → 2022/5-qd-ba → 2021/1-tb-ba"]


def test_seed_document_page_matches_golden():
    """The page of 8540/TB-VPCP as generated from the shipped record (reviewed by eye)."""
    register, diagnostics = load_register(ROOT)
    assert diagnostics == []
    page = render_pages(register, "vi", date(2026, 11, 22))["van-ban/2019/8540-tb-vpcp.md"]
    golden = ROOT / "tests/golden/seed/8540-tb-vpcp.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")
