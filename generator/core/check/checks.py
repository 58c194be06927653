"""Cross-record checks: what no single file can tell (duplicates, tasks over time, requests)."""
from __future__ import annotations

from generator.core.check.loops import chain, cycles
from generator.core.diagnostics import Diagnostics, Loc
from generator.core.model import ON_TASK, WITH_DUE, Document, Establish, Register, Request, Task
from generator.core.read.fields import suggest


def check_register(register: Register, diags: Diagnostics) -> None:
    _unique_numbers(register, diags)
    _declare_tasks(register, diags)
    _due_dates(register, diags)
    _fulfilments(register, diags)
    _replacement_loops(register, diags)


def chronological(documents: dict[str, Document]) -> list[Document]:
    """Documents by issue date, then key: the order in which their facts took effect."""
    return sorted(documents.values(), key=lambda d: (d.issued.start, d.issued.end, d.key))


def _unique_numbers(register: Register, diags: Diagnostics) -> None:
    seen: dict[tuple[int, str], Document] = {}
    for doc in chronological(register.documents):
        if doc.number is None:
            continue
        key = (doc.year, doc.number.match_key)
        if key in seen:
            first = seen[key]
            diags.error(Loc(doc.path, doc.line("number")),
                        f"{doc.number.text} of {doc.year} is already {first.path}: numbers restart "
                        "every year, but one year has each number once")
        else:
            seen[key] = doc


def _declare_tasks(register: Register, diags: Diagnostics) -> None:
    for doc in chronological(register.documents):
        for action in doc.actions:
            if isinstance(action, ON_TASK) and action.task and action.title:
                first = register.tasks.get(action.task)
                if first is not None:
                    diags.error(action.loc, f"task {action.task!r} is declared twice: first in "
                                            f"{first.declared_by.loc.path}:{first.declared_by.loc.line}; "
                                            "name it here by its id only")
                else:
                    register.tasks[action.task] = Task(action.task, action.title, action)
    for doc in register.documents.values():
        for action in doc.actions:
            if isinstance(action, ON_TASK) and action.task and not action.title \
                    and action.task not in register.tasks:
                diags.error(action.loc, f"unknown task {action.task!r}{suggest(action.task, register.tasks)}; "
                                        "declare it where it is first assigned or transferred: "
                                        "task: {id: …, title: …}")
                action.task = None


def _due_dates(register: Register, diags: Diagnostics) -> None:
    """A deadline cannot end before the decision that sets it. A conclusion notice's decisions
    were taken at the meeting, which may be weeks before the notice is issued (139/TB-VPCP of
    3 April 2020 sets deadlines in Quý I 2020 for the meeting of 12 February 2020)."""
    for doc in register.documents.values():
        decided = doc.meeting or doc.issued
        for action in doc.actions:
            if isinstance(action, WITH_DUE) and action.due and action.due.end < decided.start:
                when = f"the meeting ({doc.meeting})" if doc.meeting else f"the document was issued ({doc.issued})"
                diags.error(action.loc, f"due {action.due} is before {when}")


def _fulfilments(register: Register, diags: Diagnostics) -> None:
    fulfils: dict[str, list[str]] = {}               # document -> the documents whose requests it fulfils
    where: dict[tuple[str, str], list[tuple[str, Loc]]] = {}
    for doc in register.documents.values():
        for ref, loc in doc.fulfills:
            request = register.action(ref)
            through = ""
            if register.canonical(ref) != ref:
                through = (f" ({ref.partition('#')[0]} is now {register.canonical(ref).partition('#')[0]}, "
                           "by its former:)")
            if not isinstance(request, Request):
                diags.error(loc, f"fulfills {ref!r}{through}: no request action with that id")
                continue
            detail = doc.fulfil_details.get(ref)
            directed = {a.id for a in register.documents[request.doc].actions
                        if a.pending == request.id and a.id}
            for change in detail.changes if detail else []:
                if change not in directed:
                    diags.error(loc, f"fulfills {ref!r}{through}: {change!r} is not the id of a change "
                                     f"directed pending this request; its changes with ids are "
                                     f"{', '.join(sorted(directed)) or 'none (give them ids)'}")
            if request.doc == doc.key:
                diags.error(loc, f"fulfills {ref!r}: a document cannot fulfil its own request; list "
                                 "the request under 'fulfills' of the document that carries it out")
                continue
            requesting = register.documents[request.doc]
            if doc.issued.end < requesting.issued.start:
                diags.error(loc, f"fulfills {ref!r}: this document ({doc.issued}) was issued before "
                                 f"the request ({requesting.issued})")
                continue
            fulfils.setdefault(doc.key, []).append(request.doc)
            where.setdefault((doc.key, request.doc), []).append((ref, loc))
    # documents that fulfil each other's requests: each would have to come after the other
    for loop in cycles(fulfils):
        for at, key in enumerate(loop):
            for ref, loc in where[(key, loop[(at + 1) % len(loop)])]:
                diags.error(loc, f"fulfills {ref!r}: the documents fulfil each other's requests in a "
                                 f"loop ({chain(loop[at:] + loop[:at])}); a request is fulfilled by a "
                                 "later document: keep the 'fulfills' the texts state")


def _replacement_loops(register: Register, diags: Diagnostics) -> None:
    """Bodies that replace each other in a loop (A replaces B, B replaces A): each would have
    ended the other. A body set up again later is a new body, with its own id."""
    edges: dict[str, list[str]] = {}
    by_edge: dict[tuple[str, str], list] = {}
    for doc in register.documents.values():
        for action in doc.actions:
            if isinstance(action, Establish) and action.body and action.replaces:
                edges.setdefault(action.body, []).append(action.replaces)
                by_edge.setdefault((action.body, action.replaces), []).append(action)
    for loop in cycles(edges):
        for at, body in enumerate(loop):
            replaced = loop[(at + 1) % len(loop)]
            for action in by_edge[(body, replaced)]:
                diags.error(action.loc, f"establish: body {body!r} replaces {replaced!r}, but the "
                                        f"replacements loop ({chain(loop[at:] + loop[:at])}); a body "
                                        "set up again is a new body: give it its own id in bodies.yml")
