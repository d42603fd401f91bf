"""A mentee's search and an author's flow statistics over 1,000 stored conversations.

Run: .venv/bin/python benchmarks/bench_search_stats.py [--sessions 1000] [--runs 7]

Sessions walk the default flow's steps in order (a coach question and a varied answer per step,
seeded), with the stalls real ones have: re-asks, /skip, /back, /pause, /quit, and some left
open. Measured: the search itself (what `coach search` runs: an FTS5 query, best 50 first) and the
whole statistics report (what `coach flow stats` runs), in process; then each command end to
end, a new Python process included. Targets: search under 100 ms, statistics under 1 s.
Writes benchmarks/results/search_stats.{json,md}.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import machine, write
from vocab import VOCAB

from coach.authoring.stats import flow_stats
from coach.flow.spec import load_flow
from coach.resources import default_flow
from coach.share.history import search
from coach.store.database import Store, Turn, open_db

QUERIES = ("roadmap", "people growth", "money freedom", "quokka", "team lead growth")  # quokka: no match


def make_sessions(store: Store, n: int, seed: int = 11) -> int:
    """``n`` conversations of the default flow; returns the number of turns stored."""
    flow = load_flow(default_flow())
    steps = [s for s in flow.steps.values() if s.ask]
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        sid = store.create_session(mentee=f"m{i % 50}", flow=flow.name, flow_version=flow.version,
                                   flow_path=str(flow.path), step=steps[0].name, phase=steps[0].phase,
                                   values={}, state={})
        turns: list[Turn] = []
        status, at = "completed", steps[-1]
        for step in steps:
            at = step
            turns.append(Turn("coach", step.ask or "", step.name, step.phase, kind="ask"))
            roll = rng.random()
            if roll < 0.06:
                turns += [Turn("mentee", "ok", step.name, step.phase, kind="answer"),
                          Turn("coach", "Could you say a little more?", step.name, step.phase, kind="reask")]
            elif roll < 0.09:
                turns.append(Turn("mentee", "/skip", step.name, step.phase, kind="answer"))
                continue
            elif roll < 0.10:
                turns.append(Turn("mentee", "/back", step.name, step.phase, kind="answer"))
            elif roll < 0.105:
                turns.append(Turn("mentee", "/pause", step.name, step.phase, kind="answer"))
                status = "paused"
                break
            elif roll < 0.108:
                turns.append(Turn("mentee", "/quit", step.name, step.phase, kind="answer"))
                status = "stopped"
                break
            words = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(6, 24)))
            turns.append(Turn("mentee", f"I {words}", step.name, step.phase, kind="answer"))
        store.save(sid, step=at.name, phase=at.phase, values={}, state={}, status=status, turns=turns)
        total += len(turns)
    return total


def timed(fn: object, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append((time.perf_counter() - t) * 1000)
    return out


def command(args: list[str], runs: int) -> list[float]:
    coach = Path(sys.executable).with_name("coach")
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([str(coach), *args], check=True, capture_output=True)
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    a = parser.parse_args()
    started = machine()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "coach.db"
        store = Store(open_db(db))
        t = time.perf_counter()
        turns = make_sessions(store, a.sessions)
        built = time.perf_counter() - t
        flows = {(f := load_flow(default_flow())).name: f}
        search_ms = {q: timed(lambda q=q: search(store, q), a.runs) for q in QUERIES}
        stats_ms = timed(lambda: flow_stats(store, flows), a.runs)
        cli_search = command(["search", "roadmap", "--db", str(db)], max(3, a.runs // 2))
        cli_stats = command(["flow", "stats", "--db", str(db)], max(3, a.runs // 2))
        # The floor: the same command on an empty database is Python's and the imports' start-up.
        cli_empty = command(["search", "roadmap", "--db", str(Path(tmp) / "empty.db")], max(3, a.runs // 2))
    worst_search = max(statistics.median(v) for v in search_ms.values())
    data = {
        "sessions": a.sessions, "turns": turns, "build_s": round(built, 1), "runs": a.runs,
        "search_median_ms": {q: round(statistics.median(v), 2) for q, v in search_ms.items()},
        "search_worst_median_ms": round(worst_search, 2),
        "stats_median_ms": round(statistics.median(stats_ms), 1),
        "cli_search_median_ms": round(statistics.median(cli_search), 1),
        "cli_stats_median_ms": round(statistics.median(cli_stats), 1),
        "cli_search_empty_db_median_ms": round(statistics.median(cli_empty), 1),
        "targets": {"search_ms": 100, "stats_ms": 1000},
    }
    rows = "\n".join(f"| `coach search {q}` (the query) | {ms} ms |" for q, ms in data["search_median_ms"].items())
    md = f"""{a.sessions:,} conversations of the default flow ({turns:,} turns; re-asks, /skip, /back, /pause, /quit
and conversations left open among them), medians of {a.runs} runs.

| what | median |
|---|---:|
{rows}
| `coach flow stats` (the whole report) | {data['stats_median_ms']} ms |
| `coach search roadmap`, the command end to end (a new Python process) | {data['cli_search_median_ms']} ms |
| `coach flow stats`, the command end to end (a new Python process) | {data['cli_stats_median_ms']} ms |
| `coach search roadmap` on a new, empty database (start-up) | {data['cli_search_empty_db_median_ms']} ms |

Targets: search under 100 ms (worst query here: {data['search_worst_median_ms']} ms), statistics under 1 s
({data['stats_median_ms']} ms). End to end, a command is mostly Python's start-up and imports (the
empty-database line): the search itself adds a few milliseconds to it.
"""
    headline = [
        (f"`coach search` over {a.sessions:,} conversations (worst query, median)",
         f"{data['search_worst_median_ms']} ms"),
        (f"`coach flow stats` over {a.sessions:,} conversations (median)", f"{data['stats_median_ms']} ms"),
    ]
    print(write("search_stats", data, md, started, headline=headline).read_text())


if __name__ == "__main__":
    main()
