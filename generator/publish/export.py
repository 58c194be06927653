"""Open data: the register as JSON, CSV tables, an Atom feed and JSON-LD. Plain Python, no MkDocs.

- `register_json(register)`: the whole register — documents, actions, tasks, agencies, people,
  bodies, cited documents — with every derived relation (citations both ways, changes, requests
  and their fulfilment, task custody chains, post tenures, deadlines). Its shape is the JSON
  Schema `register.schema.json` (next to this module), versioned by `schema_version` (SCHEMA_VERSION).
- `document_json(register, key)`: one document with its actions and relations.
- `csv_tables(data)`: documents, actions, transfers, appointments and deadlines as rows;
  `csv_bytes` writes one as UTF-8 with a BOM, so spreadsheet programs read Vietnamese right.
- `atom_feed(register)`: the newest documents by issue date.
- `document_jsonld(register, key, page_url)`: schema.org `Legislation` (ELI terms where
  schema.org has none) for a document page's head; `jsonld_script` makes it safe to embed.
- `export_files(register)`: all of them as {path under the site root: bytes}.

Output is deterministic: keys are sorted, rows and lists come in a fixed order, and nothing
depends on the clock (deadline status appears only when an as-of date is given). Every `url`
and `json` value is a path relative to the site root, where register.json lives.
"""
from __future__ import annotations

import csv
import html
import io
import json
import uuid
from datetime import date
from functools import cache, partial
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeVar

import orjson

from generator.core import urls
from generator.core.check.permalinks import (
    document_json_path, document_url, formers, redirects)
from generator.core.derive.events import deadlines
from generator.core.derive.status import STATES, Status, accountability, task_status
from generator.core.model import (
    Action, Assign, Change, Compose, Document, Holder, Register, Request, Transfer)
from generator.core.periods import Period
from generator.core.read.load import bulk
from generator.core.render.atom import AtomFeed
from generator.core.render.labels import Labels
from generator.core.safe_fs import write_inside
from generator.core.urls import page_url
from generator.core.vocab import DOCUMENT_TYPES

SCHEMA_VERSION = "3.0"
SCHEMA_PATH = Path(__file__).parent / "register.schema.json"
REGISTER_JSON = "register.json"
SCHEMA_JSON = "register.schema.json"
FEED = "van-ban-moi.xml"
CSV_DIR = "csv"
CSV_TABLES = ("documents", "actions", "transfers", "appointments", "deadlines", "accountability")  # csv/<name>.csv
FEED_LIMIT = 100
TZ = "+07:00"  # Asia/Ho_Chi_Minh: an issue date is a day in Vietnam
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:egov-register")
FORMATS = ("json", "csv", "atom")


# --- small conversions ---------------------------------------------------------------------

def action_ref(action: Action) -> str:
    """An action's identifier: `<document>#<id>` (the form `fulfills` uses) when it has an id,
    else `<document>#_<n>`, the n-th action of the record (`_` never occurs in an id)."""
    return f"{action.doc}#{action.id}" if action.id else f"{action.doc}#_{action.index + 1}"


def _period(p: Period | None) -> dict | None:
    if p is None:
        return None
    return {"value": str(p), "precision": p.precision, "start": p.start.isoformat(), "end": p.end.isoformat()}


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _holder(h: Holder | None) -> dict | None:
    return {"person": h.person, "office": h.office} if h else None


def _compact(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None and v != [] and v is not False}


def _licence(value: dict | None) -> dict | None:
    """The licence as the schema has it: {id, name, url}; None when none is stated."""
    if not value:
        return None
    if not isinstance(value, dict) or not value.get("name"):
        raise ValueError("the open-data licence needs at least a name: {id: CC-BY-4.0, name: …, url: …}")
    return {key: (str(value[key]) if value.get(key) is not None else None) for key in ("id", "name", "url")}


# A preview makes its open data in a thread beside MkDocs (preview.py). register.json alone takes
# 4 s at 10,000 documents (its data 1 s, then its text 3 s), and a record saved meanwhile waited
# that long for its rebuild to start. So the long loops making it call a checkpoint every
# _EVERY items, where the preview's writer pauses or gives the file up (preview.OpenDataWriter).
Checkpoint = Callable[[], None]
_EVERY = 256
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, indent=2)
_T = TypeVar("_T")


def _checked(items: Iterable[_T], checkpoint: Checkpoint | None) -> Iterator[_T]:
    """`items`, with `checkpoint` called before every _EVERY of them."""
    if checkpoint is None:
        yield from items
        return
    for i, item in enumerate(items):
        if not i % _EVERY:
            checkpoint()
        yield item


