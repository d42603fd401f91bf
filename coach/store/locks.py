"""One process at a time per session: a byte-range lock in ``<db>-lock``, byte N for session N.

The operating system holds the lock for the process and drops it when the process ends, however
it ends (a SIGKILL included), so a crashed chat never leaves a session locked. POSIX record
locks belong to the process, not to a file descriptor, and closing any descriptor of the file
drops them all: so each process keeps exactly one descriptor per lock file, and remembers which
sessions it holds itself (a second chat in the same process is refused too).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from coach.errors import StoreError

try:
    import fcntl
except ImportError:  # Windows: locks hold within one process only
    fcntl = None  # type: ignore[assignment]


class SessionBusy(StoreError):
    """A session is open in another coach chat."""


_GUARD = threading.Lock()
_FILES: dict[str, tuple[int, set[int]]] = {}  # lock file -> (descriptor, sessions this process holds)


def lock_path(db_path: Path | str) -> Path:
    """The lock file beside a database."""
    path = Path(db_path)
    return path.with_name(path.name + "-lock")


def _descriptor(path: Path) -> tuple[int, set[int]] | None:
    key = str(path.resolve())
    if key not in _FILES:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return None  # a read-only folder: nothing can be written there, so nothing to guard
        _FILES[key] = (fd, set())
    return _FILES[key]


def acquire(db_path: Path | str, session_id: int) -> bool:
    """Take session ``session_id``'s lock without waiting; False if another chat holds it."""
    with _GUARD:
        entry = _descriptor(lock_path(db_path))
        if entry is None:
            return True
        fd, held = entry
        if session_id in held:
            return False
        if fcntl is not None:
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, session_id, os.SEEK_SET)
            except OSError:
                return False
        held.add(session_id)
        return True


def release(db_path: Path | str, session_id: int) -> None:
    """Let another chat open the session."""
    with _GUARD:
        entry = _FILES.get(str(lock_path(db_path).resolve()))
        if entry is None or session_id not in entry[1]:
            return
        fd, held = entry
        if fcntl is not None:
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, session_id, os.SEEK_SET)
        held.discard(session_id)


def busy(session_id: int, then: str = "then try again") -> SessionBusy:
    """The one line for a session another chat has open."""
    return SessionBusy(f"session {session_id} is open in another coach chat; pause or finish it there, {then}")


def hold(db_path: Path | str, session_id: int) -> None:
    """Take the session's lock for this process, or say in one line that another chat has it."""
    if not acquire(db_path, session_id):
        raise busy(session_id)
