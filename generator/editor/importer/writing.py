"""Writing a draft: the record's front matter with every candidate marked `draft: true`, and
the summary the command prints."""
from __future__ import annotations

import json

from generator.core.vocab import DOCUMENT_TYPES, DRAFT_MARK
from generator.editor.importer.cleaning import _is_caps
from generator.editor.importer.draft import Candidate, Draft

# --- writing the draft ------------------------------------------------------------------------

def _q(value: str) -> str:
    """A YAML scalar that reads back as exactly this text."""
    return json.dumps(" ".join(value.split()), ensure_ascii=False)


def _c(value: str, width: int = 110) -> str:
    """Text for a YAML comment: one line, shortened."""
    value = " ".join(value.split())
    return value if len(value) <= width else value[:width - 1] + "…"


def draft_path(draft: Draft) -> str | None:
    """decisions/<year>/<number slug>.md, or None when the text gives no number or no year."""
    if draft.number is None or draft.issued is None:
        return None
    return f"decisions/{draft.issued.year}/{draft.number.slug}.md"


def render_draft(draft: Draft, origin: str = "") -> str:
    """The draft record: front matter with comments, and the cleaned text."""
    L: list[str] = ["---"]
    L.append(f"# BẢN NHÁP do `register import` tạo{(' từ ' + _c(origin, 60)) if origin else ''}"
             " — a DRAFT written by `register import`.")
    L.append("# Đối chiếu từng trường với văn bản gốc; xác nhận từng hành động rồi xoá dòng `draft: true`.")
    L.append("# Check every field against the source; confirm each action, then delete its `draft: true`.")
    if draft.missing:
        L.append(f"# Không tìm thấy trong văn bản (not found in the text): {', '.join(draft.missing)}")
    for note in draft.notes:
        L.append(f"# Lưu ý (note): {_c(note, 200)}")

    if draft.number:
        L.append(f"number: {draft.number.text}    # {_c(draft.number_raw or '')}")
    else:
        L.append("# number:    # không tìm thấy số, ký hiệu (no number found): omit it if the document has none")
    if draft.type:
        L.append(f"type: {draft.type}    # {_c(draft.type_raw or '')}")
    else:
        L.append(f"# type:    # không rõ loại văn bản (type not found): {', '.join(DOCUMENT_TYPES)}")
    if draft.title:
        L.append(f"title: {_q(draft.title)}")
        if _is_caps(draft.title):
            L.append("# (the title is printed in capitals; keep it as printed or write it in sentence case)")
    else:
        L.append("# title:    # không tìm thấy trích yếu (no title found); if you write one, add title_descriptive: true")
    if draft.issuer:
        L.append(f"issuer: {draft.issuer}    # {_c(draft.issuer_raw or '')}")
    else:
        hint = f": printed {_c(draft.issuer_raw, 80)!r}" if draft.issuer_raw else ""
        L.append(f"# issuer:    # không rõ cơ quan ban hành (issuer not found{hint}); an id in agencies.yml or bodies.yml")
    if draft.issued:
        where = f" (nơi ban hành / place: {draft.place})" if draft.place else ""
        L.append(f"issued: {draft.issued}    # {_c(draft.issued_raw or '')}{where}")
    else:
        L.append("# issued:    # không tìm thấy ngày ban hành (date of issue not found)")
    if draft.meeting:
        L.append(f"meeting: {draft.meeting}    # date of the meeting, from the {draft.meeting_raw}")
    if draft.effective:
        L.append(f"effective: {draft.effective}    # {_c(draft.effective_raw or '')}")
    if draft.signer_name and draft.signer_person:
        person = draft.signer_person
        known = "" if draft.signer_known else f"; not in people.yml yet: add {person}: {{name: {draft.signer_name}}}"
        capacity = f", as: {_q(draft.signer_capacity)}" if draft.signer_capacity else ""
        L.append(f"signer: {{person: {person}{capacity}}}    # {_c(draft.signer_name)}, as printed{known}")
    elif draft.signer_name:
        L.append(f"# signer: {{person: <id>, as: {_q(draft.signer_capacity or '')}}}    # {_c(draft.signer_name)}: "
                 "declare this person in people.yml")
    else:
        L.append("# signer:    # không tìm thấy người ký (no signer found): {person: <id>, as: \"<capacity>\"}")
    if draft.source_kind:
        parts = [f"kind: {draft.source_kind}"]
        if draft.source_title:
            parts.append(f"title: {_q(draft.source_title)}")
        if draft.source_url:
            parts.append(f"url: {_q(draft.source_url)}")
        if draft.source_author:
            parts.append(f"author: {_q(draft.source_author)}")
        if draft.source_date:
            parts.append(f"date: {draft.source_date.isoformat()}")
        L.append("sources:")
        L.append("  - {" + ", ".join(parts) + "}")
    else:
        L.append("sources: []    # nguồn (where the text comes from), at least one: - {kind: official|republished|press, title: \"…\", url: https://…}")
    if draft.citations:
        L.append("cites:    # văn bản được trích dẫn (cited documents), as the text gives them")
        for c in draft.citations:
            extra = f", date: {c.date.isoformat()}" if c.date else ""
            kind = DOCUMENT_TYPES[c.kind][0] if c.kind in DOCUMENT_TYPES else ""
            year = f"năm {c.year}" if c.year and not c.date and not c.number.year else ""
            note = "; ".join(x for x in (kind, year) if x)
            L.append(f"  - {{number: {_q(c.number.text)}{extra}}}" + (f"    # {note}" if note else ""))
    for label, found in (("Cơ quan được nêu (agencies named)", draft.agencies),
                         ("Cá nhân được nêu (people named)", draft.people),
                         ("Tổ chức được nêu (bodies named)", draft.bodies)):
        if found:
            L.append(f"# {label}: " + ", ".join(f"{k} ×{n}" for k, n in found.items()))
    if not draft.names_known:
        L.append("# (no registries were read: agencies, people and bodies are not recognised)")
    mentioned = [(d, raw) for d, role, raw in draft.dates if role == "mentioned"]
    if mentioned:
        L.append("# Các ngày khác trong văn bản (other dates in the text): "
                 + ", ".join(f"{d.isoformat()} ({_c(raw, 40)})" for d, raw in mentioned))
    if draft.candidates:
        L.append("actions:    # hành động đề xuất, CHƯA xác nhận (proposed actions, NOT confirmed)")
        for c in draft.candidates:
            L.extend(_render_candidate(c))
    else:
        L.append("# actions:    # không tìm thấy hành động (no candidate actions found): add them by hand")
    L.append("---")
    return "\n".join(L) + "\n" + draft.body


