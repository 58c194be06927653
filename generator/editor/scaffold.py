"""`register new`: the file of a new document, at the right path, its front matter laid out and
commented. Plain Python: the CLI only passes the options and prints the result."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from generator.core.diagnostics import Diagnostics
from generator.core.numbers import DocNumber, parse_number
from generator.core.periods import Period, parse_period
from generator.core.read.fields import ID_RE, MAX_TEXT, RESERVED_NAMES, reserved_message, suggest
from generator.core.read.registries import read_agencies, read_bodies
from generator.core.safe_fs import UnsafePath, write_inside
from generator.core.text import fold
from generator.core.text_rules import name_problem, text_problem
from generator.core.vocab import DOCUMENT_TYPES, SOURCE_KINDS

__all__ = ["NewDocument", "Refused", "plan", "scaffold", "write_new"]


class Refused(Exception):
    """The options do not make a valid new document, or its file exists; nothing was written."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass
class NewDocument:
    path: str                    # relative to the register root
    number: DocNumber | None
    type: str
    issuer: str
    issued: Period
    title: str
    meeting: Period | None = None
    source_kind: str | None = None
    source_title: str | None = None
    url: str | None = None


def _text(value: str | None, name: str, problems: list[str], required: bool = True) -> str | None:
    if value is None or not value.strip():
        if required:
            problems.append(f"--{name} is required and must not be empty")
        return None
    value = " ".join(value.split())
    if len(value) > MAX_TEXT:
        problems.append(f"--{name} is longer than {MAX_TEXT} characters")
    elif (problem := text_problem(value, single_line=True)):  # what check would refuse
        problems.append(f"--{name} {problem.what}")
    return value


def plan(root: Path, *, number: str | None, type: str | None, issuer: str | None,
         date: str | None, title: str | None, slug: str | None = None, meeting: str | None = None,
         source_kind: str | None = None, source_title: str | None = None,
         url: str | None = None) -> NewDocument:
    """Check the options against the record format and the registries; every problem at once."""
    problems: list[str] = []
    parsed = None
    if number is not None:
        parsed = parse_number(number)
        if parsed is None:
            problems.append(f"--number {number!r} is not a document number such as 139/TB-VPCP, "
                            "150/2016/NĐ-CP or 52-NQ/TW")
    type_id = (type or "").strip()
    if not type_id:
        problems.append(f"--type is required: one of {', '.join(DOCUMENT_TYPES)}")
    elif type_id not in DOCUMENT_TYPES:
        problems.append(f"--type {type_id!r} is not a document type{suggest(type_id, DOCUMENT_TYPES)}; "
                        f"known: {', '.join(DOCUMENT_TYPES)}")
        type_id = ""
    if parsed and type_id:
        expected = DOCUMENT_TYPES[type_id][2]
        if expected and fold(parsed.type_abbr).upper() != fold(expected).upper():
            problems.append(f"--number {parsed.text} does not carry {expected}, the abbreviation of "
                            f"a {DOCUMENT_TYPES[type_id][0]}: check --number or --type")
    issued = None
    if not date:
        problems.append("--date is required: the date of issue, as precise as the source gives "
                        "it (2019-09-23, 2019-09, 2020-Q1 or 2019)")
    else:
        try:
            issued = parse_period(date)
        except ValueError as exc:
            problems.append(f"--date: {exc}")
    if parsed and parsed.year and issued and issued.year != parsed.year:
        problems.append(f"--date {date} is in {issued.year}, but the number {parsed.text} says "
                        f"{parsed.year}: check --number or --date")
    meeting_period = None
    if meeting:
        try:
            meeting_period = parse_period(meeting)
        except ValueError as exc:
            problems.append(f"--meeting: {exc}")
    title = _text(title, "title", problems)
    issuer_id = (issuer or "").strip()
    if not issuer_id:
        problems.append("--issuer is required: the id of an agency in decisions/agencies.yml or of "
                        "a body in decisions/bodies.yml")
    else:
        known = _issuers(root, problems)
        if known is not None and issuer_id not in known:
            problems.append(f"--issuer {issuer_id!r} is not in decisions/agencies.yml or bodies.yml"
                            f"{suggest(issuer_id, known)}; declare it there first")
    if source_kind is not None and source_kind not in SOURCE_KINDS:
        problems.append(f"--source-kind {source_kind!r}: use one of {', '.join(SOURCE_KINDS)}")
    if url is not None and not url.startswith(("https://", "http://")):
        problems.append("--url must start with https:// or http://")
    elif url is not None and (problem := text_problem(url, single_line=True)):
        problems.append(f"--url {problem.what}")
    source_title = _text(source_title, "source-title", problems, required=False)

    stem = None
    if parsed and (problem := name_problem(parsed.slug)):
        problems.append(f"--number {parsed.text!r}: the file name {parsed.slug}.md {problem}")
    elif parsed:
        stem = parsed.slug
        if slug and slug != stem:
            problems.append(f"--slug {slug!r}: a numbered document's file is named after its "
                            f"number ({stem}); leave --slug out")
    elif number is None:
        if not slug:
            problems.append("--slug is required when the sources give no number: a descriptive "
                            "file name such as ket-luan-ttg-phan-cong-vpcp-bo-tttt")
        elif not ID_RE.match(slug):
            problems.append(f"--slug {slug!r} must be lower-case letters, digits and '-'")
        elif slug in RESERVED_NAMES:
            problems.append(reserved_message("--slug", slug))
        elif (problem := name_problem(slug)):
            problems.append(f"--slug {problem}")
        else:
            stem = slug
    if problems:
        raise Refused(problems)
    assert issued is not None and title is not None and stem is not None
    path = f"decisions/{issued.year}/{stem}.md"
    if os.path.lexists(root / path):
        raise Refused([f"{path} already exists: nothing was written (edit that file, or choose "
                       "another number or --slug)"])
    return NewDocument(path, parsed, type_id, issuer_id, issued, title, meeting_period,
                       source_kind, source_title, url)


