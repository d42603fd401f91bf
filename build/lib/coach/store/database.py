"""Transcripts in SQLite: sessions, turns and state snapshots, written before the next question."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from coach.errors import NotFound, StoreError
from coach.store.migrations import MIGRATIONS

STATUSES = ("active", "paused", "completed", "stopped")
RESUMABLE = ("active", "paused")


def now() -> str:
    """UTC timestamp, ISO 8601 with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class Turn:
    """One line of the transcript."""

    role: str
    text: str
    step: str
    phase: str
    canonical: str | None = None
    rephrased: bool = False
    guard_ok: bool | None = None
    guard_reasons: list[str] = field(default_factory=list)
    model_sha256: str | None = None
    prompt: str | None = None


def open_db(path: Path | str) -> Database:
    """Open (creating 0600) a transcript database in WAL mode, migrated to the latest schema."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            # Create it private before SQLite does; -wal/-shm files inherit this mode.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        db = Database(path)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA secure_delete=ON")
        db.execute("PRAGMA busy_timeout=5000")
        migrate(db)
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path}: cannot use this file as a coach database ({e})") from None
    except OSError as e:
        raise StoreError(f"{path}: {e.strerror or e}") from None
    return db


def memory_db() -> Database:
    """An in-memory database with the full schema (for tests and benchmarks)."""
    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys=ON")
    migrate(db)
    return db


def migrate(db: Database) -> list[str]:
    """Apply pending migrations in order; return the names applied."""
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {r[0] for r in db.execute("SELECT name FROM _migrations").fetchall()}
    applied = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        with db.atomic():
            fn(db)
            db.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", [name, now()])
        applied.append(name)
    return applied


class Store:
    """Reads and writes sessions and turns. Takes a Database so tests can pass an in-memory one."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def path(self) -> str:
        """The database file (':memory:' for an in-memory one)."""
        row = self.db.execute("PRAGMA database_list").fetchone()
        return str(row[2]) if row and row[2] else ":memory:"

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open the database at ``path``."""
        return cls(open_db(path))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic, durable write."""
        with self.db.atomic():
            yield

    # --- sessions ----------------------------------------------------------------------

    def create_session(
        self, *, mentee: str, flow: str, flow_version: int, flow_path: str, step: str, phase: str,
        values: dict[str, Any], state: dict[str, Any], previous_id: int | None = None,
    ) -> int:
        """Insert a new active session and return its id."""
        t = now()
        cur = self.db.execute(
            "INSERT INTO sessions (mentee, flow, flow_version, flow_path, step, phase, status, vals,"
            " state, started_at, updated_at, previous_id) VALUES (?,?,?,?,?,?,'active',?,?,?,?,?)",
            [mentee, flow, flow_version, flow_path, step, phase, json.dumps(values),
             json.dumps(state), t, t, previous_id],
        )
        return int(cur.lastrowid or 0)

    def session(self, session_id: int) -> dict[str, Any]:
        """One session row, with ``values`` and ``state`` decoded."""
        rows = list(self.db.query("SELECT * FROM sessions WHERE id = ?", [session_id]))
        if not rows:
            raise NotFound(f"no session {session_id} (see: coach sessions)")
        return _decode(rows[0])

    def sessions(self, mentee: str | None = None) -> list[dict[str, Any]]:
        """Every session, newest first."""
        sql = "SELECT * FROM sessions"
        params: list[Any] = []
        if mentee is not None:
            sql += " WHERE mentee = ?"
            params.append(mentee)
        return [_decode(r) for r in self.db.query(sql + " ORDER BY id DESC", params)]

    def latest_resumable(self, mentee: str) -> int | None:
        """The newest active or paused session of a mentee."""
        row = self.db.execute(
            "SELECT id FROM sessions WHERE mentee = ? AND status IN ('active','paused')"
            " ORDER BY updated_at DESC, id DESC LIMIT 1", [mentee],
        ).fetchone()
        return int(row[0]) if row else None

    def last_completed(self, mentee: str) -> dict[str, Any] | None:
        """The newest completed session of a mentee."""
        row = list(self.db.query(
            "SELECT * FROM sessions WHERE mentee = ? AND status = 'completed' ORDER BY id DESC LIMIT 1",
            [mentee],
        ))
        return _decode(row[0]) if row else None

    def save(
        self, session_id: int, *, step: str, phase: str, values: dict[str, Any],
        state: dict[str, Any], status: str = "active", turns: list[Turn] = (),  # type: ignore[assignment]
    ) -> None:
        """Append turns and snapshot the session in one durable transaction."""
        t = now()
        with self.db.atomic():
            n = self._next_n(session_id)
            for turn in turns:
                self.db.execute(
                    "INSERT INTO turns (session_id, n, role, text, step, phase, at, canonical, rephrased,"
                    " guard_ok, guard_reasons, model_sha256, prompt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [session_id, n, turn.role, turn.text, turn.step, turn.phase, t, turn.canonical,
                     int(turn.rephrased), None if turn.guard_ok is None else int(turn.guard_ok),
                     json.dumps(turn.guard_reasons) if turn.guard_reasons else None,
                     turn.model_sha256, turn.prompt],
                )
                n += 1
            ended = t if status in ("completed", "stopped") else None
            self.db.execute(
                "UPDATE sessions SET step=?, phase=?, vals=?, state=?, status=?, updated_at=?,"
                " ended_at=COALESCE(?, ended_at) WHERE id=?",
                [step, phase, json.dumps(values), json.dumps(state), status, t, ended, session_id],
            )

    def set_status(self, session_id: int, status: str) -> None:
        """Change a session's status (pause, stop)."""
        ended = now() if status in ("completed", "stopped") else None
        self.db.execute(
            "UPDATE sessions SET status=?, updated_at=?, ended_at=COALESCE(?, ended_at) WHERE id=?",
            [status, now(), ended, session_id],
        )

    def _next_n(self, session_id: int) -> int:
        row = self.db.execute("SELECT COALESCE(MAX(n), 0) FROM turns WHERE session_id = ?", [session_id]).fetchone()
        return int(row[0]) + 1

    # --- turns -------------------------------------------------------------------------

    def turns(self, session_id: int) -> list[dict[str, Any]]:
        """The transcript of a session, in order."""
        out = []
        for r in self.db.query("SELECT * FROM turns WHERE session_id = ? ORDER BY n", [session_id]):
            r = dict(r)
            r["rephrased"] = bool(r["rephrased"])
            r["guard_ok"] = None if r["guard_ok"] is None else bool(r["guard_ok"])
            r["guard_reasons"] = json.loads(r["guard_reasons"]) if r["guard_reasons"] else []
            out.append(r)
        return out

    def forget_turns(self, session_id: int) -> None:
        """Erase a session's transcript, keeping the session row (a declined consent)."""
        with self.db.atomic():
            self.db.execute("DELETE FROM turns WHERE session_id = ?", [session_id])
            self.db.execute("UPDATE sessions SET vals='{}', state='{}' WHERE id = ?", [session_id])

    def delete_session(self, session_id: int) -> None:
        """Erase a session completely and compact the file so no text lingers on disk."""
        self.session(session_id)
        with self.db.atomic():
            self.db.execute("UPDATE sessions SET previous_id = NULL WHERE previous_id = ?", [session_id])
            self.db.execute("DELETE FROM turns WHERE session_id = ?", [session_id])
            self.db.execute("DELETE FROM sessions WHERE id = ?", [session_id])
            for hook in DELETE_HOOKS:
                hook(self.db, session_id)
        self.compact()

    def compact(self) -> None:
        """Checkpoint the WAL and VACUUM, so deleted text is gone from the file's bytes."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.execute("VACUUM")
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# Other modules (shares, search) register cleanup here so deletion really deletes.
DELETE_HOOKS: list[Any] = []


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row["values"] = json.loads(row.pop("vals") or "{}")
    row["state"] = json.loads(row["state"] or "{}")
    return row