def _render_candidate(c: Candidate) -> list[str]:
    out = [f"  # ¶ {c.para}: {_q(_c(c.quote, 160))}"]
    for note in c.notes:
        out.append(f"  #   {_c(note, 150)}")
    out.append(f"  - {DRAFT_MARK}: true")
    out.append(f"    para: {_q(c.para)}")
    out.append(f"    {c.kind}:")
    if c.kind in ("assign", "transfer"):
        out.append(f"      task: {{id: \"\", title: {_q(c.task_title or '')}}}    # name the task (id), shorten the title"
                   + ("; or name a task already declared: task: <id>" if c.kind == "transfer" else ""))
    if c.kind == "request":
        if c.target:
            out.append(f"      target: {_q(c.target)}")
        else:
            out.append(f"      title: {_q(c.quote)}    # the document to draft: shorten to its title")
        if c.what:
            out.append(f"      what: {c.what}")
    if c.kind in ("assign", "request"):
        out.append(f"      lead: {c.lead}" if c.lead else "      # lead: <agency id>    # chủ trì: not recognised")
        if c.with_:
            out.append(f"      with: [{', '.join(c.with_)}]")
        if c.due:
            out.append(f"      due: {c.due}")
        if c.due_phrase:
            out.append(f"      due_phrase: {_q(c.due_phrase)}")
    if c.kind in ("amend", "replace", "repeal"):
        out.append(f"      target: {_q(c.target)}")
    if c.kind in ("appoint", "relieve"):
        out.append(f"      body: {c.body}" if c.body else "      # body: <body id>    # not recognised")
        out.append(f"      post: \"\"    # the post's id in bodies.yml: {_q(c.post or '')}")
        out.append(f"      holder: {{office: \"\"}}    # or {{person: <id>}}: {_q(_c(c.holder or '', 100))}")
    if c.kind == "holds":
        if c.agency:  # "Cục trưởng Cục …": a post of an agency
            out.append(f"      agency: {c.agency}")
        else:
            out.append(f"      body: {c.body}" if c.body else "      # body: <body id>    # not recognised")
        out.append(f"      post: \"\"    # the post's id in bodies.yml: {_q(c.post or '')}")
        out.append(f"      holder: {{person: \"\"}}    # or {{office: <id>}}: {_q(_c(c.holder or '', 100))}")
        if c.on:
            out.append(f"      date: \"{c.on}\"    # the meeting's day")
    if c.kind == "designate":
        if c.body:
            out.append(f"      body: {c.body}")
        out.append(f"      role: {_q(c.role or '')}    # a role id of the body in bodies.yml, or the role as worded")
        out.append(f"      agency: {c.agency}")
    if c.kind == "compose":
        out.append(f"      body: {c.body}" if c.body else "      # body: <body id>    # not recognised")
        out.append(f"      members: []    # the {c.members} seat(s) the text lists: - {{post: <id>, holder: {{office: <id>}}}}")
    if c.kind == "establish":
        out.append(f"      body: {c.body}")
        if c.replaces:
            out.append(f"      replaces: {c.replaces}")
    if c.kind == "rename":
        owner = f"body: {c.body}" if c.body else f"agency: {c.agency}" if c.agency else "# body: <id>    # not recognised"
        out.append(f"      {owner}")
        out.append(f"      name: {_q(c.new_name or '')}")
    if c.kind == "transfer":
        out.append(f"      from: {c.from_}" if c.from_ else "      # from: <agency id>    # not recognised")
        out.append(f"      to: {c.to}" if c.to else "      # to: <agency id>    # not recognised")
        if c.effective:
            out.append(f"      effective: {c.effective}")
    return out


