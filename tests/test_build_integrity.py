"""What a build leaves behind: the published site/ stays as it was unless a whole new site was
built (a failing check, a crash midway, a failing search index, a failing swap), `register build`
never replaces a folder that is not a site, and two builds of the same commit with the same
as-of date and SOURCE_DATE_EPOCH are byte-identical, so a reviewer can rebuild what was
published and compare."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from conftest import run_register
from generator.cli import main as register_main
from generator.plugin import RegisterPlugin
from generator.search_index import SearchIndexError

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
    """The build's temporary folders (the plugin's staging) in a folder of this test's own."""
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
    def fail(site_dir: Path) -> None:
        raise SearchIndexError("search index: Pagefind failed (1): out of memory")

    monkeypatch.setattr("generator.plugin.build_search_index", fail)
    code, _, err = run_register(capsys, "--root", str(register_copy), "build", "--as-of", AS_OF)
    assert code == 1 and "Pagefind failed (1): out of memory" in err
    assert untouched(published)
    assert leftovers(register_copy, own_tempdir) == []


def test_a_failing_swap_puts_the_old_site_back(register_copy, published, monkeypatch, capsys):
    real_rename = Path.rename

    def rename(self: Path, target):
        if Path(target) == published and not self.name.startswith(".site-old-"):  # the new site
            raise OSError("the new site cannot be moved into place")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
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
