"""What a build, an export and a preview write: never through a symbolic link, never deleting
outside the output folder, and a whole site in `site/` at every instant — a build killed at any
moment (SIGKILL) leaves the old site or the new one, never none or half of one; SIGTERM stops it
cleanly; the folders a killed build leaves are ignored by git and deleted by the next build."""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_register
from generator.faces.preview import OpenDataWriter
from generator.publish import site_output

AS_OF = "2026-11-22"


def _snapshot(folder: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        out[rel] = (b"->" + os.readlink(path).encode() if path.is_symlink()
                    else path.read_bytes() if path.is_file() else b"<folder>")
    return out


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder of the build machine that looks like a site: a hostile link points here."""
    folder = tmp_path / "home-cua-nguoi-khac"
    folder.mkdir()
    (folder / "index.html").write_text("<p>trang của người khác</p>", encoding="utf-8")
    (folder / "du-lieu-quy.txt").write_text("không được xoá", encoding="utf-8")
    (folder / "con").mkdir()
    (folder / "con/tep.txt").write_text("cũng không", encoding="utf-8")
    return folder


def _leftovers(*folders: Path) -> list[str]:
    return sorted(p.name for folder in folders for p in folder.iterdir()
                  if p.name.startswith((".site", ".cong", ".trang")))


def test_a_committed_site_link_is_refused_and_what_it_points_at_is_untouched(register_copy, elsewhere, capsys):
    before = _snapshot(elsewhere)
    (register_copy / "site").symlink_to(elsewhere, target_is_directory=True)
    code, _, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", AS_OF)
    assert code == 1
    assert f"{register_copy / 'site'} is a symbolic link" in err, err
    assert _snapshot(elsewhere) == before
    assert os.readlink(register_copy / "site") == str(elsewhere)
    assert _leftovers(register_copy, elsewhere.parent) == []


def test_a_link_above_the_output_folder_inside_the_register_is_refused(register_copy, elsewhere, capsys):
    before = _snapshot(elsewhere)
    (register_copy / "cong-khai").symlink_to(elsewhere, target_is_directory=True)
    code, _, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", AS_OF,
                                "--site-dir", "cong-khai/trang")
    assert code == 1 and f"{register_copy / 'cong-khai'} is a symbolic link" in err, err
    assert _snapshot(elsewhere) == before
    assert not (elsewhere / "trang").exists()


def test_an_output_folder_outside_the_register_that_is_a_link_is_refused(register_copy, elsewhere, tmp_path, capsys):
    before = _snapshot(elsewhere)
    link = tmp_path / "xuat-ban"
    link.symlink_to(elsewhere, target_is_directory=True)
    code, _, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", AS_OF,
                                "--site-dir", str(link))
    assert code == 1 and f"{link} is a symbolic link" in err
    assert _snapshot(elsewhere) == before


def test_export_never_writes_through_a_link(register_copy, elsewhere, tmp_path, capsys, monkeypatch):
    before = _snapshot(elsewhere)
    monkeypatch.chdir(register_copy)
    (register_copy / "export").symlink_to(elsewhere, target_is_directory=True)
    code, _, err = run_register(capsys, "export", "--format", "all")
    assert code == 1 and "is a symbolic link" in err
    assert _snapshot(elsewhere) == before
    # a file of an earlier export that someone replaced with a link: replaced, not written through
    out = tmp_path / "du-lieu"
    (out / "csv").mkdir(parents=True)
    (out / "register.json").symlink_to(elsewhere / "du-lieu-quy.txt")
    (out / "csv/documents.csv").symlink_to(elsewhere / "con/tep.txt")
    code, _, err = run_register(capsys, "--root", str(register_copy), "export", "--format", "all",
                                "--out", str(out))
    assert code == 0, err
    assert _snapshot(elsewhere) == before
    assert not (out / "register.json").is_symlink() and b'"documents"' in (out / "register.json").read_bytes()
    assert (out / "csv/documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    # and a link to a folder inside the output: refused, nothing written there
    shutil.rmtree(out / "csv")
    (out / "csv").symlink_to(elsewhere / "con", target_is_directory=True)
    code, _, err = run_register(capsys, "--root", str(register_copy), "export", "--format", "csv",
                                "--out", str(out))
    assert code == 1 and "csv: is a symbolic link" in err, err
    assert _snapshot(elsewhere) == before


def test_the_preview_writes_its_open_data_without_following_a_link(tmp_path, elsewhere):
    before = _snapshot(elsewhere)
    site = tmp_path / "mkdocs_preview"
    site.mkdir()
    (site / "van-ban").symlink_to(elsewhere, target_is_directory=True)
    (site / "register.json").symlink_to(elsewhere / "du-lieu-quy.txt")
    writer = OpenDataWriter()
    writer.start([("register.json", lambda: b"{}\n"), ("van-ban/2020/139-tb-vpcp.json", lambda: b"{}\n")], site)
    writer.wait()
    assert writer.error is not None and "van-ban: is a symbolic link" in str(writer.error)
    assert (site / "register.json").read_bytes() == b"{}\n" and not (site / "register.json").is_symlink()
    assert _snapshot(elsewhere) == before


def test_register_new_does_not_write_through_a_linked_year_folder(register_copy, elsewhere, capsys):
    before = _snapshot(elsewhere)
    (register_copy / "decisions/2023").symlink_to(elsewhere, target_is_directory=True)
    code, _, err = run_register(capsys, "--root", str(register_copy), "new", "--number", "12/TB-VPCP",
                                "--type", "thong-bao", "--issuer", "vpcp", "--date", "2023-01-10",
                                "--title", "Kết luận của Thủ tướng")
    assert code != 0 and "decisions/2023: is a symbolic link" in err, err
    assert _snapshot(elsewhere) == before


# --- the swap: a whole site at every instant ------------------------------------------------

def _site(folder: Path, marker: str, pages: int = 30) -> None:
    folder.mkdir()
    (folder / "index.html").write_text(marker, encoding="utf-8")
    for n in range(pages):
        (folder / f"trang-{n}").mkdir()
        (folder / f"trang-{n}/index.html").write_text(f"{marker} {n}", encoding="utf-8")


def _whole(site: Path) -> str:
    """'old' or 'new' when `site` holds the whole of one of them, else what it holds."""
    if not site.is_dir() or site.is_symlink():
        return "no site"
    files = {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*") if p.is_file()}
    for which in ("old", "new"):
        if files == {"index.html": which, **{f"trang-{n}/index.html": f"{which} {n}" for n in range(30)}}:
            return which
    return f"a mix: {sorted(files)[:5]}…"


def _dead_pid() -> int:
    """The pid of a process that is over."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def _die_after(steps: int) -> None:
    """In a child: let `steps` changes to the file system happen, then die as SIGKILL would."""
    count = [0]

    def counted(real):
        def call(*args, **kwargs):
            if count[0] == steps:
                os._exit(9)
            count[0] += 1
            return real(*args, **kwargs)
        return call

    for name in ("rename", "replace", "rmdir", "unlink", "mkdir", "chmod"):
        setattr(os, name, counted(getattr(os, name)))
    site_output._exchange = counted(site_output._exchange)


@pytest.mark.parametrize("exchange", [True, False], ids=["exchanged", "two renames (fallback)"])
def test_a_swap_killed_after_any_step_leaves_a_whole_site(tmp_path, exchange):
    """The swap is run in a child that dies after its first, second, … change to the disk
    until one runs to its end; after each, `site/` holds the whole old site or the whole new
    one — at once where the system exchanges folders, once the next build's clean-up ran where
    it cannot."""
    steps, finished = 0, False
    seen = set()
    while not finished:
        work = tmp_path / f"run-{steps}"
        work.mkdir()
        site = work / "site"
        _site(site, "old")
        built = work / f".site-build-{_dead_pid()}-k4m9x2qa"  # as the killed build named it
        _site(built, "new")
        pid = os.fork()
        if pid == 0:  # the child: nothing but the swap, then out
            try:
                if not exchange:
                    site_output._exchange = lambda a, b: False
                _die_after(steps)
                site_output.swap_in(built, site)
            finally:
                os._exit(0)
        _, status = os.waitpid(pid, 0)
        finished = os.waitstatus_to_exitcode(status) == 0
        if exchange:
            assert _whole(site) in ("old", "new"), f"killed after {steps} step(s): {_whole(site)}"
        site_output.clean_leftovers(site)  # what the next build does first
        state = _whole(site)
        assert state in ("old", "new"), f"killed after {steps} step(s), then cleaned: {state}"
        seen.add(state)
        assert [p.name for p in work.iterdir()] == ["site"], f"after {steps} step(s)"
        steps += 1
        assert steps < 200
    assert seen == {"old", "new"} and state == "new"


def test_leftovers_of_killed_builds_are_deleted_and_nothing_else(register_copy, elsewhere, capsys):
    dead_pid = _dead_pid()
    dead = register_copy / f".site-build-{dead_pid}-q7x2k9ab"
    _site(dead, "old")
    (dead / "lien-ket").symlink_to(elsewhere, target_is_directory=True)  # rmtree must not follow it
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        running = register_copy / f".site-build-{alive.pid}-a1b2c3d4"  # a build running beside
        running.mkdir()
        link = register_copy / f".site-build-{dead_pid}-zz99yy88"  # a link posing as a leftover
        link.symlink_to(elsewhere, target_is_directory=True)
        lookalike = register_copy / ".site-build-notes"  # not a name a build gives
        lookalike.mkdir()
        before = _snapshot(elsewhere)
        code, _, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", AS_OF)
        assert code == 0, err
        assert not dead.exists()
        assert running.is_dir() and lookalike.is_dir() and link.is_symlink()
        assert _snapshot(elsewhere) == before
    finally:
        alive.kill()
        alive.wait()


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)


