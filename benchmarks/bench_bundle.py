"""Create and open a share bundle of a 500-turn session; print median and p95 timings.

Run: .venv/bin/python benchmarks/bench_bundle.py [--turns 500] [--runs 30]
Creation = draft (scope, redactions, echo checks) + sign + seal + write the file + log it.
Opening  = read + checksum + decrypt + verify + expiry check + store and index it for search.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from nacl.public import PrivateKey
from nacl.signing import SigningKey

from coach.share.consent import ShareRequest, create_share, draft_share
from coach.share.keys import MentorPublic
from coach.share.review import read_bundle, review_files
from coach.store.database import Store, Turn, open_db

TEXT = "I want to lead a team that builds the platform because solving hard problems with people matters"
WORDS = TEXT.split(" ")


def make_session(store: Store, turns: int) -> int:
    """A completed session with ``turns`` turns of realistic length and a filled summary."""
    sid = store.create_session(
        mentee="sam", flow="career", flow_version=1, flow_path="f.yaml", step="a", phase="goal", values={}, state={}
    )
    batch = []
    for n in range(turns):
        words = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(25))
        role = "coach" if n % 2 == 0 else "mentee"
        batch.append(Turn(role, f"{words} ({n})?" if role == "coach" else f"{words} number {n}.", "a", "goal"))
    values = {
        "goal": "lead the platform team",
        "bedrock": ["I love solving the hardest problems"],
        "passions": ["hiking"],
        "motivations": ["growth"],
        "experiment": "lead a small piece of work",
    }
    store.save(sid, step="a", phase="goal", values=values, state={}, status="completed", turns=batch)
    return sid


def pct(xs: list[float], q: float) -> float:
    return sorted(xs)[min(len(xs) - 1, round(q * (len(xs) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=500)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    mentee = Store(open_db(tmp / "mentee.db"))
    mentor_store = Store(open_db(tmp / "mentor.db"))
    sid = make_session(mentee, args.turns)
    mentor, signer = PrivateKey.generate(), SigningKey.generate()
    redact = frozenset(range(2, args.turns, 10))  # every tenth answer withheld: the echo checks do real work
    req = ShareRequest((sid,), MentorPublic("alex", bytes(mentor.public_key)), "full", {sid: redact}, 30)
    create_ms, open_ms, decrypt_ms, size = [], [], [], 0
    for i in range(args.runs):
        out = tmp / f"b{i}.bundle"
        t0 = time.perf_counter()
        create_share(mentee, draft_share(mentee, req), out, signer)
        t1 = time.perf_counter()
        review = review_files(mentor_store, [out], mentor)
        t2 = time.perf_counter()
        read_bundle(out, mentor)
        t3 = time.perf_counter()
        assert not review.refused
        create_ms.append((t1 - t0) * 1000)
        open_ms.append((t2 - t1) * 1000)
        decrypt_ms.append((t3 - t2) * 1000)
        size = out.stat().st_size
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else ""
    )
    print(f"machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}")
    print(f"session: {args.turns} turns, {len(redact)} redacted, bundle {size / 1024:.0f} KiB, {args.runs} runs")
    for label, xs in (
        ("create (draft+sign+seal+write+log)", create_ms),
        ("open + keep + index (coach review)", open_ms),
        ("open only (checks + decrypt + verify)", decrypt_ms),
    ):
        print(f"{label:<40} median {statistics.median(xs):6.1f} ms   p95 {pct(xs, 0.95):6.1f} ms")


if __name__ == "__main__":
    main()
