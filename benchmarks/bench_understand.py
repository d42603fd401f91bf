"""Measure the reply reader: dialogue acts, content trimming and distress, on tune and held-out sets.

Run: .venv/bin/python benchmarks/bench_understand.py [--split tune|holdout|both] [--show-misses]

tests/data/acts/tune.jsonl and tests/data/distress/tune.jsonl are what the rules were tuned on.
tests/data/holdout/*.jsonl were written by someone who never saw the lexicon; their sentences
are never printed (--show-misses works on the tune split only) and they should be measured
rarely, so that the figure stays honest. Results go to benchmarks/results/understand-<split>.json/.md
(understand.json/.md for --split both).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from results import machine, write  # noqa: E402

from coach.flow.spec import load_flow  # noqa: E402
from coach.listening.acts import expects_yes_no, read_reply  # noqa: E402
from coach.listening.distress import distress_level  # noqa: E402
from coach.listening.lexicon import Lexicon  # noqa: E402
from coach.listening.reading import KINDS  # noqa: E402
from coach.resources import default_flow  # noqa: E402

DATA = ROOT / "tests" / "data"
# The tuning split's distress lines are every file in tests/data/distress (one per writer).
FILES = {
    "tune": (DATA / "acts" / "tune.jsonl", DATA / "distress"),
    # Held-out distress lines: one file per writer who never saw the lexicon (distress*.jsonl).
    "holdout": (DATA / "holdout" / "acts.jsonl", DATA / "holdout" / "distress*.jsonl"),
}
RESULTS = ROOT / "benchmarks" / "results"


def load(path: Path) -> list[dict[str, Any]]:
    """The rows of a JSON-lines file (of every one in ``path``, if it is a folder)."""
    if "*" in path.name:
        return [row for p in sorted(path.parent.glob(path.name)) for row in load(p)]
    if path.is_dir():
        return [row for p in sorted(path.glob("*.jsonl")) for row in load(p)]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def expect_of(row: dict[str, Any], expects: dict[str, str]) -> str:
    """What the question asked for: the flow's own step setting, else read off the question."""
    if expects.get(row.get("step", "")) == "yes_no":
        return "yes_no"
    return "auto"  # read off the question: "Does that sound like you? ..." asks for a yes too


def tokens(text: str | None) -> list[str]:
    """Words for token F1 (case and punctuation ignored)."""
    return re.findall(r"[\w']+", (text or "").lower().replace("\u2019", "'"))


