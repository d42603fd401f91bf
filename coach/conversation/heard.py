"""What a reading heard: the content of a reply, and the thought a correction puts in place."""

from __future__ import annotations

import itertools
import re

from coach.listening import rules
from coach.listening.corrected import THE_POINT, meant_after
from coach.listening.edits import Edit
from coach.listening.fixes import is_remark
from coach.listening.reading import Reading
from coach.listening.takeback import TAKE_BACK_ONLY, put_right_in, word_put_right

# "one sentence: X", "in a sentence - X": the label a mentee puts before the answer asked for.
_LABEL = re.compile(r"(?i)^(?:ok(?:ay)?,? |anyway,? |so,? )?(?:(?:in )?(?:one|a) (?:plain |simple )?sentence|"
                    r"(?:my |the |a |one )?(?:small |next )?(?:step|experiment)|"  # "anyway, step: ask X" (round 62)
                    # "same sentence as before, useful without wrecking my body" (round 60 kept the label)
                    r"(?:the )?same (?:sentence|answer|thing|one|as) (?:as )?(?:before|last time|i said|earlier))"
                    r"[:.,-]\s+")


def said_content(reading: Reading) -> str:
    """What the reply says, in the mentee's words, fillers and asides left out (no full stop added)."""
    parts = reading.pieces
    if len(parts) > 1:  # "you didn't add the Priya part. one sentence: X": the remarks are not what was said
        parts = [p for p in parts if not is_remark(p)] or parts
    parts = [_LABEL.sub("", p) or p for p in parts]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return ". ".join(p.rstrip(".!?;, ") for p in parts)

# What was not meant ("it's not about the analyst job"): the thought that follows is the correction.
_DENIED = re.compile(r"^(?:(?:it's |its |it is |that's |thats |it was )?(?:not|never) (?:about |really |just |the )?|"
                     r"(?:i think )?(?:you'?ve|you have|you|i'?ve|i have) "
                     r"(?:mis(?:understood|heard|read)|got (?:it|that|me) wrong)\W*$)", re.I)
# "the research part, not sr designer": what it is not stays out of the corrected words.
_NOT_THAT = re.compile(r"[.,;]\s*not (?:the |a |an )?[^.,;]*[.!]?$", re.I)
# "you missed what motivates me": a pointer at what was left out, not the words themselves.
_MISSED = re.compile(r"(?i)^(?:you |u )?(?:missed|forgot|left out|skipped|didn't (?:say|mention|include))"
                     r"(?: out)?(?: (?:what|the part|the bit|that)\b[^:]*$|\s+)")
# "no wait, make it a design review": the new words, not the instruction around them.
# "i DONT want toms job, i said jess's" (round 61 kept the first half): what was said, after what is not wanted
_SAID_NOT_THIS = re.compile(r"(?i)^i (?:dont|don'?t|do not) want [^.,;]{1,40}[,;]\s*(?:i said|i meant|its|it was) ")
_MAKE_IT = re.compile(r"(?i)^(?:(?:i want to|i'd like to|i would like to|please|let'?s|lets|can we|could we|can you|"
                      r"could you|pls)\s+)*(?:make (?:it|that)|change (?:it |that |this )?to|say|call it|put)\s+"
                      # "I think it should be: revenue manager"
                      r"|^(?:i think |i guess |so )?(?:it|that) should (?:be|say|read)\s*:?\s+")
_ABOUT = re.compile(r"^(?:but )?(?:it's |its |it is |it was )(?:really |actually |more |much more )?(?:about )?", re.I)


# A marker that points at the coach's words ("the last bit: X"), not at the mentee's own first go.
_AT_THE_COACH = re.compile(r"(?i)^the (?:last|first|second|middle|other) (?:part|bit)\b|.*\b(?:you|u)\b")


def only_felt(reading: Reading, words: str) -> bool:
    """Are ``words`` (one more thing, read off the reply) what a feeling or aside in it said, not an answer? "and
    some days i cant be arsed with any of it tbh" is how they feel, never one more drive (round 47)."""
    felt = {w for a in reading.acts if a.kind in ("feeling", "filler") for w in rules.words(a.text.lower())}
    said = set(rules.words(words.lower()))
    return len(said) > 2 and len(said - felt) <= 1


