"""The header of a text: number, type, place and date, issuer, meeting, title; a newspaper's
byline; the signature; the documents it cites and the registries' names it mentions."""
from __future__ import annotations

import re

from generator.core.numbers import find_citations
from generator.core.periods import Period
from generator.core.text import fold, slugify
from generator.core.vocab import DOCUMENT_TYPES
from generator.editor.importer.cleaning import _ABBR_TYPES, _SIGNED_RE, _TYPE_HEADINGS, Para, _BYLINE_DATE_RE, _MARKER_RE, _ends_sentence, _is_caps, _name_like, _strip_md
from generator.editor.importer.dates import _ANY_DATE_RE, _MEETING_RE, _OPENING_RE, _PLACE_DATE_RE, _any_day, _day
from generator.editor.importer.draft import Cited, Draft
from generator.editor.importer.names import Names, fold_map


def _byline(lines: list[str], draft: Draft) -> str | None:
    """A newspaper's headline, author and date at the top: "Chí Hiếu / 10/09/2019 19:36 GMT+7"."""
    seen = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()][:12]
    for pos, (_, line) in enumerate(seen):
        m = _BYLINE_DATE_RE.match(line)
        day = _day(m.groupdict()) if m else None
        if day is None:
            continue
        authors: list[str] = []
        j = pos - 1
        while j >= 0 and _name_like(seen[j][1]) and len(authors) < 3:
            if seen[j][1] not in authors:
                authors.insert(0, seen[j][1])
            j -= 1
        draft.source_date = day
        draft.source_kind = draft.source_kind or "press"
        if authors:
            draft.source_author = ", ".join(authors)
        for k in range(j + 1, pos + 1):
            lines[seen[k][0]] = ""
        if j >= 0 and len(seen[j][1]) < 250 and not _ends_sentence(seen[j][1]):
            lines[seen[j][0]] = ""
            draft.source_title = _strip_md(seen[j][1])
            return seen[j][1]
        return None
    return None


