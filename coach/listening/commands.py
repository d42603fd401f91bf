"""Commands asked for in words: "wait go back", "can we stop here and carry on another day?", "... /quit"."""

from __future__ import annotations

import re

# Going back asked for in words, and nothing else said (round 30: it was kept as an answer; /back worked).
_BACK_ASKED = re.compile(r"(?i)^\W*(?:(?:wait|sorry|oh|hang on|hold on|no|um+)[,.!]*\s+)*(?:can we |could we |can i |"
                         r"can you |could you |can u |let me |let'?s |pls |please )?(?:just )?go back"
                         r"(?: (?:a step|one|one step|to the last (?:one|question)|to that(?: one)?|please|pls))*"
                         r"(?:[,.!]*\s*(?:i (?:want|need|wanna) to |let me |"
                         r"so i can )?(?:change|redo|fix|edit) (?:my|that|the) (?:answer|last answer|one))?\W*$")
# A pause asked for in words at the end of a reply ("ok now pause", "i have to go, pause pls", "/pause").
_PAUSE_ASKED = re.compile(r"(?i)(?:(?:^|[.!?;,]\s*)(?:(?:ok(?:ay)?|so|right|sorry),? )*(?:now )?"
                          r"(?:(?:can we |could we |let'?s |please |i'?ll |ill |i will |i'?m going to |im going to |"
                          r"i'?m gonna )?pause"
                          r"(?: (?:it|this|now|here|please|pls|for now))*|"
                          # "ok im done for today i think", "can we stop now please" (round 33): a stop, asked for
                          r"(?:i'?m|im|i am) (?:done|finished) for (?:today|now|tonight)(?: i think)?|"
                          r"(?:can|could) we (?:please |pls |just )?(?:stop|finish|end|call it a day)"
                          r"(?: (?:now|here|there|for (?:today|now|tonight)|please|pls))*"
                          # "... can we stop here and carry on another day?" (round 56 said "Let's keep going")
                          r"(?:,? and (?:carry on|continue|pick (?:this |it )?up|come back(?: to (?:it|this))?|"
                          r"do the rest|finish (?:it|this|another))(?: (?:another|some other|next) (?:day|time)|"
                          r" later| tomorrow| next week)?)?\??|"
                          r"(?:let'?s|i'?d like to|i want to|i wanna) (?:stop|end|finish|call it a day)"
                          r"(?: (?:now|here|there|for (?:today|now|tonight)|please|pls))+|"
                          # "a masters in statistics, thats it for now" is the plan for now (round 58 paused)
                          r"that'?s enough for (?:today|now|tonight)|that'?s it for (?:today|tonight)|"
                          r"(?<![\w,] )(?<!,)(?:^|(?<=[.!?] ))that'?s it for now|"
                          r"i (?:need|have|got) to (?:go|pause)(?: now)?,? /?pause(?: pls| please)?)|\s/pause)[\s.!]*$")

# "i need to go make dinner lol" as the whole reply (round 75 kept it as a reason why): a pause, asked for in words
_GOING_NOW = re.compile(r"(?i)^\W*(?:(?:ok(?:ay)?|sorry|sry|anyway|right|oh|ah|argh|ugh)[,.!]*\s+)*"
                        r"(?:i (?:need|have|got|gotta) to|i gotta|gotta|i(?:'ve| have) got to|i must) "
                        r"(?:go|run|dash|head off)(?: and| n)? "
                        r"(?:make|cook|get|pick up|collect|do|feed|walk|catch|start|put on|fetch) "
                        r"(?:the |my |some |a |an |his |her |our )?(?:dinner|tea|lunch|breakfast|food|kids?|son|"
                        r"daughter|little one|grandkids|dog|cat|shopping|washing|laundry|school run|train|bus|meeting|"
                        r"call|shift|kettle|oven)\b(?:\s+(?:lol|sorry|sry|now|bye|soon|tbh))*[\s.!]*$")
# A stop asked for with the everyday reason after it (round 34): "can we stop now, I need to pick up my kid",
# "i need to STOP. school run. bye". Only a reason of life's logistics: "i need to stop. everything is too much" is
# read as what it says.
_COMMAND_AFTER = re.compile(r"(?i)(?<=\S)\s+(?P<c>/quit|/pause)\s*$")  # typed after an answer on the same line
# "/quit, i need to go, my manager just walked past" (round 75 went on to the next question): the command first, then
# why; the words after it are kept in the transcript, not read as an answer
_COMMAND_FIRST = re.compile(r"(?i)^\s*(?P<c>/quit|/pause)(?=\s*[,.;:!-]|\s+(?:i|im|i'm|sorry|gotta|got|need|have|bye|"
                            r"brb|back|talk|ttyl|must|later|manager|boss)\b)")
