"""A contributor commits symbolic links (or a working copy holds a pipe) where the build reads:
`register check` names each one as `path:1: message` and exits 1, the build stops before it
copies anything, and nothing the link points at — a file of the build machine, the checkout's
own `.git/config` — reaches the site, the output or the messages."""
from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

import pytest

from conftest import run_register

AS_OF = "2026-11-22"


@pytest.fixture
def secret(tmp_path: Path) -> tuple[Path, str]:
    """A folder outside the register holding files no site may show: a page-like file, a
    registry-like file, a record-like file; each carries the same random word."""
    word = "KHONGCONGKHAI" + secrets.token_hex(6).upper()
    outside = tmp_path / "may-xay-dung"
    outside.mkdir()
    (outside / "mat-khau.md").write_text(f"# Bí mật\n\n{word}\n", encoding="utf-8")
    (outside / "index.html").write_text(f"<p>{word}</p>", encoding="utf-8")
    (outside / "so-do.yml").write_text(f"bi-mat:\n  name: {word}\n", encoding="utf-8")
    record = (Path(__file__).parent.parent / "decisions/2020/139-tb-vpcp.md").read_text(encoding="utf-8")
    (outside / "van-ban.md").write_text(record.replace("---\n", f"---\n# {word}\n", 1), encoding="utf-8")
    return outside, word


def _shows(root: Path, word: str) -> list[str]:
    """Files under `root` (not following links) whose bytes hold `word`."""
    found = []
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if not path.is_symlink() and word.encode() in path.read_bytes():
                found.append(str(path.relative_to(root)))
    return found


def _check(capsys, root: Path) -> tuple[int, str, str]:
    return run_register(capsys, "--root", str(root), "check")


