"""What the search index gets from each page (plain Python, no MkDocs).

The site's search is Pagefind: it indexes the built HTML, folds Vietnamese tone and vowel marks
itself ("truc lien thong" finds "Trục liên thông") and ranks a query's exact spelling first.
Each page carries a hidden block, `search_block`, that is all the index reads of it:

- Its words, each once. What a browser downloads for a query is, above all, the index entries of
  the query's words, and an entry lists every place the word stands on every page. Vietnamese
  is written in syllables, and a few hundred of them ("thông", "nhiệm", "vụ", "giao") stand
  dozens of times on every page: indexed as written, one such word costs over 1 MB at 10,000
  documents; indexed once per page, a whole query stays near 1 MB (README, "Search";
  benchmarks/bench_search.py). Only documents, tasks and hand-written pages are indexed by
  their words; the other generated pages (lists and views across the register, the pages of
  agencies, people and bodies, which repeat what documents say) by their title and names.
- "đ" has no decomposition in Unicode, so Pagefind never folds it: "duc dam" would not reach
  "Vũ Đức Đam". The block repeats each word that holds "đ" with "đ" written "d" and its other
  marks kept ("Dức Dam"), so a diacritic-free query finds it while a query spelled with marks
  still ranks pages spelled exactly so first. The search box folds "đ" in the query the same
  way for a second pass (theme_overrides/assets/search.js).
- A document's number in the forms readers type: "139 TB VPCP", "tb-vpcp 139", "1072/QD-TTg".
- Its title and a one-line summary (Pagefind metadata, shown with each result), and filter
  values: type, issuer, year, agency, status.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.core import urls
from generator.core.derive.status import Status, task_status
from generator.core.model import Register
from generator.core.numbers import DocNumber
from generator.core.render.context import document_label
from generator.core.render.labels import Labels
from generator.core.render.markup import html_text

__all__ = ["FILTERS", "task_filters", "request_filters", "SearchEntries", "SearchEntry", "search_entries", "number_forms", "d_twins",
           "distinct_words", "search_block", "ui_labels"]

# Filter keys in the index, in the order the search box shows them.
FILTERS = ("type", "issuer", "year", "document", "agency", "due_year", "status")
TITLE_WEIGHT = 7     # Pagefind's weight for an <h1>: other names of the page's subject
NUMBER_WEIGHT = 7    # a document's own number weighs like its title
TWIN_WEIGHT = 0.5    # a folded twin ranks below the same word as written
SUMMARY_LENGTH = 240

_D = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
_D_LETTERS = frozenset("đĐðÐ")
# Linear on any text (a contributor's page may hold one word of megabytes): no pattern here
# scans on from each of its starting positions. A tag stops at the next "<" as well as ">".
_TAG = re.compile(r"<[^<>]+>")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_P = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


@dataclass
class SearchEntry:
    """Search data for one page: filter values by key, number forms (documents), other names
    of its subject, a summary to show with the result, and whether its words are indexed."""

    filters: dict[str, list[str]] = field(default_factory=dict)
    numbers: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    summary: str = ""
    body: bool = True


def search_entries(register: Register, t: Labels, as_of: date,
                   generated: Iterable[str] = ()) -> "SearchEntries":
    """Search data for the generated pages, by source path (urls.py); `generated` names them
    all (those neither documents nor tasks are indexed by title). Statuses are judged as of
    `as_of`, like the pages; a page with no status gets no status filter."""
    return SearchEntries(register, t, as_of, generated)


class SearchEntries(Mapping[str, SearchEntry]):
    """Search data by source path, each page's made when it is first asked for: a preview
    converts only the pages an edit changed, and making every page's took 0.65 s of each of
    its rebuilds at 10,000 documents."""

    def __init__(self, register: Register, t: Labels, as_of: date, generated: Iterable[str] = ()):
        self._register, self._t, self._as_of = register, t, as_of
        makers: dict[str, tuple[Callable[[Any], SearchEntry], Any]] = {}
        for doc in register.documents.values():
            makers[urls.document(doc.key)] = (self._document, doc)
        for key, cited in register.cited.items():
            makers[urls.document(key)] = (self._cited, cited)
        for task_id, record in register.derived.custody.tasks.items():
            makers[urls.task(task_id)] = (self._task, record)
        for agency in register.agencies.values():
            makers[urls.agency(agency.id)] = (self._agency, agency)
        for person in register.people.values():
            makers[urls.person(person.id)] = (self._person, person)
        for body in register.bodies.values():
            makers[urls.body(body.id)] = (self._body, body)
        for path in generated:
            makers.setdefault(path, (_by_title, None))
        self._makers = makers
        self._made: dict[str, SearchEntry] = {}

    def __getitem__(self, path: str) -> SearchEntry:
        entry = self._made.get(path)
        if entry is None:
            make, subject = self._makers[path]
            entry = self._made[path] = make(subject)
        return entry

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)

    def _name(self, ident: str | None) -> str | None:
        register = self._register
        entity = (register.agencies.get(ident) or register.bodies.get(ident)) if ident else None
        return entity.name if entity else None

    def _agencies(self, ids) -> list[str]:
        agencies = self._register.agencies
        return sorted({agencies[i].name for i in ids if i in agencies})

    def _document(self, doc) -> SearchEntry:
        t, issuer = self._t, self._name(doc.issuer)
        named = [doc.issuer] + [ident for action in doc.actions for ident in _agencies_of(action)]
        filters = {"type": [t.doc_type(doc.type)], "year": [str(doc.year)],
                   "issuer": [issuer] if issuer else [], "agency": self._agencies(named),
                   "document": [document_label(self._register, t, doc.key)]}
        summary = f"{doc.title} — {issuer or doc.issuer}, {t.period(doc.issued)}"
        numbers = number_forms(doc.number) if doc.number else (
            [doc.serial, f"{self._t.doc_type(doc.type)} {doc.serial}"] if doc.serial else [])
        return SearchEntry(_clean(filters), numbers, summary=summary)

    def _cited(self, cited) -> SearchEntry:
        t = self._t
        filters = {"type": [t.doc_type(cited.type)] if cited.type else [],
                   "year": [str(cited.year)] if cited.year else []}
        summary = t("cited_not_in_register") + (f": {cited.subjects[0][1]}" if cited.subjects else "")
        return SearchEntry(_clean(filters), number_forms(cited.number), summary=summary)

    def _task(self, record) -> SearchEntry:
        t = self._t
        status = task_status(record, self._as_of)
        parts = [t("task")]
        if record.holder:
            parts.append(f"{t('lead')}: {self._name(record.holder) or record.holder}")
        if record.due:
            parts.append(f"{t('deadline').lower()}: {t.period(record.due)}")
        parts.append(t("status_" + status.state))
        return SearchEntry(task_filters(self._register, t, record, status), summary=" · ".join(parts))

    def _every_name(self, kind: str, entry) -> list[str]:
        """Every name, short form and abbreviation the entry had: search finds it by any."""
        derived = self._register.derived
        names = derived.names.every(kind, entry.id) if derived else []
        return [x for n in names for x in (n.name, n.short, n.abbr)]

    def _agency(self, agency) -> SearchEntry:
        parent = self._name(agency.parent)
        return SearchEntry({"agency": [agency.name]},
                           names=_names(agency.short, agency.abbr, *agency.aliases,
                                        *self._every_name("agency", agency)),
                           summary=self._t("agency") + (f" · {parent}" if parent else ""), body=False)

    def _person(self, person) -> SearchEntry:
        return SearchEntry(names=_names(*person.aliases), summary=self._t("person"), body=False)

    def _body(self, body) -> SearchEntry:
        return SearchEntry(names=_names(body.short, body.abbr, *body.aliases, *self._every_name("body", body)),
                           summary=self._t("body"), body=False)


def task_filters(register: Register, t: Labels, record, status: Status) -> dict[str, list[str]]:
    """The values a task is filtered by, in the search box and in the deadlines view alike: the
    documents that name it, every agency it was given to, moved between or co-operates on, the
    year its deadline falls due, and its state (derive/status.py)."""
    agencies = register.agencies
    named = {record.holder, *record.co_operating}
    named.update(ident for step in record.steps for ident in _agencies_of(step.action))
    documents = {record.task.declared_by.doc, *(step.action.doc for step in record.steps),
                 *(action.doc for action in record.directed)}
    filters = {"document": sorted(document_label(register, t, k) for k in documents if k in register.documents),
               "agency": sorted({agencies[i].name for i in named if i in agencies}),
               "due_year": [str(status.due_year)] if status.due_year else [],
               "status": [_upper_first(t("status_" + status.state))]}
    return _clean(filters)


def request_filters(register: Register, t: Labels, action, status: Status) -> dict[str, list[str]]:
    """The values a dated request is filtered by in the deadlines view (as task_filters)."""
    agencies = register.agencies
    return _clean({"document": [document_label(register, t, action.doc)],
                   "agency": [agencies[action.lead].name] if action.lead in agencies else [],
                   "due_year": [str(status.due_year)] if status.due_year else [],
                   "status": [_upper_first(t("status_" + status.state))]})


def _by_title(_) -> SearchEntry:
    return SearchEntry(body=False)


def _agencies_of(action) -> list[str]:
    ids = [*map(action.get, ("lead", "from_", "to", "agency")), *action.get("with_", ())]
    if action.get("holder") and action.holder.office:
        ids.append(action.holder.office.split("/")[0])
    return [i for i in ids if i]


def _clean(filters: dict[str, list[str]]) -> dict[str, list[str]]:
    return {k: v for k, v in filters.items() if v}


def _names(*names: str | None) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


def _upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def number_forms(number: DocNumber) -> list[str]:
    """The forms a reader may type a number in, for the index: "139/TB-VPCP" also as
    "139 TB VPCP", "TB-VPCP 139", "139TBVPCP"; "1072/QĐ-TTg" also with "QD". Pagefind splits
    and joins the parts of each form itself, so these few cover the usual spellings."""
    forms: list[str] = []
    for kind in dict.fromkeys((number.type_abbr, number.type_abbr.translate(_D))):
        issuer = number.issuer_abbr
        parts = [number.serial, *([str(number.year)] if number.year else []), kind, issuer]
        forms += [
            " ".join(parts),
            f"{kind}-{issuer} {number.serial}",
            f"{kind}/{issuer} {number.serial}" if number.party else f"{number.serial}/{kind}-{issuer}",
            "".join(parts),
        ]
    forms += [number.text, number.text.translate(_D)]
    unique: dict[str, str] = {}
    for form in forms:
        unique.setdefault(form.lower(), form)   # the index ignores case
    return list(unique.values())


def d_twins(text: str) -> list[str]:
    """Each word of `text` that holds "đ", with "đ" written "d" and its other marks kept; once
    each, in order."""
    # split, not \S*[đ]\S*: that pattern scanned a long word once from each of its characters
    return list(dict.fromkeys(w.translate(_D) for w in text.split() if not _D_LETTERS.isdisjoint(w)))


def distinct_words(text: str) -> list[str]:
    """The words of `text`, each once (case aside), in the order they first stand."""
    unique: dict[str, str] = {}
    for token in dict.fromkeys(text.split()):  # a page repeats its words: each token once
        word = token if token[0].isalnum() and token[-1].isalnum() else _word_within(token)
        if word:
            unique.setdefault(word.lower(), word)
    return list(unique.values())


def _word_within(token: str) -> str:
    """`token` without the punctuation at its ends (what ^\\W+|\\W+$ removed, but in one pass:
    \\W+$ scanned a long run of punctuation once from each of its characters)."""
    start, end = 0, len(token)
    while start < end and not (token[start].isalnum() or token[start] == "_"):
        start += 1
    while end > start and not (token[end - 1].isalnum() or token[end - 1] == "_"):
        end -= 1
    return token[start:end]


_IGNORED = re.compile(r"<div\b[^<>]*\bdata-pagefind-ignore\b[^<>]*>")
_DIV = re.compile(r"<(/?)div\b[^<>]*>")


def _without_ignored(fragment: str) -> str:
    """`fragment` without the <div data-pagefind-ignore> sections: the editorial history's git
    authors and subjects, which would make a page a hit for a name it does not hold."""
    kept, pos = [], 0  # searched on from where the last section ended, not from the start
    while (start := _IGNORED.search(fragment, pos)) is not None:
        depth, end = 0, len(fragment)
        for tag in _DIV.finditer(fragment, start.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.end()
                break
        kept.append(fragment[pos:start.start()])
        pos = end
    kept.append(fragment[pos:])
    return "".join(kept)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", _HEADERLINK.sub("", fragment))).split())


def _attr(value: str) -> str:
    return html_text(value)


def _shorten(text: str, length: int = SUMMARY_LENGTH) -> str:
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + " …"


def search_block(content_html: str, entry: SearchEntry | None) -> str:
    """The hidden block to put after a page's content (`content_html`, whose <h1> is the
    page's title): the one part of the page that Pagefind indexes (data-pagefind-body)."""
    entry = entry or SearchEntry()
    heading = _H1.search(content_html)
    title = _text(heading.group(1)) if heading else ""
    rest = _without_ignored(content_html[heading.end():] if heading else content_html)
    summary = entry.summary
    if not summary and entry.body:
        first = _P.search(rest)
        summary = _text(first.group(1)) if first else ""
    parts = ['<div class="register-search-data" data-pagefind-body hidden>']
    for key, value in (("title", title), ("summary", _shorten(summary))):
        if value:
            parts.append(f'<span data-pagefind-meta="{key}[data-value]" data-value="{_attr(value)}"></span>')
    # weighed like a heading: the title, the subject's other names, and their twins
    names = [n for n in (title, *entry.names) if n]
    names += d_twins(" ".join(names))
    if names:
        parts.append(f'<p data-pagefind-weight="{TITLE_WEIGHT}">{html_text(" · ".join(names), quote=False)}</p>')
    if entry.numbers:
        parts.append(f'<p data-pagefind-weight="{NUMBER_WEIGHT}">{html_text(" · ".join(entry.numbers), quote=False)}</p>')
    if entry.body:
        words = distinct_words(_text(rest) + " " + summary)
        if words:
            parts.append(f"<p>{html_text(' '.join(words), quote=False)}</p>")
        twins = d_twins(" ".join(words))
        if twins:
            parts.append(f'<p data-pagefind-weight="{TWIN_WEIGHT}">{html_text(" ".join(twins), quote=False)}</p>')
    for key in FILTERS:
        for value in entry.filters.get(key, []):
            parts.append(f'<span data-pagefind-filter="{key}[data-value]" data-value="{_attr(value)}"></span>')
    parts.append("</div>")
    return "".join(parts)


