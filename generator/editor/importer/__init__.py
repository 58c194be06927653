"""Import: a draft record from the raw text of a notice (a portal page, a newspaper report, the
text of a PDF).

The importer reads what the text says and nothing more: the number and type ("Số:
8540/TB-VPCP", "THÔNG BÁO"), the place and date of issue ("Hà Nội, ngày 23 tháng 9 năm 2019"),
the meeting date, the issuer, the signer and capacity, every cited document, the agencies,
people and bodies it names (through the registries' names and aliases), and candidate actions
with their due periods. Every candidate is marked `draft: true`, which `register check` refuses
until an editor has confirmed it against the text. What the text does not give stays out of the
draft and is listed as missing: nothing is guessed.

Web boilerplate (adverts, comment prompts, "Top", a portal's "received" stamp) is removed and
hard line-wraps are joined; what was removed is reported, so that nothing disappears silently.

Plain Python: no MkDocs. The CLI (`register import`) only reads the file and writes the draft.
The parts, each testable alone: cleaning.py (decoding, paragraphs, boilerplate), names.py (the
registries' names in a text), dates.py, header.py (number, type, date, issuer, byline,
signature, citations), actions.py (the body's structure and the candidate actions), draft.py
(what was found), writing.py (the draft record and the summary).
"""
from __future__ import annotations

import unicodedata

from generator.core.text import fold, nfc
from generator.core.text_rules import without_refused
from generator.editor.importer import official
from generator.editor.importer.actions import _body_markdown, _candidates, _structure
from generator.editor.importer.cleaning import (
    _WEB_LINES, MAX_BYTES, NotImportable, _remove_boilerplate, _strip_md, _vietnamese, decode, paragraphs)
from generator.editor.importer.dates import _collect_dates, all_dates
from generator.editor.importer.draft import Candidate, Cited, Draft
from generator.editor.importer.header import _byline, _citations, _header, _named, _signature
from generator.editor.importer.names import Names, fold_map, load_names
from generator.editor.importer.writing import draft_path, render_draft, summary

__all__ = ["NotImportable", "Names", "load_names", "decode", "Cited", "Candidate", "Draft",
           "import_text", "render_draft", "draft_path", "summary", "MAX_BYTES", "all_dates",
           "fold_map", "paragraphs"]


def import_text(text: str, names: Names | None = None, *, source_kind: str | None = None,
                source_url: str | None = None, source_title: str | None = None) -> Draft:
    """A draft record from the raw text of a notice. Never raises on any text."""
    draft = Draft(source_kind=source_kind, source_url=source_url, names_known=names is not None)
    names = names or Names()
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf") else
                   ("" if unicodedata.category(c) == "Cf" else " ") for c in text)
    text = without_refused(text)  # what check refuses (U+FFFE, lone surrogates, private use) never reaches the draft
    text = text.replace("\t", " ").replace("\u00a0", " ").replace("\u202f", " ")
    draft.vietnamese = _vietnamese(text)

    # line-level boilerplate and a newspaper's byline
    lines = []
    for line in text.split("\n"):
        if fold(_strip_md(line)).strip(" .:") in _WEB_LINES:
            draft.removed.append(line.strip())
            lines.append("")
        else:
            lines.append(line.rstrip())
    _byline(lines, draft)
    if source_title:
        draft.source_title = source_title

    paras = paragraphs(lines)
    paras = _remove_boilerplate(paras, draft.removed, draft.stamps)
    body_start = _header(paras, draft, names)
    body = paras[body_start:]
    body = _signature(body, draft, names)

    if draft.issued is not None:
        context_year = draft.issued.year
    elif draft.meeting is not None:
        context_year = draft.meeting.year
    else:
        context_year = None
    full = "\n\n".join(p.text for p in paras)
    found = official.effective("\n\n".join(p.text for p in body), draft.number.text if draft.number else None)
    if found:
        draft.effective_raw, draft.effective = found
    _citations(full, draft)
    _named(full, draft, names)
    items = _structure(body, names)
    _candidates(items, draft, names, context_year)
    draft.body = _body_markdown(items, {c.para for c in draft.candidates})
    _collect_dates(full, draft)
    if not draft.vietnamese:
        draft.notes.append("the text does not look Vietnamese: the importer reads Vietnamese "
                           "notices, so little or nothing was recognised")
    return draft
