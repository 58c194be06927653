"""Document numbers as the seeds print them, and how citations of them resolve."""
from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from conftest import SEED_TEXTS
from hypothesis import given, strategies as st

from generator.core.numbers import (
    TYPE_ABBREVIATIONS, Citation, DocNumber, Resolution, Resolver, find_citations, parse_number)


# Verbatim excerpts of the seeds (line breaks included).
SEED_000 = (
    "trình Thủ tướng Chính phủ dự thảo sửa đổi Quyết định số 1072/QĐ-TTg ngày 28/8/2018 của "
    "Thủ tướng Chính phủ thành lập Ủy ban quốc gia về Chính phủ điện tử"
)
SEED_000_336 = (
    "sửa đổi Quyết định số 336/QĐ-UBQGCPĐT ngày 28/8/2018 ban hành quy chế hoạt động"
)
SEED_000_17_SPLIT = (
    "báo cáo Chính phủ về tình hình thực hiện Nghị quyết số 17/NQ-CP\n\n"
    "ngày 7/3/2019 của Chính phủ và Nghiên cứu xây dựng bộ chỉ số"
)
SEED_000_DECREES = (
    "theo đúng nhiệm vụ được Chính phủ giao tại Nghị định số 150/2016/NĐ-CP ngày 11/11/2016, "
    "Nghị định số 09/2019/NĐ-CP ngày 24/1/2019 và Nghị quyết số 17/NQ-CP ngày 7/3/2019 của "
    "Chính phủ."
)
SEED_003_HEAD = "TTĐT R\n\nSố: 8540/TB-VPCP\n\nHà Nội, ngày 23 tháng 9 năm 2019\n"
SEED_004_HEAD = "Số: 139/TB-VPCP\n|\nHà Nội, ngày\n03 tháng 4 năm 2020\n|\n"
SEED_004_17 = (
    "Sau khi nghe Báo cáo sơ kết thực hiện Nghị quyết\n"
    "số 17/NQ-CP ngày 07 tháng 3 năm 2019 của Chính phủ về một số nhiệm vụ, giải\n"
    "pháp trọng tâm phát triển Chính phủ điện tử giai đoạn 2019-2020, định hướng đến\n"
    "2025 (sau đây gọi tắt là Nghị quyết 17/NQ-CP) của Bộ Thông tin và Truyền thông,"
)
SEED_004_52 = (
    "Năm 2020 là năm có ý\nnghĩa đặc biệt quan trọng, năm đầu thực hiện Nghị quyết số 52-NQ/TW "
    "của Bộ\nChính trị về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng\n"
    "công nghiệp lần thứ 4, năm cuối của giai đoạn 2019-2020 thực hiện Nghị quyết\n"
    "17/NQ-CP , Thủ tướng Chính phủ giao các Bộ, ngành, địa phương tập trung vào một\n"
)
SEED_004_01 = (
    "tử đặt ra tại Nghị quyết 17/NQ-CP và Nghị quyết số 01/NQ-CP của Chính phủ, đặc\n"
    "biệt là chỉ tiêu 30% dịch vụ công trực tuyến mức độ 4."
)
SEED_004_01_DATED = (
    "được giao tại Nghị quyết 01/NQ-CP ngày 01 tháng 01 năm 2020 của Chính phủ; đến\n"
    "hết tháng 6 năm 2020, 100% văn bản điện tử được gửi"
)
SEED_004_01_YEAR = (
    "quyền bảo đảm hoàn thành mục tiêu Chính phủ giao, tại Nghị quyết 01/NQ-CP năm\n"
    "2020; chuẩn hóa hệ thống thông tin báo cáo"
)
SEED_001_FIGURES = (
    "Cụ thể, hiện 62/95 bộ, ngành, địa phương đã hoàn thành việc nâng cấp phần mềm quản lý văn "
    "bản và điều hành; cung cấp 157.000 chứng thư số cho 86/95 bộ, ngành, địa phương và 314/431 "
    "lãnh đạo cấp bộ, cấp tỉnh; có 84/95 cơ quan đã tích hợp chữ ký số chuyên dùng Chính phủ."
)
SEED_003_DATES = "CÔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ  \nĐẾN Giờ: ... C .....  \nNgày: 23/9/2019...\n"
SEED_004_PERCENT = "tăng gấp đôi so với năm 2018 từ 4,5% lên 10,7%; tỷ lệ văn bản điện tử đạt 86,5%"
SEED_003_FOOTER = "- BTCN, các PCN (đề b/c);\n- BCD xây dựng CPĐT của VPCP;\n- Lưu: VT, KSTT(3).Trung. 6"


