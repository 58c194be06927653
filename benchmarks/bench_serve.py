"""How long `register serve` takes to show an edit (a script, not a timed test).

    .venv/bin/python benchmarks/bench_serve.py --docs 10000 [--work DIR] [--edits 2]

Writes a synthetic register (benchmarks/synthetic.py), starts `register serve` on it, waits for
the first build, then edits one document's title, as an editor would, and polls that
document's page until the new title is served: the seconds from saving the file to an up-to-date
preview; then, polled together and each timed from the save, its open-data JSON, which a
preview writes after the pages, and its year's list of documents, a view over every record,
which a large register's preview shows once its helper has rendered the whole site
(generator/faces/preview_pages.py, the plugin's `preview_near_first_from`). After each, the memory of
the preview and the processes it started (its helper: generator/faces/preview_helper.py), as their
proportional set size: a page two processes share since the fork counts half in each.
Then one more edit is saved just as another's page shows, while the preview makes that one's
open data, and its page is timed the same way. Prints one line per edit and, last,
`docs=<N> first_build_s=<x> refresh_s=<x> data_s=<x> whole_s=<x> during_data_s=<x>
memory_mb=<x>` (the slowest or largest of each).
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):  # such as a page cut short as it is rewritten
        return None


class ServeError(RuntimeError):
    pass


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def tree_memory_mb(pid: int) -> float | None:
    """The proportional set size of `pid` and its descendants, in MB (Linux); None elsewhere."""
    total, pending, seen = 0, [pid], set()
    while pending:
        one = pending.pop()
        if one in seen:
            continue
        seen.add(one)
        try:
            rollup = Path(f"/proc/{one}/smaps_rollup").read_text()
        except OSError:
            if one == pid:
                return None
            continue
        total += int(re.search(r"^Pss:\s+(\d+) kB", rollup, re.M).group(1))
        pending += _children(one)
    return total / 1024


def wait_for(url: str, needle: str, deadline: float, proc: subprocess.Popen) -> float:
    """Seconds until `url` serves a page holding `needle`."""
    start = time.perf_counter()
    return wait_for_each({url: url}, needle, deadline, proc)[url] - start


def wait_for_each(urls: dict[str, str], needle: str, deadline: float, proc: subprocess.Popen) -> dict[str, float]:
    """When (time.perf_counter) each of `urls` first served a page holding `needle`, polled in turn."""
    start, seen = time.perf_counter(), {}
    while True:
        if proc.poll() is not None:
            raise ServeError(f"register serve exited ({proc.returncode}); see its log")
        for name, url in urls.items():
            if name not in seen:
                page = _get(url)
                if page is not None and needle in page:
                    seen[name] = time.perf_counter()
        if len(seen) == len(urls):
            return seen
        if time.perf_counter() - start > deadline:
            missing = ", ".join(urls[name] for name in urls if name not in seen)
            raise ServeError(f"{missing} did not show {needle!r} within {deadline:.0f} s")
        time.sleep(0.2)


@contextmanager
def serving(root: Path, log: BinaryIO, as_of: str = synthetic.AS_OF) -> Iterator[tuple[subprocess.Popen, str]]:
    """`register serve` on `root` at a free port, its messages to `log`: its process and
    address, until the block ends."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator.faces.cli", "--root", str(root), "serve",
                             "--as-of", as_of, "--dev-addr", f"127.0.0.1:{port}"],
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.DEVNULL,
                            stderr=log, start_new_session=True)
    try:
        yield proc, f"http://127.0.0.1:{port}/"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=10000)
    p.add_argument("--seed", type=int, default=8)
    p.add_argument("--edits", type=int, default=2)
    p.add_argument("--work", type=Path, help="folder for the register (default: a temporary one)")
    args = p.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-serve-"))
    root = work / f"register-{args.docs}"
    shutil.rmtree(root, ignore_errors=True)
    synthetic.generate(root, args.docs, seed=args.seed)
    records = sorted((root / "decisions").glob("*/*.md"))
    try:
        with open(work / "serve.log", "wb") as log, serving(root, log) as (proc, base):
            _edit_and_measure(args, root, records, proc, base)
    except ServeError as exc:
        raise SystemExit(str(exc)) from None
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _edit_and_measure(args: argparse.Namespace, root: Path, records: list[Path], proc: subprocess.Popen,
                      base: str) -> None:
    first = wait_for(base, "<html", 3600, proc)
    print(f"first build and serve: {first:.1f} s", flush=True)
    refreshes, data, whole, memory = [], [], [], []
    for i in range(args.edits):
        record = records[(i + 1) * len(records) // (args.edits + 1)]
        page, json_url, year_list = _addresses(base, record)
        wait_for(json_url, "schema_version", 3600, proc)  # the open data written
        time.sleep(1.5)  # the watcher's mtime resolution: an edit, not the build's own write
        marker, saved = _save(record, f"Đã sửa lần {i + 1}")
        took = wait_for(page, marker, 3600, proc)
        refreshes.append(took)
        seen = wait_for_each({"data": json_url, "whole": year_list}, marker, 3600, proc)
        data.append(seen["data"] - saved)
        whole.append(seen["whole"] - saved)
        memory.append(tree_memory_mb(proc.pid) or 0.0)
        print(f"edit {i + 1} ({record.relative_to(root)}): preview up to date after {took:.1f} s, "
              f"its open data after {data[-1]:.1f} s, its year's list after {whole[-1]:.1f} s; "
              f"memory {memory[-1]:.0f} MB", flush=True)
    # Editors save again soon. Once an edited page shows, the preview makes the open data
    # (register.json first, 4 s at 10,000 documents): a record saved right then.
    first_record, second_record = records[len(records) // 7], records[2 * len(records) // 7]
    page, json_url, _ = _addresses(base, first_record)
    wait_for(json_url, "schema_version", 3600, proc)
    time.sleep(1.5)
    marker, _ = _save(first_record, "Đã sửa trước")
    wait_for(page, marker, 3600, proc)
    marker, _ = _save(second_record, "Đã sửa ngay sau")
    during = wait_for(_addresses(base, second_record)[0], marker, 3600, proc)
    print(f"edit saved while the open data is made ({second_record.relative_to(root)}): preview up to date "
          f"after {during:.1f} s", flush=True)
    print(f"docs={args.docs} first_build_s={first:.1f} refresh_s={max(refreshes):.1f} data_s={max(data):.1f} "
          f"whole_s={max(whole):.1f} during_data_s={during:.1f} memory_mb={max(memory):.0f}")


def _addresses(base: str, record: Path) -> tuple[str, str, str]:
    """A record's page, its open-data JSON and its year's list of documents."""
    year, stem = record.parent.name, record.stem
    return f"{base}van-ban/{year}/{stem}/", f"{base}van-ban/{year}/{stem}.json", f"{base}van-ban/{year}/"


def _save(record: Path, marker: str) -> tuple[str, float]:
    """Put `marker` at the start of the record's title, as an editor would: (marker, when saved)."""
    text = re.sub(r'^title: "', f'title: "{marker} — ', record.read_text(encoding="utf-8"), count=1, flags=re.M)
    record.write_text(text, encoding="utf-8")
    return marker, time.perf_counter()


if __name__ == "__main__":
    sys.exit(main())
