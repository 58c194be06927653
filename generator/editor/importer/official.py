"""What an official-form text does besides giving tasks: the documents it amends, replaces or
repeals; a body it renames; a composition it states ("kiện toàn", "thành phần … gồm"); posts it
fills or empties ("giữ chức", "thôi giữ chức", "bổ nhiệm", "miễn nhiệm"); and when it takes
effect. Each proposal keeps the words it comes from; nothing is proposed that the text does not
say (a target is a cited number, a post the text's words, a date the text's date).

Every pattern reads the text with its marks folded (generator.core.text.fold keeps its length
but for "đ"), so "Bãi bỏ" and "bai bo" are one; each is linear in the text.
"""
from __future__ import annotations

import re
from datetime import date

from generator.core.numbers import find_citations
from generator.core.periods import Period
from generator.editor.importer.draft import Candidate
from generator.editor.importer.names import Names, fold_map

# a change of another document: the verb, then (within the same sentence) the cited number
_CHANGE_VERBS = (
    ("repeal", re.compile(r"\bbai bo\b")),
    ("replace", re.compile(r"\bthay the\b")),
    ("amend", re.compile(r"\bsua doi\b")),
)
_EXPIRES_RE = re.compile(r"\bhet hieu luc\b")
_ASKED_RE = re.compile(r"\b(?:giao|yeu cau|de nghi|chu tri|trinh|xay dung|du thao|nghien cuu)\b")
VERB_REACH = 140  # characters between a change's verb and the number it changes

# effective date of the document itself
_EFFECTIVE_DOC_RE = re.compile(
    r"\b(?:quyet dinh|nghi dinh|thong tu|nghi quyet|chi thi|thong bao|van ban) nay co hieu luc"
    r"(?: thi hanh)?(?: ke)? tu (?P<what>ngay ky(?: ban hanh)?|ngay (?P<d>\d{1,2}) thang (?P<m>\d{1,2}) nam (?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>\d{4}))")

# rename: "đổi tên <old> thành <new>"
_RENAME_RE = re.compile(r"\bdoi ten\b(?P<old>[^.;:]{0,200}?)\bthanh\b\s*(?P<new>[^.;:(]{3,160})")

# posts: appointments and reliefs
_RELIEVE_RE = re.compile(r"\b(?:thoi giu chuc|thoi lam|thoi tham gia|mien nhiem|thoi giu)\b")
_APPOINT_RE = re.compile(r"\b(?:giu chuc|bo nhiem|lam)\b")
_POST_WORDS = ("pho chu tich thuong truc", "pho chu tich", "chu tich", "uy vien thuong truc", "uy vien",
               "tong thu ky", "pho truong ban thuong truc", "pho truong ban", "truong ban",
               "to pho thuong truc", "to pho", "to truong", "thu ky", "thanh vien")
_POST_RE = re.compile(r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in _POST_WORDS) + r")\b")

POST_REACH = 400  # characters after a verb its posts stand in (keeps a sentence of many verbs linear)

# a composition: the article or clause that lists a body's members
_COMPOSITION_RE = re.compile(r"\b(?:thanh phan|kien toan)\b")
_SEAT_RE = re.compile(r"^\s*(?:[-–—•+*]\s*|\d{1,2}\s*[.)]\s*|[a-zđ]\)\s*)?(?:cac\s+)?(?P<post>" + _POST_RE.pattern[2:-2] + r")\b"
                      r"[^:]{0,80}?:\s*(?P<holders>.+)$")


def effective(text: str) -> tuple[str, Period | str] | None:
    """The document's own effective date: ("…", "on-signing") or ("…", Period of the day)."""
    folded, index = fold_map(text)
    m = _EFFECTIVE_DOC_RE.search(folded)
    if not m:
        return None
    phrase = " ".join(text[index[m.start()]:index[m.end()]].split())
    if m["what"].startswith("ngay ky"):
        return phrase, "on-signing"
    d, mo, y = (m["d"], m["m"], m["y"]) if m["d"] else (m["d2"], m["m2"], m["y2"])
    try:
        date(int(y), int(mo), int(d))
        return phrase, Period(int(y), None, int(mo), int(d))
    except ValueError:
        return None


def changes(pid: str, text: str, own_number: str | None) -> list[Candidate]:
    """Amendments, replacements and repeals of cited documents ("Sửa đổi, bổ sung … Quyết định số
    1072/QĐ-TTg", "thay thế Quyết định số …", "bãi bỏ …", "Quyết định số … hết hiệu lực"); a
    sentence that asks someone to amend is a request (actions.py), not a change."""
    out, seen = [], set()
    for cite in find_citations(text):
        number = cite.number.text
        if number in seen or (own_number and number == own_number):
            continue
        before = fold_map(text[max(0, cite.start - VERB_REACH):cite.start])[0]
        cut = max(before.rfind(". "), before.rfind("; "))
        before = before[cut + 1:] if cut >= 0 else before
        kind = None
        for name, verb in _CHANGE_VERBS:
            found = list(verb.finditer(before))
            if found:
                at = found[-1].start()
                if kind is None or at > kind[1]:
                    kind = (name, at)
        after = fold_map(text[cite.end:cite.end + 120])[0]
        cut_after = after.find(". ")
        if kind is None and _EXPIRES_RE.search(after if cut_after < 0 else after[:cut_after]):
            kind = ("repeal", 0)
        if kind is None or _ASKED_RE.search(before[:kind[1]]):
            continue
        seen.add(number)
        out.append(Candidate(pid, kind[0], text.strip(), target=number))
    return out


