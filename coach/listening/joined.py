"""The sentence after the first one, when it finishes the thought: another option ("teaching. or maybe out of
healthcare altogether"), a short phrase ("good care. for patients and staff") or, in a long quote, a second thing
to do ("shadow the deputy head for a day. and ask the head about the rewrite"). Used by coach.listening.playback.
"""

from __future__ import annotations

import re

__all__ = ["CHOICE", "CHOICE_WORDS", "choice_trimmed", "next_joined", "other_option"]

# "thats what good care is. for patients and staff" (round 28): a short phrase after the stop finishes the thought.
_TAIL_ON = re.compile(r"(?i)\s*((?:for|with|by|to|in|at|on|from|without|especially|mostly|mainly|even) "
                      r"(?!(?:be honest|be fair|the record|sure|now|real|example|instance|once|a start|me|the moment|"
                      r"least|all|fact|general|short|the way|the end|my opinion|a way|some ways|the other hand)\b)"
                      r"(?:(?!(?:i|you|it|that|this|is|are|was|were)\b)[\w'-]+ ?){1,4})\s*(?:[.!?;]|$)")
# A wish finished in the next sentence, said without a subject: "... and not be skint", "not have to worry".
_AND_NOT = re.compile(r"(?i)\s*(?:and\s+)?(not (?:be|have|feel|worry|need|struggle|lose|miss|go|work|end up)\b"
                      r"(?: [\w'-]+){0,5})\s*(?:[.!?;]|$)")

# A choice between two things is said back with both sides (round 29 lost "or to go part-time").
# ("torn between data science and working for a climate charity": round 67 cut it after "and working")
CHOICE = re.compile(r"(?i)\b(?:whether|either|between)\b[^.!?;]{3,}?\bor\b|"
                    r"\b(?:torn|choosing|deciding|split|stuck|caught|pulled) between\b[^.!?;]{3,}?\band\b")
CHOICE_WORDS = 18
# An aside inside a choice, between commas (round 34): "either an area manager, looking after several stores, or
# possibly head office, perhaps in operations or training".
_CHOICE_ASIDE = re.compile(r"(?i),\s+(?:looking after|running|managing|perhaps|maybe|probably|possibly|like|such as|"
                           r"mostly|ideally|i think|i guess|i suppose|in (?:operations|charge))\b[^,.;!?]{0,40}"
                           r"(?=,\s*or\b|\s*[.;!?]|\s*$)")


def choice_trimmed(text: str) -> str:
    """A choice said with asides, without them: "either an area manager or possibly moving into head office"."""
    return re.sub(r",\s*or\b", " or", _CHOICE_ASIDE.sub("", text)) if CHOICE.search(text) else text


# The other option, said in a sentence of its own (after an example, maybe): ". like X. or maybe Y, ..."
_OR_NEXT = re.compile(r"(?i)\s*(?:(?P<like>(?:like )?(?:(?!(?:i|i'?m|im|you|we|it|it'?s|they|he|she|that)\b)"
                      r"[\w'&/-]+ ?){1,4})"
                      r"(?:,[^.!?]{0,30}?)?(?: or something)?[.!?]\s+)?"
                      r"or (?:maybe |possibly |perhaps |else )?(?P<or>[^.!?,;]{3,60})")

# A second option, said as its own sentence (round 33): "wanting my own food truck. and also going for head chef".
_AND_ALSO = re.compile(r"(?i)\s*(?:(?:and|plus) also |also )?(?P<x>(?:going (?:for|into)|becoming|moving (?:into|to)|"
                       r"starting|opening|running|training (?:as|to be))\b[^.!?,;]{3,50}?)"
                       r"(?=\s+(?:because|cos|bc|since|as)\b|\s*[.!?,;]|\s*$)")

# A second thing to do, said in a sentence of its own: "... for a day. And separately ask our head of people ..."
_AND_DO = re.compile(r"(?i)\s*(?:(?:and|also|plus)\s+(?:also |separately |then |maybe |probably )?|"
                     r"(?:separately|also|then) )?"
                     r"(?P<x>(?:ask|talk|email|call|try|shadow|book|look|read|sign|apply|write|meet|visit|go|do|find|speak|"
                     r"message|join|start|see|check)\b[^.!?]{3,100})[.!?]?\s*$")


