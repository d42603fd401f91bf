"""The guard's form checks: is a rewording a well-formed question, or words that only end in "?"?

A small model's failures are often not advice at all but broken sentences that still end in a
question mark: a fragment ("Thinking of where you'd like to go, and why that matters to you?"),
a statement ("It's something you've seen up close, that's what it is like?"), a trailing
"and?", a word said twice, a capital in mid-sentence, "since then" turned into "since now".
Each is checked against the flow's own question, which always passes.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from coach.guard.text import _norm, _sentences, _words
from coach.guard.words import STOPWORDS, _wordset

# Auxiliaries and modals: "what do ...", "how would ...", "is it ...", "would you ...".
_AUX = (
    "am|is|are|was|were|be|do|does|did|have|has|had|can|could|will|would|shall|should|may|might|must"
)
_WH = "what|which|who|whom|whose|where|when|why|how"
# A word that opens a subject: after a question word it makes a clause, not a question
# ("why that matters", "what it is like"), unless an auxiliary comes first.
_SUBJECT = "that|this|it|you|your|the|a|an|they|their|he|she|we|i|my|there|these|those|people"

# A question head: a question word asking something itself ("what makes", "what's", "whose job
# would"), or an auxiliary put before its subject ("is it", "would you", "do the things").
_HEAD = re.compile(
    rf"(?:^|[,:;] |\b(?:and|so|or|but|then) )(?:"
    rf"(?:{_WH})'(?:s|re|d)\b"
    rf"|(?:{_WH}) (?:{_AUX})\b"
    rf"|(?:{_WH}) (?!(?:{_SUBJECT})\b)\w+"
    rf"|(?:{_WH}) \w+ (?:{_AUX}) (?:not )?(?:{_SUBJECT})\b"
    rf"|(?:{_AUX}) (?:not )?(?:{_SUBJECT})\b"
    rf"|how come\b"
    rf")"
)

_LOOSE_CLAUSE = re.compile(
    rf"\b(?:and|or) (?:why|what|how|where|who|whose|which) (?:{_SUBJECT})\b(?! (?:{_AUX})\b)"
)

# Words a question cannot end on ("... and what did you notice about it, and?").
_NO_END = _wordset("and or but so the a an your my their our very if than is are was were")

# "Can you tell me what it is?", "... who you are?": a question put after an opener ends on its verb.
_EMBEDDED_END = re.compile(
    r"\b(?:tell me|say|know|think) (?:what|who|where|how|which) (?:it|that|this|you|they|he|she) "
    r"(?:is|are|was|were)\W*$"
)

# "... tell me how do you know": after an opener, a question word, then an auxiliary before its subject.
_INVERTED = re.compile(
    rf"\b(?:tell me|say) (?:{_WH})\b(?: (?!(?:{_SUBJECT})\b)[\w']+){{0,2}}? (?:{_AUX}) (?:{_SUBJECT})\b"
)

# "... whose job you would not want to do it?": the question word already is the object; a pronoun
# for it again after the verb is a sentence gone wrong.
_RESUMPTIVE = re.compile(
    r"\b(?:whose|which|what) \w+ (?:[\w']+ ){0,6}?(?:do|want|take|have|like|pick|choose|get|enjoy) (?:it|them)\b"
)
# "... can you tell me what that is underneath that?": the question word's thing named again after it.
_RESUMPTIVE_WHAT = re.compile(
    r"\bwhat (?:that|it|this) (?:is|was) (?:\w+ )?(?:underneath|behind|beneath|under|below) (?:that|it|this)\b"
)
# "... the things you love, good at, and ...": a list item that lost its subject.
_HEADLESS_ITEM = re.compile(r"(?:, |\band )(?:good|great|best|skilled) (?:at|with)\b")

_SHAPES = ((_LOOSE_CLAUSE, "has no auxiliary"), (_INVERTED, "keeps the question's word order"),
           (_RESUMPTIVE, "says its object twice"), (_RESUMPTIVE_WHAT, "says its subject twice"),
           (_HEADLESS_ITEM, "a list item has no subject"))

# Small words a garbled rewording piles up ("your things you love, your good things, and your ...").
_FILLERS = _wordset("your the and")

_TIME_OPPOSITES = (("then", "now"), ("last", "next"), ("past", "future"), ("before", "after"), ("ago", "from now"))


def _asked_part(text: str) -> list[str]:
    return [s for s in _sentences(text) if s.rstrip().endswith("?")]


def _has_head(sentence: str) -> bool:
    return _HEAD.search(_norm(sentence).rstrip("?")) is not None


def _says(norm: str, phrase: str) -> bool:
    return re.search(rf"\b{phrase}\b", norm) is not None


def form_reasons(text: str, original: str) -> list[str]:
    """Reasons ``text`` is not a well-formed question, judged beside the flow's ``original``."""
    reasons: list[str] = []
    asked = _asked_part(text)
    if asked and not all(_has_head(s) for s in asked) and all(_has_head(s) for s in _asked_part(original)):
        reasons.append("not a well-formed question: no question word or auxiliary opens a clause")

    # Shapes the flow's own question does not have: "What's underneath that for you, and why you say
    # ...?" (a second, headless clause); "Can you tell me how do you know ...?" (after an opener the
    # question takes statement order); "whose job ... do it"; "the things you love, good at".
    for pattern, what in _SHAPES:
        found = pattern.search(_norm(text))
        if found and not pattern.search(_norm(original)):
            reasons.append(f"not a well-formed question: {found.group(0)!r} {what}")

    words = _words(text)
    last = next((w for w in reversed(_words(asked[-1]))), "") if asked else ""
    orig_asked = _asked_part(original)
    orig_last = _words(orig_asked[-1])[-1] if orig_asked and _words(orig_asked[-1]) else ""
    if last in _NO_END and last != orig_last and not _EMBEDDED_END.search(_norm(asked[-1])):
        reasons.append(f"not a well-formed question: ends on {last!r}")

    orig_words = _words(original)
    doubled = {a for a, b in pairwise(orig_words) if a == b}
    for a, b in pairwise(words):
        if a == b and a.isalpha() and a not in doubled:
            reasons.append(f"says a word twice: {a!r}")
            break

    # "one plain sentence about this sentence", "your things, your good things, your ...": a
    # word the question said once, said again and again, is a sentence coming apart.
    said = Counter(orig_words)
    for word, n in Counter(words).items():
        extra = n - said[word]
        if (extra >= 1 and word not in STOPWORDS and word.isalpha() and said[word]) or (
                extra >= 2 and word in _FILLERS):
            reasons.append(f"says {word!r} more often than the question did")
            break

    lower_source = set(_words(original))
    for sentence in _sentences(text):
        for token in re.findall(r"[A-Za-z][\w'-]*", sentence)[1:]:
            if token[0].isupper() and token.lower() in lower_source and token not in original:
                reasons.append(f"a capital in mid-sentence: {token!r}")
                break

    norm_text, norm_orig = _norm(text), _norm(original)
    for a, b in _TIME_OPPOSITES:
        for had, got in ((a, b), (b, a)):
            if _says(norm_orig, had) and not _says(norm_orig, got) and _says(norm_text, got) \
                    and not _says(norm_text, had):
                reasons.append(f"changes the time it asks about: {had!r} became {got!r}")
    return reasons
