"""Rendering a large register with the other core: a forked child (beside.py) renders the
second half of the pages while this process renders the first, for core.render's
render_site(split=…). Below a few hundred documents a child's start costs more than it saves,
and a build whose other core makes the open data meanwhile does not split (a third process on
two cores made a 10,000-document build 14 s slower): the face decides (faces/plugin.py)."""
from __future__ import annotations

from generator.core.model import Register
from generator.core.render import Job, render_part
from generator.speedups.beside import Beside

SHARED_RENDER_FROM = 200  # documents


def fork_half(register: Register, jobs: list[Job]) -> Beside | None:
    """A child rendering the second half of `jobs` (it inherits them by the fork), or None."""
    if len(register.documents) < SHARED_RENDER_FROM:
        return None
    return Beside(render_part, jobs, 1, 2)
