"""How many threads the model worker should use, and what llama.cpp's extra buffer types cost.

For each set-up (threads x extra buffer types x idle or a CPU hog on every core) a fresh model
worker rewords every question frame of the default flow through the chat's own live path
(GuardedRephraser, no reuse), with a deadline long enough never to cut a reply short, so the
figures are raw speed. Writes benchmarks/results/threads.{json,md}.

    .venv/bin/python benchmarks/bench_threads.py [--threads 1,2] [--rounds 2] [--bufts off,on]
    .venv/bin/python benchmarks/bench_threads.py --threads 2 --bufts off --load idle --wait passive,active \
        --name threads-wait
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from results import machine, write

from coach.flow.spec import load_flow
from coach.rephrase.backends import Request
from coach.rephrase.frame import MARKERS, Frame, flow_frames
from coach.rephrase.llama import EXTRA_BUFTS_ENV
from coach.rephrase.models import find_models
from coach.rephrase.rephraser import STAND_INS, GuardedRephraser
from coach.rephrase.supervisor import WorkerBackend
from coach.resources import default_flow

HOG = "while True: pass"


@contextmanager
def cpu_hog(on: bool) -> Iterator[None]:
    """One busy process per core while the block runs (stopped by their own pids afterwards)."""
    procs = [subprocess.Popen([sys.executable, "-c", HOG]) for _ in range(os.cpu_count() or 1)] if on else []
    try:
        time.sleep(0.5 if on else 0)
        yield
    finally:
        for p in procs:
            p.kill()
            p.wait()


class Timed:
    """The worker backend, keeping the worker's own figures for each reply."""

    def __init__(self, inner: WorkerBackend) -> None:
        self.inner = inner
        self.sha256 = inner.sha256
        self.replies: list[dict[str, Any]] = []

    @property
    def prefills(self) -> bool:
        return self.inner.prefills

    def complete(self, request: Request) -> str:
        reply = self.inner.generate(request)
        self.replies.append(reply)
        return str(reply["text"])


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def one(path: Path, threads: int, bufts: bool, hog: bool, rounds: int, wait: str) -> dict[str, Any]:
    """One set-up: a fresh worker, then every frame ``rounds`` times through the live path."""
    os.environ[EXTRA_BUFTS_ENV] = "1" if bufts else "0"
    os.environ["OMP_WAIT_POLICY"] = wait.upper()  # how ggml's threads wait for each other
    frames = flow_frames(load_flow(default_flow()))
    with cpu_hog(hog):
        t = time.perf_counter()
        backend = WorkerBackend(path, n_threads=threads, wait=True)
        ready = time.perf_counter() - t
        timed = Timed(backend)
        rephraser = GuardedRephraser(timed, seed=7, cache=False, deadline_s=60.0)  # type: ignore[arg-type]
        ms: list[float] = []
        first = 0.0
        for r in range(rounds):
            for text, keep in frames:
                frame = Frame(text, STAND_INS[: sum(m in text for m in MARKERS)])
                canonical = frame.fill(frame.text) or text
                t = time.perf_counter()
                rephraser.rephrase(canonical, list(keep), None, frame)
                took = (time.perf_counter() - t) * 1000
                if r == 0 and not first:
                    first = took
                else:
                    ms.append(took)
        backend.close()
    tokens = sum(int(r.get("tokens") or 0) for r in timed.replies[1:])
    gen_ms = sum(float(r.get("ms") or 0) for r in timed.replies[1:])
    ok = sum(ok for _, ok in rephraser.generations)
    return {"threads": threads, "extra_bufts": bufts, "hog": hog, "wait": wait, "ready_s": round(ready, 2),
            "first_ms": round(first), "median_ms": round(statistics.median(ms)), "p95_ms": round(pct(ms, 0.95)),
            "max_ms": round(max(ms)), "tokens_per_s": round(tokens / (gen_ms / 1000), 1) if gen_ms else None,
            "generations": len(rephraser.generations), "accepted": ok}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--bufts", default="off,on")
    parser.add_argument("--load", default="idle,hog")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--wait", default="passive", help="OMP_WAIT_POLICY values to try: passive,active")
    parser.add_argument("--name", default="threads", help="results file name")
    args = parser.parse_args()
    models = find_models()
    if not models:
        sys.exit("no model found; run ./scripts/setup")
    started = machine()
    rows = []
    for hog in [h == "hog" for h in args.load.split(",")]:
        for bufts in [b == "on" for b in args.bufts.split(",")]:
            for wait in args.wait.split(","):
                for threads in [int(n) for n in args.threads.split(",")]:
                    row = one(models[0].path, threads, bufts, hog, args.rounds, wait)
                    print(row, flush=True)
                    rows.append(row)
    table = ["| load | threads | extra bufts | threads wait | worker ready | first reply (reads the prompt) | "
             "per rewording median / p95 / max | tokens/s (with reading each question) |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        load = "CPU hog on every core" if r["hog"] else "no hog (the machine as it was)"
        table.append(f"| {load} | {r['threads']} | {'on' if r['extra_bufts'] else 'off'} | {r['wait']} | "
                     f"{r['ready_s']:.2f} s | "
                     f"{r['first_ms']} ms | {r['median_ms']} / {r['p95_ms']} / {r['max_ms']} ms | "
                     f"{r['tokens_per_s']} |")
    md = write(args.name, {"rows": rows, "rounds": args.rounds, "model": models[0].path.name},
               "Raw speed of the model worker per set-up (no deadline cut-offs), over every question "
               "frame of the default flow.\n\n" + "\n".join(table), started)
    print(md.read_text())


if __name__ == "__main__":
    main()
