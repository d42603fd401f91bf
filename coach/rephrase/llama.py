"""llama.cpp itself: load a GGUF model and generate one reply. Only the model worker imports this.

Native code can crash (broken CPU kernels), hang or run out of memory; it therefore runs in its
own process (``python -m coach.rephrase.worker``) and the chat never imports ``llama_cpp``.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

# llama.cpp's "extra buffer types" (weight repacking, AMX) crash on some CPUs with this model
# (ggml-org/llama.cpp#20824: Sapphire Rapids AMX segfaults in llama_decode); off unless asked for.
EXTRA_BUFTS_ENV = "COACH_LLAMA_EXTRA_BUFTS"
N_CTX = 1024


class GenerationError(Exception):
    """The model could not reply in time or at all (the message says why)."""


def extra_bufts_wanted() -> bool:
    """Whether the user opted in to llama.cpp's extra buffer types (AMX, repacked weights)."""
    return os.environ.get(EXTRA_BUFTS_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def _quiet_log(level: int, text: bytes, user_data: Any) -> None:
    """llama.cpp's log lines are noise; a load failure is reported in one line instead."""


_LOG_CALLBACK: Any = None


class LlamaModel:
    """One loaded GGUF model: its chat template, whole-word tokens, and generation."""

    def __init__(self, path: Path, n_threads: int, extra_bufts: bool | None = None) -> None:
        global _LOG_CALLBACK
        import llama_cpp
        import llama_cpp.llama

        if _LOG_CALLBACK is None:
            _LOG_CALLBACK = llama_cpp.llama_log_callback(_quiet_log)
            llama_cpp.llama_log_set(_LOG_CALLBACK, ctypes.c_void_p(0))
        # verbose=False makes llama-cpp-python point fds 1 and 2 at /dev/null around native calls;
        # the log callback already keeps llama.cpp quiet, so that dance is switched off.
        for name, module in list(sys.modules.items()):
            if name.startswith("llama_cpp") and hasattr(module, "suppress_stdout_stderr"):
                setattr(module, "suppress_stdout_stderr", _NoRedirect)  # noqa: B010
        self.path = path
        self.n_threads = n_threads
        self.extra_bufts = extra_bufts_wanted() if extra_bufts is None else extra_bufts
        t = time.perf_counter()
        with model_params(self.extra_bufts):
            self.llama: Any = llama_cpp.Llama(
                model_path=str(path), n_ctx=N_CTX, n_threads=n_threads, n_threads_batch=n_threads,
                verbose=False,
            )
        self.load_s = time.perf_counter() - t
        try:
            self.format: Any = _chat_format(self.llama)
            self.words = _word_tokens(self.llama)
        except Exception:  # a template we cannot use: the model words replies from the start
            self.format, self.words = None, {}
        self._grammars: dict[str, Any] = {}

    @property
    def prefills(self) -> bool:
        """Whether a reply can be started for the model (it needs the model's chat template)."""
        return self.format is not None

    def generate(self, request: dict[str, Any], stop: Callable[[], str | None]) -> tuple[str, int]:
        """The reply to one request (the wire form of ``backends.Request``) and its token count.

        ``stop()`` is asked after every token; a reason it returns ends generation with
        GenerationError (the deadline passed, the chat cancelled the request)."""
        prefix = str(request.get("prefix") or "")
        if prefix and not self.prefills:
            raise GenerationError("this model cannot be given the start of a reply")
        source = request.get("grammar")
        grammar = self._grammar(source) if source else None
        parts: list[str] = []
        n = 0
        stream = self._stream(request, prefix, grammar)
        try:
            for piece in stream:
                parts.append(piece)
                n += 1
                # Only what the model said can finish the reply: the prefix may hold a "?".
                if not grammar and _finished("".join(parts)[len(prefix):]):
                    break
                reason = stop()
                if reason:
                    raise GenerationError(reason)
        except (ValueError, RuntimeError) as e:  # a prompt too long for the context, a template error
            raise GenerationError(f"the model failed: {e}") from None
        finally:
            stream.close()
        return "".join(parts), max(0, n - (1 if prefix else 0))

    def _stream(self, request: dict[str, Any], prefix: str, grammar: Any) -> Generator[str, None, None]:
        """The reply's text as it is generated: after the prefix, if the request starts one."""
        banned = {t: -100.0 for w in request.get("avoid") or () for t in self.words.get(str(w).lower(), ())}
        decoding = {"max_tokens": int(request.get("max_tokens") or 40),
                    "temperature": float(request.get("temperature") or 0.0), "seed": request.get("seed"),
                    "grammar": grammar, "stream": True, "logit_bias": banned or None}
        messages = request.get("messages") or []
        if prefix:
            prompt = self.format(messages=messages).prompt + prefix
            tokens = self.llama.tokenize(prompt.encode(), add_bos=False, special=True)
            chunks = self.llama.create_completion(prompt=tokens, **decoding)
        else:
            chunks = self.llama.create_chat_completion(messages=messages, **decoding)
        try:
            if prefix:
                yield prefix
            for chunk in chunks:
                choice = chunk["choices"][0]
                yield choice["text"] if "text" in choice else (choice["delta"].get("content") or "")
        finally:
            chunks.close()

    def _grammar(self, source: str) -> Any:
        if source not in self._grammars:
            from llama_cpp import LlamaGrammar  # type: ignore[attr-defined]

            self._grammars[source] = LlamaGrammar.from_string(source, verbose=False)
        return self._grammars[source]


def system_info() -> dict[str, str]:
    """What llama.cpp was built as and the CPU features it sees (``coach models --check``)."""
    import llama_cpp

    info = llama_cpp.llama_print_system_info().decode("utf-8", "replace").strip()
    return {"build": f"llama-cpp-python {llama_cpp.__version__}", "system": info}


@contextlib.contextmanager
def model_params(extra_bufts: bool) -> Generator[None, None, None]:
    """Load with llama.cpp's extra buffer types on or off. llama-cpp-python has no option for it,
    so the default model parameters it starts from are adjusted while the model loads."""
    import llama_cpp.llama_cpp as native

    original = native.llama_model_default_params

    def params() -> Any:
        p = original()
        p.use_extra_bufts = extra_bufts
        return p

    native.llama_model_default_params = params
    try:
        yield
    finally:
        native.llama_model_default_params = original


class _NoRedirect:
    def __init__(self, disable: bool = True) -> None:
        pass

    def __enter__(self) -> _NoRedirect:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


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
