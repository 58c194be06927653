"""How much of a text `register import` proposes, measured on the development set
(tests/fixtures/import_set/: texts in the layout of real documents and press reports, each with
the record an editor would make of it, reviewed by eye).

    .venv/bin/python benchmarks/bench_import.py            # the table
    .venv/bin/python benchmarks/bench_import.py --details  # and each miss and wrong proposal
    .venv/bin/python benchmarks/bench_import.py --set tests/fixtures/import_heldout  # another set

For each action kind: what the set holds (expected), what import proposed, how many of those
were right (kind and key fields as the editor records them), wrong, and missed; then the totals
for official-form texts and press reports apart, and the header fields right. A proposal is
right only if its key fields equal the expected ones: an assignment its lead and deadline, a
transfer its two agencies, a change its target's number, an appointment or relief its post and
holder, a composition its body and number of seats, a rename the new name, an effective date
its date. Targets (issue 33): on official-form texts at least 80 % of the actions proposed and
at least 95 % of proposals right; on press reports the header fields right; nothing invented.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.core.text import fold  # noqa: E402
from generator.editor.importer import import_text, load_names  # noqa: E402

SET = ROOT / "tests" / "fixtures" / "import_set"
KINDS = ("assign", "transfer", "request", "amend", "replace", "repeal", "effective", "establish",
         "appoint", "relieve", "compose", "rename", "holds", "designate")
HEADER = ("number", "type", "issuer", "issued", "signer", "source_date")


def _text(value) -> str | None:
    return None if value is None else " ".join(fold(str(value)).split())


def key(kind: str, fields: dict) -> tuple:
    """What must agree for a proposal to be the editor's action."""
    get = fields.get
    if kind == "assign":
        return get("lead"), None if get("due") is None else str(get("due"))
    if kind == "transfer":
        return get("from"), get("to")
    if kind == "request":
        return (get("lead"),)
    if kind in ("amend", "replace", "repeal"):
        return (_text(get("target")),)
    if kind == "effective":
        when = str(get("date"))
        return ("on_signing" if when in ("on-signing", "on_signing") else when,)
    if kind in ("appoint", "relieve"):
        return _text(get("post")), _text(get("holder"))
    if kind == "compose":
        return get("body"), get("members")
    if kind == "rename":
        return (_text(get("to")),)
    if kind == "establish":
        return (get("body"),)
    if kind == "holds":
        return _text(get("post")), _text(get("holder"))
    if kind == "designate":
        return (get("agency"),)
    return ()


def matches(kind: str, want: dict, got: dict) -> bool:
    """The proposal is the editor's action: its key fields agree. An appointment's or relief's
    holder is words of the text: the same person or office when either holds the other (the
    editor's "Bộ trưởng Bộ Công an" in the proposal's "Ông Tô Lâm, Bộ trưởng Bộ Công an")."""
    if kind in ("appoint", "relieve", "holds"):
        post_w, holder_w = key(kind, want)
        post_g, holder_g = key(kind, got)
        return post_w == post_g and bool(holder_w and holder_g) and (holder_w in holder_g or holder_g in holder_w)
    return key(kind, want) == key(kind, got)


def proposed(draft) -> list[tuple[str, dict]]:
    """The draft's candidate actions as (kind, fields), in the expected files' terms."""
    out = []
    for c in draft.candidates:
        out.append((c.kind, {"lead": c.lead, "from": c.from_, "to": c.to if c.kind != "rename" else c.new_name,
                             "target": c.target, "due": str(c.due) if c.due else None, "post": c.post,
                             "holder": c.holder, "body": c.body, "members": c.members,
                             "agency": c.agency}))
    if draft.effective:  # a field of the document, scored as the action it is in the set
        out.append(("effective", {"date": str(draft.effective)}))
    return out


def header(draft) -> dict:
    return {"number": draft.number.text if draft.number else None, "type": draft.type,
            "issuer": draft.issuer, "issued": str(draft.issued) if draft.issued else None,
            "signer": draft.signer_name,
            "source_date": draft.source_date.isoformat() if draft.source_date else None}


@dataclass
class Score:
    expected: int = 0
    proposed: int = 0
    right: int = 0

    @property
    def wrong(self) -> int:
        return self.proposed - self.right

    @property
    def missed(self) -> int:
        return self.expected - self.right


