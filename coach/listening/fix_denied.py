"""A line said not to be something: "the job i'd pick isnt X, just say Y", "the job I'd pick is NOT X, you had it
right a minute ago". What it is not comes out, or is asked about; what follows "just say" goes in its place."""

from __future__ import annotations

import re

from coach.listening.fix import Fix
from coach.listening.fix_words import _said, _words
from coach.listening.parts import MENTION, slot_of

__all__ = ["not_then_remark", "slot_isnt"]


def slot_isnt(text: str) -> Fix | None:
    """"the job i'd pick isnt writing units at home, just say none" (round 94 moved on without a word): what the
    line is not comes out of it, and what follows "just say" goes in its place ("is NOT X" is read by _slot_is)."""
    text = re.sub(r"(?i)^(?:(?:and|but|also|so|plus|oh)[,]?\s+)+", "", text)
    m = re.match(rf"^(?P<slot>{MENTION})\s+(?:isn'?t|isnt|is not|wasn'?t|wasnt|was not)\s+(?:really |actually |even )?"
                 r"(?P<x>[^,.;:!?]{2,60}?)(?:\s*[,.;:!?\u2013\u2014-]+\s*(?P<rest>.*))?$", text, re.I)
    slot = slot_of(m.group("slot")) if m else ""
    if not m or not slot:
        return None
    said = _said(m.group("slot"))
    if re.fullmatch(r"(?i)(?:quite |exactly )?(?:right|correct|true|it|what i (?:said|meant)|me|accurate)", m["x"]):
        return Fix("ask", slot, said=said)  # "the job bit isnt right": which words, they say next
    lead = re.match(r"(?i)^(?:(?:so|just|pls|please|then)\s+)*(?:say|put|write|make it|it'?s|its|it is|should be|"
                    r"i meant|i mean|more like|rather|change it to)\s*[:,]?\s*", m.group("rest") or "")
    new = _words(m.group("rest")[lead.end():]) if lead else ""
    part = _words(m["x"])
    return Fix("put", slot, part, new, said) if new else Fix("drop", slot, part, said=part)


# "NOT the head, you had it right a minute ago", "not that, i said nobody's": said to the coach after the denial
_REMARK = re.compile(r"(?i)^(?:you|u|i (?:said|told you|already said)|like i said|as i said|again|twice|obviously|"
                     r"what|why|how many times)\b")


def not_then_remark(rest: str) -> str:
    """What a line is said NOT to be, when only a remark to the coach follows ("" otherwise: "NOT X, it's Y" and
    "NOT X, that's just how long I've done it" are read as before)."""
    m = re.match(r"(?i)^not\s+(?P<x>[^,.;!?]{2,60}?)\s*[,.;!?]+\s*(?P<tail>.*)$", rest.strip())
    return _words(m["x"]) if m and _REMARK.match(m["tail"]) else ""
