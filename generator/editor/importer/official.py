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
from generator.core.text import fold
from generator.editor.importer.names import Names, fold_map

# a change of another document: the verb, then (within the same sentence) the cited number
_CHANGE_VERBS = (
    ("repeal", re.compile(r"\bbai bo\b")),
    ("replace", re.compile(r"\bthay the\b")),
    ("amend", re.compile(r"\bsua doi\b")),
)
_EXPIRES_RE = re.compile(r"\bhet hieu luc\b")
_ASKED_RE = re.compile(r"\b(?:giao|yeu cau|de nghi|chu tri|trinh|xay dung|du thao|nghien cuu)\b")

# effective date of the document itself
_EFFECTIVE_DOC_RE = re.compile(
    r"\b(?:quyet dinh|nghi dinh|thong tu|nghi quyet|chi thi|thong bao|van ban)(?: nay| so (?P<num>\S+))? co hieu luc"
    r"(?: thi hanh)?(?: ke)? tu (?P<what>ngay ky(?: ban hanh)?|ngay (?P<d>\d{1,2}) thang (?P<m>\d{1,2}) nam (?P<y>\d{4})"
    r"|(?:ngay\s+)?(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>\d{4}))")

# rename: "đổi tên <old> thành <new>"
_RENAME_RE = re.compile(r"\bdoi ten\b(?P<old>[^.;:]{0,200}?)\bthanh\b\s*(?P<new>[^.;:(]{3,160})")

# posts: appointments and reliefs
_RELIEVE_RE = re.compile(r"\b(?:thoi giu chuc|thoi lam|thoi tham gia|mien nhiem|thoi giu)\b")
_POST_WORDS = ("pho chu tich thuong truc", "pho chu tich", "chu tich", "uy vien thuong truc", "uy vien",
               "tong thu ky", "pho truong ban thuong truc", "pho truong ban", "truong ban",
               "to pho thuong truc", "to pho", "to truong", "thu ky", "thanh vien thuong truc", "thanh vien")
_POST_RE = re.compile(r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in _POST_WORDS) + r")\b")
# "giữ chức", "bổ nhiệm", "làm", "… tham gia Ủy ban với tư cách Ủy viên", "Thủ tướng là Chủ tịch Ủy ban"
_APPOINT_RE = re.compile(r"\b(?:giu chuc|bo nhiem|lam|voi tu cach(?: la)?|la(?=\s+" + _POST_RE.pattern[2:] + r"))\b")

_REPLACES_RE = re.compile(r"\bthay\s+(?:ong|ba|dong chi)?\s*(?P<who>[^,;.]{3,80})")
_QUOTED_SEAT_RE = re.compile(r"[\"“]\s*(?:\d{1,2}[a-z]?\s*[.)]\s*)?(?P<post>" + _POST_RE.pattern[2:-2] + r")\b"
                             r"[^:\"”]{0,80}:\s*(?P<holder>[^,.;\"”]{3,120})")
POST_REACH = 400  # characters after a verb its posts stand in (keeps a sentence of many verbs linear)

# a composition: the article or clause that lists a body's members
_COMPOSITION_RE = re.compile(r"\b(?:thanh phan|kien toan|danh sach (?:cac )?thanh vien)\b")  # "… gồm các ông, bà có tên sau đây:"
_SEAT_RE = re.compile(r"^\s*(?:[-–—•+*]\s*|\d{1,2}\s*[.)]\s*|[a-zđ]\)\s*)?(?:cac\s+)?(?P<post>" + _POST_RE.pattern[2:-2] + r")\b"
                      r"[^:]{0,80}?:\s*(?P<holders>.*)$")


def effective(text: str, own_number: str | None = None) -> tuple[str, Period | str] | None:
    """The document's own effective date: ("…", "on-signing") or ("…", Period of the day). A
    press report writes "Quyết định có hiệu lực …" or names the document by its number; a
    sentence naming another number is about that document."""
    folded, index = fold_map(text)
    own = fold_map(own_number)[0].lower() if own_number else None
    m = next((m for m in _EFFECTIVE_DOC_RE.finditer(folded)
              if m["num"] is None or (own and m["num"].rstrip(".,;") == own)), None)
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


