"""The core: plain data in, plain data out. `read` turns the records (and the git history)
into the model, `check` finds what no single file can tell, `derive` works out what follows
(relations, chronology, custody, posts over time, names), `render` writes the pages. It imports
no engine (MkDocs, Jinja2, Markdown) and no face (tests/test_layers.py holds it to that)."""
