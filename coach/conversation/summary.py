"""The summary a mentor sees first: goals, motivations, bedrock, passions, experiment."""

from __future__ import annotations

from typing import Any

from coach.listening import rules

KEYS = ("goals", "motivations", "bedrock", "passions", "strengths", "sweet_spot", "experiment")

# The summary's lines, as the coach says them, for saying back which line a fix changed.
LINES = {"goal": "where you're heading", "want_job": "the job you'd pick", "bedrock": "underneath it",
          "passions": "what lights you up", "strengths": "what people come to you for",
          "sweet_spot": "where those meet", "motivations": "what drives you"}


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
            value = values.get(var)
            known = sources.get(var)
            for i, v in enumerate(value if isinstance(value, list) else [value]):
                if not (isinstance(v, str) and v.strip()) or non_answer(v):
                    continue
                ids = _ids_at(known, i, isinstance(value, list))
                if v.strip() in items:
                    refs[items.index(v.strip())] = sorted(set(refs[items.index(v.strip())]) | set(ids))
                    continue
                items.append(v.strip())
                refs.append(ids)
        out[key], where[key] = items, refs
    var = mapping.get("experiment")
    exp = values.get(var) if var else None
    keep = isinstance(exp, str) and exp.strip() and not non_answer(exp)
    out["experiment"] = exp.strip() if keep and isinstance(exp, str) else None
    where["experiment"] = _ids_at(sources.get(var or ""), 0, False) if keep else []
    return out, where


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
