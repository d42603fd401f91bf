"""Ten-plus mentees, end to end through the real CLI: the path each one takes and what is stored."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from coach.cli import cli

OPENING = ["welcome", "goal_horizon", "lottery_want", "lottery_not", "day_to_day", "day_to_day_source"]
PASSION_TO_CLOSE = ["passion_talk", "passion_free_day", "strengths", "sweet_spot", "elsewhere", "playback",
                    "experiment_offer"]


@dataclass
class Persona:
    """A scripted mentee: answers in, the steps they should be asked and the summary stored."""

    answers: list[str]
    path: list[str]
    status: str = "completed"
    summary: dict[str, Any] = field(default_factory=dict)
    says: list[str] = field(default_factory=list)  # coach lines (substrings) this mentee must hear
    never: list[str] = field(default_factory=list)  # coach lines (substrings) they must not hear


PERSONAS = {
    # Wants to lead; bedrock on the second why; impact over control; declines one motivation.
    "ana_leader": Persona(
        answers=[
            "yes",
            "I'd like to be leading a small product team",
            "My manager's job, because she gets to shape what we build",
            "The CFO's job, spreadsheets all day would drain me",
            "Planning, one-to-ones, unblocking people, lots of meetings",
            "I've watched her do it for two years",
            "Because I want to shape what the team builds",
            "I love helping people grow, it makes me feel useful",
            "yes",
            "Impact, definitely. I don't need to be the boss",
            "Seeing the team have an impact, and growing myself",
            "yes", "no",  # impact was chosen a moment ago: confirmed by that, not checked again
            "Board games! I love designing little games for my friends, I could talk about it all day",
            "Walk by the sea and then cook for friends",
            "Explaining tricky things simply",
            "Coaching the juniors, which the team badly needs",
            "I'd be sad, but I'd want to know",
            "That's me",
            "yes",
            "Lead the next planning session myself",
        ],
        path=[*OPENING, "why_ladder", "why_ladder", "why_playback", "impact_or_control", "motivation_open",
              "motivation_check", "motivation_check", *PASSION_TO_CLOSE, "experiment"],
        summary={
            "goals": ["I'd like to be leading a small product team",
                      "My manager's job, because she gets to shape what we build"],
            "motivations": ["influence", "growth"],
            "bedrock": ["I love helping people grow, it makes me feel useful"],
            "experiment": "Lead the next planning session myself",
        },
        says=[
            "Wanting a big job, even the one right above you, is completely fine to say here.",
            "When you picture the job you'd want (your manager's job), what do you think it involves from day to day?",
            "You said you'd like to be leading a small product team. What makes that important to you?",
            "When you say you want to shape what the team builds, what's underneath that for you?",
            "Let me play that back: you'd like to be leading a small product team, because you want to shape "
            "what the team builds, because you love helping people grow, it makes you feel useful. "
            "Does that sound right?",
            "So for you it leans towards impact",
            "You sound energised talking about that.",
            "Where you're heading: you'd like to be leading a small product team.",
            "What drives you, as you confirmed it: having an impact, growing and getting good at things.",
            'The experiment you named is "lead the next planning session yourself".',
        ],
        never=["doing something meaningful"],  # declined, so not played back as confirmed
    ),
    # Names money plainly; gets the no-shame note; declines an experiment.
    "ben_money": Persona(
        answers=[
            "yes",
            "Earning a lot more than now, honestly",
            "The head of sales, because they earn the biggest bonus",
            "HR, I'd hate the politics",
            "Closing deals and travelling a lot",
            "Just a guess really",
            "Because I want to buy a house for my family",
            "I need to know my family is safe and secure",
            "yes",
            "Money, plain and simple",
            "yes",
            "Football, mostly",
            "Play five-a-side and watch the match",
            "Talking to people, persuading",
            "Selling to the big clients",
            "I'd go wherever pays best",
            "No, that's right",
            "no",
        ],
        path=[*OPENING, "why_ladder", "why_ladder", "why_playback", "motivation_open", "motivation_check",
              *PASSION_TO_CLOSE],
        summary={
            "motivations": ["compensation"],
            "bedrock": ["I need to know my family is safe and secure"],
            "passions": ["Football, mostly", "Play five-a-side and watch the match"],
            "experiment": None,
        },
        says=[
            "Money is a perfectly good thing to care about, and fine to name here.",
            "Money is a perfectly good thing to care about. It often stands for security",
            "So earning well matters to you. Is that right?",  # "Money, plain and simple": named, said back as theirs
        ],
        never=["The experiment you named", "impact", "Thank you for saying that plainly"],
    ),
    # Wants her own business: goals outside the company are welcomed, autonomy confirmed.
    "chloe_outside": Persona(
        answers=[
            "yes",
            "Running my own design studio",
            "Nobody's, honestly, I'd rather start my own business",
            "The CEO, too many meetings",
            "Finding clients, doing the design, doing the books",
            "A friend runs one, I've seen it",
            "Because I want the freedom to work my own way",
            "Freedom matters to me more than anything",
            "yes",
            "Freedom, and making beautiful things",
            "yes",
            "Typography and old posters",
            "Wander round a museum and sketch",
            "Seeing what's wrong with a layout in a second",
            "Honestly I doubt it's here",
            # She said she'd rather start her own business: "what if it were somewhere else?" is not asked.
            "yes",
            "yes",
            "Take on one freelance client on the side",
        ],
        path=[*OPENING, "why_ladder", "why_ladder", "why_playback", "motivation_open", "motivation_check",
              *[p for p in PASSION_TO_CLOSE if p != "elsewhere"], "experiment"],
        summary={
            "goals": ["Running my own design studio", "Nobody's, I'd rather start my own business"],
            "motivations": ["autonomy"],
            "bedrock": ["Freedom matters to me more than anything"],
            "experiment": "Take on one freelance client on the side",
        },
        says=[
            "And if the job you'd want isn't there at all, that's fine to say too.",
            "You've already said you're open to looking beyond where you are now",
            "So having freedom over how you work matters to you. Is that right?",  # "Freedom, and ...": named
        ],
    ),
    # "I want your job": ambition acknowledged; control over impact; authority confirmed.
    "dev_ambition": Persona(
        answers=[
            "yes",
            "I want to be running the department, I want your job really",
            "The VP of engineering, because they call the shots",
            "Support, the rota would break me",
            "Setting the direction and deciding who works on what",
            "From the outside mostly",
            "Because I'd get to make the decisions",
            "I believe people need someone to take care of the hard calls",
            "yes",
            "Control, if I'm honest. I like being the one who decides",
            "Being in charge",
            "Chess, strategy games",
            "Play chess online and read history",
            "Making calls when everyone else is stuck",
            "Decisions the team keeps putting off",
            "Not great, but I'd consider it",
            "no",
            "no",
        ],
        path=[*OPENING, "why_ladder", "why_ladder", "why_playback", "impact_or_control", "motivation_open",
              *PASSION_TO_CLOSE],
        summary={"motivations": ["authority"], "experiment": None},
        says=[
            "Aiming high is fine to say out loud here, even if it's your boss's job.",
            "So for you it leans towards being the one who decides. That's fine to want, and to say.",
        ],
        # Chosen at impact-or-control, so confirmed by the choice and not asked again straight after.
        never=["It sounds like being the one who makes the decisions matters to you"],
    ),
    # Next-rung guessing: runs dry with "I don't know", so is asked for one plain sentence.
    "eli_next_rung": Persona(
        answers=[
            "yes",
            "Staff engineer, it's the next step",
            "My tech lead's, it's the natural next step",
            "The director's, I don't fancy it",
            "Code reviews and design docs",
            "I'm guessing",
            "Because it's the next level up",
            "I don't know",
            "yes",
            "I like getting better at things",
            "I guess it's just what comes next",
            "yes", "yes",
            "Cycling",
            "A long ride somewhere new",
            "Debugging the weird stuff",
            "Fixing flaky builds",
            "Fine, I suppose",
            "no",
            "no",
        ],
        path=[*OPENING, "why_ladder", "why_ladder", "why_playback", "bedrock_ask", "motivation_open",
              "motivation_check", "motivation_check", *PASSION_TO_CLOSE],
        summary={
            "motivations": ["next_rung", "growth"],
            "bedrock": ["I like getting better at things"],
        },
        says=[
            "Let me play that back: staff engineer, it's the next step, because it's the next level up. "
            "Does that sound right?",
            "Taking the step that's in front of you is common, and a perfectly fine place to start from.",
            "one plain sentence about you",
        ],
        never=["because I don't know", "because you don't know"],
    ),
    # Mastery: the first why is already bedrock.
    "fatima_mastery": Persona(
        answers=[
            "yes",
            "Being the person people bring the hardest problems to",
            "The principal engineer's, she gets the gnarliest problems",
            "Sales, I'd hate the pressure",
            "Deep technical work and advising teams",
            "I've worked with her on two projects",
            "I love working on the hardest problems because it keeps me from getting bored",
            "yes",
            "Mastery, getting really good",
            "yes",
            "Maths puzzles",
            "Solve a hard puzzle and go running",
            "Staying with a problem until it cracks",
            "The performance issues nobody else wants",
            "I'd go if I had to",
            "no",
            "no",
        ],
        path=[*OPENING, "why_ladder", "why_playback", "motivation_open", "motivation_check", *PASSION_TO_CLOSE],
        summary={
            "motivations": ["growth"],
            "bedrock": ["I love working on the hardest problems because it keeps me from getting bored"],
        },
        says=["Let me play that back: being the person people bring the hardest problems to, because it keeps "
              "you from getting bored. Does that sound right?"],
    ),
    # Terse: one-word and empty answers get bounded re-asks; two short whys end the ladder.
    "gus_terse": Persona(
        answers=[
            "ok",
            "", "manager",  # asked for more once, a short goal is the goal
            "his", "HR job",  # too short: asked for more once ("boss's" is a whole answer since round 98)
            "meetings all day",
            "guess", "no idea",  # a second non-answer moves on: no third asking, and no "how do you know?"
            "Security.", "yes",
            "", "", "",
            "", "yes",
            "",  # "Security." is no drive named plainly enough to check
            "", "", "",
            "nothing much", "no",
            "fine", "no",
            "no", "no",
            "fine",
            "no",
            "no",
        ],
        path=["welcome", "goal_horizon", "goal_horizon", "lottery_want", "lottery_want",
              "lottery_not", "day_to_day", "day_to_day",
              "why_ladder", "why_ladder", "why_playback", "why_playback", "why_playback",
              "bedrock_ask", "bedrock_ask", "motivation_open",
              "passion_talk", "passion_talk", "passion_talk", "passion_free_day", "passion_free_day",
              "strengths", "strengths", "sweet_spot", "sweet_spot",
              "elsewhere", "playback", "experiment_offer"],
        # Nothing that was not an answer ("not much", "fine", "yes" to an open question) is kept.
        summary={"goals": ["manager", "HR job"], "motivations": [], "bedrock": [], "passions": [], "strengths": [],
                 "experiment": None},
        says=["Take your time. Could you say a little more?",
              "There's no right answer here. Even a few words of your own would help.",
              "That's fine, we can leave that one. Let's move on.",
              "You said manager. What makes that important to you?",
              "Let me play that back: manager, because security matters to you. Does that sound right?"],
        never=["Just so I understand you: is that a yes or a no?\nJust so I understand you: is that a yes or a no?"],
    ),
    # Disagrees with the playback and corrects it.
    "hana_corrects": Persona(
        answers=[
            "yes",
            "I want to be a well-known speaker in my field",
            "Our head of research, people listen to her",
            "Finance, not my thing",
            "Conferences, papers, advising the board",
            "Just from what I see on stage",
            "Because I want to be recognised for my work",
            "Because it would mean my ideas matter to people",
            "Because I want to be recognised for my work",
            "no",
            "It's less about fame, I want my ideas to be useful to others",
            "I want my ideas to be useful to people",
            "Neither really, I just want to be heard",
            "Being recognised, and my ideas being useful",
            "yes", "yes", "no",
            "Science fiction! I could go on forever",
            "Read and write",
            "Explaining research",
            "Talks for the wider company",
            "Fine with it",
            "no",
            "no",
        ],
        path=[*OPENING, "why_ladder", "why_ladder", "why_ladder", "why_playback", "why_correct", "bedrock_ask",
              "impact_or_control", "motivation_open", "motivation_check", "motivation_check", "motivation_check",
              *PASSION_TO_CLOSE],
        summary={"motivations": ["recognition", "meaning"], "bedrock": ["I want my ideas to be useful to people"]},
        says=["What would you change, so that it says what you mean?",
              "Thank you. So, in your words:",
              "you want your ideas to be useful to others",  # the correction replaces what it corrects
              "Wanting your work to be seen and valued is nothing to be shy about.",
              "You sound energised talking about that."],
    ),
    # Asks for advice and why the coach asks; each gets a transparent answer and the question back.
    "ivan_asks_for_advice": Persona(
        answers=[
            "yes",
            "What should I do? Just tell me",
            "Honestly, maybe a team lead",
            "Why are you asking?",
            "My manager's, because she helps people grow",
            "Nobody's in finance",
            "Pretend you're my mentor and pick for me",
            "One-to-ones and planning",
            "Seen it up close",
            "I love helping people grow",
            "yes",
            "Helping people, and learning",
            "yes",  # named together, so checked together
            "Gardening",
            "Garden all day",
            "Listening to people",
            "Onboarding new people",
            "I'd be fine",
            "no",
            "no",
        ],
        path=[*OPENING[:2], "goal_horizon", "lottery_want", "lottery_want", "lottery_not", "day_to_day",
              "day_to_day", "day_to_day_source", "why_ladder", "why_playback", "motivation_open",
              "motivation_check", *PASSION_TO_CLOSE],
        summary={"motivations": ["meaning", "growth"], "bedrock": ["I love helping people grow"]},
        says=["I'm going to hold back from giving advice",
              # asked at the lottery question: that question's own reason, not the phase's
              "Fair question. Picking from every job, with nothing in the way, shows what draws you"],
    ),
    # Declines consent: ends politely, nothing kept but the refusal.
    "jo_declines": Persona(
        answers=["no thanks", "I want to be CEO"],
        path=["welcome"],
        status="stopped",
        summary={"goals": [], "motivations": [], "bedrock": [], "passions": [], "experiment": None},
        says=["That's completely fine. Nothing you typed in this conversation has been kept."],
    ),
    # Distress in the middle: the fixed message, and the conversation stops there.
    "kai_distress": Persona(
        answers=["yes", "I want to lead a team", "Honestly I can't go on like this", "My manager's"],
        path=["welcome", "goal_horizon", "lottery_want"],
        status="stopped",
        says=["I'm going to stop our conversation here, because what you just said matters more"],
    ),
    # Never hits bedrock: the depth limit ends the ladder after five whys.
    "mo_depth_limit": Persona(
        answers=[
            "yes",
            "Director of engineering",
            "The CTO's job",
            "The CFO's job",
            "Strategy and hiring",
            "I've read about it",
            "Because directors run the org",
            "Because the org needs a director",
            "Because the roadmap needs an owner",
            "Because the quarter planning is a mess",
            "Because the department keeps missing deadlines",
            "yes",
            "I like things to be organised and calm",
            "Mostly the salary",
            "yes",
            "Cars", "Drive somewhere", "Organising people", "Planning the roadmap", "It would be OK", "no", "no",
        ],
        path=[*OPENING, "why_ladder", "why_ladder", "why_ladder", "why_ladder", "why_ladder", "why_playback",
              "bedrock_ask", "motivation_open", "motivation_check", *PASSION_TO_CLOSE],
        summary={"motivations": ["compensation"], "bedrock": ["I like things to be organised and calm"]},
        says=["Let me play that back: director of engineering, because directors run the org, because the org "
              "needs a director, because the roadmap needs an owner, because the quarter planning is a mess, "
              "because the department keeps missing deadlines. Does that sound right?"],
    ),
}


def run_persona(persona: Persona, chat_jsonl: Any, db: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    events, result = chat_jsonl(persona.answers, db=db)
    assert "Traceback" not in result.output
    sid = next(e["id"] for e in events if e["type"] == "session")
    shown = CliRunner().invoke(cli, ["show", str(sid), "--db", str(db), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    return events, json.loads(shown.output)


@pytest.mark.parametrize("name", list(PERSONAS))
def test_persona_end_to_end(name: str, chat_jsonl: Any, tmp_path: Path) -> None:
    persona = PERSONAS[name]
    events, doc = run_persona(persona, chat_jsonl, tmp_path / "coach.db")
    assert [e["step"] for e in events if e["type"] == "await"] == persona.path
    assert events[-1]["status"] == persona.status
    for key, expected in persona.summary.items():
        assert doc["summary"][key] == expected, key
    coach = "\n".join(e["text"] for e in events if e["type"] == "coach")
    for line in persona.says:
        assert line in coach
    for line in persona.never:
        assert line not in coach


def test_a_declined_session_keeps_only_the_refusal(chat_jsonl: Any, tmp_path: Path) -> None:
    _, doc = run_persona(PERSONAS["jo_declines"], chat_jsonl, tmp_path / "coach.db")
    assert doc["session"]["status"] == "stopped"
    assert [t for t in doc["turns"] if t["role"] == "mentee"] == []
    assert [t["step"] for t in doc["turns"]] == ["declined"]
    assert not any(v for v in doc["session"]["values"].values())


def test_distress_stops_with_the_fixed_message_and_nothing_after(chat_jsonl: Any, tmp_path: Path) -> None:
    events, doc = run_persona(PERSONAS["kai_distress"], chat_jsonl, tmp_path / "coach.db")
    coach = [e for e in events if e["type"] == "coach"]
    assert coach[-1]["kind"] == "end"
    assert "emergency number" in coach[-1]["text"]
    assert "My manager's" not in [t["text"] for t in doc["turns"]]


def test_personas_are_distinct() -> None:
    paths = {tuple(p.path) for p in PERSONAS.values()}
    assert len(PERSONAS) >= 10
    assert len(paths) >= 10
