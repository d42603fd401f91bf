"""Numbered, append-only schema migrations. Never edit one that has shipped; add a new one."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from sqlite_utils import Database


def _m001_sessions_and_turns(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            mentee TEXT NOT NULL,
            flow TEXT NOT NULL,
            flow_version INTEGER NOT NULL,
            flow_path TEXT NOT NULL,
            step TEXT NOT NULL,
            phase TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'completed', 'stopped')),
            vals TEXT NOT NULL DEFAULT '{}',
            state TEXT NOT NULL DEFAULT '{}',
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            ended_at TEXT,
            previous_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE turns (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('coach', 'mentee')),
            text TEXT NOT NULL,
            step TEXT NOT NULL,
            phase TEXT NOT NULL,
            at TEXT NOT NULL,
            canonical TEXT,
            rephrased INTEGER NOT NULL DEFAULT 0,
            guard_ok INTEGER,
            guard_reasons TEXT,
            model_sha256 TEXT,
            prompt TEXT,
            UNIQUE (session_id, n)
        )
        """
    )
    db.execute("CREATE INDEX sessions_mentee ON sessions (mentee, status)")


MIGRATIONS: list[tuple[str, Callable[[Database], None]]] = [
    ("001_sessions_and_turns", _m001_sessions_and_turns),
]


def _m002_shares_config_review(db: Database) -> None:
    # Mentee side: the share log (with a copy of exactly what left) and settings such as retention.
    db.execute(
        """
        CREATE TABLE shares (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            mentee TEXT NOT NULL,
            mentor_name TEXT NOT NULL,
            mentor_key TEXT NOT NULL,
            scope TEXT NOT NULL CHECK (scope IN ('summary', 'full')),
            session_ids TEXT NOT NULL,
            redactions TEXT NOT NULL,
            withheld TEXT NOT NULL,
            expires_at TEXT,
            out_path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            payload TEXT,
            revoked_at TEXT,
            erased_at TEXT
        )
        """
    )
    # In the schema, not in Python, so no code path can delete a session and keep its words here.
    db.execute(
        """
        CREATE TRIGGER shares_erase_with_session AFTER DELETE ON sessions BEGIN
            UPDATE shares SET payload = NULL, erased_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
            WHERE payload IS NOT NULL
              AND EXISTS (SELECT 1 FROM json_each(shares.session_ids) WHERE value = OLD.id);
        END
        """
    )
    db.execute("CREATE TABLE config (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)")
    # Mentor side: bundles opened with `coach review`, kept until they expire, searchable.
    db.execute(
        """
        CREATE TABLE review_bundles (
            share TEXT PRIMARY KEY,
            mentee_name TEXT NOT NULL,
            mentee_key TEXT NOT NULL,
            scope TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT,
            opened_at TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            payload TEXT NOT NULL
        )
        """
    )
    db.execute(
        "CREATE VIRTUAL TABLE review_fts USING fts5("
        "text, share UNINDEXED, session UNINDEXED, n UNINDEXED, role UNINDEXED, tokenize='unicode61')"
    )


MIGRATIONS.append(("002_shares_config_review", _m002_shares_config_review))


# --- 003: provenance ids, and history without copies ------------------------------------------
#
# coach 0.1 kept a deep copy of every value in each history entry and no record of where a
# copied word came from. This rewrites each session's state into the new form and derives what
# provenance it can: values and answers are matched to the turns they were typed in (exact
# text), and a coach turn is taken to repeat a mentee turn when it shares three words in a row
# with it (pronouns counted alike, "I miss my X" ~ "you miss your X") or all of a short
# answer's key words. New sessions record provenance as they go and never need this.

_PRONOUNS = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours",
                       "you", "your", "yours", "yourself"})
_COMMON = frozenset({
    "yes", "yeah", "nope", "maybe", "okay", "sure", "fine", "dont", "know", "not", "really", "that",
    "this", "with", "have", "what", "about", "just", "like", "would", "could", "some", "thing",
    "things", "think", "there", "their", "they", "them", "then", "than", "very",
})


def _tokens(text: str) -> list[str]:
    return ["P" if w in _PRONOUNS else w for w in re.findall(r"[\w']+", text.lower())]


def _repeats(secret: str, other: str) -> bool:
    sw, ow = _tokens(secret), _tokens(other)
    if len(sw) >= 3 and len(ow) >= 3:
        grams = {tuple(sw[i : i + 3]) for i in range(len(sw) - 2)}
        if any(tuple(ow[i : i + 3]) in grams for i in range(len(ow) - 2)):
            return True
    key = [w for w in sw if len(w) >= 4 and w not in _COMMON and w != "P"]
    return 0 < len(sw) < 3 and bool(key) and all(w in ow for w in key)


