"""Controlled vocabularies of the record format, with their Vietnamese and English names."""
from __future__ import annotations

# type id -> (Vietnamese name, English name, abbreviation carried in the number or None)
DOCUMENT_TYPES: dict[str, tuple[str, str, str | None]] = {
    "thong-bao": ("Thông báo", "Notice", "TB"),
    "quyet-dinh": ("Quyết định", "Decision", "QĐ"),
    "nghi-quyet": ("Nghị quyết", "Resolution", "NQ"),
    "nghi-dinh": ("Nghị định", "Decree", "NĐ"),
    "chi-thi": ("Chỉ thị", "Directive", "CT"),
    "thong-tu": ("Thông tư", "Circular", "TT"),
    "ke-hoach": ("Kế hoạch", "Plan", "KH"),
    "bao-cao": ("Báo cáo", "Report", "BC"),
    "cong-van": ("Công văn", "Official letter", None),
}

ACTION_KINDS = (
    "establish", "appoint", "relieve", "holds", "designate", "scope",
    "assign", "transfer", "amend", "replace", "repeal", "request", "report",
    "compose", "rename", "withdraw",
)

# fields each action kind accepts; the first group is required
ACTION_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "establish": (("body",), ("replaces",)),
    "appoint": (("body", "post", "holder"), ()),
    "relieve": (("body", "post", "holder"), ()),
    "holds": (("post", "holder"), ("body", "agency", "date")),
    "designate": (("role", "agency"), ("body", "replaces")),
    "scope": (("body", "add"), ()),
    "assign": (("task",), ("lead", "with", "due", "due_phrase")),
    "transfer": (("task", "from", "to"), ("effective",)),
    "amend": (("target",), ("what",)),
    "replace": (("target",), ("what",)),
    "repeal": (("target",), ("what",)),
    "request": (("lead",), ("target", "title", "what", "with", "due", "due_phrase")),
    "report": (("task", "status"), ("date", "text")),
    "compose": (("body",), ("members", "count", "complete")),
    "rename": (("name",), ("body", "agency", "short", "abbr")),
    "withdraw": (("role", "agency"), ("body",)),
}

REPORT_STATUSES = ("done", "in-progress", "note")
REQUEST_WHAT = ("draft", "amend", "replace", "repeal")
SOURCE_KINDS = ("official", "republished", "press")
# what the record's text is of its source: the page's heading says which the reader sees
SOURCE_TEXTS = ("full", "excerpt", "summary", "translation")

DOCUMENT_FIELDS = (
    "number", "type", "title", "title_descriptive", "issuer", "issued", "meeting", "signer",
    "sources", "cites", "actions", "fulfills", "former", "effective", "disputed", "inferred",
)
# the fields of a document whose value an editor may infer (document-level `inferred:`)
INFERRABLE_FIELDS = ("number", "type", "title", "issuer", "issued", "meeting", "signer", "effective")
REQUIRED_DOCUMENT_FIELDS = ("type", "title", "issuer", "issued", "sources")

# fields of the parts of a record; the reader and the JSON Schema (schema.py) both use these
ACTION_COMMON_FIELDS = ("para", "id", "pending", "effective", "inferred")
SIGNER_FIELDS = ("person", "as")
SOURCE_FIELDS = ("kind", "title", "url", "author", "date", "part", "file", "text")
CITE_FIELDS = ("number", "date", "subject", "fulfills")
TASK_FIELDS = ("id", "title")
HOLDER_FIELDS = ("person", "office")
FULFIL_FIELDS = ("request", "changes", "inferred")
MEMBER_FIELDS = ("post", "holder")
DISPUTE_FIELDS = ("what", "claims")
CLAIM_FIELDS = ("says", "source")

# fields of the entries of the three registries
AGENCY_FIELDS = ("name", "short", "abbr", "aliases", "parent", "posts", "note")
PERSON_FIELDS = ("name", "aliases", "note")
BODY_FIELDS = ("name", "short", "abbr", "aliases", "parent", "posts", "roles", "note")
BODY_POST_FIELDS = ("title", "several")

# `register import` marks the actions it proposes with `draft: true`; check refuses them until
# an editor has confirmed each one against the text and deleted the mark
DRAFT_MARK = "draft"
