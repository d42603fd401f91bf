"""Counts per flow step from the local transcript (coach flow stats): two grouped queries, nothing leaves."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

_TURNS = """
SELECT s.flow, t.step,
       COUNT(DISTINCT t.session_id),
       SUM(t.kind = 'reask'),
       COUNT(DISTINCT CASE WHEN t.kind = 'reask' THEN t.session_id END),
       SUM(t.kind = 'move_on'),
       SUM(t.role = 'mentee' AND t.text = '/skip'),
       SUM(t.role = 'mentee' AND t.text = '/back'),
       SUM(t.role = 'mentee' AND t.text = '/pause'),
       SUM(t.role = 'mentee' AND t.text = '/quit'),
       SUM(t.kind IS NULL),
       MIN(t.phase)
FROM turns t JOIN sessions s ON s.id = t.session_id
{where}
GROUP BY s.flow, t.step
"""
TURN_COLUMNS = ("flow", "step", "reached", "reasks", "reasked_sessions", "moved_on", "skipped", "back", "paused",
                "quit", "unkinded", "phase")

# Where each session is now, by status; a paused session whose last word was not /pause was paused
# another way (Ctrl-C, end of input) and is counted as a pause at its step too.
_ENDS = """
SELECT s.flow, s.step, s.status, COUNT(*),
       SUM(s.status = 'paused' AND COALESCE((SELECT t.text FROM turns t WHERE t.session_id = s.id
            AND t.role = 'mentee' ORDER BY t.n DESC LIMIT 1), '') != '/pause')
FROM sessions s
{where}
GROUP BY s.flow, s.step, s.status
"""


def step_counts(db: Database, flow: str | None = None) -> list[dict[str, Any]]:
    """Per (flow, step): sessions that reached it, re-asks, moves on, /skip, /back, /pause, /quit."""
    where, params = ("WHERE s.flow = ?", [flow]) if flow is not None else ("", [])
    rows = db.execute(_TURNS.format(where=where), params).fetchall()
    return [dict(zip(TURN_COLUMNS, (r[0], r[1], *(int(x or 0) for x in r[2:11]), r[11]), strict=True)) for r in rows]


def session_ends(db: Database, flow: str | None = None) -> list[dict[str, Any]]:
    """Per (flow, step, status): how many sessions are there now, and how many were paused without /pause."""
    where, params = ("WHERE s.flow = ?", [flow]) if flow is not None else ("", [])
    rows = db.execute(_ENDS.format(where=where), params).fetchall()
    return [{"flow": r[0], "step": r[1], "status": r[2], "sessions": int(r[3]), "silent_pauses": int(r[4] or 0)}
            for r in rows]
