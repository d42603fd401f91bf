"""The corrected thought in a correction: "it's more about X" -> X, "not X, Y" -> Y."""

from __future__ import annotations

import re

from coach.listening.pronouns import own_voice
from coach.listening.text import Piece, Reply, bare, words

THE_POINT = re.compile(r"(?i)\b(?:the (?:real |actual |whole )?point is|what i mean is|what i meant was|"
                       r"what matters is|it'?s really about|what i (?:really |actually )?want is|"
                       r"the important (?:thing|bit) is|(?:is|was) the (?:real |whole |main )?point\s*[:\u2014-])\s*")


def corrected(r: Reply, core: Piece, m: re.Match[str]) -> str | None:
    """The corrected thought: from the rule's ``x`` mark, else after a marker, else the piece; a part named as
    such is its words ("its mostly the being useful bit": being useful)."""
    thought = _corrected(r, core, m)
    return _NAMED_PART.sub(r"\g<x>", thought) if thought else thought


# "the being useful bit", "being useful bit": the words the part is named by (not "my part", "doing my part").
_NAMED_PART = re.compile(r"(?i)^(?:the |that )?(?P<x>(?!(?:my|our|your|his|her|their|a|an)\b)[\w' ]{2,40}?) "
                         r"(?:bit|part|side)$")


def _corrected(r: Reply, core: Piece, m: re.Match[str]) -> str | None:
    point = THE_POINT.search(r.low, core.start, core.end)
    if point:  # "thats not the point, forget my sister, the point is the commis thing": the commis thing
        return own_voice(bare(r.text[point.end():core.end])) or None
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    if "xnone" in groups:  # "scratch the freedom part": what it becomes comes next
        return None
    marks = [m.start(k) for k in groups if k.startswith("x")]
    rest = r.low[core.start + m.end():core.end]
    if re.search(r"\b(?:less|not)\b", m.group(0)):
        # "less about fame, more about X" / "less about fame, I want X": what follows is the thought.
        more = re.search(r"\bmore (?:about|like|that|of)\s+", rest)
        if more:
            return bare(r.text[core.start + m.end() + more.end():core.end]) or None
        ends_more = re.search(r"\bmore$", m.group(0)) and re.match(r"\s*(?:about|like|that|of)?\s*", rest)
        if ends_more and len(words(rest)) >= 4:  # "less about being tired and more | about wanting my X to count"
            return bare(r.text[core.start + m.end() + ends_more.end():core.end]) or None
        return contrasted(r, core)
    if marks:
        start = core.start + marks[0]
    elif re.search(r"(?:like|about|that|differently|meant|with|:)\s*$", m.group(0)) and words(rest):
        start = core.start + m.end()
    elif m.start() == 0 and len(words(rest)) < 2:  # the marker alone: the thought follows
        return None
    else:
        start = core.start
    thought = own_voice(bare(r.text[start:core.end]))
    if re.search(r"\b(?:more|rather)\b", m.group(0)):
        # "more about being trusted than useful": being trusted, not what it is more than
        # ("decide things rather than just deliver them" keeps its contrast: it says what the thought is)
        thought = re.sub(r"(?i)(?<!\brather)\s+than\s+.*$", "", thought)
    return thought or None


def contrasted(r: Reply, core: Piece) -> str | None:
    """The kept side of a contrast: "not X, Y" keeps Y; "X, not Y" keeps X; "less X, more Y" is kept whole."""
    low = r.low[core.start:core.end]
    both = re.search(r"\bless\b.*?\bmore\b\s*(?:about |like |that |of )?", low)
    if both and len(words(low[both.end():])) >= 3:  # "less about being tired and more about wanting X to count"
        return bare(r.text[core.start + both.end():core.end]) or None
    if both:  # "it's less the puzzles, more the people" says itself whole
        return bare(r.text[core.start:core.end]) or None
    # "not X, Y"; "it's not about X, it's Y"; "underneath is not X, it's Y"
    lead = re.match(r"(?:actually,?\s+)?(?:(?:it'?s|it is|that'?s|that is|(?:[\w']+ ){1,2}(?:is|was))\s+)?"
                    r"not\b[^,]*,\s*(?:(?:but|i think|i'd say|it's|its|it is|it was|more|rather|just)\s+)*", low)
    if lead:
        return bare(r.text[core.start + lead.end():core.end]) or None
    tail = re.search(r",\s*not\b", low)
    if tail:
        head = re.match(r"(?:it's|its|it is|that's|it was)\s+(?:(?:really|more|actually|mostly|just|about)\s+)*", low)
        return bare(r.text[core.start + (head.end() if head else 0):core.start + tail.start()]) or None
    return None


