"""The faces over the core: the MkDocs plugin, the `register` command line, and the preview
(`register serve`)."""
