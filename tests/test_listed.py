"""Answers that name several things are said back as a list: every thing, without the fillers around them.

Round 42 heard "sorting rotas, calming down angry customers, and teaching the kids ..." said back without the
third thing, "finding bugs obviously lol. ... also im good at noticing when a screen is confusing" as only
"finding bugs", and "climbing for sure. bouldering mostly" with the fillers in.
"""

from __future__ import annotations

import pytest

from coach.listening.listed import listed_back


@pytest.mark.parametrize(("answer", "said"), [
    ("sorting rotas, calming down angry customers, and teaching the kids how to do the job properly. they come to "
     "me for everything tbh",
     "sorting rotas, calming down angry customers and teaching the kids how to do the job properly"),
    ("finding bugs obviously lol. people ask me to break stuff. also im good at noticing when a screen is confusing",
     "finding bugs and noticing when a screen is confusing"),
    ("climbing for sure. bouldering mostly. and comics", "climbing, bouldering and comics"),
    ("same like last time, explaining numbers. but now i think maybe with dashboards, so the managers understand. "
     "or in a classroom. both, honestly", "explaining numbers, with dashboards, or in a classroom"),
    ("baking mostly, and my allotment. and sleep lol", "baking, your allotment and sleep"),
    ("I'm good at calming people down. And at spotting what's wrong on a chart before anyone else does.",
     "calming people down and spotting what's wrong on a chart before anyone else does"),  # whole, up to 12 words
    ("love island lol. and my nephews, i could talk about them all day", "love island and your nephews"),
    ("people come to me for displays lol, and for reading interventions", "displays and reading interventions"),
    # held out while tuning: written after the rules above
    ("um rotas mainly. and the till training for new starters, they always ask me",
     "rotas and the till training for new starters"),
    ("hmm sewing i guess, and my choir. the grandkids think im mad lol", "sewing and your choir"),
])
def test_every_thing_named_is_said_back_without_fillers(answer: str, said: str) -> None:
    assert listed_back(answer) == said


@pytest.mark.parametrize(("answer", "said"), [
    ("explaining things", "explaining things"),
    ("teaching, i guess", "teaching"),
    ("people come to me when excel is not working", "people come to you when excel is not working"),
    ("ha. my kids?", "your kids"),
    ("i love puzzles and cooking", "you love puzzles and cooking"),
])
def test_one_thing_is_said_back_as_one(answer: str, said: str) -> None:
    assert listed_back(answer) == said


def test_a_long_answer_is_said_back_short_and_whole() -> None:
    said = listed_back("rotas, customers, the kids, the deliveries at 5am when the driver is late again, the tills, "
                       "the cash office and the staff room fridge which nobody ever cleans, honestly")
    assert said.startswith("rotas, customers, the kids")
    assert len(said.split()) <= 30
    assert not said.endswith((",", " and", "honestly"))


def test_a_name_typed_mid_sentence_keeps_its_capital() -> None:
    # round 81 said "books; middlemarch; roses" back to Margaret, who had typed "Middlemarch"
    said = listed_back("books, Middlemarch, roses, and helping shy kids read aloud")
    assert "Middlemarch" in said
    assert "Books" not in said  # the answer's own first word is no name
