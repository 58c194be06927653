"""Stable addresses: a document's URL is its reference (year and number), and never breaks.

A document's page is `van-ban/<year>/<file name>/`, its data `van-ban/<year>/<file name>.json`.
When an editor renames or renumbers a record, the record lists what it was called before
(`former: [2019/ket-luan-…]`) and the old address becomes a redirect to the new one.

`decisions/published.txt` lists every address the site has published, like a lock file: a
change that leaves one of them with neither a page nor a redirect is an error, so a rename
without `former` cannot slip through. `register export --published` adds the new addresses
(it never removes one); `register check` says when some are missing, and CI insists.
"""
from __future__ import annotations

import html
import json
import os
from pathlib import Path

from generator.core import urls
from generator.core.diagnostics import Diagnostics, Loc
from generator.core.model import Register
from generator.core.read.documents import DOC_REF_RE
from generator.core.safe_fs import UnsafePath, read_regular, write_inside

PUBLISHED = "decisions/published.txt"
PUBLISHED_HEADER = """\
# Địa chỉ đã công bố / Published addresses
#
# Every document reference the site has published, one a line: the page of 2019/8540-tb-vpcp
# is van-ban/2019/8540-tb-vpcp/. An address listed here must keep working: a record that is
# renamed or renumbered lists its old reference under `former:`, and the old page redirects.
# `register export --published` adds new addresses; never delete a line by hand.
"""


# --- where things live on the site ---------------------------------------------------------

def document_url(key: str, directory_urls: bool = True) -> str:
    """The URL of a document's page, relative to the site root (urls.page_url, MkDocs' rule)."""
    return urls.page_url(urls.document(key), directory_urls)


def document_json_path(key: str) -> str:
    """The document's own JSON file, next to its page: van-ban/2019/8540-tb-vpcp.json."""
    return f"van-ban/{key}.json"


def redirect_path(key: str, directory_urls: bool = True) -> str:
    """The file that answers at a former document URL."""
    return f"van-ban/{key}/index.html" if directory_urls else f"van-ban/{key}.html"


# --- former references ---------------------------------------------------------------------

def formers(register: Register) -> dict[str, str]:
    """Former reference -> the document that now has it."""
    return {ref: doc.key for doc in register.documents.values() for ref, _ in doc.former}


def check_former(register: Register, diags: Diagnostics) -> None:
    """A former address redirects to one document, and is not also a live page."""
    claimed: dict[str, tuple[str, Loc]] = {}
    for doc in sorted(register.documents.values(), key=lambda d: d.key):
        for ref, loc in doc.former:
            if ref in register.documents:
                diags.error(loc, f"former {ref}: decisions/{ref}.md is still a document there; "
                                 "an address cannot be both a page and a redirect")
            elif ref in register.cited:
                diags.error(loc, f"former {ref}: the register still has a page there, for "
                                 f"{register.cited[ref].number.text} as cited by other documents; "
                                 "give those citations a date, or drop this former reference")
            elif ref in claimed:
                other, first = claimed[ref]
                diags.error(loc, f"former {ref} is also claimed by {other} ({first.path}:{first.line}); "
                                 "an old address redirects to one document")
            else:
                claimed[ref] = (doc.key, loc)


# --- the list of published addresses -------------------------------------------------------

def read_published(root: Path, diags: Diagnostics | None = None) -> list[tuple[str, int]] | None:
    """(reference, line) of each published address, or None when there is no list yet."""
    path = Path(root) / PUBLISHED
    if not os.path.lexists(path):
        return None
    try:  # never through a link: its lines would be shown in the messages below
        text = read_regular(path, PUBLISHED).decode("utf-8-sig", errors="replace")
    except UnsafePath as exc:
        if diags is not None:
            diags.error(Loc(exc.rel, 1), exc.message)
        return None
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        ref = line.strip()
        if not ref or ref.startswith("#"):
            continue
        if not DOC_REF_RE.match(ref):
            if diags is not None:
                diags.error(Loc(PUBLISHED, number), f"{ref!r} is not a document reference such as "
                                                    "2019/8540-tb-vpcp")
            continue
        out.append((ref, number))
    return out


def check_published(root: Path, register: Register, diags: Diagnostics) -> None:
    """Every published address still answers: a document, a cited document, or a redirect.

    A record that exists but failed its own checks does not count as dropped: its file is there.
    """
    entries = read_published(root, diags)
    if not entries:
        return
    live = set(register.documents) | set(register.cited) | set(formers(register))
    listed = {ref for ref, _ in entries}
    new = sorted(k for k in register.documents if k not in listed)
    for ref, line in entries:
        if ref in live or (Path(root) / "decisions" / f"{ref}.md").is_file():
            continue
        year = ref.partition("/")[0]
        maybe = [k for k in new if k.startswith(f"{year}/")][:3]
        hint = f" (renamed to {' or '.join(maybe)}?)" if maybe else ""
        diags.error(Loc(PUBLISHED, line),
                    f"{ref} was published at van-ban/{ref}/ and no record has that address now{hint}: "
                    f"add `former: [{ref}]` to the record that replaces it, so that the old address "
                    "redirects; a published address is never dropped")


