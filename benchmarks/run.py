"""Scale benchmark (a script, not a timed test): the register at 1,000 and 10,000 documents.

    .venv/bin/python benchmarks/run.py                    # N = 1,000 and 10,000
    .venv/bin/python benchmarks/run.py --sizes 1000       # one size
    .venv/bin/python benchmarks/run.py --sizes 2000,5000 --commits 0 --no-browser --work /tmp/b
    .venv/bin/python benchmarks/run.py --sizes 100 200 --no-browser   # a quick check that it runs

The table for both settings of the build's speed-ups (the plugin's `fast_build: auto|on|off`)
is two runs, one per setting, each with its own floor:

    .venv/bin/python benchmarks/run.py --fast-build on  | tee bench-on.txt
    .venv/bin/python benchmarks/run.py --fast-build off | tee bench-off.txt

`--fast-build` is handed to the build as `register build --fast-build VALUE`; the last line's
`fast_build=` says which setting was measured. Without `--fast-build`, the default (auto) is.

For each N it writes a synthetic register (benchmarks/synthetic.py, seeded, at least 5 tasks a
document as in the government's tracking, with a git history of N/5 commits made by one
`git fast-import`), then measures, each in a child process of its own so that its peak memory
is its own (os.wait4):

- core: read + check + derive (generator.core.read.load.load_register) and render (generator.core.render.
  render_site, every generated page with its editorial history), per document; the git read,
  the open-data files and the search data are timed beside it, outside the core figure;
- build: the full `register build` (MkDocs + Material + the plugin + the Pagefind index),
  wall-clock seconds and peak resident memory;
- the floor (issue 31): MkDocs + Material + Pagefind on the same number of plain pages. MkDocs
  + Material (with its own search) build N plain pages of the same size as the records — each
  record's title and text, nothing generated — with only the year pages in the sidebar; then
  Pagefind indexes the built pages (their articles), so that the floor has a search that scales
  like the register's (Material's search_index.json is fetched whole by every reader). Both
  are timed after each build, in the same run, so that the ratio holds on a noisy machine;
  `floor_s` is their sum, the fastest repetition counting;
- the built site's size per document, the search index's size and the bytes a browser fetches
  for one query ("truc lien thong": Pagefind's files under /pagefind/, fetched by Pagefind's own
  API in Chromium; with Material's search, search_index.json).

The last line is machine-readable, for the largest N run:
docs=<N> core_ms_per_doc=<x> build_s=<x> floor_s=<x> overhead_ratio=<x> peak_mb=<x> scaling_1k_10k=<x> tasks=<n> ratio_pf=<x> fast_build=<setting>
floor_s: MkDocs + Material + Pagefind on N plain pages (before 2026-12-06, MkDocs + Material
alone); ratio_pf: build_s ÷ floor_s; overhead_ratio: build_s ÷ MkDocs + Material alone, as
before; tasks: the tasks of the register measured; scaling_1k_10k: build time at 10,000 ÷ at
1,000 ("na" unless both ran); fast_build: on, off, auto, or default (no setting given, or the
build does not take one yet).

Targets (issue 31), checked for each N after the table: ratio_pf ≤ 1.5 with the speed-ups on
(the default, on, auto) and ≤ 2.5 with them off; the core ≤ 1 ms a document + 0.2 ms a task;
the build 1,000 → 10,000 documents ≤ 11 times; peak memory ≤ 2 GB (2,048 MB). The ratio
against MkDocs + Material alone keeps its earlier target, ≤ 1.5, for comparison.
"""
from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

PYTHON = sys.executable
QUERY = "truc lien thong"
# issue 31: ratio_pf by the build's setting (the default and auto are the speed-ups on); the
# core in ms per document plus ms per task; peak MB; build time at 10,000 ÷ at 1,000
TARGETS = {"ratio_pf": {"on": 1.5, "off": 2.5}, "core_ms_per_doc": 1.0, "core_ms_per_task": 0.2,
           "overhead_ratio": 1.5, "scaling_1k_10k": 11.0, "peak_mb": 2048}
