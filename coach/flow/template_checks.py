"""Template checks: which values each step can see, and what its templates may do with them."""

from __future__ import annotations

import difflib
from collections import deque
from typing import Any

import jinja2

from coach.errors import Problem
from coach.flow.template import BUILTINS, FILTERS, compile_template, parse, refusals, variables
from coach.yaml_lines import position, value_position

# Built-ins that only make sense in some steps (elsewhere they are empty, and `item.x` fails).
FOREACH_ONLY = {"item"}


def values_set_by(node: dict[str, Any]) -> set[str]:
    """The values a step sets: what it saves, appends to or collects, and a ladder's chain and bedrock."""
    out = {node[k] for k in ("save_as", "append_to", "collect_yes") if isinstance(node.get(k), str)}
    ladder = node.get("ladder")
    if isinstance(ladder, dict):
        out.add(str(ladder.get("chain", "why_chain")))
        out.add("bedrock")  # a ladder keeps the bedrock statements it hears
    return out


def _available(steps: dict[str, Any], graph: dict[str, list[str]]) -> dict[str, set[str]]:
    """For each step, the values some step before it (on some path) can have set: a may-analysis."""
    sets = {n: values_set_by(node) for n, node in steps.items()}
    avail: dict[str, set[str]] = {n: set() for n in steps}
    queue = deque(steps)
    queued = set(steps)
    while queue:
        src = queue.popleft()
        queued.discard(src)
        out = avail[src] | sets[src]
        for dst in graph[src]:
            if not out <= avail[dst]:
                avail[dst] |= out
                if dst not in queued:
                    queued.add(dst)
                    queue.append(dst)
    return avail


def template_problems(
    steps: dict[str, Any], graph: dict[str, list[str]], name: str, summary_keys: set[str]
) -> list[Problem]:
    """Undefined values, syntax errors and anything outside the sandbox, in every template of every step."""
    problems: list[Problem] = []
    all_vars = set().union(*(values_set_by(n) for n in steps.values()))
    avail = _available(steps, graph)
    for sname, node in steps.items():
        known = set(BUILTINS) | avail[sname]
        if "foreach" not in node:
            known -= FOREACH_ONLY
        for parent, key, text in _templates(node):
            line, col = value_position(parent, key) if isinstance(key, str) else position(parent, key)
            if "{" in text:
                problems += _check_one(text, sname, name, line, col, summary_keys, known, all_vars)
    return problems


def _templates(node: dict[str, Any]) -> list[tuple[Any, Any, str]]:
    """Every template text of a step, with where it sits (parent node and key or index)."""
    fields: list[tuple[Any, Any, str]] = []
    for key in ("say", "ask", "purpose", "plain", "example"):
        if isinstance(node.get(key), str):
            fields.append((node, key, node[key]))
    for key in ("variants", "keep"):
        items = node.get(key)
        for i, text in enumerate(items if isinstance(items, list) else []):
            if isinstance(text, str):
                fields.append((items, i, text))
    for after in node.get("after") or []:
        if isinstance(after, dict) and isinstance(after.get("say"), str):
            fields.append((after, "say", after["say"]))
    return fields


def _check_one(
    text: str, sname: str, name: str, line: int, col: int, summary_keys: set[str], known: set[str],
    all_vars: set[str],
) -> list[Problem]:
    """The problems of one template: outside the sandbox, bad syntax, or values never set."""
    try:
        used = variables(text)
        refused = refusals(parse(text), summary_keys)
        if refused:
            return [Problem(name, line + r.line - 1, col, "error",
                            f"template in step '{sname}' {r.message}, which flows may not do", r.hint) for r in refused]
        compile_template(text)  # unknown filters only fail at compile time
    except jinja2.TemplateSyntaxError as e:
        hint = ("known filters: " + ", ".join(sorted(FILTERS)) if "filter" in (e.message or "")
                else "check the {{ }} and {% %} pairs")
        return [Problem(name, line + max(0, (e.lineno or 1) - 1), col, "error",
                        f"template syntax in step '{sname}': {e.message}", hint)]
    return [_undefined(var, sname, name, line, col, all_vars) for var in sorted(used - known)]


def _undefined(var: str, sname: str, name: str, line: int, col: int, all_vars: set[str]) -> Problem:
    if var in FOREACH_ONLY:
        msg, hint = (f"'{var}' is used in step '{sname}', but only foreach steps have it",
                     "use it only in a step with foreach:")
    elif var in all_vars:
        msg, hint = (f"'{var}' is used in step '{sname}' before any step can have set it",
                     "reorder the steps or guard it with {% if %}")
    else:
        close = difflib.get_close_matches(var, sorted(all_vars | set(BUILTINS)), n=1)
        msg = f"template variable '{var}' in step '{sname}' is never set"
        hint = f"did you mean '{close[0]}'?" if close else "set it with save_as in an earlier step"
    return Problem(name, line, col, "error", msg, hint)
