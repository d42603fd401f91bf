"""`python -m coach.rephrase.server` runs llama_cpp.server with llama.cpp's extra buffer types off (on a CPU with
AMX the plain server's first reply segfaults), unless COACH_LLAMA_EXTRA_BUFTS asks for them."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from coach.rephrase import server


def _serve(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Run the module's main with llama_cpp.server replaced by a probe; what the server would have seen."""
    import llama_cpp.llama_cpp as native

    seen: dict[str, Any] = {}

    def run_module(name: str, **kwargs: Any) -> None:
        seen["module"], seen["argv"] = name, list(sys.argv)
        seen["extra_bufts"] = native.llama_model_default_params().use_extra_bufts

    monkeypatch.setattr(server.runpy, "run_module", run_module)
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    server.main(["--model", "m.gguf", "--port", "8080"])
    seen["after"] = native.llama_model_default_params().use_extra_bufts
    return seen


def test_the_server_loads_models_without_extra_buffer_types(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COACH_LLAMA_EXTRA_BUFTS", raising=False)
    seen = _serve(monkeypatch)
    assert seen["module"] == "llama_cpp.server"
    assert seen["argv"][1:] == ["--model", "m.gguf", "--port", "8080"]  # its own arguments, passed on
    assert seen["extra_bufts"] is False
    assert seen["after"] is True  # llama.cpp's default, put back once the server is done


def test_extra_buffer_types_can_be_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_LLAMA_EXTRA_BUFTS", "1")
    assert _serve(monkeypatch)["extra_bufts"] is True
