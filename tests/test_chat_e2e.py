"""The whole product through the real CLI: a scripted conversation, its stored rows, its exports."""

from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from coach.cli import cli
from coach.conversation.engine import Conversation
from coach.flow.spec import Flow, load_flow
from coach.resources import default_flow
from coach.store.connection import memory_db
from coach.store.database import Store

PHASES = ["trust", "goal", "why", "motivation", "passion", "sweet_spot", "close"]

# A mentee who answers everything, reaches bedrock on the second why, says yes to every check.
SCRIPTED = {
    "goal_horizon": ["I want to lead a small product team"],
    "lottery_want": ["My manager's job, because she gets to shape what we build"],
    "lottery_not": ["The CFO's job, spreadsheets all day would drain me"],
    "day_to_day": ["Planning, one-to-ones, unblocking people, a lot of meetings"],
    "why_ladder": [
        "Because I like seeing a group of people do more together than alone",
        "I love helping people grow, it makes me feel useful",
    ],
    "experiment": ["Lead the next small project and see how it feels"],
    "experiment_offer": ["Lead the next small project and see how it feels"],  # named straight away
}


def script_for(flow: Flow) -> list[str]:
    """The answers this mentee gives, worked out by playing the flow in memory first.

    Yes/no questions get "yes", the steps above get their scripted answers, anything else a
    plain sentence. Playing it in memory keeps this test about the CLI and the store, not about
    how many questions the flow asks (another test suite owns that).
    """
    conv = Conversation.start(flow, Store(memory_db()), "sam")
    conv.open()
    answers: list[str] = []
    used: dict[str, int] = {}
    while not conv.finished:
        step = conv.current
        queue = SCRIPTED.get(step.name, [])
        i = used.get(step.name, 0)
        if step.expect == "yes_no":
            answer = "yes"
        elif i < len(queue):
            answer = queue[i]
        else:
            answer = f"Something I care about at work, number {len(answers)}"
        used[step.name] = i + 1
        answers.append(answer)
        conv.reply(answer)
        assert len(answers) < 200, "the scripted mentee never reached the end"
    assert conv.status == "completed"
    return answers


def coach_lines(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e["type"] == "coach"]


def answer_all(chat_jsonl: Any, **kw: Any) -> tuple[list[dict[str, Any]], Any]:
    """Answer every question through the CLI until the conversation completes."""
    return chat_jsonl(script_for(load_flow(default_flow())), **kw)


def test_full_conversation_walks_every_phase_in_order(chat_jsonl: Any, tmp_path: Path) -> None:
    events, result = answer_all(chat_jsonl)
    assert result.exit_code == 0, result.output
    assert events[0]["type"] == "session"
    assert events[-1] == {"type": "end", "status": "completed", "id": events[0]["id"]}
    phases: list[str] = []
    for e in coach_lines(events):
        if not phases or phases[-1] != e["phase"]:
            phases.append(e["phase"])
    assert phases == PHASES
    # Every question is followed by an await; every coach line names its step and phase.
    for i, e in enumerate(events[:-1]):
        if e["type"] == "coach" and e["kind"] == "ask" and events[i + 1]["type"] != "coach":
            assert events[i + 1]["type"] == "await"
            assert events[i + 1]["step"] == e["step"]
    assert all(set(e) >= {"type", "text", "phase", "step"} for e in coach_lines(events))