def _build(capsys, root: Path) -> tuple[int, str, str]:
    try:
        return run_register(capsys, "--root", str(root), "build", "--as-of", AS_OF)
    except SystemExit as stop:  # refused before MkDocs is started, as the command line shows it
        out = capsys.readouterr()
        return 1, out.out, out.err + str(stop.code)


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` and its bytes, links as their targets' names."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        out[rel] = (os.readlink(path).encode() if path.is_symlink()
                    else path.read_bytes() if path.is_file() else b"<folder>")
    return out


# where the link is committed (relative to the register), and what it points at
def _place(root: Path, outside: Path, case: str) -> str:
    """Make the link of `case`; the path `check` must name."""
    if case == "page in content/":
        (root / "content/ghi-chu.md").symlink_to(outside / "mat-khau.md")
        return "content/ghi-chu.md"
    if case == "folder in content/":
        (root / "content/tai-lieu").symlink_to(outside, target_is_directory=True)
        return "content/tai-lieu"
    if case == "content/ itself":
        shutil.copytree(root / "content", outside / "content")
        shutil.rmtree(root / "content")
        (root / "content").symlink_to(outside / "content", target_is_directory=True)
        (outside / "content/mat-khau.md").symlink_to(outside / "mat-khau.md")
        return "content"
    if case == "asset in theme_overrides/":
        (root / "theme_overrides/assets/cau-hinh.txt").symlink_to(root / ".git/config")
        return "theme_overrides/assets/cau-hinh.txt"
    if case == "theme_overrides/ itself":
        shutil.move(root / "theme_overrides", outside / "theme")
        (outside / "theme/bi-mat.html").write_text((outside / "index.html").read_text(encoding="utf-8"),
                                                   encoding="utf-8")
        (root / "theme_overrides").symlink_to(outside / "theme", target_is_directory=True)
        return "theme_overrides"
    if case == "record in a year folder":
        (root / "decisions/2020/999-tb-vpcp.md").symlink_to(outside / "van-ban.md")
        return "decisions/2020/999-tb-vpcp.md"
    if case == "year folder":
        (outside / "2021").mkdir()
        shutil.copy(outside / "van-ban.md", outside / "2021/1-tb-vpcp.md")
        (root / "decisions/2021").symlink_to(outside / "2021", target_is_directory=True)
        return "decisions/2021"
    if case == "decisions/ itself":
        shutil.move(root / "decisions", outside / "decisions")
        (root / "decisions").symlink_to(outside / "decisions", target_is_directory=True)
        return "decisions"
    if case == "registry file":
        (root / "decisions/people.yml").unlink()
        (root / "decisions/people.yml").symlink_to(outside / "so-do.yml")
        return "decisions/people.yml"
    if case == "published list":
        (root / "decisions/published.txt").unlink(missing_ok=True)
        (root / "decisions/published.txt").symlink_to(root / ".git/config")
        return "decisions/published.txt"
    if case == "mkdocs.yml":
        shutil.move(root / "mkdocs.yml", outside / "mkdocs.yml")
        (root / "mkdocs.yml").symlink_to(outside / "mkdocs.yml")
        return "mkdocs.yml"
    if case == "copy of a source in sources/":
        (root / "sources").mkdir(exist_ok=True)
        (root / "sources/ban-goc.html").symlink_to(outside / "index.html")
        return "sources/ban-goc.html"
    raise AssertionError(case)


CASES = ["page in content/", "folder in content/", "content/ itself", "asset in theme_overrides/",
         "theme_overrides/ itself", "record in a year folder", "year folder", "decisions/ itself",
         "registry file", "published list", "mkdocs.yml", "copy of a source in sources/"]


@pytest.fixture
def with_git_config(register_copy: Path, secret) -> Path:
    """The register copy with a .git/config holding credentials, as a CI checkout has."""
    _, word = secret
    (register_copy / ".git").mkdir()
    (register_copy / ".git/config").write_text(
        f'[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic {word}\n', encoding="utf-8")
    return register_copy


@pytest.mark.parametrize("case", CASES)
def test_check_names_every_symbolic_link_the_build_would_read(with_git_config, secret, capsys, case):
    root = with_git_config
    outside, word = secret
    named = _place(root, outside, case)
    code, out, err = _check(capsys, root)
    assert code == 1
    assert f"{named}:1: is a symbolic link" in err, err
    assert word not in out + err  # not even a line of it quoted in a message
    assert "Traceback" not in err


@pytest.mark.parametrize("case", CASES)
def test_the_build_refuses_a_symbolic_link_before_copying_anything(with_git_config, secret, capsys, case):
    root = with_git_config
    outside, word = secret
    named = _place(root, outside, case)
    before = _snapshot(outside)
    code, out, err = _build(capsys, root)
    assert code == 1, err
    assert named in err and "symbolic link" in err
    assert word not in out + err
    assert not (root / "site").exists()
    assert [p for p in root.iterdir() if p.name.startswith(".site")] == []
    # nothing of the build machine's was published, changed or added to
    assert _shows(root, word) == [".git/config"]
    assert _snapshot(outside) == before


def test_a_link_inside_the_register_to_another_of_its_files_is_refused_too(register_copy, capsys):
    """A link is refused wherever it points: where it leads is known only on the build machine."""
    (register_copy / "content/ban-sao.md").symlink_to("dinh-dang-ban-ghi.md")
    code, _, err = _check(capsys, register_copy)
    assert code == 1 and "content/ban-sao.md:1: is a symbolic link" in err


@pytest.mark.timeout(120)
@pytest.mark.parametrize("rel", ["content/ong.md", "decisions/2020/888-tb-vpcp.md", "decisions/bodies.yml",
                                 "theme_overrides/assets/ong.js"])
def test_a_named_pipe_is_refused_not_waited_on(register_copy, capsys, rel):
    path = register_copy / rel
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    code, _, err = _check(capsys, register_copy)
    assert code == 1
    assert f"{rel}:1: is not a regular file" in err, err
    code, _, err = _build(capsys, register_copy)
    assert code == 1 and rel in err
    assert not (register_copy / "site").exists()


@pytest.mark.timeout(60)
def test_a_linked_mkdocs_yml_is_refused_before_mkdocs_opens_it(register_copy, tmp_path, capsys):
    """Linked to a named pipe, it would hang whoever opened it: neither command does."""
    (register_copy / "mkdocs.yml").unlink()
    os.mkfifo(tmp_path / "cau-hinh.yml")
    (register_copy / "mkdocs.yml").symlink_to(tmp_path / "cau-hinh.yml")
    code, _, err = _check(capsys, register_copy)
    assert code == 1 and "mkdocs.yml:1: is a symbolic link" in err
    code, _, err = _build(capsys, register_copy)
    assert code == 1 and f"{register_copy / 'mkdocs.yml'} is a symbolic link" in err, err


def test_a_docs_dir_outside_the_register_is_refused(register_copy, secret, capsys):
    """mkdocs.yml pointing docs_dir (or the theme's custom_dir) at the machine's folders."""
    outside, word = secret
    shutil.copytree(register_copy / "content", outside / "trang", dirs_exist_ok=True)
    shutil.copy(outside / "mat-khau.md", outside / "trang/mat-khau.md")
    config = register_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "docs_dir: content", f"docs_dir: {outside / 'trang'}"), encoding="utf-8")
    code, out, err = _build(capsys, register_copy)
    assert code == 1 and "is outside the register's folder" in err, err
    assert not (register_copy / "site").exists()


def test_the_shipped_register_has_no_link_and_passes(register_copy, capsys):
    code, out, _ = _check(capsys, register_copy)
    assert code == 0 and out.startswith("ok:")