def summary(draft: Draft) -> list[str]:
    """What was found and what was not, for the editor's terminal."""
    found = []
    if draft.number:
        found.append(f"number {draft.number}")
    if draft.type:
        found.append(f"type {draft.type}")
    if draft.issued:
        found.append(f"issued {draft.issued}" + (f" in {draft.place}" if draft.place else ""))
    if draft.meeting:
        found.append(f"meeting {draft.meeting}")
    if draft.effective:
        found.append(f"in force {draft.effective}")
    if draft.issuer:
        found.append(f"issuer {draft.issuer}")
    if draft.signer_name:
        found.append(f"signer {draft.signer_name}" + (f" ({draft.signer_capacity})" if draft.signer_capacity else ""))
    if draft.source_date:
        found.append(f"published {draft.source_date.isoformat()}" +
                     (f" by {draft.source_author}" if draft.source_author else ""))
    found.append(f"{len(draft.citations)} cited document(s)")
    found.append(f"{len(draft.agencies)} agencies, {len(draft.people)} people, {len(draft.bodies)} bodies named")
    found.append(f"{len(draft.deadlines)} deadline phrase(s)")
    found.append(f"{len(draft.candidates)} candidate action(s), marked draft")
    lines = ["found: " + "; ".join(found)]
    if draft.missing:
        lines.append("not found: " + ", ".join(draft.missing))
    unresolved = [d for d in draft.deadlines if d[1] is None]
    if unresolved:
        lines.append("deadlines without a year: " + ", ".join(repr(p) for p, _, _ in unresolved))
    for note in draft.notes:
        lines.append(f"note: {note}")
    if draft.removed:
        lines.append(f"removed {len(draft.removed)} piece(s) of web boilerplate: "
                     + " | ".join(_c(r, 50) for r in draft.removed[:6]))
    if draft.stamps:
        lines.append("removed the portal's 'received' stamp: " + " | ".join(_c(s, 50) for s in draft.stamps))
    if draft.header:
        lines.append("letterhead lines not kept in the text: " + " | ".join(_c(h, 50) for h in draft.header))
    return lines
