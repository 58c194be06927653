"""`register new` and `register import`: the editor's commands, thin wrappers over scaffold.py
and importer.py. cli.py adds them with `add_editor_commands`."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.core.safe_fs import write_inside
from generator.core.vocab import DOCUMENT_TYPES, SOURCE_KINDS


def _new(args: argparse.Namespace) -> int:
    from generator.editor.scaffold import Refused, plan, write_new

    root = Path(args.root)
    try:
        doc = plan(root, number=args.number, type=args.type, issuer=args.issuer, date=args.date,
                   title=args.title, slug=args.slug, meeting=args.meeting,
                   source_kind=args.source_kind, source_title=args.source_title, url=args.url)
        path = write_new(root, doc)
    except Refused as refused:
        for problem in refused.problems:
            print(f"register new: {problem}", file=sys.stderr)
        print("register new: nothing was written", file=sys.stderr)
        return 1
    print(f"wrote {doc.path}")
    print("next: fill in its fields (see the comments), paste the text below the front matter, "
          "and run `register check`", file=sys.stderr)
    return 0 if path else 1


def _import(args: argparse.Namespace) -> int:
    from generator.editor.importer import NotImportable, decode, draft_path, import_text, load_names, render_draft, summary

    root = Path(args.root)
    name = "standard input" if args.file == "-" else args.file
    try:
        if args.file == "-":
            raw = sys.stdin.buffer.read()
        else:
            raw = Path(args.file).read_bytes()
        text = decode(raw, name)
    except OSError as exc:
        print(f"register import: cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except NotImportable as exc:
        print(f"register import: {exc}; nothing was written", file=sys.stderr)
        return 1
    names, notes = load_names(root)
    for note in notes:
        print(f"register import: note: {note}", file=sys.stderr)
    draft = import_text(text, names, source_kind=args.source_kind, source_url=args.url,
                        source_title=args.source_title)
    for line in summary(draft):
        print(f"register import: {line}", file=sys.stderr)
    if not draft.found_anything:
        why = ("it does not look like Vietnamese text" if not draft.vietnamese else
               "no number, type, date, signer, title, citation or action was found in it")
        print(f"register import: {name}: {why}; nothing was written", file=sys.stderr)
        return 1
    origin = Path(args.file).name if args.file != "-" else "stdin"
    content = render_draft(draft, origin)
    target = args.output or draft_path(draft)
    if target == "-":
        sys.stdout.write(content)
        return 0
    if target is None:
        sys.stdout.write(content)
        print("register import: the text gives no number or no date of issue, so the draft has "
              "no place in decisions/ yet: it is printed above; save it as "
              "decisions/<year>/<name>.md, or run again with -o PATH", file=sys.stderr)
        return 0
    path = Path(target) if args.output else root / target
    if os.path.lexists(path):
        print(f"register import: {target} already exists: nothing was written (never overwritten; "
              "use -o to write the draft elsewhere, or -o - to print it)", file=sys.stderr)
        return 1
    try:
        if args.output:  # a path the editor chose: O_EXCL ("x") never opens an existing name
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8") as handle:
                handle.write(content)
        else:  # in the register: never through a link in decisions/ (safe_fs.py)
            write_inside(root, target, content.encode("utf-8"), exclusive=True)
    except FileExistsError:
        print(f"register import: {target} already exists: nothing was written", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"register import: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {target} (a draft: check it against the text, confirm each `draft: true` "
          "action, then run `register check`)")
    return 0


def add_editor_commands(sub) -> None:
    """Add `new` and `import` to the CLI's subcommands."""
    new = sub.add_parser("new", help="create the file of a new document, its front matter laid out")
    new.add_argument("--number", help="số, ký hiệu as printed, e.g. 139/TB-VPCP (leave out when "
                                      "the sources give none, and give --slug)")
    new.add_argument("--type", help="; ".join(DOCUMENT_TYPES))
    new.add_argument("--issuer", help="id of the issuing agency or body (agencies.yml, bodies.yml)")
    new.add_argument("--date", help="date of issue: 2020-04-03, 2020-04, 2020-Q2 or 2020")
    new.add_argument("--title", help="trích yếu, as printed")
    new.add_argument("--slug", help="file name without .md, for a document without a number")
    new.add_argument("--meeting", help="date of the meeting whose conclusions it records")
    new.add_argument("--source-kind", help=" | ".join(SOURCE_KINDS))
    new.add_argument("--source-title", help="title of the source (portal, newspaper headline)")
    new.add_argument("--url", help="address of the source")
    new.set_defaults(run=_new)

    imp = sub.add_parser("import", help="a draft record from the raw text of a notice (portal, "
                                        "newspaper, PDF text); never overwrites")
    imp.add_argument("file", help="the text file, or - for standard input")
    imp.add_argument("-o", "--output", help="where to write the draft (default: "
                                            "decisions/<year>/<number>.md; - prints it)")
    imp.add_argument("--source-kind", choices=SOURCE_KINDS, help="where the text comes from")
    imp.add_argument("--url", help="address of the source")
    imp.add_argument("--source-title", help="title of the source")
    imp.set_defaults(run=_import)
