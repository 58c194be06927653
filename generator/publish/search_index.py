"""Build step: the Pagefind index of a built site (the plugin finishes it after every build).

Pagefind (`pagefind[bin]` on PyPI, a dependency) indexes, of each page, the search block
render/search_meta.py writes, fed to it during the build (pagefind_service.py), and writes a
chunked index to <site>/pagefind/: a browser fetches only the chunks a query needs. The block
stays in each built page too, so `python -m pagefind --site site` can index a published site
from its pages alone. See README, "Search".
"""
from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

from generator.publish.pagefind_service import PagefindService, PagefindServiceError, part_path

__all__ = ["SearchIndexError", "build_search_index"]


class SearchIndexError(RuntimeError):
    pass


def build_search_index(site_dir: Path, service: PagefindService) -> None:
    """Finish the index of the pages `service` was fed during the build (pagefind_service.py)
    into `site_dir`/pagefind; raise SearchIndexError with Pagefind's own words on failure."""
    try:
        service.finish(site_dir)
    except PagefindServiceError as exc:
        raise SearchIndexError(f"search index: {exc}") from exc
    for part in range(service.parts):
        folder = site_dir / part_path(part)
        if not (folder / "pagefind-entry.json").is_file():
            raise SearchIndexError(f"search index: Pagefind wrote no index into {folder}")
        if not sort_filters(folder):  # a Pagefind this was not written for: say so, loudly
            raise SearchIndexError(
                f"search index: the index Pagefind wrote into {folder} is not in the format "
                "search_index.sort_filters knows (gzip of 'pagefind_dcd' + CBOR arrays); its filter "
                "files would differ from build to build. Install the Pagefind of requirements.lock, "
                "or teach sort_filters the new format")


# --- reproducible index ----------------------------------------------------------------------
#
# Pagefind 1.5 writes each filter's values, and the list of filters in its metadata file, in the
# order of a Rust HashMap, which is random per run: two builds of one commit differed in
# pagefind/filter/*, pagefind.<hash>.pf_meta and pagefind-entry.json, so a reviewer could not
# rebuild the published site byte for byte. The order means nothing to a search (the browser
# reads them into maps), so they are sorted here and the files renamed after their new content,
# the way Pagefind names them. The files are gzip("pagefind_dcd" + CBOR) holding only arrays,
# text and unsigned integers; anything else is left exactly as Pagefind wrote it.

_MAGIC = b"pagefind_dcd"


def sort_filters(index: Path) -> bool:
    """Put Pagefind's filter values and filter list in sorted order; False (nothing changed)
    when the index is not in the format this was written for."""
    entry_path = index / "pagefind-entry.json"
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        plan = {lang: _sorted_language(index, lang, info["hash"])
                for lang, info in entry["languages"].items()}
    except (OSError, ValueError, KeyError, TypeError, IndexError, _NotCbor):
        return False
    for lang, (meta_hash, files, obsolete) in plan.items():
        for path, data in files.items():
            if not path.exists():
                path.write_bytes(data)
        for path in obsolete - set(files):
            path.unlink()
        entry["languages"][lang]["hash"] = meta_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True


def _sorted_language(index: Path, lang: str, meta_hash: str) -> tuple[str, dict[Path, bytes], set[Path]]:
    """The new metadata hash, the files to write and the files they replace, for one language."""
    meta_path = index / f"pagefind.{meta_hash}.pf_meta"
    meta = _read(meta_path)
    filters = meta[3]  # [version, pages, index chunks, filters, sorts, meta fields]
    if not all(isinstance(f, list) and len(f) == 2 and all(isinstance(x, str) for x in f) for f in filters):
        raise _NotCbor("filters")
    files: dict[Path, bytes] = {}
    obsolete = {meta_path}
    renamed = []
    for name, old_hash in sorted(filters):
        old_path = index / "filter" / f"{old_hash}.pf_filter"
        filter_name, values = _read(old_path)
        data = _write([filter_name, sorted(values, key=lambda v: v[0])])
        new_hash = f"{lang}_{hashlib.sha256(data).hexdigest()[:7]}"
        files[index / "filter" / f"{new_hash}.pf_filter"] = data
        obsolete.add(old_path)
        renamed.append([name, new_hash])
    meta[3] = renamed
    data = _write(meta)
    new_meta_hash = f"{lang}_{hashlib.sha256(data).hexdigest()[:10]}"
    files[index / f"pagefind.{new_meta_hash}.pf_meta"] = data
    return new_meta_hash, files, obsolete


class _NotCbor(ValueError):
    pass


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_MAGIC):
        raise _NotCbor(path.name)
    value, end = _decode(raw, len(_MAGIC))
    if end != len(raw) or _encode(value) != raw[len(_MAGIC):]:  # only what is understood is rewritten
        raise _NotCbor(path.name)
    return value


def _write(value: Any) -> bytes:
    return gzip.compress(_MAGIC + _encode(value), compresslevel=9, mtime=0)


def _decode(data: bytes, pos: int) -> tuple[Any, int]:
    major, info = data[pos] >> 5, data[pos] & 31
    pos += 1
    if info < 24:
        n = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        n = int.from_bytes(data[pos:pos + size], "big")
        pos += size
    else:
        raise _NotCbor("indefinite length")
    if major == 0:
        return n, pos
    if major == 3:
        return data[pos:pos + n].decode("utf-8"), pos + n
    if major == 4:
        items = []
        for _ in range(n):
            item, pos = _decode(data, pos)
            items.append(item)
        return items, pos
    raise _NotCbor(f"CBOR major type {major}")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if n < 1 << (8 << (info - 24)):
            return bytes([major << 5 | info]) + struct.pack(fmt, n)
    raise _NotCbor("integer too large")


def _encode(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        raise _NotCbor(repr(value))
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(v) for v in value)
    raise _NotCbor(type(value).__name__)
