"""The model worker: llama.cpp in its own process, one JSON object per line on stdin and stdout.

    python -m coach.rephrase.worker --model PATH --threads N

The chat (``coach.rephrase.supervisor.WorkerBackend``) starts it and never imports llama.cpp, so
a crash, hang or out-of-memory here costs a rewording, never the conversation. Messages:

    worker -> chat  {"type": "ready", "sha256", "prefills", "load_s", "n_threads", "extra_bufts",
                     "build", "system"}  or  {"type": "failed", "error"} (then it exits)
    chat -> worker  {"type": "complete", "id", "request": {messages, max_tokens, temperature, seed,
                     grammar, prefix, avoid, deadline}}  and  {"type": "cancel", "id"}
    worker -> chat  {"type": "reply", "id", "text", "tokens", "ms"}  or  {"type": "error", "id", "error", "ms"}

``deadline`` is on the shared monotonic clock (``time.monotonic()``, system-wide on Linux and
macOS). Requests are answered in order; one whose deadline passed before its turn is skipped.
End of input (the chat closing, or dying) makes the worker exit.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import queue
import shlex
import signal
import sys
import threading
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coach.rephrase.backends import Request

# Set to a command (e.g. "python my_worker.py") to run instead of this module; tests use it to
# put a worker that crashes, hangs or writes garbage behind a real `coach chat`.
WORKER_ENV = "COACH_WORKER"
_QUIT = -1


def exit_reason(code: int) -> str:
    """How a worker that exited with ``code`` (negative: the signal) went, in words."""
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"the model worker stopped ({name})"
    return "the model worker exited" + (f" with status {code}" if code else "")


def worker_command() -> list[str]:
    """The command that starts a worker: COACH_WORKER, or this Python running this module."""
    custom = os.environ.get(WORKER_ENV, "").strip()
    return shlex.split(custom) if custom else [sys.executable, "-m", "coach.rephrase.worker"]


def model_threads() -> int:
    """Threads for generation: all cores but one for the chat, 1 to 2 (benchmarks/bench_threads.py).

    On 2 cores, 1 thread was as fast as 2 when idle and far steadier when the machine is busy."""
    return max(1, min(2, (os.cpu_count() or 1) - 1))


def wire(request: Request) -> dict[str, Any]:
    """What the worker needs of a request (its cancel event stays in the chat: cancelling is a message)."""
    return {"messages": request.messages, "max_tokens": request.max_tokens, "temperature": request.temperature,
            "seed": request.seed, "grammar": request.grammar, "prefix": request.prefix,
            "avoid": list(request.avoid), "deadline": request.deadline}


class Worker:
    """Reads requests on one thread, generates on the main thread, writes one line per answer."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.jobs: queue.Queue[tuple[int, dict[str, Any]]] = queue.Queue()
        self.cancelled: set[int] = set()
        self.quitting = False
        self._lock = threading.Lock()

    def send(self, obj: dict[str, Any]) -> None:
        """One protocol line (the reader thread never writes, so no lock is needed)."""
        self.out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.out.flush()

    def read(self, stdin: IO[str]) -> None:
        """Queue requests and note cancellations until end of input."""
        for line in stdin:
            try:
                msg = json.loads(line)
                kind, ident = msg.get("type"), int(msg.get("id", 0))
            except (ValueError, TypeError, AttributeError):
                continue  # the chat only writes well-formed lines; anything else is not ours
            if kind == "complete":
                self.jobs.put((ident, dict(msg.get("request") or {})))
            elif kind == "cancel":
                with self._lock:
                    self.cancelled.add(ident)
        self.quitting = True
        self.jobs.put((_QUIT, {}))

    def stop_reason(self, ident: int, deadline: float) -> str | None:
        """Why generation for ``ident`` should stop now, if it should."""
        if self.quitting:
            return "the chat has closed"
        if time.monotonic() > deadline:  # first: the chat also calls off what it stopped waiting for
            return "deadline passed"
        with self._lock:
            if ident in self.cancelled:
                return "cancelled"
        return None

    def serve(self, model: Any) -> None:
        """Answer requests in order until end of input."""
        from coach.rephrase.llama import GenerationError

        while True:
            ident, request = self.jobs.get()
            if ident == _QUIT:
                return
            deadline = float(request.get("deadline") or 0.0)
            reason = self.stop_reason(ident, deadline)
            if reason:  # stale: the chat has stopped waiting for it
                with self._lock:
                    self.cancelled.discard(ident)
                self.send({"type": "error", "id": ident, "error": f"skipped: {reason}"})
                continue
            t = time.perf_counter()
            try:
                text, tokens = model.generate(request, functools.partial(self.stop_reason, ident, deadline))
            except GenerationError as e:
                ms = round((time.perf_counter() - t) * 1000, 1)
                self.send({"type": "error", "id": ident, "error": str(e), "ms": ms})
                continue
            finally:
                with self._lock:
                    self.cancelled.discard(ident)
            ms = round((time.perf_counter() - t) * 1000, 1)
            self.send({"type": "reply", "id": ident, "text": text, "tokens": tokens, "ms": ms})


def main(argv: list[str] | None = None) -> None:
    """Load the model, say whether it is ready, then serve requests until end of input."""
    parser = argparse.ArgumentParser(prog="python -m coach.rephrase.worker")
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    # ggml's OpenMP threads spin while they wait for each other. On a busy machine a spinning thread
    # holds a core its partner needs: 2-thread generation went from ~0.55 s to 1.4 s median (p95 6 s)
    # per rewording with other work running. Passive waiting costs nothing measurable when idle.
    # (Read when llama.cpp's library loads, so it is set before the import below.)
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    # Ctrl-C in the terminal is the chat's to handle; the chat ends the worker by closing its input.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # If memory runs out, Linux should kill the worker (a rewording lost) before the chat.
    with contextlib.suppress(OSError):
        Path("/proc/self/oom_score_adj").write_text("500")
    # The protocol gets its own copy of stdout; fd 1 then points at stderr, so anything native
    # code prints can never be mistaken for (or corrupt) a reply.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    worker = Worker(out)
    try:
        from coach.rephrase.llama import LlamaModel, system_info
        from coach.rephrase.models import sha256

        model = LlamaModel(args.model, max(1, args.threads))
        ready = {"type": "ready", "sha256": sha256(args.model), "prefills": model.prefills,
                 "load_s": round(model.load_s, 3), "n_threads": model.n_threads,
                 "extra_bufts": model.extra_bufts, **system_info()}
    except Exception as e:  # any failure to load means: no model; the chat says so in one line
        worker.send({"type": "failed", "error": f"model {args.model} could not be loaded "
                                                  f"({type(e).__name__}: {e})"})
        os._exit(1)
    worker.send(ready)
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    reader = threading.Thread(target=worker.read, args=(stdin,), name="coach-worker-read", daemon=True)
    reader.start()
    worker.serve(model)
    out.flush()
    # Freeing the model runs native destructors that have nothing left to do; exiting without
    # them keeps the worker's exit quiet and quick.
    os._exit(0)


if __name__ == "__main__":
    main()
