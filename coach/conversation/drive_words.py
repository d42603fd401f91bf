"""How drives are said at a drive check: all of them, one put first, one missed, one of the mentee's own beside a
yes, one said not to matter while the one checked does."""

from __future__ import annotations

import re
from typing import Any

from coach.conversation.evidence import played_down
from coach.listening import rules

# Drives checked together, all said to fit: "yeah both", "all of them", "all three tbh".
ALL_OF_THEM = re.compile(r"(?i)\b(?:both|all (?:of (?:them|those|it)|three|two)|each of them)\b")


# "mostly freedom", "def money", "yeah meaning for sure": the drive checked, named as the answer.
QUALIFIED = re.compile(r"(?i)^(?:(?:mostly|mainly|definitely|def|deffo|defo|yeah|yes|yep|ya|probably|prob|i guess|"
                        r"i think|honestly|obviously|obvs|for sure|the|just)[,\s]+)+|[,\s]+(?:for sure|mostly|mainly|"
                        r"really|definitely|i guess|i think)$")
LESS = re.compile(r"(?i)[,\s]+(?:less so|not so much|not really|not much|not as much|less)\W*$")
# "you missed money", "u forgot mony", "you left out the money bit": a drive said to be missing (round 35)
# ... "you forget respect" (round 87, a second language)
YOU_MISSED = re.compile(r"(?i)\b(?:you|u) (?:also |just |completely )?(?:missed|forgot|forget|left out|leave out|"
                        r"dropped|skipped|lost)"
                         r"(?: out)?\s+(?:the |my )?(?P<x>[\w' ]{2,20}?)(?: bit| part| one)?(?:\W|$)")
# One of the drives put first: "mostly growth", "growth first", "money second", "growth is the main one".
RANKED = re.compile(r"(?i)\b(?:mostly|mainly|first|second|more than|most|main|bigger|top|number one|above all)\b")
DENIED = re.compile(r"(?i)\b(?:not|no|never|less|nope|nah)\b")


# "all of them lol", "everything tbh" at "what drives all this?" (round 40): all fit, so which matter most?
EVERY = re.compile(r"(?i)^\W*(?:(?:um+|uh+|well|honestly|tbh|ngl|lol|haha|idk|i guess|i mean|yeah|probably|"
                    r"prob|ok|okay|hmm+)[,.!]?\s+)*(?:all of (?:them|those|it|the above)|all (?:of )?the above|"
                    r"all (?:six|6|five|5|of em)|everything|every one of them|a bit of (?:all|everything)(?: really)?|"
                    r"all)(?:[,.!]?\s+(?:lol|haha|tbh|really|honestly|i guess|to be honest|ngl|tho|though|"
                    r"obviously|obvs|tbf))*\W*$")


# A drive of their own said beside a check: "AND no meetings", "yeah but also the meetings thing" (round 41).
ALSO_OWN = re.compile(r"(?i)(?:^|[.!?]\s*|\b(?:yeah|yes|but|and)\s+)(?:but\s+|and\s+)?(?:also|and)\s+(?:the\s+)?"
                       r"(?P<x>(?:no\s+|not\s+)?[\w' ]{2,30}?)(?:\s+(?:thing|bit|part))?(?=\s*(?:[.!?]|$|why\b))")

# One more named beside a yes: "yes and also freedom", "yeah, freedom too", "yep plus growth".
YES_AND = re.compile(r"(?i)\b(?:also|too|as well|plus)\b|^\W*(?:yes|yeah|yep|ya|yup|sure|definitely)\W+and\b")
AWAY_FROM = frozenset(("meetings", "nights", "weekends", "overtime", "politics", "micromanaging", "micromanagement"))


# "mostly yes but you missed money": the yes is to what was checked; what was missed is the "mostly"
MOSTLY_YES_LEAD = re.compile(r"(?i)^\W*(?:(?:mostly|largely|pretty much|basically|mainly)[,.]?\s+"
                              r"(?:yeah|yes|yep|ya|yea)|(?:yeah|yes|yep|ya|yea)[,.]?\s+"
                              r"(?:mostly|pretty much|basically|mainly))\b[.,!]*\s*(?:but|except|only|just)?\b")


def fits_and_not(ids: list[str], text: str, lex: Any) -> tuple[list[str], list[str]]:
    """"no. recognition DONT matter. take that out. its money and not being knackered" at a check of money (round
    79 took the "no" for money and asked about recognition next): the drives of ``ids`` said to matter, and every
    drive said not to, when both are said (([], []) if not)."""
    low = rules.normalise(text)
    clauses = [c for c in re.split(r"[.;!?]+|\bbut\b", low) if c.strip()]
    fits = [m for m in ids if (spec := lex.motivations.get(m)) is not None and any(
        spec.words.find(c) and rules.affirmed(spec.words, c) and not played_down(spec.words, c) for c in clauses)]
    denied = [m for m, spec in lex.motivations.items() if m not in fits and spec.words.find(low)
              and played_down(spec.words, low)]
    return (fits, denied) if fits and denied else ([], [])


# "its freedom first, meaning second", "meaning first, money second" (round 87 took "partly" for a no and left the
# second one off): an order, so each one named matters
_RANKED_PAIR = re.compile(r"(?i)(?P<a>[\w' ]{2,40}?)\s+(?:first|1st|number one|comes first|on top)\b[,;.]?\s*"
                          r"(?:and\s+|then\s+|with\s+|but\s+)?(?P<b>[\w' ]{2,40}?)\s+(?:second|2nd|next|number two|"
                          r"after that|comes second|close second|a close second)\b")


def ranked_pair(text: str, checked: str, lex: Any) -> tuple[str, list[str]] | None:
    """Drives put in order ("freedom first, meaning second") with the one checked among them: the words of the one
    put first, and the ids of every one named (None if not so)."""
    low = rules.normalise(text)
    m = _RANKED_PAIR.search(low)
    if m is None:
        return None
    named: list[str] = []
    first = ""
    for group in ("a", "b"):
        words = m.group(group)
        for mid, spec in lex.motivations.items():
            spans = spec.words.spans(words)
            if spans and rules.affirmed(spec.words, words) and not played_down(spec.words, words) and mid not in named:
                named.append(mid)
                first = first or words[spans[0][0]:spans[0][1]]
    return (first, named) if checked in named and len(named) >= 2 else None
