"""The parsers that read what editors and sources type — document numbers, citations in a text,
stored dates and Vietnamese deadline phrases — given anything at all: they answer or decline
(None, or ValueError with a message for the editor), never crash, and what they accept is safe
to put in a URL. (The round-trip properties of valid input are in test_numbers.py,
test_periods.py and test_text.py.)"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core.numbers import find_citations, parse_number
from generator.core.periods import Period, parse_period, period_from_phrase
from generator.core.text import fold, slugify

# pieces of real numbers, dates and phrases, and the characters that break naive parsers:
# other scripts' digits, look-alikes, combining marks (NFD), controls, BOM, CRLF, path syntax
FRAGMENTS = st.sampled_from([
    "139", "/", "TB", "-", "VPCP", "QĐ", "QD", "TTg", "NĐ-CP", "2016", "52-NQ/TW", " số ", "Số:",
    "Quyết định", "Thông báo", "ngày", " tháng ", " năm ", "Quý", " I", "IV", "Q5", "2020-Q0",
    "2019-02-30", "28/8/2018", "trước ngày 01 tháng 10 năm 2019", "trong tháng 13", "6 tháng đầu năm",
    "٣٩", "２０１９", "𝟙𝟛𝟡", "Ð", "đ", "D\u0323", "\u0301", "\u0110", "\x00", "\x1b", "\ufeff", "\r\n",
    "../", "..\\", "/etc/passwd", "C:", "<script>", "{{ }}", "%2e%2e/", "\u202e", "\u200b", "9" * 40,
])
TEXT = st.one_of(st.text(max_size=60), st.lists(st.one_of(FRAGMENTS, st.text(max_size=6)), max_size=25).map("".join))
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_a_number_is_parsed_or_declined_and_its_slug_is_url_safe(text):
    number = parse_number(text)
    if number is None:
        return
    assert SLUG.fullmatch(number.slug), (text, number.slug)
    again = parse_number(number.text)
    assert again is not None and again.match_key == number.match_key


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_citations_in_any_text_are_numbers_found_where_they_stand(text):
    for citation in find_citations(text):
        assert 0 <= citation.start < citation.end <= len(text)
        assert SLUG.fullmatch(citation.number.slug)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXT, st.integers(), st.booleans(), st.none(), st.floats()))
def test_a_stored_date_is_a_period_or_a_message(value):
    try:
        period = parse_period(value)
    except ValueError as exc:
        assert str(exc)
        return
    assert isinstance(period, Period) and period.start <= period.end
    assert parse_period(str(period)) == period


@settings(max_examples=300, deadline=None)
@given(TEXT, st.none() | st.integers(-10_000, 10_000))
def test_a_deadline_phrase_is_a_period_or_nothing(phrase, context_year):
    period = period_from_phrase(phrase, context_year)
    assert period is None or (isinstance(period, Period) and period.start <= period.end)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_slug_and_fold_of_hostile_text(text):
    assert SLUG.fullmatch(slugify(text)) or slugify(text) == ""
    assert fold(text) == fold(fold(text))
