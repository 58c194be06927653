"""Benchmark (not a test): the one-pass history read on a synthetic register.

Makes a git repository with 10,000 record files and 2,000 commits (plain commits, pull-request
branches merged with "Merge pull request #N", renames) through ONE `git fast-import` stream in
a temporary folder, then times `read_history` over it and a `for_path` lookup of every file.
The target is under 5 s for the read.

    .venv/bin/python benchmarks/bench_history.py [--files 10000] [--commits 2000] [--keep]
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.core.read.provenance import read_history

AUTHORS = [("Nguyễn Văn An", "an@example.org"), ("Trần Thị Bình", "binh@example.org"),
           ("Lê Văn Cường", "cuong@example.org"), ("Phạm Thị Dung", "dung@example.org")]
START = 1_546_300_800  # 2019-01-01T00:00:00Z


def _data(text: str) -> bytes:
    raw = text.encode("utf-8")
    return b"data %d\n" % len(raw) + raw + b"\n"


def _record(path: str, revision: int) -> str:
    return (f"---\nnumber: {Path(path).stem}\ntype: thong-bao\ntitle: Bản ghi tổng hợp {path}\n"
            f"issuer: bo-a\nissued: 2020-01-01\nrevision: {revision}\n---\nNội dung {revision}.\n")


def fast_import_stream(n_files: int, n_commits: int, seed: int = 4) -> tuple[bytes, int, int]:
    """The whole history as one fast-import stream: the first third of the commits add records
    (in batches, until there are n_files), and all edit and sometimes rename them; every tenth
    commit is a pull request merged into main (a branch commit plus its merge commit)."""
    rng = random.Random(seed)
    out: list[bytes] = []
    live: list[str] = []
    revision: dict[str, int] = {}
    next_file = 0
    per_add = -(-n_files // max(1, n_commits // 3))  # the first third of the commits add records
    main_tip: int | None = None
    made = 0
    pr = 0
    mark = 0

    def changes_for(step: int) -> list[bytes]:
        nonlocal next_file
        ops: list[bytes] = []
        edit = rng.randint(2, 8)
        if next_file < n_files:
            edit = rng.randint(0, 2)
            for _ in range(min(per_add, n_files - next_file)):
                path = f"decisions/{2000 + next_file % 25}/{next_file}-tb-vpcp.md"
                next_file += 1
                live.append(path)
                revision[path] = 0
                ops.append(f"M 100644 inline {path}\n".encode() + _data(_record(path, 0)))
        if live:
            for path in rng.sample(live, min(len(live), edit)):
                revision[path] += 1
                ops.append(f"M 100644 inline {path}\n".encode() + _data(_record(path, revision[path])))
            if live and rng.random() < 0.15:
                old = rng.choice(live)
                new = old.replace("-tb-vpcp.md", "-tb-vpcp-moi.md")
                if new not in revision:
                    live[live.index(old)] = new
                    revision[new] = revision.pop(old)
                    ops.append(f"R {old} {new}\n".encode())
        return ops

    def commit(ref: str, ops: list[bytes], message: str, parents: list[int]) -> int:
        nonlocal mark, made
        mark += 1
        made += 1
        name, email = AUTHORS[made % len(AUTHORS)]
        when = START + made * 3600
        out.append(f"commit {ref}\nmark :{mark}\n".encode())
        out.append(f"author {name} <{email}> {when} +0700\n".encode())
        out.append(f"committer {name} <{email}> {when} +0700\n".encode())
        out.append(_data(message))
        if parents:
            out.append(f"from :{parents[0]}\n".encode())
        for parent in parents[1:]:
            out.append(f"merge :{parent}\n".encode())
        out.extend(ops)
        out.append(b"\n")
        return mark

    step = 0
    while made < n_commits:
        step += 1
        if main_tip is not None and made + 2 <= n_commits and step % 10 == 0:
            pr += 1
            ops = changes_for(step)
            branch = commit("refs/heads/pr", ops, f"Sửa bản ghi (PR {pr})", [main_tip])
            # the merge's tree is main's plus the branch's changes: apply them again
            main_tip = commit("refs/heads/main", ops, f"Merge pull request #{pr} from editor/pr-{pr}",
                              [main_tip, branch])
        else:
            ops = changes_for(step)
            subject = f"Thêm và sửa bản ghi, bước {step}" + (f" (#{1000 + step})" if step % 7 == 0 else "")
            main_tip = commit("refs/heads/main", ops, subject, [main_tip] if main_tip else [])
    return b"".join(out), len(live), made


def make_repo(folder: Path, n_files: int, n_commits: int) -> tuple[int, int]:
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    stream, files, commits = fast_import_stream(n_files, n_commits)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=folder, input=stream, check=True)
    subprocess.run(["git", "branch", "-q", "-D", "pr"], cwd=folder, check=True)
    # no checkout: the history is read from the object store, and 10,000 files take a while to write
    return files, commits


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--files", type=int, default=10_000)
    p.add_argument("--commits", type=int, default=2_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--keep", action="store_true", help="keep the temporary repository")
    args = p.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="bench-history-"))
    try:
        t0 = time.perf_counter()
        files, commits = make_repo(folder, args.files, args.commits)
        made = time.perf_counter() - t0
        count = int(subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=folder, check=True,
                                   capture_output=True, text=True).stdout)
        paths = subprocess.run(["git", "ls-tree", "-r", "--name-only", "HEAD"], cwd=folder, check=True,
                               capture_output=True, text=True).stdout.splitlines()
        tracked = len(paths)
        print(f"synthetic history: {tracked} files, {count} commits "
              f"({commits} written by fast-import in {made:.2f} s) in {folder}")

        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            history = read_history(folder)
            times.append(time.perf_counter() - t0)
        assert history.status == "ok", history.reason
        t0 = time.perf_counter()
        found = sum(1 for path in paths if history.for_path(path) is not None)
        lookups = time.perf_counter() - t0
        t0 = time.perf_counter()
        recent = history.recent(50)
        recent_t = time.perf_counter() - t0

        best, median = min(times), statistics.median(times)
        print(f"read_history (one git log pass + parse): best {best:.2f} s, median {median:.2f} s "
              f"over {args.runs} runs; {len(history.commits)} commits read")
        print(f"for_path for all {len(paths)} files: {lookups:.2f} s ({found} with a history)")
        print(f"recent(50): {recent_t * 1000:.1f} ms")
        verdict = "OK" if median < 5 else "TOO SLOW"
        print(f"target: read_history under 5 s -> {verdict}")
        return 0 if median < 5 else 1
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
