"""Speed-ups: a forked child on the other core (beside.py), the Markdown the core writes turned
into HTML without Python-Markdown (direct, prerender, converting), and Material's templates
rendered once per folder (page_shell). Each has a plain path beside it, which the tests compare."""
