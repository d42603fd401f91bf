"""Deletion that really deletes: after delete, retention purge or expiry, no word is left in the file bytes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from coach.cli import cli
from coach.store.database import Store

GONE = [
    "yes",
    "Become zyxwarden of the quillfeather archive",
    "The chief quillfeather keeper",
    "Anything but zyxwarden accounting",
    "Sorting zyxwarden scrolls all day",
]
KEPT = ["yes", "Open a bakery called marzipanova", "The marzipanova owner"]
MARKERS = [b"zyxwarden", b"quillfeather"]


def run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), input=input)


def file_bytes(db: Path) -> bytes:
    """Everything on disk for this database: the file and any -wal / -shm / -journal next to it."""
    return b"".join(p.read_bytes() for p in sorted(db.parent.glob(db.name + "*")))


def assert_gone(db: Path) -> None:
    raw = file_bytes(db)
    for m in MARKERS:
        assert m not in raw, f"{m!r} is still in the bytes of {db.name}*"
        assert m.decode().encode("utf-16-le") not in raw
    assert b"marzipanova" in raw  # the other session is still there, so we did read real content


@pytest.fixture
def db(tmp_path: Path, chat_jsonl: Callable[..., Any]) -> Path:
    """Session 1 (to be erased) with a share logged of it; session 2 (kept)."""
    path = tmp_path / "coach.db"
    for answers in (GONE, KEPT):
        assert chat_jsonl(answers, db=path)[1].exit_code == 0
    key = run("mentor", "init", "--name", "alex").output.split("\n")[3].strip()
    shared = run(
        "share", "1", "--to", key, "--scope", "full", "--out", str(tmp_path / "s.bundle"), "--yes", "--db", str(path)
    )
    assert shared.exit_code == 0, shared.output
    assert all(m in file_bytes(path) for m in MARKERS)  # the words are there before
    return path


def test_coach_delete_leaves_no_trace_in_the_file(db: Path) -> None:
    result = run("delete", "1", "--yes", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert_gone(db)
    [row] = Store.open(db).db.execute("SELECT payload, erased_at FROM shares").fetchall()
    assert row[0] is None and row[1] is not None  # the log keeps that a share happened, not its words
    assert "content was erased" in run("shares", "1", "--db", str(db)).output


def test_retention_purge_on_chat_start_leaves_no_trace_and_says_so(db: Path, chat_jsonl: Callable[..., Any]) -> None:
    assert run("config", "retention", "30", "--db", str(db)).exit_code == 0
    with sqlite3.connect(db) as conn:  # session 1 last spoke 40 days ago
        conn.execute("UPDATE sessions SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-40 days') WHERE id = 1")
    conn.close()
    _, result = chat_jsonl(["no"], db=db)
    assert result.exit_code == 0
    assert "erased 1 session (1) older than your retention period of 30 days" in result.stderr
    assert [s["id"] for s in Store.open(db).sessions()] == [3, 2]
    assert_gone(db)


def test_expired_bundles_leave_no_trace_in_the_mentors_store(tmp_path: Path, db: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from coach.share import review
    from coach.share.keys import load_mentor

    mentor_db = tmp_path / "mentor.db"
    kept = Store.open(mentor_db)
    assert run("review", str(tmp_path / "s.bundle"), "--db", str(mentor_db)).exit_code == 0
    assert all(m in file_bytes(mentor_db) for m in MARKERS)
    assert review.purge_expired(kept, at=datetime.now(UTC) + timedelta(days=31)) == 1
    raw = file_bytes(mentor_db)
    assert not any(m in raw for m in MARKERS), "words of an expired bundle remain (FTS index?)"
    assert load_mentor().name == "alex"
