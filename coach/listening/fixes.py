"""Fixes to a playback, as a person types them: several in one reply, parts named their own way.

"the first part is wrong, it's head of product. and add sourdough to the lights me up bit" holds
two fixes: new words for the goal, and words added to the passions. A part is named by where it
sits in the playback ("the heading bit", "underneath", "where they meet"), by its words ("the
lucky bit", "'that's fun'"), or by pointing ("replace that bit with ..."). A remark about a part
("the team lead part is less sure than it sounds", "you dropped the teaching part") names no new
words: it is read as a question to ask back, never as words to keep. This module only reads; the
conversation applies the fixes to what it keeps (coach.conversation.fixing).
"""

from __future__ import annotations

import re
from dataclasses import replace

from coach.listening import fix_several as fs
from coach.listening import fix_words as fw
from coach.listening.edits import no_such
from coach.listening.fix_add import quoted_add, without_asking
from coach.listening.fix_also import is_the_line, judged, not_in_line, not_the_line, too_not_just
from coach.listening.fix_clause import _ASIDE, Fix, _read
from coach.listening.fix_clause import _UNDERNEATH as _UNDER
from coach.listening.fix_plain import plainly, pointed_out, reworded
from coach.listening.fix_words import _bare, _words
from coach.listening.parts import MENTION, slot_of
from coach.listening.text import Reply

__all__ = ["Fix", "is_complaint", "is_remark", "read_fixes"]


# A numbered item in a list of fixes: "1) ...", "2. ...", "(3) ...", "#4 ...".
_NUMBERED = re.compile(r"(?:^|(?<=\s)(?<!number )(?<!\bno )(?<!\btop ))(?:\(\d{1,2}\)|#?\d{1,2}[):]|"
                       r"(?<![a-z] )(?<![a-z]  )#?\d{1,2}\.)\s+(?=\S)")

_JUST_SAY = re.compile(r"(?i)^(?:(?:kind of|sort of|no|nah|ok|okay|hmm+)[,.]?\s+)*"
                       r"(?:(?:can you |could you |pls |please )?(?:just (?:say|put)|(?:make|have) it say))\s*:?\s+"
                       r"(?P<x>(?![^.!?]*\s(?:back\s+)?(?:before|after|in front of)\s)[^.!?]{3,})$")


