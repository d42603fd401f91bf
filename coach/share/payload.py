"""What a bundle's payload may hold, checked after its signature: a signed bundle is not a trusted one.

A mentee signs whatever they like; a crafted bundle can carry markup as a session id or escape
sequences as a withheld-turn number. Every field gets its type and shape checked here, and the
renderers still escape everything (this only makes nonsense a clear refusal). Plain code rather
than a JSON Schema: it runs once per turn of a bundle, and jsonschema took 100x longer.
"""

from __future__ import annotations

import re
from typing import Any

from coach.errors import BundleError

_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")
_SHARE = re.compile(r"[0-9a-f]{32}")
_PHASE = re.compile(r"[a-z][a-z0-9_]{0,39}")
STATUSES = frozenset({"active", "paused", "completed", "stopped"})
KINDS = frozenset({"answer", "say", "ask", "rule", "reask", "move_on", "end"})
LINKS = frozenset({"goal", "why", "bedrock"})
MAX_TEXT = 1_000_000
MAX_ITEMS = 10_000


class _Bad(Exception):
    """The path of the first field that is not what coach writes."""


def _need(ok: bool, *where: object) -> None:
    if not ok:
        raise _Bad("/".join(str(w) for w in where) or "the payload")


def _int(value: Any, minimum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def _text(value: Any, limit: int = MAX_TEXT) -> bool:
    return isinstance(value, str) and len(value) <= limit


def _stamp(value: Any) -> bool:
    return isinstance(value, str) and _STAMP.fullmatch(value) is not None


def _check_summary(summary: Any, where: tuple[object, ...]) -> None:
    _need(isinstance(summary, dict), *where)
    for key, value in summary.items():
        here = (*where, key)
        _need(_text(key, 100), *here)
        if isinstance(value, list):
            _need(len(value) <= MAX_ITEMS and all(_text(v) for v in value), *here)
        else:
            _need(value is None or _text(value), *here)


def _check_turn(turn: Any, where: tuple[object, ...]) -> None:
    _need(isinstance(turn, dict), *where)
    if "withheld" in turn:
        ns = turn["withheld"]
        _need(set(turn) <= {"withheld", "phase"} and isinstance(ns, list) and bool(ns) and all(_int(n, 1) for n in ns),
              *where, "withheld")
        _need("phase" not in turn or _phase(turn["phase"]), *where, "phase")
        return
    # "kind" came with coach 0.2; bundles from before have none and still open.
    _need({"n", "role", "phase", "text"} <= set(turn) <= {"n", "role", "phase", "text", "kind"}, *where)
    _need(_int(turn["n"], 1), *where, "n")
    _need(turn["role"] in ("coach", "mentee"), *where, "role")
    _need(_phase(turn["phase"]), *where, "phase")
    _need(_text(turn["text"]), *where, "text")
    _need(turn.get("kind") is None or turn["kind"] in KINDS, *where, "kind")


def _phase(value: Any) -> bool:
    return isinstance(value, str) and _PHASE.fullmatch(value) is not None


def _check_names(names: Any, where: tuple[object, ...], key: Any) -> None:
    """Phase titles or motivation labels: short ids to short text."""
    _need(isinstance(names, dict) and len(names) <= 200, *where)
    for k, v in names.items():
        _need(key(k) and _text(v, 500), *where, k)


def _check_chain(chain: Any, where: tuple[object, ...]) -> None:
    _need(isinstance(chain, list) and len(chain) <= MAX_ITEMS, *where)
    for i, link in enumerate(chain):
        here = (*where, i)
        _need(isinstance(link, dict) and link.get("kind") in LINKS, *here)
        if "withheld" in link:
            _need(set(link) == {"kind", "withheld"} and link["withheld"] is True, *here)
            continue
        _need(set(link) == {"kind", "text", "turns", "corrected_at", "was"}, *here)
        _need(_text(link["text"]), *here, "text")
        turns = link["turns"]
        _need(isinstance(turns, list) and len(turns) <= MAX_ITEMS and all(_int(n, 1) for n in turns), *here, "turns")
        _need(link["corrected_at"] is None or _int(link["corrected_at"], 1), *here, "corrected_at")
        _need(link["was"] is None or _text(link["was"]), *here, "was")


def _check_last(last: Any, where: tuple[object, ...]) -> None:
    _need(isinstance(last, dict) and set(last) == {"experiment", "review"}, *where)
    for k in ("experiment", "review"):
        _need(last[k] is None or _text(last[k]), *where, k)


def _check_session(s: Any, where: tuple[object, ...]) -> None:
    _need(isinstance(s, dict), *where)
    for key in ("id", "flow", "flow_version", "status", "started_at", "ended_at", "summary", "summary_withheld"):
        _need(key in s, *where, key)
    _need(_int(s["id"], 1), *where, "id")
    _need(_text(s["flow"], 200) and bool(s["flow"]), *where, "flow")
    _need(_int(s["flow_version"], -(2**31)), *where, "flow_version")
    _need(s["status"] in STATUSES, *where, "status")
    _need(_stamp(s["started_at"]), *where, "started_at")
    _need(s["ended_at"] is None or _stamp(s["ended_at"]), *where, "ended_at")
    _check_summary(s["summary"], (*where, "summary"))
    _need(_int(s["summary_withheld"], 0), *where, "summary_withheld")
    # The brief's parts (coach 0.2): optional, so earlier bundles still open.
    if "titles" in s:
        _check_names(s["titles"], (*where, "titles"), _phase)
    if "labels" in s:
        _check_names(s["labels"], (*where, "labels"), lambda k: _text(k, 100) and bool(k))
    if "chain" in s:
        _check_chain(s["chain"], (*where, "chain"))
    if "last_experiment" in s:
        _check_last(s["last_experiment"], (*where, "last_experiment"))
    if "turns" in s:
        turns = s["turns"]
        _need(isinstance(turns, list), *where, "turns")
        for i, turn in enumerate(turns):
            _check_turn(turn, (*where, "turns", i))


def _check(payload: Any) -> None:
    _need(isinstance(payload, dict))
    for key in ("share", "created_at", "expires_at", "from", "to", "scope", "sessions"):
        _need(key in payload, key)
    _need(isinstance(payload["share"], str) and _SHARE.fullmatch(payload["share"]) is not None, "share")
    _need(_stamp(payload["created_at"]), "created_at")
    _need(_stamp(payload["expires_at"]), "expires_at")
    for side in ("from", "to"):
        who = payload[side]
        _need(isinstance(who, dict) and _text(who.get("name"), 200) and bool(who.get("name")), side, "name")
    _need(payload["scope"] in ("summary", "full"), "scope")
    sessions = payload["sessions"]
    _need(isinstance(sessions, list) and 0 < len(sessions) <= MAX_ITEMS, "sessions")
    for i, s in enumerate(sessions):
        _check_session(s, ("sessions", i))


def check_payload(payload: Any, label: str) -> None:
    """BundleError (one line, naming the field but never quoting its value) unless well formed."""
    try:
        _check(payload)
    except _Bad as e:
        what = f"{e} is not what coach writes"
        raise BundleError(f"{label}: not a well-formed coach bundle ({what}); not opened") from None
