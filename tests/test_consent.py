"""The mentee's side of sharing, through the real CLI: keys, share, preview, consent, log, revoke."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from scripted import WHOLE_CONVERSATION

import coach.cli.share as share_cli
from coach.cli import cli
from coach.share.keys import load_mentor, mentor_key_path, parse_public, signing_key_path
from coach.store.database import Store

ANSWERS = WHOLE_CONVERSATION


def run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture
def db(tmp_path: Path, chat_jsonl: Callable[..., Any]) -> Path:
    """A mentee database with one real session (id 1) made through `coach chat`."""
    path = tmp_path / "mentee.db"
    _, result = chat_jsonl(ANSWERS, db=path)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def mentor_key(coach_home: Path) -> str:
    """The public key string `coach mentor init` prints (mentor and mentee share COACH_HOME here)."""
    result = run("mentor", "init", "--name", "alex")
    assert result.exit_code == 0, result.output
    return next(line.strip() for line in result.output.splitlines() if line.strip().startswith("alex:"))


def turn_number(db: Path, text: str) -> int:
    return next(t["n"] for t in Store.open(db).turns(1) if t["text"] == text)


def test_mentor_init_makes_a_private_key_and_prints_a_short_public_one(mentor_key: str) -> None:
    assert stat.S_IMODE(mentor_key_path().stat().st_mode) == 0o600
    assert stat.S_IMODE(mentor_key_path().parent.stat().st_mode) == 0o700
    assert len(mentor_key) < 80
    assert parse_public(mentor_key).key == bytes(load_mentor().private.public_key)
    assert load_mentor().name == "alex"


def test_mentor_init_again_keeps_the_key_so_old_bundles_still_open(mentor_key: str) -> None:
    result = run("mentor", "init", "--name", "someone-else")
    assert result.exit_code == 0
    assert "already have a mentor key" in result.output
    assert mentor_key in result.output


def test_a_mistyped_public_key_is_refused_before_anything_is_written(db: Path, mentor_key: str, tmp_path: Path) -> None:
    name, key = mentor_key.split(":")
    typo = f"{name}:{key[:-3]}{'A' if key[-3] != 'A' else 'B'}{key[-2:]}"
    out = tmp_path / "s.bundle"
    result = run("share", "1", "--to", typo, "--scope", "summary", "--out", str(out), "--yes", "--db", str(db))
    assert result.exit_code == 2
    assert "mistyped or incomplete" in result.output
    assert not out.exists()


def test_preview_prints_what_the_mentor_sees_and_writes_nothing(db: Path, mentor_key: str, tmp_path: Path) -> None:
    out = tmp_path / "s.bundle"
    n = turn_number(db, "Sourdough baking and mountain hiking!")
    result = run(
        "share",
        "1",
        "--to",
        mentor_key,
        "--scope",
        "full",
        "--redact",
        str(n),
        "--out",
        str(out),
        "--preview",
        "--db",
        str(db),
    )
    assert result.exit_code == 0, result.output
    assert "Lead the quokkaplatform team in five years" in result.output
    assert "Sourdough" not in result.output
    assert f"[Turn {n} withheld by sam]" in result.output
    assert "cannot be recalled" in result.output
    assert "Your notes" not in result.output  # the mentor's notes are theirs: no such part in a mentee's preview
    assert not out.exists()
    assert not signing_key_path().exists()
    assert run("shares", "--json", "--db", str(db)).output.strip() == "[]"


def test_sharing_without_a_terminal_needs_yes(db: Path, mentor_key: str, tmp_path: Path) -> None:
    out = tmp_path / "s.bundle"
    result = run("share", "1", "--to", mentor_key, "--scope", "summary", "--out", str(out), "--db", str(db))
    assert result.exit_code == 1
    assert (
        result.output
        == "coach: error: not sharing without your confirmation: check it with --preview, then pass --yes\n"
    )
    assert not out.exists()


def test_in_a_terminal_sharing_asks_first_and_no_means_nothing_leaves(
    db: Path, mentor_key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(share_cli, "_interactive", lambda: True)
    out = tmp_path / "s.bundle"
    args = ["share", "1", "--to", mentor_key, "--scope", "full", "--out", str(out), "--db", str(db)]
    declined = run(*args, input="n\n")
    assert declined.exit_code == 1
    assert "To: alex" in declined.output and "Write the bundle to" in declined.output
    assert not out.exists()
    assert json.loads(run("shares", "--json", "--db", str(db)).output) == []
    accepted = run(*args, input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert out.exists()


def test_a_share_writes_a_private_file_and_logs_what_left(db: Path, mentor_key: str, tmp_path: Path) -> None:
    out = tmp_path / "s.bundle"
    n = turn_number(db, "Sourdough baking and mountain hiking!")
    result = run(
        "share",
        "1",
        "--to",
        mentor_key,
        "--scope",
        "full",
        "--redact",
        str(n),
        "--expires",
        "10",
        "--out",
        str(out),
        "--yes",
        "--db",
        str(db),
    )
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(signing_key_path().stat().st_mode) == 0o600
    data = out.read_bytes()
    assert b"quokkaplatform" not in data  # encrypted, not merely encoded
    [row] = json.loads(run("shares", "--json", "--db", str(db)).output)
    assert (row["mentor_name"], row["scope"], row["session_ids"], row["redactions"]) == (
        "alex",
        "full",
        [1],
        {"1": [n]},
    )
    assert row["created_at"] < row["expires_at"]
    assert row["out_path"] == str(out.resolve())
    listing = run("shares", "--db", str(db)).output
    assert "alex" in listing and f"1:{n}" in listing and "valid" in listing
    shown = run("shares", "1", "--db", str(db)).output
    assert "quokkaplatform" in shown and "Sourdough" not in shown


def test_an_existing_out_file_is_never_overwritten(db: Path, mentor_key: str, tmp_path: Path) -> None:
    out = tmp_path / "s.bundle"
    out.write_text("precious")
    result = run("share", "1", "--to", mentor_key, "--scope", "summary", "--out", str(out), "--yes", "--db", str(db))
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert out.read_text() == "precious"
    assert json.loads(run("shares", "--json", "--db", str(db)).output) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--redact", "999"], "session 1 has no turn 999"),
        (["--redact", "5-3"], "is not a turn number or range"),
        (["--expires", "0"], "--expires takes 1 to"),
    ],
    ids=["no-such-turn", "backwards-range", "zero-expiry"],
)
def test_bad_share_options_say_what_to_fix(
    db: Path, mentor_key: str, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "s.bundle"
    result = run(
        "share", "1", "--to", mentor_key, "--scope", "full", *args, "--out", str(out), "--yes", "--db", str(db)
    )
    assert result.exit_code == 2
    assert message in result.output
    assert not out.exists()


def test_scope_must_be_chosen(db: Path, mentor_key: str, tmp_path: Path) -> None:
    result = run("share", "1", "--to", mentor_key, "--out", str(tmp_path / "s"), "--yes", "--db", str(db))
    assert result.exit_code == 2
    assert "--scope summary" in result.output


def test_one_share_never_mixes_two_mentees(db: Path, mentor_key: str, tmp_path: Path, chat_jsonl: Any) -> None:
    CliRunner().invoke(
        cli, ["chat", "--jsonl", "--no-llm", "--db", str(db), "--mentee", "kim"], input="yes\nkim stuff\n"
    )
    out = tmp_path / "s.bundle"
    result = run(
        "share", "1", "2", "--to", mentor_key, "--scope", "summary", "--out", str(out), "--yes", "--db", str(db)
    )
    assert result.exit_code == 1
    assert "different mentees (kim, sam)" in result.output
    assert not out.exists()


def test_with_several_sessions_redactions_must_name_the_session(db: Path, mentor_key: str, chat_jsonl: Any) -> None:
    chat_jsonl(ANSWERS, db=db)
    result = run(
        "share", "1", "2", "--to", mentor_key, "--scope", "full", "--redact", "3", "--preview", "--db", str(db)
    )
    assert result.exit_code == 2
    assert "--redact 1:3" in result.output
    n = Store.open(db).turns(2)[-1]["n"]  # however the flow went, session 2's last turn
    ok = run(
        "share", "1", "2", "--to", mentor_key, "--scope", "full", "--redact", f"2:{n}", "--preview", "--db", str(db)
    )
    assert ok.exit_code == 0, ok.output
    assert f"[Turn {n} withheld by sam]" in ok.output


def test_revoke_records_it_and_stops_the_share_being_issued_again(db: Path, mentor_key: str, tmp_path: Path) -> None:
    run("share", "1", "--to", mentor_key, "--scope", "summary", "--out", str(tmp_path / "a"), "--yes", "--db", str(db))
    again = run("share", "--again", "1", "--out", str(tmp_path / "b"), "--yes", "--db", str(db))
    assert again.exit_code == 0, again.output
    result = run("revoke", "1", "--db", str(db))
    assert result.exit_code == 0
    assert "cannot be recalled" in result.output
    refused = run("share", "--again", "1", "--out", str(tmp_path / "c"), "--yes", "--db", str(db))
    assert refused.exit_code == 1
    assert "was revoked" in refused.output
    assert not (tmp_path / "c").exists()
    assert "revoked" in run("shares", "--db", str(db)).output
    assert run("revoke", "7", "--db", str(db)).output == "coach: error: no share 7 (see: coach shares)\n"


def test_a_private_key_readable_by_others_is_refused(mentor_key: str, tmp_path: Path) -> None:
    mentor_key_path().chmod(0o644)
    result = run("review", str(tmp_path / "x.bundle"), "--db", str(tmp_path / "m.db"))
    assert result.exit_code == 2
    assert "chmod 600" in result.output
