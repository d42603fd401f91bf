"""Edits to what was played back: "drop the money bit", "not the team, the craft", "X rather than Y".

A mentee who hears their words played back may ask for a part to go ("take out the part about
my boss") or for one thing to stand in for another ("it's more about climbing than hiking").
This module only reads such an instruction; the conversation finds the part in what it keeps
and applies it everywhere the words were copied (coach.conversation.correcting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.listening.fix_plain import OUT_NOT_A_THING
from coach.listening.text import Reply

# Said before the instruction itself: "hmm no,", "oh and", "can you please", "i'd".
_LEAD = (r"^(?:(?:no+|nope|nah|hmm+|um+|uh+|er+m?|well|oh|ok(?:ay)?|and|also|actually|wait|so|just|yeah|yes|"
         r"mostly yes|sorry|but|like|one thing|apart from that|otherwise|other than that)[,.!]?\s+)*"
         r"(?:(?:can|could|would) (?:you|u) (?:please |pls |maybe |just )?|(?:please|pls|maybe|just) |"
         r"(?:i (?:told|asked) (?:you|u) to |i said (?:to )?|to )|"
         r"(?:i'?d|i would|i'?ll|let's|lets) (?:like to |rather |prefer to |want to )?|you can |u can |)")
_REMOVE_VERB = (r"(?:drop|remove|delete|cut|lose|ditch|scrap|scratch|strike|bin|skip|get rid of|take out|leave out|"
                r"forget(?: about)?(?= (?:the|that) [^,.;!?]{1,30}? (?:part|bit|thing|stuff|one|idea)\b)|"
                r"cross out|take off|knock off|leave off|strip out|strip|pull out)")
_PART = r"(?:part|bit|thing|stuff|line|piece|one|point|detail)s?"
# "drop the money bit", "take out the part about my boss", "leave the boss stuff out".
_REMOVE = re.compile(
    _LEAD + r"(?:" + _REMOVE_VERB + r"\s+(?P<said>(?:the |that |this )?(?:" + _PART
    + r" (?:about|abt|bout|on|with|re|where i (?:said|say|mention(?:ed)?)) )?"
    + r"(?P<x>\"[^\"]{2,80}\"|[^,.;!?]+?))"  # a quoted part whole, commas and all (round 70)
    + r"(?:\s+(?:out|off))?"
    + r"|(?:leave|take|cross|cut|keep) (?P<x2>[^,.;!?]+?) (?:out|off)(?: of (?:it|there|that))?)"
    + r"(?:\s+(?:please|pls|thanks|tbh|lol|entirely|completely|altogether|fully))?(?:$|[,;] )")
# "rotas OUT", "H&S is out, i said that", "rotas still in there, bin it" (round 62 kept them all): the part goes.
# Not "gone" or "dead": "my dad is gone" is a loss, not a fix.
_GONE = re.compile(
    r"^(?:(?:no+|nope|and|also|so|but|ok|look)[,.!]?\s+)*(?!(?:i|i'?m|im|we|we'?re|you|you'?re|he|she|they|it|that|"
    r"this|there|everything|all|nothing|which|what|my|his|her|our|their|me|us|them)\b)"
    r"(?P<said>(?P<x>[\w&' -]{2,40}?))\s+"
    r"(?:(?:is|are|'s|s|has to be|needs to be|should be)\s+)?(?:still\s+)?"
    r"(?:out|in there,? (?:bin|drop|remove|delete|scrap|lose|ditch) it|in there,? take it out)"
    r"(?:\s+(?:now|too|as well|completely|altogether))?(?:\s+(?:please|pls|thanks|tbh|lol))?(?:,\s.*)?$")
# "not the team, the craft", "not hiking but climbing", "no not respect - trust".
_NOT_X_Y = re.compile(_LEAD + r"(?:it'?s |its |it is |that'?s |thats )?not (?:really |so much |about |the bit about )*"
                      r"(?P<x>[^,.;!?]+?)(?:[,;.]\s+|\s+(?=but |rather |instead |it'?s |its |it is ))"
                      r"(?:but |it'?s |its |it is |more |rather |instead )*(?:about |like )?(?P<y>[^,.;!?]+?)$")
# "the craft, not the team", "climbing rather than hiking", "trust instead of respect".
_Y_NOT_X = re.compile(_LEAD + r"(?:it'?s |its |it is |that'?s |thats |is (?!(?:it|that|this|there|he|she|they)\b))?"
                      r"(?P<y>[^,.;!?]+?)(?:,? not|,? rather than|,? instead of)\s+(?:about |the bit about )?"
                      r"(?P<x>[^,.;!?]+?)$")
# ... and "not 'money' - 'security', there's a difference" (round 38)
_TYPO = re.compile(r"(?i),?\s+(?:(?:my |a )?typo|sorry|oops|my bad|(?:big|huge) difference|"
                   r"(?:there'?s|theres|there is|its|it'?s) (?:a |quite a |a big )?difference)"
                   r"(?:\s+(?:lol|sorry|haha|oops|tbh))*$")
# Words that cannot end a part: what comes before "not" runs on into it ("more the not asking anyone bit").
# Also no word for a drive: "i'd like to" (coach.conversation.confirming).
OPEN_END = re.compile(r"(?i)\b(?:the|a|an|more|about|my|of|to|for|with|just|really|its|it'?s|is|was|and|or|but|"
                      r"like|be|i'?m|im|i|you'?re|we|they|that)$")  # "enough that im" (round 29): no part
# "it's more about the research part, not sr designer" says the whole thought again: a correction.
_RESTATES = re.compile(r"^(?:(?:really|actually|much|a lot|probably) )*(?:more|really|mostly) (?:about|like)\b")
# "it's more about climbing than hiking".
_MORE_Y_THAN_X = re.compile(_LEAD + r"(?:it'?s |its |it is |that'?s |thats )?"
                            r"(?:really |actually |much |a lot |probably )*more (?:about |like )?(?P<y>[^,.;!?]+?)"
                            r" than (?:about )?(?P<x>[^,.;!?]+?)$")
# "replace respect with trust", "swap hiking for climbing", "change team to craft".
_SWAP = re.compile(_LEAD + r"(?:replace|swap|switch|change) (?P<x>[^,.;!?]+?) (?:with|for|to|into) (?P<y>[^,.;!?]+?)$")
# "tho the dad thing is more of a side thing", "the money part isn't the main thing": a part set aside.
_ASIDE = re.compile(
    r"^(?:(?:tho|though|but|and|although|yeah|ok|also|well)[,.]?\s+)*(?P<said>(?:the|that|my) [^,.;!?]{1,30}? "
    + _PART + r")(?:(?: is|'s|s) (?:(?:more|just|really|kind of|kinda|only|probably) )*(?:of )?(?:a |an )?"
    r"(?:side (?:thing|note|issue|point)|aside|footnote|minor thing|bonus|less important|joke|a joke|just a joke)"
    r"|(?: isn'?t| is not|'s not| not) (?:really |that |so )?(?:(?:the|that) (?:main|big) (?:thing|bit|part|point)|"
    r"important))$")

# "designer still true but not the money part" (round 38): the part named goes, and nothing is put in its place.
_NOT_PART = re.compile(r"^(?:(?:tho|though|but|and|just|only|except)[,]?\s+)*(?:just |only )?not (?:really |so much )?"
                       r"(?P<said>(?:the|that) [^,.;!?]{1,30}? " + _PART + r")(?:\s+(?:any ?more|now|tbh|lol))?$")

# What a mention of a part may carry that is not the part itself: "the money bit" -> "money".
_DETERMINER = re.compile(r"^(?:the|a|an|that|this|those|these|my|your|our|all the|any|some)\s+", re.I)
# "money a bit" is how much, not "the money bit" (round 83 put in "money a")
_TRAILING = re.compile(r"(?<!\ba)\s+(?:" + _PART + r"|about it|again|too|as well|really|please|pls|tbh|lol|then)$",
                       re.I)
_NOT_A_PART = re.compile(r"^(?:it|that|this|them|all|everything|something|anything|out|up|off|me|you|i|in|on|"
                         r"no+|nope|nah|yes|yeah|yep|ok|okay|sure|quite|exactly|really|much|right|true|like|fine|"
                         r"well|so|bad|great|perfect|wrong|ready|yet|now|today|anymore|for me|at all|entirely|"
                         r"totally|completely|a problem|an issue|too sure|that bad|so bad|really me)$", re.I)
# New words that are a verdict on the playback, not words to put in: "not bad, sounds like me".
_VERDICT = re.compile(r"^(?:sounds|looks|seems|feels|works|fits|reads|is|that's|thats)\b", re.I)
# What says who thinks the words, not the words: "i said impact, not influence" -> "impact".
_SAYS = re.compile(r"^(?:i (?:said|meant|mean|want|wanted|care about|like|love|need)|i'?d (?:say|rather)|"
                   r"(?:it'?s|its|it is|more|really|actually|about|like)) ", re.I)
_CLAUSES = re.compile(r"(?<=[.!?;])\s+|\n+")
_FILLER_END = re.compile(r"(?:\s+(?:about it|again|too|as well|really|please|pls|tbh|lol|then))+$", re.I)
_CLAUSE_START = re.compile(r",\s+|\bbut\s+")
_DASH = re.compile(r"\s+[-\u2013\u2014]+\s+|\s*[\u2013\u2014]\s*")


@dataclass(frozen=True)
class Edit:
    """An instruction about played-back words: ``part`` goes; ``put`` (if any) stands in its place."""

    part: str
    put: str = ""
    said: str = ""  # the part as the mentee named it ("the bit about my boss")

    @property
    def names_a_part(self) -> bool:
        """Does it point at a part of what was said ("the money bit"), not only at words?"""
        return re.search(r"\b" + _PART + r"\b", self.said) is not None

    @property
    def removes(self) -> bool:
        """Is the part to go without anything in its place?"""
        return not self.put


def core(mention: str) -> str:
    """The words a mention of a part names: "the money bit" -> "money", "that thing about X" -> "X"."""
    text = " ".join(mention.strip(" '\"").split())
    text = re.sub(r"^(?:(?:the|that|this) )?" + _PART + r" (?:about|abt|bout|on|with|re) ", "", text, flags=re.I)
    for _ in range(2):
        text = _TRAILING.sub("", _DETERMINER.sub("", text)).strip(" '\"")
    return text


def read_edit(reply: str) -> Edit | None:
    """The first edit ``reply`` asks for, or None when it asks for none."""
    found = read_edits(reply)
    return found[0] if found else None


_INSTEAD_OF = re.compile(r"^(?P<new>[\w' ]{3,40}?),\s*not (?:the |a |an )?(?P<old>[\w' ]{3,40}?)"
                         r"\s*(?:[-\u2013\u2014,.;]|$)")


_KEEP_REST = re.compile(r",?\s+(?:and\s+)?(?:keep|leave)\s+(?:all )?(?:the rest|everything else|the others)"
                        r"(?:\s+(?:as (?:it is|is)|the same))?$"
                        r"|,?\s+(?:and\s+)?(?:the rest|everything else)(?: is| are|'s)? "
                        r"(?:fine|ok|okay|good|right|stays?)$")


def read_edits(reply: str) -> list[Edit]:
    """Every edit ``reply`` asks for, one a sentence ("take out X. and drop the money bit")."""
    found: list[Edit] = []
    instead = _INSTEAD_OF.match(Reply(reply).low.strip())
    if instead and set(instead.group("new").split()) & set(instead.group("old").split()):
        # "Head of Data SCIENCE, not Head of Data - those are different roles": the first words replace the second
        return [Edit(instead.group("old"), reply.strip()[:len(instead.group("new"))], instead.group("old"))]
    for sentence in _CLAUSES.split(_DASH.sub(", ", Reply(reply).low)):
        text = OUT_NOT_A_THING.sub(r"\g<out>", sentence.strip(" .!?"))  # "take out the 'wait' lol thats not a thing"
        text = _KEEP_REST.sub("", text)  # "swap X for Y, and keep the rest" (round 77 kept "keep the rest")
        # "its ok but like, not the team, the craft": the instruction may start mid-sentence.
        for start in [0] + [m.end() for m in _CLAUSE_START.finditer(text)]:
            edit = _one(text[start:])
            if edit is not None:
                found.append(edit)
                break
    return found


# "the sleep thing isnt a passion lol just tired", "golf is not really a hobby": a part that is no such thing.
_NOT_SUCH = re.compile(
    r"^(?:(?:tho|though|but|and|also|oh|ok|yeah|mostly yeah|mostly|well|except|apart from|only)[,.]?\s+)*"
    r"(?P<said>(?:the |that |my )?"
    r"[^,.;!?]{1,30}?)(?: isn'?t| is not|'s not| aren'?t| are not) (?:really |actually |even )?"
    r"(?:a |an |my |one of my )?(?:passions?|hobb(?:y|ies)|strengths?|drivers?|values?|thing i love|something i love|"
    r"thing i'?m good at|what lights me up|what i (?:love|enjoy|like)|what drives me|what i'?m good at|"
    r"overlap|(?:the|where (?:they|it all|those)) (?:overlap|meet)s?)\b"  # "X isnt an overlap" (r77)
    r"|^(?:(?:tho|though|but|and|also|oh|ok)[,.]?\s+)*(?P<joke>(?:the |that |my )?[^,.;!?]{1,25}?)(?: is| was|'s) "
    r"(?:a |just a |only a )?joke\b")  # "and sleep is joke" (round 32)


def no_such(text: str) -> Edit | None:
    """"'before that' isnt a thing i love lol", "the sleep thing isnt a passion": a part said to be no such thing,
    to go (None: not said so)."""
    such = _NOT_SUCH.match(_TYPO.sub("", text.strip(" .!?").lower()))
    said = (such.group("said") or such.group("joke")) if such else ""
    return Edit(core(said), said=_mention(said)) if such and _fits(said) else None


def _one(text: str) -> Edit | None:
    such = no_such(text)
    if such is not None:  # "the sleep thing isnt a passion", "sleep is joke": it goes
        return such
    text = _TYPO.sub("", text)  # "its not automaton its automation, typo lol": the aside after the fix
    aside = _ASIDE.match(text) or _NOT_PART.match(text)
    if aside and _fits(aside.group("said")):  # "the dad thing is more of a side thing": it goes
        return Edit(core(aside.group("said")), said=_mention(aside.group("said")))
    for pattern in (_SWAP, _MORE_Y_THAN_X, _NOT_X_Y, _Y_NOT_X):
        m = pattern.match(text)
        if pattern is _Y_NOT_X and m and (_RESTATES.match(m.group("y")) or OPEN_END.search(m.group("y"))):
            continue  # "its more the not asking anyone bit": the "not" belongs to the part, nothing is swapped
        if m and _fits(m.group("x")) and _fits(m.group("y")) and not _VERDICT.match(_put(m.group("y"))) and not \
                COUNT_ONLY.match(m.group("y")):  # "I said NOT the head, twice" (round 95 made it "the twice")
            return Edit(core(m.group("x")), _put(m.group("y")), _mention(m.group("x")))
    m = _REMOVE.match(text) or _GONE.match(text)
    if m is None:
        return None
    part = m.group("x") or m.group("x2")
    # "take out the forklift part its small thing" (round 83 looked for "forklift part its small"): why, after the part
    part = _WHY_AFTER.sub("", part)
    if not _fits(part):
        return None
    # "take out hiking, its beavers" (round 71 took hiking out and lost the beavers): what goes in its place
    then = _PUT_AFTER.match(text[m.end():]) if m.re is _REMOVE else None
    put = _put(then["y"]) if then and _fits(then["y"]) else ""
    return Edit(core(part), put, said=_mention(_WHY_AFTER.sub(r"\g<p>", m.group("said") or part)))


# How often it was said, and nothing else: "twice", "again", "for the third time lol", "still" ("wrong again")
COUNT_ONLY = re.compile(r"(?i)^\s*(?:twice|again|already|still|too|as well|once more|three times|(?:for )?the \w+ time|"
                        r"x2|2x)"
                        r"(?: now| already| lol)?\W*$")
_WHY_AFTER = re.compile(r"(?i)(?<=\w)(?P<p> (?:part|bit|line))?\W*(?<= )(?:(?:because|cos|cuz|coz|since) .*|"
                        r"(?:its|it'?s|it is|is) (?:a |so |too |only |just |really )*(?:small|minor|nothing|old|wrong|"
                        r"not|irrelevant|silly|boring|done|over)\b.*)$")
_PUT_AFTER = re.compile(r"^(?:(?:it|that) (?:should|needs to|has to) (?:be|say)|"
                        r"(?:it'?s|its|it is|it was)(?: really| actually)?|put|make it|write|add|and put|"
                        r"instead(?: put)?|replace it with) "
                        r"(?!(?:not|just|only|more|less|a|an|what|how|too|so|kind|sort|that|this|wrong|fine|ok|okay|"
                        r"gone|over|done|old|outdated|not true)\b)"
                        r"(?P<y>[\w&' -]{2,40}?)(?:\s+(?:instead|please|pls|lol|tbh|now))*\W*$", re.I)


def _put(words: str) -> str:
    """What stands in the part's place, without a "part"/"bit" of its own ("the craft bit" -> "the craft")."""
    text = " ".join(words.split())
    while _SAYS.match(text):
        text = _SAYS.sub("", text, count=1)
    return _TRAILING.sub("", text).strip(" '\"")


