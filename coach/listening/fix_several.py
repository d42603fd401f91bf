"""Fixes that name more than one part in a clause, one more for the line just added to, or a number.

"take 'a little bit' and 'read in the afternoon' out of what lights me up" names two parts of one line to go
(round 77 read neither); "its 5 years not 6" puts one number in place of another, its unit left where it was
(round 77 left the 6 years in).
"""

from __future__ import annotations

import re
from dataclasses import replace

from coach.listening.fix_clause import Fix
from coach.listening.fix_words import _bare, _words
from coach.listening.parts import MENTION, slot_of

__all__ = ["a_number_put", "added_in_full", "added_too", "counted_off", "is_number", "line_after", "merged",
           "number_for_number", "once", "parts_out", "quoted_in_line", "said_in_a_put", "said_nowhere", "stopped_with"]

# "take 'X' and 'Y' out of what lights me up", "take out 'X', 'Y' and 'Z' from the drives bit"
_QUOTED = r"(?:'[^']{1,60}'|\"[^\"]{1,60}\")"
# ... and "i told you TWICE take the agency bloke out of overlap" (round 77 read none): one part, named plainly
_PARTS_OUT = re.compile(
    rf"(?i)^(?:(?:and|also|oh and|pls|please|can you|could you|i (?:told|said to) you(?: twice| again| already)?)"
    r"[,]?\s+)*(?:take|get|leave|cut|strip)(?: out)?\s+"
    rf"(?P<q>{_QUOTED}(?:\s*(?:,|and|&|\+)\s*{_QUOTED})+|(?P<x>(?!(?:it|that|this|them)\b)[\w&' -]{{2,40}}?))"
    rf"\s+(?:out )?(?:of|from|off)\s+(?P<m>{MENTION})"
    r"(?:\s*[,;]\s*[^.!?]{0,60})?[.!?]*$")


def parts_out(clause: str) -> list[Fix]:
    """Each quoted part of a line said to go ([] when the clause is not one such)."""
    m = _PARTS_OUT.match(clause.strip())
    slot = slot_of(m.group("m")) if m else ""
    if not m or not slot:
        return []
    if m.group("x"):
        part = re.sub(r"(?i)^(?:the|my)\s+|\s+(?:bit|part|thing|stuff)$", "", m.group("x"))
        return [Fix("drop", slot, part, said=m.group("x"))]
    return [Fix("drop", slot, q[1:-1].strip(), said=q) for q in re.findall(_QUOTED, m.group("q"))]


_NUMBER = r"\d+(?:\.\d+)?"  # "6", "0.6": a number said alone
_NUMBER_AND_UNIT = re.compile(rf"(?i)^({_NUMBER})\s+(?:years?|yrs?|months?|days?|weeks?|hours?|hrs?|"
                              r"pitches|people|kids|staff|times)$")


def number_for_number(fix: Fix) -> Fix:
    """"its 5 years not 6" (round 77 left the 6 years in): one number put in place of another, its unit kept."""
    unit = _NUMBER_AND_UNIT.match(fix.new) if fix.kind == "put" else None
    if unit and is_number(fix.part):
        return Fix("put", fix.slot, fix.part, unit.group(1), fix.said)
    return fix


def a_number_put(fix: Fix) -> bool:
    """"5 not 6": a number in place of a number (never "skipped 2 and 3", items of a list named by number)."""
    return fix.kind == "put" and is_number(fix.part) and is_number(fix.new)


def is_number(word: str) -> bool:
    """Is ``word`` a number said alone ("6", "0.6")?"""
    return re.fullmatch(_NUMBER, word.strip()) is not None


