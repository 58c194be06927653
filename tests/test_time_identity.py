"""Time and identity, end to end, on a register of invented documents that runs the whole story
(tests/fixtures/story): a committee established with named members; a day-dated conclusion
directing changes; a month-dated amendment enacting some of them (its day disputed by two
reports); a membership decision naming offices only, dated "on or before"; a restated
composition ("kiện toàn") known only by its count; a rename with a new abbreviation and a
document numbered under it; new rules replacing old ones known only by citation; an inferred
relation. The tests read the built pages and register.json as a reader and a re-user would."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import STORY, page_text, small_register
from generator.core.read.load import load_register
from generator.faces.cli import main as register_main

AS_OF = "2021-12-31"
BODY = "to-chuc/uy-ban-so"


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    root = small_register(tmp_path_factory.mktemp("story") / "register", STORY)
    site = root / "site"
    assert register_main(["--root", str(root), "build", "--as-of", AS_OF, "--site-dir", str(site)]) == 0
    return site


@pytest.fixture
def story_copy(tmp_path) -> Path:
    return small_register(tmp_path / "register", STORY)


class _Tables(HTMLParser):
    """Each table of a page's article under the last heading before it: (heading, rows)."""

    def __init__(self):
        super().__init__()
        self.tables: list[tuple[str, list[list[str]]]] = []
        self.heading, self._in_heading, self._cell, self._row = "", False, None, None

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3"):
            self.heading, self._in_heading = "", True
        elif tag == "table":
            self.tables.append((self.heading.replace("¶", "").strip(), []))
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = ""
        elif tag == "br" and self._cell is not None:
            self._cell += " | "

    def handle_endtag(self, tag):
        if tag in ("h2", "h3"):
            self._in_heading = False
        elif tag in ("td", "th") and self._row is not None:
            self._row.append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self.tables and self._row and not all(c == "" for c in self._row):
                self.tables[-1][1].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._in_heading:
            self.heading += data
        if self._cell is not None:
            self._cell += data


def tables(site: Path, url: str) -> list[tuple[str, list[list[str]]]]:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    parser = _Tables()
    parser.feed(html[html.index("<article"): html.index("</article>")])
    return parser.tables


def compositions(site: Path) -> dict[str, dict[str, str]]:
    """The body page's composition over time: {date as shown: {post: holders}}."""
    out = {}
    for heading, rows in tables(site, BODY):
        if heading.startswith("Thành phần từ "):
            out[heading.removeprefix("Thành phần từ ")] = {row[0]: row[1] for row in rows[1:]}
    return out


OFFICE = "(người giữ chức vụ)"


def test_check_accepts_the_story_without_an_invented_date(story_copy):
    register, diagnostics = load_register(story_copy)
    assert diagnostics == []
    tenures = register.derived.tenures
    # the month-dated amendment's changes take effect in its month, not on a day no file gives
    relieved = [t for (owner, post), h in tenures.posts.items() if post == "pho-chu-tich" for t in h.tenures]
    assert [str(t.end_when) for t in relieved] == ["2020-09", "2021-06-01"]
    assert [str(t.start_when) for t in relieved] == ["2020-03-10", "2020-09"]


def test_the_composition_at_each_date_names_only_whom_a_source_names(story):
    assert compositions(story) == {
        "10/03/2020": {
            "Chủ tịch": "Lê Văn A (Thủ tướng Chính phủ)",
            "Phó Chủ tịch": "Phạm Thị B (Bộ trưởng Bộ X)",
            "Ủy viên thường trực": "Đỗ Thị D (Chủ nhiệm Văn phòng Thử nghiệm)",
            "Ủy viên": "Hoàng Văn C (Bộ trưởng Bộ Y)",
            "Cơ quan thường trực": "Bộ X",
        },
        # the conclusion names the Chairman and the Vice-Chairman by name, no one else
        "09/09/2020": {
            "Chủ tịch": "Lê Văn A (Thủ tướng Chính phủ)",
            "Phó Chủ tịch": "Phạm Thị B (Bộ trưởng Bộ X)",
            "Ủy viên thường trực": f"Chủ nhiệm Văn phòng Thử nghiệm {OFFICE}",
            "Ủy viên": f"Bộ trưởng Bộ Y {OFFICE}",
            "Cơ quan thường trực": "Bộ X",
        },
        # the amendment of September (its day disputed) enacts three of the four changes:
        # the standing agency stays Bộ X
        "tháng 9/2020": {
            "Chủ tịch": f"Thủ tướng Chính phủ {OFFICE}",
            "Phó Chủ tịch": f"Bộ trưởng Bộ Z {OFFICE}",
            "Ủy viên thường trực": f"Chủ nhiệm Văn phòng Thử nghiệm {OFFICE}",
            "Ủy viên": f"Bộ trưởng Bộ Y {OFFICE}, Vũ Văn E",
            "Cơ quan thường trực": "Bộ X",
        },
        "tháng 1/2021, không muộn hơn 15/01/2021": {
            "Chủ tịch": f"Thủ tướng Chính phủ {OFFICE}",
            "Phó Chủ tịch": f"Bộ trưởng Bộ Z {OFFICE}",
            "Ủy viên thường trực": f"Chủ nhiệm Văn phòng Thử nghiệm {OFFICE}",
            "Ủy viên": f"Bộ trưởng Bộ Y {OFFICE}, Vũ Văn E, Bộ trưởng Bộ X {OFFICE}",
            "Cơ quan thường trực": "Bộ X",
        },
        # "kiện toàn", 19 members, only the Chairman given: the rest is unknown, not the old list
        "01/06/2021": {
            "Chủ tịch": f"Thủ tướng Chính phủ {OFFICE}",
            "Cơ quan thường trực": "Bộ X",
            "Thành viên khác": "18 thành viên, nguồn không nêu danh sách — Quyết định 300/QĐ-TTg ¶ 1",
        },
    }


