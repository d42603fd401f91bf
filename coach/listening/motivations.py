"""Which of the essay's motivations an answer points to: its words, said and not denied."""

from __future__ import annotations

import re
from collections.abc import Iterable

from coach.listening.lexicon import Lexicon, Phrases, normalise

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


# A wish said the other way round: "it's not about the money", "I don't want to manage people".
_NEGATED_BEFORE = re.compile(
    r"(?:\bnot|\bnever|\bno|n't|\bdont|\bdoesnt|\bisnt|\bwithout)\b(?:\s+[\w']+){0,2}\s+"
    r"(?:care|caring|cares|want|wanting|wants|need|needs|interested|bothered|fussed|about|into|for|"
    r"after|chasing|motivated|driven|keen|looking)\b[\w' ]*$"
)
_NEGATED_AFTER = re.compile(
    r"^[\w' ]{0,12}\b(?:doesn't|does not|don't|do not|isn't|is not|aren't|are not|never)\s+(?:really\s+)?"
    r"(?:matter|matters|count|motivate|drive|interest|appeal|bother)"
    # "money not really, well, a little", "money not so much", "money is like a small thing" (round 36)
    r"|^\s*(?:(?:is|isn'?t|its|it'?s)\s+)?(?:not really|not so much|not that much|not much|not at all|nah|no|"
    r"(?:like\s+)?a small thing|(?:like\s+)?a side thing|less so|not (?:a|the) (?:big|main) (?:one|thing|deal))\b"
)


# The word itself denied: "not money", "not really the money", "nothing to do with status".
_DENIED_BEFORE = re.compile(
    r"\b(?:not|never|isn't|wasn't|nothing to do with|don'?t|do not|wouldn'?t|won'?t|didn'?t)"
    r"(?:\s+(?:really|so much|much|about|for|the|that|just|even|"
    r"in it for|it's|its))*\s*$"
)


# Something disliked is no drive: "the money side, which i'd hate tbh", "i hate the politics".
_DISLIKED_AFTER = re.compile(r"^[\w' ]{0,15}?\b(?:which|that|and)?\s*(?:i'?d|i would|i)\s+(?:really\s+|honestly\s+)?"
                             r"(?:hate|dread|dislike|can'?t stand|don'?t like|wouldn'?t like|would not like)\b")
_DISLIKED_BEFORE = re.compile(r"\b(?:hate|hated|hating|dread|dislike|can'?t stand)\b(?:\s+[\w']+){0,3}\s*$")


def _negated(t: str, start: int, end: int) -> bool:
    before = re.split(r"[.,;!?]", t[max(0, start - 40) : start])[-1]
    after = re.split(r"[.,;!?]", t[end : end + 40])[0]
    return bool(_NEGATED_BEFORE.search(before) or _DENIED_BEFORE.search(before) or _NEGATED_AFTER.match(after)
                or _DISLIKED_AFTER.match(after) or _DISLIKED_BEFORE.search(before) or _REPORTED_BEFORE.search(before))


# The coach's words quoted back, not the mentee's: "your summary still says control" (round 32).
_REPORTED_BEFORE = re.compile(r"\b(?:you|your \w+|it|the (?:summary|list|playback)|that) (?:still |also )?"
                              r"(?:says?|said|has|had|wrote|put|keeps? saying|calls? it)\s*['\"]?$")


def affirmed(phrases: Phrases, text: str) -> int:
    """How often the phrases occur in ``text`` other than negated ("not about the money")."""
    t = normalise(text)
    return sum(1 for start, end in phrases.spans(t) if not _negated(t, start, end))


def motivation_scores(text: str, lex: Lexicon) -> dict[str, int]:
    """Per motivation id, how many of its words one answer uses (negated mentions left out).

    A word inside another drive's longer phrase is that drive's: "control over my time" is freedom, not
    authority's "control"."""
    low = normalise(text)
    spans = {mid: m.words.spans(low) for mid, m in lex.motivations.items()}

    def inside(mid: str, span: tuple[int, int]) -> bool:
        return any(o[0] <= span[0] and span[1] <= o[1] and o[1] - o[0] > span[1] - span[0]
                   for other, found in spans.items() if other != mid for o in found)

    denied = denied_by_name(text, lex)
    return {mid: 0 if mid in denied else max(0, affirmed(m.words, text) - sum(inside(mid, sp) for sp in spans[mid]))
            for mid, m in lex.motivations.items()}


def denied_by_name(text: str, lex: Lexicon) -> set[str]:
    """Drives ``text`` denies by their own name: "CURIOSITY not growth" (round 47 heard growth) denies growth, and
    none of its other words ("curiosity") count for it."""
    low = normalise(text)
    return {mid for mid, m in lex.motivations.items() for sp in m.words.spans(low)
            if _negated(low, *sp) and low[sp[0]:sp[1]].startswith(tuple(own_names(mid, m.label)))}


# Long words of a label that name no drive of their own ("having freedom over how you work": freedom does).
_NOT_A_NAME = frozenset(("having", "being", "doing", "something", "things", "getting", "really", "makes", "because",
                         "about", "taking", "feels"))


def own_names(mid: str, label: str) -> frozenset[str]:
    """How a drive is named by its own name, as word beginnings: its id and the long words of its label ("growth",
    "growing"), never a word that only goes with it ("curiosity", "being")."""
    said = [mid, *re.findall(r"[a-z]+", label.lower())]
    return frozenset(w[:6] for w in said if len(w) >= 5 and w not in _NOT_A_NAME)


def detect_motivations(texts: Iterable[str], lex: Lexicon) -> list[str]:
    """Motivation ids suggested by what was said, strongest first (ties in the essay's order).

    The last answer counts three times: it is usually the mentee naming what drives them when
    asked, and what they name comes before what the coach only noticed.
    """
    said = [t for t in texts if t and t.strip()]
    scores = dict.fromkeys(lex.motivations, 0)
    for i, text in enumerate(said):
        weight = 3 if i == len(said) - 1 else 1
        for mid, n in motivation_scores(text, lex).items():
            scores[mid] += weight * n
    order = {mid: i for i, mid in enumerate(MOTIVATIONS)}
    denied = denied_by_name(said[-1], lex) if said else set()  # denied now, whatever was said before
    found = [mid for mid, s in scores.items() if s > 0 and mid not in denied]
    return sorted(found, key=lambda m: (-scores[m], order.get(m, 99)))
