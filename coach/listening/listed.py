"""An answer that names several things, said back as a list: every thing, none of the fillers around them.

"sorting rotas, calming down angry customers, and teaching the kids how to do the job properly. they come to
me for everything tbh" was said back as "sorting rotas, calming down angry customers" (round 42: the third
thing, the one that mattered, dropped), and "climbing for sure. bouldering mostly. and comics" as "climbing
for sure, bouldering mostly, comics" (fillers kept). Here each sentence, and each comma of a sentence shaped
like a list, is one thing; fillers at its edges go, and a remark about who asks ("they come to me for
everything") is left out when there are things beside it. One thing found: the usual playback says it.
"""

from __future__ import annotations

import re

from coach.listening.playback import key_phrase, play_back
from coach.listening.pronouns import second_person
from coach.listening.takeback import put_right_in

__all__ = ["SENTENCES", "listed_back", "restated"]

# ("the 0.6 offer": one number, round 67 said "the 0 and 6 offer")
SENTENCES = re.compile(r"(?<!\d)[.!?;]+\s*|(?<=\d)[.!?;]+(?!\d)\s*|\s*\n+\s*")
# Words at the start of a thing that are not the thing: "also", "and", "um", "same like last time,".
_LEAD = re.compile(
    r"(?i)^(?:(?:(?:tho|though|but|and) wait|and|also|plus|oh and|but|so|or else|um+|uh+|er+m?|hmm+|like|well|yeah|yes|"
    r"ok|okay|ah|oh|ha+|"
    r"i guess|i think|i suppose|maybe|probably|honestly|tbh|ngl|idk|obviously|defin?[ai]?tely|deff?o|"
    r"weirdly|oddly|strangely|bizarrely|funnily enough|surprisingly|actually|"  # "and weirdly bayesian stats" (r73)
    r"same(?: as| like)? (?:last time|before)|same (?:stuff|things|as always)|as (?:i said|before)|like i said|now|"
    # "add the shed please" (round 49): the request around the thing, not the thing
    r"(?:please |pls |can you |could you )?(?:add|put in|include|also put)(?= \w)|"
    r"(?:i'?m|im|i am) (?:also |really |quite |pretty |very )?(?:good|great|decent) (?:at|with|to(?= \w+ (?!to\b)))|"
    r"(?:i'?m|im|i am) (?:also )?the one (?:who|that)(?: people ask for)?|"
    # "people say i'm good at getting people to open up" (round 54 left it out as a remark)
    r"(?:people|everyone|they|colleagues|my \w+) (?:say|says|tell me|reckon|think) (?:i'?m|im|i am) (?:good|great) "
    r"(?:at|with)|"
    # "people come to me for displays": the framing of the question, not the thing
    r"(?:people|everyone|everybody|they|folks|the \w+|colleagues)(?: at work| here| on my team| in my team)? "
    r"(?:always |mostly |often )?(?:come|comes|came) to me (?:for|with|about|to)(?: like)?|for(?= \w+ing\b| the\b)|"
    # "tom always gets me to write the pitch story", "and to calm down a client" (round 60)
    r"\w+ (?:always |often |usually |mostly )?(?:gets|asks) me to|to(?= (?:calm|fix|help|sort|write|explain|"
    r"teach|check|run|make|find|talk|train|show|cover|deal|handle|get)\b))[,:]?\s+)+")
# ... and at its end: "for sure", "mostly", "lol", "obviously, just said".
_TAIL = re.compile(
    r"(?i)(?:[,\s]+(?:for sure|mostly|obviously|of course|lol|ha+|haha+|lmao|tbh|ngl|honestly|i guess|i think|"
    r"i suppose|really|too|as well|and stuff|and that|and things|innit|mate|just said|"
    r"(?:like )?(?:constantly|all the time|every (?:single )?day|24/7|non ?stop)|"
    r"i (?:just )?said(?: (?:it|that|this))?(?: (?:last time|before|already))?(?: also| too)?|like i said|"
    r"you know|defin?[ai]?tely|deff?o|anyway|basically|mainly|actually|i reckon|reckon|i'?m afraid|weirdly|"
    r"oddly|funnily enough|100 ?%|100 percent|a hundred percent|"
    r"thank you|thanks|please|pls|plz))+\W*$")