def repaired_own(reading: Reading, correction: str) -> str:
    """"being trusted. no wait, being trusted with the hard calls": the mentee put their own first go
    right in the same reply, so the answer is what it became, not a correction of the coach ("" if not so).

    A short repair of the same kind as the first go's last words takes their place ("run the class
    once. no wait, twice": run the class twice; "lead the platform team. no wait, the data team")."""
    acts = [a for a in reading.acts if a.kind != "filler"]
    for before, act in itertools.pairwise(acts):
        if act.kind == "correction" and act.rule == "open.correction" and before.kind == "content" \
                and not _AT_THE_COACH.match(act.text):
            if about_the_goal(reading.reply):
                return ""
            old, new = (before.content or before.text).strip(" .!").split(), correction.strip(" .!").split()
            kind = next((k for k in _KINDS if k.match(new[0])), None) if new else None
            short = kind and len(new) <= 3 and len(old) >= len(new) + 3 and kind.match(old[-len(new)])
            # "... boss the new lot. wait no not boss, show them how": a word put right (round 63)
            return " ".join(old[:-len(new)] + new) if short else word_put_right(" ".join(old), correction) or correction
    return ""


# Words whose kind says a short repair stands for the same words of the first go: a determiner
# ("the data team" for "the platform team"), how often or how much ("twice" for "once").
_KINDS = (re.compile(r"(?i)^(?:the|a|an|my|our|his|her|their)$"),
          re.compile(r"(?i)^(?:once|twice|\d+|one|two|three|four|five|six|ten|every|each|daily|weekly|monthly)$"))


_WRITE = re.compile(r"(?i)(?:^|[.!?]\s+)(?:(?:kindly|please|just)\s+)*(?:write|put|note)(?: it)?(?: down)?"
                    r"\s*:\s*(?P<x>\w.+)$")


# A part said to be beside the point, then what the point is (round 24): "No no, retiring isn't the important
# bit, goodness. What I want is the tutoring", "company is not important. important is to be developer".
_NOT_THE_POINT = re.compile(
    r"(?i)^(?:(?:no|nah|oh|well|sorry)[,.!]*\s+)*(?:the )?(?P<x>[\w' ]{1,40}?) "
    r"(?:is ?n'?t|is not|isnt|'s not|are ?n'?t|are not) (?:really |so |that )?(?:the )?"
    r"(?:important|the point|what matters|the main (?:thing|bit|point)|the important (?:bit|part|thing))"
    r"(?: (?:bit|part|thing))?\b[^.!?]*[.!?]+\s*"
    # "... the second one is bigger. i'd just like to be taken seriously" (round 37): the pointer, then the thing
    r"(?:(?:the )?(?:first|second|other|last|1st|2nd) (?:one|bit|thing|part|reason) (?:is|was|'s) (?:bigger|"
    r"more important|the (?:main|big|bigger|real) (?:one|thing)|what matters)[.!?]*\s+)?"
    r"(?:(?:what i (?:really )?want is|"
    r"what matters is|what (?:really )?matters (?:to me )?is|(?:the |what'?s )?important (?:bit |thing |part )?is|"
    r"it'?s|its|i want|i'?d like)\s+)?(?P<y>\w[^.!?]+)")


def _word_put_right(reading: Reading, parts: list[str]) -> str:
    """"i write most of our emails. wait no not most, like half" (round 54 kept "not most, like half"): what was said
    before, with the word put right ("" if that is not what the correction does)."""
    if len(parts) != 1:
        return ""
    at = next(i for i, a in enumerate(reading.acts) if a.kind == "correction")
    said = ". ".join((a.content or a.text).strip(" .") for a in reading.acts[:at] if a.kind == "content")
    return put_right_in(said, parts[0]) or word_put_right(said, parts[0])


