"""Train and measure the distress model (coach/listening/distress_model.py), leave-one-writer-out.

Run: .venv/bin/python benchmarks/train_distress.py [--collect-ordinary] [--lowo-only] [--show-misses W]

Data: every tests/data/distress/*.jsonl (one file per writer; labels crisis/check/idiom/none) and
ordinary career replies in tests/data/distress/ordinary/career.jsonl (negatives, gathered from the
acts tuning set, the flow tests, the personas and the messy mentee by --collect-ordinary).
tests/data/holdout/ is never read, nor tests/data/distress/model_unseen/ (writers whose lines the
rules were written from but the model never trains on: tests/test_distress_model.py measures them).

Leave-one-writer-out (LOWO): for each writer, a model trained on every other writer (and on the
ordinary replies not in that writer's fold) scores that writer's lines and its fold of ordinary
replies. The threshold is the lowest at which the rules plus the model, pooled over LOWO, flag
at most 0.5% of ordinary replies and leave at least 95% of idioms alone. The shipped model is then
trained on everything with that threshold. Training is deterministic (full-batch gradient
descent from zeros, fixed settings); the weights file stores a hash of the training data, which
tests/test_distress_model.py checks. Writes coach/listening/distress_weights.json and
benchmarks/results/distress_model.{json,md}.
"""

from __future__ import annotations

import argparse
import ast
import base64
import hashlib
import json
import random
import sys
import zlib
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from coach.listening.distress import explain, model_text  # noqa: E402
from coach.listening.distress_model import (  # noqa: E402
    DIM,
    FEATURES,
    MIN_WORDS,
    WEIGHTS,
    features,
    sentences,
    word_count,
)
from coach.listening.lexicon import Lexicon, load_lexicon  # noqa: E402

DISTRESS = ROOT / "tests" / "data" / "distress"
ORDINARY = DISTRESS / "ordinary" / "career.jsonl"
# Hard ordinary replies written for the model ("I'm not ready", "tired of planning my career"):
# the gathered ones rarely share words with signs. First measured untouched: 13 of 90 flagged.
WRITTEN = DISTRESS / "ordinary" / "written.jsonl"
# What outside testers typed in the real terminal (round 93 on; told never to talk of self-harm): messy real
# replies, two of which the model took for signs ("i feel like, how to say, not only worker").
TESTERS = DISTRESS / "ordinary" / "testers.jsonl"
RULES = ROOT / "flows" / "listening" / "distress.yaml"
# What the rules take out before the model reads a reply ("frustrated with you, not with life") shapes its text too.
NOT_SIGNS = ROOT / "coach" / "listening" / "not_signs.py"
SIGNS = ("crisis", "check")
# Fixed training settings (chosen by LOWO; changing them means retraining and re-measuring).
# Ordinary replies weigh most: they are what coach meets every turn, and weighing them 15 rather
# than 3 spreads the signs' scores so that a lower threshold keeps the same bound (LOWO crisis
# caught 93.7% -> 95.6% at the same ordinary bound, writers a-m); the writers' plain lines weigh 2.
EPOCHS, LR, L2 = 1000, 50.0, 1e-6
WEIGHT = {"crisis": 1.0, "check": 1.0, "idiom": 1.5, "none": 2.0, "ordinary": 15.0}
# The bounds the threshold must keep, pooled over LOWO: ordinary replies flagged by rules + model
# (all of them, and those from the act corpus alone, lest easy fuzz replies dilute the figure);
# idioms passed by the model alone and by rules + model; and of the idioms the rules leave alone, how many
# the model may flag.
MAX_ORDINARY_FLAGGED, MIN_IDIOMS_PASSED, MAX_IDIOMS_ADDED = 0.005, 0.95, 0.02
# Replies like the act corpus's are what coach meets every turn: a conversation has about twenty,
# so 1% would be a needless "are you safe?" in one conversation in five; half that is the bound.
MAX_REAL_FLAGGED = 0.005


# --- data -------------------------------------------------------------------------------------

def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def writers() -> dict[str, list[dict[str, Any]]]:
    """Each writer's labelled lines (tune.jsonl counts as one writer)."""
    return {p.stem: _jsonl(p) for p in sorted(DISTRESS.glob("*.jsonl"))}


def ordinary() -> list[dict[str, Any]]:
    """Ordinary career replies (never a sign of distress): gathered, and written to share words with signs."""
    return _jsonl(ORDINARY) + _jsonl(WRITTEN) + _jsonl(TESTERS)


