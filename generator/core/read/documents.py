"""Read one document file into a Document: its front matter checked field by field."""
from __future__ import annotations

import re
from pathlib import Path

from generator.core.check.loops import chain, cycles
from generator.core.diagnostics import Diagnostics, Loc
from generator.core.model import (
    ACTION_CLASSES, Action, Agency, Body, CiteDecl, Claim, Compose, Dispute, Document,
    Fulfilment, Holder, Holds, Member, Person, Request, Signer, Source)
from generator.core.numbers import parse_number
from generator.core.read.fields import ID_RE, RESERVED_NAMES, Fields, reserved_message, suggest
from generator.core.read.source import LMap, read_markdown
from generator.core.text import fold
from generator.core.text_rules import name_problem
from generator.core.vocab import (
    ACTION_COMMON_FIELDS, ACTION_FIELDS, ACTION_KINDS, CITE_FIELDS, CLAIM_FIELDS,
    DISPUTE_FIELDS, DOCUMENT_FIELDS, DOCUMENT_TYPES, DRAFT_MARK, FULFIL_FIELDS, HOLDER_FIELDS,
    MEMBER_FIELDS, REPORT_STATUSES, REQUEST_WHAT, REQUIRED_DOCUMENT_FIELDS, SIGNER_FIELDS,
    SOURCE_FIELDS, SOURCE_KINDS, SOURCE_TEXTS, TASK_FIELDS, INFERRABLE_FIELDS)
from generator.core.weburl import UrlError, href, parse_web_url

ANCHOR_RE = re.compile(r"\{:?\s*#d-([a-z0-9-]+)\s*\}")
SOURCE_FILE_RE = re.compile(r"^sources/(\d{4}|khong-ro-nam)/[a-z0-9]+(?:-[a-z0-9]+)*\.txt$")
ON_SIGNING = "on-signing"  # effective: on-signing — "có hiệu lực kể từ ngày ký"
SERIAL_RE = re.compile(r"^\s*[0-9]{1,6}\s*$")
DOC_REF_RE = re.compile(r"^(\d{4}|khong-ro-nam)/([a-z0-9]+(?:-[a-z0-9]+)*)$")


class Names:
    """The registries a document may refer to."""

    def __init__(self, agencies: dict[str, Agency], people: dict[str, Person], bodies: dict[str, Body]):
        self.agencies, self.people, self.bodies = agencies, people, bodies
        self.issuers = {**agencies, **bodies}
        self.offices = {f"{a.id}/{p}" for a in agencies.values() for p in a.posts}


