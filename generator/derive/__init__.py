"""Derive: what follows from the records — relations both ways, custody of tasks, posts over time,
deadlines and timelines. Plain data in, plain data out; impossible histories are diagnostics."""
from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Diagnostics
from ..model import Register
from ..relations import Relations, derive_relations
from .custody import Custody, derive_custody
from .tenures import Tenures, derive_tenures
from .amendments import check_amendment_cycles


@dataclass
class Derived:
    relations: Relations
    custody: Custody
    tenures: Tenures


def derive(register: Register, diags: Diagnostics) -> Derived:
    relations = derive_relations(register)
    custody = derive_custody(register, relations, diags)
    tenures = derive_tenures(register, relations, diags)
    check_amendment_cycles(register, diags)
    return Derived(relations, custody, tenures)
