"""Bad input never crashes the chat: each line gets a reply or a re-ask and is stored faithfully."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from coach.cli import cli


def run(tmp_path: Path, lines: list[bytes], jsonl: bool = True) -> tuple[list[dict[str, Any]], str, sqlite3.Connection]:
    db = tmp_path / "coach.db"
    args = ["chat", "--no-llm", "--db", str(db), "--mentee", "sam"] + (["--jsonl"] if jsonl else [])
    result = CliRunner().invoke(cli, args, input=b"".join(line + b"\n" for line in lines))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    events = [json.loads(x) for x in result.output.splitlines()] if jsonl else []
    return events, result.output, sqlite3.connect(db)


def mentee_turns(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT text FROM turns WHERE role='mentee' ORDER BY n")]


ODD = {
    "emoji": "I want to build 🚀 rockets 👩‍🚀 for kids",
    "rtl": "أريد أن أقود فريقًا صغيرًا",
    "mixed_bidi": "I want \u202eevil\u202c text and עברית too",
    "control": "I want \x1b[31mred\x1b[0m text\x07 and a bell",
    "nul": "I want a\x00job with a NUL in it",
    "tabs": "I want\tto\tlead",
}


@pytest.mark.parametrize("text", list(ODD.values()), ids=list(ODD))
def test_odd_answers_are_stored_exactly_and_the_chat_goes_on(tmp_path: Path, text: str) -> None:
    events, _, conn = run(tmp_path, [b"yes", text.encode()])
    assert mentee_turns(conn) == ["yes", text]
    awaits = [e for e in events if e["type"] == "await"]
    assert [a["step"] for a in awaits] == ["welcome", "goal_horizon", "lottery_want"]


def test_a_one_megabyte_line_is_stored_whole_and_not_echoed_whole(tmp_path: Path) -> None:
    big = ("I want to lead " + "a" * (1024 * 1024)).encode()
    events, _, conn = run(tmp_path, [b"yes", big])
    assert mentee_turns(conn)[1].encode() == big
    coach = [e for e in events if e["type"] == "coach"]
    assert max(len(e["text"]) for e in coach) < 2000
    assert events[-1]["status"] == "paused"


def test_empty_answers_are_re_asked_then_the_coach_moves_on(tmp_path: Path) -> None:
    events, _, conn = run(tmp_path, [b"yes", b"", b"   ", b""])
    steps = [e["step"] for e in events if e["type"] == "await"]
    # Two gentle re-asks on the goal question, then it moves on to the next one.
    assert steps == ["welcome", "goal_horizon", "goal_horizon", "goal_horizon", "lottery_want"]
    rules = [e["text"] for e in events if e["type"] == "coach" and e["kind"] == "rule"]
    assert len(rules) == 3
    assert mentee_turns(conn) == ["yes", "", "   ", ""]


def test_invalid_utf8_is_rejected_with_a_clear_message_and_nothing_lost(tmp_path: Path) -> None:
    events, _, conn = run(tmp_path, [b"yes", b"caf\xe9 \xff\xfe owner", b"I want to own a cafe"])
    errors = [e for e in events if e["type"] == "error"]
    assert len(errors) == 1 and "UTF-8" in errors[0]["text"]
    assert mentee_turns(conn) == ["yes", "I want to own a cafe"]
    steps = [e["step"] for e in events if e["type"] == "await"]
    assert steps == ["welcome", "goal_horizon", "goal_horizon", "lottery_want"]


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    # The ladder plays the mentee's words back; escape sequences must not come with them.
    _, output, conn = run(tmp_path, [b"yes", b"I want \x1b[2J to lead", b"x", b"y", b"z"], jsonl=False)
    assert "\x1b" not in output
    assert "\x1b[2J" in mentee_turns(conn)[1]


def test_a_yes_no_question_re_asks_until_it_gets_one(tmp_path: Path) -> None:
    events, _, _ = run(tmp_path, [b"purple", b"yes"])
    steps = [e["step"] for e in events if e["type"] == "await"]
    assert steps == ["welcome", "welcome", "goal_horizon"]


def test_unknown_slash_commands_are_explained_not_stored(tmp_path: Path) -> None:
    events, _, conn = run(tmp_path, [b"yes", b"/dance"])
    rule = [e for e in events if e["type"] == "coach" and e["kind"] == "rule"]
    assert "/help" in rule[-1]["text"]
    assert mentee_turns(conn) == ["yes"]
    # A path-like answer is an answer, not a command.
    events, _, conn = run(tmp_path / "b", [b"yes", b"/usr/local is where I live, I want to do ops"])
    assert mentee_turns(conn)[-1].startswith("/usr/local")