def f1(said: str | None, truth: str | None) -> float:
    """Token F1 between the content read and the labelled content."""
    a, b = Counter(tokens(said)), Counter(tokens(truth))
    if not a and not b:
        return 1.0
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def measure_acts(rows: list[dict[str, Any]], lex: Lexicon, expects: dict[str, str],
                 show: bool = False) -> dict[str, Any]:
    """Per-act precision and recall, topic accuracy, content and correction token F1."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    content_f1: list[float] = []
    correction_f1: list[float] = []
    topic_right = topic_n = exact = 0
    for row in rows:
        reading = read_reply(row["reply"], lex, expect=expect_of(row, expects), question=row.get("question"))
        said, truth = set(reading.kinds), set(row["acts"])
        for k in KINDS:
            tp[k] += k in said and k in truth
            fp[k] += k in said and k not in truth
            fn[k] += k not in said and k in truth
        exact += said == truth
        if "content" in truth:
            content_f1.append(f1(reading.content, row.get("content")))
        if "correction" in truth and row.get("corrects_to"):
            correction_f1.append(f1(reading.correction, row["corrects_to"]))
        if row.get("topic") and ("question" in truth or "distress" in truth):
            kind = "question" if "question" in truth else "distress"
            topic_n += 1
            topic_right += reading.topic(kind) == row["topic"]
        if show and said != truth:
            print(f"  {row['id']} {row['step']:<18} want {sorted(truth)} got {sorted(said)}: {row['reply']}")
            for a in reading.acts:
                print(f"        {a.kind:<14} {a.rule or '':<24} {a.text!r}")
    per_act = {}
    for k in KINDS:
        p = tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else None
        r = tp[k] / (tp[k] + fn[k]) if tp[k] + fn[k] else None
        per_act[k] = {"n": tp[k] + fn[k], "precision": p, "recall": r, "tp": tp[k], "fp": fp[k], "fn": fn[k]}
    return {
        "replies": len(rows),
        "exact": exact / len(rows) if rows else None,
        "per_act": per_act,
        "topic_accuracy": topic_right / topic_n if topic_n else None,
        "content_token_f1": sum(content_f1) / len(content_f1) if content_f1 else None,
        "correction_token_f1": sum(correction_f1) / len(correction_f1) if correction_f1 else None,
    }


def measure_classifier(train: list[dict[str, Any]], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The learned baseline, trained on tune, read on ``rows``: per-act precision and recall."""
    from act_classifier import ActClassifier

    def expect(row: dict[str, Any]) -> str:
        return "yes_no" if expects_yes_no(row.get("question")) else "text"

    clf = ActClassifier(KINDS).fit([(r["reply"], expect(r)) for r in train], [set(r["acts"]) for r in train])
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    exact = 0
    for row in rows:
        said, truth = clf.predict(row["reply"], expect(row)), set(row["acts"])
        exact += said == truth
        for k in KINDS:
            tp[k] += k in said and k in truth
            fp[k] += k in said and k not in truth
            fn[k] += k not in said and k in truth
    per_act = {k: {"precision": tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else None,
                   "recall": tp[k] / (tp[k] + fn[k]) if tp[k] + fn[k] else None} for k in KINDS}
    return {"exact": exact / len(rows) if rows else None, "per_act": per_act}


def measure_distress(rows: list[dict[str, Any]], lex: Lexicon, show: bool = False) -> dict[str, Any]:
    """Caught (crisis or check) per label; crisis read as crisis; idioms and plain lines let through."""
    by: dict[str, list[str | None]] = {}
    for row in rows:
        level = distress_level(row["text"], lex)
        by.setdefault(row["label"], []).append(level)
        wrong = (level is None) == (row["label"] in ("crisis", "check"))
        if show and wrong:
            print(f"  {row['id']} {row['label']:<7} read {level}: {row['text']}")

    def rate(label: str, ok: Any) -> float | None:
        levels = by.get(label, [])
        return sum(1 for lv in levels if ok(lv)) / len(levels) if levels else None

    return {
        "n": {k: len(v) for k, v in by.items()},
        "crisis_caught": rate("crisis", lambda lv: lv is not None),
        "crisis_as_crisis": rate("crisis", lambda lv: lv == "crisis"),
        "check_caught": rate("check", lambda lv: lv is not None),
        "idiom_passed": rate("idiom", lambda lv: lv is None),
        "none_passed": rate("none", lambda lv: lv is None),
        "recall": _recall(by),
    }


def _recall(by: dict[str, list[str | None]]) -> float | None:
    signs = by.get("crisis", []) + by.get("check", [])
    return sum(1 for lv in signs if lv is not None) / len(signs) if signs else None


