"""The coach never advises: every message the default flow can say passes the guard's advice check."""

from __future__ import annotations

from typing import Any

import pytest

from coach.flow.spec import Flow, load_flow
from coach.flow.template import render
from coach.guard.advice import advice_reasons
from coach.resources import default_flow

# Values a conversation could hold, so every template renders with the mentee's words in it.
SAMPLE: dict[str, Any] = {
    "mentee": "sam",
    "answer": "I want my manager's job",
    "last": "you want your manager's job",
    "listed": "climbing, bouldering and comics",
    "news": "your boss offered you a team lead role",
    "unsure": False,
    "tentative": True,  # "So, maybe X." as well as "So: X."
    "alone": False,
    "depth": 1,
    "rung": "you want to shape what gets built",
    "goal": "I want to lead a team",
    "want_job": "My manager's job, because she shapes what we build",
    "why_chain": ["Because I like helping people grow", "I love helping people"],
    "bedrock": ["I love helping people"],
    "motivations": ["influence", "growth", "compensation"],
    "passions": ["Climbing", "Reading old maps"],
    "experiment": "Lead the next planning meeting",
    "corrected": "wanting my taste to count",
    "acknowledged": False,  # the lead-ins a feeling just acknowledged leaves out are said
    "edited": [],  # no line set with /edit: every line said back as played back
    "summary": {"goals": ["I want to lead a team"], "motivations": ["influence"],
                "bedrock": ["I love helping people"], "passions": ["Climbing"], "strengths": ["Untangling problems"],
                "sweet_spot": ["Teaching people the tools"], "experiment": "Lead one meeting"},
    "previous": {"goals": ["I want to lead a team", "My manager's job"], "motivations": ["influence", "compensation"],
                 "bedrock": ["I love helping people"], "passions": ["Climbing"], "strengths": ["Untangling problems"],
                 "sweet_spot": ["Teaching people the tools"], "experiment": "Lead one meeting"},
}

# Said on purpose and never rephrased: the crisis message must point the mentee to human help.
DIRECTIVE_BY_DESIGN = {"reply:distress"}

# Clean wording the guard flags; reported to the lead as guard false positives. strict xfail,
# so this list fails loudly once the guard is fixed and the entry can go.
GUARD_FALSE_POSITIVES: dict[str, str] = {
}


def messages(flow: Flow) -> dict[str, str]:
    """Every message the flow can produce, by where it comes from."""
    out: dict[str, str] = {}
    values = {var: "something I said" for var in flow.variables()} | SAMPLE | {"met_before": True}
    items = [{"id": m.id, "label": m.label, "note": m.note, "first": i == 0, "named": i % 2 == 1, "many": i % 3 == 2}
             for i, m in enumerate(flow.lexicon.motivations.values())]
    for step in flow.steps.values():
        for item in items if step.foreach else [{}]:
            ctx = {**values, "item": item}
            tag = f"{step.name}[{item['id']}]" if item else step.name
            if step.say:
                out[f"{tag}:say"] = render(step.say, ctx)
            for i, wording in enumerate(step.wordings):
                out[f"{tag}:ask{i}"] = render(wording, ctx)
                if "alone" in wording:  # the wording for a mentee who works for themselves
                    out[f"{tag}:ask{i}:alone"] = render(wording, {**ctx, "alone": True})
            if step.plain:  # said when the mentee asks what the question means
                out[f"{tag}:plain"] = render(step.plain, ctx)
            if step.example:  # said when the mentee asks for an example
                out[f"{tag}:example"] = render(step.example, ctx)
            if step.purpose:
                out[f"{tag}:purpose"] = f"{flow.replies['why_asking']} {render(step.purpose, ctx)}"
            for i, after in enumerate(step.after):
                out[f"{tag}:after{i}:{after.when}"] = render(after.say, ctx)
    for key, reply in flow.replies.items():
        for i, text in enumerate(reply if isinstance(reply, list) else [reply]):
            text = text.replace("{words}", "you want your work to matter")
            out[f"reply:{key}" + (f"{i}" if isinstance(reply, list) else "")] = text
    for phase, spec in flow.phases.items():
        out[f"why_asking:{phase}"] = f"{flow.replies['why_asking']} {spec['purpose']}"
    for m in flow.lexicon.motivations.values():  # "what is mean earning well?": what a drive's label means
        if m.means:
            out[f"means:{m.id}"] = f'By "{m.label}" I mean {m.means}.'
    return {k: v for k, v in out.items() if v.strip()}


FLOW = load_flow(default_flow())
MESSAGES = messages(FLOW)


def test_every_kind_of_message_is_covered() -> None:
    kinds = {k.split(":")[0].split("[")[0] for k in MESSAGES}
    assert {name for name, step in FLOW.steps.items() if step.say or step.ask} <= kinds  # routers say nothing
    assert sum(k.startswith("motivation_check[") for k in MESSAGES) >= 8 * 4  # every item, every wording
    assert len(MESSAGES) >= 100


@pytest.mark.parametrize(
    "where",
    [
        pytest.param(k, marks=pytest.mark.xfail(strict=True, reason=GUARD_FALSE_POSITIVES[k]))
        if k in GUARD_FALSE_POSITIVES else k
        for k in MESSAGES if k not in DIRECTIVE_BY_DESIGN
    ],
)
def test_the_coach_gives_no_advice(where: str) -> None:
    assert advice_reasons(MESSAGES[where]) == [], MESSAGES[where]
