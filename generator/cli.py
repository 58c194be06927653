"""`register check|build|serve`: thin wrappers over the core and MkDocs."""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .load import load_register


def _check(args: argparse.Namespace) -> int:
    register, diagnostics = load_register(Path(args.root))
    for d in diagnostics:
        print(d.github() if args.format == "github" else str(d), file=sys.stderr)
    if diagnostics:
        print(f"{len(diagnostics)} error(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(register.documents)} documents, {len(register.tasks)} tasks, "
          f"{len(register.agencies)} agencies, {len(register.people)} people, "
          f"{len(register.bodies)} bodies, {len(register.cited)} cited documents not yet in the register")
    return 0


def _config_file(args: argparse.Namespace) -> str:
    path = Path(args.root) / args.config_file
    if not path.is_file():
        raise SystemExit(f"register: no MkDocs configuration at {path}")
    return str(path)


def _build(args: argparse.Namespace) -> int:
    """A strict build into a fresh folder, swapped in only when it succeeded."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if args.as_of:
        os.environ["REGISTER_AS_OF"] = args.as_of
    config_file = _config_file(args)
    site_dir = (Path(config_file).parent / args.site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    _quiet_mkdocs(args.verbose)
    try:
        config = load_config(config_file, strict=True, site_dir=str(staging))
        build(config)
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"register build failed: {exc}", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
        site_dir.rename(old)
    staging.chmod(0o755)
    staging.rename(site_dir)
    if old:
        shutil.rmtree(old, ignore_errors=True)
    print(f"built {site_dir}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    if args.as_of:
        os.environ["REGISTER_AS_OF"] = args.as_of
    serve(config_file=_config_file(args), dev_addr=args.dev_addr, livereload=True)
    return 0


def _quiet_mkdocs(verbose: bool) -> None:
    """MkDocs logs through `logging`; show warnings and errors unless asked for more."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="register", description="The e-government decisions register.")
    p.add_argument("--root", default=".", help="the register's folder (holds decisions/ and mkdocs.yml)")
    sub = p.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check every record; print every problem as path:line: message")
    check.add_argument("--format", choices=("text", "github"), default="text")
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
        else:
            cmd.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
