"""Citations: every document a record cites, resolved to a register document or a cited one.

A citation with a date resolves to that year's document; one without resolves to the only
match, or to the latest one issued before the citing document; an ambiguous one is reported.
Documents cited but not in the register are gathered, with what the citing texts say of them.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass

from generator.core.diagnostics import Diagnostics, Loc
from generator.core.model import TARGETED, Citation, CitedDocument, Document, Register, Request
from generator.core.numbers import DocNumber, Resolver, find_citations, parse_number
from generator.core.periods import Period
from generator.core.read.documents import ANCHOR_RE, DOC_REF_RE
from generator.core.vocab import DOCUMENT_TYPES

UNKNOWN_YEAR = "khong-ro-nam"
_PARAGRAPH_SPLIT = re.compile(r"\n[ \t]*\n")


@dataclass
class Found:
    """A citation before resolution: where it is and what it says."""

    doc: Document
    number: DocNumber
    date: date | None
    year: int | None
    kind: str | None
    para: str | None
    line: int
    excerpt: str
    subject: str | None
    start: int = -1
    end: int = -1
    fulfills: list | None = None
    partial: Period | None = None  # a declared month or year without its day
    fulfil_details: dict | None = None


def paragraphs(body: str) -> list[tuple[int, str]]:
    """(offset, text) of each paragraph of a Markdown body."""
    out, pos = [], 0
    for match in _PARAGRAPH_SPLIT.finditer(body):
        out.append((pos, body[pos:match.start()]))
        pos = match.end()
    out.append((pos, body[pos:]))
    return out


_MARKS = re.compile(r"^[ \t]*(?:[-*+][ \t]+|#+[ \t]+)|\*\*")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")  # Markdown's backslash escapes: "1\." is "1."


def anchored_paragraphs(body: str) -> dict[str, str]:
    """The text of each paragraph that carries an anchor (`{#d-2-5}`), by its id ("2-5"),
    without anchors, list marks and bold marks: what an action's paragraph says, to quote it."""
    out: dict[str, str] = {}
    for _, para in paragraphs(body):
        ids = ANCHOR_RE.findall(para)
        if not ids:
            continue
        plain = " ".join(_ESCAPED.sub(r"\1", _MARKS.sub("", line)).strip()
                         for line in ANCHOR_RE.sub("", para).splitlines())
        for ident in ids:
            out.setdefault(ident, " ".join(plain.split()))
    return out


class _Paragraph:
    """A paragraph without its anchors, and where each of its offsets went: computed once per
    paragraph, not once per citation (a 2 MB paragraph citing 50,000 times took minutes)."""

    def __init__(self, text: str):
        parts, self._ends, self._removed, pos, removed = [], [], [], 0, 0
        for m in ANCHOR_RE.finditer(text):
            parts.append(text[pos:m.start()])
            removed += m.end() - m.start()
            self._ends.append(m.end())
            self._removed.append(removed)
            pos = m.end()
        parts.append(text[pos:])
        self.clean = "".join(parts)

    def shift(self, offset: int) -> int:
        """How many characters of anchors stand wholly before `offset`."""
        i = bisect_right(self._ends, offset)
        return self._removed[i - 1] if i else 0


def _excerpt(para: _Paragraph, start: int, end: int, width: int = 160) -> str:
    text_clean = para.clean
    shift = para.shift(start)
    start, end = start - shift, end - shift
    left = max(0, start - width)
    right = min(len(text_clean), end + width)
    if left > 0:
        space = text_clean.find(" ", left)
        left = space + 1 if 0 <= space < start else left
    if right < len(text_clean):
        space = text_clean.rfind(" ", end, right)
        right = space if space > end else right
    snippet = " ".join(text_clean[left:right].split())
    return ("… " if left > 0 else "") + snippet + (" …" if right < len(text_clean) else "")


