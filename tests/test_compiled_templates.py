"""A preview keeps Material's compiled templates from one rebuild to the next
(page_shell.CompiledTemplates), and never serves a page from a template as it was before an
edit to the theme's templates or under other settings."""
from __future__ import annotations

import jinja2

from generator.speedups.page_shell import CompiledTemplates

PAGE = "{% for x in items %}\n  <li>{{ x }}</li>\n{% endfor %}\n"


def _env(templates: dict[str, str], cache: CompiledTemplates, trim: bool = False) -> jinja2.Environment:
    """As MkDocs makes one for each build: a new environment, its settings, then the cache."""
    env = jinja2.Environment(loader=jinja2.DictLoader(templates), auto_reload=False)
    env.trim_blocks = env.lstrip_blocks = trim
    env.bytecode_cache = cache
    return env


def test_a_rebuild_takes_the_compiled_template_and_renders_the_same(monkeypatch):
    cache = CompiledTemplates()
    first = _env({"page.html": PAGE}, cache).get_template("page.html").render(items=[1, 2])
    compiled = []
    real = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, *a, **k: compiled.append(a[1:2]) or real(self, *a, **k))
    again = _env({"page.html": PAGE}, cache).get_template("page.html").render(items=[1, 2])
    assert again == first == "\n  <li>1</li>\n\n  <li>2</li>\n"
    assert compiled == []


def test_an_edited_template_or_other_settings_are_compiled_anew():
    cache = CompiledTemplates()
    _env({"page.html": PAGE}, cache).get_template("page.html").render(items=[1])
    edited = PAGE.replace("<li>", "<li class=x>")
    assert _env({"page.html": edited}, cache).get_template("page.html").render(items=[1]) == \
        "\n  <li class=x>1</li>\n"
    assert _env({"page.html": edited}, cache, trim=True).get_template("page.html").render(items=[1]) == \
        "  <li class=x>1</li>\n"
