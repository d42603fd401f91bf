"""Nothing said is lost: pause, EOF, Ctrl-C and SIGKILL all resume at the same step."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from coach.cli import cli

ANSWERS = ["yes", "I want to run my own design studio", "The head of design, she sets the taste"]


def _spawn(db: Path, *args: str, jsonl: bool = True) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "coach", "chat", "--no-llm", "--db", str(db), "--mentee", "ana", *args]
    if jsonl:
        cmd.append("--jsonl")
    env = {**os.environ, "COACH_REPHRASE": "off"}
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as from a terminal


def _until_await(proc: subprocess.Popen[bytes]) -> dict[str, Any]:
    assert proc.stdout is not None
    while True:
        line = proc.stdout.readline()
        assert line, "coach exited before asking"
        event = json.loads(line)
        if event["type"] == "await":
            return event


def test_sigkill_mid_conversation_resumes_at_the_same_step_with_every_answer(tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    proc = _spawn(db)
    assert proc.stdin is not None
    for answer in ANSWERS:
        _until_await(proc)
        proc.stdin.write(answer.encode() + b"\n")
        proc.stdin.flush()
    waiting = _until_await(proc)  # the answer before this question is already durable
    proc.kill()  # SIGKILL: no chance to clean up
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db)
    stored = [r[0] for r in conn.execute("SELECT text FROM turns WHERE role='mentee' ORDER BY n")]
    assert stored == ANSWERS
    status, step = conn.execute("SELECT status, step FROM sessions").fetchone()
    assert (status, step) == ("active", waiting["step"])
    conn.close()

    args = ["chat", "--jsonl", "--no-llm", "--db", str(db), "--mentee", "ana", "--resume"]
    result = CliRunner().invoke(cli, args, input="")
    events = [json.loads(line) for line in result.output.splitlines()]
    asks = [e for e in events if e["type"] == "coach" and e["kind"] == "ask"]
    assert asks[0]["step"] == waiting["step"]
    assert events[-1]["status"] == "paused"
    conn = sqlite3.connect(db)
    assert [r[0] for r in conn.execute("SELECT text FROM turns WHERE role='mentee' ORDER BY n")] == ANSWERS


def test_ctrl_c_pauses_and_saves_without_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    proc = _spawn(db)
    assert proc.stdin is not None
    _until_await(proc)
    proc.stdin.write(b"yes\n")
    proc.stdin.flush()
    _until_await(proc)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert b"Traceback" not in err
    assert json.loads(out.splitlines()[-1])["status"] == "paused"
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT status FROM sessions").fetchone()[0] == "paused"


def test_sigterm_pauses_too(tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    proc = _spawn(db, jsonl=False)
    assert proc.stdout is not None and proc.stdin is not None
    while b"Shall we begin?" not in proc.stdout.readline():
        pass
    proc.terminate()
    out, err = proc.communicate(timeout=10)
    assert b"Traceback" not in err
    assert b"coach chat --resume" in out
    assert sqlite3.connect(db).execute("SELECT status FROM sessions").fetchone()[0] == "paused"


def test_eof_pauses_and_resume_continues(chat_jsonl: Any, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    events, _ = chat_jsonl(ANSWERS[:2], db=db)
    assert events[-1]["status"] == "paused"
    last_step = [e for e in events if e["type"] == "await"][-1]["step"]
    events2, _ = chat_jsonl([ANSWERS[2]], "--resume", str(events[0]["id"]), db=db)
    coach = [e for e in events2 if e["type"] == "coach"]
    assert coach[0]["kind"] == "rule"  # "welcome back"
    assert next(e for e in coach if e["kind"] == "ask")["step"] == last_step
    # Same session, answers continue where they stopped.
    assert events2[0]["id"] == events[0]["id"]
    shown = CliRunner().invoke(cli, ["show", str(events[0]["id"]), "--db", str(db), "--format", "json"])
    doc = json.loads(shown.output)
    assert [t["text"] for t in doc["turns"] if t["role"] == "mentee"] == ANSWERS


def test_pause_command_then_resume_latest(chat_jsonl: Any, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    events, _ = chat_jsonl(["yes", "/pause", "this line is never read"], db=db)
    assert events[-1]["status"] == "paused"
    events2, _ = chat_jsonl([], "--resume", db=db)
    asks = [e for e in events2 if e["type"] == "coach" and e["kind"] == "ask"]
    assert asks[0]["step"] == "goal_horizon"


def test_a_new_chat_after_a_pause_says_how_to_carry_on_the_paused_one(chat_jsonl: Any, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    events, _ = chat_jsonl(["yes", "/pause"], db=db)
    paused = events[0]["id"]
    _, result = chat_jsonl(["/quit"], db=db)
    assert f"coach chat --resume {paused} carries on from there" in result.output
    _, fresh = chat_jsonl(["/quit"], db=tmp_path / "other.db")  # nothing paused there: no such line
    assert "carries on from there" not in fresh.output


def test_completed_or_stopped_sessions_cannot_be_resumed(chat_jsonl: Any, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    events, _ = chat_jsonl(["yes", "/quit"], db=db)
    assert events[-1]["status"] == "stopped"
    _, result = chat_jsonl([], "--resume", str(events[0]["id"]), db=db)
    assert result.exit_code == 2
    assert "stopped and cannot be resumed" in result.output
    _, result = chat_jsonl([], "--resume", db=db)
    assert result.exit_code == 1
    assert "no paused session for sam" in result.output