def dumps(data: Any, checkpoint: Checkpoint | None = None) -> bytes:
    """`data` as indented JSON with sorted keys. orjson writes the very bytes of Python's json
    module (tests/test_open_data.py) nine times faster: json indents in Python, and that was
    4 of a 10,000-document build's 110 s of CPU. What orjson does not write as json does (a key
    that is not text, an integer over 64 bits) json writes; the register's data holds no
    floats, whose spelling differs. A preview's writer gets json's, in slices it can pause
    between."""
    if checkpoint is None:
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
        except TypeError:  # orjson.JSONEncodeError is one
            return (_ENCODER.encode(data) + "\n").encode("utf-8")
    # the same encoder, in slices: an indented dump is written in Python either way
    chunks = _ENCODER.iterencode(data)
    parts = []
    while batch := list(islice(chunks, _EVERY * 100)):
        checkpoint()
        parts.append("".join(batch))
    return ("".join(parts) + "\n").encode("utf-8")


# --- the register as data ------------------------------------------------------------------

class _Exporter:
    """Indexes the register once, so that each document's data is a lookup, not a search."""

    def __init__(self, register: Register, as_of: date | None, licence: dict | None,
                 directory_urls: bool, checkpoint: Checkpoint | None = None):
        self.reg, self.as_of, self.dirs = register, as_of, directory_urls
        self.checkpoint = checkpoint
        self.licence = _licence(licence)
        self.rel = register.derived.relations
        # id(action) -> when it took effect (as precisely as the sources give it), enacted by
        self.effect: dict[int, tuple[Period | None, str | None]] = {}
        self.directed: set[int] = set()
        custody, tenures = register.derived.custody, register.derived.tenures
        for record in custody.tasks.values():
            for step in record.steps:
                self.effect.setdefault(id(step.action), (step.when, None))
        self.effect.update(tenures.effect)
        for doc in register.documents.values():  # ordered, pending a document not yet in the register
            self.directed.update(id(a) for a in doc.actions
                                 if a.pending and not self.rel.enacted_by.get(a.ref))
        self.deadlines = deadlines(register, self.rel)

    def url(self, src_path: str) -> str:
        return page_url(src_path, self.dirs)

    # -- things --
    def action(self, a: Action) -> dict:
        reg = self.reg
        url = document_url(a.doc, self.dirs) + (f"#d-{a.para}" if a.para else "")
        declares = isinstance(a, (Assign, Transfer)) and bool(a.title)
        when, enacted_by = self.effect.get(id(a), (None, None))
        get = a.get  # every field of every kind: None (or nothing) where this kind has none
        d = _compact({
            "ref": action_ref(a), "document": a.doc, "index": a.index + 1, "kind": a.kind,
            "id": a.id, "para": a.para, "url": url,
            "pending": f"{a.doc}#{a.pending}" if a.pending else None,
            "directed": id(a) in self.directed,
            "takes_effect": _period(when), "enacted_by": enacted_by,
            "task": get("task"), "declares_task": declares, "task_title": a.title if declares else None,
            "lead": get("lead"), "with": list(get("with_", ())), "due": _period(get("due")),
            "due_phrase": get("due_phrase"),
            "from": get("from_"), "to": get("to"), "effective": _period(a.effective),
            "body": get("body"), "post": get("post"), "holder": _holder(get("holder")), "role": get("role"),
            "agency": get("agency"), "replaces": get("replaces"), "add": get("add"),
            "target": get("target"), "target_key": get("target_key"),
            "title": None if declares else get("title"), "what": get("what"), "status": get("status"),
            "date": _period(get("date")), "text": get("text"), "inferred": a.inferred,
            "members": [{"post": m.post, "holder": _holder(m.holder)} for m in get("members", ())],
            "count": get("count"), "complete": a.complete if isinstance(a, Compose) else None,
            "name": get("name"), "short": get("short"), "abbr": get("abbr"),
        })
        if get("target_key"):
            d["target_in_register"] = a.target_key in reg.documents
        if isinstance(a, Compose):
            d["complete"] = a.complete  # false says the list is partial: kept, not compacted away
        return d

    def document(self, doc: Document) -> dict:
        rel, reg = self.rel, self.reg
        fulfilled = sorted({k for a in doc.actions if a.id
                            for k in rel.fulfilled_by.get(f"{doc.key}#{a.id}", [])})
        names = DOCUMENT_TYPES.get(doc.type, (doc.type, doc.type, None))
        return {
            "key": doc.key,
            "url": document_url(doc.key, self.dirs),
            "json": document_json_path(doc.key),
            "source_file": doc.path,
            "former": [ref for ref, _ in doc.former],
            "number": doc.number.text if doc.number else None,
            "serial": doc.serial,
            "type": doc.type,
            "type_name": {"vi": names[0], "en": names[1]},
            "title": doc.title,
            "title_descriptive": doc.title_descriptive,
            "issuer": doc.issuer,
            "issuer_kind": "agency" if doc.issuer in reg.agencies else "body",
            "issued": _period(doc.issued),
            "meeting": _period(doc.meeting),
            "signer": {"person": doc.signer.person, "as": doc.signer.capacity} if doc.signer else None,
            "sources": [{"kind": s.kind, "title": s.title, "url": s.url, "author": s.author,
                         "date": _period(s.date), "part": s.part, "file": s.file, "text": s.text}
                        for s in doc.sources],
            "effective": _period(doc.effective),
            "effective_on_signing": doc.effective_on_signing,
            "inferred": dict(sorted(doc.inferred.items())),
            "disputed": [{"what": d.what, "claims": [{"says": c.says, "source": c.source} for c in d.claims]}
                         for d in doc.disputed],
            "fulfilments": [self.fulfilment(doc.key, ref, doc.fulfil_details.get(ref)) for ref, _ in doc.fulfills],
            "text": doc.body,
            "actions": [action_ref(a) for a in doc.actions],
            "cites": sorted({c.target for c in rel.cites.get(doc.key, [])}),
            "cited_by": sorted({c.citing for c in rel.cited_by.get(doc.key, [])}),
            "changes": [action_ref(a) for a in rel.changes.get(doc.key, [])],
            "changed_by": [action_ref(a) for a in rel.changed_by.get(doc.key, [])],
            "requested_by": [action_ref(a) for a in rel.requests_for.get(doc.key, [])],
            "fulfils": [ref for ref, _ in doc.fulfills],
            "fulfilled_by": fulfilled,
        }

    def cited(self, key: str) -> dict:
        c, rel = self.reg.cited[key], self.rel
        return {
            "key": key,
            "url": document_url(key, self.dirs),
            "number": c.number.text,
            "year": c.year,
            "type": c.type,
            "dates": sorted(d.isoformat() for d in c.dates),
            "partial_dates": [_period(p) for p in sorted(c.partial)],
            "subjects": [{"document": k, "subject": s} for k, s in c.subjects],
            "cited_by": sorted({x.citing for x in rel.cited_by.get(key, [])}),
            "changed_by": [action_ref(a) for a in rel.changed_by.get(key, [])],
            "requested_by": [action_ref(a) for a in rel.requests_for.get(key, [])],
        }

    def citation(self, c) -> dict:
        return {"citing": c.citing, "paragraph": c.para, "target": c.target,
                "target_in_register": c.target in self.reg.documents, "number": c.text,
                "date": _day(c.date), "excerpt": c.excerpt}

    def change(self, a: Change) -> dict:
        return {"action": action_ref(a), "document": a.doc, "kind": a.kind, "target": a.target_key,
                "target_in_register": a.target_key in self.reg.documents, "what": a.what,
                "pending": f"{a.doc}#{a.pending}" if a.pending else None}

    def fulfilment(self, key: str, ref: str, detail) -> dict:
        requesting = self.reg.canonical(ref)
        doc = requesting.partition("#")[0]
        return {"document": key, "request": requesting,
                "changes": [f"{doc}#{c}" for c in detail.changes] if detail else [],
                "inferred": detail.inferred if detail else None}

    def request(self, a: Request) -> dict:
        ref = f"{a.doc}#{a.id}" if a.id else None
        return {"action": action_ref(a), "document": a.doc, "target": a.target_key, "title": a.title,
                "what": a.what, "lead": a.lead, "with": list(a.with_), "due": _period(a.due),
                "due_phrase": a.due_phrase,
                "fulfilled_by": sorted(set(self.rel.fulfilled_by.get(ref, []))) if ref else [],
                "pending_changes": [action_ref(x) for x in self.rel.pending_on.get(ref, [])] if ref else [],
                "wholly_fulfilled_by": sorted(set(self.rel.wholly_fulfilled_by.get(ref, []))) if ref else [],
                "changes": [{"action": action_ref(x), "enacted_by": sorted(set(self.rel.enacted_by.get(x.ref, [])))}
                            for x in self.rel.pending_on.get(ref, [])] if ref else []}

    def task(self, task_id: str) -> dict:
        record = self.reg.derived.custody.tasks[task_id]
        chain = []
        for step in record.steps:
            a = step.action
            chain.append(_compact({"action": action_ref(a), "document": a.doc, "kind": a.kind,
                                   "date": step.date.isoformat(), "holder": step.holder,
                                   "from": a.get("from_"), "to": a.get("to"), "lead": a.get("lead"),
                                   "with": list(a.get("with_", ())), "status": a.get("status")}))
        return {
            "id": task_id,
            "title": record.task.title,
            "url": self.url(urls.task(task_id)),
            "declared_by": action_ref(record.task.declared_by),
            "holder": record.holder,
            "holder_since": action_ref(record.holder_since.action) if record.holder_since else None,
            "co_operating": list(record.co_operating),
            "due": _period(record.due),
            "due_action": action_ref(record.due_action) if record.due_action else None,
            "done": ({"date": record.done.date.isoformat(), "action": action_ref(record.done.action)}
                     if record.done else None),
            **self.status(task_status(record, self.as_of) if self.as_of else None),
            "chain": chain,
        }

    def tenure(self, t, role: bool = False) -> dict:
        out = {
            ("agency" if role else "holder"): t.holder if role else _holder(t.holder),
            "start": _period(t.start_when),
            "start_action": action_ref(t.start_action) if t.start_action else None,
            "end": _period(t.end_when),
            "end_action": action_ref(t.end_action) if t.end_action else None,
            "observed": [action_ref(a) for a in t.observed],
            "enacted_by": t.enacted_by,
        }
        if not role:
            out["named"] = [{"person": n.person, "when": _period(n.when), "action": action_ref(n.action)}
                            for n in t.named]
        return out

    def names(self, kind: str, ident: str) -> list[dict]:
        return [{"name": n.name, "short": n.short, "abbr": n.abbr, "since": _period(n.since),
                 "action": action_ref(n.action) if n.action else None}
                for n in self.reg.derived.names.every(kind, ident)]

    def compositions(self) -> list[dict]:
        out = []
        for body, snapshots in sorted(self.reg.derived.tenures.compositions.items()):
            for c in snapshots:
                last = c.restated
                out.append({
                    "body": body, "when": _period(c.when),
                    "seats": [{"post": seat.post,
                               "holder": seat.tenure.holder if isinstance(seat.tenure.holder, str)
                               else _holder(seat.tenure.holder),
                               "named": list(seat.named)} for seat in c.seats],
                    "unknown_seats": list(last.unknown_seats) if last else [],
                    "unlisted": last.unlisted if last else 0,
                    "restated_by": action_ref(last.action) if last else None,
                })
        return out

    @staticmethod
    def status(status: Status | None) -> dict:
        """A state as of the export's date (derive/status.py), the one the pages show."""
        return {"status": status.state if status else None,
                "days_late": status.days_late if status else None}

    def deadline(self, d) -> dict:
        a, record = d.action, d.record
        lead = record.holder if record is not None else a.lead
        return {"action": action_ref(a), "document": a.doc, "kind": "task" if record is not None else "request",
                "task": d.task, "title": record.task.title if record is not None else a.title,
                "lead": lead, "with": list(record.co_operating if record is not None else a.with_),
                "due": _period(d.due), "due_phrase": a.due_phrase, "done_on": _day(d.done_on),
                "done_by": d.done_by, **self.status(d.status(self.as_of) if self.as_of else None)}

    def accountability(self) -> list[dict]:
        """Task tallies by agency leading now (null: the whole register) and year due (null:
        every year), as the accountability page shows them; [] without an as-of date."""
        if not self.as_of:
            return []
        out = []
        for agency, by_year in accountability(self.reg.derived.custody, self.as_of).items():
            for year, tally in by_year.items():
                out.append({"agency": agency, "year": year, "tasks": tally.total, "due": tally.due,
                            "done_when_due": tally.done_when_due, **tally.states})
        return sorted(out, key=lambda r: (r["agency"] is not None, r["agency"] or "", r["year"] is not None, r["year"] or 0))

    # -- the whole --
    def register(self) -> dict:
        reg = self.reg
        tenures, custody = reg.derived.tenures, reg.derived.custody
        docs = sorted(reg.documents.values(), key=lambda d: d.key)
        issued_by: dict[str, list[str]] = {}
        signed: dict[str, list[str]] = {}
        for doc in docs:
            issued_by.setdefault(doc.issuer, []).append(doc.key)
            if doc.signer and doc.signer.person:
                signed.setdefault(doc.signer.person, []).append(doc.key)
        citations = sorted({json.dumps(self.citation(c), sort_keys=True) for c in reg.citations})
        posts = []
        for (owner, post), h in sorted(tenures.posts.items()):
            kind, owner_id = owner
            title = (reg.bodies[owner_id].posts[post].title if kind == "body"
                     else reg.agencies[owner_id].posts[post])
            posts.append({"owner_kind": kind, "owner": owner_id, "post": post, "title": title,
                          "tenures": [self.tenure(t) for t in h.tenures],
                          "directed": [action_ref(a) for a in h.directed]})
        roles = []
        for (body, role), h in sorted(tenures.roles.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
            title = reg.bodies[body].roles.get(role, role) if body else role
            roles.append({"body": body, "role": role, "title": title,
                          "tenures": [self.tenure(t, role=True) for t in h.tenures],
                          "directed": [action_ref(a) for a in h.directed]})
        all_actions = [a for doc in docs for a in doc.actions]
        return {
            "schema_version": SCHEMA_VERSION,
            "licence": self.licence,
            "as_of": _day(self.as_of),
            "documents": [self.document(d) for d in _checked(docs, self.checkpoint)],
            "cited_documents": [self.cited(k) for k in sorted(reg.cited)],
            "actions": [self.action(a) for a in _checked(all_actions, self.checkpoint)],
            "tasks": [self.task(t) for t in _checked(sorted(reg.tasks), self.checkpoint)],
            "agencies": [{
                "id": a.id, "name": a.name, "short": a.short, "abbr": a.abbr,
                "aliases": list(a.aliases), "parent": a.parent, "posts": dict(sorted(a.posts.items())),
                "url": self.url(urls.agency(a.id)),
                "names": self.names("agency", a.id), "note": a.note,
                "documents_issued": issued_by.get(a.id, []),
                "tasks_held": sorted(custody.held_now.get(a.id, [])),
            } for a in sorted(reg.agencies.values(), key=lambda a: a.id)],
            "people": [{
                "id": p.id, "name": p.name, "aliases": list(p.aliases),
                "url": self.url(urls.person(p.id)), "signed": signed.get(p.id, []), "note": p.note,
            } for p in sorted(reg.people.values(), key=lambda p: p.id)],
            "bodies": [{
                "id": b.id, "name": b.name, "short": b.short, "abbr": b.abbr,
                "aliases": list(b.aliases), "parent": b.parent,
                "posts": {k: {"title": v.title, "several": v.several} for k, v in sorted(b.posts.items())},
                "roles": dict(sorted(b.roles.items())),
                "url": self.url(urls.body(b.id)),
                "names": self.names("body", b.id), "note": b.note,
                "documents_issued": issued_by.get(b.id, []),
            } for b in sorted(reg.bodies.values(), key=lambda b: b.id)],
            "relations": {
                "citations": [json.loads(c) for c in citations],
                "changes": [self.change(a) for a in all_actions if isinstance(a, Change) and a.target_key],
                "requests": [self.request(a) for a in all_actions if isinstance(a, Request)],
                "fulfilments": [*(self.fulfilment(d.key, ref, d.fulfil_details.get(ref))
                                  for d in docs for ref, _ in d.fulfills),
                                *(self.fulfilment(c.key, ref, c.fulfil_details.get(ref))
                                  for c in sorted(reg.cited.values(), key=lambda c: c.key) for ref in c.fulfills)],
            },
            "posts": posts,
            "roles": roles,
            "deadlines": [self.deadline(d) for d in self.deadlines],
            "accountability": self.accountability(),
            "compositions": self.compositions(),
        }

    def document_file(self, key: str) -> dict:
        """One document's JSON: the document, its actions, and its relations both ways."""
        doc, rel = self.reg.documents[key], self.rel
        def uniq(items: Iterable[dict]) -> list[dict]:
            return [json.loads(s) for s in sorted({json.dumps(i, sort_keys=True) for i in items})]
        ref_ids = {f"{key}#{a.id}" for a in doc.actions if a.id}
        return {
            "schema_version": SCHEMA_VERSION,
            "licence": self.licence,
            "register": REGISTER_JSON,
            "document": self.document(doc),
            "actions": [self.action(a) for a in doc.actions],
            "citations": {"cites": uniq(self.citation(c) for c in rel.cites.get(key, [])),
                          "cited_by": uniq(self.citation(c) for c in rel.cited_by.get(key, []))},
            "changes": [self.change(a) for a in rel.changes.get(key, [])],
            "changed_by": [self.change(a) for a in rel.changed_by.get(key, [])],
            "requests": [self.request(a) for a in doc.actions if isinstance(a, Request)],
            "requested_by": [self.request(a) for a in rel.requests_for.get(key, [])],
            "fulfils": [ref for ref, _ in doc.fulfills],
            "fulfilled_by": [{"request": r, "documents": sorted(set(rel.fulfilled_by[r]))}
                             for r in sorted(ref_ids) if rel.fulfilled_by.get(r)],
        }


def register_json(register: Register, as_of: date | None = None, licence: dict | None = None,
                  directory_urls: bool = True) -> dict:
    """The whole register as JSON-ready data (see register.schema.json)."""
    return _Exporter(register, as_of, licence, directory_urls).register()


def document_json(register: Register, key: str, as_of: date | None = None,
                  licence: dict | None = None, directory_urls: bool = True) -> dict:
    """One document as JSON-ready data (`$defs/documentFile` of the schema)."""
    return _Exporter(register, as_of, licence, directory_urls).document_file(key)


def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


# --- CSV -----------------------------------------------------------------------------------

def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(str(v) for v in value)  # ids, keys and URLs hold no spaces
    if isinstance(value, dict) and "value" in value:
        return value["value"]
    return str(value)


ACTION_COLUMNS = ("ref", "document", "index", "id", "kind", "para", "pending", "directed",
                  "takes_effect", "enacted_by", "task", "declares_task", "task_title", "lead", "with",
                  "due", "due_end", "due_phrase", "from", "to", "effective", "body", "post",
                  "holder_person", "holder_office", "role", "agency", "replaces", "add", "target",
                  "target_key", "title", "what", "status", "date", "text")


def csv_tables(data: dict, checkpoint: Checkpoint | None = None) -> dict[str, tuple[list[str], list[list[str]]]]:
    """The CSV tables, from register_json's data: {name: (header, rows)}, every cell text."""
    docs = {d["key"]: d for d in data["documents"]}
    tasks = {t["id"]: t for t in data["tasks"]}
    tables: dict[str, tuple[list[str], list[list[Any]]]] = {}

    header = ["key", "url", "json", "number", "type", "title", "title_descriptive", "issuer",
              "issued", "issued_start", "issued_end", "meeting", "signer_person", "signer_as",
              "source_urls", "former", "cites", "cited_by", "changes", "changed_by", "fulfils"]
    rows = []
    for d in _checked(data["documents"], checkpoint):
        signer = d["signer"] or {}
        rows.append([d["key"], d["url"], d["json"], d["number"], d["type"], d["title"],
                     d["title_descriptive"], d["issuer"], d["issued"], d["issued"]["start"],
                     d["issued"]["end"], d["meeting"], signer.get("person"), signer.get("as"),
                     [s["url"] for s in d["sources"] if s["url"]], d["former"], d["cites"],
                     d["cited_by"], d["changes"], d["changed_by"], d["fulfils"]])
    tables["documents"] = (header, rows)

    rows = []
    for a in _checked(data["actions"], checkpoint):
        holder = a.get("holder") or {}
        flat = {**a, "due_end": a["due"]["end"] if a.get("due") else None,
                "holder_person": holder.get("person"), "holder_office": holder.get("office")}
        rows.append([flat.get(c) for c in ACTION_COLUMNS])
    tables["actions"] = (list(ACTION_COLUMNS), rows)

    header = ["ref", "document", "issued", "task", "task_title", "from", "to", "effective", "takes_effect"]
    rows = [[a["ref"], a["document"], docs[a["document"]]["issued"], a["task"],
             tasks[a["task"]]["title"] if a.get("task") in tasks else a.get("task_title"),
             a.get("from"), a.get("to"), a.get("effective"), a.get("takes_effect")]
            for a in data["actions"] if a["kind"] == "transfer"]
    tables["transfers"] = (header, rows)

    header = ["ref", "document", "issued", "kind", "body", "agency", "post", "role", "holder_person",
              "holder_office", "replaces", "pending", "directed", "enacted_by", "takes_effect", "date"]
    rows = []
    for a in data["actions"]:
        if a["kind"] not in ("appoint", "relieve", "holds", "designate", "withdraw", "compose"):
            continue
        holder = a.get("holder") or {}
        rows.append([a["ref"], a["document"], docs[a["document"]]["issued"], a["kind"], a.get("body"),
                     a.get("agency"), a.get("post"), a.get("role"), holder.get("person"),
                     holder.get("office"), a.get("replaces"), a.get("pending"),
                     a.get("directed", False), a.get("enacted_by"), a.get("takes_effect"), a.get("date")])
    tables["appointments"] = (header, rows)

    header = ["action", "document", "kind", "task", "title", "lead", "with", "due", "due_start",
              "due_end", "due_phrase", "done_on", "done_by", "status", "days_late", "as_of"]
    rows = [[d["action"], d["document"], d["kind"], d["task"], d["title"], d["lead"], d["with"],
             d["due"], d["due"]["start"], d["due"]["end"], d["due_phrase"], d["done_on"], d["done_by"],
             d["status"], d["days_late"], data["as_of"]] for d in data["deadlines"]]
    tables["deadlines"] = (header, rows)

    header = ["agency", "year", "tasks", "due", "done_when_due", *STATES, "as_of"]
    rows = [[r["agency"], r["year"], r["tasks"], r["due"], r["done_when_due"], *(r[s] for s in STATES),
             data["as_of"]] for r in data["accountability"]]
    tables["accountability"] = (header, rows)
    return {name: (header, [[_cell(v) for v in row] for row in _checked(rows, checkpoint)])
            for name, (header, rows) in tables.items()}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs: one that opens like a formula (=, +, -,
    @, tab, carriage return) gets a leading apostrophe, as OWASP's guidance on CSV injection
    recommends. A record's title "=HYPERLINK(…)" is text, and a reader's spreadsheet too."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    """One table as CSV (RFC 4180, CRLF), UTF-8 with a byte-order mark; no cell a formula."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([inert_cell(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


# --- Atom ----------------------------------------------------------------------------------

def _stable_id(doc: Document) -> str:
    """An entry id that survives renames: from the oldest reference the document had."""
    first = doc.former[0][0] if doc.former else doc.key
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, first)}"


