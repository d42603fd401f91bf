"""A validated flow is kept on disk; an edit to any of its files means it is loaded and checked again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from coach.errors import FlowError
from coach.flow import validate
from coach.flow.spec import load_flow
from coach.resources import flows_dir


@pytest.fixture
def flows(tmp_path: Path) -> Path:
    target = tmp_path / "flows"
    shutil.copytree(flows_dir(), target, ignore=shutil.ignore_patterns("tests"))
    return target


def test_a_second_start_does_not_parse_or_validate_again(flows: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_flow(flows / "career.yaml")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated again although nothing changed")

    monkeypatch.setattr(validate, "check_document", refuse)
    again = load_flow(flows / "career.yaml")
    assert again.steps.keys() == first.steps.keys() and again.replies == first.replies
    assert [s.line for s in again.steps.values()] == [s.line for s in first.steps.values()]
    assert again.lexicon.raw == first.lexicon.raw


def test_an_edit_is_noticed_and_its_errors_reported(flows: Path) -> None:
    path = flows / "career.yaml"
    load_flow(path)
    text = path.read_text().replace("    next: day_to_day\n", "    next: nowhere\n", 1)
    path.write_text(text)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
    with pytest.raises(FlowError, match="nowhere"):
        load_flow(path)


def test_an_edited_lexicon_is_noticed_too(flows: Path) -> None:
    path = flows / "career.yaml"
    before = load_flow(path)
    lexicon = flows / "lexicon.yaml"
    lexicon.write_text(lexicon.read_text() + "\nambition_note: \"A changed note.\"\n")
    os.utime(lexicon, ns=(lexicon.stat().st_atime_ns, lexicon.stat().st_mtime_ns + 10_000_000))
    after = load_flow(path)
    assert after.lexicon.raw.get("ambition_note") == "A changed note." != before.lexicon.raw.get("ambition_note")


def test_the_shipped_lexicon_from_the_cache_is_not_parsed_again_on_the_first_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Playback and the summary read the shipped lexicon; parsing its YAML again made the mentee's
    # first answer wait most of a second.
    from coach.listening import lexicon
    from coach.resources import default_flow

    load_flow(default_flow())  # fills the cache if this run has not
    flow = load_flow(default_flow())
    lexicon._load_lexicon_cached.cache_clear()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the lexicon's YAML was parsed again")

    monkeypatch.setattr(lexicon, "_read", refuse)
    assert lexicon.load_lexicon() is flow.lexicon
