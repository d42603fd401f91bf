"""Tools for flow authors: graphs, conversation tests, fuzzing, scaffolding, live reload."""
