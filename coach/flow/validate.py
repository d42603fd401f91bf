"""Everything a flow can get wrong, found before a mentee sees it, as file:line:col problems."""

from __future__ import annotations

import difflib
from collections import deque
from pathlib import Path
from typing import Any

from coach.errors import FlowError, Problem
from coach.flow.bounds import loop_problems, size_problems
from coach.flow.schema import schema_problems
from coach.flow.template import BUILTINS
from coach.flow.template_checks import template_problems, values_set_by
from coach.listening.rules import rule_exists, rule_names
from coach.yaml_lines import (
    MAX_BYTES,
    duplicate_keys,
    load_allowing_duplicates,
    parse_yaml,
    position,
    value_position,
)

# Rules that bound a ladder: without one of them on an exit, a ladder can repeat forever.
DEPTH_RULES = {"depth_reached", "ladder_done"}


def validate_file(path: Path | str) -> list[Problem]:
    """Every problem in a flow file, from YAML syntax to meaning; never raises for bad content."""
    path = Path(path)
    name = str(path)
    try:
        if path.is_dir():
            return [Problem(name, 1, 1, "error", "is a directory, not a flow file")]
        if path.stat().st_size > MAX_BYTES:
            return [
                Problem(
                    name,
                    1,
                    1,
                    "error",
                    f"file is {path.stat().st_size:,} bytes; flow files are limited to {MAX_BYTES:,}",
                )
            ]
        raw = path.read_bytes()
    except FileNotFoundError:
        return [Problem(name, 1, 1, "error", "no such file", "check the path")]
    except OSError as e:
        return [Problem(name, 1, 1, "error", f"cannot read: {e.strerror or e}")]
    return validate_bytes(raw, path)


def validate_bytes(raw: bytes, path: Path) -> list[Problem]:
    """Every problem in flow text as it would be read from ``path``."""
    name = str(path)
    try:
        doc = parse_yaml(raw, name)
    except FlowError as e:
        if not any("duplicate key" in p.message for p in e.problems):
            return e.problems
        # YAML would silently keep one of the duplicates: report all of them, then check the rest.
        problems = duplicate_keys(raw.decode("utf-8-sig"), name)
        doc = load_allowing_duplicates(raw, name)
        if doc is None:
            return problems or e.problems
        return sorted(problems + check_document(doc, path), key=lambda p: (p.line, p.col))
    except RecursionError:
        return [Problem(name, 1, 1, "error", "nested too deeply")]
    return check_document(doc, path)


def check_document(doc: Any, path: Path) -> list[Problem]:
    """Every problem in a parsed flow document: schema first, then meaning."""
    name = str(path)
    if not isinstance(doc, dict):
        what = "empty" if doc is None else ("a list" if isinstance(doc, list) else f"a single value ({doc!r:.40})")
        message = f"a flow must be a mapping with flow, version, start and steps; this file is {what}"
        return [Problem(name, 1, 1, "error", message)]
    problems = schema_problems(doc, name)
    steps = doc.get("steps")
    if not isinstance(steps, dict) or any(not isinstance(s, dict) for s in steps.values()):
        return sorted(problems, key=lambda p: (p.line, p.col))  # the schema problems say what is wrong
    if too_big := size_problems(doc, steps, name):
        return sorted(problems + too_big, key=lambda p: (p.line, p.col))
    check = _Checker(doc, steps, name, problems)
    check.starts()
    check.problems += _lexicon_problems(doc, path)
    for sname, node in steps.items():
        check.step(sname, node)
    check.problems += loop_problems(steps, check.graph, name)
    check.problems += _phase_problems(doc, steps, name)
    check.problems += _summary_problems(doc, steps, name)
    summary = doc.get("summary")
    summary_keys = {str(k) for k in summary} if isinstance(summary, dict) else set()
    check.problems += template_problems(steps, check.graph, name, summary_keys)
    check.reachability()
    return sorted(check.problems, key=lambda p: (p.line, p.col))


