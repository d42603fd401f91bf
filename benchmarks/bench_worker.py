"""Which process to run the model in: coach's own worker (pipes) or llama_cpp.server (HTTP).

For each: time from start to ready, resident memory once loaded, and the round trip of a
one-token request on a prompt already read (what the transport itself costs). Writes
benchmarks/results/worker.{json,md}. (What the server cannot do at all, start the model's reply
or keep words out of it, is measured by bench_rephrase: see the README.)

    .venv/bin/python benchmarks/bench_worker.py [--runs 3] [--requests 20]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from results import machine, write

from coach.rephrase.backends import OpenAIBackend, Request
from coach.rephrase.models import find_models
from coach.rephrase.rephraser import prompt_messages
from coach.rephrase.supervisor import WorkerBackend
from coach.rephrase.worker import model_threads

QUESTION = "What could you happily talk about for hours?"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def round_trips(backend: Any, n: int) -> list[float]:
    """Milliseconds per one-token request, the prompt already read (the first call reads it)."""
    messages = prompt_messages(QUESTION, [], None)
    out = []
    for i in range(n + 1):
        t = time.perf_counter()
        backend.complete(Request(messages=messages, max_tokens=1, grammar=None, seed=i,
                                 deadline=time.monotonic() + 120))
        if i:
            out.append((time.perf_counter() - t) * 1000)
    return out


def worker(path: Path, requests: int) -> dict[str, float]:
    t = time.perf_counter()
    backend = WorkerBackend(path, wait=True)
    ready = time.perf_counter() - t
    assert backend._proc is not None
    rss = rss_mb(backend._proc.pid)
    ms = round_trips(backend, requests)
    backend.close()
    return {"ready_s": ready, "rss_mb": rss, "round_trip_ms": statistics.median(ms)}


def server(path: Path, requests: int) -> dict[str, float]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "coach.rephrase.server", "--model", str(path), "--host", "127.0.0.1",
         "--port", str(port),
         "--n_ctx", "1024", "--n_threads", str(model_threads())],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit("llama_cpp.server did not start") from None
                time.sleep(0.05)
        ready = time.perf_counter() - t
        rss = rss_mb(proc.pid)
        ms = round_trips(OpenAIBackend(f"http://127.0.0.1:{port}"), requests)
    finally:
        proc.terminate()
        proc.wait()
    return {"ready_s": ready, "rss_mb": rss, "round_trip_ms": statistics.median(ms)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    models = find_models()
    if not models:
        sys.exit("no model found; run ./scripts/setup")
    started = machine()
    runs: dict[str, list[dict[str, float]]] = {"worker": [], "server": []}
    for _ in range(args.runs):  # interleaved, so a busy moment hurts both alike
        runs["worker"].append(worker(models[0].path, args.requests))
        runs["server"].append(server(models[0].path, args.requests))
    rows = ["| | ready after start | memory once loaded (RSS) | one-token request, prompt read (median) |",
            "|---|---|---|---|"]
    summary = {}
    for name, label in (("worker", "`python -m coach.rephrase.worker` (pipes)"),
                        ("server", "`python -m llama_cpp.server` (HTTP)")):
        med = {k: statistics.median(r[k] for r in runs[name]) for k in ("ready_s", "rss_mb", "round_trip_ms")}
        summary[name] = {k: round(v, 2) for k, v in med.items()}
        rows.append(f"| {label} | {med['ready_s']:.2f} s | {med['rss_mb']:.0f} MB | {med['round_trip_ms']:.0f} ms |")
    md = write("worker", {"runs": runs, "median": summary, "threads": model_threads()},
               f"Medians of {args.runs} interleaved runs, {model_threads()} model thread(s).\n\n" + "\n".join(rows),
               started)
    print(md.read_text())


if __name__ == "__main__":
    main()