def _clauses(text: str) -> list[str]:
    """The reply cut into sentences, then at ", and" / "and" before a new fix; quotes kept whole."""
    quoted: list[str] = []

    def hide(m: re.Match[str]) -> str:
        quoted.append(m.group(0))
        return f"\x00{len(quoted) - 1}\x00"

    masked = re.sub(r"(?<!\w)'[^']*?\w'(?!\w)|(?<!\w)'[^']+?'(?!\w)|\"[^\"]+\"", hide, text)
    masked = _NUMBERED.sub("\n", masked)  # "1) the job is X. 2) underneath it is Y": one fix per item
    # "earning well is STILL there. bin it." (round 80 kept it as the experiment): one fix, "X in there, bin it"
    masked = re.sub(r"(?i)\b(?:is|are|'s) (still (?:in )?there)[.!]+\s+(?=(?:so |just |pls |please )*"
                    r"(?:bin|drop|remove|delete|cut|lose|take out) (?:it|that)\b)", r"\1 in there, ", masked)
    # "the growing part. delete it" (round 91 added it as a drive): one fix; a line's own name stays two clauses
    masked = re.sub(r"(?i)\b(?:the|that) ([\w' ]{1,30}) (?:part|bit)[.!]+\s+(?=(?:so |just |pls |please )*(?:bin|drop|"
                    r"remove|delete|cut|lose|take out) (?:it|that|this)\b)",
                    lambda m: m.group(0) if slot_of(m.group(1)) else m.group(0).rstrip(".! ") + ", ", masked)
    # "the last line is rubbish, whats X doing there?" (round 50): the judgement ends its sentence
    masked = re.sub(r"(?i)\b((?:is|are|'s) (?:all |just |a bit |totally )?(?:rubbish|wrong|a mess|nonsense|garbage|"
                    r"gibberish|weird|broken|muddled|off))\s*,\s+(?=(?:what|whats|why|how|where|and|also|plus|you|u|"
                    r"i (?:never|didn'?t|didnt|did not))\b)",
                    r"\1. ", masked)
    # "security is what drives me, fishing is what lights me up" (round 72): two lines set, two sentences
    masked = re.sub(rf"(?i)(\b(?:is|are) {MENTION})\s*,\s+(?=[\w' -]{{2,40}}? (?:is|are) {MENTION})", r"\1. ", masked)
    parts = re.split(r"(?<=[.!?;])\s+|\n+|"
                     r",?\s+and\s+(?=(?:add|drop|remove|take|put|underneath|under it|where|what|"
                     r"the (?:job|heading|first|under)|it'?s|its|heading|also|swap|change|replace|"
                     # "and my passions bit is ...", not "underneath is my back and my father" (round 32)
                     r"my [\w' ]{1,20}?(?:bit|part|line|is|are|should|was)\b|"
                     r"(?:the |that |this )?(?:\x00\d+\x00|[\w' ]{1,30}?) (?:bit|part|line) "
                     r"(?:is|are|was|should|needs|has to|must))\b)|"
                     r",\s+(?=(?:(?:maybe|also|oh|pls|please|could you|can you) )?"
                     # ", and money as in X" after "drives bit: meaning, then impact" is the list going on (round 35)
                     r"(?:add|drop|remove|take out|underneath|heading (?:is|should)|"
                     r"and(?!\s+(?:money|meaning|growth|freedom|impact|recognition|respect|security|time|family)\b))\b)|"
                     r",?\s+but\s+(?=(?:the|underneath|where|what|add|drop)\b)|"
                     r"\s+[-\u2013]\s+(?=(?:what|where|underneath|add|drop|take|the overlap)\b)|"  # "drop X - what..."
                     # "add X to the lights me up bit, thats more me than sleeping in" (round 29): why, said after
                     r",\s+(?=(?:that'?s|thats) (?:more|less|just|only|not|what)\b)|"
                     # 'take out "X" thats not a hobby lol, and ..., also the overlap is Y' (round 75 read one fix)
                     r"(?<=\x00)\s+(?=(?:that'?s|thats|it'?s|its) (?:not|more|less|just)\b)|"
                     r",\s+(?=also (?:the|my|where|what|underneath|under it|its|it'?s)\b)|"
                     # "take 'add' out of the drives line lol, its Jess's job ..., put X back in" (round 76: one fix)
                     r",\s+(?=(?:put|its|it'?s) (?!(?:it|that|this|them)\b)[\w' ]{2,40}? (?:back in|back|in there|job|"
                     r"line|bit)\b)|"
                     # "ppl come to me for X, the debugging thing was a joke" (round 32): a second fix
                     r",\s+(?=the [\w' ]{1,30}? (?:thing|bit|part|one) (?:was|is)\b)",
                     masked, flags=re.I)
    restore = re.compile(r"\x00(\d+)\x00")
    return [restore.sub(lambda m: quoted[int(m.group(1))], p).strip() for p in parts if p and p.strip(" .,!?")]


# "where meet is not 'the hospital yes'. is validation of new methods": a part denied by its quoted words, then
# what it is, said without a subject (round 13, a second-language speaker).
# A line named just before, to go: "delete it", "take it out", "get rid of that" (round 29).
_GONE_IT = re.compile(r"(?i)^(?:(?:just|pls|please|and|so)\s+)*(?:delete|remove|drop|scrap|bin|lose|get rid of|"
                      r"take out)\s+(?:it|that|this|the line|that line)(?:\s+(?:out|completely|please|pls))?\W*$|"
                      r"^(?:(?:just|pls|please|and|so)\s+)*take (?:it|that|this) out\W*$")
# A whole line to go, named by its line: "take out the job you'd pick line i never picked one".
_LINE_GONE = re.compile(r"(?i)^(?:(?:no|nope|and|so|just|pls|please)[,.]?\s+)*(?:delete|remove|drop|scrap|get rid of|"
                        r"take out|cut)\s+(?P<line>[\w' ]{2,40}?\s(?:line|bit|part))\b")


