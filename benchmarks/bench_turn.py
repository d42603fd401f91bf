"""Per-turn cost without the model, and start-up to the first question.

Per turn = rules + machine + template + the durable (WAL, synchronous=FULL) write, measured
around Conversation.reply() on a real database file. Start-up = spawning `coach chat --jsonl`
until its first question is on stdout.

    .venv/bin/python benchmarks/bench_turn.py [--conversations 20] [--startups 10]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coach.conversation.engine import Conversation
from coach.flow.spec import load_flow
from coach.resources import default_flow
from coach.store.database import Store

ANSWERS = [
    "yes", "I want to lead a small product team", "My manager's job, she shapes what we build",
    "The CFO's, spreadsheets all day", "Planning, one-to-ones, unblocking people",
    "Because I like seeing people do more together", "I love helping people grow, it makes me feel useful",
    "yes", "yes", "no", "yes", "money, honestly", "impact", "Climbing! I could talk about it for hours",
    "Read and climb", "Explaining hard things simply", "Mentoring juniors on the platform team",
    "Fine, I'd go", "no", "Lead the next small project", "thanks",
]


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def bench_turns(n: int) -> list[float]:
    flow = load_flow(default_flow())
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        for i in range(n):
            conv = Conversation.start(flow, store, f"mentee{i}")
            conv.open()
            for answer in ANSWERS:
                if conv.finished:
                    break
                t0 = time.perf_counter()
                conv.reply(answer)
                times.append((time.perf_counter() - t0) * 1000)
    return times


def bench_startup(n: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "COACH_HOME": tmp, "COACH_REPHRASE": "off"}
        for _ in range(n):
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-m", "coach", "chat", "--jsonl", "--no-llm", "--mentee", "bench"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
            )
            assert proc.stdout is not None
            for line in proc.stdout:
                if b'"await"' in line:
                    break
            times.append((time.perf_counter() - t0) * 1000)
            proc.kill()
            proc.wait()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--conversations", type=int, default=20)
    ap.add_argument("--startups", type=int, default=10)
    args = ap.parse_args()
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    print(f"machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}")
    turns = bench_turns(args.conversations)
    print(f"per turn (no model, durable write): n={len(turns)} median {statistics.median(turns):.2f} ms, "
          f"p95 {percentile(turns, 95):.2f} ms, max {max(turns):.2f} ms   (target: median < 5 ms)")
    starts = bench_startup(args.startups)
    print(f"start-up to first question: n={len(starts)} median {statistics.median(starts):.0f} ms, "
          f"p95 {percentile(starts, 95):.0f} ms   (target: < 1000 ms)")


if __name__ == "__main__":
    main()