# One more thing for the line just added to: "and calming people at 3am", "also the running club".
_AND_THAT = re.compile(r"(?i)^(?:and|also|plus|and also|oh and)\s+(?:that\s+)?(?!i\s)"
                       r"(?!(?:you|it|this|the rest|then|so)\b)"
                       # "and overlap i never answer because i didnt understand" (round 89): said of oneself, no item
                       r"(?![\w' -]*\bi (?:never|didn'?t|did not|don'?t|do not|can'?t|wasn'?t)\b)(?P<x>[\w' -]{3,60})$")
_AND_ALSO = re.compile(r"(?i)^(?:and|also|plus|and also|oh and)\s+(?!(?:i|you|it|that|this|the rest|then|so)\b)"
                       # "and 'underneath it' doesnt make sense" (round 60 added it to the drives): a remark
                       r"(?![^.!?]*\b(?:doesn'?t|doesnt|does not|isn'?t|isnt|is not|make sense|makes sense|weird|wrong|"
                       r"confusing|rubbish|nonsense)\b)"
                       r"(?P<x>[\w' -]{3,60})$")


def added_in_full(clause: str, out: list[Fix]) -> bool:
    """"add the capable part. trust my own brain AND know im capable": the part just added, said in full."""
    if not out or out[-1].kind != "add" or len(out[-1].new.split()) > 2:
        return False
    said = [p for p in re.split(r"(?i)\s+and\s+", _bare(clause)) if out[-1].new.lower() in p.lower()]
    if not said:
        return False
    words = _words(said[-1])
    bare_verb = re.match(r"(?i)(?:know|feel|want|need|trust|believe|love|like)\b", words)
    out[-1] = replace(out[-1], new=f"i {words}" if bare_verb else words)  # "know im capable": i know i'm capable
    return True


def added_too(clause: str, before: list[Fix]) -> Fix | None:
    """"and calming people at 3am" right after an addition to a line: one more thing for that line."""
    last = before[-1] if before else None
    if last is not None and last.kind == "missing" and last.new:  # "you left out X, and that Y" (round 79 lost Y)
        more = _AND_THAT.match(clause.strip(" .!?"))
        return Fix("missing", last.slot, _words(more.group("x")), _words(more.group("x")),
                   _words(more.group("x"))) if more else None
    also = _AND_ALSO.match(clause.strip(" .!?")) if last is not None and last.kind == "add" else None
    if also and _SAID_OF.search(also.group("x")):  # "and the k8s thing is kinda a gap" (round 94 added it): a remark
        return None
    return Fix("add", last.slot, new=_words(also.group("x"))) if also and last is not None else None


# A clause that says something of a thing ("the k8s thing is kinda a gap"), not one more thing to add
_SAID_OF = re.compile(r"(?i)^(?:the |my |that |this )?[\w' -]{1,30}? (?:is|are|was|isn'?t|aren'?t) "
                      r"(?:kinda |kind of |a bit |more |still |really |probably |prob )?(?:a |an |my )?"
                      r"(?:gap|weakness|weak spot|problem|issue|"
                      r"blind spot|thing i'?m bad at|not my thing|the opposite)\b")


# "take out the fishing twice, samey", "fishing is still in there twice ffs" (round 77 kept both): said once
_TWICE = r"(?:twice|two times|x2|2x)"
_ONCE = re.compile(
    r"(?i)^(?:(?:and|also|oh and|pls|please|can you|could you)[,]?\s+)*(?:"
    r"(?:take out|remove|drop|delete|lose|bin|get rid of) (?:the |one of the )?(?:second |extra |duplicate |double )?"
    rf"(?P<a>[\w' -]{{2,30}}?) {_TWICE}|"
    rf"(?:the )?(?P<b>(?!(?:it|that|this|you|i|we|they|he|she)\b)[\w' -]{{2,30}}?) "
    r"(?:(?:is|are|'s) (?:still )?(?:in there |on there |listed |there |written |in it )?|"
    rf"(?:still )?(?:in there|on there|listed|written) ){_TWICE}|"
    # "the relatives and students bit is still doubled up which is annoying sorry" (round 95 put "up" in its place)
    rf"(?:the )?(?P<c>(?!(?:it|that|this|you|i|we|they|he|she)\b)[\w' -]{{2,40}}?)(?: bit| part| thing)? "
    r"(?:is|are|'s) (?:still )?(?:doubled(?: up)?|duplicated|repeated))"
    r"(?:\s+(?:now|again|lol|ffs|mate|still))*(?:\s*[,;]\s*[\w' ]{0,30}|\s+which is [\w' ]{0,30})?\W*$")
