"""A reply said at a later question that puts the read-back right and answers the question too: the fixes and
the answer, apart ("wait, money too. drives is money and having a say. then the experiment, i'll apply ...")."""

from __future__ import annotations

import re

from coach.listening import rules
from coach.listening.fixes import is_complaint, read_fixes
from coach.listening.parts import MENTION

__all__ = ["fixes_apart", "puts_that_in"]


# "wait, money too. drives is money and having a say. then the experiment, i'll apply for ..." (round 48 named the
# experiment "money too and the experiment"): one more for a line, said beside its fix; the label before the answer
_TOO = re.compile(r"(?i)^\W*(?:(?:wait|oh|and|also|plus)[,.]?\s+)*[\w' ]{2,25}? (?:too|as well)\W*$")
# "and um experiment maybe ask sara ..." (round 83 kept "experiment maybe"): the label goes, the maybe stays
_EXPERIMENT_LABEL = re.compile(r"(?i)^\W*(?:(?:and|then|so|ok|okay|now|um+|uh+|erm)[,.]?\s+)*(?:the |my )?experiment"
                               r"(?:(?: (?:is|would be|then))?\s*[:,-]\s*| (?:is|would be) (?=\w)| (?=maybe\b))")
# "no, please fix it." (round 53 named the experiment "fix it"): asking for the fixes, no words of its own
_FIX_IT = re.compile(r"(?i)^\W*(?:(?:no|ok|okay|so|and|oh)[,.!]?\s+)*(?:please |pls |can you |could you )?"
                     r"(?:fix|change|correct|sort|update) (?:it|that|this|them|those)(?: please| pls| now| then)?\W*$")
# "my knees. are. knackered. put that in under underneath." (round 53): the words before, put in that line
_BIN_IT = re.compile(r"(?i)^(?:so |just |pls |please )*(?:bin|drop|remove|delete|cut|lose|take out) (?:it|that)"
                     r"(?: out)?\W*$")
_STILL_THERE = re.compile(r"(?i)\bstill (?:in )?there\W*$")
_PUT_THAT = re.compile(rf"(?i)^\W*(?:(?:and|so|pls|please)[,.]?\s+)*(?:put|add|write) (?:that|it|this) (?:in )?"
                       rf"(?:under|in|into|to|for) (?P<line>{MENTION})\W*$")


_SAID_OVER = re.compile(r"(?i)(?:it'?s|its|it is|it should be|should be)\s+[\w' ,-]{2,80}\W*$")


def fixes_apart(text: str) -> tuple[str, str]:
    """The sentences of ``text`` that ask for a fix to the read-back, and the rest ("" when it is all fixes)."""
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", text.strip()) if x.strip()]
    for i in range(len(sentences) - 1, 0, -1):  # "earning well is STILL there. bin it." (round 80): one fix
        if _BIN_IT.match(sentences[i]) and _STILL_THERE.search(sentences[i - 1]):
            sentences[i - 1:i + 1] = [f"{sentences[i - 1]} {sentences[i]}"]
    put = _put_that(sentences)
    if put is not None:  # the sentences said since the last fix are what is put in
        start, at, line = put
        said = " ".join(x.strip(" .") for x in sentences[start:at])
        sentences[start:at + 1] = [f"add {said} to {line}."]
    asks = [bool(read_fixes(x)) or is_complaint(x) or _TOO.match(x) is not None or _FIX_IT.match(x) is not None
            for x in sentences]
    # "now you've lost meaning. it's freedom AND meaning." (round 52 named it the experiment): the line, said over;
    # "my heading is NOT 'remove it'. its maybe out of the classroom, into exams work" (stop 55)
    asks = [a or (i > 0 and asks[i - 1] and _SAID_OVER.match(x) is not None)
            for i, (x, a) in enumerate(zip(sentences, asks, strict=True))]
    rest = _EXPERIMENT_LABEL.sub("", " ".join(x for x, a in zip(sentences, asks, strict=True) if not a))
    fix = " ".join(x for x, a in zip(sentences, asks, strict=True) if a)
    return fix, rest if rules.words(rest) and any(asks) else ""


def _put_that(sentences: list[str]) -> tuple[int, int, str] | None:
    """Where the words put in start, the sentence that puts them in, and the line (None: no such sentence, or
    only fixes said before it: "where i'm heading: X. please write that in for where i'm heading")."""
    at = next((i for i, x in enumerate(sentences) if i and _PUT_THAT.match(x)), 0)
    put = _PUT_THAT.match(sentences[at]) if at else None
    start = max((i for i in range(at) if read_fixes(sentences[i])), default=-1) + 1
    return (start, at, put["line"]) if put is not None and start < at else None


def puts_that_in(text: str) -> bool:
    """Does ``text`` ask for what it said first to go into a line ("my knees. put that in under underneath")?"""
    return _put_that([x for x in re.split(r"(?<=[.!?])\s+", text.strip()) if x.strip()]) is not None
