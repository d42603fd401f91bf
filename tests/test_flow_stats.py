"""coach flow stats and graph --stats through the real CLI, on conversations with known stalls."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from brief_world import FIRST
from click.testing import CliRunner

from coach.cli import cli
from coach.resources import default_flow


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stats") / "coach.db"
    # The third motivation check skipped; at the sweet spot, back to strengths, answered again.
    done = FIRST[:14] + ["/skip"] + FIRST[15:18] + ["/back", FIRST[17]] + FIRST[18:]
    conversations = [
        done,
        ["yes", "Lead a team", "/pause"],  # paused at lottery_want
        ["yes", "Lead a team", "The boss", "Not sales", "/quit"],  # quit at day_to_day
        ["no"],  # declined at the start
        ["yes", "ok"],  # a re-ask at goal_horizon, then the input ends (a pause without /pause)
    ]
    for i, answers in enumerate(conversations):
        result = CliRunner().invoke(  # one mentee each, so none of them is a returning one
            cli, ["chat", "--jsonl", "--no-llm", "--db", str(path), "--mentee", f"mentee{i}"],
            input="".join(a + "\n" for a in answers),
        )
        assert result.exit_code == 0, result.output
    return path


def figures(db: Path) -> dict[str, dict[str, Any]]:
    [report] = json.loads(run("flow", "stats", "--db", str(db), "--format", "json").output)
    assert report["flow"] == "career-conversation" and report["sessions"] == 5 and report["completed"] == 1
    return {s["step"]: s for s in report["steps"]}


def test_stats_count_reaches_reasks_skips_backs_pauses_and_ends(db: Path) -> None:
    f = figures(db)
    assert f["goal_horizon"]["reached"] == 4
    assert (f["goal_horizon"]["reasks"], f["goal_horizon"]["paused"], f["goal_horizon"]["open_here"]) == (1, 1, 1)
    assert (f["lottery_want"]["paused"], f["lottery_want"]["open_here"]) == (1, 1)
    assert (f["day_to_day"]["quit"], f["day_to_day"]["stopped_here"], f["day_to_day"]["drop_rate"]) == (1, 1, 0.5)
    assert f["motivation_check"]["skipped"] == 1 and f["sweet_spot"]["back"] == 1
    assert f["declined"]["stopped_here"] == 1  # its words are forgotten, where it ended is not
    assert f["goodbye"]["completed_here"] == 1 and f["goodbye"]["drop_rate"] == 0
    assert f["why_next"]["routing"] is True


def test_text_and_markdown_tables(db: Path) -> None:
    text = run("flow", "stats", "--db", str(db)).output
    assert text.startswith("career-conversation: 5 sessions, 1 completed, 4 ended elsewhere or still open")
    row = next(line for line in text.splitlines() if line.startswith("day_to_day "))
    assert row.split() == ["day_to_day", "2", "0", "0", "0", "0", "0", "1", "1", "50%"]
    md = run("flow", "stats", "--db", str(db), "--format", "md").output
    assert "| `day_to_day` | goal | 2 | 0 | 0 | 0 | 0 | 0 | 1 | 1 | 50% |" in md


def test_graph_colours_steps_by_drop_off(db: Path) -> None:
    out = run("flow", "graph", str(default_flow()), "--stats", "--db", str(db)).output
    classes = {line.split()[-1]: line.split()[1].split(",") for line in out.splitlines() if line.startswith("  class ")}
    assert "day_to_day" in classes["high"] and "goal_horizon" in classes["high"]
    assert "passion_talk" in classes["low"] and "why_correct" in classes["unreached"]
    assert "reached 2 · drop 50% · 1 quits" not in out  # quits are in the table, not the picture
    assert "reached 2 · drop 50%" in out
    plain = run("flow", "graph", str(default_flow())).output
    assert "classDef" not in plain and "reached" not in plain


def test_an_empty_database_says_so(tmp_path: Path) -> None:
    out = run("flow", "stats", "--db", str(tmp_path / "none.db"))
    assert out.exit_code == 0 and out.output == "No conversations in this database yet.\n"