def data_hash() -> str:
    """sha256 over every training file's name and bytes: the weights must be retrained when it changes.

    The distress rules count as training data: the model learns from the text they leave after
    taking idioms and jokes out (distress.model_text), and so do the false signs taken out first (not_signs.py).
    """
    h = hashlib.sha256()
    for p in [*sorted(DISTRESS.glob("*.jsonl")), ORDINARY, WRITTEN, TESTERS, RULES, NOT_SIGNS]:
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def _flow_test_answers() -> list[str]:
    import yaml

    out: list[str] = []
    for path in sorted((ROOT / "flows" / "tests").glob("*.yaml")):
        for test in yaml.safe_load(path.read_text()).get("tests", []):
            said = json.dumps(test).lower()
            if any(w in said for w in ("stopped", "are you safe", "reach out")):
                continue  # signs (and the "are you safe?" answers after them) are not ordinary replies

            def walk(node: Any) -> None:
                if isinstance(node, dict):
                    for k, v in node.items():
                        if k == "answer" and isinstance(v, str):
                            out.append(v)
                        elif k == "answers" and isinstance(v, list):
                            out.extend(str(a) for a in v)
                        else:
                            walk(v)
                elif isinstance(node, list):
                    for v in node:
                        walk(v)

            walk(test)
    return out


