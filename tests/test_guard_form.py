"""The guard refuses broken sentences that merely end in "?", and rewording leaves a question's tail alone.

The bad cases are real outputs of the default model (SmolLM2-135M) that passed the guard
before these checks; each would have been shown to a mentee.
"""

from __future__ import annotations

from typing import Any

import pytest

from coach.flow.spec import Flow
from coach.flow.template import render
from coach.guard.check import check
from coach.rephrase.frame import Frame, split_tail
from coach.rephrase.rephraser import GuardedRephraser

FakeBackend = Any

HEADING = "Thinking of where you'd like to be heading, what makes that important to you?"
SEEN = ("How do you know that's what it's like? Is it something you've seen up close, or more of a "
        "picture from outside?")
YEARS = "Picture yourself three to five years from now. What would you like to be doing?"
EXPERIMENT = 'Last time the experiment you chose was "run one meeting". How did that go, and what did you notice?'
GOOD_AT = "What are you good at? Think of the things people come to you for."

BROKEN = [
    pytest.param("Thinking of where you'd like to be heading and why that matters to you?", HEADING, "well-formed",
                 id="fragment-no-question-head"),
    pytest.param("Thinking of where you'd like to go, and why that is important to you?", HEADING, "well-formed",
                 id="fragment-after-comma"),
    pytest.param("It's something you've seen up close, or more of a picture from outside, that's what it is "
                 "like to be a part of?", SEEN, "", id="statement-with-question-mark"),
    pytest.param("What would you happily talk about for hours, and?", "What could you happily talk about for hours?",
                 "ends on 'and'", id="dangling-and"),
    pytest.param("What's underneath that for you when you say you like people is?",
                 "When you say you like people, what's underneath that for you?", "ends on 'is'", id="dangling-is"),
    pytest.param("What has shifted since now?", "What has shifted since then?", "'then' became 'now'",
                 id="then-became-now"),
    # Both seen four times and twice from the default model in the real terminal.
    pytest.param("And could you say whose job you would not want to do it, and why not?",
                 "And whose job would you not want, and why not?", "object twice", id="resumptive-it"),
    # Seen from the default model in the real terminal (round 15).
    pytest.param("When you say you want your work to actually be seen, can you tell me what that is underneath that?",
                 "When you say you want your work to actually be seen, what's underneath that for you?",
                 "subject twice", id="resumptive-what-that"),
    pytest.param("Could you say where the things you love, good at, and your organisation needs overlap?",
                 "Where do the things you love, the things you're good at and what your organisation needs overlap?",
                 "no subject", id="headless-list-item"),
    pytest.param('How did that go, and what did you notice about the experiment you chose, Chose was "run one '
                 'meeting"?', EXPERIMENT, "capital in mid-sentence", id="stray-capital"),
    pytest.param("What would you like to be doing, three three to five years from now?", YEARS, "word twice",
                 id="word-twice"),
    pytest.param("What does it mean? Is it something you've seen up close, or more of a picture from outside?", SEEN,
                 "loses know", id="question-changed-tail-kept"),
    pytest.param("What's underneath that for you, and why you say you want to lead?",
                 "When you say you want to lead, what's underneath that for you?", "no auxiliary",
                 id="headless-second-clause"),
    pytest.param("Where do the things you love and what your organisation needs meet, and where do you find yourself?",
                 "Where do the things you love and what your organisation needs overlap?", "asks more",
                 id="where-asked-twice"),
    pytest.param("What do you think drives all this for me? Any of them is fair to name.",
                 "Before I tell you what I noticed: what do you think drives all this for you? Any of them is fair "
                 "to name.", "first person", id="you-became-me"),
    pytest.param("Where do your things you love, your good things, and your organisation need overlap?",
                 "Where do the things you love, the things you're good at and what your organisation needs overlap?",
                 "'your' more often", id="pile-of-your"),
    pytest.param("If you put what's underneath this sentence into one plain sentence about yourself, not about any "
                 "job, what would it be?", "If you put what's underneath all of this into one plain sentence about "
                 "you, not about any job, what would it be?", "'sentence' more often", id="word-again"),
]


