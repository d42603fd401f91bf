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


def _m002_shares_config_review(db: Database) -> None:
    # Mentee side: the share log (with a copy of exactly what left) and settings such as retention.
    db.execute(
        """
        CREATE TABLE shares (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            mentee TEXT NOT NULL,
            mentor_name TEXT NOT NULL,
            mentor_key TEXT NOT NULL,
            scope TEXT NOT NULL CHECK (scope IN ('summary', 'full')),
            session_ids TEXT NOT NULL,
            redactions TEXT NOT NULL,
            withheld TEXT NOT NULL,
            expires_at TEXT,
            out_path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            payload TEXT,
            revoked_at TEXT,
            erased_at TEXT
        )
        """
    )
    # In the schema, not in Python, so no code path can delete a session and keep its words here.
    db.execute(
        """
        CREATE TRIGGER shares_erase_with_session AFTER DELETE ON sessions BEGIN
            UPDATE shares SET payload = NULL, erased_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
            WHERE payload IS NOT NULL
              AND EXISTS (SELECT 1 FROM json_each(shares.session_ids) WHERE value = OLD.id);
        END
        """
    )
    db.execute("CREATE TABLE config (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)")
    # Mentor side: bundles opened with `coach review`, kept until they expire, searchable.
    db.execute(
        """
        CREATE TABLE review_bundles (
            share TEXT PRIMARY KEY,
            mentee_name TEXT NOT NULL,
            mentee_key TEXT NOT NULL,
            scope TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT,
            opened_at TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            payload TEXT NOT NULL
        )
        """
    )
    db.execute(
        "CREATE VIRTUAL TABLE review_fts USING fts5("
        "text, share UNINDEXED, session UNINDEXED, n UNINDEXED, role UNINDEXED, tokenize='unicode61')"
    )


MIGRATIONS.append(("002_shares_config_review", _m002_shares_config_review))
