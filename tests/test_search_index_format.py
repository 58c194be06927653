"""The re-sorting that makes Pagefind's index reproducible fails loudly on a format it does not
know, instead of leaving an index that differs from build to build without a word."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.publish.pagefind_service import part_path
from generator.publish.search_index import SearchIndexError, build_search_index, sort_filters


class _Finished:
    """A service whose Pagefind has already written its index (the format is what is tested)."""

    parts = 1

    def finish(self, site_dir: Path) -> None:
        pass


def _index(site: Path, meta: bytes) -> Path:
    folder = site / part_path(0)
    folder.mkdir(parents=True)
    (folder / "pagefind-entry.json").write_text(json.dumps({"languages": {"vi": {"hash": "vi_abc"}}}))
    (folder / "pagefind.vi_abc.pf_meta").write_bytes(meta)
    return folder


def test_an_unknown_index_format_stops_the_build(tmp_path):
    folder = _index(tmp_path, b"not gzip, not CBOR: a newer Pagefind")
    assert sort_filters(folder) is False
    with pytest.raises(SearchIndexError, match="not in the format search_index.sort_filters knows"):
        build_search_index(tmp_path, _Finished())
