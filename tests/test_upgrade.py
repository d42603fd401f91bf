"""Upgrades lose nothing: a database written by coach 0.1.0 opens with today's code, everything intact."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from coach.cli import cli
from coach.store.database import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MANIFEST = json.loads((FIXTURES / "legacy-0.1.0.json").read_text(encoding="utf-8"))


def run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture
def legacy(tmp_path: Path) -> Path:
    """A copy of the 0.1.0 database (the committed file is never opened for writing)."""
    path = tmp_path / "coach.db"
    shutil.copyfile(FIXTURES / "legacy-0.1.0.db", path)
    path.chmod(0o600)
    return path


def test_every_transcript_is_intact_after_opening_with_todays_code(legacy: Path) -> None:
    store = Store.open(legacy)
    for sid, turns in MANIFEST["turns"].items():
        assert [[t["n"], t["role"], t["text"]] for t in store.turns(int(sid))] == turns


def test_sessions_keep_status_step_chain_and_values(legacy: Path) -> None:
    listed = json.loads(run("sessions", "--json", "--db", str(legacy)).output)
    assert {str(s["id"]): {k: s[k] for k in ("mentee", "status", "step", "previous_id")} for s in listed} == (
        MANIFEST["sessions"]
    )
    store = Store.open(legacy)
    for sid, values in MANIFEST["values"].items():
        # "answer" (the last answer, copied) is no longer kept: it is read from its turn.
        assert store.session(int(sid))["values"] == {k: v for k, v in values.items() if k != "answer"}


@pytest.mark.parametrize("sid", ["1", "2", "4"])
def test_summaries_are_the_same(legacy: Path, sid: str) -> None:
    result = run("show", sid, "--format", "json", "--db", str(legacy))
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)["summary"]
    # Strengths and the sweet spot joined the summary since; those sessions did not map them.
    assert {k: v for k, v in summary.items() if k not in ("strengths", "sweet_spot")} == MANIFEST["summaries"][sid]


def test_share_log_and_settings_are_intact(legacy: Path) -> None:
    result = run("shares", "--json", "--db", str(legacy))
    assert result.exit_code == 0, result.output
    rows = sorted(json.loads(result.output), key=lambda r: r["id"])
    expected = MANIFEST["shares"]
    assert [(r["id"], r["mentor_name"], r["scope"], r["session_ids"], r["redactions"]) for r in rows] == [
        (e["id"], e["mentor_name"], e["scope"], json.loads(e["session_ids"]), json.loads(e["redactions"]))
        for e in expected
    ]
    assert [bool(r["revoked_at"]) for r in rows] == [bool(e["revoked"]) for e in expected]
    # What left is still there to look at, and the redacted answer never was in it.
    shared = run("shares", "1", "--db", str(legacy)).output
    assert "Lead the quokkaplatform team" in shared
    assert "Sourdough baking" not in shared
    assert "kept 3650 days" in run("config", "retention", "--db", str(legacy)).output


def test_the_mentors_kept_bundle_is_still_searchable(legacy: Path) -> None:
    from datetime import datetime

    from coach.share.review import search

    store = Store.open(legacy)
    [(created,)] = store.db.execute("SELECT created_at FROM review_bundles").fetchall()
    # Searched as of the day it was shared: the bundle expires 30 days after the fixture was made.
    hits = search(store, "quokkaplatform", at=datetime.fromisoformat(created.replace("Z", "+00:00")))
    assert hits and all("[quokkaplatform]" in h["snippet"] for h in hits)
    assert not search(store, "sourdough", at=datetime.fromisoformat(created.replace("Z", "+00:00")))


def test_the_paused_session_resumes_and_the_returning_mentee_gets_a_recap(
    legacy: Path, chat_jsonl: Callable[..., Any]
) -> None:
    events, result = chat_jsonl(["yes"], "--resume", "2", db=legacy)
    assert result.exit_code == 0, result.output
    assert events[0] == {"type": "session", "id": 2, "mentee": "sam", "flow": events[0]["flow"]}
    before = len(MANIFEST["turns"]["2"])
    assert [t["n"] for t in Store.open(legacy).turns(2)][: before] == list(range(1, before + 1))
    events, result = chat_jsonl([], db=legacy)
    assert result.exit_code == 0, result.output
    first = next(e for e in events if e["type"] == "coach")
    assert "quokkaplatform" in first["text"]  # a new session for sam recaps the finished one


def test_opening_records_the_schema_version_and_keeps_the_migration_log(legacy: Path) -> None:
    from coach.store.connection import SCHEMA_VERSION

    store = Store.open(legacy)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    names = [r[0] for r in store.db.execute("SELECT name FROM _migrations ORDER BY name")]
    assert names[: len(MANIFEST["migrations"])] == MANIFEST["migrations"]
    assert len(names) == SCHEMA_VERSION


def test_provenance_is_filled_in_where_it_can_be_derived(legacy: Path) -> None:
    """Values and coach turns that repeat an answer get that answer's turn as their source."""
    doc = json.loads(run("show", "1", "--format", "json", "--db", str(legacy)).output)
    typed = {f"1:{t['n']}": t["text"] for t in doc["turns"] if t["role"] == "mentee"}
    goals = doc["summary"]["goals"]
    assert goals and all(refs for refs in doc["summary_sources"]["goals"])
    for goal, refs in zip(goals, doc["summary_sources"]["goals"], strict=True):
        assert all(typed[r].strip() == goal for r in refs)
    quoting = [t for t in doc["turns"] if t["role"] == "coach" and t.get("sources")]
    assert quoting, "no coach turn was found to repeat an answer"
    assert all(r in typed for t in quoting for r in t["sources"])


def test_a_redacted_answer_of_an_upgraded_session_stays_out_of_a_new_share(legacy: Path, tmp_path: Path) -> None:
    """The legacy share redacted turn 4 ('Sourdough baking'); shared again after the upgrade, the
    provenance derived by the migration keeps its echoes out too."""
    key = run("mentor", "init", "--name", "alex").output.split("\n")[3].strip()
    out = tmp_path / "again.bundle"
    shown = run("show", "1", "--format", "json", "--db", str(legacy)).output
    turn = next(t["n"] for t in json.loads(shown)["turns"] if t["role"] == "mentee" and "Sourdough" in t["text"])
    result = run("share", "1", "--to", key, "--scope", "full", "--redact", str(turn), "--out", str(out), "--yes",
                 "--db", str(legacy))
    assert result.exit_code == 0, result.output
    preview = run("share", "1", "--to", key, "--scope", "full", "--redact", str(turn), "--preview", "--db",
                  str(legacy)).output
    assert "Sourdough" not in preview
