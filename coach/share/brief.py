"""A review laid out as a coaching brief: what each part is called, in what order, in local time.

This turns opened bundles into plain values the HTML template and the text and Markdown
renderers all lay out the same way. Nothing here escapes anything: every string still comes
from a bundle (or a mentor's note) and each renderer escapes it for its own format.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

# The summary in the essay's shape: (summary key, heading). The chain, motivations and the
# experiments have their own parts.
HEADING = "Where they're heading"
PARTS = (
    ("passions", "What lights them up"),
    ("strengths", "What people come to them for"),
    ("sweet_spot", "Where it all overlaps"),
)
LINK_NAMES = {"goal": "Goal", "why": "Why", "bedrock": "Bedrock"}
QUIET = frozenset({"rule", "reask", "move_on"})
COMMANDS = {"/skip": "skipped the question", "/back": "went back", "/pause": "paused", "/quit": "stopped here"}


def plural(n: Any, one: str, many: str | None = None) -> str:
    """``1 summary item``, ``3 summary items``."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def local_time(stamp: Any, with_time: bool = True) -> str:
    """A UTC stamp from a bundle in this machine's time zone, zone named: ``2025-03-12 14:03 CET``."""
    try:
        at = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
        if at.tzinfo is None:
            raise ValueError
    except ValueError:
        return str(stamp)  # not a stamp coach writes (a preview of an old share): shown as it is
    local = at.astimezone()
    return local.strftime("%Y-%m-%d %H:%M %Z" if with_time else "%Y-%m-%d")


def turn_range(ns: Any) -> str:
    """``turn 9`` or ``turns 9-11``."""
    ns = [str(n) for n in ns] if isinstance(ns, list) and ns else ["?"]
    return f"turn {ns[0]}" if len(ns) == 1 else f"turns {ns[0]}-{ns[-1]}"


