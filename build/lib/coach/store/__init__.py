"""Transcripts in SQLite: every SQL statement coach runs, and the schema's migrations."""
