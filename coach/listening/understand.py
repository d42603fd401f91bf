"""One line of `coach understand` input read: a plain reply, or JSON with the question and step."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from coach.listening.acts import read_reply
from coach.listening.distress import explain
from coach.listening.lexicon import Lexicon


class BadLine(ValueError):
    """A line that is neither a reply nor a JSON object with a "reply" string."""


def parse_line(line: str, *, question: str | None = None, expect: str = "auto") -> dict[str, Any]:
    """``{"reply", "question", "step", "expect"}`` from a plain or JSON line."""
    text = line.strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise BadLine(f"not valid JSON ({e.msg} at column {e.colno})") from None
        if not isinstance(data, dict) or not isinstance(data.get("reply"), str):
            raise BadLine('a JSON line needs a "reply" string')
        for key in ("question", "step", "expect"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise BadLine(f'"{key}" must be a string')
        return {"reply": data["reply"], "question": data.get("question", question), "step": data.get("step"),
                "expect": data.get("expect") or expect}
    return {"reply": line.rstrip("\n").rstrip("\r"), "question": question, "step": None, "expect": expect}


def understand(item: Mapping[str, Any], lex: Lexicon, expects: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The acts found in one reply, as JSON-ready data (distress level and the rule that decided it too)."""
    expect = str(item.get("expect") or "auto")
    if expect == "auto" and (expects or {}).get(str(item.get("step"))) == "yes_no":
        expect = "yes_no"  # the flow's own step says it asks for a yes or a no
    reading = read_reply(str(item["reply"]), lex, expect=expect, question=item.get("question"))
    level, rule = explain(str(item["reply"]), lex)
    out: dict[str, Any] = {"reply": item["reply"]}
    if item.get("step"):
        out["step"] = item["step"]
    out.update(reading.as_dict())
    out["correction"] = reading.correction
    out["distress"] = {"level": level, "rule": rule} if level else None
    return out