def test_every_answer_and_question_is_stored_in_order(chat_jsonl: Any, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    events, _ = answer_all(chat_jsonl, db=db)
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    session = conn.execute("SELECT * FROM sessions").fetchone()
    assert session["mentee"] == "sam"
    assert session["status"] == "completed"
    assert session["flow"] == "career-conversation"
    assert session["flow_version"] == 1
    assert session["ended_at"] is not None
    turns = conn.execute("SELECT * FROM turns ORDER BY n").fetchall()
    assert [t["n"] for t in turns] == list(range(1, len(turns) + 1))
    # The coach lines stored are exactly the coach lines shown, in order.
    assert [t["text"] for t in turns if t["role"] == "coach"] == [e["text"] for e in coach_lines(events)]
    mentee_texts = [t["text"] for t in turns if t["role"] == "mentee"]
    assert mentee_texts == script_for(load_flow(default_flow()))
    for t in turns:
        assert t["phase"] in PHASES
        assert t["at"].endswith("Z")
        if t["role"] == "coach":
            assert t["canonical"] is not None
            assert t["rephrased"] == 0  # --no-llm: the flow's own wording


def test_show_json_has_session_turns_and_summary(chat_jsonl: Any, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    events, _ = answer_all(chat_jsonl, db=db)
    result = CliRunner().invoke(cli, ["show", str(events[0]["id"]), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert set(doc) == {"session", "turns", "summary", "summary_sources", "value_sources", "previous",
                        "previous_sources"}
    # Each summary item names the turn it came from ("session:n"): the mentee's own answer.
    typed = {f"{doc['session']['id']}:{t['n']}": t["text"] for t in doc["turns"] if t["role"] == "mentee"}
    for key, goal in zip(doc["summary_sources"]["goals"], doc["summary"]["goals"], strict=True):
        assert key and all(goal in typed[ref] for ref in key)  # the answer, trimmed to its content
    assert doc["session"]["status"] == "completed"
    assert set(doc["turns"][0]) >= {"n", "role", "text", "step", "phase", "at", "canonical", "rephrased"}
    summary = doc["summary"]
    assert set(summary) == {"goals", "motivations", "bedrock", "passions", "strengths", "sweet_spot", "experiment"}
    assert "I want to lead a small product team" in " ".join(summary["goals"])
    # Each bedrock statement is one of the answers, fillers ("Because ...") left out.
    assert summary["bedrock"] and all(any(b in said for said in SCRIPTED["why_ladder"]) for b in summary["bedrock"])
    assert summary["experiment"] == SCRIPTED["experiment"][0]
    allowed = {"influence", "authority", "recognition", "growth", "autonomy", "meaning", "compensation", "next_rung"}
    assert set(summary["motivations"]) <= allowed


def test_show_text_and_markdown_put_the_summary_first(chat_jsonl: Any, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    events, _ = answer_all(chat_jsonl, db=db)
    sid = str(events[0]["id"])
    text = CliRunner().invoke(cli, ["show", sid, "--db", str(db)]).output
    goal = "I want to lead a small product team"
    # The goal shows in the summary, then again where it was said in the transcript.
    assert text.index("Summary") < text.index(goal) < text.index("Transcript") < text.rindex(goal)
    md = CliRunner().invoke(cli, ["show", sid, "--db", str(db), "--format", "md"]).output
    assert md.startswith("# Session")
    assert "## Summary" in md and "## Transcript" in md


def test_sessions_lists_json(chat_jsonl: Any, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    chat_jsonl(["yes", "I want to teach"], db=db)
    answer_all(chat_jsonl, db=db)
    out = CliRunner().invoke(cli, ["sessions", "--json", "--db", str(db)]).output
    rows = json.loads(out)
    assert [r["status"] for r in rows] == ["completed", "paused"]
    assert all({"id", "mentee", "status", "phase", "started_at"} <= set(r) for r in rows)
    human = CliRunner().invoke(cli, ["sessions", "--db", str(db)]).output
    assert "paused" in human and "completed" in human


def test_coach_db_env_var_chooses_the_database(tmp_path: Path, monkeypatch: Any) -> None:
    db = tmp_path / "elsewhere.db"
    monkeypatch.setenv("COACH_DB", str(db))
    result = CliRunner().invoke(cli, ["chat", "--jsonl", "--no-llm", "--mentee", "kim"], input="yes\n")
    assert result.exit_code == 0
    assert db.exists()
    rows = json.loads(CliRunner().invoke(cli, ["sessions", "--json"]).output)
    assert rows[0]["mentee"] == "kim"


def test_default_database_lives_in_coach_home_and_is_private(coach_home: Path) -> None:
    result = CliRunner().invoke(cli, ["chat", "--jsonl", "--no-llm", "--mentee", "kim"], input="yes\n")
    assert result.exit_code == 0
    db = coach_home / "coach.db"
    assert db.exists()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(coach_home.stat().st_mode) == 0o700
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_plain_piped_stdin_is_human_readable(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["chat", "--no-llm", "--db", str(tmp_path / "c.db"), "--mentee", "kim"], input="yes\nI want to teach\n"
    )
    assert result.exit_code == 0
    assert not result.output.lstrip().startswith("{")
    assert "> I want to teach" in result.output
    assert "coach chat --resume" in result.output  # EOF pauses, and says how to come back


def test_delete_erases_the_session_and_its_turns(chat_jsonl: Any, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    events, _ = chat_jsonl(["yes", "I want to become a ZEBRA-WRANGLER"], db=db)
    sid = str(events[0]["id"])
    refused = CliRunner().invoke(cli, ["delete", sid, "--db", str(db)], input="")
    assert refused.exit_code != 0
    assert "--yes" in refused.output
    result = CliRunner().invoke(cli, ["delete", sid, "--db", str(db), "--yes"])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM turns").fetchone()[0] == 0
    conn.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("coach.db*"))
    assert b"ZEBRA-WRANGLER" not in raw
    again = CliRunner().invoke(cli, ["show", sid, "--db", str(db)])
    assert again.exit_code == 1
    assert again.output.strip() == f"coach: error: no session {sid} (see: coach sessions)"


def test_unknown_session_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    for args in (["show", "99"], ["delete", "99", "--yes"], ["chat", "--resume", "99", "--no-llm"]):
        result = CliRunner().invoke(cli, [*args, "--db", str(tmp_path / "c.db")])
        assert result.exit_code == 1
        assert result.output.startswith("coach: error: no session 99")
        assert "Traceback" not in result.output


def test_a_database_that_is_not_sqlite_is_refused_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("these are my notes, not a database\n" * 100)
    result = CliRunner().invoke(cli, ["sessions", "--db", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith(f"coach: error: {bad}: cannot use this file as a coach database")
    assert bad.read_text().startswith("these are my notes")  # nothing lost


def test_a_malformed_flow_fails_at_start_with_file_and_line(tmp_path: Path) -> None:
    flow = tmp_path / "broken.yaml"
    flow.write_text(
        "flow: broken\nversion: 1\nstart: hello\nsteps:\n  hello:\n    phase: trust\n"
        "    ask: Hi?\n    next: nowhere\n  bye:\n    phase: close\n    end: completed\n"
    )
    result = CliRunner().invoke(cli, ["chat", "--no-llm", "--flow", str(flow), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 1
    assert f"{flow}:8:11: error: step 'hello' goes to undefined step 'nowhere'" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "c.db").exists()  # nothing written for a flow that cannot run


def test_chat_reports_every_duplicate_key_not_just_the_first(tmp_path: Path) -> None:
    flow = tmp_path / "dup.yaml"
    flow.write_text(
        "flow: d\nversion: 1\nstart: a\nsteps:\n  a:\n    phase: trust\n    ask: Hi?\n    next: b\n"
        "  a:\n    phase: goal\n  b:\n    phase: close\n    end: completed\n    end: stopped\n"
    )
    result = CliRunner().invoke(cli, ["chat", "--no-llm", "--flow", str(flow), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 1
    assert f"{flow}:9:3: error: duplicate key 'a' (first defined on line 5)" in result.output
    assert f"{flow}:14:5: error: duplicate key 'end' (first defined on line 13)" in result.output


def test_a_fault_inside_the_coach_pauses_with_the_answer_saved_never_a_traceback(
        chat_jsonl: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """A bug in reading an answer (round 34 found one) is no crash in the mentee's face: one line says so, the
    conversation is paused, and the answer just typed is in the transcript."""
    from coach.conversation import answering

    def broken(self: Any, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("a bug in the coach")

    monkeypatch.setattr(answering.Answering, "_taken", broken)
    events, result = chat_jsonl(["yes", "I'd like to run the night shift, honestly"])
    assert result.exception is None, result.output
    said = [e["text"] for e in events if e["type"] == "coach"]
    assert any("something went wrong on my side (TypeError)" in t and "--resume" in t for t in said), said
    assert events[-1] == {"type": "end", "status": "paused", "id": events[0]["id"]}
    db = sqlite3.connect(tmp_path / "coach.db")
    typed = [r[0] for r in db.execute("select text from turns where role = 'mentee'")]
    assert "yes" in typed