def _timestamp(d: date) -> str:
    return f"{d.isoformat()}T00:00:00{TZ}"


def doc_label(register: Register, doc: Document, t: Labels) -> str:
    kind = t.doc_type(doc.type)
    if doc.number:
        return f"{kind} {doc.number.text}"
    return f"{kind} ({t('number')}: {t('unknown')}, {t.period(doc.issued)})"


def atom_feed(register: Register, site_name: str = "", site_url: str | None = None,
              lang: str = "vi", directory_urls: bool = True, limit: int = FEED_LIMIT) -> bytes:
    """An Atom feed of the newest documents, in the order every list of the site uses."""
    t = Labels(lang)
    base = site_url.rstrip("/") + "/" if site_url else ""
    chronology = register.derived.chronology if register.derived else None
    docs = (sorted(register.documents.values(), key=lambda d: chronology.doc_key(d.key), reverse=True)
            if chronology else sorted(register.documents.values(),
                                      key=lambda d: (d.issued.start, d.issued.end, d.key), reverse=True))[:limit]
    updated = max((d.issued.start for d in docs), default=date(1970, 1, 1))
    feed = AtomFeed(lang=t.lang, feed_id=f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'feed:' + FEED)}",
                    title=f"{site_name} — {t('latest_documents')}" if site_name else t("latest_documents"),
                    updated=_timestamp(updated), author=site_name or t("documents"),
                    self_href=base + FEED, alternate_href=urls.absolute_url(base, urls.DOCUMENTS, directory_urls))
    for doc in docs:
        label = doc_label(register, doc, t)
        issuer = register.agencies.get(doc.issuer) or register.bodies.get(doc.issuer)
        entry = feed.entry(entry_id=_stable_id(doc), title=f"{label}: {doc.title}",
                           updated=_timestamp(doc.issued.start), author=issuer.name if issuer else doc.issuer)
        feed.sub(entry, "published", _timestamp(doc.issued.start))
        feed.sub(entry, "link", rel="alternate", type="text/html", href=base + document_url(doc.key, directory_urls))
        feed.sub(entry, "link", rel="alternate", type="application/json", href=base + document_json_path(doc.key))
        feed.sub(entry, "category", term=doc.type, label=t.doc_type(doc.type))
        feed.sub(entry, "summary", f"{label}, {t('issued').lower()} {t.period(doc.issued)}. {doc.title}")
    return feed.text().encode("utf-8")


