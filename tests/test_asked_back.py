"""Questions put back to the coach: what a word means, what was kept, where something came from.

The replies below are messy variants written for these tests only (learner English, typos); none
is a rule's own example. Each group checks one idea is read in words nobody listed, and that the
coach answers it from the flow's plain wording or from what it kept, never with a stock line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.conversation.asked_back import plain_aside
from coach.conversation.engine import Conversation
from coach.conversation.kept import asked_about, corrects_later, find_kept
from coach.flow.spec import Flow, load_flow
from coach.listening.acts import read_reply
from coach.listening.lexicon import load_lexicon
from coach.store.database import Store

LEX = load_lexicon()
OPEN = "What could you happily talk about for hours?"
CONFIRM = "It sounds like freedom over how you work matters a lot to you. Is that right?"


def topics(reply: str, question: str = OPEN) -> set[str | None]:
    acts = read_reply(reply, LEX, expect="auto", question=question).acts
    return {a.topic for a in acts if a.kind in ("question", "meta")}


# --- reading ------------------------------------------------------------------------------------


@pytest.mark.parametrize("reply", [
    "what means 'sweet spot'?",
    "sorry what is 'lose track of time' here",
    "'engine' means like motor? i not sure",
    "overlap means same place, right?",
    "is like hobby?",
    "what is difference between meaning and growth?",
    "i dont get well 'underneath'",
    "i dont know this word, sorry",
    "what does 'sit with you' mean",
])
def test_what_a_word_or_the_question_means_is_asked_about_plainly(reply: str) -> None:
    assert "simpler" in topics(reply)


@pytest.mark.parametrize("reply", [
    "it means a lot to me, right?",          # content, not a learner checking a word
    "the difference i make is what counts",
    "is it bad that i want money?",
])
def test_everyday_answers_are_not_questions_about_meaning(reply: str) -> None:
    assert "simpler" not in topics(reply)


@pytest.mark.parametrize(("reply", "topic"), [
    ("did you put in the bit about my kids?", "kept"),
    ("hang on did u add climbing", "kept"),
    ("is climbing in there now?", "kept"),
    ("uh where did that even come from", "source"),
    ("i never talked about anything like that? control is not me", "correction_or_source"),
    ("where did u get that", "source"),
    ("could i skip this one pls", "skip"),
    ("can we pass on this one?", "skip"),
    ("will everything be erased after?", "delete"),
    ("how do i delete my answers later?", "delete"),
])
def test_questions_about_what_the_coach_did_are_read_by_topic(reply: str, topic: str) -> None:
    found = topics(reply)
    if topic == "correction_or_source":
        assert "source" in found or read_reply(reply, LEX, expect="auto", question=OPEN).has("correction")
    else:
        assert topic in found


@pytest.mark.parametrize("reply", [
    "so bank or not?",
    "ok but what do u think, freelance or the agency?",
])
def test_x_or_not_put_to_the_coach_is_an_advice_request(reply: str) -> None:
    assert read_reply(reply, LEX, expect="auto", question=OPEN).has("advice_request")


@pytest.mark.parametrize(("reply", "meta"), [
    ("honestly i've been going round in circles about this job for months", False),
    ("been going around in circles over it since march", False),
    ("we're going round in circles here", True),
])
def test_circles_about_their_life_are_not_a_remark_about_the_conversation(reply: str, meta: bool) -> None:
    assert read_reply(reply, LEX, expect="auto", question=OPEN).has("meta") is meta


# --- answering from the flow and from what is kept ---------------------------------------------


def test_plain_wording_beside_an_answer_says_its_statements_or_else_its_question() -> None:
    assert plain_aside("Imagine every job is free. Which one would you take?") == (
        "plain_said", "Imagine every job is free.")
    assert plain_aside("Did you see it yourself, or only from outside?") == (
        "plain_asked", "did you see it yourself, or only from outside?")


@pytest.mark.parametrize(("question", "thing"), [
    ("wait, did u add sourdough", "sourdough"),
    ("did you fix the teaching bit tho", "teaching"),
    ("did you add teaching students to underneath", "teaching students"),
    ("is the allotment in there now", "allotment"),
    ("how long is this", ""),
])
def test_the_thing_asked_about_is_taken_from_the_question(question: str, thing: str) -> None:
    assert asked_about(question) == thing


def test_what_was_kept_is_found_by_its_words_not_by_the_whole_phrase() -> None:
    summary = {"goals": ["teach new nurses on the ward"], "passions": ["sourdough", "my allotment"],
               "motivations": ["meaning"]}
    assert find_kept("teaching", summary) == "teach new nurses on the ward"
    assert find_kept("sourdough", summary) == "sourdough"
    assert find_kept("teaching students", summary) is None
    assert find_kept("the", summary) is None


def test_a_later_read_back_is_known_from_the_flow(career_flow: Flow) -> None:
    assert corrects_later(career_flow, "passion_talk")      # the summary is read back at the end
    assert not corrects_later(career_flow, "experiment_offer")


def test_every_asking_step_of_the_default_flow_has_a_plain_wording(career_flow: Flow) -> None:
    for step in career_flow.steps.values():
        if step.ask:
            assert step.plain, f"step '{step.name}' has no plain wording"
            assert len(step.plain.split()) <= 40, step.name


FLOW_WITHOUT_PLAIN = """\
flow: small
version: 1
start: hello
phases:
  goal: {purpose: "So we know where you're heading."}
steps:
  hello:
    phase: goal
    ask: "Where would you like to be in three years?"
    variants: ["Thinking three years ahead, what would you like to be doing?"]
    save_as: goal
    next: bye
  bye:
    phase: goal
    say: "Thanks."
    end: completed
"""


def test_without_a_plain_wording_the_next_variant_is_asked(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(FLOW_WITHOUT_PLAIN)
    conv = Conversation.start(load_flow(path), store, "sam")
    conv.open()
    said = [m.text for m in conv.reply("sorry, what means 'three years' here?")]
    assert said[-1] == "Thinking three years ahead, what would you like to be doing?"
    assert conv.current.name == "hello"


def test_with_a_plain_wording_the_re_ask_is_plain_and_never_reworded(career_flow: Flow, store: Store) -> None:
    conv = Conversation.start(career_flow, store, "sam")
    conv.open()
    conv.reply("yes")
    said = [m.text for m in conv.reply("what means 'fast-forward'? i dont know this expression")]
    assert said[-1] == career_flow.steps["goal_horizon"].plain
    assert conv.current.name == "goal_horizon"
    again = [m.text for m in conv.reply("a team lead in data, i think")]
    assert conv.current.name == "lottery_want", again
