"""coach flow graph / test / fuzz / new / rules: what a flow author sees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from coach.authoring.flowtest import run_tests
from coach.authoring.fuzz import fuzz_flow
from coach.authoring.graph import render_graph
from coach.authoring.scaffold import scaffold
from coach.authoring.testfile import load_test_file
from coach.cli import cli
from coach.errors import FlowError, UsageError
from coach.flow.spec import Flow, build_flow, load_flow
from coach.resources import schema_path
from coach.yaml_lines import parse_yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# --- graph ---------------------------------------------------------------------------------


def test_mermaid_groups_steps_by_phase_and_labels_conditional_edges(career_flow: Flow) -> None:
    text = render_graph(career_flow, "mermaid")
    assert text.startswith("flowchart TD\n")
    assert text.count("subgraph ") == len({s.phase for s in career_flow.steps.values()})
    assert '  subgraph phase_goal["Goals"]' in text
    assert '  welcome -->|"yes"| goal_horizon' in text
    assert "  start_ --> welcome" in text
    for name in career_flow.steps:
        assert f"    {name}" in text


def test_dot_has_a_cluster_per_phase_and_labelled_edges(career_flow: Flow) -> None:
    text = render_graph(career_flow, "dot")
    assert text.startswith('digraph "career-conversation" {')
    assert 'subgraph "cluster_why" {' in text
    assert '"welcome" -> "goal_horizon" [label="yes"];' in text
    assert text.rstrip().endswith("}")


def test_a_step_named_end_does_not_break_mermaid(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(
        "flow: f\nversion: 1\nstart: a\nsteps:\n  a: {phase: goal, ask: 'Hi \"you\"?', next: end}\n"
        "  end: {phase: close, say: Bye, end: completed}\n"
    )
    text = render_graph(load_flow(path), "mermaid")
    assert "a --> end_" in text and "#quot;you#quot;" in text


def test_graph_command_prints_the_diagram_and_refuses_a_broken_flow() -> None:
    ok = CliRunner().invoke(cli, ["flow", "graph", str(PROJECT_ROOT / "flows" / "career.yaml"), "--format", "dot"])
    assert ok.exit_code == 0 and ok.output.startswith("digraph")
    bad = CliRunner().invoke(
        cli, ["flow", "graph", str(PROJECT_ROOT / "tests" / "flows_broken" / "undefined_target.yaml")]
    )
    assert bad.exit_code == 1
    assert "undefined_target.yaml:18:11: error: step 'goal' goes to undefined step 'by'" in bad.output
    assert "Traceback" not in bad.output


# --- conversation tests --------------------------------------------------------------------


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, Path]:
    """A scaffolded flow and its passing test, in tmp_path/flows."""
    return scaffold("demo", tmp_path / "flows")


def schema_target(flow_file: Path) -> Path:
    """The file a scaffolded flow's ``$schema`` comment points at."""
    from urllib.parse import unquote, urlparse

    ref = flow_file.read_text().splitlines()[0].split("$schema=", 1)[1]
    return Path(unquote(urlparse(ref).path)) if ref.startswith("file:") else flow_file.parent / ref


def test_scaffolded_flow_is_valid_and_its_test_passes(demo: tuple[Path, Path]) -> None:
    flow_file, test_file = demo
    assert flow_file.read_text().startswith("# yaml-language-server: $schema=")
    assert schema_target(flow_file).resolve() == schema_path().resolve()
    assert CliRunner().invoke(cli, ["flow", "validate", str(flow_file)]).output.strip() == f"{flow_file}: ok"
    report = run_tests([test_file])
    assert report.ok and len(report.results) == 3
    assert "steps 4/4 (100%)" in next(iter(report.coverage.values())).report()


@pytest.mark.parametrize(("inside", "ref"), [(True, "../schema.json"), (False, "file://")],
                         ids=["in-the-tree-that-holds-the-schema", "anywhere-else"])
def test_the_schema_is_found_from_wherever_the_flow_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, inside: bool, ref: str
) -> None:
    from coach.authoring import scaffold as module

    schema = tmp_path / "site" / "coach" / "flows" / "schema.json"  # as a wheel installs it
    schema.parent.mkdir(parents=True)
    schema.write_text("{}")
    monkeypatch.setattr(module, "schema_path", lambda: schema)
    flow_file, _ = scaffold("demo", schema.parent / "mine" if inside else tmp_path / "elsewhere")
    assert ref in flow_file.read_text().splitlines()[0]
    assert schema_target(flow_file).resolve() == schema.resolve()


