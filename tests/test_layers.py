"""The layer contract, read from the source with `ast` (imports, however indirect):

- the core (generator.core: read, check, derive, render) imports no engine (MkDocs, Material,
  Python-Markdown, watchdog) and nothing of the faces, the editor tools, publishing or the
  speed-ups: a face hands the core a speed-up (load_register(read=…), render_site(split=…));
  it writes HTML from templates with a Jinja2 environment of its own (render/markup.py, the
  one module that imports Jinja2), never the theme's;
- publishing imports no face and no editor tool;
- the editor tools import no face.

A new import that breaks the contract fails here with the chain that leads to it."""
from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "generator"
ENGINES = ("mkdocs", "markdown", "watchdog", "pymdownx", "material")


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _imports() -> dict[str, frozenset[str]]:
    graph: dict[str, frozenset[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        module = _module(path)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)
        graph[module] = frozenset(found)
    return graph


def _inside(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _chain(start: str, bad) -> list[str] | None:
    """The first chain of imports from `start` to a module `bad` accepts, or None."""
    graph = _imports()
    seen, stack = {start}, [[start]]
    while stack:
        path = stack.pop()
        for target in sorted(graph.get(path[-1], ())):
            if bad(target):
                return path + [target]
            if target in graph and target not in seen:
                seen.add(target)
                stack.append(path + [target])
    return None


def _modules(package: str) -> list[str]:
    return sorted(m for m in _imports() if _inside(m, package))


RULES = {
    "generator.core": lambda t: (t.split(".")[0] in ENGINES or any(
        _inside(t, f"generator.{layer}") for layer in ("faces", "editor", "publish", "speedups"))),
    "generator.publish": lambda t: _inside(t, "generator.faces") or _inside(t, "generator.editor"),
    "generator.editor": lambda t: _inside(t, "generator.faces"),
}


@pytest.mark.parametrize("module", [m for package in RULES for m in _modules(package)])
def test_each_layer_imports_only_what_lies_below_it(module):
    package = next(p for p in RULES if _inside(module, p))
    chain = _chain(module, RULES[package])
    assert chain is None, " → ".join(chain)


def test_only_the_cores_template_module_imports_jinja2():
    users = sorted(m for m in _imports() if _inside(m, "generator.core")
                   and any(t.split(".")[0] == "jinja2" for t in _imports()[m]))
    assert users == ["generator.core.render.markup"]


def test_the_layout_is_the_architecture():
    packages = {m.split(".")[1] for m in _imports() if m.count(".") >= 1}
    assert packages == {"core", "publish", "faces", "editor", "speedups"}


def test_the_contract_can_fail():
    """The faces do import MkDocs, and the MkDocs plugin the core: the check sees imports."""
    assert _chain("generator.faces.plugin", lambda t: t.split(".")[0] == "mkdocs")
    assert _chain("generator.faces.plugin", lambda t: _inside(t, "generator.core"))
