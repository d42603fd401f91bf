"""`coach models`: what a user sees about the models coach can use."""

from __future__ import annotations

import json
from pathlib import Path

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