def corrected_to(reading: Reading) -> str:
    """The corrected thought ("no, it's more about X" -> X), as said ("" if none was given).

    "It's not about X. It's about Y" corrects to Y: a denial alone names what was wrong."""
    beside = _NOT_THE_POINT.match(" ".join(reading.reply.split()))
    if beside:  # "retiring isn't the important bit, goodness. What I want is the tutoring": the tutoring
        return beside.group("y").strip(" .!")
    misheard = [a for a in reading.acts if a.rule == "correction.misheard"]
    if misheard:  # "you did not understand me. Respect is the thing": what is said after it
        last = misheard[-1].text
        told = reading.reply[reading.reply.find(last) + len(last):].lstrip(" .,!?;:-")
        return meant_after(re.sub(r"(?i)^(?:mate|man|dude|pal|bro|love|hun|lol|tbh)\b[.,!]*\s*", "", told))
    dictated = _WRITE.search(reading.reply)
    if dictated:  # "I give up on the ladder. Write: I want what I have already done to count."
        return dictated.group("x").strip(" .!")
    if reading.has_rule("correction.meant"):  # "the solar thing is what i meant", "X. thats the goal"
        return meant_after(reading.reply)
    pointed = [a for a in reading.acts if a.kind in ("correction", "content") and THE_POINT.search(a.text)]
    if pointed and reading.has("correction"):  # "you skipped the new bit. The new bit is the point: X": X
        text = pointed[0].text
        return text[THE_POINT.search(text).end():].strip(" .!")  # type: ignore[union-attr]
    parts = [a.content.strip() for a in reading.acts if a.kind == "correction" and a.content and a.content.strip()]
    # "pick one lol. no wait dont" (round 29): "don't" takes back what was asked, and puts nothing in its place
    parts = [p for p in parts if not _TAKES_BACK_ONLY.match(p)]
    if len(parts) == 1 and _POINTED.match(parts[0]):  # "wait no actually the blood thing. maybe dog grooming"
        at = next(i for i, a in enumerate(reading.acts) if a.kind == "correction")
        later = [(a.content or a.text).strip() for a in reading.acts[at + 1:] if a.kind == "content"]
        if later:
            return later[0]
    if len(parts) == 1 and _DIFFERENT.match(parts[0]):  # "no. enough to not panic. thats different": what is
        return next(a.text for a in reading.acts if a.kind == "correction")
    swapped = _word_put_right(reading, parts)  # "... two days a week. wait no, not two days, maybe one": one
    if swapped:
        return swapped
    if len(parts) == 1 and _DENIED.match(parts[0]):
        after = [a for a in reading.acts[reading.acts.index(next(a for a in reading.acts if a.kind == "correction")):]
                 if a.kind == "content" and (a.content or a.text).strip()]
        if after:
            said = _ABOUT.sub("", (after[0].content or after[0].text).strip())
            point = THE_POINT.search(said)
            return said[point.end():] if point else said
    if len(parts) == 1 and _ADDED_TOO.search(parts[0]):
        # "X. and maybe Y... wait no, i'd still want Z too" (round 50 kept only Z): one more, beside what was said
        before = [(a.content or a.text).strip(" .") for a in reading.acts[:next(
            i for i, a in enumerate(reading.acts) if a.kind == "correction")] if a.kind == "content"]
        if before:
            return ". ".join([*before, parts[0]])
    parts = [_MISSED.sub("", p) for p in parts]
    if parts and not any(parts):  # "you missed what motivates me: growth": what follows the colon
        rest = [(a.content or a.text).strip() for a in reading.acts if a.kind == "content"]
        parts = rest[:1]
    said = ". ".join(p.rstrip(".!?;, ") for p in parts) if len(parts) > 1 else (parts[0] if parts else "")
    said = _MAKE_IT.sub("", _SAID_NOT_THIS.sub("", said)) or said  # "no wait, make it a design review": the review
    point = THE_POINT.search(said)
    said = said[point.end():] if point else said  # "forget my sister, the point is the commis thing"
    kept = _NOT_THAT.sub("", said).strip()
    kept = _NOT_QUITE_IT.sub("", kept).strip() or kept  # "the responsible bit isnt quite it. i want X": X
    return kept if kept and not _DENIED.match(said) else said


_ADDED_TOO = re.compile(r"(?i)^(?:(?:i'?d|id|i would|i) (?:still |also )?(?:want|like|love|need)\b[^.!?]{0,60}?"
                        r"\b(?:too|as well|also)\b|(?:and |but )?also\b)")
