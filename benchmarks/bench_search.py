"""Search benchmark: Pagefind (what the site uses) against Material's lunr search, measured in a
real browser, on the shipped register and on a synthetic register of many documents.

    .venv/bin/python benchmarks/bench_search.py                  # real register + 10,000 documents
    .venv/bin/python benchmarks/bench_search.py --docs 2000 --no-lunr

For each site it builds the register twice with `register build` (the shipped mkdocs.yml, whose
search is Pagefind, and the same with Material's `search` plugin, i.e. lunr), then drives
Debian's Chromium (Playwright, /usr/bin/chromium) on the site served from 127.0.0.1: it opens a
page with a cold cache, types each query into the header's search box as a reader would, waits
for the results, and counts the results and the bytes the search fetched (Pagefind: everything
under /pagefind/; lunr: search_index.json and the search worker), from page load on.

"lunr + folding" is lunr given folded text: the lunr site's search_index.json with every title
and text folded (generator.core.text.fold) and the query typed folded. That is what a folding
pipeline would index; it downloads the same search_index.json, which is what it costs.

The synthetic register is benchmarks/synthetic.py's: invented records shaped like the real ones
(Vietnamese text, numbers in the usual forms, tasks with deadlines and transfers, bodies,
amendments, citations), so pages look like the real ones at scale. Results are printed;
README.md ("Search") keeps the numbers of a run.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import json
import re
import shutil
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generator.core.text import fold
from generator.faces.cli import main as register_main

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AS_OF = "2026-11-22"
WORDS = ["truc lien thong", "duc dam", "chuyen giao nhiem vu"]
REAL_NUMBERS = ["139 TB VPCP", "tb-vpcp 139", "1072/QD-TTg"]
TYPICAL = "truc lien thong"


def number_queries(number: str) -> list[str]:
    """A number as readers type it: "1072/QĐ-TTg" → "1072 QD TTg", "qd-ttg 1072"."""
    serial, _, rest = number.replace("Đ", "D").replace("đ", "d").partition("/")
    kind, _, issuer = rest.partition("-")
    return [f"{serial} {kind} {issuer}", f"{kind}-{issuer} {serial}".lower()]

# --- building ----------------------------------------------------------------------------------


def copy_register(source: Path, target: Path, decisions: bool = True) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in ("content", "theme_overrides", "mkdocs.yml") + (("decisions", "sources") if decisions else ()):
        src = source / name
        if not src.exists():  # a synthetic register keeps no source texts
            continue
        if src.is_dir():
            shutil.copytree(src, target / name)
        else:
            shutil.copy2(src, target / name)
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    lunr = re.sub(r"^plugins:\n", "plugins:\n  - search\n", config, count=1, flags=re.M)
    assert lunr != config, "mkdocs.yml has no plugins list"
    (target / "mkdocs-lunr.yml").write_text(lunr, encoding="utf-8")
    return target


def build(root: Path, config: str, site: Path) -> float:
    start = time.perf_counter()
    code = register_main(["--root", str(root), "build", "-f", config, "--as-of", AS_OF,
                          "--site-dir", str(site)])
    if code != 0:
        raise SystemExit(f"build of {root} ({config}) failed")
    return time.perf_counter() - start


def fold_lunr_index(site: Path) -> None:
    """lunr + folding: the index lunr builds from folded text (see the module's docstring)."""
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        doc["title"] = fold(doc["title"])
        doc["text"] = fold(doc["text"])
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")


def dir_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


# --- the synthetic register -------------------------------------------------------------------


def write_synthetic(root: Path, n_docs: int) -> str:
    """benchmarks/synthetic.py's register of `n_docs` documents in root/decisions; returns the
    number of one document in the middle of it, for the number queries."""
    from synthetic import generate

    generate(root, n_docs, site=False)
    numbers = []
    for path in sorted((root / "decisions").glob("*/*.md")):
        found = re.search(r"^number: *\"?([^\"\n]+?)\"?$", path.read_text(encoding="utf-8"), re.M)
        if found and re.fullmatch(r"\d+/[A-Za-zĐđ]+-[A-Za-zĐđ]+", found.group(1)):
            numbers.append(found.group(1))
    return numbers[len(numbers) // 2]


# --- measuring in the browser ------------------------------------------------------------------


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def measure(browser, base: str, kind: str, query: str) -> dict:
    """One query on a fresh page (cold cache): results, search bytes fetched, time to results."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(300_000)
    page = context.new_page()
    fetched: dict[str, int] = {}

    def done(request):
        url = request.url
        if "/pagefind/" in url or "search_index.json" in url or "/workers/search" in url:
            sizes = request.sizes()
            fetched[url] = sizes["responseBodySize"] + sizes["responseHeadersSize"]

    page.on("requestfinished", done)
    page.goto(base + "van-ban/", wait_until="load")
    box = page.locator(".md-search__input").first
    started = time.perf_counter()
    box.click()
    box.press_sequentially(query, delay=15)
    meta = page.locator(".md-search-result__meta").first
    if kind == "pagefind":   # the register's box says when the results shown are this query's
        page.wait_for_selector(f"[data-search-state=done][data-searched={json.dumps(query)}]")
    else:                    # Material's: the count replaces "Initializing search"
        loading = ("Initializing", "Nhập", "Type")
        deadline = time.time() + 300
        while time.time() < deadline and (not meta.inner_text() or meta.inner_text().startswith(loading)):
            page.wait_for_timeout(50)
    elapsed = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    items = page.locator(".md-search-result__item")
    titles = [t.inner_text() for t in items.locator("h1, h2").all()[:3]]
    result = {"kind": kind, "query": query, "meta": meta.inner_text(), "shown": items.count(),
              "first": titles[:1], "bytes": sum(fetched.values()), "requests": len(fetched),
              "seconds": elapsed}
    context.close()
    return result


def run_browser(sites: list[tuple[str, str, Path, list[str]]]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, kind, site, queries in sites:
            server, base = serve(site)
            try:
                for query in queries:
                    typed = fold(query) if kind == "lunr + folding" else query
                    row = measure(browser, base, kind, typed)
                    row["site"] = label
                    rows.append(row)
                    print(f"  {label:<22} {kind:<15} {query!r:<26} {row['meta']!r:<28} "
                          f"{row['bytes'] / 1024:9.1f} KB {row['requests']:3d} req "
                          f"{row['seconds']:6.2f} s  {row['first']}", flush=True)
            finally:
                server.shutdown()
        browser.close()
    return rows


def report_sizes(label: str, pagefind_site: Path, lunr_site: Path | None, docs: int) -> None:
    bundle = pagefind_site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    pages = sum(lang["page_count"] for lang in entry["languages"].values())
    parts = {name: sum(p.stat().st_size for p in (bundle / name).glob("*"))
             for name in ("index", "fragment", "filter")}
    parts["meta"] = sum(p.stat().st_size for p in bundle.glob("*.pf_meta"))
    total = sum(parts.values())
    print(f"{label}: {docs} documents, {pages} pages indexed")
    print(f"  pagefind: {total / 1024:.0f} KB = {total / docs / 1024:.2f} KB per document "
          f"({total / pages / 1024:.2f} KB per page): "
          + ", ".join(f"{name} {size / 1024:.0f} KB" for name, size in parts.items()))
    if lunr_site is not None:
        raw = (lunr_site / "search" / "search_index.json").read_bytes()
        packed = len(gzip.compress(raw))
        print(f"  lunr: search_index.json {len(raw) / 1024:.0f} KB = {len(raw) / docs / 1024:.2f} KB per "
              f"document ({packed / 1024:.0f} KB gzipped, {packed / docs / 1024:.2f} KB per document), "
              f"all fetched before the first result")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the synthetic register")
    parser.add_argument("--no-real", action="store_true", help="skip the shipped register")
    parser.add_argument("--no-lunr", action="store_true", help="measure Pagefind only")
    parser.add_argument("--no-browser", action="store_true", help="sizes only")
    parser.add_argument("--work", type=Path, help="keep the registers and sites here")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-search-"))
    work.mkdir(parents=True, exist_ok=True)
    sites: list[tuple[str, str, Path]] = []
    registers = []
    if not args.no_real:
        registers.append(("real register", copy_register(ROOT, work / "real"), None, REAL_NUMBERS))
    if args.docs:
        root = copy_register(ROOT, work / "synthetic", decisions=False)
        start = time.perf_counter()
        number = write_synthetic(root, args.docs)
        print(f"wrote {args.docs} synthetic documents in {time.perf_counter() - start:.1f} s", flush=True)
        registers.append((f"synthetic {args.docs}", root, args.docs, number_queries(number)))
    for label, root, docs, numbers in registers:
        queries = WORDS + numbers
        pf_site, lunr_site = root / "site-pagefind", root / "site-lunr"
        print(f"building {label} (Pagefind): {build(root, 'mkdocs.yml', pf_site):.1f} s", flush=True)
        if not args.no_lunr:
            print(f"building {label} (lunr): {build(root, 'mkdocs-lunr.yml', lunr_site):.1f} s", flush=True)
        docs = docs or sum(1 for _ in (root / "decisions").glob("*/*.md"))
        report_sizes(label, pf_site, None if args.no_lunr else lunr_site, docs)
        sites.append((label, "pagefind", pf_site, queries))
        if not args.no_lunr:
            # lunr builds its whole index in the browser before any result: at scale, one query
            lunr_queries = queries if docs < 2000 else [TYPICAL]
            sites.append((label, "lunr", lunr_site, lunr_queries))
            folded = root / "site-lunr-folded"
            shutil.rmtree(folded, ignore_errors=True)
            shutil.copytree(lunr_site, folded)
            fold_lunr_index(folded)
            sites.append((label, "lunr + folding", folded, lunr_queries))
    if not args.no_browser:
        print("browser (Chromium, cold cache): results, search bytes fetched, seconds from the first keystroke")
        run_browser(sites)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
