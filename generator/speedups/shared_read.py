"""Reading a large register with the other core: the second half of the documents is read by a
forked child (beside.py) while this process reads the first. A reader for core.read.load's
load_register(read=…); the plain one is load.read_here, which this falls back to below a few
hundred documents (a child's start costs more than it saves) and when the child fails."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from generator.core.read.documents import Names
from generator.core.read.load import Read, read_documents
from generator.speedups.beside import BesideError, BesideStream

SHARED_READ_FROM = 200  # documents: below this a child's start costs more than it saves
READ_BATCH = 100  # documents: a batch's pickle (about 0.5 MB) fits the pipe (beside.py) whole


def read_batches(root: Path, files: list[str], names: Names) -> Iterator[Read]:
    for start in range(0, len(files), READ_BATCH):
        yield read_documents(root, files[start:start + READ_BATCH], names)


def read_shared(root: Path, files: list[str], names: Names) -> list[Read]:
    """`files` read in batches, the second half's by a forked child on the other core.

    The child sends each batch as it is read, and this process takes what has arrived between
    two of its own: pickling and unpickling then overlap the reading. Sent as one answer at
    the end (25 MB at 10,000 documents), they were waited for: loading took 8.5 s, now 8.0."""
    if len(files) < SHARED_READ_FROM:
        return [read_documents(root, files, names)]
    split = len(files) // 2
    there = BesideStream(read_batches, root, files[split:], names)
    if not there.forked:
        return list(read_batches(root, files, names))
    here, theirs = [], []
    try:
        for batch in read_batches(root, files[:split], names):
            here.append(batch)
            theirs += there.ready()  # the pipe drained: the child need not wait for room
        while True:
            try:
                theirs.append(there.next())
            except StopIteration:
                break
    except BesideError:  # read here: a fault shows itself here, whole
        there.abandon()
        theirs = list(read_batches(root, files[split:], names))
    return here + theirs
