"""Several real coach processes on one database: nothing lost, no traceback, one chat per session."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from scripted import WHOLE_CONVERSATION

from coach.store.database import Store

ANSWERS = WHOLE_CONVERSATION


def env(home: Path) -> dict[str, str]:
    out = {**os.environ, "COACH_HOME": str(home), "COACH_REPHRASE": "off"}
    out.pop("COACH_DB", None)
    return out


def coach(home: Path, *args: str, stdin: Any = subprocess.PIPE) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "coach", *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(home),
    )


def finish(proc: subprocess.Popen[str], stdin: str | None = None, timeout: float = 120) -> tuple[int, str, str]:
    out, err = proc.communicate(stdin, timeout=timeout)
    return proc.returncode, out, err


def mentee_answers(db: Path, sid: int) -> list[str]:
    return [t["text"] for t in Store.open(db).turns(sid) if t["role"] == "mentee"]


@pytest.mark.parametrize("n", [2, 4])
def test_chats_answering_at_once_all_finish_with_every_answer_stored(tmp_path: Path, n: int) -> None:
    db = tmp_path / "coach.db"
    Store.open(db)  # the schema exists before they race (they would also cope without)
    answers = "".join(a + "\n" for a in ANSWERS)
    procs = [
        coach(tmp_path / "home", "chat", "--jsonl", "--no-llm", "--db", str(db), "--mentee", f"m{i}") for i in range(n)
    ]
    results = [finish(p, answers) for p in procs]
    for code, out, err in results:
        assert code == 0, err
        assert "Traceback" not in err and "locked" not in err
        assert json.loads(out.splitlines()[-1])["status"] == "completed"
    store = Store.open(db)
    sessions = store.sessions()
    assert sorted(s["mentee"] for s in sessions) == sorted(f"m{i}" for i in range(n))
    for s in sessions:
        assert mentee_answers(db, s["id"]) == ANSWERS
        ns = [t["n"] for t in store.turns(s["id"])]
        assert ns == list(range(1, len(ns) + 1))  # no gaps, no interleaving


WRITER = textwrap.dedent(
    """
    import sys
    from coach.store.database import Store, Turn
    store = Store.open(sys.argv[1])
    sid = store.create_session(mentee=sys.argv[2], flow="f", flow_version=1, flow_path="f.yaml", step="a",
                               phase="goal", values={}, state={})
    for i in range(int(sys.argv[3])):
        store.save(sid, step="a", phase="goal", values={"i": i}, state={"i": i},
                   turns=[Turn("coach", f"q{i}", "a", "goal"),
                          Turn("mentee", f"{sys.argv[2]} answer {i}", "a", "goal")])
    print(sid)
    """
)


@pytest.mark.parametrize("n", [2, 4])
def test_processes_saving_as_fast_as_they_can_lose_nothing(tmp_path: Path, n: int) -> None:
    """Read-then-write transactions under contention: plain BEGIN lost answers here (issue 13, item 4)."""
    db = tmp_path / "coach.db"
    Store.open(db)
    saves = 150
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), f"w{i}", str(saves)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(tmp_path / "home"),
        )
        for i in range(n)
    ]
    for p in procs:
        code, _out, err = finish(p)
        assert code == 0 and not err, err
    store = Store.open(db)
    for s in store.sessions():
        texts = mentee_answers(db, s["id"])
        assert texts == [f"{s['mentee']} answer {i}" for i in range(saves)]


def wait_for_question(proc: subprocess.Popen[str]) -> list[dict[str, Any]]:
    """Read the chat's JSON lines up to its first question (it then waits for an answer)."""
    assert proc.stdout is not None
    events = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        events.append(json.loads(line))
        if events[-1]["type"] == "await":
            return events
    raise AssertionError(f"the chat never asked: {events} {proc.stderr.read() if proc.stderr else ''}")


@pytest.fixture
def paused(tmp_path: Path) -> Path:
    """A database with session 1 paused after two answers."""
    db = tmp_path / "coach.db"
    code, _, err = finish(
        coach(tmp_path / "home", "chat", "--jsonl", "--no-llm", "--db", str(db), "--mentee", "sam"),
        "yes\nLead the platform team\n",
    )
    assert code == 0, err
    return db


def test_a_session_open_in_one_chat_cannot_be_resumed_in_another(tmp_path: Path, paused: Path) -> None:
    home = tmp_path / "home"
    first = coach(home, "chat", "--jsonl", "--no-llm", "--db", str(paused), "--resume", "1")
    wait_for_question(first)
    second = coach(home, "chat", "--jsonl", "--no-llm", "--db", str(paused), "--resume", "1")
    code, _out, err = finish(second, "Other\n")
    assert code == 1
    assert err.strip() == (
        "coach: error: session 1 is open in another coach chat; pause or finish it there, then try again"
    )
    before = mentee_answers(paused, 1)
    code, _, err = finish(first, "My manager's job\n")
    assert code == 0, err
    assert mentee_answers(paused, 1) == [*before, "My manager's job"]  # only the first chat's answer


def test_deleting_a_session_in_use_is_refused_in_one_line_and_the_chat_goes_on(tmp_path: Path, paused: Path) -> None:
    home = tmp_path / "home"
    chat = coach(home, "chat", "--jsonl", "--no-llm", "--db", str(paused), "--resume", "1")
    wait_for_question(chat)
    code, _, err = finish(coach(home, "delete", "1", "--yes", "--db", str(paused)))
    assert code == 1
    assert (
        err.strip() == "coach: error: session 1 is open in another coach chat; pause or finish it there, then delete it"
    )
    code, _, err = finish(chat, "My manager's job\n")
    assert code == 0 and "Traceback" not in err, err
    assert mentee_answers(paused, 1)[-1] == "My manager's job"
    # Once the chat has ended the session can go.
    code, out, err = finish(coach(home, "delete", "1", "--yes", "--db", str(paused)))
    assert (code, out.strip()) == (0, "Session 1 erased."), err


def test_a_killed_chat_leaves_its_session_free(tmp_path: Path, paused: Path) -> None:
    home = tmp_path / "home"
    chat = coach(home, "chat", "--jsonl", "--no-llm", "--db", str(paused), "--resume", "1")
    wait_for_question(chat)
    chat.send_signal(signal.SIGKILL)
    chat.wait(timeout=30)
    code, _out, err = finish(coach(home, "chat", "--jsonl", "--no-llm", "--db", str(paused), "--resume", "1"), "Hi\n")
    assert code == 0, err
    assert mentee_answers(paused, 1)[-1] == "Hi"


def test_a_refused_resume_does_not_leave_the_session_locked_in_this_process(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from coach.cli import cli

    db = tmp_path / "coach.db"
    runner = CliRunner()
    done = runner.invoke(cli, ["chat", "--jsonl", "--no-llm", "--db", str(db), "--mentee", "sam"], input="no\n")
    assert done.exit_code == 0
    refused = runner.invoke(cli, ["chat", "--jsonl", "--no-llm", "--db", str(db), "--resume", "1"])
    assert refused.exit_code != 0 and "open in another" not in refused.output
    deleted = runner.invoke(cli, ["delete", "1", "--yes", "--db", str(db)])
    assert deleted.exit_code == 0, deleted.output
