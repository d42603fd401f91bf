"""Live reload: /reload and chat --watch keep the conversation when the flow file is edited."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from coach.authoring.flowtest import start_conversation
from coach.cli.repl import run_jsonl
from coach.conversation.engine import Conversation
from coach.flow.spec import load_flow
from coach.store.database import Store

PROJECT_ROOT = Path(__file__).resolve().parent.parent

FLOW = """\
flow: live
version: 1
start: hello
steps:
  hello:
    phase: trust
    ask: "Shall we begin?"
    expect: yes_no
    next:
      - when: "yes"
        to: goal
      - to: bye
  goal:
    phase: goal
    ask: "Where would you like to be in three years?"
    save_as: goal
    next: job
  job:
    phase: goal
    ask: "Whose job would you want?"
    save_as: want_job
    next: bye
  bye:
    phase: close
    say: "Thanks."
    end: completed
"""


@pytest.fixture
def flow_file(tmp_path: Path) -> Path:
    path = tmp_path / "live.yaml"
    path.write_text(FLOW)
    return path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    st = path.stat()  # make sure the change is visible even within one mtime tick
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def _at_job(flow_file: Path, store: Store) -> Conversation:
    conv = start_conversation(load_flow(flow_file), store=store)
    conv.open()
    conv.reply("yes")
    conv.reply("Lead a small team")
    assert conv.step == "job"
    return conv


def test_reload_keeps_answers_and_shows_the_new_wording(flow_file: Path, store: Store) -> None:
    conv = _at_job(flow_file, store)
    _edit(flow_file, "Whose job would you want?", "Whose job would you love to have?")
    msgs = conv.reply("/reload")
    assert conv.step == "job"
    assert conv.values["goal"] == "Lead a small team"
    assert "continuing at 'job'" in msgs[0].text
    assert msgs[-1].text == "Whose job would you love to have?" and msgs[-1].kind == "ask"
    conv.reply("The CTO")
    assert conv.values["want_job"] == "The CTO" and conv.status == "completed"


def test_a_renamed_step_continues_at_its_replacement(flow_file: Path, store: Store) -> None:
    conv = _at_job(flow_file, store)
    _edit(flow_file, "next: job\n  job:", "next: dream_job\n  dream_job:")
    msgs = conv.reply("/reload")
    assert conv.step == "dream_job"
    assert "Step 'job' no longer exists, so we continue at 'dream_job'" in msgs[0].text
    assert conv.values["goal"] == "Lead a small team"


def test_a_removed_step_goes_to_the_nearest_earlier_step_and_back_still_works(flow_file: Path, store: Store) -> None:
    conv = _at_job(flow_file, store)
    text = flow_file.read_text()
    start = text.index("  job:\n")
    flow_file.write_text(text[:start].replace("next: job", "next: bye") + text[text.index("  bye:\n") :])
    msgs = conv.reply("/reload")
    assert conv.step == "goal"
    assert "'job' no longer exists" in msgs[0].text
    conv.reply("/back")
    assert conv.step == "hello"


def test_a_broken_edit_keeps_the_running_flow_and_says_where_it_is_wrong(flow_file: Path, store: Store) -> None:
    conv = _at_job(flow_file, store)
    _edit(flow_file, "next: bye\n  bye:", "next: by\n  bye:")
    msgs = conv.reply("/reload")
    assert f"{flow_file}:" in msgs[0].text and "undefined step 'by'" in msgs[0].text
    assert conv.step == "job"
    conv.reply("The CTO")
    assert conv.status == "completed"


def test_reloading_the_default_flow_unchanged_keeps_everything(career_flow: Any, store: Store) -> None:
    conv = start_conversation(career_flow, store=store)
    conv.open()
    conv.reply("yes")
    before = dict(conv.values)
    conv.reload(load_flow(PROJECT_ROOT / "flows" / "career.yaml"))
    assert conv.step == "goal_horizon" and conv.values == before


class EditingStdin:
    """Answers one per line; edits the flow file just before handing out answer number ``at``."""

    def __init__(self, answers: list[str], at: int, edit: Any) -> None:
        self.lines = [a.encode() + b"\n" for a in answers]
        self.at, self.edit, self.n = at, edit, 0

    def readline(self) -> bytes:
        if self.n == self.at:
            self.edit()
        self.n += 1
        return self.lines.pop(0) if self.lines else b""


def test_watch_reloads_between_turns_in_the_jsonl_front_end(flow_file: Path, store: Store) -> None:
    conv = Conversation.start(load_flow(flow_file), store, "sam")
    out: list[str] = []
    stdin = EditingStdin(
        ["yes", "Lead a team", "The CTO"],
        at=2,
        edit=lambda: _edit(
            flow_file,
            "next: bye\n  bye:",
            'next: extra\n  extra:\n    phase: close\n    ask: "Anything else?"\n    next: bye\n  bye:',
        ),
    )
    status = run_jsonl(conv, stdin, out.append, watch=True)  # type: ignore[arg-type]
    events = [json.loads(line) for line in out]
    texts = [e.get("text", "") for e in events if e["type"] == "coach"]
    assert any("Reloaded" in t for t in texts)
    assert texts[-1] == "Anything else?"  # the edit took effect for the answer given after it
    assert conv.values["want_job"] == "The CTO"
    assert status == "paused"  # input ran out at the new question


def test_without_watch_an_edit_is_ignored_until_reload(flow_file: Path, store: Store) -> None:
    conv = Conversation.start(load_flow(flow_file), store, "sam")
    out: list[str] = []
    stdin = EditingStdin(
        ["yes", "Lead a team", "The CTO"], at=2, edit=lambda: _edit(flow_file, "Thanks.", "Thanks a lot.")
    )
    assert run_jsonl(conv, stdin, out.append) == "completed"
    assert not any("Reloaded" in line for line in out)
