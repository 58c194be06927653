"""Pagefind indexing the pages while MkDocs builds them, on the machine's other core.

Run after the build, Pagefind read back every page the build had just written (a gigabyte of
HTML at 10,000 documents, nine tenths of it navigation) to index one hidden block of each. Its
service mode (`pagefind --service`, the protocol its Python and Node packages speak) takes the
pages one by one instead: each page's search block (render/search_meta.py) is sent as the
build converts the page, Pagefind indexes it in its own process meanwhile, and writes the index
while MkDocs renders the pages' templates.

The `pagefind` package's own client waits 0.1 s between two answers, 36 minutes for 22,000
pages, so this is a small synchronous client of the same protocol: each message is a base64
JSON object followed by a comma, on stdin; the answers come back the same way on stdout,
read by a thread and kept only when they are errors.

Pagefind holds every page's words until it writes, then needs four times as much to write
them: 2.7 GB for the 22,000 pages of a 10,000-document register. A large site's index is
therefore split into parts (`parts_for`): each page goes to the part its address hashes to,
so every part is a like sample of the site and their scores compare; the parts are written one
after another, each dropped once written, so that only one part's writing is in memory at a
time. The browser merges them (assets/search.js, Pagefind's mergeIndex).

Pagefind reads a query word its index does not hold as a shorter one ("chuyen" as "chu"), so a
part lacking a word that other parts hold would answer with pages the whole index would not
find. Each part therefore also holds a lexicon page with every word of the site, which the
search box leaves out of every answer by its filter (LEXICON_FILTER): every part then holds
every word, and a query means the same in each part as in the whole index.
"""
from __future__ import annotations

import base64
import html
import json
import re
import subprocess
import threading
import zlib
from pathlib import Path

__all__ = ["INDEX_PATH", "LEXICON_FILTER", "PAGES_PER_PART", "PagefindService", "PagefindServiceError",
           "part_path", "parts_for", "search_url"]

LEXICON_FILTER = "register-lexicon"  # assets/search.js leaves out the pages with this filter
_TAG = re.compile(r"<[^>]*>")

# Pages per part of the index: Pagefind writing 5,500 pages of a 10,000-document register
# needed about 600 MB on top of the words it held (1.3 GB at the peak, against 2.7 GB whole).
PAGES_PER_PART = 6000


