"""Words that never go into the record: remarks to the coach and scraps (round 67 kept them as the mentee's)."""

from __future__ import annotations

import pytest

from coach.listening.hollow import hollow
from coach.listening.lexicon import load_lexicon


@pytest.mark.parametrize("words", [
    "part of your answer",  # from "'10 min ago' isnt part of my answer"
    "english",  # from "'not, training, definite' isnt english"
    "several fixes",
    "your two other fixes",
    "that's the important one",
    "the sabbatical is",  # cut before its end
    "h&s is the",
    "now it's more like",
    "something like",
    "this is bloody useless",
    "that was me moaning",
    "you left out the course outline bit",
    "i just gave you one",
    "10 min ago",
    "me rambling",  # from "thats not a value lol its just me rambling" (round 71)
    "a few things are off",  # that something changed, not what (round 69)
    "not really, some of it's changed",
])
def test_remarks_and_scraps_are_hollow(words: str) -> None:
    assert hollow(words, load_lexicon())


@pytest.mark.parametrize("words", [
    "training new starters",
    "fishing",
    "what it is",  # ends where it should
    "something to be proud of",
    "the mentor, Janet's job without the admin",
    "0.6 plus mentoring then retire about 62",
    "finish work without being crippled and with a decent pension",
    "you get to help people",  # a general "you", not said to the coach
    "being useful",
    "me and my dog",
])
def test_the_mentees_own_words_are_not(words: str) -> None:
    assert not hollow(words, load_lexicon())
