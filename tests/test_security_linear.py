"""Text processing is linear: one word of megabytes, or a paragraph of thousands of numbers,
dates or spaces, costs in proportion to its length (a pattern of the search data took 60 s on
a word of 100,000 characters; a blank line, the cube of its length in the importer). Measured
as a ratio within one run — eight times the text must take well under 64 times as long — so a
shared, noisy machine cannot fail it while a quadratic pass cannot pass it."""
from __future__ import annotations

import time

import pytest

from conftest import ROOT
from generator.core.numbers import find_citations
from generator.core.periods import period_from_phrase
from generator.core.render.markup import body_markdown, text
from generator.core.render.search_meta import d_twins, distinct_words, search_block
from generator.editor.importer import import_text, load_names

NAMES, _ = load_names(ROOT / "tests/fixtures/import")
HEAD = "Số: 12/TB-VPCP\nHà Nội, ngày 5 tháng 3 năm 2021\nTHÔNG BÁO\n"

# pieces repeated into one word or one paragraph: letters, digits, punctuation, and what the
# patterns look for (numbers, dates, đ, tags, separators)
PIECES = ["ư", "7", "-", "/", "7/", "đ—", ".", "_", "<", " ", "\t", "|", "| ", "~", "*",
          "Quyết định số 9/QĐ-TTg ", "ngày 3/4/2021 ", "trước ngày 01 tháng 10 năm 2019 ",
          "chuyển nhiệm vụ từ Bộ A sang Bộ B ", "giao Bộ Tài chính ",
          # what the official-form and press patterns look for (importer/official.py, header.py)
          "Ông A làm Ủy viên, thôi giữ chức Tổ trưởng ", "làm ", "Sửa đổi, bổ sung Quyết định số 9/QĐ-TTg; ",
          "đổi tên Ủy ban X thành ", "Phó Thủ tướng vừa ký Quyết định số 9/QĐ-TTg ngày 1/2/2021 ",
          "\n1. Ủy viên: Bộ trưởng Bộ A; ", "có hiệu lực kể từ ngày "]
FUNCTIONS = {
    "search data": lambda s: search_block(f"<h1>Tiêu đề</h1><p>{text(s)}</p>", None),
    "distinct words": distinct_words,
    "đ twins": d_twins,
    "citations": lambda s: list(find_citations(s)),
    "deadline phrase": lambda s: period_from_phrase(s, 2021),
    "record text": body_markdown,
    "import": lambda s: import_text(HEAD + s + "x", NAMES),
}


def _seconds(function, value: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        function(value)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("name", FUNCTIONS)
def test_eight_times_the_text_takes_far_less_than_sixty_four_times_as_long(name):
    function = FUNCTIONS[name]
    worst = []
    for piece in PIECES:
        small = (piece * (4_000 // len(piece) + 1))[:4_000] + "x"
        large = (piece * (32_000 // len(piece) + 1))[:32_000] + "x"
        short, long_ = _seconds(function, small), _seconds(function, large)
        worst.append((long_ / max(short, 2e-4), piece))
    ratio, piece = max(worst)
    assert ratio < 30, f"{name}: 8x the text {piece!r} took {ratio:.0f}x as long"


def test_a_word_of_two_megabytes_is_indexed_in_seconds_not_hours():
    word = "Đ" + "ư7-" * 700_000
    start = time.perf_counter()
    twins = d_twins(word)
    words = distinct_words(word + " !")
    block = search_block(f"<h1>T</h1><p>{text(word)}</p>", None)
    assert twins and words and block
    assert time.perf_counter() - start < 60  # quadratic, this was hours


def test_a_long_run_of_spaces_after_so_imports_in_linear_time():
    """"Số" then spaces: \\s*[:.]?\\s* could split the run two ways at each space."""
    def imported(n: int) -> float:
        return _seconds(lambda s: import_text(s, NAMES), "THÔNG BÁO\nVề việc thử\nSố" + " " * n + "x\nBộ Nội vụ chủ trì.\n")
    assert imported(32_000) < 30 * max(imported(4_000), 2e-4)