def _header(paras: list[Para], draft: Draft, names: Names) -> int:
    """Number, type, title, place and date, issuer: the letterhead. Returns where the body starts."""
    so_idx = place_idx = type_idx = None
    motto: set[int] = set()
    limit = min(len(paras), 25)
    for i in range(limit):
        plain = paras[i].plain
        folded = fold(plain)
        if len(folded) > 400:
            break
        if so_idx is None and re.match(r"^so\s*(?:[:.]\s*)?\d", folded):
            cites = find_citations(plain)
            if cites:
                so_idx = i
                draft.number = cites[0].number
                draft.number_raw = plain
        if place_idx is None and len(folded) < 160:
            folded_m, index = fold_map(plain)
            m = _PLACE_DATE_RE.search(folded_m)
            if m and not _OPENING_RE.match(folded):
                day = _day(m.groupdict())
                if day:
                    place_idx = i
                    draft.place = plain[index[m.start("place")]:index[m.end("place")]].strip(" |")
                    draft.issued = Period(day.year, None, day.month, day.day)
                    draft.issued_raw = plain[index[m.start()]:index[m.end()]]
        if type_idx is None and folded.strip(" .") in _TYPE_HEADINGS:
            type_idx = i
            draft.type = _TYPE_HEADINGS[folded.strip(" .")]
            draft.type_raw = plain
        if "cong hoa xa hoi chu nghia" in folded or re.search(r"doc lap\W+tu do\W+hanh phuc", folded):
            motto.add(i)

    start = 0
    title_paras: list[Para] = []
    if type_idx is not None:
        j = type_idx + 1
        while j < len(paras) and len(title_paras) < 3:
            p = paras[j]
            bold = p.text.startswith("**") and p.text.endswith("**")
            caps = _is_caps(p.text)
            opening = bool(_OPENING_RE.match(fold(p.plain))) or (
                bool(title_paras) and bool(names.named_exactly(p.plain)))  # "THỦ TƯỚNG CHÍNH PHỦ" after the title
            if (bold or caps or (not title_paras and len(p.plain) < 300 and not _ends_sentence(p.plain)
                                 and not _MARKER_RE.match(p.plain))) and not opening:
                title_paras.append(p)
                j += 1
                if not (bold or caps):
                    break
            else:
                break
        start = j
    else:
        marks = [i for i in (so_idx, place_idx, *motto) if i is not None]
        if marks:
            start = max(marks) + 1
    if title_paras:
        draft.title = " ".join(p.plain for p in title_paras)
        draft.title = re.sub(r"\s+", " ", draft.title).strip()
    header = paras[:start]
    used = {so_idx, place_idx, type_idx, *motto}
    draft.header = [p.text for i, p in enumerate(header) if i not in used and p not in title_paras]

    # a normative number carries its year (150/2016/NĐ-CP): the year of issue, when no date is given
    if draft.number and draft.number.year and draft.issued is None:
        draft.issued = Period(draft.number.year)
        draft.issued_raw = f"the year in the number {draft.number}; the day is not given"
    elif draft.number and draft.number.year and draft.issued and draft.issued.year != draft.number.year:
        draft.notes.append(f"the number {draft.number} says {draft.number.year} but the text is dated "
                           f"{draft.issued}: check both")

    # the type from the number, and a check that both agree
    if draft.number:
        by_abbr = _ABBR_TYPES.get(fold(draft.number.type_abbr).upper())
        if draft.type and by_abbr and by_abbr != draft.type:
            draft.notes.append(f"the heading says {draft.type_raw!r} but the number {draft.number} "
                               f"is of a {DOCUMENT_TYPES[by_abbr][0]}: check the type")
        elif not draft.type and by_abbr:
            draft.type = by_abbr
            draft.type_raw = f"{draft.number.type_abbr} in {draft.number}"

    # the meeting: in the title, or the opening words "Ngày 17 tháng 9 năm 2019, tại …"
    if draft.title:
        m = _MEETING_RE.search(fold(draft.title))
        if m:
            day = _any_day(m)
            if day:
                draft.meeting = Period(day.year, None, day.month, day.day)
                draft.meeting_raw = "title"
    if start < len(paras):
        m = _OPENING_RE.match(fold(paras[start].plain))
        if m:
            day = _day(m.groupdict())
            if day:
                opening = Period(day.year, None, day.month, day.day)
                if draft.meeting and draft.meeting != opening:
                    draft.notes.append(f"the title gives the meeting as {draft.meeting} but the "
                                       f"text opens with {opening}: check the meeting date")
                draft.meeting = draft.meeting or opening
                draft.meeting_raw = draft.meeting_raw or "opening"

    # the issuer: the letterhead's name, or the issuer part of the number
    letterhead = [p for i, p in enumerate(header) if i not in used and p not in title_paras]
    by_header: list[str] = []
    for p in letterhead:
        by_header += [i for i in names.named_exactly(p.plain) if i not in by_header]
    by_number = names.issuer_by_abbr(draft.number.issuer_abbr) if draft.number else []
    if by_header and by_number and not set(by_header) & set(by_number):
        draft.notes.append(f"the letterhead names {', '.join(by_header)} but the number's issuer "
                           f"part {draft.number.issuer_abbr} is {', '.join(by_number)}: check the issuer")
    chosen = [i for i in by_header if i in by_number] or by_header or by_number
    if len(chosen) == 1:
        draft.issuer = chosen[0]
        draft.issuer_raw = ("letterhead" if chosen[0] in by_header else
                            f"{draft.number.issuer_abbr} in the number")
    elif len(chosen) > 1:
        draft.notes.append(f"the issuer could be any of {', '.join(chosen)}: choose one")
    if draft.number is None:
        _press_lead(paras[:6], draft, names)
    if draft.issuer is None:
        printed = [p.plain for p in letterhead if _is_caps(p.text)]
        if printed or draft.number:
            draft.issuer_raw = " / ".join(printed + ([f"{draft.number.issuer_abbr} in the number"]
                                                     if draft.number else []))
        _unnumbered_lead(paras[:6], draft, names)
    return start


