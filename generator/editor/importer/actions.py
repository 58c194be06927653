"""Candidate actions in the body of a text: its numbered structure, and the assignments,
transfers and requests each paragraph seems to direct, with their deadlines."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from generator.core.numbers import find_citations
from generator.core.periods import Period, period_from_phrase
from generator.core.text import fold
from generator.editor.importer.cleaning import Para, _ends_sentence, _strip_md
from generator.editor.importer.clauses import clauses, continues
from generator.editor.importer.dates import _DUE_RE
from generator.editor.importer import official
from generator.editor.importer.draft import Candidate, Draft
from generator.editor.importer.names import Names, fold_map

@dataclass
class _BodyPara:
    id: str
    text: str                # as it goes into the body (without anchor)
    content: str             # the words, without the list marker
    section: str             # the id of the numbered/lettered section it belongs to
    letter_heading: bool = False
    lead: str | None = None  # the agency a lettered heading names
    lead_text: str | None = None
    aim: bool = False        # under "I. MỤC TIÊU": a target to reach, not work given


_NUM_RE = re.compile(r"^(\d{1,2})\s*\.\s*(.*)$", re.S)
_DUTY_OF_RE = re.compile(r"^\s*(?:\*\*)?(?:trách nhiệm|nhiệm vụ)(?:,?\s*quyền hạn)?\s+(?:của\s+)?", re.I)
_ROMAN_RE = re.compile(r"^(?:\*\*)?([IVX]{1,4})\.\s+(.{2,150})$")  # "III. TỔ CHỨC THỰC HIỆN"
_AIMS_RE = re.compile(r"^\W*(?:muc tieu|muc dich|quan diem|tam nhin|dinh huong)\b")
_PART_RE = re.compile(r"^(?:\*\*)?(?:Chương|Mục|Phần)\s+(?:[IVXLC]+|\d{1,2})\b\W*(?:\n|$)")
_ALL_CAPS_RE = re.compile(r"^(?:\*\*)?(?=[^a-zà-ỹđ]*$)(?=.*[A-ZÀ-ỸĐ]{3}).{3,150}$")  # "ĐIỀU KHOẢN THI HÀNH"
_LEGAL_BASIS_RE = re.compile(r"^\s*(?:can cu|xet de nghi|theo de nghi)\b")  # the preamble, not what it directs
_ARTICLE_RE = re.compile(r"^(?:\*\*)?Điều\s+(\d{1,3})\s*[.:]?\s*(?:\*\*)?\s*(.*)$", re.S | re.I)
_LETTER_RE = re.compile(r"^([a-zđ])\)\s*(.*)$", re.S)
_DASH_RE = re.compile(r"^[-–—•+*]\s+(.*)$", re.S)

def _structure(body: list[Para], names: Names) -> list[_BodyPara]:
    """Paragraph ids from the text's own numbering: "3", "3a", "3a-2" (the second item under
    3 a)), "3-1" (the first paragraph after 3. that is not numbered). A text without numbering
    is numbered by paragraph, "1", "2", "2-1"; in a numbered text, the paragraphs before the
    first number are "p1", "p2"."""
    numbered = any(_NUM_RE.match(p.text) for p in body)
    out: list[_BodyPara] = []
    number = letter = None
    sub = plain = 0
    seen: set[str] = set()
    lead: tuple[str | None, str | None] = (None, None)
    number_lead: tuple[str | None, str | None] = (None, None)  # "1. Bộ …:" over its a), b)
    roman, aims = None, False  # "II. NHIỆM VỤ" of an article; whether it states aims ("I. MỤC TIÊU")
    article = None
    article_lead: tuple[str | None, str | None] = (None, None)  # "Điều 37. Trách nhiệm của Bộ …"
    for para in body:
        text = para.text
        m_article = _ARTICLE_RE.match(text)
        if m_article:  # "Điều 2. …": an article of an official text, "d2"; its clauses "d2-1", "d2-1a"
            article, number, letter, sub, lead = m_article.group(1), None, None, 0, (None, None)
            number_lead = (None, None)
            roman, aims = None, False
            heading_text = (m_article.group(2) or "").split("\n")[0]
            duty = _DUTY_OF_RE.match(heading_text)
            found = names.agencies_in(heading_text[duty.end():]) if duty else []
            article_lead = (found[0][0], heading_text) if found and found[0][1] <= 2 else (None, None)
            pid = base = f"d{article}"
            n = 1
            while pid in seen:  # an article number given twice (a quoted amendment's)
                n += 1
                pid = f"{base}-x{n}"
            seen.add(pid)
            content, rest = m_article.group(2) or text, (m_article.group(2) or "").partition("\n")[2].strip()
            if duty and found and not rest:  # the heading run into its one clause: "… của Bộ Công an Chủ trì, …"
                after = heading_text[duty.end() + found[0][2]:].strip(" .:*")
                rest = after if after[:1].isupper() else ""
            if article_lead[0] is not None:  # "Điều 38. Trách nhiệm của Bộ Công an\nChủ trì, …"
                out.append(_BodyPara(pid, text, rest or content, pid, not rest, *article_lead))
            else:
                out.append(_BodyPara(pid, text, content, pid, False, None, None))
            continue
        m_roman = _ROMAN_RE.match(text)
        if m_roman:  # "III. TỔ CHỨC THỰC HIỆN" inside an article: its numbered clauses are "d1-iii-1"
            roman, number, letter, sub, lead = m_roman.group(1).lower(), None, None, 0, (None, None)
            number_lead = (None, None)
            aims = bool(_AIMS_RE.match(fold(m_roman.group(2))))
            pid = f"d{article}-{roman}" if article else roman
            seen.add(pid)
            out.append(_BodyPara(pid, text, m_roman.group(2), pid, True, None, None))
            continue
        if _PART_RE.match(text) or _ALL_CAPS_RE.match(text):
            # "Chương VI", "ĐIỀU KHOẢN THI HÀNH": a heading between articles, no article's clause
            article, number, letter, sub, lead = None, None, None, 0, (None, None)
            article_lead = number_lead = (None, None)
            roman, aims = None, False
            plain += 1
            out.append(_BodyPara(f"p{plain}" if numbered else str(plain), text, text, "", True, None, None))
            continue
        m_num = _NUM_RE.match(text) if numbered else None
        m_letter, m_dash = _LETTER_RE.match(text), _DASH_RE.match(text)
        heading = False
        if m_num:
            number, letter, sub, lead = m_num.group(1), None, 0, (None, None)
            if roman:
                number = f"{f'd{article}-' if article else ''}{roman}-{number}"
            elif article:
                number = f"d{article}-{number}"
            pid, content = number, m_num.group(2)
            found = names.agencies_in(content[:200])
            if found and found[0][1] <= 2 and not content[found[0][2]:].strip(" .,:;*"):
                # "1. Bộ Thông tin và Truyền thông:": the lead of the items under it
                lead, heading = (found[0][0], content[found[0][1]:found[0][2]]), True
            number_lead = lead
        elif m_letter:
            letter, sub = ("dd" if m_letter.group(1) == "đ" else m_letter.group(1)), 0
            pid, content = f"{number or (f'd{article}-' if article else '')}{letter}", m_letter.group(2)
            found = names.agencies_in(content)
            if found and found[0][1] <= 2:
                lead = (found[0][0], content[found[0][1]:found[0][2]])
                heading = not content[found[0][2]:].strip(" .,:;*")
            else:
                heading = len(content) < 80 and not _ends_sentence(content)
                lead = (None, content.strip(" .:*")) if heading else number_lead
        else:
            content = m_dash.group(1) if m_dash else text
            section = f"{number or (f'd{article}' if article else '')}{letter or ''}"
            if section or m_dash:
                sub += 1
                base = section or (f"p{plain}" if numbered else str(plain))
                pid = f"{base}-{sub}"
            else:
                plain, sub = plain + 1, 0
                pid = f"p{plain}" if numbered else str(plain)
        base, n = pid, 1
        while pid in seen:
            n += 1
            pid = f"{base}-x{n}"
        seen.add(pid)
        if lead[0] is None and article_lead[0] is not None:
            lead = article_lead  # a clause of "Điều 37. Trách nhiệm của Bộ …" is that ministry's
        out.append(_BodyPara(pid, text, content, f"{number or ''}{letter or ''}", heading,
                             lead[0], lead[1], aims))
    return out


_TRANSFER_RE = re.compile(
    r"(?:điều\s+)?chuyển\s+(?:giao\s+)?(?P<task>(?:[^.]|\.\.\.)*?)\s+từ\s+(?P<from>[^.;]{2,160}?)\s+sang\s+"
    r"(?:cho\s+)?(?P<to>[^.;]{2,160}?)(?=\s+(?:đảm nhiệm|thực hiện|tiếp nhận)\b|[.;]|$)", re.I)
# "Nhiệm vụ chủ trì xây dựng Nghị định … được chuyển từ Bộ Thông tin và Truyền thông sang Bộ Công an"
_TRANSFER_PASSIVE_RE = re.compile(
    r"(?<!\w)(?P<task>nhiệm vụ\s+(?:[^.;]|\.\.\.){3,300}?)\s+(?:được\s+)?(?:điều\s+)?chuyển\s+(?:giao\s+)?"
    r"từ\s+(?P<from>[^.;]{2,160}?)\s+sang\s+(?:cho\s+)?(?P<to>[^.;]{2,160}?)"
    r"(?=\s+(?:đảm nhiệm|thực hiện|tiếp nhận)\b|[.;]|$)", re.I)
_DONE_BEFORE_RE = re.compile(r"(?:^|[.;]\s*)truoc (?:do|day)\b[^.;]*$|\bda (?:duoc )?(?:dieu )?chuyen\b")
_AMEND_RE = re.compile(r"(?:sửa đổi|sửa đổi, bổ sung|thay thế)\s+(?:(?:quyết định|nghị định|nghị quyết|"
                       r"thông tư|chỉ thị|thông báo|kế hoạch)\s+)?(?:số\s+)?$", re.I)
_ASK_RE = re.compile(r"\b(?:giao|yêu cầu|đề nghị)\b", re.I)
_DRAFT_RE = re.compile(r"\bdự thảo\b|\btrình\b.{0,80}?\b(?:ban hành|phê duyệt)\b|\btrình(?:\s+\S+){0,4}?\s+"
                       r"(?:(?:dự án\s+)?luật|nghị định|quyết định|thông tư|nghị quyết|chỉ thị|quy chế|chiến lược|"
                       r"kế hoạch|đề án)\b", re.I)
# "xây dựng Quy chế …, trình Bộ trưởng ban hành" drafts a document; "làm việc với Viettel để xây
# dựng Kế hoạch phối hợp" without submitting it to anyone is work, a task
_BUILDS_DOCUMENT_RE = re.compile(r"\bxây dựng\s+(?:(?:dự án\s+)?luật|nghị định|quyết định|thông tư|nghị quyết|"
                                 r"chỉ thị|quy chế|chiến lược|kế hoạch|đề án)\b", re.I)
_SUBMITS_RE = re.compile(r"\btrình\b", re.I)
# "trình Bộ trưởng, Chủ nhiệm sửa đổi Quy chế hoạt động …": a document to amend, by its name
_SUBMITS_AMENDMENT_RE = re.compile(r"\btrình(?:\s+\S+){1,6}?\s+sửa đổi(?:,\s*bổ sung)?\s+(?:quy chế|quyết định|"
                                   r"nghị định|thông tư|kế hoạch|đề án|chiến lược)\b", re.I)


def _ordering_at(said: str) -> int:
    """Where the words ordering a document start ("dự thảo …", "trình … ban hành …", "xây dựng
    Quy chế …"): an article's heading before them ("Điều 6. Quy chế hoạt động") is no document."""
    found = [m.start() for m in (_DRAFT_RE.search(said), _BUILDS_DOCUMENT_RE.search(said),
                                 _SUBMITS_AMENDMENT_RE.search(said)) if m]
    return min(found) if found else 0


def _orders_document(said: str) -> str | None:
    """"draft" when a task orders a document drafted and submitted, "amend" when it orders one
    amended by its name (no number to cite), None when it is work."""
    if _SUBMITS_AMENDMENT_RE.search(said):
        return "amend"
    builds = _BUILDS_DOCUMENT_RE.search(said)
    if _DRAFT_RE.search(said) or (builds and _SUBMITS_RE.search(said, builds.end())):
        return "draft"
    return None
_WITH_RE = re.compile(r"phối hợp(?:\s+chặt chẽ)?\s+với\s+(?P<seg>[^.;:]*)", re.I)
_LIST_GAP_RE = re.compile(r"^(?:\s|,|\bva\b|\bcac\b|\bcung\b)*$")
_EFFECTIVE_RE = re.compile(
    r"(?<![a-z0-9])(?:bat dau|ke|hieu luc|co hieu luc) tu\s+(?:ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s*,?\s+nam\s+\d{4}"
    r"|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|thang\s+\d{1,2}(?:\s*,?\s+nam\s+\d{4}|\s*/\s*\d{4})"
    r"|quy\s+(?:iv|iii|ii|i|[1-4])\s*,?\s+nam\s+\d{4}|nam\s+\d{4})")


SENTENCE_REACH = 2_000  # characters a sentence reaches on either side of a point in it


def _sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos`, looked for no further than SENTENCE_REACH each way: what is
    done per citation stays bounded, so a text of one endless sentence is read in linear time."""
    low, high = max(0, pos - SENTENCE_REACH), min(len(text), pos + SENTENCE_REACH)
    start = max(text.rfind(". ", low, pos), text.rfind("; ", low, pos))
    start = low if start < 0 else start + 2
    ends = [e for e in (text.find(". ", pos, high), text.find("; ", pos, high)) if e >= 0]
    end = min(ends) + 1 if ends else high
    return start, end


def _with(text: str, names: Names, lead: str | None) -> list[str]:
    """The agencies listed after "phối hợp với": "Bộ Tài chính, Bộ Kế hoạch và Đầu tư và …"."""
    out: list[str] = []
    for m in _WITH_RE.finditer(text):
        seg, pos = m.group("seg"), 0
        for key, start, end in names.agencies_in(seg):
            if not _LIST_GAP_RE.match(fold(seg[pos:start]) or " "):
                break
            if key != lead and key not in out:
                out.append(key)
            pos = end
    return out


def _agency_after(text: str, pos: int, names: Names) -> str | None:
    for key, start, _ in names.agencies_in(text[pos:pos + 160]):
        if start <= 3:
            return key
        break
    return None


def _dues(text: str, context_year: int | None) -> list[tuple[str, Period | None, int]]:
    folded, index = fold_map(text)
    out = []
    for m in _DUE_RE.finditer(folded):
        phrase = text[index[m.start()]:index[m.end()]]
        out.append((" ".join(phrase.split()), period_from_phrase(phrase, context_year), index[m.start()]))
    return out


def _candidates(items: list[_BodyPara], draft: Draft, names: Names, context_year: int | None) -> None:
    """Candidate actions: transfers ("chuyển … từ A sang B"), requests to amend a cited
    document ("giao A … sửa đổi Quyết định số …"), and, in the directing part of the text, the
    items that assign work or carry a deadline."""
    section_due: dict[str, tuple[str, Period | None]] = {}
    found = names.bodies_in(draft.title or "")
    body = found[0][0] if found else None
    compositions = official.composition(items, names, body)
    seated = _seat_ids(items, compositions)
    if not compositions:  # a report's composition, in prose
        compositions, seated = official.prose_composition(items, names, body)
    draft.candidates.extend(compositions)
    for c in official.holds(items, names, body):
        c.on = draft.meeting  # "Ngày 12 tháng 02 năm 2020, tại …": who held what that day
        draft.candidates.append(c)
    for item in items:
        if fold(_strip_md(item.content)).startswith("noi nhan"):
            break
        text = item.content
        dues = _dues(text, context_year)
        draft.deadlines += [(phrase, period, item.id) for phrase, period, _ in dues]
        if item.letter_heading or item.id in seated or _LEGAL_BASIS_RE.match(fold(_strip_md(item.content))):
            continue
        draft.candidates.extend(official.designate(item.id, text, names, item.lead))  # beside any task
        made = (_transfers(item, text, dues, names, context_year) or _amendments(item, text, dues, names)
                or official.changes(item.id, text, draft.number.text if draft.number else None)
                or official.establish(item.id, text, names, draft.number.text if draft.number else None)
                or official.rename(item.id, text, names)
                or official.posts(item.id, text, names, body))
        if made and made[0].kind == "transfer":  # "…; Thứ trưởng … giữ chức Tổ trưởng. Nhiệm vụ … được chuyển …"
            made = official.posts(item.id, text, names, body) + made
        if not made and text.rstrip(" *").endswith(":"):
            if dues:
                section_due[item.id] = dues[0][0], dues[0][1]
            continue
        if item.aim:
            continue  # "Tỷ lệ số hóa … đạt tối thiểu 30% trong năm 2021": an aim, with its years, is no task
        if not made and (dues or (item.section and _dash_or_item(item)) or _asked(text, names)
                         or _LEADS_RE.match(text[_first_agency_end(text, names):])
                         or (item.lead and _DUTY_OF_RE.match(item.lead_text or ""))):
            # … or a clause of "Điều 37. Trách nhiệm của Bộ …": each is that ministry's duty
            made = [c for c in _assignments(item, text, dues, names)
                    if c.lead or c.due or c.due_phrase or c.with_]  # nothing to confirm: not proposed
            if not dues:
                # "… các nhiệm vụ sau, hoàn thành trong năm 2019:": each item is due as its section says
                intro = next((section_due[s] for s in _parents(item.id) if s in section_due), None)
                for c in made:
                    if intro and c.lead is None:
                        # "Vụ Hành chính phối hợp với …": it joins a task, which keeps its own deadline
                        c.notes.append(f"its section says {intro[0]!r}: the deadline of the task it joins?")
                    elif intro:
                        c.due_phrase, c.due = intro
                        c.notes.append(f"no deadline of its own: its section's, {intro[0]!r}")
        draft.candidates.extend(made)
    draft.candidates.extend(_held_until_changed(draft.candidates))
    draft.candidates.extend(official.signer_posts(items, names, draft.signer_name, draft.signer_capacity, body))
    order = {item.id: i for i, item in enumerate(items)}
    draft.candidates.sort(key=lambda c: order.get(c.para, 0))  # in the text's order


def _held_until_changed(candidates: list[Candidate]) -> list[Candidate]:
    """"… trình dự thảo sửa đổi Quyết định …, với những nội dung cụ thể sau: – Bộ trưởng … thôi làm
    Tổ phó …": a relief the text asks a draft to carry is not yet in force, so the text says who
    holds that post now; a relief in force says it by itself."""
    drafts = {c.para for c in candidates if c.kind == "request" and c.quote.rstrip(" *").endswith(":")}
    out = []
    for c in candidates:
        if c.kind == "relieve" and c.holder and any(p in drafts and p != c.para for p in _parents(c.para)):
            h = Candidate(c.para, "holds", c.quote, body=c.body, post=c.post, holder=c.holder)
            h.notes.append("held now: the draft this text asks for is to relieve them of it")
            out.append(h)
    return out


def _seat_ids(items: list[_BodyPara], compositions: list[Candidate]) -> set[str]:
    """The items a composition's seats stand in: not read again as appointments or tasks."""
    out: set[str] = set()
    for c in compositions:
        started = False
        for item in items:
            if item.id == c.para:
                started = True
            if started:
                if c.quote and item.id != c.para and not official.is_seat(item):
                    break
                out.add(item.id)
    return out


NOTED_DUES = 5  # deadlines noted on each transfer of a paragraph: notes grow with the text, no faster


def _transfers(item: _BodyPara, text: str, dues: list, names: Names, context_year: int | None
               ) -> list[Candidate]:
    made = []
    effective: list[tuple[str, Period, str]] = []  # once a paragraph, with its sentence's first words
    if _TRANSFER_RE.search(text) or _TRANSFER_PASSIVE_RE.search(text):
        folded, index = fold_map(text)
        for e in _EFFECTIVE_RE.finditer(folded):
            phrase = " ".join(text[index[e.start()]:index[e.end()]].split())
            period = period_from_phrase(phrase, context_year)
            if period:
                s_start, _ = _sentence_at(folded, e.start())
                subject = re.match(r"\s*(?:viec\s+)?(\S+\s+\S+)", folded[s_start:])  # "Việc báo cáo …"
                effective.append((phrase, period, subject.group(1) if subject else ""))
    spans = []
    active = list(_TRANSFER_RE.finditer(text))
    passive = [p for p in _TRANSFER_PASSIVE_RE.finditer(text)
               if not any(a.start() < p.end() and p.start() < a.end() for a in active)]
    for m in sorted(active + passive, key=lambda m: m.start()):
        if _DONE_BEFORE_RE.search(fold(text[max(0, m.start() - 200):m.end()])):
            continue  # "Trước đó, … nhiệm vụ … đã được chuyển từ A sang B": what was done, not this text's act
        from_found = names.agencies_in(m.group("from"))
        to_found = names.agencies_in(m.group("to"))
        task = re.sub(r"^(?:các\s+)?nhiệm vụ\s*:?\s*", "", m.group("task").strip(), flags=re.I)
        if not (from_found or to_found):  # "chuyển đổi … từ văn bản giấy sang …": no agency moves
            continue
        spans.append((m.start(), m.end(), to_found[0][0] if to_found else None,
                      from_found[0][0] if from_found else None))
        moved = _moved_tasks(task, names)
        for one in moved:
            # of several tasks moved at once, the date is the one its sentence names ("Việc báo cáo …")
            own = [e for e in effective if len(moved) == 1 or (e[2] and e[2] in fold(one))]
            c = _transfer(item, m, one, from_found, to_found, own, dues)
            c.notes += [f"the paragraph says {e[0]!r} ({e[1]}): from when this task moves?"
                        for e in effective if e not in own]
            made.append(c)
    if spans:
        made += _after_transfer(item, text, spans, dues, names)
    return made


def _moved_tasks(task: str, names: Names) -> list[str]:
    """"… báo cáo Chính phủ … và Nghiên cứu xây dựng bộ chỉ số …": a capital after "và" (outside
    an agency's name) starts a second task moved by the same sentence."""
    inside = [(s, e) for _, s, e in names.agencies_in(task)]
    cuts = [m for m in re.finditer(r"\s+và\s+(?=[A-ZĐ])", task)
            if not any(s <= m.start() < e for s, e in inside)]
    out, at = [], 0
    for m in cuts:
        out.append(task[at:m.start()])
        at = m.end()
    out.append(task[at:])
    return [t for t in out if t.strip()]


def _after_transfer(item: _BodyPara, text: str, spans: list, dues: list, names: Names) -> list[Candidate]:
    """What a transfer's paragraph says next: "Thời gian trình trong năm 2019." dates the moved
    task for its new holder; "Bộ Thông tin và Truyền thông có trách nhiệm …" gives that agency a
    task of its own."""
    out = []
    end = spans[-1][1]
    for c in clauses(text[end:]):
        said = text[end + c.start:end + c.end].strip(" .;")
        if not said:
            continue
        own = [d for d in dues if end + c.start <= d[2] < end + c.end]
        opener = names.agencies_in(said[:200])
        if _TAKES_OVER_RE.match(said[opener[0][2]:] if opener else ""):
            continue  # "Bộ … có trách nhiệm tiếp nhận …": the hand-over, part of the transfer
        if _HANDS_OVER_RE.search(fold(said)) and spans[-1][3]:
            # "Đề nghị 02 đơn vị sớm bàn giao hồ sơ …": the unit that gives the task up hands it over
            to = spans[-1][2]
            a = Candidate(item.id, "assign", said, lead=spans[-1][3], task_title=_cap(said),
                          with_=[to] if to else [], due=own[0][1] if own else None,
                          due_phrase=own[0][0] if own else None)
            a.notes.append("the hand-over the transfer asks for: led by the unit the task leaves")
            out.append(a)
            continue
        if continues(said) and own and spans[-1][2]:
            a = Candidate(item.id, "assign", said, lead=spans[-1][2], due=own[0][1], due_phrase=own[0][0])
            a.notes.append("the deadline of the task just moved, for its new holder: name that task by its id")
            out.append(a)
        elif opener and opener[0][1] <= 2 and _orders_document(said):
            # "…; Bộ Công an hoàn thiện dự thảo Nghị định, trình Chính phủ trong quý I/2022"
            out.append(Candidate(item.id, "request", said, lead=opener[0][0], what=_orders_document(said),
                                 due=own[0][1] if own else None, due_phrase=own[0][0] if own else None))
        elif opener and opener[0][1] <= 2 and _LEADS_RE.match(said[opener[0][2]:]):
            a = Candidate(item.id, "assign", said, lead=opener[0][0], task_title=_cap(said),
                          due=own[0][1] if own else None, due_phrase=own[0][0] if own else None)
            out.append(a)
    return out


_HANDS_OVER_RE = re.compile(r"\bban giao\b")  # folded: "bàn giao", and its common misspelling "ban giao"
_TAKES_OVER_RE = re.compile(r"\s*(?:có trách nhiệm|chịu trách nhiệm)?\s*(?:tiếp nhận|nhận bàn giao)\b", re.I)


def _transfer(item: _BodyPara, m: re.Match, task: str, from_found: list, to_found: list,
              effective: list, dues: list) -> Candidate:
    c = Candidate(item.id, "transfer", m.group().strip(), task_title=_cap(task.strip()) or None,
                  from_=from_found[0][0] if from_found else None,
                  to=to_found[0][0] if to_found else None)
    if not from_found:
        c.notes.append(f"from: {m.group('from').strip()!r} is not in agencies.yml")
    if not to_found:
        c.notes.append(f"to: {m.group('to').strip()!r} is not in agencies.yml")
    for phrase, period, _ in effective:
        c.effective = period
        c.notes.append(f"effective {period}: {phrase!r}")
    for phrase, period, _ in dues[:NOTED_DUES]:
        c.notes.append(f"the paragraph also says {phrase!r}"
                       + (f" ({period})" if period else "") + ": a deadline for the task?")
    if len(dues) > NOTED_DUES:
        c.notes.append(f"… and {len(dues) - NOTED_DUES} more deadlines in the paragraph")
    return c


def _amendments(item: _BodyPara, text: str, dues: list, names: Names) -> list[Candidate]:
    made = []
    due_starts = [d[2] for d in dues]  # in the order found, as they stand in the text
    for cite in find_citations(text):
        s_start, s_end = _sentence_at(text, cite.start)
        ask = None
        for a in _ASK_RE.finditer(text, s_start, cite.start):
            ask = a
        if ask is None or not _AMEND_RE.search(text[max(0, cite.start - 60):cite.start]):
            continue
        lead = _agency_after(text, ask.end() + 1, names) or item.lead
        c = Candidate(item.id, "request", text[s_start:s_end].strip(), target=cite.number.text,
                      what="amend", lead=lead, with_=_with(text[s_start:s_end], names, lead))
        at = bisect.bisect_right(due_starts, cite.start)  # the first deadline after the citation
        if at < len(dues):
            c.due_phrase, c.due = dues[at][0], dues[at][1]
        if lead is None:
            c.notes.append("lead: no agency recognised")
        made.append(c)
    return made


_LEADS_RE = re.compile(r"\s*,?\s*(?:được giao|chủ trì|tiếp tục|tăng cường|khẩn trương|có trách nhiệm|chịu trách nhiệm|"
                       r"chủ động|đẩy mạnh|bảo đảm|đảm bảo|nghiên cứu|rà soát|hướng dẫn|tập trung)\b", re.I)
# "Văn phòng Chính phủ tiếp tục tổ chức …": the agency that opens the paragraph is told to act


# how a report or a clause introduces what a document directs: "Theo Quyết định, …", "Đồng thời, …"
_REPORTED_RE = re.compile(r"\s*(?:(?:cũng\s+)?theo\s+(?:quyết định|nghị định|nghị quyết|chỉ thị|đề án|kế hoạch)"
                          r"(?:\s+này)?|đồng thời|bên cạnh đó|ngoài ra|để\s[^,.;]{1,80})\s*,\s*", re.I)  # "Để tổ chức thực hiện, …"


def _opening_agency(said: str, names: Names) -> str | None:
    """The agency a sentence opens with ("Văn phòng Chính phủ tích hợp …", "Theo Quyết định, Bộ
    Công an chủ trì …"), unless it only co-operates ("… phối hợp với …")."""
    opening = _REPORTED_RE.match(said)
    at = opening.end() if opening else 0
    found = names.agencies_in(said[at:at + 200])
    if not found or found[0][1] > 2 or re.match(r"\s*(?:phối hợp|được(?!\s+giao))\b", said[at + found[0][2]:], re.I):
        return None
    return found[0][0]


def _first_agency_end(text: str, names: Names) -> int:
    """Where the agency that opens a paragraph ends ("Bộ Tài chính chủ trì …"), or the end."""
    opening = _REPORTED_RE.match(text)  # "Để tổ chức thực hiện, Bộ … được giao …"
    at = opening.end() if opening else 0
    found = names.agencies_in(text[at:at + 200])
    return at + found[0][2] if found and found[0][1] <= 2 else len(text)


def _asked(text: str, names: Names) -> str | None:
    """The agency a paragraph gives work to: "giao Bộ Thông tin và Truyền thông chủ trì …"."""
    for ask in _ASK_RE.finditer(text):
        found = _agency_after(text, ask.end() + 1, names)
        if fold(ask.group()) == "de nghi" and _UPWARD_RE.match(fold(text[ask.end():ask.end() + 20])):
            continue  # "… có văn bản đề nghị Thủ tướng Chính phủ xem xét": a proposal upward, not work
        if found:
            return found
    return None


_UPWARD_RE = re.compile(r"\s*(?:thu tuong|chinh phu)\b")  # whom a text proposes to, never gives work to


def _assignments(item: _BodyPara, text: str, dues: list, names: Names) -> list[Candidate]:
    """One candidate per task of the paragraph (see clauses.py), each with its own deadlines; a
    task that orders a document drafted is a request, one per document or deadline it names."""
    lead, with_first, note = item.lead, [], None
    asked = _asked(text, names)
    opening = _REPORTED_RE.match(text)  # "Theo Quyết định, Bộ Công an chủ trì …"
    at = opening.end() if opening else 0
    found = [(k, start + at, end + at) for k, start, end in names.agencies_in(text[at:])]
    if asked:
        lead = asked
    elif found and found[0][1] - at <= 2:
        if re.match(r"\s*phối hợp", text[found[0][2]:], re.I):
            lead, with_first = None, [found[0][0]]
            note = (f"{found[0][0]} co-operates (phối hợp), no lead is named: if this adds to a "
                    "task declared elsewhere, keep `with` and name the task by its id")
        else:
            lead = found[0][0]
    made = []
    spans = _tasks(text, dues, names)
    for n, (start, end, intro) in enumerate(spans):
        said = text[start:end].strip(" ;")
        if n:  # "…; Bộ Công an hoàn thiện dự thảo Nghị định …": a sentence that names its own lead
            lead = _opening_agency(said, names) or lead
        own = [d for d in dues if start <= d[2] < end]
        if not own and intro is not None:  # "… triển khai trong năm 2020: A, B, C": each item is due as its list
            own = [d for d in dues if spans[intro][0] <= d[2] < spans[intro][1]]
        ordered = _orders_document(said)
        kind = "request" if ordered else "assign"
        with_ = (with_first if n == 0 else []) + [w for w in _with(said, names, lead) if w not in with_first]
        count = len(own) or 1
        if kind == "request":
            count = max(count, len(_DRAFTED_RE.findall(said, _ordering_at(said))))  # after the verb that orders them
        recurs = _RECURS_RE.search(fold(said))
        for k in range(count):
            phrase, period = (own[min(k, len(own) - 1)][:2] if own else (None, None))
            if recurs and phrase and not re.search(r"\d{4}", phrase):
                period = None  # "định kỳ hằng năm …, trước ngày 15 tháng 12": every year, not one
            c = Candidate(item.id, kind, said, lead=lead, with_=with_, due=period, due_phrase=phrase)
            if kind == "request":
                c.what = ordered
            else:
                c.task_title = _cap(said)
            if note and n == 0:
                c.notes.append(note)
            elif lead is None and item.lead_text:
                c.notes.append(f"lead: {item.lead_text!r} (the heading) is not an agency in agencies.yml")
            elif lead is None:
                c.notes.append("lead: no agency recognised")
            if phrase and period is None and recurs:
                c.notes.append(f"due: {phrase!r} recurs ({recurs.group()}): a standing duty, no one deadline")
            elif phrase and period is None:
                c.notes.append(f"due: {phrase!r} gives no year, and the text does not say which")
            if count > 1 and kind == "request" and len(own) < count:
                c.notes.append(f"one of {count} documents this sentence orders drafted: "
                               "give each its own title")
            made.append(c)
    return made


_RECURS_RE = re.compile(r"\b(?:dinh ky|hang nam|hang quy|hang thang|moi nam)\b")  # folded: "hằng", "hàng"

# "trình Chính phủ Nghị định về A và Nghị định về B": two documents to draft
_DRAFTED_RE = re.compile(r"\b(?:Nghị định|Quyết định|Nghị quyết|Thông tư|Chỉ thị|Luật|Đề án|Chiến lược|"
                         r"Kế hoạch|Quy chế)\s+(?:về|quy định|hướng dẫn|sửa đổi|phát triển|thiết lập|thành lập|hoạt động)\b")


def _tasks(text: str, dues: list, names: Names | None = None) -> list[tuple[int, int, int | None]]:
    """The spans of a paragraph's tasks: its clauses (clauses.py), a clause joined to the one
    before when it only explains or dates it; with each item of a list, the index of the span
    that introduces the list."""
    out: list[list] = []  # [start, end, has a deadline, orders a draft, the list's intro]
    intro = None
    for c in clauses(text):
        if c.joint != "item":
            intro = None
        said = text[c.start:c.end]
        if not said.strip(" ;.,"):
            continue
        dated = any(c.start <= d[2] < c.end for d in dues)
        drafts = bool(_orders_document(said))
        opens = names is not None and c.joint == "." and _opening_agency(said, names)  # "… . Bộ Thông tin …"
        follows = out and (continues(said) or len(said.strip()) < 20 or (
            c.joint == "." and not dated and drafts == out[-1][3] and not opens))
        if follows:
            out[-1][1] = c.end
            out[-1][2] = out[-1][2] or dated
            continue
        if c.joint == "item" and intro is None:
            intro = len(out) - 1 if out else None
        out.append([c.start, c.end, dated, drafts, intro if c.joint == "item" else None])
    return [(s, e, i) for s, e, _, _, i in out] or [(0, len(text), None)]


def _parents(pid: str) -> list[str]:
    out = []
    base = pid.split("-")[0]
    while base:
        out.append(base)
        base = base[:-1]
    return out


def _dash_or_item(item: _BodyPara) -> bool:
    return bool(_DASH_RE.match(item.text) or _LETTER_RE.match(item.text))


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _body_markdown(items: list[_BodyPara], anchored: set[str]) -> str:
    out = []
    for item in items:
        text = item.text
        if _NUM_RE.match(text):
            text = re.sub(r"^(\d{1,2})\s*\.", r"\1\\.", text)
        if text.startswith("#"):
            text = "\\" + text
        if item.id in anchored:
            text += f" {{#d-{item.id}}}"
        out.append(text)
    return "\n\n".join(out) + ("\n" if out else "")