_STOP_FOR = re.compile(r"(?i)(?:^|[.!?;,-]\s*)(?:(?:anyway|ok(?:ay)?|sorry|no|so|honestly|right|please),?\s+)*"
                       r"(?:i said\s+)?"
                       r"(?:(?:can|could) we|i (?:need|have|got) to|i gotta|gotta|let'?s)\s+(?:stop|finish|end|pause)"
                       r"(?:\s+(?:now|here|there|for (?:today|now)))?(?:\s*[,.;!?-]+\s*|\s+(?=i\b))"
                       r"(?:[^.!?]{0,50}\b(?:pick(?:ing)? (?:up|the kids?)|school run|school|my (?:kid|kids|son|"
                       r"daughter|little one)|bye|meeting|dinner|train|bus|shift|appointment|have to go|need to go|"
                       r"gotta go|got to go|running late|late for|(?:i'?ll|ill|i will) come back|"
                       r"come back (?:later|tomorrow|another))\b[^.!?]{0,30}[.!?]*\s*)+$")


# A stop thought aloud at the end of a reply ("maybe i should just stop for today actually, im on nights tomorrow",
# round 93 kept it as whose job they would want): the conversation is paused, with one short reason after it.
_STOP_MAYBE = re.compile(r"(?i)(?:^|[.!?;,-]\s*)(?:(?:anyway|ok(?:ay)?|sorry|so|honestly|right|um+|hmm+),?\s+)*"
                         r"(?:(?:maybe|perhaps|i think|actually),?\s+)*(?:i|we) (?:should|better|'?d better|had better|"
                         r"might|might as well)(?: just)? (?:stop|finish|call it a day|call it a night|leave it|pause)"
                         r"(?: (?:here|there|now|for (?:today|now|tonight)))?(?: actually| tbh| honestly| lol)?"
                         r"(?:\s*[,.;!?-]\s*[^.!?]{0,60})?[.!?]*\s*$")
# A stop asked for because the mentee is tired ("sorry can we finish there, im tired", round 59 kept it as the
# answer): only the tiredness itself after it, so "can we stop, i'm tired of everything" is still read whole.
_STOP_TIRED = re.compile(r"(?i)(?:^|[.!?;,-]\s*)(?:(?:anyway|ok(?:ay)?|sorry|so|honestly),?\s+)*"
                         r"(?:(?:can|could) we|let'?s|i (?:need|have|got) to|i gotta)\s+(?:stop|finish|end|pause)"
                         r"(?:\s+(?:now|here|there|for (?:today|now|tonight)))?\s*[,.;!?-]*\s*"
                         r"(?:(?:cos|coz|because|as),?\s+)?(?:i'?m|im|i am|i'?m just|im just|feeling|getting)\s+"
                         r"(?:so |really |a bit |pretty |quite |very )?"
                         r"(?:tired|knackered|exhausted|shattered|sleepy|wiped(?: out)?|fried|flagging)"
                         r"(?:\s+(?:now|tonight|today|lol|tbh|sorry))*[\s.!]*$")
# A goodbye that ends the reply (round 91: "just autonomy. bye", "ok i must go. bye", "i have to go now, night shift
# start", "right im going to stop there, goodbye, ive got marking" got the next question): the answer before it is
# heard, then the conversation is paused. Only a goodbye for now: "goodbye forever" and "time to say goodbye" are not.
_GOODBYE = re.compile(
    r"(?i)(?:^|(?<=[.!?;,:-])\s*|(?<!\bsay)(?<!\bsaid)(?<!\bsaying)(?<!\bto)\s+(?=(?:bye+|goodbye|ttyl|cya)\b))"
    r"(?:(?:ok(?:ay)?|so|right|anyway|sorry|well|yes|yeah|ya|and|then|ugh|i said)[,.!]*\s+)*(?:i mean\s+)?"
    r"(?:(?:bye+|goodbye|good bye|bye for now|cya|see ya|ttyl|gotta go|got to go|i'?m off|"
    r"(?:i'?m|im|i am) (?:going to|gonna) stop (?:there|here|now)|stop the chat|i give up for (?:today|now|tonight)|"
    r"(?:i )?(?:really |just )?(?:have|need|must|gotta|got) (?:to )?go(?: now)?)"
    r"(?:[,.!]*\s*(?:now|then|lol|sorry|for now|for today|x+|bye+|thank you|thanks|ta|cheers))*)"
    r"(?:\s*[,.;!-]+\s*(?:(?:i'?ve got|ive got|got|i have|off to|need to|have to|gotta|my|the|night|day|work|"
    r"i'?ll|ill|i will)\b[^.!?]{1,40}))?[\s.!]*$")


