"""How something went, told as a short story, said back as one: each sentence's whole thought, in turn.

"asked him. he said "maybe in the new year" which means no tbh. but he did say i could do the inductions for
now" was said back as "So: asked him." (round 76: the first sentence alone, the news in the last dropped). A
story's point is often at its end, so here each sentence gives its key phrase, and the phrases are said in
order, as many as fit; a phrase with its "I" left off ("asked him", "went ok") gets it back.
"""

from __future__ import annotations

import re

from coach.listening.listed import SENTENCES
from coach.listening.playback import play_back

__all__ = ["told_back"]

# A story's first words with the "I" left off: "asked him", "did 2", "tried it", "sat in on two classes".
_DONE = re.compile(r"(?i)(?:asked|did|tried|talked|spoke|emailed|messaged|rang|called|met|went to|sat|shadowed|"
                   r"applied|signed up|looked|made|got|had|finally|managed|booked|started|finished|found|loved|liked|"
                   r"hated|enjoyed|didn.?t|did not|haven.?t)\b")
_WENT = re.compile(r"(?i)(?:went\b(?! to)|was (?:ok|okay|good|fine|great|hard|bad|alright|stressful)\b)")  # it went ok
# The recap's yes said first: "yes is true", "ye pretty much", "yes still true"
_AGREED = re.compile(r"(?i)^\W*(?:(?:yes|yeah|ye|yep|ya|yea|mostly|pretty much|still|true|is|it is|it'?s|its|that'?s|"
                     r"thats|all|right|correct|same|of course)[\s,]*)+[.!]*\s*$")
_PER_SENTENCE = 14


def told_back(answer: str, max_words: int = 30) -> str:
    """The story's thoughts in order, joined by semicolons, at most ``max_words`` long; "" if none."""
    said: list[str] = []
    # "i was nervous for like 5 min then it was the best i've felt at work in ages" (round 81 said back only the
    # nerves): a turn in the story is a thought of its own
    sentences = [s for s in re.split(rf"{SENTENCES.pattern}|\s+(?:and |but )?then\s+(?=(?:it|i|we|she|he|they)\b)",
                                     answer or "") if s and s.strip()]
    each = _PER_SENTENCE if len(sentences) > 1 else min(max_words, 20)  # one sentence: the usual long playback
    for sentence in sentences:
        if _AGREED.match(sentence):  # "yes is true. i did the week plan alone!" (round 93 said back "is true")
            continue
        phrase = play_back(sentence, each)
        if not phrase or phrase.lower() in (p.lower() for p in said):
            continue
        if sum(len(p.split()) for p in said) + len(phrase.split()) > max_words:
            break
        said.append(phrase)
    if not said:
        return play_back(answer or "", min(max_words, 20))
    return "; ".join(f"it {p}" if _WENT.match(p) else f"you {p}" if _DONE.match(p) else p for p in said)
