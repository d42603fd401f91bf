"""The summary a mentor sees first: goals, motivations, bedrock, passions, experiment."""

from __future__ import annotations

from typing import Any

KEYS = ("goals", "motivations", "bedrock", "passions", "experiment")


def summarise(values: dict[str, Any], mapping: dict[str, Any]) -> dict[str, Any]:
    """Collect the summary fields from captured values, in the mentee's own words."""
    out: dict[str, Any] = {}
    for key in KEYS[:-1]:
        items: list[str] = []
        for var in mapping.get(key, []):
            value = values.get(var)
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, str) and v.strip() and v.strip() not in items:
                    items.append(v.strip())
        out[key] = items
    exp = values.get(mapping.get("experiment", "")) if mapping.get("experiment") else None
    out["experiment"] = exp.strip() if isinstance(exp, str) and exp.strip() else None
    return out