def parts_for(pages: int, per_part: int = PAGES_PER_PART) -> int:
    """How many parts an index of `pages` pages is split into: one for all but large sites."""
    return max(1, -(-pages // max(1, per_part)))


INDEX_PATH = "pagefind"  # the index's folder in the site


def part_path(part: int) -> str:
    """Where part `part` of the index is, from the site's root: the first in pagefind/ itself,
    the others in folders beside its files (pagefind/part-1/ …). The search box is told these
    (plugin.py), and the build writes there."""
    return INDEX_PATH if part == 0 else f"{INDEX_PATH}/part-{part}"


def search_url(site_path: str) -> str:
    """A page's address as Pagefind names a page it reads from a site: from the root, without
    index.html. `site_path` is the page's URL or file relative to the site's root."""
    url = "/" + site_path
    return url[:-len("index.html")] if url.endswith("/index.html") or url == "/index.html" else url


class PagefindServiceError(RuntimeError):
    pass


class PagefindService:
    """One Pagefind index in `parts` parts, fed page by page (`add`), then written into a
    site (`start_writing`, `finish`; part_path says where in it)."""

    def __init__(self, lang: str, parts: int = 1):
        try:
            from pagefind.service import get_executable
            executable = get_executable()
        except ImportError:
            executable = None
        if executable is None:
            raise PagefindServiceError("Pagefind is not installed: pip install -e . installs pagefind[bin]")
        try:
            self._process = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        except OSError as exc:
            raise PagefindServiceError(f"could not run Pagefind: {exc}") from exc
        self._lang = lang
        self._sent = 0
        self._answers: dict[int, dict] = {}   # the answers waited for
        self._waiting: set[int] = set()
        self._errors: list[str] = []
        self._answered = 0
        self._done = threading.Condition()
        self._reader = threading.Thread(target=self._read, name="pagefind-answers", daemon=True)
        self._reader.start()
        self.parts = max(1, parts)
        self._indexes = [self._call({"type": "NewIndex", "config": None})["index_id"]
                         for _ in range(self.parts)]
        self._words: set[str] = set()  # of every page, for each part's lexicon page

    def add(self, url: str, block: str) -> None:
        """Index the page at `url` (from the site's root, "/van-ban/…/"), whose search block is
        `block`: the one part of a page Pagefind reads (data-pagefind-body)."""
        part = zlib.crc32(url.encode("utf-8")) % self.parts  # the same part every build
        self._add_file(self._indexes[part], url, block)
        if self.parts > 1:
            self._words.update(html.unescape(_TAG.sub(" ", block)).split())

    def _add_lexicons(self) -> None:
        words = html.escape(" ".join(sorted(self._words)))
        self._words = set()
        block = (f'<div data-pagefind-body><span data-pagefind-filter="{LEXICON_FILTER}:1"></span>'
                 f"<p>{words}</p></div>")
        for part, index in enumerate(self._indexes):
            self._add_file(index, f"/{INDEX_PATH}/lexicon-{part}/", block)

    def _add_file(self, index: int, url: str, block: str) -> None:
        page = (f'<!DOCTYPE html><html lang="{self._lang}"><head><meta charset="utf-8"></head>'
                f"<body>{block}</body></html>")
        self._send({"type": "AddFile", "index_id": index, "url": url, "file_contents": page,
                    "file_path": None})

    def start_writing(self, site_dir: Path) -> None:
        """Once every page is indexed, have Pagefind write the index into the site at
        `site_dir`, and return while it writes: MkDocs has its pages' templates to render
        meanwhile."""
        if self.parts > 1:
            self._add_lexicons()
        self._flush()
        with self._done:
            self._done.wait_for(lambda: self._answered >= self._sent or self._stopped)
        if self._errors:
            self.close()
            raise PagefindServiceError(f"Pagefind failed on {len(self._errors)} page(s): {self._errors[0]}")
        self._writing = threading.Thread(target=self._write, args=(site_dir,), name="pagefind-writing",
                                         daemon=True)
        self._writing.start()

    def _write(self, site_dir: Path) -> None:
        # one part after another: each is dropped from Pagefind's memory once written
        try:
            for part, index in enumerate(self._indexes):
                self._call({"type": "WriteFiles", "index_id": index,
                            "output_path": str(site_dir / part_path(part))})
                self._call({"type": "DeleteIndex", "index_id": index})
        except PagefindServiceError as exc:
            self._write_error = exc

    def finish(self, site_dir: Path) -> None:
        """Wait until the index is written into the site at `site_dir` (asking for it now if
        start_writing was not called), and stop Pagefind."""
        if self._writing is None:
            self.start_writing(site_dir)
        self._writing.join()
        self.close()
        if self._write_error is not None:
            raise self._write_error

    _writing: threading.Thread | None = None
    _write_error: PagefindServiceError | None = None

    def close(self) -> None:
        if self._process.poll() is None:
            try:
                self._process.stdin.close()
                self._process.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self._process.kill()
                self._process.wait()

    # --- the protocol ------------------------------------------------------------------------

    def _send(self, payload: dict) -> int:
        self._sent += 1
        message = {"message_id": self._sent, "payload": payload}
        try:
            self._process.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        except (BrokenPipeError, ValueError) as exc:
            raise PagefindServiceError(f"Pagefind stopped: {self._last_words()}") from exc
        return self._sent

    def _flush(self) -> None:
        try:
            self._process.stdin.flush()
        except (BrokenPipeError, ValueError) as exc:
            raise PagefindServiceError(f"Pagefind stopped: {self._last_words()}") from exc

    def _call(self, payload: dict) -> dict:
        return self._answer(self._ask(payload))

    def _ask(self, payload: dict) -> int:
        with self._done:
            self._waiting.add(self._sent + 1)  # before the answer can come
        number = self._send(payload)
        self._flush()
        return number

    def _answer(self, number: int) -> dict:
        with self._done:
            self._done.wait_for(lambda: number in self._answers or self._stopped)
            answer = self._answers.pop(number, None)
        if answer is None:
            raise PagefindServiceError(f"Pagefind stopped: {self._last_words()}")
        if answer.get("type") == "Error":
            raise PagefindServiceError(f"Pagefind failed: {answer.get('message')}")
        return answer

    def _read(self) -> None:
        pending = b""
        stream = self._process.stdout
        while True:
            chunk = stream.read1(1 << 16)
            if not chunk:
                break
            pending += chunk
            *messages, pending = pending.split(b",")
            for raw in messages:
                try:
                    answer = json.loads(base64.b64decode(raw))
                except ValueError:
                    self._unparsed = raw[-500:]
                    continue
                number, payload = answer.get("message_id"), answer.get("payload") or {}
                with self._done:
                    self._answered += 1
                    if number in self._waiting:
                        self._waiting.discard(number)
                        self._answers[number] = payload
                    elif payload.get("type") == "Error":
                        self._errors.append(str(payload.get("message")))
                    self._done.notify_all()
        if pending.strip():
            self._unparsed = pending[-500:]  # what it said as it stopped
        with self._done:
            self._stopped = True
            self._done.notify_all()

    _unparsed = b""
    # Set by the reader when Pagefind's output ends. The waits test this, never whether the
    # process has exited: a process can close its output a moment before it can be reaped, and
    # a wait that tested poll() then slept forever (CI timed out on it).
    _stopped = False

    def _last_words(self) -> str:
        self._reader.join(timeout=5)  # what it said before it stopped
        try:
            code = self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = None
        said = self._unparsed.decode("utf-8", "replace").strip()
        how = f"exit code {code}" if code is not None else "its output closed"
        return how + (f": {said}" if said else "")
