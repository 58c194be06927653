"""The layer contract: the core (read, check, derive, render) is plain Python, data in and data
out. Nothing it imports, however indirectly, is MkDocs, Jinja2, Python-Markdown, a file
watcher, or one of the faces over it (the MkDocs plugin, the CLI, the preview) or the
page-speed machinery that parses its Markdown back (render/direct.py, render/prerender.py).

Read from the source with `ast`, so a new import that breaks the contract fails here with the
chain that leads to it."""
from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "generator"
CORE = ("generator.model", "generator.load", "generator.checks", "generator.derive",
        "generator.render", "generator.render.document", "generator.render.bodies",
        "generator.export")
FORBIDDEN_OUTSIDE = ("mkdocs", "jinja2", "markdown", "watchdog", "pymdownx", "material")
FORBIDDEN_INSIDE = ("generator.plugin", "generator.cli", "generator.cli_editor", "generator.preview",
                    "generator.preview_helper", "generator.preview_pages", "generator.preview_watch",
                    "generator.page_shell", "generator.converting", "generator.render.direct",
                    "generator.render.prerender")


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
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
                    found.add(target)
                    found.update(f"{target}.{alias.name}" for alias in node.names)
                elif node.module:
                    found.add(node.module)
        graph[module] = found
    return graph


def _chain(graph: dict[str, set[str]], start: str, bad) -> list[str] | None:
    """The first chain of imports from `start` to a module `bad` accepts, or None."""
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


@pytest.mark.parametrize("module", CORE)
def test_the_core_imports_no_engine_and_no_face(module):
    graph = _imports()
    assert module in graph, f"{module} is not a module of the package"

    def bad(target: str) -> bool:
        return (target.split(".")[0] in FORBIDDEN_OUTSIDE
                or any(target == f or target.startswith(f + ".") for f in FORBIDDEN_INSIDE))

    chain = _chain(graph, module, bad)
    assert chain is None, " → ".join(chain)


def test_the_contract_can_fail():
    """The faces do import MkDocs: the check above sees imports."""
    graph = _imports()
    assert _chain(graph, "generator.plugin", lambda t: t.split(".")[0] == "mkdocs")
