"""The named predicates about going on: a reply to "shall we begin?" that is no clear yes, yet no decline either.

Declining throws the conversation away, so only a no that means no declines: "not today", "bye". "no it was GOOD
... yeah lets carry on" (round 81) and "not really no. I'd rather stay and teach" go on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from coach.listening.acts import read_reply
from coach.listening.lexicon import normalise
from coach.listening.text import words

__all__ = ["CONSENT"]


# Saying one is leaving, or not now: a no that means no, however much is said with it.
_LEAVING = re.compile(r"\b(?:not (?:today|now|right now|yet|in the mood|for me|ready|comfortable)|another (?:time|day)|"
                      r"later|stop|quit|bye|leave it|rather not|no thanks?|no thank you|(?:don'?t|do not|dont) "
                      r"(?:want|feel like|wanna)|busy|no time|not interested|waste of time|pointless)\b")
_NO_FIRST = re.compile(r"^\W*(?:(?:no+|nope|nah|not really|not quite|not exactly|not sure|hmm+|um+|well)\b[\s,.!?]*)+")


def _talks_on(c: Any) -> bool:
    """A reply that is no clear yes yet goes on about work ("not really no. I'd rather stay and teach"):
    not a decline, which would throw the conversation away."""
    text = normalise(c.reply or c.answer)
    if c.confirm is True:
        return False
    if _CARRY_ON.search(text):  # "no it was GOOD ... yeah lets carry on" (round 81 threw the conversation away)
        return True
    if _LEAVING.search(_ABOUT_WORK.sub("", text)):
        return False
    return len(words(_NO_FIRST.sub("", text))) >= 5


# Said to go on, somewhere in a reply that also says no to something else.
_CARRY_ON = re.compile(r"\b(?:(?:yes|yeah|yep|ok|okay|sure)[,!.]? )?(?:let'?s|lets|we can|happy to|ok to|okay to|"
                       r"i'?ll|i will|i'?m happy to|im happy to) (?:carry on|keep going|continue|go on|go ahead)\b|"
                       r"\b(?:yes|yeah|yep|ok|okay|sure)[,!.]? (?:carry on|keep going|continue|go on|go ahead)\b")
# "should i just quit now", "quit my job": leaving work, asked about, not leaving the conversation
_ABOUT_WORK = re.compile(r"\b(?:should i|shall i|do i|could i|would i) (?:just |really |simply )?(?:quit|leave|stop)\b|"
                         r"\b(?:quit|leave|stop) (?:my|the|this) (?:job|role|work|career|agency|company|school|team)\b")


# Said outright to start ("lets start", "we can begin", "i'm ready"): a question after it does not hold it up.
_STARTS = re.compile(r"\b(?:(?:let'?s|lets|we can|can we|i'?m|im) (?:go|start|begin|do (?:it|this))|ready|"
                     r"go (?:ahead|on)|go for it)\b")


def _asked_after_yes(c: Any) -> bool:
    """"ok sure, whatever. wait, who sees this?": a yes, then a question put to the coach, so the yes came
    before the answer it waited on; the coach answers, then asks again. A yes that says to start
    outright ("yes lets start. who sees this btw?") has begun."""
    text = normalise(c.reply or c.answer)
    if c.confirm is not True or _STARTS.search(text):
        return False
    acts = read_reply(c.reply or c.answer, c.lex, expect="yes_no").acts
    # "yes. oh and did you keep my 60/40 thing?": a question about what was kept waits on nothing (round 25)
    return bool(acts) and acts[-1].kind == "question" and acts[-1].topic not in ("kept", "fixed", "said_before")


# Each takes the rules' Context (coach.listening.rules, which merges these in: named loosely to keep no cycle).
CONSENT: dict[str, Callable[[Any], bool]] = {
    "talks_on": _talks_on,
    "asked_after_yes": _asked_after_yes,
}
