"""A line of the summary said back with the doubt it was said with: "maybe a staff engineer", never "a staff
engineer" as if settled (outside rounds 69-71: "i said MAYBE not full time, please dont put it like its settled").

In a question the hedge is heard and the thought said back ("You said vet nurse. What makes that important?");
in the summary, the read-back and the recap, where the mentee's words stand for them, it stays."""

from __future__ import annotations

import re

from coach.listening.playback import play_back

# "maybe a staff engineer", "um i think probably data science", "MAYBE the 0.6 post"
_FIRST = re.compile(r"(?i)^\W*(?:(?:um+|uh+|erm|hmm+|so|ok|okay|well|honestly|i think|i guess|idk|ngl|tbh|like|"
                    r"still|again|same)[,.]?\s+)*(?P<h>maybe|perhaps|possibly|probably)\b[,.]?\s+(?=\w)")
# "data science, maybe", "the charity one maybe?"
_LAST = re.compile(r"(?i)(?:,\s*|\s+)(?P<h>maybe|perhaps|possibly|probably)\W*$")


def play_back_hedged(answer: str, max_words: int = 12) -> str:
    """``play_back`` of ``answer`` with its leading or closing "maybe" (perhaps, possibly, probably) kept."""
    said = play_back(answer, max_words)
    if not said:
        return said
    first, last = _FIRST.match(answer), _LAST.search(answer.strip())
    hedge = first or last
    if hedge is None:
        return said
    # "maybe freelancing, maybe teaching" said back as "freelancing, maybe teaching" lost its first maybe (round 82):
    # only a hedge where the answer had it counts as kept.
    kept = rf"(?i)^\W*{hedge['h']}\b" if first else rf"(?i)\b{hedge['h']}\W*$"
    if re.search(kept, said):
        return said
    return f"{hedge['h'].lower()} {said}" if first else f"{said}, {hedge['h'].lower()}"
