"""Playback of the mentee's own words, pronouns swapped ("I want my job" -> "you want your job")."""

from __future__ import annotations

import re
from collections.abc import Iterable

# First person -> second person. Whole tokens only; contractions are single tokens.
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
# Verbs that agree with the subject and must change with it ("I am" -> "you are").
_AGREE_WITH_YOU = {"am": "are", "was": "were", "wasn't": "weren't"}
_AGREE_WITH_I = {"are": "am", "were": "was", "weren't": "wasn't", "aren't": "am not"}
# After these words "you" is an object ("told you" -> "told me"); elsewhere it is a subject.
_OBJECT_BEFORE = {
    "to", "for", "with", "at", "about", "from", "of", "by", "like", "than", "into", "onto",
    "without", "behind", "beside", "between", "around", "against", "towards", "toward", "near",
    "told", "tell", "tells", "help", "helped", "helps", "gave", "give", "gives", "show", "showed",
    "ask", "asked", "thank", "thanked", "let", "make", "made", "makes", "see", "saw", "hear",
    "heard", "pay", "paid", "call", "called", "need", "needs", "want", "wants", "love", "loves",
    "trust", "trusts", "teach", "taught", "know", "knows", "meet", "met", "bother", "bothers",
    "understand", "understands", "get", "got", "mean", "means", "remind", "reminds", "keep", "keeps",
}

_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?|[^A-Za-z]+")


def _next_word(tokens: list[str], i: int) -> str:
    for t in tokens[i + 1 :]:
        if t.strip():
            return t.lower().replace("\u2019", "'") if t[0].isalpha() else ""
    return ""


def _prev_word(tokens: list[str], i: int) -> str:
    for t in reversed(tokens[:i]):
        if t.strip():
            return t.lower().replace("\u2019", "'") if t[0].isalpha() else ""
    return ""


def _swap_you(tokens: list[str], i: int) -> str:
    """'you' is 'I' as a subject and 'me' as an object; guess from the word before it."""
    return "me" if _prev_word(tokens, i) in _OBJECT_BEFORE else "I"


def swap_pronouns(text: str) -> str:
    """Swap first and second person so the coach can say the mentee's words back to them."""
    tokens = _TOKEN.findall(text)
    out: list[str] = []
    subject = ""  # "i" or "you" (in the mentee's words) when the previous word was that subject
    for i, tok in enumerate(tokens):
        if not tok.strip() or not tok[0].isalpha():
            out.append(tok)
            if tok.strip():
                subject = ""
            continue
        low = tok.lower().replace("\u2019", "'")
        nxt = _next_word(tokens, i)
        if subject in ("i", "we") and low in _AGREE_WITH_YOU:
            rep = _AGREE_WITH_YOU[low]
        elif subject == "you" and low in _AGREE_WITH_I:
            rep = _AGREE_WITH_I[low]
        elif low in _AGREE_WITH_YOU and nxt in ("i", "we"):  # "am I ready" -> "are you ready"
            rep = _AGREE_WITH_YOU[low]
        elif low in _AGREE_WITH_I and nxt == "you":  # "are you sure" -> "am I sure"
            rep = _AGREE_WITH_I[low]
        elif low in _FIRST_TO_SECOND:
            rep = _FIRST_TO_SECOND[low]
        elif low in _SECOND_TO_FIRST:
            rep = _SECOND_TO_FIRST[low]
        elif low == "you":
            rep = _swap_you(tokens, i)
        else:
            rep = tok
        if rep != tok and rep != "I" and not rep.startswith("I'") and tok[0].isupper() and i == 0:
            rep = rep[0].upper() + rep[1:]
        elif rep != tok and tok.isupper() and len(tok) > 1:
            rep = rep.upper()
        out.append(rep)
        subject = low if low in ("i", "we") else ("you" if low == "you" and rep == "I" else "")
    swapped = "".join(out)
    return swapped.upper() if text.isupper() else swapped  # keep an all-caps answer all caps


MAX_CHARS = 120

