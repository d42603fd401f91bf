"""Rules: lexicons from YAML, the global intents, and the named predicates flows refer to."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from coach.errors import FlowError, Problem
from coach.resources import default_lexicon

MOTIVATIONS = (
    "influence",
    "authority",
    "recognition",
    "growth",
    "autonomy",
    "meaning",
    "compensation",
    "next_rung",
)


def normalise(text: str) -> str:
    """Lower-case, straight quotes, single spaces: the form every lexicon match runs on."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.lower().split())


class Phrases:
    """A compiled list of whole-word phrases; ``word*`` matches any ending."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = [str(p) for p in phrases]
        parts = []
        for p in sorted(self.phrases, key=len, reverse=True):
            p = normalise(p)
            if p.endswith("*"):
                parts.append(re.escape(p[:-1]) + r"[\w'-]*")
            else:
                parts.append(re.escape(p))
        body = "|".join(parts) or r"(?!x)x"
        self._re = re.compile(rf"(?<![\w'])(?:{body})(?![\w'])")

    def find(self, text: str) -> list[str]:
        """Every phrase occurrence in already-normalised text."""
        return self._re.findall(text)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where each phrase occurs in already-normalised text."""
        return [m.span() for m in self._re.finditer(text)]

    def __contains__(self, text: str) -> bool:
        return self._re.search(text) is not None


@dataclass(frozen=True)
class Motivation:
    """One motivation from the essay, as the coach names it back."""

    id: str
    label: str
    words: Phrases
    note: str = ""


@dataclass
class Lexicon:
    """Every word list behind the rules, loaded from YAML."""

    raw: dict[str, Any]
    yes: Phrases = field(init=False)
    no: Phrases = field(init=False)
    unsure: Phrases = field(init=False)
    advice: Phrases = field(init=False)
    advice_question: Phrases = field(init=False)
    off_topic: Phrases = field(init=False)
    why_asking: Phrases = field(init=False)
    distress: Phrases = field(init=False)
    distress_not: Phrases = field(init=False)
    energy_words: Phrases = field(init=False)
    bedrock_core: Phrases = field(init=False)
    bedrock_themes: Phrases = field(init=False)
    bedrock_specific: Phrases = field(init=False)
    ambition: Phrases = field(init=False)
    outside: Phrases = field(init=False)
    motivations: dict[str, Motivation] = field(init=False)

    def __post_init__(self) -> None:
        r = self.raw
        self.yes = Phrases(r.get("yes", []))
        self.no = Phrases(r.get("no", []))
        self.unsure = Phrases(r.get("unsure", []))
        self.advice = Phrases(r.get("advice", []))
        self.advice_question = Phrases(r.get("advice_question", []))
        self.off_topic = Phrases(r.get("off_topic", []))
        self.why_asking = Phrases(r.get("why_asking", []))
        self.distress = Phrases(r.get("distress", []))
        self.distress_not = Phrases(r.get("distress_not", []))
        energy = r.get("energy", {})
        self.energy_words = Phrases(energy.get("words", []))
        self.energy_min_words = int(energy.get("min_words", 45))
        self.energy_exclamations = int(energy.get("exclamations", 1))
        bedrock = r.get("bedrock", {})
        self.bedrock_core = Phrases(bedrock.get("core", []))
        self.bedrock_themes = Phrases(bedrock.get("themes", []))
        self.bedrock_specific = Phrases(bedrock.get("specific", []))
        self.bedrock_min_words = int(bedrock.get("min_words", 3))
        self.ambition = Phrases(r.get("ambition", []))
        self.outside = Phrases(r.get("outside", []))
        self.ambition_note = str(r.get("ambition_note", ""))
        self.outside_note = str(r.get("outside_note", ""))
        self.motivations = {
            mid: Motivation(
                id=mid,
                label=str(spec.get("label", mid)),
                words=Phrases(spec.get("words", [])),
                note=str(spec.get("note", "")),
            )
            for mid, spec in (r.get("motivations") or {}).items()
        }




