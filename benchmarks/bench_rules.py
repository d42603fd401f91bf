"""Measure the conversation rules on labelled examples: bedrock accuracy, intents, and speed.

Run: .venv/bin/python benchmarks/bench_rules.py [--lexicon PATH] [--show-misses]
Bedrock examples live in tests/data/bedrock.yaml; "dev" ones were used to tune the lexicon,
"holdout" ones were not, so the holdout figure is the honest one. With the shipped lexicon,
writes benchmarks/results/rules.{json,md}.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from results import machine, write  # noqa: E402
from test_rules import ADVICE, DISTRESS, NEAR_MISSES, THINKING_ALOUD  # noqa: E402

from coach.listening.lexicon import Lexicon, load_lexicon  # noqa: E402
from coach.listening.rules import is_advice_request, is_bedrock, is_distress  # noqa: E402


def confusion(examples: list[dict[str, object]], lex: Lexicon) -> tuple[int, int, int, int]:
    """True positives, false positives, true negatives, false negatives."""
    tp = fp = tn = fn = 0
    for e in examples:
        said, truth = is_bedrock(str(e["text"]), lex), bool(e["bedrock"])
        tp += said and truth
        fp += said and not truth
        tn += not said and not truth
        fn += not said and truth
    return tp, fp, tn, fn


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lexicon", type=Path, default=None)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    started = machine()
    lex = load_lexicon(args.lexicon)
    md = ["| bedrock detection | n | accuracy | precision | recall |", "|---|---:|---:|---:|---:|"]
    figures: dict[str, object] = {}
    examples = yaml.safe_load((ROOT / "tests" / "data" / "bedrock.yaml").read_text())["examples"]

    print("bedrock detection (labelled why-answers)")
    print(f"{'split':<9}{'n':>4}{'acc':>8}{'prec':>8}{'recall':>8}   tp fp tn fn")
    for split in ("dev", "holdout", None):
        subset = [e for e in examples if split is None or e["split"] == split]
        tp, fp, tn, fn = confusion(subset, lex)
        acc = (tp + tn) / len(subset)
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        counts = f"{tp:>2} {fp:>2} {tn:>2} {fn:>2}"
        print(f"{split or 'all':<9}{len(subset):>4}{acc:>8.1%}{prec:>8.1%}{rec:>8.1%}   {counts}")
        md.append(f"| {split or 'all'} | {len(subset)} | {acc:.1%} | {prec:.1%} | {rec:.1%} |")
        figures[f"bedrock_{split or 'all'}"] = {"n": len(subset), "accuracy": acc, "precision": prec, "recall": rec}
        if args.show_misses and split:
            for e in subset:
                if is_bedrock(e["text"], lex) != e["bedrock"]:
                    print(f"    miss ({'bedrock' if e['bedrock'] else 'not bedrock'}): {e['text']}")

    # These lists were written alongside the lexicon, so they are not held out.
    print()
    rows = [
        ("advice requests recognised", sum(is_advice_request(t, lex) for t in ADVICE), len(ADVICE)),
        ("thinking aloud left alone", sum(not is_advice_request(t, lex) for t in THINKING_ALOUD), len(THINKING_ALOUD)),
        ("distress recognised", sum(is_distress(t, lex) for t in DISTRESS), len(DISTRESS)),
        ("near-misses left alone", sum(not is_distress(t, lex) for t in NEAR_MISSES), len(NEAR_MISSES)),
    ]
    md += ["", "| lists written alongside the lexicon (not held out) | right |", "|---|---:|"]
    for label, ok, n in rows:
        print(f"{label:<28}{ok:>3}/{n:<3}")
        md.append(f"| {label} | {ok}/{n} |")
        figures[label] = {"right": ok, "n": n}

    texts = [str(e["text"]) for e in examples] * 20
    times = []
    for text in texts:
        start = time.perf_counter()
        is_bedrock(text, lex)
        is_advice_request(text, lex)
        is_distress(text, lex)
        times.append((time.perf_counter() - start) * 1e6)
    times.sort()
    median, p95 = statistics.median(times), times[int(len(times) * 0.95)]
    print(f"\nrules per answer: median {median:.0f} us, p95 {p95:.0f} us")
    if args.lexicon is not None:
        return  # figures for a trial lexicon are not the project's
    md += ["", f"Bedrock, advice-request and distress rules together: median {median:.0f} us per answer, "
           f"p95 {p95:.0f} us. Dev examples tuned the lexicon; holdout ones were not looked at while tuning."]
    figures["us_per_answer"] = {"median": median, "p95": p95}
    holdout = figures["bedrock_holdout"]
    assert isinstance(holdout, dict)
    headline = [("bedrock statements recognised, held-out examples",
                 f"{holdout['accuracy']:.0%} accuracy, {holdout['precision']:.0%} precision")]
    write("rules", figures, "\n".join(md), started, headline)


if __name__ == "__main__":
    main()
