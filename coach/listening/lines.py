"""Which line of a read-back a free-form reply is about, and what that line should say instead.

The fix reader (coach.listening.fixes) reads fixes said in the shapes people use most ("the heading
bit should say X", "add Y"). When a reply to a read-back is plainly a correction but says it its own
way ("mostly yes but the deciding thing isnt me, its more being heard", "close. swap the drives,
growth yes, the other one no"), this reads it as a whole: the line it is about (named, or found by
the words it denies or keeps), the items said not to fit, and the mentee's new words. When no line
can be found, nothing is guessed: the coach asks which line, and how it should read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.listening.lexicon import Lexicon
from coach.listening.parts import slot_of

__all__ = ["LineEdit", "item_words", "line_edit", "names_item"]


@dataclass(frozen=True)
class LineEdit:
    """A read-back line put right: ``var``'s items at ``drop`` go, ``new`` (the mentee's words) comes in."""

    var: str
    drop: tuple[int, ...] = ()
    new: str = ""
    part: str = ""  # the words first said not to fit, as typed ("useful" of "more like trusted than useful")
    whole: bool = False  # the line named and said again whole ("what drives me: being heard and growth")


_STOP = frozenset(re.findall(r"\S+", """a an the and or but so to of in on at for with my me i im i'm it its it's is
be being that this thing bit part one stuff more less about like really just very kind sort"""))
# A run-up that only says how close the read-back was: "mostly yes but", "close.", "hmm not quite,".
_LEAD = re.compile(r"(?i)^(?:(?:mostly|mainly|almost|nearly|partly|kind of|kinda|sort of|yeah|yes|yep|ye|ok|okay|"
                   r"hmm+|um+|close|not quite|not really|nearly there|almost there|sort of|so so|well|no|nope|nah)"
                   r"(?:\s+(?:yes|yeah|right|there|it))?[,.!;:-]*\s+)+(?:but\s+)?")
_CLAUSE = re.compile(r"(?i)\s*(?:[.;!?]+|,|\s-+\s|\bbut\b|\band\b(?=\s+(?:the|not|no|it'?s|its|more)\b))\s*")
# "the deciding thing isnt me", "leadership is wrong", "the other one no": a part said not to fit.
_DENIED_AFTER = re.compile(r"(?i)^(?P<x>.+?)\s+(?:thing |bit |part |one )?"
                           r"(?:is ?n'?t|is not|isnt|'s not|aint|are ?n'?t|are not)\s+(?:really |quite |actually )?"
                           r"(?:me|it|right|true|true any ?more|the thing|mine)$"
                           r"|^(?P<y>.+?)\s+(?:no|nope|nah|not really|is wrong|are wrong|is off|are off|can go|goes)$")
_DENIED_BEFORE = re.compile(r"(?i)^(?:and |also |just )?(?:(?:it |that )?(?:is|'s|was) )?"
                            r"(?:not|no|never|less|drop|lose|remove|take out|cut)\s+"
                            r"(?:really |so much |about |the )?(?P<x>.+)$")
_NOT_YET_SURE = re.compile(r"(?i)^not (?:fully|totally|entirely|completely|quite|100%|a hundred percent) "
                           r"(?:decided|sure|settled|certain|convinced|committed|ready|there)\b")
_KEPT = re.compile(r"(?i)^(?P<x>.+?)\s+(?:yes|yeah|yep|is right|is fine|is ok|stays|fits|is true)$")
# "its more being heard", "more like being listened to", "should say reading AND writing": the new words.
_NEW = re.compile(r"(?i)^(?:(?:i (?:told you|said)(?: (?:last time|before|already))?,? (?:it )?(?:is|was)|"
                  r"it'?s|its|it is|that'?s|thats|i'?d say|i said|i meant|i mean|should (?:say|be|read)|"
                  r"make it|put|rather|instead)\s+)?(?:(?:much |way |a lot |really |actually )?more\s+)?"
                  r"(?:like |about |of |just )?(?P<y>.+)$")
# "the underneath bit is more about being trusted", "drives: being heard": a line named, then its new words.
_LABELLED = re.compile(r"(?i)^(?P<l>.+?)\s*(?:\s(?:is|are|should (?:say|be|read)|needs to say)\s|[:=]\s*)(?P<y>.+)$")
# "its more like trusted than useful": the new words, then the words they replace.
_THAN = re.compile(r"(?i)^(?:it'?s|its|it is)?\s*(?:more|rather)\s+(?:like |about )?(?P<y>.+?)\s+than\s+(?:about )?"
                   r"(?P<x>.+)$")
_FILLER = re.compile(r"(?i)^(?:(?:it'?s|its|that'?s|thats|it is|all|mostly|pretty|like|just|um+|hmm+|lol|tbh|ok|"
                     r"okay|fine|good|great|right|yes|yeah|yep|sure|close|nearly|almost|the rest|rest|"
                     r"everything else|twice|again|already|three times)\s*)+$")
# "I said NOT the head, twice" (round 95 kept "NOT the head" as the job): what was said, without the saying
_SAID_LEAD = re.compile(r"(?i)^(?:i (?:said|told you|already said)|like i said|as i said)[,:]?\s+(?=not\b)")
_VERB = re.compile(r"(?i)^(?:swap|change|fix|redo|rewrite|update|edit)\s+")
_OTHER = re.compile(r"(?i)^(?:the )?(?:other (?:one|ones|bit|two|drive)|rest|others)$")


def _stems(text: str) -> set[str]:
    words = {w for w in re.findall(r"[a-z']+", text.lower()) if w not in _STOP and len(w) > 2}
    return {w[:5] for w in words}


def names_item(part: str, item: str) -> bool:
    """Does ``part`` name ``item`` by its words ("the deciding thing" names "being the one who decides")?"""
    said = _stems(part)
    return bool(said) and 2 * len(said & _stems(item)) >= len(said)


def item_words(item: str, lexicon: Lexicon) -> str:
    """How a kept item is found by the words of a reply: a drive by its label and its words, else as said."""
    spec = lexicon.motivations.get(item)
    return f"{spec.label} {' '.join(spec.words.phrases)}" if spec is not None else item


def _found(part: str, lines: dict[str, list[str]], only: str = "") -> list[tuple[str, int]]:
    return [(var, i) for var, items in lines.items() if not only or var == only
            for i, item in enumerate(items) if item and names_item(part, item)]


def line_edit(reply: str, lines: dict[str, list[str]]) -> LineEdit | None:
    """The read-back line ``reply`` puts right, given each line's items as said (None: no line is clear).

    ``lines`` maps a value's name to how each of its items reads ("motivations": ["being the one who
    decides ...", "growth ..."]). A line is found by its name, by an item denied or kept, or by the
    new words' nearness to an item; a reply that could be about two lines is no edit."""
    text = _LEAD.sub("", " ".join(reply.split()))
    whole = _LABELLED.match(text)
    if whole and slot_of(whole.group("l")) and not re.search(r"(?i)\b(?:not|no|isn'?t|isnt|wrong)\b|[.!?;]\s",
                                                            whole.group("y").rstrip(".!? ")):
        said = _NEW.match(whole.group("y").strip(" ."))  # "drives: being heard, growth": the line said again whole
        return LineEdit(slot_of(whole.group("l")), new=said.group("y") if said else whole.group("y"), whole=True)
    named, new, marked, only = "", "", False, False
    denied: list[str] = []
    kept: list[str] = []
    for clause in (_SAID_LEAD.sub("", c.strip(" '\"")) for c in _CLAUSE.split(text)):
        if not clause:
            continue
        label = slot_of(_VERB.sub("", clause))
        if label:
            named = label
            continue
        m = _LABELLED.match(clause)
        if m and slot_of(m.group("l")) and not _DENIED_AFTER.match(clause):
            named, new = slot_of(m.group("l")), _NEW.match(m.group("y")).group("y").strip(" .")  # type: ignore[union-attr]
            continue
        m = _THAN.match(clause)
        if m:
            new = new or m.group("y").strip(" .")
            denied.append(m.group("x"))
            continue
        m = _DENIED_AFTER.match(clause) or _DENIED_BEFORE.match(clause)
        if m and not _NOT_YET_SURE.match(clause):  # "not fully decided tho": a doubt, not a part denied
            denied.append((m.groupdict().get("x") or m.group("y") or "").strip())
            continue
        m = _KEPT.match(clause)
        if m:
            kept.append(m.group("x"))
            continue
        said = _NEW.match(clause)
        # "its more X" beats a plain X; a "like" said in passing marks nothing ("like 70/30 charity", round 69)
        marks = said is not None and said.group("y") != clause and not re.match(r"(?i)like\s", clause)
        if said and _FILLER.match(clause) is None and (not new or (marks and not marked)):
            new, marked = said.group("y").strip(" ."), marks
            only = re.match(r"(?i)(?:just|only)\s", clause) is not None  # "not it. just money and having a say"
        elif said and new and not marked and not marks and _FILLER.match(clause) is None and not denied:
            new = f"{new}, {said.group('y').strip(' .')}"  # "leaning charity even more. like 70/30 charity": all of it
    found = [hit for part in denied + kept if not _OTHER.match(part) for hit in _found(part, lines, named)]
    places = {var for var, _ in found} or ({named} if named else set())
    if not places and new:
        places = {var for var, _ in _found(new, lines)}
    if len(places) != 1:
        return None
    var = places.pop()
    items = lines.get(var, [])
    keep = {i for part in kept for v, i in _found(part, lines, var)}
    drop = {i for part in denied if not _OTHER.match(part) for v, i in _found(part, lines, var)}
    if any(_OTHER.match(part) for part in denied) and keep:  # "growth yes, the other one no"
        drop |= {i for i in range(len(items)) if i not in keep}
    if not drop and not new:
        return None
    part = next((p for p in denied if not _OTHER.match(p)), "")
    part = re.sub(r"(?i)^the\s+|\s+(?:thing|bit|part)$", "", part)
    return LineEdit(var, tuple(sorted(drop - keep)), new, part,
                    whole=bool(named and new and not denied and not kept) or (only and bool(new) and not kept))
