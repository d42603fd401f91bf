"""`coach models`: what a user sees about the models coach can use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from coach.cli import cli
from coach.rephrase import models as llm


def test_lists_the_bundled_model_as_default_with_size_and_sha() -> None:
    result = CliRunner().invoke(cli, ["models", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    default = [r for r in rows if r["default"]]
    assert len(default) == 1 and default[0]["source"] == "package"
    assert default[0]["size"] > 50_000_000 and len(default[0]["sha256"]) == 64


def test_a_model_in_models_dir_and_a_missing_one_are_shown(coach_home: Path) -> None:
    (coach_home / "models").mkdir(parents=True)
    (coach_home / "models" / "other.gguf").write_bytes(b"GGUF\x03\x00\x00\x00" + bytes(100))
    result = CliRunner().invoke(cli, ["models", "--model", str(coach_home / "gone.gguf")])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("*") and "missing" in lines[0] and "gone.gguf" in lines[0]
    assert any("other.gguf" in line and "models/" in line for line in lines)


def test_no_model_at_all_says_what_to_do(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(llm, "packaged_model", lambda: None)
    monkeypatch.setattr(llm, "model_dirs", lambda: [tmp_path / "none"])
    result = CliRunner().invoke(cli, ["models"])
    assert result.exit_code == 0
    assert result.output.strip() == (
        "No model found. Run ./scripts/setup, put a .gguf file in models/, or pass --model PATH."
    )


def test_where_names_every_place_coach_keeps_things(coach_home: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["where", "--db", str(tmp_path / "mine.db")])
    assert result.exit_code == 0
    rows = dict(line.split(None, 1) for line in result.output.splitlines())
    assert set(rows) == {"home", "database", "flows", "models", "model"}
    assert rows["home"] == str(coach_home) and rows["database"] == str(tmp_path / "mine.db")
    assert (Path(rows["flows"]) / "career.yaml").is_file()
    assert str(coach_home / "models") in rows["models"]


def test_the_conversation_never_shows_a_path(chat_jsonl: Any, tmp_path: Path, coach_home: Path) -> None:
    """The welcome says where transcripts live in words: no home directory or user name in a
    transcript (or in any bundle made from it)."""
    events, _ = chat_jsonl(["yes", "leading a team", "/quit"])
    said = " ".join(e["text"] for e in events if e["type"] == "coach")
    assert "on this computer that only you can read" in said
    assert str(tmp_path) not in said and "/" + "home" not in said and "coach.db" not in said
