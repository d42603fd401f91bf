"""The guard on the labelled corpora: recall per unwanted kind, acceptance of clean questions, speed.

    .venv/bin/python benchmarks/bench_guard.py
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from coach.guard.check import check
from coach.guard.rules import load_rules

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def load(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t")
            rows.append((label, text))
    return rows


def report(name: str) -> None:
    rows = load(name)
    print(f"\n{name}: {len(rows)} sentences")
    kinds = sorted({label for label, _ in rows} - {"clean"})
    caught_all = total = 0
    for kind in kinds:
        mine = [text for label, text in rows if label == kind]
        caught = sum(bool(check(text).reasons) for text in mine)
        caught_all, total = caught_all + caught, total + len(mine)
        print(f"  recall {kind:<12} {caught:>3}/{len(mine):<3} {caught / len(mine):6.1%}")
    print(f"  recall, all unwanted   {caught_all:>3}/{total:<3} {caught_all / total:6.1%}   (target >= 99%)")
    clean = [text for label, text in rows if label == "clean"]
    passed = sum(check(text).ok for text in clean)
    print(f"  clean questions passed {passed:>3}/{len(clean):<3} {passed / len(clean):6.1%}   (target >= 85%)")
    for text in clean:
        if not check(text).ok:
            print(f"    refused: {text!r} {check(text).reasons}")


def main() -> None:
    for name in ("guard_corpus.tsv", "guard_holdout.tsv", "guard_holdout2.tsv", "guard_holdout3.tsv",
                 "guard_dev3.tsv", "guard_holdout4.tsv", "guard_holdout5.tsv"):
        report(name)
    texts = [text for _, text in load("guard_corpus.tsv")]
    t = time.perf_counter()
    for _ in range(5):
        for text in texts:
            check(text, original="What makes that important to you?", keep=["that"], context="I like it")
    per = (time.perf_counter() - t) / (5 * len(texts)) * 1e6
    print(f"\ncheck() with original, keep and context: {per:.0f} us per candidate")
    re.purge()  # compile every pattern afresh, as a new process does
    t = time.perf_counter()
    table = load_rules()
    print(f"rule table (coach/guard/rules.yaml): {len(table.rules)} rules read and compiled in "
          f"{(time.perf_counter() - t) * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
