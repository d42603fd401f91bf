"""Answers to the check-in ("Are you safe right now?") that say they are safe in their own words."""

from __future__ import annotations

import re

from coach.listening.lexicon import Lexicon, normalise
from coach.listening.patterns import compile_pattern


def _pattern(lex: Lexicon) -> re.Pattern[str]:
    phrases = [str(p) for p in lex.raw.get("safe_answers") or []]
    return compile_pattern("{safe}", "any", {"safe": phrases or ["(?!x)x"]})


def said_safe(text: str, lex: Lexicon) -> bool:
    """"i'm fine, i meant at work", "no no, all good": safe, said without a plain yes.

    The caller has already made sure nothing in the answer is a sign of distress."""
    return lex.compiled("safe_answers", _pattern).search(normalise(text)) is not None


def _explained_pattern(lex: Lexicon) -> re.Pattern[str]:
    phrases = [str(p) for p in lex.raw.get("explained_answers") or []]
    return compile_pattern("{explained}", "any", {"explained": phrases or ["(?!x)x"]})


def explained(text: str, lex: Lexicon) -> bool:
    """"i meant settled for less", "it was a joke", "that means the models never shipped": a worrying word explained."""
    return lex.compiled("explained_answers", _explained_pattern).search(normalise(text)) is not None
