"""What a reader came for (issue 32): every task's state, judged once (derive/status.py), and
the same count wherever it stands — the home page, the deadlines page, the task list, each task
page, each document's task table, the agency pages, the accountability page, the search
filters and the open data; the reason of a transfer next to it; a document's tasks as a table.

Every count on every page is compared with the one computed from the published register.json,
on the seed register and on a synthetic register built as of a day amid its deadlines (so that
tasks done on time, done late, past due and not yet due all occur)."""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from lxml import html as lxml_html

from generator.core.derive.status import STATES, judge
from generator.core.periods import parse_period
from generator.core.read.load import load_register
from generator.core.render.labels import Labels
from generator.faces.cli import main as register_main

ROOT = Path(__file__).resolve().parent.parent
T = Labels("vi")


def label(state: str) -> str:
    return T("status_" + state)


def upper(s: str) -> str:
    return s[:1].upper() + s[1:]


def tree(site: Path, url: str):
    return lxml_html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))


def article(site: Path, url: str):
    return tree(site, url).xpath("//article")[0]


def number(cell: str) -> int:
    return int(cell.split("(")[0].strip().replace(".", ""))


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synthetic
    root = tmp_path_factory.mktemp("synthetic") / "register"
    synthetic.generate(root, 150, seed=5)
    register, diagnostics = load_register(root)
    assert diagnostics == []
    dues = sorted(r.due.end for r in register.derived.custody.tasks.values() if r.due)
    as_of = dues[len(dues) // 2]  # half the deadlines passed, half to come
    site = root / "site"
    assert register_main(["--root", str(root), "build", "--as-of", as_of.isoformat(), "--site-dir", str(site)]) == 0
    return site


@pytest.fixture(params=["seed", "synthetic"])
def site(request, built_site, synthetic_site) -> Path:
    return built_site if request.param == "seed" else synthetic_site


# --- the one judgement -------------------------------------------------------------------------

def test_a_state_says_what_the_register_knows():
    due = parse_period("2020-06")
    assert judge(date(2020, 6, 30), due).state == "not_yet_due"
    past = judge(date(2020, 7, 3), due)
    assert past.state == "past_due" and past.days_late == 3 and past.is_due
    assert judge(date(2021, 1, 1), due, done=parse_period("2020-06-15")).state == "done_on_time"
    late = judge(date(2021, 1, 1), due, done=parse_period("2020-08-02"))
    assert late.state == "done_late" and late.days_late == 33
    # a month-precise completion after the month due: late by at least the days to its start
    assert judge(date(2021, 1, 1), due, done=parse_period("2020-08")).days_late == 32
    # done "in 2020" on a deadline of June 2020: the sources cannot tell on time from late
    assert judge(date(2021, 1, 1), due, done=parse_period("2020")).state == "done"
    # a completion dated after the day judged has not happened yet
    assert judge(date(2020, 7, 10), due, done=parse_period("2020-08-02")).state == "past_due"
    assert judge(date(2020, 1, 1), None).state == "no_deadline"
    assert judge(date(2020, 1, 1), None, done=parse_period("2019-05")).state == "done"


# --- one count everywhere ----------------------------------------------------------------------

def _data(site: Path) -> dict:
    return json.loads((site / "register.json").read_text(encoding="utf-8"))


def _state_lines(site: Path, url: str) -> dict[str, tuple[int, int]]:
    """"Label: N nhiệm vụ, M yêu cầu" lines of a page, by state."""
    by_label = {upper(label(s)): s for s in STATES}
    out = {}
    for li in article(site, url).xpath(".//li"):
        text = " ".join(li.text_content().split())
        m = re.fullmatch(r"(.+?): ([\d.]+) nhiệm vụ(?:, ([\d.]+) yêu cầu)?", text)
        if m and m[1] in by_label:
            out[by_label[m[1]]] = (int(m[2].replace(".", "")), int((m[3] or "0").replace(".", "")))
    return out


def test_the_home_and_deadlines_pages_count_what_register_json_says(site):
    data = _data(site)
    tasks = Counter(t["status"] for t in data["tasks"])
    requests = Counter(d["status"] for d in data["deadlines"] if d["kind"] == "request")
    home = _state_lines(site, "")
    assert home and all(home[s] == (tasks[s], requests[s]) for s in home)
    assert sum(n for n, _ in home.values()) == len(data["tasks"])  # every task, in one state
    deadlines = _state_lines(site, "thoi-han")
    assert all(deadlines[s] == (tasks[s], requests[s]) for s in deadlines)
    # each row of the deadlines table carries the state it is counted under
    rows = article(site, "thoi-han").xpath(".//div[contains(@class,'register-filter')]//tbody/tr")
    shown = Counter(json.loads(r.get("data-filter"))["status"][0] for r in rows)
    assert shown == Counter(upper(label(d["status"])) for d in data["deadlines"])


def test_every_task_shows_its_one_state_on_every_page_and_in_search(site):
    data = _data(site)
    by_id = {t["id"]: t for t in data["tasks"]}
    # the task list, grouped by the agency leading each task now
    names = {a["id"]: a["name"] for a in data["agencies"]}
    listed = 0
    group = None
    for element in article(site, "nhiem-vu").iter("h2", "tr"):
        if element.tag == "h2":
            group = element.text_content().rstrip("¶")
            continue
        row = element
        if row.xpath("./td"):
            task = by_id[row.xpath(".//a/@href")[0].rstrip("/").rsplit("/", 1)[-1]]
            assert group == (names[task["holder"]] if task["holder"] else "Chưa có cơ quan chủ trì")
            assert row.xpath("./td[3]")[0].text_content().startswith(label(task["status"]))
            listed += 1
    assert listed == len(data["tasks"])
    for task in data["tasks"]:
        page = tree(site, task["url"])
        cell = page.xpath("//article//tr[td[1]='Tình trạng']/td[2]/strong")[0].text_content()
        assert cell == label(task["status"]), task["id"]
        # the search index's filter for the page
        assert page.xpath("//*[@data-pagefind-filter='status[data-value]']/@data-value") == [upper(label(task["status"]))]


def test_each_documents_task_table_gives_each_tasks_state(site):
    data = _data(site)
    by_id = {t["id"]: t for t in data["tasks"]}
    checked = 0
    for doc in data["documents"]:
        for row in article(site, doc["url"]).xpath(".//h2[@id='nhiem-vu']/following-sibling::div[1]//tbody/tr"):
            task_id = row.xpath("./td[1]//a/@href")[0].rstrip("/").rsplit("/", 1)[-1]
            assert row.xpath("./td[5]")[0].text_content().startswith(label(by_id[task_id]["status"]))
            assert json.loads(row.get("data-filter"))["status"] == [upper(label(by_id[task_id]["status"]))]
            checked += 1
    assert checked >= len(data["tasks"])  # every task stands in the table of a document naming it


def _tally_cells(row) -> list[int]:
    return [number(td.text_content()) for td in row.xpath("./td")[1:]]


def _expected(entry: dict) -> list[int]:
    return [entry["tasks"], entry["due"], entry["done_when_due"], *(entry[s] for s in STATES)]


def test_accountability_tables_count_what_register_json_says(site):
    data = _data(site)
    tallies = {(e["agency"], e["year"]): e for e in data["accountability"]}
    agencies = {a["id"]: a for a in data["agencies"]}
    whole = tallies[(None, None)]
    assert whole["tasks"] == len(data["tasks"]) == sum(whole[s] for s in STATES)
    assert whole["due"] == sum(1 for t in data["tasks"] if t["due"] and t["due"]["end"] < data["as_of"])
    page = article(site, "thuc-hien-nhiem-vu")
    years = [None, *sorted({y for _, y in tallies if y is not None}, reverse=True)]
    for year in years:
        anchor = "tat-ca-cac-nam" if year is None else f"nam-{year}"
        rows = page.xpath(f".//h2[@id='{anchor}']/following-sibling::*[1]//tbody/tr")
        assert _tally_cells(rows[0]) == _expected(tallies[(None, year)])
        for row in rows[1:]:
            agency = row.xpath("./td[1]//a/@href")[0].rstrip("/").rsplit("/", 1)[-1]
            assert _tally_cells(row) == _expected(tallies[(agency, year)]), (agency, year)
        assert len(rows) - 1 == sum(1 for a, y in tallies if a is not None and y == year)
    # each agency's page: the same rows, every year first
    for (agency, year), entry in tallies.items():
        if agency is None or year is not None:
            continue
        rows = article(site, agencies[agency]["url"]).xpath(
            ".//h2[@id='thuc-hien-nhiem-vu']/following-sibling::*[1]//tbody/tr")
        assert _tally_cells(rows[0]) == _expected(entry)
        assert [r.xpath("./td[1]")[0].text_content() for r in rows[1:]] == [
            f"Năm {y}" for y in sorted((y for a, y in tallies if a == agency and y is not None), reverse=True)]


def test_the_synthetic_register_has_every_state(synthetic_site):
    """The counts above are compared on a register where every state occurs."""
    states = Counter(t["status"] for t in _data(synthetic_site)["tasks"])
    assert {"past_due", "not_yet_due", "done_on_time", "no_deadline"} <= set(states), states


def test_search_and_deadlines_filter_a_task_by_the_same_values(built_site):
    """"Which tasks of 139/TB-VPCP due in 2020 are late?": the deadlines page's filters and the
    search box's hold the same document, year and state for each task."""
    rows = article(built_site, "thoi-han").xpath(".//div[contains(@class,'register-filter')]//tbody/tr")
    compared = 0
    for row in rows:
        href = (row.xpath("./td[2]/a/@href") or [""])[0]
        if "/nhiem-vu/" not in href:  # a request: no page of its own
            continue
        page = tree(built_site, href.replace("../", ""))
        search = {}
        for key in ("document", "agency", "due_year", "status"):
            search[key] = page.xpath(f"//*[@data-pagefind-filter='{key}[data-value]']/@data-value")
        assert {k: v for k, v in search.items() if v} == json.loads(row.get("data-filter"))
        compared += 1
    assert compared == len([t for t in _data(built_site)["tasks"] if t["due"]])
    late_139_2020 = [r for r in rows if (f := json.loads(r.get("data-filter")))
                     and "Thông báo 139/TB-VPCP" in f.get("document", [])
                     and f["due_year"] == ["2020"] and f["status"] == [upper(label("past_due"))]]
    assert late_139_2020


# --- what a page says of a transfer and of a document ---------------------------------------------

def test_a_transfer_is_shown_with_what_its_source_says_of_it(built_site):
    """The standing duty is to move to Bộ TT&TT "để tiếp tục tăng cường chức năng quản lý nhà
    nước…" (¶2, which ¶2-5 is a point of): its task page quotes both. A transfer in force is
    quoted on the transfers page and on its task's chain of custody."""
    def quotes(url: str) -> list[str]:
        return [" ".join(q.text_content().split())
                for q in article(built_site, url).xpath(".//q[@class='register-quote']")]

    standing = quotes("nhiem-vu/thuong-truc-to-cong-tac-giup-viec")
    assert any(q.startswith("Để tiếp tục tăng cường chức năng quản lý nhà nước") and
               "chuyển nhiệm vụ thường trực Tổ công tác" in q for q in standing)
    for url in ("chuyen-giao", "nhiem-vu/de-an-ket-noi-chia-se-du-lieu"):
        assert any(q.startswith("Kết luận của Thủ tướng cũng nêu rõ: Chuyển nhiệm vụ trình Thủ tướng Chính phủ Đề án")
                   for q in quotes(url)), url
    assert len(quotes("chuyen-giao")) == len(article(built_site, "chuyen-giao").xpath(
        ".//div[contains(@class,'register-filter')]//tbody/tr"))  # every transfer says why
    assert not any("{#d-" in q or "\\" in q for q in standing + quotes("chuyen-giao"))


def test_a_document_lists_its_tasks_with_lead_co_operating_deadline_and_state(built_site):
    page = article(built_site, "van-ban/2020/139-tb-vpcp")
    header = [th.text_content() for th in page.xpath(".//h2[@id='nhiem-vu']/following-sibling::div[1]//thead//th")]
    assert header == ["Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn", "Tình trạng", "Nguồn"]
    rows = page.xpath(".//h2[@id='nhiem-vu']/following-sibling::div[1]//tbody/tr")
    assert len(rows) > 10
    assert all(r.xpath("./td[1]//a") and r.xpath("./td[6]//a[starts-with(@href, '#d-')]") for r in rows)


def test_no_reader_facing_english_is_left(built_site):
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for english in ("Made with", "404 - Not found", "Permanent link", "Not found"):
            assert english not in text, (path, english)
