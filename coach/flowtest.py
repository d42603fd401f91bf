"""Conversation tests: YAML files of scripted mentee turns and what must follow, with coverage."""

from __future__ import annotations

import difflib
import json
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.errors import CoachError, FlowError, Problem
from coach.flow import Flow, load_flow
from coach.home import PROJECT_ROOT
from coach.session import Conversation, Message
from coach.store import STATUSES, Store, memory_db
from coach.summary import KEYS as SUMMARY_KEYS
from coach.yamlio import load_yaml, position, value_position

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


@dataclass
class CaseResult:
    """The outcome of one case; ``explanation`` says what differed, diff-style."""

    path: Path
    case: Case
    passed: bool
    explanation: str = ""

    @property
    def line(self) -> str:
        """The one-line PASS/FAIL report."""
        return f"{'PASS' if self.passed else 'FAIL'} {self.path}:{self.case.line} {self.case.name}"


@dataclass
class Coverage:
    """Which steps and transitions of one flow the tests reached."""

    flow: Flow
    steps: set[str] = field(default_factory=set)
    edges: set[tuple[str, int]] = field(default_factory=set)

    def all_edges(self) -> list[tuple[str, int]]:
        """Every transition of the flow, as (step, index in its next)."""
        return [(s.name, i) for s in self.flow.steps.values() for i in range(len(s.next))]

    def edge_name(self, edge: tuple[str, int]) -> str:
        """``a -[rule]-> b`` for a transition."""
        e = self.flow.steps[edge[0]].next[edge[1]]
        return f"{edge[0]} -[{e.when}]-> {e.to}" if e.when else f"{edge[0]} --> {e.to}"

    def report(self) -> str:
        """Steps and transitions reached, and the ones no test reaches."""
        steps, edges = list(self.flow.steps), self.all_edges()
        hit_s = [s for s in steps if s in self.steps]
        hit_e = [e for e in edges if e in self.edges]
        lines = [
            f"coverage of {_relative(self.flow.path)}: steps {len(hit_s)}/{len(steps)} ({_pct(hit_s, steps)}), "
            f"transitions {len(hit_e)}/{len(edges)} ({_pct(hit_e, edges)})"
        ]
        missed_s = [s for s in steps if s not in self.steps]
        missed_e = [self.edge_name(e) for e in edges if e not in self.edges]
        if missed_s:
            lines.append("  steps no test reaches: " + ", ".join(missed_s))
        if missed_e:
            lines.append("  transitions no test takes: " + ", ".join(missed_e))
        return "\n".join(lines)


def _pct(part: list[Any], whole: list[Any]) -> str:
    return f"{100 * len(part) // len(whole)}%" if whole else "100%"


