"""A session as JSON, Markdown or plain text: what `coach show` prints."""

from __future__ import annotations

import re
from typing import Any

from coach.conversation.summary import summarise_with_sources
from coach.store.database import Store
from coach.terminal import one_line, printable

SESSION_KEYS = (
    "id", "mentee", "flow", "flow_version", "flow_path", "status", "step", "phase",
    "started_at", "updated_at", "ended_at", "previous_id",
)
TURN_KEYS = (
    "n", "role", "text", "step", "phase", "at", "canonical", "rephrased",
    "guard_ok", "guard_reasons", "model_sha256", "prompt", "sources", "kind",
)


def session_document(store: Store, session_id: int, summary_map: dict[str, Any] | None = None) -> dict[str, Any]:
    """``{"session": ..., "turns": [...], "summary": ...}`` for one session."""
    row = store.session(session_id)
    session = {k: row[k] for k in SESSION_KEYS}
    session["values"] = {k: v for k, v in row["values"].items() if k not in ("previous", "answer")}
    turns = []
    for t in store.turns(session_id):
        turn = {k: t[k] for k in TURN_KEYS}
        if t["role"] == "mentee":
            for k in ("canonical", "rephrased", "guard_ok", "guard_reasons", "model_sha256", "prompt", "sources"):
                turn.pop(k)
        turns.append(turn)
    mapping = summary_map if summary_map is not None else row["state"].get("summary_map") or DEFAULT_SUMMARY_MAP
    sources = row["state"].get("sources") or {}
    summary, where = summarise_with_sources(row["values"], sources, mapping)
    return {
        "session": session, "turns": turns, "summary": summary, "summary_sources": where,
        # For the brief: where each value's words came from, and the earlier session's summary
        # this one opened with (its experiment, to ask how it went).
        "value_sources": {k: v for k, v in sources.items() if k != "previous"},
        "previous": row["values"].get("previous") or {},
        "previous_sources": sources.get("previous") or {},
    }


DEFAULT_SUMMARY_MAP: dict[str, Any] = {
    "goals": ["goal", "want_job"],
    "motivations": ["motivations"],
    "bedrock": ["bedrock"],
    "passions": ["passions"],
    "experiment": "experiment",
}


def markdown(text: Any) -> str:
    """Words from data as inline Markdown: one line, no control characters, no markup or raw HTML."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~&])", r"\\\1", one_line(text))


def render_text(doc: dict[str, Any], markdown: bool = False) -> str:
    """A readable transcript, summary first; in Markdown every stored word is escaped."""
    q = _markdown if markdown else printable
    s, summary = doc["session"], doc["summary"]
    h1, h2, bullet = ("# ", "## ", "- ") if markdown else ("", "", "  - ")
    lines = [
        f"{h1}Session {s['id']}: {q(s['mentee'])} ({q(s['status'])}, {q(s['flow'])} v{s['flow_version']})",
        f"Started {s['started_at']}" + (f", ended {s['ended_at']}" if s.get("ended_at") else ""),
        "",
        f"{h2}Summary",
    ]
    for key in ("goals", "motivations", "bedrock", "passions"):
        items = summary.get(key) or []
        lines.append(f"{key.capitalize()}:" + ("" if items else " (none yet)"))
        lines += [f"{bullet}{q(item)}" for item in items]
    lines.append(f"Experiment: {q(summary.get('experiment')) if summary.get('experiment') else '(none yet)'}")
    lines += ["", f"{h2}Transcript"]
    phase = None
    for t in doc["turns"]:
        if t["phase"] != phase:
            phase = t["phase"]
            lines += ["", f"[{q(phase)}]" if not markdown else f"### {q(phase)}"]
        who = "Coach" if t["role"] == "coach" else s["mentee"]
        if markdown:
            lines.append(f"**{q(who)}:** {q(t['text'])}  ")
        else:
            lines.append(f"{q(who)}: {q(t['text'])}")
        if t["role"] == "coach" and t.get("rephrased"):
            lines.append(f"{'  ' if not markdown else '> '}(flow wording: {q(t['canonical'])})")
    return "\n".join(lines) + "\n"


_markdown = markdown
