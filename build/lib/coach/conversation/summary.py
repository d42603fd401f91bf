"""The summary a mentor sees first: goals, motivations, bedrock, passions, experiment."""

from __future__ import annotations

from typing import Any

from coach.listening import rules

KEYS = ("goals", "motivations", "bedrock", "passions", "experiment")


def summarise(values: dict[str, Any], mapping: dict[str, Any]) -> dict[str, Any]:
    """Collect the summary fields from captured values, in the mentee's own words."""
    out: dict[str, Any] = {}
    for key in KEYS[:-1]:
        items: list[str] = []
        for var in mapping.get(key, []):
            value = values.get(var)
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, str) and v.strip() and v.strip() not in items and not non_answer(v):
                    items.append(v.strip())
        out[key] = items
    exp = values.get(mapping.get("experiment", "")) if mapping.get("experiment") else None
    out["experiment"] = exp.strip() if isinstance(exp, str) and exp.strip() and not non_answer(exp) else None
    return out


def non_answer(text: str) -> bool:
    """A short "no", "nothing" or "I don't know": kept in the transcript, left out of the summary."""
    lex = rules.load_lexicon()
    n = len(rules.words(text))
    if n == 0:
        return True
    t = rules.normalise(text).strip(" .!?")
    if t in {"nothing", "none", "n/a", "na", "pass", "nothing really", "not really"}:
        return True
    # Only a whole answer that is just a yes or a no ("Football, mostly" is a passion).
    if t in lex.yes.find(t) or t in lex.no.find(t):
        return True
    return n <= 6 and rules.is_unsure(text, lex)
