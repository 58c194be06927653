"""Every input `check` accepts builds; what cannot be shown safely `check` refuses with
`path:line: message`, never a traceback (issue 28).

One rule for every string of a record or a registry (generator/core/text_rules.py): no control
character but tab and line feed, no lone surrogate, no noncharacter, no private-use character
(the build's own marks are private-use characters), no bidirectional override, embedding or
isolate; single-line fields take no tab or line break; ids and file names fit a file name.
Each is tried written raw in the file and as an escape of a double-quoted YAML value, in a
document, a registry, a key, the body; then a property test writes records with arbitrary
Unicode in every string field: `check` refuses them where they are, or the pages, the open
data and (for a few) the real site are made without an exception.
"""
from __future__ import annotations

import json
import shutil
import unicodedata
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SMALL, run_register, small_register
from generator.core.read.load import load_register
from generator.core.render import render_site
from generator.core.text_rules import MAX_NAME_BYTES
from generator.publish.export import export_files

NEW = "decisions/2023/7-tb-ba.md"


def raw(value: str) -> str:
    """A YAML double-quoted scalar holding `value`, every character written as itself."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def escaped(value: str) -> str:
    """A YAML double-quoted scalar holding `value`, every character but printable ASCII as an
    escape of its code point (\\x.., \\u...., \\U........)."""
    def one(char: str) -> str:
        code = ord(char)
        if 0x20 <= code < 0x7F:
            return "\\" + char if char in '"\\' else char
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    return '"' + "".join(one(char) for char in value) + '"'


def record(title: str = '"Thông báo thử nghiệm"', signer_as: str = '"Bộ trưởng"',
           source_title: str = '"Cổng thông tin Bộ A"', task_title: str = '"Xây dựng cổng thử nghiệm"',
           due_phrase: str = '"trong năm 2023"', report: str = '"Đang triển khai"',
           subject: str = '"về việc thử nghiệm"', body: str = "Giao Bộ A xây dựng cổng thử nghiệm.",
           extra: str = "", stem: str = "7-tb-ba", task_id: str = "cong-thu-nghiem") -> str:
    """A new notice of the small register with its string values as given (YAML scalars)."""
    number = 'number: "7/TB-BA"\n' if stem == "7-tb-ba" else ""
    return (f"---\n{number}type: thong-bao\ntitle: {title}\nissuer: bo-a\nissued: 2023-02-01\n"
            f"signer: {{person: nguyen-van-an, as: {signer_as}}}\n"
            f"sources:\n  - {{kind: official, title: {source_title}}}\n"
            f"cites:\n  - {{number: 9/TB-BB, subject: {subject}}}\n{extra}"
            f"actions:\n  - para: \"1\"\n    assign:\n      task: {{id: {task_id}, title: {task_title}}}\n"
            f"      lead: bo-a\n      due: 2023-12\n      due_phrase: {due_phrase}\n"
            f"  - para: \"1\"\n    report:\n      task: {task_id}\n      status: note\n      text: {report}\n"
            f"---\n{body} {{#d-1}}\n")


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def check(capsys, root: Path) -> tuple[int, list[str], str]:
    code, out, err = run_register(capsys, "--root", str(root), "check")
    assert "Traceback" not in out + err
    return code, [line for line in err.splitlines() if line.startswith("decisions/")], out


# Characters no page, feed or terminal can show as typed, one of each kind, none of the issue's
# examples: a bell, the C1 "string terminator", DEL, NEL, a noncharacter of the Arabic block and
# of an astral plane, private use of the BMP and of plane 16, the right-to-left isolate and the
# left-to-right override.
HIDDEN = {
    "bell": "\x07", "C1 string terminator": "\x9c", "delete": "\x7f", "next line": "\x85",
    "noncharacter U+FDDA": "\ufdda", "noncharacter U+2FFFF": "\U0002ffff",
    "private use U+F0FF": "\uf0ff", "private use U+10ABCD": "\U0010abcd",
    "right-to-left isolate": "\u2067", "left-to-right override": "\u202d",
}


@pytest.mark.parametrize("kind", sorted(HIDDEN))
def test_a_hidden_character_typed_in_a_title_is_refused_on_its_line(tmp_path, capsys, kind):
    root = small_register(tmp_path / "r")
    text = record(title=raw(f"Thông báo {HIDDEN[kind]} thử nghiệm"))
    write(root, NEW, text)
    code, lines, _ = check(capsys, root)
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{NEW}:{line_of(text, 'title:')}: this line contains ")
    assert f"U+{ord(HIDDEN[kind]):04X}" in lines[0] and lines[0].endswith("; delete it")


@pytest.mark.parametrize("kind", sorted(HIDDEN))
def test_a_hidden_character_written_as_an_escape_is_refused_on_its_line(tmp_path, capsys, kind):
    root = small_register(tmp_path / "r")
    text = record(signer_as=escaped(f"Phó {HIDDEN[kind]}Thủ tướng"))
    assert HIDDEN[kind] not in text  # only its escape is in the file
    write(root, NEW, text)
    code, lines, _ = check(capsys, root)
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{NEW}:{line_of(text, 'signer:')}: a quoted value contains ")
    assert f"U+{ord(HIDDEN[kind]):04X}" in lines[0]


@pytest.mark.parametrize("where", ["body", "registry name", "registry alias", "key", "comment"])
def test_hidden_characters_are_refused_wherever_they_stand(tmp_path, capsys, where):
    root = small_register(tmp_path / "r")
    if where == "body":
        text = record(body="Giao Bộ A xây dựng\n\ncổng \u202ethử nghiệm‮ mới.")
        write(root, NEW, text)
        expected = (NEW, line_of(text, "cổng \u202e"))
    elif where == "comment":  # a reviewer reads comments too: no disguised text there either
        text = record(extra="# ghi chú \u2066ẩn\u2069\n")
        write(root, NEW, text)
        expected = (NEW, line_of(text, "# ghi chú"))
    else:
        rel = "decisions/people.yml"
        text = (root / rel).read_text(encoding="utf-8")
        addition = {"registry name": 'le-van-cuong:\n  name: "Lê Văn \\x1b[8mCường"\n',
                    "registry alias": 'le-van-cuong:\n  name: Lê Văn Cường\n  aliases: ["L\\u00ea V\\u0103n C\\u01b0\\u1eddng\\ue123"]\n',
                    "key": 'le-van-cuong:\n  name: Lê Văn Cường\n  "note\\u200f\\u202b": x\n'}[where]
        text += addition
        write(root, rel, text)
        needle = {"registry name": "name: \"Lê", "registry alias": "aliases:", "key": '"note'}[where]
        expected = (rel, line_of(text, needle))
    code, lines, _ = check(capsys, root)
    assert code == 1  # (a registry refused whole, the records naming its people are reported too)
    assert [line.split(": ", 1)[0] for line in lines if line.startswith(expected[0] + ":")] == [
        f"{expected[0]}:{expected[1]}"]


@pytest.mark.parametrize("escape", ["\\udc80", "\\ud83d\\ude00", "\\udbff"])
def test_a_lone_surrogate_escape_is_refused_with_its_line_not_a_crash(tmp_path, capsys, escape):
    root = small_register(tmp_path / "r")
    text = record(task_title=f'"Cổng {escape} thử nghiệm"')
    write(root, NEW, text)
    code, lines, _ = check(capsys, root)
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"{NEW}:{line_of(text, 'task:')}: a quoted value contains a lone surrogate")
    assert "\\U0001F600" in lines[0]  # says how to write an astral character instead
    code, _, err = run_register(capsys, "--root", str(root), "build", "--site-dir", str(tmp_path / "site"))
    assert code == 1 and "Traceback" not in err and f"{NEW}:" in err
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("field, value, what", [
    ("title", '"Thông báo\\tthử nghiệm"', "a tab"),
    ("source_title", '"Cổng thông tin\\nBộ A"', "a line break"),
    ("due_phrase", '|\n        trong năm\n        2023', "a line break"),
])
def test_single_line_fields_take_no_tab_or_line_break(tmp_path, capsys, field, value, what):
    root = small_register(tmp_path / "r")
    text = record(**{field: value})
    write(root, NEW, text)
    code, lines, _ = check(capsys, root)
    assert code == 1
    key = {"title": "title:", "source_title": "sources:\n  - ", "due_phrase": "due_phrase:"}[field]
    line = line_of(text, key) + key.count("\n")
    assert len(lines) == 1 and lines[0].startswith(f"{NEW}:{line}: ")
    assert f"must be on one line, and contains {what}" in lines[0]


def test_a_report_text_may_run_over_lines_and_text_is_stored_nfc(tmp_path, capsys):
    root = small_register(tmp_path / "r")
    decomposed = unicodedata.normalize("NFD", "Thông báo thử nghiệm")
    write(root, NEW, record(title=raw(decomposed), report='|\n        Dòng thứ nhất.\n        Dòng thứ hai.'))
    code, lines, _ = check(capsys, root)
    assert code == 0 and lines == []
    register, _ = load_register(root)
    doc = register.documents["2023/7-tb-ba"]
    assert doc.title == unicodedata.normalize("NFC", decomposed) != decomposed
    report = [a for a in doc.actions if a.kind == "report"][0]
    assert report.text == "Dòng thứ nhất.\nDòng thứ hai."


@pytest.mark.parametrize("key", ["~", "null", "Null", "NULL", "''"])
def test_a_null_key_is_reported_on_its_own_line(tmp_path, capsys, key):
    root = small_register(tmp_path / "r")
    text = record(extra=f"{key}: ghi chú\n")
    write(root, NEW, text)
    code, lines, _ = check(capsys, root)
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{NEW}:{line_of(text, key + ': ghi')}: ")
    assert ("a field name must be text" if key != "''" else "unknown field ''") in lines[0]
    people = root / "decisions/bodies.yml"
    registry = people.read_text(encoding="utf-8") + f"hoi-dong-2:\n  name: Hội đồng Hai\n  {key}: x\n"
    people.write_text(registry, encoding="utf-8")
    write(root, NEW, record())
    code, lines, _ = check(capsys, root)
    assert [line.split(": ", 1)[0] for line in lines if line.startswith("decisions/bodies.yml")] == [
        f"decisions/bodies.yml:{line_of(registry, f'  {key}: x')}"]


def test_names_longer_than_a_file_system_takes_are_refused_and_the_longest_allowed_builds(tmp_path, capsys):
    root = small_register(tmp_path / "r")
    # a file name of 201 bytes, a task id of 203, an agency id of 250: each refused where it is
    long_stem = "thong-bao-" + "ab" * 95 + "c"
    assert len(long_stem) == MAX_NAME_BYTES + 1
    long_rel = f"decisions/2023/{long_stem}.md"
    write(root, long_rel, record(stem=long_stem, task_id="viec-1"))
    task_text = record(task_id="nhiem-vu-" + "x" * 194)
    write(root, NEW, task_text)
    agencies = root / "decisions/agencies.yml"
    agency_text = agencies.read_text(encoding="utf-8") + f"{'cuc-' + 'd' * 246}:\n  name: Cục D\n"
    agencies.write_text(agency_text, encoding="utf-8")
    code, lines, _ = check(capsys, root)
    assert code == 1
    assert sorted(line.split(": ", 1)[0] for line in lines) == sorted([
        f"{long_rel}:1", f"{NEW}:{line_of(task_text, 'task: {id')}", f"{NEW}:{line_of(task_text, 'task: nhiem')}",
        f"decisions/agencies.yml:{line_of(agency_text, 'cuc-ddd')}"])
    assert all(f"at most {MAX_NAME_BYTES} bytes" in line for line in lines)

    # at the limit, each becomes a page folder and an open-data file of the built site
    (root / long_rel).unlink()
    stem, task = "cong-van-" + "e" * (MAX_NAME_BYTES - 9), "nhiem-vu-" + "f" * (MAX_NAME_BYTES - 9)
    agency = "cuc-" + "g" * (MAX_NAME_BYTES - 4)
    assert len(stem) == len(task) == len(agency) == MAX_NAME_BYTES
    agencies.write_text(agency_text.rsplit("cuc-", 1)[0] + f"{agency}:\n  name: Cục G\n", encoding="utf-8")
    write(root, NEW, record(stem=stem, task_id=task).replace("type: thong-bao", "type: cong-van")
          .replace("lead: bo-a", f"lead: {agency}"))
    (root / NEW).rename(root / f"decisions/2023/{stem}.md")
    site = tmp_path / "site"
    code, out, err = run_register(capsys, "--root", str(root), "build", "--site-dir", str(site))
    assert code == 0, err
    assert (site / f"van-ban/2023/{stem}/index.html").is_file()
    assert (site / f"nhiem-vu/{task}/index.html").is_file()
    assert (site / f"co-quan/{agency}/index.html").is_file()
    assert json.loads((site / f"van-ban/2023/{stem}.json").read_text(encoding="utf-8"))


def test_text_holding_private_use_characters_is_shown_as_written():
    """Private-use characters are what engines mark their own blocks with (Python-Markdown's
    placeholders); `check` refuses them in records, and text that holds them anyway (a git
    author's name) is written as entities, which are never taken for a mark."""
    from generator.core.render.markup import text
    html = text("Đoạn \ue0001\ue001 hai.")
    assert html == "Đoạn &#57344;1&#57345; hai." and "\ue000" not in html


# --- property: what check accepts builds ----------------------------------------------------

def _shown(char: str) -> bool:
    code = ord(char)
    return not (unicodedata.category(char) in ("Cc", "Cs", "Co") or 0x202A <= code <= 0x202E
                or 0x2066 <= code <= 0x2069 or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE)


SHOWN_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co")).filter(_shown),
                     min_size=1, max_size=40).filter(str.strip)