def test_posts_over_time_end_where_a_source_ends_them(story):
    [(_, rows)] = [t for t in tables(story, BODY) if t[0] == "Chức vụ, vai trò"]
    held = [(r[0], r[1].split(" | ")[0], r[2], r[3]) for r in rows[1:]]
    assert held == [
        ("Chủ tịch", f"Thủ tướng Chính phủ {OFFICE}", "10/03/2020", ""),
        ("Phó Chủ tịch", f"Bộ trưởng Bộ X {OFFICE}", "10/03/2020", "tháng 9/2020"),
        ("Phó Chủ tịch", f"Bộ trưởng Bộ Z {OFFICE}", "tháng 9/2020", "01/06/2021"),
        ("Ủy viên thường trực", f"Chủ nhiệm Văn phòng Thử nghiệm {OFFICE}", "10/03/2020", "01/06/2021"),
        ("Ủy viên", f"Bộ trưởng Bộ Y {OFFICE}", "10/03/2020", "01/06/2021"),
        ("Ủy viên", "Vũ Văn E", "tháng 9/2020", "01/06/2021"),
        ("Ủy viên", f"Bộ trưởng Bộ X {OFFICE}", "tháng 1/2021, không muộn hơn 15/01/2021", "01/06/2021"),
        ("Cơ quan thường trực", "Bộ X", "10/03/2020", ""),
    ]
    # the person named in an office's seat, with the dates the sources name them
    chairman = rows[1][1]
    assert chairman.endswith("được nêu tên: Lê Văn A (10/03/2020, 09/09/2020)")


@pytest.mark.parametrize("person, dates", [
    ("le-van-a", ["10/03/2020", "09/09/2020"]),
    ("pham-thi-b", ["10/03/2020", "09/09/2020"]),
    ("hoang-van-c", ["10/03/2020"]),
    ("do-thi-d", ["10/03/2020"]),
])
def test_a_person_appears_beside_a_post_only_on_the_dates_a_source_names_them(story, person, dates):
    [(_, rows)] = [t for t in tables(story, f"ca-nhan/{person}") if t[0] == "Chức vụ, vai trò"]
    assert len(rows) == 2, rows
    assert rows[1][2] == "được nêu ngày " + ", ".join(dates)
    named_in = {d for d, holders in compositions(story).items() for h in holders.values()
                if re.search(re.escape(page_text(story, f"ca-nhan/{person}").split("¶")[0]), h)}
    assert named_in <= set(dates)


def test_a_relief_the_source_orders_ends_the_named_person(story):
    [(_, rows)] = [t for t in tables(story, "ca-nhan/pham-thi-b") if t[0] == "Chức vụ, vai trò"]
    assert rows[1][3] == "tháng 9/2020"
    # Lê Văn A was never relieved: no end
    [(_, rows)] = [t for t in tables(story, "ca-nhan/le-van-a") if t[0] == "Chức vụ, vai trò"]
    assert rows[1][3] == ""


