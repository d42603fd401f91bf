"""When a why-ladder has reached its bottom in the mentee's own words: "thats the real bottom i think", "im done
with the whys", "keep up. ask me something else" (round 78 asked a fifth why after it)."""

from __future__ import annotations

import re

__all__ = ["said_bottom"]

_SAID_BOTTOM = re.compile(r"(?i)\b(?:that'?s|thats|that is|it'?s|its|this is) (?:kind of |probably |about |really |"
                          r"i think |i guess )?the (?:real |actual |true )?(?:bottom|root)(?: of it)?\b|"
                          # "the real thing is passing it on. thats it, im done with the whys" (round 35)
                          r"\b(?:i'?m|im|i am) (?:done|finished) with (?:the |all the |these )?whys?\b|"
                          r"\bno more whys?\b|\benough (?:of the )?whys?\b|"
                          # "keep up. ask me something else", "dont ask me whats underneath it" (round 78)
                          r"\bask me (?:something|anything) else\b|"
                          # "theres nothing underneath. the 2k", "nothing underneath, told you last time" (round 79
                          # asked what's behind it again): said beside more, not only alone
                          r"(?:^|[.!?,;]\s*|\b(?:mate|lol|tbh|honestly|look|no|nah)[,.]?\s+)"
                          r"(?:there'?s |theres |there is )?"
                          r"nothing (?:(?:else |more |deeper )?(?:underneath|under(?: it| that)?|beneath|behind|below|"
                          r"deeper)(?: (?:it|that|this))?)(?=\s*(?:[.!?,;]|$|mate\b|lol\b|tbh\b|really\b|honestly\b))|"
                          r"\b(?:don'?t|dont|do not|stop) ask(?:ing)? (?:me )?(?:what'?s|whats|what is) "
                          r"(?:underneath|under|behind|beneath)\b|\bstop asking (?:me )?why\b")


def said_bottom(reply: str) -> bool:
    """Does ``reply`` say its reason is the deepest one ("thats the real bottom i think")?"""
    return _SAID_BOTTOM.search(reply or "") is not None