def _files(site: Path) -> frozenset[str]:
    return frozenset(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())


@pytest.mark.timeout(600)
def test_a_build_killed_at_random_moments_always_leaves_a_whole_site(register_copy):
    """`register build` in its own process group, killed (SIGKILL, children too) at moments
    spread over a build's length and around its end, where the swap happens; after each,
    site/ is the last whole site, old or new. Its build folders are ignored by git, and the
    next build that runs to its end deletes them."""
    shutil.copy(ROOT / ".gitignore", register_copy / ".gitignore")
    assert _git(register_copy, "init", "-q").returncode == 0
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795000000"}
    env.pop("REGISTER_AS_OF", None)
    command = [sys.executable, "-m", "generator.faces.cli", "--root", str(register_copy), "build", "--as-of", AS_OF]
    site = register_copy / "site"

    start = time.monotonic()
    first = subprocess.run(command, env=env, capture_output=True, text=True, cwd=register_copy)
    length = time.monotonic() - start
    assert first.returncode == 0, first.stderr
    whole = _files(site)
    assert "index.html" in whole and "register.json" in whole
    (site / "cu.txt").write_text("the old site", encoding="utf-8")  # tells the old from the new

    rng = random.Random(20261206)
    moments = [rng.uniform(0.05, 0.9) for _ in range(4)] + [rng.uniform(0.9, 1.15) for _ in range(6)]
    outcomes = []
    for fraction in moments:
        build = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 cwd=register_copy, start_new_session=True)
        time.sleep(length * fraction)
        try:
            os.killpg(build.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        build.wait()
        files = _files(site)
        assert files in (whole, whole | {"cu.txt"}), (
            f"killed at {fraction:.2f} of a build: site/ holds neither whole site "
            f"({len(files)} files against {len(whole)})")
        outcomes.append("old" if "cu.txt" in files else "new")
        if "cu.txt" not in files:
            (site / "cu.txt").write_text("the old site", encoding="utf-8")
        left = _leftovers(register_copy)
        ignored = _git(register_copy, "check-ignore", *left).stdout.split() if left else []
        assert sorted(ignored) == left, f"not ignored by git: {set(left) - set(ignored)}"
    assert "old" in outcomes  # some kill fell inside a build

    last = subprocess.run(command, env=env, capture_output=True, text=True, cwd=register_copy)
    assert last.returncode == 0, last.stderr
    assert _files(site) == whole
    assert _leftovers(register_copy) == []


@pytest.mark.timeout(300)
def test_sigterm_stops_a_build_and_removes_its_folder(register_copy):
    site = register_copy / "site"
    _site(site, "old")
    env = {k: v for k, v in os.environ.items() if k != "REGISTER_AS_OF"}
    build = subprocess.Popen([sys.executable, "-m", "generator.faces.cli", "--root", str(register_copy), "build",
                              "--as-of", AS_OF], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, cwd=register_copy)
    deadline = time.monotonic() + 120
    while not list(register_copy.glob(".site-build-*/*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # until MkDocs writes into the build folder
    assert build.poll() is None, "the build ended before it could be stopped"
    build.send_signal(signal.SIGTERM)
    out, err = build.communicate(timeout=120)
    assert build.returncode == 128 + signal.SIGTERM, err
    assert "left as it was" in err and "Traceback" not in err
    assert _whole(site) == "old"
    assert _leftovers(register_copy) == []
