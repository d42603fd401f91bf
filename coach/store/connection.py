"""Opening the database: the schema version first, writes that wait their turn, failures as one line.

- ``PRAGMA user_version`` is the schema version (how many migrations are applied). A database
  from a newer coach is refused before anything is written to it.
- Every write transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock before it
  reads, so two processes never both read and then fight over the upgrade (which the busy
  timeout cannot resolve). Waiting for the lock is bounded.
- A read-only file is opened read-only, creating no ``-wal``/``-shm`` beside it.
- Every SQLite failure becomes a StoreError with one line a user can act on.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Generator, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlite_utils import Database

from coach.errors import StoreError
from coach.store.migrations import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)
BUSY_TIMEOUT_MS = 2000  # one wait inside SQLite for the write lock...
LOCK_WAIT_S = 30.0  # ...repeated up to this long in all, then one line instead of a hang
_WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def now() -> str:
    """UTC timestamp, ISO 8601 with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def describe(e: sqlite3.Error, where: str = "") -> str:
    """One line for a SQLite failure: what happened and what to do (never the row's text)."""
    code = getattr(e, "sqlite_errorname", "") or ""
    text = str(e)
    at = f"{where}: " if where else ""
    if code == "SQLITE_FULL" or "disk is full" in text:
        return f"{at}the disk is full; nothing was changed (free some space and try again)"
    if code.startswith("SQLITE_READONLY") or "readonly database" in text:
        return f"{at}the database is read-only; nothing was changed (check the file's and folder's permissions)"
    if code.startswith("SQLITE_BUSY") or "database is locked" in text:
        return f"{at}the database stayed busy (another coach is writing to it); nothing was changed, try again"
    if code.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        return f"{at}the disk could not be written (is it full?) or read; nothing was changed"
    if "Could not decode" in text:
        column = re.search(r"column '([^']*)'", text)
        name = f" in column '{column.group(1)}'" if column else ""
        return f"{at}the database has a damaged row (text that is not UTF-8{name}); nothing was changed"
    if code in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in text or "not a database" in text:
        return f"{at}cannot use this file as a coach database ({text})"
    if code.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return f"{at}cannot open the database file (check the path and its folder's permissions)"
    return f"{at}database error: {text.split(' with text ')[0]}"


class CoachDatabase(Database):
    """sqlite-utils' Database with ``BEGIN IMMEDIATE`` transactions and one-line errors.

    sqlite-utils plugins are never loaded: any installed package could register one and be
    handed the mentee's connection, and finding them reads every package's metadata (a good
    part of the chat's start-up)."""

    where = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["execute_plugins"] = False
        super().__init__(*args, **kwargs)

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        """Run one statement (a write outside a transaction gets its own); failures are StoreErrors."""
        if not self.conn.in_transaction and _WRITE.match(sql):
            with self.atomic():
                return self.execute(sql, parameters)
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as e:
            raise StoreError(describe(e, self.where)) from None

    def query(self, sql: str, params: Any = None) -> Generator[dict[str, Any], None, None]:
        """Rows as dicts; a row that cannot be read is a StoreError, not a traceback."""
        try:
            yield from super().query(sql, params)
        except sqlite3.Error as e:
            raise StoreError(describe(e, self.where)) from None

    def executemany(self, sql: str, rows: Iterable[Any]) -> None:
        """Run one statement for many rows (inside the caller's transaction)."""
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.Error as e:
            raise StoreError(describe(e, self.where)) from None

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        """One write transaction, begun IMMEDIATE (nested: a savepoint); rolled back on any error."""
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self._begin_immediate()
        try:
            yield self
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as e:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise StoreError(describe(e, self.where)) from None

    def _begin_immediate(self) -> None:
        deadline = time.monotonic() + LOCK_WAIT_S
        pause = 0.01
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as e:
                busy = "locked" in str(e) or str(getattr(e, "sqlite_errorname", "")).startswith("SQLITE_BUSY")
                if not busy or time.monotonic() >= deadline:
                    raise StoreError(describe(e, self.where)) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


