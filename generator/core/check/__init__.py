"""Check: what needs the whole register (duplicates, tasks over time, requests, loops, the
published addresses, the source texts on disk)."""
