"""The mentor's brief through the real CLI: their words first, the chain, labels, titles, kinds,
local times, withholding by provenance, old bundles, hostile bundles, and the mentor's notes."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from brief_world import CORRECTION, FIRST, RUNG, SECOND
from test_review import World

from coach.errors import BundleError
from coach.share.payload import check_payload


@pytest.fixture
def world(tmp_path: Any, monkeypatch: pytest.MonkeyPatch, chat_jsonl: Callable[..., Any]) -> World:
    return World(tmp_path, monkeypatch, chat_jsonl)


@pytest.fixture
def paris(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The mentor's machine is in Paris (the brief shows local times with the zone)."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def two_sessions(world: World) -> tuple[int, int]:
    return world.session(FIRST), world.session(SECOND)


def payload_of(world: World, bundle: Any) -> dict[str, Any]:
    return json.loads(world.review(str(bundle), "--format", "json").output)["mentees"][0]


def test_the_brief_opens_with_their_words_in_the_essays_shape(world: World, paris: None) -> None:
    first, _ = two_sessions(world)
    out = world.review(str(world.share(str(first), "--scope", "full"))).output
    words = out[out.index("In their words") : out.index("Your notes")]
    assert words.index("Where they're heading") < words.index("Why it matters") < words.index("What drives them")
    assert "Goal: Lead the platform team and shape how we build things" in words
    assert (f"-> Why: building something that lasts (corrected at turn {CORRECTION}; it was: "
            '"Because I want to make a difference to how the product turns out")') in words
    assert "-> Bedrock: I love solving the hardest problems" in words
    # Motivations by the lexicon's labels, never their ids.
    assert "having an impact on how things turn out" in words and "earning well" in words
    assert "influence" not in words and "compensation" not in words
    assert "Untangling messy systems" in words and "Platform work that the whole company leans on" in words
    assert "The experiment they chose: Lead one small cross-team project" in words
    # Local time, zone named.
    assert re.search(r"started \d{4}-\d\d-\d\d \d\d:\d\d CES?T", out)


def test_the_transcript_has_turn_numbers_phase_titles_and_quieter_reasks(world: World) -> None:
    _, second = two_sessions(world)
    out = world.review(str(world.share("1", str(second), "--scope", "full"))).output
    assert "[Setting up]" in out and "[Why it matters]" in out and "[The sweet spot]" in out
    assert "[sweet_spot]" not in out and "[why]" not in out
    assert "  3. sam: Mostly, but something has shifted" in out
    assert " 31.   (Coach: Just so I understand you: is that a yes or a no?)" in out  # a re-ask, set apart
    md = world.review(str(world.share("1", str(second), "--scope", "full", name="m.bundle")), "--format", "md").output
    assert "**Why it matters**" in md and " 31.   *Coach: Just so I understand you: is that a yes or a no?*" in md


def test_the_last_experiment_and_how_it_went(world: World) -> None:
    first, second = two_sessions(world)
    both = world.review(str(world.share(str(first), str(second), "--scope", "summary"))).output
    assert ('Last time\'s experiment: "Lead one small cross-team project"; how it went: It went well. I ran the'
            " migration project and enjoyed the people side most") in both
    # Shared without the session it quotes, the earlier experiment is withheld (provenance), not its review.
    alone = world.review(str(world.share(str(second), "--scope", "summary", name="b.bundle"))).output
    assert "Last time's experiment: (withheld); how it went: It went well." in alone
    assert "cross-team" not in alone


def test_a_redacted_correction_takes_its_chain_link_with_it(world: World) -> None:
    first, _ = two_sessions(world)
    bundle = world.share(str(first), "--scope", "full", "--redact", str(CORRECTION))
    [session] = payload_of(world, bundle)["sessions"][:1]
    kinds = [(link["kind"], "withheld" in link) for link in session["chain"]]
    assert kinds == [("goal", False), ("why", True), ("bedrock", False)]
    out = world.review(str(bundle)).output
    words = out[out.index("In their words") : out.index("Your notes")]
    assert "building something that lasts" not in words
    assert "-> Why: (withheld by sam)" in words


def test_a_redacted_correction_leaves_no_word_of_it_in_the_transcript(world: World) -> None:
    first, _ = two_sessions(world)
    out = world.review(str(world.share(str(first), "--scope", "full", "--redact", str(CORRECTION)))).output
    assert "building something that lasts" not in out


def test_a_redacted_earlier_rung_is_not_shown_as_what_was_corrected(world: World) -> None:
    first, _ = two_sessions(world)
    out = world.review(str(world.share(str(first), "--scope", "full", "--redact", str(RUNG)))).output
    assert f"building something that lasts (corrected at turn {CORRECTION})" in out
    assert "make a difference to how the product" not in out


def test_summary_scope_carries_the_chain_but_no_transcript_words(world: World) -> None:
    first, _ = two_sessions(world)
    bundle = world.share(str(first), "--scope", "summary")
    [session] = payload_of(world, bundle)["sessions"]
    assert "turns" not in session
    assert [link["was"] for link in session["chain"]] == [None, None, None]  # a transcript turn's words
    assert session["chain"][1]["corrected_at"] == CORRECTION


def test_withheld_turns_sit_in_their_own_phase(world: World) -> None:
    first, _ = two_sessions(world)
    # Turn 25 is the playback of the chain (phase "why"), right after a turn of the ladder.
    out = world.review(str(world.share(str(first), "--scope", "full", "--redact", "25-26"))).output
    block = out[out.index("[Why it matters]") : out.index("[What drives you]")]
    assert " 25. [Turns 25-26 withheld by sam]" in block


def test_wording_has_no_slips(world: World) -> None:
    first, _ = two_sessions(world)
    bundle = world.share(str(first), "--scope", "full", "--redact", "6,10,13")
    out = world.review(str(bundle)).output
    assert "item(s)" not in out and "sessions 1" not in out
    assert "3 summary items withheld by sam" in out and ", session 1;" in out


def test_several_bundles_draw_the_trajectory(world: World) -> None:
    first, second = two_sessions(world)
    a = world.share(str(first), "--scope", "summary", name="a.bundle")
    b = world.share(str(second), "--scope", "summary", name="b.bundle")
    out = world.review(str(b), str(a)).output
    over = out[out.index("Over time") : out.index("Session 2,")]
    assert over.index("Lead the platform team") < over.index("Teach platform engineering")
    assert "Drives: doing something that feels meaningful" in over
    page = world.review(str(b), str(a), "--format", "html").output
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and "doing something that feels meaningful" in svg
    assert svg.count('class="on"') == 5  # three motivations confirmed first, two the second time
    assert "<script" not in page


# --- bundles are hostile, old bundles still open --------------------------------------------------


def _valid() -> dict[str, Any]:
    session = {"id": 1, "flow": "f", "flow_version": 1, "status": "completed", "started_at": "2025-01-01T10:00:00Z",
               "ended_at": None, "summary": {"goals": ["x"]}, "summary_withheld": 0,
               "turns": [{"n": 1, "role": "mentee", "phase": "goal", "text": "x"}, {"withheld": [2]}]}
    return {"share": "a" * 32, "created_at": "2025-01-01T10:00:00Z", "expires_at": "2025-02-01T10:00:00Z",
            "from": {"name": "sam"}, "to": {"name": "alex"}, "scope": "full", "sessions": [session]}


def test_a_bundle_from_before_the_brief_still_passes() -> None:
    check_payload(_valid(), "old.bundle")  # no titles, labels, chain or kinds


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("titles", {"<b>": "Goals"}),
        ("titles", {"goal": ["not text"]}),
        ("labels", {"growth": 5}),
        ("chain", [{"kind": "goal", "text": "x", "turns": ["1"], "corrected_at": None, "was": None}]),
        ("chain", [{"kind": "<script>", "text": "x", "turns": [], "corrected_at": None, "was": None}]),
        ("chain", [{"kind": "why", "withheld": True, "text": "leaked"}]),
        ("last_experiment", {"experiment": "x", "review": 3}),
    ],
    ids=["title-key", "title-value", "label-value", "chain-turns", "chain-kind", "withheld-link-with-text",
         "last-review"],
)
def test_crafted_brief_fields_are_refused(field: str, value: Any) -> None:
    payload = _valid()
    payload["sessions"][0][field] = value
    with pytest.raises(BundleError, match=f"sessions/0/{field}"):
        check_payload(payload, "crafted.bundle")


def test_a_crafted_turn_kind_is_refused() -> None:
    payload = _valid()
    payload["sessions"][0]["turns"][0]["kind"] = "\x1b]0;pwned\x07"
    with pytest.raises(BundleError, match="turns/0"):
        check_payload(payload, "crafted.bundle")


def test_every_new_field_is_escaped_in_html_and_markdown(world: World) -> None:
    hostile = "<i>x</i> [link](javascript:alert(1)) <script>alert(1)</script>"
    answers = list(FIRST)
    answers[1] = "Lead " + hostile  # the goal: first link of the chain
    answers[6] = "Because " + hostile  # a rung
    sid = world.session(answers)
    bundle = world.share(str(sid), "--scope", "full")
    world.review(str(bundle))
    world.review("--note", str(sid), hostile)
    page = world.review(str(bundle), "--format", "html").output
    assert "<script" not in page and "<i>" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4  # chain, transcript, heading, note
    md = world.review(str(bundle), "--format", "md").output
    assert "<script>" not in md and "](javascript" not in md


# --- the mentor's notes -------------------------------------------------------------------------------


def test_notes_are_kept_listed_with_the_session_and_exported(world: World) -> None:
    first, _ = two_sessions(world)
    bundle = world.share(str(first), "--scope", "summary")
    world.review(str(bundle))
    said = world.review("--note", str(first), "Ask how the cross-team project is going")
    assert said.exit_code == 0, said.output
    assert said.output.startswith(f"Note 1 kept on sam's session {first}")
    out = world.review(str(bundle)).output
    notes = out[out.index("Your notes") : out.index("The conversation")]
    assert "note 1: Ask how the cross-team project is going" in notes
    [session] = json.loads(world.review(str(bundle), "--format", "json").output)["mentees"][0]["sessions"]
    assert [n["text"] for n in session["notes"]] == ["Ask how the cross-team project is going"]
    exported = json.loads(world.review("--notes", "--format", "json").output)
    assert [(n["session"], n["mentee_name"]) for n in exported] == [(first, "sam")]
    assert world.review("--delete-note", "1").output == "Note 1 erased.\n"
    assert "cross-team project is going" not in world.review(str(bundle)).output
    assert world.review("--delete-note", "1").exit_code == 2


def test_notes_never_leave_the_mentors_database(world: World) -> None:
    first, _ = two_sessions(world)
    bundle = world.share(str(first), "--scope", "full")
    world.review(str(bundle))
    world.review("--note", str(first), "zebracrossing private thought")
    mentee = sqlite3.connect(world.mentee_db)
    dumped = "\n".join(mentee.iterdump())
    assert "zebracrossing" not in dumped
    # A share made afterwards carries no note (the mentee's side cannot even see them).
    assert "zebracrossing" not in world.review(str(world.share(str(first), "--scope", "full", name="2.bundle")),
                                                "--format", "json").output.split('"notes"')[0]


def test_a_note_needs_a_session_the_mentor_holds(world: World) -> None:
    first, _ = two_sessions(world)
    world.review(str(world.share(str(first), "--scope", "summary")))
    missing = world.review("--note", "99", "hello")
    assert missing.exit_code == 2
    assert missing.output == (
        "coach: error: no bundle you hold has session 99 (see: coach review --notes, or open the bundle)\n"
    )
    empty = world.review("--note", str(first), "   ")
    assert empty.exit_code == 2 and "needs some text" in empty.output


def test_a_bundle_from_before_the_brief_renders_with_readable_phases() -> None:
    from coach.share.render import render
    from coach.share.review import preview

    payload = _valid()
    payload["sessions"][0]["turns"] = [
        {"n": 1, "role": "coach", "phase": "sweet_spot", "text": "Where do they overlap?"},
        {"n": 2, "role": "mentee", "phase": "sweet_spot", "text": "Platform work"},
        {"withheld": [3, 4]},
    ]
    payload["sessions"][0]["summary"] = {"goals": ["x"], "motivations": ["next_rung"]}
    out = render(preview(payload, "old.bundle"), "text")
    assert "[Sweet spot]" in out and "  2. sam: Platform work" in out and "  3. [Turns 3-4 withheld by sam]" in out
    assert "  - next rung" in out  # no label carried: the id made readable
    page = render(preview(payload, "old.bundle"), "html")
    assert "<h5>Sweet spot</h5>" in page