def test_names_over_time(story):
    text = page_text(story, BODY)
    assert text.startswith("Ủy ban Quốc gia về Chuyển đổi Thử nghiệm¶ Ủy ban Chuyển đổi")
    [(_, rows)] = [t for t in tables(story, BODY) if t[0] == "Tên qua các thời kỳ"]
    assert [r[:5] for r in rows[1:]] == [
        ["Ủy ban Quốc gia về Số hóa Thử nghiệm", "Ủy ban Số hóa", "UBSH", "trước đó, chưa rõ", "15/08/2021"],
        ["Ủy ban Quốc gia về Chuyển đổi Thử nghiệm", "Ủy ban Chuyển đổi", "UBCĐ", "15/08/2021", ""],
    ]
    assert rows[2][5] == "Quyết định 400/QĐ-TTg ¶ 1"
    # search finds every name and abbreviation
    html = (story / BODY / "index.html").read_text(encoding="utf-8")
    indexed = re.search(r'data-pagefind-weight="7">([^<]*)<', html)[1]
    for name in ("Ủy ban Quốc gia về Số hóa Thử nghiệm", "UBSH", "Ủy ban Chuyển đổi", "UBCĐ"):
        assert name in indexed
    # the note is shown, and the body issues documents numbered under its new abbreviation
    assert "Đổi tên năm 2021" in text
    assert "Cơ quan ban hành Ủy ban Quốc gia về Chuyển đổi Thử nghiệm" in page_text(story, "van-ban/2021/3-qd-ubcd")
    # posts run on across the rename: the 2020 composition is on the renamed body's page
    assert "10/03/2020" in compositions(story)


def test_the_conclusion_shows_each_directed_change_enacted_or_pending(story):
    text = page_text(story, "van-ban/2020/50-tb-vptn")
    section = text[text.index("Yêu cầu của văn bản này và việc thực hiện"):text.index("Nội dung chỉ đạo")]
    assert "thực hiện một phần bởi Quyết định 1500/QĐ-TTg" in section
    assert section.count("được chỉ đạo, đã thực hiện bởi Quyết định 1500/QĐ-TTg") == 3
    assert "Cơ quan thường trực — Ủy ban Quốc gia về Chuyển đổi Thử nghiệm (thay Bộ X) — được chỉ đạo, chờ văn bản thực hiện" in section
    assert "«Quy chế hoạt động mới của Ủy ban»" in section and "đã thực hiện bởi Quyết định 3/QĐ-UBCĐ" in section


def test_the_amendment_lists_what_it_enacted_and_what_its_sources_disagree_on(story):
    text = page_text(story, "van-ban/2020/1500-qd-ttg")
    assert "Ngày ban hành tháng 9/2020" in text
    assert "thực hiện một phần: các thay đổi dưới đây" in text
    assert text.count("thực hiện thay đổi:") == 3
    assert "Nguồn không thống nhất¶ ngày ký: «15/9/2020» — Báo Thử nghiệm A (nguồn 1); «16/9/2020» — Báo Thử nghiệm B (nguồn 2)" in text
    # the reader is told the text is a press summary, not the full text
    assert "Tóm tắt của báo chí, không phải toàn văn¶ 1. Thủ tướng đã ký" in text
    assert "Toàn văn" not in text


def test_an_inferred_relation_says_so_and_why(story):
    text = page_text(story, "van-ban/2021/3-qd-ubcd")
    assert "suy luận, không nguồn nào nêu: Không nguồn nào nói Quy chế này" in text


def test_old_rules_known_only_by_citation_show_their_replacement(story):
    text = page_text(story, "van-ban/2020/7-qd-ubsh")
    assert "Ngày ban hành theo trích dẫn tháng 5/2020" in text
    assert "Bị sửa đổi, thay thế, bãi bỏ bởi¶ Thay thế: Quyết định 3/QĐ-UBCĐ (Quy chế hoạt động của Ủy ban)" in text
    [(_, rows)] = [t for t in tables(story, "van-ban/chua-co-trong-so") if t[1] and t[1][0][0] == "Số, ký hiệu"]
    assert rows[1][4] == "Thay thế: Quyết định 3/QĐ-UBCĐ (Quy chế hoạt động của Ủy ban) ¶ 2"


def test_effective_date_and_bounded_date_are_shown_as_given(story):
    assert "Hiệu lực 15/08/2021" in page_text(story, "van-ban/2021/400-qd-ttg")
    assert "Hiệu lực kể từ ngày ký (01/06/2021)" in page_text(story, "van-ban/2021/300-qd-ttg")
    assert "Ngày ban hành tháng 1/2021, không muộn hơn 15/01/2021" in page_text(story, "van-ban/2021/20-qd-ttg")


