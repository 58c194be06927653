"""Loops in the register's relations: a parent chain, a replacement or a wait that comes back to
where it started. Records name each other freely (a pull request may make any of them point
anywhere), so every such relation is walked once and its loops are named for `check`."""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TypeVar

N = TypeVar("N", bound=Hashable)


def cycles(edges: Mapping[N, Iterable[N]], order: Callable[[N], object] = str) -> list[list[N]]:
    """The loops of a directed graph (`edges`: node -> the nodes it points to), each as the
    list of its nodes from the first one reached; a node pointing to itself is a loop of one.
    One depth-first walk, started from the nodes in `order`: time linear in nodes and edges,
    and the same loops in the same order for the same records."""
    state: dict[N, int] = {}                 # 1: on the current path, 2: done
    found: list[list[N]] = []
    for start in sorted(edges, key=order):
        if state.get(start):
            continue
        path: list[N] = [start]
        position = {start: 0}
        stack = [iter(sorted(edges.get(start, ()), key=order))]
        state[start] = 1
        while stack:
            target = next(stack[-1], None)
            if target is None:
                stack.pop()
                node = path.pop()
                del position[node]
                state[node] = 2
                continue
            if state.get(target) == 1:
                found.append(path[position[target]:])
            elif not state.get(target):
                state[target] = 1
                position[target] = len(path)
                path.append(target)
                stack.append(iter(sorted(edges.get(target, ()), key=order)))
    return found


def chain(loop: list[N]) -> str:
    """`a → b → a`: a loop as a message shows it."""
    return " → ".join(str(node) for node in [*loop, loop[0]])