_TAKES_BACK_ONLY = re.compile(rf"(?i)^\W*{TAKE_BACK_ONLY}\W*$")
# A thing pointed at, not said, as what a correction puts in (round 23): "the blood thing".
_POINTED = re.compile(r"(?i)^(?:the|that|this) [\w' ]{1,20} (?:thing|bit|stuff)\W*$")
# Said after the word of one's own: "thats different" points back at it (round 21).
_DIFFERENT = re.compile(r"(?i)^(?:that'?s|thats|that is|it'?s|its) (?:(?:a bit|quite|very|totally|completely) )?"
                        r"(?:different|not the same(?: thing)?|another thing|something else)\W*$")
# A part said not to fit, before what does: "the responsible bit isnt quite it." (round 19 kept it as a reason)
_NOT_QUITE_IT = re.compile(r"(?i)^(?:but |and )?(?:the |that |this )?[\w' ]{1,30} (?:bit|part|thing|one|word) "
                           r"(?:is ?n'?t|is not|isnt|'s not|doesn'?t fit)(?: (?:quite|really|exactly))?"
                           r"(?: (?:it|right|true|the word))?[.!,;]\s+")

_WANT_IS = r"(?:the (?:thing|job|role) |what )i (?:really |actually )?want(?: to do| to be)?"  # "what i want is X"
_GOAL_IS = re.compile(
    rf"(?i)\b(?:(?:the |my |actual |real |new )*goal(?: part| bit)?|{_WANT_IS}(?= is| would be))"
    r"(?:,? (?:precisely|exactly|really|then|to be precise))?"
    r"(?:\s*[:=]| (?:is|would be|was|now is|is now))\s*"
    r"(?:more like|really|actually|to)?"
    r"[\s.]*(?P<goal>[^.!?]+)"
    # "revenue management is the goal", said the other way round.
    r"|(?:^|[.!?]\s+)(?:but |and |no,? )?(?!(?:what|which|who|how|where|when|why)\b)(?P<before>[^.!?]{2,60}?) "
    r"(?:is|was|would be) (?:the|my) "
    r"(?:real |actual |main )?goal\b"
    # "wait actually no, i think art director first, THEN the studio. thats the real goal" (round 25)
    r"|(?:^|[.!?,]\s+)(?:(?:wait|actually|no|ok|so|hmm)[,.]?\s+)*(?:i think |i guess |maybe )?(?P<prior>[^.!?]{2,80})"
    r"[.!?]\s+(?:that'?s|thats|this is|that is|its|it'?s) (?:the|my) (?:real |actual |main |new )?goal\b")
# A reason given in the same breath as the goal: "... is the goal. its important cause i like numbers".
_REASON = re.compile(r"(?i)\b(?:because|cause|cos|'cause|bc)\b\s*(?P<why>[^.!?]+)")
_BECAUSE = re.compile(r"(?i)\s+'?(?:because|cause|cos|bc)\b")


def goal_named(reply: str) -> str:
    """The goal a mentee names while putting the coach right: "the goal is safety coordinator"."""
    m = _GOAL_IS.search(reply)
    if not m:
        return ""
    goal = without_reason(m.group("goal") or m.group("before") or m.group("prior"))
    goal = re.sub(r"(?i)^(?:(?:actually|ok|so|and)[,]?\s+)*you know what[,.!]?\s+", "", goal) or goal  # round 35
    # "SEN support not teaching": what it is not goes; "kids and science but not burning out" stays whole
    return re.sub(r"(?i)(?<!\bbut)(?<!\band),?\s+not (?:the |a |an )?[\w' ]{2,30}$", "", goal) or goal


def without_reason(goal: str) -> str:
    """A goal without the reason said with it ("DPO because rules protect people" -> "DPO")."""
    return _BECAUSE.split(goal, maxsplit=1)[0].strip(" ,")


def reason_given(reply: str, after: str) -> str:
    """The reason said after ``after`` in the reply ("... cause i like numbers" -> "i like numbers"), or ""."""
    at = reply.lower().find(after.lower())
    m = _REASON.search(reply, at + len(after) if at >= 0 else 0)
    return m.group("why").strip(" ,") if m else ""


_ABOUT_GOAL = re.compile(r"(?i)\b(?:(?:my|the|a) goal|goal (?:part|bit|is)|(?:that's|thats|that is|it's|its) "
                         r"(?:just )?my (?:current )?(?:job|role)|current (?:job|role)|where i'?m heading|"
                         rf"{_WANT_IS} is)\b")