_JOINED_RE = re.compile(r"(?:\bva\b|,)\s*(?:(?:cac\s+)?(?:quyet dinh|nghi dinh|nghi quyet|thong tu|chi thi|thong bao)\s*)?(?:so\s*)?$")
_DESCRIBES_RE = re.compile(r"\bcua\s+(?:(?:quyet dinh|nghi dinh|nghi quyet|thong tu|chi thi|thong bao)\s*)?(?:so\s*)?$")
CONNECTOR_REACH = 300  # characters read between two citations of one sentence


def changes(pid: str, text: str, own_number: str | None) -> list[Candidate]:
    """Amendments, replacements and repeals of cited documents: "Sửa đổi, bổ sung … Quyết định số
    1072/QĐ-TTg", "… và thay thế Quyết định số A … và Quyết định số B", "bãi bỏ …", "Quyết định
    số A và Quyết định số B … hết hiệu lực". A verb changes the number after it and those joined
    to it by "và" or a comma; a number that describes another ("… B sửa đổi, bổ sung một số điều
    của Quyết định số A") is not changed. A sentence that asks someone to amend is a request
    (actions.py), not a change."""
    out, seen = [], set()
    for sentence in re.finditer(r"[^.;\n]+(?:[.;](?=\d)[^.;\n]*)*", text):
        cites = [c for c in find_citations(sentence.group())]
        if not cites:
            continue
        folded_sentence = fold_map(sentence.group())[0]
        expires = bool(_EXPIRES_RE.search(folded_sentence))
        kind, previous_end, first = None, 0, 0
        for i, cite in enumerate(cites):
            if own_number and cite.number.text == own_number:
                first = i + 1  # "vừa ban hành Quyết định số X sửa đổi … Quyết định số Y": X's own doing
                previous_end = cite.end
                continue
            i -= first
            connector = fold_map(sentence.group()[max(previous_end, cite.start - CONNECTOR_REACH):cite.start])[0]
            previous_end = cite.end
            verbs = [(m.start(), name) for name, verb in _CHANGE_VERBS for m in verb.finditer(connector)]
            if i and _DESCRIBES_RE.search(connector):
                continue  # describes the number before it
            if verbs and not (i and _DESCRIBES_RE.search(connector)):
                at, name = max(verbs)
                kind = None if _ASKED_RE.search(connector[:at]) else name
            elif not (i and _JOINED_RE.search(connector)):
                kind = "repeal" if expires and not i else None if not expires else kind
            number = cite.number.text
            if kind is None or number in seen or (own_number and number == own_number):
                continue
            seen.add(number)
            out.append(Candidate(pid, kind, text.strip(), target=number))
    return out


_ESTABLISH_RE = re.compile(r"^\s*(?:\S+\s+){0,3}?thanh lap\b")
_ON_BASIS_RE = re.compile(r"\btren co so (?:kien toan|to chuc lai|hop nhat|doi ten)(?: lai)?\b")


_HAS_GROUP_RE = re.compile(r"^\s*(?:uy ban|ban chi dao|hoi dong)\b[^.;]{0,80}?\bco\s+(?=to cong tac|to giup viec|ban thu ky)")
_ASKS_TO_ESTABLISH_RE = re.compile(r"\b(?:yeu cau|giao|de nghi|dong y|chi dao)\b[^.;]{0,80}?\bthanh lap\b")