# "i.e." and "e.g." end no sentence: said in words first.
_ABBREVIATED = re.compile(r"(?i)\b(i\.e|e\.g)\.?(?=[\s,]|$)")
_SPELLED = {"i.e": "that is", "e.g": "for example"}
# A remark about who comes or what it is like, said beside the things themselves.
# A clause with its own subject is said about the things, not one of them: "you coach the under 9s", "my kids
# think i'm mad", "i could talk about them all day".
_REMARK = re.compile(
    r"(?i)^(?:they|people|everyone|everybody|nobody|no one|it|its|it'?s|that(?! is\b)|thats|that'?s|this|which|"
    r"both|all of (?:them|it)|all three|the rest|thank you|thanks|"
    # "sorry not very career-y" (round 97 listed it as a thing they love): a remark on the things
    r"(?:sorry,? )?not (?:very |really |exactly |that |so )?(?:career|work|job)[- ]?(?:y|ish|related|relevant)\b|"
    r"(?:god|heaven|lord) help (?:me|us)\b|"  # "and gardening, god help me, my allotment" (round 98)
    r"i|i'?m|im|i'?ve|ive|i'?ll|we|we'?re|you|he|she|"
    r"(?:my|our|the|his|her) \w+ (?:think|thinks|say|says|said|call|calls|tease|teases|used to|love|loves|like|"
    r"likes|enjoy|enjoys|hate|hates)|"
    # ... but "how to organise things better", "how kids learn to read" are things (round 96 dropped both)
    r"why|how(?! to\b)(?! \w+ (?:learn|learns|work|works|think|thinks|grow|grows|read|reads)\b)|what'?s|whats|"
    r"what (?:has|does|is)|because|cos|cause|coz|as long as|since|so that|"
    r"so (?:the|they|i|we|you|it|people)|when|whenever|if|"
    r"who|where|"
    # "is this even useful tho" (round 54 said it back as a thing): a question to the coach
    r"(?:is|are|do|does|did|can|could|would|should|will|was|were) (?:this|that|it|i|you|there|we)\b|"
    # "in meetings people just tell me stuff": where it shows, said beside the things (round 54)
    r"(?:in|at|on|with|when|during) (?:\w+ ){1,3}(?:people|they|everyone|i|you|we)\b|"
    # "new lads come to me when they dont know what theyre doing": who comes, said beside the things
    r"(?:\w+ ){1,2}(?:come|comes|came) to me\b|"
    r"(?!that is\b)(?:\w+ ){1,3}(?:do|does|did|is|are|was|were|has|have|had) (?!\w+ing\b))\b")
# "with dashboards, so the managers understand": what a thing is for, said beside it.
_SO_THAT = re.compile(r"(?i)^(?:so|because|cos|cause|as|since) (?:that )?"
                      r"(?:the|they|i|we|you|it|people|my|our|he|she)\b")
_ONLY_FILLER = re.compile(r"(?i)^(?:both|all|all of them|either|same|that|this|yes|yeah|no|idk|dunno|lol|ha+|haha+|"
                          r"hmm+|um+|(?:tho|though|but|and|oh)? ?wait|"
                          r"lmao|tbh|ngl|cheers|mate|innit|honestly|really|probably|maybe|i guess|i think|obviously|"
                          r"for sure|mostly|everything|anything|all sorts|stuff|loads|"
                          # "..., like constantly" (round 60 said back "So: constantly."): how often, not a thing
                          r"constantly|all the time|always|every day|daily|24/7|non ?stop|a lot|nonstop|"
                          # "same answer. watch leeds", "fishing obviously. said that" (round 73 listed them)
                          # "nothing exciting sorry", "so maybe there?", "same stuff" (round 98 listed them)
                          r"nothing (?:exciting|special|much|fancy)(?: really)?(?:,? sorry)?|(?:so )?(?:maybe )?there|"
                          r"same stuff|same things|same as always|"
                          r"same answer(?: as (?:before|last time))?|(?:i )?(?:said|told you) (?:that|this|it)"
                          r"(?: already| before)?|as i said|like i said)?\W*$")
