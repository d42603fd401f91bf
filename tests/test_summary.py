"""The summary holds what the mentee said, minus non-answers ("no", "I don't know")."""

from __future__ import annotations

from coach.authoring.flowtest import start_conversation
from coach.conversation.summary import summarise
from coach.flow.spec import Flow

MAPPING = {"goals": ["goal"], "motivations": ["motivations"], "bedrock": ["bedrock"],
           "passions": ["passions"], "experiment": "experiment"}


def test_summary_keeps_answers_in_their_words_and_drops_non_answers() -> None:
    values = {
        "goal": "Lead a small team",
        "motivations": ["growth", "meaning"],
        "bedrock": ["I don't know", "I love helping people learn"],
        "passions": ["no", "Climbing with friends!", "nothing", "Climbing with friends!"],
        "experiment": "I'm not sure",
    }
    assert summarise(values, MAPPING) == {
        "goals": ["Lead a small team"],
        "motivations": ["growth", "meaning"],
        "bedrock": ["I love helping people learn"],
        "passions": ["Climbing with friends!"],
        "strengths": [],
        "sweet_spot": [],
        "experiment": None,
    }


def test_empty_values_give_an_empty_summary() -> None:
    assert summarise({}, MAPPING) == {"goals": [], "motivations": [], "bedrock": [], "passions": [], "strengths": [],
                                      "sweet_spot": [], "experiment": None}


def test_the_summary_keeps_what_was_said_without_its_run_up_and_asides(career_flow: Flow) -> None:
    conv = start_conversation(career_flow, at="goal_horizon")
    conv.open()
    conv.reply("um so in like 5 years, i guess, i want to be running a small studio, sorry thats a lot")
    conv.reply("Nobody's, honestly, I'd rather start my own business")
    conv.reply("/pause")
    goals = conv.summary()["goals"]
    assert goals == ["i want to be running a small studio", "Nobody's, I'd rather start my own business"]
