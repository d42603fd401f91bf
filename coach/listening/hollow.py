"""Words that must never go into the record as the mentee's: remarks to the coach, and scraps that say nothing.

A fix is read out of a reply by many small readers; when one of them takes the wrong words ("isn't part of my
answer" -> "part of your answer", "that was me moaning", "several fixes:"), the record would keep them and every
later read-back would say them again (round 67: "Where you're heading: part of your answer", "Underneath it: this
is bloody useless"). This is the last check before words go in: hollow words are left out, and the other fixes
of the same reply are still applied.
"""

from __future__ import annotations

import re

from coach.listening.acts import read_reply
from coach.listening.lexicon import Lexicon
from coach.listening.reading import Reading

# Scraps of a remark about the record, whole: what a fix reader can wrongly take as the new words.
_SCRAP = re.compile(
    r"(?i)^\W*(?:(?:it'?s|its|it is|that'?s|thats|that is|the)\s+)?(?:"
    r"part of (?:it|that|this|(?:my|your|the) (?:answer|reply|sentence|point|goal|list))|"
    r"(?:not |even )?(?:english|(?:a |one |the )?(?:proper |real )?sentence|a thing|a word)|"
    r"(?:several|a few|some|two|three|four|a couple of|couple of|my|your|the) (?:other )?(?:fixes|fix|corrections|"
    r"changes)|(?:your|my) (?:two |three )?other (?:fixes|ones|bits)|"
    r"(?:the )?important (?:one|bit|part)|the (?:main|real|key|other) (?:one|bit|part)|"
    r"what (?:i|you) (?:said|meant|wrote)|(?:i|you) (?:said|meant|wrote)|"
    r"(?:you|i)(?:'ve| have)? (?:missed|dropped|lost|forgot|left out|cut) (?:it|that|this|one|a bit)(?: again)?|"
    r"(?:you|u|i)(?:'ve| have)? (?:just |literally |already )*gave (?:me|you|u) (?:one|it|that|an answer)|"
    r"(?:still )?(?:that|this|it)|something like|kind of|sort of|more like|now it'?s more like(?: what)?|"
    r"(?:\d+|a|ten|five|two) (?:min|mins|minutes?|secs?|seconds?) ago|"
    # "thats not a value lol its just me rambling" (round 71 put "me rambling" in): about the words, not words
    r"(?:just |only )?me (?:rambling|moaning|complaining|joking|venting|correcting you|thinking out loud|being daft)"
    r")\W*$")
# That something changed, without what: "some of it's changed", "a few things are off", "the overlap bit is wrong".
_VAGUE = re.compile(
    r"(?i)^\W*"
    r"(?:(?:no|nah|not really|partly|kind of|well|yes|yeah|mostly|um+|so|hmm+)\W+(?:but\s+)?)*"
    r"(?:(?:some|a lot|most|parts|bits|a few|a couple|one or two|lots)(?: of)? (?:it|things|stuff|bits|parts)|"
    r"(?:some |a few |a couple of )?things|stuff|a bit|the (?:\w+ ){0,2}(?:bit|part|line)(?: of it)?)\s*"
    r"(?:is|are|has|have|'s|s|'ve|was|were)?\s*(?:a bit |kind of |slightly |totally )?"
    r"(?:changed|different|off|wrong|not right|out of date|moved on|shifted)"
    r"(?:\W+(?:tbh|honestly|lol|really|i think|i guess|now|since|since then|a bit|actually))*\W*$")
# Words that cannot end a thought: "h&s is the", "the forecasting team for and though", "the sabbatical is" (not
# "what it is", "something to be proud of": those end where they should).
_DANGLING = re.compile(r"(?i)(?:\b(?:the|a|an|and|or|but|though|tho|because|cos|my|your|his|her|their|our|than|"
                       r"that's|thats|it's|its)|(?<!\bit)(?<!\bwhat)(?<!\bwho)(?<!\bhow)(?<!\bwhere)(?<!\bthey)"
                       r"(?<!\bthat)(?<!\bthings)(?<!\bwe)(?<!\byou) (?:is|are|was|were))\W*$")
# Said to the coach about what it did: "you left out the course outline bit" is never the mentee's thought.
_TO_THE_COACH = re.compile(r"(?i)^\W*(?:and |but |also |oh )?(?:you|u)(?:'ve| have)? (?:\w+ )?(?:missed|dropped|lost|"
                           r"forgot|left out|cut|ignored|skipped|wrote|put|asked|said)\b"
                           # "you didnt say anything about the reorg??" (round 73 kept it as a strength)
                           r"|^\W*(?:and |but |also |oh )?(?:you|u) (?:didn'?t|didnt|did not|never|haven'?t) (?:even )?"
                           r"(?:say|mention|ask|notice|hear|catch|get|keep|note)\b")
# Kinds of reading that carry no content of the mentee's own.
_NOT_WORDS = frozenset({"meta", "filler", "non_answer", "yes", "no", "consent"})


def changed_without_what(words: str) -> bool:
    """"a few things are off", "not really, some of it's changed": something is different, and not yet what."""
    return _VAGUE.match(words.strip()) is not None


def hollow(words: str, lex: Lexicon) -> bool:
    """Are ``words`` a remark to the coach or a scrap that says nothing, rather than the mentee's thought?"""
    text = words.strip()
    if not text or _SCRAP.match(text) or _VAGUE.match(text) or _DANGLING.search(text) or _TO_THE_COACH.match(text):
        return True
    kinds = set(read_reply(text, lex).kinds)
    return bool(kinds) and kinds <= _NOT_WORDS


def left_out_beside(reading: Reading) -> bool:
    """"hm you skipped the climate dataset bit. good at... debugging i guess? and sql" (round 73 kept only "the
    climate dataset"): a complaint of something left out, said beside an answer of its own words, is no answer."""
    told = [a for a in reading.acts if a.kind == "correction" and _TO_THE_COACH.match(a.text)]
    said = [a for a in reading.acts if a.kind == "content" and len(a.text.split()) >= 2]
    return bool(told) and bool(said)