def test_register_json_carries_the_new_facts(story):
    data = json.loads((story / "register.json").read_text(encoding="utf-8"))
    [body] = data["bodies"]
    assert [n["name"] for n in body["names"]] == ["Ủy ban Quốc gia về Số hóa Thử nghiệm",
                                                 "Ủy ban Quốc gia về Chuyển đổi Thử nghiệm"]
    assert body["names"][1]["since"]["value"] == "2021-08-15" and body["names"][1]["abbr"] == "UBCĐ"
    [amendment] = [d for d in data["documents"] if d["key"] == "2020/1500-qd-ttg"]
    assert amendment["fulfilments"] == [{
        "document": "2020/1500-qd-ttg", "request": "2020/50-tb-vptn#sua-100", "inferred": None,
        "changes": ["2020/50-tb-vptn#doi-pho-chu-tich-1", "2020/50-tb-vptn#doi-pho-chu-tich-2",
                    "2020/50-tb-vptn#them-uy-vien"]}]
    assert [s["text"] for s in amendment["sources"]] == ["summary", "summary"]
    assert len(amendment["disputed"][0]["claims"]) == 2
    [relief] = [a for a in data["actions"] if a["ref"] == "2020/50-tb-vptn#doi-pho-chu-tich-1"]
    assert relief["takes_effect"]["value"] == "2020-09" and relief["enacted_by"] == "2020/1500-qd-ttg"
    [request] = [r for r in data["relations"]["requests"] if r["action"] == "2020/50-tb-vptn#sua-100"]
    assert request["wholly_fulfilled_by"] == [] and request["fulfilled_by"] == ["2020/1500-qd-ttg"]
    assert [c["enacted_by"] for c in request["changes"]] == [["2020/1500-qd-ttg"]] * 3 + [[]]
    last = [c for c in data["compositions"] if c["body"] == "uy-ban-so"][-1]
    assert last["when"]["value"] == "2021-06-01" and last["unlisted"] == 18
    assert [s["post"] for s in last["seats"]] == ["chu-tich", "co-quan-thuong-truc"]
    [chair] = [p for p in data["posts"] if p["post"] == "chu-tich"]
    assert [(n["person"], n["when"]["value"]) for n in chair["tenures"][0]["named"]] == [
        ("le-van-a", "2020-03-10"), ("le-van-a", "2020-09-09")]
    assert chair["tenures"][0]["holder"] == {"person": None, "office": "ttg/thu-tuong"}


_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)


def _documents_in_list(site: Path, year: int) -> list[str]:
    """The documents of a year's list, in its order, by their file names."""
    html = (site / f"van-ban/{year}" / "index.html").read_text(encoding="utf-8")
    return [m[1] for row in _ROW.findall(html) if (m := re.search(r'<td\b[^>]*><a href="([a-z0-9-]+)/">', row))]


def _issued_in_timeline(site: Path, year: int) -> list[str]:
    """The documents issued in a year, in the order of the year's timeline, by file names."""
    html = (site / f"dong-thoi-gian/{year}" / "index.html").read_text(encoding="utf-8")
    return [m[1] for row in _ROW.findall(html)
            if (m := re.search(rf'Ban hành: <a href="../../van-ban/{year}/([a-z0-9-]+)/">', row))]


@pytest.mark.parametrize("year", [2020, 2021])
def test_every_view_places_a_month_dated_document_by_the_same_rule(story, year):
    """The September amendment enacts a conclusion of the 9th: it comes after it in the year's
    list, on the timeline and in the composition, though its month begins before the 9th."""
    listed = _documents_in_list(story, year)
    assert listed == _issued_in_timeline(story, year)
    if year == 2020:
        assert listed == ["1500-qd-ttg", "50-tb-vptn", "100-qd-ttg"]
        dates = list(compositions(story))
        assert dates.index("09/09/2020") < dates.index("tháng 9/2020")


def test_the_seed_register_lists_and_timelines_agree(built_site):
    for year in (2018, 2019, 2020):
        listed = _documents_in_list(built_site, year)
        assert listed and listed == _issued_in_timeline(built_site, year)


@pytest.mark.parametrize("which", ["story", "seed"])
def test_timeline_counts_agree_with_its_pages(which, request):
    site = request.getfixturevalue("story" if which == "story" else "built_site")
    [(_, rows)] = [t for t in tables(site, "dong-thoi-gian") if t[1]]
    assert rows[1:]
    for year, count in ((r[0], int(r[1].replace(".", ""))) for r in rows[1:]):
        # a long table is cut into tables of a few rows each (render/markup.table): count them all
        shown = sum(len(events) - 1 for _, events in tables(site, f"dong-thoi-gian/{year}") if events)
        assert shown == count


# --- what check says about the new constructs ------------------------------------------------

def _errors(root: Path) -> list[str]:
    _, diagnostics = load_register(root)
    return [str(d) for d in diagnostics]


def _write(root: Path, rel: str, text: str) -> None:
    (root / "decisions" / rel).write_text(text, encoding="utf-8")


UNORDERED = """---
number: {n}/QĐ-TTg
type: quyet-dinh
title: Văn bản thử
issuer: ttg
issued: "{issued}"
sources:
  - {{kind: press, title: Báo thử}}
actions:
  - {action}
---
"""


