"""The model backends: in-process llama.cpp and any OpenAI-compatible server, behind one seam.

The model only ever says the flow's question in other words. Whatever it returns goes through
``coach.guard.check``; anything that fails, times out or errors is replaced by the flow's wording.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from coach.errors import ModelError, UsageError
from coach.rephrase.models import check_model_file, find_models, sha256

PROMPT = "reword.j2"
# One sentence ending in "?": no full stops, exclamations, line breaks, quotes or brackets.
# (The guarded rephraser builds a stricter one per frame: see coach.rephrase.frame.grammar.)
GRAMMAR = r'''root ::= [A-Z] [^?.!\n:;"()\[\]{}*#]* "?"'''
MAX_TOKENS = 40
TEMPERATURE = 0.3
DEADLINE_S = 0.4
N_CTX = 1024


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


def _quiet_log(level: int, text: bytes, user_data: Any) -> None:
    """llama.cpp's log lines are noise in a chat; a load failure is reported in one line instead."""


_LOADED: dict[Path, Any] = {}
_LOAD_LOCK = threading.Lock()
_LOG_CALLBACK: Any = None


def _load_llama(path: Path, n_threads: int) -> Any:
    """Load (once per process) a llama.cpp model; later calls for the same file reuse it."""
    global _LOG_CALLBACK
    with _LOAD_LOCK:
        key = path.resolve()
        if key in _LOADED:
            return _LOADED[key]
        import llama_cpp
        import llama_cpp._internals
        import llama_cpp.llama

        if _LOG_CALLBACK is None:
            _LOG_CALLBACK = llama_cpp.llama_log_callback(_quiet_log)
            llama_cpp.llama_log_set(_LOG_CALLBACK, ctypes.c_void_p(0))
        # verbose=False makes llama-cpp-python point fds 1 and 2 at /dev/null while it loads;
        # from a background thread that swallows the chat's own output. The log callback above
        # already keeps llama.cpp quiet, so the redirect is switched off wherever it was imported.
        for name, module in list(sys.modules.items()):
            if name.startswith("llama_cpp") and hasattr(module, "suppress_stdout_stderr"):
                setattr(module, "suppress_stdout_stderr", _NoRedirect)  # noqa: B010
        model = llama_cpp.Llama(
            model_path=str(path), n_ctx=N_CTX, n_threads=n_threads, n_threads_batch=n_threads,
            verbose=False,
        )
        _LOADED[key] = model
        return model


def _close_all() -> None:
    """Free models before interpreter teardown, when llama-cpp-python's __del__ would fail noisily."""
    for model in _LOADED.values():
        with contextlib.suppress(Exception):
            model.close()
    _LOADED.clear()


atexit.register(_close_all)