def test_scaffold_refuses_to_overwrite_and_bad_names(demo: tuple[Path, Path], tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="already exists"):
        scaffold("demo", tmp_path / "flows")
    with pytest.raises(UsageError, match="lower-case"):
        scaffold("Bad Name", tmp_path / "flows")
    result = CliRunner().invoke(cli, ["flow", "new", "demo", "--dir", str(tmp_path / "flows")])
    assert result.exit_code == 2 and "already exists" in result.output


def test_a_failing_turn_is_explained_diff_style(demo: tuple[Path, Path], tmp_path: Path) -> None:
    _, test_file = demo
    text = test_file.read_text().replace("        step: goal\n", "        step: playback\n", 1)
    test_file.write_text(text)
    result = CliRunner().invoke(cli, ["flow", "test", str(test_file)])
    assert result.exit_code == 1
    assert "FAIL " in result.output and "a yes leads through to the end" in result.output
    assert (
        '  turn 2 (line 9), after answer "yes":\n    step:\n    - "playback"   (expected)\n    + "goal"   (actual)'
        in result.output
    )
    assert "coach said:" in result.output
    assert "2 passed, 1 failed" in result.output


def test_value_and_phrase_mismatches_are_reported(demo: tuple[Path, Path], tmp_path: Path) -> None:
    path = _write(
        tmp_path / "flows" / "tests",
        "more.test.yaml",
        """\
flow: ../demo.yaml
tests:
  - name: wrong expectations
    turns:
      - answer: "yes"
      - answer: "Lead a team"
        values: {goal: "Lead two teams"}
        contains: "no such phrase"
        not_contains: "three to five"
""",
    )
    result = run_tests([path]).results[0]
    assert not result.passed
    assert '    values.goal:\n    - "Lead two teams"   (expected)\n    + "Lead a team"   (actual)' in result.explanation
    assert 'the reply should contain "no such phrase" but does not' in result.explanation
    assert "should not contain" not in result.explanation  # the next question does not say "three to five"


def test_until_repeats_an_answer_and_gives_up_with_a_reason(demo: tuple[Path, Path], tmp_path: Path) -> None:
    path = _write(
        tmp_path / "flows" / "tests",
        "until.test.yaml",
        """\
flow: ../demo.yaml
tests:
  - name: re-asked until it moves on
    from: goal
    turns:
      - answer: ""
        until: playback
        step: playback
  - name: never gets there
    from: welcome
    turns:
      - answer: "/back"
        until: goodbye
""",
    )
    results = run_tests([path]).results
    assert results[0].passed
    assert not results[1].passed and "never reached step 'goodbye' in 20 rounds" in results[1].explanation


def test_mistakes_in_a_test_file_have_file_line_and_a_hint(demo: tuple[Path, Path], tmp_path: Path) -> None:
    path = _write(
        tmp_path / "flows" / "tests",
        "bad.test.yaml",
        """\
flow: ../demo.yaml
tests:
  - name: typos
    from: goodby
    turns:
      - anwser: "yes"
        status: finished
      - answer: "x"
        step: playbak
        values: {gaol: "x"}
""",
    )
    with pytest.raises(FlowError) as e:
        load_test_file(path)
    text = str(e.value)
    assert f"{path}:6:9: error: unknown key 'anwser' in a turn (did you mean 'answer'?)" in text
    assert f"{path}:7:17: error: unknown status 'finished'" in text
    report = run_tests(
        [
            _write(
                tmp_path / "flows" / "tests",
                "bad2.test.yaml",
                path.read_text().replace("anwser", "answer").replace("finished", "completed"),
            )
        ]
    )
    rendered = [p.render() for p in report.problems]
    assert any(":4:11: error: the flow has no step 'goodby' (did you mean 'goodbye'?)" in r for r in rendered)
    assert any(":9:15: error: the flow has no step 'playbak' (did you mean 'playback'?)" in r for r in rendered)
    assert any(":10:18: error: the flow captures no value 'gaol' (did you mean 'goal'?)" in r for r in rendered)
    assert not report.ok