def open_db(path: Path | str) -> CoachDatabase:
    """Open (creating 0600) a transcript database in WAL mode, migrated to the latest schema."""
    path = Path(path)
    where = str(path)
    try:
        if path.is_dir():
            raise StoreError(f"{where}: is a folder, not a database file")
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # Create it private before SQLite does; -wal/-shm files inherit this mode.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        writable = _writable(path)
        db = CoachDatabase(_connect(path, writable))
        db.where = where
        _check_version(db, where)
        if writable:
            db.conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            db.conn.execute("PRAGMA journal_mode=WAL")
            db.conn.execute("PRAGMA synchronous=FULL")
            db.conn.execute("PRAGMA foreign_keys=ON")
            db.conn.execute("PRAGMA secure_delete=ON")
            migrate(db)
        elif _pending(db):
            raise StoreError(f"{where}: is read-only and needs upgrading to this coach's schema; make it writable")
    except sqlite3.Error as e:
        raise StoreError(describe(e, where)) from None
    except OSError as e:
        raise StoreError(f"{where}: {e.strerror or e}") from None
    return db


def _writable(path: Path) -> bool:
    """Whether coach may write here: the file, and its folder or existing -wal and -shm files."""
    if not os.access(path, os.W_OK):
        return False
    sidecars = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
    for side in sidecars:
        if side.exists() and not os.access(side, os.W_OK):
            raise StoreError(
                f"{side}: is read-only while the database is not (left by an earlier run?); run: chmod u+w {side}"
            )
    return os.access(path.parent, os.W_OK) or all(side.exists() for side in sidecars)


def _connect(path: Path, writable: bool) -> sqlite3.Connection:
    uri = "file:" + quote(str(path.resolve()))
    if writable:
        return sqlite3.connect(uri + "?mode=rw", uri=True)
    # Read-only: never create -wal/-shm (they would be made read-only too, and break the next
    # writer). With no WAL beside it, the file is all there is: open it as immutable.
    has_wal = path.with_name(path.name + "-wal").exists() and path.with_name(path.name + "-shm").exists()
    return sqlite3.connect(uri + ("?mode=ro" if has_wal else "?mode=ro&immutable=1"), uri=True)


def memory_db() -> CoachDatabase:
    """An in-memory database with the full schema (for tests and benchmarks)."""
    db = CoachDatabase(memory=True)
    db.execute("PRAGMA foreign_keys=ON")
    migrate(db)
    return db


def _applied(db: Database) -> tuple[int, list[str]]:
    """(user_version, names in the legacy _migrations table)."""
    version = int(db.conn.execute("PRAGMA user_version").fetchone()[0])
    has_log = db.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='_migrations'").fetchone()
    names = [r[0] for r in db.conn.execute("SELECT name FROM _migrations")] if has_log else []
    return version, names


def _check_version(db: Database, where: str) -> None:
    """Refuse, before writing anything, a database from a newer coach or one that is not coach's."""
    version, names = _applied(db)
    known = {name for name, _ in MIGRATIONS}
    unknown = [n for n in names if n not in known]
    if version > SCHEMA_VERSION or unknown:
        newer = max(version, len(names))
        raise StoreError(f"{where}: made by a newer coach, version {newer}; upgrade coach (this one knows "
                         f"version {SCHEMA_VERSION})")
    if version == 0 and not names:
        tables = db.conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
        if tables:
            raise StoreError(f"{where}: is an SQLite database, but not a coach one; choose another --db")


def _pending(db: Database) -> list[tuple[str, Any]]:
    version, names = _applied(db)
    done = max(version, len(names))
    return list(MIGRATIONS[done:])


def migrate(db: Database) -> list[str]:
    """Apply pending migrations in order, each with its version bump; return the names applied.

    Each step re-reads the version inside its own write transaction, so two coaches opening a
    new database at once apply every migration exactly once.
    """
    applied: list[str] = []
    if not _pending(db) and db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return applied
    while True:
        with db.atomic():
            db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            version, names = _applied(db)
            done = max(version, len(names))
            if version < done:  # written before user_version was kept: adopt the log's count
                db.execute(f"PRAGMA user_version = {done}")
            if done >= len(MIGRATIONS):
                break
            name, step = MIGRATIONS[done]
            step(db)
            db.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", [name, now()])
            db.execute(f"PRAGMA user_version = {done + 1}")
        applied.append(name)
    return applied
