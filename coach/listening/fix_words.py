"""The words of a fix as meant: the run-up, hedges and tails taken off, the part a mention names."""

from __future__ import annotations

import re

from coach.listening.parts import slot_of
from coach.listening.pronouns import own_voice

# Said before a fix, not part of it: "no.", "mostly,", "oh dear,", "hang on,".
_LEAD = re.compile(r"^(?:(?:no+|nope|nah|mostly|partly|yes|yeah|yep|ok(?:ay)?|hmm+|um+|oh(?: dear)?|also|and|but|plus|"
                   r"then|so|actually|wait|hang on|anyway|ugh|right|well|sorry|lol|haha|mostly yes|not quite|"
                   r"although|though|except|only|close|nearly|almost|"
                   r"(?:(?:a )?couple of|two|three|a few|several|some) (?:things|changes|fixes|corrections)|"
                   r"one (?:more )?thing|"
                   r"i dunno|dunno|idk|maybe|"
                   r"i guess|like i said|i just said|i said|i just told you|i told you|"
                   # "kindly write it like this: X", "just write down: X": dictated (round 13)
                   r"(?:(?:kindly|please|pls|just|can we|could you|can you)\s+)*(?:write|put|note|type)"
                   r"(?: (?:it|this|that))?(?: down)?(?: (?:as|like this|like that|instead))?\s*:)"
                   r"(?:[,.!:]+\s*|\s+))+", re.I)
_TAIL = re.compile(r"(?:(?<!only)(?<!just)(?<!\ba)(?<!\bthe)[,.]?\s+(?:i think|i guess|i suppose|lol|haha|though|"
                   r"tbh|honestly|really|please|pls|too|"
                   r"i (?:told|said to) you(?: (?:twice|already|before|that))*|like i said|as i said|"
                   r"as well|not sure|now|"
                   r"maybe|a bit|a little|if that makes sense))+[.!?]*$|[.!?]+$"
                   # "the sales enablement guy, the lottery thing was a joke": what it replaces, said to be a joke
                   r"|,\s*(?:the|that|my) [\w' ]{1,30}? (?:was|is) (?:just )?(?:a joke|joking|sarcasm|sarcastic)\W*$"
                   # "regional manager, the hours was the reason" (round 42): why, said beside what it is
                   r"|,\s*(?:the|that|my) [\w' ]{1,30}? (?:was|is|were|are) (?:the reason|why|the why)\W*$"
                   # "and the burnout - 14 years of pitching - has to be in there" (round 76 kept "has to be in there")
                   r"|\s+(?:has|have|needs?|ought) to (?:be|go) (?:back )?(?:in there|in|on there|on it)\W*$"
                   # "keeping my pension safe and my knees, you never put that in" (round 75 kept "..., I never")
                   r"|,\s*(?:you|u) (?:never|didn'?t|didnt|did not|forgot(?: to)?|haven'?t|havent)(?: (?:put|add|added|"
                   r"write|wrote|include|included|keep|kept|get|got|note|noted|say|said)(?: (?:that|it|this|them))?"
                   r"(?: (?:in|down|in there|on))?)?(?: (?:again|either|last time|before))?\W*$"
                   # "meaning AND being useful, you said you'd noted that", "..., those don't belong there" (round 77)
                   r"|,\s*(?:you said you'?d|you said you had|you told me you'?d) (?:noted|got|added|put|fixed|changed)"
                   r"(?: (?:that|it|this))?(?: in| down)?\W*$"
                   r"|,\s*(?:those|they|these|that|it|this) (?:don'?t|dont|do not|doesn'?t|does not) (?:belong|go|fit)"
                   r"(?: (?:there|in there|here|on (?:it|that|there)))?\W*$",
                   re.I)