def rename(pid: str, text: str, names: Names) -> list[Candidate]:
    folded, index = fold_map(text)
    out = []
    for m in _RENAME_RE.finditer(folded):
        old = text[index[m.start("old")]:index[m.end("old")]]
        if not old.strip(" ,"):  # "… kiện toàn Ủy ban X và đổi tên thành Y": X stands before
            old = text[:index[m.start()]]
        new = " ".join(text[index[m.start("new")]:index[m.end("new")]].split()).rstrip(" ,")
        bodies = names.bodies_in(old)[-1:]
        agencies = [] if bodies else names.agencies_in(old)[-1:]
        c = Candidate(pid, "rename", text.strip())
        c.body = bodies[0][0] if bodies else None
        c.agency = agencies[0][0] if agencies else None
        c.new_name = new
        if not (bodies or agencies):
            c.notes.append(f"the body renamed is not in the registries: {old.strip()!r}")
        out.append(c)
    return out


def posts(pid: str, text: str, names: Names, body: str | None) -> list[Candidate]:
    """"… giữ chức Phó Chủ tịch Ủy ban …", "… làm Phó Chủ tịch …, thôi làm Tổ phó …", "bổ nhiệm
    … làm …": an appointment or relief for each post a verb names, the holder in the text's
    words (what stands before the first verb of the sentence)."""
    folded, index = fold_map(text)
    out = []
    for sentence in re.finditer(r"[^.;]+", folded):
        s, e = sentence.span()
        part = folded[s:e]
        relieves = [(m.start(), m.end(), "relieve") for m in _RELIEVE_RE.finditer(part)]
        inside = {i for start, end, _ in relieves for i in range(start, end)}
        verbs = sorted(relieves + [(m.start(), m.end(), "appoint") for m in _APPOINT_RE.finditer(part)
                                   if m.start() not in inside])
        if not verbs:
            continue
        holder = text[index[s]:index[s + verbs[0][0]]].strip(" ,:-")
        holder = re.sub(r"^(?:(?:theo|tại|trong)\b[^,]{0,80},\s*)?(?:giao|cử|đề nghị)?\s*", "", holder, flags=re.I)
        if not holder or len(holder) > 160:
            continue
        for i, (v_start, v_end, kind) in enumerate(verbs):
            end = verbs[i + 1][0] if i + 1 < len(verbs) else len(part)
            at = v_end
            for post in _POST_RE.finditer(part, v_end, min(end, v_end + POST_REACH)):
                gap = part[at:post.start()]
                if post.start() - at > 20 and not re.search(r"(?:,|\bkiem\b|\bva\b)\s*$", gap):
                    break
                if at != v_end and not re.search(r"(?:,|\bkiem\b|\bva\b)\s*$", gap):
                    break
                c = Candidate(pid, kind, text[index[s]:index[e]].strip())
                c.post = " ".join(text[index[s + post.start()]:index[s + post.end()]].split())
                c.holder = holder
                found = names.bodies_in(text[index[s + post.end()]:index[s + end]])
                c.body = found[0][0] if found and found[0][1] <= 3 else body
                out.append(c)
                at = post.end()
    return out


def is_seat(item) -> bool:
    """A seat of a composition list: "Phó Chủ tịch: …", or a dash item under "Các Ủy viên:"."""
    return bool(_SEAT_RE.match(fold_map(item.content)[0]) or re.match(r"^\s*[-–—•+*]", item.text))


def composition(items: list, names: Names, default_body: str | None) -> list[Candidate]:
    """A list of seats ("Chủ tịch Ủy ban: Thủ tướng Chính phủ.", "Các Ủy viên: …; …") under a
    clause naming the composition or "kiện toàn": one `compose` with each seat."""
    out: list[Candidate] = []
    current: Candidate | None = None
    heading = None  # the clause that names the composition: the compose stands there
    for item in items:
        folded = fold_map(item.content)[0]
        seat = _SEAT_RE.match(folded)
        if seat:
            if current is None:
                current = Candidate(heading.id if heading else item.id, "compose",
                                    (heading or item).content.strip())
                current.body = default_body
                current.members = 0
                out.append(current)
            holders = folded[seat.start("holders"):]
            many = seat["post"].startswith("uy vien") or seat["post"].startswith("thanh vien")
            parts = [p for p in re.split(r";", holders) if p.strip(" .")] if many else [holders]
            current.members += max(1, len(parts))
            current.notes.append(" ".join(item.content.split()))  # the seat, as the text gives it
            continue
        if current is not None and item.id.startswith(current.para.split("-")[0]) and re.match(r"^\s*[-–—•+*]", item.text):
            current.members += 1   # a member under "Các Ủy viên:" as a dash item
            current.notes.append(" ".join(item.content.split()))
            continue
        if _COMPOSITION_RE.search(folded) and current is None:
            found = names.bodies_in(item.content)
            default_body = found[0][0] if found else default_body
            heading = item
            continue
        heading = None
        if not seat and current is not None and not re.match(r"^\s*[-–—•+*]", item.text):
            current = None
    return out
