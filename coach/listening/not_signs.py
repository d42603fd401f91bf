"""Words that look like signs of distress and are not, taken out before the distress rules read a reply.

Each was met in a real conversation that stopped or asked "are you safe?" for nothing: a wish denied, a place
that is "not anywhere", a job that might not exist, work talk in heavy words, the chat itself ending, harm
denied beside "i'm fine".
"""

from __future__ import annotations

import re

# "i want to rest but i don't want to disappear" (round 50 stopped the talk twice): the wish denied, not made
_NOT_GONE_WISH = re.compile(r"\b(?:don't|do not|dont|never|wouldn't|would not) (?:ever |really |just )?"
                            r"(?:want|wanna|wish) (?:to )?(?:just )?(?:disappear|vanish|fade away)\b"
                            r"(?!.*\b(?:but|except) i (?:do|want)\b)")
# A thing that might not exist: "if theres layoffs the analytics lead might not even exist lol", "i meant the JOB
# might not exist" (round 60 stopped the talk twice, the second time after "im totally fine").
_THING_NOT_THERE = re.compile(r"\b(?:the|that|this|a|an|my|his|her|their|our|your|which|it|those|these)\b"
                              r"(?: (?!(?:i|me|myself)\b)[a-z']+){0,3} (?:might|may|could|would|will|won't|wouldn't|"
                              r"does|doesn't|did|didn't|do|don't|can't|cannot|should|shouldn't|might not|may not|"
                              r"could not|will not|would not|does not|did not|do not|is not going to|isn't going to)"
                              r"(?: not| no longer)?(?: even| really| actually| still| be around to)? exist(?:s|ed)?\b")
# Work talk in words that are also signs (round 60 asked "are you safe?" of each): "i optimise truck routes which is
# fine but nobody cares", "kind of spreadsheet heavy tbh", "its the pension, not losing it".
_WORK_NOT_A_SIGN = re.compile(r"\b(?:which is |it'?s |its |that'?s |thats )?(?:fine|ok|okay) but "
                              r"(?:nobody|no one) cares\b|"
                              r"\b(?:spreadsheet|admin|data|meeting|paperwork|process|maths?|reading|excel|travel|"
                              r"sales|report|code|desk|email|people|theory|jargon)[- ]heavy\b|"
                              r"\b(?:not|never|without|about|of|risk|fear) losing it\b")
# Something else said not to vanish: "i don't want 30 years to just vanish when i clear my desk" (round 61 stopped
# the talk on it); and a way out of a job: "roles get merged by march and im kind of hoping its a way out" (round 61)
_NOT_LOST_WISH = re.compile(r"\b(?:don't|do not|dont|never|wouldn't|would not) (?:really |just )?(?:want|wish) "
                            r"(?!(?:me|myself|to)\b)(?:[a-z0-9'%]+ ){1,4}to (?:just |simply |all )?"
                            r"(?:vanish|disappear|fade(?: away)?|go to waste|be forgotten|be lost)\b")
_JOB_WAY_OUT = re.compile(r"\b(?:merged?|merger|merging|restructur\w*|reorg\w*|redundan\w*|lay ?offs?|"
                          r"(?:leaving|exit|severance) package|sabbatical|buyout|early retirement)\b"
                          r"[^.!?]{0,80}?\b(?:it'?s|its|it is|be|as|like) (?:a|my|the) (?:way|ticket) out\b")
# A place said, then "not anywhere" (else) beside it: "ux research here, at my company ... not anywhere" (round 51
# stopped the talk on it)
_HERE_NOT_ANYWHERE = re.compile(r"\b(?:here|at my (?:company|work|job|place|school|firm)|where i am now)\b[^.!?]{0,100}"
                                r"(?:[.!?,;]\s*(?:and |but |just )?|\s+(?:and |but )?)"
                                r"not (?:just )?anywhere(?: else)?\b"
                                r"(?! (?:in|by) (?:\d|five|three|a few|a year))")