FAST_BUILD = ("auto", "on", "off")


# --- running a child and measuring it ----------------------------------------------------------

def measure(command: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, float, str]:
    """(wall seconds, peak resident MB of the child and its waited-for children, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out_chunks: list[bytes] = []
    err_chunks: list[bytes] = []
    readers = [threading.Thread(target=lambda: out_chunks.append(proc.stdout.read())),
               threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()))]
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    for r in readers:
        r.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out = b"".join(out_chunks).decode("utf-8", "replace")
    if proc.returncode != 0:
        err = b"".join(err_chunks).decode("utf-8", "replace")
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{out[-2000:]}\n{err[-4000:]}")
    return wall, usage.ru_maxrss / 1024, out


def dir_size(path: Path) -> tuple[int, int]:
    size = count = 0
    for folder, _, names in os.walk(path):
        for name in names:
            size += os.path.getsize(os.path.join(folder, name))
            count += 1
    return size, count


# --- the core, in a child process --------------------------------------------------------------

def core(root: Path, as_of: str) -> dict:
    """Time the core's stages on the register at `root` (run in a child: `run.py --core`)."""
    from datetime import date

    from generator.publish.export import site_files
    from generator.core.read.load import bulk, load_register
    from generator.core.read.provenance import read_history
    from generator.core.render import render_site
    from generator.speedups.shared_read import read_shared
    from generator.speedups.shared_render import fork_half
    from generator.core.render.labels import Labels
    from generator.core.render.search_meta import search_entries

    day = date.fromisoformat(as_of)
    times = {}
    # as the build runs them (plugin.on_config): with the cyclic collector paused throughout,
    # then its objects frozen, so no collection passes over the register between the stages
    with bulk():
        t = time.perf_counter()
        register, diagnostics = load_register(root, read=read_shared)
        times["load"] = time.perf_counter() - t
        if diagnostics:
            raise SystemExit("\n".join(map(str, diagnostics[:20])))
        t = time.perf_counter()
        history = read_history(root)
        times["git"] = time.perf_counter() - t
        t = time.perf_counter()
        site = render_site(register, lang="vi", as_of=day, history=history, split=fork_half)
        times["render"] = time.perf_counter() - t
        gc.freeze()
    t = time.perf_counter()
    files = site_files(register, as_of=day)
    times["export"] = time.perf_counter() - t
    t = time.perf_counter()
    dict(search_entries(register, Labels("vi"), day, generated=site.pages))  # each page's made
    times["search"] = time.perf_counter() - t
    return {"times": times, "documents": len(register.documents), "pages": len(site.pages),
            "tasks": len(register.tasks), "cited": len(register.cited), "people": len(register.people),
            "data_files": len(files), "history": history.status, "commits": len(history.commits)}


# --- Pagefind alone, in a child process -------------------------------------------------------

def search_blocks(site: Path) -> list[tuple[str, str]]:
    """(address, search block) of every page of the built site at `site`: what the build fed
    Pagefind (generator/publish/pagefind_service.py)."""
    from generator.publish.pagefind_service import search_url

    marker = '<div class="register-search-data"'
    blocks = []
    for path in sorted(site.rglob("*.html")):
        if "pagefind" in path.relative_to(site).parts:
            continue
        page = path.read_text(encoding="utf-8")
        start = page.find(marker)
        if start < 0:
            continue
        blocks.append((search_url(path.relative_to(site).as_posix()),
                       page[start:page.index("</div>", start) + len("</div>")]))
    return blocks


