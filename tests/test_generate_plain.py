"""`register generate --out DIR`: the site as plain files, built by plain MkDocs (Material, the
repo's markdown extensions, no register plugin) into a site that has every generated page and
the open data; and the folders it refuses to write, with nothing lost."""
from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml
from mkdocs.structure.files import File

from conftest import ROOT, edit, run_register
from generator.core.read.load import load_register
from generator.core.read.provenance import read_history
from generator.core.render import render_site
from generator.publish.export import CSV_DIR, CSV_TABLES
from generator.publish.plain_files import MANIFEST, NAV_FILE, agency_intros

AS_OF = "2026-11-22"
SITE_NAME = yaml.safe_load(re.search(r"^site_name: .*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                                     re.M).group(0))["site_name"]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("REGISTER_SITE_URL", "REGISTER_AS_OF")}
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material's notice, printed on every build
    return env


def _generate(root: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.faces.cli", "--root", str(root), "generate",
                           "--out", str(out), "--as-of", AS_OF],
                          capture_output=True, text=True, env=_env(), timeout=300)


def _plain_config(root: Path, folder: Path, docs: str) -> Path:
    """The repo's mkdocs.yml — its Material theme, features, markdown extensions, validation and
    strictness — without the register plugin (MkDocs' own search instead) and without its nav:
    the generated folder's navigation file is INHERITed, as the README says."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    changes = ((r"^plugins:\n(?:  .*\n)+", "plugins:\n  - search\n"),
               (r"^nav:\n(?:  .*\n)+", ""),
               (r"^docs_dir: .*$", f"docs_dir: {docs}"),
               (r"^site_dir: .*$", "site_dir: site"),
               (r"^  custom_dir: .*$", f"  custom_dir: {json.dumps(str(root / 'theme_overrides'))}"))
    for pattern, replacement in changes:
        text, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
        assert count == 1, f"mkdocs.yml has no {pattern!r}: update this test's plain configuration"
    assert "register" not in text.split("plugins:")[1].split("\n\n")[0]
    config = folder / "plain-mkdocs.yml"
    config.write_text(f"INHERIT: {docs}/{NAV_FILE}\n" + text, encoding="utf-8")
    return config


def _title(page: str) -> str:
    """The page's title as MkDocs takes it: its front matter's `title`, else its first heading."""
    if page.startswith("---\n"):
        meta = yaml.safe_load(page[4:page.index("\n---\n", 4)]) or {}
        if meta.get("title"):
            return str(meta["title"])
    heading = re.search(r"^# (.+?)(?: \{[^}]*\})?$|<h1[^>]*>(.*?)</h1>", page, re.M | re.S)
    assert heading, "a generated page without a title"
    return re.sub(r"<[^>]+>", "", heading.group(1) or heading.group(2)).strip()


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_plain_mkdocs_builds_the_generated_folder(register_copy, tmp_path):
    root, work = register_copy, tmp_path / "plain"
    work.mkdir()
    out = work / "docs"
    done = _generate(root, out)
    assert done.returncode == 0, done.stderr
    assert f"to {out}" in done.stdout

    # what generate wrote is what the core renders, byte for byte, whatever its syntax
    register, diagnostics = load_register(root)
    assert not diagnostics
    pages = render_site(register, as_of=date.fromisoformat(AS_OF), intros=agency_intros(register, root / "content"),
                        history=read_history(root)).pages
    assert len(pages) > 100
    for path, page in pages.items():
        assert (out / path).read_bytes() == page.encode("utf-8"), path
    home = (out / "index.md").read_text(encoding="utf-8")
    assert "<!-- register:summary -->" not in home and "<th>Nội dung</th><th>Số lượng</th>" in home
    written = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert set(written["files"]) == set(_tree(out)) - {MANIFEST}

    config = _plain_config(root, work, "docs")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config)],
                           capture_output=True, text=True, env=_env(), timeout=300, cwd=work)
    assert built.returncode == 0, built.stderr  # strict, as the repo's configuration is
    site = work / "site"
    for path, page in pages.items():
        dest = Path(File(path, str(out), str(site), use_directory_urls=True).abs_dest_path)
        assert dest.is_file(), f"{path}: no {dest.relative_to(site)} in the built site"
        shown = re.search(r"<title>(.*?)</title>", dest.read_text(encoding="utf-8"), re.S).group(1)
        assert html.unescape(shown).strip() == f"{_title(page)} - {SITE_NAME}", path
    # the year entries the plugin adds are in the navigation
    nav = (site / "index.html").read_text(encoding="utf-8")
    for year in {doc.year for doc in register.documents.values()}:
        assert f'href="van-ban/{year}/"' in nav
    # the open data, the schemas, the feeds and the source texts, as generate wrote them
    data = json.loads((site / "register.json").read_text(encoding="utf-8"))
    assert data["as_of"] == AS_OF and len(data["documents"]) == len(register.documents)
    for name in CSV_TABLES:
        assert (site / CSV_DIR / f"{name}.csv").read_bytes() == (out / CSV_DIR / f"{name}.csv").read_bytes()
    for rel in ("register.schema.json", "van-ban-moi.xml", "thay-doi-gan-day.xml", "schema/ban-ghi.json",
                *{s.file for doc in register.documents.values() for s in doc.sources if s.file}):
        assert (site / rel).read_bytes() == (out / rel).read_bytes(), rel
    # the two dot-files stay out of the site
    assert not (site / MANIFEST).exists() and not (site / NAV_FILE).exists()


def test_same_register_and_date_same_bytes_and_a_second_run_replaces_the_first(register_copy, tmp_path, capsys):
    root = register_copy
    args = ("--root", str(root), "generate", "--as-of", AS_OF, "--out")
    assert run_register(capsys, *args, str(tmp_path / "a"))[0] == 0
    assert run_register(capsys, *args, str(tmp_path / "b"))[0] == 0
    first = _tree(tmp_path / "a")
    assert first == _tree(tmp_path / "b")
    # again into the same folder: its own files, replaced; one it no longer makes is gone
    (root / "content/ghi-chu.md").write_text("# Ghi chú\n", encoding="utf-8")
    assert run_register(capsys, *args, str(tmp_path / "a"))[0] == 0
    assert (tmp_path / "a/ghi-chu.md").is_file()
    (root / "content/ghi-chu.md").unlink()
    code, out, err = run_register(capsys, *args, str(tmp_path / "a"))
    assert code == 0, err
    assert _tree(tmp_path / "a") == first
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no build folder left


def _refused(capsys, root: Path, out: Path, *words: str) -> str:
    code, stdout, err = run_register(capsys, "--root", str(root), "generate", "--as-of", AS_OF, "--out", str(out))
    assert code == 1 and not stdout
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("register generate: "), err
    for word in words:
        assert word in lines[0], err
    return lines[0]


def test_refuses_a_folder_inside_the_registers_own_files(register_copy, capsys):
    root = register_copy
    before = _tree(root)
    for inside in ("content", "content/plain", "decisions/plain", "sources", "theme_overrides/x"):
        _refused(capsys, root, root / inside, "inside the register's own files", inside.split("/")[0])
    _refused(capsys, root, root, "holds the register itself")
    _refused(capsys, root, root.parent, "holds the register itself")
    assert _tree(root) == before  # nothing written, nothing deleted


def test_refuses_a_symbolic_link(register_copy, tmp_path, capsys):
    root, target = register_copy, tmp_path / "elsewhere"
    target.mkdir()
    (tmp_path / "link").symlink_to(target)
    _refused(capsys, root, tmp_path / "link", "symbolic link")
    (root / "out").symlink_to(target)  # a committed link in the register, and one above --out
    _refused(capsys, root, root / "out", "symbolic link")
    _refused(capsys, root, root / "out/plain", "symbolic link")
    assert not any(target.iterdir())


def test_refuses_a_folder_holding_files_it_did_not_write(register_copy, tmp_path, capsys):
    root, out = register_copy, tmp_path / "out"
    out.mkdir()
    (out / "notes.md").write_text("mine\n", encoding="utf-8")
    _refused(capsys, root, out, "did not write", "notes.md", "nothing is replaced")
    assert _tree(out) == {"notes.md": b"mine\n"}
    (out / "notes.md").unlink()
    (out / "empty").mkdir()  # an empty folder holds nothing to lose
    assert run_register(capsys, "--root", str(root), "generate", "--as-of", AS_OF, "--out", str(out))[0] == 0
    generated = _tree(out)

    # a previous generate's folder, with something added, changed, or linked since
    for rel, make, word in (("extra.txt", lambda p: p.write_text("mine\n"), "did not write"),
                            ("van-ban/mine.md", lambda p: p.write_text("mine\n"), "did not write"),
                            ("index.md", lambda p: p.write_text("edited\n"), "changed since"),
                            ("link.md", lambda p: p.symlink_to(root / "mkdocs.yml"), "did not write")):
        kept = (out / rel).read_bytes() if (out / rel).exists() else None
        make(out / rel)
        mine = _tree(out)
        _refused(capsys, root, out, word, rel)
        assert _tree(out) == mine  # nothing deleted or overwritten
        if kept is None:
            (out / rel).unlink()
        else:
            (out / rel).write_bytes(kept)
    assert _tree(out) == generated
    # a broken record of what was written is no record
    (out / MANIFEST).write_text("{", encoding="utf-8")
    _refused(capsys, root, out, "did not write")


def test_a_broken_record_writes_nothing(register_copy, tmp_path, capsys):
    root, out = register_copy, tmp_path / "out"
    line = edit(root / "decisions/2020/139-tb-vpcp.md", r"^issuer: vpcp$", "issuer: vpcpp")
    code, stdout, err = run_register(capsys, "--root", str(root), "generate", "--as-of", AS_OF, "--out", str(out))
    assert code == 1 and not stdout
    assert f"decisions/2020/139-tb-vpcp.md:{line}:" in err and "nothing generated" in err
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
