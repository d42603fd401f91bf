"""A review laid out for the mentor: plain text, Markdown, JSON, or one printable HTML page.

Text and Markdown follow the same brief as the HTML page (coach.share.brief): the mentee's own
words first, then the conversation. Every field comes from a bundle (signed by the mentee, so
possibly crafted) or a note: every one goes through ``q``, the numbers and dates too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coach.share.brief import brief
from coach.share.export import markdown
from coach.share.render_html import brief_page, search_page
from coach.share.review import Review
from coach.terminal import json_text, one_line

Quote = Callable[[Any], str]


def clean(text: Any) -> str:
    """Text from a bundle, safe for a terminal and on one line: no control characters or bidi overrides."""
    return one_line(text)


def render(review: Review, fmt: str) -> str:
    """The review in ``fmt`` (text, md, json or html)."""
    if fmt == "json":
        return json_text({"bundles": review.bundles, "mentees": review.mentees}) + "\n"
    view = brief(review.bundles, review.mentees)
    if fmt == "html":
        return brief_page(view)
    return brief_text(view, markdown=fmt == "md")


def render_html(review: Review) -> str:
    """One self-contained, printable page; every word from a bundle is escaped."""
    return brief_page(brief(review.bundles, review.mentees))


def render_text(review: Review, markdown: bool = False) -> str:
    """The brief as plain text (or Markdown)."""
    return brief_text(brief(review.bundles, review.mentees), markdown=markdown)


def brief_text(view: dict[str, Any], markdown: bool = False, own: bool = False) -> str:
    """Bundles, then per mentee: the trajectory, and each session's words before its transcript."""
    q: Quote = _md if markdown else clean
    h1, bullet = ("# ", "- ") if markdown else ("", "  - ")
    lines = [f"{h1}{'Your conversations' if own else 'Shared with you'}", ""]
    for b in view["bundles"]:
        lines.append(
            f"{bullet}{q(b['file'])}: from {q(b['mentee'])} (key {q(b['key'])}), {q(b['scope'])}, "
            f"{q(b['sessions'])}; shared {q(b['shared'])}, expires {q(b['expires'])}"
        )
    for m in view["mentees"]:
        key = f" (key {q(m['fingerprint'])})" if m.get("fingerprint") else ""
        lines += ["", f"{h1}{q(m['name'])}{key}"]
        if m["trajectory"]:
            lines += _trajectory(m["trajectory"], q, markdown)
        for s in m["sessions"]:
            lines += _session(s, m["name"], q, markdown, own)
    return "\n".join(lines) + "\n"


def _md(text: Any) -> str:
    return markdown(text)


def _trajectory(t: dict[str, Any], q: Quote, markdown: bool) -> list[str]:
    h2, bullet, sub = ("## ", "- ", "  - ") if markdown else ("", "  - ", "      ")
    lines = ["", f"{h2}Over time"]
    for r in t["rows"]:
        note = " (from a bundle you already hold)" if r["held"] else ""
        lines.append(f"{bullet}{q(r['when'])}, session {q(r['session'])}{note}:")
        for key, label in (("goals", "Heading"), ("bedrock", "Bedrock"), ("motivations", "Drives")):
            if r[key]:
                lines.append(f"{sub}{label}: {'; '.join(q(x) for x in r[key])}")
    return lines


def _session(s: dict[str, Any], name: str, q: Quote, markdown: bool, own: bool) -> list[str]:
    h2, h3, bullet = ("## ", "### ", "- ") if markdown else ("", "", "  - ")
    they = "you" if own else "they"
    lines = ["", f"{h2}{q(s['title'])} ({q(s['meta'])})", "", f"{h3}In {'your' if own else 'their'} words"]

    def part(label: str, items: list[Any], none: str) -> None:
        lines.append(f"{label}:" + ("" if items else f" ({none})"))
        lines.extend(f"{bullet}{q(x)}" for x in items)

    part(f"Where {they}'re heading", s["heading"], "not said")
    lines.append("Why it matters, goal to bedrock:" + ("" if s["chain"] else " (not reached)"))
    for i, link in enumerate(s["chain"]):
        lead = ("- " if markdown else "    ") + ("" if i == 0 else "-> ")
        if link["text"] is None:
            lines.append(f"{lead}{link['name']}: (withheld by {q(name)})")
            continue
        was = f"; it was: \"{q(link['was'])}\"" if link.get("was") else ""
        note = f" ({q(link['note'])}{was})" if link["note"] else ""
        lines.append(f"{lead}{link['name']}: {q(link['text'])}{note}")
    part(f"What drives {'you' if own else 'them'}, as confirmed", s["motivations"], "none confirmed")
    for label, items in s["parts"]:
        part(label.replace("them", "you") if own else label, items, "not said")
    lines.append(f"The experiment {they} chose: {q(s['experiment']) if s['experiment'] else '(none chosen)'}")
    if s["last"]:
        chosen = f'"{q(s["last"]["experiment"])}"' if s["last"].get("experiment") else "(withheld)"
        how = f"; how it went: {q(s['last']['review'])}" if s["last"].get("review") else ""
        lines.append(f"Last time's experiment: {chosen}{how}")
    if s["withheld"]:
        lines.append(f"({q(s['withheld'])})")
    if not own and s["notes"] is not None:
        lines += ["", f"{h3}Your notes"]
        lines += [f"{bullet}{q(n['when'])}, note {q(n['id'])}: {q(n['text'])}" for n in s["notes"]] or [
            f"(none yet; add one with: coach review --note {q(s['id'])} \"...\")"]
    lines += ["", f"{h3}The conversation"]
    if s["transcript"] is None:
        return [*lines, f"(not shared: {q(name)} shared the summary only)"]
    for block in s["transcript"]:
        lines += ["", f"**{q(block['title'])}**" if markdown else f"[{q(block['title'])}]"]
        for t in block["turns"]:
            lines.append(_turn(t, q, markdown))
    return lines


def _turn(t: dict[str, Any], q: Quote, markdown: bool) -> str:
    end = "  " if markdown else ""
    if t["cls"] == "withheld":
        return f"{q(t['n']):>3}. [{q(t['text'])}]{end}"
    if t["cls"] == "quiet":  # re-asks, rule replies, /commands: set apart from real answers
        left, right = ("*", "*") if markdown else ("(", ")")
        return f"{q(t['n']):>3}.   {left}{q(t['who'])}: {q(t['text'])}{right}{end}"
    who = f"**{q(t['who'])}:**" if markdown else f"{q(t['who'])}:"
    return f"{q(t['n']):>3}. {who} {q(t['text'])}{end}"


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
