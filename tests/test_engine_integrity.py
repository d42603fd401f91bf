"""The engine keeps its promises: answers stored before any model work, resume after flow edits,
long answers refused without losing them, state that grows by what was typed, not per turn."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from coach.conversation.engine import MAX_ANSWER_CHARS, Conversation
from coach.errors import FlowError
from coach.flow.spec import Flow, build_flow, load_flow
from coach.rephrase.frame import Frame
from coach.rephrase.protocol import Rephrasing
from coach.store.connection import memory_db
from coach.store.database import Store


class Watching:
    """A rephraser that looks at the database at the moment it is asked to reword."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.seen: list[tuple[str, list[str]]] = []
        self.fail = False

    def rephrase(self, canonical: str, keep: list[str], context: str | None, frame: Frame | None = None) -> Rephrasing:
        row = self.store.db.execute("SELECT step FROM sessions").fetchone()
        texts = [t for (t,) in self.store.db.execute("SELECT text FROM turns WHERE role = 'mentee'")]
        self.seen.append((row[0], texts))
        if self.fail:
            raise RuntimeError("the model worker died")  # the worst case: rewording never comes back
        return Rephrasing(text=canonical)

    def prepare_flow(self, flow: Flow) -> None:
        pass


def test_the_answer_and_the_next_step_are_stored_before_the_model_is_asked(career_flow: Flow) -> None:
    store = Store(memory_db())
    watching = Watching(store)
    conv = Conversation.start(career_flow, store, "sam", watching)
    conv.open()
    conv.reply("yes")
    watching.fail = True
    with pytest.raises(RuntimeError):
        conv.reply("I'd like to be running a small design studio")
    step, typed = watching.seen[-1]
    assert step == "lottery_want"  # decided and stored: a resume continues at the next question
    assert typed == ["yes", "I'd like to be running a small design studio"]
    resumed = Conversation.resume(career_flow, store, conv.id)
    shown = resumed.open()
    assert resumed.step == "lottery_want" and shown[-1].kind == "ask" and "job" in shown[-1].text
    assert resumed.values["goal"] == "I'd like to be running a small design studio"


def edited(tmp_path: Path, career_flow: Flow, rename: tuple[str, str]) -> Flow:
    """The default flow with one step renamed, as an author's edit would leave it."""
    old, new = rename
    text = career_flow.path.read_text()
    text = text.replace(f"\n  {old}:\n", f"\n  {new}:\n").replace(f"to: {old}\n", f"to: {new}\n")
    text = text.replace(f"next: {old}\n", f"next: {new}\n").replace("lexicon: lexicon.yaml", "")
    path = tmp_path / "career.yaml"
    path.write_text(text)
    return load_flow(path)


def test_resume_after_the_paused_step_was_renamed_continues_at_the_nearest_and_says_so(
    tmp_path: Path, career_flow: Flow
) -> None:
    store = Store(memory_db())
    conv = Conversation.start(career_flow, store, "sam")
    conv.open()
    for answer in ("yes", "Leading a small team of designers", "My manager's job, she shapes the roadmap"):
        conv.reply(answer)
    assert conv.step == "lottery_not"
    conv.pause()
    flow = edited(tmp_path, career_flow, ("lottery_not", "lottery_avoid"))
    resumed = Conversation.resume(flow, store, conv.id)
    said = [m.text for m in resumed.open()]
    assert resumed.step == "lottery_avoid"
    assert any("edited since you paused" in t for t in said)
    assert "job" in said[-1] and said[-1].endswith("?")
    stored = [t["text"] for t in store.turns(conv.id)]
    assert any("edited since you paused" in t for t in stored)  # the move is recorded


def test_an_answer_over_the_limit_is_kept_whole_and_the_question_asked_again(career_flow: Flow) -> None:
    store = Store(memory_db())
    conv = Conversation.start(career_flow, store, "sam")
    conv.open()
    conv.reply("yes")
    huge = "I want to build things. " * (MAX_ANSWER_CHARS // 10)
    msgs = conv.reply(huge)
    assert "the limit is 4,000" in msgs[0].text and "nothing cut" in msgs[0].text
    assert msgs[-1].kind == "ask" and conv.step == "goal_horizon"
    assert [t["text"] for t in store.turns(conv.id) if t["role"] == "mentee"][-1] == huge
    assert conv.values["goal"] == ""
    conv.reply("Lead a team")
    assert conv.step == "lottery_want"


def state_size(store: Store, sid: int) -> int:
    row = store.db.execute("SELECT length(vals) + length(state) FROM sessions WHERE id = ?", [sid]).fetchone()
    return int(row[0])


def test_a_long_answer_costs_its_size_once_not_once_per_turn(career_flow: Flow) -> None:
    store = Store(memory_db())
    conv = Conversation.start(career_flow, store, "sam")
    conv.open()
    conv.reply("yes")
    long_goal = "leading a product team that builds tools for teachers " * 60  # ~3,300 characters
    conv.reply(long_goal)
    after_long = state_size(store, conv.id)
    for answer in ("The head of product, she decides", "The finance director", "Meetings, roadmaps, people"):
        conv.reply(answer)
    grown = state_size(store, conv.id) - after_long
    assert grown < len(long_goal) // 2, f"state grew by {grown} bytes over 3 short answers"


def test_a_thousand_steps_that_only_speak_are_walked_not_stacked(tmp_path: Path) -> None:
    steps = {f"s{i}": {"phase": "trust", "say": f"Line {i}.", "next": f"s{i + 1}"} for i in range(1000)}
    steps["s1000"] = {"phase": "close", "ask": "Anything else?", "next": "end"}
    steps["end"] = {"phase": "close", "say": "Bye.", "end": "completed"}
    doc: dict[str, Any] = {"flow": "long", "version": 1, "start": "s0", "steps": steps}
    path = tmp_path / "long.yaml"
    path.write_text(json.dumps(doc))  # JSON is YAML
    with pytest.raises(FlowError, match="at most 500"):  # the validator refuses it first...
        load_flow(path)
    flow = build_flow(doc, path)  # ...and the engine, handed it anyway, walks it without recursion
    conv = Conversation.start(flow, Store(memory_db()), "sam")
    msgs = conv.open()
    assert len(msgs) == 1001 and msgs[-1].text == "Anything else?"
