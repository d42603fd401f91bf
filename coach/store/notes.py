"""A mentor's own notes on shared sessions: stored in the mentor's database, never in a bundle."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from coach.store.connection import now

MAX_NOTE = 20_000  # characters: a page of notes, not a document


def add_note(db: Database, mentee_key: str, mentee_name: str, session: int, text: str) -> dict[str, Any]:
    """Keep a note on session ``session`` of the mentee with signing key ``mentee_key``."""
    cur = db.execute(
        "INSERT INTO review_notes (mentee_key, mentee_name, session, text, created_at) VALUES (?,?,?,?,?)",
        [mentee_key, mentee_name, session, text, now()],
    )
    return note(db, int(cur.lastrowid or 0)) or {}


def note(db: Database, note_id: int) -> dict[str, Any] | None:
    """One note, or None."""
    rows = list(db.query("SELECT * FROM review_notes WHERE id = ?", [note_id]))
    return rows[0] if rows else None


def notes(db: Database, mentee_key: str | None = None, session: int | None = None) -> list[dict[str, Any]]:
    """Notes, oldest first; of one mentee (by key) and session if given."""
    sql, params = "SELECT * FROM review_notes WHERE 1", []  # type: tuple[str, list[Any]]
    if mentee_key is not None:
        sql += " AND mentee_key = ?"
        params.append(mentee_key)
    if session is not None:
        sql += " AND session = ?"
        params.append(session)
    return list(db.query(sql + " ORDER BY id", params))


def delete_note(db: Database, note_id: int) -> bool:
    """Erase a note; whether there was one."""
    return bool(db.execute("DELETE FROM review_notes WHERE id = ?", [note_id]).rowcount > 0)
