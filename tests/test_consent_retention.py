"""Retention: how long sessions are kept is the mentee's setting, stored in their database."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from coach.cli import cli
from coach.store.database import Store


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def test_retention_is_off_until_set_and_can_be_turned_off(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert run("config", "retention", "--db", db).output == "Sessions are kept until you delete them.\n"
    assert run("config", "retention", "90", "--db", db).exit_code == 0
    assert run("config", "retention", "--db", db).output == "Sessions are kept 90 days after their last activity.\n"
    assert run("config", "retention", "off", "--db", db).exit_code == 0
    assert run("config", "retention", "--db", db).output == "Sessions are kept until you delete them.\n"


def test_bad_retention_values_are_refused(tmp_path: Path) -> None:
    for value in ("0", "soon", "1.5", "999999"):
        result = run("config", "retention", value, "--db", str(tmp_path / "c.db"))
        assert result.exit_code == 2, value
        assert result.output.startswith("coach: error: retention takes")


def test_setting_retention_warns_which_sessions_will_go_and_erases_nothing_yet(
    tmp_path: Path, chat_jsonl: Callable[..., Any]
) -> None:
    db = tmp_path / "c.db"
    chat_jsonl(["yes", "An old answer"], db=db)
    chat_jsonl(["yes", "A new answer"], db=db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE sessions SET updated_at = '2020-01-01T00:00:00.000Z' WHERE id = 1")
    conn.close()
    result = run("config", "retention", "7", "--db", str(db))
    assert "1 session(s) (1) are older and will be erased completely the next time coach chat starts" in result.output
    assert [s["id"] for s in Store.open(db).sessions()] == [2, 1]


def test_a_recent_session_survives_the_purge(tmp_path: Path, chat_jsonl: Callable[..., Any]) -> None:
    db = tmp_path / "c.db"
    chat_jsonl(["yes", "Recent answer"], db=db)
    run("config", "retention", "1", "--db", str(db))
    _, result = chat_jsonl(["no"], db=db)
    assert "erased" not in result.stderr
    assert 1 in [s["id"] for s in Store.open(db).sessions()]