_NOTIFIES_RE = re.compile(r"^(?P<who>.{4,80}?)\s+vừa\s+(?:có\s+|ban hành\s+|ra\s+)?(?P<what>thông báo)"
                          r"(?:\s+(?:số\s+\S+\s+)?(?:về\s+)?(?P<conclusion>(?:ý kiến\s+)?kết luận)\b)?", re.I)


def _unnumbered_lead(paras: list[Para], draft: Draft, names: Names) -> None:
    """A press report of a notice that gives no number: "Văn phòng Chính phủ vừa thông báo kết
    luận của Thủ tướng …". A conclusion is notified by a Thông báo of the agency that notifies
    it: the type and, when that agency is in the registries, the issuer; anything less is a note."""
    for p in paras:
        m = _NOTIFIES_RE.search(p.plain)
        if not m:
            continue
        who = m.group("who").strip(" ,")
        found = names.agencies_in(who)
        whole = found and len(found) == 1 and found[0][1] <= 2 and not who[found[0][2]:].strip(" ,")
        if m.group("conclusion") and whole:
            draft.type = draft.type or "thong-bao"
            draft.type_raw = draft.type_raw or f"the lead: {m.group()!r}"
            draft.issuer, draft.issuer_raw = found[0][0], f"the lead: {m.group()!r}"
        else:
            draft.notes.append(f"the text says {m.group()!r}: the issuer may be {who!r}; "
                               "the draft leaves it to you")
        return


_SIGNS_RE = re.compile(r"(?:\b(?:vua|da|moi)\s+(?:ky|ky ban hanh|ban hanh|thay mat [^,]{3,60}?,?\s*ky)"
                       r"|\bky(?: ban hanh)?)\s*$")  # "… vừa ban hành", "… ký Quyết định số …"


_DATELINE_RE = re.compile(r"^\s*(?:\([^)]{2,30}\)\s*[-–—]\s*)?[A-ZĐÀ-Ỹ][^,\d()]{1,30},\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*[-–—]")
_NAME_BEFORE_RE = re.compile(r"(?<!\S)(?:[A-ZĐÀ-Ỹ][^\W\d_A-ZĐ]*\s+){1,3}[A-ZĐÀ-Ỹ][^\W\d_A-ZĐ]*\s*$")


def _press_lead(paras: list[Para], draft: Draft, names: Names) -> None:
    """A press report's lead: "Thủ tướng Chính phủ vừa ký Quyết định số 505/QĐ-TTg ngày
    22/4/2022 …" — the document's own number, type, date, issuer and signer, each only as the
    lead gives it; that number is then never one of its citations."""
    for p in paras:
        plain = p.plain  # a property that joins the lines: once a paragraph, not once a citation
        for cite in find_citations(plain):
            before = plain[max(0, cite.start - 140):cite.start]
            folded = fold(before)
            kind_at = re.search(r"(?:quyet dinh|nghi dinh|nghi quyet|chi thi|thong bao|thong tu|cong dien)"
                                r"(?:\s+so)?\s*$", folded)
            verb = _SIGNS_RE.search(folded[:kind_at.start()].rstrip() if kind_at else folded.rstrip())
            if verb is None:
                continue
            who = before[:verb.start()]
            who = who[who.rfind(". ") + 1:].strip(" ,")
            draft.number, draft.number_raw = cite.number, " ".join(plain[max(0, cite.start - 60):cite.end + 30].split())
            draft.type = _ABBR_TYPES.get(fold(cite.number.type_abbr).upper()) or cite.kind
            draft.type_raw = f"the lead: {draft.number_raw}"
            day = cite.date
            dateline = _DATELINE_RE.match(plain)  # "Hà Nội, 20/7/2018 – …": the report's day, not the decision's
            if dateline:
                reported = _any_day(next(_ANY_DATE_RE.finditer(fold(dateline.group()))))
                draft.source_date = draft.source_date or reported
                before = plain[max(dateline.end(), cite.start - 140):cite.start]
            if day is None:  # "Ngày 24/9/2021, Thủ tướng … ký Quyết định số …"
                days = [_any_day(d) for d in _ANY_DATE_RE.finditer(fold(before))]
                day = next((d for d in reversed(days) if d), None)
            if day:
                draft.issued = Period(day.year, None, day.month, day.day)
                draft.issued_raw = f"the lead: {draft.number_raw}"
            signers = names.people_in(before)
            named = _NAME_BEFORE_RE.search(before[:len(who) + before.find(who)] if who else "")
            if signers:
                draft.signer_person = signers[-1][0]
                draft.signer_name = names.people[signers[-1][0]].name
                draft.signer_known = True
            elif named:  # "Thủ tướng Chính phủ Phạm Minh Chính ký …": a name not in people.yml yet
                draft.signer_name = named.group()
                draft.signer_person = slugify(draft.signer_name) or None
            by_abbr = names.issuer_by_abbr(cite.number.issuer_abbr)
            named = [a for a, _, _ in names.agencies_in(who)]
            chosen = [a for a in named if a in by_abbr] or (by_abbr if len(by_abbr) == 1 else [])
            if len(chosen) >= 1:
                draft.issuer, draft.issuer_raw = chosen[0], f"the lead: {who!r} and {cite.number.issuer_abbr} in the number"
            return