# The goal said again, not a reason for it: "what I said was X", "i meant X".
_RESTATED = re.compile(r"(?i)\b(?:i (?:meant|mean|said|wrote|typed)|what i (?:said|meant|wrote) (?:was|is)|"
                       r"not what i said|misheard|misunderstood|(?:the|my) goal)\b")
_FELT_REASON = re.compile(r"(?i)^(?:i'?m|im|i am|i feel|i felt|i like|i love|i enjoy|i hate|i'?ve been|ive been) ")


def first_reason(reading: Reading, correction: str) -> bool:
    """At the first why, is a "correction" the first reason ("its more that i'm tired of 12 hour shifts"), not the goal
    said again ("what I said was X")?"""
    return bool(_FELT_REASON.match(correction or "")) and not _RESTATED.search(reading.reply) and \
        not about_the_goal(reading.reply)


def about_the_goal(reply: str) -> bool:
    """Does the reply talk about the goal itself ("that's my current job, not my goal")?"""
    return _ABOUT_GOAL.search(reply) is not None


# "the start is wrong, its not teacher, its X": the head of a playback (the goal) put right whole.
_START_WRONG = re.compile(r"(?i)\b(?:the )?(?:start|beginning|first (?:part|bit|line|thing))(?:'s| is| was)? "
                          r"(?:wrong|off|not right|not it|not quite right)\b[.,;:!]*\s*")


def start_fixed(reading: Reading) -> str:
    """What the start of a playback should say, when the mentee says the start is wrong ("" if not)."""
    if not _START_WRONG.search(reading.reply):
        return ""
    said = _START_WRONG.sub("", corrected_to(reading)).strip(" .,")
    said = _ABOUT.sub("", said).strip(" .,")
    return "" if not said or _DENIED.match(said) else said


_AT_BOTTOM = re.compile(r"(?i)\b(?:that'?s|thats|that is|it'?s|its) (?:kind of |probably |about |really |i think )?"
                        r"the (?:real |actual |true )?bottom(?: of it)?(?: i think| i guess)?\W*(?:like )?")
# A question a yes cannot answer ("What drives all this for you?"), and a bare yes.
_BARE_YES = re.compile(r"(?i)^\W*(?:(?:ok|okay|thanks|thank you|cool|great)\W+)*"  # "ok thank you. Yes"
                       r"(?:yes|yeah|yep|yup|ye|ya|yea|correct|exactly|right|spot on|that'?s (?:it|right))\b")
# The question's last sentence ("Picture yourself ... now. What would you like to be doing?")
_OPEN_QUESTION = re.compile(r"(?i)(?:^|[.!?]\s+)\W*(?:what|where|whose|which|who|how|why)\b(?! about you\b)[^.!?]*\?")


def without_bottom(text: str) -> str:
    """"thats kind of the bottom of it? like respect": the reason, without saying it is the last one."""
    return _AT_BOTTOM.sub("", text).strip(" ,;") if _AT_BOTTOM.search(text) else text


def yes_to_open(reply: str, asked: str | None) -> bool:
    """A bare "yes thats it" said to a question a yes cannot answer (the read-back before it was meant)."""
    return _BARE_YES.match(reply) is not None and _OPEN_QUESTION.search(asked or "") is not None


def without_edits(content: str, edits: list[Edit]) -> str:
    """An answer without the words it took back: "not the CMO. She runs the shoots" keeps "She runs the shoots"."""
    for part in (e.part for e in edits):
        content = re.sub(rf"(?i)(?:^|(?<=[.,;!?]\s))(?:no,?\s+)?not\s+(?:the\s+|a\s+|my\s+)?{re.escape(part)}"
                         r"\s*[.,;!?]*\s*", "", content)
    return content.strip()


_SUBJECT = re.compile(r"(?i)(?:she|he|they|i|it|we|you|there|people)\b")


