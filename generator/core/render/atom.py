"""One Atom 1.0 writer (RFC 4287) for both of the site's feeds: the newest documents
(export.atom_feed) and the recent changes (render/history.render_feed).

Every text and attribute passes through text_rules.xml_text, so a record's value can never make
the feed invalid XML; the output is deterministic (no clock is read here)."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.core.text_rules import xml_text

ATOM = "http://www.w3.org/2005/Atom"
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class AtomFeed:
    def __init__(self, *, lang: str, feed_id: str, title: str, updated: str, author: str,
                 self_href: str, alternate_href: str):
        ET.register_namespace("", ATOM)
        self.root = ET.Element(f"{{{ATOM}}}feed", {_LANG: lang})
        self.sub(self.root, "id", feed_id)
        self.sub(self.root, "title", title)
        self.sub(self.root, "updated", updated)
        self.sub(self.sub(self.root, "author"), "name", author)
        self.sub(self.root, "link", rel="self", type="application/atom+xml", href=self_href)
        self.sub(self.root, "link", rel="alternate", type="text/html", href=alternate_href)
        self.sub(self.root, "generator", "egov-register")

    @staticmethod
    def sub(parent: ET.Element, name: str, value: str | None = None, **attrs: str) -> ET.Element:
        """A child element in the Atom namespace; `type_`-style names lose their underscore."""
        element = ET.SubElement(parent, f"{{{ATOM}}}{name}",
                                {key.rstrip("_"): xml_text(v) for key, v in attrs.items()})
        if value is not None:
            element.text = xml_text(value)
        return element

    def entry(self, *, entry_id: str, title: str, updated: str, author: str) -> ET.Element:
        entry = self.sub(self.root, "entry")
        self.sub(entry, "id", entry_id)
        self.sub(entry, "title", title)
        self.sub(entry, "updated", updated)
        self.sub(self.sub(entry, "author"), "name", author)
        return entry

    def text(self) -> str:
        ET.indent(self.root)
        return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(self.root, encoding="unicode") + "\n"
