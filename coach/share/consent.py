"""Consent as data: what a share carries (scope, redactions, expiry), the share log, revocation."""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from nacl.signing import SigningKey

from coach.errors import ConsentError, NotFound, UsageError
from coach.share.bundle import seal
from coach.share.entry import Scope, session_entry
from coach.share.export import session_document
from coach.share.keys import MentorPublic, b64, unb64
from coach.store.connection import now
from coach.store.database import Store

SCOPES = ("summary", "full")
DEFAULT_EXPIRY_DAYS = 30
MAX_EXPIRY_DAYS = 3650


@dataclass(frozen=True)
class ShareRequest:
    """What the mentee asked to share, with whom, and for how long."""

    session_ids: tuple[int, ...]
    mentor: MentorPublic
    scope: str = "summary"
    redact: dict[int, frozenset[int]] = field(default_factory=dict)
    expires_days: int = DEFAULT_EXPIRY_DAYS


@dataclass
class Draft:
    """A share ready to seal: the exact payload plus what was held back and why."""

    request: ShareRequest
    payload: dict[str, Any]
    # session id -> {"turns": [n...asked], "echoes": {n: reason}, "summary": count}
    withheld: dict[int, dict[str, Any]]


def parse_redactions(specs: tuple[str, ...] | list[str], session_ids: tuple[int, ...]) -> dict[int, frozenset[int]]:
    """``3,5-7`` (one session) or ``ID:3,5-7`` (several) into {session: turn numbers}."""
    out: dict[int, set[int]] = {}
    for spec in specs:
        sid_text, sep, turns_text = spec.strip().rpartition(":")
        if sep:
            try:
                sid = int(sid_text)
            except ValueError:
                raise UsageError(f"--redact {spec!r}: expected SESSION:TURNS, e.g. 2:3,5-7") from None
            if sid not in session_ids:
                raise UsageError(f"--redact {spec!r}: session {sid} is not one of those being shared")
        elif len(session_ids) == 1:
            sid = session_ids[0]
        else:
            raise UsageError(
                f"--redact {spec!r}: with several sessions, say which, e.g. --redact {session_ids[0]}:{spec}"
            )
        out.setdefault(sid, set()).update(_turn_numbers(turns_text, spec))
    return {sid: frozenset(ns) for sid, ns in out.items()}


def _turn_numbers(text: str, spec: str) -> set[int]:
    numbers: set[int] = set()
    for part in filter(None, (p.strip() for p in text.split(","))):
        m = re.fullmatch(r"(\d+)(?:\s*-\s*(\d+))?", part)
        if not m or int(m.group(1)) < 1 or (m.group(2) and int(m.group(2)) < int(m.group(1))):
            raise UsageError(f"--redact {spec!r}: {part!r} is not a turn number or range like 5-7")
        numbers.update(range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1))
    if not numbers:
        raise UsageError(f"--redact {spec!r}: no turn numbers given")
    return numbers


def draft_share(store: Store, req: ShareRequest, at: datetime | None = None) -> Draft:
    """Build exactly what the mentor will get, applying scope and redactions.

    Redaction and scope follow provenance, never text: a coach turn or summary item is held
    back when any mentee turn its words came from is redacted, or belongs to a session that is
    not in this share (a recap quoting an earlier conversation)."""
    if req.scope not in SCOPES:
        raise UsageError(f"--scope must be one of {', '.join(SCOPES)}")
    if not req.session_ids:
        raise UsageError("name at least one session to share (see: coach sessions)")
    if not 1 <= req.expires_days <= MAX_EXPIRY_DAYS:
        raise UsageError(f"--expires takes 1 to {MAX_EXPIRY_DAYS} days")
    at = at or datetime.now(UTC)
    ids = tuple(dict.fromkeys(req.session_ids))
    docs = [session_document(store, sid) for sid in ids]
    mentees = sorted({d["session"]["mentee"] for d in docs})
    if len(mentees) > 1:
        raise ConsentError(
            f"these sessions belong to different mentees ({', '.join(mentees)}); share one person's at a time"
        )
    # A later session can quote an earlier one (a recap): every redaction counts in every session.
    redacted = {f"{sid}:{n}" for sid, ns in req.redact.items() for n in ns}
    sessions, withheld = [], {}
    for doc in docs:
        entry, held = _session_entry(doc, req, ids, redacted)
        sessions.append(entry)
        withheld[doc["session"]["id"]] = held
    payload = {
        "share": uuid.uuid4().hex,
        "created_at": _ts(at),
        "expires_at": _ts(at + timedelta(days=req.expires_days)),
        "from": {"name": mentees[0]},
        "to": {"name": req.mentor.name, "key": b64(req.mentor.key)},
        "scope": req.scope,
        "sessions": sessions,
    }
    return Draft(req, payload, withheld)