# --- JSON-LD -------------------------------------------------------------------------------

# Inline, so that no reader has to fetch a context; url and contentUrl are IRIs, not text.
JSONLD_CONTEXT = {"@vocab": "https://schema.org/", "eli": "http://data.europa.eu/eli/ontology#",
                  "url": {"@type": "@id"}, "contentUrl": {"@type": "@id"}}
NOT_IN_FORCE = "https://schema.org/NotInForce"


def document_jsonld(register: Register, key: str, page_url_: str | None = None,
                    site_url: str | None = None, directory_urls: bool = True) -> dict:
    """schema.org Legislation for one document; ELI terms for the inverse relations schema.org
    lacks (eli:cited_by, eli:changed_by, eli:amended_by, eli:repealed_by).

    IRIs are absolute under `site_url` when it is set, else relative to the page (JSON-LD
    resolves them against the page's address). Only enacted changes count: a change a notice
    directs, pending the document that makes it, is not one. Legal force is stated only when
    the register shows the document repealed or replaced; otherwise it is left unsaid."""
    doc, rel = register.documents[key], register.derived.relations
    here = page_url_ if page_url_ is not None else document_url(key, directory_urls)

    def iri(url: str) -> str:
        return site_url.rstrip("/") + "/" + url if site_url else urls.relative_url(url, here)

    def doc_ref(k: str) -> dict:
        return {"@id": iri(document_url(k, directory_urls))}

    def refs(keys: Iterable[str]) -> list[dict]:
        return [doc_ref(k) for k in sorted(set(keys))]

    enacted = [a for a in rel.changes.get(key, []) if not a.pending]
    against = [a for a in rel.changed_by.get(key, []) if not a.pending]
    names = DOCUMENT_TYPES.get(doc.type, (doc.type, doc.type, None))
    issuer = register.agencies.get(doc.issuer)
    issuer_src = urls.agency(doc.issuer) if issuer else urls.body(doc.issuer)
    issuer = issuer or register.bodies[doc.issuer]
    data: dict[str, Any] = {
        "@context": JSONLD_CONTEXT,
        "@type": "Legislation",
        "@id": iri(document_url(key, directory_urls)),
        "url": iri(document_url(key, directory_urls)),
        "identifier": key,
        "name": doc.title,
        "inLanguage": "vi",
        "legislationType": names[0],
        "legislationJurisdiction": "VN",
        "legislationPassedBy": {"@type": "GovernmentOrganization", "@id": iri(page_url(issuer_src, directory_urls)),
                                "name": issuer.name},
        "encoding": {"@type": "MediaObject", "encodingFormat": "application/json",
                     "contentUrl": iri(document_json_path(key))},
    }
    if doc.number:
        data["legislationIdentifier"] = doc.number.text
    if doc.issued.precision != "quarter":  # ISO 8601 has days, months and years, not quarters
        data["legislationDate"] = str(doc.issued)
    changes = refs(a.target_key for a in enacted)
    amends = refs(a.target_key for a in enacted if a.kind == "amend")
    repeals = refs(a.target_key for a in enacted if a.kind == "repeal")
    cites = refs(c.target for c in rel.cites.get(key, []))
    for name, value in (("legislationChanges", changes), ("legislationAmends", amends),
                        ("legislationRepeals", repeals), ("citation", cites),
                        ("eli:cited_by", refs(c.citing for c in rel.cited_by.get(key, []))),
                        ("eli:changed_by", refs(a.doc for a in against)),
                        ("eli:amended_by", refs(a.doc for a in against if a.kind == "amend")),
                        ("eli:repealed_by", refs(a.doc for a in against if a.kind == "repeal"))):
        if value:
            data[name] = value
    if any(a.kind in ("repeal", "replace") for a in against):
        data["legislationLegalForce"] = {"@id": NOT_IN_FORCE}
    return data


