"""A reply said at a later question that puts the read-back right and answers the question too: the fixes and
the answer, apart ("wait, money too. drives is money and having a say. then the experiment, i'll apply ...")."""

from __future__ import annotations

import re

from coach.listening import rules
from coach.listening.fixes import is_complaint, read_fixes

__all__ = ["fixes_apart"]


# "wait, money too. drives is money and having a say. then the experiment, i'll apply for ..." (round 48 named the
# experiment "money too and the experiment"): one more for a line, said beside its fix; the label before the answer
_TOO = re.compile(r"(?i)^\W*(?:(?:wait|oh|and|also|plus)[,.]?\s+)*[\w' ]{2,25}? (?:too|as well)\W*$")
_EXPERIMENT_LABEL = re.compile(r"(?i)^\W*(?:(?:and|then|so|ok|okay|now)[,.]?\s+)*(?:the |my )?experiment"
                               r"(?: (?:is|would be|then))?\s*[:,-]\s*")


def fixes_apart(text: str) -> tuple[str, str]:
    """The sentences of ``text`` that ask for a fix to the read-back, and the rest ("" when it is all fixes)."""
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", text.strip()) if x.strip()]
    asks = [bool(read_fixes(x)) or is_complaint(x) or _TOO.match(x) is not None for x in sentences]
    # "now you've lost meaning. it's freedom AND meaning." (round 52 named it the experiment): the line, said over
    asks = [a or (i > 0 and asks[i - 1] and re.match(r"(?i)(?:it'?s|its|it is)\s+[\w' ]{2,40}\W*$", x) is not None)
            for i, (x, a) in enumerate(zip(sentences, asks, strict=True))]
    rest = _EXPERIMENT_LABEL.sub("", " ".join(x for x, a in zip(sentences, asks, strict=True) if not a))
    fix = " ".join(x for x, a in zip(sentences, asks, strict=True) if a)
    return fix, rest if rules.words(rest) and any(asks) else ""
