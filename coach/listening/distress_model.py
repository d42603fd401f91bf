"""A small learned second reader for distress: hashed n-gram logistic regression, plain Python at run time.

It only ever raises the gentle check-in when the rules (distress.py) found nothing: never a
crisis, never clearing a rule's finding. Weights are trained by benchmarks/train_distress.py
(numpy, deterministic) and shipped beside this module; they load on first use, so start-up
does not pay for them. A missing or unreadable weights file leaves distress to the rules,
with one line on stderr saying so (a broken install must not stop a conversation).
"""

from __future__ import annotations

import base64
import itertools
import json
import math
import re
import sys
import zlib
from array import array
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from coach.errors import CoachError

WEIGHTS = Path(__file__).resolve().parent / "distress_weights.json"
DIM = 1 << 16
# Fewer words than this are too little to go on ("I'm not ready"): short signs are the rules' to catch.
MIN_WORDS = 5
FEATURES = "words+bigrams+chars3+concepts/4;max-over-sentences"

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Where a sentence ends, for scoring each sentence of a longer reply on its own.
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|;\s*")
# Words grouped by the idea they carry, so a new wording of a known thought shares features with it
# ("i won't be around" ~ "i will not be here"). Hand-picked, small: the model learns what they mean.
_CONCEPTS: dict[str, tuple[str, ...]] = {
    "SELF": ("i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "mine", "im", "ive", "id"),
    "NEG": ("not", "no", "never", "don't", "can't", "won't", "wouldn't", "isn't", "aren't", "nothing", "nobody",
            "none", "without", "cannot", "couldn't", "didn't", "doesn't", "shouldn't", "ain't", "nor", "neither"),
    "BE": ("here", "around", "alive", "exist", "existing", "existence", "living", "live", "life", "lives", "breathing",
           "awake", "wake", "waking", "world", "earth", "anymore", "tomorrow", "future", "years"),
    "END": ("die", "dying", "dead", "death", "end", "ending", "ended", "over", "gone", "stop", "disappear", "vanish",
            "quit", "leave", "goodbye", "bye", "farewell", "finish", "finished", "done", "sleep", "asleep", "rest",
            "kill", "killing", "suicide", "suicidal", "overdose", "jump", "hang", "cut", "cutting", "bleed", "hurt",
            "harm", "pills", "rope", "bridge", "note", "letter", "will", "funeral", "grave"),
    "LOW": ("hopeless", "pointless", "worthless", "empty", "numb", "tired", "exhausted", "heavy", "dark", "alone",
            "lonely", "burden", "trapped", "broken", "lost", "hollow", "point", "matter", "matters", "care", "sad",
            "miserable", "crying", "cry", "can't", "cope", "anything", "everything", "nothing", "hurts", "pain"),
    "OTHERS": ("everyone", "family", "mom", "mum", "dad", "kids", "wife", "husband", "partner", "friends",
               "they", "them", "people", "sister", "brother", "parents", "dog", "cat"),
    "WORK": ("job", "work", "role", "team", "manager", "boss", "company", "project", "deadline", "meeting",
             "meetings", "career", "promotion", "client", "sprint", "office", "salary", "position", "interview",
             "tickets", "code", "quarter", "review", "offer", "startup", "product", "engineer", "lead"),
    "LAUGH": ("lol", "lmao", "haha", "jk", "lolol", "rofl", "xd", "kidding", "joking"),
    "RESOLVE": ("decided", "decide", "plan", "planned", "planning", "ready", "arranged", "prepared", "sure", "final",
                "last", "soon", "tonight", "tomorrow", "intend", "intends", "going", "gonna", "already", "means",
                "thought", "thinking", "how", "when", "after", "once"),
    "MEANS": ("knife", "blade", "pills", "tablets", "bottle", "gun", "rope", "bridge", "train", "cliff", "cliffs",
              "balcony", "river", "wire", "tylenol", "meds", "dose", "jump", "jumped", "jumping", "cuts", "scars",
              "wounds", "stitches", "sh", "od", "overdose", "lethal", "medication", "roof", "tracks", "car", "hose",
              "noose", "razor", "bathtub", "sea", "ocean", "drown", "swerving", "crash"),
    "BYE": ("letters", "letter", "note", "goodbye", "goodbyes", "forgive", "sorry", "gone", "away", "given", "giving",
            "cat", "dog", "insurance", "will", "affairs", "belongings", "miss", "remember"),
    "NEVER": ("never", "anymore", "again", "ever", "forever", "permanently", "good"),
}
# A word in two lists takes the later one ("pills": a means, not an ending).
_TAG = {w: tag for tag, words in _CONCEPTS.items() for w in words}


def word_count(low: str) -> int:
    """How many words the model sees in evened text."""
    return len(_WORD.findall(low))


def sentences(low: str) -> list[str]:
    """The sentences of a reply long enough to judge on their own (none when there is only one)."""
    parts = [s for s in _SENTENCE.split(low) if word_count(s) >= MIN_WORDS]
    return parts if len(parts) > 1 else []


class DistressModelError(CoachError):
    """The distress weights file is missing, unreadable or not for this version of coach."""


def features(low: str) -> list[int]:
    """Hashed features of evened, lower-case text: words, word pairs, letter trigrams, idea pairs."""
    ws = _WORD.findall(low)
    feats = [f"w:{w}" for w in ws]
    feats += [f"b:{a} {b}" for a, b in itertools.pairwise(ws)]
    for w in ws:  # letter trigrams: typos and new word forms still share most of them
        padded = f"#{w}#"
        feats += [f"c:{padded[i:i + 3]}" for i in range(len(padded) - 2)]
    tags = [_TAG.get(w, "") for w in ws]
    # Ideas near each other (within four words): "not ... here", "my ... end", "kill ... lol".
    for i, a in enumerate(tags):
        if a:
            feats.append(f"t:{a}")
            feats += [f"p:{a} {b}" for b in tags[i + 1:i + 5] if b]
    return [zlib.crc32(f.encode()) % DIM for f in feats]


@dataclass(frozen=True)
class DistressModel:
    """Weights, bias and the threshold over which a reply is asked about."""

    weights: array  # type: ignore[type-arg]
    bias: float
    threshold: float
    data_hash: str

    def probability(self, low: str) -> float:
        """How likely the evened text is a sign of distress (0..1)."""
        feats = features(low)
        if not feats:
            return 0.0
        counts: dict[int, int] = {}
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
        norm = math.sqrt(sum(c * c for c in counts.values()))
        z = self.bias + sum(self.weights[f] * c for f, c in counts.items()) / norm
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def score(self, low: str) -> float:
        """The reply's probability, or its likeliest sentence's: one sign in a long career reply is not diluted."""
        return max([self.probability(low), *map(self.probability, sentences(low))])

    def flags(self, low: str) -> bool:
        """Is the evened text long enough to judge, and likely enough a sign to ask about?"""
        return word_count(low) >= MIN_WORDS and self.score(low) >= self.threshold


def read_model(path: Path) -> DistressModel:
    """The model stored at ``path``; DistressModelError (one line) if it cannot be used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("features") != FEATURES or int(data.get("dim", 0)) != DIM:
            raise DistressModelError(f"distress weights {path} were made for other features; retrain them "
                                     "(benchmarks/train_distress.py)")
        weights = array("f")
        weights.frombytes(base64.b64decode(data["weights"], validate=True))
        if len(weights) != DIM:
            raise ValueError(f"{len(weights)} weights, expected {DIM}")
        model = DistressModel(weights, float(data["bias"]), float(data["threshold"]), str(data["data_hash"]))
    except DistressModelError:
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise DistressModelError(f"distress weights {path} unreadable ({type(e).__name__}: {e})") from None
    if not 0.0 < model.threshold < 1.0 or not all(map(math.isfinite, (model.bias, *model.weights))):
        raise DistressModelError(f"distress weights {path} hold values out of range; retrain them")
    return model


@cache
def shipped_model() -> DistressModel | None:
    """The shipped model, loaded once; None (and one line on stderr) if it cannot be used."""
    try:
        return read_model(WEIGHTS)
    except DistressModelError as e:
        sys.stderr.write(f"coach: {e}; distress is read by the rules only\n")
        sys.stderr.flush()
        return None
