"""The summary holds what the mentee said, minus non-answers ("no", "I don't know")."""

from __future__ import annotations

from coach.conversation.summary import summarise

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