def read_document(root: Path, rel: str, names: Names, diags: Diagnostics) -> Document | None:
    md = read_markdown(root / rel, rel, diags)
    if md is None:
        return None
    if md.meta is None:
        diags.error(Loc(rel, 1), "empty front matter: a document needs type, title, issuer, issued and sources")
        return None
    f = Fields(md.meta, rel, diags, "document")
    if not isinstance(md.meta, LMap):
        return None
    f.only(DOCUMENT_FIELDS)
    for key in REQUIRED_DOCUMENT_FIELDS:
        if not f.has(key):
            f.error(None, f"missing required field {key!r}")

    folder, _, filename = rel.removeprefix("decisions/").partition("/")
    stem = filename.removesuffix(".md")
    number, serial = None, None
    if f.has("number"):
        raw = f.text("number")
        number = parse_number(raw) if raw else None
        if raw and SERIAL_RE.match(raw):  # "Quyết định 1737": the serial, its symbol unknown
            serial = raw.strip().lstrip("0") or "0"
        elif raw and number is None:
            f.error("number", f"{raw!r} is not a document number of the form 139/TB-VPCP, "
                              "150/2016/NĐ-CP or 52-NQ/TW, nor a serial alone (1737) when the "
                              "sources give no symbol")
    doc_type = f.ident("type")
    if doc_type and doc_type not in DOCUMENT_TYPES:
        f.error("type", f"unknown document type {doc_type!r}{suggest(doc_type, DOCUMENT_TYPES)}; "
                        f"known: {', '.join(DOCUMENT_TYPES)}")
        doc_type = None
    issued = f.period("issued")
    if number and doc_type:
        expected = DOCUMENT_TYPES[doc_type][2]
        if expected and _fold_abbr(number.type_abbr) != _fold_abbr(expected):
            f.error("number", f"number {number.text} does not carry the abbreviation {expected} "
                              f"of a {DOCUMENT_TYPES[doc_type][0]}")
    if issued:
        if folder != str(issued.year):
            f.error("issued", f"document issued in {issued.year} is filed under decisions/{folder}/; "
                              f"move it to decisions/{issued.year}/")
    if (problem := name_problem(stem)):  # the file name is the name of the page's folder
        diags.error(Loc(rel, 1), f"file name {problem} (name it after the document's number or "
                    "a short subject)")
        return None
    if stem in RESERVED_NAMES:  # the file name is the address of the document's page
        diags.error(Loc(rel, 1), reserved_message("file name", filename) + " (name it after the "
                    "document's number or subject)")
        return None
    if number:
        if stem != number.slug:
            f.error("number", f"file name {filename!r} does not match number {number.text}; "
                              f"name it {number.slug}.md")
    elif not ID_RE.match(stem):
        diags.error(Loc(rel, 1), f"file name {filename!r} must be lower-case letters, digits and '-'")
        return None

    issuer = f.ref("issuer", names.issuers, "agency or body")
    signer = None
    sf = f.mapping("signer")
    if sf:
        sf.only(SIGNER_FIELDS)
        signer = Signer(sf.ref("person", names.people, "person"), sf.text("as"))

    sources = []
    for item, loc in f.items("sources"):
        s = Fields(item, rel, diags, "source", loc.line)
        s.only(SOURCE_FIELDS)
        kind = s.text("kind", True)
        if kind and kind not in SOURCE_KINDS:
            s.error("kind", f"unknown source kind {kind!r}; use one of {', '.join(SOURCE_KINDS)}")
        url = s.text("url")
        if url:
            try:
                parse_web_url(url)
                url = href(url)  # one safe form, which every output (page, JSON, CSV) takes
            except UrlError as exc:
                s.error("url", f"source url: {exc}")
                url = None
        file = s.text("file")
        if file and not SOURCE_FILE_RE.match(file):
            s.error("file", f"source file {file!r} must be a path sources/<year>/<name>.txt in the "
                            "repository (lower-case letters, digits and '-'), e.g. "
                            f"sources/{folder}/{stem}.txt")
            file = None
        text_kind = s.text("text") or "full"
        if text_kind not in SOURCE_TEXTS:
            s.error("text", f"unknown text kind {text_kind!r}: the record's text is the source's "
                            f"{', '.join(SOURCE_TEXTS)} (full text, an excerpt, a press summary, "
                            "a translation)")
            text_kind = "full"
        sources.append(Source(kind or "official", s.text("title"), url, s.text("author"),
                              s.period("date"), s.ident("part"), file, s.loc("file").line,
                              text_kind))
    if f.has("sources") and not sources:
        f.error("sources", "give at least one source")

    cites = []
    for item, loc in f.items("cites"):
        if isinstance(item, str):
            item_number, cite_date, subject = parse_number(item), None, None
            if item_number is None:
                diags.error(loc, f"{item!r} is not a document number")
                continue
        else:
            c = Fields(item, rel, diags, "citation", loc.line)
            c.only(CITE_FIELDS)
            raw = c.text("number", True)
            item_number = parse_number(raw) if raw else None
            if raw and item_number is None:
                c.error("number", f"{raw!r} is not a document number")
            cite_date = c.period("date")  # a day, or the month or year the citing text gives
            subject = c.text("subject")
            if item_number is None:
                continue
            refs, details = _request_refs(c, diags)
            cites.append(CiteDecl(item_number, cite_date, subject, loc, refs, details))
            continue
        cites.append(CiteDecl(item_number, cite_date, subject, loc))

    key = f"{folder}/{stem}"
    anchors = set(ANCHOR_RE.findall(md.body))
    for offset, message in anchor_problems(md.body):
        diags.error(Loc(rel, md.body_line + offset), message)
    actions = []
    for index, (item, loc) in enumerate(f.items("actions")):
        action = _read_action(item, loc, key, index, rel, names, diags)
        if action:
            actions.append(action)
            if action.para and md.body.strip() and action.para not in anchors:
                diags.error(loc, f"paragraph anchor {{#d-{action.para}}} of this action is not in the text")
    _check_action_ids(actions, diags)

    fulfills, fulfil_details = _request_refs(f, diags)
    effective_on_signing = isinstance(md.meta.get("effective"), str) and \
        md.meta.get("effective").strip() == ON_SIGNING
    effective = issued if effective_on_signing else f.period("effective")
    if effective and issued and effective.end < issued.start:
        f.error("effective", f"effective {effective} ends before the document was issued ({issued}); "
                             "a date the text gives for its changes is on or after its issue")
    disputed = _disputes(f, rel, len(sources), diags)
    inferred: dict[str, str] = {}
    marks = f.mapping("inferred")
    if marks is not None:
        for name in marks.data:
            why = marks.text(name)
            if name not in INFERRABLE_FIELDS or not f.has(name):
                marks.error(name, f"inferred: {name!r} is not a field of this document that can be "
                                  f"inferred; one of {', '.join(n for n in INFERRABLE_FIELDS if f.has(n))}")
            elif not why:
                marks.error(name, f"inferred: say why {name!r} is read into the sources")
            else:
                inferred[name] = why

    former: list[tuple[str, Loc]] = []  # addresses this record had before: they redirect here
    for item, loc in f.items("former"):
        if (not isinstance(item, str) or not DOC_REF_RE.match(item) or item == key
                or item.partition("/")[2] in RESERVED_NAMES or name_problem(item.partition("/")[2])):
            diags.error(loc, "former takes the document references this record had before it was "
                             "renamed or renumbered, such as 2019/ket-luan-ttg (not its own)")
        elif item not in (ref for ref, _ in former):
            former.append((item, loc))

    title = f.text("title", required=f.has("title"))  # present but empty: say so
    if not (doc_type and issued and issuer and title) or not ID_RE.match(stem):
        return None
    return Document(
        key=key, year=issued.year, stem=stem, path=rel, loc=Loc(rel, 1), number=number,
        type=doc_type, title=title, title_descriptive=f.flag("title_descriptive"),
        issuer=issuer, issued=issued, meeting=f.period("meeting"), signer=signer,
        sources=sources, cites=cites, fulfills=fulfills, actions=actions,
        body=md.body, body_line=md.body_line, anchors=anchors, field_lines=dict(md.meta.lines),
        former=former, effective=effective, fulfil_details=fulfil_details, disputed=disputed,
        serial=serial, effective_on_signing=effective_on_signing, inferred=inferred,
    )