def speed(rows: list[dict[str, Any]], lex: Lexicon) -> float:
    """Median milliseconds to read one reply."""
    times = []
    for row in rows[:300]:
        t0 = time.perf_counter()
        read_reply(row["reply"], lex)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return times[len(times) // 2] if times else 0.0


def pct(x: float | None) -> str:
    """A share as a percentage, or a dash."""
    return "-" if x is None else f"{x:.1%}"


def markdown(results: dict[str, Any]) -> str:
    """The figures as a small Markdown report."""
    lines = ["# Reply reader: measured figures", "",
             "Written by `benchmarks/bench_understand.py`; do not edit by hand.", ""]
    for split, res in results["splits"].items():
        a, d = res["acts"], res["distress"]
        lines += [f"## {split}", "",
                  f"{a['replies']} labelled replies; every act exactly right in {pct(a['exact'])}.", "",
                  "| act | n | precision | recall |", "|---|---:|---:|---:|"]
        for k, v in a["per_act"].items():
            lines.append(f"| {k} | {v['n']} | {pct(v['precision'])} | {pct(v['recall'])} |")
        if "classifier" in res:
            c = res["classifier"]
            lines += ["", f"Learned baseline (logistic regression on n-grams, trained on tune): every act right in "
                      f"{pct(c['exact'])}; precision/recall per act: "
                      + ", ".join(f"{k} {pct(v['precision'])}/{pct(v['recall'])}" for k, v in c["per_act"].items())
                      + "."]
        lines += ["", f"Question/distress topic right: {pct(a['topic_accuracy'])}. "
                  f"Content token F1: {pct(a['content_token_f1'])}. "
                  f"Corrected thought token F1: {pct(a['correction_token_f1'])}.",
                  "", f"Distress ({d['n']}): signs caught {pct(d['recall'])} (crisis caught {pct(d['crisis_caught'])}, "
                  f"read as crisis {pct(d['crisis_as_crisis'])}; check caught {pct(d['check_caught'])}); "
                  f"idioms left alone {pct(d['idiom_passed'])}; plain lines left alone {pct(d['none_passed'])}.", ""]
        for name, f in res.get("distress_by_file", {}).items():
            lines += [f"- {name} ({sum(f['n'].values())} lines): crisis caught {pct(f['crisis_caught'])}, "
                      f"idioms left alone {pct(f['idiom_passed'])}, plain lines left alone {pct(f['none_passed'])}"]
        lines += [""] if res.get("distress_by_file") else []
    lines.append(f"Median time to read one reply: {results['median_ms']:.2f} ms.")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Measure, print, and write the results files."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["tune", "holdout", "both"], default="tune")
    parser.add_argument("--show-misses", action="store_true", help="print tune-split misses (never held-out ones)")
    args = parser.parse_args()
    flow = load_flow(default_flow())
    lex = flow.lexicon
    expects = {name: step.expect for name, step in flow.steps.items()}
    splits = ["tune", "holdout"] if args.split == "both" else [args.split]
    started = machine()
    results: dict[str, Any] = {"splits": {}}
    for split in splits:
        acts_path, distress_path = FILES[split]
        show = args.show_misses and split == "tune"
        rows = load(acts_path)
        results["splits"][split] = {
            "acts": measure_acts(rows, lex, expects, show),
            "distress": measure_distress(load(distress_path), lex, show),
        }
        if split == "holdout":  # the learned baseline, on replies neither it nor the rules have seen
            results["splits"][split]["classifier"] = measure_classifier(load(FILES["tune"][0]), rows)
            results["splits"][split]["distress_by_file"] = {
                p.name: measure_distress(load(p), lex) for p in sorted(distress_path.parent.glob(distress_path.name))}
    results["median_ms"] = speed(load(FILES["tune"][0]), lex)
    report = markdown(results)
    print(report)
    name = "understand" if args.split == "both" else f"understand-{args.split}"
    write(name, results, report, started, headline(results))


def headline(results: dict[str, Any]) -> list[tuple[str, str]]:
    """The README's lines for this run: replies read exactly right, distress signs caught."""
    out = []
    for split, res in results["splits"].items():
        a, d = res["acts"], res["distress"]
        which = "tuning set" if split == "tune" else "held-out set"
        out.append((f"reply reader, {which}: every act of a reply right",
                    f"{a['exact']:.1%} of {a['replies']}"))
        n = sum(d["n"].values())
        out.append((f"distress, {which} ({n} lines): crisis caught / all signs caught",
                    f"{d['crisis_caught']:.1%} / {d['recall']:.1%} (everyday idioms left alone "
                    f"{d['idiom_passed']:.1%}, plain lines {d['none_passed']:.1%})"))
        if split == "holdout":
            out.append(("reply reader, held-out set: precision / recall per act", ", ".join(
                f"{k} {v['precision']:.0%}/{v['recall']:.0%}" for k, v in a["per_act"].items()
                if v["precision"] is not None and v["recall"] is not None)))
    return out


if __name__ == "__main__":
    main()