def test_flow_test_with_no_path_runs_the_projects_tests() -> None:
    result = CliRunner().invoke(cli, ["flow", "test"])
    assert result.exit_code == 0, result.output
    assert "PASS " in result.output and "FAIL " not in result.output
    assert "coverage of " in result.output and "steps " in result.output


def test_pytest_collects_conversation_tests(demo: tuple[Path, Path], tmp_path: Path) -> None:
    _, test_file = demo
    broken = _write(
        test_file.parent, "broken.test.yaml", test_file.read_text().replace("step: goal\n", "step: goodbye\n", 1)
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(tmp_path),
            str(test_file.parent),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert "1 failed, 5 passed" in proc.stdout, proc.stdout
    assert "broken.test.yaml::a yes leads through to the end" in proc.stdout
    assert '- "goodbye"   (expected)' in proc.stdout
    assert "Traceback" not in proc.stdout
    assert broken.exists()


# --- fuzz ----------------------------------------------------------------------------------


def test_fuzzing_the_default_flow_finds_nothing_and_reaches_every_step(career_flow: Flow) -> None:
    report = fuzz_flow(career_flow, runs=150, seed=1)
    assert report.ok, report.render()
    assert report.unreached() == []
    assert "ok: no crashes, dead ends or endless loops" in report.render()


def _unvalidated(tmp_path: Path, text: str) -> Flow:
    """A flow built without validation, as if a mistake slipped past it."""
    path = tmp_path / "f.yaml"
    path.write_text(text)
    return build_flow(parse_yaml(text.encode(), str(path)), path)


HEAD = "flow: f\nversion: 1\nstart: a\nsteps:\n"


def test_fuzz_reports_a_dead_end_with_the_seed_that_reproduces_it(tmp_path: Path) -> None:
    flow = _unvalidated(
        tmp_path,
        HEAD
        + (
            "  a: {phase: trust, ask: 'Ready?', expect: yes_no, next: [{when: 'yes', to: b}, {when: 'no', to: b}]}\n"
            "  b: {phase: close, say: Bye, end: completed}\n"
        ),
    )
    report = fuzz_flow(flow, runs=40, seed=5)
    assert not report.ok
    finding = next(f for f in report.findings.values() if f.kind == "dead end")
    assert "no edge of step 'a' matched" in finding.message
    assert f"--runs 1 --seed {finding.seed}" in report.render()
    again = fuzz_flow(flow, runs=1, seed=finding.seed)
    assert [f.kind for f in again.findings.values()] == ["dead end"]


def test_fuzz_reports_an_endless_loop_and_unreached_steps(tmp_path: Path) -> None:
    flow = _unvalidated(
        tmp_path,
        HEAD
        + (
            "  a: {phase: why, ask: 'Why?', next: [{when: returning, to: b}, {to: a}]}\n"
            "  b: {phase: close, say: Bye, end: completed}\n"
            "  c: {phase: close, say: Never, end: completed}\n"
        ),
    )
    report = fuzz_flow(flow, runs=5, seed=0, max_turns=30)
    kinds = {f.kind for f in report.findings.values()}
    assert "endless loop" in kinds
    assert "c" in report.unreached()
    assert "steps never reached: " in report.render()


def test_fuzz_reports_a_crash(tmp_path: Path) -> None:
    flow = _unvalidated(
        tmp_path,
        HEAD
        + (
            "  a: {phase: goal, ask: 'Hi {{ previous.goals.x }}?', next: b}\n"
            "  b: {phase: close, say: Bye, end: completed}\n"
        ),
    )
    report = fuzz_flow(flow, runs=3, seed=0)
    assert any(f.kind == "crash" and "UndefinedError" in f.message for f in report.findings.values()), report.render()


def test_fuzz_command_exit_codes(tmp_path: Path) -> None:
    ok = CliRunner().invoke(
        cli, ["flow", "fuzz", str(PROJECT_ROOT / "flows" / "career.yaml"), "--runs", "20", "--seed", "3"]
    )
    assert ok.exit_code == 0 and "20 runs from seed 3" in ok.output


def test_rules_command_lists_every_rule_with_help() -> None:
    from coach.listening.rules import rule_names

    result = CliRunner().invoke(cli, ["flow", "rules"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.splitlines()]
    assert listed == rule_names()