# `{#d-` or `{: #d-` begins what an editor meant as a paragraph anchor (one char class each: linear)
_ANCHOR_START = re.compile(r"\{:?[ \t]*#d-")
_LIST_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|[0-9]+[.)])[ \t]")


def _indent(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def anchor_problems(body: str) -> list[tuple[int, str]]:
    """(line offset in the body, message) for every paragraph anchor the site would not give
    its paragraph: the Markdown attribute list reads `{#d-…}` only at the very end of a
    paragraph, a list item or a heading, so one elsewhere is shown as text, the links to it
    lead nowhere and the strict build fails without naming the record. Also a malformed
    anchor (`{#d-Mục 1}`), and an anchor written twice (two elements, one id)."""
    out: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    lines = body.split("\n")
    in_list, previous_blank = False, True
    for number, line in enumerate(lines):
        if not line.strip():
            previous_blank = True
            continue
        indent = _indent(line)
        if indent < 4:
            in_list = bool(_LIST_ITEM.match(line)) or (in_list and not previous_blank)
        code = indent >= 4 and previous_blank and not in_list
        previous_blank = False
        starts = [m.start() for m in _ANCHOR_START.finditer(line)]
        for start in starts:
            anchor = ANCHOR_RE.match(line, start)
            if anchor is None:
                out.append((number, f"malformed paragraph anchor {line[start:start + 40]!r}: write "
                                    "{#d-<id>} with an id of lower-case letters, digits and '-'"))
                continue
            name = anchor.group(1)
            if name in seen:
                out.append((number, f"paragraph anchor {{#d-{name}}} is already on line "
                                    f"{seen[name] + 1} of the text: each paragraph has its own"))
                continue
            seen[name] = number
            following = lines[number + 1] if number + 1 < len(lines) else ""
            heading = line.lstrip().startswith("#")
            ends_block = heading or not following.strip() or following.lstrip().startswith("#") or (
                in_list and bool(_LIST_ITEM.match(following)))
            if line[anchor.end():].strip() or not ends_block:
                out.append((number, f"paragraph anchor {{#d-{name}}} must end its paragraph, list item "
                                    "or heading: put it at the end of the paragraph's last line, "
                                    "followed by an empty line"))
            elif code or line.lstrip().startswith("|"):
                out.append((number, f"paragraph anchor {{#d-{name}}} is in "
                                    f"{'an indented (code) block' if code else 'a table row'}, where "
                                    "it is shown as text: put it at the end of a paragraph"))
    return out


def _request_refs(f: Fields, diags: Diagnostics) -> tuple[list[tuple[str, Loc]], dict[str, Fulfilment]]:
    """The `fulfills` list of a document or a citation: references to request actions, each
    either a string (the whole request) or {request, changes?, inferred?}."""
    refs, details = [], {}
    for item, loc in f.items("fulfills"):
        changes: list[str] = []
        inferred = None
        if isinstance(item, LMap):
            m = Fields(item, f.path, diags, "fulfilment", loc.line)
            m.only(FULFIL_FIELDS)
            ref = m.text("request", True)
            for change, cloc in m.items("changes"):
                if isinstance(change, str) and ID_RE.match(change):
                    changes.append(change)
                else:
                    diags.error(cloc, "changes takes the ids of the directed actions this document "
                                      "enacts (the actions with pending: <request id>)")
            inferred = m.text("inferred")
            if m.has("inferred") and not inferred:
                m.error("inferred", "inferred: say why the relation is read into the texts")
            item = ref
        if not isinstance(item, str) or "#" not in item or not DOC_REF_RE.match(item.partition("#")[0]):
            diags.error(loc, "fulfills takes '<year>/<file>#<action id>' references, or "
                             "{request: '<year>/<file>#<action id>', changes: [<ids>]}")
        else:
            refs.append((item, loc))
            details[item] = Fulfilment(item, changes, inferred, loc)
    return refs, details


def _disputes(f: Fields, rel: str, sources: int, diags: Diagnostics) -> list[Dispute]:
    """Facts the sources report differently: each claim with the source that makes it."""
    out = []
    for item, loc in f.items("disputed"):
        d = Fields(item, rel, diags, "disputed fact", loc.line)
        d.only(DISPUTE_FIELDS)
        what = d.text("what", True)
        claims = []
        for claim, cloc in d.items("claims"):
            c = Fields(claim, rel, diags, "claim", cloc.line)
            c.only(CLAIM_FIELDS)
            says, source = c.text("says", True), _whole_number(c.data.get("source"))
            if source is None or not 1 <= source <= sources:
                c.error("source", f"claim: source is the number of the source that says it, 1 to "
                                  f"{sources} in this document's sources list")
                continue
            if says:
                claims.append(Claim(says, source))
        if what and len(claims) < 2:
            d.error("claims", "disputed: give at least two claims, each {says: …, source: <n>}")
        elif what:
            out.append(Dispute(what, claims, loc))
    return out


def _fold_abbr(abbr: str) -> str:
    return fold(abbr).upper()


def _read_action(item, loc: Loc, doc: str, index: int, rel: str, names: Names,
                 diags: Diagnostics) -> Action | None:
    f = Fields(item, rel, diags, "action", loc.line)
    if not isinstance(item, LMap):
        return None
    if DRAFT_MARK in item:
        f.error(DRAFT_MARK, "draft action proposed by `register import`: check it against the "
                            f"text, complete it, then delete the line '{DRAFT_MARK}: true'")
    kinds = [k for k in item if k in ACTION_KINDS]
    if len(kinds) != 1:
        unknown = [k for k in item if k not in (*ACTION_COMMON_FIELDS, DRAFT_MARK)]
        hint = suggest(unknown[0], ACTION_KINDS) if unknown else ""
        f.error(None, "an action needs exactly one kind: " + ", ".join(ACTION_KINDS) +
                (f"; found {', '.join(map(repr, unknown))}{hint}" if unknown else ""))
        return None
    kind = kinds[0]
    f.only((*ACTION_COMMON_FIELDS, DRAFT_MARK, kind))
    action = ACTION_CLASSES[kind](doc=doc, index=index, loc=loc,
                                  para=f.text("para"), id=f.ident("id"), pending=f.ident("pending"),
                                  effective=f.period("effective"), inferred=f.text("inferred"))
    if f.has("inferred") and not action.inferred:
        f.error("inferred", "inferred: say why the action is read into the text")
    if action.para and not ID_RE.match(action.para):
        f.error("para", f"para {action.para!r} must be lower-case letters, digits and '-'")
        action.para = None
    a = f.mapping(kind)
    if a is None:
        f.error(kind, f"{kind!r} must be a mapping of its fields")
        return None
    action.loc = f.loc(kind)
    required, optional = ACTION_FIELDS[kind]
    a.only(required + optional)
    for key in required:
        if not a.has(key):
            a.error(None, f"{kind}: missing required field {key!r}")
    agencies, bodies = names.agencies, names.bodies

    if "task" in required:
        value = a.data.get("task")
        if isinstance(value, LMap):
            t = Fields(value, rel, diags, "task", a.loc("task").line)
            t.only(TASK_FIELDS)
            action.task, action.title = t.page_id("id", True), t.text("title", True)
            if action.task and not action.title:
                action.task = None
        else:
            action.task = a.ident("task")
    if kind in ("establish", "appoint", "relieve", "scope", "compose") or (
            kind in ("holds", "designate", "rename", "withdraw") and a.has("body")):
        action.body = a.ref("body", bodies, "body")
    if kind in ("holds", "rename") and a.has("agency"):
        action.agency = a.ref("agency", agencies, "agency")
    if kind in ("holds", "rename") and bool(a.has("body")) == bool(a.has("agency")):
        a.error(None, f"{kind}: give either body or agency")
    if kind == "rename":
        action.name, action.short, action.abbr = a.text("name", True), a.text("short"), a.text("abbr")
    if kind == "compose":
        _read_composition(a, action, names)
    if "post" in required:
        post = a.ident("post")
        if post and action.body and action.body in bodies and post not in bodies[action.body].posts:
            a.error("post", f"unknown post {post!r} of body {action.body!r}"
                            f"{suggest(post, bodies[action.body].posts)}")
            post = None
        if post and isinstance(action, Holds) and action.agency \
                and post not in agencies[action.agency].posts:
            a.error("post", f"unknown post {post!r} of agency {action.agency!r}"
                            f"{suggest(post, agencies[action.agency].posts)}")
            post = None
        action.post = post
    if "holder" in required:
        action.holder = _holder(a, names)
    if kind in ("designate", "withdraw"):
        action.agency = a.ref("agency", agencies, "agency")
        action.role = a.text("role")
        if action.role and action.body in bodies and action.role not in bodies[action.body].roles:
            a.error("role", f"unknown role {action.role!r} of body {action.body!r}"
                            f"{suggest(action.role, bodies[action.body].roles)}")
    if kind == "designate":
        action.replaces = a.ref("replaces", agencies, "agency")
        if action.replaces and action.replaces == action.agency:
            a.error("replaces", f"designate: agency {action.agency!r} cannot replace itself in a role; "
                                "name the agency that held the role before, or leave 'replaces' out")
            action.replaces = None
    if kind == "establish":
        action.replaces = a.ref("replaces", bodies, "body")
        if action.replaces and action.replaces == action.body:
            a.error("replaces", f"establish: body {action.body!r} cannot replace itself; name the body "
                                "it replaced (a body set up again under a new act is a new body, with "
                                "its own id in bodies.yml)")
            action.replaces = None
    if kind == "scope":
        action.add = a.text("add")
    if kind in ("assign", "request"):
        action.lead = a.ref("lead", agencies, "agency")
        for value, wloc in a.items("with"):
            if isinstance(value, str) and value in agencies:
                action.with_.append(value)
            else:
                diags.error(wloc, f"unknown agency {value!r}{suggest(str(value), agencies)}")
        action.due = a.period("due")
        action.due_phrase = a.text("due_phrase")
        if kind == "assign" and not action.lead and not action.with_:
            a.error(None, "assign: give a lead agency, or co-operating agencies ('with')")
        if kind == "assign" and action.title and not action.lead:
            a.error("task", "assign: a task declared here needs a lead agency")
    if kind == "transfer":
        action.from_ = a.ref("from", agencies, "agency")
        action.to = a.ref("to", agencies, "agency")
        if a.has("effective"):
            action.effective = a.period("effective")
        if action.from_ and action.from_ == action.to:
            a.error("to", "transfer: from and to are the same agency")
    if kind in ("amend", "replace", "repeal", "request"):
        action.target = a.text("target")
        if action.target and not (parse_number(action.target) or DOC_REF_RE.match(action.target)):
            a.error("target", f"target {action.target!r} is neither a document number nor a "
                              "document reference such as 2019/8540-tb-vpcp")
            action.target = None
        action.what = a.text("what")
        if kind == "request":
            action.title = a.text("title")
            if not action.target and not action.title:
                a.error(None, "request: give the target document or the title of the one to draft")
            if action.what and action.what not in REQUEST_WHAT:
                a.error("what", f"request: 'what' is one of {', '.join(REQUEST_WHAT)}")
    if kind == "report":
        action.status = a.text("status")
        if action.status and action.status not in REPORT_STATUSES:
            a.error("status", f"report: status is one of {', '.join(REPORT_STATUSES)}")
        action.date = a.period("date")
        action.text = a.text("text")
    if kind == "holds":
        action.date = a.period("date")
    return action


def _whole_number(value) -> int | None:
    """A count as the record gives it (the reader keeps every scalar as text)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value.strip()) < 7:
        return int(value.strip())
    return None


def _read_composition(a: Fields, action: Compose, names: Names) -> None:
    """A stated ("kiện toàn") composition: its seats, as many as the source lists, and the
    count when the source gives one; the members listed are the whole unless fewer than it."""
    body = names.bodies.get(action.body) if action.body else None
    seen: dict[str, int] = {}
    for item, loc in a.items("members"):
        m = Fields(item, a.path, a.diags, "member", loc.line)
        m.only(MEMBER_FIELDS)
        post = m.ident("post", True)
        if post and body and post not in body.posts:
            m.error("post", f"unknown post {post!r} of body {body.id!r}{suggest(post, body.posts)}")
            continue
        if post is None:
            continue
        holder = _holder(m, names) if m.has("holder") else None
        seen[post] = seen.get(post, 0) + 1
        if body and seen[post] > 1 and not body.posts[post].several:
            m.error("post", f"compose: post {post!r} of {body.id!r} has one holder; it is listed "
                            "twice (allow several holders in bodies.yml if the text gives several)")
            continue
        action.members.append(Member(post, holder))
    count = a.data.get("count")
    if count is not None:
        count = _whole_number(count)
        if count is None or count < 1:
            a.error("count", "compose: count is the number of members the source gives, e.g. 19")
            count = None
        elif count < len(action.members):
            a.error("count", f"compose: count {count} is less than the {len(action.members)} members "
                             "listed")
            count = None
    action.count = count
    if not action.members and count is None:
        a.error(None, "compose: list the members (post and holder), or give their count when the "
                      "source gives only that")
    complete = a.data.get("complete")
    if complete is not None and not isinstance(complete, bool):
        a.error("complete", "compose: complete is true or false")
        complete = None
    if complete is None:
        complete = bool(action.members) and (count is None or count == len(action.members))
    elif complete and (not action.members or (count is not None and count != len(action.members))):
        a.error("complete", f"compose: complete is true but {len(action.members)} of "
                            f"{count if count is not None else '?'} members are listed")
        complete = False
    action.complete = complete


def _holder(a: Fields, names: Names) -> Holder | None:
    h = a.mapping("holder")
    if h is None:
        return None
    h.only(HOLDER_FIELDS)
    person = h.ref("person", names.people, "person")
    office = h.text("office")
    if office and office not in names.offices:
        h.error("office", f"unknown office {office!r}: write <agency id>/<post id> of a post "
                          f"declared in agencies.yml{suggest(office, names.offices)}")
        office = None
    if not h.has("person") and not h.has("office"):
        h.error(None, "holder: give a person, an office, or both")
    if person is None and office is None:
        return None
    return Holder(person, office)


def _check_action_ids(actions: list[Action], diags: Diagnostics) -> None:
    seen: dict[str, Action] = {}
    for action in actions:
        if action.id:
            if action.id in seen:
                diags.error(action.loc, f"action id {action.id!r} is used twice in this document "
                                        f"(first on line {seen[action.id].loc.line})")
            seen[action.id] = action
    for action in actions:
        if action.pending:
            target = seen.get(action.pending)
            if not isinstance(target, Request):
                diags.error(action.loc, f"pending: {action.pending!r} is not the id of a request "
                                        "action in this document")
                action.pending = None
    # a request waiting on itself, or requests waiting on each other, would never take effect
    waits = {action.id: [action.pending] for action in actions if action.id and action.pending}
    for loop in cycles(waits):
        for at, ident in enumerate(loop):
            action = seen[ident]
            what = "on itself" if len(loop) == 1 else f"in a loop ({chain(loop[at:] + loop[:at])})"
            diags.error(action.loc, f"pending: request {ident!r} waits {what}, so it would never take "
                                    "effect; an action waits on the request whose fulfilment enacts it")
            action.pending = None
