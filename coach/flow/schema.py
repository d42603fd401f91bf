"""The published JSON Schema for flow files, and its errors as friendly file:line:col problems."""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from typing import Any

import jsonschema

from coach.errors import Problem
from coach.resources import schema_path
from coach.yaml_lines import position, value_position


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The published JSON Schema for flow files."""
    return json.loads(schema_path().read_text())  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def _node_at(doc: Any, path: list[Any]) -> tuple[Any, Any]:
    """The parent node and key at a JSON path, for positions."""
    parent, key = None, None
    node = doc
    for part in path:
        parent, key = node, part
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return parent, key


_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "object": "a mapping (key: value lines)",
    "array": "a list",
    "number": "a number",
}


def schema_problems(doc: Any, name: str) -> list[Problem]:
    """Every JSON Schema error in a flow document, positioned at the offending key or value."""
    problems: list[Problem] = []
    errors = sorted(_validator().iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    for err in errors:
        problems += _schema_problem(err, doc, name)
    return problems


def _schema_problem(err: jsonschema.ValidationError, doc: Any, name: str) -> list[Problem]:
    path = list(err.absolute_path)
    parent, key = _node_at(doc, path)
    node = parent[key] if parent is not None else doc
    if err.validator == "additionalProperties" and isinstance(node, dict):
        return _unknown_keys(err, node, path, name)
    if "propertyNames" in err.schema_path:
        return [_bad_name(err, node, path, name)]
    if err.validator == "oneOf" and path and path[-1] == "next" and isinstance(err.instance, list):
        # A list of edges with a mistake inside: report the edge's own problem, not "oneOf".
        inner = [p for sub in err.context or [] if sub.relative_schema_path and sub.relative_schema_path[0] == 1
                 for p in _schema_problem(sub, doc, name)]
        if inner:
            return inner
    line, col = position(parent, key) if parent is not None else position(doc)
    message, hint, at_value = _explain(err, path)
    if at_value and parent is not None and not isinstance(key, int):
        line, col = value_position(parent, key)
    where = ".".join(map(str, path))
    return [Problem(name, line, col, "error", f"{where}: {message}" if where else message, hint)]


def _unknown_keys(err: jsonschema.ValidationError, node: dict[str, Any], path: list[Any], name: str) -> list[Problem]:
    allowed = list((err.schema.get("properties") or {}).keys()) if isinstance(err.schema, dict) else []
    where = ".".join(map(str, path))
    problems = []
    for extra in [k for k in node if k not in allowed]:
        line, col = position(node, extra)
        close = difflib.get_close_matches(str(extra), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(allowed)
        place = f"step '{path[1]}'" if len(path) == 2 and path[0] == "steps" else (where or "the flow")
        problems.append(Problem(name, line, col, "error", f"unknown key '{extra}' in {place}", hint))
    return problems


def _bad_name(err: jsonschema.ValidationError, node: Any, path: list[Any], name: str) -> Problem:
    line, col = position(node, err.instance)
    what = "step name" if path == ["steps"] else "name"
    hint = ("use lower-case letters, digits and _ (starting with a letter)" if what == "step name"
            else "one of: " + ", ".join(schema()["$defs"]["phase"]["enum"]))
    return Problem(name, line, col, "error", f"{what} '{err.instance}' is not allowed", hint)


def _explain(err: jsonschema.ValidationError, path: list[Any]) -> tuple[str, str, bool]:
    """(message, hint, whether it points at the value rather than the key) for one schema error."""
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        hint = {
            "phase": "every step needs a phase: " + ", ".join(schema()["$defs"]["phase"]["enum"]),
            "start": "add start: <the first step's name>",
            "max_depth": "a ladder needs a depth limit, e.g. max_depth: 5",
            "steps": "add steps: with at least one step",
        }.get(missing, "")
        return f"missing required key '{missing}'", hint, False
    if err.validator == "enum":
        options = [str(e) for e in err.validator_value] if isinstance(err.validator_value, list) else []
        close = difflib.get_close_matches(str(err.instance), options, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "one of: " + ", ".join(options)
        return f"'{err.instance}' is not allowed here", hint, True
    if err.validator == "type":
        want = err.validator_value if isinstance(err.validator_value, str) else "string"
        hint = ("quote it: YAML reads true/false/numbers as values, not text"
                if want == "string" and isinstance(err.instance, (bool, int, float)) else "")
        return f"must be {_TYPE_NAMES.get(want, want)}, not {_describe(err.instance)}", hint, True
    if err.validator == "oneOf" and path and path[-1] == "next":
        return ("'next' must be a step name or a list of {when, to} edges",
                "next: step_name   or   next: [{when: yes, to: a}, {to: b}]", False)
    if err.validator in ("minimum", "maximum"):
        size = "small" if err.validator == "minimum" else "large"
        return f"{err.instance} is too {size} (limit {err.validator_value})", "", True
    if err.validator == "pattern":
        return (f"'{err.instance}' is not a valid name",
                "use lower-case letters, digits and _ (starting with a letter)", True)
    return err.message, "", False


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"'{value}'"


# --- meaning ---------------------------------------------------------------------------
