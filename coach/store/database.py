"""Transcripts in SQLite: sessions, turns and state snapshots, written before the next question."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from coach.errors import NotFound, StoreError
from coach.store import locks, search
from coach.store.connection import SCHEMA_VERSION, memory_db, migrate, now, open_db

__all__ = [
    "DELETE_HOOKS", "RESUMABLE", "SCHEMA_VERSION", "STATUSES", "Store", "Turn", "memory_db", "migrate", "now",
    "open_db",
]

STATUSES = ("active", "paused", "completed", "stopped")
RESUMABLE = ("active", "paused")


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
    # The turn's number in its session (the store numbers it if None), and for a coach turn the
    # mentee turns ("session:n") whose words it repeats: redaction and deletion follow these.
    n: int | None = None
    sources: list[str] = field(default_factory=list)
    # What the turn is: answer (mentee); say, ask, rule, reask, move_on or end (coach).
    kind: str | None = None


class Store:
    """Reads and writes sessions and turns. Takes a Database so tests can pass an in-memory one."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._held: set[int] = set()  # sessions this Store owns (hold_session)
        self._path: str | None = None

    @property
    def path(self) -> str:
        """The database file (':memory:' for an in-memory one)."""
        if self._path is None:
            row = self.db.execute("PRAGMA database_list").fetchone()
            self._path = str(row[2]) if row and row[2] else ":memory:"
        return self._path

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
        """Every session's listing columns (not its saved values or state), newest first."""
        sql = f"SELECT {', '.join(LISTED)} FROM sessions"
        params: list[Any] = []
        if mentee is not None:
            sql += " WHERE mentee = ?"
            params.append(mentee)
        return list(self.db.query(sql + " ORDER BY id DESC", params))

    def idle_since(self, stamp: str) -> list[int]:
        """Ids of sessions with no activity since ``stamp`` (for the retention period)."""
        rows = self.db.execute("SELECT id FROM sessions WHERE updated_at < ?", [stamp]).fetchall()
        return sorted(int(r[0]) for r in rows)

    def listing(self, session_id: int) -> dict[str, Any]:
        """One session's listing columns (NotFound if there is none); its saved state is not read."""
        rows = list(self.db.query(f"SELECT {', '.join(LISTED)} FROM sessions WHERE id = ?", [session_id]))
        if not rows:
            raise NotFound(f"no session {session_id} (see: coach sessions)")
        return rows[0]

    def in_use(self, session_id: int) -> bool:
        """Whether another chat has the session open."""
        if self.holds(session_id) or self.path == ":memory:":
            return False
        if not locks.acquire(self.path, session_id):
            return True
        locks.release(self.path, session_id)
        return False

    def exists(self, session_id: int) -> bool:
        """Whether session ``session_id`` is stored (reads nothing else of it)."""
        return self.db.execute("SELECT 1 FROM sessions WHERE id = ?", [session_id]).fetchone() is not None

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

    def unfinished_since(self, mentee: str, after: int, *, stopped_only: bool = False) -> list[dict[str, Any]]:
        """A mentee's conversations after session ``after`` that did not finish (stopped, paused or cut
        off; or only those ended with /quit or at the distress stop), oldest first: what they said or put
        right there counts next time."""
        which = "status = 'stopped'" if stopped_only else "status != 'completed'"
        rows = self.db.query(
            f"SELECT * FROM sessions WHERE mentee = ? AND id > ? AND {which} ORDER BY id", [mentee, after]
        )
        out = []
        for row in rows:
            try:
                out.append(_decode(row))
            except StoreError:  # a damaged one adds nothing; the new conversation still starts
                continue
        return out

    def save(
        self, session_id: int, *, step: str, phase: str, values: dict[str, Any],
        state: dict[str, Any], status: str = "active", turns: list[Turn] = (),  # type: ignore[assignment]
    ) -> None:
        """Append turns and snapshot the session in one durable transaction."""
        t = now()
        with self.db.atomic():
            n = self._next_n(session_id)
            for turn in turns:
                n = turn.n if turn.n is not None else n
                self.db.execute(
                    "INSERT INTO turns (session_id, n, role, text, step, phase, at, canonical, rephrased,"
                    " guard_ok, guard_reasons, model_sha256, prompt, sources, kind)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [session_id, n, turn.role, turn.text, turn.step, turn.phase, t, turn.canonical,
                     int(turn.rephrased), None if turn.guard_ok is None else int(turn.guard_ok),
                     json.dumps(turn.guard_reasons) if turn.guard_reasons else None,
                     turn.model_sha256, turn.prompt, json.dumps(turn.sources) if turn.sources else None, turn.kind],
                )
                n += 1
            ended = t if status in ("completed", "stopped") else None
            self.db.execute(
                "UPDATE sessions SET step=?, phase=?, vals=?, state=?, status=?, updated_at=?,"
                " ended_at=COALESCE(?, ended_at) WHERE id=?",
                [step, phase, json.dumps(values), json.dumps(state), status, t, ended, session_id],
            )

    def move_session(self, session_id: int, *, step: str, phase: str) -> None:
        """Put a session at another step (its own was edited out of the flow)."""
        self.db.execute(
            "UPDATE sessions SET step=?, phase=?, updated_at=? WHERE id=?", [step, phase, now(), session_id]
        )

    def set_status(self, session_id: int, status: str) -> None:
        """Change a session's status (pause, stop)."""
        ended = now() if status in ("completed", "stopped") else None
        self.db.execute(
            "UPDATE sessions SET status=?, updated_at=?, ended_at=COALESCE(?, ended_at) WHERE id=?",
            [status, now(), ended, session_id],
        )

    def next_turn_number(self, session_id: int) -> int:
        """The number the session's next turn will get."""
        return self._next_n(session_id)

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
            r["sources"] = json.loads(r["sources"]) if r.get("sources") else []
            out.append(r)
        return out

    def mentee_texts(self, session_id: int) -> dict[int, str]:
        """What the mentee typed in a session, by turn number."""
        rows = self.db.execute(
            "SELECT n, text FROM turns WHERE session_id = ? AND role = 'mentee' ORDER BY n", [session_id]
        ).fetchall()
        return {int(n): str(text) for n, text in rows}

    def forget_turns(self, session_id: int) -> None:
        """Erase a session's transcript, keeping the session row (a declined consent)."""
        with self.db.atomic():
            self.db.execute("DELETE FROM turns WHERE session_id = ?", [session_id])
            search.forget(self.db)
            self.db.execute("UPDATE sessions SET vals='{}', state='{}' WHERE id = ?", [session_id])
        self.compact()  # the words leave the WAL too, not only the database pages

    def delete_session(self, session_id: int) -> None:
        """Erase a session completely, so no text lingers on disk; refused while a chat has it open."""
        if not self.exists(session_id):
            raise NotFound(f"no session {session_id} (see: coach sessions)")
        self.delete_sessions([session_id])

    def delete_sessions(self, session_ids: list[int], skip_in_use: bool = False) -> list[int]:
        """Erase sessions in one transaction and compact once; return the ids erased.

        A session open in another chat is refused (SessionBusy), or with ``skip_in_use`` left alone.
        """
        taken: list[int] = []
        try:
            for sid in session_ids:
                if self.holds(sid) or self._take(sid):
                    taken.append(sid)
                elif not skip_in_use:
                    raise locks.busy(sid, "then delete it")
            if not taken:
                return []
            with self.db.atomic():
                for sid in taken:
                    self._forget_quotes_of(sid)
                    self.db.execute("UPDATE sessions SET previous_id = NULL WHERE previous_id = ?", [sid])
                    self.db.execute("DELETE FROM turns WHERE session_id = ?", [sid])
                    self.db.execute("DELETE FROM sessions WHERE id = ?", [sid])
                    for hook in DELETE_HOOKS:
                        hook(self.db, sid)
                search.forget(self.db)
        finally:
            for sid in taken:
                if sid not in self._held:
                    locks.release(self.path, sid)
        self.compact()
        return taken

    def _forget_quotes_of(self, session_id: int) -> None:
        """Everything other sessions copied from this one goes with it, found by provenance: a
        recap turn quoting it is blanked, and its summary is taken out of their ``previous``."""
        prefix = f"{session_id}:"
        quoting = self.db.execute(
            "SELECT id, sources FROM turns WHERE session_id != ? AND sources LIKE ?", [session_id, f'%"{prefix}%']
        ).fetchall()
        for turn_id, sources in quoting:
            if any(str(r).startswith(prefix) for r in json.loads(sources)):
                self.db.execute(
                    "UPDATE turns SET text = ?, canonical = ?, prompt = NULL, sources = NULL WHERE id = ?",
                    [QUOTE_REMOVED, QUOTE_REMOVED, turn_id],
                )
        rows = self.db.execute(
            "SELECT id, vals, state, previous_id FROM sessions WHERE id != ? AND (previous_id = ? OR state LIKE ?"
            " OR EXISTS (SELECT 1 FROM json_each(sessions.state, '$.carried') WHERE value = ?))",
            [session_id, session_id, f'%"{prefix}%', session_id],
        ).fetchall()
        for sid, vals, state_text, previous_id in rows:
            values, state = json.loads(vals or "{}"), json.loads(state_text or "{}")
            if session_id in (state.get("carried") or []):  # its recap started from what this one put right
                previous_id = session_id
                state["carried"] = [c for c in state["carried"] if c != session_id]
            sources = state.get("sources") or {}
            for var in [v for v, refs in sources.items() if _mentions(refs, prefix)]:
                values[var] = {} if var == "previous" else ([] if isinstance(values.get(var), list) else "")
                sources.pop(var)
            if previous_id == session_id:
                values["previous"] = {}
                sources.pop("previous", None)
            for undo in state.get("history") or []:
                if _mentions(undo.get("sources"), prefix):
                    undo["texts"], undo["sources"] = {}, {}
            asked = state.get("last_question") or {}
            if _mentions(asked.get("sources"), prefix) or previous_id == session_id:
                state["last_question"] = None  # its words may quote the deleted session
            self.db.execute(
                "UPDATE sessions SET vals = ?, state = ? WHERE id = ?", [json.dumps(values), json.dumps(state), sid]
            )

    def compact(self) -> None:
        """Rewrite the file without the deleted text: VACUUM, then copy the WAL in and truncate it.

        secure_delete zeroes a deleted row where it stood, but SQLite moves rows between pages as
        tables grow and shrink, and a stale copy can survive in a page's unused space (a property
        test found deleted words that way). VACUUM rebuilds every page from the live rows only;
        it costs a copy of the file, which is small. A chat reading at that moment can hold it
        back, so it is retried for a while.
        """
        if self.path == ":memory:":
            return
        vacuumed = False
        for attempt in range(50):
            try:
                if not vacuumed:
                    self.db.execute("VACUUM")
                    vacuumed = True
            except StoreError:  # another connection holds a lock: try again shortly
                if attempt == 49:
                    raise
            else:
                busy = self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                if not busy or not busy[0]:
                    return
            time.sleep(0.1)

    # --- sessions held by this process ------------------------------------------------------

    def holds(self, session_id: int) -> bool:
        """Whether this Store has session ``session_id`` open (see hold_session)."""
        return session_id in self._held

    def hold_session(self, session_id: int) -> None:
        """Own the session until release (or the process ends); SessionBusy if another chat has it."""
        if session_id in self._held or self.path == ":memory:":
            return
        locks.hold(self.path, session_id)
        self._held.add(session_id)

    def release_sessions(self) -> None:
        """Let other chats open the sessions this Store holds."""
        for sid in sorted(self._held):
            locks.release(self.path, sid)
        self._held.clear()

    def _take(self, session_id: int) -> bool:
        return self.path == ":memory:" or locks.acquire(self.path, session_id)


# The columns `coach sessions` lists: reading them never decodes a session's saved state.
LISTED = ("id", "mentee", "flow", "flow_version", "status", "phase", "step", "started_at", "updated_at",
          "ended_at", "previous_id")

# What a coach turn that quoted a deleted conversation says instead.
QUOTE_REMOVED = "(Removed: this repeated words from a conversation that was deleted.)"


def _mentions(sources: Any, prefix: str) -> bool:
    """Whether a (nested) sources entry names a turn of the session ``prefix`` ("7:") stands for."""
    if isinstance(sources, str):
        return sources.startswith(prefix)
    if isinstance(sources, dict):
        return any(_mentions(v, prefix) for v in sources.values())
    if isinstance(sources, list):
        return any(_mentions(v, prefix) for v in sources)
    return False


# Other modules (shares, search) register cleanup here so deletion really deletes.
DELETE_HOOKS: list[Any] = []


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    try:
        row["values"] = json.loads(row.pop("vals") or "{}")
        row["state"] = json.loads(row["state"] or "{}")
    except ValueError:
        raise StoreError(f"session {row.get('id')} is damaged: its saved state is not readable") from None
    return row
