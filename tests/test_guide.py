"""The editor guide: in the site under "Biên tập", covering the editor's commands and linking
the published schema."""
from __future__ import annotations

import yaml

from conftest import ROOT, page_html, page_text

GUIDE = ROOT / "content" / "huong-dan-bien-tap.md"


def test_the_guide_is_in_the_nav_under_bien_tap():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    section = next(item["Biên tập"] for item in config["nav"] if isinstance(item, dict) and "Biên tập" in item)
    assert any("huong-dan-bien-tap.md" in entry.values() for entry in section if isinstance(entry, dict))


def test_the_guide_covers_the_workflow():
    text = GUIDE.read_text(encoding="utf-8")
    for words in ("register import", "register new", "register check", "register serve",
                  "draft: true", "transfer:", "appoint:", "relieve:", "amend:", "request:",
                  "pending:", "fulfills:", "due_phrase", "schema/ban-ghi.json",
                  "yaml-language-server"):
        assert words in text, words


def test_the_guide_is_built_with_working_schema_links(built_site):
    html = page_html(built_site, "huong-dan-bien-tap")
    assert 'href="../schema/ban-ghi.json"' in html and 'href="../schema/co-quan.json"' in html
    text = page_text(built_site, "huong-dan-bien-tap")
    assert "Ghi một chuyển giao nhiệm vụ" in text and "Ghi một bổ nhiệm" in text
    assert "Ghi một sửa đổi" in text and "Thông báo của register check" in text
