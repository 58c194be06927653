"""What every renderer needs: the register, its derived relations, labels, the as-of date."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date

from generator.core import urls
from generator.core.derive.events import Event, all_events
from generator.core.derive.relations import Relations, mentioned
from generator.core.derive.status import accountability
from generator.core.model import Action, Holder, Register
from generator.core.read.citations import anchored_paragraphs
from generator.core.render.labels import Labels
from generator.core.render.markup import link, text


@dataclass
class Context:
    register: Register
    rel: Relations
    t: Labels
    as_of: date
    directory_urls: bool = True
    events: list[Event] = field(default_factory=list)            # newest first
    events_by: dict[tuple[str, str], list[Event]] = field(default_factory=dict)
    _by: dict[str, dict[str, list]] | None = field(default=None, repr=False)
    _labels: dict[str, str] = field(default_factory=dict, repr=False)
    # A link's address depends only on the folder of the page it is written on and on whether
    # that page is its folder's index (Context.where; only same-page anchors differ, and a
    # paragraph's link keys on them): a large register
    # writes the same links to agencies, bodies, people, tasks, documents and paragraphs on
    # thousands of pages, so each is made once per folder. `described` does the same for
    # action lines (render/actions.py).
    _links: dict[tuple, str] = field(default_factory=dict, repr=False)
    described: dict[tuple, str] = field(default_factory=dict, repr=False)
    _paragraphs: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    @cached_property
    def accountability(self) -> dict:
        """Task tallies by agency leading now and year due (derive/status.py), made once."""
        return accountability(self.register.derived.custody, self.as_of)

    @property
    def chronology(self):
        return self.register.derived.chronology if self.register.derived else None

    @classmethod
    def build(cls, register: Register, t: Labels, as_of: date, directory_urls: bool = True) -> "Context":
        """Index every dated event by what it names, once, so each page's timeline is a lookup."""
        events = all_events(register)
        events_by: dict[tuple[str, str], list[Event]] = defaultdict(list)
        for event in events:
            keys = mentioned(event.action) if event.action else []
            doc = register.documents[event.doc]
            if event.action is None:
                keys = [("agency", doc.issuer), ("body", doc.issuer)]
                if event.kind == "issued" and doc.signer and doc.signer.person:
                    keys.append(("person", doc.signer.person))
            for key in [*keys, ("document", event.doc)]:
                events_by[key].append(event)
        return cls(register, register.derived.relations, t, as_of, directory_urls, events, dict(events_by))

    # --- documents by issuer and by signer: an index, not a scan of the register per page ---
    def issued_by(self, issuer_id: str) -> list:
        return self._index()["issuer"].get(issuer_id, [])

    def signed_by(self, person_id: str) -> list:
        return self._index()["signer"].get(person_id, [])

    def _index(self) -> dict[str, dict[str, list]]:
        if self._by is None:
            issuer: dict[str, list] = defaultdict(list)
            signer: dict[str, list] = defaultdict(list)
            for doc in self.register.documents.values():
                issuer[doc.issuer].append(doc)
                if doc.signer and doc.signer.person:
                    signer[doc.signer.person].append(doc)
            self._by = {"issuer": dict(issuer), "signer": dict(signer)}
        return self._by

    # --- names of things, linked from the page being written -------------------------------
    def href(self, page: str, target: str, anchor: str | None = None) -> str:
        """A link's address from the generated page `page` to the page or file `target` (their
        source paths, urls.py), as the site's URL style writes it."""
        return urls.href(page, target, self.directory_urls, anchor)

    @staticmethod
    def where(page: str) -> tuple[str, bool]:
        """What a relative link's address depends on: the page's folder, and whether it is the
        folder's index (`van-ban/` against `van-ban/2019/`)."""
        folder, _, name = page.rpartition("/")
        return folder, name == "index.md"

    def _folder_link(self, kind: str, item_id: str, page: str, make: Callable[[], str]) -> str:
        key = (kind, item_id, self.where(page))
        link_ = self._links.get(key)
        if link_ is None:
            link_ = self._links[key] = make()
        return link_

    def agency(self, agency_id: str, page: str) -> str:
        return self._folder_link("agency", agency_id, page, lambda: self._agency(agency_id, page))

    def fulfilled_by(self, key: str, request_ref: str, page: str, brief: bool = False) -> str:
        """A document that fulfils a request, marked when no source states that it does (with
        why, unless `brief`: a table cell says only that it is inferred)."""
        why = self.rel.inferred.get((key, self.register.canonical(request_ref)))
        if not why:
            return self.document(key, page)
        reason = "" if brief else f": {text(why)}"
        return (f"{self.document(key, page)} <em>({self.t('inferred_short')}{reason})</em>")

    def name(self, kind: str, ident: str) -> str:
        """The current name of a body or agency: the registry's, or its last rename's."""
        derived = self.register.derived
        renamed = derived.names.current(kind, ident) if derived else None
        if renamed is not None:
            return renamed.name
        entry = (self.register.bodies if kind == "body" else self.register.agencies)[ident]
        return entry.name

    def _agency(self, agency_id: str, page: str) -> str:
        agency = self.register.agencies.get(agency_id)
        if agency is None:
            body = self.register.bodies.get(agency_id)
            return link(self.name("body", agency_id), self.href(page, urls.body(agency_id))) \
                if body else text(agency_id)
        return link(self.name("agency", agency_id), self.href(page, urls.agency(agency_id)))

    def body(self, body_id: str, page: str) -> str:
        return self._folder_link("body", body_id, page, lambda: link(
            self.name("body", body_id), self.href(page, urls.body(body_id))))

    def person(self, person_id: str, page: str) -> str:
        return self._folder_link("person", person_id, page, lambda: link(
            self.register.people[person_id].name, self.href(page, urls.person(person_id))))

    def task(self, task_id: str, page: str) -> str:
        return self._folder_link("task", task_id, page, lambda: link(
            self.register.tasks[task_id].title, self.href(page, urls.task(task_id))))

    def office(self, office: str, page: str) -> str:
        agency_id, _, post_id = office.partition("/")
        title = self.register.agencies[agency_id].posts[post_id]
        return link(title, self.href(page, urls.agency(agency_id)))

    def holder(self, holder: Holder, page: str) -> str:
        if holder.person and holder.office:
            return (f"{self.person(holder.person, page)} ({self.office(holder.office, page)})")
        if holder.person:
            return self.person(holder.person, page)
        return (f"{self.office(holder.office, page)} ({self.t('ex_officio')})")

    def post(self, action: Action) -> str:
        if action.body:
            return text(self.register.bodies[action.body].posts[action.post].title)
        return text(self.register.agencies[action.agency].posts[action.post])

    def document(self, key: str, page: str, label: str | None = None) -> str:
        if label is not None:
            return self._document(key, page, label)
        cache_key = ("document", key, self.where(page))
        link_ = self._links.get(cache_key)
        if link_ is None:
            link_ = self._links[cache_key] = self._document(key, page, None)
        return link_

    def _document(self, key: str, page: str, label: str | None = None) -> str:
        doc = self.register.documents.get(key)
        if doc is not None:
            name = label or self.doc_label(key)
            return link(name, self.href(page, urls.document(key)))
        cited = self.register.cited.get(key)
        return link(label or cited.number.text, self.href(page, urls.document(key)))

    def doc_label(self, key: str) -> str:
        """A document as readers name it: its type and number, or type and date when unnumbered."""
        label = self._labels.get(key)
        if label is None:
            label = self._labels[key] = self._doc_label(key)
        return label

    def _doc_label(self, key: str) -> str:
        return document_label(self.register, self.t, key)

    def paragraph(self, action: Action, page: str) -> str:
        """A link to the paragraph an action comes from."""
        if not action.para:
            return ""
        return self.paragraph_link(action.doc, action.para, page)

    def quote(self, action: Action) -> str:
        """What the source says where an action stands, quoted: its paragraph, after the
        paragraph it is a point of ("2" before "2-5"), which often says why; "" when the
        document's text has no such paragraph."""
        doc = self.register.documents.get(action.doc)
        if not action.para or doc is None:
            return ""
        texts = self._paragraphs.get(doc.key)
        if texts is None:
            texts = self._paragraphs[doc.key] = anchored_paragraphs(doc.body)
        said = [texts[p] for p in (action.para.rpartition("-")[0], action.para) if p in texts]
        if not said:
            return ""
        return (f' <q class="register-quote" title="{self.t("source_text")}">'
                + " … ".join(text(s) for s in said) + "</q>")

    def paragraph_link(self, doc_key: str, para: str, page: str) -> str:
        """"¶ 2", a link to a paragraph of a document."""
        # the same link from every page of a folder but the document's own ("#d-…")
        doc_page = urls.document(doc_key)
        key = ("paragraph", doc_key, para, self.where(page), page == doc_page)
        link_ = self._links.get(key)
        if link_ is None:
            link_ = self._links[key] = link(f"¶ {para}", self.href(page, doc_page, f"d-{para}"))
        return link_


def document_label(register: Register, t: Labels, key: str) -> str:
    """A document as readers name it: its type and number, or type and date when unnumbered."""
    doc = register.documents.get(key)
    if doc is None:
        return register.cited[key].number.text
    kind = t.doc_type(doc.type)
    if doc.number:
        return f"{kind} {doc.number.text}"
    if doc.serial:  # as the sources name it: "Quyết định 1737"
        return f"{kind} {doc.serial}"
    return f"{kind} {t('unnumbered')} ({t.period(doc.issued)})"
