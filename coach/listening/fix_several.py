"""Fixes that name more than one part in a clause, or a number: read apart from the one-fix readers.

"take 'a little bit' and 'read in the afternoon' out of what lights me up" names two parts of one line to go
(round 77 read neither); "its 5 years not 6" puts one number in place of another, its unit left where it was
(round 77 left the 6 years in).
"""

from __future__ import annotations

import re

from coach.listening.fix_clause import Fix
from coach.listening.parts import MENTION, slot_of

__all__ = ["a_number_put", "number_for_number", "parts_out"]

# "take 'X' and 'Y' out of what lights me up", "take out 'X', 'Y' and 'Z' from the drives bit"
_QUOTED = r"(?:'[^']{1,60}'|\"[^\"]{1,60}\")"
_PARTS_OUT = re.compile(
    rf"(?i)^(?:(?:and|also|oh and|pls|please|can you|could you)[,]?\s+)*(?:take|get|leave|cut|strip)(?: out)?\s+"
    rf"(?P<q>{_QUOTED}(?:\s*(?:,|and|&|\+)\s*{_QUOTED})+)\s+(?:out )?(?:of|from|off)\s+(?P<m>{MENTION})"
    r"(?:\s*[,;]\s*[^.!?]{0,60})?[.!?]*$")


def parts_out(clause: str) -> list[Fix]:
    """Each quoted part of a line said to go ([] when the clause is not one such)."""
    m = _PARTS_OUT.match(clause.strip())
    slot = slot_of(m.group("m")) if m else ""
    if not m or not slot:
        return []
    return [Fix("drop", slot, q[1:-1].strip(), said=q) for q in re.findall(_QUOTED, m.group("q"))]


_NUMBER_AND_UNIT = re.compile(r"(?i)^(\d{1,4}(?:\.\d+)?)\s+(?:years?|yrs?|months?|days?|weeks?|hours?|hrs?|"
                              r"pitches|people|kids|staff|times)$")


def number_for_number(fix: Fix) -> Fix:
    """"its 5 years not 6" (round 77 left the 6 years in): one number put in place of another, its unit kept."""
    unit = _NUMBER_AND_UNIT.match(fix.new) if fix.kind == "put" else None
    if unit and re.fullmatch(r"\d{1,4}(?:\.\d+)?", fix.part):
        return Fix("put", fix.slot, fix.part, unit.group(1), fix.said)
    return fix


def a_number_put(fix: Fix) -> bool:
    """"5 not 6": a number in place of a number (never "skipped 2 and 3", items of a list named by number)."""
    return fix.kind == "put" and all(re.fullmatch(r"\d{1,4}(?:\.\d+)?", w) for w in (fix.part, fix.new))