def _line_dropped(clause: str, named: str, named_as: str) -> Fix | None:
    """A whole line to go: the one named in the clause before ("delete it"), or in this one."""
    if named and _GONE_IT.match(clause):
        return Fix("drop", named, "", "", named_as)
    whole = _LINE_GONE.match(clause)
    if whole and slot_of(whole.group("line")):
        return Fix("drop", slot_of(whole.group("line")), "", "", whole.group("line"))
    return None


# "no not 'brain matters' exactly - more like being taken seriously": a quoted part, then what it is
_NOT_X_MORE_Y = re.compile(r"(?i)^(?:(?:kinda|kind of|sort of|partly|no+|nah|hmm+|well|yes|yeah)\W+)*"
                           r"not (?:really |quite )?['\"\u2018\u201c](?P<x>[^'\"\u2019\u201d]{2,40})['\"\u2019\u201d]"
                           r"(?: exactly| really| so much)?\s*(?:[-,;:\u2013\u2014]+\s*)?(?:it'?s |its )?"
                           r"(?:more (?:like |about |that )?|rather |but )(?P<y>[^.;!?]{2,60}?)[.!?]*$")
# "also being recognised - its not status, more being listened to": the item named, what it is not, what it is
_NAMED_NOT_MORE = re.compile(r"(?i)^(?:(?:also|and|oh and|plus)[,]?\s+)?(?P<x>[\w' ]{2,30}?)\s*"
                             r"(?:[-:,\u2013\u2014]+\s*)(?:it'?s|its|it is|that'?s|thats) not (?:about |really )?"
                             r"(?P<y>[\w' ]{2,30}?),?\s+(?:it'?s |its )?more (?:like |about |that )?"
                             r"(?P<z>[\w' ]{2,40}?)\W*$")
# "a driver", "my passion": a kind of item, not a part of one
_A_KIND_OF_ITEM = re.compile(r"(?i)(?:an?|my|the) (?:driver|drive|motivation|passion|strength|skill|hobby|goal|job)s?")
# Said in passing inside a fix: ", i told you last time,", ", like i said,"
_TOLD_ASIDE = re.compile(r"(?i),\s*(?:(?:i|like i|as i) (?:told you|said|mentioned)|i(?:'ve| have) told you(?: \w+)?)"
                         r"(?: (?:last time|before|already|twice|earlier))?(?=,)")
# A line named, then what to do to it: "drivers: take out having an impact", "passions: add birds"
_ASKED_OF_LINE = re.compile(r"(?i)^(?P<verb>take out|remove|drop|delete|get rid of|lose|add|put in)\s+"
                            r"(?P<x>[\w' -]{2,40}?)\W*$")
# "underneath it is also X": one more in that line
_IS_ALSO = re.compile(r"(?i)\b(?:is|are|should be|should say|=|:)\s+also\b")
# ", put that back please", "add that pls": the asking, said after the words to keep
_ASKING_TAIL = re.compile(r"(?i),?\s+(?:(?:can you |could you |pls |please )?(?:put|add|write|keep) (?:that|it|this)"
                          r"(?: back| in| on| down| there)?)(?:,? (?:please|pls|thanks|ty))?\W*$")
def _not_x_more_y(clause: str) -> Fix | None:
    """"no not 'brain matters' exactly - more like being taken seriously" (round 36): the quoted part swapped for
    the new words, the rest of what was said kept."""
    m = _NOT_X_MORE_Y.match(clause.strip())
    return Fix("put", "", _words(m["x"]), _words(m["y"]), f"'{_words(m['x'])}'") if m else None