def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load a lexicon file (the shipped one by default); errors carry file:line."""
    path = path or default_lexicon()
    return _load_lexicon_cached(str(path))


@lru_cache(maxsize=8)
def _load_lexicon_cached(path: str) -> Lexicon:
    from coach.yaml_lines import load_yaml, plain

    data = load_yaml(Path(path))
    if not isinstance(data, dict):
        raise FlowError([Problem(path, 1, 1, "error", "a lexicon must be a mapping of word lists")])
    merged: dict[str, Any] = {}
    if Path(path).resolve() != default_lexicon().resolve():
        merged = plain(load_yaml(default_lexicon()))
        for key, value in plain(data).items():
            if isinstance(value, list) and isinstance(merged.get(key), list):
                merged[key] = merged[key] + value
            elif isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
    else:
        merged = plain(data)
    return Lexicon(merged)


# --- intents that hold in every step -------------------------------------------------


def is_distress(text: str, lex: Lexicon) -> bool:
    """Crisis or distress language: the flow stops with a fixed message."""
    t = normalise(text)
    if t not in lex.distress:
        return False
    # Remove near-miss idioms, then look again.
    for miss in sorted(lex.distress_not.find(t), key=len, reverse=True):
        t = t.replace(miss, " ")
    return t in lex.distress


_QUESTION_START = re.compile(
    r"^(?:so |ok |okay |well |but |and |then |honestly |seriously |please )*"
    r"(?:should|shall|what|which|would|could|can|do|does|is|are|how|where|will|who)\b"
)


def is_question(text: str) -> bool:
    """Phrased as a question: a question mark, or it opens like one ("should I ...")."""
    t = normalise(text)
    return "?" in t or _QUESTION_START.match(t) is not None


def is_advice_request(text: str, lex: Lexicon) -> bool:
    """The mentee asks the coach to advise, decide or play an adviser."""
    t = normalise(text)
    if t in lex.advice:
        return True
    # "should I ..." is advice only when asked: "I wonder if I should quit" is the mentee thinking.
    return t in lex.advice_question and is_question(t)


def is_why_asking(text: str, lex: Lexicon) -> bool:
    """The mentee asks why the coach is asking."""
    return normalise(text) in lex.why_asking


def _leading(phrases: Phrases, t: str) -> int:
    """Length of the longest phrase at the very start of ``t`` (0 if none)."""
    return max((end for start, end in phrases.spans(t) if start == 0), default=0)


def yes_no(text: str, lex: Lexicon) -> bool | None:
    """True for a yes, False for a no, None when it is neither (or a muddle of both)."""
    t = normalise(text).strip(" .!?,")
    if not t or is_unsure(t, lex):  # "yes and no", "not sure": ask again rather than guess
        return None
    # How an answer opens decides it: "yes, I don't want a boss" is a yes; "not really, yes" a no.
    lead_yes, lead_no = _leading(lex.yes, t), _leading(lex.no, t)
    if lead_yes or lead_no:
        return lead_yes > lead_no
    yes, no = t in lex.yes, t in lex.no
    if yes != no:
        return yes
    return None


def words(text: str) -> list[str]:
    """The words of an answer (letters, digits, apostrophes)."""
    return re.findall(r"[\w']+", normalise(text))


def _rest(phrases: Phrases, t: str) -> list[str]:
    """The words of ``t`` left once every phrase occurrence is taken out."""
    for start, end in sorted(phrases.spans(t), reverse=True):
        t = t[:start] + " " + t[end:]
    return words(t)


def is_unsure(text: str, lex: Lexicon) -> bool:
    """"I don't know" and friends, said on their own (not "I don't know, maybe because ...")."""
    t = normalise(text)
    return t in lex.unsure and len(_rest(lex.unsure, t)) <= 3


_MASH = re.compile(r"^(?:[bcdfghjklmnpqrstvwxz]{4,}|(\w)\1{3,}|(?:asdf|qwer|zxcv|hjkl|sdfg|jkl)\w*)$")


_BARE = {"yes", "no", "ok", "okay", "yeah", "yep", "nope", "nah", "sure", "y", "n", "k"}


def is_off_topic(text: str, lex: Lexicon) -> bool:
    """An answer that is not an answer: a listed off-topic phrase on its own, or keyboard mashing."""
    t = normalise(text)
    ws = words(t)
    if not ws:
        return False  # empty answers have their own re-ask (min_words)
    if t in lex.off_topic and len(_rest(lex.off_topic, t)) <= 2:
        return True
    if " ".join(ws) in _BARE:  # a lone "yes" to an open question ("what makes that important?")
        return True
    # Only plain ASCII words are judged as mashing: other scripts have other spellings.
    return all(w.isascii() and w.isalpha() and _MASH.match(w) for w in ws)


def is_energised(text: str, lex: Lexicon) -> bool:
    """A long, exclamatory or enthusiastic answer."""
    n = len(words(text))
    if n >= lex.energy_min_words:
        return True
    excl = text.count("!")
    if excl >= lex.energy_exclamations and n >= 3:
        return True
    return n >= 8 and len(lex.energy_words.find(normalise(text))) >= 2


def is_bedrock(text: str, lex: Lexicon) -> bool:
    """A simple statement of a core need, belief or interest, not tied to a job or industry."""
    t = normalise(text)
    n = len(words(t))
    if n < lex.bedrock_min_words or is_unsure(t, lex):
        return False
    core = len(lex.bedrock_core.find(t))
    themes = len(lex.bedrock_themes.find(t))
    specific = len(lex.bedrock_specific.find(t))
    # A job or industry word pulls an answer back to the surface ("I love being a manager").
    return core >= 1 and themes >= 1 and 2 * core + themes - 3 * specific >= 3


# A wish said the other way round: "it's not about the money", "I don't want to manage people".
_NEGATED_BEFORE = re.compile(
    r"(?:\bnot|\bnever|\bno|n't|\bdont|\bdoesnt|\bisnt|\bwithout)\b(?:\s+[\w']+){0,2}\s+"
    r"(?:care|caring|cares|want|wanting|wants|need|needs|interested|bothered|fussed|about|into|for|"
    r"after|chasing|motivated|driven|keen|looking)\b[\w' ]*$"
)
_NEGATED_AFTER = re.compile(
    r"^[\w' ]{0,12}\b(?:doesn't|does not|don't|do not|isn't|is not|aren't|are not|never)\s+(?:really\s+)?"
    r"(?:matter|matters|count|motivate|drive|interest|appeal|bother)"
)


def _negated(t: str, start: int, end: int) -> bool:
    before = re.split(r"[.,;!?]", t[max(0, start - 40) : start])[-1]
    after = re.split(r"[.,;!?]", t[end : end + 40])[0]
    return bool(_NEGATED_BEFORE.search(before) or _NEGATED_AFTER.match(after))


def affirmed(phrases: Phrases, text: str) -> int:
    """How often the phrases occur in ``text`` other than negated ("not about the money")."""
    t = normalise(text)
    return sum(1 for start, end in phrases.spans(t) if not _negated(t, start, end))


def motivation_scores(text: str, lex: Lexicon) -> dict[str, int]:
    """Per motivation id, how many of its words one answer uses (negated mentions left out)."""
    return {mid: affirmed(m.words, text) for mid, m in lex.motivations.items()}


def detect_motivations(texts: Iterable[str], lex: Lexicon) -> list[str]:
    """Motivation ids suggested by what was said, strongest first (ties in the essay's order).

    The last answer counts double: it is usually the mentee naming what drives them when asked.
    """
    said = [t for t in texts if t and t.strip()]
    scores = dict.fromkeys(lex.motivations, 0)
    for i, text in enumerate(said):
        weight = 2 if i == len(said) - 1 else 1
        for mid, n in motivation_scores(text, lex).items():
            scores[mid] += weight * n
    order = {mid: i for i, mid in enumerate(MOTIVATIONS)}
    found = [mid for mid, s in scores.items() if s > 0]
    return sorted(found, key=lambda m: (-scores[m], order.get(m, 99)))


def _said(values: dict[str, Any]) -> list[str]:
    """Every answer kept in a session's values (texts and lists of texts)."""
    out: list[str] = []
    for key, value in values.items():
        if key in ("previous", "answer"):
            continue
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and v.strip():
                out.append(v)
    return out


def is_similar(a: str, b: str) -> bool:
    """Two answers that say the same thing (saturation: the mentee repeats themselves)."""
    wa, wb = set(words(a)), set(words(b))
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= 0.7


# --- named predicates a flow's edges and reflections refer to -------------------------


@dataclass
class Context:
    """What a rule sees: the answer just given and the session's state."""

    answer: str
    values: dict[str, Any]
    lex: Lexicon
    depth: int = 0
    max_depth: int = 0
    chain: list[str] = field(default_factory=list)
    skipped: bool = False
    short_streak: int = 0


def _saturated(c: Context) -> bool:
    if c.skipped or is_unsure(c.answer, c.lex):
        return True
    if any(is_similar(c.answer, earlier) for earlier in c.chain[:-1]):
        return True
    return c.short_streak >= 2


def _depth_reached(c: Context) -> bool:
    return c.max_depth > 0 and c.depth >= c.max_depth


def _mentions(mid: str) -> Callable[[Context], bool]:
    def rule(c: Context) -> bool:
        m = c.lex.motivations.get(mid)
        return m is not None and not c.skipped and affirmed(m.words, c.answer) > 0

    return rule


RULES: dict[str, Callable[[Context], bool]] = {
    "always": lambda c: True,
    "yes": lambda c: yes_no(c.answer, c.lex) is True,
    "no": lambda c: yes_no(c.answer, c.lex) is False,
    "skipped": lambda c: c.skipped,
    "unsure": lambda c: is_unsure(c.answer, c.lex),
    "bedrock": lambda c: not c.skipped and is_bedrock(c.answer, c.lex),
    "saturated": _saturated,
    "depth_reached": _depth_reached,
    "ladder_done": lambda c: (
        (not c.skipped and is_bedrock(c.answer, c.lex)) or _saturated(c) or _depth_reached(c)
    ),
    "energised": lambda c: not c.skipped and is_energised(c.answer, c.lex),
    **{mid: _mentions(mid) for mid in MOTIVATIONS},
    "ambition": lambda c: not c.skipped and affirmed(c.lex.ambition, c.answer) > 0,
    "outside": lambda c: not c.skipped and affirmed(c.lex.outside, c.answer) > 0,
    "wants_say": lambda c: bool(
        {"influence", "authority"} & set(detect_motivations(_said(c.values), c.lex))
    ),
    "returning": lambda c: bool(c.values.get("previous")),
    "had_experiment": lambda c: bool((c.values.get("previous") or {}).get("experiment")),
    "has_motivations": lambda c: bool(c.values.get("motivations")),
    "has_bedrock": lambda c: bool(c.values.get("bedrock")),
}

RULE_HELP: dict[str, str] = {
    "always": "always true (a default edge)",
    "yes": "the answer is a yes",
    "no": "the answer is a no",
    "skipped": "the mentee skipped the question (/skip)",
    "unsure": "the answer is 'I don't know' or similar",
    "bedrock": "the answer is a bedrock statement (core need, belief or interest)",
    "saturated": "the ladder ran dry: unsure, repeated, or short twice",
    "depth_reached": "the ladder reached its max_depth",
    "ladder_done": "bedrock, saturated or depth_reached",
    "energised": "a long, exclamatory or enthusiastic answer",
    "influence": "the answer talks about impact or having a say",
    "authority": "the answer talks about being in charge or deciding",
    "recognition": "the answer talks about recognition, status or credit",
    "growth": "the answer talks about learning, growing or mastery",
    "autonomy": "the answer talks about freedom or independence",
    "meaning": "the answer talks about meaning, purpose or helping",
    "compensation": "the answer talks about money",
    "next_rung": "the answer talks about the next step up because it is next",
    "ambition": "the answer names a big or senior job",
    "outside": "the answer points outside the organisation",
    "wants_say": "something said so far is about influence or authority",
    "returning": "the mentee has an earlier finished session",
    "had_experiment": "the earlier session ended with an experiment",
    "has_motivations": "at least one motivation was confirmed",
    "has_bedrock": "a bedrock statement was captured",
}


def rule_names() -> list[str]:
    """Every rule a flow may name."""
    return sorted(RULES)


def evaluate(expr: str, ctx: Context) -> bool:
    """Evaluate ``rule`` or ``not rule``."""
    expr = expr.strip()
    if expr.startswith("not "):
        return not RULES[expr[4:].strip()](ctx)
    return RULES[expr](ctx)


def rule_exists(expr: str) -> bool:
    """Does a ``rule`` / ``not rule`` expression name a known rule?"""
    expr = expr.strip()
    if expr.startswith("not "):
        expr = expr[4:].strip()
    return expr in RULES
