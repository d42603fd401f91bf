"""The summary a mentor sees first: goals, motivations, bedrock, passions, experiment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import jinja2

from coach.flow.template import render
from coach.listening import rules

if TYPE_CHECKING:
    from coach.flow.spec import Flow

KEYS = ("goals", "motivations", "bedrock", "passions", "strengths", "sweet_spot", "experiment")

# The summary's lines, as the coach says them, for saying back which line a fix changed.
LINES = {"goal": "where you're heading", "want_job": "the job you'd pick", "bedrock": "underneath it",
          "passions": "what lights you up", "strengths": "what people come to you for",
          "sweet_spot": "where those meet", "motivations": "what drives you",
          # never said by their names in the flow (round 71 showed "why_chain is now: guilt")
          "why_chain": "what's underneath", "experiment": "the experiment"}


def summarise(values: dict[str, Any], mapping: dict[str, Any]) -> dict[str, Any]:
    """Collect the summary fields from captured values, in the mentee's own words."""
    return summarise_with_sources(values, {}, mapping)[0]


def summarise_with_sources(
    values: dict[str, Any], sources: dict[str, Any], mapping: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The summary, and for each item the mentee turns ("session:n") its words came from."""
    out: dict[str, Any] = {}
    where: dict[str, Any] = {}
    for key in KEYS[:-1]:
        items: list[str] = []
        refs: list[list[str]] = []
        for var in mapping.get(key, []):
            _add(items, refs, *_said(values, sources, var))
        out[key], where[key] = items, refs
    out["experiment"], where["experiment"] = _experiment(values, sources, mapping)
    return out, where


def brought_forward(
    previous: dict[str, Any], where: dict[str, Any], values: dict[str, Any], sources: dict[str, Any],
    mapping: dict[str, Any],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Last time's summary as a later, unfinished conversation left it, with its sources.

    A mentee who puts the recap right ("take the sourdough out", a new goal) and then stops part
    way is not told the old words again next time: that conversation's own ``previous`` (as its
    recap edited it) is the start, and every line it answered afresh takes the place of last
    time's; a line it never reached stays as it was."""
    own = values.get("previous")
    if isinstance(own, dict) and any(own.values()):
        previous, where = own, sources.get("previous") or {}
    out: dict[str, Any] = {k: v for k, v in previous.items() if k not in KEYS}  # e.g. what had shifted
    refs: dict[str, Any] = {k: v for k, v in where.items() if k not in KEYS}
    for key in KEYS[:-1]:
        old = [str(i).strip() for i in previous.get(key) or [] if isinstance(i, str) and i.strip()]
        old_refs = _aligned(where.get(key), len(old))
        names = [str(n) for n in mapping.get(key, [])]
        said = [_said(values, sources, var) for var in names]
        items: list[str] = []
        ids: list[list[str]] = []
        for pos, (mine, mine_refs) in enumerate(said):
            if mine:
                _add(items, ids, mine, mine_refs)
            elif len(names) > 1 and pos < len(old):  # "goals: [goal, want_job]": the job kept by its place
                _add(items, ids, [old[pos]], [old_refs[pos]])
        out[key], refs[key] = (items, ids) if any(m for m, _ in said) else (old, old_refs)
    exp, exp_refs = _experiment(values, sources, mapping)
    out["experiment"], refs["experiment"] = (exp, exp_refs) if exp else (
        previous.get("experiment"), where.get("experiment") or [])
    return out, refs


def _experiment(
    values: dict[str, Any], sources: dict[str, Any], mapping: dict[str, Any]
) -> tuple[str | None, list[str]]:
    """The experiment a session named (None if none, or a non-answer), and its sources."""
    var = mapping.get("experiment")
    exp = values.get(var) if isinstance(var, str) else None
    if not (isinstance(exp, str) and exp.strip()) or non_answer(exp):
        return None, []
    return exp.strip(), _ids_at(sources.get(str(var)), 0, False)


def _said(values: dict[str, Any], sources: dict[str, Any], var: str) -> tuple[list[str], list[list[str]]]:
    """The summary items a value holds (a non-answer left out), and each one's sources."""
    value, known = values.get(var), sources.get(var)
    items: list[str] = []
    refs: list[list[str]] = []
    for i, v in enumerate(value if isinstance(value, list) else [value]):
        if isinstance(v, str) and v.strip() and not non_answer(v):
            _add(items, refs, [v.strip()], [_ids_at(known, i, isinstance(value, list))])
    return items, refs


def _add(items: list[str], refs: list[list[str]], new: list[str], new_refs: list[list[str]]) -> None:
    """Append items not there yet; an item said twice keeps the sources of both."""
    for item, ids in zip(new, new_refs, strict=True):
        if item in items:
            refs[items.index(item)] = sorted(set(refs[items.index(item)]) | set(ids))
        else:
            items.append(item)
            refs.append(list(ids))


def _aligned(known: Any, n: int) -> list[list[str]]:
    """Sources for ``n`` items; where they no longer line up (the recap edited the list in place),
    every item gets all of them: a redaction or deletion then holds back too much, never too little."""
    if isinstance(known, list) and len(known) == n and all(isinstance(k, list) for k in known):
        return [[str(r) for r in k] for k in known]
    every = sorted({str(r) for k in (known if isinstance(known, list) else []) for r in (
        k if isinstance(k, list) else [k]) if isinstance(r, str)})
    return [list(every) for _ in range(n)]


def _ids_at(known: Any, index: int, is_list: bool) -> list[str]:
    if not isinstance(known, list):
        return []
    if not is_list:
        return [str(r) for r in known if isinstance(r, str)]
    item = known[index] if index < len(known) else []
    return [str(r) for r in item] if isinstance(item, list) else []


def non_answer(text: str) -> bool:
    """A short "no", "nothing" or "I don't know": kept in the transcript, left out of the summary."""
    lex = rules.load_lexicon()
    n = len(rules.words(text))
    if n == 0:
        return True
    t = rules.normalise(text).strip(" .!?")
    if t in {"nothing", "none", "n/a", "na", "pass", "nothing really", "not really", "not much", "nothing much",
             "no idea", "dunno", "idk", "nope", "nah"}:
        return True
    # Only a whole answer that is just a yes or a no ("Football, mostly" is a passion).
    if t in lex.yes.find(t) or t in lex.no.find(t):
        return True
    return n <= 6 and rules.is_unsure(text, lex)


def recap_says_something(flow: Flow, values: dict[str, Any], picture: dict[str, Any]) -> bool:
    """Would the flow's recap of ``picture`` (a conversation stopped part way) say any of it back? Words that are
    never played back (a sign of distress, a non-answer) say nothing, and then there is no recap to give."""
    say = flow.steps[str(flow.returning)].say or ""
    try:
        empty: dict[str, Any] = {k: ([] if isinstance(v, list) else None if k == "experiment" else "")
                                 for k, v in picture.items()}
        shown = [render(say, {**values, "mentee": "", "previous": p}) for p in (picture, empty)]
    except jinja2.TemplateError:  # a flow's own recap that needs more than this: given as before
        return any(picture.values())
    return shown[0] != shown[1]