def _read_also(clause: str) -> Fix | None:
    """A clause's fix; "underneath it is also being taken seriously, put that back please" (round 36): added to the
    line, never in place of it, and without the asking."""
    named = _NAMED_NOT_MORE.match(_bare(clause))
    if named:  # "also being recognised - its not status, more being listened to" (round 37): X put right
        return Fix("put", "", _words(named["x"]), _words(named["z"]), _words(named["x"]))
    fix = _read(clause)
    dropped = fix.part if fix is not None and fix.kind == "drop" else ""
    quoted = re.fullmatch(r"(?i)(?P<q>[^\"]{2,}?)\"\s+(?:for (?:gods?|god's|fucks?|pete'?s) sake|please|pls|thanks|"
                          r"now|again|too|as well|already)\W*", dropped)
    if fix is not None and quoted:  # 'take out "I never" for gods sake' (round 75): the words in quotes go
        fix = replace(fix, part=quoted["q"].strip(), said=quoted["q"].strip())
    if fix is not None and fix.kind == "ask" and _A_KIND_OF_ITEM.fullmatch(fix.part):
        return None  # "take out X, thats not a driver": why it goes, not a part to put right (round 37)
    if fix is None or fix.kind not in ("put", "add") or not fix.new:
        return fix
    fix = replace(fix, new=_ASKING_TAIL.sub("", fix.new))
    back = re.match(r"(?i)(?:put|add) (?:them |those |it )?back(?: in)?\s+(?P<x>\w.+)$", fix.new)
    fix = replace(fix, new=back["x"]) if back and fix.kind == "put" and fix.slot else fix  # "drives: put back X, Y"
    asked = _ASKED_OF_LINE.match(fix.new) if fix.kind == "put" and fix.slot else None
    if asked:  # "drivers: take out having an impact" (round 37 kept the instruction as the drive)
        kind = "add" if asked["verb"].lower().startswith(("add", "put")) else "drop"
        return Fix(kind, fix.slot, "" if kind == "add" else asked["x"], asked["x"] if kind == "add" else "", asked["x"])
    if fix.kind == "put" and not fix.slot and re.fullmatch(r"(?i)the (?:last|final) (?:bit|one|part|reason|because)",
                                                           fix.said):
        fix = replace(fix, slot="why_chain", part="")  # "not the last bit. it's about X": the deepest reason
    also = fix.kind == "put" and fix.slot and not fix.part and _IS_ALSO.search(clause)
    return replace(fix, kind="add") if also else fix


def _no_such(clause: str) -> Fix | None:
    """"'before that' isnt a thing i love lol" (round 41 kept "thing i love" in its place): the part goes."""
    such = no_such(clause)
    return Fix("drop", "", such.part, "", such.said) if such else None


def _just_say(clause: str) -> Fix | None:
    """"kind of. just say money matters becuase of childcare" (round 41): the reasons, in these words."""
    just = _JUST_SAY.match(clause)
    return Fix("restate", new="", chain=(_words(just.group("x")),)) if just else None


_REST_FINE = re.compile(r"(?i)^(?:(?:otherwise|other than that|apart from that|besides that|the rest(?: is)?|"
                        r"rest is|everything else(?: is)?)\b.*|"
                        r"(?:yeah|yes|yep|ok|okay|fine|lol|haha|thanks|cheers)\W*)$")


# "the first bit is wrong, i never said X" (round 50 put "i never said X" in its place): what it is not, no new words
_NEVER_SAID = re.compile(r"(?i)^(?:i|you) (?:never|didn'?t|didnt|did not) (?:say|said|mean|meant|write|wrote)\b")


_ONLY_NEWS = re.compile(r"(?i)^(?:the |my |that )?[\w' ]{1,25} (?:bit|part|thing) (?:is|was|'s) (?:just |only )?"
                        r"(?:news|a worry|an aside|a side note|a side thing|a joke|context|background)\b")


# "ok fixing: where i'm heading = X. what drives me = Y" (round 57 missed the first): the heading of a list of fixes
# "theres junk in the people come to me for bit. it should just be X" (round 57): the line named, for what follows
_JUNK_IN = re.compile(r"(?i)^(?:(?:ha|no|ok|oh|and|but|also)[,.!]?\s+)*(?:there'?s|theres|there is|you'?ve got|"
                      r"you have) (?:some |a bit of |loads of )?(?:junk|rubbish|stuff|nonsense|a mistake|mistakes|"
                      r"a typo|typos|something wrong|errors?|a problem) (?:in|with|on) "
                      r"|^(?:(?:but|and|also|oh)\s+)?(?:you|u) (?:still )?(?:have|got|kept|left) (?=(?:the|that) )")


