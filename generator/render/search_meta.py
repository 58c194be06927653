"""What the search index needs beyond a page's visible text (plain Python, no MkDocs).

The site's search is Pagefind: it indexes the built HTML, folds Vietnamese tone and vowel marks
itself ("truc lien thong" finds "Trục liên thông") and ranks a query's exact spelling first. Three
things it cannot know are added to every page as a hidden block that only the index reads:

- "đ" has no decomposition in Unicode, so Pagefind never folds it: "duc dam" would not reach
  "Vũ Đức Đam". The block repeats each word that holds "đ" with "đ" written "d" and its other
  marks kept ("Dức Dam"), so a diacritic-free query finds it while a query spelled with marks
  still ranks pages spelled exactly so first. The search box folds "đ" in the query the same
  way for its second pass (theme_overrides/assets/search.js).
- A document's number in the forms readers type: "139 TB VPCP", "tb-vpcp 139", "1072/QD-TTg".
- Filter values (type, issuer, year, agency, status) as Pagefind filters.

Only documents, tasks and hand-written pages are indexed in full. The other generated pages —
lists and views across the register, and the pages of agencies, people and bodies, which list
what documents say of them — are indexed by their title and their subject's other names only:
their text repeats the documents', and at 10,000 documents it would swell the index chunks of
every common word (README, "Search").

The block starts with `SENTINEL`; the search box cuts result excerpts there.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from .. import urls
from ..model import Register
from ..numbers import DocNumber
from .labels import Labels

__all__ = ["FILTERS", "SENTINEL", "SearchEntry", "search_entries", "number_forms", "d_twins",
           "search_block", "ui_labels"]

# Filter keys in the index, in the order the search box shows them.
FILTERS = ("type", "issuer", "year", "agency", "status")
SENTINEL = "⁂"
TITLE_WEIGHT = 7     # Pagefind's weight for an <h1>
NUMBER_WEIGHT = 7    # a document's own number weighs like its title
BODY_TWIN_WEIGHT = 0.5  # a folded twin ranks below the same word as written

_D = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
_D_WORD = re.compile(r"\S*[đĐðÐ]\S*")   # whole tokens: "1072/QĐ-TTg" → "1072/QD-TTg"
_TAG = re.compile(r"<[^>]+>")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


@dataclass
class SearchEntry:
    """Search data for one page: filter values by key, number forms (documents), other names
    of its subject (agencies, people, bodies), and whether its text is indexed."""

    filters: dict[str, list[str]] = field(default_factory=dict)
    numbers: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    body: bool = True


def _upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def search_entries(register: Register, t: Labels, as_of: date,
                   generated: Iterable[str] = ()) -> dict[str, SearchEntry]:
    """Search data for the generated pages, by source path (urls.py); `generated` names them
    all (pages neither documents nor tasks are indexed by title). Statuses are judged as of
    `as_of`, like the pages; a page with no status gets no status filter."""
    def name(ident: str) -> str | None:
        entity = register.agencies.get(ident) or register.bodies.get(ident)
        return entity.name if entity else None

    def agencies(ids) -> list[str]:
        return sorted({register.agencies[i].name for i in ids if i in register.agencies})

    entries: dict[str, SearchEntry] = {}
    for doc in register.documents.values():
        named = [doc.issuer] + [ident for action in doc.actions for ident in _agencies_of(action)]
        filters = {"type": [t.doc_type(doc.type)], "year": [str(doc.year)],
                   "agency": agencies(named)}
        if name(doc.issuer):
            filters["issuer"] = [name(doc.issuer)]
        entries[urls.document(doc.key)] = SearchEntry(_clean(filters),
                                                      number_forms(doc.number) if doc.number else [])
    for key, cited in register.cited.items():
        filters = {}
        if cited.type:
            filters["type"] = [t.doc_type(cited.type)]
        if cited.year:
            filters["year"] = [str(cited.year)]
        entries[urls.document(key)] = SearchEntry(filters, number_forms(cited.number))
    for task_id, record in register.derived.custody.tasks.items():
        named = [record.holder, *record.co_operating]
        named += [ident for step in record.steps for ident in _agencies_of(step.action)]
        filters = {"agency": agencies(i for i in named if i)}
        status = record.status(as_of)
        if status:
            filters["status"] = [_upper_first(t("status_" + status))]
        entries[urls.task(task_id)] = SearchEntry(_clean(filters))
    for agency in register.agencies.values():
        entries[urls.agency(agency.id)] = SearchEntry(
            {"agency": [agency.name]}, names=_names(agency.short, agency.abbr, *agency.aliases), body=False)
    for person in register.people.values():
        entries[urls.person(person.id)] = SearchEntry(names=_names(*person.aliases), body=False)
    for body in register.bodies.values():
        entries[urls.body(body.id)] = SearchEntry(names=_names(body.short, body.abbr, *body.aliases),
                                                  body=False)
    for path in generated:
        entries.setdefault(path, SearchEntry(body=False))
    return entries


def _names(*names: str | None) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


def _agencies_of(action) -> list[str]:
    ids = [action.lead, action.from_, action.to, action.agency, *action.with_]
    if action.holder and action.holder.office:
        ids.append(action.holder.office.split("/")[0])
    return [i for i in ids if i]


def _clean(filters: dict[str, list[str]]) -> dict[str, list[str]]:
    return {k: v for k, v in filters.items() if v}


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
    each (in order), as every occurrence would grow the index and not the findings."""
    return list(dict.fromkeys(w.translate(_D) for w in _D_WORD.findall(text)))


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub(" ", _HEADERLINK.sub("", fragment)))


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def search_block(content_html: str, entry: SearchEntry | None) -> str:
    """The hidden block to put after a page's content, itself an indexed region
    (data-pagefind-body). `content_html` is the page's rendered content; its <h1> gives the
    title."""
    entry = entry or SearchEntry()
    title = _H1.search(content_html)
    title_text = " ".join(_text(title.group(1)).split()) if title else ""
    body_text = _text(content_html[title.end():] if title else content_html) if entry.body else ""
    parts = [f'<div class="register-search-data" data-pagefind-body hidden>{SENTINEL}']
    if title_text:
        parts.append(f'<span data-pagefind-meta="title[data-value]" data-value="{_attr(title_text)}"></span>')
    # weighed like the title: the title itself where the text is not indexed, the subject's
    # other names, and the twins of them all
    names = [n for n in ([] if entry.body else [title_text]) + entry.names if n]
    names += d_twins(" ".join([title_text, *entry.names]))
    if names:
        parts.append(f'<p data-pagefind-weight="{TITLE_WEIGHT}">{html.escape(" · ".join(names))}</p>')
    if entry.numbers:
        parts.append(f'<p data-pagefind-weight="{NUMBER_WEIGHT}">'
                     f'{html.escape(" · ".join(entry.numbers))}</p>')
    body_twins = d_twins(body_text)
    if body_twins:
        parts.append(f'<p data-pagefind-weight="{BODY_TWIN_WEIGHT}">{html.escape(" ".join(body_twins))}</p>')
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
