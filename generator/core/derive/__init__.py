"""Derive: what follows from the records — relations both ways, custody of tasks, posts over time,
deadlines and timelines. Plain data in, plain data out; impossible histories are diagnostics."""
from __future__ import annotations

from dataclasses import dataclass

from generator.core.derive.amendments import check_amendment_cycles
from generator.core.derive.chronology import Chronology, derive_chronology
from generator.core.derive.custody import Custody, derive_custody
from generator.core.derive.names import Names, derive_names
from generator.core.derive.relations import Relations, derive_relations
from generator.core.derive.tenures import Tenures, derive_tenures
from generator.core.diagnostics import Diagnostics
from generator.core.model import Register


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