class _NoRedirect:
    def __init__(self, disable: bool = True) -> None:
        pass

    def __enter__(self) -> _NoRedirect:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class LlamaBackend:
    """In-process llama.cpp. Loads in a background thread; until it is ready, calls fall back."""

    def __init__(self, path: Path, n_threads: int | None = None, wait: bool = False) -> None:
        self.path = path
        self.n_threads = n_threads or max(1, min(4, os.cpu_count() or 1))
        self.sha256: str | None = None
        self.error: str | None = None
        self.ready = threading.Event()
        self._model: Any = None
        self._format: Any = None  # the model's own chat template, to continue a started reply
        self._words: dict[str, list[int]] = {}  # whole-word tokens (" me", " Me") by lower-case word
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._load, name="coach-model-load", daemon=True)
        self._thread.start()
        if wait:
            self.ready.wait()

    def _load(self) -> None:
        try:
            self._model = _load_llama(self.path, self.n_threads)
            self.sha256 = sha256(self.path)
            try:
                self._format = _chat_format(self._model)
                self._words = _word_tokens(self._model)
            except Exception:  # a template we cannot use: the model words replies from the start
                self._format, self._words = None, {}
        except Exception as e:  # any failure means: no model, flow wording
            self.error = f"model {self.path} could not be loaded ({type(e).__name__}: {e})"
            sys.stderr.write(f"coach: {self.error}; using the flow's own wording\n")
            sys.stderr.flush()
        finally:
            self.ready.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until loading has finished (tests and benchmarks); True if the model is usable."""
        self.ready.wait(timeout)
        return self._model is not None

    @property
    def prefills(self) -> bool:
        """Whether a reply can be started for the model (it needs the model's chat template)."""
        return self._format is not None

    def complete(self, request: Request) -> str:
        """Generate one reply, streaming so generation stops at the deadline."""
        if not self.ready.is_set():
            raise BackendError("model still loading")
        if self._model is None:
            raise BackendError(self.error or "model not loaded")
        if request.prefix and not self.prefills:
            raise BackendError("this model cannot be given the start of a reply")
        grammar = _grammar(request.grammar) if request.grammar else None
        with self._lock:  # llama.cpp contexts are not safe to share between threads
            stream = self._stream(request, grammar)
            parts: list[str] = []
            try:
                for piece in stream:
                    parts.append(piece)
                    # Only what the model said can finish the reply: the prefix may hold a "?".
                    if not grammar and _finished("".join(parts)[len(request.prefix):]):
                        break
                    if time.monotonic() > request.deadline:
                        raise BackendError("deadline passed")
                    if request.cancel is not None and request.cancel.is_set():
                        raise BackendError("cancelled for a live turn")
            except (ValueError, RuntimeError) as e:  # a prompt too long for the context, a template error
                raise BackendError(f"the model failed: {e}") from None
            finally:
                stream.close()
        return "".join(parts)

    def _stream(self, request: Request, grammar: Any) -> Generator[str, None, None]:
        """The reply's text as it is generated: after the prefix, if the request starts one."""
        banned = {t: -100.0 for w in request.avoid for t in self._words.get(w.lower(), ())}
        decoding = {"max_tokens": request.max_tokens, "temperature": request.temperature,
                    "seed": request.seed, "grammar": grammar, "stream": True, "logit_bias": banned or None}
        if request.prefix:
            prompt = self._format(messages=request.messages).prompt + request.prefix
            tokens = self._model.tokenize(prompt.encode(), add_bos=False, special=True)
            chunks = self._model.create_completion(prompt=tokens, **decoding)
        else:
            chunks = self._model.create_chat_completion(messages=request.messages, **decoding)
        try:
            if request.prefix:
                yield request.prefix
            for chunk in chunks:
                choice = chunk["choices"][0]
                yield choice["text"] if "text" in choice else (choice["delta"].get("content") or "")
        finally:
            chunks.close()


def _word_tokens(model: Any) -> dict[str, list[int]]:
    """Every token that is a whole word after a space, by its lower-case text (0.1 s, at load)."""
    out: dict[str, list[int]] = {}
    for token in range(model.n_vocab()):
        text = model.detokenize([token]).decode("utf-8", "ignore")
        if text.startswith(" ") and text[1:].isalpha():
            out.setdefault(text[1:].lower(), []).append(token)
    return out


def _chat_format(model: Any) -> Any:
    """The formatter for the model's own chat template (None if the file carries none)."""
    template = model.metadata.get("tokenizer.chat_template")
    if not template:
        return None
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    def text(token: int) -> str:
        return "" if token < 0 else model.detokenize([token], special=True).decode("utf-8", "replace")

    return Jinja2ChatFormatter(template, eos_token=text(model.token_eos()), bos_token=text(model.token_bos()))


def _finished(text: str) -> bool:
    """Without a grammar, a reply is done at its first question mark or line break."""
    text = text.lstrip()
    return "?" in text or "\n" in text


_GRAMMARS: dict[str, Any] = {}


def _grammar(source: str) -> Any:
    if source not in _GRAMMARS:
        from llama_cpp import LlamaGrammar  # type: ignore[attr-defined]

        _GRAMMARS[source] = LlamaGrammar.from_string(source, verbose=False)
    return _GRAMMARS[source]


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


# --- choosing a backend ----------------------------------------------------------------


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
    return LlamaBackend(path)


