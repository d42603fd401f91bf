"""Issue 13's attacks, replayed: each must meet the safe outcome (one line, nothing run, nothing lost)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import jinja2
import pytest
from click.testing import CliRunner

from coach.cli import cli
from coach.flow.template import TemplateRefused, render


def run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), input=input)


def one_line_error(result: Any, *needles: str) -> None:
    """The command failed with exactly one line saying why, and no traceback."""
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in result.output + result.stderr
    for needle in needles:
        assert needle in err, err


def flow_file(tmp_path: Path, say: str, name: str = "evil.yaml", extra: str = "") -> Path:
    """A small valid flow whose second step says ``say`` (a template)."""
    path = tmp_path / name
    path.write_text(
        textwrap.dedent(
            """\
            flow: evil
            version: 1
            start: goal
            {extra}steps:
              goal:
                phase: goal
                purpose: to hear a goal
                ask: "What is your goal?"
                save_as: goal
                next: echo
              echo:
                phase: close
                purpose: to play it back
                say: {say}
                ask: "Is that right?"
                next: done
              done:
                phase: close
                purpose: to end
                say: "Bye."
                end: completed
            """
        ).format(say=say, extra=extra),
        encoding="utf-8",
    )
    return path


# --- 1. flow files run no code -----------------------------------------------------------------

ATTACKS = {
    "cycler_globals": "{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}",
    "class_mro": "{{{{ goal.__class__.__mro__[1].__subclasses__() }}}}",
    "getitem_dunder": "{{{{ goal['__class__'] }}}}",
    "str_format": "{{{{ '{{0.__class__}}'.format(goal) }}}}",
    "macro_recursion": "{{% macro f() %}}{{{{ f() }}}}{{% endmacro %}}{{{{ f() }}}}",
    "include": "{{% include '{marker}' %}}",
    "power": "{{{{ 10 ** 10 ** 10 }}}}",
    "repeat": "{{{{ goal * 1000000000 }}}}",
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_validate_reports_a_template_reaching_outside_the_sandbox_at_its_line(tmp_path: Path, attack: str) -> None:
    marker = tmp_path / "pwned"
    path = flow_file(tmp_path, repr(ATTACKS[attack].format(marker=marker)))
    result = run("flow", "validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:14:" in result.output  # the say: line
    assert "which flows may not do" in result.output
    assert not marker.exists()


@pytest.mark.parametrize(
    "command", [["chat", "--no-llm", "--jsonl"], ["flow", "fuzz", "--runs", "3"], ["flow", "graph"]]
)
def test_no_command_runs_a_hostile_flow(tmp_path: Path, command: list[str]) -> None:
    marker = tmp_path / "pwned"
    path = flow_file(tmp_path, repr(ATTACKS["cycler_globals"].format(marker=marker)))
    if command[0] == "chat":
        args = [*command, "--flow", str(path), "--db", str(tmp_path / "c.db")]
    else:
        args = [*command, str(path)]
    result = run(*args, input="to lead a team\nyes\n")
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert not marker.exists()
    assert "uid=" not in result.output


def test_flow_test_refuses_a_hostile_flow(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    flow_file(tmp_path, repr(ATTACKS["cycler_globals"].format(marker=marker)))
    (tmp_path / "evil.test.yaml").write_text(
        "flow: evil.yaml\ntests:\n  - name: echo\n    turns:\n      - answer: to lead\n        step: echo\n"
    )
    result = run("flow", "test", str(tmp_path / "evil.test.yaml"))
    assert result.exit_code == 1
    assert "which flows may not do" in result.output
    assert not marker.exists()


@pytest.mark.parametrize(
    "source, values",
    [
        ("{{ cycler.__init__.__globals__ }}", {}),  # no jinja globals at all
        ("{{ lipsum() }}", {}),
        ("{{ x.__class__ }}", {"x": "text"}),
        ("{{ x['__class__'] }}", {"x": "text"}),
        ("{{ x.format(x) }}", {"x": "{0.__class__}"}),
        ("{{ x.mro }}", {"x": str}),
        ("{{ x.pop('a') }}", {"x": {"a": 1}}),
        ("{{ x * 10000000 }}", {"x": "ab"}),
        ("{{ x ** y }}", {"x": 10, "y": 1000}),
    ],
    ids=["globals", "lipsum", "dunder", "dunder_item", "format", "type_attr", "mutation", "repeat", "power"],
)
def test_rendering_refuses_whatever_validation_would_have(source: str, values: dict[str, Any]) -> None:
    """Defence in depth: a template that skipped validation still cannot leave the sandbox."""
    with pytest.raises((TemplateRefused, jinja2.UndefinedError, jinja2.exceptions.SecurityError)):
        render(source, values)


def test_the_default_flows_templates_still_render_in_the_sandbox() -> None:
    text = render(
        '{% set named = {"a": "A"} %}{% for m in ms %}{{ named.get(m, m) }}{% if not loop.last %}, {% endif %}'
        '{% endfor %} / {{ job.split(",")[0] | reflect }} / {{ prev.goals | map("reflect") | list | listing }}',
        {"ms": ["a", "b"], "job": "My manager's job, because", "prev": {"goals": ["I lead", "I teach"]}},
    )
    assert text == "A, b / your manager's job / you lead and you teach"


@pytest.mark.parametrize("lexicon", ["../outside.yaml", "/etc/passwd", "sub/../../outside.yaml"])
def test_a_lexicon_outside_the_flows_folder_is_an_error_at_its_line(tmp_path: Path, lexicon: str) -> None:
    (tmp_path / "outside.yaml").write_text("motivations: {}\n")
    folder = tmp_path / "flows"
    folder.mkdir()
    path = flow_file(folder, '"Hello"', extra=f"lexicon: {lexicon}\n")
    result = run("flow", "validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:4:" in result.output and "outside the flow's folder" in result.output


# --- 6. flows that would loop or recurse forever are refused by validate --------------------------


def say_only_flow(tmp_path: Path, n: int, loop: bool = False) -> Path:
    lines = ["flow: big", "version: 1", "start: s0", "steps:"]
    for i in range(n):
        nxt = f"s{i + 1}" if i < n - 1 else ("s0" if loop else "fin")
        lines += [f"  s{i}:", "    phase: trust", "    purpose: hi", f"    say: 'Step {i}'", f"    next: {nxt}"]
    lines += [
        "  fin:",
        "    phase: close",
        "    purpose: bye",
        "    say: bye",
        "    ask: 'Done?'",
        "    end: completed",
    ]
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize(
    "n, loop, where, message",
    [
        (1000, False, ":4:", "the flow has 1,001 steps; at most 500"),
        (300, False, ":105:", "step 's20' ends a run of 21 steps that ask nothing"),
        (3, True, ":5:", "steps 's0' -> 's1' -> 's2' -> 's0' form a loop that asks nothing"),
    ],
    ids=["1000_say_only_steps", "long_say_only_run", "question_less_loop"],
)
def test_flows_the_engine_could_not_finish_are_refused_at_their_line(
    tmp_path: Path, n: int, loop: bool, where: str, message: str
) -> None:
    path = say_only_flow(tmp_path, n, loop)
    result = run("flow", "validate", str(path))
    assert result.exit_code == 1
    assert f"{path}{where}" in result.output and message in result.output, result.output
    chat = run("chat", "--no-llm", "--flow", str(path), "--db", str(tmp_path / "c.db"), input="yes\n")
    assert chat.exit_code == 1 and message in chat.stderr
    assert "RecursionError" not in chat.output and "Traceback" not in chat.output


@pytest.mark.parametrize(
    "say",
    ["{{ " + "(" * 400 + "goal" + ")" * 400 + " }}", "{% if goal %}" * 300 + "x" + "{% endif %}" * 300],
    ids=["parentheses", "ifs"],
)
def test_a_deeply_nested_template_is_an_error_not_a_recursion_error(tmp_path: Path, say: str) -> None:
    path = flow_file(tmp_path, repr(say))
    result = run("flow", "validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:14:" in result.output and "nested too deeply" in result.output
