"""benchmarks/bench_pagefind_gzip.py reads the index a build writes: were Pagefind to rename or
repack its files, the script must say so rather than print a table of nothing."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import bench_pagefind_gzip  # noqa: E402


def test_it_times_the_word_chunks_of_the_built_sites_index(built_site, capsys):
    assert bench_pagefind_gzip.main([str(built_site)]) == 0
    out = capsys.readouterr().out
    row = re.search(r"^\| word index chunks \| (\d+) \| ([\d.]+) \|", out, re.M)
    assert row and int(row.group(1)) == len(list((built_site / "pagefind").rglob("*.pf_index")))
    fragments = re.search(r"^\| fragments \(a page's text\) \| (\d+) \|", out, re.M)
    assert fragments and int(fragments.group(1)) >= 5  # a fragment per page, five documents at least


def test_a_site_without_an_index_is_refused_with_a_message(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        bench_pagefind_gzip.main([str(tmp_path)])
    assert stop.value.code == 2
    assert "is not a folder: build the site first" in capsys.readouterr().err