class _Checker:
    """The meaning checks of one flow document, collecting problems with their positions."""

    def __init__(self, doc: dict[str, Any], steps: dict[str, Any], name: str, problems: list[Problem]) -> None:
        self.doc, self.steps, self.name, self.problems = doc, steps, name, problems
        self.names = set(steps)
        self.graph: dict[str, list[str]] = {n: [] for n in self.names}
        self.broken: set[str] = set()  # steps with an undefined target: reported, so not a dead end too

    def suggest(self, target: str) -> str:
        close = difflib.get_close_matches(target, sorted(self.names), n=1, cutoff=0.6)
        return f"did you mean '{close[0]}'?" if close else "define the step or fix the name"

    def add(self, node: Any, key: Any, level: str, message: str, hint: str = "", value: bool = True) -> None:
        if value and isinstance(node, dict) and key in node:
            line, col = value_position(node, key)
        else:
            line, col = position(node, key)
        self.problems.append(Problem(self.name, line, col, level, message, hint))

    def starts(self) -> None:
        for key in ("start", "returning"):
            target = self.doc.get(key)
            if isinstance(target, str) and target not in self.names:
                self.add(self.doc, key, "error", f"{key} step '{target}' is not defined", self.suggest(target))

    def step(self, sname: str, node: dict[str, Any]) -> None:
        nxt = node.get("next")
        edges = [{"to": nxt}] if isinstance(nxt, str) else (nxt if isinstance(nxt, list) else [])
        edges = [e for e in edges if isinstance(e, dict)]
        for i, edge in enumerate(edges):
            self.edge(sname, node, nxt, edges, i, edge)
        if isinstance(nxt, list) and edges and not _exhaustive(edges):
            self.add(node, "next", "error",
                     f"step '{sname}': every edge has a 'when'; if none holds the conversation has nowhere to go",
                     "end the list with an edge without 'when'", value=False)
        for after in node.get("after") or []:
            if isinstance(after, dict) and isinstance(after.get("when"), str):
                _check_rule(after["when"], after, self.add)
        self.ends(sname, node, nxt)
        self.shape(sname, node)
        if isinstance(node.get("ladder"), dict):
            _ladder_problems(sname, node, edges, self.add)
        _keep_problems(sname, node, self.add)

    def edge(self, sname: str, node: dict[str, Any], nxt: Any, edges: list[Any], i: int, edge: dict[str, Any]) -> None:
        target = edge.get("to")
        if isinstance(target, str):
            if target in self.names:
                self.graph[sname].append(target)
            else:
                # Follow an obvious typo for the rest of the analysis, so one misspelt name
                # does not also make every later step "unreachable".
                self.graph[sname].extend(difflib.get_close_matches(target, sorted(self.names), n=1, cutoff=0.8))
                self.broken.add(sname)
                where = (node, "next") if isinstance(nxt, str) else (edge, "to")
                self.add(*where, "error", f"step '{sname}' goes to undefined step '{target}'", self.suggest(target))
        when = edge.get("when")
        if isinstance(when, str):
            _check_rule(when, edge, self.add)
            bare = when.strip().removeprefix("not ").strip()
            if bare in ("yes", "no") and node.get("expect", "text") not in ("yes_no", "either"):
                message = f"step '{sname}' branches on '{when}' but does not expect a yes or no"
                hint = "add expect: yes_no so the answer is re-asked until it is one"
                self.add(edge, "when", "warning", message, hint)
        if isinstance(nxt, list) and "when" not in edge and i != len(edges) - 1:
            self.add(nxt, i + 1, "warning", f"step '{sname}': edges after an unconditional edge are never taken",
                     "put the edge without 'when' last")

    def ends(self, sname: str, node: dict[str, Any], nxt: Any) -> None:
        if "end" not in node and not nxt:
            self.add(self.steps, sname, "error",
                     f"step '{sname}' has neither 'next' nor 'end': the conversation would stop here",
                     "add next: <step> or end: completed", value=False)
        if "end" in node and nxt:
            self.add(node, "next", "warning", f"step '{sname}' ends the conversation, so its 'next' is never used",
                     value=False)

    def shape(self, sname: str, node: dict[str, Any]) -> None:
        """Keys that do nothing where they are."""
        routes = isinstance(node.get("next"), list) and any(isinstance(e, dict) and e.get("when") for e in node["next"])
        if not any(k in node for k in ("say", "ask", "end", "forget")) and not routes:
            self.add(self.steps, sname, "warning", f"step '{sname}' neither says nor asks anything",
                     "add ask: or say:, or remove it", value=False)
        if "ask" not in node:
            for k in ("save_as", "append_to", "collect_yes", "ladder", "foreach"):
                if k in node:
                    self.add(node, k, "warning", f"step '{sname}' asks nothing, so its '{k}' never gets an answer",
                             "add ask: or remove it", value=False)
        if "collect_yes" in node and "foreach" not in node:
            self.add(node, "collect_yes", "warning", f"step '{sname}': collect_yes only works with foreach",
                     value=False)
        if "foreach" in node and node.get("expect") != "yes_no":
            self.add(node, "foreach", "warning", f"step '{sname}' asks about each item but does not expect a yes or no",
                     "add expect: yes_no", value=False)
        for k in ("save_as", "append_to", "collect_yes"):
            var = node.get(k)
            if isinstance(var, str) and var in BUILTINS:
                self.add(node, k, "warning",
                         f"'{var}' is a built-in template value; templates will see the built-in, not this answer",
                         "choose another name")

    def reachability(self) -> None:
        """Every step reachable from a start, and every reachable step able to reach an end."""
        steps = self.steps
        starts = (self.doc.get("start"), self.doc.get("returning"))
        roots = [r for r in starts if isinstance(r, str) and r in self.names]
        seen = _reach(roots, self.graph)
        for sname in sorted(self.names - seen, key=lambda n: position(steps, n)):
            self.add(steps, sname, "warning" if not roots else "error", f"step '{sname}' is unreachable from the start",
                     "connect it with a 'next' or remove it", value=False)
        ends = {n for n, node in steps.items() if "end" in node}
        can_end = _reach(list(ends | self.broken), _reverse(self.graph))
        for sname in sorted(seen - can_end, key=lambda n: position(steps, n)):
            if "end" in steps[sname] or not steps[sname].get("next"):
                continue
            message = f"step '{sname}' has no way to an end (a dead end or a loop with no exit)"
            self.add(steps, sname, "error", message, "add an edge towards a step with 'end'", value=False)
        if roots and not ends:
            message = "no step has 'end': the conversation can never finish"
            self.problems.append(Problem(self.name, 1, 1, "error", message, "add a step with end: completed"))


