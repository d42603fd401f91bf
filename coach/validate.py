"""Everything a flow can get wrong, found before a mentee sees it, as file:line:col problems."""

from __future__ import annotations

import difflib
import json
from collections import deque
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import jsonschema

from coach.errors import Problem
from coach.rules import rule_exists, rule_names
from coach.template import BUILTINS, variables
from coach.yamlio import position, value_position

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "flows" / "schema.json"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The published JSON Schema for flow files."""
    return json.loads(SCHEMA_PATH.read_text())  # type: ignore[no-any-return]


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


def _schema_problems(doc: Any, name: str) -> list[Problem]:
    problems = []
    validator = jsonschema.Draft202012Validator(schema())
    for err in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
        path = list(err.absolute_path)
        parent, key = _node_at(doc, path)
        node = parent[key] if parent is not None else doc
        line, col = position(parent, key) if parent is not None else position(doc)
        hint = ""
        message = err.message
        if err.validator == "additionalProperties" and isinstance(node, dict):
            allowed = list((err.schema.get("properties") or {}).keys())
            for extra in [k for k in node if k not in allowed]:
                line, col = position(node, extra)
                close = difflib.get_close_matches(str(extra), allowed, n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(allowed)
                where = f"step '{path[1]}'" if len(path) >= 2 and path[0] == "steps" else "here"
                problems.append(Problem(name, line, col, "error", f"unknown key '{extra}' in {where}", hint))
            continue
        if err.validator == "required":
            missing = err.message.split("'")[1] if "'" in err.message else err.message
            message = f"missing required key '{missing}'"
            hint = "every step needs a phase" if missing == "phase" else ""
        elif err.validator == "enum":
            close = difflib.get_close_matches(str(err.instance), [str(e) for e in err.validator_value], n=1)
            hint = f"did you mean '{close[0]}'?" if close else "one of: " + ", ".join(map(str, err.validator_value))
            message = f"'{err.instance}' is not allowed here"
        elif err.validator == "oneOf" and path and path[-1] == "next":
            message = "'next' must be a step name or a list of {when, to} edges"
        where = ".".join(map(str, path))
        problems.append(Problem(name, line, col, "error", f"{where}: {message}" if where else message, hint))
    return problems


def check_document(doc: Any, path: Path) -> list[Problem]:
    """Every problem in a parsed flow document: schema first, then meaning."""
    name = str(path)
    if not isinstance(doc, dict):
        what = "empty" if doc is None else f"a {type(doc).__name__}"
        return [Problem(name, 1, 1, "error", f"a flow must be a mapping with flow, version, start and steps; this file is {what}")]
    problems = _schema_problems(doc, name)
    steps = doc.get("steps")
    if not isinstance(steps, dict) or any(not isinstance(s, dict) for s in steps.values()):
        return problems  # the schema problems say what is wrong; nothing more to check
    names = set(steps)

    def suggest(target: str) -> str:
        close = difflib.get_close_matches(target, sorted(names), n=1, cutoff=0.6)
        return f"did you mean '{close[0]}'?" if close else "define the step or fix the name"

    for key in ("start", "returning"):
        target = doc.get(key)
        if isinstance(target, str) and target not in names:
            line, col = value_position(doc, key)
            problems.append(Problem(name, line, col, "error", f"{key} step '{target}' is not defined", suggest(target)))

    graph: dict[str, list[str]] = {n: [] for n in names}
    for sname, node in steps.items():
        nxt = node.get("next")
        edges = [{"to": nxt}] if isinstance(nxt, str) else (nxt if isinstance(nxt, list) else [])
        for i, edge in enumerate(edges):
            if not isinstance(edge, dict):
                continue
            target = edge.get("to")
            where = (node, "next") if isinstance(nxt, str) else (edge, "to")
            if isinstance(target, str):
                if target in names:
                    graph[sname].append(target)
                else:
                    line, col = value_position(*where)
                    problems.append(Problem(name, line, col, "error", f"step '{sname}' goes to undefined step '{target}'", suggest(target)))
            when = edge.get("when")
            if isinstance(when, str) and not rule_exists(when):
                line, col = value_position(edge, "when")
                close = difflib.get_close_matches(when.removeprefix("not "), rule_names(), n=1)
                hint = f"did you mean '{close[0]}'?" if close else "known rules: " + ", ".join(rule_names())
                problems.append(Problem(name, line, col, "error", f"unknown rule '{when}'", hint))
            if isinstance(nxt, list) and "when" not in edge and i != len(edges) - 1:
                line, col = position(nxt, i)
                problems.append(Problem(name, line, col, "warning", f"step '{sname}': edges after an unconditional edge are never taken", "put the edge without 'when' last"))
        for j, after in enumerate(node.get("after") or []):
            when = after.get("when") if isinstance(after, dict) else None
            if isinstance(when, str) and not rule_exists(when):
                line, col = value_position(after, "when")
                problems.append(Problem(name, line, col, "error", f"unknown rule '{when}'", "known rules: " + ", ".join(rule_names())))
        if "end" not in node and not nxt:
            line, col = position(steps, sname)
            problems.append(Problem(name, line, col, "error", f"step '{sname}' has neither 'next' nor 'end': the conversation would stop here", "add next: <step> or end: completed"))
        if "end" in node and nxt:
            line, col = position(node, "next")
            problems.append(Problem(name, line, col, "warning", f"step '{sname}' ends the conversation, so its 'next' is never used"))
        if "ladder" in node and sname not in graph[sname] and not any(
            isinstance(e, dict) and e.get("to") == sname for e in edges
        ):
            line, col = position(node, "ladder")
            problems.append(Problem(name, line, col, "warning", f"ladder step '{sname}' never goes back to itself, so it asks only once", f"add an edge 'to: {sname}'"))

    problems += _template_problems(doc, steps, graph, name)

    # Reachability from the start (and the returning start).
    roots = [r for r in (doc.get("start"), doc.get("returning")) if isinstance(r, str) and r in names]
    seen = _reach(roots, graph)
    for sname in sorted(names - seen, key=lambda n: position(steps, n)):
        line, col = position(steps, sname)
        problems.append(Problem(name, line, col, "warning" if not roots else "error", f"step '{sname}' is unreachable from the start", "connect it with a 'next' or remove it"))

    # Every reachable step must be able to reach an end.
    ends = {n for n, node in steps.items() if "end" in node}
    reverse: dict[str, list[str]] = {n: [] for n in names}
    for src, targets in graph.items():
        for t in targets:
            reverse[t].append(src)
    can_end = _reach(list(ends), reverse)
    for sname in sorted(seen - can_end, key=lambda n: position(steps, n)):
        if "end" in steps[sname] or not steps[sname].get("next"):
            continue
        line, col = position(steps, sname)
        problems.append(Problem(name, line, col, "error", f"step '{sname}' has no way to an end (a dead end or a loop with no exit)", "add an edge towards a step with 'end'"))
    if roots and not ends:
        problems.append(Problem(name, 1, 1, "error", "no step has 'end': the conversation can never finish", "add a step with end: completed"))
    return sorted(problems, key=lambda p: (p.line, p.col))


def _reach(roots: list[str], graph: dict[str, list[str]]) -> set[str]:
    seen = set(roots)
    queue = deque(roots)
    while queue:
        for nxt in graph.get(queue.popleft(), []):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _sets(node: dict[str, Any]) -> set[str]:
    out = {node[k] for k in ("save_as", "append_to", "collect_yes") if isinstance(node.get(k), str)}
    ladder = node.get("ladder")
    if isinstance(ladder, dict):
        out.add(str(ladder.get("chain", "why_chain")))
    return out


def _template_problems(doc: Any, steps: dict[str, Any], graph: dict[str, list[str]], name: str) -> list[Problem]:
    problems: list[Problem] = []
    reverse: dict[str, list[str]] = {n: [] for n in steps}
    for src, targets in graph.items():
        for t in targets:
            reverse[t].append(src)
    all_vars = set().union(*(_sets(n) for n in steps.values()))
    for sname, node in steps.items():
        # Values a step can see: those set by any step that can come before it (or itself, on a loop).
        before = _reach(reverse[sname], reverse) | set(reverse[sname])
        known = set(BUILTINS) | set().union(*(_sets(steps[b]) for b in before))
        fields: list[tuple[Any, Any, str]] = []
        for key in ("say", "ask", "purpose"):
            if isinstance(node.get(key), str):
                fields.append((node, key, node[key]))
        for key in ("variants", "keep"):
            for i, text in enumerate(node.get(key) or []):
                if isinstance(text, str):
                    fields.append((node[key], i, text))
        for after in node.get("after") or []:
            if isinstance(after, dict) and isinstance(after.get("say"), str):
                fields.append((after, "say", after["say"]))
        for parent, key, text in fields:
            line, col = value_position(parent, key) if isinstance(key, str) else position(parent, key)
            try:
                used = variables(text)
            except jinja2.TemplateSyntaxError as e:
                problems.append(Problem(name, line + max(0, (e.lineno or 1) - 1), col, "error", f"template syntax: {e.message}", "check the {{ }} and {% %} pairs"))
                continue
            for var in sorted(used - known):
                if var in all_vars:
                    msg, hint = f"'{var}' is used in step '{sname}' before any step can have set it", "reorder the steps or guard it with {% if %}"
                else:
                    close = difflib.get_close_matches(var, sorted(all_vars | set(BUILTINS)), n=1)
                    msg = f"template variable '{var}' in step '{sname}' is never set"
                    hint = f"did you mean '{close[0]}'?" if close else "set it with save_as in an earlier step"
                problems.append(Problem(name, line, col, "error", msg, hint))
    return problems