def establish(pid: str, text: str, names: Names, own_number: str | None = None) -> list[Candidate]:
    """"Thành lập Ủy ban … (trên cơ sở kiện toàn Ủy ban …)": the body set up, and the one it
    replaces when the text says so. Also "… yêu cầu thời gian tới thành lập Ủy ban …" (a
    conclusion that orders it) and a press lead "… vừa ký Quyết định số <its own number> …
    thành lập Ủy ban …"; never "Quyết định số <another> … thành lập …", which names a document."""
    folded, index = fold_map(text)
    m = _ESTABLISH_RE.match(folded) or _ASKS_TO_ESTABLISH_RE.search(folded)
    if not m and own_number:
        for cite in find_citations(text):
            if cite.number.text == own_number:
                m = re.compile(r"[^.;]{0,120}?\bthanh lap\b").match(folded, cite.end)
                break
    if not m:  # "Ủy ban có Tổ công tác giúp việc …": the body sets up a group of its own
        m = _HAS_GROUP_RE.match(folded)
    if not m:
        return []
    basis = _ON_BASIS_RE.search(folded, m.end())
    founded = names.bodies_in(text[index[m.end()]:index[basis.start()] if basis else len(text)])
    if not founded or founded[0][1] > 3:
        return []
    c = Candidate(pid, "establish", text.strip())
    c.body = founded[0][0]
    if basis:
        older = names.bodies_in(text[index[basis.end()]:])
        c.replaces = older[0][0] if older and older[0][1] <= 3 else None
    return [c]


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
                                   if m.start() not in inside and not part[:m.start()].endswith("tiep tuc ")])
        # "Thủ tướng Chính phủ tiếp tục làm Chủ tịch": stays on, nothing changes
        if not verbs:
            continue
        if part[verbs[0][0]:verbs[0][1]].startswith(("bo nhiem", "mien nhiem")) and len(verbs) > 1:
            # "Bổ nhiệm ông A, Bộ trưởng … làm Ủy viên": the holder stands between the two verbs
            holder = text[index[s + verbs[0][1]]:index[s + verbs[1][0]]].strip(" ,:-")
            if not holder:  # "Bộ trưởng … Nguyễn Kim Sơn được bổ nhiệm làm Ủy viên": named before the verb
                holder = re.sub(r"\s*(?:được|đã được)\s*$", "", text[index[s]:index[s + verbs[0][0]]]).strip(" ,:-")
            verbs = [(start, end, "relieve" if part[verbs[0][0]:verbs[0][1]].startswith("mien") else kind)
                     for start, end, kind in verbs[1:]]
        else:
            holder = text[index[s]:index[s + verbs[0][0]]].strip(" ,:-")
        holder = re.sub(r"^(?:(?:cũng\s+)?(?:theo|tại|trong)\b[^,]{0,80},\s*|(?:cụ thể|theo đó|đồng thời),\s*)?"
                        r"(?:giao|cử|đề nghị)?\s*(?:(?:ông|bà)\s+(?=[A-ZĐÀ-Ỹ]))?", "", holder, flags=re.I)
        # "Cụ thể, ông Nguyễn Huy Dũng, … làm …": the holder is "Nguyễn Huy Dũng, …"
        by = list(re.finditer(r"\sdo\s", fold(holder)))
        if by:  # "thành lập Tổ công tác … do Bộ trưởng Bộ Công an làm Tổ trưởng": the one after "do"
            holder = holder[by[-1].end():].strip()
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
                # "…, thay ông B": B leaves the post A takes
                replaced = _REPLACES_RE.search(part, at, end)
                if kind == "appoint" and replaced:
                    r = Candidate(pid, "relieve", c.quote, post=c.post, body=c.body)
                    r.holder = text[index[s + replaced.start("who")]:index[s + replaced.end("who")]].strip(" ,")
                    out.append(r)
    for seat in _QUOTED_SEAT_RE.finditer(folded):  # an amended clause: '"2. Phó Chủ tịch: Bộ trưởng …"'
        c = Candidate(pid, "appoint", text.strip())
        c.post = " ".join(text[index[seat.start("post")]:index[seat.end("post")]].split())
        c.holder = text[index[seat.start("holder")]:index[seat.end("holder")]].strip(" ,")
        c.body = body
        out.append(c)
    return out


_HOLDER_POST_RE = re.compile(r"\s[-–—]\s*(?:" + _POST_RE.pattern[2:-2] + r")\b[^;:]{0,80}[;.]?\s*$")
_ITEM_RE = re.compile(r"^\s*(?:[-–—•+*]\s|[a-zđ]\)\s*)")


def _seat(item) -> tuple[str, int] | None:
    """("post first", seats) for "Phó Chủ tịch: …" (several for "Các Ủy viên: A; B; C", none yet
    for "Các Ủy viên:" whose members follow), ("holder first", 1) for "Ông A, Bộ trưởng … -
    Phó Chủ tịch Ủy ban;", None for anything else."""
    folded, index = fold_map(item.content)
    seat = _SEAT_RE.match(folded)
    if seat:
        holders = folded[seat.start("holders"):].strip(" .;")
        plural = (seat["post"].startswith(("uy vien", "thanh vien")) and not seat["post"].startswith("uy vien thuong truc")
                  or re.search(r"\bcac\s+$", folded[:seat.start("post")]))  # "Các Tổ phó: A, B, C"
        if not holders:
            return "post first", 0
        if not plural:
            return "post first", 1
        if ";" in holders:
            return "post first", len([p for p in holders.split(";") if p.strip(" .")])
        listed = item.content[index[seat.start("holders")]:]  # "Thứ trưởng Bộ A, Thứ trưởng Bộ B, …"
        return "post first", len([p for p in _SEAT_CUT_RE.split(listed) if p.strip(" .;")])
    if _HOLDER_POST_RE.search(folded):
        return "holder first", 1
    return None


