"""Folding and slugs: what lets a reader typing "duc dam" find "Đức Đam", and keeps URLs stable."""
from __future__ import annotations

import re
import unicodedata

from hypothesis import given, strategies as st

from generator.core.text import fold, nfc, slugify


def test_nfc_composes_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "Nghị định")
    assert decomposed != "Nghị định"
    assert nfc(decomposed) == "Nghị định"


def test_fold_names_and_phrases_from_the_seeds():
    assert fold("Vũ Đức Đam") == "vu duc dam"
    assert fold("Trục liên thông") == "truc lien thong"
    assert fold("Ủy ban Quốc gia về Chính phủ điện tử") == "uy ban quoc gia ve chinh phu dien tu"
    assert fold("CỤC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH") == "cuc kiem soat thu tuc hanh chinh"
    assert fold("Bộ Thông tin - Truyền thông") == "bo thong tin - truyen thong"


def test_fold_handles_d_stroke_and_its_look_alike():
    assert fold("Đ đ") == "d d"
    assert fold("QÐ") == "qd"  # U+00D0, often typed for Đ


def test_fold_is_the_same_for_nfc_and_nfd():
    name = "Nguyễn Xuân Phúc"
    assert fold(unicodedata.normalize("NFD", name)) == fold(name) == "nguyen xuan phuc"


def test_fold_collapses_whitespace_across_line_breaks():
    assert fold("  Phó Thủ tướng Chính phủ Vũ Đức\nĐam \t ") == "pho thu tuong chinh phu vu duc dam"


def test_slugify_document_numbers():
    assert slugify("8540/TB-VPCP") == "8540-tb-vpcp"
    assert slugify("150/2016/NĐ-CP") == "150-2016-nd-cp"
    assert slugify("52-NQ/TW") == "52-nq-tw"
    assert slugify("336/QĐ-UBQGCPĐT") == "336-qd-ubqgcpdt"
    assert slugify("Bộ TT&TT") == "bo-tt-tt"


def test_slugify_empty_and_punctuation_only():
    assert slugify("") == ""
    assert slugify(" /-– ") == ""


@given(st.text())
def test_slugify_output_is_url_safe(s):
    slug = slugify(s)
    assert re.fullmatch(r"[a-z0-9-]*", slug)
    assert not slug.startswith("-") and not slug.endswith("-")
    assert "--" not in slug


@given(st.text())
def test_fold_is_idempotent(s):
    assert fold(fold(s)) == fold(s)


@given(st.text())
def test_fold_has_no_marks_or_stray_spaces(s):
    folded = fold(s)
    assert folded == folded.strip()
    assert "  " not in folded
    assert not any(unicodedata.combining(ch) for ch in folded)
    assert "đ" not in folded
