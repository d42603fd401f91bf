"""Does a command cost more when the database holds 1,000 sessions instead of one?

Every command people use is timed as they would run it (a fresh `coach` process, median of
--runs) against a database of 1 and of 1,000 realistic sessions (copies of a whole real
conversation, ~45 turns each), and the store calls behind the listing and the retention purge
are timed in-process too. Writes benchmarks/results/growth.md and growth.json.

    .venv/bin/python benchmarks/bench_growth.py [--sessions 1000] [--runs 7]

Target (issue 14): at 1,000 sessions every command within 1.3x of its 1-session time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from coach.share import retention
from coach.store.database import Store

RESULTS = Path(__file__).resolve().parent / "results"
ANSWERS = [
    "yes", "Lead the platform team in five years", "My manager's job because she shapes the roadmap",
    "Not the sales director, far too much travel", "Planning, hiring and roadmaps",
    "Because building things with people matters", "Because I love solving the hardest problems",
    "yes", "yes", "no", "impact", "Sourdough baking and mountain hiking!", "A long walk in the hills",
    "Systems thinking", "Platform work", "Fine with that", "yes", "Lead one small project",
]


def coach(home: Path, *args: str, stdin: str = "") -> float:
    """Seconds one `coach` command takes, start to exit."""
    env = {**os.environ, "COACH_HOME": str(home), "COACH_REPHRASE": "off"}
    env.pop("COACH_DB", None)
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "coach", *args], input=stdin, capture_output=True, text=True,
                          env=env, check=False)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"coach {' '.join(args)} failed: {done.stderr}")
    return elapsed


def build(db: Path, home: Path, sessions: int) -> None:
    """One real conversation through the CLI, then copied until there are ``sessions`` of them."""
    coach(home, "chat", "--jsonl", "--no-llm", "--db", str(db), "--mentee", "sam",
          stdin="".join(a + "\n" for a in ANSWERS))
    coach(home, "config", "retention", "3650", "--db", str(db))
    store = Store.open(db)
    with store.db.atomic():
        for i in range(1, sessions):
            cur = store.db.execute(
                "INSERT INTO sessions (mentee, flow, flow_version, flow_path, step, phase, status, vals, state,"
                " started_at, updated_at, ended_at, previous_id) SELECT ?, flow, flow_version, flow_path, step,"
                " phase, status, vals, state, started_at, updated_at, ended_at, NULL FROM sessions WHERE id = 1",
                [f"mentee{i % 50}"],
            )
            store.db.execute(
                "INSERT INTO turns (session_id, n, role, text, step, phase, at, canonical, rephrased, guard_ok,"
                " guard_reasons, model_sha256, prompt) SELECT ?, n, role, text, step, phase, at, canonical,"
                " rephrased, guard_ok, guard_reasons, model_sha256, prompt FROM turns WHERE session_id = 1",
                [cur.lastrowid],
            )
    store.compact()
    # And one paused conversation, the newest, to resume.
    coach(home, "chat", "--jsonl", "--no-llm", "--db", str(db), "--mentee", "sam", stdin="yes\nLead a team\n")
    Store.open(db).compact()  # everything in the file itself, so a plain copy has it all


def commands(db: Path, key: str, paused: int) -> dict[str, tuple[list[str], str]]:
    """What to run, on session 1 wherever a session is named."""
    d = ["--db", str(db)]
    return {
        "sessions": (["sessions", *d], ""),
        "sessions --json": (["sessions", "--json", *d], ""),
        "show": (["show", "1", *d], ""),
        "show --format md": (["show", "1", "--format", "md", *d], ""),
        "chat (start, pause)": (["chat", "--jsonl", "--no-llm", "--mentee", "sam", *d], ""),
        "chat --resume": (["chat", "--jsonl", "--no-llm", "--resume", str(paused), *d], ""),
        "config retention": (["config", "retention", *d], ""),
        "shares": (["shares", *d], ""),
        "share --preview": (["share", "1", "--to", key, "--scope", "full", "--preview", *d], ""),
        "delete": (["delete", "1", "--yes", *d], ""),
    }


def in_process(db: Path, runs: int) -> dict[str, float]:
    """Milliseconds of the store calls behind `coach sessions` and the retention purge."""
    store = Store.open(db)
    out = {}
    for name, call in (("Store.sessions()", store.sessions), ("retention.due()", lambda: retention.due(store))):
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            call()
            times.append((time.perf_counter() - t0) * 1000)
        out[name] = statistics.median(times)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sessions", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    home = tmp / "home"
    sizes = (1, args.sessions)  # completed sessions; each database also holds one paused one
    bases = {}
    for n in sizes:
        bases[n] = tmp / f"base{n}.db"
        build(bases[n], home, n)
    coach(home, "mentor", "init", "--name", "alex")
    key = (home / "keys" / "mentor.pub").read_text().splitlines()[-1]
    # Runs interleave the two sizes, so a busy moment on the machine costs both the same.
    samples: dict[str, dict[int, list[float]]] = {}
    db = tmp / "run.db"
    for _ in range(args.runs):
        for n in sizes:
            for name, (argv, stdin) in commands(db, key, n + 1).items():
                for side in ("", "-wal", "-shm", "-lock"):  # a fresh copy: delete and chat change it
                    Path(str(db) + side).unlink(missing_ok=True)
                shutil.copyfile(bases[n], db)
                os.sync()  # else the first fsync inside the command also flushes the fresh copy
                samples.setdefault(name, {}).setdefault(n, []).append(coach(home, *argv, stdin=stdin) * 1000)
    cli = {name: {n: statistics.median(xs) for n, xs in by_size.items()} for name, by_size in samples.items()}
    lib = {n: in_process(bases[n], args.runs * 3) for n in sizes}
    shutil.rmtree(tmp)

    small, big = sizes
    rows = [(name, t[small], t[big], t[big] / t[small]) for name, t in cli.items()]
    lines = [
        f"# Growth: {small + 1} vs {big + 1:,} sessions",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d} on {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; median of {args.runs} runs, a fresh `coach` process each."
        " Written by benchmarks/bench_growth.py.",
        "",
        f"| command | {small + 1} sessions (ms) | {big + 1:,} sessions (ms) | ratio |",
        "|---|---:|---:|---:|",
        *[f"| `{name}` | {a:.0f} | {b:.0f} | {r:.2f}x |" for name, a, b, r in rows],
        "",
        f"Worst ratio: {max(r for *_, r in rows):.2f}x (target: at most 1.3x).",
        "",
        "The store calls behind the listing and the retention purge, in-process:",
        "",
        f"| call | {small + 1} sessions (ms) | {big + 1:,} sessions (ms) |",
        "|---|---:|---:|",
        *[f"| `{name}` | {lib[small][name]:.2f} | {lib[big][name]:.2f} |" for name in lib[small]],
    ]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "growth.md").write_text("\n".join(lines) + "\n")
    (RESULTS / "growth.json").write_text(json.dumps(
        {"sessions": list(sizes), "runs": args.runs, "commands_ms": cli, "store_ms": lib}, indent=1) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