def score(details: bool = False, folder: Path = SET) -> tuple[dict[str, dict[str, Score]], dict[str, Counter], list[str], list[str]]:
    names, _ = load_names(ROOT)
    by_form: dict[str, dict[str, Score]] = {"official": {}, "press": {}, "seed": {}}
    headers: dict[str, Counter] = {"official": Counter(), "press": Counter(), "seed": Counter()}
    notes: list[str] = []
    invented: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        answer = path.with_suffix(".expected.yml")
        if not answer.exists():
            notes.append(f"{path.name}: no {answer.name}, not scored")
            continue
        expected = yaml.safe_load(answer.read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        draft = import_text(text, names)
        form = expected["form"]
        found = header(draft)
        for field in HEADER:
            want = expected["header"].get(field)
            want = None if want is None else str(want)
            ok = _text(found[field]) == _text(want)
            headers[form][field] += ok
            headers[form][field + "_of"] += 1
            if not ok and details:
                notes.append(f"{path.name}: header {field}: {found[field]!r}, expected {want!r}")
        invented += _invented(draft, text, path.name)
        want_actions = [(a["kind"], a) for a in expected.get("actions") or []]
        got = proposed(draft)
        scores = by_form[form]
        unmatched = list(want_actions)
        for kind, fields in got:
            s = scores.setdefault(kind, Score())
            s.proposed += 1
            match = next((w for w in unmatched if w[0] == kind and matches(kind, w[1], fields)), None)
            if match is not None:
                unmatched.remove(match)
                s.right += 1
            elif details:
                notes.append(f"{path.name}: wrong {kind} {key(kind, fields)}")
        for kind, fields in want_actions:
            scores.setdefault(kind, Score()).expected += 1
        if details:
            notes += [f"{path.name}: missed {kind} {key(kind, fields)} ({fields.get('para')})" for kind, fields in unmatched]
    return by_form, headers, notes + invented, invented


def _digits(value) -> list[str]:
    return [str(int(x)) for x in re.findall(r"\d+", str(value))]


def _invented(draft, text: str, name: str) -> list[str]:
    """Numbers and dates the draft gives that its text does not: a number not written there, a
    date whose day, month and year are not all numbers of the text."""
    plain = " ".join(fold(text).split())
    numbers = {str(int(x)) for x in re.findall(r"\d+", text)}
    out = []
    for label, value in [("number", draft.number.text if draft.number else None),
                         *(("target", c.target) for c in draft.candidates if c.target)]:
        if value and " ".join(fold(value).split()) not in plain:
            out.append(f"{name}: invented {label} {value}")
    for label, value in [("issued", draft.issued), ("effective", draft.effective if draft.effective != "on-signing" else None)]:
        if value and not set(_digits(value)) <= numbers:
            out.append(f"{name}: invented {label} {value}")
    # a deadline's year is the text's ("trước ngày 15/10/2019" is due by the 14th, "Quý II" is Q2)
    for c in draft.candidates:
        if c.due and str(c.due.year) not in numbers:
            out.append(f"{name}: invented due {c.due}")
    return out


def table(by_form: dict[str, dict[str, Score]], headers: dict[str, Counter]) -> list[str]:
    lines = []
    for form, scores in by_form.items():
        if not scores and not headers[form]:
            continue
        lines += [f"{form}:", "| kind | expected | proposed | right | wrong | missed |", "|---|--:|--:|--:|--:|--:|"]
        total = Score()
        for kind in [k for k in KINDS if k in scores] + sorted(set(scores) - set(KINDS)):
            s = scores[kind]
            lines.append(f"| {kind} | {s.expected} | {s.proposed} | {s.right} | {s.wrong} | {s.missed} |")
            total.expected += s.expected
            total.proposed += s.proposed
            total.right += s.right
        recall = total.right / total.expected if total.expected else 0
        precision = total.right / total.proposed if total.proposed else 1
        lines.append(f"| **total** | {total.expected} | {total.proposed} | {total.right} | {total.wrong} | {total.missed} |")
        lines.append(f"{form}: proposed right {recall:.0%} of the actions; {precision:.0%} of proposals right")
        h = headers[form]
        lines.append(f"{form} header fields right: " + ", ".join(
            f"{f} {h[f]}/{h[f + '_of']}" for f in HEADER if h[f + "_of"]))
        lines.append("")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list each miss and wrong proposal")
    parser.add_argument("--set", type=Path, default=SET, help="another folder of texts and answers "
                        "(tests/fixtures/import_heldout/, tests/fixtures/import_unseen/: written without "
                        "reading the importer, each scored once unseen, then used in development)")
    args = parser.parse_args()
    by_form, headers, notes, invented = score(args.details, args.set)
    print("\n".join(table(by_form, headers)))
    print(f"values not in their text (invented): {len(invented)}")
    if args.details:
        print("\n".join(notes))


if __name__ == "__main__":
    main()
