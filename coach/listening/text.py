"""A reply as the reader sees it: cleaned text, its lower-case twin, and its sentences."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# Pictographs and the joiners between them: never words, never part of a quote.
_EMOJI = re.compile("[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+")
# Where one piece of a reply ends and the next begins: after . ! ? (and runs of them), at
# ; or a spaced dash (or "--" typed for one: "the children-- no, it's the paperwork", round 54), at an
# ellipsis, at a colon before a new clause, at a line break.
_BOUNDARY = re.compile(
    r"(?<=[.!?])[.!?]*\s+|(?<=[.!?]\")\s+|\.{2,}\s*|\u2026\s*|\s*;\s*|\s+[-\u2013\u2014]+\s+|(?<=\w)-{2,}\s*|\s*[\u2013\u2014]\s*|:\s+|\n+"
    # "finding weird bugs in how people use stuff, thats kind of ux right?": a check asked after the answer
    r"|,\s+(?=(?:thats?|that'?s|that is|is that|it'?s|its|which is) [^,.!?]{0,30}\b(?:right|yeah|innit|correct|true)"
    r"\?+\s*$)"
)
_EDGE = " ,.;:!?-\u2013\u2014'\"()*"
# The point inside a number ("the 0.6 offer", "2.5 days") is no sentence end: while a reply is read it is held as
# a one-dot leader, which no reader splits on, and put back wherever words leave the conversation (round 69 kept
# "mentor lead 0" of "its mentor lead 0.6 now").
DECIMAL_POINT = "\u2024"
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")


def keep_decimals(text: str) -> str:
    """``text`` with each point inside a number held as :data:`DECIMAL_POINT`."""
    return _DECIMAL.sub(DECIMAL_POINT, text)


def decimals_back(value: Any) -> Any:
    """``value`` (text, or lists and dicts of it) with every held point a full stop again."""
    if isinstance(value, str):
        return value.replace(DECIMAL_POINT, ".")
    if isinstance(value, list):
        return [decimals_back(v) for v in value]
    if isinstance(value, dict):
        return {k: decimals_back(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Piece:
    """A span of the reply: [start, end) into :attr:`Reply.text`."""

    start: int
    end: int


_TRAILED = re.compile(r"(?i)\b(and|or|more|less|like|of|the|a|an|to|but|with|for|about|some|just|my|your|into)"
                      r"\s*(?:\.{2,}|\u2026)\s*(?=[a-z])")

# "what's underneath is more like, i miss him" (round 69 said back "what's underneath is more like"): a comma after
# the words that lead in the new ones is a pause, not where the thought ends
_LEAD_IN_COMMA = re.compile(r"(?i)\b(more like|more about|less about|more that|it's like|its like)\s*,\s*(?=[a-z])")


class Reply:
    """A reply cleaned once; every span the reader keeps indexes both texts alike."""

    def __init__(self, raw: str) -> None:
        text = unicodedata.normalize("NFKC", raw)
        text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
        text = _EMOJI.sub(" ", text)
        # "less freedom now and more... company?" (round 50 said back "less freedom now and more."): a pause
        # after a word that needs one after it is no end of a sentence
        text = _LEAD_IN_COMMA.sub(r"\1 ", _TRAILED.sub(r"\1 ", text))
        lines = [" ".join(line.split()) for line in text.splitlines()]
        self.text = "\n".join(line for line in lines if line)
        # Lower case without changing any length, so spans index both texts.
        self.low = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)

    def sentences(self) -> list[Piece]:
        """The reply cut at sentence-like boundaries, each piece keeping its own end mark."""
        out: list[Piece] = []
        start = 0
        for m in _BOUNDARY.finditer(self.low):
            # A "?" or "!" stays with its sentence: it says what the sentence is.
            end = m.start()
            while end < m.end() and self.low[end] in "?!":
                end += 1
            out.append(Piece(start, end))
            start = m.end()
        out.append(Piece(start, len(self.low)))
        return [p for p in (trim(self, p) for p in out) if p.end > p.start]


def trim(reply: Reply, piece: Piece, edge: str = " ,;:-\u2013\u2014") -> Piece:
    """``piece`` without spaces and separators at either end."""
    start, end = piece.start, piece.end
    while start < end and reply.low[start] in edge:
        start += 1
    while end > start and reply.low[end - 1] in edge:
        end -= 1
    return Piece(start, end)


# After "so", the start of a purpose: "so my kids have more", "so i can pay the bills" keep their "so" (round 41).
PURPOSE = (r"(?:that )?(?:(?:(?:my|our|the|his|her|their|your) [\w']+|i|we|they|people|nobody|no one|everyone|he|"
           r"she|you) (?:can|could|will|would|have|has|get|gets|don'?t|doesn'?t|won'?t|never|always|are|is|aren'?t|"
           r"feel|feels|do|does|had|might|may|am)\b|(?:she'?s|he'?s|they'?re|we'?re|i'?m|there'?s) "
           r"(?:not|never|always|got|able)\b)")

def bare(text: str) -> str:
    """Text without the punctuation at its ends (what a ``whole`` rule must match)."""
    return text.strip(_EDGE)


def words(text: str) -> list[str]:
    """The words of some text (letters, digits, apostrophes)."""
    return re.findall(r"[\w']+", text.lower())


_OPEN_QUOTE = re.compile(r"(?:(?<=\s)|^)'(?=\w)")
_CLOSE_QUOTE = re.compile(r"(?<=\w)'(?=\s|$|[,.;:!?])")


def balanced(text: str) -> str:
    """``text`` without a quote mark whose partner was cut off ("it's just 'partner" -> "it's just partner")."""
    if text.count('"') % 2:
        text = text.replace('"', "")
    opened, closed = len(_OPEN_QUOTE.findall(text)), len(_CLOSE_QUOTE.findall(text))
    if opened > closed:
        text = _OPEN_QUOTE.sub("", text)
    elif closed > opened and not re.search(r"(?i)s'(?=\s|$)", text):  # "the teachers' room" keeps its mark
        text = _CLOSE_QUOTE.sub("", text)
    return text
