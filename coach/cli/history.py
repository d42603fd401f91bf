"""A mentee's own look back: `coach history` and `coach search`. Each calls one library function."""

from __future__ import annotations

from pathlib import Path

import click

from coach.cli import db_option, open_store


@click.command("history")
@db_option
@click.option("--mentee", help="Only this mentee's sessions (default: every session in the database).")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text", show_default=True)
def history_cmd(db_path: Path | None, mentee: str | None, fmt: str) -> None:
    """Your sessions over time, oldest first, each with its summary in your words."""
    from coach.share.history import history, render_history

    click.echo(render_history(history(open_store(db_path), mentee), fmt), nl=False)


@click.command("search")
@click.argument("text")
@db_option
@click.option("--mentee", help="Only this mentee's sessions (default: every session in the database).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def search_cmd(text: str, db_path: Path | None, mentee: str | None, fmt: str) -> None:
    """Find passages with every word of TEXT across your own sessions (one line per passage)."""
    from coach.errors import UsageError
    from coach.share.history import render_search, search

    if not any(ch.isalnum() for ch in text):
        raise UsageError("coach search needs some words to look for")
    click.echo(render_search(search(open_store(db_path), text, mentee), fmt), nl=False)


def register(cli: click.Group) -> None:
    """Add the history commands to the coach CLI."""
    cli.add_command(history_cmd)
    cli.add_command(search_cmd)