def _said_whole(reply: str) -> list[Fix] | None:
    """Fixes read off the reply as a whole, before its clauses: "where im heading is not 'part' wtf. its design"; "its
    not really about tech lead, thats more what my mgr wants for me" (round 83 made the manager's wish the goal)."""
    denied = fw.NOT_QUOTED_IS.search(reply)
    named = re.sub(r"(?i)^.*\bbut\s+", "", denied.group("slot")).strip() if denied else ""
    if denied and slot_of(named):
        rest = read_fixes(reply[:denied.start()] + " " + reply[denied.end():])
        return [Fix("put", slot_of(named), denied.group("q").strip("'\""), _words(denied.group("new")), named), *rest]
    theirs = fw.THEIRS.search(reply)
    part = theirs.group("x").strip() if theirs else ""
    return [*read_fixes(reply[:theirs.start()] + reply[theirs.end():]), Fix("drop", "", part, "", part)] if theirs \
        else None


def read_fixes(reply: str) -> list[Fix]:
    """Every fix ``reply`` asks for, in order ([] when it asks for none)."""
    reply = pointed_out(reply) or _TOLD_ASIDE.sub("", reply)  # "it's not 'being recognised', i told you ..., more X"
    reply = reworded(reply)  # "no X at all, just Y": "Y not X"
    whole = _said_whole(reply)
    if whole is not None:
        return whole
    out: list[Fix] = []
    waiting: Fix | None = None  # "not the office plant, that was a joke. the senior designer job."
    named = named_as = ""  # "The drives bit, add that I need to be trusted": the line, then what to do to it
    for clause in _clauses(Reply(reply).text):
        several = (fs.parts_out(clause) or fs.once(clause) or fs.quoted_in_line(clause) or fs.said_nowhere(clause)
                   or fs.stopped_with(clause) or fs.gone_missing(clause))
        if several:  # "take 'a little bit' and 'read in the afternoon' out of what lights me up": each goes
            out += several
            continue
        clause = plainly(clause)  # "im good at drawing too": the line, said the way fixes are read
        deepest = _UNDER.match(clause) if out and out[-1].kind == "restate" else None
        if deepest:  # "... because X, and underneath all of that it's about fairness": the chain's last link
            out[-1] = replace(out[-1], chain=(*out[-1].chain, _words(clause[deepest.end():])))
            continue
        # "that's not put right at all": no fix
        bare = _bare(clause)
        kept = fw.STILL_HAVE.match(clause.strip())  # "you still have 'X' there": what should go in its place?
        fix = Fix("ask", named, kept["q"].strip("'\""), said=kept["q"].strip("'\"")) if kept else None
        fix = fix or quoted_add(clause) or _no_such(bare) or _just_say(bare) or too_not_just(bare) or (
            is_the_line(bare) or not_in_line(bare) or not_the_line(bare) or _not_x_more_y(clause) or (
                None if fw.NOT_RIGHT.match(bare) else _read_also(clause)))
        fix = judged(fix)
        gone = _line_dropped(_bare(clause), named, named_as) if fix is None else None
        if gone is not None:  # "the job you'd pick bit. delete it", "take out the job you'd pick line" (round 29)
            out.append(gone)
            named = ""
            continue
        aside = fix is None and _ASIDE.match(_bare(clause)) is not None
        mention = "" if fix is not None or aside else _JUNK_IN.sub("", re.sub(r"^(?:in|for|on) ", "", _bare(clause),
                                                                              flags=re.I))
        if aside or slot_of(mention):  # an aside; or a line named, for what comes next
            named, named_as = (slot_of(mention), mention) if mention else (named, named_as)
            continue
        fix, named = (replace(fix, slot=named) if fix and named and fix.kind in ("add", "put") and not fix.slot
                      else fix), ""
        # "X is NOT Y ...", not "'Underneath it' should say: not wanting anyone treated ..." (round 32)
        refuted = bool(out) and out[-1].kind == "put" and out[-1].new.lower().startswith("not ") and \
            not _SAYS_NOT.search(reply)
        instead = (fw.INSTEAD.match(_bare(clause)) if out and out[-1].kind == "drop" else None) or (
            fw.HEADING_NOW.match(_bare(clause)) if refuted else None)  # "... I'm heading out of the ward": in its place
        if fix is None and instead:  # "'keep it on list' is not what I love. I love mountains": put in its place
            chain = out[-1].slot == "why_chain" and not out[-1].part  # "drop the because stuff. i like X": all of it
            out[-1] = Fix("restate", "why_chain", "", "", out[-1].said, chain=(_words(clause),)) if chain else \
                Fix("put", out[-1].slot, out[-1].part, _words(instead.group("new")), out[-1].said)
            continue
        if waiting is not None:
            out.remove(waiting)
            asks = clause.rstrip().endswith("?")
            same = fix is not None and fix.kind == "put" and (fix.points or fix.part.lower() == waiting.part.lower())
            # "X is wrong. Y, not X"; "the underneath bit is repeated weirdly. otherwise yeah" (round 50): no new words
            new = "" if asks or _REST_FINE.match(_bare(clause)) or _NEVER_SAID.match(_bare(clause)) else \
                _words(clause) if fix is None else \
                fix.new if same else ""
            new = fix.chain[0] if fix is not None and fix.kind == "restate" and fix.chain else new  # "just put Y"
            if new:
                out.append(Fix("put", waiting.slot, waiting.part, new, waiting.said))
                waiting = None
                continue
            if fix is not None and fix.kind == "put" and waiting.slot and not fix.slot:
                # "the goal is wrong. it's not team lead, it's staff engineer": the new words for the goal
                out.append(Fix("put", waiting.slot, fix.part, fix.new, waiting.said))
                waiting = None
                continue
            out.append(waiting)
            waiting = None
        if fix is None and fs.added_in_full(clause, out):
            continue
        # "add the potassium script to what lights me up. and calming people at 3am" (round 29): both
        fix = fix or fs.added_too(clause, out)
        if fix is None:
            continue
        if fix.kind == "ask" and not fix.slot and fix.part and out and out[-1].kind == "put" and out[-1].slot \
                and not out[-1].part and re.match(r"(?i)^not\b", _bare(clause)):
            continue  # "where those meet: X. Not my question about which organisation.": what X replaced
        out.append(fix)
        if fix.kind == "ask" and fix.new == "" and (fix.part or fix.slot):
            waiting = fix
    # "you dropped the wireframing bit. add it pls" (round 42 added "it"): the part missing is what to add
    named_missing = any(f.kind == "missing" and f.part for f in out)
    out = [f for f in out if not (named_missing and f.kind == "add" and _POINTER_ONLY.match(f.new))]
    # "the maya bit is just news, not where im heading" (round 53 made it the heading): a remark, no fix
    out = [f for f in out if not (f.kind == "put" and _ONLY_NEWS.match(f.new))]
    # "its 5 years not 6": 5 in place of 6, the years kept; "you missed the pension twice now": the pension
    out = fs.said_in_a_put([fs.line_after(fs.counted_off(fs.number_for_number(f))) for f in out])
    out = [f for f in out if fs.a_number_put(f) or not (fw.NUMBERS.match(f.part or "") or
                                                     fw.NUMBERS.match(f.new or ""))]  # "skipped 2 and 3"
    return [without_asking(d) for f in fs.merged(out) for d in _each_dropped(_also(f))]