# "maybe it should be X": the hedge goes with the run-up; "maybe doing data for a charity" keeps its maybe (round 47:
# "every time I said maybe, it was cut, so a maybe became a firm plan")
_SHOULD = r"(?: (?:it should be|it's|it is|should be)\s*:?)"
_HEDGE_LEAD = re.compile(rf"^(?:(?:and |so |but )?now |and |so )?(?:(?:maybe|probably|prob){_SHOULD}|"
                         rf"(?:just|like|i guess|i think){_SHOULD}?)\s+", re.I)
_SAYS = re.compile(r"^(?:(?:it'?s|its|it is|is(?= \w+ \w)|it should be|should be|i'?d say|i meant|i mean|"
                   r"i guess i mean|more like|"
                   # "i keep saying, X" (round 93)
                   r"make it|it was|(?:like |as )?i (?:keep|kept) (?:saying|telling you)|"
                   r"rather|instead|but|more|really|actually|just|about)[:,]?\s+)+", re.I)
_DEICTIC = r"that sentence|that line|that bit|that|whatever that (?:is|was)|what you (?:had|wrote|put)|this"


def _bare(clause: str) -> str:
    return _TAIL.sub("", _LEAD.sub("", clause.strip())).strip(" ,.!?:")


def _words(text: str) -> str:
    """New words as meant: no run-up ("it's", "i'd say"), hedge, quotes or tail."""
    text = _TAIL.sub("", _SAYS.sub("", _bare(text))).strip(" ,.!?")
    text = _HEDGE_LEAD.sub("", text)
    text = re.sub(r"^because\s+", "", text.strip(" '\""), flags=re.I)  # "it's because X": X is the new reason
    text = re.sub(r"(?i)^still\s+['\"]?", "", text)  # "underneath it is still 'X'" (rounds 49, 50 kept "still")
    # "drives me is MEANINGFUL not recognised" (round 55 kept "MEANINGFUL"): a word shouted is said plainly; a short
    # one in capitals may be a name ("HR", "NHS"), and so may a run of them ("PUBLIC LAW TEAM"): those stay
    text = re.sub(r"(?<![A-Z] )\b[A-Z]{5,}\b(?! [A-Z]{2,}\b)", lambda m: m.group(0).lower(), text)
    text = re.sub(r"(?i)[,;]?\s+as an? maybe$", ", maybe", text)  # "add X as a maybe" (round 67 cut it to "X as a")
    # "add the beavers back lol you dropped them" (round 71 added "the beavers lol you dropped them"): the aside goes
    text = re.sub(r"(?i)(?<=\w)\s+(?:lol|lmao|haha+|ffs|omg)\b(?:\s+\w.*)?$", "", text)
    text = _AT_COACH.sub("", text)  # "my family first, kids and wife, you forget it" (round 83 kept "I forget it")
    return own_voice(text).strip(" '\"")  # "replace it with 'you like X'": kept as "i like X"


# A remark to the coach after the new words: "you forget it", "you had that before", "i told you twice".
_AT_COACH = re.compile(r"(?i)[,;.]?\s+(?:(?:and|but)\s+)?(?:you|u) (?:forget|forgot|missed|dropped|lost|left out|"
                       r"had|cut|"
                       r"deleted|removed) (?:it|that|this|them)(?: (?:again|before|last time|already|out|off))*\W*$"
                       r"|[,;.]?\s+(?:i (?:told|said to) (?:you|u)|i said)(?: (?:that|it|this))?(?: (?:twice|before|"
                       r"already|last time|again))+\W*$")


# A wording offered for a line: "the 'where those meet' bit could just say X" ("overlap = climate data could be an
# actual job" keeps its "could": round 61 made it "should")
OFFERED = re.compile(r"(?i)\b(should|needs? to|must|(?:(?<=bit )|(?<=part )|(?<=line )|(?<=one )|(?<=it )|(?<=that )|"
                     r"(?<=this )|(?<=' ))(?:could|can)) (?:still |just |really )?(?:say|read|be)\s*[:,]?\s+")


