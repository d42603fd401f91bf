"""The REPL commands: /help, /skip, /back, /orig, /quit."""

from __future__ import annotations

from typing import Any


def asks(events: list[dict[str, Any]]) -> list[str]:
    return [e["step"] for e in events if e["type"] == "await"]


def test_help_lists_the_commands_and_keeps_the_step(chat_jsonl: Any) -> None:
    events, _ = chat_jsonl(["yes", "/help"])
    text = [e for e in events if e["type"] == "coach"][-1]["text"]
    for command in ("/skip", "/back", "/pause", "/quit", "/orig"):
        assert command in text
    assert asks(events) == ["welcome", "goal_horizon", "goal_horizon"]


def test_skip_moves_on_and_leaves_the_value_empty(chat_jsonl: Any, tmp_path: Any) -> None:
    events, _ = chat_jsonl(["yes", "/skip", "The CTO"])
    assert asks(events) == ["welcome", "goal_horizon", "lottery_want", "lottery_not"]


def test_back_returns_to_the_previous_question_and_forgets_its_answer(chat_jsonl: Any) -> None:
    events, _ = chat_jsonl(["yes", "I want to teach", "/back", "I want to write books", "The editor"])
    assert asks(events) == ["welcome", "goal_horizon", "lottery_want", "goal_horizon", "lottery_want", "lottery_not"]


def test_back_at_the_first_question_says_so(chat_jsonl: Any) -> None:
    events, _ = chat_jsonl(["/back"])
    assert asks(events) == ["welcome", "welcome"]
    assert any("first question" in e["text"] for e in events if e["type"] == "coach")


def test_orig_shows_the_flow_wording_of_the_last_question(chat_jsonl: Any) -> None:
    events, _ = chat_jsonl(["yes", "/orig"])
    coach = [e for e in events if e["type"] == "coach"]
    assert coach[-1]["text"] == coach[-2]["canonical"]


def test_quit_stops_for_good(chat_jsonl: Any) -> None:
    events, result = chat_jsonl(["yes", "/quit", "ignored"])
    assert events[-1]["status"] == "stopped"
    assert result.exit_code == 0


def test_quit_where_the_coach_said_stopping_keeps_nothing_keeps_nothing(tmp_path: Any) -> None:
    """Round 73: at "would you like to carry on? Stopping here is fine too, and then nothing you typed is kept",
    /quit said "The transcript is kept". A /quit where a no would forget everything forgets everything too."""
    from coach.authoring.flowtest import start_conversation
    from coach.flow.spec import load_flow
    from coach.resources import default_flow

    conv = start_conversation(load_flow(default_flow()), at="consent_check")
    conv.open()
    [msg] = conv.reply("/quit")
    assert "Nothing you typed" in msg.text and conv.status == "stopped"
    assert not conv.store.mentee_texts(conv.id)


def test_quit_after_the_yes_keeps_the_transcript(chat_jsonl: Any, tmp_path: Any) -> None:
    events, _ = chat_jsonl(["yes", "i want to teach", "/quit"])
    assert any("The transcript is kept" in e["text"] for e in events if e["type"] == "coach")


def test_quit_typed_first_with_the_reason_after_it_stops_and_keeps_the_words(tmp_path: Any) -> None:
    """Round 75: "/quit, i need to go, my manager just walked past" was read as an answer and the next question came.
    The command typed first stops; the line is in the transcript as typed; a crisis after it is still heard."""
    from coach.authoring.flowtest import start_conversation
    from coach.flow.spec import load_flow
    from coach.resources import default_flow

    flow = load_flow(default_flow())
    conv = start_conversation(flow, at="lottery_want", values={"goal": "data science"})
    conv.open()
    [msg] = conv.reply("/quit, i need to go, my manager just walked past")
    assert "Stopped" in msg.text and conv.status == "stopped"
    assert "/quit, i need to go, my manager just walked past" in conv.store.mentee_texts(conv.id).values()
    paused = start_conversation(flow, at="lottery_want", values={"goal": "data science"})
    paused.open()
    assert "Paused" in paused.reply("/pause gotta go, meeting")[0].text and paused.status == "paused"
    crisis = start_conversation(flow, at="lottery_want", values={"goal": "data science"})
    crisis.open()
    said = " ".join(m.text for m in crisis.reply("/quit i want to die"))
    assert "crisis line" in said and "transcript is kept" not in said
