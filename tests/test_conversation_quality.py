"""What a skilled, non-directive mentor would do, checked turn by turn on the default flow."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from coach.cli import cli
from coach.conversation.engine import Conversation
from coach.conversation.message import Message
from coach.flow.spec import Flow
from coach.listening.rules import MOTIVATIONS
from coach.store.database import Store

# A sensible answer for every step; a test overrides the steps it is about.
DEFAULT = {
    "welcome": "yes",
    "welcome_back": "yes",
    "recap": "yes",
    "goal_revisit": "yes",
    "consent_unsure": "I just want to know who sees this",
    "consent_again": "yes",
    "experiment_maybe": "Maybe ask to run one meeting",
    "recap_shift": "I care less about titles now",
    "recap_experiment": "It went well, I liked it more than I expected",
    "goal_horizon": "I'd like to be doing thoughtful work with a good team",
    "lottery_want": "The head of research, she works on the hardest questions",
    "lottery_not": "The CFO, I'd hate the spreadsheets",
    "day_to_day": "Reading, thinking, writing and talking to people",
    "day_to_day_source": "I've worked next to her for a year",
    "why_ladder": "I love solving puzzles with people, it keeps me from getting bored",
    "why_playback": "yes",
    "why_correct": "It's more about the people than the puzzles",
    "bedrock_ask": "I like understanding how things work",
    "impact_or_control": "A mix, honestly",
    "motivation_open": "Nothing else comes to mind",
    "motivation_check": "yes",
    "passion_talk": "Old maps and the stories behind them",
    "passion_free_day": "Walk somewhere new and then read",
    "strengths": "Explaining tricky things simply",
    "sweet_spot": "Teaching the new joiners what I know",
    "elsewhere": "I'd be open to it",
    "playback": "That's it",
    "experiment_offer": "yes",
    "experiment": "Run one teaching session for the new joiners",
}


def drive(conv: Conversation, answers: dict[str, Any], limit: int = 80) -> list[tuple[str, list[Message]]]:
    """Answer whatever step the coach is at, from ``answers`` (a list is used up in order)."""
    turns: list[tuple[str, list[Message]]] = [("", conv.open())]
    plan = {k: (list(v) if isinstance(v, list) else v) for k, v in {**DEFAULT, **answers}.items()}
    while not conv.finished and limit:
        limit -= 1
        step = conv.current.name
        answer = plan[step]
        if isinstance(answer, list):
            answer = answer.pop(0) if len(answer) > 1 else answer[0]
        turns.append((step, conv.reply(answer)))
    return turns


def asked(turns: list[tuple[str, list[Message]]], step: str) -> list[str]:
    return [m.text for _, msgs in turns for m in msgs if m.kind == "ask" and m.step == step]


def coach_text(turns: list[tuple[str, list[Message]]]) -> str:
    return "\n".join(m.text for _, msgs in turns for m in msgs)


# --- laddering ------------------------------------------------------------------------------


def test_ladder_wording_rotates_and_uses_the_mentees_own_words(career_flow: Flow, store: Store) -> None:
    whys = [
        "Because I want to shape what gets built",
        "Because the product would be better",
        "Because customers would stay longer",
        "Because the numbers would go up",
        "Because the quarter would look good",
    ]
    conv = Conversation.start(career_flow, store, "sam")
    turns = drive(conv, {"goal_horizon": "I want to lead the design team", "why_ladder": whys})
    questions = asked(turns, "why_ladder")
    assert len(questions) == 5  # the depth limit
    assert all(a != b for a, b in itertools.pairwise(questions))
    assert "you want to lead the design team" in questions[0]
    for question, previous in zip(questions[1:], whys[:-1], strict=True):
        assert previous.removeprefix("Because ").replace("I ", "you ") in question


def test_saturation_by_repeating_yourself_ends_the_ladder(career_flow: Flow, store: Store) -> None:
    conv = Conversation.start(career_flow, store, "sam")
    turns = drive(conv, {"why_ladder": ["Because I want more responsibility for outcomes",
                                        "Because I want more responsibility for the outcomes"]})
    assert len(asked(turns, "why_ladder")) == 2
    playback = asked(turns, "why_playback")[0]
    assert playback.count("responsibility") == 1  # the repeat is said back once


def test_the_playback_can_be_corrected(career_flow: Flow, store: Store) -> None:
    conv = Conversation.start(career_flow, store, "sam")
    turns = drive(conv, {"why_playback": "Not quite", "why_correct": "It's less the puzzles, more the people"})
    assert asked(turns, "why_correct") == ["What would you change, so that it says what you mean?"]
    # The correction replaces the rung it corrects, and the chain is played back with it.
    assert conv.values["why_chain"][-1] == "It's less the puzzles, more the people"
    assert "So, in your words:" in coach_text(turns)
    assert "because it's less the puzzles, more the people" in coach_text(turns)


# --- motivations --------------------------------------------------------------------------------

NAMED = {
    "influence": "Having a real impact on how the product turns out",
    "authority": "Being in charge and calling the shots",
    "recognition": "Being recognised and respected for my work",
    "growth": "Learning, getting better at my craft",
    "autonomy": "Freedom to work my own way",
    "meaning": "Doing something meaningful that helps people",
    "compensation": "Money, a better salary",
    "next_rung": "Honestly it's just the natural next step, a promotion",
}
LABELS = {
    "influence": "having an impact", "authority": "being the one who decides",
    "recognition": "being recognised", "growth": "growing and getting good at things",
    "autonomy": "freedom over how you work", "meaning": "doing something meaningful",
    "compensation": "earning well", "next_rung": "taking the next step up",
}


@pytest.mark.parametrize("mid", MOTIVATIONS)
@pytest.mark.parametrize("confirm", [True, False], ids=["confirmed", "declined"])
def test_each_motivation_is_asked_about_and_only_kept_when_confirmed(
    career_flow: Flow, store: Store, mid: str, confirm: bool
) -> None:
    conv = Conversation.start(career_flow, store, "sam")
    label = career_flow.lexicon.motivations[mid].label
    state: dict[str, str] = {}

    def check_answer() -> str:
        return "yes" if state.get("item") == mid and confirm else "no"

    turns: list[tuple[str, list[Message]]] = [("", conv.open())]
    plan = {**DEFAULT, "motivation_open": NAMED[mid], "impact_or_control": NAMED[mid]}
    while not conv.finished:
        step = conv.current.name
        if step == "motivation_check":
            last = [m for _, msgs in turns for m in msgs if m.kind == "ask"][-1].text
            state["item"] = mid if label in last else "other"
            answer = check_answer()
        else:
            answer = plan[step]
        turns.append((step, conv.reply(answer)))
    checks = asked(turns, "motivation_check")
    # Played back as a question about the mentee, never as a verdict.
    assert any(label in q and q.endswith("?") for q in checks)
    assert (mid in conv.summary()["motivations"]) is confirm
    playback = next(m.text for _, msgs in turns for m in msgs if m.step == "playback" and m.kind == "say")
    assert (LABELS[mid] in playback) is confirm


def test_impact_or_control_is_only_asked_when_having_a_say_came_up(career_flow: Flow, store: Store) -> None:
    quiet = drive(Conversation.start(career_flow, store, "sam"), {})
    assert asked(quiet, "impact_or_control") == []
    loud = drive(Conversation.start(career_flow, store, "kim"),
                 {"lottery_want": "My director's job, because she gets to make the decisions"})
    assert len(asked(loud, "impact_or_control")) == 1


# --- global rules in every phase ---------------------------------------------------------------

STEPS_BY_PHASE = ["welcome", "goal_horizon", "why_ladder", "motivation_open", "passion_talk", "sweet_spot",
                  "experiment"]


def run_until(conv: Conversation, target: str) -> None:
    conv.open()
    while conv.current.name != target:
        conv.reply(DEFAULT[conv.current.name])


@pytest.mark.parametrize("step", STEPS_BY_PHASE)
def test_an_advice_request_is_declined_openly_and_the_question_comes_back(
    career_flow: Flow, store: Store, step: str
) -> None:
    conv = Conversation.start(career_flow, store, "sam")
    run_until(conv, step)
    msgs = conv.reply("Just tell me what to do")
    assert msgs[0].text == career_flow.replies["advice"][0]  # the whole explanation, the first time
    assert msgs[-1].kind == "ask" and msgs[-1].step == step
    assert conv.current.name == step
    again = conv.reply("what would you do in my place?")
    assert again[0].text in career_flow.replies["advice"][1:]  # after that, a short one
    assert len(again[0].text) < len(msgs[0].text) // 3 and again[-1].kind == "ask"


@pytest.mark.parametrize("step", STEPS_BY_PHASE)
def test_why_are_you_asking_explains_this_phase(career_flow: Flow, store: Store, step: str) -> None:
    conv = Conversation.start(career_flow, store, "sam")
    run_until(conv, step)
    msgs = conv.reply("Why are you asking?")
    assert career_flow.purpose(step) in msgs[0].text
    assert conv.current.name == step


@pytest.mark.parametrize("step", STEPS_BY_PHASE)
def test_distress_stops_the_flow_in_every_phase(career_flow: Flow, store: Store, step: str) -> None:
    conv = Conversation.start(career_flow, store, "sam")
    run_until(conv, step)
    msgs = conv.reply("honestly I don't want to be alive any more")
    assert [m.text for m in msgs] == [career_flow.replies["distress"]]
    assert conv.status == "stopped"


def test_a_second_non_answer_moves_on_rather_than_asking_a_third_time(career_flow: Flow, store: Store) -> None:
    conv = Conversation.start(career_flow, store, "sam")
    run_until(conv, "goal_horizon")
    first, second = conv.reply("asdfgh"), conv.reply("lol idk")
    assert first[0].text == career_flow.replies["reask_unsure"][0]  # nothing to say more of: a first thought
    assert second[0].text == career_flow.replies["move_on"][0]
    assert first[-1].text != second[-1].text  # the question came back in other words, once
    assert conv.current.name == "lottery_want"


# --- close and coming back -----------------------------------------------------------------------


def test_the_close_plays_back_in_the_second_person_and_offers_to_come_back(
    career_flow: Flow, store: Store
) -> None:
    conv = Conversation.start(career_flow, store, "sam")
    turns = drive(conv, {"goal_horizon": "I want my manager's job"})
    text = coach_text(turns)
    assert "Where you're heading: you want your manager's job." in text
    assert "Where those meet: teaching the new joiners what you know." in text
    assert "I want my manager's job." not in text.split("Here's what I heard")[1]
    assert 'The experiment you named is "run one teaching session for the new joiners".' in text
    assert "Come back whenever you like with coach chat" in text
    assert conv.status == "completed"


@pytest.mark.parametrize(("login", "hello", "thanks"), [
    ("root", "Hello. This is", "Thank you."),
    ("ubuntu", "Hello. This is", "Thank you."),
    ("sam", "Hello sam. This is", "Thank you, sam."),
])
def test_the_mentee_is_greeted_by_name_but_never_as_a_role_account(
    career_flow: Flow, store: Store, login: str, hello: str, thanks: str
) -> None:
    conv = Conversation.start(career_flow, store, login)
    text = coach_text(drive(conv, {}))
    assert hello in text and thanks in text
    assert login == "sam" or login not in text


def test_a_mentee_whose_last_talk_did_not_finish_is_greeted_again_not_as_a_stranger(
    career_flow: Flow, store: Store
) -> None:
    first = Conversation.start(career_flow, store, "sam")
    assert "Hello sam. This is" in coach_text([("", first.open())])
    first.reply("yes")
    first.reply("/quit")
    assert first.status == "stopped"
    again = coach_text([("", Conversation.start(career_flow, store, "sam").open())])
    assert again.startswith("Hello again sam.") and "start from the beginning" in again
    assert "Hello again" not in coach_text([("", Conversation.start(career_flow, store, "alex").open())])


def _stopped_for_care(career_flow: Flow, store: Store) -> None:
    first = Conversation.start(career_flow, store, "sam")
    first.open()
    first.reply("yes")
    first.reply("i want to go to sleep and not wake up tbh")  # stopped, with the crisis message
    assert first.status == "stopped"


@pytest.mark.parametrize("answer", ["bit better. yeah im safe", "yes, im ok now", "im safe, just tired"])
def test_coming_back_after_a_stop_for_care_asks_how_they_are_before_anything_else(
    career_flow: Flow, store: Store, answer: str
) -> None:
    _stopped_for_care(career_flow, store)
    again = Conversation.start(career_flow, store, "sam")
    opening = coach_text([("", again.open())])
    assert opening == career_flow.replies["after_care"]  # no question of the flow before it
    text = coach_text([("", again.reply(answer))])
    assert text.startswith(career_flow.replies["check_in_safe"])
    assert "Hello again sam." in text and text.endswith("Shall we begin?")
    after = coach_text([("", Conversation.start(career_flow, store, "alex").open())])
    assert career_flow.replies["after_care"] not in after  # only the mentee it happened to


@pytest.mark.parametrize("answers", [["no not really"], ["idk. tired", "no"]])
def test_not_being_safe_on_coming_back_stops_again_with_the_help_message(
    career_flow: Flow, store: Store, answers: list[str]
) -> None:
    _stopped_for_care(career_flow, store)
    again = Conversation.start(career_flow, store, "sam")
    again.open()
    last = [again.reply(a) for a in answers][-1]
    assert [m.text for m in last] == [career_flow.replies["distress"]]
    assert again.status == "stopped"


def test_a_care_check_left_unanswered_is_asked_again_next_time(career_flow: Flow, store: Store) -> None:
    _stopped_for_care(career_flow, store)
    again = Conversation.start(career_flow, store, "sam")
    again.open()
    again.reply("/quit")
    assert coach_text([("", Conversation.start(career_flow, store, "sam").open())]) == career_flow.replies["after_care"]


def test_a_returning_mentee_gets_a_recap_and_is_asked_if_it_still_holds(chat_jsonl: Any, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    first = [DEFAULT[s] for s in (
        "welcome", "goal_horizon", "lottery_want", "lottery_not", "day_to_day", "day_to_day_source",
        "why_ladder", "why_playback", "motivation_open")] + ["yes"] * 2 + [DEFAULT[s] for s in (
        "passion_talk", "passion_free_day", "strengths", "sweet_spot", "elsewhere", "playback",
        "experiment_offer", "experiment")]
    events, _ = chat_jsonl(first, db=db)
    assert events[-1]["status"] == "completed"
    events2, _ = chat_jsonl(["no", "I care less about titles now", "It went well", "yes", "/pause"], db=db)
    steps = [e["step"] for e in events2 if e["type"] == "await"]
    # Last time's goal comes back as "is that still true?", not as the same question again.
    assert steps == ["recap", "recap_shift", "recap_experiment", "welcome_back", "goal_revisit"]
    revisit = [e["text"] for e in events2 if e["type"] == "coach" and e["kind"] == "ask"][-1]
    assert "Last time" in revisit and "thoughtful work with a good team" in revisit
    recap = next(e["text"] for e in events2 if e["type"] == "coach" and e["step"] == "recap")
    assert "Where you were heading: you'd like to be doing thoughtful work with a good team" in recap
    assert "Underneath it: you love solving puzzles with people" in recap
    experiment = next(e["text"] for e in events2 if e["type"] == "coach" and e["step"] == "recap_experiment")
    assert "run one teaching session for the new joiners" in experiment
    listing = json.loads(CliRunner().invoke(cli, ["sessions", "--db", str(db), "--json"]).output)
    second = next(s for s in listing if s["id"] == events2[0]["id"])
    assert second["previous_id"] == events[0]["id"]
