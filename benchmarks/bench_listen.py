"""Messy mentees against the default flow: how many coach replies would sound robotic or broken.

Run: .venv/bin/python benchmarks/bench_listen.py [--runs 500] [--seed 0]

Plays the conversations `coach flow listen` plays (hedges, corrections, questions back, advice
requests, typos, non-answers, returning mentees; seeded) and counts each defect the checker knows:
cut playbacks, quoted fillers or non-answers, a line said three times, "yes or no?" after a
hedge, questions left unanswered, announced-but-unsaid. Target: 0 of each over 500 conversations.
This is the checker's own view; people typing in a real terminal find more (see docs/conversation.md).
Writes benchmarks/results/listen.{json,md}.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import machine, write

from coach.authoring.naturalness import DEFECTS, listen
from coach.flow.spec import load_flow
from coach.resources import default_flow


def main() -> None:
    """Play, print, and write the results files."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=500)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    started = machine()
    t0 = time.perf_counter()
    found = listen(load_flow(default_flow()), runs=args.runs, seed=args.seed)
    seconds = time.perf_counter() - t0
    print(found.render())
    total = sum(found.counts.values())
    rows = "\n".join(f"| {d} | {found.counts[d]} |" for d in DEFECTS)
    md = (f"{found.conversations} messy conversations (seeds {args.seed}-{args.seed + args.runs - 1}), "
          f"{found.replies} coach replies, {seconds:.1f} s.\n\n| defect | count |\n|---|---:|\n{rows}\n")
    data = {"conversations": found.conversations, "replies": found.replies,
            "counts": {d: found.counts[d] for d in DEFECTS}, "seconds": round(seconds, 1)}
    write("listen", data, md, started, [(
        f"messy-mentee checker (`coach flow listen`), {found.conversations} conversations",
        f"{total} broken of {found.replies} coach replies")])


if __name__ == "__main__":
    main()