def is_seat(item) -> bool:
    return _seat(item) is not None or bool(_ITEM_RE.match(item.text))


def composition(items: list, names: Names, default_body: str | None) -> list[Candidate]:
    """A list of seats under a clause naming the composition ("Thành phần Ủy ban gồm:", "Kiện
    toàn Ủy ban … gồm các thành viên sau:"): one `compose` with the number of seats and each
    seat's words. Seats are "Post: holder" lines, "holder - Post" lines, and the lettered or
    dashed members under "Các Ủy viên:"."""
    out: list[Candidate] = []
    current: Candidate | None = None
    heading = None
    members_follow = False  # after "Các Ủy viên:", each lettered or dashed item is a seat
    for item in items:
        seat = _seat(item)
        if seat is not None and (current is not None or heading is not None):
            if current is None:
                current = Candidate(heading.id, "compose", heading.content.strip())
                current.body, current.members = default_body, 0
                out.append(current)
            current.members += seat[1]
            current.notes.append(" ".join(item.content.split()))
            members_follow = seat[1] == 0
            continue
        if current is not None and members_follow and _ITEM_RE.match(item.text):
            current.members += 1
            current.notes.append(" ".join(item.content.split()))
            continue
        folded = fold_map(item.content)[0]
        if _COMPOSITION_RE.search(folded) and len(folded) < 400:
            found = names.bodies_in(item.content)
            default_body = found[0][0] if found else default_body
            heading, current, members_follow = item, None, False
            continue
        heading, current, members_follow = None, None, False
    return out


# the account of a meeting: "Ngày …, tại …, Thủ tướng Chính phủ Nguyễn Xuân Phúc, Chủ tịch Ủy ban
# … đã chủ trì …", up to "… kết luận như sau:"
_MEETING_ACCOUNT_RE = re.compile(r"\b(?:chu tri|tham du|du hop|ket luan nhu sau|y kien)\b")
_SHORT_NAME_RE = re.compile(r"\(\s*sau day goi tat la\s+(?P<short>[^)]{2,60}?)\s*\)")
_NAME_WORD_RE = re.compile(r"[^\W\d_]+")


def _name_at(text: str, pos: int) -> str | None:
    """The personal name that starts at `pos`: two to four capitalised words ("Mai Tiến Dũng")."""
    words = []
    for m in _NAME_WORD_RE.finditer(text, pos, min(len(text), pos + 60)):
        if (m.start() != pos and text[pos:m.start()].strip()) or not m.group()[0].isupper():
            break
        words.append(m.group())
        pos = m.end()
        if len(words) == 4 or not text.startswith(" ", pos):
            break
        pos += 1
    return " ".join(words) if len(words) >= 2 else None


def _ends_in_name(chunk: str) -> bool:
    words = chunk.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words[-2:])
BODY_WORDS = ("uy ban", "ban chi dao", "to cong tac", "hoi dong")
MEETING_ACCOUNT_REACH = 4  # the account of a meeting opens a notice: its first paragraphs


