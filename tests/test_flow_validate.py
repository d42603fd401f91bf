"""coach flow validate: every mistake class gives the right file:line and message, never a traceback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.cli import cli
from coach.errors import FlowError
from coach.flow.spec import load_flow
from coach.flow.validate import check_document, validate_bytes, validate_file
from coach.resources import schema_path
from coach.yaml_lines import load_yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent

BROKEN = Path(__file__).parent / "flows_broken"
CORPUS = sorted(BROKEN.glob("*.yaml"))
# A marker on the offending line: `# expect: error: message`, or `# expect line N: ...` anywhere.
MARK = re.compile(r"#\s*expect(?: line (\d+))?:\s*(error|warning):\s*(.+?)\s*$")


def _expected(path: Path) -> tuple[int, str, str]:
    for n, line in enumerate(path.read_text().splitlines(), 1):
        m = MARK.search(line)
        if m:
            return (int(m.group(1)) if m.group(1) else n, m.group(2), m.group(3))
    raise AssertionError(f"{path.name} has no '# expect:' marker")


def test_the_corpus_has_one_file_per_mistake_class() -> None:
    assert len(CORPUS) >= 30


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_broken_flow_reports_the_right_line_and_message(path: Path) -> None:
    line, level, text = _expected(path)
    problems = validate_file(path)
    rendered = [p.render() for p in problems]
    hits = [p for p in problems if p.line == line and p.level == level and text in f"{p.message} ({p.hint})"]
    assert hits, f"expected {level} on line {line} containing {text!r}; got:\n" + "\n".join(rendered)
    assert hits[0].render().startswith(f"{path}:{line}:{hits[0].col}: {level}: ")


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_cli_prints_every_problem_and_exits_by_level(path: Path) -> None:
    result = CliRunner().invoke(cli, ["flow", "validate", str(path)])
    _, level, _ = _expected(path)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.exit_code == (1 if level == "error" else 0)
    assert f"{path}:" in result.output


def test_a_bad_flow_is_refused_at_load_with_every_error() -> None:
    with pytest.raises(FlowError) as e:
        load_flow(BROKEN / "duplicate_step.yaml")
    assert "duplicate_step.yaml:23:3: error: duplicate key" in str(e.value)
    assert "goal" in str(e.value)


def test_all_duplicates_are_reported_not_just_the_first(tmp_path: Path) -> None:
    text = (
        (BROKEN / "duplicate_step.yaml")
        .read_text()
        .replace("save_as: goal\n", "save_as: goal\n    save_as: goal2\n", 1)
    )
    path = tmp_path / "dups.yaml"
    path.write_text(text)
    messages = [p.message for p in validate_file(path)]
    assert any("duplicate key 'goal'" in m for m in messages)
    assert any("duplicate key 'save_as'" in m for m in messages)


def test_a_typo_in_a_target_does_not_cascade_into_unreachable_steps() -> None:
    problems = validate_file(BROKEN / "undefined_target.yaml")
    assert [p.message for p in problems if p.level == "error"] == ["step 'goal' goes to undefined step 'by'"]


def test_project_flows_are_clean() -> None:
    for path in sorted((PROJECT_ROOT / "flows").glob("*.yaml")):
        if path.name == "lexicon.yaml":
            continue
        assert [p.render() for p in validate_file(path) if p.level == "error"] == []


def test_project_flows_validate_against_the_published_schema() -> None:
    import jsonschema

    schema = json.loads(schema_path().read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in sorted((PROJECT_ROOT / "flows").glob("*.yaml")):
        if path.name != "lexicon.yaml":
            jsonschema.Draft202012Validator(schema).validate(json.loads(json.dumps(load_yaml(path))))


def test_every_schema_step_key_is_understood_by_the_loader() -> None:
    import dataclasses

    from coach.flow.spec import Step

    step_keys = set(json.loads(schema_path().read_text())["$defs"]["step"]["properties"])
    fields = {f.name for f in dataclasses.fields(Step)}
    assert step_keys <= fields


# --- hostile input: never a traceback ---------------------------------------------------------


def _bomb() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    return ("\n".join(lines) + "\n").encode()


HOSTILE = {
    "binary": (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), "binary file"),
    "invalid_utf8": (b"flow: x\nversion: 1\nstart: \xff\xfe\n", "not valid UTF-8"),
    "ten_megabytes": (b"# " + b"x" * 10_000_000 + b"\n", "limited to"),
    "deep_nesting": (b"[" * 5000 + b"]" * 5000, "nested too deeply"),
    "deep_mapping": ("".join("  " * i + f"k{i}:\n" for i in range(200)).encode(), "nested too deeply"),
    "alias_bomb": (_bomb(), "alias"),
    "only_a_scalar": (b"hello\n", "a flow must be a mapping"),
    "utf8_bom": (("\ufeff" + (BROKEN / "undefined_start.yaml").read_text()).encode(), "start step 'helo'"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_file_gets_one_clear_error(name: str, tmp_path: Path) -> None:
    raw, message = HOSTILE[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(raw)
    problems = validate_file(path)
    assert any(message in p.message for p in problems), [p.render() for p in problems]
    assert all(p.render().startswith(f"{path}:") for p in problems)


def test_missing_file_and_directory_are_problems_not_crashes(tmp_path: Path) -> None:
    assert "no such file" in validate_file(tmp_path / "nope.yaml")[0].message
    assert "directory" in validate_file(tmp_path)[0].message


def _career_text() -> str:
    return (PROJECT_ROOT / "flows" / "career.yaml").read_text()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_never_traceback(raw: bytes) -> None:
    for p in validate_bytes(raw, PROJECT_ROOT / "flows" / "fuzzed.yaml"):
        assert p.level in ("error", "warning") and p.line >= 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_default_flow_never_tracebacks(data: st.DataObject) -> None:
    lines = _career_text().splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "dedent", "garble", "swap"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "dedent":
            lines[i] = lines[i][2:]
        elif action == "garble":
            lines[i] = data.draw(st.text(max_size=30))
        else:
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        if not lines:
            lines = [""]
    raw = "\n".join(lines).encode("utf-8", "surrogatepass")
    for p in validate_bytes(raw, PROJECT_ROOT / "flows" / "mutated.yaml"):
        assert p.level in ("error", "warning") and p.line >= 1


@settings(max_examples=80, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
        max_leaves=20,
    )
)
def test_any_document_shape_never_tracebacks(doc: object) -> None:
    wrapped = {"flow": "x", "version": 1, "start": "a", "steps": {"a": doc}}
    for candidate in (doc, wrapped):
        check_document(candidate, Path("shape.yaml"))
