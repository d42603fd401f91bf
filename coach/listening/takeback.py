"""The words people use to take back what they just said: "no wait", "actually no", "scratch that".

One vocabulary, read in the shapes each reader needs: a goal said again after it ("a deputy head? or
actually no, X"), a drive named then withdrawn ("autonomy... no wait, not that"), a correction's first
go dropped ("well no, actually its more Y"), a whole message that only takes back ("scratch that"), and the
last answer taken back with why ("wait no dont write that down as my goal, i was just venting": ``takes_back``).
"""

from __future__ import annotations

import re

__all__ = ["TAKE_BACK", "TAKE_BACK_ONLY", "YES_AFTER_ALL", "put_right_in", "takes_back", "yes_after_all"]

# "no wait", "nope, actually", "wait no", "actually no", "no, scratch that", "scrap that", "forget that",
# "on second thoughts": what was said just before is not meant (lowercase; compile with re.I where needed).
TAKE_BACK = (r"(?:(?:no+|nope)[,.]?\s+(?:wait|actually)|wait[,.]?\s+no|actually[,.]?\s+no|"
             r"(?:no[,.]?\s+)?(?:scratch|scrap|forget) that|on second thoughts?)")
# A whole message that only takes back: "don't", "never mind", "forget it", "scratch that", "not that".
TAKE_BACK_ONLY = (r"(?:don'?t|dont|do not|never ?mind|nvm|forget (?:it|that)|ignore (?:that|it)|scratch that|"
                  r"scrap that|not that)")

# A no or a doubt taken back, the thing now a yes (round 40): "wait no i did mean yes to meaningful", "actually yes to
# money", "money is a yes after all", "money does matter actually", "i said no to money but it does", "i said yes
# to meaning". Search, lowercase; what it is about is whichever of the groups x1..x5 matched (``yes_after_all``).
_AFTER = r"(?:\s+(?:bit|part|one|thing))?(?:[,]?\s+(?:actually|after all|too|as well|tho|though|tbh|really|then))*"
YES_AFTER_ALL = (
    r"(?:^|(?<=[.!?,;])\s*)(?:(?:wait|no+|oh|actually|sorry|hang on|ok|okay|hmm+|um+|but|and)[,.!]?\s+)*(?:"
    r"i (?:did |do )?mean[t]? (?:a )?yes (?:to|for|on|about|with) (?:the )?(?P<x1>[\w' ]{2,30}?)" + _AFTER +
    r"|i (?:did |do )?(?:say|said) (?:a )?yes (?:to|for) (?:the )?(?P<x2>[\w' ]{2,30}?)" + _AFTER +
    r"|(?:actually|after all),? yes (?:to|for|on) (?:the )?(?P<x3>[\w' ]{2,30}?)" + _AFTER +
    r"|(?:the )?(?P<x4>[\w' ]{2,30}?)(?:\s+(?:bit|part|one|thing))? (?:is|was) (?:a )?yes (?:actually|after all)" +
    _AFTER + r"|i said no (?:to|about|on) (?:the )?(?P<x5>[\w' ]{2,30}?),? but (?:it (?:is|does)|i meant yes|"
    r"it (?:does )?matters?|yes|actually it does)" + _AFTER + r")\W*(?=$|[.!?;]\s)"
)


def yes_after_all(low: str) -> tuple[re.Match[str], str] | None:
    """Where ``low`` takes back a no about something, and what that is (None: it does not)."""
    m = _YES_AFTER_ALL.search(low)
    if m is None:
        return None
    said = next(v for k in ("x1", "x2", "x3", "x4", "x5") if (v := m.group(k)))
    # "i meant yes to meaning not money": one put in place of another, read as a swap elsewhere
    return None if re.search(r"\b(?:not|than|instead|rather|but|no)\b", said) else (m, said)


_YES_AFTER_ALL = re.compile(YES_AFTER_ALL, re.IGNORECASE)


# "i write most of our emails. wait no not most, like half" (round 54): one word of what was just said put right.
_NOT_X_Y = re.compile(r"(?i)^\W*(?:(?:wait|no|nah|actually|sorry|oops|well)[,.]?\s+)*not (?P<x>[\w']+(?: [\w']+)?),?\s+"
                      r"(?:like |more like |just |only |more |about )?(?P<y>[\w']+(?: [\w']+)?)\W*$")