def next_joined(text: str, m: re.Match[str], max_words: int, max_chars: int) -> str:
    """The first sentence with the next one that finishes it ("" if none does): another option ("teaching. like nurse
    education. or maybe out of healthcare altogether", round 28) or a short phrase ("good care. for patients")."""
    head, rest = text[:m.start()], text[m.end():]
    other = _OR_NEXT.match(rest)
    if other:
        like = f"{other.group('like')}, " if other.group("like") else ""
        joined = f"{head}, {like}or {other.group('or')}"
        return joined if len(joined.split()) <= CHOICE_WORDS else ""
    also_option = _AND_ALSO.match(rest)
    if also_option:
        joined = f"{head}, and also {also_option.group('x').strip()}"
        return joined if len(joined.split()) <= CHOICE_WORDS else ""
    tail = _TAIL_ON.match(rest)
    if tail and len(head.split()) + len(tail.group(1).split()) <= max_words:
        return f"{head}, {tail.group(1).strip()}"
    nor = _AND_NOT.match(rest)  # "i want my kid to have me around. and not be skint" (round 41 lost the second half)
    if nor and len(head.split()) + len(nor.group(1).split()) + 1 <= max_words:
        return f"{head}, and {nor.group(1).strip()}"
    also = _AND_DO.match(rest) if max_words >= 20 else None  # a long quote (the experiment): the second thing too
    joined = f"{head}, and {also.group('x').strip()}" if also else ""
    if also and len(joined.split()) <= max_words + 6 and len(joined) <= max_chars:
        return joined  # "X. And separately ask our head of people Y" (round 32)
    return ""


# The next sentence offering another option: "... maybe. Or to work in the revenue department, I am not sure."
_UNSURE_TAIL = re.compile(r"(?i),?\s+(?:(?:but |and )?(?:i'?m|i am|im) not (?:so |really |very )?sure|"
                          r"i don'?t know|idk|maybe|i think|i guess|not sure)\b.*$")
# ... or the same sentence going on: "maybe I want be team leader, or maybe I go back to study" (stop 55 said back
# only the first)
_ALTERNATIVE = re.compile(r"(?:^|^,\s*|[.!?]\s+)or,?\s+(?:(?P<hedge>maybe|perhaps)\s+|just\s+)?(?P<alt>[^.!?]+)", re.I)
# "cannulas lol. everyone calls me for the tricky ones. and calming down scared relatives" (round 41): a second thing
_AND_ANOTHER = re.compile(r"(?i)(?:^|[.!?]\s+)and\s+(?:also\s+)?(?!(?:i|it|that|this|they|he|she|we|you|then|so|but)\b)"
                          r"(?P<alt>[^.!?]{3,60})")
# ... its "and" dropped when the answer was kept: "cannulas. everyone calls me for those. calming down relatives"
_DOING_LAST = re.compile(r"(?i)[.!?]\s+(?P<alt>(?!(?:nothing|something|anything|everything|thing)\b)[a-z]{3,}ing\b"
                         r"[^.!?]{2,50})[.!?]*\s*$")
# "... but also product manager has been on my mind bc ..." (round 36): the other option, said as a thought
_ALSO_ON_MIND = re.compile(r"(?i)(?:\b(?:but|and) also,?\s+|(?:^|[.!?]\s+)(?:and |but |also )?)"
                           r"(?:being (?:a |an )?|maybe (?:a |an )?)?(?P<alt>[\w' -]{2,30}?) "
                           r"(?:has|'s|is|have) (?:also )?(?:been )?(?:on my mind|in my head|tempting me)\b")
_ALSO_THINKING = re.compile(r"(?i)\b(?:but |and )?(?:i'?m |im |i am |i'?ve been |ive been |been )?also "
                            r"(?:thinking about|considering|looking at|eyeing|tempted by) (?P<alt>[\w' -]{2,30}?)"
                            r"(?=[.,;!?]|\s+(?:because|bc|cos|since|as|but)\b|$)")
# "winding down a little, perhaps mentoring the younger staff" (round 41): the thought goes on, hedged.
_GOES_ON = re.compile(r"(?i)^\s*,\s*(?P<hedge>perhaps|maybe|possibly|probably|ideally)\s+(?P<alt>[^.!?;]+)")


# "... so maybe practice education?" (round 41): a second option, asked of themselves
_MAYBE_ASKED = re.compile(r"(?i)(?:^|[.!?,]\s+)(?:so |or )(?:maybe|perhaps) (?!(?:i|you|we|it|that|this|they|not)\b)"
                          r"(?P<alt>[^.!?,]{3,40})(?=[.?]|$)")


def other_option(after: str) -> tuple[str, str] | None:
    """What is said after a key phrase that belongs with it: another option ("or", the option) or the thought
    going on ("perhaps", the rest); None if neither."""
    other = next((m for m in (r.search(after) for r in (_ALTERNATIVE, _ALSO_ON_MIND, _ALSO_THINKING, _MAYBE_ASKED))
                  if m), None)
    if other:
        hedge = other.groupdict().get("hedge")
        return f"or {hedge.lower()}" if hedge else "or", _UNSURE_TAIL.sub("", other.group("alt"))
    another = _AND_ANOTHER.search(after) or _DOING_LAST.search(after)
    if another:
        return "and", another.group("alt")
    more = _GOES_ON.match(after)
    return (more["hedge"].lower(), more["alt"]) if more else None
