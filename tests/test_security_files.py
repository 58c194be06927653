"""The build reads and writes only the repository and its site: a committed symlink, a special
file or a mkdocs.yml pointing elsewhere is refused with its path, and `site/` is replaced whole,
at one instant, whatever kills the build. Inputs written afresh for this file."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_register

AS_OF = "2026-11-22"


def outside_site(tmp_path: Path) -> Path:
    """A folder of the build machine that looks like a site: what a symlink would aim at."""
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "index.html").write_text("máy chủ của người khác\n", encoding="utf-8")
    (victim / "keep.txt").write_text("giữ nguyên\n", encoding="utf-8")
    return victim


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("link", ["site", "public/site"])
def test_a_committed_site_symlink_is_refused_and_its_target_untouched(register_copy, tmp_path, capsys, link):
    victim = outside_site(tmp_path)
    before = snapshot(victim)
    path = register_copy / link
    if link == "site":
        path.symlink_to(victim)
        args = []
    else:  # a folder on the way to the site is the link
        (register_copy / "public").symlink_to(tmp_path)
        args = ["--site-dir", "public/victim"]
    code, out, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", AS_OF, *args)
    assert code == 1 and "symbolic link" in err and "Traceback" not in err, err
    assert snapshot(victim) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


SECRET = "bí mật của máy xây dựng\n"


@pytest.mark.parametrize(("where", "make"), [
    ("content/bi-mat.md", lambda p, secret: p.symlink_to(secret)),
    ("content/anh", lambda p, secret: p.symlink_to(secret.parent, target_is_directory=True)),
    ("theme_overrides/assets/cau-hinh.txt", lambda p, secret: p.symlink_to(secret)),
    ("theme_overrides/partials/footer.html", lambda p, secret: (p.unlink() if p.exists() else None, p.symlink_to(secret))),
    ("sources/2020/them.txt", lambda p, secret: p.symlink_to(secret)),
    ("content/ong-dan", lambda p, secret: os.mkfifo(p)),
])
def test_a_link_or_special_file_among_what_the_build_reads_is_refused(register_copy, tmp_path, capsys, where, make):
    secret = tmp_path / "outside" / "passwd"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    path = register_copy / where
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path, secret)
    code, _, err = run_register(capsys, "--root", str(register_copy), "check")
    assert code == 1 and f"{where}:1: {where} is " in err, err
    site = tmp_path / "built"
    code, _, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", AS_OF, "--site-dir", str(site))
    assert code == 1 and where in err
    assert not site.exists()


@pytest.mark.parametrize("name", ["decisions", "content", "theme_overrides", "sources"])
def test_a_read_folder_that_is_itself_a_link_is_refused(register_copy, tmp_path, capsys, name):
    moved = tmp_path / f"moved-{name}"
    (register_copy / name).rename(moved)
    (register_copy / name).symlink_to(moved, target_is_directory=True)
    code, _, err = run_register(capsys, "--root", str(register_copy), "check")
    assert code == 1 and f"{name}:1: {name} is a symbolic link" in err, err


@pytest.mark.parametrize(("key", "value"), [("docs_dir", "/etc"), ("docs_dir", "../ngoai"),
                                             ("custom_dir", "/usr/share")])
def test_mkdocs_yml_cannot_name_a_folder_outside_the_repository(register_copy, tmp_path, capsys, key, value):
    (tmp_path / "ngoai").mkdir()
    (tmp_path / "ngoai" / "index.md").write_text("# Ngoài kho\n", encoding="utf-8")
    config = register_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    old = "docs_dir: content\n" if key == "docs_dir" else "  custom_dir: theme_overrides\n"
    assert old in text
    config.write_text(text.replace(old, old.replace(old.split(": ")[1].strip(), value)), encoding="utf-8")
    site = tmp_path / "built"
    code, _, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", AS_OF, "--site-dir", str(site))
    assert code == 1 and "not a folder inside the repository" in err, err
    assert not site.exists()


# --- the swap: site/ is whole at every instant ------------------------------------------------------

def _build(root: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator.cli", "--root", str(root), "build", "--as-of", AS_OF],
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def test_a_build_killed_at_any_moment_leaves_a_whole_site_and_the_next_clears_its_folder(register_copy):
    assert _build(register_copy).wait(timeout=240) == 0
    site = register_copy / "site"
    start = time.monotonic()
    assert _build(register_copy).wait(timeout=240) == 0
    length = time.monotonic() - start
    for step in range(8):  # SIGKILL spread over a whole build, the swap's moment included
        proc = _build(register_copy)
        time.sleep(length * (0.2 + 0.12 * step))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert (site / "index.html").is_file() and (site / "404.html").is_file(), step
        assert (site / "register.json").is_file() and (site / "pagefind").is_dir(), step
    assert _build(register_copy).wait(timeout=240) == 0
    assert sorted(p.name for p in register_copy.iterdir() if p.name.startswith(".site")) == []


def test_sigterm_deletes_the_build_s_own_folder(register_copy):
    assert _build(register_copy).wait(timeout=240) == 0
    proc = _build(register_copy)
    deadline = time.monotonic() + 60
    while not [p for p in register_copy.iterdir() if p.name.startswith(".site-")]:
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.05)
    time.sleep(0.5)
    os.kill(proc.pid, signal.SIGTERM)
    assert proc.wait(timeout=60) != 0
    assert sorted(p.name for p in register_copy.iterdir() if p.name.startswith(".site")) == []
    assert (register_copy / "site" / "index.html").is_file()


@pytest.mark.parametrize("link", ["du-lieu", "du-lieu/csv"])
def test_export_never_writes_through_a_link(register_copy, tmp_path, capsys, link):
    victim = tmp_path / "victim"
    victim.mkdir()
    out = tmp_path / "du-lieu"
    if link == "du-lieu":
        out.symlink_to(victim, target_is_directory=True)
    else:
        out.mkdir()
        (out / "csv").symlink_to(victim, target_is_directory=True)
    code, _, err = run_register(capsys, "--root", str(register_copy), "export", "--format", "all", "--out", str(out))
    assert code == 1 and "is a symbolic link" in err and "Traceback" not in err
    assert list(victim.iterdir()) == []
