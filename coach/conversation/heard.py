"""What a reading heard: the content of a reply, and the thought a correction puts in place."""

from __future__ import annotations

import re

from coach.listening.reading import Reading


def said_content(reading: Reading) -> str:
    """What the reply says, in the mentee's words, fillers and asides left out (no full stop added)."""
    parts = [(a.content or a.text).strip() for a in reading.acts if a.kind == "content"]
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return ". ".join(p.rstrip(".!?;, ") for p in parts)


# What was not meant ("it's not about the analyst job"): the thought that follows is the correction.
_DENIED = re.compile(r"^(?:it's |its |it is |that's |thats |it was )?(?:not|never) (?:about |really |just |the )?",
                     re.I)
# "the research part, not sr designer": what it is not stays out of the corrected words.
_NOT_THAT = re.compile(r"[.,;]\s*not (?:the |a |an )?[^.,;]*[.!]?$", re.I)
_ABOUT = re.compile(r"^(?:but )?(?:it's |its |it is |it was )(?:really |actually |more |much more )?(?:about )?", re.I)


def corrected_to(reading: Reading) -> str:
    """The corrected thought ("no, it's more about X" -> X), as said ("" if none was given).

    "It's not about X. It's about Y" corrects to Y: a denial alone names what was wrong."""
    parts = [a.content.strip() for a in reading.acts if a.kind == "correction" and a.content and a.content.strip()]
    if len(parts) == 1 and _DENIED.match(parts[0]):
        after = [a for a in reading.acts[reading.acts.index(next(a for a in reading.acts if a.kind == "correction")):]
                 if a.kind == "content" and (a.content or a.text).strip()]
        if after:
            return _ABOUT.sub("", (after[0].content or after[0].text).strip())
    said = ". ".join(p.rstrip(".!?;, ") for p in parts) if len(parts) > 1 else (parts[0] if parts else "")
    kept = _NOT_THAT.sub("", said).strip()
    return kept if kept and not _DENIED.match(said) else said
