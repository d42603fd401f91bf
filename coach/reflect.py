"""Playback of the mentee's own words, pronouns swapped ("I want my job" -> "you want your job")."""

from __future__ import annotations

import re

# Contractions and multi-word forms first: they are matched as whole tokens.
_FIRST_TO_SECOND = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "i'm": "you're",
    "i've": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "im": "you're",
    "ive": "you've",
    "we": "you",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
    "we're": "you're",
    "we've": "you've",
    "we'd": "you'd",
    "we'll": "you'll",
}
_SECOND_TO_FIRST = {
    "your": "my",
    "yours": "mine",
    "yourself": "myself",
    "you're": "I'm",
    "you've": "I've",
    "you'd": "I'd",
    "you'll": "I'll",
}
# Verbs that agree with "I" and must change with it ("I am" -> "you are").
_AGREE_AFTER_I = {"am": "are", "was": "were", "'m": "'re"}
_AGREE_AFTER_YOU = {"are": "am", "were": "was"}
_SUBJECT_FOLLOWERS = {
    "are", "were", "have", "had", "do", "did", "can", "could", "will", "would", "should",
    "want", "wanted", "said", "say", "think", "know", "see", "seem", "asked", "ask", "might",
    "must", "need", "like", "love", "mean", "meant", "get", "got", "told",
}

_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?|[^A-Za-z]+")


def _swap_you(tokens: list[str], i: int) -> str:
    """'you' is 'I' as a subject and 'me' as an object; guess from its neighbours."""
    nxt = next((t.lower() for t in tokens[i + 1 :] if t.strip()), "")
    prev = next((t for t in reversed(tokens[:i]) if t.strip()), "")
    if nxt in _SUBJECT_FOLLOWERS or not prev or prev.strip() in {".", ",", ";", "!", "?"}:
        return "I"
    return "me"


def swap_pronouns(text: str) -> str:
    """Swap first and second person so the coach can say the mentee's words back to them."""
    tokens = _TOKEN.findall(text)
    out: list[str] = []
    last_subject = ""  # "i" or "you" when the previous word was that subject pronoun
    for i, tok in enumerate(tokens):
        low = tok.lower().replace("\u2019", "'")
        if not tok.strip() or not tok[0].isalpha():
            out.append(tok)
            continue
        if last_subject == "i" and low in _AGREE_AFTER_I:
            rep = _AGREE_AFTER_I[low]
        elif last_subject == "you" and low in _AGREE_AFTER_YOU:
            rep = _AGREE_AFTER_YOU[low]
        elif low in _FIRST_TO_SECOND:
            rep = _FIRST_TO_SECOND[low]
        elif low in _SECOND_TO_FIRST:
            rep = _SECOND_TO_FIRST[low]
        elif low == "you":
            rep = _swap_you(tokens, i)
        else:
            rep = tok
        if rep != tok and tok[0].isupper() and rep != "I" and i == 0:
            rep = rep[0].upper() + rep[1:]
        out.append(rep)
        last_subject = "i" if low in ("i", "we") else ("you" if low == "you" and rep == "I" else "")
    return "".join(out)


MAX_CHARS = 120

_CLAUSE_END = re.compile(r"(?:[.!?;]\s|[.!?;]$|\s[-\u2013\u2014]\s|,\s*(?:because|but|and|so)\b)")
_LEADING = re.compile(
    r"^(?:(?:well|so|um+|uh+|hmm+|honestly|i think|i guess|i suppose|probably|maybe|because|"
    r"cause|'cause|it's because|it is because)[,\s]+)+",
    re.IGNORECASE,
)


def key_phrase(answer: str, max_words: int = 12) -> str:
    """The first clause of an answer, trimmed, ready to be played back."""
    text = " ".join(answer.split())
    text = _LEADING.sub("", text)
    m = _CLAUSE_END.search(text)
    if m:
        text = text[: m.start()]
    words = text.split()
    if len(words) > max_words:
        words = words[:max_words]
    phrase = " ".join(words).rstrip(" ,;:.!?")
    if len(phrase) > MAX_CHARS:  # one enormous "word" must not become an enormous question
        phrase = phrase[:MAX_CHARS].rstrip() + "..."
    return phrase


def play_back(answer: str, max_words: int = 12) -> str:
    """The mentee's key phrase in the second person ("I love puzzles" -> "you love puzzles")."""
    phrase = key_phrase(answer, max_words)
    first = phrase.split(" ", 1)[0].lower().replace("\u2019", "'")
    swapped = swap_pronouns(phrase)
    # Played back mid-sentence: "You love puzzles" would read oddly after "so ".
    if first in _FIRST_TO_SECOND or first in _SECOND_TO_FIRST or first == "you":
        if not swapped.startswith("I ") and not swapped.startswith("I'"):
            swapped = swapped[:1].lower() + swapped[1:]
    return swapped