# --- parse_number -----------------------------------------------------------------------

@pytest.mark.parametrize("raw, serial, year, type_abbr, issuer, party", [
    ("139/TB-VPCP", "139", None, "TB", "VPCP", False),
    ("8540/TB-VPCP", "8540", None, "TB", "VPCP", False),
    ("1072/QĐ-TTg", "1072", None, "QĐ", "TTg", False),
    ("336/QĐ-UBQGCPĐT", "336", None, "QĐ", "UBQGCPĐT", False),
    ("17/NQ-CP", "17", None, "NQ", "CP", False),
    ("150/2016/NĐ-CP", "150", 2016, "NĐ", "CP", False),
    ("09/2019/NĐ-CP", "09", 2019, "NĐ", "CP", False),
    ("52-NQ/TW", "52", None, "NQ", "TW", True),
])
def test_parse_the_seed_numbers(raw, serial, year, type_abbr, issuer, party):
    number = parse_number(raw)
    assert number == DocNumber(serial, year, type_abbr, issuer, party)
    assert number.text == raw


@pytest.mark.parametrize("variant", [
    "1072/QĐ-TTg",
    "1072/QD-TTg",                                      # missing diacritic
    "1072/QÐ-TTg",                                      # U+00D0 look-alike
    "1072/qđ-ttg",                                      # any case
    "1072/QD-TTG",
    unicodedata.normalize("NFD", "1072/QĐ-TTg"),       # decomposed
    "1072 / QĐ - TTg",                                  # spacing variants
    "1072/ QĐ-TTg",
    "1072/QĐ – TTg",                                    # en dash
    "  1072/QĐ-TTg  ",
])
def test_parse_is_tolerant_and_matches(variant):
    number = parse_number(variant)
    assert number is not None
    assert number.match_key == "1072/QD-TTG"
    assert number.slug == "1072-qd-ttg"
    assert number.type_abbr == "QĐ"  # a type abbreviation is spelled the known way


def test_spacing_variants_of_a_notice_number():
    for variant in ("139 / TB - VPCP", "139/ TB-VPCP", "139/TB‑VPCP"):
        assert parse_number(variant) == parse_number("139/TB-VPCP")


def test_text_keeps_the_printed_spelling():
    assert parse_number("1072/QĐ-TTg").text == "1072/QĐ-TTg"
    assert parse_number("1072/QD-TTg").text == "1072/QĐ-TTg"
    assert parse_number(unicodedata.normalize("NFD", "150/2016/NĐ-CP")).text == "150/2016/NĐ-CP"


def test_year_is_only_the_year_printed_in_the_number():
    assert parse_number("150/2016/NĐ-CP").year == 2016
    assert parse_number("139/TB-VPCP").year is None
    assert parse_number("52-NQ/TW").year is None


def test_leading_zeros_do_not_matter_for_matching_but_stay_printed():
    a, b = parse_number("09/2019/NĐ-CP"), parse_number("9/2019/ND-CP")
    assert a.match_key == b.match_key == "9/2019/ND-CP"
    assert a.serial == "09" and a.text == "09/2019/NĐ-CP"
    assert a.slug == "09-2019-nd-cp"


def test_forms_and_years_keep_numbers_apart():
    assert parse_number("52-NQ/TW").match_key != parse_number("52/NQ-TW").match_key
    assert parse_number("150/2016/NĐ-CP").match_key != parse_number("150/NĐ-CP").match_key
    assert parse_number("17/NQ-CP").match_key != parse_number("17/QĐ-CP").match_key