def test_an_order_the_sources_do_not_give_is_not_asserted(story_copy):
    """A relief dated only to September and an appointment of the 15th, with no relation
    between them: check says it cannot tell which came first, and prints no invented day."""
    _write(story_copy, "2021/901-qd-ttg.md", UNORDERED.format(
        n=901, issued="2021-09", action="relieve: {body: uy-ban-so, post: uy-vien, holder: {person: vu-van-e}}"))
    _write(story_copy, "2021/902-qd-ttg.md", UNORDERED.format(
        n=902, issued="2021-09-15", action="appoint: {body: uy-ban-so, post: uy-vien, holder: {person: vu-van-e}}"))
    [error] = _errors(story_copy)
    assert error.startswith("decisions/2021/901-qd-ttg.md:10: relieve: the sources do not say whether this "
                            "relief (2021-09) comes after decisions/2021/902-qd-ttg.md:10 (2021-09-15)")
    assert "fulfills" in error and "2021-09-01" not in error
    # bounding the month says the relief came before the 15th: then it is simply wrong
    _write(story_copy, "2021/901-qd-ttg.md", UNORDERED.format(
        n=901, issued="2021-09..2021-09-10",
        action="relieve: {body: uy-ban-so, post: uy-vien, holder: {person: vu-van-e}}"))
    [error] = _errors(story_copy)
    assert "does not hold post 'uy-vien' on 2021-09..2021-09-10" in error


@pytest.mark.parametrize("edit, message", [
    (("changes: [doi-pho-chu-tich-1, doi-pho-chu-tich-2, them-uy-vien]", "changes: [doi-pho-chu-tich-1, sua-100]"),
     "'sua-100' is not the id of a change directed pending this request"),
    (("count: 19", "count: 0"), "compose: count is the number of members the source gives"),
    (("count: 19", "count: 19\n      complete: true"), "compose: complete is true but 1 of 19 members are listed"),
    (("issued: 2021-01..2021-01-15", "issued: 2021-01..2020-12"), "the bound 2020-12 ends before 2021-01 begins"),
    (("{says: \"16/9/2020\", source: 2}", "{says: \"16/9/2020\", source: 3}"), "claim: source is the number"),
    (("text: summary}", "text: abstract}"), "unknown text kind 'abstract'"),
    (("name: Ủy ban Quốc gia về Chuyển đổi Thử nghiệm, ", ""), "missing required field 'name'"),
])
def test_each_new_construct_says_what_to_do(story_copy, edit, message):
    old, new = edit
    for path in (story_copy / "decisions").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            break
    else:
        raise AssertionError(f"{old!r} is in no record")
    assert any(message in e for e in _errors(story_copy)), _errors(story_copy)


def test_a_reference_to_a_renamed_record_resolves_through_former(story_copy):
    old = story_copy / "decisions/2020/50-tb-vptn.md"
    text = old.read_text(encoding="utf-8").replace("number: 50/TB-VPTN\n", "former: [2020/50-tb-vptn]\n")
    (story_copy / "decisions/2020/ket-luan-so-hoa.md").write_text(text, encoding="utf-8")
    old.unlink()
    assert _errors(story_copy) == []
    register, _ = load_register(story_copy)
    assert register.derived.relations.enacted_by["2020/ket-luan-so-hoa#them-uy-vien"] == ["2020/1500-qd-ttg"]
    amendment = story_copy / "decisions/2020/1500-qd-ttg.md"
    amendment.write_text(amendment.read_text(encoding="utf-8").replace("#sua-100", "#sua-999"), encoding="utf-8")
    assert any("fulfills '2020/50-tb-vptn#sua-999' (2020/50-tb-vptn is now 2020/ket-luan-so-hoa, by its "
               "former:): no request action with that id" in e for e in _errors(story_copy))


def test_a_number_known_without_its_symbol(story):
    text = page_text(story, "van-ban/2021/quyet-dinh-1737-ttg")
    assert text.startswith("Quyết định 1737¶")
    assert "Số, ký hiệu 1737 (ký hiệu chưa rõ — các nguồn chỉ ghi số)" in text
    assert "Được trích dẫn bởi¶ Thông báo 60/TB-VPTN (¶ 1)" in text
    # the bare citation in the later notice's text links to it
    html = (story / "van-ban/2021/60-tb-vptn/index.html").read_text(encoding="utf-8")
    assert '<a href="../quyet-dinh-1737-ttg/">Quyết định số 1737</a>' in html
    assert ("Tình trạng hoàn thành đúng hạn — hạn tháng 12/2021 (Quyết định 1737 ¶ 1); ghi nhận hoàn thành "
            "tháng 11/2021 (Thông báo 60/TB-VPTN ¶ 1)") in page_text(story, "nhiem-vu/nen-tang-thu-nghiem")
    data = json.loads((story / "register.json").read_text(encoding="utf-8"))
    [doc] = [d for d in data["documents"] if d["key"] == "2021/quyet-dinh-1737-ttg"]
    assert doc["number"] is None and doc["serial"] == "1737"