# "people ask me to debug their sql": who asks, said before the things asked for (round 60 said back only "constantly")
_WHO_ASKS = re.compile(r"(?i)^(?:people|everyone|everybody|colleagues|they|folks|the (?:\w+ ){0,2}\w+s|new \w+s)\s+"
                       r"(?:always |often |usually |mostly |just |still )?(?:ask|come to|rely on|want|need|get)"
                       r" me (?:to |for |about |with |on )?(?=\w)")
# "people come to me when the scanner system goes down lol" (round 63 dropped it from four things): a thing, said whole
_COME_WHEN = re.compile(r"(?i)^(?:people|everyone|everybody|colleagues|folks|the (?:\w+ ){0,2}\w+s)\s+"
                        r"(?:always |often |"
                        r"usually |still )?(?:come to|ring|call|message|grab|shout for) me (?:when|if|whenever)\s+\w")
# A remark after a thing: "but everyone says football", "but thats boring" (round 44).
_BUT_REMARK = re.compile(r"(?i)\s+but\s+(?:everyone|everybody|people|thats|that'?s|its|it'?s|i know|idk|probably|"
                         r"who doesn'?t|doesn'?t everyone)\b.*$")
# A clause after a remark that goes on with the remark's subject: "got a 1970s raleigh", "spent years on it".
_GOES_ON = re.compile(r"(?i)^(?:got|get|have|had|did|do|does|was|been|spent|spend|went|made|took|kept|need|needs|"
                      r"used to|still)\b")
# "like with the football", "like in meetings people just tell me stuff": an example of the thing before, not one
# more thing (round 54 said back "... and with the football").
_LIKE_EXAMPLE = re.compile(r"(?i)^\W*(?:(?:like|e\.g\.?|for example|say) (?:with|when|in|at|how|on|the way|if)|"
                           r"(?:with|when|if) (?:the|my|a|an|they|people|someone|i)\b)")
_DOUBT = re.compile(r"(?i)^(?:not (?:really |totally |100% )?sure|unsure) (?!(?:yet|now)\b)\w")
_MAX_ITEM = 12
_MAX_ALL = 26


def _things(sentence: str) -> list[str]:
    """The things in one sentence, remarks beside them left out: its commas split it into things only when it is
    shaped like a list ("rotas, customers, and the kids"); else what is left is one thing ("my nephews, i could
    talk about them all day": my nephews)."""
    parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?", sentence) if p.strip()]  # ", or X" keeps its "or"
    shaped = len(parts) >= 3 or (len(parts) == 2 and re.search(r",\s*(?:and|or)\s", sentence) is not None)
    kept = [p for i, p in enumerate(parts) if not _aside(parts, i)] if len(parts) > 1 else parts
    # "people come to me when problem with schedule, or when two guys fight" (round 97 said back "or when two guys
    # fight"): the other time they come, one thing with the first
    for i in range(len(kept) - 1, 0, -1):
        if _COME_WHEN.match(_bare(kept[i - 1])) and re.match(r"(?i)\W*or (?:when|if|whenever)\b", kept[i]):
            kept[i - 1:i + 1] = [f"{kept[i - 1]}, {kept[i].strip()}"]
    if len(kept) < len(parts) and _REMARK.match(_bare(parts[0])):
        # "i do them up in the shed, got a 1970s raleigh on the go" (round 49): the remark's own subject goes on
        kept = [p for p in kept if not _GOES_ON.match(_bare(p))]
    if shaped and all(len(p.split()) <= _MAX_ITEM + 3 for p in kept):
        return kept
    if kept and all(re.match(r"(?i)\W*not\b", p) for p in kept):
        return [sentence]  # "i want to look after people, not to fill in forms": the contrast is no thing alone
    return [", ".join(kept)] if kept else []