# "you skipped 2 and 3 tho" (round 62 added "2 and 3" to where they're heading): the mentee's own numbering, no words
NUMBERS = re.compile(r"(?i)^(?:(?:number|no\.?|fix|point|item|#)\s*)?\d{1,2}(?:\s*(?:,|and|&|\+|or)\s*"
                     r"(?:(?:number|no\.?|fix|point|item|#)\s*)?\d{1,2})*$")


def _old(text: str) -> str:
    return text.strip(" '\",.")


def _split_not(new: str) -> tuple[str, str]:
    """"head of product, not running product" -> ("head of product", "running product")."""
    than = re.match(r"^(?:(?:really|actually|much|a lot|probably|more like) )*more (?:about |like |that )?(?P<new>.+?)"
                    r" (?:than|rather than|not) (?:about )?(?P<old>.+)$", new, re.I)
    if than:  # "more about fairness than meaning": fairness, in place of meaning
        return _words(than.group("new")), _old(_TAIL.sub("", than.group("old")))
    # "NOT a nervous young teacher, i told you, its the mentor" (round 67 kept all of it as the job): what it is
    denied = re.match(r"^not\s+(?P<old>[^,.;]{2,60}?)[,.;]\s*(?:(?:i (?:told|said to) (?:you|u)|i said|again|"
                      r"obviously|lol|ugh)[,.;]?\s*)*(?:it'?s|its|it is|it was|but|i meant|i mean)\s+(?P<new>.+)$",
                      new, re.I)
    if denied:
        return _words(denied.group("new")), _old(denied.group("old"))
    m = re.match(r"^(?P<new>.+?)(?:,\s*|\s+)not\s+(?P<old>'[^']*'|\"[^\"]*\"|.+)$", new, re.I)
    if m and len(m.group("new").split()) > 1 and re.search(  # "meaning not money": the drive, not "that is"
            r"(?i)\b(?:as in|like|meaning|i mean|so i'?m|so i can|and|or|while|yet|vs|versus)$", m.group("new")):
        m = None  # "money as in not worrying every month" (round 35): what it means, not what it is not; "sitting
        # with someone on a bad day and not flinching" (round 36): one thought, the "not" inside it
    if m and re.fullmatch(r"(?i)(?:maybe|probably|perhaps|possibly|prob|definitely|defo|deffo|def|just|still|really|"
                          r"ideally|hopefully)", m.group("new").strip(" ,")):
        # "is maybe not full time" (round 71 kept "maybe" in place of "full time"): a doubt, said whole
        return f"{m['new'].strip(' ,').lower()} not {_words(m['old'])}", ""
    if m and not re.match(r"^(?:sure|really|quite|exactly|at all)\b", m.group("old"), re.I):
        old = _old(_TAIL.sub("", m.group("old")))
        return _words(m.group("new")), "" if re.fullmatch(_DEICTIC, old, re.I) else old
    return _words(new), ""


def _find_case(text: str, words: str) -> str:
    i = text.lower().find(words.lower()) if words else -1
    return text[i:i + len(words)] if i >= 0 else words


def _part(mention: str) -> str:
    """The words a mention names: "the lucky bit" -> "lucky", "'that's fun'" -> "that's fun"."""
    # "jess says lol", "the honest brands thing which is like the main one" (round 70): the words, not the aside
    text = re.sub(r"(?i)\s+(?:(?:which|that) (?:is|was|'s)\b.*|(?:lol|haha+|tbh|lmao|ffs)\b.*)$", "", mention)
    text = text.strip(" '\"")
    if slot_of(text):
        return ""
    text = re.sub(r"^(?:the|that|this|my|your|all the)\s+", "", text, flags=re.I)
    text = re.sub(r"\s+(?:bit|part|line|one|thing|stuff)s?$", "", text, flags=re.I)
    return text.strip(" '\"")  # "the 'wrong english' part" (round 89): the words quoted