_SAYS_NOT = re.compile(r"(?i)\b(?:should|needs? to|must) (?:be|say|read)\s*[:,]?\s+not\b")


_POINTER_ONLY = re.compile(r"(?i)^(?:it|that|this|them|those|these|that one|it back|that back|them back)$")


# "its not just money. the shop isnt about money at all, its about doing something thats mine": also about, said last
_ALSO_ABOUT = re.compile(r"(?i)(?:^|[,.;]\s*)(?:but |and )?(?:it'?s|its|it is|more|also|it'?s also|its also) "
                         r"(?:also |more |really |actually )?(?:about |like )?(?P<z>[^,.;]+?)\W*$")


_FIRST = re.compile(r"(?i)^(?P<x>[\w' ]{2,30}?) (?:should (?:be|go|come) |goes |comes |is )?(?:first|at the top|on top)"
                    r"(?: (?:not|before|then) [\w' ]{2,30})?$")


def _each_dropped(fix: Fix) -> list[Fix]:
    """"take out "literally" lol and the sleeping": two parts to drop, each on its own (round 25)."""
    if fix.kind != "drop" or not re.search(r"(?i)\s+and\s+", fix.part):
        return [fix]
    parts = [re.sub(r"(?i)^(?:the|my)\s+|\s+(?:lol|haha|tbh|please|pls)$", "", p.strip(" '\"")).strip(" '\"")
             for p in re.split(r"(?i)\s+and\s+", fix.part)]
    return [Fix("drop", fix.slot, p, said=p) for p in parts if p]


