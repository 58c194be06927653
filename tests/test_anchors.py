"""Heading anchors readers copy and share (issue 32): "đ" is "d" in them (`#so-do`, not
`#so-o`), on generated pages and hand-written ones alike, and each heading's permanent link is
titled in Vietnamese."""
from __future__ import annotations

import re

from generator.core.render.markup import slug


def test_slugs_fold_d_with_stroke():
    assert slug("Sơ đồ") == "so-do"
    assert slug("Nội dung chỉ đạo") == "noi-dung-chi-dao"
    assert slug("ĐIỀU 1. Đối tượng") == "dieu-1-doi-tuong"
    assert slug("Nghị định 150/2016/NĐ-CP") == "nghi-dinh-1502016nd-cp"


def test_every_heading_of_the_built_site_keeps_its_d_and_speaks_vietnamese(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    dropped, english = [], []
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for ident, inner in re.findall(r'<h[1-6] id="([^"]+)"[^>]*>(.*?)</h[1-6]>', html, re.S):
            shown = re.sub(r"<[^>]+>", "", re.sub(r'<a class="headerlink".*?</a>', "", inner))
            if re.fullmatch(r"c-[0-9a-f]{12}", ident):  # a commit's, on the recent changes
                continue
            if re.sub(r"_\d+$", "", ident) != slug(shown):  # "_1": a second heading of that text
                dropped.append((path.relative_to(built_site).as_posix(), ident, shown))
        if 'title="Permanent link"' in html:
            english.append(path.relative_to(built_site).as_posix())
    assert dropped == [] and english == []
    # the hand-written record format page and a document's text are made by the site's Markdown
    guide = (built_site / "dinh-dang-ban-ghi/index.html").read_text(encoding="utf-8")
    assert 'title="Liên kết đến mục này"' in guide