def _session_entry(
    doc: dict[str, Any], req: ShareRequest, ids: tuple[int, ...], redacted: set[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    sid = doc["session"]["id"]
    numbers = {t["n"] for t in doc["turns"]}
    asked = set(req.redact.get(sid, frozenset()))
    if missing := sorted(asked - numbers):
        have = f"turns 1-{max(numbers)}" if numbers else "no turns"
        raise UsageError(f"session {sid} has no turn {missing[0]} (it has {have}; see: coach show {sid})")
    scope = Scope(full=req.scope == "full", redacted=frozenset(redacted), asked=frozenset(asked),
                  shared=frozenset(str(i) for i in ids))
    return session_entry(doc, scope)


def _ts(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def describe(draft: Draft) -> list[str]:
    """Plain-words lines on what will leave, for the preview and the confirmation prompt."""
    p, req = draft.payload, draft.request
    ids = ", ".join(str(s["id"]) for s in p["sessions"])
    what = "the summary only" if req.scope == "summary" else "the summary and the transcript"
    lines = [
        f"To: {req.mentor.name} (key {req.mentor.fingerprint}); only this key can open the file.",
        f"What: {what} of session{'s' if len(p['sessions']) > 1 else ''} {ids}, from {p['from']['name']}"
        " (the summary is your words: goals, the why-chain to bedrock, confirmed motivations, passions,"
        " strengths, sweet spot and experiment).",
        f"Expires: {p['expires_at'][:10]} (coach review refuses it after that).",
    ]
    for sid, held in draft.withheld.items():
        parts = []
        if held["turns"] and req.scope == "full":
            parts.append(f"turn{'s' if len(held['turns']) > 1 else ''} {_ranges(held['turns'])} as you asked")
        if req.scope == "full":
            parts += [f"turn {n} ({why})" for n, why in sorted(held["echoes"].items())]
        if held["summary"]:
            n = held["summary"]
            parts.append(f"{n} summary item{'s that repeat' if n > 1 else ' that repeats'} a withheld turn")
        if held.get("chain"):
            n = held["chain"]
            parts.append(f"{n} link{'s' if n > 1 else ''} of the why-chain that repeat{'' if n > 1 else 's'}"
                         " a withheld turn")
        if parts:
            lines.append(f"Withheld from session {sid}: " + "; ".join(parts) + ".")
    lines.append("Once sent, a file cannot be recalled: revoking only stops you re-issuing it.")
    return lines


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    for n in sorted(numbers):
        if out and out[-1].split("-")[-1] == str(n - 1):
            out[-1] = out[-1].split("-")[0] + f"-{n}"
        else:
            out.append(str(n))
    return ",".join(out)


# --- the share log -------------------------------------------------------------------------


@dataclass(frozen=True)
class ShareRecord:
    """One logged share."""

    id: int
    uuid: str
    out: Path
    sha256: str


def create_share(store: Store, draft: Draft, out: Path, signer: SigningKey) -> ShareRecord:
    """Seal the draft to the mentor, write it to ``out`` (0600, never overwriting) and log it."""
    data = seal(draft.payload, signer, draft.request.mentor.key)
    return _log(store, draft, out, data)


def _log(store: Store, draft: Draft, out: Path, data: bytes) -> ShareRecord:
    p, req = draft.payload, draft.request
    sha = hashlib.sha256(data).hexdigest()
    # The log row and the file appear together: if the file cannot be written, nothing is logged.
    with store.db.atomic():
        cur = store.db.execute(
            "INSERT INTO shares (uuid, created_at, mentee, mentor_name, mentor_key, scope, session_ids,"
            " redactions, withheld, expires_at, out_path, sha256, payload) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                p["share"],
                now(),
                p["from"]["name"],
                req.mentor.name,
                b64(req.mentor.key),
                req.scope,
                json.dumps([s["id"] for s in p["sessions"]]),
                json.dumps({str(k): sorted(v) for k, v in req.redact.items()}),
                json.dumps({str(k): v for k, v in draft.withheld.items()}),
                p["expires_at"],
                str(out.resolve()),
                sha,
                json.dumps(p, ensure_ascii=False),
            ],
        )
        write_new_file(out, data)
    return ShareRecord(int(cur.lastrowid or 0), p["share"], out, sha)


def write_new_file(out: Path, data: bytes) -> None:
    """Write ``data`` to a new 0600 file; refuse to overwrite."""
    try:
        fd = os.open(out, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise UsageError(f"{out} already exists; choose another --out (nothing was shared)") from None
    except OSError as e:
        raise UsageError(f"{out}: {e.strerror or e} (nothing was shared)") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except OSError as e:
        out.unlink(missing_ok=True)
        raise UsageError(f"{out}: {e.strerror or e} (nothing was shared)") from None


def shares(store: Store) -> list[dict[str, Any]]:
    """Every logged share, newest first."""
    rows = []
    for r in store.db.query("SELECT * FROM shares ORDER BY id DESC"):
        r = dict(r)
        for k in ("session_ids", "redactions", "withheld"):
            r[k] = json.loads(r[k])
        r["payload"] = json.loads(r["payload"]) if r["payload"] else None
        rows.append(r)
    return rows


def share(store: Store, share_id: int) -> dict[str, Any]:
    """One logged share."""
    for r in shares(store):
        if r["id"] == share_id:
            return r
    raise NotFound(f"no share {share_id} (see: coach shares)")


def revoke(store: Store, share_id: int) -> dict[str, Any]:
    """Record that the mentee withdrew this share; it can no longer be re-issued."""
    row = share(store, share_id)
    if row["revoked_at"] is None:
        store.db.execute("UPDATE shares SET revoked_at = ? WHERE id = ?", [now(), share_id])
    return share(store, share_id)


def reissue(store: Store, share_id: int, out: Path, signer: SigningKey, at: datetime | None = None) -> ShareRecord:
    """Write a logged share again (same content, mentor and expiry), unless revoked, expired or erased."""
    row = share(store, share_id)
    if row["revoked_at"]:
        raise ConsentError(f"share {share_id} was revoked on {row['revoked_at'][:10]}; make a new share instead")
    if row["payload"] is None:
        raise ConsentError(f"share {share_id}'s content was erased with its session; make a new share instead")
    if datetime.fromisoformat(row["expires_at"].replace("Z", "+00:00")) <= (at or datetime.now(UTC)):
        raise ConsentError(f"share {share_id} expired on {row['expires_at'][:10]}; make a new share instead")
    payload = dict(row["payload"])
    payload["from"] = {"name": payload["from"]["name"]}
    data = seal(payload, signer, unb64(row["mentor_key"]))
    write_new_file(out, data)
    return ShareRecord(share_id, row["uuid"], out, hashlib.sha256(data).hexdigest())