def _aside(parts: list[str], i: int) -> bool:
    """Is ``parts[i]`` said beside the things: a remark, a "so that", or a name going on with the remark before it
    ("many are from Ukraine, Poland": round 97 said back "Poland" as a thing they are good at)?"""
    part = parts[i]
    if _COME_WHEN.match(_bare(part)):
        return False
    if _REMARK.match(_bare(part)) or _SO_THAT.match(part.strip()):
        return True
    return i > 0 and _aside(parts, i - 1) and re.fullmatch(  # "i train new people, fast": how, said of the remark
        r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)?|(?i:(?:very |really |so )?(?:fast|quick|quickly|well|easily|calm|calmly))",
        part.strip()) is not None


# "but writing emails in english, no, that is my weak" (round 98 listed it among what people come to them for)
_WEAKNESS = re.compile(r"(?i)\b(?:is|'s|s|are) (?:my|a|the) weak(?:ness|nesses|est| point| spot| side)?\b|"
                       r"\bnot (?:my|a) (?:strength|strong point)\b")


def _bare(thing: str) -> str:
    """The thing without fillers at its edges; "or um maybe a cooking class" keeps its "or"."""
    alt = re.match(r"(?i)(or|either)\s+", thing.strip(" ,-"))
    rest = thing.strip(" ,-")[alt.end():] if alt else thing
    rest = _BUT_REMARK.sub("", rest.strip(" ,-"))  # "football i guess but everyone says football": football
    rest = _TAIL.sub("", _LEAD.sub("", rest)).strip(" ,-")
    rest = re.sub(r"(?i)^at (?=\w+ing\b)", "", _LEAD.sub("", rest).strip(" ,-"))  # "and at spotting X": spotting X
    return f"{alt.group(1)} {rest}" if alt and rest else rest


def listed_back(answer: str, max_words: int = 12) -> str:
    """Every thing an answer names, in the second person, joined as a list; else the usual playback (``max_words``
    long at most)."""
    spelled = _ABBREVIATED.sub(lambda m: _SPELLED[m.group(1).lower()], answer or "")
    things = _named(spelled)
    asked = _named(spelled, who_asks=True)  # "people ask me to fix their excel stuff. and debugging": both (round 67)
    things = asked if len(things) <= 1 and len(asked) > len(things) else things
    if len(things) == 1 and len(things[0].split()) <= _MAX_ITEM:
        return play_back(things[0], max_words)  # "ha, my kids": your kids
    if len(things) < 2:
        return play_back(answer, max_words)
    return _joined(things, answer, max_words)


def _named(spelled: str, who_asks: bool = False) -> list[str]:
    """The things named, sentence by sentence; ``who_asks``: "people ask me to X" names X (else it is a remark
    beside the things, and only said back when nothing else is named: round 60 said back "So: constantly.")."""
    things: list[str] = []
    for sentence in SENTENCES.split(spelled):
        if _WEAKNESS.search(sentence):
            continue
        sentence = _WHO_ASKS.sub("", sentence.strip()) if who_asks else sentence
        # "... wait no not most, like half" (round 54 said back "So: not most, like half"): put right in the thing
        # before if it is there; never a thing of its own
        swapped = put_right_in(things[-1] if things else "", sentence)
        if swapped is not None:
            things[-1:] = [swapped or things[-1]] if things else []
            continue
        for thing in _things(sentence.strip()):
            if _LIKE_EXAMPLE.match(thing) and things:
                continue
            bare = _bare(thing)
            if not bare or _ONLY_FILLER.match(bare):
                continue
            if _REMARK.match(bare) and not _COME_WHEN.match(bare):
                continue
            # "bikes and the shed. add the shed please": a thing named twice is said once (round 49)
            if any(re.search(rf"(?i)\b{re.escape(bare)}\b", t) for t in things):
                continue
            things.append(bare)
    return things