# Ending the chat or naming a line of the record: "i'm going to stop here. /quit", "the underneath bit lost the
# running on empty part" (round 51 asked "are you safe?" of both)
_TALK_STOPS = re.compile(r"(?:\b(?:i'm going to|i am going to|i'll|i will|let's|i want to|can we|i'd like to|"
                         r"i need to) (?:(?:stop|finish|leave it|call it a day)(?: (?:here|now|there|for (?:today|now|"
                         r"tonight)|the chat|this chat|this conversation|the conversation))+|end (?:the|this) "
                         r"(?:chat|conversation|session)(?: (?:here|now|for (?:today|now)))?)|"
                         r"\bthe (?:running on empty|on empty|burn(?:ed|t) out|knackered|exhausted|tired|stressed) "
                         r"(?:part|bit|line|thing))"
                         r"(?=$|[.,!?;]|\s/)")
# Harm said not to be meant, beside "i'm fine" or "i'm safe" (the answer to "are you safe?")
_SAID_SAFE = re.compile(r"\b(?:yes|yeah|yep)?,? ?(?:i'm|i am) (?:totally |perfectly |completely |honestly )?"
                        r"(?:fine|safe|ok|okay|alright|all right)\b")
_HARM_DENIED = re.compile(r"\b(?:not|never) (?:that )?(?:i'm |i am |i'd |i would |i'll |i will )?"
                          r"(?:going to |gonna |about to )?(?:top|kill|hurt|harm|off|end) (?:myself|meself)\b"
                          r"|\b(?:i'm|i am) not (?:going to|gonna|about to) (?:top|kill|hurt|harm|off) "
                          r"(?:myself|meself)\b")

# "maybe i dont want to stop, i want to do less. like part time" (round 64 asked "are you safe?"): work, less of it
_LESS_NOT_STOP = re.compile(r"\b(?:don't|do not|dont) (?:really )?want to stop\b(?: (?:working|teaching|work))?,? "
                            r"(?:i (?:just )?want to |just |i'd rather |id rather )(?:do|work|teach) less\b")
# "i'd rather die lol - well not die, but you get it" (round 64 asked "are you safe?"): the word taken back at once
_DIE_TAKEN_BACK = re.compile(r"\b(?:i'd|i would|id) (?:honestly )?rather die\b[^.!?]{0,25}\bnot "
                             r"(?:literally |actually |really )?die\b")

# "mentoring juniors vanished AGAIN" (round 65 asked "are you safe?"): a thing gone from the summary, again; "i want to
# help people get good at something without me having to perform": how, not a world without them
_GONE_AGAIN = re.compile(r"\b(?!(?:i|i'?ve|ive|me|myself)\b)\w+ (?:vanished|disappeared|gone missing) "
                         r"(?:again|once more)\b|\bwithout me having to\b"
                         # "the climate dataset thing vanished", "the food and dog stuff disappeared, put it back",
                         # "please drop that for good" (round 66 asked "are you safe?" at each): the summary's parts
                         r"|\b(?:thing|stuff|bit|part|line|item|idea|ones?)s? (?:has |have |just |kind of )?"
                         r"(?:vanished|disappeared|gone missing)\b"
                         r"|\b(?:drop|remove|delete|take out|bin|cut|scrap) (?:that|it|this|them|those)(?: out)? "
                         r"for good\b"
                         # "hes in meetings all day and looks kind of dead inside" (round 66): someone else, described
                         r"|\b(?:he|she|they|he's|hes|she's|shes|they're|theyre)\b[^.!?]{0,40}\bdead inside\b"
                         # "lol im frustrated with YOU not with life" (round 67 asked "are you safe?"): life denied
                         r"|\b(?:with|at|about) (?:you|u|this|the chat|the coach|it)\W+(?:and )?not (?:with|at|about) "
                         r"(?:life|my life|everything)\b")