def test_a_bare_citation_resolves_only_where_unique(story_copy):
    source = story_copy / "decisions/2021/quyet-dinh-1737-ttg.md"
    (story_copy / "decisions/2021/quyet-dinh-1737-bo-x.md").write_text(
        source.read_text(encoding="utf-8").replace("issuer: ttg", "issuer: bo-x")
        .replace("nen-tang-thu-nghiem, title: Xây dựng nền tảng thử nghiệm", "nen-tang-khac, title: Nền tảng khác"),
        encoding="utf-8")
    register, diagnostics = load_register(story_copy)
    assert diagnostics == []
    assert not [c for c in register.citations if c.citing == "2021/60-tb-vptn"]


def test_a_task_step_the_sources_do_not_order_is_not_asserted(story_copy):
    """A transfer dated only to October and the assignment it needs, also of October: check
    does not claim the task was used before it was given, it says the order is not known."""
    _write(story_copy, "2021/906-qd-ttg.md", UNORDERED.format(
        n=906, issued="2021-10", action="transfer: {task: nen-tang-thu-nghiem, from: bo-z, to: bo-x}"))
    [error] = _errors(story_copy)
    assert error.startswith("decisions/2021/906-qd-ttg.md:10: task 'nen-tang-thu-nghiem' is used on 2021-10")
    assert "the sources do not say whether it comes after decisions/2021/quyet-dinh-1737-ttg.md:13 (2021-10)" in error
    # citing the decision orders them: accepted
    doc = story_copy / "decisions/2021/906-qd-ttg.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("---\n", "---\n", 1).rstrip("\n")
                   + "\nThực hiện Quyết định số 1737, chuyển nhiệm vụ sang Bộ X.\n", encoding="utf-8")
    assert _errors(story_copy) == []


def test_an_agency_renamed_keeps_its_posts_and_documents(story_copy):
    _write(story_copy, "2021/907-qd-ttg.md", UNORDERED.format(
        n=907, issued="2021-11-01", action="rename: {agency: bo-x, name: Bộ X mới, short: BXM}"))
    site = story_copy / "site"
    assert register_main(["--root", str(story_copy), "build", "--as-of", AS_OF, "--site-dir", str(site)]) == 0
    text = page_text(site, "co-quan/bo-x")
    assert text.startswith("Bộ X mới¶ BXM")
    [(_, rows)] = [t for t in tables(site, "co-quan/bo-x") if t[0] == "Tên qua các thời kỳ"]
    assert [r[:5] for r in rows[1:]] == [["Bộ X", "", "", "trước đó, chưa rõ", "01/11/2021"],
                                         ["Bộ X mới", "BXM", "", "01/11/2021", ""]]
    # its office's seat runs on under the new name, and the body's standing agency is it
    assert "Cơ quan thường trực Bộ X mới" in page_text(site, BODY)


# --- the documents that followed the seeds, added to the seed register as the guide says ------

