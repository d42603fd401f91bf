"""How an experiment went is said back as the story it is, its end too, never its first two words.

Round 76 said back "asked him. he said "maybe in the new year" which means no tbh. but he did say i could do the
inductions for now" as "So: asked him."; round 77 said back "did it! found 3. salaries were like 20% lower ..." as
"So: did it, found."
"""

from __future__ import annotations

import pytest

from coach.listening.playback import play_back
from coach.listening.told import told_back


@pytest.mark.parametrize(("answer", "said", "ends"), [
    ('asked him. he said "maybe in the new year" which means no tbh. but he did say i could do the inductions for now',
     "you asked him;", "you could do the inductions for now"),
    ("did it. she said yes, i sat in on two days. loved it tbh, sat down most of it. but theres no trainer job going "
     "till april", "you did it;", "no trainer job going till april"),
    ("went ok. sat in on two classes, bit nervous but i liked it", "it went ok;", "you sat in on two classes"),
    ("what i did was ask jan, and she said yes, i can shadow her for two weeks", "what you did was ask jan",
     "you can shadow her for two weeks"),
    # held out while writing the rules above
    ("tried it, was awful tbh. the data team were lovely but the work was dull", "you tried it", "the work was dull"),
    ("didnt really. sort of. i looked at a course online but didnt sign up", "you didn't really;",
     "you looked at a course online"),
])
def test_the_story_is_said_back_in_order_with_its_end(answer: str, said: str, ends: str) -> None:
    told = told_back(answer)
    assert told.startswith(said)
    assert ends in told
    assert " i " not in f" {told} "  # said to the mentee, never in their first person


def test_a_long_story_stops_at_a_whole_thought_within_thirty_words() -> None:
    told = told_back("did it! found 3. salaries were like 20% lower than now, not as bad as i feared tbh. one of them "
                     "does grid demand forecasting which is literally my thing. also my manager found out lol. awkward")
    assert told.startswith("you did it; you found 3; salaries were like 20% lower")
    assert "awkward" not in told
    assert len(told.split()) <= 34  # thirty of the mentee's words, with "you" put back where it was left off


def test_nothing_to_say_back_is_nothing() -> None:
    assert told_back("") == ""
    assert told_back("...") == ""


def test_a_filler_like_is_never_said_back_as_a_liking() -> None:
    # round 79: "like the data cleaning took forever" came back as "you like the data cleaning took forever"
    told = told_back("asked her, got a public dataset, made a small regression model. fun but harder than i "
                     "expected, like the data cleaning took forever")
    assert "you like the data" not in told
    assert play_back("like the people i work with") == "you like the people you work with"