def find_in_document(doc: Document) -> list[Found]:
    found = []
    newlines = [m.start() for m in re.finditer("\n", doc.body)]
    for offset, para_text in paragraphs(doc.body):
        anchors = ANCHOR_RE.findall(para_text)
        para = anchors[-1] if anchors else None
        cleaned = None
        for c in find_citations(para_text):
            cleaned = cleaned or _Paragraph(para_text)
            line = doc.body_line + bisect_left(newlines, offset + c.start)
            found.append(Found(doc, c.number, c.date, c.year, c.kind, para, line,
                               _excerpt(cleaned, c.start, c.end), None,
                               offset + c.start, offset + c.end))
    for decl in doc.cites:
        year = decl.date.year if decl.date else decl.number.year
        day = decl.date.start if decl.date and decl.date.precision == "day" else None
        partial = decl.date if decl.date and day is None else None
        found.append(Found(doc, decl.number, day, year, None, None, decl.loc.line,
                           "", decl.subject, fulfills=decl.fulfills, partial=partial,
                           fulfil_details=decl.fulfil_details))
    return found


def _found_in(doc: Document, known: dict[str, tuple[Document, list[Found]]] | None) -> list[Found]:
    if known is None:
        return find_in_document(doc)
    entry = known.get(doc.key)
    if entry is None or entry[0] is not doc:
        entry = known[doc.key] = (doc, find_in_document(doc))
    return entry[1]


def collect_citations(register: Register, diags: Diagnostics,
                      known: dict[str, tuple[Document, list[Found]]] | None = None) -> None:
    """Resolve every document's citations. `known` keeps what each document's text cites from
    one load to the next (load.ReadCache): it is found again only for a document read anew."""
    docs = register.documents
    resolver = Resolver((d.key, d.number, d.issued.start) for d in docs.values() if d.number)
    all_found = [f for d in sorted(docs.values(), key=lambda d: d.key) for f in _found_in(d, known)]
    years_known: dict[str, set[int]] = defaultdict(set)
    for f in all_found:
        if f.year:
            years_known[f.number.match_key].add(f.year)
    cited: dict[str, CitedDocument] = {}
    for f in all_found:
        resolution = resolver.resolve(f.number, year=f.year, before=f.doc.issued.end)
        if resolution.key == f.doc.key:
            continue  # a document printing its own number
        if resolution.reason == "ambiguous":
            diags.error(Loc(f.doc.path, f.line),
                        f"citation {f.number.text} is ambiguous: give its date; it may be "
                        + ", ".join(resolution.candidates))
            continue
        target = resolution.key
        if target is None:
            year = f.year
            if year is None:
                years = years_known.get(f.number.match_key, set())
                earlier = [y for y in years if y <= f.doc.issued.end.year]
                year = max(earlier) if earlier else (min(years) if len(years) == 1 else None)
            target = f"{year or UNKNOWN_YEAR}/{f.number.slug}"
            entry = cited.get(target)
            if entry is None:
                entry = cited[target] = CitedDocument(target, f.number, year)
            if f.date:
                entry.dates.add(f.date)
            if f.partial:
                entry.partial.add(f.partial)
            if f.subject:
                entry.subjects.append((f.doc.key, f.subject))
            if f.kind and not entry.type:
                entry.type = f.kind
            for ref, loc in f.fulfills or []:
                _cited_fulfils(register, entry, ref, loc, diags)
                if f.fulfil_details and ref in f.fulfil_details:
                    entry.fulfil_details[ref] = f.fulfil_details[ref]
        elif f.fulfills:
            diags.error(Loc(f.doc.path, f.line), f"{f.number.text} is in the register: say what it "
                                                 "fulfils in its own record (fulfills:)")
        register.citations.append(Citation(f.doc.key, f.para, target, f.number.text, f.date,
                                           f.excerpt or (f.subject or ""),
                                           (f.start, f.end) if f.start >= 0 else None))
    _resolve_targets(register, resolver, cited, years_known, diags)
    _bare_citations(register)
    register.cited = dict(sorted(cited.items()))


