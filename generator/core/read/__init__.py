"""Read: the records, the registries, the source texts' citations and the git history, each
into plain data, every problem a `path:line` diagnostic."""