FOLLOWING = {
    "2019/quyet-dinh-sua-1072-ttg.md": """---
type: quyet-dinh
title: Sửa đổi Quyết định số 1072/QĐ-TTg về thành lập Ủy ban Quốc gia về Chính phủ điện tử
title_descriptive: true
issuer: ttg
issued: "2019-09"
sources:
  - {kind: press, title: Báo thử, date: "2019-09-30", text: summary}
fulfills:
  - request: 2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt#sua-1072
    changes: [pho-chu-tich-thuong-truc, pho-chu-tich-bo-truong-tttt, thanh-vien-bo-truong-vpcp,
              thoi-uy-vien-thuong-truc-vpcp, thoi-tong-thu-ky-vpcp]
actions:
  - para: "1"
    amend: {target: 1072/QĐ-TTg, what: thành phần Ủy ban}
---
1\\. Thủ tướng đã ký Quyết định sửa đổi Quyết định số 1072/QĐ-TTg: Phó Thủ tướng Vũ Đức Đam làm Phó Chủ tịch thường trực; Bộ trưởng Bộ Thông tin và Truyền thông làm Phó Chủ tịch; Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ làm Thành viên. {#d-1}
""",
    "2020/quyet-dinh-thanh-vien-ttg.md": """---
type: quyet-dinh
title: Thành viên Ủy ban Quốc gia về Chính phủ điện tử
title_descriptive: true
issuer: ttg
issued: "2020-06"
sources:
  - {kind: press, title: Báo thử, text: excerpt}
actions:
  - para: "1"
    holds: {body: uy-ban-quoc-gia-cpdt, post: chu-tich, holder: {office: ttg/thu-tuong}}
  - para: "1"
    holds: {body: uy-ban-quoc-gia-cpdt, post: pho-chu-tich-thuong-truc, holder: {office: chinh-phu/pho-thu-tuong}}
---
1\\. Chủ tịch Ủy ban là Thủ tướng Chính phủ; Phó Chủ tịch thường trực là một Phó Thủ tướng Chính phủ. {#d-1}
""",
    "2021/quyet-dinh-kien-toan-ttg.md": """---
type: quyet-dinh
title: Kiện toàn Ủy ban Quốc gia về Chính phủ điện tử
title_descriptive: true
issuer: ttg
issued: "2021-03"
sources:
  - {kind: press, title: Báo thử, text: summary}
actions:
  - para: "1"
    compose:
      body: uy-ban-quoc-gia-cpdt
      members:
        - {post: chu-tich, holder: {office: ttg/thu-tuong}}
      count: 19
---
1\\. Ủy ban được kiện toàn, gồm 19 thành viên, do Thủ tướng Chính phủ làm Chủ tịch. {#d-1}
""",
    "2021/quyet-dinh-doi-ten-ttg.md": """---
type: quyet-dinh
title: Đổi tên Ủy ban Quốc gia về Chính phủ điện tử
title_descriptive: true
issuer: ttg
issued: "2021-04"
effective: on-signing
sources:
  - {kind: press, title: Báo thử, text: summary}
actions:
  - para: "1"
    rename: {body: uy-ban-quoc-gia-cpdt, name: Ủy ban Quốc gia về chuyển đổi số, abbr: UBQGCĐS}
---
1\\. Đổi tên Ủy ban Quốc gia về Chính phủ điện tử thành Ủy ban Quốc gia về chuyển đổi số. {#d-1}
""",
    "2021/1-qd-ubqgcds.md": """---
number: 1/QĐ-UBQGCĐS
type: quyet-dinh
title: Ban hành Quy chế hoạt động của Ủy ban Quốc gia về chuyển đổi số
issuer: uy-ban-quoc-gia-cpdt
issued: "2021-05"
sources:
  - {kind: press, title: Báo thử, text: summary}
actions:
  - para: "1"
    replace: {target: 336/QĐ-UBQGCPĐT, what: Quy chế hoạt động của Ủy ban}
---
1\\. Quy chế này thay thế Quyết định số 336/QĐ-UBQGCPĐT ngày 28/8/2018. {#d-1}
""",
}


def test_the_documents_that_followed_the_seeds(register_copy):
    for rel, text in FOLLOWING.items():
        (register_copy / "decisions" / rel).parent.mkdir(exist_ok=True)
        (register_copy / "decisions" / rel).write_text(text, encoding="utf-8")
    site = register_copy / "site"
    assert register_main(["--root", str(register_copy), "build", "--as-of", "2021-12-31",
                          "--site-dir", str(site)]) == 0
    body = "to-chuc/uy-ban-quoc-gia-cpdt"
    text = page_text(site, body)
    assert text.startswith("Ủy ban Quốc gia về chuyển đổi số¶")
    steps, order = {}, []
    for heading, rows in tables(site, body):
        if heading.startswith("Thành phần từ "):
            order.append(({row[0]: row[1] for row in rows[1:]}, heading.removeprefix("Thành phần từ ")))
            steps[order[-1][1]] = order[-1][0]
    # the month-dated amendment comes after the month-dated conclusion it enacts: two
    # compositions of September 2019, the conclusion's, then the amendment's
    september = [composition for composition, when in order if when.startswith("tháng 9/2019 (theo ")]
    assert [when for _, when in order if when.startswith("tháng 9/2019")] == [
        "tháng 9/2019 (theo Thông báo chưa rõ số (tháng 9/2019))",
        "tháng 9/2019 (theo Quyết định chưa rõ số (tháng 9/2019))"]
    before, after = september
    assert before["Ủy viên thường trực"] == "Mai Tiến Dũng (Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ)"
    assert after["Phó Chủ tịch thường trực"] == "Vũ Đức Đam (Phó Thủ tướng Chính phủ)"
    assert "Bộ trưởng Bộ Thông tin và Truyền thông (người giữ chức vụ)" in after["Phó Chủ tịch"]
    assert after["Thành viên"] == "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ (người giữ chức vụ)"
    assert "Ủy viên thường trực" not in after and "Tổng thư ký" not in after
    # a decision naming offices only names no one
    assert steps["tháng 6/2020"]["Chủ tịch"] == "Thủ tướng Chính phủ (người giữ chức vụ)"
    assert steps["tháng 6/2020"]["Phó Chủ tịch thường trực"] == "Phó Thủ tướng Chính phủ (người giữ chức vụ)"
    # the restated composition: the Chairman, and 18 members no source lists
    assert steps["tháng 3/2021"] == {
        "Chủ tịch": "Thủ tướng Chính phủ (người giữ chức vụ)",
        "Cơ quan thường trực": "Bộ Thông tin và Truyền thông",  # a standing role is not a member
        "Thành viên khác": "18 thành viên, nguồn không nêu danh sách — Quyết định chưa rõ số (tháng 3/2021) ¶ 1"}
    # the conclusion's request: fulfilled in part; what the amendment did not enact still waits
    conclusion = page_text(site, "van-ban/2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt")
    assert "thực hiện một phần bởi Quyết định chưa rõ số (tháng 9/2019)" in conclusion
    assert "Tổ trưởng — Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ (người giữ chức vụ) — được chỉ đạo, chờ văn bản" in conclusion
    # the rules of 2018, known only by citation, show their replacement; the new number resolves
    rules = page_text(site, "van-ban/2018/336-qd-ubqgcpdt")
    assert "Thay thế: Quyết định 1/QĐ-UBQGCĐS (Quy chế hoạt động của Ủy ban)" in rules
    assert "Cơ quan ban hành Ủy ban Quốc gia về chuyển đổi số" in page_text(site, "van-ban/2021/1-qd-ubqgcds")


