"""`register check|build|serve|export|generate`: thin wrappers over the core and MkDocs."""
from __future__ import annotations

import argparse
import gc
import logging
import os
import shutil
import signal
import sys
from pathlib import Path

from generator.core.read.load import load_register
from generator.core.safe_fs import LINK
from generator.speedups.shared_read import read_shared


def _check(args: argparse.Namespace) -> int:
    from generator.core.diagnostics import Diagnostics
    from generator.core.read.load import document_files
    from generator.core.safe_fs import SITE_SOURCES, tree_problems
    from generator.editor.schema import schema_diagnostics

    root = Path(args.root)
    register, diagnostics = load_register(root, read=read_shared)
    if args.base and register is not None:
        from generator.core.check.permalinks import check_against_base

        against = Diagnostics()
        check_against_base(root, register, args.base, against)
        diagnostics = against.sorted()
    # the JSON Schema too, for the files the field checks found nothing in (one message each)
    diagnostics = sorted(set(diagnostics) | set(
        schema_diagnostics(root, document_files(root, Diagnostics()), diagnostics))
        | set(tree_problems(root, SITE_SOURCES)))  # no link, pipe or device the build would read
    if diagnostics:
        register = None
    for d in diagnostics:
        # GitHub reads workflow commands (annotations) from standard output
        if args.format == "github":
            print(d.github())
        else:
            print(d, file=sys.stderr)
    if diagnostics:
        print(f"{len(diagnostics)} error(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(register.documents)} documents, {len(register.tasks)} tasks, "
          f"{len(register.agencies)} agencies, {len(register.people)} people, "
          f"{len(register.bodies)} bodies, {len(register.cited)} cited documents not yet in the register")
    _note_unpublished(root, register)
    return 0


def _config_file(args: argparse.Namespace) -> str:
    path = Path(args.root) / args.config_file
    if os.path.islink(path):  # MkDocs would read it, and the folders it names, through the link
        raise SystemExit(f"register: {path} {LINK}")
    if not path.is_file():
        raise SystemExit(f"register: no MkDocs configuration at {path}")
    return str(path)


