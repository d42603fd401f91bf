"""The mentor's side: open bundles, keep them (searchable) until they expire, and lay them out."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nacl.public import PrivateKey

from coach.errors import BundleError, UsageError
from coach.share.bundle import Opened, open_bundle
from coach.share.keys import fingerprint, unb64
from coach.store.database import Store, now

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
                    "bedrock": s["summary"].get("bedrock", []),
                    "in_these_files": s["id"] in here,
                }
                for s in points
            ]
            if len(points) > 1
            else []
        )
    return list(out.values())


# --- the mentor's store ---------------------------------------------------------------------


def keep(store: Store, opened: Opened) -> None:
    """Store an opened bundle (replacing an earlier copy of the same share) and index its text."""
    p = opened.payload
    with store.db.atomic():
        _forget(store, [p["share"]])
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


def _forget(store: Store, shares: list[str]) -> None:
    for share in shares:
        store.db.execute("DELETE FROM review_bundles WHERE share = ?", [share])
        store.db.execute("DELETE FROM review_fts WHERE share = ?", [share])


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
            # FTS5 keeps deleted terms in its index segments until they are rewritten; rebuild so
            # the words are really gone, then VACUUM (secure_delete zeroes the freed pages).
            store.db.execute("INSERT INTO review_fts (review_fts) VALUES ('rebuild')")
        store.compact()
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
