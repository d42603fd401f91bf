"""How a returning mentee says what has changed since last time, as patterns the conversation reads replies
with (coach.conversation.changes): "yes but through game design", "football yes. and now X", "the drives bit is
same", "i dont even know if X" (a doubt, not news)."""

from __future__ import annotations

import re

from coach.listening import rules
from coach.listening.fixes import read_fixes
from coach.listening.playback import trimmed

# What is different, said beside a yes to "still true?" (round 21).
EXCEPT = re.compile(r"(?i)\b(?:except|apart from|other than|besides|only)(?: (?:that|for|maybe))?,?\s+"
                     r"(?P<x>(?:i'?m|im|i am|i'?ve|ive|i|now|the|my|we)\b[^.!?]{3,})")
# "prob not ngl", "no. the politics part kills it", "nah": last time's pick said no to, maybe with a reason
SAID_NOT = re.compile(r"(?i)^\W*(?:(?:prob(?:ably)?|maybe|honestly|tbh|ngl|um+|hmm+|well|i think|i guess)[,.]?\s+)*"
                      r"(?:no+|nope|nah|not (?:really|any ?more|now|so much)|not)\b(?!\s+(?:sure|yet)\b)")
# "yeah i think so. leaning more to the educator one this week tbh" (round 41): a yes, and which way it leans now
# ... and "leaning tech lead now more than staff. prob" (round 95 asked "yes or no?")
LEANING = re.compile(r"(?i)\b(?P<x>(?:i'?m |im |i am )?leaning (?:more |a bit more |a lot more )?"
                      r"(?:(?:to|towards|toward) )?(?!on\b|in\b|back\b|against\b)[^.!?,]{3,40})")
# "yes but through game design. not UX. indie games" (round 42 moved on as if it were a plain yes): the way now
YES_BUT_VIA = re.compile(r"(?i)^\W*(?:yes|yeah|yep|ya|still)[,.!]*\s+but\s+(?P<x>(?:through|via|more|in|as|with|doing|"
                          r"by|into)\b[^.!?]{3,40}?)(?=[.!?]|$)")
# What a returning mentee adds to last time's words (round 21): "i want that in there, like patient education too"
# ("add patient education" is read as a fix).
IN_THERE_TOO = re.compile(r"(?i)\b(?:want|put|have|need) (?:that|it|this|them) in(?: there| it)?\b[^.!?]*?"
                           r"(?:,\s*|\s+)(?:like|so|as in|i mean|meaning)\s+(?P<x>[^.!?;,]+?)\s+(?:too|as well)\b")
# "yeah. oh and priya said i'm good at follow up questions lol so maybe that too" (round 57 noted nothing), at last
# time's strengths: one more thing they are good at
GOOD_AT_TOO = re.compile(r"(?i)\b(?:i'?m|im|i am) (?:really |quite |pretty |actually )?good at (?P<x>[^.!?,;]{2,40}?)"
                         r"(?:\s+(?:lol|haha|tbh|apparently))?(?:[,.]?\s*(?:so )?(?:maybe )?(?:add )?(?:that|it)?\s*"
                         r"(?:too|as well))?(?=\W*$|[.!?,;])")
# A label before what is added, not part of it: "new thing, X", "news: X", "add: X".
ADDED_LABEL = r"(?:(?:a |one )?new thing[,:]?\s+|news[,:]?\s+|update[,:]?\s+|add[,:]\s+)"
# One more thing said after a yes to "is that still true?" (round 22): "football yes. and actually now coaching X".
AND_NOW = re.compile(rf"(?i)(?:^|[.!?]\s+|,\s+(?=plus\b))(?:and|plus|also)\s+(?:actually\s+)?"
                      r"(?:now\s+|also\s+|these days\s+)?"
                      # "and new thing, my boss ask me to make the shift plan" (round 85 noted "new thing")
                      rf"{ADDED_LABEL}?"
                      # "and i'd add, feeling useful" (round 73 noted "you'd add too"): what is added comes after
                      r"(?:(?:i'?d|i would|i'?ll|i will|i want to|i wanna|can you|pls|please) (?:also )?add,?\s+)?"
                      # "and actually scrap the money thing" (round 50 noted it "too"): a fix, not one more
                      r"(?!(?:scrap|take|remove|drop|forget|delete|cut|lose|get rid|change|fix|swap|replace)\b)"
                      # "and can you write it normally lol, just meaningful" (round 55 noted the request "too")
                      r"(?!(?:can|could|would|will) (?:you|u)\b|(?:pls|please|write|put|make|spell)\b)"
                      r"(?P<x>[^.!?,]{3,})")