def _undo_from_copies(history: list[dict[str, Any]], current: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for i, entry in enumerate(history):
        old = entry.get("values") or {}
        new = (history[i + 1].get("values") or {}) if i + 1 < len(history) else current
        texts: dict[str, str | None] = {}
        lengths: dict[str, int] = {}
        for var in set(old) | set(new):
            if var in ("answer", "previous") or old.get(var) == new.get(var):
                continue
            if isinstance(new.get(var), list):
                lengths[var] = len(old[var]) if isinstance(old.get(var), list) else 0
            else:
                texts[var] = old[var] if isinstance(old.get(var), str) else None
        counters = {k: (entry.get("state") or {}).get(k) for k in ("depth", "short_streak", "items", "item_index")}
        out.append({"step": entry.get("step"), "texts": texts, "lengths": lengths, "counters": counters,
                    "sources": {}})
    return out


def _m003_provenance(db: Database) -> None:
    db.execute("ALTER TABLE turns ADD COLUMN sources TEXT")
    said: dict[int, list[tuple[int, str]]] = {}
    for sid, n, text in db.execute("SELECT session_id, n, text FROM turns WHERE role = 'mentee' ORDER BY n"):
        said.setdefault(int(sid), []).append((int(n), str(text)))
    rows = db.execute("SELECT id, vals, state, previous_id FROM sessions").fetchall()
    for sid, vals, state_text, previous_id in rows:
        values, state = json.loads(vals or "{}"), json.loads(state_text or "{}")
        new_state = _state_with_provenance(sid, values, state, said, previous_id)
        values.pop("answer", None)
        db.execute(
            "UPDATE sessions SET vals = ?, state = ? WHERE id = ?", [json.dumps(values), json.dumps(new_state), sid]
        )
        # Coach turns: which mentee turns (this session's, and the previous one's for a recap) they repeat.
        typed = [(sid, n, t) for n, t in said.get(sid, [])]
        typed += [(previous_id, n, t) for n, t in said.get(previous_id, [])] if previous_id else []
        coach_turns = db.execute("SELECT id, text FROM turns WHERE session_id = ? AND role = 'coach'", [sid])
        for tid, text in coach_turns.fetchall():
            found = [f"{owner}:{n}" for owner, n, t in typed if not t.startswith("/") and _repeats(t, text)]
            if found:
                db.execute("UPDATE turns SET sources = ? WHERE id = ?", [json.dumps(found), tid])


def _refs(owner: int, turns: list[tuple[int, str]], text: Any) -> list[str]:
    """The turns of session ``owner`` whose text is exactly ``text``."""
    if not isinstance(text, str) or not text.strip():
        return []
    return [f"{owner}:{n}" for n, t in turns if t.strip() == text.strip()]


def _state_with_provenance(
    sid: int, values: dict[str, Any], state: dict[str, Any], said: dict[int, list[tuple[int, str]]],
    previous_id: int | None,
) -> dict[str, Any]:
    mine = said.get(sid, [])
    sources: dict[str, Any] = {}
    for var, value in values.items():
        if var not in ("answer", "previous"):
            items = value if isinstance(value, list) else None
            sources[var] = [_refs(sid, mine, v) for v in items] if items is not None else _refs(sid, mine, value)
    previous = values.get("previous") or {}
    if previous and previous_id is not None:
        earlier = said.get(previous_id, [])
        sources["previous"] = {
            key: [_refs(previous_id, earlier, v) for v in (items if isinstance(items, list) else [items])]
            for key, items in previous.items()
        }
    used: set[int] = set()
    said_refs = []
    for text in state.get("said") or []:
        match = next((n for n, t in mine if t == text and n not in used), None)
        if match is not None:
            used.add(match)
            said_refs.append(f"{sid}:{match}")
    answers = [n for n, t in mine if not t.startswith("/")]
    new_state = {k: v for k, v in state.items() if k not in ("history", "said")}
    new_state.update(
        history=_undo_from_copies(state.get("history") or [], values), said=said_refs, sources=sources,
        answer_turn=answers[-1] if answers else None,
    )
    return new_state


MIGRATIONS.append(("003_provenance", _m003_provenance))


def _m004_turn_kinds(db: Database) -> None:
    # What each turn is (answer; say, ask, rule, reask, move_on, end), for flow statistics and the
    # mentor's brief. Turns from before are left NULL: their kind can only be guessed.
    db.execute("ALTER TABLE turns ADD COLUMN kind TEXT")


MIGRATIONS.append(("004_turn_kinds", _m004_turn_kinds))
