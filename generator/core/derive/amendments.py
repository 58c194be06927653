"""Amendments between documents in the register: a document cannot amend itself, directly or
through a chain of amendments."""
from __future__ import annotations

from generator.core.diagnostics import Diagnostics
from generator.core.model import Change, Register


def check_amendment_cycles(register: Register, diags: Diagnostics) -> None:
    edges: dict[str, list] = {}
    for doc in register.documents.values():
        for action in doc.actions:
            if not isinstance(action, Change):
                continue
            if action.target_key == doc.key:
                diags.error(action.loc, f"{action.kind}: the target {action.target!r} is this document "
                                        f"itself; a document cannot {action.kind} itself: give the "
                                        "document it changes")
                continue
            if action.target_key in register.documents:
                edges.setdefault(doc.key, []).append(action)
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    for start in sorted(edges):
        if state.get(start):
            continue
        stack = [(start, iter(edges.get(start, [])))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            action = next(children, None)
            if action is None:
                stack.pop()
                path.pop()
                state[node] = 2
                continue
            target = action.target_key
            if state.get(target) == 1:
                cycle = path[path.index(target):] + [target]
                diags.error(action.loc, "amendments form a cycle: " + " → ".join(cycle))
            elif not state.get(target):
                state[target] = 1
                path.append(target)
                stack.append((target, iter(edges.get(target, []))))