# What was meant, said after being misheard: "the point is X", "what I said was X", "X is the thing",
# "X is what I meant", "X. That is what matters", "X. That is the answer", "X. thats the goal".
_SAID_WAS = re.compile(r"(?i)^(?:but |so |no,? )?(?:(?:the )?point is|what i (?:said|wrote|meant|mean) (?:was|is)|"
                       r"i (?:said|meant|mean)|(?:the|my) goals?(?: (?:is|are|was|were))?:?)\s+")
# "let's go with the first goal: X", "one sentence: X", "the content: X": a label, then what was meant.
_LABELLED = re.compile(r"(?i)^(?P<label>(?:[\w']+ ){0,7}[\w']+)\s*:\s+(?P<x>\w.+)$")
_IS_THE_THING = re.compile(r"(?i)^(?P<x>.+?)\s+(?:is|was|are) (?:the (?:thing|point|answer|goal|main thing|real thing)|"
                           r"what (?:i (?:meant|mean|said|want)|matters|counts))\b[.!]*$")
_POINTS_BACK = re.compile(r"(?i)^(?:that'?s|that is|this is|thats|it'?s|its|it is) (?:the (?:thing|point|answer|goal|"
                          r"main thing)|what (?:i (?:meant|mean|said|want)|matters|counts)|all|it)"
                          r"(?: that matters)?[.!]*$")
_SENT = re.compile(r"(?<=[.!?;])\s+")
# Said about the mishearing, not what was meant: "I said that about your framing", "it is not important
# to me", "ignore the first sentence", "he is just retired".
_REMARK = re.compile(r"(?i)^(?:i (?:said|meant|wrote) (?:that|it|this) (?:about|for|because|to)|(?:it|that|this) "
                     r"(?:is|was)(?:n'?t| not)\b|(?:ignore|forget|never ?mind|scratch|skip) |he |she |they |"
                     r"(?:i|you) (?:already )?(?:said|told)(?: you)? (?:it|that|this)\b|"
                     r".* what i (?:don'?t|do not|never|didn'?t) |it was (?:just )?me (?:saying|correcting|sighing|"
                     r"joking|being)|nothing(?:'s| is)? (?:underneath|under|below|deeper)|(?:you'?ve|you have) )")


def meant_after(text: str) -> str:
    """What a mentee says they meant, in the words after saying they were misheard ("" if it cannot be told).

    "Respect is the thing. Being respected in family" -> Respect; "RESPECT. That is what matters" ->
    RESPECT; "I said that about X. What I said was Y" -> Y; otherwise the first sentence that is no remark."""
    sentences = [s.strip() for s in _SENT.split(text.strip()) if s.strip(" .!?;,")]
    for i, sentence in enumerate(sentences):
        if _POINTS_BACK.match(sentence):
            if i:
                return bare(sentences[i - 1])
            continue
        said = _SAID_WAS.match(sentence) or THE_POINT.search(sentence)
        if said and words(sentence[said.end():]) and not _REMARK.match(sentence):
            return bare(sentence[said.end():])
        labelled = _LABELLED.match(sentence)
        if labelled and not _REMARK.match(sentence):
            return bare(labelled.group("x"))
        thing = _IS_THE_THING.match(sentence)
        if thing:
            return bare(thing.group("x"))
    plain = [s for s in sentences if not _REMARK.match(s)]  # the first thing said that is no remark
    return bare(plain[0]) if plain else ""