def correction_and_answer(reading: Reading, correction: str) -> tuple[str, str]:
    """A correction said with an answer to the question asked: "the head chef actually, she plans menus"
    corrects to "the head chef", and "she plans menus" is the answer ("" when only the correction was said)."""
    m = re.match(r"^(?P<fix>[^,.;!?]+?)(?:,?\s+(?:actually|i mean|sorry|obviously|lol))?\s*[,.;!?]+\s+(?P<rest>\w.*)$",
                 correction, re.I)
    # "..., less paperwork" is the correction's own reason; "..., she plans menus" answers the question
    answers = m is not None and (len(m.group("rest").split()) >= 4 or _SUBJECT.match(m.group("rest")) is not None)
    if m is not None and len(m.group("fix").split()) <= 8 and len(m.group("rest").split()) >= 2 and answers:
        return m.group("fix").strip(), m.group("rest").strip()
    if m is not None and not answers:
        return correction, ""
    # "not the CMO, I meant the creative director. She runs the shoots": what is left beside it
    rest = re.sub(r"(?i)(?:^|(?<=[.!?;]\s))not\s+(?:\w+\s+){0,3}?\w+\s*[.,;!?]+\s*", "", said_content(reading))
    rest = _NOT_SAID.sub("", rest)  # "i didnt say everyone": what the correction takes back, not an answer
    if _WHO.match(rest.strip()):  # "i meant the designer guy. the one who does the portal design": still the fix
        return f"{correction.rstrip(' .')}, {rest.strip().rstrip('.')}", ""
    return correction, rest.strip() if len(rest.split()) >= 2 else ""


_NOT_SAID = re.compile(r"(?i)(?:^|(?<=[.!?;]\s))i (?:didn'?t|didnt|did not|never) (?:say|mean|write|pick|want)\b"
                        r"[^.!?;]*[.!?;]*\s*")
# Who the correction means, said after it: "the one who does the customer portal design" (round 41).
_WHO = re.compile(r"(?i)^(?:the (?:one|guy|lady|woman|man|person|bloke|girl) (?:who|that)|who|that one)\b")


def without_worry(content: str, reading: Reading) -> str:
    """An answer without the worry said beside it (acknowledged, and kept in the transcript): "leading a
    small team. tbh i'm scared I'll be stuck" keeps "leading a small team". A worry alone stays."""
    out = content
    for act in reading.acts:
        if act.kind == "content" and act.topic == "worry" and act.text:
            out = re.sub(rf"(?i)[,;]?\s*\b{re.escape(act.text)}[.!?]*", "", out)
    out = re.sub(r"[\s.,;]+$", "", out).strip()
    return out if len(out.split()) >= 2 and out != content.strip() else content


_WHY_LABEL = re.compile(r"(?i)^(?:so |ok |okay |well )?(?:the |my )?(?:why|reason|real reason|honest answer) "
                        r"(?:is|was|would be)[:,]?\s+(?=\w)")
# "ok that makes sense. ..." after a question was explained: taking it in, then the answer (round 24).
_TAKEN_IN = re.compile(r"(?i)^(?:ok(?:ay)?,? )?(?:(?:that|it) makes (?:total |more |a lot of )?sense|fair enough|"
                       r"got it|i see)(?: now)?[.!,;]+\s+(?=\w)")
# "the overlap is probably like.. explaining medicines clearly" (round 24): the question's own word, then the answer.
_SAID_IS = re.compile(r"(?i)(?:^|(?<=[.!?] ))(?:the |my )?(?:overlap|answer|strength|passion|sweet spot)s? "
                      r"(?:is|would be|'d be)(?: (?:probably|maybe|like|kind of|kinda|prob))*[.:,]*\s+(?=\w)")
# The question said back to oneself before the answer (round 32): "where all 3 meet?? idk, maybe like ux research".
_ECHOED = re.compile(r"(?i)^\W*(?P<x>(?:where|whose|what|which|who|how|when)\b[^.?!]{0,30}?)\s*\?+\s+"
                     r"(?=(?:idk|dunno|hmm+|um+|uh+|maybe|probably|prob|i guess|i think|like|well|ok|oh|good q)\b)"
                     # "influence vs authority? i think i mean influence" (round 34): the choice said back first
                     r"|^\W*(?P<y>[\w' ]{2,30} (?:vs\.?|versus) [\w' ]{2,30}?)[.?!]+\s+")

