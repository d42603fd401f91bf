"""A review laid out for the mentor: plain text, Markdown, JSON, or one printable HTML page."""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any

from coach.share.review import Review

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LABELS = (("goals", "Goals"), ("motivations", "Motivations"), ("bedrock", "Bedrock"), ("passions", "Passions"))


def clean(text: Any) -> str:
    """Text from a bundle, safe for a terminal: no control characters or bidi overrides."""
    return _CONTROL.sub(" ", str(text)) if text is not None else ""


def _ranges(ns: list[int]) -> str:
    return f"turn {ns[0]}" if len(ns) == 1 else f"turns {ns[0]}-{ns[-1]}"


def _md(text: str) -> str:
    # Mentee words are data, not Markdown: neutralise markup and raw HTML.
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", clean(text))


def render(review: Review, fmt: str) -> str:
    """The review in ``fmt`` (text, md, json or html)."""
    if fmt == "json":
        return json.dumps({"bundles": review.bundles, "mentees": review.mentees}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        return render_html(review)
    return render_text(review, markdown=fmt == "md")


def render_text(review: Review, markdown: bool = False) -> str:
    """Bundles, then per mentee: trajectory, and each session's summary before its transcript."""
    q = _md if markdown else clean
    h1, h2, h3, bullet = ("# ", "## ", "### ", "- ") if markdown else ("", "", "", "  - ")
    lines = [f"{h1}Shared with you", ""]
    for b in review.bundles:
        lines.append(
            f"{bullet}{q(b['file'])}: from {q(b['mentee'])} (key {b['mentee_key']}), {b['scope']}, "
            f"session{'s' if len(b['sessions']) > 1 else ''} {', '.join(map(str, b['sessions']))}; "
            f"shared {b['created_at'][:10]}, expires {b['expires_at'][:10]}"
        )
    for m in review.mentees:
        lines += ["", f"{h1}{q(m['name'])} (key {m['fingerprint']})"]
        if m["trajectory"]:
            lines += ["", f"{h2}Over time"]
            for point in m["trajectory"]:
                note = "" if point["in_these_files"] else " (from a bundle you already hold)"
                lines.append(f"{bullet}{point['started_at'][:10]}, session {point['session']}{note}:")
                for key, label in LABELS[:3]:
                    if point[key]:
                        lines.append(
                            f"{'    ' if not markdown else '  - '}{label}: {'; '.join(q(x) for x in point[key])}"
                        )
        for s in m["sessions"]:
            lines += _session_text(s, m["name"], q, h2, h3, bullet, markdown)
    return "\n".join(lines) + "\n"


def _session_text(s: dict[str, Any], name: str, q: Any, h2: str, h3: str, bullet: str, markdown: bool) -> list[str]:
    ended = f", ended {s['ended_at'][:16].replace('T', ' ')}" if s.get("ended_at") else ""
    lines = [
        "",
        f"{h2}Session {s['id']} ({s['status']}, started {s['started_at'][:16].replace('T', ' ')}{ended})",
        "",
        f"{h3}Summary",
    ]
    summary = s["summary"]
    for key, label in LABELS:
        items = summary.get(key) or []
        lines.append(f"{label}:" + ("" if items else " (none)"))
        lines += [f"{bullet}{q(item)}" for item in items]
    lines.append(f"Experiment: {q(summary['experiment']) if summary.get('experiment') else '(none)'}")
    if s.get("summary_withheld"):
        lines.append(f"({s['summary_withheld']} summary item(s) withheld by {q(name)})")
    lines += ["", f"{h3}Transcript"]
    if "turns" not in s:
        lines.append(f"(not shared: {q(name)} shared the summary only)")
        return lines
    phase = None
    for t in s["turns"]:
        if "withheld" in t:
            lines.append(f"[{_ranges(t['withheld'])} withheld by {q(name)}]")
            continue
        if t["phase"] != phase:
            phase = t["phase"]
            lines += ["", f"**[{q(phase)}]**" if markdown else f"[{phase}]"]
        who = "Coach" if t["role"] == "coach" else name
        lines.append(
            f"{t['n']:>3}. {'**' + q(who) + ':**' if markdown else clean(who) + ':'} {q(t['text'])}"
            + ("  " if markdown else "")
        )
    return lines


# No scripts, no fetches: the page shows text and nothing else, even if a bundle is hostile.
_HEAD = (
    '<meta charset="utf-8">'
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    '<meta name="referrer" content="no-referrer">'
)
_CSS = """
body{font:15px/1.5 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#111}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif;line-height:1.2}
h1{font-size:1.5rem;border-bottom:2px solid #333}h2{font-size:1.2rem;margin-top:2rem}
.meta,.withheld,.note{color:#555;font-size:.9rem}
.withheld{font-style:italic;border-left:3px solid #bbb;padding-left:.5rem}
.turn{margin:.3rem 0}.turn .who{font-weight:bold;font-family:Helvetica,Arial,sans-serif}
.coach .who{color:#345}
.phase{font-family:Helvetica,Arial,sans-serif;text-transform:uppercase;font-size:.75rem;color:#777;margin-top:1rem}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top;text-align:left}
section.session{break-before:page}section.session:first-of-type{break-before:auto}
@media print{body{margin:0;max-width:none}a{color:inherit}}
"""


def render_html(review: Review) -> str:
    """One self-contained, printable page; every word from a bundle is escaped."""
    e = escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="en"><head>{_HEAD}',
        "<title>coach review: " + e(", ".join(clean(m["name"]) for m in review.mentees) or "no bundles") + "</title>",
        f"<style>{_CSS}</style></head><body>",
        '<h1>Shared with you</h1><ul class="meta">',
    ]
    for b in review.bundles:
        out.append(
            f"<li>{e(clean(b['file']))}: from {e(clean(b['mentee']))} (key {e(b['mentee_key'])}), {e(b['scope'])}, "
            f"sessions {e(', '.join(map(str, b['sessions'])))}; shared {e(b['created_at'][:10])}, "
            f"expires {e(b['expires_at'][:10])}</li>"
        )
    out.append("</ul>")
    for m in review.mentees:
        name = e(clean(m["name"]))
        out.append(f'<h1>{name} <span class="meta">(key {e(m["fingerprint"])})</span></h1>')
        if m["trajectory"]:
            out.append(
                "<h2>Over time</h2><table><tr><th>When</th><th>Goals</th><th>Motivations</th><th>Bedrock</th></tr>"
            )
            for p in m["trajectory"]:
                cells = "".join(
                    f"<td>{'<br>'.join(e(clean(x)) for x in p[k])}</td>" for k in ("goals", "motivations", "bedrock")
                )
                out.append(f"<tr><td>{e(p['started_at'][:10])}<br>session {p['session']}</td>{cells}</tr>")
            out.append("</table>")
        for s in m["sessions"]:
            out += _session_html(s, name)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _session_html(s: dict[str, Any], name: str) -> list[str]:
    e = escape
    out = [
        f'<section class="session"><h2>Session {s["id"]}</h2>',
        f'<p class="meta">{e(s["status"])}, started {e(s["started_at"][:16].replace("T", " "))}'
        + (f", ended {e(s['ended_at'][:16].replace('T', ' '))}" if s.get("ended_at") else "")
        + "</p>",
        "<h3>Summary</h3><dl>",
    ]
    summary = s["summary"]
    for key, label in LABELS:
        items = summary.get(key) or []
        out.append(
            f"<dt>{label}</dt><dd>"
            + ("<br>".join(e(clean(i)) for i in items) or '<span class="note">(none)</span>')
            + "</dd>"
        )
    exp = summary.get("experiment")
    out.append(
        "<dt>Experiment</dt><dd>" + (e(clean(exp)) if exp else '<span class="note">(none)</span>') + "</dd></dl>"
    )
    if s.get("summary_withheld"):
        out.append(f'<p class="withheld">{s["summary_withheld"]} summary item(s) withheld by {name}</p>')
    out.append("<h3>Transcript</h3>")
    if "turns" not in s:
        out.append(f'<p class="note">Not shared: {name} shared the summary only.</p></section>')
        return out
    phase = None
    for t in s["turns"]:
        if "withheld" in t:
            out.append(f'<p class="withheld">{_ranges(t["withheld"])} withheld by {name}</p>')
            continue
        if t["phase"] != phase:
            phase = t["phase"]
            out.append(f'<div class="phase">{e(clean(phase))}</div>')
        role, who = ("coach", "Coach") if t["role"] == "coach" else ("mentee", name)
        out.append(f'<p class="turn {role}"><span class="who">{who}:</span> {e(clean(t["text"]))}</p>')
    out.append("</section>")
    return out


def render_search(hits: list[dict[str, Any]], fmt: str) -> str:
    """Search results: where each passage is, and the passage with the match in [brackets]."""
    if fmt == "json":
        return json.dumps(hits, indent=2, ensure_ascii=False) + "\n"
    if not hits:
        return "No passages found in the bundles you hold.\n"
    lines = []
    for h in hits:
        where = f"turn {h['turn']} ({h['where']})" if h["turn"] is not None else h["where"].replace(":", ": ")
        line = f"{clean(h['mentee'])} ({h['mentee_key']}), session {h['session']}, {where}: {clean(h['snippet'])}"
        if fmt == "html":
            lines.append(f"<li>{escape(line)}</li>")
        else:
            lines.append(("- " if fmt == "md" else "") + (_md(line) if fmt == "md" else line))
    if fmt == "html":
        return (
            f'<!DOCTYPE html>\n<html lang="en"><head>{_HEAD}<title>coach search</title><style>{_CSS}</style></head>'
            "<body><h1>Passages</h1><ul>" + "\n".join(lines) + "</ul></body></html>\n"
        )
    return "\n".join(lines) + "\n"
