"""Per-turn cost without the model, and start-up to the first question.

Per turn = rules + machine + template + the durable (WAL, synchronous=FULL) write, measured
around Conversation.reply() on a real database file. Start-up = spawning `coach chat --jsonl`
until its first question is on stdout.

    .venv/bin/python benchmarks/bench_turn.py [--conversations 20] [--startups 10]

Writes benchmarks/results/turn.{json,md}.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import machine, write

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
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


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
        # As on a user's machine: Python keeps the compiled bytecode of coach's modules (a shell
        # that sets PYTHONDONTWRITEBYTECODE recompiles them at every start, ~70 ms here), and the
        # first start, which writes it and the flow cache, is not counted.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update({"COACH_HOME": tmp, "COACH_REPHRASE": "off"})
        for i in range(n + 1):
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-m", "coach", "chat", "--jsonl", "--no-llm", "--mentee", "bench"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
            )
            assert proc.stdout is not None
            for line in proc.stdout:
                if b'"await"' in line:
                    break
            if i:
                times.append((time.perf_counter() - t0) * 1000)
            proc.kill()
            proc.wait()
    return times


def main() -> None:
    """Print the figures and write benchmarks/results/turn.*."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--conversations", type=int, default=20)
    ap.add_argument("--startups", type=int, default=10)
    args = ap.parse_args()
    started = machine()
    turns = bench_turns(args.conversations)
    turn_line = (f"median {statistics.median(turns):.2f} ms, p95 {percentile(turns, 95):.2f} ms, "
                 f"max {max(turns):.2f} ms")
    print(f"per turn (no model, durable write): n={len(turns)} {turn_line}   (target: median < 5 ms)")
    starts = bench_startup(args.startups)
    start_line = f"median {statistics.median(starts):.0f} ms, p95 {percentile(starts, 95):.0f} ms"
    print(f"start-up to first question: n={len(starts)} {start_line}   (target: ≤ 250 ms)")
    md = f"""| what | n | figure |
|---|---:|---|
| one turn, no model: reading the reply, the machine, the template, the durable write | {len(turns)} | {turn_line} |
| start-up to the first question (`coach chat --jsonl --no-llm`, a new process) | {len(starts)} | {start_line} |
"""
    data = {"turn_ms": {"n": len(turns), "median": statistics.median(turns), "p95": percentile(turns, 95),
                        "max": max(turns)},
            "startup_ms": {"n": len(starts), "median": statistics.median(starts), "p95": percentile(starts, 95)}}
    headline = [("one turn without the model (durable write included)", f"{statistics.median(turns):.1f} ms median"),
                ("start-up to the first question, `--no-llm`", f"{statistics.median(starts):.0f} ms median")]
    write("turn", data, md, started, headline)


if __name__ == "__main__":
    main()
