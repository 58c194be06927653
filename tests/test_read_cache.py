"""A preview (`register serve`) loads the register again after each edit, reusing the documents
whose files did not change (generator/core/read/load.py, ReadCache). Whatever the edit, what it loads must
be what a fresh load of the same files gives: the same errors, the same pages."""
from __future__ import annotations

from datetime import date

from generator.core.read.load import ReadCache, load_register
from generator.core.render import render_pages

from conftest import edit

AS_OF = date(2026, 11, 22)
DECLARING = "decisions/2019/ket-luan-ttg-phan-cong-vpcp-bo-tttt.md"
USING = "2020/139-tb-vpcp"  # names the task DECLARING declares, by its id only
TASK = "truc-lien-thong-van-ban-quoc-gia"


def _load_both(root, cache: ReadCache):
    cached, cached_errors = load_register(root, cache)
    fresh, fresh_errors = load_register(root)
    assert cached_errors == fresh_errors
    assert (cached is None) == (fresh is None)
    if fresh is not None:
        assert render_pages(cached, as_of=AS_OF) == render_pages(fresh, as_of=AS_OF)
    return cached, cached_errors


def test_a_load_with_the_cache_is_a_fresh_load_after_every_edit(register_copy):
    cache = ReadCache()
    first, _ = _load_both(register_copy, cache)
    again, _ = _load_both(register_copy, cache)
    assert all(again.documents[key] is doc for key, doc in first.documents.items()), \
        "unchanged files were read again"

    edit(register_copy / "decisions/2020/139-tb-vpcp.md", r"^title: .*$", "title: Kết luận đã sửa")
    edited, _ = _load_both(register_copy, cache)
    assert edited.documents[USING].title == "Kết luận đã sửa"
    assert edited.documents["2018/ket-luan-ttg-thanh-lap-uy-ban-cpdt"] is first.documents[
        "2018/ket-luan-ttg-thanh-lap-uy-ban-cpdt"]

    # the task's declaration renamed: the document naming it is in error, and its reading is
    # changed by that check; renamed back, that unchanged file must name the task again
    edit(register_copy / DECLARING, rf"id: {TASK},", f"id: {TASK}-doi-ten,")
    broken, errors = _load_both(register_copy, cache)
    assert broken is None and any(e.path.endswith("139-tb-vpcp.md") and TASK in e.message for e in errors)
    edit(register_copy / DECLARING, rf"id: {TASK}-doi-ten,", f"id: {TASK},")
    mended, _ = _load_both(register_copy, cache)
    assert any(a.get("task") == TASK for a in mended.documents[USING].actions)

    # a registry changed: every document is read against it again
    edit(register_copy / "decisions/agencies.yml", r"name: Thủ tướng Chính phủ$", "name: Thủ tướng")
    renamed, _ = _load_both(register_copy, cache)
    assert not any(renamed.documents[key] is doc for key, doc in mended.documents.items())

    (register_copy / "decisions/2020/139-tb-vpcp.md").unlink()
    _load_both(register_copy, cache)