def _said(mention: str) -> str:
    text = " ".join(mention.split()).strip(" ,.")
    if re.search(r"(?:bit|part|line|one|thing|stuff)s?$", text, re.I) and not re.match(r"^(?:the|that|this|my)\b", text,
                                                                                      re.I):
        text = "the " + text
    return text


# A sentence that quotes words ("it's 'influence'") is the swap itself, not the thought said again.
_QUOTES = re.compile(r"['\"\u2018\u2019\u201c\u201d]\W|\W['\"\u2018\u201c]")


def restated(reply: str, new: str) -> str:
    """The thought said again whole after a word was swapped ("It's not 'decide', it's 'influence'. I want
    to influence which problems get prioritised": the last sentence), or "" when it was not said again."""
    if len(new.split()) > 2:  # only a word swapped is said again whole; longer new words are the thought
        return ""
    said = [t.strip(" .!") for t in re.split(r"(?<=[.!?])\s+", reply.strip())]
    whole = [t for t in said if new.lower() in t.lower() and not _QUOTES.search(t) and len(t.split()) >= 4]
    return whole[-1] if whole else ""


# "just psychology. drop forever": an instruction to take the part out, said beside what goes in its place.
_DROP = r"(?:drop|remove|delete|lose|scrap|cut|ditch|take out|get rid of|forget)(?: the)?(?: word)?"


def in_place_of(answer: str, part: str, reply: str = "") -> tuple[str, bool]:
    """The words an answer to "what would you put in place of X?" puts there, and whether they are to stand
    alone ("just psychology": only that, not put inside what was there; read off the whole ``reply``)."""
    dropped = re.compile(rf"(?i)(?:^|(?<=[.!?;,])\s*|\s+(?:and|then)\s+){_DROP}\s+['\"]?{re.escape(part)}['\"]?"
                         rf"(?:\s+(?:bit|part|word))?(?:\s+(?:lol|pls|please))?\s*[.!?]*") if part else None
    said = " ".join(answer.split())
    said = dropped.sub("", said).strip(" ,;") if dropped else said
    whole = dropped.sub("", " ".join((reply or answer).split())).strip(" ,;") if dropped else reply or answer
    alone = re.match(r"(?i)(?:just|only|simply)\s+(?P<new>[^.!?]{1,40}?)[.!?]*$", whole)
    return (alone.group("new"), True) if alone else (said.rstrip(" .!?") if dropped else said, False)


# What the mentee loves or is good at, said right after taking a wrong item out.
INSTEAD = re.compile(r"(?i)^(?:but |because )?(?:i (?:really )?(?:love|like|enjoy)|"
                     r"i'?m (?:good|great|decent) (?:at|in|with)|i am (?:good|great|decent) (?:at|in|with))"
                     r"\s+(?P<new>.+)$")
# "where I'm heading is NOT X, ... I'm heading out of the ward": what goes in the denied words' place.
HEADING_NOW = re.compile(r"(?i)^(?:but |so )?(?:i'?m heading|i am heading|i want to (?:go|be|get|move)|"
                         r"i'?d like to (?:go|be|move)|it'?s)\s+(?P<new>.+)$")
# "that's not put right at all", "that's nonsense": said of the read-back as a whole, no part named to change.
NOT_RIGHT = re.compile(r"(?i)^(?:no,? )?(?:(?:that'?s|thats|that is|it'?s|its) (?:not (?:put right|fixed|right)"
                       r"(?: at all)?|(?:just |total |complete )?(?:nonsense|rubbish|gibberish|garbage))[,.]?\s*)+$")


# What is said of a part that keeps it as it is: "the mattering bit is right".
RIGHT = re.compile(r"^(?:(?:about|pretty much|mostly|basically|totally|spot) )?"
                   r"(?:right|fine|ok|okay|good|correct|true|spot on|accurate|perfect|great|it|me)\b", re.I)