def _bare_citations(register: Register) -> None:
    """Citations by type and serial alone ("Quyết định 1737", "Quyết định số 1737") of the
    documents whose number the sources give without its symbol: resolved where one document of
    the register has that type and serial, and was issued no later than the citing one."""
    serials: dict[tuple[str, str], list[str]] = defaultdict(list)
    for doc in register.documents.values():
        if doc.serial:
            serials[(doc.type, doc.serial)].append(doc.key)
    if not serials:
        return
    names = {DOCUMENT_TYPES[t][0].casefold(): t for t, _ in serials}
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                         + r")\s+(?:số\s+)?0*([0-9]{1,6})(?![0-9]|\s*[/.\-–][ ]?[0-9A-Za-zĐđ])", re.I)
    for doc in sorted(register.documents.values(), key=lambda d: d.key):
        for offset, para_text in paragraphs(doc.body):
            cleaned = None
            for m in pattern.finditer(para_text):
                keys = serials.get((names[m[1].casefold()], m[2]), [])
                if len(keys) != 1 or keys[0] == doc.key:
                    continue
                target = register.documents[keys[0]]
                if target.issued.start > doc.issued.end:
                    continue
                anchors = ANCHOR_RE.findall(para_text)
                cleaned = cleaned or _Paragraph(para_text)
                register.citations.append(Citation(doc.key, anchors[-1] if anchors else None, target.key,
                                                   m[0], None, _excerpt(cleaned, m.start(), m.end()),
                                                   (offset + m.start(), offset + m.end())))


def _cited_fulfils(register: Register, cited: CitedDocument, ref: str, loc: Loc,
                   diags: Diagnostics) -> None:
    """A citing text says that a document the register does not hold did what a request asked
    (2019: "Quyết định số 1072/QĐ-TTg ngày 28/8/2018 ... thành lập Ủy ban")."""
    request = register.action(ref)
    if not isinstance(request, Request):
        diags.error(loc, f"fulfills {ref!r}: no request action with that id")
        return
    requested = register.documents[request.doc].issued
    ends = [*cited.dates, *(p.end for p in cited.partial)]
    if ends and max(ends) < requested.start:
        diags.error(loc, f"fulfills {ref!r}: {cited.number.text} is dated before the request ({requested})")
        return
    if not ends:
        diags.error(loc, f"fulfills {ref!r}: give the date of {cited.number.text}, so the register "
                         "knows when the request was fulfilled")
        return
    if ref not in cited.fulfills:
        cited.fulfills.append(ref)


def _resolve_targets(register: Register, resolver: Resolver, cited: dict[str, CitedDocument],
                     years_known: dict[str, set[int]], diags: Diagnostics) -> None:
    """The documents that requests, amendments and repeals point at."""
    for doc in register.documents.values():
        for action in doc.actions:
            if not isinstance(action, TARGETED) or not action.target:
                continue
            if DOC_REF_RE.match(action.target):
                if action.target in register.documents or action.target in cited:
                    action.target_key = action.target
                elif action.target in register.renamed:  # named by the address it had before
                    action.target_key = register.renamed[action.target]
                else:
                    diags.error(action.loc, f"target {action.target!r}: no such document in the register")
                continue
            number = parse_number(action.target)
            resolution = resolver.resolve(number, year=number.year, before=doc.issued.end)
            if resolution.reason == "ambiguous":
                diags.error(action.loc, f"target {number.text} is ambiguous: write it as a document "
                                        "reference, one of " + ", ".join(resolution.candidates))
            elif resolution.key:
                action.target_key = resolution.key
            else:
                years = years_known.get(number.match_key, set())
                earlier = [y for y in years if y <= doc.issued.end.year]
                year = max(earlier) if earlier else None
                key = f"{year or UNKNOWN_YEAR}/{number.slug}"
                cited.setdefault(key, CitedDocument(key, number, year))
                action.target_key = key