def _build(args: argparse.Namespace) -> int:
    """A strict build into a fresh folder, swapped in only when it succeeded (site_output.py)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.core.safe_fs import make_output_folder
    from generator.publish.site_output import Terminated, clean_leftovers, new_build_folder, stop_on_sigterm, swap_in

    config_file = _config_file(args)
    root = Path(config_file).parent.resolve()
    # the path as given, made absolute without following links: a committed `site` link must
    # be seen as one, not as the folder it points at
    site_dir = Path(os.path.normpath(root / args.site_dir))
    refusal = _not_a_site(site_dir, root)
    if refusal:
        print(f"register build: {refusal}", file=sys.stderr)
        return 1
    try:
        make_output_folder(root, site_dir.parent)
        clean_leftovers(site_dir)
        staging = new_build_folder(site_dir)
    except OSError as exc:
        print(f"register build: {exc}", file=sys.stderr)
        return 1
    _show_mkdocs(logging.DEBUG if args.verbose else logging.WARNING)  # warnings and errors
    try:
        with stop_on_sigterm() as stopped:
            config = load_config(config_file, strict=True, site_dir=str(staging))
            plugin = config.plugins.get("register")
            if plugin is not None:  # the plugin's typed settings, as mkdocs.yml would give them
                if args.as_of:
                    plugin.config.as_of = args.as_of
                if args.fast_build:
                    plugin.config.fast_build = args.fast_build
            build(config)
            if stopped:  # the signal's exception was caught along the way: stop all the same
                raise Terminated(f"stopped by signal {stopped[0]}")
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"register build failed: {exc}", file=sys.stderr)
        return 1
    except Terminated as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"register build: {exc}; {site_dir} is left as it was", file=sys.stderr)
        return 128 + signal.SIGTERM
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        swap_in(staging, site_dir)
    except OSError as exc:  # the published site stays where it was
        shutil.rmtree(staging, ignore_errors=True)
        print(f"register build failed: the new site could not replace {site_dir}: {exc}", file=sys.stderr)
        return 1
    print(f"built {site_dir}")
    return 0


SOURCES = ("decisions", "content", "theme_overrides")  # no site is built into these


def _not_a_site(site_dir: Path, root: Path) -> str | None:
    """Why `site_dir` must not be replaced by a build, if it must not: the swap deletes what was
    there, so `--site-dir .` (or `decisions`, `content`, `..`) would delete the register itself,
    and a committed link `site -> /somewhere` would have it delete and write /somewhere."""
    from generator.core.safe_fs import output_problem

    if site_dir == root or site_dir in root.parents:
        return f"{site_dir} holds the register itself, not a site: choose another --site-dir"
    if any(site_dir.is_relative_to(root / name) for name in SOURCES):
        return f"{site_dir} is inside the register's own files, not a site: choose another --site-dir"
    problem = output_problem(site_dir, root, what="site")
    if problem:
        return problem.replace("choose another folder", "choose another --site-dir")
    if not site_dir.exists():
        return None
    if any(site_dir.iterdir()) and not _is_file(site_dir / "index.html") and not _is_file(site_dir / "404.html"):
        return (f"{site_dir} is not a site built by `register build` (no index.html): a build would "
                "delete what it holds; choose another --site-dir, or empty that folder first")
    return None


def _is_file(path: Path) -> bool:
    return path.is_file() and not path.is_symlink()


def _address_problem(dev_addr: str) -> str | None:
    """Why the preview cannot listen at `dev_addr`, asked before a build that may take a minute
    (MkDocs binds only after its first build, and then fails with a traceback)."""
    import errno
    import socket

    host, sep, port = dev_addr.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536 or not host:
        return f"-a {dev_addr!r} is not an address such as 127.0.0.1:8000"
    host = host.strip("[]")
    try:
        info = socket.getaddrinfo(host, int(port), type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError):
        return f"-a {dev_addr!r}: no such host {host!r}"
    with socket.socket(info[0], socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server does
        try:
            probe.bind(info[4])
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (f"port {port} of {host} is already in use (another preview?): stop it, or "
                        f"choose another port with -a {host}:{int(port) + 1}")
            return f"cannot listen at {dev_addr} ({exc.strerror}): choose another with -a HOST:PORT"
    return None


def _serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    problem = _address_problem(args.dev_addr)
    if problem:
        print(f"register serve: {problem}", file=sys.stderr)
        return 1
    if args.as_of:
        os.environ["REGISTER_AS_OF"] = args.as_of
    # where it serves, each rebuild, and a broken record's file and line, as `mkdocs serve` shows
    _show_mkdocs(logging.DEBUG if args.verbose else logging.INFO)
    # dirty: after an edit MkDocs rebuilds only the pages whose Markdown changed (the plugin
    # marks a generated page modified only when its content changes: staging.py), not all of them.
    # MkDocs warns that a dirty build may leave the navigation of other pages stale, and a
    # strict configuration would count that warning as a failure: it is the preview's choice.
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: "'dirty' build is being performed" not in record.getMessage())
    try:
        serve(config_file=_config_file(args), dev_addr=args.dev_addr, livereload=True, build_type="dirty")
    except OSError as exc:  # taken between the question above and MkDocs' own bind
        import errno

        if exc.errno not in (errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES):
            raise
        print(f"register serve: cannot listen at {args.dev_addr} ({exc.strerror}): choose another "
              "with -a HOST:PORT", file=sys.stderr)
        return 1
    return 0


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a message comes, not when the handler was made:
    `main` may run many times in one process (tests, tools) with stderr redirected in between,
    and MkDocs' error would otherwise go to a stream nobody reads."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def _show_mkdocs(level: int) -> None:
    """MkDocs logs through `logging`, and says nothing until it is given a handler: its
    errors (a broken record, with its file and line) included."""
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)


def _export(args: argparse.Namespace) -> int:
    """Open data into a folder, or (--published) new addresses into decisions/published.txt."""
    from generator.core.asof import resolve_as_of
    from generator.publish.export import FORMATS, export_files, site_files, write_files
    from generator.core.check.permalinks import PUBLISHED, update_published
    from generator.core.safe_fs import make_output_folder, output_problem

    root = Path(args.root)
    register, diagnostics = load_register(root, read=read_shared)
    for d in diagnostics:
        print(d, file=sys.stderr)
    if diagnostics:
        print(f"{len(diagnostics)} error(s): nothing exported", file=sys.stderr)
        return 1
    if args.published:
        added = update_published(root, register)
        print(f"{PUBLISHED}: {len(added)} new address(es)" + (": " + " ".join(added) if added else ""))
        return 0
    # --out as given (relative to the current folder), never followed through a link: a
    # committed `export` link would have the files written wherever it points
    out = Path(os.path.abspath(args.out))
    problem = output_problem(out, Path(os.path.abspath(root)))
    if problem:
        print(f"register export: {problem}", file=sys.stderr)
        return 1
    settings = _site_settings(root / args.config_file)
    formats = FORMATS if args.format == "all" else (args.format,)
    write = site_files if args.format == "all" else export_files  # a whole site's: redirects too
    files = write(register, formats=formats, as_of=resolve_as_of(args.as_of), **settings)
    try:
        make_output_folder(Path(os.path.abspath(root)), out)
        write_files(files, out)
    except OSError as exc:
        print(f"register export: nothing more written: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(files)} file(s) to {args.out}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    """The site as plain files in --out, for a MkDocs-compatible engine without the register
    plugin (publish/plain_files.py): made in memory, written into a fresh folder beside --out
    and swapped in (site_output.py), so a failure leaves --out as it was."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.core.asof import resolve_as_of
    from generator.core.safe_fs import UnsafePath, make_output_folder, site_sources
    from generator.editor.schema import schema_texts
    from generator.publish.plain_files import NAV_FILE, PlainFilesError, out_problem, plain_files, write_plain
    from generator.publish.site_output import clean_leftovers, new_build_folder, swap_in
    from generator.speedups.shared_render import fork_half

    try:
        as_of = resolve_as_of(args.as_of)
    except ValueError as exc:
        print(f"register generate: {exc}", file=sys.stderr)
        return 1
    config_file = _config_file(args)
    root = Path(os.path.abspath(config_file)).parent
    _show_mkdocs(logging.WARNING)
    try:
        config = load_config(config_file)
    except MkDocsException as exc:
        print(f"register generate: {config_file}: {exc}", file=sys.stderr)
        return 1
    docs_dir, custom_dir = config.docs_dir, config.theme.custom_dir
    # --out as given (relative to the current folder), never followed through a link
    out = Path(os.path.abspath(args.out))
    sources = [Path(os.path.abspath(p)) for p in (root / "decisions", root / "sources", docs_dir, custom_dir) if p]
    refusal = out_problem(out, root, sources)
    if refusal:
        print(f"register generate: {refusal}", file=sys.stderr)
        return 1
    # what MkDocs would read (safe_fs.py), then the records: each problem as path:line: message
    problems = site_sources(config_file, (docs_dir, custom_dir, "."))
    register, diagnostics = (None, problems) if problems else load_register(root, read=read_shared)
    for d in diagnostics:
        print(d, file=sys.stderr)
    if diagnostics:
        print(f"{len(diagnostics)} error(s): nothing generated", file=sys.stderr)
        return 1
    plugin = config.plugins.get("register")
    try:
        files = plain_files(register, root, Path(docs_dir), as_of=as_of, schemas=schema_texts(),
                            nav=config.nav, lang=config.theme["language"] if "language" in config.theme else "vi",
                            site_name=config.site_name, site_url=config.site_url, repo_url=config.repo_url,
                            directory_urls=config.use_directory_urls,
                            licence=plugin.config.licence if plugin else None, split=fork_half)
    except (PlainFilesError, UnsafePath) as exc:
        print(f"register generate: {exc}: nothing generated", file=sys.stderr)
        return 1
    staging = None
    try:
        make_output_folder(root, out.parent)
        clean_leftovers(out)
        staging = new_build_folder(out)
        write_plain(files, staging, as_of)
        swap_in(staging, out)
    except OSError as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        print(f"register generate: {out} is left as it was: {exc}", file=sys.stderr)
        return 1
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    nav = f", its nav from {os.path.join(args.out, NAV_FILE)}" if NAV_FILE in files else ""
    print(f"wrote {len(files)} file(s) to {args.out}: build them with a MkDocs configuration whose "
          f"docs_dir is that folder{nav} (README: \"Without the plugin\")")
    return 0