# characters that break an output: controls, surrogates, noncharacters, the build's marks, bidi
TROUBLE = ["\x00", "\x01", "\x0b", "\x1b", "\x7f", "\x9b", "\ud800", "\udfff", "\ufffe", "\uffff",
           "\ufdd0", "\ue000", "\ue001", "\ue020", "\ue021", "\U0010fffe", "\u202e", "\u2069", "\u2028"]
# any character at all, as often one of those
ANY_CHAR = st.one_of(st.sampled_from(TROUBLE), st.characters(categories=("Cc", "Cs", "Co", "Cn", "Cf", "Zl", "Zp")),
                     st.characters())
FIELDS = ("title", "signer_as", "source_title", "task_title", "due_phrase", "report", "subject")


def _render_everything(root: Path) -> bool:
    """What the build makes of a register, without MkDocs: every page, the open
    data, the feed. None of it may raise; every page and file must be UTF-8 and the feed XML."""
    register, diagnostics = load_register(root)
    if register is None:
        for d in diagnostics:
            assert d.path.startswith("decisions/") and d.line >= 1 and d.message
        return False
    site = render_site(register, as_of=date(2024, 1, 1))
    for page in site.pages.values():
        page.encode("utf-8")
    files = export_files(register, as_of=date(2024, 1, 1), site_name="Sổ", site_url="https://example.org/so/")
    ET.fromstring(files["van-ban-moi.xml"])
    for content in files.values():
        content.decode("utf-8")
    return True


