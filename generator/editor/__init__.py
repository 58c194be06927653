"""Editor tools: `register import` (a draft record from a text), `register new` (an empty
record), and the records' JSON Schema."""