def holds(items: list, names: Names, default_body: str | None) -> list[Candidate]:
    """Who holds a post of a body, as the account of a meeting names them ("Thủ tướng Chính phủ
    Nguyễn Xuân Phúc, Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử đã chủ trì …"; "Bộ trưởng,
    Chủ nhiệm, Trưởng Ban Chỉ đạo Mai Tiến Dũng"): an observation on the meeting's day, not an
    appointment. Read only in the paragraphs before the conclusions start ("… như sau:"); each
    post of a body once."""
    out: list[Candidate] = []
    seen: set[tuple[str, str | None]] = set()
    shorts: dict[str, str] = {}
    for item in items[:MEETING_ACCOUNT_REACH]:
        text = item.content
        folded, index = fold_map(text)
        if not _MEETING_ACCOUNT_RE.search(folded) or _APPOINT_VERB_RE.search(folded):
            if out or seen:
                break
            continue
        for m in _SHORT_NAME_RE.finditer(folded):  # "… (sau đây gọi tắt là Ủy ban)": the body before it
            before = names.bodies_in(text[max(0, index[m.start()] - 200):index[m.start()]])
            if before:
                shorts[m["short"].strip()] = before[-1][0]
        for post in _POST_RE.finditer(folded):
            after = text[index[post.end()]:index[post.end()] + 200]  # a post's body follows it closely
            body_found = names.bodies_in(after)
            body = None
            rest = 0
            if body_found and body_found[0][1] <= 1:
                body, rest = body_found[0][0], body_found[0][2]
            else:
                head = fold(after).lstrip()
                word = next((w for w in (*shorts, *BODY_WORDS) if head.startswith(w)), None)
                if word is None and post.group().endswith("ban") and head.startswith("chi dao"):
                    word = "ban chi dao"  # "Trưởng Ban Chỉ đạo": the post's "Ban" is the body's
                    rest = len(after) - len(after.lstrip()) + len("chi dao")
                elif word is not None:
                    rest = len(after) - len(after.lstrip()) + len(word)
                if word is None:
                    continue
                body = shorts.get(word) or default_body
            holder = _holder_near(text, index[post.start()], index[post.end()] + rest)
            key = (" ".join(post.group().split()), body)
            if holder is None or key in seen:
                continue
            seen.add(key)
            c = Candidate(item.id, "holds", " ".join(text.split()))
            c.post = " ".join(text[index[post.start()]:index[post.end()]].split())
            c.holder, c.body = holder, body
            if body is None:
                c.notes.append("body: not recognised in bodies.yml")
            out.append(c)
        if folded.rstrip(" *").endswith("nhu sau:"):
            break  # the conclusions start after this paragraph
    return out


_APPOINT_VERB_RE = re.compile(r"\b(?:giu chuc|bo nhiem|mien nhiem|thoi giu|thoi lam|lam (?:chu tich|pho chu tich|uy vien|truong ban|to truong))\b")


def _holder_near(text: str, post_start: int, post_end: int) -> str | None:
    """The person a post is said of: the name right after it ("Trưởng Ban Chỉ đạo Mai Tiến
    Dũng"), or the words before it up to the comma before those ("Thủ tướng Chính phủ Nguyễn
    Xuân Phúc, Chủ tịch …") when they end in a name."""
    after = _name_at(text, post_end + (1 if text[post_end:post_end + 1] == " " else 0))
    if after and not fold(after).startswith(("uy ban", "ban ", "to ", "hoi dong")):
        return after
    before = text[max(0, post_start - 120):post_start].rstrip()
    if not before.endswith(","):
        return None
    chunk = before[:-1]
    cuts = [chunk.rfind(",") + 1, chunk.rfind("(") + 1] + [m.end() for m in re.finditer(r"\b(?:có|gồm|và)\s", chunk)]
    chunk = chunk[max(cuts):].strip()  # "Tham dự Hội nghị có Phó Thủ tướng … Vũ Đức Đam, Phó Chủ tịch …"
    return chunk if _ends_in_name(chunk) else None


_ROLE_RE = re.compile(r"\b(?:la|lam|vai tro la|duoc giao lam)\s+(?P<role>(?:co quan|don vi)\s+(?:thuong truc|dau moi|dieu phoi)"
                      r"(?P<rest>[^.;,(]{0,120}))")


def designate(pid: str, text: str, names: Names, lead: str | None) -> list[Candidate]:
    """A standing role given to an agency: "Bộ Thông tin và Truyền thông làm cơ quan thường trực
    của Tổ công tác", "Văn phòng Chính phủ là cơ quan đầu mối xây dựng Chính phủ điện tử". The
    agency is the one the sentence opens with (or the heading's, for "Thực hiện vai trò là …");
    a role of a body ("… của Tổ công tác") is named for the body, any other as the text words it."""
    folded, index = fold_map(text)
    out = []
    for m in _ROLE_RE.finditer(folded):
        low = max(0, m.start() - 400)  # a sentence's opening is near: the search stays linear
        start = max(folded.rfind(". ", low, m.start()), folded.rfind("; ", low, m.start()))
        start = low if start < 0 else start + 2
        opening = text[start:index[m.start()]]
        found = names.agencies_in(opening)
        if found and found[0][1] <= 3:
            agency = found[0][0]
        elif not found and lead:
            agency = lead
        else:
            continue
        if fold(text[max(0, start - 40):index[m.start()]]).find("truoc day") >= 0:
            continue  # "trước đây Văn phòng Chính phủ là cơ quan thường trực": what was, not what is
        c = Candidate(pid, "designate", text[start:index[m.end()]].strip(), agency=agency)
        rest = text[index[m.start("rest")]:index[m.end("rest")]]
        of = re.match(r"\s*của\s+", rest)
        body_found = names.bodies_in(rest) if of else []
        if of and body_found and body_found[0][1] <= of.end() + 1:
            c.body = body_found[0][0]
        elif of:
            c.notes.append(f"body: {rest[of.end():].strip()!r}: which body in bodies.yml?")
        words = " ".join(text[index[m.start("role")]:index[m.start("rest")] if of else index[m.end("rest")]].split())
        c.role = words[:1].upper() + words[1:]
        out.append(c)
    return out


