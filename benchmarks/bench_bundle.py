"""Share bundles: drafting with redactions at scale, and creating/opening a realistic one.

Run: .venv/bin/python benchmarks/bench_bundle.py [--turns 10000] [--redactions 1000] [--runs 5]

Varied text (seeded sentences from a vocabulary, every turn different), coach turns that quote
earlier answers with their provenance, as the engine records it. Redaction follows provenance
(ids), so drafting is linear in turns + redactions, not turns x redactions as echo matching was.
Writes benchmarks/results/bundle.{json,md}.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from nacl.public import PrivateKey
from nacl.signing import SigningKey

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import machine, write
from vocab import VOCAB

from coach.share.consent import ShareRequest, create_share, draft_share
from coach.share.keys import MentorPublic
from coach.share.review import read_bundle, review_files
from coach.store.connection import open_db
from coach.store.database import Store, Turn


def sentence(rng: random.Random, n: int) -> str:
    return "I " + " ".join(rng.choice(VOCAB) for _ in range(n))


def make_session(store: Store, turns: int, seed: int = 7) -> int:
    """A completed session of ``turns`` turns: answers of 8-30 varied words; every coach turn after
    the first quotes one or two earlier answers, with their provenance."""
    rng = random.Random(seed)
    sid = store.create_session(
        mentee="sam", flow="career", flow_version=1, flow_path="f.yaml", step="a", phase="goal", values={}, state={}
    )
    batch: list[Turn] = []
    answers: list[int] = []
    for n in range(1, turns + 1):
        if n % 2:  # coach
            quoted = rng.sample(answers, min(len(answers), rng.randint(1, 2))) if answers else []
            text = "You said " + ", and ".join(batch[q - 1].text[:60] for q in quoted) + ". What makes that matter?"
            batch.append(Turn("coach", text, "a", "goal", n=n, sources=[f"{sid}:{q}" for q in quoted]))
        else:
            batch.append(Turn("mentee", sentence(rng, rng.randint(8, 30)), "a", "goal", n=n))
            answers.append(n)
    values = {"goal": batch[1].text, "bedrock": [batch[3].text], "passions": [batch[5].text],
              "motivations": ["growth"], "experiment": batch[7].text}
    state = {"sources": {"goal": [f"{sid}:2"], "bedrock": [[f"{sid}:4"]], "passions": [[f"{sid}:6"]],
                         "motivations": [[]], "experiment": [f"{sid}:8"]}}
    store.save(sid, step="a", phase="goal", values=values, state=state, status="completed", turns=batch)
    return sid


def ms(xs: list[float]) -> str:
    return f"median {statistics.median(xs):.0f} ms, max {max(xs):.0f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=10_000)
    ap.add_argument("--redactions", type=int, default=1_000)
    ap.add_argument("--small", type=int, default=500, help="turns of the session created and opened end to end")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    started = machine()
    tmp = Path(tempfile.mkdtemp())
    mentee = Store(open_db(tmp / "mentee.db"))
    mentor_store = Store(open_db(tmp / "mentor.db"))
    mentor, signer = PrivateKey.generate(), SigningKey.generate()
    public = MentorPublic("alex", bytes(mentor.public_key))

    big = make_session(mentee, args.turns)
    rng = random.Random(3)
    redact = frozenset(rng.sample(range(2, args.turns + 1, 2), args.redactions))
    drafts, withheld = [], 0
    for _ in range(args.runs):
        t0 = time.perf_counter()
        draft = draft_share(mentee, ShareRequest((big,), public, "full", {big: redact}, 30))
        drafts.append((time.perf_counter() - t0) * 1000)
        withheld = len(draft.withheld[big]["echoes"])

    small = make_session(mentee, args.small, seed=11)
    small_redact = frozenset(range(2, args.small, 10))
    create_ms, open_ms, decrypt_ms, size = [], [], [], 0
    for i in range(args.runs):
        out = tmp / f"b{i}.bundle"
        t0 = time.perf_counter()
        create_share(mentee, draft_share(mentee, ShareRequest((small,), public, "full", {small: small_redact}, 30)),
                     out, signer)
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
    data = {
        "draft_big": {"turns": args.turns, "redactions": args.redactions, "coach_turns_withheld": withheld,
                      "median_ms": statistics.median(drafts), "max_ms": max(drafts)},
        "small": {"turns": args.small, "bundle_kib": round(size / 1024),
                  "create_median_ms": statistics.median(create_ms), "open_median_ms": statistics.median(open_ms),
                  "decrypt_median_ms": statistics.median(decrypt_ms)},
    }
    big_line = (f"draft a share of {args.turns:,} turns with {args.redactions:,} redactions "
                f"({withheld:,} coach turns withheld by provenance)")
    md = f"""| what | figure |
|---|---|
| {big_line} | {ms(drafts)} |
| create a {args.small}-turn share (draft, sign, seal, write, log; {size / 1024:.0f} KiB) | {ms(create_ms)} |
| open, keep and index it (coach review) | {ms(open_ms)} |
| open only (checks, decrypt, verify) | {ms(decrypt_ms)} |
"""
    headline = [
        (f"draft a share of {args.turns:,} turns with {args.redactions:,} redactions", ms(drafts)),
        (f"create a {args.small}-turn share / open it with `coach review`",
         f"{statistics.median(create_ms):.0f} / {statistics.median(open_ms):.0f} ms median"),
    ]
    print(write("bundle", data, md, started, headline).read_text())


if __name__ == "__main__":
    main()