def test_slugs():
    assert parse_number("8540/TB-VPCP").slug == "8540-tb-vpcp"
    assert parse_number("150/2016/NĐ-CP").slug == "150-2016-nd-cp"
    assert parse_number("52-NQ/TW").slug == "52-nq-tw"
    assert parse_number("336/QĐ-UBQGCPĐT").slug == "336-qd-ubqgcpdt"


@pytest.mark.parametrize("not_a_number", [
    "", "   ", "23/9/2019", "28/8/2018", "62/95", "314/431", "157.000", "4,5%", "2019-2020",
    "random text", "Số: 139/TB-VPCP", "139/XX-VPCP", "139/TB", "TB-VPCP", "139/TB-",
    "139/1899/NĐ-CP", "KSTT(3)", "b/c", "139/TB-VPCP ngày 03/4/2020",
])
def test_not_numbers(not_a_number):
    assert parse_number(not_a_number) is None


def test_non_strings_are_not_numbers():
    assert parse_number(None) is None  # type: ignore[arg-type]
    assert parse_number(139) is None  # type: ignore[arg-type]


def test_type_abbreviations_cover_the_decree_list_and_party_forms():
    for abbr in ("NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA",
                 "BC", "BB", "TTr", "CĐ", "NĐ", "TT", "KL", "QĐi"):
        assert abbr in TYPE_ABBREVIATIONS
    assert parse_number("139/TB-VPCP") and parse_number("45/CTr-UBND") and parse_number("8/QyĐ-X")
    assert parse_number("08-QĐi/TW").party


def test_party_number_cannot_carry_a_year():
    with pytest.raises(ValueError):
        DocNumber("52", 2018, "NQ", "TW", True)


_number = st.builds(
    lambda serial, year, type_abbr, issuer, party: DocNumber(
        serial, None if party else year, type_abbr, issuer, party),
    st.from_regex(r"[0-9]{1,5}", fullmatch=True),
    st.none() | st.integers(1900, 2100),
    st.sampled_from(sorted(TYPE_ABBREVIATIONS)),
    st.from_regex(r"[A-ZĐ][A-Za-zĐ0-9]{0,9}(-[A-ZĐ]{1,6})?", fullmatch=True),
    st.booleans(),
)


@given(_number)
def test_text_round_trips(number):
    assert parse_number(number.text) == number


@given(_number)
def test_round_trips_through_spacing_and_case(number):
    spaced = number.text.replace("/", " / ", 1).lower()
    parsed = parse_number(spaced)
    assert parsed is not None
    assert parsed.match_key == number.match_key


# --- find_citations ---------------------------------------------------------------------

def _summary(text: str) -> list[tuple[str, date | None, int | None, str | None]]:
    return [(c.number.text, c.date, c.year, c.kind) for c in find_citations(text)]


def test_citation_with_numeric_date():
    [c] = find_citations(SEED_000)
    assert c.number == parse_number("1072/QĐ-TTg")
    assert (c.date, c.year, c.kind) == (date(2018, 8, 28), 2018, "quyet-dinh")
    assert SEED_000[c.start:c.end] == c.raw == "1072/QĐ-TTg"


def test_citation_of_the_committee_rules():
    assert _summary(SEED_000_336) == [("336/QĐ-UBQGCPĐT", date(2018, 8, 28), 2018, "quyet-dinh")]


def test_date_after_a_paragraph_break():
    assert _summary(SEED_000_17_SPLIT) == [("17/NQ-CP", date(2019, 3, 7), 2019, "nghi-quyet")]


def test_decrees_with_year_in_the_number():
    assert _summary(SEED_000_DECREES) == [
        ("150/2016/NĐ-CP", date(2016, 11, 11), 2016, "nghi-dinh"),
        ("09/2019/NĐ-CP", date(2019, 1, 24), 2019, "nghi-dinh"),
        ("17/NQ-CP", date(2019, 3, 7), 2019, "nghi-quyet"),
    ]


def test_own_numbers_in_the_headers_have_no_date():
    # "Hà Nội, ngày …" is the document's own date, not part of a citation
    assert _summary(SEED_003_HEAD) == [("8540/TB-VPCP", None, None, None)]
    assert _summary(SEED_004_HEAD) == [("139/TB-VPCP", None, None, None)]


