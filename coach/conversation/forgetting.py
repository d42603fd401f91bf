"""Forgetting on request: "please forget what i said about my wife" takes it out of what is kept.

Every kept value that mentions the thing loses that item (today's answers, and last time's summary as this
conversation starts from it), and the mentee is told so, and honestly that their own words stay in the
transcript, which only they can read and `coach delete` erases. The rest of the reply is heard as usual.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.conversation.correcting import _names
from coach.conversation.kept import find_kept, is_whole
from coach.conversation.recap_asks import HEAD, LEAD_ON, MAYBE, MOSTLY_YES, kept_once, recap_asks
from coach.conversation.summary import KEYS
from coach.listening import rules
from coach.listening.fix_several import once
from coach.listening.fixes import read_fixes
from coach.listening.listed import SENTENCES
from coach.listening.playback import play_back

if TYPE_CHECKING:
    from coach.conversation.message import Message
    from coach.conversation.words import Provenance
    from coach.flow.spec import Flow, Step

# "please forget what i said about my wife", "can you take out the bit about my wife", "dont keep anything
# about my wife", "forget the wife stuff" (round 28, asked six times and never done).
# A change of mind, said after what is dropped: "..., it was a daft idea", "... i've changed my mind".
_IDEA = re.compile(r"(?i)[\s,.;-]*(?:(?:it|that|which) (?:was|is)|it'?s|its|that'?s|thats|was)? ?(?:a |just a )?"
                   r"(?:daft|silly|stupid|dumb|bad|mad|crazy|rubbish|random|weird) idea\b[^.!?]*[.!?]*"
                   r"|[\s,.;-]*(?:i'?ve |ive |i have )?changed my mind\b[^.!?]*[.!?]*")
_FORGET = re.compile(
    r"(?i)(?:^|(?<=[.!?,])\s*)(?:(?:please|pls|can you|could you|just|and|also|oh|so|ok|okay|actually)[,]?\s+)*"
    r"(?:(?:forget|ignore|delete|remove|take out|leave out|drop|scrap|erase|wipe|strike|get rid of)\s+"
    r"(?:(?:what|everything|anything|all|whatever) i (?:said|told you|wrote|mentioned|typed)\s+(?:about|re|regarding)|"
    r"(?:the |that |all the |any )?(?:bits?|parts?|stuff|things?|lines?)\s+(?:about|with|on)|"
    r"(?:everything|anything|all) about)\s+(?P<x>[^.!?,]{2,40})"
    r"|(?:don'?t|do not|dont) (?:keep|save|write down|remember|store|note)\s+(?:what i said about|anything about|"
    r"the (?:bit|part|stuff) about)\s+(?P<y>[^.!?,]{2,40})"
    r"|(?:forget|scrap) (?:the |my |that )?(?P<z>[\w' ]{2,25}?) (?:stuff|bit|part|thing)s?\b"
    # "forget the vans" said on its own (round 29)
    r"|^\W*(?:(?:ok|so|just|pls|please|no)[,]?\s+)*(?:forget|ignore|scrap) (?:the |my |about (?:the |my )?)"
    r"(?P<w>(?!(?:it|that|this|them)\b)[\w' ]{2,25}?)(?=\W*$)"
    # "NO. thats not what i said. forget money. can we go back" (round 51 kept "forget money" as a passion)
    r"|(?<=[.!?] )(?:(?:ok|so|just|pls|please|no)[,]?\s+)*(?:forget|ignore|scrap) (?:the |my |about (?:the |my )?)?"
    r"(?P<m>(?!(?:it|that|this|them|what|about|everything|all)\b)[\w']+(?: [\w']+)?)(?=[.!?]))"
    r"(?:\s+(?:please|pls|thanks|too|as well|from last time|last time))*[.!?]*")
# Where nothing said today is played back for correction (the recap), taking out a part of last time's summary is
# forgetting it: "take out the 'sleep in' bit" (round 30), "i never said the 3am thing as a goal" (round 29).
_TAKE_OUT = re.compile(
    r"(?i)(?:^|(?<=[.!?])\s*|\b(?:pls|please|but|and|just|can you|could you|can u|could u|u)\s+)(?:take out|leave out|"
    r"drop|remove|"
    r"delete|cut|get rid of|lose|scrap)\s+(?:the |that |my )?['\"]?(?P<v>(?!(?:it|that|this|them)\b)[\w' ]{2,30}?)"
    r"['\"]?\s+(?:bit|part|line|stuff|thing|(?<!\bthe\s)one)s?\b(?![ -]tim(?:e|er)\b)"  # "drop X to part time" (r91)
    # ... and why: "? i told you last time that was my free day, not what lights me up" (round 30)
    r"(?:[?.!,]?\s*(?:i (?:told|said to) you(?: last time| before)?,? )?(?:that|it)(?: was|'s| is) "
    r"(?:a joke|just a joke|a typo|wrong|(?:just |only )?my [^.!?]{2,60}|(?:just |only )?(?:a|about) [^.!?]{2,60})"
    # "... tho, that wasnt a hobby lol" (round 56)
    r"|[?.!,]?\s*(?:tho|though)?,?\s*(?:that|it) (?:wasn'?t|wasnt|isn'?t|isnt|was not|is not) (?:a |an |my |really )?"
    r"[^.!?]{2,40}?(?:\s+(?:lol|haha|lmao))?(?=\W*$|[.!?]))?"
    # "i just want you to delete 'sleep in' from what lights me up. can you do that?" (round 30)
    r"|(?:\bi (?:just |only )?(?:want|need) you to |\b(?:can|could) you (?:please |pls |just )?|\bplease |\bpls )?"
    r"\b(?:delete|remove|take|drop|get rid of|cross) ['\"]?(?P<t>(?!(?:it|that|this|them)\b)[\w' ]{2,30}?)['\"]? "
    r"(?:out )?(?:from|off|out of) (?:what lights me up|my passions|the passions|the list|the summary|last time|"
    r"what i (?:love|enjoy)|(?:the |my )?(?:hobbies|passions|strengths|goals?|drives))\b"
    r"(?:[.?!,]?\s*(?:(?:can|could) you do (?:that|it)|(?:is )?that ok(?:ay)?|please|pls)\??)?"
    # "whats scrap the money thing doing there?" (round 50): a part that should not be there
    r"|\b(?:what'?s|whats|what is|why is|why'?s) (?:the |that |my )?['\"]?(?P<d>(?!(?:it|that|this|them)\b)"
    r"[\w' ]{2,30}?)['\"]?(?: (?:bit|part|line|stuff|thing|one))? doing (?:there|in there|on there|here|in it)\b\??"
    # "except 'before that' isnt a thing i love lol, that was me talking to you" (round 41): no such thing
    r"|(?:^|(?<=[.!?])\s*|\b(?:except|but|and|tho|though|only|also)\s+)['\"]?"
    r"(?P<s>(?!(?:it|that|this|except|but|and|tho|though|only|also)\b)\w[\w' ]{1,29}?)['\"]? "
    r"(?:isn'?t|is not|wasn'?t|was not|aren'?t|are not) (?:really |even |actually )?"
    r"(?:a |an |my |one of my )?(?:passions?|hobb(?:y|ies)|strengths?|thing i love|something i love|what i love|"
    r"thing i'?m good at|what lights me up)\b(?:\W+(?:lol|haha|lmao))?(?:,?\s*(?:that|it) was (?:just )?me "
    r"(?:talking|chatting|thinking out loud)(?: to you)?)?"
    # "the 'what lights you up: doing' bit is weird, i never said that" (round 54 noted "the what lights you up")
    r"|(?:\bthe |\bthat )?['\"](?:[\w' ]{2,30}:\s*)?(?P<q>[^'\":]{2,30}?)['\"] (?:bit |part |line |thing )?"
    r"(?:is|was|'s|sounds) (?:a bit |kind of |really |so |just )?"
    r"(?:weird|wrong|odd|not right|made up|not me|rubbish|nonsense|random)\b"
    r"(?:[,.]?\s*(?:and )?i (?:never|didn'?t|did not|didnt) (?:say|said|write|wrote|mean|meant) (?:that|it|this)\b)?"
    # "sitting on the sofa doesnt light me up tho lol, that was me being knackered. take that out" (round 54 kept it)
    r"|(?:^|(?<=[.!?])\s*|\b(?:but|and|tho|though|also)\s+)(?P<l>(?!(?:it|that|this|what)\b)\w[\w' ]{1,29}?) "
    r"(?:doesn'?t|does not|dont|don'?t|do not) (?:really |even |actually )?light me up\b"
    r"(?:[^.!?]*[.!?]+\s*(?:so |just |pls |please )?(?:take|leave) (?:that|it) out\b[.!]*)?"
    # "mostly yes but take the sourdough out, i gave that up" (the carried-over recap test): the verb around it
    r"|(?:^|(?<=[.!?,])\s*|\b(?:pls|please|but|and|just|can you|could you|so)\s+)(?:take|leave|cut) (?:the |that |my )"
    r"['\"]?(?P<o>(?!(?:it|that|this|them)\b)[\w' ]{2,30}?)['\"]?"
    r"(?: (?:bit|part|line|stuff|thing|(?<!\bthe\s)one)s?)? out\b"
    r"(?=\W*$|[\s,.;-]+(?:i'?ve |ive |i )?(?:gave|given|quit|stopped|don'?t do|dont do|not into|not doing)\b)"
    # "yes except the sourdough, gave that up": only a thing named with "the"/"my", and only if it is kept
    r"|\b(?:yes|yeah|yep|ya|mostly|all of it|all true|true)\W+(?:\w+\s+)?except (?:for )?(?:the |my )"
    r"(?P<e>(?!(?:it|that|this|them|fact)\b)[\w' ]{2,30}?)(?: (?:bit|part|line|stuff|thing|one)s?)?"
    r"(?=\W*$|[\s,.;-]+(?:i'?ve |ive |i )?(?:gave|given|quit|stopped|don'?t do|dont do|not into|not doing)\b)"
    r"|\bi (?:never|didn'?t|did not|didnt) (?:say|said|mean|meant|call|put) (?P<u>(?!(?:it|that|this)\b)[\w' ]{2,30}?)"
    r" (?:as|was|is|for|to be) (?:a |an |my |the |one of my )?(?:goals?|passions?|drives?|strengths?|motivations?|"
    r"experiment)\b")
# What is said of the thing taken out, and the yes it leaves ("yes except the sourdough, gave that up")
_GAVE_UP = re.compile(r"(?i)[\s,.;-]*(?:i'?ve |ive |i )?(?:gave (?:that|it) up|given (?:that|it) up|quit (?:that|it)|"
                      r"stopped (?:that|it)|(?:don'?t|dont) do (?:that|it) any ?more|not (?:into|doing) (?:that|it) "
                      r"any ?more)\b[^.!?]*[.!?]*")
_CLAUSE = re.compile(r"(?i)[.;!?]+\s*|,\s*|\s+(?=(?:but|because|so|while|though)\s)|\s+and (?=just |then )")
# Said with the fixes, no answer of its own: "for f sake", "ugh", "again lol", "seriously".
_FED_UP = re.compile(r"(?i)^\W*(?:(?:for (?:f|fs|fucks?|god'?s|goodness|pete'?s) sake|ffs|ugh+|argh+|omg|christ|"
                     r"jeez|sigh|seriously|again|honestly|come on|lol|haha|ok|okay|right)\W*)+$")
_HANGS_ON = re.compile(r"(?i)^(?:but|because|cos|so|though|tho|while)\b")
# Values that say how the conversation went, not what was said: never searched.
_NOT_WORDS = frozenset(("previous", "mentee"))


def asks_to_forget(text: str) -> bool:
    """Does ``text`` ask for something to be forgotten ("can you forget the bit about my manager")?"""
    return _FORGET.search(text) is not None


# A word taken out, not the item it sits in: "take out the word again", "take out the probly and the again, thats
# just how i type" (round 56 took "football probly" out whole, and "the" out of the overlap)
_WORDS_OUT = re.compile(
    r"(?i)\b(?:take|get|leave|cut|strip|remove|delete|drop|lose)(?: out)? (?:the |that )?words? "
    r"['\"]?(?P<a>[\w']+)['\"]?(?: and (?:the )?(?:word )?['\"]?(?P<b>[\w']+)['\"]?)?(?: out)?\b"
    r"|\b(?:take|get|leave|cut) out (?:the |that )?['\"]?(?P<c>[\w']+)['\"]?"
    r"(?: and (?:the |that )?['\"]?(?P<d>[\w']+)['\"]?)?"
    r",? (?:(?:thats|that'?s|its|it'?s) )?(?:just )?(?:how i (?:type|write|text|talk)|a typo|my typing)\b[.!]*"
    # "can you take the lol out its weird reading it back" (round 57): a filler, named
    r"|\b(?:take|get|leave|cut) (?:the |that |all the |those )?['\"]?(?P<e>lol|lmao|haha|um+|uh+|erm|literally|probly|"
    r"tbh|ngl|basically)['\"]?s? out\b")


# What is left around a word asked out: the asking, and a remark on how it reads ("its weird reading it back")
_ASKING = re.compile(r"(?i)\b(?:(?:can|could) (?:you|u)|pls|please)(?: (?:please|pls|just))?\s*"
                     r"(?=\W*$|\s+(?:it'?s|its|it) )"
                     r"|[,.]?\s*(?:it'?s|its|it) (?:looks |reads |is |sounds )?(?:weird|odd|strange|silly)"
                     r"(?: reading it back| to read| when you read it back)?\W*$")


def words_asked_out(text: str) -> tuple[list[str], str]:
    """The single words a reply asks to take out of what is kept ("take out the word again"), and the rest of
    the reply ([] and the whole reply if none)."""
    m = _WORDS_OUT.search(text)
    if m is None:
        return [], text
    return [w.lower() for w in m.groups() if w], f"{text[:m.start()]} {text[m.end():]}".strip(" ,.;")


def takes_out_kept(text: str, previous: dict[str, Any]) -> bool:
    """Does ``text`` take a part of last time's summary out with the verb around it or "yes except the X"
    ("take the sourdough out"), rather than put a line right? (Nothing else hears it as a fix first.)"""
    m = _TAKE_OUT.search(text)
    if m is None or m.lastgroup not in ("o", "e"):
        return False
    thing = HEAD.sub("", (m.group(m.lastgroup) or "").strip())
    return bool(rules.words(thing)) and find_kept(thing, {k: v for k, v in previous.items() if k in KEYS}) is not None


# "pls remove the 'um' things" (round 42): a filler is taken out of the words, not the clause it sits in.
_FILLER = frozenset(("um", "umm", "uh", "uhm", "er", "erm", "hmm", "ah", "eh"))


def _unfilled(item: str, filler: str) -> str:
    """``item`` without the filler word: "cooking, not um" is "cooking", "or um maybe a class" "or maybe a class"."""
    word = re.escape(filler)
    item = re.sub(rf"(?i)\s*,?\s*(?:\b(?:not|or|and|but)\s+)?\b{word}\b\W*$", "", item)
    return " ".join(re.sub(rf"(?i)\b{word}\b,?", " ", item).split()).strip(" ,")


def _left(item: str, thing: str) -> str:
    """What is left of ``item`` without the clauses that mention ``thing`` ("" when nothing else is)."""
    pieces = [p for p in _CLAUSE.split(item) if p.strip(" ,.")]
    kept: list[str] = []
    gone = False
    for piece in pieces:  # "H&S but id need a nebosh": what hangs on the part goes with it
        gone = bool(find_kept(thing, {"x": piece})) or (gone and _HANGS_ON.match(piece.strip()) is not None)
        kept += [] if gone else [piece.strip(" ,.")]
    return ", ".join(kept) if len(kept) < len(pieces) else item


# "hazards is a maybe" (round 62 put "hazards is a." in the line): a part of last time's summary said to be a maybe
class Forgetting:
    """The part of a conversation that forgets what it is asked to (mixed into Conversation)."""

    flow: Flow
    values: dict[str, Any]
    words: Provenance

    if TYPE_CHECKING:
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _reply(self, key: str) -> str: ...
        def _take(self, text: str, ref: str) -> list[Message]: ...
        def _askable(self, step: Step) -> bool: ...
        def _advance(
            self, answer: str, skipped: bool = False, ref: str | None = None, reading: Any = None,
            confirm: bool | None = None, corrected: bool = False, sources: list[str] | None = None,
            changed: str = "", own: str = "",
        ) -> list[Message]: ...
        def _reask(self) -> list[Message]: ...

        @property
        def current(self) -> Step: ...

    def _forgotten(self, text: str, ref: str) -> list[Message] | None:
        """"please forget what i said about my wife": taken out of what is kept and said so; the rest of the
        reply heard as the answer (None: nothing asked to be forgotten)."""
        dropped = self._recap_drops(text, ref)  # "rotas OUT. H&S OUT." at last time's recap
        if dropped is not None:
            return dropped
        words, rest = words_asked_out(text)
        if words and "words_out" in self.flow.replies and any([self._unfilled(w) for w in words]):
            said = self._rule(self._reply("words_out").replace("{words}", " and ".join(f'"{w}"' for w in words)))
            rest = _ASKING.sub(" ", rest)
            rest = LEAD_ON.sub("", re.sub(r"(?i)^(?:for the \w+ time|again|pls|please)[,.]?\s*", "", rest))
            rest = "yes" if rules.words(rest) and MOSTLY_YES.match(rest.strip(" ,.;")) else rest  # "yes lol but ..."
            return [said] + (self._take(rest, ref) if rules.words(rest) else self._reask())  # "... otherwise ok"
        m = _FORGET.search(text)
        if m is None and not self.current.corrects and self.values.get("previous"):
            m = _TAKE_OUT.search(text)  # at the recap: a part of last time's summary taken out
            if m and m.lastgroup in ("o", "e") and self.current.name != self.flow.returning:
                m = None  # "take the sleep bit out. just bikes" at a line asked again: the list said over
        if m is None or "forgot" not in self.flow.replies:
            return None
        named = next((g for g in m.groupdict().values() if g), "").strip()
        named = re.sub(r"(?i)(?:\s+(?:btw|tho|though|lol|pls|please|thanks|too|as well|ok))+$", "", named)  # "... btw"
        thing = HEAD.sub("", named)
        if not rules.words(thing):
            return None
        found = self._taken_out(thing)
        if not found and (m.lastgroup == "e" or (m.lastgroup == "z" and len(rules.words(text[m.end():])) >= 3)):
            # "yes except the move to leeds": not a part of the summary, so what has changed; "ok no actually, forget
            # the freelance thing, it'd be the same campaigns ... it's the research bit i want" (round 57 answered a
            # change of mind with where the transcript is kept): nothing kept to forget, so the reply is heard
            return None
        idea = _IDEA.match(text, m.end())  # "forget the instructor thing, it was a daft idea" (round 41)
        key = "forgot_idea" if found and idea and "forgot_idea" in self.flow.replies else (
            "forgot" if found else "forgot_none")
        said = self._rule(self._reply(key).replace("{words}", play_back(named) or thing))
        if idea and key == "forgot_idea":
            text = text[:idea.start()] + " " + text[idea.end():]
        if found and not self._askable(self.current):  # the question was about what is now gone: on to the next
            return [said] + self._advance(answer="", skipped=True)
        rest = " ".join(re.sub(r"([.!?;,])\s*[.!?;,]+", r"\1", f"{text[:m.start()]} {text[m.end():]}").split())
        rest = LEAD_ON.sub("", rest.strip(" ,;"))
        if found and (m.lastgroup in ("o", "e") or self.current.name == self.flow.returning):  # at the recap: a yes
            # "mostly yes but take the sourdough out, i gave that up"
            rest = _GAVE_UP.sub("", rest).strip(" ,;.")
            rest = "yes" if rules.words(rest) and MOSTLY_YES.match(rest) else rest  # nothing else: asked again
        return [said] + (self._take(rest, ref) if rules.words(rest) else self._reask())

    def _recap_drops(self, text: str, ref: str) -> list[Message] | None:
        """"mostly. rotas STILL in there, bin it. and H&S is dead. the jan cover happened tho" at last time's recap
        (round 62 kept the orders as what had changed, and the parts in the summary): each part asked out leaves
        last time's summary, each part said to be a maybe is marked so, and both are said; the rest is heard as
        the answer (None: nothing of the kind, or one part asked out plainly, which _forgotten hears)."""
        previous = self.values.get("previous")
        if self.current.name != self.flow.returning or not isinstance(previous, dict) or not {
                "taken_out", "marked_maybe"} <= set(self.flow.replies):
            return None
        # "the relatives and students bit is still doubled up" (round 95 took out only the students): each part
        twice = [(s.strip(), once(s.strip())) for s in SENTENCES.split(text) if s.strip()]
        named = [p for _, found in twice for f in found for p in re.split(r"(?i)\s+(?:and|&|\+)\s+", f.part)]
        onces = [p for p in dict.fromkeys([*named, *(f.part for f in read_fixes(text) if f.kind == "once")])
                 if kept_once(previous, p)]
        if onces:  # "fishing is still in there twice ffs" (round 77): once now, said so; the rest heard as usual
            words = " and ".join(f'the second "{p}"' for p in onces)
            # ... and the complaint is not heard again as what has changed (round 95)
            rest = ". ".join(s for s, found in twice if not found and not any(f.kind == "once" for f in read_fixes(s)))
            return [self._rule(self._reply("taken_out").replace("{words}", words))] + (
                self._take(rest, ref) if rules.words(rest) else self._reask())
        parts, maybes, rest = recap_asks(text, previous, self.flow.lexicon)
        plain = _FORGET.search(text) or _TAKE_OUT.search(text)
        if not (parts or maybes) or (not maybes and len(parts) == 1 and plain):
            return None
        for part in parts:
            self._taken_out(part)
        for key, value in previous.items():
            if key in KEYS and isinstance(value, list):
                previous[key] = [f"{i}, maybe" if isinstance(i, str) and any(find_kept(m, {key: i}) for m in maybes)
                                 and not MAYBE.search(i) else i for i in value]

        def said(key: str, found: list[str]) -> list[Message]:
            typed = [m.group(0) if (m := re.search(re.escape(p), text, re.I)) else p for p in found]  # "H&S"
            words = " and ".join(f'"{play_back(p) or p}"' for p in typed)
            return [self._rule(self._reply(key).replace("{words}", words))] if found else []

        rest = "" if _FED_UP.match(rest) else rest  # "for f sake. rotas OUT.": the fixes were all of it
        return said("taken_out", parts) + said("marked_maybe", maybes) + (
            self._take(rest, ref) if rules.words(rest) else self._reask())

    def _taken_out(self, thing: str) -> bool:
        """Take every kept item that mentions ``thing`` out, today's and last time's; was there one?"""
        if thing.lower() in _FILLER:
            return self._unfilled(thing.lower())
        found = False
        # "march job and the 2k arent what drives me" (round 79 also cut "what 2k less does to it" out of the
        # experiment): a thing kept as an item of its own takes only such items out
        whole = self._kept_whole(thing)
        for var in [v for v in self.values if v not in _NOT_WORDS]:
            value = self.values[var]
            if isinstance(value, str) and value and find_kept(thing, {var: value}) and not whole:
                # "partner, so my wife and i can relax": "partner"
                self.words.set(var, _left(value, thing), self.words.refs_at(var))
                found = True
            elif isinstance(value, list):
                for i in reversed(range(len(value))):
                    if isinstance(value[i], str) and self._names_drive(value[i], thing):  # "being the one who decides"
                        self.words.remove(var, i)
                        found = True
                    elif isinstance(value[i], str) and find_kept(thing, {var: value[i]}) and (
                            not whole or is_whole(thing, value[i])):
                        left = _left(value[i], thing)
                        if left:
                            self.words.replace(var, i, left, self.words.refs_at(var, i))
                        else:
                            self.words.remove(var, i)
                        found = True
        previous = self.values.get("previous")
        if isinstance(previous, dict):  # last time's summary, as today starts from it (its transcript is as it was)
            for key, value in list(previous.items()):
                if isinstance(value, str) and find_kept(thing, {key: value}) and not whole:
                    previous[key], found = _left(value, thing), True
                elif isinstance(value, list):
                    kept = [("" if self._names_drive(i, thing) else _left(i, thing)) if isinstance(i, str) and (
                        not whole or is_whole(thing, i)) else i for i in value]
                    found = found or kept != value
                    previous[key] = [i for i in kept if i]
        return found

    def _kept_whole(self, thing: str) -> bool:
        """Is ``thing`` an item of its own in a kept list, today's or last time's?"""
        previous = self.values.get("previous")
        lists = [v for k, v in self.values.items() if k not in _NOT_WORDS] + (
            list(previous.values()) if isinstance(previous, dict) else [])
        return any(is_whole(thing, i) for v in lists if isinstance(v, list) for i in v if isinstance(i, str))

    def _names_drive(self, item: str, thing: str) -> bool:
        """Is ``item`` a drive kept by its name ("authority") that ``thing`` names ("being the one who decides")?"""
        spec = self.flow.lexicon.motivations.get(item)
        return spec is not None and _names(spec, thing.strip())

    def _unfilled(self, filler: str) -> bool:
        """Take the filler word out of every kept item that has it, today's and last time's; was there one?"""
        found = False
        previous = self.values.get("previous")
        places = [(self.values, v) for v in self.values if v not in _NOT_WORDS]
        places += [(previous, k) for k in previous] if isinstance(previous, dict) else []
        for where, key in places:
            value = where[key]
            items = value if isinstance(value, list) else [value]
            kept = [_unfilled(i, filler) if isinstance(i, str) else i for i in items]
            if kept == items:
                continue
            found = True
            if where is previous:
                where[key] = [i for i in kept if i] if isinstance(value, list) else kept[0]
            elif isinstance(value, list):
                for i in reversed(range(len(value))):
                    if kept[i] != value[i]:
                        if kept[i]:
                            self.words.replace(key, i, kept[i], self.words.refs_at(key, i))
                        else:
                            self.words.remove(key, i)
            else:
                self.words.set(key, kept[0], self.words.refs_at(key))
        return found
