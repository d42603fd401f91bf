"""A point inside a number is read as part of it, and what was typed is kept as typed."""

from __future__ import annotations

from coach.authoring.flowtest import start_conversation
from coach.flow.spec import load_flow
from coach.listening.text import DECIMAL_POINT
from coach.resources import default_flow

FLOW = load_flow(default_flow())


def test_a_number_with_a_point_is_said_back_stored_and_kept_in_the_transcript_as_typed() -> None:
    # at last time's recap, "its X now" puts X in the line (round 69 kept "mentor lead 0")
    conv = start_conversation(FLOW, previous={"goals": ["mentor new teachers"], "passions": ["gardening"]})
    conv.open()
    typed = "no, its mentor lead 0.6 now. from september"
    said = " ".join(m.text for m in conv.reply(typed))
    assert "mentor lead 0.6" in said and DECIMAL_POINT not in said
    stored = conv.store.session(conv.id)
    assert "0.6" in str(stored["values"]) and DECIMAL_POINT not in str(stored["values"]) + str(stored["state"])
    mentee = [t["text"] for t in conv.store.turns(conv.id) if t["role"] == "mentee"]
    assert mentee[-1] == typed


def test_a_one_dot_leader_typed_by_the_mentee_stays_in_the_transcript() -> None:
    conv = start_conversation(FLOW, at="goal_horizon")
    conv.open()
    typed = f"lead the 2{DECIMAL_POINT}0 rollout"
    conv.reply(typed)
    assert [t["text"] for t in conv.store.turns(conv.id) if t["role"] == "mentee"][-1] == typed
