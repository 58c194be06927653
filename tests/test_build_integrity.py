"""What a build leaves behind: the published site/ stays as it was unless a whole new site was
built (a failing check, a crash midway, a failing search index, a failing swap), `register build`
never replaces a folder that is not a site, and two builds of the same commit with the same
as-of date and SOURCE_DATE_EPOCH are byte-identical, so a reviewer can rebuild what was
published and compare."""
from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT, run_register
from generator.faces.cli import main as register_main
from generator.faces.plugin import RegisterPlugin
from generator.publish.search_index import SearchIndexError

AS_OF = "2026-11-22"


@pytest.fixture
def published(register_copy: Path) -> Path:
    """A register copy whose site/ holds a published page, to be left alone by a failed build."""
    site = register_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("published", encoding="utf-8")
    return site


@pytest.fixture
def own_tempdir(tmp_path: Path, monkeypatch) -> Path:
    """The build's temporary folders in a folder of this test's own, to find any left behind."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def untouched(site: Path) -> bool:
    return ([p.name for p in site.iterdir()] == ["index.html"]
            and (site / "index.html").read_text(encoding="utf-8") == "published")


def leftovers(root: Path, tmp: Path) -> list[str]:
    return sorted([p.name for p in root.iterdir() if p.name.startswith(".site")]
                  + [p.name for p in tmp.iterdir()])


def test_a_crash_midway_through_the_pages_leaves_the_site_as_it_was(register_copy, published, own_tempdir,
                                                                    monkeypatch):
    written: list[str] = []
    original = RegisterPlugin.on_post_page

    def crash_after_twenty(self, output, page, config):
        written.append(page.file.src_uri)
        if len(written) == 20:
            raise RuntimeError("disk full, say")
        return original(self, output, page, config)

    monkeypatch.setattr(RegisterPlugin, "on_post_page", crash_after_twenty)
    with pytest.raises(RuntimeError, match="disk full"):
        register_main(["--root", str(register_copy), "build", "--as-of", AS_OF])
    assert len(written) == 20
    assert untouched(published)
    assert leftovers(register_copy, own_tempdir) == []


def test_a_failing_search_index_leaves_the_site_as_it_was(register_copy, published, own_tempdir,
                                                          monkeypatch, capsys):
    def fail(site_dir: Path, *service) -> None:
        raise SearchIndexError("search index: Pagefind failed (1): out of memory")

    monkeypatch.setattr("generator.faces.site_search.build_search_index", fail)
    code, _, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", AS_OF)
    assert code == 1 and "Pagefind failed (1): out of memory" in err
    assert untouched(published)
    assert leftovers(register_copy, own_tempdir) == []


def test_a_pagefind_that_dies_is_reported_in_its_words(register_copy, published, own_tempdir,
                                                       monkeypatch, capsys, tmp_path):
    """Pagefind indexes the pages during the build (pagefind_service.py): if it cannot, the
    build stops with what it said, and the published site stays. This one closes its output a
    second before it exits, as a dying process can: a client that waited for the exit itself
    once hung here for good."""
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'memory allocation of 4096 bytes failed'\n"
                    "exec >&- 2>&-\nsleep 1\nexit 134\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    code, _, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", AS_OF)
    assert code == 1 and "Pagefind stopped: exit code 134: memory allocation of 4096 bytes failed" in err
    assert "Traceback" not in err
    assert untouched(published)
    assert leftovers(register_copy, own_tempdir) == []


def test_a_failing_swap_puts_the_old_site_back(register_copy, published, monkeypatch, capsys):
    def cannot_exchange(a, b):
        raise OSError("the new site cannot be moved into place")

    monkeypatch.setattr("generator.publish.site_output._exchange", cannot_exchange)
    code, _, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", AS_OF)
    assert code == 1 and "cannot be moved into place" in err
    assert untouched(published)
    assert sorted(p.name for p in register_copy.iterdir() if p.name.startswith(".site")) == []


def test_where_folders_cannot_be_exchanged_a_failing_second_rename_puts_the_old_site_back(
        register_copy, published, monkeypatch, capsys):
    real_rename = os.rename

    def rename(source, target):
        if Path(target) == published and ".site-build-" in str(source):  # the new site
            raise OSError("the new site cannot be moved into place")
        return real_rename(source, target)

    monkeypatch.setattr("generator.publish.site_output._exchange", lambda a, b: False)
    monkeypatch.setattr(os, "rename", rename)
    code, _, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", AS_OF)
    assert code == 1 and "cannot be moved into place" in err
    assert untouched(published)
    assert sorted(p.name for p in register_copy.iterdir() if p.name.startswith(".site")) == []


@pytest.mark.parametrize("site_dir", [".", "..", "decisions", "content", "theme_overrides", "mkdocs.yml"])
def test_build_never_replaces_a_folder_that_is_not_a_site(register_copy, capsys, site_dir):
    before = sorted(str(p.relative_to(register_copy.parent)) for p in register_copy.parent.rglob("*"))
    code, _, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", AS_OF,
                                "--site-dir", site_dir)
    assert code == 1 and "not a site" in err, err
    after = sorted(str(p.relative_to(register_copy.parent)) for p in register_copy.parent.rglob("*"))
    assert after == before


# --- reproducible builds ------------------------------------------------------------------------


def _digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path):
    """Built by two processes, into folders of different names, with different hash seeds and
    time zones: the same SOURCE_DATE_EPOCH and --as-of give the same bytes in every file — pages,
    sitemap.xml and its .gz, feeds, open data and Pagefind's index."""
    sites = []
    for n, (seed, zone) in enumerate((("1", "UTC"), ("2", "Asia/Ho_Chi_Minh"))):
        site = tmp_path / f"build-{n}" / ("site" if n == 0 else "published-site")
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1795000000", "PYTHONHASHSEED": seed, "TZ": zone}
        env.pop("REGISTER_AS_OF", None)
        done = subprocess.run([sys.executable, "-m", "generator.faces.cli", "--root", str(ROOT), "build",
                               "--as-of", AS_OF, "--site-dir", str(site)],
                              env=env, capture_output=True, text=True, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        sites.append(site)
    first, second = (_digests(s) for s in sites)
    assert {"sitemap.xml", "sitemap.xml.gz", "van-ban-moi.xml", "register.json"} <= set(first)
    assert any(name.startswith("pagefind/filter/") for name in first)
    assert sorted(first) == sorted(second), "the two builds wrote different files"
    differ = [name for name in first if first[name] != second[name]]
    assert differ == []