def pagefind_alone(site: Path) -> None:
    """Index the search blocks of the built site at `site` as the build does, into a folder
    that is then removed."""
    from generator.publish.pagefind_service import PagefindService, parts_for

    blocks = search_blocks(site)
    service = PagefindService("vi", parts_for(len(blocks)))  # in as many parts as the build's
    for url, block in blocks:
        service.add(url, block)
    out = Path(tempfile.mkdtemp(prefix="pagefind-alone-"))
    try:
        service.finish(out)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def floor_pagefind(floor_site: Path, out: Path, remove: bool = True) -> tuple[float, float]:
    """(wall seconds, peak MB) of Pagefind indexing the articles of the floor's built pages into
    `out`, then removed unless `remove` is false: the floor's search, like the register's."""
    from pagefind.service import get_executable

    try:
        wall, peak, _ = measure([str(get_executable()), "--site", str(floor_site), "--root-selector", "article",
                                 "--output-path", str(out)])
    finally:
        if remove:
            shutil.rmtree(out, ignore_errors=True)
    return wall, peak


# --- the floor: plain pages of the same size ---------------------------------------------------

FLOOR_CONFIG = """\
site_name: Floor — {n} plain pages
docs_dir: docs
strict: true
theme:
  name: material
  language: vi
  features:
    - navigation.sections
    - navigation.indexes
    - navigation.top
    - content.code.copy
plugins:
  - search
markdown_extensions:
  - attr_list
  - admonition
  - tables
  - toc:
      permalink: true
  - md_in_html
  - pymdownx.superfences
validation:
  nav:
    omitted_files: info
  links:
    not_found: warn
nav:
  - Trang chủ: index.md
{years}
"""
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_TITLE = re.compile(r'^title: "(.*)"$', re.M)
_ANCHOR = re.compile(r" ?\{#d-[a-z0-9-]+\}")


def write_floor(register_root: Path, floor: Path) -> int:
    """MkDocs pages of plain Markdown, one per record and of its size: its title as <h1> and
    its text (the records' own paragraphs, repeated where the front matter made the record
    longer); a page per year listing them, in the sidebar."""
    shutil.rmtree(floor, ignore_errors=True)
    docs = floor / "docs"
    docs.mkdir(parents=True)
    years: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((register_root / "decisions").glob("*/*.md")):
        raw = path.read_text(encoding="utf-8")
        front = _FRONT.match(raw)
        body = raw[front.end():] if front else raw
        title = _TITLE.search(front.group(1)) if front else None
        title = json.loads(f'"{title.group(1)}"') if title else path.stem
        body = _ANCHOR.sub("", body).strip()
        text = f"# {title}\n\n{body}\n"
        paragraphs = body.split("\n\n")
        k = 0
        while len(text.encode("utf-8")) < len(raw.encode("utf-8")) and paragraphs:
            text += "\n" + paragraphs[k % len(paragraphs)] + "\n"
            k += 1
        year = path.parent.name
        (docs / year).mkdir(exist_ok=True)
        (docs / year / path.name).write_text(text, encoding="utf-8")
        years.setdefault(year, []).append((title, path.name))
    for year, items in years.items():
        lines = "".join(f"- [{t.replace('[', '(').replace(']', ')')}]({name})\n" for t, name in items)
        (docs / year / "index.md").write_text(f"# Năm {year}\n\n{lines}", encoding="utf-8")
    (docs / "index.md").write_text("# Trang chủ\n\nCác trang văn bản theo năm.\n", encoding="utf-8")
    nav = "".join(f"  - '{y}': {y}/index.md\n" for y in sorted(years, reverse=True))
    (floor / "mkdocs.yml").write_text(FLOOR_CONFIG.format(n=sum(map(len, years.values())), years=nav),
                                      encoding="utf-8")
    return sum(len(v) for v in years.values())


# --- search: bytes fetched for one query -------------------------------------------------------

