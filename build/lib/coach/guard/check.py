"""The no-advice guard: rules (no model) deciding whether a rephrased question may be shown.

A candidate passes only if it is one question; gives no advice, suggestion, instruction,
judgement, information or promise; keeps every must-keep term and enough of the canonical
question's content; brings in no names, numbers or topics from nowhere; and is of sane length.
Every rejection names its reasons, so the transcript says why the flow's wording was shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from coach.guard.advice import advice_reasons
from coach.guard.meaning import _has_phrase, meaning_reasons
from coach.guard.text import _norm, _sentences, _words, question_end

__all__ = ["Verdict", "_norm", "_words", "advice_reasons", "check"]

MIN_WORDS = 3
MAX_WORDS = 40
MAX_CHARS = 280


@dataclass(frozen=True)
class Verdict:
    """The guard's decision on one candidate: ``ok``, and if not, every reason why."""

    ok: bool
    reasons: list[str] = field(default_factory=list)


# A quoted statement joined by a semicolon to the question about it ('You said "x"; what ...?').
_QUOTE_THEN_SEMICOLON = re.compile(r"[\"\u201d'];$")
# A scene set for the question and joined to it by a semicolon ("Picture your ideal day; what's
# in it?", "Say you got the job; what changes?").
_SCENE_THEN_SEMICOLON = re.compile(
    r"^(?:picture|imagine|suppose|pretend|(?:remember|recall) (?!to\b)|think (?:of|about|back)|look back|"
    r"say (?:you|that|it|the|this|your))\b[^;]*;$", re.IGNORECASE)
# A question judged on its own may be a short open prompt ("Why?", "What else?", "And then?");
# a rewording of the flow's question must keep more than that.
_SHORT_OPEN = re.compile(r"^(?:and |so |but )?(?:(?:what|which|who|where|when|why|how)(?: (?:else|now|then|so|that|"
                         r"this|not|exactly))?|anything else|then what|and then)\?$")


def _sentence_count(text: str) -> int:
    """Sentences as a reader counts them: a quote or a scene joined by a semicolon to its question is one."""
    return sum(not (_QUOTE_THEN_SEMICOLON.search(s) or _SCENE_THEN_SEMICOLON.match(s)) for s in _sentences(text))


def _without_tail(text: str, original: str | None) -> str:
    """``text`` less the flow's own words after its first question, if it ends with them."""
    end = question_end(original) if original else None
    if original is None or end is None:
        return text
    tail = " ".join(original[end:].split())
    return text[: -len(tail)].rstrip() if text.endswith(" " + tail) else text


def check(
    candidate: str,
    original: str | None = None,
    keep: Sequence[str] = (),
    context: str | None = None,
) -> Verdict:
    """Decide whether ``candidate`` may be shown in place of ``original``; every reason if not."""
    reasons: list[str] = []
    text = " ".join(candidate.split())
    if not text:
        return Verdict(False, ["empty"])
    words = _words(text)
    if len(words) < MIN_WORDS and (original or not _SHORT_OPEN.match(_norm(text))):
        reasons.append(f"too short: {len(words)} words (at least {MIN_WORDS})")
    limit = MAX_WORDS
    if original:
        limit = max(MAX_WORDS, len(_words(original)) + 10)
    if len(words) > limit or len(text) > MAX_CHARS:
        reasons.append(f"too long: {len(words)} words, {len(text)} characters")
    # What follows the flow's first question (a hint, a reassurance, a second question) is
    # shown word for word after a rewording; the one question is what comes before it.
    asked = _without_tail(text, original)
    if not asked.endswith("?"):
        reasons.append("not a question: does not end with '?'")
    if asked.count("?") > 1:
        reasons.append(f"more than one question: {asked.count('?')} question marks")
    sentences = _sentence_count(text)
    allowed = _sentence_count(original) if original else 1
    if sentences > max(1, allowed):
        reasons.append(f"more than one sentence: {sentences}")
    reasons += advice_reasons(text)

    norm = _norm(text)
    for term in keep:
        if term.strip() and not _has_phrase(norm, term):
            reasons.append(f"drops must-keep term: {term.strip()!r}")
    if original:
        # With the flow's tail kept word for word, the meaning checks compare the part reworded.
        head = _without_tail(original, original) if asked != text else original
        reasons += meaning_reasons(asked, head, keep, context)
    return Verdict(not reasons, reasons)