def _mention(words: str) -> str:
    """The part as named, with a determiner so it reads on its own ("money bit" -> "the money bit")."""
    text = re.sub(r"\b(?:abt|bout)\b", "about", " ".join(words.split())).strip(" '\"")
    text = _FILLER_END.sub("", text)
    return f"the {text}" if re.search(_PART + "$", text) and not _DETERMINER.match(text) else text


def _fits(mention: str) -> bool:
    """A part must name something, in a few words: not "it", not half a sentence; or quoted parts, each so
    ('take out "lol not sure that counts" and "whatever its true"': round 65 read neither)."""
    named = core(mention)
    quoted = re.findall(r"['\"]([^'\"]{1,60})['\"]", mention)
    if len(quoted) > 1 and _QUOTED_LIST.match(mention):
        return all(q.strip() and len(q.split()) <= 12 and not _NOT_A_PART.match(q.strip()) for q in quoted)
    most = 12 if re.fullmatch(r"\s*\"[^\"]+\"\s*", mention) else 6  # quoted: the words exactly, a longer part can go
    return bool(named) and not _NOT_A_PART.match(named) and len(named.split()) <= most


_QUOTED_LIST = re.compile(r"""^\s*(?:['"][^'"]{1,60}['"]\s*(?:,|and|&|\+)?\s*)+$""")