class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def query_bytes(site: Path, query: str = QUERY) -> tuple[float | None, int | None, str]:
    """(KB fetched for one query, results, how) — Pagefind through its API in Chromium, or the
    size of Material's search_index.json; None when neither can be measured."""
    if not (site / "pagefind" / "pagefind.js").is_file():
        index = site / "search" / "search_index.json"
        if index.is_file():
            return index.stat().st_size / 1024, None, "lunr search_index.json"
        return None, None, "no search index"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None, None, "playwright not installed"
    if not Path("/usr/bin/chromium").exists():
        return None, None, "no Chromium"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    fetched: dict[str, int] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(base + "/404.html" if (site / "404.html").exists() else base + "/")

            def done(request):
                if "/pagefind/" in request.url:
                    response = request.response()
                    body = response.body() if response else b""
                    fetched[request.url] = len(body)

            page.on("requestfinished", done)
            results = page.evaluate("""async (query) => {
                // a large site's index is in parts, merged as the search box merges them
                const box = document.querySelector('[data-register-search]');
                const parts = JSON.parse(box.getAttribute('data-index-parts'));
                const pagefind = await import('/' + parts[0] + 'pagefind.js');
                await pagefind.options({excerptLength: 30});
                for (const part of parts.slice(1)) await pagefind.mergeIndex('/' + part, {excerptLength: 30});
                const lexicon = box.getAttribute('data-index-lexicon');
                const found = await pagefind.search(query, parts.length > 1 ? {filters: {not: {[lexicon]: '1'}}} : {});
                await Promise.all(found.results.slice(0, 5).map(r => r.data()));
                return found.results.length;
            }""", query)
            page.wait_for_timeout(300)
            browser.close()
    finally:
        server.shutdown()
    return sum(fetched.values()) / 1024, results, f"Pagefind, {len(fetched)} files"


# --- one size ----------------------------------------------------------------------------------

