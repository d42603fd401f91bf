"""The guard's view of text: normalised words, crude stems, synonym groups, sentences."""

from __future__ import annotations

import re
import unicodedata

from coach.guard.words import GENERIC, STOPWORDS, SYNONYMS

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": " - "})


def _norm(text: str) -> str:
    """Lower case, straight quotes, "n't" spelt "not", one space: what every rule matches on."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    text = re.sub(r"\b(can)'t\b", r"\1 not", text)
    text = re.sub(r"\bwon't\b", "will not", text)
    text = re.sub(r"n't\b", " not", text)
    text = re.sub(r"iz(e|es|ed|ing|ation|ations)\b", r"is\1", text)  # organization ~ organisation
    return " ".join(text.split())


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _words(text: str) -> list[str]:
    return _WORD.findall(_norm(text))



def _stem(word: str) -> str:
    """A crude stemmer: enough to equate "matters"/"matter", "leading"/"lead"."""
    word = word.split("'")[0]
    for suffix in ("ingly", "ing", "edly", "ed", "ies", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix == "ies":
                word += "y"
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "sl":
        word = word[:-1]  # running -> run(n) -> run
    return word


_STEM_GROUP: dict[str, int] = {}
for _i, _group in enumerate(SYNONYMS):
    for _w in _group:
        _STEM_GROUP.setdefault(_stem(_w), _i)


def _concept(word: str) -> str:
    """A word's stem, or its synonym group's id, so near-synonyms compare equal."""
    stem = _stem(word)
    group = _STEM_GROUP.get(stem)
    return f"#{group}" if group is not None else stem


def _content(text: str) -> list[str]:
    return [w for w in _words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 1]


def _sentences(text: str) -> list[str]:
    """Split into sentences on . ! ? (and a colon or semicolon before a fresh clause)."""
    parts = re.split(r"(?<=[.!?])\s+|(?<=[;])\s+", text.strip())
    return [p.strip() for p in parts if p.strip()]



GENERIC_STEMS = frozenset(_stem(w) for w in GENERIC)


def question_end(text: str) -> int | None:
    """Where the first question of ``text`` ends, if more text follows it (a hint, a reassurance,
    a second question): everything after is the flow's tail, shown word for word."""
    m = re.search(r"\?(?=\s+\S)", text)
    return m.end() if m else None
