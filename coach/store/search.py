"""The mentee's own search over their transcripts (FTS5), and keeping deleted words out of it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils import Database

MAX_HITS = 50
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    """One passage that matched: where it is and the words around the match."""

    session_id: int
    n: int
    role: str
    phase: str
    at: str
    snippet: str


def query(text: str) -> str:
    """The words of ``text`` as an FTS5 query that matches them all, in any order: every word
    quoted, so nothing a mentee types is read as FTS syntax ("NOT", "*", quotes)."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in _TOKEN.findall(text))


def search(db: Database, text: str, mentee: str | None = None, limit: int = MAX_HITS) -> list[Hit]:
    """Passages with every word of ``text``, best first, from one mentee's sessions (or all)."""
    q = query(text)
    if not q:
        return []
    sql = (
        "SELECT t.session_id, t.n, t.role, t.phase, t.at,"
        " snippet(turns_fts, 0, '[', ']', '...', 12)"
        " FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid JOIN sessions s ON s.id = t.session_id"
        " WHERE turns_fts MATCH ?"
    )
    params: list[object] = [q]
    if mentee is not None:
        sql += " AND s.mentee = ?"
        params.append(mentee)
    sql += " ORDER BY rank LIMIT ?"
    params.append(limit)
    return [Hit(int(r[0]), int(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5])) for r in db.execute(sql, params)]


def forget(db: Database) -> None:
    """After turns were deleted: merge the index, so their words are gone from it, not just hidden."""
    if db.execute("SELECT name FROM sqlite_master WHERE name = 'turns_fts'").fetchone():
        db.execute("INSERT INTO turns_fts (turns_fts) VALUES ('optimize')")
