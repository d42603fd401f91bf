"""A mentee's own look back, through the real CLI: history over time, search, and their own page."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from brief_world import FIRST, SECOND
from click.testing import CliRunner

from coach.cli import cli


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def db(tmp_path: Path, chat_jsonl: Callable[..., Any]) -> Path:
    path = tmp_path / "mine.db"
    for answers in (FIRST, SECOND):
        assert chat_jsonl(answers, db=path)[1].exit_code == 0
    return path


def test_history_lists_sessions_oldest_first_with_their_summaries(db: Path) -> None:
    out = run("history", "--db", str(db)).output
    assert out.index("session 1 (completed, sam)") < out.index("session 2 (completed, sam)")
    first, second = out.split("session 2 (")
    assert "Heading: Lead the platform team and shape how we build things" in first
    assert ("Drives: earning well; growing and getting really good at something; "
            "having an impact on how things turn out") in first
    assert "Bedrock: helping people grow matters to me" in second
    assert "How last time's went: It went well. I ran the migration project" in second
    rows = json.loads(run("history", "--db", str(db), "--format", "json").output)
    assert [r["id"] for r in rows] == [1, 2] and rows[1]["summary"]["experiment"] == "Run one workshop for new starters"


def test_how_the_experiment_went_told_in_the_recap_is_in_the_history_and_not_asked_again(
        tmp_path: Path, chat_jsonl: Callable[..., Any]) -> None:
    path = tmp_path / "told.db"
    assert chat_jsonl(FIRST, db=path)[1].exit_code == 0
    told = "partly. i did the cross team project in the end, it was harder than i thought tbh"
    events, result = chat_jsonl([told, "yes", "no", "Teach platform engineering to new teams"], db=path)
    assert result.exit_code == 0
    assert not any("How did that go" in str(e.get("text")) or "What came of last time" in str(e.get("text"))
                   for e in events)  # said already, so never asked
    second = run("history", "--db", str(path)).output.split("session 2 (")[1]
    assert "How last time's went: i did the cross team project in the end" in second


def test_search_finds_passages_across_their_sessions_one_line_each(db: Path) -> None:
    out = run("search", "helping people", "--db", str(db)).output
    lines = out.splitlines()
    assert any(line.startswith("session 2, turn 28 (") and "you): Because [helping] [people] grow" in line
               for line in lines)
    assert all(line.startswith("session ") for line in lines)
    assert run("search", "zebra", "--db", str(db)).output == "No passages found in your sessions.\n"
    odd = run("search", 'people" (*', "--db", str(db))
    assert odd.exit_code == 0 and "[people]" in odd.output  # typed words are never query syntax
    assert run("search", "  ?! ", "--db", str(db)).exit_code == 2


def test_search_output_is_escaped_and_deleted_sessions_leave_no_trace(tmp_path: Path,
                                                                      chat_jsonl: Callable[..., Any]) -> None:
    path = tmp_path / "x.db"
    assert chat_jsonl(["yes", "Build \x1b]0;owned\x07quokkaworks \u202eboats"], db=path)[1].exit_code == 0
    out = run("search", "quokkaworks", "--db", str(path)).output
    said = [line for line in out.splitlines() if "you):" in line]  # the coach's "So: ..." is found as well
    assert "quokkaworks" in out and "\x1b" not in out and "\u202e" not in out and len(said) == 1
    assert run("delete", "1", "--yes", "--db", str(path)).exit_code == 0
    assert run("search", "quokkaworks", "--db", str(path)).output == "No passages found in your sessions.\n"
    assert b"quokkaworks" not in path.read_bytes()


def test_show_html_is_the_mentees_own_readable_page_with_nothing_withheld(db: Path) -> None:
    page = run("show", "2", "--format", "html", "--db", str(db)).output
    assert page.startswith("<!DOCTYPE html>") and "<title>Your conversation</title>" in page
    assert "In your words" in page and "Where you&#39;re heading" in page
    # The recap quotes session 1: a share of session 2 alone would withhold it; their own copy does not.
    body = page[page.index("<body>") :]
    assert "Welcome back, sam" in body and "withheld by" not in body
    assert "“Lead one small cross-team project”" in page
    assert "Your notes" not in page and "<script" not in page and "default-src 'none'" in page
