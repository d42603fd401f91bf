"""What a returning mentee says has changed, said back whole when short, else the part that is news."""

from __future__ import annotations

import re

from coach.conversation.recalling import in_second_person
from coach.listening.playback import POINTING_BACK, play_back, trimmed
from coach.listening.text import balanced

_CHANGED = re.compile(r"(?i)\b(?:is|are|was|'s) (?:off|over|gone|done|dead)(?: now)?\b|"
                      r"\b(?:any ?more|no longer|these days|right now|for now|"
                      r"i'?ve (?:moved|changed|switched|quit|left|started))\b")


def said_whole(words: str) -> str:
    """What changed, said back whole when short ("you got promoted. now you manage 2 people and hate
    it"), else its key phrase: the second half is often the news."""
    kept = re.sub(r"(?i)\s+actually(?=[.!,]|$)", "", trimmed(POINTING_BACK.sub("", words))).rstrip(" .!")
    kept = re.sub(r"[.!;]+\s+(?=[a-z])", ", ", kept)  # one line: "you got promoted, now you manage ..."
    if not kept or len(kept.split()) > 20:
        pieces = [p for p in re.split(r"(?<=[.!?])\s+|,\s+(?=(?:and|but|so|they|it|which)\b)|\s+and\s+(?=(?:the|my|it|"
                                      r"that|this|now)\b)|\s+but\s+(?=right now|for now|now|these days)", words)
                  if p.strip()]  # "X is still the long term thing but right now i need a break" (round 50)
        news = [p for p in pieces if _CHANGED.search(p)]  # "... the head of department thing is off now"
        said = [play_back(p, 16) for p in (news[:1] + [p for p in pieces if p not in news[:1]] if news else pieces)]
        wish = next((p for p in said[1:] if re.match(r"(?i)(?:you )?(?:want|wanna|'?d like|would like|plan|hope)\b",
                                                     p) or p.startswith("you want")), "")
        # "not really the senior dev thing anymore. i think i want to go product management": both halves
        if said and said[0] and wish and len(f"{said[0]} {wish}".split()) <= 20:
            return f"{said[0]}; {wish}"
        if news and said[0]:
            return said[0]
        first = play_back(words, 16)  # "... to go down to three days" whole (round 78)
        # "actually after meeting i think... maybe site manager not so far like i think. but first shift manager.
        # there is opening in january, ..." (round 97 said back "after meeting"): a scrap first, so the pieces that
        # say something, from the last (the news is often said last), as many as fit
        if len(first.split()) >= 4 or len(pieces) < 2:
            return first
        kept_pieces: list[str] = []
        for piece in reversed([p for p in said if len(p.split()) >= 3]):
            if sum(len(k.split()) for k in kept_pieces) + len(piece.split()) > 24:
                break
            kept_pieces.insert(0, piece)
        return "; ".join(kept_pieces) or first
    return in_second_person(balanced(kept))  # "it's just 'partner": no stray quote mark