def run_size(n: int, args, work: Path, leftovers: list[Path]) -> dict:
    """Measure size `n`; the folders to delete once every size is measured go to `leftovers`."""
    root = work / f"register-{n}"
    floor = work / f"floor-{n}"
    shutil.rmtree(root, ignore_errors=True)
    t = time.perf_counter()
    stats = synthetic.generate(root, n, seed=args.seed)
    commits = args.commits if args.commits is not None else max(2, n // 5)
    if commits:
        stats.commits = synthetic.git_history(root, commits, seed=args.seed)
    print(f"[{n}] wrote the register in {time.perf_counter() - t:.1f} s: {stats.line()}", flush=True)
    write_floor(root, floor)

    _, core_peak, out = measure([PYTHON, str(Path(__file__).resolve()), "--core", str(root), "--as-of", args.as_of])
    c = json.loads(out.strip().splitlines()[-1])
    tm = c["times"]
    core_s = tm["load"] + tm["render"]
    print(f"[{n}] core: load {tm['load']:.2f} s, render {tm['render']:.2f} s ({c['pages']} pages); beside it: "
          f"git {tm['git']:.2f} s, open data {tm['export']:.2f} s, search data {tm['search']:.2f} s; "
          f"peak {core_peak:.0f} MB", flush=True)

    site = root / "site"
    floor_site = floor / "site"
    build_cmd = [PYTHON, "-m", "generator.faces.cli", "--root", str(root), "build", "--as-of", args.as_of,
                 "--site-dir", str(site), *args.fast_build_args]
    floor_cmd = [PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(floor / "mkdocs.yml"), "-d", str(floor_site)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    build_env = dict(env, **args.fast_build_env)
    builds, floors, floor_pfs = [], [], []
    # Each repetition builds into new folders; the sites of the one before are set aside and
    # deleted after every size's timings. Replacing a site, a build deletes the old one (54,600
    # files at 10,000 documents, the floor's 10,000), and on this machine's disk creating files
    # for minutes after many were deleted, in any folder, was up to twenty times slower
    # (benchmarks/PERFORMANCE.md).
    set_aside = work / f".set-aside-{n}"
    for k in range(args.repeat):   # interleaved, so that both see the same machine
        for built in (site, floor_site) if k else ():
            if built.exists():
                set_aside.mkdir(exist_ok=True)
                built.rename(set_aside / f"{built.parent.name}-{k}")
        builds.append(measure(build_cmd, env=build_env))
        print(f"[{n}] register build: {builds[-1][0]:.1f} s, peak {builds[-1][1]:.0f} MB", flush=True)
        floors.append(measure(floor_cmd, env=env))
        print(f"[{n}] floor, MkDocs + Material: {floors[-1][0]:.1f} s, peak {floors[-1][1]:.0f} MB", flush=True)
        # its index is set aside with the sites, not deleted between timings (see above)
        set_aside.mkdir(exist_ok=True)
        floor_pfs.append(floor_pagefind(floor_site, set_aside / f"floor-pagefind-{k}", remove=False))
        print(f"[{n}] floor, Pagefind on its pages: {floor_pfs[-1][0]:.1f} s, peak {floor_pfs[-1][1]:.0f} MB",
              flush=True)
    build_s, build_peak = min(b[0] for b in builds), max(b[1] for b in builds)
    # the floor: MkDocs + Material + Pagefind on the same pages, the fastest repetition of the two
    floor_k = min(range(len(floors)), key=lambda k: floors[k][0] + floor_pfs[k][0])
    floor_mkdocs_s, floor_pf_s = floors[floor_k][0], floor_pfs[floor_k][0]
    floor_s = floor_mkdocs_s + floor_pf_s
    floor_peak = max(f[1] for f in floors)
    floor_pf_peak = max(f[1] for f in floor_pfs)
    # Pagefind's share: the built pages' search blocks fed to Pagefind again on their own, as
    # the build feeds them (its time and peak memory are inside the build's figures: a Rust
    # process the build waits for)
    pagefind_s, pagefind_peak, _ = measure([PYTHON, str(Path(__file__).resolve()), "--pagefind", str(site)],
                                           env=env)
    print(f"[{n}] Pagefind alone: {pagefind_s:.1f} s, peak {pagefind_peak:.0f} MB", flush=True)
    site_bytes, site_files = dir_size(site)
    floor_bytes, floor_files = dir_size(floor_site)
    pages = sum(1 for _ in site.rglob("index.html"))
    index_bytes = dir_size(site / "pagefind")[0] if (site / "pagefind").is_dir() else None
    q_kb, q_results, q_how = (None, None, "skipped") if args.no_browser else query_bytes(site)
    row = {
        "docs": n, "pages": pages, "tasks": c["tasks"], "cited": c["cited"],
        "load_ms": tm["load"] / n * 1000, "render_ms": tm["render"] / n * 1000,
        "core_ms": core_s / n * 1000, "git_s": tm["git"], "export_s": tm["export"],
        "core_peak": core_peak, "build_s": build_s, "floor_mkdocs_s": floor_mkdocs_s,
        "ratio": build_s / floor_mkdocs_s, "floor_pf_s": floor_pf_s, "floor_s": floor_s,
        "ratio_pf": build_s / floor_s, "ratio_pf_target": ratio_pf_target(args.fast_build_setting),
        "core_target_ms": core_target_ms(n, c["tasks"]),
        "peak_mb": build_peak, "floor_peak": floor_peak, "floor_pf_peak": floor_pf_peak,
        "pagefind_s": pagefind_s, "pagefind_peak": pagefind_peak,
        "page_ms": build_s / pages * 1000, "floor_page_ms": floor_mkdocs_s / n * 1000,
        "site_kb_doc": site_bytes / n / 1024, "site_mb": site_bytes / 2**20, "site_files": site_files,
        "floor_kb_doc": floor_bytes / n / 1024, "floor_mb": floor_bytes / 2**20,
        "index_mb": index_bytes / 2**20 if index_bytes is not None else None,
        "query_kb": q_kb, "query_results": q_results, "query_how": q_how,
    }
    print(f"[{n}] site {row['site_mb']:.0f} MB in {site_files} files ({pages} pages); floor {row['floor_mb']:.0f} MB; "
          f"search: {q_how}, {q_kb if q_kb is None else round(q_kb)} KB for {QUERY!r} "
          f"({q_results} results)", flush=True)
    leftovers.append(set_aside)
    if not args.keep:
        leftovers += [site, floor_site]
    return row


def fmt(value, digits=1) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def core_target_ms(docs: int, tasks: int) -> float:
    """The core's target for a register (issue 31): 1 ms a document and 0.2 ms a task, in ms a
    document (5.8 tasks a document: 2.16 ms)."""
    return TARGETS["core_ms_per_doc"] + TARGETS["core_ms_per_task"] * tasks / docs


def ratio_pf_target(setting: str) -> float:
    """The target against the floor for the setting measured: off, or the speed-ups on (on,
    auto, or the build's default)."""
    return TARGETS["ratio_pf"]["off" if setting == "off" else "on"]


def table(rows: list[dict]) -> str:
    lines = [
        ("documents", lambda r: f"{r['docs']:,}"),
        ("tasks (per document)", lambda r: f"{r['tasks']:,} ({r['tasks'] / r['docs']:.1f})"),
        ("generated pages built (tasks, cited-only)", lambda r: f"{r['pages']:,} ({r['tasks']:,}, {r['cited']:,})"),
        ("core ms/doc: read+check+derive", lambda r: fmt(r["load_ms"], 2)),
        ("core ms/doc: render", lambda r: fmt(r["render_ms"], 2)),
        ("core ms/doc (target ≤ 1 + 0.2 a task)", lambda r: f"{fmt(r['core_ms'], 2)} (≤ {fmt(r['core_target_ms'], 2)})"),
        ("beside the core: git read s / open data s", lambda r: f"{fmt(r['git_s'], 2)} / {fmt(r['export_s'], 2)}"),
        ("register build s", lambda r: fmt(r["build_s"])),
        ("floor: MkDocs+Material, plain pages s", lambda r: fmt(r["floor_mkdocs_s"])),
        ("floor: Pagefind on its pages s", lambda r: fmt(r["floor_pf_s"])),
        ("floor: MkDocs+Material+Pagefind s", lambda r: fmt(r["floor_s"])),
        ("ratio to the floor, ratio_pf (target)", lambda r: f"{fmt(r['ratio_pf'], 2)} (≤ {r['ratio_pf_target']})"),
        ("ratio to MkDocs+Material alone (target ≤ 1.5)", lambda r: fmt(r["ratio"], 2)),
        ("ms per page built: register / floor", lambda r: f"{fmt(r['page_ms'])} / {fmt(r['floor_page_ms'])}"),
        ("of the build: Pagefind alone s (its blocks fed again)", lambda r: fmt(r["pagefind_s"])),
        ("peak MB: build / floor / core (target ≤ 2048)", lambda r: f"{fmt(r['peak_mb'], 0)} / {fmt(r['floor_peak'], 0)} / "
                                                                   f"{fmt(r['core_peak'], 0)}"),
        ("peak MB: Pagefind alone / on the floor", lambda r: f"{fmt(r['pagefind_peak'], 0)} / {fmt(r['floor_pf_peak'], 0)}"),
        ("site KB per document (floor)", lambda r: f"{fmt(r['site_kb_doc'])} ({fmt(r['floor_kb_doc'])})"),
        ("search index MB", lambda r: fmt(r["index_mb"])),
        (f"KB fetched for {QUERY!r}", lambda r: fmt(r["query_kb"])),
    ]
    width = max(len(name) for name, _ in lines)
    cols = [[get(r) for r in rows] for _, get in lines]
    colw = [max(len(c[i]) for c in cols) for i in range(len(rows))]
    out = []
    for (name, _), values in zip(lines, cols):
        out.append(f"| {name:<{width}} | " + " | ".join(f"{v:>{w}}" for v, w in zip(values, colw)) + " |")
    out.insert(1, "|" + "-" * (width + 2) + "|" + "|".join("-" * (w + 1) + ":" for w in colw) + "|")
    return "\n".join(out)


def targets(rows: list[dict], scaling: float | None) -> list[str]:
    """Each target (issue 31) for each size measured: its value, and whether it is met."""
    out = []

    def line(n, what, value, target, digits=2):
        mark = "met" if value <= target else "MISSED"
        out.append(f"[{n}] {what}: {value:,.{digits}f} (target ≤ {target:,.{digits}f}) {mark}")

    for r in rows:
        n = r["docs"]
        line(n, "ratio_pf, build ÷ (MkDocs + Material + Pagefind)", r["ratio_pf"], r["ratio_pf_target"])
        line(n, f"core ms/doc, 1 + 0.2 × {r['tasks'] / n:.1f} tasks", r["core_ms"], r["core_target_ms"])
        line(n, "peak MB of the build", r["peak_mb"], TARGETS["peak_mb"], 0)
        line(n, "ratio to MkDocs + Material alone", r["ratio"], TARGETS["overhead_ratio"])
    if scaling is not None:
        line("1k→10k", "build time scaling", scaling, TARGETS["scaling_1k_10k"])
    return out


def fast_build(value: str | None) -> tuple[list[str], dict[str, str], str]:
    """(the build's extra arguments, its extra environment, the setting measured) for
    `--fast-build VALUE`: `register build --fast-build VALUE`, the plugin's fast_build."""
    if value is None:
        return [], {}, "default"
    return ["--fast-build", value], {}, value


def parse_sizes(values: list[str]) -> list[int]:
    """`--sizes 100 200` or `--sizes 100,200`: positive document counts, sorted."""
    sizes = sorted({int(v) for value in values for v in value.split(",") if v.strip()})
    if not sizes or sizes[0] < 1:
        raise SystemExit("run.py: --sizes takes positive document counts")
    return sizes


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", nargs="+", default=["1000,10000"],
                   help="document counts, space- or comma-separated (e.g. --sizes 100 200)")
    p.add_argument("--seed", type=int, default=8)
    p.add_argument("--commits", type=int, default=None, help="git history commits (default N/5; 0: no git)")
    p.add_argument("--repeat", type=int, default=1, help="builds per size (the fastest counts)")
    p.add_argument("--as-of", default=synthetic.AS_OF)
    p.add_argument("--fast-build", choices=FAST_BUILD, default=None,
                   help="the build's speed-ups (the plugin's fast_build); default: the build's own default")
    p.add_argument("--work", type=Path, help="folder for the registers and sites (default: a temporary one)")
    p.add_argument("--keep", action="store_true", help="keep the built sites")
    p.add_argument("--no-browser", action="store_true", help="do not measure the query in Chromium")
    p.add_argument("--core", type=Path, help=argparse.SUPPRESS)   # child: time the core on this register
    p.add_argument("--pagefind", type=Path, help=argparse.SUPPRESS)  # child: Pagefind on this site's blocks
    args = p.parse_args(argv)
    if args.pagefind:
        pagefind_alone(args.pagefind)
        return 0
    if args.core:
        print(json.dumps(core(args.core, args.as_of)))
        return 0
    sizes = parse_sizes(args.sizes)
    args.fast_build_args, args.fast_build_env, args.fast_build_setting = fast_build(args.fast_build)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    rows, leftovers = [], []
    try:
        for n in sizes:
            rows.append(run_size(n, args, work, leftovers))
    finally:
        for folder in leftovers:
            shutil.rmtree(folder, ignore_errors=True)
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(table(rows))
    by_n = {r["docs"]: r for r in rows}
    scaling = (by_n[10000]["build_s"] / by_n[1000]["build_s"] if 1000 in by_n and 10000 in by_n else None)
    print()
    print("\n".join(targets(rows, scaling)))
    last = rows[-1]
    print(f"docs={last['docs']} core_ms_per_doc={last['core_ms']:.3f} build_s={last['build_s']:.1f} "
          f"floor_s={last['floor_s']:.1f} overhead_ratio={last['ratio']:.2f} peak_mb={last['peak_mb']:.0f} "
          f"scaling_1k_10k={'na' if scaling is None else f'{scaling:.2f}'} tasks={last['tasks']} "
          f"ratio_pf={last['ratio_pf']:.2f} fast_build={args.fast_build_setting}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
