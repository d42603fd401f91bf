"""Flow files: YAML loaded with line numbers, validated, and turned into the spec a machine runs."""