# "bugs yeah but drawing too. birthday cards, leaving cards" (round 41 asked "is that a yes or a no?"): one more.
YES_BUT_TOO = re.compile(r"(?i)^\W*(?:[\w' ]{2,30}? )?(?:yeah|yes|yep|ya|still|for sure)[,.!]*\s+(?:but|and)\s+"
                          r"(?:also\s+)?(?:i'?m good at |i'?m |im )?"
                          r"(?P<x>(?!(?:now|then|also|like)\b)[\w' -]{2,40}?),?\s+(?:too|as well)\b"
                          # "football yes but also the BIKES" (round 50 asked again, three times)
                          r"|^\W*(?:[\w' ]{2,30}? )?(?:yeah|yes|yep|ya|still|for sure)[,.!]*\s+(?:but|and)\s+also\s+"
                          r"(?P<y>(?!(?:now|then|like|i|you|it|that)\b)[\w' -]{2,40}?)\s*(?:[.!?]|$)")
# "yes same job. but its a clinical educator who does patient teaching too": the pick said again, whole.
RESTATED_TOO = re.compile(r"(?i)\bbut (?:it'?s|its|it is|i'?d say|more like) "
                           r"(?P<x>(?:a|an|the|my) [^.!?;]+?\b(?:too|as well|also)\b)")
# "organising and maths. you dropped maths last time", "yes. organising AND maths" at last time's "organising people"
# (round 54 asked "yes or no?", then kept organising alone): last time's word said again, with one more beside it.
RESTATED_PLUS = re.compile(r"(?i)^\W*(?:(?:yes|yeah|yep|ya|still|yea)\W+)?(?P<old>[\w' ]{2,40}?)\s+"
                           r"(?:and|&|\+|plus|and also)\s+(?P<x>[\w' ]{2,40}?)(?:\s+(?:too|as well))?\s*(?:[.!?]|$)")