def _joined(things: list[str], answer: str, max_words: int) -> str:
    """The things said back as one list, in the second person (the usual playback when fewer than two fit)."""
    said: list[str] = []
    # "... explaining why brands work. not sure the agency needs that from me" (round 60 said "and the agency needs
    # that from you"): a doubt about the things, said after them, never one more thing
    doubt = next((t for t in things[1:] if _DOUBT.match(t)), "")
    things = [t for t in things if t != doubt]
    for thing in things:
        short = thing if len(thing.split()) <= _MAX_ITEM else key_phrase(thing, _MAX_ITEM)
        if not short or sum(len(s.split()) for s in said) + len(short.split()) > _MAX_ALL:
            break
        said.append(second_person(short, answer))
    if len(said) < 2 and not (said and doubt):
        return play_back(answer, max_words)
    aside = f" (though you're {second_person(doubt)})" if doubt and len(doubt.split()) <= _MAX_ITEM else ""
    if len(said) < 2:
        return said[0] + aside
    if any("," in t or re.search(r"(?i)\b(?:and|then)\b", t) for t in said[:-1]):
        return "; ".join(said) + aside  # "sleep in, then cook something big and have people over; a kickabout first"
    head, last = said[:-1], said[-1]
    joiner = " " if re.match(r"(?i)(?:or|and|but)\b", last) else " and "
    return ", ".join(head) + ("," if joiner == " " else "") + joiner + last + aside


# "just bikes and the shed", "the bikes and the shed yes", "bikes AND the shed": a list said over, whole.
_RESTATED = re.compile(r"(?i)^\W*(?:(?:just|only|it'?s|its|it is|still|now|so|ok|okay|yes|yeah|yep|ya|no|nope)[,.!]?"
                       r"\s+)*(?P<x>[\w' -]+?(?:\s*(?:,|&|\+|\band\b)\s*[\w' -]+?)+?)"
                       r"(?:[,.!]?\s+(?:yes|yeah|yep|ya|please|pls|too|still|now|thanks|mate))*\W*$")
_NOT_AN_ITEM = re.compile(r"(?i)^(?:i|i'?m|im|i'?ve|ive|you|u|it|its|it'?s|that|thats|that'?s|this|they|we|he|she|"
                          r"there|what|how|yeah|yes|yep|ya|ok|okay|true|still|people|everyone|"
                          r"why|when|where|not|never|no|add|put|take|remove|write|change|fix|please|pls|can|could|do|"
                          r"did|is|are|was|the same|same|both|all|everything|nothing)\b")
_SMALL = frozenset({"the", "a", "an", "my", "and", "of", "to", "in", "on", "for", "with", "just", "only", "stuff",
                    "things", "bit", "bits"})


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z']+", text.lower()) if len(w) > 2 and w not in _SMALL}


def restated(answer: str, before: list[str], least: int = 2) -> str:
    """The list a mentee says over whole at "is that still true?" ("take the sleep bit out. just bikes and the
    shed", round 49), as typed; "" when no sentence of ``answer`` is such a list, when it names nothing said last
    time (``before``) and starts with no "just", when it says last time's words again, or names fewer than
    ``least`` things."""
    old = set().union(*(_words(b) for b in before)) if before else set()
    for sentence in SENTENCES.split(answer or ""):
        m = _RESTATED.match(sentence.strip())
        if m is None or re.match(r"(?i)\W*(?:plus|and|also|add|as well as)\b", m["x"]):
            continue  # "plus crime novels and mashiko pottery": more, not instead (round 51)
        items = [i.strip() for i in re.split(r"(?i)\s*(?:,|&|\+|\band\b)\s*", m["x"]) if i.strip()]
        most = 9 if len(items) >= 3 else 4  # "patience, explaining things simply, spotting what's stuck with reading"
        if len(items) < least or any(len(i.split()) > most or _NOT_AN_ITEM.match(i) for i in items):
            continue
        named = set().union(*(_words(i) for i in items))
        just = re.match(r"(?i)^\W*(?:just|only)\b", sentence.strip()) is not None
        if (named & old or just) and named != old:
            return " ".join(m["x"].split()).lower() if m["x"].isupper() or re.search(r"\b[A-Z]{3,}\b", m["x"]) \
                else " ".join(m["x"].split())
    return ""
