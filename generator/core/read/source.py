"""Read: files of the register into plain data that remembers the line of every value.

Untrusted input: files are size-limited, must be UTF-8, YAML is composed with the safe loader
and converted by hand so that no tag is ever constructed, aliases are refused (no billion
laughs) and nesting is bounded. Text is normalised to NFC here, once, for everything after,
and every character is checked against text_rules.py here, once: the file's text, then each
YAML value and key as its escapes decode it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from generator.core.diagnostics import Diagnostics, Loc
from generator.core.safe_fs import UnsafePath, read_regular
from generator.core.text_rules import text_problem

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 20
MAX_NODES = 20_000

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:binary",
}


class LMap(dict):
    """A YAML mapping that knows the line of each key (and its own first line)."""

    line: int
    lines: dict[str, int]


class LList(list):
    """A YAML sequence that knows the line of each item."""

    line: int
    lines: list[int]


def line_of(value: Any, key: Any = None, default: int = 1) -> int:
    """Line of `value[key]` (or of `value` itself) when the value came from YAML."""
    if key is not None:
        if isinstance(value, LMap):
            return value.lines.get(key, value.line)
        if isinstance(value, LList) and isinstance(key, int) and 0 <= key < len(value.lines):
            return value.lines[key]
    return getattr(value, "line", default)


class _Refused(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message


class _Reparse(Exception):
    """libyaml's result holds what the Python parser may read otherwise (see below)."""


def _convert(node: yaml.Node, base: int, seen: set[int], depth: int, budget: list[int],
             fast: bool = False, in_flow: bool = False) -> Any:
    line = base + node.start_mark.line
    if id(node) in seen:
        raise _Refused(line, "YAML anchors and aliases (&, *) are not allowed in the register")
    seen.add(id(node))
    budget[0] += 1
    if budget[0] > MAX_NODES:
        raise _Refused(line, f"too many YAML values (more than {MAX_NODES})")
    if depth > MAX_DEPTH:
        raise _Refused(line, f"YAML nested more than {MAX_DEPTH} levels deep")
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            if fast:
                raise _Reparse
            raise _Refused(line, f"unsupported YAML tag {node.tag!r}")
        flow = in_flow or bool(node.flow_style)
        out = LMap()
        out.line, out.lines = line, {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                if fast:
                    raise _Reparse
                raise _Refused(base + key_node.start_mark.line, "a mapping key must be plain text")
            key = _scalar(key_node, base, fast, flow)
            key_line = base + key_node.start_mark.line
            if key is None or isinstance(key, bool):
                # `~: x`, `null: x`, `: x`, `yes: x`: a name YAML reads as no name, or as true
                raise _Refused(key_line, f"a field name must be text, not {key_node.value or 'empty'!r}; "
                               "quote it if it is meant as text")
            if key in out:
                raise _Refused(key_line, f"duplicate key {key!r} (first on line {out.lines[key]})")
            out[key] = _convert(value_node, base, seen, depth + 1, budget, fast, flow)
            out.lines[key] = key_line
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            if fast:
                raise _Reparse
            raise _Refused(line, f"unsupported YAML tag {node.tag!r}")
        flow = in_flow or bool(node.flow_style)
        seq = LList()
        seq.line, seq.lines = line, []
        for item in node.value:
            seq.append(_convert(item, base, seen, depth + 1, budget, fast, flow))
            seq.lines.append(base + item.start_mark.line)
        return seq
    return _scalar(node, base, fast, in_flow)


def _scalar(node: yaml.ScalarNode, base: int, fast: bool = False, in_flow: bool = False) -> Any:
    """Scalars stay text (ids like `2`, dates like `2019-09`), except null and booleans."""
    if fast and in_flow and not node.style and "?" in node.value:  # plain: None, or "" from libyaml
        raise _Reparse
    if node.tag == "tag:yaml.org,2002:null":
        return None
    if node.tag == "tag:yaml.org,2002:bool":
        return node.value.lower() in ("true", "yes", "on", "y")
    if node.tag not in _PLAIN_TAGS:
        if fast:
            raise _Reparse
        raise _Refused(base + node.start_mark.line, f"unsupported YAML tag {node.tag!r}")
    # the file's characters were checked as read (read_text): what is refused here was written
    # as an escape of a double-quoted value ("\\x1b", "\\ud800", "\\u202e")
    problem = text_problem(node.value)
    if problem:
        remedy = ("write the character itself, or one escape of its whole code point such as "
                  "\\U0001F600 (\\ud83d\\ude00 is two halves)" if "\ud800" <= node.value[problem.at] <= "\udfff"
                  else "delete the escape that writes it")
        raise _Refused(base + node.start_mark.line,
                       f"a quoted value {problem.what}; {remedy}")
    return unicodedata.normalize("NFC", node.value)


# libyaml (C) composes a file about ten times faster than PyYAML's Python parser, which was
# most of the time `register check` spent on a large register. Its error messages are worded
# differently, so a file it refuses is composed again by the Python parser, whose messages
# the diagnostics below are written for. Where the two disagree on what is valid, the Python
# parser decides: libyaml accepts tabs and a BOM where the Python parser refuses them (such
# text goes to the Python parser only), and "?" inside a plain value of a flow collection
# ({kind: off?icial}) and tags ({person: !x}) where the Python parser refuses them (_convert
# meets them and raises _Reparse: the text is composed again, by the Python parser).
# A differential fuzz of mutated records found no other disagreement (values, lines, messages).
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_PYTHON_ONLY = re.compile("[\t\ufeff]")


def _compose(text: str, fast: bool):
    if fast:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER), True
        except (yaml.YAMLError, RecursionError, ValueError):
            pass  # the Python parser says what is wrong
    return yaml.compose(text, Loader=yaml.SafeLoader), False