def _site_settings(config_file: Path) -> dict:
    """Site name, address, URL style, language and data licence from mkdocs.yml, when there is one."""
    if not config_file.is_file():
        return {}
    from mkdocs.config import load_config

    _show_mkdocs(logging.WARNING)
    config = load_config(str(config_file))
    plugin = config.plugins.get("register")
    return {"site_name": config.site_name, "site_url": config.site_url,
            "directory_urls": config.use_directory_urls,
            "lang": config.theme["language"] if "language" in config.theme else "vi",
            "licence": plugin.config.licence if plugin else None}


def _note_unpublished(root: Path, register) -> None:
    from generator.core.check.permalinks import PUBLISHED, unrecorded

    missing = unrecorded(root, register)
    if missing:
        shown = " ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        print(f"note: {len(missing)} address(es) not yet in {PUBLISHED} ({shown}): run "
              "`register export --published` and commit the file with your change", file=sys.stderr)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="register", description="The e-government decisions register.")
    p.add_argument("--root", default=".", help="the register's folder (holds decisions/ and mkdocs.yml)")
    sub = p.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check every record; print every problem as path:line: message")
    check.add_argument("--format", choices=("text", "github"), default="text")
    check.add_argument("--base", metavar="COMMIT",
                       help="also fail when an address published at COMMIT (a pull request's base) "
                            "is dropped or unlisted; CI passes the base of each pull request")
    check.set_defaults(run=_check)
    for name, run, text in (("build", _build, "strict build of the site"),
                            ("serve", _serve, "live preview that reloads on edits")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("-f", "--config-file", default="mkdocs.yml")
        cmd.add_argument("--as-of", help="judge deadlines as of this date (YYYY-MM-DD)")
        cmd.add_argument("-v", "--verbose", action="store_true")
        cmd.set_defaults(run=run)
        if name == "build":
            cmd.add_argument("-d", "--site-dir", default="site")
            cmd.add_argument("--fast-build", choices=("auto", "on", "off"),
                             help="the speed-ups: off builds by the plain path only (default: the "
                                  "plugin's fast_build in mkdocs.yml, else auto)")
        else:
            cmd.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    export = sub.add_parser("export", help="write the open data (JSON, CSV, Atom) to a folder; with "
                                           "--published, record new addresses in decisions/published.txt")
    export.add_argument("--format", choices=("json", "csv", "atom", "all"), default="json")
    export.add_argument("--out", default="export", help="folder to write to (default: export)")
    export.add_argument("--as-of", help="judge deadline status as of this date (YYYY-MM-DD)")
    export.add_argument("-f", "--config-file", default="mkdocs.yml",
                        help="read site name, site_url and the data licence from it, when present")
    export.add_argument("--published", action="store_true",
                        help="add the register's new addresses to decisions/published.txt (never removes one)")
    export.set_defaults(run=_export)
    generate = sub.add_parser("generate", help="write the site's pages, open data and feeds as plain files "
                                               "into a folder, for a MkDocs-compatible engine without "
                                               "the register plugin")
    generate.add_argument("--out", required=True, help="the folder to write (a docs_dir); refused if "
                          "it holds files a previous `generate` did not write")
    generate.add_argument("--as-of", help="judge deadlines as of this date (YYYY-MM-DD)")
    generate.add_argument("-f", "--config-file", default="mkdocs.yml",
                          help="read the site's settings, docs_dir and nav from it")
    generate.set_defaults(run=_generate)
    from generator.faces.cli_editor import add_editor_commands

    add_editor_commands(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one command. Everything it prints — its messages, argparse's, MkDocs' log — passes
    through diagnostics.for_terminal: a file name or a value of a record may hold a terminal's
    control sequences, and they are shown, not acted on."""
    from generator.core.diagnostics import TerminalStream

    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalStream(out), TerminalStream(err)
    try:
        args = parser().parse_args(argv)
        return args.run(args)
    finally:
        sys.stdout, sys.stderr = out, err


def run() -> None:
    """The `register` command: `main`, then the end of the process."""
    code = main()
    # Python's last act is a pass of its garbage collector over every object left (3.2 s after
    # a 10,000-document build, to free memory the process is about to give back whole); it
    # skips frozen objects
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