_BY_ORDER_RE = re.compile(r"^\W*thua lenh\b")
_INFORMS_RE = re.compile(r"\s(?:xin\s+)?thong bao\b")
TITLE_REACH = 80
_TITLE_RE = re.compile(r"^(?:[A-ZĐÀ-Ỹ]\w*\s+)*?[a-zđà-ỹ]\w*(?=\s+[A-ZĐÀ-Ỹ])")  # "Phó Cục trưởng" before "Cục …"


def signer_posts(items: list, names: Names, signer: str | None, capacity: str | None,
                 own_body: str | None = None) -> list[Candidate]:
    """"Thừa lệnh Bộ trưởng, Chủ nhiệm, Trưởng Ban Chỉ đạo, Cục trưởng Cục Kiểm soát thủ tục hành
    chính, Tổ trưởng Tổ công tác giúp việc xin thông báo …", signed "TL. BỘ TRƯỞNG, CHỦ NHIỆM —
    CỤC TRƯỞNG CỤC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH": the text itself says which posts its signer
    holds, from the one the signature gives to the end of the list. A signature alone is the
    record's signer, not a post proposed."""
    if not signer or not capacity or " — " not in capacity:
        return []
    own = " ".join(fold(capacity.split(" — ", 1)[1]).split())
    for item in items:
        text = item.content
        folded, index = fold_map(text)
        if not _BY_ORDER_RE.match(folded):
            continue
        said = _INFORMS_RE.search(folded)
        start = folded.find(own.split()[0] + " " + own.split()[1]) if len(own.split()) > 1 else -1
        if said is None or start < 0 or start > said.start():
            return []
        listed = text[index[start]:index[said.start()]]
        out = []
        for part in re.split(r",\s+(?=[A-ZĐÀ-Ỹ])", listed):
            title = _TITLE_RE.match(part.strip()[:TITLE_REACH])  # a title is a few words: bounded
            if not title:
                continue
            rest = part.strip()[title.end():]
            c = Candidate(item.id, "holds", " ".join(text.split()), post=title.group(), holder=signer)
            bodies, agencies = names.bodies_in(rest), names.agencies_in(rest)
            if bodies and bodies[0][1] <= 1:
                c.body = bodies[0][0]
            elif agencies and agencies[0][1] <= 1:
                c.agency = agencies[0][0]
            elif names.part_of(own_body, rest):  # "Tổ công tác giúp việc" in the Ban Chỉ đạo's notice
                c.body = names.part_of(own_body, rest)
            else:
                c.notes.append(f"body: {rest.strip()!r} is not one body in bodies.yml: name it")
            c.notes.append("the signer's post, as the text names it")
            out.append(c)
        return out
    return []


# a composition written as prose, as a report gives it: "Thủ tướng Chính phủ làm Chủ tịch Ủy ban; …
# Các Ủy viên Ủy ban gồm Bộ trưởng các Bộ: Công an, Tài chính, …; Thứ trưởng Bộ Nội vụ; lãnh đạo
# Tập đoàn …, … và Công ty Cổ phần FPT."
_GROUP_RE = re.compile(r"(?:^|[.;:]\s*|\s)(?:cac\s+)?(?:pho chu tich|uy vien|thanh vien|to pho|pho truong ban|pho to truong)\b"
                       r"[^.;:()]{0,80}?\b(?:gom|la)\b\s*:?")
_ONE_SEAT_RE = re.compile(r"\b(?:lam|la|giu chuc)\s+(?:" + _POST_RE.pattern[2:-2] + r")\b")
_FOUNDS_RE = re.compile(r"\b(?:thanh lap|kien toan)\b")
_SEAT_HEADS = (r"(?:Bộ trưởng|Thứ trưởng|Phó Thủ tướng|Thống đốc|Phó Thống đốc|Tổng Giám đốc|Phó Tổng Giám đốc"
               r"|Trưởng ban|Phó Chủ nhiệm|Chủ tịch|Phó Chủ tịch|lãnh đạo|đại diện)\b")