@pytest.mark.parametrize(("candidate", "original", "reason"), BROKEN)
def test_a_broken_sentence_ending_in_a_question_mark_is_refused(candidate: str, original: str, reason: str) -> None:
    verdict = check(candidate, original)
    assert not verdict.ok
    assert any(reason in r for r in verdict.reasons), verdict.reasons


FINE = [
    pytest.param("You said teaching, so what makes that important to you?",
                 "You said teaching. What makes that important to you?", id="so-what-makes"),
    pytest.param("What would you like to be doing three to five years from now?", YEARS, id="merged-sentences"),
    pytest.param("If the best overlap turned out to be outside where you are now, how would that sit with you?",
                 "And if the best overlap turned out to be somewhere else, outside where you are now, how would "
                 "that sit with you?", id="shorter-condition"),
    pytest.param("How would you spend a completely free day, if you had nothing you had to do?",
                 "If you had a completely free day with nothing you had to do, how would you spend it?",
                 id="condition-moved-last"),
    pytest.param("Why does that matter to you: you want more say?",
                 "And why does that matter to you: you want more say?", id="mentees-words-after-you"),
    pytest.param("Whose job would you like to have, and why?", "Whose job would you want, and why?", id="whose-why"),
    pytest.param("What is it that you are good at? Think of the things people come to you for.", GOOD_AT,
                 id="tail-kept"),
    pytest.param("How do you know it's like that? Is it something you've seen up close, or more of a "
                 "picture from outside?", SEEN, id="second-question-kept"),
]


@pytest.mark.parametrize(("candidate", "original"), FINE)
def test_a_well_formed_rewording_still_passes(candidate: str, original: str) -> None:
    assert check(candidate, original).reasons == []


def test_every_rephrasable_question_of_the_default_flow_passes_as_its_own_rewording(career_flow: Flow) -> None:
    """The guard judges rewordings beside the flow's question; that question itself must pass."""
    from tests.test_no_advice import SAMPLE

    values = {var: "something I said" for var in career_flow.variables()} | SAMPLE
    checked = 0
    for step in career_flow.steps.values():
        if not (step.ask and step.rephrase):
            continue
        for wording in step.wordings:
            text = render(wording, {**values, "item": {}})
            assert check(text, text, [k for k in step.keep if "{" not in k]).reasons == [], (step.name, text)
            checked += 1
    assert checked >= 20


def test_only_the_question_is_reworded_and_its_tail_is_kept_word_for_word() -> None:
    head, tail = split_tail(Frame("What small thing would you like to try? If it shows you were wrong, "
                                  "that's worth knowing too."))
    assert head.text == "What small thing would you like to try?"
    assert tail == " If it shows you were wrong, that's worth knowing too."
    head, tail = split_tail(Frame('You said "[X]". What makes [Y] matter? Is it [Z]?', ("a", "b", "c")))
    assert head == Frame('You said "[X]". What makes [Y] matter?', ("a", "b")) and tail == " Is it [Z]?"
    assert split_tail(Frame("You said [X]. Why?", ("a",))) == (Frame("You said [X]. Why?", ("a",)), "")


def test_the_model_sees_only_the_question_and_the_mentee_sees_the_tail_as_written(
        fake_backend: FakeBackend) -> None:
    rephraser = GuardedRephraser(fake_backend.queue("What is it that you are good at?"), cache=False)
    shown = rephraser.rephrase(GOOD_AT, [], "I fix things")
    assert fake_backend.calls[0].messages[-1]["content"] == "What are you good at?"
    assert shown.text == "What is it that you are good at? Think of the things people come to you for."
    assert shown.rephrased and shown.guard_ok


def test_spelling_out_a_contraction_is_not_a_rewording(fake_backend: FakeBackend) -> None:
    question = "How do you know that's what it's like?"
    rephraser = GuardedRephraser(fake_backend.queue("How do you know that is what it is like?"), cache=False)
    shown = rephraser.rephrase(question, [], None)
    assert shown.text == question and not shown.rephrased and shown.reasons == ["verbatim copy"]