_CAPACITY_PREFIX_RE = re.compile(r"^(?:TL|KT|TM|TUQ|Q|PP|Q\.\s*TL)\s*\.", re.I)


def _signature(body: list[Para], draft: Draft, names: Names) -> list[Para]:
    """The signature block at the end: capacity in capitals, then the signer's name."""
    end = len(body)
    while end and _SIGNED_RE.match(body[end - 1].plain):
        end -= 1
    if not end or not _name_like(body[end - 1].plain):
        return body
    k = end - 2
    while k >= 0 and _SIGNED_RE.match(body[k].plain):
        k -= 1
    if k < 0 or not _is_caps(body[k].text):
        return body
    name = _strip_md(body[end - 1].plain)
    lines = [_strip_md(line).strip() for line in body[k].lines if _strip_md(line).strip()]
    segments = []
    if len(lines) > 1 and _CAPACITY_PREFIX_RE.match(lines[0]):
        segments.append(lines.pop(0))
    segments.append(" ".join(lines))
    draft.signer_name = " ".join(name.split())
    draft.signer_capacity = " — ".join(" ".join(s.split()) for s in segments if s)
    person = names.person_named(draft.signer_name)
    draft.signer_person = person or slugify(draft.signer_name) or None
    draft.signer_known = person is not None
    return body[:k] + body[end:]


def _citations(full: str, draft: Draft) -> None:
    merged: dict[tuple[str, int | None], Cited] = {}
    own = draft.number.match_key if draft.number else None
    for c in find_citations(full):
        if c.number.match_key == own and c.year in (None, draft.issued.year if draft.issued else None):
            continue
        key = (c.number.match_key, c.year)
        entry = merged.get(key)
        if entry is None:
            merged[key] = Cited(c.number, c.date, c.year, c.kind, c.raw)
        else:
            entry.date = entry.date or c.date
            entry.kind = entry.kind or c.kind
    for (match_key, year), entry in list(merged.items()):
        if year is None:
            dated = [k for k in merged if k[0] == match_key and k[1] is not None]
            if len(dated) == 1:
                other = merged[dated[0]]
                other.kind = other.kind or entry.kind
                del merged[(match_key, year)]
    draft.citations = list(merged.values())


def _named(full: str, draft: Draft, names: Names) -> None:
    for target, found in ((draft.agencies, names.agencies_in(full)),
                          (draft.people, names.people_in(full)),
                          (draft.bodies, names.bodies_in(full))):
        for key, _, _ in found:
            target[key] = target.get(key, 0) + 1
