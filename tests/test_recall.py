"""A question already answered in passing is played back and checked, not asked again."""

from __future__ import annotations

import pytest

from coach.authoring.flowtest import start_conversation
from coach.conversation.engine import Conversation
from coach.flow.spec import Flow
from coach.listening.lexicon import load_lexicon
from coach.listening.recall import recall
from coach.store.database import Store


@pytest.mark.parametrize(("step", "earlier", "words"), [
    ("passion_free_day", "cooking mostly, and on sundays i go hiking all day with my dog",
     "on sundays i go hiking all day with my dog"),
    ("passion_free_day", "if i had a free day id bake bread all morning",
     "if i had a free day id bake bread all morning"),
    ("passion_free_day", "my perfect day would be climbing then pizza", "my perfect day would be climbing then pizza"),
    ("strengths", "honestly people always come to me when the build breaks, which is annoying lol",
     "people always come to me when the build breaks"),
    ("strengths", "im pretty good at explaining tricky stuff to new people",
     "im pretty good at explaining tricky stuff to new people"),
    # Round 9: what came after the strength was said back with it.
    ("strengths", "cause i'm good with numbers and i'm so done with behaviour management", "i'm good with numbers"),
])
def test_an_answer_given_in_passing_is_recalled_for_its_question(step: str, earlier: str, words: str) -> None:
    found = recall(step, [("1:3", "i want to lead"), ("1:4", earlier)], load_lexicon())
    assert found is not None and (found.words, found.ref) == (words, "1:4")


@pytest.mark.parametrize("earlier", ["i love my weekends", "people are the hard part", "good question",
                                     # round 24: "decent at it" said back alone means nothing
                                     "seen it up close, i cover for the ops manager. its alright, i'm decent at it"])
def test_nothing_is_recalled_that_does_not_answer(earlier: str) -> None:
    assert recall("passion_free_day", [("1:4", earlier)], load_lexicon()) is None
    assert recall("strengths", [("1:4", earlier)], load_lexicon()) is None


def test_a_recalled_answer_survives_a_pause(career_flow: Flow, store: Store) -> None:
    conv = start_conversation(career_flow, at="passion_talk", store=store)
    conv.open()
    asked = conv.reply("cooking, and on sundays i go hiking all day with my dog")[-1].text
    assert asked.startswith("Earlier you said on sundays you go hiking")
    conv.pause()
    again = Conversation.resume(career_flow, store, conv.id)
    assert again.open()[-1].text == asked
    again.reply("yes")
    assert again.step == "strengths"


@pytest.mark.parametrize("earlier", [
    "because honestly i could talk about type design for hours, nobody at work cares",
    "im kinda obsessed with old synthesisers",
    "i nerd out about train timetables lol",
])
def test_what_lights_the_mentee_up_said_early_is_recalled(earlier: str) -> None:
    assert recall("passion_talk", [("1:2", earlier)], load_lexicon()) is not None


PREVIOUS = {"goals": ["cardiology registrar, or health tech and the 3am thing"],
            "passions": ["ecgs weirdly", "football", "sleep in on sundays"], "motivations": ["meaning"],
            "experiment": "shadow the informatics lead"}


@pytest.mark.parametrize(("said", "gone", "stays"), [
    ("take out the 'sleep in' bit", "sleep in on sundays", "football"),
    ("pls drop the football part, that was a joke", "football", "sleep in on sundays"),
    ("no. i never said the 3am thing as a goal. health tech, clinical side of it", "the 3am thing",
     "cardiology registrar"),
])
def test_a_part_of_last_time_taken_out_at_the_recap_leaves_todays_summary(
    career_flow: Flow, said: str, gone: str, stays: str
) -> None:
    conv = start_conversation(career_flow, at="recap", previous={k: list(v) if isinstance(v, list) else v
                                                                 for k, v in PREVIOUS.items()})
    conv.open()
    text = " ".join(m.text for m in conv.reply(said))
    assert "Done:" in text and "yes or a no" not in text
    kept = str(conv.values["previous"])
    assert gone not in kept and stays in kept
