"""Reading untrusted files: lines are kept, nothing is constructed, bad bytes are refused."""
from __future__ import annotations

from pathlib import Path

from generator.core.diagnostics import Diagnostics, Loc
from generator.core.read.source import LMap, line_of, parse_yaml, read_markdown


def parse(text: str, first_line: int = 1):
    diags = Diagnostics()
    return parse_yaml(text, Loc("x.yml", first_line), diags), [str(d) for d in diags.sorted()]


def test_every_value_keeps_its_line():
    data, errors = parse("a: 1\nb:\n  - x\n  - {c: 2}\n", first_line=10)
    assert errors == []
    assert data == {"a": "1", "b": ["x", {"c": "2"}]}
    assert line_of(data, "a") == 10 and line_of(data, "b") == 11
    assert line_of(data["b"], 1) == 13 and line_of(data["b"][1], "c") == 13


def test_scalars_stay_text_so_ids_and_dates_are_not_reinterpreted():
    data, _ = parse("id: 2\nissued: 2019-09-23\nmonth: 2019-09\nyear: 2018\nflag: true\nnothing: ~\n")
    assert data == {"id": "2", "issued": "2019-09-23", "month": "2019-09", "year": "2018",
                    "flag": True, "nothing": None}


def test_python_tags_are_refused_not_constructed():
    data, errors = parse("x: !!python/object/apply:os.system ['echo pwned']\n")
    assert data is None
    assert errors == ["x.yml:1: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'"]


def test_aliases_are_refused_so_a_billion_laughs_cannot_explode():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9))
    data, errors = parse(bomb)
    assert data is None
    assert len(errors) == 1 and "aliases" in errors[0]


def test_duplicate_keys_are_reported_with_both_lines():
    _, errors = parse("name: A\nname: B\n")
    assert errors == ["x.yml:2: duplicate key 'name' (first on line 1)"]


def test_deep_nesting_is_refused():
    _, errors = parse("a: " + "[" * 60 + "]" * 60 + "\n")
    assert errors and "nested" in errors[0]


def test_malformed_yaml_names_the_line():
    _, errors = parse("a: 1\nb: [unclosed\nc: 2\n", first_line=2)
    assert errors and errors[0].startswith("x.yml:") and "malformed YAML" in errors[0]


def test_front_matter_lines_match_the_file(tmp_path: Path):
    path = tmp_path / "doc.md"
    path.write_bytes("\ufeff---\r\nnumber: 1/TB-VPCP\r\ntitle: Thông báo\r\n---\r\nVăn bản.\r\n".encode())
    diags = Diagnostics()
    md = read_markdown(path, "doc.md", diags)
    assert not diags
    assert isinstance(md.meta, LMap)
    assert line_of(md.meta, "number") == 2 and line_of(md.meta, "title") == 3
    assert md.body == "Văn bản.\n" and md.body_line == 5


def test_text_is_normalised_to_nfc(tmp_path: Path):
    path = tmp_path / "doc.md"
    decomposed = "Vu\u0303 \u0110u\u031b\u0301c \u0110am"  # "Vũ Đức Đam" typed with combining marks
    path.write_text(f"---\nname: {decomposed}\n---\n{decomposed}\n", encoding="utf-8")
    md = read_markdown(path, "doc.md", Diagnostics())
    assert md.meta["name"] == "Vũ Đức Đam" and md.body.strip() == "Vũ Đức Đam"


def test_oversize_files_are_refused(tmp_path: Path):
    path = tmp_path / "big.md"
    path.write_bytes(b"---\ntitle: x\n---\n" + b"a" * (2 * 1024 * 1024 + 1))
    diags = Diagnostics()
    assert read_markdown(path, "big.md", diags) is None
    assert "limit" in str(diags.sorted()[0])