def _also(fix: Fix) -> Fix:
    """"not just money, (it's about) X": money stays and X is added (a put of "just X" is no swap);
    "money part is not right, I said no no": the part goes, "no" is no new words."""
    first = _FIRST.match(fix.new) if fix.kind == "put" else None
    if first:  # "and growth should be first not meaning": an order, not new words
        return Fix("first", fix.slot, first.group("x"), said=fix.said)
    if fix.kind == "put" and fix.part and re.fullmatch(r"(?i)(?:i (?:said|told you) )?(?:no+|nope|nah)(?:[ ,]+no+)*",
                                                       fix.new.strip(" .!")):
        return Fix("drop", fix.slot, fix.part, said=fix.said)
    denied = re.fullmatch(r"(?i)not (?:a |an |the )?(?P<x>\w[\w' -]{1,40})", fix.new) if fix.kind == "put" else None
    if denied and fix.slot and not fix.part:  # "what i'm good at is NOT a holiday" (round 45): it goes
        return Fix("drop", fix.slot, denied["x"], said=denied["x"])
    if fix.kind != "put" or not fix.new or not re.match(r"(?i)(?:just|only) \w", fix.part):
        return fix
    about = _ALSO_ABOUT.search(fix.new)  # "it's impact on people, not just impact": a put, the new words first
    return Fix("add", fix.slot, new=_words(about.group("z"))) if about and about.start() else fix


def is_remark(piece: str) -> bool:
    """Is ``piece`` a remark about the playback ("you didn't add the Priya part", "one sentence:"), not words?"""
    if re.fullmatch(r"(?:ok(?:ay)?,? )?(?:in )?(?:one|a) (?:plain |simple )?sentence|(?:fine|ok|okay),? then",
                    _bare(piece), re.I):
        return True
    fix = _read(piece)
    return fix is not None and fix.kind in ("keep", "missing")


# Said of a read-back as a whole, naming no part (round 20): "that's not what i said??", "you got it all wrong".
_COMPLAINT = re.compile(
    r"(?i)\bnot what i (?:said|meant|wrote|asked|told (?:you|u))\b|^\W*(?:still |is |it'?s |its )?missing\b|"
    # (not "idk if thats weird", a doubt about one's own idea)
    r"(?<!\bif )(?<!\bwhether )\b(?:summary|playback|read-?back|recap|that|it|this)"
    r"(?:'?s\s+|\b[^.?!]{0,15}?\b(?:is|was|looks|reads|sounds|seems|seemed)\s+)"
    r"(?:gone |got |come out |turned out )?(?:still |a bit |a little |kind of |kinda |really |so |totally |all )?"
    r"(?:wrong|weird|off|odd|garbled|a mess|"
    r"messed up|not right|broken|strange|confusing|nonsense|jumbled)\b|"
    r"\b(?:you|u) (?:got|put|wrote|have|had) (?:it|that|me|this|everything) (?:all |completely |totally )?wrong\b|"
    r"\b(?:you|u) (?:didn'?t|did not|never) (?:fix|change|correct|update|listen)\b")
# Parts named only by pointing at the mentee's own words: "not what i said" names no line.
_NO_PART = re.compile(r"(?i)^(?:what i (?:said|meant|wrote|asked)|it|that|this|everything|anything)$")


def is_complaint(reply: str) -> bool:
    """Does ``reply`` say a read-back is wrong without naming a part or new words?"""
    if not _COMPLAINT.search(reply):
        return False
    return all(f.kind in ("ask", "missing") and _NO_PART.match(f.part or f.said or "it") for f in read_fixes(reply))

