"""Recalling an answer given early: the mentee named what a later question asks, in passing.

"What would you do with a free day?" after "...and on sundays i go hiking all day with my dog"
is a question already answered. The lexicon's ``heard_before`` section says, per step, what
its question asks about and how an earlier answer may already say it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.listening.lexicon import Lexicon
from coach.listening.text import Reply


@dataclass(frozen=True)
class Recalled:
    """Words from an earlier answer that answer a step's question, and where they came from."""

    words: str
    ref: str
    about: str
    kept: str = ""  # the part kept as the answer ("run my own bakery" of "my goal is to run my own bakery")


def _tables(lex: Lexicon) -> dict[str, tuple[str, list[re.Pattern[str]]]]:
    def build(lx: Lexicon) -> dict[str, tuple[str, list[re.Pattern[str]]]]:
        out: dict[str, tuple[str, list[re.Pattern[str]]]] = {}
        for step, spec in (lx.raw.get("heard_before") or {}).items():
            if isinstance(spec, dict) and spec.get("about"):
                out[str(step)] = (str(spec["about"]), [re.compile(str(p)) for p in spec.get("patterns") or []])
        return out

    return lex.compiled("heard_before", build)


# A phrase whose object is only "it" or "that": without the sentence before it, nobody knows what it means.
_NO_REFERENT = re.compile(r"(?i)\b(?:at|with|in|for|of|about|do|doing)\s+(?:it|that|this|them|those)\W*$")


def recalls(step: str, lex: Lexicon) -> bool:
    """Does the lexicon know how an earlier answer may already answer ``step``'s question?"""
    return step in _tables(lex)


def recall(step: str, answers: list[tuple[str, str]], lex: Lexicon) -> Recalled | None:
    """The latest earlier answer (ref, text) that already answers ``step``'s question, if any."""
    found = _tables(lex).get(step)
    if found is None:
        return None
    about, patterns = found
    for ref, text in reversed(answers):
        reply = Reply(text)
        for pattern in patterns:
            m = pattern.search(reply.low)
            if m:
                said = reply.text
                words = said[m.start():m.end()].strip(" ,")
                core = said[m.start("kept"):m.end("kept")].strip(" ,") if "kept" in pattern.groupindex else ""
                if _NO_REFERENT.search(core or words):  # "i'm decent at it": at what? said back, it means nothing
                    continue
                return Recalled(words, ref, about, core or words)
    return None
