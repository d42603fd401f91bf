"""The command line: a thin shell over the library. Errors are rendered here, in one place."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

import click

from coach import __version__
from coach.errors import CoachError
from coach.terminal import json_text, one_line, printable


class CoachGroup(click.Group):
    """A group that turns any CoachError into one line on stderr and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; render CoachError in exactly one place."""
        try:
            return super().invoke(ctx)
        except CoachError as e:
            # Messages can quote data (a path, a name, a flow file's text): never a terminal escape.
            click.echo(f"coach: error: {printable(e)}", err=True)
            ctx.exit(e.exit_code)
        except BrokenPipeError:  # `coach show 1 | head`
            sys.stderr.close()
            ctx.exit(0)
        except sqlite3.Error as e:  # a row that fails as it is read, past the store's own wrapping
            from coach.store.connection import describe

            click.echo(f"coach: error: {printable(describe(e))}", err=True)
            ctx.exit(1)
        except OSError as e:  # a full disk or a read-only home, wherever it is met
            where = f"{e.filename}: " if e.filename else ""
            click.echo(f"coach: error: {printable(where)}{printable(e.strerror or e)}", err=True)
            ctx.exit(1)


def db_option(f: Any) -> Any:
    """--db PATH / COACH_DB: the transcript database."""
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), envvar="COACH_DB",
        help="Transcript database (default: $COACH_HOME/coach.db).",
    )(f)


def open_store(db_path: Path | None) -> Any:
    """The Store for --db (or the default)."""
    from coach.home import default_db
    from coach.store.database import Store

    return Store.open(db_path or default_db())


@click.group(cls=CoachGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coach")
def cli() -> None:
    """coach: practise career conversations with a reflection partner that never advises.

    Everything stays on this machine. Start with: coach chat
    """


@cli.command()
@click.option("--flow", "flow_path", type=click.Path(path_type=Path), help="Flow YAML (default: flows/career.yaml).")
@db_option
@click.option("--mentee", help="Your name (default: your OS user name).")
@click.option("--resume", "resume", is_flag=False, flag_value="latest", default=None, metavar="[ID]",
              help="Continue a paused session (the latest one, or ID).")
@click.option("--jsonl", is_flag=True, help="JSON-lines protocol on stdin/stdout, for other front ends.")
@click.option("--no-llm", is_flag=True, envvar="COACH_NO_LLM", help="Use the flow's own wording; load no model.")
@click.option("--model", "model_path", type=click.Path(path_type=Path), envvar="COACH_MODEL",
              help="A GGUF model file (default: the bundled SmolLM2-135M).")
@click.option("--backend", type=click.Choice(["llama", "openai"]), default="llama", show_default=True,
              help="Rephrasing backend: in-process llama.cpp, or an OpenAI-compatible server.")
@click.option("--base-url", envvar="COACH_BASE_URL", help="With --backend openai: the server's base URL.")
@click.option("--seed", type=int, default=None, help="Fixed sampling seed, for reproducible rephrasing.")
@click.option("--watch", is_flag=True, help="Reload the flow file when it changes, keeping the conversation.")
def chat(flow_path: Path | None, db_path: Path | None, mentee: str | None, resume: str | None,
         jsonl: bool, no_llm: bool, model_path: Path | None, backend: str, base_url: str | None,
         seed: int | None, watch: bool) -> None:
    """Start (or --resume) a career conversation."""
    from coach.cli.chat import ChatOptions, run_chat

    status = run_chat(ChatOptions(
        flow_path=flow_path, db_path=db_path, mentee=mentee, resume=resume, jsonl=jsonl,
        no_llm=no_llm, model_path=model_path, backend=backend, base_url=base_url, seed=seed,
        watch=watch,
    ))
    sys.exit(0 if status in ("completed", "paused", "stopped") else 1)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.option("--mentee", help="Only this mentee's sessions.")
def sessions(db_path: Path | None, as_json: bool, mentee: str | None) -> None:
    """List stored sessions, newest first."""
    rows = open_store(db_path).sessions(mentee)
    keys = ("id", "mentee", "status", "phase", "step", "flow", "started_at", "updated_at", "previous_id")
    listing = [{k: r[k] for k in keys} for r in rows]
    if as_json:
        click.echo(json_text(listing))
        return
    if not listing:
        click.echo("No sessions yet. Start one with: coach chat")
        return
    click.echo(f"{'ID':>4}  {'MENTEE':<16} {'STATUS':<10} {'PHASE':<11} STARTED")
    for r in listing:
        name, status, phase, started = (one_line(r[k]) for k in ("mentee", "status", "phase", "started_at"))
        click.echo(f"{r['id']:>4}  {name[:16]:<16} {status:<10} {phase:<11} {started}")


@cli.command()
@click.argument("session_id", type=int)
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json", "html"]), default="text", show_default=True)
def show(session_id: int, db_path: Path | None, fmt: str) -> None:
    """Print one session: summary first, then the transcript (html: the readable page a mentor gets)."""
    from coach.share.export import render_text, session_document

    if fmt == "html":
        from coach.share.history import own_page

        click.echo(own_page(open_store(db_path), session_id), nl=False)
        return
    doc = session_document(open_store(db_path), session_id)
    if fmt == "json":
        click.echo(json_text(doc))
    else:
        click.echo(render_text(doc, markdown=fmt == "md"), nl=False)


@cli.command()
@click.argument("session_id", type=int)
@db_option
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
def delete(session_id: int, db_path: Path | None, yes: bool) -> None:
    """Erase a session completely: turns, summary, and any trace in the database file."""
    store = open_store(db_path)
    row = store.listing(session_id)  # not its saved state: a damaged session can still be deleted
    if store.in_use(session_id):
        from coach.store.locks import busy

        raise busy(session_id, "then delete it")
    if not yes:
        if not sys.stdin.isatty():
            raise CoachError("refusing to delete without confirmation; pass --yes")
        click.confirm(
            f"Erase session {session_id} ({one_line(row['mentee'])}, {row['status']}, started {row['started_at']})"
            " for good?", abort=True,
        )
    store.delete_session(session_id)
    click.echo(f"Session {session_id} erased.")


@cli.command()
@db_option
@click.option("--model", "model_path", type=click.Path(path_type=Path), envvar="COACH_MODEL",
              help="A GGUF model file (shown as the model coach chat would use).")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
def where(db_path: Path | None, model_path: Path | None, as_json: bool) -> None:
    """Print where coach keeps things: its home, the transcript database, flows and models."""
    from coach.home import default_db, home
    from coach.rephrase.models import find_models, model_dirs
    from coach.resources import flows_dir

    models = find_models(model_path)
    places = {
        "home": str(home()), "database": str(db_path or default_db()), "flows": str(flows_dir()),
        "models": [str(d) for d in model_dirs()], "model": str(models[0].path) if models else None,
    }
    if as_json:
        click.echo(json_text(places))
        return
    for key, value in places.items():
        shown = ", ".join(value) if isinstance(value, list) else (value or "(none found)")
        click.echo(f"{key:<9} {shown}")


def _register_optional() -> None:
    """Commands that live in their own modules (one concept each)."""
    import importlib

    for name in ("coach.cli.flow", "coach.cli.model", "coach.cli.share", "coach.cli.understand", "coach.cli.history"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue
        module.register(cli)


_register_optional()


def main() -> None:
    """Console entry point."""
    cli(prog_name="coach")
