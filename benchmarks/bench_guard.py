"""The guard on the labelled corpora: recall per unwanted kind, acceptance of clean questions, speed.

    .venv/bin/python benchmarks/bench_guard.py

Writes benchmarks/results/guard.{json,md}.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import machine, write

from coach.guard.check import check
from coach.guard.rules import load_rules

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
CORPORA = ("guard_corpus.tsv", "guard_holdout.tsv", "guard_holdout2.tsv", "guard_holdout3.tsv",
           "guard_dev3.tsv", "guard_holdout4.tsv", "guard_holdout5.tsv")


def load(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t")
            rows.append((label, text))
    return rows


def pct(n: int, d: int) -> str:
    """``n/d`` as a percentage with one decimal."""
    return f"{n / d:.1%}" if d else "n/a"


def report(name: str) -> dict[str, int]:
    """Print recall per kind and clean acceptance on one corpus; return its counts."""
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
    return {"sentences": len(rows), "unwanted": total, "caught": caught_all, "clean": len(clean), "passed": passed}


def main() -> None:
    """Print the figures and write benchmarks/results/guard.*."""
    started = machine()
    corpora = {name: report(name) for name in CORPORA}
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
    load_ms = (time.perf_counter() - t) * 1e3
    print(f"rule table (coach/guard/rules.yaml): {len(table.rules)} rules read and compiled in {load_ms:.0f} ms")

    rows = ["| corpus | sentences | unwanted caught (recall) | clean questions passed |", "|---|---:|---:|---:|"]
    for name, c in corpora.items():
        rows.append(f"| `tests/data/{name}` | {c['sentences']} | {c['caught']}/{c['unwanted']} "
                    f"({pct(c['caught'], c['unwanted'])}) | {c['passed']}/{c['clean']} "
                    f"({pct(c['passed'], c['clean'])}) |")
    md = "\n".join(rows) + (
        "\n\nTargets: recall at least 99%, clean questions passed at least 85%. Each held-out set was "
        "measured blind once and its misses fixed afterwards, so these figures are no longer blind.\n\n"
        f"`check()` with an original, keep-terms and context: {per:.0f} us per candidate. "
        f"The rule table ({len(table.rules)} rules) is read and compiled in {load_ms:.0f} ms.\n"
    )
    caught = sum(c["caught"] for c in corpora.values())
    unwanted = sum(c["unwanted"] for c in corpora.values())
    passed = sum(c["passed"] for c in corpora.values())
    clean = sum(c["clean"] for c in corpora.values())
    headline = [
        (f"no-advice guard: unwanted phrasing caught ({len(corpora)} corpora)",
         f"{caught}/{unwanted} ({pct(caught, unwanted)})"),
        ("no-advice guard: clean questions passed", f"{passed}/{clean} ({pct(passed, clean)})"),
    ]
    data = {"corpora": corpora, "check_us": per, "rules": len(table.rules), "rules_load_ms": load_ms}
    write("guard", data, md, started, headline)


if __name__ == "__main__":
    main()