def _hostile_register(root: Path, texts: dict[str, str], escape: bool) -> Path:
    """The small register with a new notice whose string fields hold `texts` (FIELDS, "body")
    and a new person whose name and alias do ("name", "alias"), quoted raw or as escapes."""
    quote = escaped if escape else raw
    shutil.copytree(SMALL, root / "decisions")
    body = texts.get("body", "Giao Bộ A.").replace("\r", " ").replace("{", "(").replace("}", ")").strip() or "x"
    write(root, NEW, record(**{name: quote(texts[name]) for name in FIELDS if name in texts}, body=body))
    people = (root / "decisions/people.yml").read_text(encoding="utf-8")
    write(root, "decisions/people.yml", people + f"le-thi-dung:\n  name: {quote(texts.get('name', 'Lê Thị Dung'))}\n"
          f"  aliases: [{quote(texts.get('alias', 'Lê T. Dung'))}]\n")
    return root


def test_every_troublesome_character_in_every_field_is_refused_or_rendered(tmp_path):
    """Each character that breaks an output, typed or escaped, in each string: refused by check
    where it stands (all but the line separator), never a crash."""
    for field in FIELDS + ("body", "name", "alias"):
        for char in TROUBLE:
            for escape in (False, True) if field != "body" else (False,):
                root = _hostile_register(tmp_path / f"{field}-{ord(char):x}-{escape}",
                                         {field: f"Chữ {char}thử"}, escape)
                accepted = _render_everything(root)
                assert accepted == (char == "\u2028"), (field, hex(ord(char)), escape)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(st.sampled_from((None, "body", "name", "alias") + FIELDS), st.booleans(), ANY_CHAR, st.data())
