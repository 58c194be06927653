"""The site as plain files (`register generate --out DIR`): a docs folder that a MkDocs-compatible
engine without the register plugin — plain MkDocs with Material, ProperDocs, Zensical — builds.

What the plugin adds to MkDocs' files is written out instead, each at the path the plugin gives
it: the hand-written pages of `docs_dir` (content/), the home page's summary put in place of
its marker; every generated page, exactly as core.render makes it (whatever its syntax); the
open data and the redirect pages of former addresses (export.py); the JSON Schemas of the
records under schema/; the source texts the records name, at their own paths; the Atom feed of
recent changes. Beside them two dot-files, which MkDocs leaves out of a site by default:

- `.register-nav.yml`: mkdocs.yml's `nav` with one entry per year of documents under the
  documents index (what the plugin adds to the navigation), as a configuration to `INHERIT`
  or copy from;
- `.register-generate.json`: every file written, with its SHA-256. The folder is replaced as a
  whole by the next `generate` only if it still holds exactly those files, unchanged: a file
  someone put there, or changed, is never deleted or overwritten (`out_problem`).

The files are made in memory first, so a broken register writes nothing; the face writes them
into a fresh folder and swaps it in (site_output.py). Same commit and as-of date, same bytes.
No MkDocs import here.
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import stat
from datetime import date
from pathlib import Path
from typing import Any, Callable

import yaml

from generator.core import urls
from generator.core.check.source_texts import published_text, source_files
from generator.core.model import Register
from generator.core.read.provenance import read_history
from generator.core.render import render_site
from generator.core.render.history import FEED, as_of_moment, render_feed
from generator.core.render.home import MARKER
from generator.core.render.labels import Labels
from generator.core.safe_fs import UnsafePath, output_problem, read_regular, write_inside
from generator.publish.export import site_files

__all__ = ["MANIFEST", "NAV_FILE", "PlainFilesError", "year_entries", "add_years", "agency_intros",
           "plain_files", "out_problem", "write_plain"]

MANIFEST = ".register-generate.json"
NAV_FILE = ".register-nav.yml"
SCHEMA_DIR = "schema"
WRITTEN_BY = "register generate"


class PlainFilesError(Exception):
    """Why the plain files cannot be made: one line, naming the file to blame."""


# --- what the plugin adds, shared with it ---------------------------------------------------

def year_entries(register: Register) -> list[dict[str, str]]:
    """One navigation entry per year of documents, newest first: {"2020": "van-ban/2020/index.md"}."""
    years = sorted({doc.year for doc in register.documents.values()}, reverse=True)
    return [{str(y): urls.year(y)} for y in years]


def add_years(nav: list, entries: list[dict]) -> bool:
    """Put `entries` under the nav section that holds the documents index (in place)."""
    for item in nav:
        if isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list):
                    for i, child in enumerate(value):
                        target = child if isinstance(child, str) else next(iter(child.values()), None)
                        if target == urls.DOCUMENTS:
                            value[i + 1:i + 1] = entries
                            return True
                    if add_years(value, entries):
                        return True
    return False


def agency_intros(register: Register, docs_dir: Path) -> dict[str, str]:
    """The hand-written text of agency pages (docs_dir/co-quan/<id>.md), by agency id: the
    generated page takes it in as its introduction, and takes its place."""
    intros = {}
    for agency_id in register.agencies:
        rel = urls.agency(agency_id)
        path = Path(docs_dir) / rel
        if path.is_file():
            intros[agency_id] = read_regular(path, rel).decode("utf-8")
    return intros


# --- the files --------------------------------------------------------------------------------

def _content_files(docs_dir: Path) -> dict[str, bytes]:
    """Every file of `docs_dir` by its posix path, but those whose name starts with a dot (MkDocs
    leaves them out too); read without following a link."""
    docs_dir = Path(docs_dir)
    found: dict[str, bytes] = {}
    stack = [docs_dir]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                rel = Path(entry.path).relative_to(docs_dir).as_posix()
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                else:
                    found[rel] = read_regular(Path(entry.path), rel)  # refuses a link, a pipe
    return dict(sorted(found.items()))


def _nav_text(nav: list) -> bytes:
    head = ("# The site's navigation: mkdocs.yml's nav, with one entry per year of documents (what\n"
            "# the register plugin adds). Written by `register generate`: use it in the configuration\n"
            "# whose docs_dir is this folder, with `INHERIT: <this folder>/.register-nav.yml`, or copy it.\n")
    body = yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    return (head + body).encode("utf-8")


def plain_files(register: Register, root: Path, docs_dir: Path, *, as_of: date,
                schemas: dict[str, str], nav: list | None = None, lang: str = "vi",
                site_name: str = "", site_url: str | None = None, repo_url: str | None = None,
                directory_urls: bool = True, licence: dict | None = None,
                split: Callable[..., Any] | None = None) -> dict[str, bytes]:
    """{path in the docs folder: bytes} of everything the plugin gives MkDocs, and the navigation
    file (when mkdocs.yml has a `nav`); `schemas` are the records' JSON Schemas by file name
    (editor/schema.py's schema_texts, which the face hands in), `split` is render_site's.
    Raises PlainFilesError when a hand-written file would hide a generated one, UnsafePath when
    a file of docs_dir or a source text is a link (the face checks that first: safe_fs.site_sources)."""
    root, docs_dir = Path(root), Path(docs_dir)
    label = docs_dir.name
    content = _content_files(docs_dir)
    try:
        intros = agency_intros(register, docs_dir)
    except UnicodeDecodeError as exc:
        raise PlainFilesError(f"{label}/co-quan/…: an agency's page is not UTF-8 text ({exc})") from None
    history = read_history(root)  # provenance: one `git log` pass for the whole register
    site = render_site(register, lang=lang, as_of=as_of, intros=intros, history=history,
                       repo_url=repo_url, directory_urls=directory_urls, split=split)
    files: dict[str, bytes] = dict(content)
    if urls.HOME in files:
        try:
            home = files[urls.HOME].decode("utf-8")
        except UnicodeDecodeError:
            raise PlainFilesError(f"{label}/{urls.HOME}: the home page is not UTF-8 text") from None
        files[urls.HOME] = home.replace(MARKER, site.home_summary).encode("utf-8")

    def add(path: str, data: str | bytes, what: str, replaces_content: bool = False) -> None:
        if path in files and not (replaces_content and path in content):
            where = f"{label}/{path}" if path in content else path
            raise PlainFilesError(f"{where} would hide {what} of the same path")
        files[path] = data.encode("utf-8") if isinstance(data, str) else data

    for path, page in site.pages.items():
        # an agency's hand-written text is in its generated page already (intros)
        add(path, page, "a generated page", replaces_content=path.startswith("co-quan/"))
    for path, data in site_files(register, as_of=as_of, licence=licence, site_name=site_name,
                                 site_url=site_url, directory_urls=directory_urls, lang=lang).items():
        add(path, data, "a generated open-data file")
    for name, text in sorted(schemas.items()):
        add(f"{SCHEMA_DIR}/{name}", text, "a schema file")
    # the raw texts the records were entered from, at the path register.json gives as `file`
    for path in source_files(register):
        add(path, published_text(root, path), "the source text")
    add(FEED, render_feed(register, Labels(lang), history, site_name, site_url, repo_url,
                          directory_urls, fallback=as_of_moment(as_of)), "the feed of recent changes")
    if nav:
        nav = copy.deepcopy(nav)  # the caller's is left as it was
        add_years(nav, year_entries(register))
        add(NAV_FILE, _nav_text(nav), "the navigation file")
    return dict(sorted(files.items()))


# --- where they go ----------------------------------------------------------------------------

def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest(files: dict[str, bytes], as_of: date) -> bytes:
    record = {"written_by": WRITTEN_BY, "as_of": as_of.isoformat(),
              "files": {path: _digest(data) for path, data in sorted(files.items())}}
    return (json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def write_plain(files: dict[str, bytes], folder: Path, as_of: date) -> None:
    """Write `files` and their manifest into `folder` (a fresh one: site_output.new_build_folder),
    each whole and none through a link."""
    for path, data in files.items():
        write_inside(Path(folder), path, data)
    write_inside(Path(folder), MANIFEST, manifest(files, as_of))


def _written(out: Path) -> dict[str, str] | None:
    """The files a previous `generate` wrote into `out`, {path: SHA-256}, or None."""
    try:
        record = json.loads(read_regular(out / MANIFEST, MANIFEST, limit=200_000_000))
    except (OSError, ValueError):
        return None
    files = record.get("files") if isinstance(record, dict) and record.get("written_by") == WRITTEN_BY else None
    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        return None
    return files


def _shown(paths: list[str]) -> str:
    return ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")


def out_problem(out: Path, root: Path, sources: list[Path]) -> str | None:
    """Why the generated files must not replace the folder `out` (absolute, normalised), if they
    must not: it is the register, or lies inside its own files (`sources`: decisions/, content/…),
    it or a folder above it in the register is a symbolic link, it is a file, or it holds
    something a previous `register generate` did not write there, or wrote and someone changed
    since (the replacement would delete it)."""
    root = Path(root)
    if out == root or out in root.parents:
        return f"{out} holds the register itself: choose another --out"
    for source in sources:
        if out == source or source in out.parents:
            return (f"{out} is inside the register's own files ({source.name}/): "
                    "choose another --out")
    problem = output_problem(out, root)
    if problem:
        return problem.replace("choose another folder", "choose another --out")
    if not os.path.lexists(out):
        return None
    found, odd = [], []
    stack = [out]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                rel = Path(entry.path).relative_to(out).as_posix()
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_symlink() or not stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                    odd.append(rel)
                elif rel != MANIFEST:
                    found.append(rel)
    found.sort()
    odd.sort()
    if not found and not odd and not os.path.lexists(out / MANIFEST):
        return None  # empty (but for empty folders)
    written = _written(out) if not os.path.islink(out / MANIFEST) else None
    keep = "nothing is replaced; choose another --out, or move them away first"
    if written is None:
        what = found + odd or [MANIFEST]
        return f"{out} holds files `register generate` did not write ({_shown(what)}): {keep}"
    foreign = odd + [rel for rel in found if rel not in written]
    if foreign:
        return f"{out} holds files `register generate` did not write ({_shown(sorted(foreign))}): {keep}"
    changed = []
    for rel in found:
        try:
            data = read_regular(out / rel, rel)
        except (UnsafePath, OSError):
            changed.append(rel)
            continue
        if _digest(data) != written[rel]:
            changed.append(rel)
    if changed:
        return (f"{out} holds files changed since `register generate` wrote them ({_shown(changed)}): "
                f"{keep}")
    return None