_SEAT_CUT_RE = re.compile(r",\s+(?=" + _SEAT_HEADS + r")|\s+và\s+(?=" + _SEAT_HEADS + r")")
_MANY_RE = re.compile(r"\b(?:cac bo|lanh dao|cac co quan)\b\s*:?")  # "Bộ trưởng các Bộ: A, B, C"
_ORG_CUT_RE = re.compile(r",\s+|\s+và\s+(?=(?:Tập đoàn|Tổng công ty|Công ty|Ngân hàng|Bảo hiểm)\b)")


def _listed_seats(listed: str) -> int:
    """Seats in the words after "gồm": one per ";" segment, per holder joined by ", " or "và"
    before an office ("… và Bộ trưởng Bộ …"), per name after "các Bộ:" or "lãnh đạo"."""
    count = 0
    for segment in listed.split(";"):
        if not segment.strip(" ."):
            continue
        many = _MANY_RE.search(fold(segment))
        if many:
            count += len([p for p in _ORG_CUT_RE.split(segment[many.end():]) if p.strip(" .")])
        else:
            count += len([p for p in _SEAT_CUT_RE.split(segment) if p.strip(" .")])
    return count


def _prose_seats(text: str) -> tuple[int, bool]:
    """(seats, whether a group "Các Ủy viên … gồm …" is among them) of one paragraph."""
    folded, index = fold_map(text)
    seats, grouped = 0, False
    for sentence in re.finditer(r"[^.]+", folded):
        group = _GROUP_RE.search(sentence.group())
        if group:
            grouped = True
            before = sentence.group()[:group.start()]
            seats += len(_ONE_SEAT_RE.findall(before))
            seats += _listed_seats(text[index[sentence.start() + group.end()]:index[sentence.end()]])
            continue
        seats += sum(1 for clause in sentence.group().split(";") if _ONE_SEAT_RE.search(clause))
    return seats, grouped


def prose_composition(items: list, names: Names, default_body: str | None) -> tuple[list[Candidate], set[str]]:
    """A report's composition in prose, when the text sets a body up or restates it ("thành lập",
    "kiện toàn"): the paragraph that lists a group ("Các Ủy viên Ủy ban gồm …"), the one before it
    when it names single seats ("Thủ tướng Chính phủ làm Chủ tịch Ủy ban; …"), and the groups that
    follow. One `compose` with the seats counted; the paragraphs are not read again as
    appointments. A lone "giữ chức" outside such a list stays an appointment."""
    out: list[Candidate] = []
    used: set[str] = set()
    founds, founded = False, default_body
    k = 0
    while k < len(items):
        item = items[k]
        folded, index = fold_map(item.content)
        for verb in _FOUNDS_RE.finditer(folded):  # "thành lập Ủy ban …", "kiện toàn và đổi tên Ủy ban …"
            named = names.bodies_in(item.content[index[verb.end()]:index[verb.end()] + 160])
            founded = named[0][0] if named and named[0][1] <= len(" va doi ten ") else None
            founds = True
            break
        seats, grouped = _prose_seats(item.content)
        if not (grouped and founds) or item.id in used:
            k += 1
            continue
        start = k
        if k and items[k - 1].id not in used and not re.search(r"\b(?:vua|da)\s+(?:ky|ban hanh)\b", fold(items[k - 1].content)):
            before, _ = _prose_seats(items[k - 1].content)
            if before:
                start, seats = k - 1, seats + before
        end = k + 1
        while end < len(items):
            more, more_grouped = _prose_seats(items[end].content)
            if not more_grouped:
                break
            seats, end = seats + more, end + 1
        first = items[start]
        body = founded  # the body the text sets up or restates, None when not in bodies.yml
        c = Candidate(first.id, "compose", " ".join(" ".join(i.content.split()) for i in items[start:end]))
        c.body, c.members = body, seats
        c.notes.append(f"{seats} seats counted in the report's prose: check them against the decision")
        if body is None:
            c.notes.append("body: the body set up is not in bodies.yml")
        out.append(c)
        used.update(i.id for i in items[start:end])
        k = end
    return out, used
