"""The manual builds cleanly and cannot silently fall behind the code, and figures are never typed by hand."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from coach.flow.template import BUILTINS, ENV
from coach.flow.validate import validate_bytes
from coach.listening.rule_help import RULE_HELP
from coach.listening.rules import rule_names

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FLOW_REFERENCE = DOCS / "flows.md"
SCHEMA = json.loads((ROOT / "flows" / "schema.json").read_text(encoding="utf-8"))


def _summary() -> ModuleType:
    """benchmarks/summary.py, the script that writes the figures."""
    spec = importlib.util.spec_from_file_location("coach_bench_summary", ROOT / "benchmarks" / "summary.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_the_manual_builds_with_no_warning(tmp_path: Path) -> None:
    """mkdocs --strict: a broken link or anchor, or a page left out of the nav, fails the build."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    assert (tmp_path / "flows.html").exists()


def _schema_keys() -> list[tuple[str, str]]:
    """(where, key) for every key a flow file may hold, read from flows/schema.json."""
    defs = SCHEMA["$defs"]
    places: dict[str, dict[str, Any]] = {
        "top level": SCHEMA["properties"],
        "step": defs["step"]["properties"],
        "edge": defs["edge"]["properties"],
        "ladder": defs["step"]["properties"]["ladder"]["properties"],
        "limits": SCHEMA["properties"]["limits"]["properties"],
        "replies": SCHEMA["properties"]["replies"]["properties"],
        "summary": SCHEMA["properties"]["summary"]["properties"],
    }
    return [(where, key) for where, props in places.items() for key in props]


@pytest.mark.parametrize(("where", "key"), [pytest.param(w, k, id=f"{w}:{k}") for w, k in _schema_keys()])
def test_every_key_of_the_flow_schema_is_in_the_flow_reference(where: str, key: str) -> None:
    assert f"`{key}`" in FLOW_REFERENCE.read_text(encoding="utf-8"), f"{where} key '{key}' is not in docs/flows.md"


def test_every_step_key_has_a_row_in_the_step_keys_table() -> None:
    text = FLOW_REFERENCE.read_text(encoding="utf-8")
    table = text[text.index("## Step keys"):text.index("### Edges and rules")]
    missing = [k for k in SCHEMA["$defs"]["step"]["properties"] if f"| `{k}` |" not in table]
    assert not missing, f"step keys missing from the table in docs/flows.md: {missing}"


@pytest.mark.parametrize("rule", sorted(set(RULE_HELP) | set(rule_names())))
def test_every_rule_a_flow_can_name_has_a_row_in_the_flow_reference(rule: str) -> None:
    assert f"| `{rule}` |" in FLOW_REFERENCE.read_text(encoding="utf-8"), f"rule '{rule}' is not in docs/flows.md"


@pytest.mark.parametrize("name", sorted(BUILTINS) + ["reflect", "swap", "chain", "listing"])
def test_every_built_in_template_value_and_filter_is_in_the_flow_reference(name: str) -> None:
    assert name in BUILTINS or name in ENV.filters, f"'{name}' is no longer a template value or filter"
    assert f"| `{name}` |" in FLOW_REFERENCE.read_text(encoding="utf-8"), f"'{name}' is not in docs/flows.md"


def test_the_example_flow_in_the_reference_is_valid() -> None:
    text = FLOW_REFERENCE.read_text(encoding="utf-8")
    example = re.search(r"## A small flow\n\n```yaml\n(.*?)```", text, re.S)
    assert example is not None
    problems = validate_bytes(example.group(1).encode(), DOCS / "example.yaml")
    assert not problems, [p.render() for p in problems]


@pytest.mark.parametrize("name", ["README.md", "CONTRIBUTING.md", "CHANGELOG.md"])
def test_links_in_the_top_level_markdown_lead_somewhere(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    broken = [t for t in targets if not re.match(r"[a-z]+:", t) and not t.startswith("#")
              and not (ROOT / t.split("#")[0]).exists()]
    assert not broken, f"{name} links to files that do not exist: {broken}"


def test_the_readme_quick_start_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "```sh\n./scripts/setup && .venv/bin/coach chat\n```" in readme
    assert "```sh\n./scripts/setup && .venv/bin/python -m pytest\n```" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == "./scripts/setup && .venv/bin/python -m pytest"


def test_the_figures_are_exactly_what_the_benchmarks_wrote() -> None:
    """README's figures block and docs/performance.md are regenerated from benchmarks/results/, never edited."""
    summary = _summary()
    for path, text in summary.expected().items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.relative_to(ROOT)} differs from benchmarks/results/: run .venv/bin/python benchmarks/summary.py"
        )


def test_each_figure_is_shown_with_the_machine_it_came_from(tmp_path: Path) -> None:
    summary = _summary()
    machine = {"cpu": "Test CPU", "cores": 8, "python": "3.11.7", "llama_cpp_python": None,
               "loadavg_at_start": [0.5, 0.4, 0.3], "when": "2026-01-02 03:04:05"}
    (tmp_path / "speed.json").write_text(json.dumps(
        {"machine": machine, "script": "bench_speed.py", "headline": [{"what": "one turn", "figure": "3 ms"}]}))
    (tmp_path / "speed.md").write_text("Measured on a test machine.\n\n# Details\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    (tmp_path / "old.json").write_text(json.dumps({"figure": 1}))
    results = summary.load_results(tmp_path)

    block = summary.readme_block(results)
    assert "| one turn | 3 ms | 8 cores (Test CPU), 2026-01-02, load 0.5 |" in block
    assert "| `bench_old.py` (old) | [on the performance page](docs/performance.md#old) | not recorded |" in block
    assert block.startswith(summary.START) and block.endswith(summary.END)

    page = summary.performance_page(results, ["bench_speed.py", "bench_old.py", "bench_new.py"])
    assert "## speed\n\nWritten by `benchmarks/bench_speed.py`." in page
    assert "### Details" in page  # a results file's own headings sit below the page's
    assert "(This run did not record its machine.)" in page
    assert "- `benchmarks/bench_new.py`" in page and "- `benchmarks/bench_old.py`" not in page


def _commands(group: Any, prefix: str = "coach") -> list[str]:
    """Every command line the CLI offers, e.g. "coach flow validate"."""
    import click

    out = []
    for name, command in sorted(group.commands.items()):
        out.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            out += _commands(command, f"{prefix} {name}")
    return out


def test_every_command_is_in_the_manual() -> None:
    from coach.cli import cli

    manual = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))
    missing = [c for c in _commands(cli) if c not in manual]
    assert not missing, f"commands the manual in docs/ never mentions: {missing}"


def test_every_migration_and_table_is_in_the_database_page() -> None:
    from coach.store.connection import memory_db
    from coach.store.migrations import MIGRATIONS

    page = (DOCS / "database.md").read_text(encoding="utf-8")
    tables = [r[0] for r in memory_db().execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index') AND sql IS NOT NULL"
        " AND name NOT LIKE 'review_fts_%'").fetchall()]
    missing = [f"migration {name}" for name, _ in MIGRATIONS if f"`{name}`" not in page]
    missing += [f"table {t}" for t in tables if f"`{t}`" not in page]
    assert not missing, f"docs/database.md does not describe: {missing}"
