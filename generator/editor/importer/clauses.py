"""The tasks of one paragraph. A conclusion gives an agency several tasks in one paragraph, as
the register records them: one per clause it separates with ";", one per item of a list of
tasks ("triển khai các nhiệm vụ: A; B; C"), one per sentence that sets its own deadline or
turns from ordering a draft to ordering work; a sentence that only explains the one before
("Đây là lộ trình …"), only dates it ("Hoàn thành trong năm 2019.") or says how often to report
on it ("định kỳ hằng quý … báo cáo") stays with it.

Everything here is a split of the text at its own punctuation, read once from left to right:
no clause is re-read, so a paragraph of any length is split in linear time."""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.text import fold

# a sentence ends at ". " before a capital; "TP. Hồ Chí Minh", "mục 1. " and "v.v. " do not end one,
# "… trong năm 2020. Nghiên cứu …" and "… trình trong tháng 6. Văn phòng …" do
_SENTENCE_END_RE = re.compile(r"(?<![\s(][A-ZĐ])(?<![\s(][A-ZĐ]{2})(?:(?<=tháng \d)|(?<![\s(]\d))(?<!^\d)(?<!v\.v)\.\s+(?=[A-ZĐÀ-Ỹ\"“])")
_CLAUSE_END_RE = re.compile(r";\s+")
# "… triển khai các nhiệm vụ:", "… các nhiệm vụ sau đây:", "… trong năm 2020:" after a verb of building
_TASK_LIST_RE = re.compile(r"(?:\bcac\s+nhiem vu|\bnhiem vu sau(?:\s+day)?|\bcac\s+noi dung sau(?:\s+day)?)\s*$"
                           r"|\b(?:xay dung|trien khai|hoan thanh|nang cap)\b.{0,60}$")
_CAPITAL_ITEM_RE = re.compile(r",\s+(?=[A-ZĐ])")
# a clause that only dates the one before it, or says how (often) to report on it ("…; kịp thời
# báo cáo Thủ tướng Chính phủ những vướng mắc", "…; hằng năm tổng hợp, báo cáo …")
_CONTINUES_RE = re.compile(r"^(?:\s|\(|-)*(?:hoan thanh|thoi gian(?: hoan thanh| thuc hien| trinh)?|thoi han|"
                           r"truoc ngay|chau nhat|cham nhat|trong (?:thang|quy|nam)|den het|dinh ky|"
                           r"hang (?:nam|quy|thang)|kip thoi bao cao|bao cao (?:thu tuong|chinh phu))\b")


@dataclass
class Clause:
    start: int   # where it starts in the paragraph
    end: int
    joint: str   # what separates it from the one before: "", ".", ";" or "item"


def clauses(text: str) -> list[Clause]:
    """The paragraph cut at its sentences, at the ";" of each sentence, and at the items of a
    list of tasks; the ";" of any other list ("Chủ trì, hướng dẫn Bộ, ngành, địa phương: A; B")
    does not cut, for such a list is one task's content."""
    out: list[Clause] = []
    starts = [0] + [m.end() for m in _SENTENCE_END_RE.finditer(text)]
    ends = [m.start() + 1 for m in _SENTENCE_END_RE.finditer(text)] + [len(text)]
    for n, (s_start, s_end) in enumerate(zip(starts, ends)):
        joint = "." if n else ""
        colon = text.find(":", s_start, s_end)
        if colon >= 0:
            intro = fold(text[s_start:colon])
            listed = text[colon + 1:s_end]
            if _TASK_LIST_RE.search(intro):
                cut = _CLAUSE_END_RE if ";" in listed else _CAPITAL_ITEM_RE
                pieces = [colon + 1] + [colon + 1 + m.end() for m in cut.finditer(listed)]
                if len(pieces) > 1:
                    bounds = pieces[1:] + [s_end]
                    for k, (p_start, p_end) in enumerate(zip(pieces, bounds)):
                        out.append(Clause(s_start if k == 0 else p_start, p_end, joint if k == 0 else "item"))
                    continue
            out.append(Clause(s_start, s_end, joint))
            continue
        cuts = [s_start] + [m.end() for m in _CLAUSE_END_RE.finditer(text, s_start, s_end)]
        for k, c_start in enumerate(cuts):
            c_end = cuts[k + 1] if k + 1 < len(cuts) else s_end
            out.append(Clause(c_start, c_end, joint if k == 0 else ";"))
    return out


def continues(text: str) -> bool:
    """"Hoàn thành trong năm 2019.", "định kỳ hằng quý tổng hợp, báo cáo …": a clause that dates
    the task before it or says how to report on it, not a task of its own."""
    return bool(_CONTINUES_RE.match(fold(text)))
