"""pytest plugin: collects flow conversation tests (filled in by the flow-authoring work)."""
