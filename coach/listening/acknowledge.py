"""Brief acknowledgements: one short, fixed reflection of a realisation or a worry, never advice."""

from __future__ import annotations

from collections.abc import Iterable

from coach.listening.lexicon import Lexicon, load_lexicon
from coach.listening.reading import Reading


def acknowledgements(topic: str, lex: Lexicon | None = None) -> list[str]:
    """Every wording the lexicon has for ``topic`` ("insight" or "worry"), in rotation order."""
    table = (lex or load_lexicon()).raw.get("acknowledgements") or {}
    return [str(w) for w in table.get(topic) or []]


def acknowledgement(reading: Reading, lex: Lexicon | None = None, *, said: Iterable[str] = ()) -> str | None:
    """A short reflection for the reply's first feeling, avoiding wordings in ``said``; None if no feeling.

    Nothing is acknowledged when the reply shows distress (that has its own fixed message).
    """
    if reading.has("distress"):
        return None
    act = reading.first("feeling")
    if act is None:
        return None
    options = acknowledgements(act.topic or "worry", lex)
    if not options:
        return None
    recent = set(said)
    fresh = [w for w in options if w not in recent]
    # Rotate: the first wording not said recently; when all were, the one said longest ago.
    if fresh:
        return fresh[0]
    order = list(said)
    return min(options, key=lambda w: max((i for i, s in enumerate(order) if s == w), default=-1))