# "you missed the pension twice now" (round 77 added "pension twice"): how often it was said, not the part
_COUNT = re.compile(r"(?i)\s+(?:twice|three times|(?:\w+ )?times|again)(?:\s+(?:now|already|lol|ffs))*$")


def once(clause: str) -> list[Fix]:
    """A part said to be in its line twice, to be said once ([] when the clause says no such thing)."""
    m = _ONCE.match(clause.strip())
    part = re.sub(r"(?i)^(?:the|my)\s+", "", (m.group("a") or m.group("b") or m.group("c")).strip()) if m else ""
    return [Fix("once", part=part, said=part)] if part else []


def counted_off(fix: Fix) -> Fix:
    """A part missing or added without how often it was said to be missing ("the pension twice now")."""
    if fix.kind not in ("missing", "add"):
        return fix
    return replace(fix, part=_COUNT.sub("", fix.part), new=_COUNT.sub("", fix.new), said=_COUNT.sub("", fix.said))


def said_in_a_put(fixes: list[Fix]) -> list[Fix]:
    """"you missed the pension. drives me = meaning AND keeping my pension": the missing part is in the new words of
    a line put right, so it is not added on its own as well."""
    return [f for f in fixes if not (f.kind == "missing" and f.part and any(
        g.kind == "put" and re.search(rf"(?i)\b{re.escape(f.part)}\b", g.new) for g in fixes))]


# 'lol "the job should be" is now part of the job title' (round 77 made the job "is now part of the job title"):
# words of the mentee's own fix, kept by mistake in a line, to come out of it
_QUOTED_IN = re.compile(
    rf"(?i)^(?:(?:lol|ugh|um+|erm|so|and|but|now|ok|okay)[,.!]?\s+)*(?P<q>{_QUOTED})\s+(?:is|are|'s|got|went)\s+"
    r"(?:now |still |somehow |actually )?(?:part of|in|into|stuck in|inside|on|added to|put in) (?:the )?"
    rf"(?P<m>{MENTION})(?: (?:title|name))?(?: now)?(?:\s*[,;]\s*[^.!?]{{0,40}})?[.!?]*$")


def quoted_in_line(clause: str) -> list[Fix]:
    """Quoted words said to be in a line by mistake, to go from it ([] when the clause says no such thing)."""
    m = _QUOTED_IN.match(clause.strip())
    slot = slot_of(m.group("m")) if m else ""
    return [Fix("drop", slot, m.group("q")[1:-1].strip(), said=m.group("q"))] if m and slot else []


# 'dont write "go back" anywhere' (round 78 noted it as one more thing): the quoted words go, wherever they are
_NOWHERE = re.compile(rf"(?i)^(?:(?:and|also|but|pls|please|so)[,]?\s+)*(?:don'?t|dont|do not|never|stop) "
                      rf"(?:write|put|keep|say|saying|writing|putting)(?:ing)? (?P<q>{_QUOTED})"
                      r"(?: (?:anywhere|again|in there|there|anymore|any ?more))*\W*$")
# "you dropped burnt out from underneath" (round 78 added "burnt out from underneath" to what lights them up)
_FROM_LINE = re.compile(rf"(?i)^(?P<x>.+?)\s+(?:from|in|under|off|on) (?P<m>{MENTION})$")