def jsonld_script(data: dict) -> str:
    """A <script type="application/ld+json"> that no value can break out of: "<", ">" and "&"
    (and the JavaScript line separators) are written as \\u escapes, which JSON reads back."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return f'<script type="application/ld+json">{text}</script>'


def document_head(register: Register, src_path: str, page_url_: str, site_url: str | None = None,
                  directory_urls: bool = True) -> str:
    """What a document page adds to its <head>: a link to its JSON and its JSON-LD; "" for a
    page that is not a register document's."""
    key = src_path.removeprefix("van-ban/").removesuffix(".md")
    if not (src_path.startswith("van-ban/") and src_path.endswith(".md")) or key not in register.documents:
        return ""
    href = html.escape(urls.relative_url(document_json_path(key), page_url_), quote=True)
    data = document_jsonld(register, key, page_url_, site_url, directory_urls)
    # "describedby", not "alternate": Material fetches a sitemap.xml beside every alternate link
    # (for its language switch), and there is none beside a document's JSON
    return f'<link rel="describedby" type="application/json" href="{href}">\n{jsonld_script(data)}\n'


def add_to_head(page_html: str, snippet: str) -> str:
    """The page with `snippet` at the end of its <head>."""
    if not snippet:
        return page_html
    at = page_html.find("</head>")
    return page_html if at < 0 else page_html[:at] + snippet + page_html[at:]


