"""A mentee's own history: their sessions and summaries over time, search across them, and the
same readable page a mentor gets, as their own copy with nothing withheld."""

from __future__ import annotations

from typing import Any

from coach.errors import StoreError
from coach.share.brief import local_time
from coach.store import search as index
from coach.store.database import Store
from coach.terminal import json_text, one_line


def own_page(store: Store, session_id: int) -> str:
    """One session as the readable brief page, the mentee's own copy: nothing withheld, no notes."""
    # Imported here: `coach search` and `coach history` need none of the page machinery.
    from coach.share.brief import brief
    from coach.share.entry import Scope, session_entry
    from coach.share.export import session_document
    from coach.share.render_html import brief_page

    doc = session_document(store, session_id)
    entry, _ = session_entry(doc, Scope())
    mentee = {"name": doc["session"]["mentee"], "fingerprint": "", "sessions": [entry], "trajectory": []}
    return brief_page(brief([], [mentee]), own=True)


def history(store: Store, mentee: str | None = None) -> list[dict[str, Any]]:
    """Every session (of one mentee, if named), oldest first, with its summary in their words."""
    from coach.conversation.summary import summarise_with_sources
    from coach.share.export import DEFAULT_SUMMARY_MAP
    from coach.share.flowinfo import flow_info

    out = []
    for row in reversed(store.sessions(mentee)):
        try:
            s = store.session(row["id"])
        except StoreError:  # a damaged session still gets its line
            out.append({**_listing(row), "summary": {}, "damaged": True})
            continue
        mapping = s["state"].get("summary_map") or DEFAULT_SUMMARY_MAP
        summary, _ = summarise_with_sources(s["values"], s["state"].get("sources") or {}, mapping)
        info = flow_info(str(s["flow"]), str(s["flow_path"]))
        summary["motivations"] = [info.labels.get(m) or m.replace("_", " ") for m in summary.get("motivations") or []]
        review_key = info.review_of(s["values"])
        review = s["values"].get(review_key) if review_key else None
        out.append({**_listing(row), "summary": summary,
                    "experiment_review": review if isinstance(review, str) and review.strip() else None})
    return out


def _listing(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("id", "mentee", "status", "started_at", "ended_at", "previous_id")}


PARTS = (("goals", "Heading"), ("bedrock", "Bedrock"), ("motivations", "Drives"), ("passions", "Lights up"),
         ("strengths", "Strengths"), ("sweet_spot", "Sweet spot"))


def render_history(rows: list[dict[str, Any]], fmt: str) -> str:
    """The history as text, Markdown or JSON; every stored word escaped for its format."""
    if fmt == "json":
        return json_text(rows) + "\n"
    if not rows:
        return "No sessions yet. Start one with: coach chat\n"
    md = fmt == "md"
    from coach.share.export import markdown

    q = markdown if md else one_line
    head, bullet = ("## ", "- ") if md else ("", "    ")
    lines: list[str] = ["# Your sessions over time", ""] if md else []
    for r in rows:
        lines.append(f"{head}{local_time(r['started_at'], with_time=False)}  session {r['id']} ({q(r['status'])},"
                     f" {q(r['mentee'])})")
        s = r["summary"]
        for key, label in PARTS:
            if s.get(key):
                lines.append(f"{bullet}{label}: {'; '.join(q(x) for x in s[key])}")
        if s.get("experiment"):
            lines.append(f"{bullet}Experiment: {q(s['experiment'])}")
        if r.get("experiment_review"):
            lines.append(f"{bullet}How last time's went: {q(r['experiment_review'])}")
        if r.get("damaged"):
            lines.append(f"{bullet}(this session's saved state is damaged; coach show {r['id']} shows its transcript)")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def search(store: Store, text: str, mentee: str | None = None, limit: int = index.MAX_HITS) -> list[dict[str, Any]]:
    """Passages with every word of ``text`` across the stored sessions, best first."""
    return [
        {"session": h.session_id, "turn": h.n, "role": h.role, "phase": h.phase, "at": h.at, "snippet": h.snippet}
        for h in index.search(store.db, text, mentee, limit)
    ]


def render_search(hits: list[dict[str, Any]], fmt: str) -> str:
    """One line per passage (escaped), or JSON."""
    if fmt == "json":
        return json_text(hits) + "\n"
    if not hits:
        return "No passages found in your sessions.\n"
    return "".join(
        f"session {h['session']}, turn {h['turn']} ({local_time(h['at'])},"
        f" {'you' if h['role'] == 'mentee' else 'coach'}): {one_line(h['snippet'])}\n"
        for h in hits
    )
