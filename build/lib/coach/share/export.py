"""A session as JSON, Markdown or plain text: what `coach show` prints."""

from __future__ import annotations

from typing import Any

from coach.conversation.summary import summarise
from coach.store.database import Store

SESSION_KEYS = (
    "id", "mentee", "flow", "flow_version", "status", "step", "phase",
    "started_at", "updated_at", "ended_at", "previous_id",
)
TURN_KEYS = (
    "n", "role", "text", "step", "phase", "at", "canonical", "rephrased",
    "guard_ok", "guard_reasons", "model_sha256", "prompt",
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
            for k in ("canonical", "rephrased", "guard_ok", "guard_reasons", "model_sha256", "prompt"):
                turn.pop(k)
        turns.append(turn)
    mapping = summary_map if summary_map is not None else row["state"].get("summary_map") or DEFAULT_SUMMARY_MAP
    return {"session": session, "turns": turns, "summary": summarise(row["values"], mapping)}


DEFAULT_SUMMARY_MAP: dict[str, Any] = {
    "goals": ["goal", "want_job"],
    "motivations": ["motivations"],
    "bedrock": ["bedrock"],
    "passions": ["passions"],
    "experiment": "experiment",
}


def render_text(doc: dict[str, Any], markdown: bool = False) -> str:
    """A readable transcript, summary first."""
    s, summary = doc["session"], doc["summary"]
    h1, h2, bullet = ("# ", "## ", "- ") if markdown else ("", "", "  - ")
    lines = [
        f"{h1}Session {s['id']}: {s['mentee']} ({s['status']}, {s['flow']} v{s['flow_version']})",
        f"Started {s['started_at']}" + (f", ended {s['ended_at']}" if s.get("ended_at") else ""),
        "",
        f"{h2}Summary",
    ]
    for key in ("goals", "motivations", "bedrock", "passions"):
        items = summary.get(key) or []
        lines.append(f"{key.capitalize()}:" + ("" if items else " (none yet)"))
        lines += [f"{bullet}{item}" for item in items]
    lines.append(f"Experiment: {summary.get('experiment') or '(none yet)'}")
    lines += ["", f"{h2}Transcript"]
    phase = None
    for t in doc["turns"]:
        if t["phase"] != phase:
            phase = t["phase"]
            lines += ["", f"[{phase}]" if not markdown else f"### {phase}"]
        who = "Coach" if t["role"] == "coach" else s["mentee"]
        text = t["text"]
        if markdown:
            lines.append(f"**{who}:** {text}  ")
        else:
            lines.append(f"{who}: {text}")
        if t["role"] == "coach" and t.get("rephrased"):
            lines.append(f"{'  ' if not markdown else '> '}(flow wording: {t['canonical']})")
    return "\n".join(lines) + "\n"