# How last time's experiment went is not a change to last time's summary (round 36)
OF_THE_EXPERIMENT = re.compile(r"(?i)\bexperiment\b")
NOT_THAT = re.compile(r"(?i)^\W*not that\b")
# A remark to the coach about what it kept ("you still have X wrong", "you got that wrong").
TO_THE_COACH = re.compile(
    r"(?i)^(?:and |but |also )?(?:you|u) (?:still |also )?(?:have|got|kept|wrote|put|missed|forgot|left)\b"
    # "you didnt write game design?? write that down" (round 42 kept "I didn't write game design" as the news)
    r"|^(?:and |but |so )?(?:you|u) (?:didn'?t|did not|didnt|never|still haven'?t|haven'?t) (?:write|put|note|add|keep|"
    r"get|catch|hear|say|mention|ask|asked)\b|^(?:pls |please |so )?write (?:that|it|this) down\b"
    # "honestly i think i've changed my mind a bit." (round 50 kept only that): the news comes after it
    r"|^(?:(?:honestly|so|ok|okay|and|but|tbh|um|yeah)\W+)*(?:i think |i guess )?(?:i'?ve|ive|i have|you'?ve) "
    r"changed (?:my|your) mind(?: a bit| a little| again| on (?:that|this|it))?\W*$"
    r"|^(?:[\w']+ ){0,4}(?:idk|dunno|i dunno|i don'?t know)\W*$"  # "honestly after this week idk." (round 51)
    # "but its still saying training, i told you mentoring" (round 62 noted it as what had changed): a fix
    r"|^(?:and |but |also )?(?:it'?s|its|it is|you'?re|youre|you are) still (?:saying|got|putting|calling it|says)\b"
    # "bits of that are a bit scrambled tbh but anyway": of the recap, not news (round 17)
    r"|^(?:(?:hi|hello|hey)(?: again)?\W+)?(?:(?:erm|um|uh|so|and|but)\W+)*"
    r"(?:(?:bits|parts|some|most|half|a lot|a few bits) of (?:that|it|this)|that'?s|that|it'?s|it) "
    r"(?:is |are |was |were |sounds? |seems? |looks? |reads? )?(?:a bit |slightly |kind of |kinda |all |quite )?"
    r"(?:scrambled|garbled|off|wrong|mixed up|muddled|confused|weird)\b"
    # "you made it worse", "'because again matters to you' isnt even english", "i told you that last time as well"
    # (round 63 noted each as what had changed): about the coach's words, not news
    # "you've gone back to 'the person who mentors'", "please fix the two things: ...", "ill fix it myself
    # later" (round 78 noted each as what had changed): about the coach's words
    r"|^(?:(?:hello again|mostly yes|yes|but|and|sorry|so)\W+)*(?:you'?ve|you have|you) (?:gone back to|"
    r"changed it back|put (?:it|that) back|undone)\b"
    r"|^(?:(?:yes|mostly|true|but|and|so)\W+)*(?:please |pls |can you )?fix "
    r"(?:the|these|those|that|this|it|both)\b|^(?:i'?ll|ill|i will) fix (?:it|that|this)\b"
    # "fishing is still in there twice ffs", "near enough isnt a change lol" (round 77 noted both as what had changed)
    r"|^(?:and |but |also )?[\w' ]{2,30}? (?:is|are|'s) (?:still )?(?:in there |on there |listed )?"
    r"(?:twice|two times)\b|^(?:and |but |also )?['\"]?[\w' ]{2,30}?['\"]? (?:is ?n'?t|isnt|is not|was ?n'?t|wasnt) "
    r"(?:a |any )?(?:change|news)\b"
    r"|^(?:(?:no|and|but|also|so|ugh|wow)\W+)*(?:you|u) (?:(?:just|only|have|'ve|ve) )?(?:made|make|making) "
    r"(?:it|that|this|things) worse\b"
    r"|^.{0,80}?\b(?:is ?n'?t|isnt|is not|not|aint) (?:even )?(?:english|a sentence|a real sentence|proper english|"
    r"grammar)\b"
    r"|^(?:(?:and|but|also|so)\W+)*(?:i|like i) (?:told|said to) (?:you|u)(?: (?:that|this|it))?"
    r"(?: (?:last time|before|already|twice|earlier))?(?: (?:as well|too|also))?\W*$"
    r"|^(?:(?:and|but)\W+)*for the (?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|last|hundredth|millionth) time\W*$"
    # "yes apart from the nights bit which i just fixed??", "NO. i corrected this 5 minutes ago. X. write that" (round
    # 91 noted the remark as what had changed): a fix already made, pointed at
    r"|^(?:(?:yes|yeah|ya|mostly|but|and)\W+)*(?:apart from|except(?: for)?) [^.!?]{1,40}? (?:which|that) i "
    r"(?:just |already )?(?:fixed|corrected|changed|told you|said)\b"
    r"|^(?:(?:and|but|no)\W+)*i (?:already |just )?(?:corrected|fixed|changed) (?:this|that|it)\b"
    r"|^(?:pls |please |just )?write (?:that|it|this)(?: down)?\W*$")
# "i dont even know if charities pay enough" (round 52 kept it as the new heading): a doubt, not news
DOUBT = re.compile(r"(?i)^(?:honestly |tbh )?i (?:don'?t|dont|do not) (?:even |really )?know (?:if|whether)\b")
# Of a part of the recap, that it holds ("the drives bit is same") or came out badly ("... got cut off weird tho, its").
PART_SAME = re.compile(r"(?i)^(?:and |but )?(?:the |my )?[\w' ]{1,25} (?:bit|part|one|line)s? (?:is|are|'s) "
                        r"(?:the |still )*(?:same|the same|true|right|fine|ok|okay|unchanged)\b")