_UI_LABELS: dict[str, tuple[str, str]] = {
    "placeholder": ("Tìm văn bản, số hiệu, cơ quan, người (gõ không dấu cũng được)",
                    "Search documents, numbers, agencies, people"),
    "search": ("Tìm kiếm", "Search"),
    "reset": ("Xoá", "Clear"),
    "type_to_search": ("Nhập từ khoá hoặc chọn bộ lọc để tìm", "Type or choose a filter to search"),
    "loading": ("Đang tìm…", "Searching…"),
    "none": ("Không tìm thấy kết quả", "No results"),
    "one": ("1 kết quả", "1 result"),
    "other": ("# kết quả", "# results"),
    "more": ("Xem thêm kết quả", "More results"),
    "filters": ("Bộ lọc", "Filters"),
    "all": ("Tất cả", "All"),
    "unavailable": ("Không tải được chỉ mục tìm kiếm. Hãy mở trang qua máy chủ web (register serve).",
                    "The search index could not be loaded. Open the site through a web server (register serve)."),
}


def ui_labels(t: Labels) -> dict[str, object]:
    """The search box's labels in the site's language, with the filters' names."""
    index = 1 if t.lang == "en" else 0
    labels: dict[str, object] = {key: pair[index] for key, pair in _UI_LABELS.items()}
    labels["filter_names"] = {key: t(key) for key in FILTERS}
    return labels
