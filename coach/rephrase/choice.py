"""Which backend a chat uses: a local GGUF in a worker process, or an OpenAI-compatible server."""

from __future__ import annotations

from typing import Any

from coach.errors import ModelError, UsageError
from coach.rephrase.backends import Backend, OpenAIBackend
from coach.rephrase.models import check_model_file, find_models
from coach.rephrase.supervisor import WorkerBackend


def build_backend(opts: Any) -> Backend:
    """The backend ``opts`` asks for (ChatOptions-like); ModelError if the model cannot be used."""
    if getattr(opts, "backend", "llama") == "openai":
        if not getattr(opts, "base_url", None):
            raise UsageError("--backend openai needs --base-url URL (e.g. http://127.0.0.1:8080)")
        return OpenAIBackend(opts.base_url)
    models = find_models(getattr(opts, "model_path", None))
    if not models:
        raise ModelError("no model found; run ./scripts/setup, put a .gguf in models/, or pass --model PATH")
    path = models[0].path
    check_model_file(path)
    return WorkerBackend(path, start=False)  # started by the rephraser's prepare_flow
