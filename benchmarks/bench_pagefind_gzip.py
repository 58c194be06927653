"""What gzip at its best compression costs Pagefind, on a built site's own index.

    .venv/bin/python benchmarks/bench_pagefind_gzip.py SITE

Pagefind writes every file of its index through `GzEncoder::new(…, Compression::best())`
(pagefind/src/output/mod.rs), one after another in one task, while the build waits for it: at
10,000 documents that writing is the last 16 s of the build. This reads the index the build
wrote under SITE/pagefind/, unpacks each file and times Python's zlib packing the same bytes at
level 9 (best, as Pagefind) and at level 6 (zlib's default), by kind of file. zlib is not the
deflate Pagefind is built with (flate2), so the figures say what level 9 costs on these bytes,
not Pagefind's exact time. A script that prints numbers, not a test.
"""
from __future__ import annotations

import argparse
import gzip
import time
import zlib
from pathlib import Path

KINDS = {".pf_fragment": "fragments (a page's text)", ".pf_index": "word index chunks",
         ".pf_filter": "filters", ".pf_meta": "meta index"}


def packed_seconds(blobs: list[bytes], level: int) -> tuple[float, int]:
    """(seconds, bytes) for zlib packing each of `blobs` at `level`."""
    start = time.perf_counter()
    size = sum(len(zlib.compress(blob, level)) for blob in blobs)
    return time.perf_counter() - start, size


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("site", type=Path, help="a built site (its pagefind/ folder is read)")
    args = p.parse_args(argv)
    index = args.site / "pagefind"
    if not index.is_dir():
        p.error(f"{index} is not a folder: build the site first")
    if not any(index.rglob("*.pf_index")):
        p.error(f"{index} holds no word index chunks (*.pf_index): not a Pagefind index this script knows")
    print("| files | count | unpacked MB | level 9: s / MB | level 6: s / MB |")
    print("|---|--:|--:|--:|--:|")
    totals = [0.0, 0.0]
    for suffix, name in KINDS.items():
        blobs = [gzip.decompress(path.read_bytes()) for path in sorted(index.rglob(f"*{suffix}"))]
        best, best_size = packed_seconds(blobs, 9)
        default, default_size = packed_seconds(blobs, 6)
        totals[0] += best
        totals[1] += default
        print(f"| {name} | {len(blobs)} | {sum(map(len, blobs)) / 1e6:.1f} | "
              f"{best:.2f} / {best_size / 1e6:.1f} | {default:.2f} / {default_size / 1e6:.1f} |")
    print(f"all: level 9 {totals[0]:.1f} s, level 6 {totals[1]:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