def parse_yaml(text: str, loc: Loc, diags: Diagnostics) -> Any:
    """Parse YAML text whose first line is `loc.line`; report problems instead of raising."""
    fast = _FAST_LOADER is not None and not _PYTHON_ONLY.search(text)
    while True:
        try:
            node, fast = _compose(text, fast)
        except yaml.MarkedYAMLError as exc:
            # An unclosed bracket or quote is noticed lines later: point at where it was opened.
            opened = exc.context_mark if exc.context and exc.context.startswith(
                ("while scanning", "while parsing a flow")) else None
            mark = opened or exc.problem_mark or exc.context_mark
            line = loc.line + (mark.line if mark else 0)
            message = f"malformed YAML: {exc.problem or exc.context}"
            if opened and exc.problem_mark:
                what = exc.context.removeprefix("while scanning ").removeprefix("while parsing ")
                message = (f"malformed YAML: {what} starts here and is not closed "
                           f"(line {loc.line + exc.problem_mark.line}: {exc.problem})")
            diags.error(Loc(loc.path, line), message)
            return None
        except yaml.YAMLError as exc:
            diags.error(loc, f"malformed YAML: {exc}")
            return None
        except RecursionError:
            diags.error(loc, "malformed YAML: nested too deeply")
            return None
        if node is None:
            return None
        try:
            return _convert(node, loc.line, set(), 0, [0], fast)
        except _Reparse:
            fast = False   # compose it again, with the Python parser
        except _Refused as refused:
            diags.error(Loc(loc.path, refused.line), refused.message)
            return None


def read_text(path: Path, rel: str, diags: Diagnostics) -> str | None:
    """The file's text, NFC, LF line ends, no BOM; None (with a diagnostic) when unreadable."""
    try:  # never through a link, never a pipe or device (safe_fs.py)
        raw = read_regular(path, rel, MAX_FILE_BYTES)
    except UnsafePath as exc:
        diags.error(Loc(exc.rel, 1), exc.message)
        return None
    except ValueError as exc:
        diags.error(Loc(rel, 1), str(exc))
        return None
    except OSError as exc:
        diags.error(Loc(rel, 1), f"cannot read file: {exc.strerror or exc}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        diags.error(Loc(rel, line), f"file is not UTF-8 (byte {exc.start}); save it as UTF-8")
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        diags.error(Loc(rel, text[: text.index("\x00")].count("\n") + 1), "file contains a NUL byte")
        return None
    text = unicodedata.normalize("NFC", text)
    return text if _characters_ok(text, rel, diags) else None


MAX_CHARACTER_ERRORS = 20  # per file: enough to see the pattern, not a flood


def _characters_ok(text: str, rel: str, diags: Diagnostics) -> bool:
    """Report each line holding a character text_rules.py refuses (its first one); linear."""
    start, line, reported = 0, 1, 0
    while reported < MAX_CHARACTER_ERRORS:
        problem = text_problem(text[start:])
        if problem is None:
            break
        at = start + problem.at
        line += text.count("\n", start, at)
        diags.error(Loc(rel, line), f"this line {problem}")
        reported += 1
        end = text.find("\n", at)
        if end < 0:
            break
        start, line = end + 1, line + 1
    return reported == 0


@dataclass
class MarkdownFile:
    """A document file split into front matter (located data) and body text."""

    rel: str
    meta: Any
    body: str
    body_line: int


_BOUNDARY = YAMLHandler.FM_BOUNDARY


def read_markdown(path: Path, rel: str, diags: Diagnostics) -> MarkdownFile | None:
    text = read_text(path, rel, diags)
    if text is None:
        return None
    first = _BOUNDARY.match(text)
    second = _BOUNDARY.search(text, first.end()) if first else None
    if not first or not second:
        diags.error(Loc(rel, 1), "no front matter: the file must start with a '---' line and "
                    "close the front matter with another '---' line")
        return None
    fm_start_line = text.count("\n", 0, first.end()) + 1
    errors_before = len(diags)
    meta = parse_yaml(text[first.end(): second.start()], Loc(rel, fm_start_line), diags)
    if len(diags) > errors_before:
        return None
    rest = text[second.end():]
    body = rest.lstrip("\n")
    body_line = text.count("\n", 0, second.end()) + 1 + len(rest) - len(body)
    return MarkdownFile(rel, meta, body, body_line)


def read_yaml_file(path: Path, rel: str, diags: Diagnostics) -> Any:
    text = read_text(path, rel, diags)
    if text is None:
        return None
    return parse_yaml(text, Loc(rel, 1), diags)
