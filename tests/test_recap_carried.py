"""A conversation stopped part way still counts: what the mentee put right in it is what the next
recap says back, and deleting that conversation takes those words with it.

Before, the recap always started from the last *finished* conversation, so a mentee who said "I want
UX research now" or "take the sourdough out" and then had to stop was told the old words again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.conversation.engine import Conversation
from coach.flow.spec import Flow
from coach.store.database import Store
from tests.scripted import WHOLE_CONVERSATION


def _finished(flow: Flow, store: Store) -> int:
    conv = Conversation.start(flow, store, "sam")
    conv.open()
    for answer in WHOLE_CONVERSATION:
        conv.reply(answer)
    assert conv.status == "completed"
    return conv.id


def _talk(flow: Flow, store: Store, answers: list[str]) -> tuple[Conversation, str]:
    conv = Conversation.start(flow, store, "sam")
    said = [m.text for m in conv.open()]
    for answer in answers:
        said += [m.text for m in conv.reply(answer)]
    return conv, "\n".join(said)


def _recap(flow: Flow, store: Store) -> str:
    conv, said = _talk(flow, store, [])
    assert conv.step == "recap"
    conv.pause()
    return said


def test_a_new_goal_said_before_stopping_is_the_goal_the_next_recap_says_back(career_flow: Flow, store: Store) -> None:
    _finished(career_flow, store)
    _, said = _talk(career_flow, store, [
        "yes", "eh it was ok i guess, ran one small thing", "yep",
        "no not really, tbh i want to move into ux research in a couple of years", "/quit",
    ])
    assert "you want to move into ux research" in said.lower()  # heard there ...
    recap = _recap(career_flow, store).lower()
    assert "where you were heading: you want to move into ux research in a couple of years" in recap  # ... and kept
    assert "lead the quokkaplatform team" not in recap
    assert "the job you'd pick with every job open: your manager's job" in recap  # a line not reached stays


def test_a_part_taken_out_at_a_recap_stays_out_after_stopping(career_flow: Flow, store: Store) -> None:
    _finished(career_flow, store)
    _, said = _talk(career_flow, store, ["mostly yes but take the sourdough out, i gave that up", "/quit"])
    assert 'nothing about "sourdough" is kept' in said
    recap = _recap(career_flow, store).lower()
    assert "sourdough" not in recap
    assert "what lights you up: a long walk in the hills" in recap


def test_what_had_shifted_is_said_back_even_if_the_conversation_stopped_there(
    career_flow: Flow, store: Store
) -> None:
    _finished(career_flow, store)
    _talk(career_flow, store, ["not really?? i dont want to lead people anymore, burnt out on it", "/quit"])
    recap = _recap(career_flow, store).lower()
    assert "you told me this had changed: you don't want to lead people anymore, burnt out on it" in recap


def test_a_paused_conversation_counts_too_and_a_finished_one_starts_afresh(career_flow: Flow, store: Store) -> None:
    _finished(career_flow, store)
    _talk(career_flow, store, ["yeah except the sourdough", "/pause"])
    assert "sourdough" not in _recap(career_flow, store).lower()
    # a later conversation that finishes is the new "last time": its own summary, nothing carried
    conv, _ = _talk(career_flow, store, [])
    assert conv.state.carried == [2]


def test_a_conversation_with_nothing_put_right_carries_nothing(career_flow: Flow, store: Store) -> None:
    _finished(career_flow, store)
    _talk(career_flow, store, ["yes", "/quit"])
    conv, recap = _talk(career_flow, store, [])
    assert conv.state.carried == []  # so deleting it does not cost the recap anything
    assert "sourdough baking and mountain hiking" in recap.lower()


@pytest.mark.parametrize("gone", ["stopped", "finished"])
def test_deleting_a_conversation_takes_its_corrections_out_of_later_recaps(
    career_flow: Flow, tmp_path: Path, gone: str
) -> None:
    store = Store.open(tmp_path / "coach.db")
    first = _finished(career_flow, store)
    stopped, _ = _talk(career_flow, store, [
        "no, take the sourdough out and i want to go into zebrafish husbandry", "/quit"])
    later, _ = _talk(career_flow, store, [])
    later.pause()
    assert "zebrafish" in str(store.session(later.id)["values"]["previous"])
    store.delete_session(stopped.id if gone == "stopped" else first)
    assert store.session(later.id)["values"]["previous"] == {}  # the recap it started from goes
    if gone == "stopped":
        raw = b"".join(p.read_bytes() for p in sorted(tmp_path.glob("coach.db*")))
        assert b"zebrafish" not in raw  # the words were only ever that conversation's
        assert "sourdough baking" in _recap(career_flow, store).lower()  # the finished one is "last time" again


def test_a_first_talk_ended_with_quit_is_picked_up_not_started_over(career_flow: Flow, store: Store) -> None:
    # round 56: "After /quit, each new coach chat starts again from the beginning"
    _talk(career_flow, store, ["yes", "umm part time i think? and a bit of tutoring on the side", "/quit"])
    conv, said = _talk(career_flow, store, ["yes", "yes", "yes"])
    assert "Welcome back" in said
    assert "where you were heading: part time, and a bit of tutoring on the side" in said.lower()
    assert conv.step == "lottery_want"  # what was never answered is asked as new, not as "last time you said"
    assert "Imagine everyone where you work" in said


@pytest.mark.parametrize("first", [["yes", "/quit"], ["yes", "i want to teach", "/pause"]])
def test_a_first_talk_with_nothing_kept_or_paused_starts_from_the_beginning(
    career_flow: Flow, store: Store, first: list[str]
) -> None:
    _talk(career_flow, store, first)  # nothing said yet, or paused (coach chat --resume carries that on)
    conv, said = _talk(career_flow, store, [])
    assert conv.step == career_flow.start and "Welcome back" not in said



def test_a_stop_with_nothing_to_say_back_gives_no_empty_recap(career_flow: Flow) -> None:
    """Round 61: a first talk stopped after a goal that is never played back (a sign of distress in it) opened
    the next one with "Here's what you said last time, as I understood it." and nothing after it."""
    from coach.conversation.summary import recap_says_something as _says_something

    def picture(**said: object) -> dict[str, object]:
        return {k: said.get(k, None if k == "experiment" else []) for k in career_flow.summary}

    values = {"met_before": True}
    # ("i want to pass on what i know before i go" was the sign here until round 76 showed it is a teacher retiring)
    assert not _says_something(career_flow, values, picture(goals=["i want to tell someone before i go"]))
    assert not _says_something(career_flow, values, picture(goals=["idk"], passions=[""]))
    assert _says_something(career_flow, values, picture(goals=["lead a small design team"]))


def test_a_stop_with_words_to_say_back_still_gives_the_recap(career_flow: Flow, store: Store) -> None:
    _talk(career_flow, store, ["yes", "lead a small design team in a few years", "/quit"])
    conv, said = _talk(career_flow, store, [])
    assert conv.step == "recap"
    assert "Where you were heading: lead a small design team." in said, said


def test_a_stock_sorry_goes_on_to_its_next_wording_in_the_next_conversation(career_flow: Flow, store: Store) -> None:
    """Round 63: "Fair point, and sorry if it feels like going over the same ground." opened the sorry in each
    conversation, so a returning mentee heard it once a conversation, word for word."""
    first = career_flow.replies["meta"]
    assert isinstance(first, list) and len(first) > 1
    _, said = _talk(career_flow, store, ["yes", "you asked me that already lol", "/quit"])
    assert first[0] in said
    _, again = _talk(career_flow, store, ["yes", "you asked me that already lol", "/quit"])
    assert first[1] in again
    assert first[0] not in again


def test_quit_at_carry_on_after_the_recap_keeps_what_was_put_right_there(career_flow: Flow, store: Store) -> None:
    # round 95: news and a part taken out at the recap, then /quit at "Shall we carry on?": all of it was forgotten
    _finished(career_flow, store)
    conv, _ = _talk(career_flow, store, ["mostly yes but take the sourdough out, i gave that up",
                                         "it went ok tbh, learned loads about planning"])
    assert conv.step == "welcome_back"
    said = " ".join(m.text for m in conv.reply("/quit"))
    assert "Nothing you typed" not in said and conv.status == "stopped"
    recap = _recap(career_flow, store).lower()
    assert "sourdough" not in recap
    assert "what lights you up: a long walk in the hills" in recap
