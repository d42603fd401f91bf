"""A stand-in model worker for fault-injection tests: speaks the worker protocol, then misbehaves.

    python tests/fake_worker.py MODE --model PATH --threads N

MODE is one of:
  echo      answers every request with FAKE_WORKER_REPLY, or the start it was given plus "... ?",
            saying it took FAKE_WORKER_MS milliseconds
  segv      segfaults in the middle of writing its first reply
  hang      reads its first request and never answers (nor reads again)
  exit      exits (status 3) on its first request, before replying
  garbage   answers its first request with a line that is not the protocol
  fail      says the model could not be loaded
  crashload segfaults before it is ready
  slow      waits until the file FAKE_WORKER_GO exists before saying it is ready

Each start appends a line to FAKE_WORKER_LOG (if set), and another once it is ready, so tests
can count restarts and wait for the worker before answering.
No llama.cpp here: these tests run on any CPU.
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
import time


def send(obj: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def segfault() -> None:
    ctypes.string_at(0)  # a real SIGSEGV, as native code would die


def main() -> None:
    mode = sys.argv[1]
    log = os.environ.get("FAKE_WORKER_LOG")
    if log:
        with open(log, "a") as f:
            f.write(f"{os.getpid()} {mode}\n")
    if mode == "crashload":
        segfault()
    if mode == "fail":
        send({"type": "failed", "error": "model fake.gguf could not be loaded (ValueError: fake)"})
        sys.exit(1)
    if mode == "slow":
        go = os.environ["FAKE_WORKER_GO"]
        while not os.path.exists(go):
            time.sleep(0.05)
    send({"type": "ready", "sha256": "e" * 64, "prefills": True, "load_s": 0.0, "n_threads": 1,
          "extra_bufts": False, "build": "fake", "system": "fake"})
    if log:
        with open(log, "a") as f:
            f.write(f"{os.getpid()} ready\n")
    for line in sys.stdin:
        msg = json.loads(line)
        if msg["type"] != "complete":
            continue
        ident, request = msg["id"], msg["request"]
        if mode == "segv":
            sys.stdout.write('{"type": "reply", "id": ' + str(ident) + ', "text": "Can you')
            sys.stdout.flush()
            segfault()
        if mode == "hang":
            while True:
                time.sleep(60)
        if mode == "exit":
            sys.exit(3)
        if mode == "garbage":
            sys.stdout.write("\x00\x01 segmentation fault (core dumped) {not json\n")
            sys.stdout.flush()
            continue
        text = os.environ.get("FAKE_WORKER_REPLY") or (request.get("prefix") or "What") + " ... ?"
        send({"type": "reply", "id": ident, "text": text, "tokens": 3,
              "ms": float(os.environ.get("FAKE_WORKER_MS", "1"))})


if __name__ == "__main__":
    main()
