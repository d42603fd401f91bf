"""Transcripts in SQLite: every SQL statement coach runs, and the schema's migrations."""

import sys


def _load_sqlite_utils() -> None:
    """Import sqlite-utils without numpy and pandas.

    sqlite-utils imports them, if installed, only to map their column types, which coach never
    stores; llama-cpp-python installs numpy, and importing it costs 80-250 ms of every start-up.
    They are hidden while sqlite-utils loads; importing them later works as usual.
    """
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]


_load_sqlite_utils()
