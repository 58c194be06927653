"""Writing Markdown safely: record values are text, never markup."""
from __future__ import annotations

import json

# Characters that Markdown, HTML, attr_list, tables or Jinja-like templates could read as syntax.
_ENTITIES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;",
    "{": "&#123;", "}": "&#125;", "|": "&#124;", "#": "&#35;", "!": "&#33;", "~": "&#126;",
    "^": "&#94;", "=": "&#61;", "+": "&#43;", ":": "&#58;",
}
_TABLE = str.maketrans(_ENTITIES)


def text(value: object) -> str:
    """A record value as inline Markdown that shows exactly its characters."""
    return " ".join(str(value).split()).translate(_TABLE)


def link(label: str, target: str) -> str:
    """A Markdown link whose label is escaped text; targets come from urls.py only."""
    return f"[{text(label)}]({target})"


def front_matter(**meta: object) -> str:
    """Page metadata (JSON is valid YAML, so any title is safe)."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def table(header: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return ""
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out) + "\n"