def _issuers(root: Path, problems: list[str]) -> set[str] | None:
    decisions = root / "decisions"
    if not (decisions / "agencies.yml").is_file() and not (decisions / "bodies.yml").is_file():
        problems.append(f"no decisions/agencies.yml or bodies.yml under {root}: is --root the "
                        "register's folder?")
        return None
    diags = Diagnostics()
    agencies = read_agencies(root, diags) if (decisions / "agencies.yml").is_file() else {}
    bodies = read_bodies(root, diags) if (decisions / "bodies.yml").is_file() else {}
    return set(agencies) | set(bodies)


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def scaffold(doc: NewDocument) -> str:
    """The text of the new file: what the options gave, and every other field commented."""
    kinds = " | ".join(DOCUMENT_TYPES)
    L = [
        "---",
        "# Văn bản mới: điền các trường còn trống, bỏ dấu # ở những trường dùng đến, rồi chạy",
        "# `register check`. Định dạng: content/dinh-dang-ban-ghi.md (Biên tập › Định dạng bản ghi).",
        "# New document: fill in the blanks, uncomment the fields you use, run `register check`.",
    ]
    if doc.number:
        L.append(f"number: {_q(doc.number.text)}        # số, ký hiệu as printed")
    else:
        L.append("# number:        # số, ký hiệu: the sources give none (the file name stands in for it)")
    L += [
        f"type: {doc.type}        # {kinds}",
        f"title: {_q(doc.title)}        # trích yếu as printed",
    ]
    if not doc.number:
        L.append("# title_descriptive: true        # when no official title is known and you wrote this one")
    L += [
        f"issuer: {doc.issuer}        # cơ quan ban hành: an id in agencies.yml or bodies.yml",
        f"issued: {_q(str(doc.issued))}        # ngày ban hành, as precise as the sources: 2019-09-23, 2019-09, 2020-Q1, 2019",
    ]
    if doc.meeting:
        L.append(f"meeting: {_q(str(doc.meeting))}        # the meeting whose conclusions it records")
    else:
        L.append("# meeting: \"2019-09-17\"        # ngày họp: the meeting whose conclusions it records")
    L.append("# signer: {person: <id in people.yml>, as: \"<capacity as printed>\"}        # người ký")
    if doc.source_kind or doc.url or doc.source_title:
        parts = [f"kind: {doc.source_kind or 'official'}"]
        if doc.source_title:
            parts.append(f"title: {_q(doc.source_title)}")
        if doc.url:
            parts.append(f"url: {_q(doc.url)}")
        L += ["sources:        # nguồn: official | republished | press", "  - {" + ", ".join(parts) + "}"]
    else:
        L += ["sources: []        # nguồn, at least one — replace [] with a list like:",
              "#  - {kind: official, title: \"Cổng Thông tin điện tử Chính phủ\", url: \"https://…\"}",
              "#  - {kind: press, title: \"<headline>\", author: \"<name>\", date: \"2019-09-10\", part: b}"]
    L += [
        "# cites:        # văn bản được trích dẫn: found in the text automatically; add a date or subject here",
        "#   - {number: \"1072/QĐ-TTg\", date: \"2018-08-28\", subject: \"thành lập Ủy ban quốc gia về Chính phủ điện tử\"}",
        "# actions:        # each action names the paragraph it comes from; end that paragraph with {#d-<para>}",
        "#   - para: \"2\"        # chuyển giao nhiệm vụ (transfer)",
        "#     transfer: {task: {id: <new-task-id>, title: \"…\"}, from: <agency id>, to: <agency id>}",
        "#   - para: \"3a-2\"        # giao nhiệm vụ (assign), with its deadline",
        "#     assign: {task: <task id>, lead: <agency id>, with: [<agency id>], due: \"2019-10-01\", due_phrase: \"trước ngày 01 tháng 10 năm 2019\"}",
        "#   - para: \"4\"        # bổ nhiệm (appoint) a holder to a post of a body",
        "#     appoint: {body: <body id>, post: <post id>, holder: {person: <person id>}}",
        "#   - para: \"5\"        # sửa đổi (amend) a document; a notice that only orders it uses request",
        "#     amend: {target: \"1072/QĐ-TTg\", what: \"…\"}",
        "#   - para: \"6\"        # kiện toàn (compose): the whole composition; count when only the count is given",
        "#     compose: {body: <body id>, members: [{post: <post id>, holder: {office: <agency id>/<post id>}}], count: 19}",
        "#   - para: \"7\"        # đổi tên (rename) a body or agency",
        "#     rename: {body: <body id>, name: \"…\", abbr: \"…\"}",
        "# effective: on-signing        # hiệu lực: a date, or on-signing (\"kể từ ngày ký\"); only if the text says",
        "# fulfills:        # the request this document carries out; changes: only those it enacts",
        "#   - {request: \"<year>/<file>#<request id>\", changes: [<id>]}",
        "---",
        "",
    ]
    return "\n".join(L)


def write_new(root: Path, doc: NewDocument) -> Path:
    """Create the file; never overwrite one (an existing file raises Refused)."""
    try:  # never through a link in decisions/ (safe_fs.py): it would write outside the register
        return write_inside(root, doc.path, scaffold(doc).encode("utf-8"), exclusive=True)
    except FileExistsError:
        raise Refused([f"{doc.path} already exists: nothing was written"]) from None
    except UnsafePath as exc:
        raise Refused([f"{exc}: nothing was written"]) from None
