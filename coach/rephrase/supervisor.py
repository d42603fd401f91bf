"""The chat's side of the model worker: start it, send it requests, stop waiting at the deadline.

llama.cpp runs in a child process (``python -m coach.rephrase.worker``, see that module for the
protocol). Whatever the child does (crash, hang, run out of memory, write garbage), the chat
gets a BackendError, shows the flow's own wording, tells the mentee once that rewording is off
for now, and starts a new worker at most MAX_RESTARTS times.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.rephrase.backends import BackendError, Request
from coach.rephrase.worker import exit_reason, model_threads, wire, worker_command

MAX_RESTARTS = 2
# A worker that has answered nothing for this long is stuck (a healthy one stops at its deadline).
HANG_S = 20.0
LOAD_TIMEOUT_S = 60.0
CLOSE_WAIT_S = 0.5
MAX_LINE = 1 << 20
_GARBAGE = "the model worker wrote something that is not the protocol"
NOTICE = "(Rewording is off for now, so questions come in the conversation's own words. Nothing you say is lost.)"


@dataclass
class _Call:
    """One request the chat is waiting on."""

    background: bool
    done: threading.Event = field(default_factory=threading.Event)
    reply: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


class WorkerBackend:
    """llama.cpp in a child process. Loads in the background; until it is ready, calls fall back."""

    def __init__(
        self, path: Path, n_threads: int | None = None, command: list[str] | None = None,
        wait: bool = False, max_restarts: int = MAX_RESTARTS, hang_s: float = HANG_S, quiet: bool = False,
        start: bool = True,
    ) -> None:
        self.path = path
        self.n_threads = n_threads or model_threads()
        self.command = command or worker_command()
        self.max_restarts = max_restarts
        self.hang_s = hang_s
        self.quiet = quiet  # no line on stderr when the model cannot load (the caller reports it)
        self.sha256: str | None = None
        self.info: dict[str, Any] = {}
        self.error: str | None = None  # set once rewording is off for good
        self.failures: list[str] = []  # why each worker stopped
        self.ready = threading.Event()  # a worker is up and answering
        self._settled = threading.Event()  # ready, or off for good
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._calls: dict[int, _Call] = {}
        self._unanswered: dict[int, float] = {}  # id -> when sent, for noticing a stuck worker
        self._proc: subprocess.Popen[bytes] | None = None
        self._spawned_at = 0.0
        self._kill_reason: dict[int, str | None] = {}
        self._restarts = 0
        self._closed = False
        self._notices: list[str] = []
        self._notices_given = False
        self._stderr: collections.deque[bytes] = collections.deque(maxlen=40)
        self._recent: collections.deque[float] = collections.deque(maxlen=5)
        self._answered: dict[int, int] = {}  # worker pid -> answers with a duration so far
        self._stopping = threading.Event()
        self._started = False
        if start or wait:
            self.start()
        if wait:
            self.wait()

    def start(self) -> None:
        """Start the worker, if not yet (`coach chat` does once its first question is shown: loading
        llama.cpp takes a core for a second, which the chat's own start-up should not share)."""
        with self._lock:
            if self._started or self._closed:
                return
            self._started = True
            self._spawn()
        threading.Thread(target=self._watch, name="coach-worker-watch", daemon=True).start()

    # --- the seam ---------------------------------------------------------------------------

    @property
    def prefills(self) -> bool:
        """Whether the model can continue a started reply (it has a usable chat template)."""
        return bool(self.info.get("prefills"))

    def complete(self, request: Request) -> str:
        """One reply, or BackendError the moment the deadline passes (a late reply is dropped)."""
        return str(self.generate(request)["text"])

    def generate(self, request: Request) -> dict[str, Any]:
        """``complete``, with the worker's whole answer: text, tokens generated, milliseconds."""
        if request.prefix and self.ready.is_set() and not self.prefills:
            raise BackendError("this model cannot be given the start of a reply")
        background = request.cancel is not None
        self.start()
        with self._lock:
            proc = self._proc
            if self._closed:
                raise BackendError("the model worker is closed")
            if proc is None or not self.ready.is_set():
                raise BackendError(self.error or "model still loading")
            ident = next(self._ids)
            call = self._calls[ident] = _Call(background)
            # A live turn goes first: background requests in the worker's queue are called off.
            others = [] if background else [i for i, c in self._calls.items() if c.background and i != ident]
        lines = [{"type": "cancel", "id": i} for i in others]
        lines.append({"type": "complete", "id": ident, "request": wire(request)})
        try:
            self._send(proc, lines, ident)
            reason = self._wait(call, request)
        finally:
            with self._lock:
                self._calls.pop(ident, None)
        if reason is not None:
            self._send_quietly(proc, {"type": "cancel", "id": ident})
            raise BackendError(reason)
        if call.error is not None:
            raise BackendError(call.error)
        return call.reply

    def _wait(self, call: _Call, request: Request) -> str | None:
        """Wait for the answer until the deadline (or the cancel event); why not, if it did not come."""
        while not call.done.is_set():
            remaining = request.deadline - time.monotonic()
            if remaining <= 0:
                return "deadline passed"
            if request.cancel is None:
                call.done.wait(remaining)
            elif request.cancel.is_set():
                return "cancelled for a live turn"
            else:
                call.done.wait(min(remaining, 0.02))
        return None

    # --- for the chat and the tools ---------------------------------------------------------

    def wait(self, timeout: float | None = LOAD_TIMEOUT_S) -> bool:
        """Block until a worker is ready or rewording is off for good; True if it is ready."""
        self.start()
        self._settled.wait(timeout)
        return self.ready.is_set()

    def notices(self) -> list[str]:
        """Lines for the mentee that have not been shown yet (at most one per chat)."""
        with self._lock:
            out, self._notices = self._notices, []
        return out

    def stderr_tail(self) -> str:
        """The last lines the worker wrote on stderr (for `coach models --check`)."""
        return b"".join(self._stderr).decode("utf-8", "replace")

    def close(self) -> None:
        """Stop the worker: end its input, give it a moment to exit, then kill it."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            proc, self._proc = self._proc, None
            self._fail_calls("the model worker is closed")
        self._stopping.set()
        self.ready.clear()
        self._settled.set()
        if proc is not None:
            with self._write_lock:
                _stop(proc)

    # --- the worker process -----------------------------------------------------------------

    def _spawn(self) -> None:
        """Start a worker (called with the lock held)."""
        self.ready.clear()
        self._settled.clear()
        self._unanswered.clear()
        command = [*self.command, "--model", str(self.path), "--threads", str(self.n_threads)]
        try:
            proc = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                # Its own session: Ctrl-C in the terminal reaches the chat, which then ends the worker.
                start_new_session=True, close_fds=True,
            )
        except OSError as e:
            self._give_up(f"the model worker could not be started ({e.strerror or e})", tell=True)
            return
        assert proc.stdin is not None
        # Never block the chat on a worker that has stopped reading: a full pipe is a stuck worker.
        os.set_blocking(proc.stdin.fileno(), False)
        self._proc = proc
        self._spawned_at = time.monotonic()
        threading.Thread(target=self._read, args=(proc,), name="coach-worker-read", daemon=True).start()
        threading.Thread(target=self._drain, args=(proc,), name="coach-worker-err", daemon=True).start()

    def _read(self, proc: subprocess.Popen[bytes]) -> None:
        """Hand each answer to its caller; on end of output, garbage or a crash, clean up."""
        assert proc.stdout is not None
        reason: str | None = None
        try:
            while True:
                line = proc.stdout.readline(MAX_LINE)
                if not line.endswith(b"\n"):  # the end of its output (cut off mid-line if it crashed)
                    reason = _GARBAGE if len(line) >= MAX_LINE else None
                    break
                if not line.strip():
                    continue
                reason = self._take(proc, line)
                if reason:
                    break
        except (OSError, ValueError):
            pass
        _close(proc.stdout)
        if reason:
            self._kill(proc, reason)
        code = proc.wait()
        self._died(proc, self._kill_reason.pop(proc.pid, None) or exit_reason(code))

    def _take(self, proc: subprocess.Popen[bytes], line: bytes) -> str | None:
        """Act on one line from the worker; a reason to stop it if the line is not the protocol."""
        garbage = _GARBAGE
        try:
            msg = json.loads(line)
            kind = msg["type"]
        except (ValueError, KeyError, TypeError):
            return garbage
        if kind == "ready" and isinstance(msg.get("sha256"), str):
            with self._lock:
                if proc is self._proc:
                    self.info, self.sha256 = msg, msg["sha256"]
                    self.ready.set()
                    self._settled.set()
            return None
        if kind == "failed":
            with self._lock:
                if proc is self._proc:
                    self._give_up(str(msg.get("error") or "the model could not be loaded"), tell=True)
            return None
        ident = msg.get("id")
        if kind not in ("reply", "error") or not isinstance(ident, int):
            return garbage
        if kind == "reply" and not isinstance(msg.get("text"), str):
            return garbage
        with self._lock:
            self._unanswered.pop(ident, None)
            self._timing(proc, kind, msg)
            call = self._calls.get(ident)
            if call is not None:  # else it came too late: the caller has moved on
                if kind == "reply":
                    call.reply = msg
                else:
                    call.error = str(msg.get("error"))
                call.done.set()
        return None

    def _timing(self, proc: subprocess.Popen[bytes], kind: str, msg: dict[str, Any]) -> None:
        """Keep how long the worker's recent generations took (late ones included: they say the
        most); not a worker's first, which reads the whole prompt. Called with the lock held."""
        ms = msg.get("ms")
        if not isinstance(ms, (int, float)) or (kind == "error" and msg.get("error") != "deadline passed"):
            return
        seen = self._answered.get(proc.pid, 0)
        self._answered[proc.pid] = seen + 1
        if seen:
            self._recent.append(float(ms))

    def recent_ms(self) -> list[float]:
        """How long recent generations took in the worker, in ms (at least that long, for those the
        deadline cut off). A live turn is not worth asking for when none of them was in time."""
        with self._lock:
            return list(self._recent)

    def _drain(self, proc: subprocess.Popen[bytes]) -> None:
        """Keep the tail of the worker's stderr; nothing it writes reaches the mentee's terminal."""
        assert proc.stderr is not None
        try:
            for line in proc.stderr:
                self._stderr.append(line[:500])
        except (OSError, ValueError):
            pass
        _close(proc.stderr)

    def _died(self, proc: subprocess.Popen[bytes], reason: str) -> None:
        """A worker has gone: its callers fall back; a new one starts, a bounded number of times."""
        with self._write_lock:
            _close(proc.stdin)
        with self._lock:
            if proc is not self._proc:
                return  # closed by the chat, or one already replaced
            self._proc = None
            self.ready.clear()
            self._fail_calls(reason)
            if self._closed or self.error is not None:
                self._settled.set()
                return
            self.failures.append(reason)
            if not self._notices_given:
                self._notices.append(NOTICE)
                self._notices_given = True
            if self._restarts >= self.max_restarts:
                self._give_up(f"rewording is off: {reason}", tell=False)
                return
            self._restarts += 1
            self._spawn()

    def _give_up(self, reason: str, tell: bool) -> None:
        """Rewording is off for the rest of this chat (called with the lock held)."""
        self.error = reason
        self.ready.clear()
        self._settled.set()
        self._fail_calls(reason)
        if tell and not self.quiet:  # a model that cannot load: one line, as for a missing model file
            sys.stderr.write(f"coach: {reason}; using the flow's own wording\n")
            sys.stderr.flush()

    def _fail_calls(self, reason: str) -> None:
        for call in self._calls.values():
            if not call.done.is_set():  # the first reason given is the one that happened
                call.error = reason
                call.done.set()
        self._unanswered.clear()

    def _send(self, proc: subprocess.Popen[bytes], lines: list[dict[str, Any]], ident: int | None = None) -> None:
        """Write whole lines to the worker without ever blocking; a full or broken pipe stops it."""
        data = b"".join(json.dumps(m).encode("ascii") + b"\n" for m in lines)  # ASCII: any locale reads it
        with self._write_lock:
            try:
                written = os.write(proc.stdin.fileno(), data) if proc.stdin is not None else -1
            except (OSError, ValueError):  # BlockingIOError (full), BrokenPipeError, a closed pipe
                written = -1
            if written != len(data):
                self._kill(proc, "the model worker stopped reading its requests")
                raise BackendError("the model worker stopped reading its requests")
        if ident is not None:
            with self._lock:
                self._unanswered[ident] = time.monotonic()

    def _send_quietly(self, proc: subprocess.Popen[bytes], msg: dict[str, Any]) -> None:
        with contextlib.suppress(BackendError):
            self._send(proc, [msg])

    def _kill(self, proc: subprocess.Popen[bytes], reason: str) -> None:
        self._kill_reason.setdefault(proc.pid, reason)
        with contextlib.suppress(OSError):
            proc.kill()

    def _watch(self) -> None:
        """Stop a worker that answers nothing for HANG_S, or takes LOAD_TIMEOUT_S to load."""
        while not self._stopping.wait(1.0):
            now = time.monotonic()
            with self._lock:
                proc = self._proc
                oldest = min(self._unanswered.values(), default=now)
                loading = proc is not None and not self.ready.is_set() and now - self._spawned_at > LOAD_TIMEOUT_S
            if proc is not None and now - oldest > self.hang_s:
                self._kill(proc, f"the model worker did not answer for {self.hang_s:.0f} s")
            elif loading and proc is not None:
                self._kill(proc, f"the model worker did not load in {LOAD_TIMEOUT_S:.0f} s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """End the worker's input (it exits at its next token), then kill it if it lingers."""
    _close(proc.stdin)
    try:
        proc.wait(CLOSE_WAIT_S)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):
            proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(CLOSE_WAIT_S)


def _close(pipe: Any) -> None:
    with contextlib.suppress(OSError, ValueError):
        if pipe is not None:
            pipe.close()
