"""What the coach says: one message, with where in the flow it was said."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """Something the coach says."""

    text: str
    step: str
    phase: str
    kind: str = "say"  # say | ask | rule | end
    canonical: str | None = None
    rephrased: bool = False


# "I've noted security now too too." (round 57): the mentee's "too" and the reply's, said once
_TOO_TOO = re.compile(r"(?i)\b(?:too|as well|also)(?:,)? too\b")


def tidy(text: str) -> str:
    """A rule's words as said: a word the mentee's words and the reply's wording both end on, said once."""
    return _TOO_TOO.sub("too", text)