def _check_rule(when: str, node: Any, add: Any) -> None:
    if rule_exists(when):
        return
    close = difflib.get_close_matches(when.strip().removeprefix("not ").strip(), rule_names(), n=1)
    hint = f"did you mean '{close[0]}'?" if close else "coach flow rules lists them"
    add(node, "when", "error", f"unknown rule '{when}'", hint)


def _exhaustive(edges: list[dict[str, Any]]) -> bool:
    """Does some edge always hold (no 'when', 'always', or both 'r' and 'not r')?"""
    conds = {" ".join(str(e["when"]).split()) for e in edges if "when" in e}
    if any("when" not in e for e in edges) or "always" in conds:
        return True
    return any(f"not {c}" in conds for c in conds)


def _ladder_problems(sname: str, node: dict[str, Any], edges: list[dict[str, Any]], add: Any) -> None:
    loops = any(e.get("to") == sname for e in edges)
    if not loops:
        add(
            node,
            "ladder",
            "warning",
            f"ladder step '{sname}' never goes back to itself, so it asks only once",
            f"add an edge 'to: {sname}'",
            value=False,
        )
        return
    exits = [str(e.get("when", "")).strip() for e in edges if e.get("to") != sname]
    if not any(w in DEPTH_RULES for w in exits):
        add(
            node,
            "ladder",
            "error",
            f"ladder step '{sname}' has no depth limit on its way out: none of its exits checks "
            "depth_reached or ladder_done, so it can repeat forever",
            "exit with when: ladder_done (bedrock, ran dry or max_depth)",
            value=False,
        )


