"""Commands for consent and review: mentor init, share, shares, revoke, review, config retention."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from coach.cli import db_option, open_store
from coach.errors import ConsentError, UsageError
from coach.terminal import json_text, one_line, printable


def _group(cli: click.Group, name: str, help_text: str) -> click.Group:
    """An existing subgroup of ``cli`` (another module may own it) or a new one."""
    existing = cli.commands.get(name)
    if isinstance(existing, click.Group):
        return existing
    group = click.Group(name, help=help_text)
    cli.add_command(group)
    return group


@click.command("init")
@click.option("--name", help="Your name as mentees will see it (default: your OS user name).")
def mentor_init(name: str | None) -> None:
    """Create your mentor key pair and print the public key to give to mentees."""
    from coach.home import mentee_name
    from coach.share.keys import init_mentor, mentor_key_path, mentor_pub_path
    from coach.store.connection import now

    key, new = init_mentor(name or mentee_name(), now())
    if new:
        click.echo(f"Created your mentor key pair. Private key: {mentor_key_path()} (mode 0600; keep it to yourself).")
    else:
        click.echo(
            f"You already have a mentor key (made {key.created_at[:10]}); keeping it so bundles made for it still open."
        )
    click.echo(f"Give mentees this public key (also in {mentor_pub_path()}):")
    click.echo("")
    click.echo(f"  {key.public}")
    click.echo("")
    click.echo(f"Its fingerprint is {key.public.fingerprint}; a mentee can check it with you when sharing.")


@click.command("share")
@click.argument("session_ids", nargs=-1, type=int)
@click.option("--to", "to", metavar="NAME:PUBKEY", help="The mentor's public key, as `coach mentor init` printed it.")
@click.option(
    "--to-file", type=click.Path(dir_okay=False, path_type=Path), help="A file holding the mentor's public key."
)
@click.option(
    "--scope", type=click.Choice(["summary", "full"]), help="summary: the summary only; full: plus the transcript."
)
@click.option(
    "--redact",
    multiple=True,
    metavar="TURNS",
    help="Turns to leave out, e.g. 3,5-7 (with several sessions: ID:3,5-7). Repeatable.",
)
@click.option(
    "--expires",
    "expires_days",
    type=int,
    default=30,
    show_default=True,
    metavar="DAYS",
    help="Days until the mentor's coach refuses to open it.",
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="Bundle file to write (never overwritten)."
)
@click.option("--preview", is_flag=True, help="Print exactly what the mentor will see; write nothing.")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@click.option(
    "--again", "again", type=int, metavar="SHARE", help="Write a logged share again (unless revoked or expired)."
)
@db_option
def share_cmd(
    session_ids: tuple[int, ...],
    to: str | None,
    to_file: Path | None,
    scope: str | None,
    redact: tuple[str, ...],
    expires_days: int,
    out: Path | None,
    preview: bool,
    yes: bool,
    again: int | None,
    db_path: Path | None,
) -> None:
    """Share sessions with one mentor: encrypted to their key, signed by you, logged here."""
    from coach.share import consent
    from coach.share.keys import parse_public, read_public_file, signing_key
    from coach.share.render import render_text
    from coach.share.review import preview as preview_review
    from coach.store.connection import now

    store = open_store(db_path)
    if again is not None:
        if session_ids or to or to_file or scope or redact or preview:
            raise UsageError("--again SHARE re-writes a logged share as it was; give only --out (and --yes)")
        if out is None:
            raise UsageError("--again needs --out FILE")
        _confirm(yes, [f"Write share {again} again to {out}, with the same content, mentor and expiry."])
        rec = consent.reissue(store, again, out, _signer(signing_key))
        click.echo(f"Wrote share {rec.id} again to {out}.")
        return
    if bool(to) == bool(to_file):
        raise UsageError("say who it is for: --to NAME:PUBKEY or --to-file FILE (one of them)")
    if scope is None:
        raise UsageError(
            "choose what to share: --scope summary (the summary only) or --scope full (plus the transcript)"
        )
    if not session_ids:
        raise UsageError("name the sessions to share (see: coach sessions)")
    mentor = parse_public(to) if to else read_public_file(to_file)  # type: ignore[arg-type]
    request = consent.ShareRequest(
        session_ids=session_ids,
        mentor=mentor,
        scope=scope,
        redact=consent.parse_redactions(redact, session_ids),
        expires_days=expires_days,
    )
    draft = consent.draft_share(store, request)
    if preview:
        click.echo(printable("\n".join(consent.describe(draft))))
        click.echo("Nothing was written. This is exactly what the mentor will see:")
        click.echo("")
        click.echo(render_text(preview_review(draft.payload, "(preview)")), nl=False)
        return
    if out is None:
        raise UsageError("--out FILE is needed to write the bundle (or --preview to only look)")
    _confirm(
        yes,
        [*map(printable, consent.describe(draft)),
         f"Write the bundle to {printable(out)}? (--preview shows exactly what they will see)"],
    )
    rec = consent.create_share(store, draft, out, _signer(signing_key, now()))
    click.echo(f"Share {rec.id}: wrote {out} for {mentor.name}. Send them the file; only their key opens it.")
    click.echo("See what you have shared with: coach shares")


def _signer(signing_key: Any, created_at: str | None = None) -> Any:
    from coach.store.connection import now

    return signing_key(created_at or now())


def _interactive() -> bool:
    """Whether someone is at a terminal to answer a confirmation."""
    return sys.stdin.isatty()


def _confirm(yes: bool, lines: list[str]) -> None:
    if yes:
        return
    if not _interactive():
        raise ConsentError("not sharing without your confirmation: check it with --preview, then pass --yes")
    click.echo("\n".join(lines[:-1]), err=True)
    click.confirm(lines[-1], abort=True, err=True)


@click.command("shares")
@click.argument("share_id", type=int, required=False)
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@db_option
def shares_cmd(share_id: int | None, as_json: bool, db_path: Path | None) -> None:
    """List what you have shared, with whom and when; with SHARE, show exactly what left."""
    from coach.share import consent
    from coach.share.keys import fingerprint, signing_key
    from coach.share.render import render_text
    from coach.share.review import preview

    store = open_store(db_path)
    if share_id is not None:
        row = consent.share(store, share_id)
        if as_json:
            click.echo(json_text(row))
        elif row["payload"] is None:
            click.echo(f"Share {share_id}: its content was erased here with its session on {row['erased_at'][:10]}.")
        else:
            click.echo(render_text(preview(row["payload"], row["out_path"])), nl=False)
        return
    rows = consent.shares(store)
    if as_json:
        click.echo(json_text(rows))
        return
    key = signing_key("", create=False)
    if key is not None:
        click.echo(f"Your signing key (mentors see it as): {fingerprint(bytes(key.verify_key))}")
    if not rows:
        click.echo("Nothing shared yet.")
        return
    now = datetime.now(UTC).isoformat()
    click.echo(
        f"{'ID':>3}  {'WHEN':<16} {'TO':<14} {'SCOPE':<7} {'SESSIONS':<9} {'WITHHELD':<12} {'EXPIRES':<10} STATUS"
    )
    for r in rows:
        held = "; ".join(f"{sid}:{','.join(map(str, ns))}" for sid, ns in r["redactions"].items()) or "-"
        status = "revoked" if r["revoked_at"] else "expired" if r["expires_at"] < now else "valid"
        status += ", content erased" if r["erased_at"] else ""
        click.echo(
            f"{r['id']:>3}  {r['created_at'][:16].replace('T', ' '):<16} {one_line(r['mentor_name'])[:14]:<14} "
            f"{r['scope']:<7} {','.join(map(str, r['session_ids'])):<9} {held:<12} {r['expires_at'][:10]:<10} {status}"
        )


@click.command("revoke")
@click.argument("share_id", type=int)
@db_option
def revoke_cmd(share_id: int, db_path: Path | None) -> None:
    """Withdraw a share: it is marked revoked and can no longer be re-issued."""
    from coach.share.consent import revoke

    row = revoke(open_store(db_path), share_id)
    click.echo(
        f"Share {share_id} is revoked (as of {row['revoked_at'][:16].replace('T', ' ')}); it will not be written again."
    )
    click.echo(
        f"A file already sent to {one_line(row['mentor_name'])} cannot be recalled: it keeps opening for them until it"
        f" expires on {row['expires_at'][:10]}. Tell them if you want them to delete it."
    )


@click.command("review")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json", "html"]), default="text", show_default=True)
@click.option("--search", "search_text", metavar="TEXT", help="Find passages across the bundles you hold.")
@click.option("--note", nargs=2, type=(int, str), metavar="SESSION TEXT",
              help="Keep a note on a shared session, in your own database (never sent to the mentee).")
@click.option("--mentee", metavar="NAME", help="With --note: whose session, when several mentees have one of that id.")
@click.option("--notes", "list_notes", is_flag=True, help="List every note you keep (--format json exports them).")
@click.option("--delete-note", "delete_note", type=int, metavar="NOTE", help="Erase one of your notes.")
@db_option
def review_cmd(files: tuple[Path, ...], fmt: str, search_text: str | None, note: tuple[int, str] | None,
               mentee: str | None, list_notes: bool, delete_note: int | None, db_path: Path | None) -> None:
    """Open share bundles made for you: a brief in their words first, then the conversation if shared."""
    from coach.share import review as reviewing
    from coach.share.keys import load_mentor
    from coach.share.render import render, render_search

    if note is not None or list_notes or delete_note is not None:
        if files or search_text is not None:
            raise UsageError("--note, --notes and --delete-note work on their own; open bundles separately")
        _notes(open_store(db_path), note, mentee, delete_note, fmt)
        return
    if not files and search_text is None:
        raise UsageError("name the bundle files to open (or --search TEXT across those you hold)")
    mentor = load_mentor()
    store = open_store(db_path)
    review = reviewing.review_files(store, list(files), mentor.private)
    for line in review.refused:
        click.echo(f"coach: error: {printable(line)}", err=True)
    if search_text is not None:
        click.echo(render_search(reviewing.search(store, search_text), fmt), nl=False)
    elif review.bundles:
        click.echo(render(review, fmt), nl=False)
    if review.refused:
        sys.exit(1)


def _notes(store: Any, note: tuple[int, str] | None, mentee: str | None, delete: int | None, fmt: str) -> None:
    from coach.share import review as reviewing
    from coach.store import notes

    if delete is not None:
        if not notes.delete_note(store.db, delete):
            raise UsageError(f"no note {delete} (see: coach review --notes)")
        click.echo(f"Note {delete} erased.")
        return
    if note is not None:
        row = reviewing.add_note(store, note[0], note[1], mentee)
        click.echo(f"Note {row['id']} kept on {one_line(row['mentee_name'])}'s session {row['session']}, in your own"
                   " database only; it shows with that session in coach review.")
        return
    rows = reviewing.all_notes(store)
    if fmt == "json":
        click.echo(json_text(rows))
        return
    if not rows:
        click.echo('No notes yet. Keep one with: coach review --note SESSION "text"')
    for r in rows:
        click.echo(f"{r['id']:>3}  {r['created_at'][:16].replace('T', ' ')}  {one_line(r['mentee_name'])}, session"
                   f" {r['session']}: {one_line(r['text'])}")


@click.command("retention")
@click.argument("days", required=False)
@db_option
def retention_cmd(days: str | None, db_path: Path | None) -> None:
    """Keep sessions DAYS days after their last activity ('off': until deleted); no DAYS: show it."""
    from coach.share import retention
    store = open_store(db_path)
    if days is None:
        current = retention.get_days(store)
        click.echo(
            f"Sessions are kept {f'{current} days after their last activity' if current else 'until you delete them'}."
        )
        return
    if days.lower() == "off":
        retention.set_days(store, None)
        click.echo("Sessions are now kept until you delete them (coach delete ID).")
        return
    try:
        n = int(days)
    except ValueError:
        raise UsageError(f"retention takes a number of days or 'off', not {days!r}") from None
    due = retention.set_days(store, n)
    click.echo(f"Sessions are now kept {n} days after their last activity.")
    if due:
        ids = ", ".join(str(s["id"]) for s in due)
        click.echo(
            f"{len(due)} session(s) ({ids}) are older and will be erased completely the next time coach chat starts."
        )


def register(cli: click.Group) -> None:
    """Add the consent and review commands to the coach CLI."""
    _group(cli, "mentor", "Mentor keys: so mentees can share with you and nobody else.").add_command(mentor_init)
    _group(cli, "config", "Settings stored in your database.").add_command(retention_cmd)
    for command in (share_cmd, shares_cmd, revoke_cmd, review_cmd):
        cli.add_command(command)
