"""Due dates as periods: what the seeds' deadline phrases mean, and when a task is overdue."""
from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given, strategies as st

from generator.core.periods import Period, parse_period, period_from_phrase


@pytest.mark.parametrize("value, precision, start, end", [
    ("2019", "year", date(2019, 1, 1), date(2019, 12, 31)),
    ("2020-Q1", "quarter", date(2020, 1, 1), date(2020, 3, 31)),
    ("2020-q1", "quarter", date(2020, 1, 1), date(2020, 3, 31)),
    ("2020-Q3", "quarter", date(2020, 7, 1), date(2020, 9, 30)),
    ("2020-Q4", "quarter", date(2020, 10, 1), date(2020, 12, 31)),
    ("2019-09", "month", date(2019, 9, 1), date(2019, 9, 30)),
    ("2020-06", "month", date(2020, 6, 1), date(2020, 6, 30)),
    ("2020-02", "month", date(2020, 2, 1), date(2020, 2, 29)),
    ("2019-02", "month", date(2019, 2, 1), date(2019, 2, 28)),
    ("2019-10-01", "day", date(2019, 10, 1), date(2019, 10, 1)),
    (2019, "year", date(2019, 1, 1), date(2019, 12, 31)),
    (date(2019, 9, 23), "day", date(2019, 9, 23), date(2019, 9, 23)),
    (datetime(2019, 9, 23, 8, 30), "day", date(2019, 9, 23), date(2019, 9, 23)),
])
def test_parse_period(value, precision, start, end):
    period = parse_period(value)
    assert (period.precision, period.start, period.end) == (precision, start, end)


@pytest.mark.parametrize("value, text", [
    ("2019", "2019"), ("2020-q1", "2020-Q1"), ("2019-09", "2019-09"),
    ("2019-10-01", "2019-10-01"), (2020, "2020"), (date(2020, 4, 3), "2020-04-03"),
    (" 2019-09 ", "2019-09"),
])
def test_canonical_text(value, text):
    assert str(parse_period(value)) == text
    assert parse_period(text) == parse_period(value)


def test_fields():
    assert parse_period("2020-Q1") == Period(2020, 1, None, None)
    assert parse_period("2019-09") == Period(2019, None, 9, None)
    assert parse_period("2019-10-01") == Period(2019, None, 10, 1)


@pytest.mark.parametrize("value, message", [
    ("2019-02-30", "day 30 does not exist"),
    ("2021-02-29", "has 28 days"),
    ("2020-Q5", "quarter 5"),
    ("2020-Q0", "quarter 0"),
    ("2019-13", "month 13"),
    ("2019-00", "month 0"),
    ("19-1-1", "expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD"),
    ("2019-9", "expected"),
    ("2019/09/01", "expected"),
    ("", "expected"),
    ("Q1-2020", "expected"),
    ("1899", "outside 1900–2100"),
    ("2101-01", "outside 1900–2100"),
    (1800, "outside"),
    (True, "not a date"),
    (False, "not a date"),
    (2019.0, "not a date"),
    (None, "not a date"),
])
def test_malformed_or_impossible(value, message):
    with pytest.raises(ValueError, match=message):
        parse_period(value)


def test_ordering_is_by_due_date():
    periods = [parse_period(v) for v in ("2020", "2020-Q1", "2019-10-01", "2020-03", "2019-09")]
    assert [str(p) for p in sorted(periods)] == ["2019-09", "2019-10-01", "2020-Q1", "2020-03",
                                                "2020"]
    assert parse_period("2020-Q1") < parse_period("2020-03")  # same end: the longer one first
    assert parse_period("2019") <= parse_period("2019")


def test_period_contains_a_day():
    assert date(2020, 2, 29) in parse_period("2020-Q1")
    assert date(2020, 4, 1) not in parse_period("2020-Q1")


def test_period_is_hashable_and_frozen():
    assert len({parse_period("2020-Q1"), parse_period("2020-q1")}) == 1
    with pytest.raises(AttributeError):
        parse_period("2020").year = 2021  # type: ignore[misc]


# --- phrases from the seeds -------------------------------------------------------------