# "and wound care keeps vanishing" (round 89 asked "are you safe?"): a line of the summary, gone again
_KEEPS_VANISHING = re.compile(r"\b(?!(?:i|i'?m|im|me|myself)\b)\w+ (?:keeps?|kept) (?:on )?(?:vanishing|disappearing|"
                              r"going missing|getting lost)\b|\b(?!(?:i|me|myself)\b)\w+ (?:went|goes) missing "
                              r"(?:too|again|as well|from (?:the|my) (?:summary|list))\b")
# "i could talk about dressings forever which is kind of sad" (round 88 asked if they were safe): a shrug at the
# answer itself, not a feeling
_SAD_TO_SAY = re.compile(r"\b(?:which|and that)(?:'s| is) (?:kind of |kinda |a bit |slightly |pretty |so |quite |"
                         r"probably |maybe )?(?:sad|tragic|pathetic|embarrassing|lame)\b(?:\s+(?:lol|haha|tbh|really|"
                         r"honestly|i know|i guess))*|\b(?:is that|isn'?t that|that'?s|thats) "
                         r"(?:kind of |kinda |a bit |so )?(?:sad|tragic|pathetic|lame)(?:\?|\s+(?:lol|haha))")
# "that is all, i must go, goodbye" (round 89 asked "are you safe?"): leaving the chat, said politely; never a goodbye
# "for everything", to everyone or for good
_CHAT_BYE = re.compile(r"(?:\b(?:i (?:must|have to|need to|gotta|got to|should) go(?: now| soon)?|"
                       r"my shift (?:starts?|is)\w*|(?:that is|that's|thats|this is) all(?: for (?:now|today))?|"
                       r"see you|thanks?|thank you)\b"
                       r"[^.!?]{0,30}\b(?:good ?bye|bye)\b|\b(?:good ?bye|bye) (?:anyway|then|for now|coach)\b)"
                       r"(?! (?:for ever|forever|for good|for everything|everyone|all|world)\b)"
                       r"(?![^.!?]{0,20}\b(?:for everything|forever|for good|for ever)\b)")


# "i'm not falling apart, i have my sister and the garden club" (round 67 asked "are you safe?"): the sign denied, with
# what holds them up said beside it
_NOT_FALLING = re.compile(r"\b(?:i'm|im|i am) (?:really |honestly |definitely )?not (?:falling apart|crumbling|"
                          r"breaking down|drowning|depressed|in a (?:dark|bad) place)\b(?=,? (?:i(?:'ve| have)? got|"
                          r"ive got|i have|i'm (?:fine|ok|okay|alright)|just|honestly|but)\b)")


def without_false_signs(low: str) -> str:
    """``low`` (evened text) with each look-alike replaced by " ~ "."""
    low = _NOT_GONE_WISH.sub(" ~ ", low)
    low = _HERE_NOT_ANYWHERE.sub(" ~ ", low)  # "more ux research here, at my company. not anywhere" (round 51)
    low = _THING_NOT_THERE.sub(" ~ ", low)
    low = _NOT_LOST_WISH.sub(" ~ ", low)
    low = _JOB_WAY_OUT.sub(" ~ ", low)
    low = _WORK_NOT_A_SIGN.sub(" ~ ", low)
    low = _GONE_AGAIN.sub(" ~ ", _DIE_TAKEN_BACK.sub(" ~ ", _LESS_NOT_STOP.sub(" ~ ", low)))
    # "i'm going to stop here. /quit": the chat ends, said as such (round 51)
    low = _NOT_FALLING.sub(" ~ ", _TALK_STOPS.sub(" ~ ", low))
    if _SAID_SAFE.search(low):  # "yes im fine mate, ... not that im going to top myself" (round 52 stopped the talk)
        low = _HARM_DENIED.sub(" ~ ", low)
    return low


def without_false_cues(low: str) -> str:
    """``low`` with words that are only last-resort cues taken out (a goodbye to the chat, a line that keeps
    vanishing from the summary, a shrug at one's own answer): read before the cues, never before the rules or the
    learned reader."""
    return _SAD_TO_SAY.sub(" ~ ", _CHAT_BYE.sub(" ~ ", _KEEPS_VANISHING.sub(" ~ ", low)))
