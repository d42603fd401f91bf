"""How long sessions are kept: a setting in the database, applied when a chat starts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from coach.errors import UsageError
from coach.store.connection import now
from coach.store.database import Store

KEY = "retention_days"
MAX_DAYS = 36500


def get_days(store: Store) -> int | None:
    """The retention period in days, or None when sessions are kept until deleted."""
    row = store.db.execute("SELECT value FROM config WHERE key = ?", [KEY]).fetchone()
    return int(row[0]) if row else None


def set_days(store: Store, days: int | None) -> list[dict[str, Any]]:
    """Set (or with None, clear) the retention period; return the sessions it will purge next start."""
    if days is None:
        store.db.execute("DELETE FROM config WHERE key = ?", [KEY])
        return []
    if not 1 <= days <= MAX_DAYS:
        raise UsageError(f"retention takes 1 to {MAX_DAYS} days (or 'off' to keep sessions until deleted)")
    store.db.execute(
        "INSERT INTO config (key, value, updated_at) VALUES (?,?,?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        [KEY, str(days), now()],
    )
    return due(store)


def due(store: Store, at: datetime | None = None) -> list[dict[str, Any]]:
    """Sessions (their ids) whose last activity is older than the retention period."""
    days = get_days(store)
    if days is None:
        return []
    # Last activity, not start: a conversation resumed yesterday is not purged mid-use.
    cutoff = (at or datetime.now(UTC)) - timedelta(days=days)
    stamp = cutoff.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return [{"id": sid} for sid in store.idle_since(stamp)]


def purge(store: Store, at: datetime | None = None) -> list[int]:
    """Erase every session past the retention period completely; return their ids.

    A session open in another chat is left for the next purge rather than pulled from under it.
    """
    return store.delete_sessions([s["id"] for s in due(store, at)], skip_in_use=True)


def notice(ids: list[int], days: int | None) -> str:
    """The line a user sees after a purge."""
    plural = "s" if len(ids) > 1 else ""
    return (
        f"coach: erased {len(ids)} session{plural} ({', '.join(map(str, ids))}) older than your "
        f"retention period of {days} days (change it with: coach config retention DAYS|off)"
    )
