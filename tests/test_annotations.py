"""`register check --format github`: one GitHub annotation per diagnostic, on standard output,
so that each lands on its line of the pull request."""
from __future__ import annotations

import re

from conftest import edit, run_register
from generator.core.diagnostics import Diagnostic

ANNOTATION = re.compile(r"^::error file=(?P<file>[^,:]+),line=(?P<line>\d+)::(?P<message>.+)$")


def test_annotation_format():
    d = Diagnostic("decisions/2020/139-tb-vpcp.md", 12, "unknown agency 'vpcx' (did you mean 'vpcp'?)")
    assert d.github() == ("::error file=decisions/2020/139-tb-vpcp.md,line=12::"
                          "unknown agency 'vpcx' (did you mean 'vpcp'?)")


def test_annotation_escapes_what_would_end_the_command():
    d = Diagnostic("decisions/2020/a,b:c.md", 3, "50% done\nsecond line\r")
    assert d.github() == "::error file=decisions/2020/a%2Cb%3Ac.md,line=3::50%25 done%0Asecond line%0D"


def test_check_prints_annotations_for_every_problem(register_copy, capsys):
    path = register_copy / "decisions" / "agencies.yml"
    line = edit(path, r"^vpcp:$", "vpcp:\n  colour: blue")
    doc = next((register_copy / "decisions").glob("20*/*.md"))
    rel = doc.relative_to(register_copy).as_posix()
    doc_line = edit(doc, r"^issuer: .*$", "issuer: vpcx")
    code, out, err = run_register(capsys, "--root", str(register_copy), "check", "--format", "github")
    assert code == 1
    annotations = [ANNOTATION.match(l) for l in out.splitlines()]
    assert annotations and all(annotations), out
    found = {(a["file"], int(a["line"])) for a in annotations}
    assert ("decisions/agencies.yml", line + 1) in found
    assert (rel, doc_line) in found
    assert f"{len(annotations)} error(s)" in err  # the count stays on standard error


def test_check_without_problems_prints_no_annotation(capsys):
    code, out, err = run_register(capsys, "check", "--format", "github")
    assert code == 0, err
    assert "::error" not in out and out.startswith("ok: ")
