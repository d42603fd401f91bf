"""Which of last time's options a returning mentee's reply keeps (coach.conversation.options)."""

from __future__ import annotations

import pytest

from coach.conversation.options import option_kept

GOAL = "training new starters, or health and safety"


@pytest.mark.parametrize("reply", [
    "training, not h&s",  # round 81: initials for the option turned down
    "training yes, health and safety no",
    "training, not health and safety",
    "just the training",
    "h&s no",
    "nah not h and s, training",
])
def test_the_option_kept_is_last_times_words(reply: str) -> None:
    assert option_kept(GOAL, reply) == "training new starters"


@pytest.mark.parametrize("reply", [
    "yes",
    "training and h&s both",
    "yes still training. less project management now tbh but who knows",
    "no, something else entirely now",
])
def test_no_one_option_is_kept_when_the_reply_does_not_pick_one(reply: str) -> None:
    assert option_kept(GOAL, reply) == ""


def test_a_word_both_options_share_names_neither() -> None:
    assert option_kept("team lead, or lead at another company", "still team lead or lead somewhere else tbh") == ""
    assert option_kept("team lead, or lead at another company", "team lead") == "team lead"


def test_a_goal_of_one_option_is_never_cut() -> None:
    assert option_kept("training new starters", "training, not h&s") == ""