# What is said of a part that is not a new wording: "less sure than it sounds", "reads weird".
WRONG = re.compile(r"^(?:(?:a bit|a little|kind of|kinda|really|totally|all|just|maybe|too|still|also) )*"
                   r"(?:wrong|weird|off|odd|strange|not right|not quite right|a mess|nonsense|gibberish|rubbish|"
                   r"garbled|incorrect|confusing|too strong|overstated|less sure|not sure|not true|not me|not it|"
                   r"not what i meant|"
                   r"made up|too much|less (?:true|right|important)|more (?:complicated|complex|mixed)|"
                   r"cut off|cut short|truncated|incomplete|unfinished|broken|mangled|messed up|half (?:there|of it)|"
                   r"missing (?:the )?(?:end|rest|last bit)|(?:still )?missing|gone|not there|empty|blank|"
                   # "the underneath bit is repeated weirdly" (round 50 kept "repeated weirdly" as the line)
                   r"repeated(?: weirdly| oddly| twice)?|doubled|duplicated|(?:in (?:there )?)?twice|backwards|"
                   r"the wrong way round|the opposite)\b",
                   re.I)
# "you still have 'you asked what i wrote down' there i think" (round 45): words kept that should not be; what goes
# in their place is asked.
STILL_HAVE = re.compile(r"(?i)^(?:(?:but|and|also|oh)\s+)?(?:you|u) (?:still )?(?:have|wrote|put|got|kept)\s+"
                        r"(?P<q>'[^']{2,80}'|\"[^\"]{2,80}\")(?:\s+(?:there|in there|down|in it))?"
                        r"(?:\s+(?:i think|tbh|lol|still|again))*\W*$")


# What a part is said not to be at all: then it goes, whatever follows ("that was me complaining").
NOT_AN_ITEM = re.compile(r"(?i)(?:something|anything) (?:that )?(?:lights? me up|i love|i'?m good at|drives me)|"
                          r"what (?:lights? me up|i love|drives me)|"
                          r"(?:an?|my) (?:passion|strength|skill|drive|driver|motivation|hobby|goal|job|answer)\b|"
                          # "'10 min ago' isnt part of my answer" (round 67 put "part of your answer" in its place)
                          r"part of (?:it|that|this|(?:my|the) (?:answer|reply|sentence|goal|point|list))\b|"
                          r"(?:even )?(?:english|a (?:real )?sentence|a (?:real )?word|a thing|"
                          r"what i (?:said|meant))\b|"
                          # "the money one isn't really me anymore, the rest fine" (put "you anymore" in its place)
                          r"(?:really |even )?(?:me|my thing)\b(?: (?:any ?more|now|these days|tbh|lol|either))*"
                          r"(?=\W*$|[,.;!?])")


# "where im heading is not "part" wtf. its design" (round 83): a sigh between the two is no reason to lose it
NOT_QUOTED_IS = re.compile(r"(?i)(?P<slot>[\w' ]{2,30}?) (?:(?:is|are) not|isn'?t|aren'?t) "
                           r"(?P<q>'[^']+'|\"[^\"]+\")[.,;]?\s*(?:(?:wtf|lol|ffs|omg|ugh|smh|tho|though)[.!,]*\s*)?"
                           r"(?:(?:but |it |but it )?is|it'?s|its) (?P<new>[^.!?]+)")


# Someone else's wish, not the mentee's: the part goes, and who wants it is no new words for the line.
THEIRS = re.compile(r"(?i)(?:^|(?<=[.!?,;])\s*|\s+)(?:(?:and|but|also)\s+)?(?:it'?s|its|it is|that'?s|thats) not "
                    r"(?:really |even |actually )?(?:about )?(?P<x>[\w' ]{2,30}?)[,.;]?\s+(?:that'?s|thats|it'?s|its) "
                    r"(?:more |just |really |mostly )?(?:what|who) (?:my|the|his|her|their|our) [\w' ]{2,20}? "
                    r"(?:wants?|thinks?|says?|pushes|expects?|wanted|would like)(?: for me| me to(?: do| be)?)?\W*")
