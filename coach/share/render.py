"""A review laid out for the mentor: plain text, Markdown, JSON, or one printable HTML page."""

from __future__ import annotations

from typing import Any

from coach.share.export import markdown
from coach.share.render_html import review_page, search_page
from coach.share.review import Review
from coach.terminal import json_text, one_line

LABELS = (("goals", "Goals"), ("motivations", "Motivations"), ("bedrock", "Bedrock"), ("passions", "Passions"))


def clean(text: Any) -> str:
    """Text from a bundle, safe for a terminal and on one line: no control characters or bidi overrides."""
    return one_line(text)


def _ranges(ns: Any) -> str:
    ns = [clean(n) for n in ns] if isinstance(ns, list) and ns else ["?"]
    return f"turn {ns[0]}" if len(ns) == 1 else f"turns {ns[0]}-{ns[-1]}"


def _md(text: Any) -> str:
    return markdown(text)


def render(review: Review, fmt: str) -> str:
    """The review in ``fmt`` (text, md, json or html)."""
    if fmt == "json":
        return json_text({"bundles": review.bundles, "mentees": review.mentees}) + "\n"
    if fmt == "html":
        return render_html(review)
    return render_text(review, markdown=fmt == "md")


def render_html(review: Review) -> str:
    """One self-contained, printable page; every word from a bundle is escaped."""
    return review_page(review.bundles, review.mentees, LABELS)


def render_text(review: Review, markdown: bool = False) -> str:
    """Bundles, then per mentee: trajectory, and each session's summary before its transcript.

    Every field comes from a bundle (signed by the mentee, so possibly crafted): every one goes
    through ``q``, the numbers and dates too.
    """
    q = _md if markdown else clean
    h1, h2, bullet = ("# ", "## ", "- ") if markdown else ("", "", "  - ")
    lines = [f"{h1}Shared with you", ""]
    for b in review.bundles:
        sessions = b["sessions"] if isinstance(b["sessions"], list) else []
        lines.append(
            f"{bullet}{q(b['file'])}: from {q(b['mentee'])} (key {q(b['mentee_key'])}), {q(b['scope'])}, "
            f"session{'s' if len(sessions) > 1 else ''} {q(', '.join(map(str, sessions)))}; "
            f"shared {q(str(b['created_at'])[:10])}, expires {q(str(b['expires_at'])[:10])}"
        )
    for m in review.mentees:
        lines += ["", f"{h1}{q(m['name'])} (key {q(m['fingerprint'])})"]
        if m["trajectory"]:
            lines += ["", f"{h2}Over time"]
            for point in m["trajectory"]:
                note = "" if point["in_these_files"] else " (from a bundle you already hold)"
                lines.append(f"{bullet}{q(str(point['started_at'])[:10])}, session {q(point['session'])}{note}:")
                for key, label in LABELS[:3]:
                    if point[key]:
                        lines.append(
                            f"{'    ' if not markdown else '  - '}{label}: {'; '.join(q(x) for x in point[key])}"
                        )
        for s in m["sessions"]:
            lines += _session_text(s, m["name"], q, markdown)
    return "\n".join(lines) + "\n"


def _session_text(s: dict[str, Any], name: str, q: Any, markdown: bool) -> list[str]:
    h2, h3, bullet = ("## ", "### ", "- ") if markdown else ("", "", "  - ")
    ended = f", ended {q(str(s['ended_at'])[:16].replace('T', ' '))}" if s.get("ended_at") else ""
    lines = [
        "",
        f"{h2}Session {q(s['id'])} ({q(s['status'])}, started {q(str(s['started_at'])[:16].replace('T', ' '))}{ended})",
        "",
        f"{h3}Summary",
    ]
    summary = s["summary"] if isinstance(s.get("summary"), dict) else {}
    for key, label in LABELS:
        items = summary.get(key) or []
        lines.append(f"{label}:" + ("" if items else " (none)"))
        lines += [f"{bullet}{q(item)}" for item in items]
    lines.append(f"Experiment: {q(summary['experiment']) if summary.get('experiment') else '(none)'}")
    if s.get("summary_withheld"):
        lines.append(f"({q(s['summary_withheld'])} summary item(s) withheld by {q(name)})")
    lines += ["", f"{h3}Transcript"]
    if "turns" not in s:
        lines.append(f"(not shared: {q(name)} shared the summary only)")
        return lines
    phase = None
    for t in s["turns"]:
        if "withheld" in t:
            lines.append(f"[{q(_ranges(t['withheld']))} withheld by {q(name)}]")
            continue
        if t["phase"] != phase:
            phase = t["phase"]
            lines += ["", f"**[{q(phase)}]**" if markdown else f"[{q(phase)}]"]
        who = "Coach" if t["role"] == "coach" else name
        lines.append(
            f"{q(t['n']):>3}. {'**' + q(who) + ':**' if markdown else q(who) + ':'} {q(t['text'])}"
            + ("  " if markdown else "")
        )
    return lines


def render_search(hits: list[dict[str, Any]], fmt: str) -> str:
    """Search results: where each passage is, and the passage with the match in [brackets]."""
    if fmt == "json":
        return json_text(hits) + "\n"
    if not hits:
        return "No passages found in the bundles you hold.\n"
    lines = []
    for h in hits:
        where = f"turn {h['turn']} ({h['where']})" if h["turn"] is not None else str(h["where"]).replace(":", ": ")
        lines.append(f"{clean(h['mentee'])} ({h['mentee_key']}), session {h['session']}, {where}: {h['snippet']}")
    if fmt == "html":
        return search_page(lines)
    if fmt == "md":
        return "\n".join("- " + _md(line) for line in lines) + "\n"
    return "\n".join(clean(line) for line in lines) + "\n"
