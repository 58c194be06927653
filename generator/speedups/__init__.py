"""Speed-ups, behind the plugin's one switch (`fast_build: auto|on|off`): work forked onto the
other core (beside.py for the open data, shared_read.py for reading, shared_render.py for
rendering), and Material's templates rendered once per folder of pages (page_shell.py). Each
checks what it relies on and falls back to the plain path with an info line; the plain path is
what `fast_build: off` builds, and tests/test_fast_build.py compares the two page by page."""
