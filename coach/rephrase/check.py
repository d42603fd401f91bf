"""`coach models --check`: load a model in a throwaway worker, generate once, say what happened."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from coach.rephrase.backends import BackendError, Request
from coach.rephrase.llama import EXTRA_BUFTS_ENV

QUESTION = "You said [X]. What makes that important to you?"
START = "You said [X]. Can you tell me what"
CHECK_DEADLINE_S = 120.0


@dataclass
class ModelCheck:
    """What a check found: the build, the CPU features llama.cpp sees, timings, and whether it works."""

    path: str
    works: bool = False
    error: str | None = None
    sha256: str | None = None
    build: str | None = None
    cpu_features: list[str] = field(default_factory=list)
    extra_bufts: bool | None = None
    n_threads: int | None = None
    load_s: float | None = None  # llama.cpp loading the file, in the worker
    ready_s: float | None = None  # starting the worker to its first "ready"
    first_s: float | None = None  # the first reply: it reads the whole prompt
    tokens: int = 0
    generate_s: float | None = None  # a second reply, the prompt already read
    reply: str | None = None
    stderr: str = ""

    @property
    def tokens_per_s(self) -> float | None:
        """Generation speed of the second reply (tokens/s), if there was one."""
        return self.tokens / self.generate_s if self.tokens and self.generate_s else None

    def as_dict(self) -> dict[str, Any]:
        """The check as plain data (``--json``)."""
        return {**asdict(self), "tokens_per_s": self.tokens_per_s}

    def lines(self) -> list[str]:
        """The check as a short report."""
        out = [f"model        {self.path}", f"sha256       {(self.sha256 or '?')[:12]}"]
        if self.build:
            out.append(f"build        {self.build}")
            out.append(f"cpu          {' '.join(self.cpu_features) or '(none reported)'}")
            out.append(f"extra bufts  {'on' if self.extra_bufts else 'off'} "
                       f"({EXTRA_BUFTS_ENV}=1 allows AMX and repacked weights; off is the safe default)")
            out.append(f"threads      {self.n_threads}")
        if self.load_s is not None and self.ready_s is not None:
            out.append(f"load         {self.load_s:.2f} s (worker ready {self.ready_s:.2f} s after start)")
        if self.works and self.generate_s is not None:
            speed = f", {self.tokens_per_s:.0f} tokens/s" if self.tokens_per_s else ""
            out.append(f"generation   works: first reply {self.first_s:.2f} s (reads the prompt), then "
                       f"{self.tokens} tokens in {self.generate_s:.2f} s{speed}")
            out.append(f"reply        {self.reply!r}")
        else:
            out.append(f"generation   FAILED: {self.error}")
            if self.stderr.strip():
                out += ["worker stderr (last lines):", *("  " + s for s in self.stderr.strip().splitlines()[-10:])]
        return out


def check_model(path: Path, n_threads: int | None = None) -> ModelCheck:
    """Start a worker for ``path`` (no restarts), generate twice, and stop it."""
    from coach.rephrase.rephraser import prompt_messages
    from coach.rephrase.supervisor import WorkerBackend

    result = ModelCheck(str(path))
    t = time.perf_counter()
    backend = WorkerBackend(path, n_threads=n_threads, max_restarts=0, quiet=True)
    try:
        if not backend.wait(CHECK_DEADLINE_S):
            result.error = backend.error or (backend.failures or ["the worker did not become ready"])[-1]
            return result
        result.ready_s = time.perf_counter() - t
        info = backend.info
        result.sha256, result.build = backend.sha256, info.get("build")
        result.cpu_features = _features(str(info.get("system") or ""))
        result.extra_bufts, result.n_threads = info.get("extra_bufts"), info.get("n_threads")
        result.load_s = info.get("load_s")
        prefix = START if backend.prefills else ""
        messages = prompt_messages(QUESTION, [], None)
        try:
            t = time.perf_counter()
            backend.generate(_request(messages, prefix, 1))
            result.first_s = time.perf_counter() - t
            reply = backend.generate(_request(messages, prefix, 2))
        except BackendError as e:
            result.error = str(e)
            return result
        result.reply, result.tokens = str(reply.get("text")), int(reply.get("tokens") or 0)
        result.generate_s = float(reply.get("ms") or 0.0) / 1000
        result.works = bool(result.reply.strip()) and result.tokens > 0
        if not result.works:
            result.error = "the model replied with nothing"
        return result
    finally:
        result.stderr = backend.stderr_tail()
        backend.close()


def _request(messages: list[dict[str, str]], prefix: str, seed: int) -> Request:
    return Request(messages=messages, prefix=prefix, grammar=None, temperature=0.0, seed=seed,
                   deadline=time.monotonic() + CHECK_DEADLINE_S)


def _features(system: str) -> list[str]:
    """The features llama.cpp reports as on: "CPU : SSE3 = 1 | AVX = 1 | AMX_INT8 = 0 |" -> SSE3 AVX."""
    out = []
    for part in system.replace("CPU :", "|").split("|"):
        name, _, value = part.partition("=")
        if value.strip() == "1" and name.strip():
            out.append(name.strip())
    return out