def test_written_out_date_and_undated_short_form():
    assert _summary(SEED_004_17) == [
        ("17/NQ-CP", date(2019, 3, 7), 2019, "nghi-quyet"),
        ("17/NQ-CP", None, None, "nghi-quyet"),
    ]


def test_party_number_and_space_before_comma():
    cites = find_citations(SEED_004_52)
    assert [(c.number.text, c.kind, c.year) for c in cites] == [
        ("52-NQ/TW", "nghi-quyet", None), ("17/NQ-CP", "nghi-quyet", None)]
    assert cites[0].number.party
    assert cites[1].raw == "17/NQ-CP"  # the stray space before "," is not part of it


def test_resolution_01_in_three_forms():
    assert _summary(SEED_004_01) == [
        ("17/NQ-CP", None, None, "nghi-quyet"), ("01/NQ-CP", None, None, "nghi-quyet")]
    assert _summary(SEED_004_01_DATED) == [("01/NQ-CP", date(2020, 1, 1), 2020, "nghi-quyet")]
    assert _summary(SEED_004_01_YEAR) == [("01/NQ-CP", None, 2020, "nghi-quyet")]


@pytest.mark.parametrize("text", [SEED_001_FIGURES, SEED_003_DATES, SEED_004_PERCENT,
                                  SEED_003_FOOTER, "giai đoạn 2019-2020, định hướng đến 2025"])
def test_no_citations_in_dates_fractions_and_figures(text):
    assert find_citations(text) == []


def test_other_kinds_and_no_kind():
    text = ("Chỉ thị số 02/CT-TTg; Thông tư số 01/2011/TT-BNV ngày 19/01/2011; "
            "Kế hoạch 5/KH-UBND; Thông báo số 139/TB-VPCP; theo 8540/TB-VPCP")
    assert [c.kind for c in find_citations(text)] == [
        "chi-thi", "thong-tu", "ke-hoach", "thong-bao", None]


def test_citation_without_diacritics_or_in_capitals():
    assert _summary("Quyet dinh so 1072/QD-TTg ngay 28/8/2018") == [
        ("1072/QĐ-TTg", date(2018, 8, 28), 2018, "quyet-dinh")]
    assert _summary("QUYẾT ĐỊNH SỐ 1072/QĐ-TTG NGÀY 28 THÁNG 8 NĂM 2018") == [
        ("1072/QĐ-TTG", date(2018, 8, 28), 2018, "quyet-dinh")]


def test_spans_point_into_decomposed_text():
    text = unicodedata.normalize("NFD", SEED_000_DECREES)
    cites = find_citations(text)
    assert [c.number.text for c in cites] == ["150/2016/NĐ-CP", "09/2019/NĐ-CP", "17/NQ-CP"]
    for c in cites:
        assert text[c.start:c.end] == c.raw
        assert unicodedata.normalize("NFC", c.raw) == c.number.text
    assert cites[0].date == date(2016, 11, 11) and cites[0].kind == "nghi-dinh"


def test_spaced_number_in_text():
    [c] = find_citations("theo Thông báo số 139 / TB - VPCP ngày 03/4/2020.")
    assert c.raw == "139 / TB - VPCP"
    assert c.number.text == "139/TB-VPCP"
    assert c.date == date(2020, 4, 3)


def test_impossible_date_is_dropped_but_year_from_the_number_stays():
    [c] = find_citations("Nghị định số 150/2016/NĐ-CP ngày 31/11/2016")
    assert c.date is None and c.year == 2016


def test_citation_is_frozen():
    [c] = find_citations("Nghị quyết 17/NQ-CP")
    assert isinstance(c, Citation)
    with pytest.raises(AttributeError):
        c.year = 2019  # type: ignore[misc]