# "well, i'll tell you a story instead if that's alright. my mum couldn't read ..." (round 54 kept the run-up as the
# sentence, "you'll tell you a story"): the offer goes, the story stays; and so does "i think that's the whole thing".
_RUN_UP = re.compile(
    r"(?i)^\W*(?:(?:well|ok|okay|so|um+|hmm+)[,.]?\s+)*(?:i'?ll|i will|let me|can i|could i|i'?d "
    r"(?:like|rather) to) (?:just )?tell (?:you )?(?:a|a little|a quick|a short|this) story(?: instead)?"
    r"(?:,? if (?:that'?s|that is|it'?s) (?:alright|ok|okay|all right|fine))?\W*\s+(?=\w)"
    # "well thats the big question isnt it.", "its a long story but ...", "this is funny because i was thinking about it
    # on the bus." (round 55 said these back as the answer): a run-up to the answer
    r"|^\W*(?:well,? )?(?:that'?s|thats|that is) the (?:big|million dollar) question(?:,? (?:isn'?t|isnt) it)?"
    r"\W*\s+(?=\w)|^\W*(?:well,? )?(?:it'?s|its|it is) a (?:long|bit of a long|funny) story,? (?:but )?(?=\w)"
    r"|^\W*(?:well,? )?(?:this is |it'?s |its )?funny,? (?:because|cos|cause) i was (?:just )?thinking about "
    r"(?:it|this|that)(?: [\w ]{1,20}?)?[.!]\s+(?=\w)|^\W*(?:well,? )?funnily enough,? "
    r"|(?:[.!?]\s+|^)(?:and )?(?:i think |i guess )?(?:that'?s|thats|that is) (?:probably |about |kind of |basically )?"
    r"(?:the whole thing|it|all)(?: really| i think| honestly)?\W*$")
_RANDOM_BUT = re.compile(r"(?i)^(?:(?:this is|this sounds|sounds|it'?s|its|bit|a bit|kinda|kind of)\s+)?"
                         r"(?:random|weird|odd|nerdy|niche)(?: one)?,?\s+but\s+(?=\w)")


def without_run_up(content: str, reading: Reading, ladder: bool = False) -> str:
    """What an answer keeps without its run-up: "ok that makes sense.", "the overlap is probably like..", at a why
    "the why is" and a reason walked back with a sorry ("i have taste?? sorry that sounds arrogant. i think
    because X": X, round 25)."""
    if ladder:
        content = _WHY_LABEL.sub("", content)
        at = next((i for i, a in enumerate(reading.acts) if a.topic == "apology"), None)
        later = [(a.content or a.text) for a in reading.acts[at + 1:] if a.kind == "content"] if at else []
        if later and any(a.kind == "content" for a in reading.acts[:at]):
            content = " ".join(later)
    echoed = _ECHOED.match(content) or _ECHOED.match(reading.reply)
    said = (echoed.group("x") or echoed.group("y")) if echoed else ""
    if said and content.lower().startswith(said.lower()) and len(content[len(said):].split()) >= 2:
        content = content[len(said):].lstrip(" .?!,")
    content = _RANDOM_BUT.sub("", content)  # "random but football tactics" (round 35): football tactics
    content = _RUN_UP.sub("", content).strip() or content
    return _SAID_IS.sub("", _TAKEN_IN.sub("", content))


# "nah. no experiment this time. just getting through nights" (round 56 kept "experiment this time" as one),
# "not this time, too much on", "none for now": no experiment, said plainly.
_NO_EXPERIMENT = re.compile(
    r"(?i)(?:^|[.!?;,]\s*)(?:(?:nah|no|nope|honestly|tbh|um+|so|sorry|i think)[,.!]*\s+)*"
    r"(?:(?:no|not an?|not any|none|zero) (?:experiments?|tests?|ideas?)(?: (?:this time|for now|right now|now|"
    r"at the moment|atm|yet|really))?|(?:none|nothing|not|nah) (?:this time|right now|for now|at the moment|atm|yet)"
    r"|i (?:don'?t|dont|do not) (?:want|need|have) (?:one|an experiment|to try anything|anything)"
    r"(?: (?:this time|right now|for now|at the moment|atm))?)\b")


def declines_experiment(text: str) -> bool:
    """Does the reply say there is no experiment this time ("no experiment this time", "not right now")?"""
    return _NO_EXPERIMENT.search(text) is not None