@pytest.mark.parametrize("phrase, expected", [
    # "trước ngày X" is by the day before X (fidelity audit D14); "ngày X" is X
    ("hoàn thành trước ngày 01 tháng 10 năm 2019", "2019-09-30"),
    ("trước ngày 01 tháng 10 năm 2019", "2019-09-30"),
    ("phân công nhiệm vụ giữa các đơn vị có liên quan, hoàn thành trước ngày 25 tháng 9 năm 2019",
     "2019-09-24"),
    ("hoàn thành ngày 01 tháng 10 năm 2019", "2019-10-01"),
    ("trước ngày 01 tháng 01 năm 2020", "2019-12-31"),
    ("Thời gian trình Thủ tướng Chính phủ, Chủ tịch Ủy ban quốc gia trong tháng 9 năm 2019",
     "2019-09"),
    ("Thời gian trình trong năm 2019", "2019"),
    ("hoàn thành từ nay đến hết năm 2019 như sau", "2019"),
    ("đến hết năm 2020", "2020"),
    ("Đến hết năm 2020, 100% các Bộ, ngành, địa phương có nền tảng tích hợp", "2020"),
    ("hết năm 2020", "2020"),
    ("cơ bản hoàn thành trong năm 2020", "2020"),
    ("đến\nhết tháng 6 năm 2020, 100% văn bản điện tử", "2020-06"),
    ("trình Chính phủ trong tháng 12 năm 2020", "2020-12"),
    ("trình Thủ tướng Chính phủ trong tháng 01 năm 2021", "2021-01"),
    ("Nghị định về định danh và xác thực điện tử trong Quý I năm 2020", "2020-Q1"),
    ("báo cáo Thủ tướng Chính\nphủ trong Quý III năm 2020", "2020-Q3"),
    ("báo cáo Thủ tướng Chính phủ trong Quý II năm 2020", "2020-Q2"),
    ("Hoàn thành trong tháng 4 năm 2020", "2020-04"),
    ("28/8/2018", "2018-08-28"),
    ("ngày 7/3/2019", "2019-03-07"),
    ("trước ngày 01/10/2019", "2019-09-30"),
    ("quý 4 năm 2020", "2020-Q4"),
    ("Quý IV/2020", "2020-Q4"),
    ("tháng 9/2019", "2019-09"),
    ("6 tháng đầu năm 2020", "2020-06"),
])
def test_phrase(phrase, expected):
    assert str(period_from_phrase(phrase)) == expected


@pytest.mark.parametrize("phrase", [
    "hoan thanh truoc ngay 01 thang 10 nam 2019",      # no diacritics
    "HOÀN THÀNH TRƯỚC NGÀY 01 THÁNG 10 NĂM 2019",      # capitals
    unicodedata.normalize("NFD", "hoàn thành trước ngày 01 tháng 10 năm 2019"),
])
def test_phrase_without_diacritics_or_in_capitals(phrase):
    assert period_from_phrase(phrase) == Period(2019, None, 9, 30)


def test_phrase_without_diacritics_quarter():
    assert str(period_from_phrase("trong quy i nam 2020")) == "2020-Q1"


def test_phrase_needing_the_context_year():
    # 2018 press report: "trình trong tháng 6"
    assert str(period_from_phrase("Quy chế hoạt động của Ủy ban, trình trong tháng 6", 2018)) \
        == "2018-06"
    assert period_from_phrase("trong tháng 6") is None
    assert str(period_from_phrase("trước ngày 01/10", 2019)) == "2019-09-30"
    assert str(period_from_phrase("trong Quý I", 2020)) == "2020-Q1"


def test_written_year_wins_over_context():
    assert str(period_from_phrase("trong tháng 6 năm 2020", 2018)) == "2020-06"


def test_first_deadline_in_a_phrase_wins():
    phrase = ("trình Chính phủ trong tháng 12 năm 2020 và xây dựng Kế hoạch …, trình Thủ tướng "
              "Chính phủ trong tháng 01 năm 2021")
    assert str(period_from_phrase(phrase)) == "2020-12"


@pytest.mark.parametrize("phrase", [
    "", "Tiếp tục hoàn thiện, nâng cấp cổng Dịch vụ công Quốc gia",
    "giai đoạn 2019-2020, định hướng đến 2025",
    "ngày 30 tháng 2 năm 2019",  # impossible: no guess
    "tháng 13 năm 2020",
    "62/95 bộ, ngành, địa phương",
])
def test_no_period(phrase):
    assert period_from_phrase(phrase) is None


# --- properties -------------------------------------------------------------------------

_period = st.one_of(
    st.builds(Period, st.integers(1900, 2100)),
    st.builds(lambda y, q: Period(y, q), st.integers(1900, 2100), st.integers(1, 4)),
    st.builds(lambda y, m: Period(y, None, m), st.integers(1900, 2100), st.integers(1, 12)),
    st.dates(date(1900, 1, 1), date(2100, 12, 31)).map(parse_period),
)


@given(_period)
def test_start_is_not_after_end(period):
    assert period.start <= period.end
    assert period.start.year == period.end.year == period.year


@given(_period)
def test_text_round_trips(period):
    assert parse_period(str(period)) == period


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)))
def test_a_day_lies_in_its_month_quarter_and_year(day):
    for text in (f"{day.year}", f"{day.year}-Q{(day.month - 1) // 3 + 1}",
                 f"{day.year}-{day.month:02d}", day.isoformat()):
        assert day in parse_period(text)