_CLAUSE_END = re.compile(r"(?:[.!?;]\s|[.!?;]$|\s[-\u2013\u2014]\s|,\s*(?:because|but|and|so)\b)")
_LEADING = re.compile(
    r"^(?:(?:well|so|um+|uh+|hmm+|honestly|i think|i guess|i suppose|probably|maybe|because|"
    r"cause|'cause|it's because|it is because|yeah|yes|oh|i'm not sure|im not sure|not sure|"
    r"i don't know|i dont know|dunno|no idea)[,.\s]+)+",
    re.IGNORECASE,
)
# Where a reason starts inside an answer ("I want X because Y" -> Y).
_BECAUSE = re.compile(r"(?:^|[\s,;:(-])(?:because|'cause|cos|so that)\s+", re.IGNORECASE)


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
        # Prefer ending at a comma over ending mid-clause, if that keeps a fair part.
        commas = [i for i, w in enumerate(words[:-1]) if w.endswith(",") and i >= max_words // 2]
        if commas:
            words = words[: commas[-1] + 1]
    phrase = " ".join(words).rstrip(" ,;:.!?")
    if len(phrase) > MAX_CHARS:  # one enormous "word" must not become an enormous question
        phrase = phrase[:MAX_CHARS].rstrip() + "..."
    return phrase


def play_back(answer: str, max_words: int = 12) -> str:
    """The mentee's key phrase in the second person ("I love puzzles" -> "you love puzzles")."""
    return _second_person(key_phrase(answer, max_words))


def _second_person(phrase: str) -> str:
    first = phrase.split(" ", 1)[0].lower().replace("\u2019", "'")
    swapped = swap_pronouns(phrase)
    # Played back mid-sentence: "You love puzzles" would read oddly after "so ".
    # Played back mid-sentence, a capital that only opened the answer goes ("Freedom matters"
    # -> "freedom matters"); "I", acronyms ("CTO") and possessive names ("Maria's job") stay.
    name = first.endswith("'s") and first not in _CONTRACTED_IS
    keep = swapped.startswith(("I ", "I'")) or swapped == "I" or name
    head = swapped.split(" ", 1)[0]
    if not keep and not (head.isupper() and len(head) > 1):
        swapped = swapped[:1].lower() + swapped[1:]
    return swapped


_CONTRACTED_IS = {"it's", "that's", "what's", "there's", "here's", "who's", "he's", "she's", "let's", "how's"}


def reasons(answer: str) -> list[str]:
    """The reasons an answer gives: what follows each "because", or the answer itself if none."""
    text = " ".join(answer.split())
    parts = _BECAUSE.split(text)
    if len(parts) > 1:
        # The part before the first "because" usually restates the rung being asked about.
        parts = parts[1:]
    return [p for p in (key_phrase(part) for part in parts) if p]


def reason(answer: str) -> str:
    """The deepest reason in an answer, played back: what the next why-question asks about."""
    found = reasons(answer)
    return _second_person(found[-1]) if found else play_back(answer)


def _word_set(text: str) -> set[str]:
    return set(re.findall(r"[\w']+", text.lower()))


def _same(a: str, b: str) -> bool:
    wa, wb = _word_set(a), _word_set(b)
    if not wa or not wb:
        return False
    return wa == wb or len(wa & wb) / len(wa | wb) >= 0.7


def chain_phrases(rungs: Iterable[str]) -> list[str]:
    """Each rung as its reason(s), second person, leaving out repeats and "I don't know"s."""
    from coach.listening.rules import is_unsure, load_lexicon

    lex = load_lexicon()
    out: list[str] = []
    for i, rung in enumerate(r for r in rungs if r and r.strip()):
        if is_unsure(rung, lex):  # saturation answers end the ladder; they are not reasons
            continue
        # The first rung is the goal itself: played back whole. Later rungs: their reasons.
        phrases = [play_back(rung)] if i == 0 else [_second_person(r) for r in reasons(rung)]
        for phrase in phrases:
            if phrase and not any(_same(phrase, seen) for seen in out):
                out.append(phrase)
    return out


def play_back_chain(rungs: Iterable[str]) -> str:
    """"you want X, because Y, because Z": the why-ladder said back, one reason per rung."""
    return ", because ".join(chain_phrases(rungs))
