"""Every line a fix can put right has a name a mentee can read: never a value's own name ("why_chain is now")."""

from __future__ import annotations

from coach.conversation.summary import LINES
from coach.flow.spec import load_flow
from coach.listening.parts import slot_of
from coach.resources import default_flow


def test_every_line_the_default_flow_puts_right_has_a_plain_name() -> None:
    flow = load_flow(default_flow())
    named = {var for step in flow.steps.values() for var in step.corrects}
    assert named, "the default flow puts no line right"
    assert named <= set(LINES), f"no plain name for {sorted(named - set(LINES))}"


def test_a_line_named_by_the_mentee_has_a_plain_name_too() -> None:
    for said in ("what's underneath", "the underneath bit", "where im heading", "the drives bit", "the overlap bit"):
        slot = slot_of(said)
        assert slot in LINES, said
        assert "_" not in LINES[slot]
