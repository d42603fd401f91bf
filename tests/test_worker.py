"""The model worker process: whatever it does, the conversation goes on and nothing is lost.

A stand-in worker (tests/fake_worker.py) segfaults mid-reply, hangs, exits or writes garbage
behind a real `coach chat --jsonl` process; no llama.cpp is involved, so this runs on any CPU.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coach.rephrase.backends import BackendError, Request
from coach.rephrase.rephraser import GuardedRephraser
from coach.rephrase.supervisor import MAX_RESTARTS, NOTICE, WorkerBackend
from coach.rephrase.worker import WORKER_ENV

Command = Callable[[str], list[str]]
CANONICAL = "Picture yourself three to five years from now. What would you like to be doing?"
ANSWERS = ["yes", "leading a small team", "my director's", "the sales lead's", "planning meetings",
           "I've seen it up close", "I want to shape how we build things"]


def fake_model(tmp_path: Path) -> Path:
    """A file that passes the GGUF check; the fake worker never reads it."""
    path = tmp_path / "fake.gguf"
    path.write_bytes(b"GGUF\x03\x00\x00\x00")
    return path


def starts(log: Path) -> list[str]:
    return [line for line in log.read_text().splitlines() if not line.endswith(" ready")] if log.exists() else []


def wait_for(log: Path, crashes: bool, timeout: float = 30.0) -> None:
    """Until the fake worker is ready, or (one that crashes while loading) has used up its restarts."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if crashes and len(starts(log)) == 1 + MAX_RESTARTS:
            time.sleep(0.5)  # the last one's crash is seen
            return
        if not crashes and log.exists() and " ready" in log.read_text():
            return
        time.sleep(0.02)
    raise AssertionError("the fake worker never got that far")


def chat(tmp_path: Path, command: list[str], answers: list[str]) -> tuple[list[dict[str, Any]], str, int, Path]:
    """A real `coach chat --jsonl` with the worker command given, answered once the worker is up
    (it starts when the first question is out)."""
    log = tmp_path / "starts"
    env = {**os.environ, "COACH_HOME": str(tmp_path / "home"), "COACH_REPHRASE": "on",
           WORKER_ENV: " ".join(command), "FAKE_WORKER_LOG": str(log)}
    db = tmp_path / "c.db"
    coach = Path(sys.executable).parent / "coach"
    proc = subprocess.Popen(
        [str(coach), "chat", "--jsonl", "--db", str(db), "--mentee", "sam", "--model", str(fake_model(tmp_path))],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )
    assert proc.stdin and proc.stdout and proc.stderr
    events: list[dict[str, Any]] = []
    todo = iter([*answers, "/quit"])
    waited = False
    for line in proc.stdout:
        events.append(json.loads(line))
        if events[-1]["type"] == "await":
            if not waited:
                wait_for(log, crashes=command[-1] == "crashload")
                waited = True
            proc.stdin.write(next(todo) + "\n")
            proc.stdin.flush()
        if events[-1]["type"] == "end":
            break
    proc.stdin.close()
    code = proc.wait(timeout=60)
    return events, proc.stderr.read(), code, db


def stored_turns(db: Path) -> list[dict[str, Any]]:
    coach = Path(sys.executable).parent / "coach"
    out = subprocess.run([str(coach), "show", "1", "--db", str(db), "--format", "json"], capture_output=True,
                         text=True, check=True, env={**os.environ, "COACH_HOME": str(db.parent / "home")})
    turns: list[dict[str, Any]] = json.loads(out.stdout)["turns"]
    return turns


@pytest.mark.parametrize("mode", ["segv", "hang", "exit", "garbage", "crashload"])
def test_a_failing_worker_costs_rewordings_never_the_conversation(
    tmp_path: Path, fake_worker: Command, mode: str
) -> None:
    events, stderr, code, db = chat(tmp_path, fake_worker(mode), ANSWERS)
    assert code == 0 and stderr == ""
    assert events[-1] == {"type": "end", "status": "stopped", "id": 1}
    asked = [e for e in events if e["type"] == "coach" and e["kind"] == "ask"]
    assert [e["step"] for e in events if e["type"] == "await"][-1] == "why_ladder"
    assert all(e["text"] == e["canonical"] and not e["rephrased"] for e in asked), "the flow's own wording"
    notices = [e["text"] for e in events if e["type"] == "notice"]
    assert notices == ([] if mode == "hang" else [NOTICE])  # a hang is noticed only after HANG_S
    turns = stored_turns(db)
    assert [t["text"] for t in turns if t["role"] == "mentee"] == [*ANSWERS, "/quit"]
    reworded = [t for t in turns if t["role"] == "coach" and t["prompt"]]
    assert len(reworded) >= 5 and all(t["guard_reasons"][0].startswith("no rephrasing: ") for t in reworded)
    assert 1 <= len(starts(tmp_path / "starts")) <= 1 + MAX_RESTARTS


