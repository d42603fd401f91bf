"""One more for a line, never in place of what is there: "i said teaching too, not just research", "drives is
security as well, not just meaningful", "the drive isnt just money, its also X" (read by coach.listening.fixes)."""

from __future__ import annotations

import re

from coach.listening.fix_clause import Fix
from coach.listening.fix_words import _words
from coach.listening.parts import MENTION, slot_of

# "security is what drives me", "fishing is what lights me up too" (round 72 kept it as news): the line, said last
_IS_LINE = re.compile(rf"(?i)^(?:(?:and|but|so|no|ok|okay)[,.]?\s+)*(?P<y>(?!(?:that|this|it|what|which|there)\b)"
                      rf"[\w' -]{{2,40}}?) (?:is|are) (?:really |actually )?(?P<m>{MENTION})"
                      r"(?P<too>,? (?:too|as well|also))?\W*$")
# "drives is security" said as the one more: the line named, then its words
_LINE_IS = re.compile(rf"(?i)^(?P<m>{MENTION}) (?:is|are|=|should (?:also )?(?:be|say|have)) (?P<y>.+)$")
# "also i said teaching too, not just research": one more beside what was kept
_TOO_NOT_JUST = re.compile(r"(?i)^(?:(?:also|and|but|oh)[,]?\s+)*(?:i (?:said|meant|told you)\s+)?(?P<x>[\w' -]{2,60}?)"
                           r"\s+(?:too|as well),?\s+not (?:just|only)\s+(?P<y>[\w' -]{2,40}?)\W*$")


# "but the drive isnt just money, its also not being stuck in meetings all day" (round 41): one more for the line
_LINE_NOT_JUST = re.compile(r"(?i)^(?:(?:but|and|so|also|mostly|ok|okay)[,.]?\s+)*(?:the |my )?(?P<line>[\w' ]{3,20}?)"
                            r"(?: bit| part| thing| line)? (?:isn'?t|is not|isnt|wasn'?t|was not|aren'?t) "
                            r"(?:just|only) (?P<x>[\w' -]{2,30}?),?\s+(?:(?:it'?s|its|it is|there'?s|theres)\s+)?"
                            r"(?:also|too)\s+(?P<y>[^.!?]{2,60}?)\W*$")


def too_not_just(clause: str) -> Fix | None:
    """"i said teaching too, not just research" (round 36): teaching beside research, never in its place; "the drive
    isnt just money, its also X" (round 41): X added to that line."""
    too = _TOO_NOT_JUST.match(clause)
    named = _LINE_IS.match(too["x"]) if too else None
    if too and named and slot_of(named["m"]):  # "drives is security as well, not just meaningful" (round 72)
        return Fix("add", slot_of(named["m"]), _words(too["y"]), _words(named["y"]), named["m"])
    if too:
        return Fix("add", "", _words(too["y"]), _words(too["x"]))
    line = _LINE_NOT_JUST.match(clause)
    slot = slot_of(line["line"]) if line else ""
    return Fix("add", slot, "", _words(line["y"]), line["line"]) if line and slot else None


def is_the_line(clause: str) -> Fix | None:
    """"security is what drives me": that line is those words; with "too", one more on it."""
    m = _IS_LINE.match(clause.strip())
    # only a line named as the read-back says it ("what drives me"), not "reading is my passion" said in passing
    slot = slot_of(m["m"]) if m and re.match(r"(?i)['\"]?(?:what|where)\b", m["m"]) else ""
    if not m or not slot or slot == "why_chain":
        return None
    return Fix("add" if m["too"] else "put", slot, new=_words(m["y"]), said=m["m"])


def judged(fix: Fix | None) -> Fix | None:
    """"the job line is just a broken sentence, its X" (round 76 kept "a broken sentence"): what a line is said to be
    is no new words for it; they are asked for (the next sentence may give them)."""
    if fix is not None and fix.kind == "put" and fix.slot and not fix.part and _JUDGED.match(fix.new):
        return Fix("ask", fix.slot, said=fix.said)
    return fix


# What a line is said to be, not what it should say: new words are asked for, these are none
_JUDGED = re.compile(r"(?i)^(?:just |all |still |totally )?(?:a |half a )?(?:broken|garbled|cut off|cut short|"
                     r"jumbled|wrong|weird|nonsense|rubbish|a mess)(?: (?:sentence|line|bit|again|now))?\W*$")


# "meaning STILL isnt in what drives me, its literally the main one" (round 81 kept it as how the experiment went)
# ... and said as one of them: "no i mean add it, like 'not doing night shifts' is one of the things that drives me"
# (round 85 made it the goal)
_NOT_IN_LINE = re.compile(rf"(?i)^(?:(?:but|and|also|so|ok|okay|mostly|yeah|no|i mean|like|add it|just add it)\W*\s+)*"
                          rf"(?P<x>(?!(?:that|it|this|what|which|there|he|she|they|you|i)\b)[\w' -]{{2,40}}?) "
                          rf"(?:(?:still |yet |even )?(?:isn'?t|isnt|is not|aren'?t|arent|are not|wasn'?t|wasnt|not) "
                          rf"(?:in|on|under|part of)|(?:is|are|should be) (?:also )?(?:one of|part of|among|in) "
                          rf"(?:the things (?:that )?|what )?)"
                          rf" ?(?P<m>{MENTION})(?: (?:still|again|yet|anymore|any more))?\W*$")


def not_in_line(clause: str) -> Fix | None:
    """"X isnt in what drives me": X added to that line."""
    m = _NOT_IN_LINE.match(clause.strip())
    slot = slot_of(m["m"]) if m else ""
    return Fix("add", slot, new=_words(m["x"]), said=m["m"]) if m and slot and slot != "why_chain" else None


# "the university tutor idea isn't what's underneath, it's a possible job" (round 81 put nothing right): X taken out
_NOT_THE_LINE = re.compile(rf"(?i)^(?:(?:but|and|also|so|ok|okay)\W*\s+)*(?P<x>(?!(?:that|it|this|what|which|there|he|"
                           rf"she|they|you|i)\b)[\w' -]{{2,40}}?) (?:isn'?t|isnt|is not|aren'?t|arent|are not|wasn'?t|"
                           rf"wasnt) (?P<m>{MENTION})(?:,.*)?\W*$")


def not_the_line(clause: str) -> Fix | None:
    """"X isnt what's underneath": X taken out of that line."""
    m = _NOT_THE_LINE.match(clause.strip())
    slot = slot_of(m["m"]) if m and re.match(r"(?i)(?:what|where|the|my)\b", m["m"]) else ""
    return Fix("drop", slot, part=_words(m["x"]), said=_words(m["x"])) if m and slot else None