def _keep_problems(sname: str, node: dict[str, Any], add: Any) -> None:
    ask = node.get("ask")
    keep = node.get("keep")
    if not isinstance(ask, str) or not isinstance(keep, list):
        return
    for i, term in enumerate(keep):
        if isinstance(term, str) and "{" not in term and term.lower() not in ask.lower():
            add(
                keep,
                i,
                "warning",
                f"step '{sname}' keeps '{term}', which is not in its question",
                "keep lists words from the question that a rephrasing must not lose",
            )


def _phase_problems(doc: dict[str, Any], steps: dict[str, Any], name: str) -> list[Problem]:
    phases = doc.get("phases")
    if not isinstance(phases, dict):
        return []
    problems = []
    warned: set[str] = set()
    for sname, node in steps.items():
        phase = node.get("phase")
        if isinstance(phase, str) and phase not in phases and phase not in warned and "purpose" not in node:
            warned.add(phase)
            line, col = value_position(node, "phase")
            problems.append(
                Problem(
                    name,
                    line,
                    col,
                    "warning",
                    f"phase '{phase}' has no purpose under 'phases', so 'why are you asking?' "
                    f"gets no answer in step '{sname}'",
                    f"add phases: {{{phase}: {{purpose: ...}}}} or purpose: to the step",
                )
            )
    return problems


def _summary_problems(doc: dict[str, Any], steps: dict[str, Any], name: str) -> list[Problem]:
    summary = doc.get("summary")
    if not isinstance(summary, dict):
        return []
    captured = set().union(*(values_set_by(n) for n in steps.values())) | {"bedrock"}
    problems = []
    for field, value in summary.items():
        names = value if isinstance(value, list) else [value]
        for i, var in enumerate(names):
            if isinstance(var, str) and var not in captured:
                line, col = position(value, i) if isinstance(value, list) else value_position(summary, field)
                close = difflib.get_close_matches(var, sorted(captured), n=1)
                problems.append(
                    Problem(
                        name,
                        line,
                        col,
                        "warning",
                        f"summary.{field} uses '{var}', which no step captures",
                        f"did you mean '{close[0]}'?" if close else "capture it with save_as or append_to",
                    )
                )
    return problems


def _lexicon_problems(doc: dict[str, Any], path: Path) -> list[Problem]:
    lex = doc.get("lexicon")
    if not isinstance(lex, str):
        return []
    from coach.flow.paths import lexicon_path

    try:
        target = lexicon_path(path, lex)
    except (ValueError, OSError) as e:
        line, col = value_position(doc, "lexicon")
        hint = "a lexicon lives beside its flow (or in a folder below it)"
        return [Problem(str(path), line, col, "error", str(e), hint)]
    if not target.is_file():
        line, col = value_position(doc, "lexicon")
        return [
            Problem(
                str(path),
                line,
                col,
                "error",
                f"lexicon file '{lex}' not found (looked in {target})",
                "the path is relative to this flow file",
            )
        ]
    from coach.listening.lexicon import load_lexicon

    try:
        load_lexicon(target)
    except FlowError as e:
        return e.problems
    except (TypeError, ValueError, AttributeError) as e:
        line, col = value_position(doc, "lexicon")
        return [Problem(str(path), line, col, "error", f"lexicon '{lex}' is malformed: {e}")]
    return []


def _reach(roots: list[str], graph: dict[str, list[str]]) -> set[str]:
    seen = set(roots)
    queue = deque(roots)
    while queue:
        for nxt in graph.get(queue.popleft(), []):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _reverse(graph: dict[str, list[str]]) -> dict[str, list[str]]:
    reverse: dict[str, list[str]] = {n: [] for n in graph}
    for src, targets in graph.items():
        for t in targets:
            reverse[t].append(src)
    return reverse