def said_nowhere(clause: str) -> list[Fix]:
    """Quoted words the mentee asks never to be written ([] when the clause asks no such thing)."""
    m = _NOWHERE.match(clause.strip())
    return [Fix("drop", "", m.group("q")[1:-1].strip(), said=m.group("q"))] if m else []


def line_after(fix: Fix) -> Fix:
    """A part missing or added with the line it belongs to said after it: the part, in that line."""
    m = _FROM_LINE.match(fix.part or fix.new) if fix.kind in ("missing", "add") and not fix.slot else None
    slot = slot_of(m.group("m")) if m else ""
    if not m or not slot:
        return fix
    x = m.group("x").strip()
    return replace(fix, slot=slot, part=x if fix.part else "", new=x if fix.new else "",
                   said=x if fix.said else "")


# "omg stop with the scary thing, take that out" (round 78 kept it as one more reason): the part goes
_STOP_WITH = re.compile(r"(?i)^(?:(?:omg|ugh|god|pls|please|so|and|just)[,.!]*\s+)*(?:stop with|enough (?:with|of)|"
                        r"no more of) (?!(?:the |that |this |all the )?(?:questions?|whys?|asking|same)\b)"
                        r"(?:the |that |this |all the )?"
                        r"(?P<x>[\w' -]{2,30}?)(?: thing| bit| stuff| part)?"
                        r"(?:,? (?:and )?(?:take|get|bin|drop) (?:that|it) out)?(?: (?:pls|please|lol|ffs))*\W*$")


def stopped_with(clause: str) -> list[Fix]:
    """A part the mentee is fed up seeing, to go ([] when the clause says no such thing)."""
    m = _STOP_WITH.match(clause.strip())
    return [Fix("drop", "", m.group("x").strip(), said=f"the {m.group('x').strip()} thing")] if m else []


# "and cooking and my dog went missing", "the pension bit has gone missing" (round 80 kept it as the experiment):
# the parts said to be missing, each to put back
_GONE_MISSING = re.compile(r"(?i)^(?:(?:and|also|but|oh|plus)[,]?\s+)*(?P<x>(?!(?:it|that|this|they|something|"
                           r"stuff|things)\b)[\w' ,&-]{2,60}?) (?:went|has gone|have gone|'s gone|are|is|got|goes) "
                           r"missing(?: (?:again|too|from (?:the |that )?(?:list|summary|it)|lol|ffs))*\W*$")


def gone_missing(clause: str) -> list[Fix]:
    """Parts said to have gone missing from what was read back ([] when the clause says no such thing)."""
    m = _GONE_MISSING.match(clause.strip())
    if m is None:
        return []
    parts = [p.strip() for p in re.split(r"(?i)\s*(?:,|\band\b)\s*", m.group("x").strip(" ,")) if p.strip()]
    return [Fix("missing", slot_of(p), _words(re.sub(r"(?i)^(?:the|my)\s+", "", p)), _words(p), _words(p))
            for p in parts if _bare(p)]


def merged(fixes: list[Fix]) -> list[Fix]:
    """"the first bit is wrong. its not decided. its X": a line said to be wrong, then what it should say (after a
    denial of part of it), is one fix to that line (round 25 asked what to put in place of "the first bit"); "NOT the
    head. I said NOT the head, twice. nobody's job" (round 95): what to put in place of it is asked no more."""
    out: list[Fix] = []
    for fix in fixes:
        prev = out[-1] if out else None
        asked = prev if prev and prev.kind == "ask" and fix.kind == "put" else None
        if asked and asked.slot and not asked.part and fix.slot in ("", asked.slot):
            # ... and "thats not where im heading at all. where im heading is X" (round 96 asked what instead)
            out[-1] = Fix("put", asked.slot, fix.part, fix.new, fix.said if fix.slot else asked.said)
        elif asked and asked.part and fix.part.lower() == asked.part.lower():
            out[-1] = replace(fix, slot=fix.slot or asked.slot)
        else:
            out.append(fix)
    return out