def unrecorded(root: Path, register: Register) -> list[str]:
    """Addresses of the register (documents and their former references) not yet in the list."""
    listed = {ref for ref, _ in read_published(root) or []}
    current = set(register.documents) | set(formers(register))
    return sorted(current - listed)


def update_published(root: Path, register: Register) -> list[str]:
    """Add the register's new addresses to the list (never removing one); the ones added."""
    added = unrecorded(root, register)
    path = Path(root) / PUBLISHED
    if added or not path.is_file():
        listed = {ref for ref, _ in read_published(root) or []}
        lines = sorted(listed | set(added))
        text = PUBLISHED_HEADER + "".join(f"{ref}\n" for ref in lines)
        write_inside(Path(root), PUBLISHED, text.encode("utf-8"))  # never through a link
    return added


# --- redirect pages ------------------------------------------------------------------------

def redirect_page(target: str, label: str) -> str:
    """A page that sends the reader on, keeping the #fragment (as mkdocs-redirects does)."""
    href = html.escape(target, quote=True)
    script_target = json.dumps(target).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    name = html.escape(label)
    return (
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{name} — đã chuyển địa chỉ / moved</title>\n"
        f"<link rel=\"canonical\" href=\"{href}\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n"
        f"<script>location.replace({script_target} + location.hash)</script>\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n"
        "</head>\n<body>\n"
        f"<p>{name} đã chuyển sang địa chỉ mới / has moved: <a href=\"{href}\">{href}</a></p>\n"
        "</body>\n</html>\n"
    )


def redirects(register: Register, directory_urls: bool = True) -> dict[str, str]:
    """{file under the site root: redirect page} for every former reference."""
    out = {}
    for old, new in sorted(formers(register).items()):
        doc = register.documents[new]
        old_url = document_url(old, directory_urls)
        target = urls.relative_url(document_url(new, directory_urls), old_url)
        label = doc.number.text if doc.number else new
        out[redirect_path(old, directory_urls)] = redirect_page(target, label)
    return out


# --- against the branch a change is merged into --------------------------------------------

class BaseUnavailable(Exception):
    """The commit to compare with cannot be read: the check cannot be made, and says why."""


def _git(root: Path, *args: str) -> bytes:
    import subprocess

    try:
        done = subprocess.run(["git", "-C", str(root), "-c", "core.quotePath=false", *args],
                              capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BaseUnavailable(f"git could not be run ({exc})") from exc
    if done.returncode != 0:
        raise BaseUnavailable(done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:][0]
                              if done.stderr.strip() else f"git {args[0]} failed")
    return done.stdout


def base_addresses(root: Path, base: str) -> dict[str, int]:
    """Every document address the register had at commit `base`: its published.txt (reference
    -> line) and each record it held (line 0), so that a change deleting both a record and its
    line, or only a line, is still caught."""
    if base.startswith("-"):
        raise BaseUnavailable(f"{base!r} is not a commit")
    commit = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}")
    commit_id = commit.decode("ascii", "replace").strip()
    out: dict[str, int] = {}
    names = _git(root, "ls-tree", "-r", "-z", "--name-only", commit_id, "--", "decisions/")
    for name in names.decode("utf-8", "replace").split("\0"):
        parts = name.split("/")
        if len(parts) == 3 and parts[2].endswith(".md"):
            ref = f"{parts[1]}/{parts[2].removesuffix('.md')}"
            if DOC_REF_RE.match(ref):
                out[ref] = 0
    try:
        listed = _git(root, "show", f"{commit_id}:{PUBLISHED}").decode("utf-8-sig", "replace")
    except BaseUnavailable:
        listed = ""  # the base had no list yet: its records are its addresses
    for number, line in enumerate(listed.splitlines(), 1):
        ref = line.strip()
        if ref and not ref.startswith("#") and DOC_REF_RE.match(ref):
            out[ref] = number
    return out


def check_against_base(root: Path, register: Register, base: str, diags: Diagnostics) -> None:
    """No address that `base` published is dropped or unlisted by the change (CI passes a pull
    request's base commit: the checks of the list alone pass when a line is deleted together
    with the record or its `former:`)."""
    try:
        published = base_addresses(root, base)
    except BaseUnavailable as exc:
        diags.error(Loc(PUBLISHED, 1), f"cannot compare with {base!r}: {exc} (the base commit "
                                       "must be in the clone: fetch the full history)")
        return
    live = set(register.documents) | set(register.cited) | set(formers(register))
    listed = {ref for ref, _ in read_published(root) or []}
    for ref, line in sorted(published.items()):
        where = f"line {line} of {PUBLISHED}" if line else f"decisions/{ref}.md"
        if ref not in live:
            diags.error(Loc(PUBLISHED, 1),
                        f"{ref} was published at van-ban/{ref}/ ({where} in {base}) and this change "
                        f"drops it: add `former: [{ref}]` to the record that replaces it so that the "
                        f"old address redirects, and keep the line {ref} in {PUBLISHED}")
        elif line and ref not in listed:
            diags.error(Loc(PUBLISHED, 1),
                        f"{ref} is listed on line {line} of {PUBLISHED} in {base} and this change "
                        "deletes the line: a published address is never dropped; put it back")
