"""The coach sounds like a listener: no robotic or broken replies to messy mentees.

The checker is tested on conversations that do contain each defect (so it can fail), then run
over 500 seeded messy conversations with the default flow, which must score zero on every count.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from coach.authoring.naturalness import DEFECTS, Exchange, Findings, check, listen
from coach.cli import cli
from coach.conversation.message import Message
from coach.flow.spec import Flow
from coach.listening.acts import read_reply


def said(*texts: str, kind: str = "ask") -> list[Message]:
    return [Message(text=t, step="s", phase="goal", kind=kind) for t in texts]


def exchange(flow: Flow, reply: str, *coach: str, expect: str = "text", kind: str = "ask") -> Exchange:
    return Exchange(reply, read_reply(reply, flow.lexicon, expect=expect), said(*coach, kind=kind))


BROKEN: dict[str, list[tuple[str, tuple[str, ...], str, str]]] = {
    "cut_playback": [("I want to be a tech lead on a, you know", ("You said you want to be a tech lead on a,. Why?",),
                      "text", "ask")],
    "quoted_filler": [("honestly", ("You said honestly. What makes that important to you?",), "text", "ask")],
    "quoted_non_answer": [("", ('Thank you. The experiment you chose is "".',), "text", "say")],
    "same_line_thrice": [(r, ("Could you say more?",), "text", "rule") for r in ("a", "b", "c")],
    "yes_or_no_after_hedge": [("kind of", ("Just so I understand you: is that a yes or a no?",), "yes_no", "rule")],
    "question_unanswered": [("not sure. can my manager see this?", ("Let's start with your goals.",), "text", "ask")],
    "announced_unsaid": [("ok then", ("Before I tell you what I noticed:",), "text", "say")],
}


@pytest.mark.parametrize("defect", DEFECTS)
def test_the_checker_counts_each_defect_where_it_happens(career_flow: Flow, defect: str) -> None:
    findings = Findings()
    exchanges = [exchange(career_flow, reply, *coach, expect=expect, kind=kind)
                 for reply, coach, expect, kind in BROKEN[defect]]
    check(exchanges, career_flow, findings)
    assert findings.counts[defect] >= 1, findings.render()
    assert sum(findings.counts.values()) == findings.counts[defect], findings.render()


def test_500_messy_conversations_sound_like_a_listener(career_flow: Flow) -> None:
    findings = listen(career_flow, runs=500, seed=0)
    assert findings.conversations == 500 and findings.replies > 10_000
    assert {d: findings.counts[d] for d in DEFECTS} == dict.fromkeys(DEFECTS, 0), findings.render()


def test_coach_flow_listen_reports_the_counts() -> None:
    result = CliRunner().invoke(cli, ["flow", "listen", "--runs", "20"])
    assert result.exit_code == 0, result.output
    assert "20 conversations" in result.output and "question_unanswered" in result.output
