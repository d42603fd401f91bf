"""The conversation-test file format: load, check against a flow, report mistakes at file:line:col."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.conversation.summary import KEYS as SUMMARY_KEYS
from coach.errors import FlowError, Problem
from coach.flow.spec import Flow
from coach.store.database import STATUSES
from coach.yaml_lines import load_yaml, plain, position, value_position

SUFFIX = ".test.yaml"
FILE_KEYS = ("flow", "mentee", "tests")
CASE_KEYS = ("name", "from", "values", "previous", "turns")
CHECK_KEYS = ("step", "phase", "status", "values", "summary", "contains", "not_contains")
TURN_KEYS = ("answer", "answers", "until", *CHECK_KEYS)
MAX_REPEAT = 20  # an `until` turn gives up after this many rounds


@dataclass
class Turn:
    """One scripted turn: answers to give (none: check the opening) and what must hold after."""

    line: int
    answers: list[str]
    checks: dict[str, Any]
    until: str | None = None


@dataclass
class Case:
    """One conversation test."""

    name: str
    line: int
    turns: list[Turn]
    start: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    previous: dict[str, Any] | None = None


@dataclass
class TestFile:
    """A parsed ``*.test.yaml`` file: the flow it tests and its cases."""

    path: Path
    flow_path: Path
    mentee: str
    cases: list[Case]


def load_test_file(path: Path | str) -> TestFile:
    """Parse and check a test file; raise FlowError listing every mistake with file:line:col."""
    path = Path(path)
    name = str(path)
    doc = load_yaml(path)
    problems: list[Problem] = []

    def bad(node: Any, key: Any, message: str, hint: str = "", at_key: bool = False) -> None:
        line, col = value_position(node, key) if isinstance(key, str) and not at_key else position(node, key)
        problems.append(Problem(name, line, col, "error", message, hint))

    if not isinstance(doc, dict):
        raise FlowError(
            [
                Problem(
                    name,
                    1,
                    1,
                    "error",
                    "a test file is a mapping with flow: and tests:",
                    "see coach flow new for an example",
                )
            ]
        )
    _unknown_keys(doc, FILE_KEYS, "the test file", bad)
    flow_ref = doc.get("flow")
    if not isinstance(flow_ref, str):
        bad(doc, "flow" if "flow" in doc else None, "missing 'flow': the flow file to test, relative to this file")
        flow_path = path
    else:
        flow_path = (path.parent / flow_ref).resolve()
        if not flow_path.is_file():
            bad(
                doc,
                "flow",
                f"flow file '{flow_ref}' not found (looked in {flow_path})",
                "the path is relative to this test file",
            )
    tests = doc.get("tests")
    cases: list[Case] = []
    if not isinstance(tests, list) or not tests:
        bad(
            doc,
            "tests" if "tests" in doc else None,
            "'tests' must be a list of test cases",
            "tests:\n  - name: ...\n    turns: [...]",
        )
        tests = []
    for i, node in enumerate(tests):
        case = _case(node, tests, i, bad)
        if case:
            cases.append(case)
    if problems:
        raise FlowError(problems)
    return TestFile(path=path, flow_path=flow_path, mentee=str(doc.get("mentee") or "sam"), cases=cases)


def _unknown_keys(node: dict[str, Any], allowed: tuple[str, ...], where: str, bad: Any) -> None:
    for key in node:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.5)
            bad(
                node,
                key,
                f"unknown key '{key}' in {where}",
                f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(allowed),
                at_key=True,
            )


def _case(node: Any, parent: Any, index: int, bad: Any) -> Case | None:
    if not isinstance(node, dict):
        bad(parent, index, "a test case is a mapping with name: and turns:")
        return None
    line = position(parent, index)[0]
    _unknown_keys(node, CASE_KEYS, "a test case", bad)
    name = node.get("name")
    if not isinstance(name, str) or not name.strip():
        bad(parent, index, "a test case needs a name:")
        name = f"case {index + 1}"
    start = node.get("from")
    if start is not None and not isinstance(start, str):
        bad(node, "from", "'from' must be a step name")
        start = None
    values = node.get("values") or {}
    if not isinstance(values, dict):
        bad(node, "values", "'values' must be a mapping of captured values")
        values = {}
    previous = node.get("previous")
    if previous is not None and not isinstance(previous, dict):
        bad(node, "previous", "'previous' must be a mapping of summary fields (goals, motivations, ...)")
        previous = None
    turns_node = node.get("turns")
    turns: list[Turn] = []
    if not isinstance(turns_node, list) or not turns_node:
        bad(node, "turns" if "turns" in node else None, f"test '{name}' needs turns: a list of answers and checks")
    else:
        for j, t in enumerate(turns_node):
            turn = _turn(t, turns_node, j, bad)
            if turn:
                turns.append(turn)
    return Case(
        name=str(name),
        line=line,
        turns=turns,
        start=start,
        values=plain(values),
        previous=plain(previous) if previous is not None else None,
    )


def _turn(node: Any, parent: Any, index: int, bad: Any) -> Turn | None:
    line = position(parent, index)[0]
    if isinstance(node, str):  # shorthand: a bare answer with no checks
        return Turn(line=line, answers=[node], checks={})
    if not isinstance(node, dict):
        bad(parent, index, "a turn is a mapping (answer: and checks) or a bare answer")
        return None
    _unknown_keys(node, TURN_KEYS, "a turn", bad)
    answers: list[str] = []
    if "answer" in node and "answers" in node:
        bad(node, "answers", "use either 'answer' or 'answers' in one turn")
    if "answer" in node:
        if isinstance(node["answer"], (dict, list)):
            bad(node, "answer", "'answer' is one line of text; use 'answers' for several")
        else:
            answers = [_text(node["answer"])]
    elif "answers" in node:
        if not isinstance(node["answers"], list):
            bad(node, "answers", "'answers' must be a list of lines")
        else:
            answers = [_text(a) for a in node["answers"]]
    status = node.get("status")
    if status is not None and status not in STATUSES:
        bad(node, "status", f"unknown status '{status}'", "one of: " + ", ".join(STATUSES))
    summary = node.get("summary")
    if isinstance(summary, dict):
        for key in summary:
            if key not in SUMMARY_KEYS:
                bad(summary, key, f"unknown summary field '{key}'", "one of: " + ", ".join(SUMMARY_KEYS))
    until = node.get("until")
    if until is not None and (not isinstance(until, str) or not answers):
        bad(node, "until", "'until' is a step name, and needs an answer to repeat")
        until = None
    checks = {k: plain(node[k]) for k in CHECK_KEYS if k in node}
    for k in ("contains", "not_contains"):
        if isinstance(checks.get(k), str):
            checks[k] = [checks[k]]
    return Turn(line=line, answers=answers, checks=checks, until=until)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # YAML 1.1 habits: `answer: yes` is text in YAML 1.2, but be safe
        return "yes" if value else "no"
    return str(value)


def check_against_flow(tf: TestFile, flow: Flow) -> list[Problem]:
    """Step names and value names in a test file that the flow does not have."""
    doc = load_yaml(tf.path)
    problems: list[Problem] = []
    steps = sorted(flow.steps)
    known_values = set(flow.variables()) | {"previous", "bedrock", "answer"}
    for case, node in zip(tf.cases, doc.get("tests") or [], strict=False):
        if not isinstance(node, dict):
            continue
        refs: list[tuple[Any, str, str]] = []
        if case.start:
            refs.append((node, "from", case.start))
        for t in node.get("turns") or []:
            for key in ("step", "until"):
                if isinstance(t, dict) and isinstance(t.get(key), str):
                    refs.append((t, key, t[key]))
        for parent, key, step in refs:
            if step not in flow.steps:
                line, col = value_position(parent, key)
                close = difflib.get_close_matches(step, steps, n=1)
                problems.append(
                    Problem(
                        str(tf.path),
                        line,
                        col,
                        "error",
                        f"the flow has no step '{step}'",
                        f"did you mean '{close[0]}'?" if close else "coach flow graph lists the steps",
                    )
                )
        for vnode in [node.get("values")] + [t.get("values") for t in node.get("turns") or [] if isinstance(t, dict)]:
            for var in vnode or {}:
                if var not in known_values:
                    line, col = position(vnode, var)
                    close = difflib.get_close_matches(str(var), sorted(known_values), n=1)
                    problems.append(
                        Problem(
                            str(tf.path),
                            line,
                            col,
                            "error",
                            f"the flow captures no value '{var}'",
                            f"did you mean '{close[0]}'?"
                            if close
                            else "values are named by save_as, append_to, collect_yes and ladder chains",
                        )
                    )
        if case.previous is not None and not flow.returning and not case.start:
            line, col = position(node, "previous")
            problems.append(
                Problem(
                    str(tf.path),
                    line,
                    col,
                    "error",
                    "'previous' starts at the flow's returning step, but this flow has none",
                    "add returning: to the flow, or from: a step",
                )
            )
    return problems


# --- running ---------------------------------------------------------------------------
