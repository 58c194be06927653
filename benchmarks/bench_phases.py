"""Where a `register build`'s time goes: its phases, and what Pagefind costs within them.

    .venv/bin/python benchmarks/bench_phases.py --docs 10000 --work /var/tmp/phases
    .venv/bin/python benchmarks/bench_phases.py --register DIR --pagefind

The build keeps both cores busy (the core's process, a child making the open data, Pagefind), so `benchmarks/run.py`'s one figure does not say which part sets the
wall time. This runs one build in a child process, notes the time and the CPU of the build's
process and of Pagefind at each MkDocs event the register's plugin handles, and prints:

- load + render (on_config), files (on_files: the staged pages, waiting for the open data),
  conversion (on_nav to on_env: MkDocs takes every page, HTML already, while Pagefind indexes it),
  templates (on_env to on_post_build: MkDocs renders and writes the pages while Pagefind writes
  its index), and the tail (the build waiting for Pagefind to finish writing);
- with `--pagefind`, Pagefind alone on the built site's search blocks, indexing and then
  writing, free to use every core and then held to one (the affinity its process starts with).

A script that prints numbers, not a test. The machines are shared: compare within one run.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic  # noqa: E402
from run import search_blocks  # noqa: E402

EVENTS = ("on_config", "on_files", "on_nav", "on_env", "on_post_build")
PHASES = [("load + render", "on_config>", "on_config<"), ("files", "on_files>", "on_files<"),
          ("conversion", "on_nav<", "on_env>"), ("templates", "on_env<", "on_post_build>"),
          ("Pagefind tail", "on_post_build>", "index written")]


# --- one build, in this child process -----------------------------------------------------------

def build_with_marks(register: Path, site: Path, as_of: str) -> dict:
    """Build the register at `register` into `site`, noting (seconds, CPU of this process,
    CPU of Pagefind) as each plugin event starts (">") and ends ("<")."""
    from generator.faces import cli, plugin
    from generator.publish import pagefind_service

    start = time.perf_counter()
    marks: dict[str, tuple[float, float, float]] = {}
    service: list = []

    def pagefind_cpu() -> float:
        if not service:
            return 0.0
        try:
            fields = Path(f"/proc/{service[0]._process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def mark(name: str) -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        marks[name] = (time.perf_counter() - start, usage.ru_utime + usage.ru_stime, pagefind_cpu())

    def marked(name: str, method):
        def run(self, *args, **kwargs):
            mark(name + ">")
            try:
                return method(self, *args, **kwargs)
            finally:
                mark(name + "<")
        return run

    for name in EVENTS:
        setattr(plugin.RegisterPlugin, name, marked(name, getattr(plugin.RegisterPlugin, name)))
    started = pagefind_service.PagefindService.__init__

    def init(self, *args, **kwargs):
        started(self, *args, **kwargs)
        service[:] = [self]
    pagefind_service.PagefindService.__init__ = init
    closing = pagefind_service.PagefindService.close

    def close(self) -> None:
        if "index written" not in marks:
            mark("index written")  # its last CPU figure, before the process ends
        closing(self)
    pagefind_service.PagefindService.close = close
    os.chdir(register)  # as an editor runs it, from the register's folder
    code = cli.main(["build", "--as-of", as_of, "--site-dir", str(site)])
    mark("end")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"code": code, "marks": marks, "children_cpu": children.ru_utime + children.ru_stime}


# --- Pagefind alone, in this child process ------------------------------------------------------

def pagefind_phases(site: Path, one_core: bool) -> dict:
    """Pagefind indexing the built site's blocks, then writing the index, as the build does;
    `one_core`: its process started held to one core."""
    from generator.publish.pagefind_service import PagefindService, parts_for

    blocks = search_blocks(site)
    if one_core:
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})  # Pagefind inherits it
    service = PagefindService("vi", parts_for(len(blocks)))

    def cpu() -> tuple[float, float]:
        fields = Path(f"/proc/{service._process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        tick = os.sysconf("SC_CLK_TCK")
        return int(fields[11]) / tick, int(fields[12]) / tick

    out = Path(tempfile.mkdtemp(prefix="pagefind-phases-", dir=site.parent))
    try:
        t0 = time.perf_counter()
        for url, block in blocks:
            service.add(url, block)
        service.start_writing(out)  # once every page is indexed
        t1, c1 = time.perf_counter(), cpu()
        service._writing.join()
        t2, c2 = time.perf_counter(), cpu()
        service.finish(out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return {"pages": len(blocks), "index": (t1 - t0, *c1), "write": (t2 - t1, c2[0] - c1[0], c2[1] - c1[1])}


# --- the report ---------------------------------------------------------------------------------

def child(*args: str) -> dict:
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], stdout=subprocess.PIPE,
                          check=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def phases_table(result: dict) -> str:
    marks = result["marks"]
    lines = ["| phase | from (s) | wall (s) | build's process CPU (s) | Pagefind CPU (s) |", "|---|--:|--:|--:|--:|"]
    for name, first, last in PHASES:
        (t0, c0, p0), (t1, c1, p1) = marks[first], marks[last]
        lines.append(f"| {name} | {t0:.1f} | {t1 - t0:.1f} | {c1 - c0:.1f} | {p1 - p0:.1f} |")
    end = marks["end"]
    lines.append(f"| whole build | 0.0 | {end[0]:.1f} | {end[1]:.1f} | "
                 f"{marks['index written'][2]:.1f} |")
    lines.append(f"\nCPU of every child process (Pagefind, the open data, git): "
                 f"{result['children_cpu']:.1f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=10000, help="documents of the synthetic register")
    p.add_argument("--register", type=Path, help="build this register instead of a synthetic one")
    p.add_argument("--work", type=Path, help="folder for the register and sites (default: a temporary one)")
    p.add_argument("--seed", type=int, default=8)
    p.add_argument("--as-of", default=synthetic.AS_OF)
    p.add_argument("--pagefind", action="store_true", help="also Pagefind alone on the built site, free and on one core")
    p.add_argument("--build", nargs=2, type=Path, help=argparse.SUPPRESS)       # child: REGISTER SITE
    p.add_argument("--pagefind-site", type=Path, help=argparse.SUPPRESS)        # child
    p.add_argument("--one-core", action="store_true", help=argparse.SUPPRESS)   # child
    args = p.parse_args(argv)
    if args.build:
        print(json.dumps(build_with_marks(*args.build, args.as_of)))
        return 0
    if args.pagefind_site:
        print(json.dumps(pagefind_phases(args.pagefind_site, args.one_core)))
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-phases-"))
    work.mkdir(parents=True, exist_ok=True)
    site = None
    try:
        register = args.register
        if register is None:
            register = work / f"register-{args.docs}"
            if not (register / "mkdocs.yml").is_file():
                synthetic.generate(register, args.docs, seed=args.seed)
                synthetic.git_history(register, max(2, args.docs // 5), seed=args.seed)
        site = Path(tempfile.mkdtemp(prefix="site-", dir=work))  # a new folder: see benchmarks/PERFORMANCE.md
        result = child("--build", str(register.resolve()), str(site / "site"), "--as-of", args.as_of)
        if result["code"] != 0:
            raise SystemExit("the build failed")
        print(f"`register build` of {register}\n")
        print(phases_table(result))
        if args.pagefind and hasattr(os, "sched_setaffinity"):
            print("\n| Pagefind alone | pages | index: wall / user / system (s) | write: wall / user / system (s) |")
            print("|---|--:|--:|--:|")
            for label, extra in (("every core", []), ("one core", ["--one-core"])):
                r = child("--pagefind-site", str(site / "site"), *extra)
                print(f"| {label} | {r['pages']} | " + " | ".join(" / ".join(f"{x:.1f}" for x in r[k])
                                                               for k in ("index", "write")) + " |")
    finally:
        if site is not None:
            shutil.rmtree(site, ignore_errors=True)
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
