"""Build step: the Pagefind index of a built site (the plugin runs it after every build).

Pagefind (`pagefind[bin]` on PyPI, a dependency) reads the built HTML — of each page, the hidden
block render/search_meta.py writes — and writes a chunked index to <site>/pagefind/: a browser
fetches only the chunks a query needs. See README, "Search".
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

__all__ = ["SearchIndexError", "build_search_index"]


class SearchIndexError(RuntimeError):
    pass


def build_search_index(site_dir: Path) -> None:
    """Index `site_dir` in place; raise SearchIndexError with Pagefind's own words on failure."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"search index: could not run Pagefind: {exc}") from exc
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip()
        if "No module named pagefind" in said:
            said = "Pagefind is not installed: pip install -e . installs pagefind[bin]"
        raise SearchIndexError(f"search index: Pagefind failed ({done.returncode}): {said}")
    if not (site_dir / "pagefind" / "pagefind.js").is_file():
        raise SearchIndexError(f"search index: Pagefind wrote no index into {site_dir / 'pagefind'}")
