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
}

REPORT_STATUSES = ("done", "in-progress", "note")
REQUEST_WHAT = ("draft", "amend", "replace", "repeal")
SOURCE_KINDS = ("official", "republished", "press")

DOCUMENT_FIELDS = (
    "number", "type", "title", "title_descriptive", "issuer", "issued", "meeting", "signer",
    "sources", "cites", "actions", "fulfills", "former",
)
REQUIRED_DOCUMENT_FIELDS = ("type", "title", "issuer", "issued", "sources")
