"""`coach understand`: read replies as the coach does and print the dialogue acts found."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def register(cli: click.Group) -> None:
    """Add this module's commands to the ``coach`` group."""
    cli.add_command(understand_command)


@click.command("understand")
@click.option("--flow", "flow_path", type=click.Path(path_type=Path),
              help="Flow YAML whose lexicon and steps to use (default: flows/career.yaml).")
@click.option("--question", help="The question the replies answer (for plain-text lines).")
@click.option("--expect", type=click.Choice(["auto", "text", "yes_no"]), default="auto", show_default=True,
              help="What the question asks for; auto reads it off the question or the step.")
def understand_command(flow_path: Path | None, question: str | None, expect: str) -> None:
    """Read replies on stdin (one per line, or JSON lines {"reply", "question", "step"}); print their acts.

    Each line gets one JSON line back; a bad line gets {"line": N, "error": ...} and the rest go on.
    """
    from coach.flow.spec import load_flow
    from coach.listening.understand import BadLine, parse_line, understand
    from coach.resources import default_flow

    flow = load_flow(flow_path or default_flow())
    expects = {name: step.expect for name, step in flow.steps.items()}
    bad = 0
    for n, raw in enumerate(sys.stdin, start=1):
        if not raw.strip():
            continue
        try:
            result = understand(parse_line(raw, question=question, expect=expect), flow.lexicon, expects)
        except BadLine as e:
            bad += 1
            result = {"line": n, "error": str(e)}
        click.echo(json.dumps(result, ensure_ascii=False))
    if bad:
        sys.exit(1)