# --- everything, as files ------------------------------------------------------------------

def export_files(register: Register, formats: Iterable[str] = FORMATS, as_of: date | None = None,
                 licence: dict | None = None, site_name: str = "", site_url: str | None = None,
                 directory_urls: bool = True, lang: str = "vi") -> dict[str, bytes]:
    """{path under the site root: content} of the open-data files in the given formats."""
    with bulk():
        return {path: make() for path, make in open_data_files(
            register, formats, as_of, licence, site_name, site_url, directory_urls, lang)}



def open_data_files(register: Register, formats: Iterable[str] = FORMATS, as_of: date | None = None,
                    licence: dict | None = None, site_name: str = "", site_url: str | None = None,
                    directory_urls: bool = True, lang: str = "vi",
                    checkpoint: Checkpoint | None = None) -> list[tuple[str, Callable[[], bytes]]]:
    """(path, a function that makes its content) of each open-data file: a preview knows every
    path at once, and makes the contents after its pages (preview.py), calling `checkpoint`
    now and then while it makes the long ones."""
    formats = set(formats)
    exporter = cache(lambda: _Exporter(register, as_of, licence, directory_urls, checkpoint))
    data = cache(lambda: exporter().register())
    tables = cache(lambda: csv_tables(data(), checkpoint))
    files: list[tuple[str, Callable[[], bytes]]] = []
    if "json" in formats:
        files.append((REGISTER_JSON, lambda: dumps(data(), checkpoint)))
        files.append((SCHEMA_JSON, SCHEMA_PATH.read_bytes))
        for key in sorted(register.documents):
            files.append((document_json_path(key), partial(lambda k: dumps(exporter().document_file(k)), key)))
        for old, new in sorted(formers(register).items()):
            files.append((document_json_path(old), partial(dumps, {
                "schema_version": SCHEMA_VERSION, "moved_to": new,
                "url": document_url(new, directory_urls), "json": document_json_path(new)})))
    if "csv" in formats:
        for name in CSV_TABLES:
            files.append((f"{CSV_DIR}/{name}.csv", partial(lambda n: csv_bytes(*tables()[n]), name)))
    if "atom" in formats:
        files.append((FEED, lambda: atom_feed(register, site_name, site_url, lang, directory_urls)))
    return files


def site_files(register: Register, **options: Any) -> dict[str, bytes]:
    """The open-data files and the redirect pages of former addresses, for a built site."""
    with bulk():
        return {path: make() for path, make in open_site_files(register, **options)}


def open_site_files(register: Register, **options: Any) -> list[tuple[str, Callable[[], bytes]]]:
    """site_files' paths, each with the function that makes its content (open_data_files)."""
    files = open_data_files(register, **options)
    for path, page in redirects(register, options.get("directory_urls", True)).items():
        files.append((path, partial(str.encode, page, "utf-8")))
    return files


def write_files(files: dict[str, bytes], out: Path) -> None:
    """Write `files` under the folder `out`, each whole and none through a link (safe_fs.py):
    `out` may hold an earlier export, or links someone put there."""
    for path, content in sorted(files.items()):
        write_inside(Path(out), path, content)
