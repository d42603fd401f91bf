"""The why-ladder as a chain, goal to bedrock, in the mentee's words, with its corrections.

The session keeps the corrected chain: a correction ("no, it's more about X") replaced the rung
it corrected, and the replacement's provenance is the correction turn. So a link whose words
came from a correction at a step that corrects that value is marked corrected at that turn, and
what it replaced is the latest earlier answer that set that value and no longer stands anywhere
in the chain (its own turn travels with it, so withholding can follow it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coach.conversation.summary import non_answer
from coach.share.flowinfo import BEDROCK, FlowInfo


@dataclass
class Link:
    """One link of the chain: ``kind`` is goal, why or bedrock; ``refs`` the mentee turns it repeats."""

    kind: str
    text: str
    refs: list[str]
    var: str
    corrected_at: int | None = None
    was: str | None = None
    was_ref: str | None = None


def chain_of(doc: dict[str, Any], info: FlowInfo) -> list[Link]:
    """The session's chain from goal to bedrock, corrections marked."""
    values = doc["session"].get("values") or {}
    sources = doc.get("value_sources") or {}
    links: list[Link] = []
    if info.seed:
        goal = values.get(info.seed)
        if isinstance(goal, str) and goal.strip() and not non_answer(goal):
            links.append(Link("goal", goal.strip(), _flat(sources.get(info.seed)), info.seed))
    rungs = _items(values, sources, info.chain)
    bedrock = _items(values, sources, BEDROCK)
    deep = {text for text, _ in bedrock}
    links += [Link("bedrock" if text in deep else "why", text, refs, info.chain) for text, refs in rungs]
    said = {text for text, _ in rungs}
    links += [Link("bedrock", text, refs, BEDROCK) for text, refs in bedrock if text not in said]
    sid = doc["session"]["id"]
    answers = {t["n"]: t for t in doc["turns"] if t["role"] == "mentee"}
    used = {n for link in links for n in _own(link.refs, sid)}
    for link in links:
        _mark_correction(link, sid, answers, used, info)
    return links


def _mark_correction(link: Link, sid: int, answers: dict[int, dict[str, Any]], used: set[int], info: FlowInfo) -> None:
    mine = _own(link.refs, sid)
    turn = answers.get(max(mine)) if mine else None
    if turn is None or link.var not in info.corrects.get(str(turn.get("step")), ()):
        return
    capturing = info.capture.get(link.var, frozenset())
    if turn.get("step") in capturing and not _reads_as_correction(str(turn["text"]), info):
        return  # an answer at a step that both asks for the value and takes corrections of it
    n = int(turn["n"])
    link.corrected_at = n
    for m in sorted((m for m in answers if m < n and m not in used), reverse=True):
        earlier = answers[m]
        text = str(earlier["text"])
        if earlier.get("step") in capturing and not text.startswith("/") and not non_answer(text):
            link.was, link.was_ref = text, f"{sid}:{m}"
            used.add(m)
            return


def _reads_as_correction(text: str, info: FlowInfo) -> bool:
    if info.lexicon is None:
        return False
    from coach.listening.acts import read_reply

    return read_reply(text, info.lexicon).has("correction")


def _own(refs: list[str], sid: int) -> list[int]:
    prefix = f"{sid}:"
    return [int(r[len(prefix):]) for r in refs if r.startswith(prefix) and r[len(prefix):].isdigit()]


def _flat(refs: Any) -> list[str]:
    return [str(r) for r in refs if isinstance(r, str)] if isinstance(refs, list) else []


def _items(values: dict[str, Any], sources: dict[str, Any], var: str) -> list[tuple[str, list[str]]]:
    items = values.get(var)
    known = sources.get(var)
    out: list[tuple[str, list[str]]] = []
    for i, text in enumerate(items if isinstance(items, list) else []):
        if not isinstance(text, str) or not text.strip() or non_answer(text):
            continue
        refs = known[i] if isinstance(known, list) and i < len(known) else []
        if text.strip() not in [t for t, _ in out]:
            out.append((text.strip(), _flat(refs)))
    return out
