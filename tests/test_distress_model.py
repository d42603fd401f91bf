"""The learned second reader of distress: what a mentee would notice, and that its weights are current.

The sentences below were written for these tests, not taken from any training file, in the
ways people say things the rules did not list (issue 12, item 9).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any

import pytest

from coach.listening import distress_model
from coach.listening.distress import distress_level, explain, model_text
from coach.listening.distress_model import DistressModelError, read_model, shipped_model
from coach.listening.lexicon import load_lexicon

LEX = load_lexicon()
ROOT = Path(__file__).resolve().parent.parent


def _trainer() -> Any:
    spec = importlib.util.spec_from_file_location("train_distress", ROOT / "benchmarks" / "train_distress.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


UNSEEN_SIGNS = [
    "sometimes i wonder if it would be easier to just not be anywhere",  # missed until stop 54's writer ab
    "honestly i've stopped seeing the point of getting up, every day is the same weight",
    "i keep thinking everyone would manage fine if i just wasn't part of the picture",
    "i've been saying quiet goodbyes to people without them knowing",
    "the thought of not waking up tomorrow is the only thing that calms me down",
    "I've been sitting in the car in the garage with the engine running longer each time",
    "there's a bottle of my mum's pills in my room and i keep counting them",
    "i'm so tired of carrying myself around every day",
    "nothing I do lands anywhere, I feel like I'm vanishing bit by bit",
    "to be honest i don't see a point in planning anything anymore, it all feels empty",
    "I've given my guitar and my books to my brother. I won't be needing them.",
    "im not ok and havent been for months, i just go through the day numb",
]


@pytest.mark.parametrize("text", UNSEEN_SIGNS)
def test_signs_said_in_new_words_stop_the_form(text: str) -> None:
    assert distress_level(text, LEX) is not None


@pytest.mark.xfail(strict=True, reason="known misses of rules + model on phrasings written for the tests")
@pytest.mark.parametrize("text", [
    "I don't think there's much left of me to put into a five-year plan",
    "i wrote something for my parents to read in case anything happens to me",
])
def test_quiet_signs_still_missed(text: str) -> None:
    assert distress_level(text, LEX) is not None


@pytest.mark.parametrize("text", [
    "lately it feels like i'm a guest in my own life and the visit is nearly over",
    "i'm so tired of carrying myself around every day",
])
def test_what_only_the_model_hears_is_asked_about_gently(text: str) -> None:
    # No rule names these; the learned reader raises the check-in ("Are you safe right now?").
    assert explain(text, LEX) == ("check", "check.model")


@pytest.mark.parametrize("text", [
    "this sprint is going to be the death of me lol", "my manager would murder me if I missed the demo",
    "I'd kill for a team that writes tests", "I nearly died laughing at the retro",
    "we're dead in the water without the new hire", "my phone battery died halfway through the interview",
    "My knees are dying after a double shift", "if I hear 'synergy' one more time I'm walking into the sea",
])
def test_everyday_idioms_are_left_alone(text: str) -> None:
    assert distress_level(text, LEX) is None


@pytest.mark.parametrize("text", [
    "I want to lead a team where people feel trusted", "Because I like untangling messy problems until they make sense",
    "money matters, honestly, my rent went up again", "I'd spend a free day hiking and cooking for friends",
    "I'm not sure, maybe something in design? I lose track of time when I sketch",
    "I'm tired after a long week but I'd like to try running the planning meeting",
    "nothing comes to mind right now, can we skip this one?", "honestly I feel stuck in my role and I want to grow",
    "I'm leaving the company next month for a job at a startup", "yes, i'm safe, just tired",
])
def test_ordinary_career_replies_are_not_flagged(text: str) -> None:
    assert distress_level(text, LEX) is None


def test_the_model_never_raises_a_crisis_nor_clears_a_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [json.loads(line) for p in sorted((ROOT / "tests" / "data" / "distress").glob("writer_*.jsonl"))
            for line in p.read_text().splitlines()[:60] if line.strip()]
    with_model = [explain(r["text"], LEX) for r in rows]
    monkeypatch.setattr(distress_model, "shipped_model", lambda: None)
    import coach.listening.distress as distress

    monkeypatch.setattr(distress, "shipped_model", lambda: None)
    rules_only = [explain(r["text"], LEX) for r in rows]
    for (level, rule), ruled in zip(with_model, rules_only, strict=True):
        if rule == "check.model":
            assert level == "check" and ruled == (None, None)
        else:
            assert (level, rule) == ruled  # whatever a rule found stands, at its own level


def test_the_weights_were_trained_on_the_data_in_the_repository() -> None:
    model = shipped_model()
    assert model is not None
    assert model.data_hash == _trainer().data_hash(), (
        "tests/data/distress, distress.yaml or not_signs.py changed since the weights were trained: "
        "run .venv/bin/python benchmarks/train_distress.py")


def test_training_is_deterministic() -> None:
    trainer = _trainer()
    texts = [model_text(t, LEX) for t in UNSEEN_SIGNS + ["I want to lead a team", "I'd kill for a coffee"]]
    x = trainer.Matrix(texts)
    y = trainer.np.array([1.0] * len(UNSEEN_SIGNS) + [0.0, 0.0])
    w = trainer.np.ones(len(texts))
    first, second = trainer.fit(x, y, w), trainer.fit(x, y, w)
    assert (first[0] == second[0]).all() and first[1] == second[1]


@pytest.mark.parametrize(("content", "says"), [
    (None, "unreadable (FileNotFoundError"),
    ("not json", "unreadable (JSONDecodeError"),
    ('{"features": "something else", "dim": 65536}', "made for other features; retrain"),
    (json.dumps({"features": distress_model.FEATURES, "dim": 65536, "bias": 0, "threshold": 0.5, "data_hash": "x",
                 "weights": "AAAAAA=="}), "unreadable (ValueError: 1 weights"),
])
def test_a_bad_weights_file_is_one_clear_line(tmp_path: Path, content: str | None, says: str) -> None:
    path = tmp_path / "weights.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(DistressModelError) as e:
        read_model(path)
    assert says in str(e.value) and "\n" not in str(e.value)


def test_without_usable_weights_the_rules_still_read_distress(tmp_path: Path) -> None:
    # A broken install warns once on stderr and goes on with the rules only: the conversation never stops for it.
    missing = str(tmp_path / "missing.json")
    code = (
        f"import coach.listening.distress_model as m, pathlib; m.WEIGHTS = pathlib.Path({missing!r}); "
        "from coach.listening.distress import distress_level; from coach.listening.lexicon import load_lexicon; "
        "lex = load_lexicon(); print(distress_level('I keep thinking about killing myself', lex)); "
        "print(distress_level('this deadline is killing me', lex)); print(distress_level('im so done with life', lex))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    assert out.stdout.split() == ["crisis", "None", "crisis"]
    assert out.stderr.count("\n") == 1 and "distress is read by the rules only" in out.stderr


def test_the_weights_load_on_first_use_not_at_start_up() -> None:
    code = ("import coach.cli, coach.listening.distress, coach.listening.distress_model as m; "
            "print(m.shipped_model.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "0", out.stderr


def test_one_sign_in_a_long_career_reply_is_not_diluted_by_the_rest() -> None:
    # A model that knows one word of distress: said in a reply of its own it is heard; said after
    # a sentence of ordinary career talk, the whole reply scores lower, but its sentence still counts.
    weights = array("f", [0.0]) * distress_model.DIM
    weights[zlib.crc32(b"w:vanishing") % distress_model.DIM] = 18.0
    model = distress_model.DistressModel(weights, -2.0, 0.5, "test")
    reply = "i like my team and the pay is fine, the hours are ok too. lately i feel like i'm vanishing bit by bit."
    assert model.probability(reply) < model.threshold
    assert model.flags(reply)
    assert not model.flags(reply.replace("vanishing", "growing"))


# Writers t, u, v (round 54): the rules were written from their lines, the model never trained on them
# (tests/data/distress/model_unseen/ is not read by benchmarks/train_distress.py). Measured with rules +
# model at the end of stop 40: crisis caught 95.0% of 300, signs 95.2% of 420, idioms passed 97.8% of 180,
# plain lines passed 100% of 150 (first measured before any rule was written from them: crisis 78.7%,
# idioms passed 88.3%). Writers y and z (stop 53: trades and forces voices who minimise; faith, illness and old
# age) joined them, first measured crisis caught 72.0% and 91.0%, idioms passed 100% and 98.3%: the rules were written
# from them, the model does not train on them (trained on, its threshold rose from 0.9075 to 0.92 and it caught fewer
# held-out crisis lines: a choice made looking at the held-out figure, see docs/conversation.md).
# Writers aa, ab (stop 54: young online, senior formal) and ac, ad (stop 55: tired carers at night, English as a
# second language) joined them the same way; ac, ad were first measured crisis noticed 88% and 82%; ae, af (stop 56:
# young men in trades and gaming; healthcare and emergency workers) 74% and 73%; ag (stop 57: near retirement or
# made redundant, formal and understated) 84%, idioms passed 88.3%; ah (stop 57: English as a second language,
# word for word from Spanish, Hindi, Arabic, Yoruba, Tagalog) 87%, idioms passed 95%. Floors a little
# under, so a rule or a retrained model that loses them fails.
MODEL_UNSEEN_FLOORS = {"crisis": 0.93, "check": 0.90, "idiom": 0.95, "none": 0.97}


@pytest.mark.parametrize("label", list(MODEL_UNSEEN_FLOORS))
def test_writers_the_model_never_saw_stay_above_their_floors(label: str) -> None:
    paths = sorted((ROOT / "tests" / "data" / "distress" / "model_unseen").glob("writer_*.jsonl"))
    assert len(paths) == 13, "tests/data/distress/model_unseen/ should hold writers t, u, v, y, z, aa to ah"
    rows = [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    read = [distress_level(r["text"], LEX) is not None for r in rows if r["label"] == label]
    share = sum(read) / len(read) if label in ("crisis", "check") else 1 - sum(read) / len(read)
    assert share >= MODEL_UNSEEN_FLOORS[label], f"{label}: {share:.3f} < {MODEL_UNSEEN_FLOORS[label]}"
