"""One session as a brief carries it: the summary, the why-chain with its corrections, how last
time's experiment went, phase titles and motivation labels, and the transcript with each turn's
kind, minus whatever is withheld.

Withholding follows provenance, never text: a coach turn, summary item, chain link or quoted
experiment is held back when any mentee turn its words came from is redacted, or belongs to a
session that is not in the share (a recap quoting an earlier conversation). The mentee's own copy
(``coach show --format html``) is built the same way with nothing withheld.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coach.conversation.summary import KEYS as SUMMARY_KEYS
from coach.share.flowinfo import FlowInfo, flow_info
from coach.share.ladder import chain_of

SESSION_FIELDS = ("id", "flow", "flow_version", "status", "started_at", "ended_at")
KINDS = ("answer", "say", "ask", "rule", "reask", "move_on", "end")


@dataclass(frozen=True)
class Scope:
    """What may leave: the transcript or not, redacted turns, the sessions in the share."""

    full: bool = True
    redacted: frozenset[str] = frozenset()  # "session:n" of every redacted turn, in any session
    asked: frozenset[int] = frozenset()  # this session's turn numbers the mentee redacted
    shared: frozenset[str] | None = None  # session ids in the share; None: every session (own copy)


def held_back(sources: list[str], scope: Scope) -> str:
    """Why words from these mentee turns may not leave ("" if they may)."""
    for ref in sorted(sources):
        if ref in scope.redacted:
            owner, _, n = ref.partition(":")
            return f"repeats turn {n}" if scope.shared is None or owner in scope.shared else f"repeats {ref}"
    if scope.shared is not None:
        for ref in sorted(sources):
            owner = ref.partition(":")[0]
            if owner not in scope.shared:
                return f"quotes session {owner}, not in this share"
    return ""


def session_entry(
    doc: dict[str, Any], scope: Scope, info: FlowInfo | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The session as the bundle carries it, and what was held back: {"turns", "echoes", "summary", "chain"}."""
    s = doc["session"]
    info = info or flow_info(str(s["flow"]), str(s.get("flow_path") or ""))
    echoed = _echoes(doc, scope)
    summary, summary_held = _summary(doc, scope)
    chain, chain_held = _chain(doc, scope, info)
    entry: dict[str, Any] = {k: s[k] for k in SESSION_FIELDS}
    entry["summary"] = summary
    entry["summary_withheld"] = summary_held
    entry["labels"] = {m: info.labels.get(m) or m.replace("_", " ") for m in summary.get("motivations") or []}
    entry["chain"] = chain
    last = _last_experiment(doc, scope, info)
    if last:
        entry["last_experiment"] = last
    phases = dict.fromkeys(str(t["phase"]) for t in doc["turns"])
    entry["titles"] = {p: info.title(p) for p in phases}
    if scope.full:
        entry["turns"] = _turns(doc["turns"], set(scope.asked) | set(echoed))
    held = {"turns": sorted(scope.asked), "echoes": echoed, "summary": summary_held, "chain": chain_held}
    return entry, held


def _echoes(doc: dict[str, Any], scope: Scope) -> dict[int, str]:
    """Coach turns that repeat withheld words, and why.

    A rule reply right after an answer can play that answer back ("Thanks for putting me right:
    ...", "Partly, then: ...") with no sources recorded; after a redacted answer it is withheld
    too, whatever it says: a boilerplate line lost costs less than a redacted word leaked."""
    sid = str(doc["session"]["id"])
    echoed: dict[int, str] = {}
    after: int | None = None  # the redacted answer the coach is replying to, if any
    for t in doc["turns"]:
        if t["role"] == "mentee":
            after = t["n"] if t["n"] in scope.asked or f"{sid}:{t['n']}" in scope.redacted else None
            continue
        why = held_back(t.get("sources") or [], scope)
        if not why and after is not None and t.get("kind") == "rule" and not t.get("sources"):
            why = f"replies to turn {after}"
        if why and t["n"] not in scope.asked:
            echoed[t["n"]] = why
    return echoed


def _summary(doc: dict[str, Any], scope: Scope) -> tuple[dict[str, Any], int]:
    summary: dict[str, Any] = {}
    held = 0
    for key in SUMMARY_KEYS:
        value = doc["summary"].get(key)
        items = value if isinstance(value, list) else ([value] if value else [])
        where = doc.get("summary_sources", {}).get(key) or []
        refs = where if isinstance(value, list) else [where]
        kept = [v for i, v in enumerate(items) if not held_back(refs[i] if i < len(refs) else [], scope)]
        held += len(items) - len(kept)
        summary[key] = kept if isinstance(value, list) or key != "experiment" else (kept[0] if kept else None)
    return summary, held


def _chain(doc: dict[str, Any], scope: Scope, info: FlowInfo) -> tuple[list[dict[str, Any]], int]:
    out: list[dict[str, Any]] = []
    held = 0
    for link in chain_of(doc, info):
        if held_back(link.refs, scope):
            out.append({"kind": link.kind, "withheld": True})
            held += 1
            continue
        # What a correction replaced is a transcript turn: it leaves only with the transcript.
        was = link.was if scope.full and link.was_ref and not held_back([link.was_ref], scope) else None
        sid = str(doc["session"]["id"])
        turns = sorted({int(r.partition(":")[2]) for r in link.refs if r.partition(":")[0] == sid})
        out.append({"kind": link.kind, "text": link.text, "turns": turns, "corrected_at": link.corrected_at,
                    "was": was})
    return out, held


def _last_experiment(doc: dict[str, Any], scope: Scope, info: FlowInfo) -> dict[str, Any]:
    """Last time's experiment (quoted from the earlier session) and how the mentee says it went."""
    chosen = (doc.get("previous") or {}).get("experiment")
    chosen_refs = (doc.get("previous_sources") or {}).get("experiment") or []
    values = doc["session"].get("values") or {}
    review_key = info.review_of(values) or ""
    review = values.get(review_key)
    review_refs = (doc.get("value_sources") or {}).get(review_key) or []
    out = {
        "experiment": chosen if isinstance(chosen, str) and chosen.strip() and not held_back(
            _strs(chosen_refs), scope) else None,
        "review": review if isinstance(review, str) and review.strip() and not held_back(
            _strs(review_refs), scope) else None,
    }
    return out if out["experiment"] or out["review"] else {}


def _strs(refs: Any) -> list[str]:
    if isinstance(refs, list):
        return [str(r) for r in refs if isinstance(r, str)] + [str(x) for r in refs if isinstance(r, list) for x in r]
    return []


def _turns(turns: list[dict[str, Any]], gone: set[int]) -> list[dict[str, Any]]:
    """The transcript; withheld turns become numbered placeholders in place, one per run and phase."""
    out: list[dict[str, Any]] = []
    for t in turns:
        if t["n"] in gone:
            last = out[-1] if out else None
            if last is not None and "withheld" in last and last.get("phase") == t["phase"]:
                last["withheld"].append(t["n"])
            else:
                out.append({"withheld": [t["n"]], "phase": t["phase"]})
            continue
        turn = {"n": t["n"], "role": t["role"], "phase": t["phase"], "text": t["text"]}
        if t.get("kind") in KINDS:
            turn["kind"] = t["kind"]
        out.append(turn)
    return out