PART_REMARK = re.compile(r"(?i)^(?:and |but )?(?:the |my )?[\w' ]{1,25} (?:bit|part|one|line)s? "
                          r"(?:got |was |is |came out )?(?:cut off|cut short|chopped|garbled|weird)[^,.]*,\s*"
                          r"(?:(?:it'?s|its|it is)\s+)?")
PART_WRONG = re.compile(r"(?i)^(?:and |but )?(?:the |my )?['\"]?[\w' ]{1,25}['\"]? (?:bit|part|one|line)s? "
                         r"(?:is|are|'s) (?:a bit |kind of |kinda |all |a total )?"
                         r"(?:a mess|wrong|off|messed up|not right|confusing)\b"
                         r"|^(?:but |and )?(?:one|a|another|the other) thing(?:'s| is)? wrong\b|^(?:it )?is not\b")
# "a lot has changed since: X", "what has changed: X", "big news, X": the run-up to the news.
NEWS_LEAD = re.compile(r"(?i)^(?:(?:also|and|but|so|well|oh|first|firstly)\W+)*(?:(?:big|some|good|great) news"
                        r"(?: actually| though| tho| btw| lol)?\W+|"
                        r"news(?: actually| though| tho| btw)?\s*[.,:;!-]+\W*)|"
                        r"^(?:(?:also|and|but|so|well)\W+)*"
                        r"(?:a lot|lots|loads|quite a bit|much|what|something|things?) (?:has |have )?changed"
                        r"(?: since)?(?: then| last time)?\W*\s*|^since\W+|"
                        # "now, thinking about it, id just keep my own job" (round 42): the thought, not its lead-in
                        r"^(?:(?:now|so|well|honestly|actually)\W+)*(?:thinking about it|come to think of it|"
                        r"on second thoughts?|now that i think about it)\W+|"
                        # "kind of but add security" (round 48 noted "add security"): what is added, not the asking
                        r"^(?:(?:also|and|but|so|pls|please|just)\W+)*add (?:that )?(?=\w)")
# "the free time bit is wrong": which part is out of date, with the news still to come after it.
POINTER = re.compile(r"(?i)^(?:the|that|my) [\w' ]{1,30}? (?:bit|part|thing|one|line|stuff)s? (?:is|was|'s|are) "
                      r"(?:all )?(?:wrong|off|not right|outdated|out of date|old news|different now|"
                      r"not true any ?more)$")

# "head of dept is dead": what is off the cards, not where they are heading (round 25).
GONE = re.compile(r"(?i)^(?:no,? )?(?:i told you,? )?(?:the )?[\w' ]{1,30} (?:is|are|'s) "
                   r"(?:dead|gone|over|off the table|not happening)\W*$")
# "um. maybe? sam's job still looks nice. but the paperwork": still that one, with a doubt beside it.
STILL_BUT = re.compile(r"(?i)^\W*(?:(?:um+|hm+|maybe|yeah|yes|i guess|i think|kind of|sort of|probably)[,.?!]*\s+)*"
                        r"(?P<x>[\w' -]{2,40}?)(?: is| 's)? still (?:looks?|sounds?|seems?|feels?|is) "
                        r"(?:really |pretty |quite )?"
                        r"(?:nice|good|great|right|ok|okay|appealing|the one|tempting|interesting)[.,!]*\s*"
                        r"(?:but|though|tho|except)\s+(?P<y>[^.!?]{2,40}?)\W*$")
# '"same as last time which you also lost" was me complaining at you lol' (round 72 kept it as the strengths): what
# one's own earlier words were, not news
OWN_REMARK = re.compile(r"(?i)^\W*(?:and |but |also )?['\"\u201c]?[^'\"\u201d]{2,80}['\"\u201d]? (?:was|is|were) "
                        r"(?:just |only )?(?:me|a) (?:complaining|moaning|joking|ranting|venting|asking|"
                        r"being (?:cross|sarcastic|rude|annoyed)|complaint|joke|question|rant)\b")