def _persona_answers() -> list[str]:
    tree = ast.parse((ROOT / "tests" / "test_personas.py").read_text())
    out: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        for key, persona in zip(node.keys, node.values, strict=True):
            if not isinstance(key, ast.Constant) or "distress" in str(key.value):
                continue  # a persona in distress says no ordinary thing
            for kw in getattr(persona, "keywords", []):
                if kw.arg == "answers" and isinstance(kw.value, ast.List):
                    out += [e.value for e in kw.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return out


def _messy_answers(n: int = 600) -> list[str]:
    from coach.authoring.messy import MessyMentee

    steps = ["welcome", "goal_horizon", "lottery_want", "lottery_not", "day_to_day", "why_ladder", "why_playback",
             "motivation_check", "passion_talk", "passion_free_day", "strengths", "sweet_spot", "elsewhere",
             "experiment", "experiment_offer"]
    mentee = MessyMentee(random.Random(12))
    yes_no = {"welcome", "why_playback", "motivation_check", "experiment_offer"}
    return [mentee.answer(s, "yes_no" if s in yes_no else "text") for _ in range(n // len(steps)) for s in steps]


def collect_ordinary() -> int:
    """Gather the ordinary replies into ORDINARY (deduplicated, in a fixed order); return how many."""
    sources: list[tuple[str, str]] = []
    # Both writers of the act corpus (real answers in two voices), then the act rules' own examples.
    for name in ("tune.jsonl", "writer_p.jsonl"):
        for row in _jsonl(ROOT / "tests" / "data" / "acts" / name):
            if "distress" not in row["acts"]:
                sources.append(("acts", row["reply"]))
    lex = load_lexicon()
    for rule in lex.raw.get("act_rules") or []:
        if rule.get("kind") != "distress":
            sources += [("act_examples", str(e)) for e in rule.get("examples") or [] if not _by_rules(str(e), lex)]
    sources += [("flow_tests", a) for a in _flow_test_answers()]
    sources += [("personas", a) for a in _persona_answers()]
    sources += [("messy", a) for a in _messy_answers()]
    seen: set[str] = set()
    rows = []
    for source, text in sources:
        key = " ".join(text.lower().split())
        if len(key) < 2 or key in seen or key.startswith("/"):
            continue
        seen.add(key)
        rows.append({"id": f"o{len(rows) + 1:04d}", "text": text, "source": source})
    ORDINARY.parent.mkdir(exist_ok=True)
    ORDINARY.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


# --- the model --------------------------------------------------------------------------------

class Matrix:
    """Rows of hashed features, L2-normalised, as flat index arrays (a hand-rolled sparse matrix)."""

    def __init__(self, texts: list[str]) -> None:
        rows, cols, vals = [], [], []
        for i, text in enumerate(texts):
            counts: dict[int, int] = {}
            for f in features(text):
                counts[f] = counts.get(f, 0) + 1
            norm = float(np.sqrt(sum(c * c for c in counts.values()))) or 1.0
            for f, c in counts.items():
                rows.append(i)
                cols.append(f)
                vals.append(c / norm)
        self.n = len(texts)
        self.rows, self.cols = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
        self.vals = np.array(vals, dtype=np.float64)

    def dot(self, w: Any) -> Any:
        return np.bincount(self.rows, weights=self.vals * w[self.cols], minlength=self.n)

    def tdot(self, g: Any) -> Any:
        return np.bincount(self.cols, weights=self.vals * g[self.rows], minlength=DIM)

    def subset(self, keep: Any) -> Matrix:
        out = Matrix([])
        index = -np.ones(self.n, dtype=np.int64)
        index[keep] = np.arange(len(keep))
        mask = index[self.rows] >= 0
        out.n, out.rows, out.cols, out.vals = len(keep), index[self.rows[mask]], self.cols[mask], self.vals[mask]
        return out


def fit(x: Matrix, y: Any, weight: Any) -> tuple[Any, float]:
    """Weighted logistic regression by full-batch gradient descent from zeros (deterministic)."""
    w, b = np.zeros(DIM), 0.0
    total = weight.sum()
    for _ in range(EPOCHS):
        p = 1 / (1 + np.exp(-(x.dot(w) + b)))
        g = (p - y) * weight / total
        w -= LR * (x.tdot(g) + L2 * w)
        b -= LR * float(g.sum())
    return w, b


def predict(x: Matrix, w: Any, b: float) -> Any:
    """Probabilities for every row."""
    return 1 / (1 + np.exp(-(x.dot(w) + b)))


def _by_rules(text: str, lex: Lexicon) -> bool:
    """Did the rules (not the shipped model) find a sign?"""
    level, rule = explain(text, lex)
    return level is not None and rule != "check.model"


# --- leave-one-writer-out ---------------------------------------------------------------------

class Corpus:
    """Every line with its label, writer (or fold, for ordinary replies), evened text and the rules' verdict."""

    def __init__(self, lex: Lexicon) -> None:
        self.texts, self.labels, self.groups, self.raw = [], [], [], []
        names = list(writers())
        for name, rows in writers().items():
            for r in rows:
                self.raw.append(r["text"])
                self.labels.append(r["label"])
                self.groups.append(name)
        self.sources = [""] * len(self.raw)
        for r in ordinary():
            self.raw.append(r["text"])
            self.labels.append("ordinary")
            self.groups.append(names[zlib.crc32(r["text"].encode()) % len(names)])
            self.sources.append(r["source"])
        self.texts = [model_text(t, lex) for t in self.raw]
        self.rules = np.array([_by_rules(t, lex) for t in self.raw])
        self.names = names
        self.x = Matrix(self.texts)
        # Each sentence of a longer reply is scored too (distress_model.DistressModel.score): its reply's index.
        parts = [(i, s) for i, t in enumerate(self.texts) for s in sentences(t)]
        self.sent_of = np.array([i for i, _ in parts], dtype=np.int64)
        self.xs = Matrix([s for _, s in parts])
        self.long = np.array([word_count(t) >= MIN_WORDS for t in self.texts])
        self.y = np.array([lab in SIGNS for lab in self.labels], dtype=float)
        self.w = np.array([WEIGHT[lab] for lab in self.labels])
        self.label_arr = np.array(self.labels)
        self.group_arr = np.array(self.groups)
        # Replies from the act corpus: real answers in many voices, unlike the templated fuzz ones.
        self.real = np.array([src == "acts" for src in self.sources])


def lowo(c: Corpus) -> Any:
    """Each line's score from a model that never saw its writer (or its fold of ordinary replies)."""
    p = np.zeros(len(c.texts))
    for name in c.names:
        test = np.flatnonzero(c.group_arr == name)
        train = np.flatnonzero(c.group_arr != name)
        w, b = fit(c.x.subset(train), c.y[train], c.w[train])
        p[test] = predict(c.x.subset(test), w, b)
        # As at run time, a reply scores as its likeliest sentence when that is higher.
        own = np.flatnonzero(c.group_arr[c.sent_of] == name)
        np.maximum.at(p, c.sent_of[own], predict(c.xs.subset(own), w, b))
    return np.where(c.long, p, 0.0)  # as at run time: too short to judge is never flagged


def figures(c: Corpus, flagged: Any, keep: Any | None = None) -> dict[str, float]:
    """Crisis caught, check caught, idioms passed, none passed, ordinary flagged (over ``keep`` rows)."""
    keep = np.ones(len(flagged), dtype=bool) if keep is None else keep

    def share(label: str) -> float:
        m = keep & (c.label_arr == label)
        return float(flagged[m].mean()) if m.any() else float("nan")

    return {"crisis_caught": share("crisis"), "check_caught": share("check"), "idioms_passed": 1 - share("idiom"),
            "none_passed": 1 - share("none"), "ordinary_flagged": share("ordinary")}


def choose_threshold(c: Corpus, p: Any) -> float:
    """The lowest threshold whose pooled LOWO figures keep every bound."""
    idioms_left = (c.label_arr == "idiom") & ~c.rules
    # Fine steps: with heavily weighted ordinary replies the scores of signs spread over the whole range.
    for t in np.round(np.arange(0.30, 0.9995, 0.0025), 4):
        flagged = p >= t
        combined = figures(c, c.rules | flagged)
        if (combined["ordinary_flagged"] <= MAX_ORDINARY_FLAGGED and combined["idioms_passed"] >= MIN_IDIOMS_PASSED
                and (c.rules | flagged)[c.real].mean() <= MAX_REAL_FLAGGED
                and figures(c, flagged)["idioms_passed"] >= MIN_IDIOMS_PASSED
                and flagged[idioms_left].mean() <= MAX_IDIOMS_ADDED):
            return float(t)
    return 0.999


def table(c: Corpus, flagged: Any) -> str:
    """One markdown row per writer and one pooled."""
    cols = ["crisis_caught", "check_caught", "idioms_passed", "none_passed", "ordinary_flagged"]
    lines = ["| writer | " + " | ".join(k.replace("_", " ") for k in cols) + " |", "|---" + "|---:" * len(cols) + "|"]
    for name in [*c.names, "all"]:
        f = figures(c, flagged, None if name == "all" else c.group_arr == name)
        lines.append(f"| {name} | " + " | ".join(f"{100 * f[k]:.1f}%" for k in cols) + " |")
    return "\n".join(lines)


def save(w: Any, b: float, threshold: float, digest: str) -> None:
    """Write the shipped weights file (float32, base64) with the data hash and threshold."""
    blob = base64.b64encode(np.asarray(w, dtype="<f4").tobytes()).decode()
    record = {"features": FEATURES, "dim": DIM, "bias": round(float(b), 6), "threshold": threshold,
              "data_hash": digest, "settings": {"epochs": EPOCHS, "lr": LR, "l2": L2, "weight": WEIGHT},
              "weights": blob}
    WEIGHTS.write_text(json.dumps(record) + "\n", encoding="utf-8")


def main() -> None:
    """Measure LOWO, pick the threshold, train on everything, write the weights and results."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--collect-ordinary", action="store_true", help="regather the ordinary replies first")
    ap.add_argument("--lowo-only", action="store_true", help="measure, do not write the weights")
    ap.add_argument("--show-misses", metavar="WRITER", help="print that writer's lines the combination gets wrong")
    args = ap.parse_args()
    if args.collect_ordinary:
        print(f"{collect_ordinary()} ordinary replies -> {ORDINARY.relative_to(ROOT)}")
    c = Corpus(load_lexicon())
    p = lowo(c)
    t = choose_threshold(c, p)
    model = p >= t
    combo = c.rules | model
    real = float(combo[c.real].mean())
    out = [f"threshold {t:.4f} (LOWO, pooled: ordinary flagged <= 0.5%, and <= 0.5% of the {int(c.real.sum())} from "
           f"the act corpus ({100 * real:.1f}%); rules + model and the model alone pass >= 95% of idioms)",
           "", "rules alone", table(c, c.rules), "", "model alone", table(c, model),
           "", "rules + model", table(c, combo)]
    print("\n".join(out))
    if args.show_misses:
        for i in np.flatnonzero(c.group_arr == args.show_misses):
            if combo[i] != (c.labels[i] in SIGNS):
                print(f"{c.labels[i]:8} p={p[i]:.2f} rules={c.rules[i]!s:5} {c.raw[i]}")
    if args.lowo_only:
        return
    w, b = fit(c.x, c.y, c.w)
    save(w, b, t, data_hash())
    from results import machine, write

    f = figures(c, combo)
    md = ("Leave-one-writer-out: each writer's lines (and a fold of ordinary career replies) scored by a model "
          "trained without them. The rules were written with every writer in view, so their rows are not "
          "unseen-writer figures.\n\n" + "\n".join(out[0:1] + [""] + [s if s else "" for s in out[2:]]) + "\n")
    lowo_figures = {"rules": figures(c, c.rules), "model": figures(c, model), "combined": f}
    write("distress_model", {"threshold": t, "act_corpus_replies_flagged": round(real, 4), "lowo": lowo_figures},
          md, machine(),
          [("distress, rules + model, leave-one-writer-out",
            f"crisis caught {100 * f['crisis_caught']:.1f}%, idioms passed {100 * f['idioms_passed']:.1f}%, "
            f"ordinary replies flagged {100 * f['ordinary_flagged']:.1f}%")])


if __name__ == "__main__":
    main()
