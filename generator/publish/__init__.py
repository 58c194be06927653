"""Publish: the open data (JSON, CSV, Atom), the search index, and writing the site folder
safely."""
