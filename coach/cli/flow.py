"""`coach flow ...`: the flow author's tools. Each command calls one library function and prints."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from coach.cli import db_option, open_store


def register(cli: click.Group) -> None:
    """Add the `coach flow` group to the CLI."""
    cli.add_command(flow)


@click.group()
def flow() -> None:
    """Author flows: validate, draw, test, fuzz, listen, scaffold."""


@flow.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
def validate(files: tuple[Path, ...], strict: bool) -> None:
    """Check flow files; print every problem as file:line:col: level: message (hint)."""
    from coach.flow.validate import validate_file

    errors = warnings = 0
    for path in files:
        problems = validate_file(path)
        for p in problems:
            click.echo(p.render())
        e = sum(p.level == "error" for p in problems)
        w = len(problems) - e
        errors, warnings = errors + e, warnings + w
        if not problems:
            click.echo(f"{path}: ok")
    if len(files) > 1 or errors or warnings:
        click.echo(
            f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
            f" in {len(files)} file{'s' if len(files) != 1 else ''}",
            err=True,
        )
    sys.exit(1 if errors or (strict and warnings) else 0)


@flow.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["mermaid", "dot"]), default="mermaid", show_default=True)
@click.option("--stats", "with_stats", is_flag=True,
              help="Show each step's figures from the local database and colour steps by drop-off.")
@db_option
def graph(file: Path, fmt: str, with_stats: bool, db_path: Path | None) -> None:
    """Print the flow as a diagram (Mermaid renders on GitHub; dot for Graphviz)."""
    from coach.authoring.graph import render_graph
    from coach.flow.spec import load_flow

    loaded = load_flow(file)
    figures = None
    if with_stats:
        from coach.authoring.stats import flow_stats, lookup

        figures = lookup(flow_stats(open_store(db_path), {loaded.name: loaded}, only=loaded.name), loaded.name)
    click.echo(render_graph(loaded, fmt, figures), nl=False)


@flow.command()
@click.option("--flow", "flow_path", type=click.Path(path_type=Path),
              help="Only this flow's conversations, steps in its order (default: every flow in the database).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md"]), default="text", show_default=True)
@db_option
def stats(flow_path: Path | None, fmt: str, db_path: Path | None) -> None:
    """Where conversations stall: per step, reached, re-asked, skipped, gone back from, paused, ended.

    Read from the local database only; nothing leaves this machine."""
    from coach.authoring import stats as report
    from coach.flow.spec import load_flow
    from coach.resources import default_flow

    if flow_path is not None:
        loaded = load_flow(flow_path)
        flows, only = {loaded.name: loaded}, loaded.name
    else:
        shipped = load_flow(default_flow())
        flows, only = {shipped.name: shipped}, None
    figures = report.flow_stats(open_store(db_path), flows, only)
    render = {"json": report.to_json, "md": report.render_md}.get(fmt, report.render_text)
    click.echo(render(figures), nl=False)


@flow.command(name="test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--coverage/--no-coverage", default=True, show_default=True, help="Report steps and transitions no test reaches."
)
def test_(paths: tuple[Path, ...], coverage: bool) -> None:
    """Run conversation tests (*.test.yaml; default: all under the project's flows/)."""
    from coach.authoring.flowtest import run_tests

    report = run_tests(paths)
    for p in report.problems:
        click.echo(p.render())
    for r in report.results:
        click.echo(r.line)
        if not r.passed:
            click.echo(r.explanation)
    if coverage:
        for cov in report.coverage.values():
            click.echo(cov.report())
    click.echo(report.summary())
    sys.exit(0 if report.ok else 1)


@flow.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--runs", type=click.IntRange(1, 100_000), default=200, show_default=True, help="Conversations to play.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the first run (run i uses seed+i).")
@click.option(
    "--max-turns", type=click.IntRange(10, 100_000), default=None, help="Turns before a run counts as an endless loop."
)
def fuzz(file: Path, runs: int, seed: int, max_turns: int | None) -> None:
    """Play random seeded conversations; report crashes, dead ends, endless loops, unreached steps."""
    from coach.authoring.fuzz import fuzz_flow
    from coach.flow.spec import load_flow

    report = fuzz_flow(load_flow(file), runs=runs, seed=seed, max_turns=max_turns)
    click.echo(report.render())
    sys.exit(0 if report.ok else 1)


@flow.command()
@click.argument("file", type=click.Path(path_type=Path), required=False)
@click.option("--runs", type=click.IntRange(1, 100_000), default=500, show_default=True, help="Conversations to play.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the first run (run i uses seed+i).")
def listen(file: Path | None, runs: int, seed: int) -> None:
    """Play messy mentees (hedges, corrections, questions back, typos) and count replies that would
    sound robotic or broken: cut playbacks, quoted fillers or non-answers, a line said three times,
    "yes or no?" after a hedge, questions left unanswered, announced-but-unsaid. Exit 1 if any."""
    from coach.authoring.naturalness import listen as play
    from coach.flow.spec import load_flow
    from coach.resources import default_flow

    findings = play(load_flow(file or default_flow()), runs=runs, seed=seed)
    click.echo(findings.render())
    sys.exit(1 if sum(findings.counts.values()) else 0)


@flow.command()
@click.argument("name")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("flows"),
    show_default=True,
    help="Where to create NAME.yaml (the test goes in its tests/ folder).",
)
def new(name: str, directory: Path) -> None:
    """Create a minimal valid flow NAME and a conversation test that passes."""
    from coach.authoring.scaffold import scaffold

    created = scaffold(name, directory)
    for path in created:
        click.echo(f"created {path}")
    flow_file, test_file = created
    click.echo(f"next: coach flow validate {flow_file} && coach flow test {test_file}")


@flow.command()
def rules() -> None:
    """List the rules a flow's edges and reflections can name (prefix 'not ' to negate)."""
    from coach.listening.rule_help import RULE_HELP
    from coach.listening.rules import rule_names

    width = max(map(len, rule_names()))
    for name in rule_names():
        click.echo(f"{name:<{width}}  {RULE_HELP.get(name, '')}")


@flow.command()
def schema() -> None:
    """Print the path of the flow JSON Schema (for editors)."""
    from coach.resources import schema_path

    click.echo(str(schema_path()))
