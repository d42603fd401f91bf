"""The mentor's side: open bundles, keep them (searchable) until they expire, and lay them out."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nacl.public import PrivateKey

from coach.errors import BundleError, UsageError
from coach.share.bundle import Opened, open_bundle
from coach.share.keys import fingerprint, unb64
from coach.store import notes
from coach.store.connection import now
from coach.store.database import Store

MAX_BUNDLE_BYTES = 64 * 1024 * 1024  # far above a 500-turn session; stops reading a stray disk image


@dataclass
class Review:
    """What a mentor sees: the bundles opened, then each mentee's sessions and trajectory."""

    bundles: list[dict[str, Any]] = field(default_factory=list)
    mentees: list[dict[str, Any]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def read_bundle(path: Path, mentor: PrivateKey, at: datetime | None = None) -> Opened:
    """Read and open one bundle file (BundleError with one line if refused)."""
    try:
        if path.stat().st_size > MAX_BUNDLE_BYTES:
            raise BundleError(f"{path}: not a coach share bundle (far too large)")
        data = path.read_bytes()
    except OSError as e:
        raise BundleError(f"{path}: {e.strerror or e}") from None
    return open_bundle(data, mentor, str(path), at)


def review_files(store: Store, paths: list[Path], mentor: PrivateKey, at: datetime | None = None) -> Review:
    """Open each file, keep what opened in the mentor's store, and build the review."""
    purge_expired(store, at)
    review = Review()
    opened: list[Opened] = []
    for path in paths:
        try:
            o = read_bundle(path, mentor, at)
        except BundleError as e:
            review.refused.append(str(e))
            continue
        keep(store, o)
        opened.append(o)
        p = o.payload
        review.bundles.append(
            {
                "file": str(path),
                "share": p["share"],
                "mentee": p["from"]["name"],
                "mentee_key": fingerprint(unb64(o.mentee_key)),
                "scope": p["scope"],
                "sessions": [s["id"] for s in p["sessions"]],
                "created_at": p["created_at"],
                "expires_at": p["expires_at"],
            }
        )
    review.mentees = _mentees(store, [o.payload for o in opened])
    attach_notes(store, review.mentees)
    return review


def preview(payload: dict[str, Any], label: str) -> Review:
    """The review a mentor would see for an unsealed payload (for `coach share --preview`)."""
    p = {**payload, "from": {**payload["from"], "key": ""}}
    bundle = {
        "file": label,
        "share": p["share"],
        "mentee": p["from"]["name"],
        "mentee_key": "your signing key",
        "scope": p["scope"],
        "sessions": [s["id"] for s in p["sessions"]],
        "created_at": p["created_at"],
        "expires_at": p["expires_at"],
    }
    return Review([bundle], _mentees(None, [p]))


def _mentees(store: Store | None, payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group sessions by the mentee's signing key (names can collide; keys do not)."""
    out: dict[str, dict[str, Any]] = {}
    for p in sorted(payloads, key=lambda p: p["created_at"]):
        key = p["from"]["key"]
        m = out.setdefault(
            key,
            {
                "name": p["from"]["name"],
                "key": key,
                "fingerprint": fingerprint(unb64(key)) if key else "your signing key",
                "sessions": {},
            },
        )
        for s in p["sessions"]:
            # The newest share of a session wins: it is the mentee's latest decision about it.
            m["sessions"][s["id"]] = {**s, "scope": p["scope"], "share": p["share"]}
    for m in out.values():
        sessions = sorted(m["sessions"].values(), key=lambda s: (s["started_at"], s["id"]))
        m["sessions"] = sessions
        here = {s["id"] for s in sessions}
        earlier = {}
        for p in held(store, m["key"]) if store is not None else []:
            earlier.update({s["id"]: s for s in p["sessions"] if s["id"] not in here})
        points = sorted([*sessions, *earlier.values()], key=lambda s: (s["started_at"], s["id"]))
        m["trajectory"] = (
            [
                {
                    "session": s["id"],
                    "started_at": s["started_at"],
                    "goals": s["summary"].get("goals", []),
                    "motivations": s["summary"].get("motivations", []),
                    "labels": [_label(s, m) for m in s["summary"].get("motivations", [])],
                    "bedrock": s["summary"].get("bedrock", []),
                    "in_these_files": s["id"] in here,
                }
                for s in points
            ]
            if len(points) > 1
            else []
        )
    return list(out.values())


def _label(s: dict[str, Any], motivation: Any) -> str:
    labels = s["labels"] if isinstance(s.get("labels"), dict) else {}
    return str(labels.get(motivation) or str(motivation).replace("_", " "))


# --- the mentor's notes ------------------------------------------------------------------------


def attach_notes(store: Store, mentees: list[dict[str, Any]]) -> None:
    """Put the mentor's own notes beside each session (they come from the mentor's database only)."""
    for m in mentees:
        for s in m["sessions"]:
            s["notes"] = notes.notes(store.db, m["key"], s["id"])


def add_note(store: Store, session: int, text: str, mentee: str | None = None) -> dict[str, Any]:
    """Keep a note on a session a mentee shared with you (named by session id, and mentee if need be)."""
    text = text.strip()
    if not text:
        raise UsageError("--note SESSION TEXT needs some text")
    if len(text) > notes.MAX_NOTE:
        raise UsageError(f"a note takes up to {notes.MAX_NOTE:,} characters; this one has {len(text):,}")
    found: dict[str, str] = {}
    for r in store.db.execute("SELECT mentee_key, mentee_name, payload FROM review_bundles ORDER BY created_at"):
        if (mentee is None or r[1] == mentee) and any(s["id"] == session for s in json.loads(r[2])["sessions"]):
            found[r[0]] = r[1]
    for r in store.db.execute("SELECT DISTINCT mentee_key, mentee_name FROM review_notes WHERE session = ?", [session]):
        if mentee is None or r[1] == mentee:
            found.setdefault(r[0], r[1])  # a session whose bundle has expired keeps its notes
    if not found:
        who = f" from {mentee}" if mentee else ""
        raise UsageError(
            f"no bundle you hold{who} has session {session} (see: coach review --notes, or open the bundle)"
        )
    if len(found) > 1:
        names = ", ".join(sorted(set(found.values())))
        raise UsageError(f"several mentees shared a session {session} ({names}); say whose with --mentee NAME")
    [(key, name)] = found.items()
    return notes.add_note(store.db, key, name, session, text)


def all_notes(store: Store) -> list[dict[str, Any]]:
    """Every note the mentor keeps, oldest first, with the mentee's key fingerprint."""
    return [{**n, "mentee_key": fingerprint(unb64(n["mentee_key"]))} for n in notes.notes(store.db)]


# --- the mentor's store ---------------------------------------------------------------------


def keep(store: Store, opened: Opened) -> None:
    """Store an opened bundle (replacing an earlier copy of the same share) and index its text."""
    p = opened.payload
    with store.db.atomic():
        replaced = _forget(store, [p["share"]])
        store.db.execute(
            "INSERT INTO review_bundles (share, mentee_name, mentee_key, scope, created_at, expires_at,"
            " opened_at, sha256, payload) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                p["share"],
                p["from"]["name"],
                opened.mentee_key,
                p["scope"],
                p["created_at"],
                p["expires_at"],
                now(),
                opened.sha256,
                json.dumps(p, ensure_ascii=False),
            ],
        )
        rows = []
        for s in p["sessions"]:
            for key, value in s["summary"].items():
                for item in value if isinstance(value, list) else [value] if value else []:
                    rows.append([item, p["share"], s["id"], None, f"summary:{key}"])
            for t in s.get("turns", []):
                if "text" in t:
                    rows.append([t["text"], p["share"], s["id"], t["n"], t["role"]])
        store.db.conn.executemany("INSERT INTO review_fts (text, share, session, n, role) VALUES (?,?,?,?,?)", rows)
    if replaced:
        store.compact()


def _forget(store: Store, shares: list[str]) -> bool:
    """Delete these bundles and their index rows; whether there was anything to delete."""
    found = False
    for share in shares:
        found |= store.db.execute("DELETE FROM review_bundles WHERE share = ?", [share]).rowcount > 0
        store.db.execute("DELETE FROM review_fts WHERE share = ?", [share])
    if found and not _fts_secure_delete(store):
        # FTS5 keeps deleted terms in its index segments until they are merged; without its
        # secure-delete option (SQLite 3.42+) a rebuild is what really removes them.
        store.db.execute("INSERT INTO review_fts (review_fts) VALUES ('rebuild')")
    return found


def _fts_secure_delete(store: Store) -> bool:
    """Turn on FTS5's secure-delete (deleted terms leave the index at once) where SQLite has it."""
    if sqlite3.sqlite_version_info < (3, 42, 0):
        return False
    store.db.execute("INSERT INTO review_fts (review_fts, rank) VALUES ('secure-delete', 1)")
    return True


def purge_expired(store: Store, at: datetime | None = None) -> int:
    """Erase expired bundles from the mentor's store, index included; return how many."""
    stamp = (at or datetime.now(UTC)).isoformat(timespec="seconds").replace("+00:00", "Z")
    gone = [
        r[0]
        for r in store.db.execute(
            "SELECT share FROM review_bundles WHERE expires_at IS NOT NULL AND expires_at <= ?", [stamp]
        ).fetchall()
    ]
    if gone:
        with store.db.atomic():
            _forget(store, gone)
        store.compact()  # secure_delete zeroed the pages; now the WAL copy of the old ones goes too
    return len(gone)


def held(store: Store, mentee_key: str | None = None) -> list[dict[str, Any]]:
    """Payloads of the (unexpired) bundles the mentor holds, oldest first."""
    sql = "SELECT payload FROM review_bundles"
    params: list[Any] = []
    if mentee_key:
        sql += " WHERE mentee_key = ?"
        params.append(mentee_key)
    return [json.loads(r[0]) for r in store.db.execute(sql + " ORDER BY created_at", params).fetchall()]


def search(store: Store, text: str, at: datetime | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Passages matching every word of ``text`` across the bundles the mentor holds."""
    purge_expired(store, at)
    words = [w for w in text.split() if w.strip('"')]
    if not words:
        raise UsageError("--search needs some words to look for")
    # Each word becomes a quoted FTS5 string, so user input is never parsed as query syntax.
    query = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    rows = store.db.execute(
        "SELECT f.share, f.session, f.n, f.role, snippet(review_fts, 0, '[', ']', '...', 16),"
        " b.mentee_name, b.mentee_key, b.created_at FROM review_fts f"
        " JOIN review_bundles b ON b.share = f.share"
        " WHERE review_fts MATCH ? ORDER BY b.created_at, f.session, f.n LIMIT ?",
        [query, limit],
    ).fetchall()
    return [
        {
            "mentee": r[5],
            "mentee_key": fingerprint(unb64(r[6])),
            "share": r[0],
            "session": r[1],
            "turn": r[2],
            "where": r[3],
            "snippet": r[4],
            "shared_at": r[7],
        }
        for r in rows
    ]
