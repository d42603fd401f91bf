"""Numbered, append-only schema migrations. Never edit one that has shipped; add a new one."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database


def _m001_sessions_and_turns(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            mentee TEXT NOT NULL,
            flow TEXT NOT NULL,
            flow_version INTEGER NOT NULL,
            flow_path TEXT NOT NULL,
            step TEXT NOT NULL,
            phase TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'completed', 'stopped')),
            vals TEXT NOT NULL DEFAULT '{}',
            state TEXT NOT NULL DEFAULT '{}',
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            ended_at TEXT,
            previous_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE turns (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('coach', 'mentee')),
            text TEXT NOT NULL,
            step TEXT NOT NULL,
            phase TEXT NOT NULL,
            at TEXT NOT NULL,
            canonical TEXT,
            rephrased INTEGER NOT NULL DEFAULT 0,
            guard_ok INTEGER,
            guard_reasons TEXT,
            model_sha256 TEXT,
            prompt TEXT,
            UNIQUE (session_id, n)
        )
        """
    )
    db.execute("CREATE INDEX sessions_mentee ON sessions (mentee, status)")


MIGRATIONS: list[tuple[str, Callable[[Database], None]]] = [
    ("001_sessions_and_turns", _m001_sessions_and_turns),
]
