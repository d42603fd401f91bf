"""`coach guard` and `coach models`: the no-advice guard on stdin, and the models coach can see."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def register(cli: click.Group) -> None:
    """Add this module's commands to the ``coach`` group."""
    cli.add_command(guard_command)
    cli.add_command(models_command)


@click.command("guard")
@click.option("--original", help="The canonical question the candidates rephrase (checks meaning kept).")
@click.option("--keep", "keep", multiple=True, metavar="TERM", help="A term every candidate must keep (repeatable).")
@click.option("--context", help="The mentee's last answer (its words may appear in a candidate).")
@click.option("--rules", "list_rules", is_flag=True, help="List the guard's rules (id, kind, reason) and exit.")
def guard_command(original: str | None, keep: tuple[str, ...], context: str | None, list_rules: bool) -> None:
    """Check candidate texts, one per line on stdin; print one JSON verdict per line, naming the rules that fired."""
    from coach.guard.check import check

    if list_rules:
        from coach.guard.advice import RULES

        for rule in RULES.rules:
            click.echo(f"{rule.id:<26} {rule.kind:<12} {rule.why}")
        return
    for raw in sys.stdin:
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip():
            continue
        verdict = check(line, original=original, keep=keep, context=context)
        click.echo(json.dumps({"text": line, "ok": verdict.ok, "reasons": verdict.reasons, "rules": verdict.rules},
                              ensure_ascii=False))


@click.command("models")
@click.option("--model", "model_path", type=click.Path(path_type=Path), envvar="COACH_MODEL",
              help="Also list this GGUF file (it becomes the default).")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.option("--check", is_flag=True,
              help="Load the default model in a throwaway worker, generate once, and report what happened.")
def models_command(model_path: Path | None, as_json: bool, check: bool) -> None:
    """List the GGUF models coach can use: size, sha256 prefix, and which is the default."""
    from coach.rephrase.models import describe_models

    if check:
        _check(model_path, as_json)
        return

    rows = describe_models(model_path)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("No model found. Run ./scripts/setup, put a .gguf file in models/, or pass --model PATH.")
        return
    for r in rows:
        mark = "*" if r["default"] else " "
        size = f"{r['size'] / 1e6:.0f} MB" if r["size"] else "missing"
        sha = (r["sha256"] or "")[:12] or r["problem"]
        click.echo(f"{mark} {size:>8}  {sha:<12}  {r['source']:<8} {r['path']}")
    click.echo("(* = used by coach chat unless --model is given)")


def _check(model_path: Path | None, as_json: bool) -> None:
    """`coach models --check`: exit status 1 if the model does not generate."""
    from coach.errors import ModelError
    from coach.rephrase.check import check_model
    from coach.rephrase.models import check_model_file, find_models

    models = find_models(model_path)
    if not models:
        raise ModelError("no model found; run ./scripts/setup, put a .gguf in models/, or pass --model PATH")
    check_model_file(models[0].path)
    result = check_model(models[0].path)
    if as_json:
        click.echo(json.dumps(result.as_dict(), indent=2))
    else:
        click.echo("\n".join(result.lines()))
    if not result.works:
        sys.exit(1)