# "same as before", "samey", "told you last time", "nothing's changed": last time's answer, said to hold.
SAME_AS_BEFORE = re.compile(r"(?i)\b(?:same as (?:before|last time|ever|always|(?:the )?last (?:\w+ )?times?)|samey|"
                            r"(?:i )?(?:already )?told (?:you|u)(?: (?:that|this|so|all this))? (?:last time|before|"
                            r"already|twice|(?:\w+ )?times)|nothing(?:'s| has| is)? changed|(?:still )?the same "
                            r"(?:as (?:before|last time)|answer)|(?:for )?the (?:second|third|fourth|fifth|\w+th) "
                            r"(?:\w+ )?time)\b")


# "its not just css bugs?? last time i also said noticing when stuff is confusing for users" (round 83 noted "it's not
# just css bugs" as the change): last time's words stay, and the one said "also" joins them
NOT_JUST_TOO = re.compile(r"(?i)\b(?:it'?s|its|it is|that'?s|thats) not just (?:the )?[\w' ]{2,40}?[.!?]+\s*"
                          r"(?:(?:last time|before|and|but) )?(?:i )?(?:also said|also|said|i said) "
                          r"(?P<x>[^.!?]{3,60}?)(?=\W*$|[.!?])")


# "... otherwise ya still true, maybe growth more now" (round 83 made that sentence the drives): the rest stands, and
# what follows it is one more thing beside last time's
OTHERWISE_TRUE = re.compile(r"(?i)\b(?:otherwise|other than that|apart from that|besides that)[,.]?\s+"
                            r"(?:(?:ya|yes|yeah|yep|its|it'?s|all|everything)[,.]?\s+)*(?:still )?"
                            r"(?:true|right|good|fine|the same|same|ok|okay)\b[,.;]*\s*"
                            r"(?:(?:and|but|just|though|tho)\s+)?(?P<x>[^.!?]*)"
                            # "actually no, money still important. put all three same" (round 84 kept "money less")
                            r"|\b(?:put |keep |leave )?(?:all|both) (?:three |two |four |of them |of it )?"
                            r"(?:the )?same\b")


def yes_also(reply: str, kinds: list[str]) -> bool:
    """A reply that opens with a yes and goes on "also ...", whatever doubt follows ("ya. also been doing a figma
    course, kinda fun?": round 83 took it for a change and lost last time's words)."""
    return NOT_JUST_TOO.search(reply) is not None or OTHERWISE_TRUE.search(reply) is not None or (
        bool(kinds) and kinds[0] == "yes" and "no" not in kinds and AND_NOW.search(reply) is not None)


def restated_plus(reply: str, before: str) -> str:
    """"organising AND maths" at last time's "organising people": the word beside last time's ("" if not that)."""
    m = RESTATED_PLUS.match(reply)
    if m is None or not before:
        return ""
    had = {w[:5] for w in rules.words(before.lower()) if len(w) >= 4}
    old = {w[:5] for w in rules.words(m["old"].lower()) if len(w) >= 4}
    new = {w[:5] for w in rules.words(m["x"].lower()) if len(w) >= 4}
    return m["x"].strip() if old and old <= had and new and not new & had else ""


def with_news(words: str, corrected: str, told: str) -> str:
    """What is different now, with the news the reply told: "i applied for the MPH! ... so its X" (both), "... news:
    tom put the leave in writing" (round 72 heard only the fix beside it)."""
    if told and corrected and corrected.lower() not in told.lower():
        return f"{trimmed(told)}. {corrected}"
    at = words.lower().find(trimmed(told).lower()) if told and not corrected else -1
    if at > 0:  # "... it's X, we fixed that. something has changed though, the head asked ..." (round 78): news first
        return f"{trimmed(told)}. {words[:at].rstrip(' ,;')}{words[at + len(trimmed(told)):]}".strip(" .")
    return f"{words}. {trimmed(told)}" if told and not corrected and at < 0 else words


def only_news(news: list[str]) -> list[str]:
    """"overlap isnt X, its Y. news: Z" (round 72): a line put right is no news, nor the label; each said once."""
    told = [s for s in news if not re.fullmatch(r"(?i)\W*(?:\w+ )?(?:news|update)\W*", s) and not any(
        f.kind in ("put", "add") and f.slot for f in read_fixes(s))] or news
    return list({s.lower().strip(" .!?"): s for s in told}.values())
