"""Hostile records, as a pull request could bring them: a real record mutated in the ways that
break readers (BOM, CRLF, NFD, control characters, Python tags, anchors and aliases, deep
nesting, huge values, wrong types, duplicate keys), and files built to exhaust memory. The reader
answers with diagnostics naming file and line — never a traceback — and stays within a bounded
amount of memory on the largest file it accepts to read (2 MB; larger ones are refused).
(test_hostile_input.py fuzzes the front matter's shape; test_source.py the YAML rules one by one.)"""
from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from generator.core.read.load import load_register
from generator.core.read.source import MAX_FILE_BYTES

SMALL = ROOT / "tests/fixtures/small"
DOC = "decisions/2021/1-tb-ba.md"
ORIGINAL = (SMALL / DOC).read_text(encoding="utf-8")
FRONT_END = ORIGINAL.index("\n---\n", 4)  # where the front matter ends


def _in_front(text: str, at: int, insert: str) -> str:
    """`insert` as lines of the front matter, at the start of the line `at` falls in (kept
    between the opening `---` line and the closing one, when there is one)."""
    first = text.find("\n") + 1
    end = text.find("\n---", max(first - 1, 0))
    end = len(text) if end < 0 else end + 1
    at = max(first, text.rfind("\n", 0, max(first, min(at, end))) + 1)
    return text[:at] + insert + text[at:]


MUTATIONS = {
    "bom": lambda t, at, s: "\ufeff" + t,
    "crlf": lambda t, at, s: t.replace("\n", "\r\n"),
    "nfd": lambda t, at, s: unicodedata.normalize("NFD", t),
    "control": lambda t, at, s: t[:at] + "\x00\x1b\x07"[at % 3] + t[at:],
    "python tag": lambda t, at, s: _in_front(t, at, "title: !!python/object/apply:os.system ['true']\n"),
    "alias": lambda t, at, s: _in_front(t, at, "cites: &c [1/TB-BA, *c]\n"),
    "deep": lambda t, at, s: _in_front(t, at, "sources: " + "[" * (s % 200 + 1) + "]" * (s % 200 + 1) + "\n"),
    "huge title": lambda t, at, s: _in_front(t, at, "title: " + "Ư" * (20_000 + s % 5000) + "\n"),
    "wrong type": lambda t, at, s: _in_front(t, at, ["issued: [1, {a: b}]\n", "actions: 5\n", "title: {x: 1}\n",
                                                      "signer: [nguyen-van-an]\n", "sources: yes\n"][s % 5]),
    "duplicate": lambda t, at, s: _in_front(t, at, "issuer: bo-b\n"),
    "cut": lambda t, at, s: t[:at] + t[at + 1 + s % 9:],
    "no end": lambda t, at, s: t.replace("\n---\n", "\n", 1) if t.count("\n---\n") else t,
    "nul bytes": lambda t, at, s: t[:at] + "\x00" * (s % 50) + t[at:],
    "mixed lines": lambda t, at, s: t.replace("\n", "\r", 1 + s % 5),
}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(sorted(MUTATIONS)), st.integers(0, len(ORIGINAL)), st.integers(0, 10_000)),
                min_size=1, max_size=4))
def test_a_mutated_record_gives_diagnostics_never_a_traceback(tmp_path_factory, mutations):
    text = ORIGINAL
    for name, at, seed in mutations:
        text = MUTATIONS[name](text, min(at, len(text)), seed)
    root = tmp_path_factory.mktemp("mutated") / "r"
    shutil.copytree(SMALL, root)
    (root / DOC).write_bytes(text.encode("utf-8", errors="surrogatepass"))
    register, diagnostics = load_register(root)
    assert (register is None) == bool(diagnostics)
    for d in diagnostics:
        assert d.path.startswith("decisions/") and d.line >= 1 and d.message


def test_each_mutation_alone_is_reported_where_it_is(tmp_path):
    """The mutations that break a record are each reported in that record's file."""
    for name in ("python tag", "alias", "huge title", "wrong type", "duplicate", "control", "no end"):
        root = tmp_path / name.replace(" ", "-")
        shutil.copytree(SMALL, root)
        (root / DOC).write_text(MUTATIONS[name](ORIGINAL, FRONT_END - 5, 0), encoding="utf-8")
        register, diagnostics = load_register(root)
        assert register is None and any(d.path == DOC for d in diagnostics), (name, diagnostics)
    for name in ("bom", "crlf", "nfd"):  # tolerated: the same record
        root = tmp_path / name
        shutil.copytree(SMALL, root)
        (root / DOC).write_text(MUTATIONS[name](ORIGINAL, 0, 0), encoding="utf-8")
        register, diagnostics = load_register(root)
        assert diagnostics == [] and register.documents["2021/1-tb-ba"].title.startswith("Kết luận"), name


def test_a_registry_over_the_size_limit_is_refused(tmp_path):
    root = tmp_path / "r"
    shutil.copytree(SMALL, root)
    with (root / "decisions/agencies.yml").open("a", encoding="utf-8") as f:
        f.write("# " + "x" * MAX_FILE_BYTES + "\n")
    register, diagnostics = load_register(root)
    assert register is None
    assert any(d.path == "decisions/agencies.yml" and "limit" in d.message for d in diagnostics)


# --- memory ------------------------------------------------------------------------------------

def _near_limit(head: str, unit: str, tail: str = "") -> str:
    """`head` + as many `unit`s as fit under the size limit + `tail`."""
    room = MAX_FILE_BYTES - len(head.encode()) - len(tail.encode()) - 64
    return head + unit * (room // len(unit.encode())) + tail


WORST = {
    # a flow list of a million one-letter values: libyaml builds every node before the reader's
    # count of values refuses it
    "flow list": lambda: _near_limit("---\nx: [", "a,", "a]\n" + ORIGINAL[4:]),
    # every sentence cites two documents: all accepted, all linked
    "citations": lambda: _near_limit(ORIGINAL + "\n", "Theo Quyết định số 1/TB-BA ngày 01/3/2021, Thông báo 2/TB-BA. "),
    # a billion laughs: refused at the first alias
    "aliases": lambda: "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)) + ORIGINAL[4:],
}
MEMORY_LIMIT_MB = 512  # measured: 327 MB for the flow list, 142 MB for the citations (2 MB each)

_MEASURE = textwrap.dedent("""
    import resource, sys
    from pathlib import Path
    from generator.core.read.load import load_register
    from generator.core.render import render_pages
    register, diagnostics = load_register(Path(sys.argv[1]))
    pages = render_pages(register) if register else {}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(len(diagnostics), len(pages), peak)
""")


@pytest.mark.parametrize("kind", sorted(WORST))
def test_the_largest_hostile_record_stays_within_bounded_memory(tmp_path, kind):
    root = tmp_path / "r"
    shutil.copytree(SMALL, root)
    text = WORST[kind]()
    assert len(text.encode()) <= MAX_FILE_BYTES
    (root / DOC).write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(root)], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr  # diagnostics, never a traceback
    diagnostics, pages, peak_mb = map(int, done.stdout.split())
    assert (diagnostics == 0) == (pages > 0)
    assert peak_mb < MEMORY_LIMIT_MB, f"{kind}: {peak_mb} MB"
