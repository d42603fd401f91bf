"""Measure the conversation rules on labelled examples: bedrock accuracy, intents, and speed.

Run: .venv/bin/python benchmarks/bench_rules.py [--lexicon PATH] [--show-misses]
Bedrock examples live in tests/data/bedrock.yaml; "dev" ones were used to tune the lexicon,
"holdout" ones were not, so the holdout figure is the honest one.
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

from test_rules import ADVICE, DISTRESS, NEAR_MISSES, THINKING_ALOUD  # noqa: E402

from coach.listening.lexicon import Lexicon, load_lexicon

from coach.listening.rules import is_advice_request, is_bedrock, is_distress# noqa: E402


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
    lex = load_lexicon(args.lexicon)
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
    for label, ok, n in rows:
        print(f"{label:<28}{ok:>3}/{n:<3}")

    texts = [str(e["text"]) for e in examples] * 20
    times = []
    for text in texts:
        start = time.perf_counter()
        is_bedrock(text, lex)
        is_advice_request(text, lex)
        is_distress(text, lex)
        times.append((time.perf_counter() - start) * 1e6)
    times.sort()
    print(f"\nrules per answer: median {statistics.median(times):.0f} us, p95 {times[int(len(times) * 0.95)]:.0f} us")


if __name__ == "__main__":
    main()