def test_records_check_accepts_render_without_an_exception(tmp_path_factory, hostile, escape, char, data):
    """Every string of a record and a registry entry holds arbitrary characters check accepts,
    and one of them (`hostile`) also holds any character at all (`char`): check refuses it
    where it is, or every page and open-data file is made."""
    texts = {field: data.draw(SHOWN_TEXT, label=field) for field in FIELDS + ("body", "name", "alias")}
    if hostile:
        at = data.draw(st.integers(0, len(texts[hostile])), label="at")
        texts[hostile] = texts[hostile][:at] + char + texts[hostile][at:]
    accepted = _render_everything(_hostile_register(tmp_path_factory.mktemp("prop") / "r", texts, escape))
    assert accepted or hostile, "check refused a record of characters it accepts"


FEW = [
    # scripts, combining marks, astral characters, zero-width joiners, a BOM inside a word
    {"title": "Thông báo ۱۲ שלום 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧 Z͑ͫ̓ͪ̂ͫ̽͏̴̙", "signer_as": "Phó\u00a0Thủ\ufeff tướng",
     "task_title": "Nhiệm vụ 𠀀𪚥 " + "ư" * 300, "report": "Báo cáo\u200b\u200d xong 🇻🇳"},
    # quotes, brackets and entities that every writer must escape (page, feed, CSV, JSON)
    {"title": "=1+1 @SUM(A1) <b>&amp;</b> \"quoted\" 'single' ]]> -->", "subject": "- gạch đầu dòng",
     "due_phrase": "+84 \\ / | ` ~ # %", "source_title": "\u2028 separator \u2029"},
]


@pytest.mark.parametrize("case", range(len(FEW)))
def test_a_few_accepted_records_build_into_a_site(tmp_path, capsys, case):
    root = small_register(tmp_path / "r")
    values = {name: raw(value) for name, value in FEW[case].items()}
    write(root, NEW, record(**values, body=FEW[case]["title"].replace("<", "‹")))
    code, _, err = run_register(capsys, "--root", str(root), "check")
    assert code == 0, err
    site = tmp_path / "site"
    code, _, err = run_register(capsys, "--root", str(root), "build", "--site-dir", str(site))
    assert code == 0, err
    page = (site / "van-ban/2023/7-tb-ba/index.html").read_text(encoding="utf-8")
    assert "Traceback" not in err
    ET.parse(site / "van-ban-moi.xml")
    import html
    assert html.escape(FEW[case]["title"].split(" ")[1], quote=False) in page
