"""What the search index gets from each page (generator/core/render/search_meta.py), without a browser."""
from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import ROOT
from generator.core.derive.status import task_status
from generator.core.numbers import parse_number
from generator.core.read.load import load_register
from generator.core.render import render_pages
from generator.core.render.labels import Labels
from generator.core.render.search_meta import (
    d_twins, distinct_words, number_forms, search_block, search_entries, ui_labels)

SMALL = ROOT / "tests/fixtures/small"


def test_number_forms_cover_the_usual_spellings():
    forms = number_forms(parse_number("139/TB-VPCP"))
    assert {"139/TB-VPCP", "139 TB VPCP", "TB-VPCP 139"} <= set(forms)
    forms = number_forms(parse_number("1072/QĐ-TTg"))
    assert {"1072/QĐ-TTg", "1072/QD-TTg", "1072 QD TTg", "QD-TTg 1072"} <= set(forms)
    assert "150 2016 ND CP" in number_forms(parse_number("150/2016/NĐ-CP"))
    assert "NQ/TW 52" in number_forms(parse_number("52-NQ/TW"))
    lower = [f.lower() for f in forms]
    assert len(lower) == len(set(lower))


def test_d_twins_write_d_for_đ_and_keep_other_marks():
    assert d_twins("Phó Thủ tướng Vũ Đức Đam, Đức") == ["Dức", "Dam,"]
    assert d_twins("Quyết định 1072/QĐ-TTg") == ["dịnh", "1072/QD-TTg"]
    assert d_twins("no such letter") == []


def test_distinct_words_once_each_in_order():
    assert distinct_words("Thông báo, thông báo: (Thông) tin") == ["Thông", "báo", "tin"]


def test_block_indexes_words_once_and_hides_nothing_visible():
    content = ('<h1 id="x">Thông báo 139/TB-VPCP<a class="headerlink" href="#x">¶</a></h1>'
               "<p><strong>Kết luận</strong></p><p>Vũ Đức Đam. Vũ Đức Đam dự họp.</p>")
    block = search_block(content, None)
    assert block.startswith('<div class="register-search-data" data-pagefind-body hidden>')
    assert 'data-value="Thông báo 139/TB-VPCP"' in block and "¶" not in block
    assert 'data-pagefind-meta="summary[data-value]" data-value="Kết luận"' in block
    words = re.search(r"<p>([^<]*)</p>", block).group(1).split()
    assert words.count("Đam") == 1 and "họp" in words
    assert '<p data-pagefind-weight="0.5">Dức Dam</p>' in block


def test_entries_filters_numbers_and_statuses():
    register, _ = load_register(SMALL)
    pages = render_pages(register, "vi", date(2021, 8, 1))
    entries = search_entries(register, Labels("vi"), date(2021, 8, 1), generated=pages)
    doc = entries["van-ban/2021/1-tb-ba.md"]
    assert doc.filters == {"type": ["Thông báo"], "year": ["2021"], "issuer": ["Bộ A"],
                           "agency": ["Bộ A", "Bộ B", "Cục C"], "document": ["Thông báo 1/TB-BA"]}
    assert "1 TB BA" in doc.numbers and doc.body
    task = entries["nhiem-vu/xay-dung-he-thong.md"]
    assert task.filters["status"] == ["Quá hạn, chưa ghi nhận hoàn thành"]
    # the documents that name it and the year it falls due, as the deadlines page filters it
    assert "Thông báo 1/TB-BA" in task.filters["document"] and task.filters["due_year"] == ["2021"]
    assert "quá hạn, chưa ghi nhận hoàn thành" in task.summary
    assert not entries["co-quan/bo-a.md"].body and "BA" in entries["co-quan/bo-a.md"].names
    assert not entries["chuyen-giao.md"].body
    assert set(entries) == set(pages)


def test_every_task_gets_the_one_status_filter_of_its_state():
    """No deadline is a state too: a task without one is found under "không có thời hạn…"."""
    register, _ = load_register(SMALL)
    entries = search_entries(register, Labels("vi"), date(2021, 1, 1))
    labels = Labels("vi")
    for task_id, record in register.derived.custody.tasks.items():
        state = task_status(record, date(2021, 1, 1)).state
        label = labels("status_" + state)
        assert entries[f"nhiem-vu/{task_id}.md"].filters["status"] == [label[:1].upper() + label[1:]]


@pytest.mark.parametrize("lang, placeholder, year", [("vi", "Tìm văn bản", "Năm"), ("en", "Search", "Year")])
def test_labels_follow_the_site_language(lang, placeholder, year):
    labels = ui_labels(Labels(lang))
    assert labels["placeholder"].startswith(placeholder)
    assert labels["filter_names"]["year"] == year


def test_the_editorial_history_stays_out_of_the_index(built_site):
    """A page's git authors, subjects and commits are shown (data-pagefind-ignore) but not
    indexed: a search for a maintainer's name must not find every page they touched."""
    pages = [p for p in built_site.rglob("index.html") if "pagefind" not in p.parts]
    checked = 0
    for path in pages:
        page = path.read_text(encoding="utf-8")
        start = page.find('<div class="register-history" data-pagefind-ignore="all">')
        if start < 0:
            continue
        history = page[start:page.index("</div>", start)]
        commits = set(re.findall(r"\b[0-9a-f]{7}\b", re.sub(r"<[^>]+>", " ", history)))
        block = page[page.index('<div class="register-search-data"'):]
        block = block[:block.index("</div>")]
        assert commits and not any(c in block for c in commits), path
        assert "Tệp nguồn" not in block and "decisions/" not in block, path
        checked += 1
    assert checked > 50


def test_each_page_is_indexed_by_what_its_article_shows(built_site):
    """The plugin makes a page's search block from its content before Material renders the
    page, to index it early: the block must be the one the page's article gives."""
    from conftest import ROOT
    from generator.core.read.provenance import read_history
    from generator.core.render import render_site

    register, _ = load_register(ROOT)
    as_of = date(2026, 11, 22)
    pages = render_site(register, lang="vi", as_of=as_of, history=read_history(ROOT)).pages
    entries = search_entries(register, Labels("vi"), as_of, generated=pages)
    from generator.core.urls import page_url
    by_url = {page_url(src).removeprefix("./"): src for src in pages}
    checked = 0
    for path in sorted(built_site.rglob("index.html")):
        url = path.relative_to(built_site).parent.as_posix()
        url = "" if url == "." else url + "/"
        page = path.read_text(encoding="utf-8")
        start = page.find('<article class="md-content__inner md-typeset">')
        if start < 0 or "register-search-data" not in page:
            continue
        # the block ends the article's content: what comes before it is the content it was made of
        end = page.index('<div class="register-search-data"', start)
        article = page[page.index(">", start) + 1:end]
        shown = page[end:]
        shown = shown[:shown.index("</div>") + len("</div>")]
        assert shown == search_block(article, entries.get(by_url.get(url, ""))), url
        checked += 1
    assert checked > 100
