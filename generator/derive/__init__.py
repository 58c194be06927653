"""Derive: what follows from the records — relations both ways, custody of tasks, posts over time,
deadlines and timelines. Plain data in, plain data out; impossible histories are diagnostics."""
from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Diagnostics
from ..model import Register
from ..relations import Relations, derive_relations
from .chronology import Chronology, derive_chronology
from .custody import Custody, derive_custody
from .names import Names, derive_names
from .tenures import Tenures, derive_tenures
from .amendments import check_amendment_cycles


@dataclass
class Derived:
    relations: Relations
    custody: Custody
    tenures: Tenures
    chronology: Chronology
    names: Names


def derive(register: Register, diags: Diagnostics) -> Derived:
    relations = derive_relations(register)
    chronology = derive_chronology(register, relations)
    custody = derive_custody(register, relations, chronology, diags)
    tenures = derive_tenures(register, relations, chronology, diags)
    check_amendment_cycles(register, diags)
    names = derive_names(register, chronology)
    return Derived(relations, custody, tenures, chronology, names)
