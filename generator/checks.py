"""Cross-record checks: what no single file can tell (duplicates, tasks over time, requests)."""
from __future__ import annotations

from .diagnostics import Diagnostics, Loc
from .fields import suggest
from .model import Document, Register, Task


def check_register(register: Register, diags: Diagnostics) -> None:
    _unique_numbers(register, diags)
    _declare_tasks(register, diags)
    _due_dates(register, diags)
    _fulfilments(register, diags)


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
            if action.task and action.title:
                first = register.tasks.get(action.task)
                if first is not None:
                    diags.error(action.loc, f"task {action.task!r} is declared twice: first in "
                                            f"{first.declared_by.loc.path}:{first.declared_by.loc.line}; "
                                            "name it here by its id only")
                else:
                    register.tasks[action.task] = Task(action.task, action.title, action)
    for doc in register.documents.values():
        for action in doc.actions:
            if action.task and not action.title and action.task not in register.tasks:
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
            if action.due and action.due.end < decided.start:
                when = f"the meeting ({doc.meeting})" if doc.meeting else f"the document was issued ({doc.issued})"
                diags.error(action.loc, f"due {action.due} is before {when}")


def _fulfilments(register: Register, diags: Diagnostics) -> None:
    for doc in register.documents.values():
        for ref, loc in doc.fulfills:
            request = register.action(ref)
            if request is None or request.kind != "request":
                diags.error(loc, f"fulfills {ref!r}: no request action with that id")
                continue
            requesting = register.documents[request.doc]
            if doc.issued.end < requesting.issued.start:
                diags.error(loc, f"fulfills {ref!r}: this document ({doc.issued}) was issued before "
                                 f"the request ({requesting.issued})")
