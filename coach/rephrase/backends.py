"""The model backends behind one seam: llama.cpp in a worker process, or any OpenAI-compatible server.

The model only ever says the flow's question in other words. Whatever it returns goes through
``coach.guard.check``; anything that fails, times out or errors is replaced by the flow's wording.
llama.cpp itself never runs in the chat's process (see coach.rephrase.supervisor and .worker).
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from coach.errors import ModelError

PROMPT = "reword.j2"
# One sentence ending in "?": no full stops, exclamations, line breaks, quotes or brackets.
# (The guarded rephraser builds a stricter one per frame: see coach.rephrase.frame.grammar.)
GRAMMAR = r'''root ::= [A-Z] [^?.!\n:;"()\[\]{}*#]* "?"'''
MAX_TOKENS = 40
TEMPERATURE = 0.3
DEADLINE_S = 0.4


class BackendError(ModelError):
    """The backend could not produce a reply in time (or at all); the flow's wording is used."""


# --- backends ------------------------------------------------------------------------------


@dataclass
class Request:
    """One completion: chat messages, decoding limits and the wall-clock deadline."""

    messages: list[dict[str, str]]
    max_tokens: int = MAX_TOKENS
    temperature: float = TEMPERATURE
    seed: int | None = None
    grammar: str | None = GRAMMAR
    # The start of the reply, for the model to continue ("Can you tell me"); the reply returned
    # includes it. Backends that cannot continue a reply (``prefills`` false) are not given one.
    prefix: str = ""
    # Words the reply may not add (whole words, any case): ones the guard would refuse anyway.
    # A backend that cannot steer its decoding ignores this; the guard still checks the reply.
    avoid: tuple[str, ...] = ()
    deadline: float = field(default_factory=lambda: time.monotonic() + DEADLINE_S)
    # Background work passes an event a live turn sets: generation then stops at the next token.
    cancel: threading.Event | None = None


class Backend(Protocol):
    """The one seam in front of a model: a request in, text out, or BackendError."""

    @property
    def prefills(self) -> bool:
        """Whether ``Request.prefix`` can be given: the model then continues a started reply."""
        ...

    def complete(self, request: Request) -> str: ...


class OpenAIBackend:
    """Any OpenAI-compatible chat server (llama.cpp server, vLLM, Ollama), standard library only."""

    def __init__(self, base_url: str, model: str | None = None, api_key: str | None = None) -> None:
        base = base_url.rstrip("/")
        self.url = base + ("/chat/completions" if base.endswith("/v1") else "/v1/chat/completions")
        self.model = model or os.environ.get("COACH_REMOTE_MODEL") or "default"
        self.api_key = api_key if api_key is not None else os.environ.get("COACH_API_KEY")
        self.sha256: str | None = None  # the file lives on the server; we cannot vouch for it
        # Servers differ in whether (and how) they continue a started reply, and token ids for
        # ``Request.avoid`` are the server's own: this backend offers neither.
        self.prefills = False

    def complete(self, request: Request) -> str:
        """POST one chat completion; the socket timeout is whatever is left of the deadline."""
        import urllib.error  # here: the chat with a local model never needs HTTP (0.1 s of start-up)
        import urllib.request

        if request.prefix:
            raise BackendError("an HTTP backend cannot be given the start of a reply")
        body: dict[str, Any] = {
            "model": self.model, "messages": request.messages, "max_tokens": request.max_tokens,
            "temperature": request.temperature, "stop": ["\n"], "stream": False,
        }
        if request.seed is not None:
            body["seed"] = request.seed
        if request.grammar:
            body["grammar"] = request.grammar  # llama.cpp servers honour it; others ignore it
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        remaining = request.deadline - time.monotonic()
        if remaining <= 0:
            raise BackendError("deadline passed")
        req = urllib.request.Request(self.url, data=json.dumps(body).encode(), headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=remaining) as resp:
                data = json.loads(resp.read())
        except urllib.error.HTTPError as e:
            raise BackendError(f"server said {e.code} {e.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise BackendError(f"cannot reach {self.url}: {reason}") from None
        except ValueError:
            raise BackendError("server reply was not JSON") from None
        if time.monotonic() > request.deadline:
            raise BackendError("deadline passed")
        try:
            return str(data["choices"][0]["message"]["content"] or "")
        except (KeyError, IndexError, TypeError):
            raise BackendError("server reply had no message") from None