def brief(bundles: list[dict[str, Any]], mentees: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole review as a brief: the bundles, then per mentee the trajectory and each session."""
    return {
        "bundles": [_bundle(b) for b in bundles],
        "mentees": [_mentee(m) for m in mentees],
    }


def _bundle(b: dict[str, Any]) -> dict[str, Any]:
    sessions = b["sessions"] if isinstance(b.get("sessions"), list) else []
    return {
        "file": _name(b["file"]), "mentee": b["mentee"], "key": b["mentee_key"],
        "scope": "summary only" if b.get("scope") == "summary" else "summary and transcript",
        "sessions": ("session " if len(sessions) == 1 else "sessions ") + ", ".join(map(str, sessions)),
        "shared": local_time(b["created_at"], with_time=False), "expires": local_time(b["expires_at"], False),
    }


def _name(path: Any) -> str:
    """A bundle file by its name: the mentor knows where they keep it."""
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


def _mentee(m: dict[str, Any]) -> dict[str, Any]:
    sessions = [_session(s, m["name"]) for s in reversed(m["sessions"])]  # the latest first
    return {
        "name": m["name"], "fingerprint": m["fingerprint"], "sessions": sessions,
        "trajectory": _trajectory(m.get("trajectory") or []),
    }


def _labels(s: dict[str, Any], ids: Any) -> list[str]:
    labels = s["labels"] if isinstance(s.get("labels"), dict) else {}
    return [str(labels.get(m) or str(m).replace("_", " ")) for m in ids or []]


def _session(s: dict[str, Any], name: str) -> dict[str, Any]:
    summary = s["summary"] if isinstance(s.get("summary"), dict) else {}
    ended = f", ended {local_time(s['ended_at'])}" if s.get("ended_at") else ""
    held = s.get("summary_withheld") or 0
    out: dict[str, Any] = {
        "id": s["id"],
        "title": f"Session {s['id']}, {local_time(s['started_at'], with_time=False)}",
        "meta": f"{s['status']}; started {local_time(s['started_at'])}{ended}",
        "heading": list(summary.get("goals") or []),
        "chain": [_link(link) for link in s.get("chain") or []],
        "motivations": _labels(s, summary.get("motivations")),
        "parts": [(label, list(summary.get(key) or [])) for key, label in PARTS],
        "experiment": summary.get("experiment"),
        "last": s.get("last_experiment") or {},
        "withheld": f"{plural(held, 'summary item')} withheld by {name}" if held else "",
        # None: not the mentor's own review (a mentee's preview of a share), so no notes part at all
        "notes": [{"id": n["id"], "when": local_time(n["created_at"]), "text": n["text"]}
                  for n in s["notes"] or []] if "notes" in s else None,
        "scope": s.get("scope"),
    }
    out["transcript"] = _transcript(s, name) if "turns" in s else None
    return out


def _link(link: dict[str, Any]) -> dict[str, Any]:
    kind = link.get("kind")
    name = LINK_NAMES.get(str(kind), "Why")
    if link.get("withheld"):
        return {"kind": kind, "name": name, "text": None, "note": "withheld"}
    note = f"corrected at turn {link['corrected_at']}" if link.get("corrected_at") else ""
    return {"kind": kind, "name": name, "text": link.get("text"), "note": note, "was": link.get("was")}


def _transcript(s: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The turns in phase blocks, each titled; withheld runs placed in their own phase."""
    titles = s["titles"] if isinstance(s.get("titles"), dict) else {}
    blocks: list[dict[str, Any]] = []
    for t in s["turns"]:
        phase = t.get("phase") or (blocks[-1]["phase"] if blocks else "")
        if not blocks or blocks[-1]["phase"] != phase:
            title = titles.get(phase) or str(phase).replace("_", " ").capitalize()
            blocks.append({"phase": phase, "title": title, "turns": []})
        if "withheld" in t:
            ns = t["withheld"]
            blocks[-1]["turns"].append({"n": ns[0] if isinstance(ns, list) and ns else "?", "cls": "withheld",
                                        "who": "", "text": f"{turn_range(ns).capitalize()} withheld by {name}"})
            continue
        coach = t["role"] == "coach"
        command = "" if coach else COMMANDS.get(str(t["text"]).strip().lower(), "")
        quiet = (coach and t.get("kind") in QUIET) or bool(command)
        blocks[-1]["turns"].append({
            "n": t["n"], "who": "Coach" if coach else name,
            "text": f"{str(t['text']).strip()} ({command})" if command else t["text"],
            "cls": "quiet" if quiet else ("coach" if coach else "mentee"),
        })
    return blocks


def _trajectory(points: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Goals, bedrock and motivations per session, and a dot chart of the motivations over time."""
    if len(points) < 2:
        return None
    rows = [
        {"when": local_time(p["started_at"], with_time=False), "session": p["session"],
         "goals": p.get("goals") or [], "bedrock": p.get("bedrock") or [],
         "motivations": p.get("labels") or [str(m).replace("_", " ") for m in p.get("motivations") or []],
         "held": p.get("in_these_files") is False}
        for p in points
    ]
    return {"rows": rows, "chart": _chart(rows)}


def _chart(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Coordinates for an inline SVG: one line per motivation, one column per session."""
    names = list(dict.fromkeys(m for r in rows for m in r["motivations"]))
    if not names:
        return None
    left, top, col, line = 300, 44, 84, 26
    width = left + col * len(rows) + 10
    height = top + line * len(names) + 8
    columns = [{"x": left + col * i + col // 2, "label": f"session {r['session']}", "when": r["when"]}
               for i, r in enumerate(rows)]
    lines = []
    for j, name in enumerate(names):
        y = top + line * j + line // 2
        dots = [{"x": c["x"], "on": name in r["motivations"]} for c, r in zip(columns, rows, strict=True)]
        lines.append({"y": y, "label": name if len(name) <= 44 else name[:43] + "…", "full": name, "dots": dots})
    return {"width": width, "height": height, "columns": columns, "lines": lines, "left": left}