HOSTILE = '<img src=x onerror=alert(1)>«"&'


def test_what_the_new_fields_say_is_shown_as_text(story_copy):
    """Names, claims, inferences and restated seats are shown exactly as typed, never as markup."""
    _write(story_copy, "2021/908-qd-ttg.md", f"""---
number: 908/QĐ-TTg
type: quyet-dinh
title: Văn bản thử
issuer: ttg
issued: "2021-11-02"
sources:
  - {{kind: press, title: Báo A}}
  - {{kind: press, title: Báo B}}
inferred: {{issued: '{HOSTILE}'}}
disputed:
  - what: '{HOSTILE}'
    claims: [{{says: '{HOSTILE}', source: 1}}, {{says: "2", source: 2}}]
actions:
  - inferred: '{HOSTILE}'
    rename: {{body: uy-ban-so, name: '{HOSTILE}', short: '{HOSTILE}', abbr: '{HOSTILE}'}}
---
""")
    site = story_copy / "site"
    assert register_main(["--root", str(story_copy), "build", "--as-of", AS_OF, "--site-dir", str(site)]) == 0
    for url in ("van-ban/2021/908-qd-ttg", BODY):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert "<img" not in html and "&lt;img src" in html, url
    data = json.loads((site / "register.json").read_text(encoding="utf-8"))
    assert [b["names"][-1]["name"] for b in data["bodies"]] == [HOSTILE]


def test_a_restated_composition_directed_and_not_yet_enacted_waits_on_its_body(story_copy, capsys):
    """A `compose` pending on a request no document has fulfilled is under no one post: it is
    shown among the body's directed changes, and the open data is written (it once failed,
    sorting a post history of post None among the others)."""
    from conftest import run_register

    record = story_copy / "decisions/2020/50-tb-vptn.md"
    text = record.read_text(encoding="utf-8")
    anchor = "    request: {title: Quy chế hoạt động mới của Ủy ban, what: draft, lead: vp, due: 2021, due_phrase: trong năm 2021}\n"
    assert anchor in text
    record.write_text(text.replace(anchor, anchor + (
        '  - para: "3"\n    id: kien-toan-moi\n'
        "    request: {title: Kiện toàn Ủy ban, what: draft, lead: vp, due: 2021}\n"
        '  - para: "3"\n    pending: kien-toan-moi\n'
        "    compose: {body: uy-ban-so, members: [{post: chu-tich, holder: {office: ttg/thu-tuong}}]}\n")),
        encoding="utf-8")
    site = story_copy / "site"
    code, _, err = run_register(capsys, "--root", str(story_copy), "build", "--as-of", AS_OF, "--site-dir", str(site))
    assert code == 0, err
    shown = page_text(site, BODY)
    directed = shown[shown.index("Thay đổi được chỉ đạo, chưa có văn bản thực hiện"):]
    assert "Kiện toàn thành phần: Ủy ban" in directed
    data = json.loads((site / "register.json").read_text(encoding="utf-8"))
    composes = [a for a in data["actions"] if a.get("kind") == "compose" and a.get("directed")]
    assert len(composes) == 1