def test_a_working_worker_rewords(tmp_path: Path, fake_worker: Command, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same set-up with a worker that answers: the chat shows its (guarded) rewordings."""
    monkeypatch.setenv("FAKE_WORKER_REPLY", "Three to five years from now, what would you like to be doing?")
    events, stderr, code, _ = chat(tmp_path, fake_worker("echo"), ANSWERS[:2])
    assert code == 0 and stderr == ""
    shown = next(e for e in events if e["type"] == "coach" and e["step"] == "goal_horizon" and e["kind"] == "ask")
    assert shown["rephrased"] and shown["text"] == "Three to five years from now, what would you like to be doing?"
    assert not [e for e in events if e["type"] == "notice"]


# --- the backend on its own (faster, and it can shorten the hang limit) ----------------------


def request(deadline: float = 5.0, **kw: Any) -> Request:
    return Request(messages=[{"role": "user", "content": "What?"}], deadline=time.monotonic() + deadline, **kw)


@pytest.mark.parametrize("mode", ["segv", "exit", "garbage"])
def test_a_worker_that_fails_is_restarted_a_bounded_number_of_times(
    tmp_path: Path, fake_worker: Command, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    log = tmp_path / "starts"
    monkeypatch.setenv("FAKE_WORKER_LOG", str(log))
    backend = WorkerBackend(fake_model(tmp_path), command=fake_worker(mode))
    try:
        for _ in range(1 + MAX_RESTARTS):
            assert backend.wait(30)
            with pytest.raises(BackendError, match="model worker"):
                backend.complete(request())
        assert backend.wait(30) is False
        assert backend.error and backend.error.startswith("rewording is off: the model worker")
        with pytest.raises(BackendError, match="rewording is off"):
            backend.complete(request())
        assert backend.notices() == [NOTICE] and backend.notices() == []
        assert len(starts(log)) == 1 + MAX_RESTARTS
    finally:
        backend.close()


def test_the_crash_is_named(tmp_path: Path, fake_worker: Command) -> None:
    backend = WorkerBackend(fake_model(tmp_path), command=fake_worker("segv"), max_restarts=0, wait=True)
    with pytest.raises(BackendError, match=r"stopped \(SIGSEGV\)"):
        backend.complete(request())
    backend.close()


def test_the_chat_stops_waiting_at_the_deadline_and_a_stuck_worker_is_replaced(
    tmp_path: Path, fake_worker: Command, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "starts"
    monkeypatch.setenv("FAKE_WORKER_LOG", str(log))
    backend = WorkerBackend(fake_model(tmp_path), command=fake_worker("hang"), hang_s=1.0, wait=True)
    try:
        with pytest.raises(BackendError, match="deadline passed"):  # not "did not answer": the deadline decides
            backend.complete(request(deadline=0.3))
        end = time.monotonic() + 30
        while len(starts(log)) < 2 and time.monotonic() < end:
            time.sleep(0.05)
        assert len(starts(log)) == 2 and backend.failures == ["the model worker did not answer for 1 s"]
        assert backend.notices() == [NOTICE]
    finally:
        backend.close()


def test_a_background_request_is_called_off_by_its_cancel_event(tmp_path: Path, fake_worker: Command) -> None:
    import threading

    backend = WorkerBackend(fake_model(tmp_path), command=fake_worker("hang"), wait=True)
    cancel = threading.Event()
    timer = threading.Timer(0.2, cancel.set)
    timer.start()
    with pytest.raises(BackendError, match="cancelled"):  # long before the deadline or the hang limit
        backend.complete(request(deadline=30.0, cancel=cancel))
    backend.close()


def test_closing_ends_the_worker_and_its_background_work(tmp_path: Path, fake_worker: Command) -> None:
    backend = WorkerBackend(fake_model(tmp_path), command=fake_worker("hang"), wait=True)
    rephraser = GuardedRephraser(backend, background=True)
    rephraser.prepare([("What are you good at?", ())])
    proc = backend._proc
    assert proc is not None
    rephraser.close()
    assert proc.poll() is not None, "the worker is gone"
    assert rephraser.filler is None or not rephraser.filler._thread.is_alive()
    shown = rephraser.rephrase(CANONICAL, [], None)
    assert shown.text == CANONICAL and shown.reasons == ["no rephrasing: the model worker is closed"]


def test_a_worker_that_cannot_be_started_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backend = WorkerBackend(fake_model(tmp_path), command=[str(tmp_path / "no-such-program")], wait=True)
    assert backend.wait(1) is False
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be started" in err
    backend.close()


def test_models_check_reports_a_worker_that_crashes(
    tmp_path: Path, fake_worker: Command, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from coach.cli import cli

    monkeypatch.setenv(WORKER_ENV, " ".join(fake_worker("segv")))
    result = CliRunner().invoke(cli, ["models", "--check", "--model", str(fake_model(tmp_path))])
    assert result.exit_code == 1
    assert "generation   FAILED: the model worker stopped (SIGSEGV)" in result.output
    assert "build        fake" in result.output


def test_when_the_model_is_slower_than_the_deadline_live_turns_do_not_wait_for_it(
    tmp_path: Path, fake_worker: Command, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A busy machine: none of the last generations came within the deadline. A live turn then
    shows the flow's words at once, and the background keeps its work."""
    monkeypatch.setenv("FAKE_WORKER_MS", "900")
    backend = WorkerBackend(fake_model(tmp_path), command=fake_worker("echo"), wait=True)
    try:
        for _ in range(4):  # the first reply read the whole prompt: not counted
            backend.complete(request())
        assert backend.recent_ms() == [900.0] * 3
        rephraser = GuardedRephraser(backend)
        shown = rephraser.rephrase(CANONICAL, [], None)
        assert backend.recent_ms() == [900.0] * 3, "the model was not asked"
        assert shown.text == CANONICAL
        assert shown.reasons == ["no rephrasing: the model is slower than the deadline on this machine right now"]
        for _ in range(3):  # every fourth such turn asks anyway: the machine may have calmed down
            rephraser.rephrase(CANONICAL, [], None)
        assert len(backend.recent_ms()) == 4
        rephraser.close()
    finally:
        backend.close()