def put_right_in(said: str, correction: str) -> str | None:
    """``said`` with the word ``correction`` puts right ("not most, like half": "most of our emails" -> "half of our
    emails"); "" when that word is not in ``said`` (at its end or before "of"); None when it is no such correction."""
    swap = _NOT_X_Y.match(correction)
    if swap is None:
        return None
    word = rf"(?i)\b{re.escape(swap['x'])}\b(?= of\b|\W*$)"
    return re.sub(word, swap["y"], said, count=1) if re.search(word, said) else ""


def word_put_right(said: str, correction: str) -> str:
    """``said`` with one of its words put right by ``correction`` ("... gets to boss the new lot about" and "not boss,
    show them how": round 63 kept "not boss, show them how" as the job picked); "" when it is no such correction."""
    # "not two days, maybe one, i want my tuesdays" (round 65): the words named, then what stands in their place
    word = re.match(r"(?i)not (?P<x>\w+(?: \w+){0,2})\s*(?:[,;]|\s-)\s*(?P<y>\w[^,.;!?]*)", correction.strip(" .!"))
    found = list(re.finditer(rf"(?i)\b{re.escape(word['x'])}\b", said)) if word else []
    return f"{said[:found[-1].start()]}{word['y'].strip()}{said[found[-1].end():]}" if word and found else ""


# The last answer taken back, and nothing else said ("wait no dont write that down as my goal, i was just venting",
# "scratch that", "forget i said that lol": round 59 kept it as the answer to the next question).
_TAKE_BACK_PART = re.compile(
    r"(?i)^(?:(?:wait|no|oh|oops|sorry|hang on|hold on|actually|um+|hmm+|ok(?:ay)?|and|but|so|pls|please)[,.!]*\s+)*(?:"
    r"(?:scratch|scrap|strike|delete|bin|undo) it|"  # never "forget it": that passes on the question
    r"(?:scratch|scrap|forget|ignore|strike|delete|bin|cancel|undo|take back) (?:that|all that|"
    r"what i (?:just )?(?:said|wrote|typed|put))(?: (?:last )?(?:one|bit|answer|part))?(?: (?:please|pls))?|"
    r"forget i said (?:that|it|anything)|"
    r"(?:don'?t|dont|do not) (?:write|put|take|keep|save|note|record|use) (?:that|it|this)(?: down| in)?"
    r"(?: as (?:my |the )?[\w ]{1,20})?(?: (?:please|pls))?|"
    r"that'?s not (?:really )?(?:my|the) (?:real |actual |proper )?(?:answer|goal)|"
    r"i (?:was|am|'?m) (?:just |only )?(?:venting|joking|kidding|ranting|messing(?: about| around)?|"
    r"being (?:silly|dramatic|daft|sarcastic|facetious))|"
    r"i didn'?t (?:really )?mean (?:that|it)(?: (?:seriously|really))?|"
    r"lol|haha+|sorry|tbh|my bad)(?:\s+(?:lol|lmao|haha+|sorry|tbh|pls|please|mate|ok))*\W*$")
_TAKE_BACK_SAID = re.compile(r"(?i)scratch|scrap|forget|ignore|strike|delete|bin\b|cancel|undo|take back|"
                             r"(?:don'?t|dont|do not) (?:write|put|take|keep|save|note|record|use)|not (?:really )?"
                             r"(?:my|the) (?:real |actual |proper )?(?:answer|goal)|venting|joking|kidding|ranting|"
                             r"messing|being (?:silly|dramatic|daft|sarcastic|facetious)|didn'?t (?:really )?mean")


def takes_back(text: str) -> bool:
    """Does the reply only take back the answer before it ("scratch that, i was just venting")?"""
    parts = [p for p in re.split(r"[,.;!?]+\s*|\s+-+\s+|\s+(?=i (?:was|am|'?m|didn)\b)", text.strip()) if p.strip()]
    return bool(parts) and all(_TAKE_BACK_PART.match(p.strip()) for p in parts) and any(
        _TAKE_BACK_SAID.search(p) for p in parts)
