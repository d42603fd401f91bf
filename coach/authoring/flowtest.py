"""Conversation tests: YAML files of scripted mentee turns and what must follow, with coverage."""

from __future__ import annotations

import difflib
import json
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.authoring.testfile import MAX_REPEAT, SUFFIX, Case, Turn, check_against_flow, load_test_file
from coach.conversation.engine import Conversation
from coach.conversation.message import Message
from coach.conversation.summary import KEYS as SUMMARY_KEYS
from coach.errors import CoachError, FlowError, Problem
from coach.flow.spec import Flow, load_flow
from coach.listening.text import decimals_back
from coach.resources import flows_dir
from coach.store.connection import memory_db
from coach.store.database import Store


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
    roots = [Path(p) for p in paths] or [flows_dir()]
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
        conv.place(at)
    return conv


def track(conv: Conversation, cov: Coverage) -> None:
    """Record every step entered and every transition taken into ``cov``."""

    def hit(source: str, index: int, dest: str) -> None:
        cov.edges.add((source, index))
        cov.steps.add(dest)

    conv.observe(hit)


def run_case(
    flow: Flow, case: Case, mentee: str = "sam", path: Path | None = None, coverage: Coverage | None = None
) -> CaseResult:
    """Play one case through the flow and compare what happened with what it expects."""
    cov = coverage or Coverage(flow)
    where = path or Path("<test>")
    try:
        conv = start_conversation(flow, mentee, case.start, case.values, case.previous)
        track(conv, cov)
        cov.steps.add(conv.step)
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
                cov.steps.add(conv.step)
                if turn.until and (conv.step == turn.until or conv.finished):
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
    return str(conv.step)


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
    actual: dict[str, Any] = {"step": conv.step, "phase": conv.current.phase, "status": conv.status}
    for key in ("step", "phase", "status"):
        if key in checks and checks[key] != actual[key]:
            diffs.append(_diff(key, checks[key], actual[key]))
    for key, source in (("values", conv.values), ("summary", conv.summary())):
        for name, want in (checks.get(key) or {}).items():
            got = decimals_back(source.get(name))  # as stored: "0.6", never the point held while reading
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
