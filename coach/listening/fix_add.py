"""A fix that puts words in: "add sourdough to the lights me up bit", "just put 'mostly' back before tutoring"."""

from __future__ import annotations

import re
from dataclasses import replace

from coach.listening.fix import Fix
from coach.listening.fix_words import _words
from coach.listening.parts import MENTION as _MENTION
from coach.listening.parts import slot_of

# "just put 'mostly' back before tutoring" (round 83 made "mostly back before tutoring" the reason): a word put in
# beside words the line has
_INSERT = re.compile(r"(?i)^(?:(?:just|pls|please|and|also|can you|could you)\s+)*(?:put|add|stick|write)\s+"
                     r"(?P<q>['\"])?(?P<x>[\w' -]{1,25}?)(?(q)['\"])\s+(?:back\s+)?(?:in\s+)?"
                     r"(?P<where>before|in front of|after|next to)\s+(?P<y>[\w' -]{2,40}?)"
                     r"(?:\s+(?:pls|please|again))?\W*$")


def insert_fix(text: str) -> Fix | None:
    """"put 'mostly' back before tutoring": the line's words with the word put in where asked."""
    m = _INSERT.match(text.strip())
    if m is None:
        return None
    x, y = m["x"].strip(" '\""), re.sub(r"(?i)^(?:the|my)\s+", "", m["y"].strip(" '\""))
    return Fix("put", part=y, new=f"{y} {x}" if m["where"].lower() == "after" else f"{x} {y}", said=f"'{y}'")


def add_fix(text: str) -> Fix | None:
    """"add sourdough to the lights me up bit", "add that I want to prove I can do it"."""
    text = re.sub(r"(?i)^(?:and|but|so|plus)\s+(?=[\w' ]{1,30}:)", "", text)  # "and good at: add finding auth bugs"
    m = re.match(rf"^(?:maybe |oh |and )?(?:(?:can|could) you |please |pls |"
                 rf"(?:i|we)(?: want| wanna| would like|'d like| wanted) to )?"
                 rf"(?:also )?"
                 rf"(?:add|put in|include|write(?: down)?|note(?: down)?|put down)(?: back| in)?\s+"
                 rf"(?:(?:one|one more|another|a) thing:?\s+|this:\s+)?"
                 rf"(?:that\s+)?"
                 rf"(?P<new>.+?)(?:\s+(?:to|in|into|under|on|for)\s+(?P<slot>{_MENTION}))?"
                 rf"(?:,?\s+(?:not just|as well as|too|as well|also)\b[^.!?]*)?$", text, re.I)
    if m is None:
        m = re.match(rf"^(?P<slot>{_MENTION}):?\s+(?:add|also|plus)\s+(?P<new>.+)$", text, re.I)
    if m is None:  # "the lights me up bit should have vintage markets too"
        m = re.match(rf"^(?P<slot>{_MENTION})\s+should (?:also )?(?:have|include|mention|list|get)\s+(?P<new>.+?)"
                     rf"(?:\s+(?:too|as well|also|in it|in there))?$", text, re.I)
    if m is None:  # "and tutoring should be in there too" (round 22): no line named
        m = re.match(r"^(?:and |also )?(?!(?:that|it|this|those|these|them)\s)(?P<new>[\w' ]{2,40}?)\s+"
                     r"(?:should|needs to|has to) (?:be|go) "
                     r"(?:in )?(?:there|in it)(?P<slot>)(?: too| as well| also)?$", text, re.I)
    if m is None:  # "proving myself should be in the drives bit"
        m = re.match(rf"^(?:and |also )?(?P<new>.+?)\s+(?:(?:should|could|needs to|has to) (?:be|go)|goes|go|belongs) "
                     rf"(?:in|under|with|on|into)\s+(?P<slot>{_MENTION})$", text, re.I)
    if m is None:  # "put meaning back in, the lightbulb moment" (round 87 heard no fix): a part gone, put back
        m = re.match(r"^(?:(?:and|also|pls|please|can you|could you|just)\s+)*(?:put|add|bring)\s+"
                     r"(?P<new>(?!(?:it|that|this|them|those)\b)[\w' ]{2,30}?)\s+back"
                     r"(?:\s+(?:in|on|into|onto))?(?:\s+(?:the list|there|in there|on there))?(?P<slot>)"
                     r"(?:\s+(?:pls|please|too|again))?(?:[,:;-]\s+.*)?$", text, re.I)
    if m is None:
        return None
    new = _words(m.group("new"))
    new = re.sub(r",\s*(?:a bit|a little|too|as well|i guess)$|\s+(?:to it|to that|in there|in it)$", "", new,
                 flags=re.I).strip(" ,")  # "add patient education to it": the words, not where they go
    # "add that I like teaching, I mentioned it in passing": the words to add, not the aside after them
    new = re.split(r",\s+(?=(?:i (?:mentioned|said|know|think|guess)|it'?s|that'?s|which)\b)", new, flags=re.I)[0]
    # "add the helping people part": the words the part is named by are what to add (round 16)
    new = re.sub(r"(?i)^(?:the|that|my) (?P<x>[^,]+?) (?:part|bit|thing|stuff)$", r"\g<x>", new)
    # "add i am good to calm people when fight" (round 83 added it to the line fixed before): what they're good at
    good = re.match(r"(?i)^(?:i'?m|im|i am) (?:also |really |quite |pretty )?good (?:at|to|with|in) (?=\w)", new)
    slot = slot_of(m.group("slot") or "") or ("strengths" if good else "")
    return Fix("add", slot, new=new[good.end():] if good else new) if new else None


# "i mean add "its concrete, not abstract like meetings"" (round 88 read the "not" inside the quote as a fix and
# played back "add it's concrete"): the quoted words are what to add, whatever they say
_QUOTED_ADD = re.compile(r"(?i)^(?:(?:i mean|i meant|no|so|ok|okay|and|just|pls|please|can you|could you)[,]?\s+)*"
                         r"(?:add|put in|write(?: down)?|include)\s+(?P<q>[\"'])(?P<x>[^\"']{2,80})(?P=q)"
                         r"(?:\s+(?:too|as well|pls|please))?\W*$")


def quoted_add(text: str) -> Fix | None:
    """"add 'X'" with the words in quotes: X added, never read as a fix of its own."""
    m = _QUOTED_ADD.match(text.strip())
    return Fix("add", "", new=m["x"].strip()) if m else None


# "drives: write respect and money only" (round 88 kept "write respect and money only" as the drives): the asking
# verb said before the drives is not part of them (other lines may hold "write music" or "write a novel")
_ASKING_LEAD = re.compile(r"(?i)^(?:(?:pls|please|just|can you|could you)\s+)*(?:write|put|say|make it|set it to|"
                          r"change it to|it should say|should say)\s+(?=\S)")


def without_asking(fix: Fix) -> Fix:
    """A fix of the drives without the verb that asked for its words ("write X": X)."""
    if fix.kind not in ("put", "add") or not fix.new or fix.slot != "motivations":
        return fix
    new = _ASKING_LEAD.sub("", fix.new)
    return replace(fix, new=new) if new.strip() else fix