@dataclass
class Report:
    """Everything a run of conversation tests found."""

    results: list[CaseResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # unreadable test files
    coverage: dict[Path, Coverage] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every case passed and every file could be read."""
        return not self.problems and all(r.passed for r in self.results)

    def summary(self) -> str:
        """``N passed, M failed`` (and unreadable files)."""
        passed = sum(r.passed for r in self.results)
        failed = len(self.results) - passed
        text = f"{passed} passed, {failed} failed"
        if self.problems:
            files = len({p.path for p in self.problems})
            text += f", {files} test file{'s' if files != 1 else ''} with errors"
        return text


# --- reading test files --------------------------------------------------------------------


def discover(paths: Iterable[Path | str] = ()) -> list[Path]:
    """Test files under the given files or directories (default: the project's flows/)."""
    roots = [Path(p) for p in paths] or [PROJECT_ROOT / "flows"]
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            found += sorted(p for p in root.rglob(f"*{SUFFIX}") if ".venv" not in p.parts)
        else:
            found.append(root)
    return [_relative(p) for p in found]


def _relative(path: Path) -> Path:
    """Shorter paths in reports when the file is under the current directory."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


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
        values=_plain(values),
        previous=_plain(previous) if previous is not None else None,
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
    checks = {k: _plain(node[k]) for k in CHECK_KEYS if k in node}
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


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)


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


def start_conversation(
    flow: Flow,
    mentee: str = "sam",
    at: str | None = None,
    values: dict[str, Any] | None = None,
    previous: dict[str, Any] | None = None,
    store: Store | None = None,
) -> Conversation:
    """A new conversation in a private in-memory store, optionally mid-flow with preset values."""
    conv = Conversation.start(flow, store or Store(memory_db()), mentee)
    if previous is not None:
        conv.values["previous"] = {k: previous.get(k, [] if k != "experiment" else None) for k in SUMMARY_KEYS}
        at = at or flow.returning
    conv.values.update(values or {})
    if at:
        conv.machine.set_state(at)
    return conv


def track(conv: Conversation, cov: Coverage) -> None:
    """Record every step entered and every transition taken into ``cov``."""
    advance = conv.machine.events.get("advance")
    if advance is None:
        return
    for step in conv.flow.steps.values():
        for i, transition in enumerate(advance.transitions.get(step.name, [])):
            key = (step.name, i)
            transition.after.append(lambda event, key=key: _hit(cov, key, event))


def _hit(cov: Coverage, key: tuple[str, int], event: Any) -> None:
    cov.edges.add(key)
    cov.steps.add(event.transition.dest)


def run_case(
    flow: Flow, case: Case, mentee: str = "sam", path: Path | None = None, coverage: Coverage | None = None
) -> CaseResult:
    """Play one case through the flow and compare what happened with what it expects."""
    cov = coverage or Coverage(flow)
    where = path or Path("<test>")
    try:
        conv = start_conversation(flow, mentee, case.start, case.values, case.previous)
        track(conv, cov)
        cov.steps.add(conv.step)  # type: ignore[attr-defined]
        said = conv.open()
    except Exception as e:
        return CaseResult(where, case, False, _crash("opening the conversation", e))
    for n, turn in enumerate(case.turns, 1):
        if turn.answers:
            said = []
            rounds = 0
            script = list(turn.answers)
            while script:
                answer = script.pop(0)
                if conv.finished:
                    return CaseResult(
                        where,
                        case,
                        False,
                        _where(n, turn, answer)
                        + f"\n    the conversation is already {conv.status}; nothing more can be answered",
                    )
                try:
                    said += conv.reply(answer)
                except Exception as e:
                    return CaseResult(where, case, False, _where(n, turn, answer) + "\n" + _crash("answering", e))
                cov.steps.update(m.step for m in said)
                cov.steps.add(conv.step)  # type: ignore[attr-defined]
                if turn.until and (conv.step == turn.until or conv.finished):  # type: ignore[attr-defined]
                    break
                if not script and turn.until:
                    rounds += 1
                    if rounds >= MAX_REPEAT:
                        return CaseResult(
                            where,
                            case,
                            False,
                            _where(n, turn, answer)
                            + f"\n    never reached step '{turn.until}' in {MAX_REPEAT} rounds; now at '{_at(conv)}'\n"
                            + _said(said),
                        )
                    script = list(turn.answers)
        else:
            cov.steps.update(m.step for m in said)
        diffs = _compare(conv, said, turn.checks)
        if diffs:
            text = _where(n, turn, turn.answers[-1] if turn.answers else None) + "\n" + "\n".join(diffs)
            return CaseResult(where, case, False, text + "\n" + _said(said))
    return CaseResult(where, case, True)


def _at(conv: Conversation) -> str:
    return str(conv.step)  # type: ignore[attr-defined]


def _where(n: int, turn: Turn, answer: str | None) -> str:
    after = f"after answer {json.dumps(answer, ensure_ascii=False)}" if answer is not None else "at the opening"
    return f"  turn {n} (line {turn.line}), {after}:"


def _crash(doing: str, e: Exception) -> str:
    if isinstance(e, CoachError):
        return f"    the conversation failed while {doing}: {e}"
    tb = traceback.extract_tb(e.__traceback__)[-1]
    return f"    crashed while {doing}: {type(e).__name__}: {e} ({Path(tb.filename).name}:{tb.lineno})"


def _said(msgs: list[Message]) -> str:
    lines = ["    coach said:"]
    for m in msgs:
        lines += [f"      | [{m.step}] {line}" for line in m.text.splitlines() or [""]]
    if not msgs:
        lines.append("      | (nothing)")
    return "\n".join(lines)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def _compare(conv: Conversation, said: list[Message], checks: dict[str, Any]) -> list[str]:
    diffs: list[str] = []
    actual: dict[str, Any] = {"step": conv.step, "phase": conv.current.phase, "status": conv.status}  # type: ignore[attr-defined]
    for key in ("step", "phase", "status"):
        if key in checks and checks[key] != actual[key]:
            diffs.append(_diff(key, checks[key], actual[key]))
    for key, source in (("values", conv.values), ("summary", conv.summary())):
        for name, want in (checks.get(key) or {}).items():
            got = source.get(name)
            if want != got:
                diffs.append(_diff(f"{key}.{name}", want, got))
    text = _norm(" ".join(m.text for m in said))
    for phrase in checks.get("contains") or []:
        if _norm(str(phrase)) not in text:
            diffs.append(f"    the reply should contain {json.dumps(str(phrase), ensure_ascii=False)} but does not")
    for phrase in checks.get("not_contains") or []:
        if _norm(str(phrase)) in text:
            diffs.append(f"    the reply should not contain {json.dumps(str(phrase), ensure_ascii=False)} but does")
    return diffs


def _diff(what: str, want: Any, got: Any) -> str:
    a = json.dumps(want, indent=2, ensure_ascii=False).splitlines()
    b = json.dumps(got, indent=2, ensure_ascii=False).splitlines()
    if len(a) == 1 and len(b) == 1:
        body = [f"    - {a[0]}   (expected)", f"    + {b[0]}   (actual)"]
    else:
        body = ["    " + line for line in difflib.ndiff(a, b) if not line.startswith("?")]
    return f"    {what}:\n" + "\n".join(body)


def run_file(path: Path | str, report: Report | None = None) -> Report:
    """Run every case of one test file into ``report``."""
    report = report or Report()
    try:
        tf = load_test_file(path)
        flow = load_flow(tf.flow_path)
    except FlowError as e:
        report.problems += e.problems
        return report
    problems = check_against_flow(tf, flow)
    if problems:
        report.problems += problems
        return report
    key = flow.path.resolve()
    cov = report.coverage.setdefault(key, Coverage(flow))
    for case in tf.cases:
        report.results.append(run_case(cov.flow, case, tf.mentee, tf.path, cov))
    return report


def run_tests(paths: Iterable[Path | str] = ()) -> Report:
    """Run every conversation test under ``paths`` (default: the project's flows/)."""
    files = discover(paths)
    report = Report()
    for f in files:
        run_file(f, report)
    if not files:
        report.problems.append(
            Problem(
                ", ".join(map(str, paths)) or "flows/",
                1,
                1,
                "error",
                f"no conversation tests found (files named *{SUFFIX})",
                "create one with: coach flow new NAME",
            )
        )
    return report