# A command typed inside a few words ("wait can we /skip this one", "i dunno really /skip", round 59 kept it as the
# answer): the command is what was asked for.
_COMMAND_INSIDE = re.compile(r"(?i)(?:^|(?<=\s)|(?<=[,.!?(]))(?P<c>/skip|/back|/help|/orig)\b")
_MOST_AROUND = 8  # words besides the command; a longer reply is an answer that happens to hold one


# Moving on asked for, and nothing else said ("can we move on", "lets move on pls", "can we just move on, i answered
# that": round 60 asked the same question again).
_MOVE_ON = re.compile(r"(?i)^\W*(?:(?:ok(?:ay)?|um+|sorry|so|right|please|pls)[,.]?\s+)*"
                      r"(?:can we |could we |let'?s |lets |can u |could u )?(?:just |please )?move on"
                      r"(?: (?:please|pls|now|from (?:this|that)(?: one)?|to the next (?:one|question)))*"
                      r"(?:[,.;!?]+\s*(?:i (?:already )?(?:answered|said|told you)(?: (?:that|this|it))?(?: already)?|"
                      r"you asked (?:that|this)(?: already)?))?\W*$")


# "FFS. you just did it again. move on", "ok im just gonna skip this" (round 75 took each as the answer): moving on,
# asked for at the end of a short reply of remarks
_MOVE_ON_END = re.compile(r"(?i)(?:^|[.!?]\s+)(?:(?:ok(?:ay)?|pls|please|just|so|right|anyway|ffs)[,.]?\s+)*"
                          r"(?:(?:can we|let'?s|lets|just) (?:just )?move on|"
                          r"(?:i'?m|im|i am|i'?ll|ill|i will) (?:just )?(?:gonna |going to )?skip (?:this|that|it)"
                          r"(?: one| question| bit)?)(?: (?:pls|please|now|then))?"
                          r"\W*$|^\W*move on\W*$|(?<=[.!?] )move on\W*$")


def command_inside(text: str) -> str | None:
    """The command a short reply asks for by typing it among a few words ("can we /skip this one?") or in words
    ("can we move on"), or None."""
    if _MOVE_ON.match(text) or (_MOVE_ON_END.search(text) and len(re.findall(r"\w+", text)) <= _MOST_AROUND + 2):
        return "/skip"
    found = _COMMAND_INSIDE.search(text)
    if found is None:
        return None
    around = text[:found.start()] + " " + text[found.end():]
    return found["c"].lower() if len(re.findall(r"\w+", around)) <= _MOST_AROUND else None


def back_asked(text: str) -> bool:
    """Does the reply only ask to go back ("wait go back, i want to change my answer")?"""
    return _BACK_ASKED.match(text) is not None


def command_asked(text: str) -> tuple[str, str] | None:
    """The command a reply ends by asking for ("/pause" or "/quit"), and what was said before it (None: none)."""
    first = _COMMAND_FIRST.match(text) or _GOING_NOW.match(text)
    if first is not None:
        return (first.groupdict().get("c") or "/pause").lower(), ""
    asked = (_COMMAND_AFTER.search(text) or _PAUSE_ASKED.search(text) or _STOP_FOR.search(text)
             or _STOP_TIRED.search(text) or _STOP_MAYBE.search(text) or _GOODBYE.search(text))
    if asked is None:
        return None
    rest = _LEAVING.sub("", text[:asked.start()].strip(" ,;")).strip(" ,;")
    before = command_asked(rest) if rest and asked.groupdict().get("c") is None else None
    # "im done for today, bye": the stop before the goodbye is no answer either
    return (asked.groupdict().get("c") or "/pause").lower(), before[1] if before else rest


# The everyday reason for stopping, said just before asking to: not an answer to the question
# ("that would sit fine. i think i need to go and put the kettle on, can we stop here ...?", round 56)
_LEAVING = re.compile(r"(?i)(?:^|(?<=[.!?;,])\s*)(?:(?:ok|so|sorry|anyway|right|oh)[,]?\s+)*(?:i think |sorry,? )?"
                      r"i (?:need|have|got|ought) to (?:go|run|head off|dash|get going)(?: and [^.!?,;]{1,40})?"
                      r"[\s.!,;]*$")
