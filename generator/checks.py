"""Cross-record checks: what no single file can tell (duplicates, tasks over time, requests)."""
from __future__ import annotations

from .diagnostics import Diagnostics, Loc
from .fields import suggest
from .model import Action, Document, Register, Task


def check_register(register: Register, diags: Diagnostics) -> None:
    _unique_numbers(register, diags)
    _declare_tasks(register, diags)
    _task_custody(register, diags)
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


def action_date(action: Action, doc: Document):
    """When an action takes effect: its own date where it has one, else the document's issue."""
    if action.effective:
        return action.effective.start
    return doc.issued.start


def _task_custody(register: Register, diags: Diagnostics) -> None:
    """Replay assignments and transfers in date order: a task moves only from its holder."""
    events = []
    for doc in register.documents.values():
        for action in doc.actions:
            if action.task and action.kind in ("assign", "transfer", "report"):
                declaring = bool(action.title)
                events.append(((action_date(action, doc), doc.issued.start, doc.key,
                                0 if declaring else 1, action.index), doc, action))
    events.sort(key=lambda e: e[0])
    holder: dict[str, tuple[str, Action]] = {}
    declared: set[str] = set()
    for _, doc, action in events:
        task = action.task
        declaring_action = register.tasks[task].declared_by
        if action.title:
            declared.add(task)
        elif task not in declared:
            diags.error(action.loc, f"task {task!r} is used on {action_date(action, doc)} but declared "
                                    f"later, in {declaring_action.loc.path}:{declaring_action.loc.line}")
            continue
        if action.kind == "assign" and action.lead:
            holder[task] = (action.lead, action)
        elif action.kind == "transfer":
            current = holder.get(task)
            if current and not action.title and current[0] != action.from_:
                since = current[1]
                diags.error(action.loc, f"transfer of task {task!r} from {action.from_!r}, but on "
                                        f"{action_date(action, doc)} it is held by {current[0]!r} "
                                        f"(since {since.loc.path}:{since.loc.line})")
                continue
            holder[task] = (action.to, action)


def _due_dates(register: Register, diags: Diagnostics) -> None:
    for doc in register.documents.values():
        for action in doc.actions:
            if action.due and action.due.end < doc.issued.start:
                diags.error(action.loc, f"due {action.due} is before the document was issued ({doc.issued})")


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
