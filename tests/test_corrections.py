"""Corrections and edits of played-back words reach every copy: chain, summary, goodbye, recap."""

from __future__ import annotations

import dataclasses

import pytest

from coach.authoring.flowtest import start_conversation
from coach.conversation.engine import Conversation
from coach.conversation.placing import swapped, without
from coach.flow.spec import Flow
from coach.listening.edits import Edit, read_edit
from coach.store.database import Store


@pytest.mark.parametrize(
    ("reply", "edit"),
    [
        ("drop the money bit", Edit("money", "", "the money bit")),
        ("yeah ok but can u take out the part abt my boss pls", Edit("boss", "", "the part about my boss")),
        ("leave the boss stuff out", Edit("boss", "", "the boss stuff")),
        ("its ok but like, not the team, the craft", Edit("team", "the craft", "the team")),
        ("no, it's more about climbing than hiking", Edit("hiking", "climbing", "hiking")),
        ("hmm no, not respect really, it's more about trust", Edit("respect", "trust", "respect")),
        ("freedom rather than money tbh", Edit("money", "freedom", "money")),
        ("swap hiking for climbing", Edit("hiking", "climbing", "hiking")),
    ],
    ids=["drop", "take-out", "leave-out", "not-x-y", "more-than", "not-x-its-y", "rather-than", "swap"],
)
def test_edits_are_read(reply: str, edit: Edit) -> None:
    assert read_edit(reply) == edit


@pytest.mark.parametrize(
    "reply",
    ["i want to drop out of school", "yes", "no, not really", "not sure", "not for me",
     "it's more about the research part, not sr designer", "no, it's more about wanting my taste to count"],
)
def test_no_edit_where_none_is_asked_for(reply: str) -> None:
    assert read_edit(reply) is None


def test_a_part_goes_with_its_clause_and_new_words_keep_one_determiner() -> None:
    assert without("hiking and the money honestly", "money") == "hiking"
    assert without("lead a small design team, away from my boss", "boss") == "lead a small design team"
    assert without("cooking, baking and hiking", "baking") == "cooking and hiking"
    assert without("money", "money") == ""
    assert swapped("i care about the team doing well", "team", "the craft") == "i care about the craft doing well"
    assert swapped("building furniture with my dad", "dad", "grandad") == "building furniture with my grandad"


def test_an_edit_is_undone_by_back(career_flow: Flow) -> None:
    conv = start_conversation(career_flow, at="playback",
                              values={"goal": "lead a team", "passions": ["cooking", "money honestly"]})
    conv.open()
    conv.reply("drop the money bit")
    assert conv.summary()["passions"] == ["cooking"]
    conv.reply("/back")
    assert conv.summary()["passions"] == ["cooking", "money honestly"]


WHOLE = [
    "yes",
    "lead a small design team, away from my boss",
    "my manager's job, she decides what we build",
    "finance, too many spreadsheets",
    "planning, talking to people, unblocking the team",
    "i've covered for her a few times",
    "because i want people to listen to me",
    "cos i want respect, like real respect",
    "hmm no not realy, its more about wanting my taste to count tbh",
    "recognition mostly, and the money honestly",
    "yes",
    "yes",
    "cooking for friends",
    "hiking all day and not checking my phone",
    "explaining tricky stuff to juniors",
    "design reviews where i can teach",
    "fine i think",
    "mostly yes, but take out the part about my boss. and drop the money bit",
    "yes",
    "run one design crit myself",
]


def test_a_playback_edit_never_reaches_the_goodbye_or_the_next_recap(career_flow: Flow, store: Store) -> None:
    conv = Conversation.start(career_flow, store, "sam")
    said = [m.text for m in conv.open()]
    for answer in WHOLE:
        said += [m.text for m in conv.reply(answer)]
    assert conv.status == "completed"
    thanks = next(s for s in said if "I've put that right" in s)
    assert "without the part about your boss and without the money bit" in thanks
    after_edit = " ".join(said[said.index(thanks) + 1:])
    assert "boss" not in after_edit and "money" not in after_edit
    summary = conv.summary()
    assert summary["goals"][0] == "lead a small design team"
    assert summary["motivations"] == ["recognition"]
    assert summary["bedrock"] == ["wanting my taste to count"]
    recap = " ".join(m.text for m in Conversation.start(career_flow, store, "sam").open())
    assert "lead a small design team" in recap and "taste to count" in recap
    for old in ("boss", "respect", "earning well", "listen to you"):
        assert old not in recap


@pytest.mark.parametrize("reply", ["not bad, sounds like me", "yes, not bad", "not sure, maybe"])
def test_a_verdict_on_the_playback_is_no_edit(reply: str) -> None:
    assert read_edit(reply) is None


def test_a_change_said_back_keeps_an_acronym_in_capitals(career_flow: Flow) -> None:
    """"partly. NHS project management still, and training the new starters" (round 39 persona): "NHS", never
    "nHS", when what is different now is said back."""
    conv = start_conversation(career_flow, at="goal_revisit", previous={"goals": ["NHS project management"]})
    said = " ".join(m.text for m in conv.open() + conv.reply("partly. NHS project management still, and training "
                                                             "the new starters"))
    assert "different now: NHS project management" in said


def test_a_flow_without_noted_too_still_says_what_was_added(career_flow: Flow) -> None:
    """A flow with no ``noted_too`` reply says the addition in its ``changed`` line, never "what's different now: ."
    (the round 42 "noted too" line must not leave other flows with an empty one)."""
    flow = dataclasses.replace(career_flow, replies={k: v for k, v in career_flow.replies.items() if k != "noted_too"})
    conv = start_conversation(flow, at="passion_revisit", values={"goal": "teaching"},
                              previous={"goals": ["teaching"], "passions": ["hiking"]})
    said = " ".join(m.text for m in conv.open() + conv.reply("yes. and VAT, i said it last time also"))
    assert "different now: VAT" in said and "now: ." not in said