def test_every_number_in_the_seed_files():
    found = {}
    for label, path in SEED_TEXTS.items():
        text = path.read_text(encoding="utf-8")
        found[label] = [(c.number.text, c.date) for c in find_citations(text)]
    assert found["000"] == [
        ("1072/QĐ-TTg", date(2018, 8, 28)), ("1072/QĐ-TTg", date(2018, 8, 28)),
        ("336/QĐ-UBQGCPĐT", date(2018, 8, 28)), ("17/NQ-CP", date(2019, 3, 7)),
        ("17/NQ-CP", date(2019, 3, 7)), ("150/2016/NĐ-CP", date(2016, 11, 11)),
        ("09/2019/NĐ-CP", date(2019, 1, 24)), ("17/NQ-CP", date(2019, 3, 7)),
    ]
    assert found["001"] == [] and found["002"] == []
    assert found["003"] == [("8540/TB-VPCP", None)]
    assert found["004"] == [
        ("139/TB-VPCP", None), ("17/NQ-CP", date(2019, 3, 7)), ("17/NQ-CP", None),
        ("52-NQ/TW", None), ("17/NQ-CP", None), ("17/NQ-CP", None), ("01/NQ-CP", None),
        ("01/NQ-CP", date(2020, 1, 1)), ("01/NQ-CP", None),
    ]


# --- Resolver ---------------------------------------------------------------------------

def _register() -> Resolver:
    return Resolver([
        ("2020/139-tb-vpcp", parse_number("139/TB-VPCP"), date(2020, 4, 3)),
        ("2021/139-tb-vpcp", parse_number("139/TB-VPCP"), date(2021, 3, 1)),
        ("2019/8540-tb-vpcp", parse_number("8540/TB-VPCP"), date(2019, 9, 23)),
        ("2016/150-2016-nd-cp", parse_number("150/2016/NĐ-CP"), date(2016, 11, 11)),
    ])


def test_exact_with_a_year():
    r = _register()
    assert r.resolve(parse_number("139/TB-VPCP"), year=2020) == Resolution(
        "2020/139-tb-vpcp", ["2020/139-tb-vpcp"], "exact")
    assert r.resolve(parse_number("139/TB-VPCP"), year=2021).key == "2021/139-tb-vpcp"


def test_year_printed_in_the_number_is_used():
    r = _register()
    res = r.resolve(parse_number("150/2016/ND-CP"))
    assert (res.key, res.reason) == ("2016/150-2016-nd-cp", "exact")


def test_a_year_without_that_years_document_is_none():
    res = _register().resolve(parse_number("139/TB-VPCP"), year=2019)
    assert (res.key, res.reason) == (None, "none")


def test_only_match_without_a_year():
    res = _register().resolve(parse_number("8540/TB–VPCP"))
    assert (res.key, res.reason) == ("2019/8540-tb-vpcp", "only")


def test_latest_before_the_citing_document():
    r = _register()
    number = parse_number("139/TB-VPCP")
    assert r.resolve(number, before=date(2021, 12, 31)).key == "2021/139-tb-vpcp"
    res = r.resolve(number, before=date(2020, 12, 31))
    assert (res.key, res.reason) == ("2020/139-tb-vpcp", "latest-before")
    assert r.resolve(number, before=date(2020, 4, 3)).key == "2020/139-tb-vpcp"  # on the day


def test_ambiguous_without_year_or_date():
    r = _register()
    res = r.resolve(parse_number("139/TB-VPCP"))
    assert res.key is None and res.reason == "ambiguous"
    assert res.candidates == ["2020/139-tb-vpcp", "2021/139-tb-vpcp"]
    assert r.resolve(parse_number("139/TB-VPCP"), before=date(2019, 1, 1)).reason == "ambiguous"


def test_unknown_number_is_none():
    res = _register().resolve(parse_number("17/NQ-CP"))
    assert res == Resolution(None, [], "none")


def test_resolving_among_ten_thousand_documents_picks_the_right_year():
    # correctness at scale; speed is measured by benchmarks, not asserted here
    numbers = [parse_number(f"{n}/TB-VPCP") for n in range(1, 2001)]
    entries = [(f"{year}/{number.slug}", number, date(year, 6, 1))
               for year in range(2016, 2021) for number in numbers]
    r = Resolver(entries)
    for number in numbers:
        for _ in range(5):
            assert r.resolve(number, before=date(2019, 1, 1)).key == f"2018/{number.slug}"
            assert r.resolve(number, year=2020).key == f"2020/{number.slug}"
