"""What a returning mentee said in the recap about last time: a goal let go, an experiment told.

Read from the recap's kept values (``recap_check``, ``recap_shift``) and the previous summary,
so the flow does not ask again what was just said (rules ``goal_dropped``, ``told_experiment``)
and the mentor's brief shows how the experiment went."""

from __future__ import annotations

import re
from typing import Any

from coach.listening.lexicon import Lexicon, normalise
from coach.listening.playback import play_back
from coach.listening.text import words

# "not really the community nursing bit anymore", "I've dropped the nursing idea": last time's goal, let go.
_LET_GO = re.compile(r"\b(?:not|no longer|never|don'?t|do not|dropped|gave up|given up|changed|moved on from|over)\b")


# "didnt get round to it", "never did it", "it didn't happen": last time's experiment, not tried.
_NOT_TRIED = re.compile(r"\b(?:didn'?t|did not|didnt|never|haven'?t|have not|havent|couldn'?t)\s+(?:really\s+)?"
                        r"(?:get (?:round|around) to|get to|do|did|try|tried|manage)\s+(?:it|that|the experiment|"
                        r"my experiment|the thing)\b|"
                        r"\bit (?:didn'?t|never) happen")


_COMMON = frozenset({"get", "try", "see", "have", "make", "find", "think", "look", "keep", "just", "maybe", "the"})


# Said it was done, with no word on how it went: "i did the shadowing thing".
# ... and with the "i" dropped: "ye pretty much. did the shadowing thing btw" (round 93 never asked how it went)
_ONLY_DONE = re.compile(r"(?:\bi |^\s*(?:(?:ye[sa]?h?|yep|ya|ok|oh|and|also|so|btw)[,.]?\s+)*)(?:did|tried|done) "
                        r"(?:the|that|my|it)\b")
_HOW_IT_WENT = re.compile(r"\b(?:good|great|well|bad|badly|ok|okay|fine|interesting|amazing|awful|weird|scary|"
                          r"nervous|helpful|useful|cool|nice|brilliant|rubbish|meh|mixed|tough|exciting|learn\w*|"
                          r"liked|loved|hated|enjoyed|fun|boring|eye.?opening|"
                          r"said|told|let me|showed|went|want|wanted|think|thought|realis\w*|realiz\w*|found|felt|"
                          r"decided|sure|love|hate|surprised|made me)\b")


_PLAIN_WORDS = frozenset({"next", "month", "week", "weeks", "year", "some", "with", "about", "that", "this", "from",
                          "them", "more", "have", "just", "maybe", "then", "what", "your", "time", "when", "will"})
_TOLD = re.compile(r"\b(?:did|tried|went|was|were|didn'?t|did not|never got|had|met|spoke|talked|asked|saw|"
                   r"visited|called|emailed|shadowed|sat in|looked|checked|searched|applied|finally)\b")
_GOOD_NEWS = re.compile(r"\b(?:good|great|some|big|exciting) news\b")


def _told_once(values: dict[str, Any]) -> str:
    """What the recap kept, each thing once: the shift is most often the check's own words again."""
    check = normalise(str(values.get("recap_check") or ""))
    shift = normalise(str(values.get("recap_shift") or ""))
    if shift and set(words(shift)) <= set(words(check)):
        return check
    return f"{shift} {check}".strip()


def experiment_told(values: dict[str, Any]) -> str:
    """The recap value in which a returning mentee said how last time's experiment went ("" if none).

    "I did the shadowing, it was great": the mentor's brief shows those words as how it went."""
    tried = str((values.get("previous") or {}).get("experiment") or "")
    key = {w[:6] for w in words(normalise(tried)) if len(w) >= 6} or {  # "the week plan alone" (round 93): short words
        w for w in words(normalise(tried)) if len(w) >= 4 and w not in _PLAIN_WORDS}
    if str(values.get("experiment_review") or "").strip():  # told at the recap before its question (round 39)
        return "experiment_review"
    for name in ("recap_shift", "recap_check"):
        # "and you never asked how the shadowing went" (round 80): asked to be asked, nothing told
        said = _NOT_ASKED.sub(" ", normalise(str(values.get(name) or "")))
        # "i had the coffee with the data guy" (round 50): done, in the words of the thing done
        # in the same clause: "sitting on the sofa doesnt light me up, that was me being knackered" tells nothing of
        # "ask about sitting in on an induction" (round 54)
        told = any(_TOLD.search(c) and any(w[:6] in key or w in key for w in words(c) if len(w) >= 4)
                   for c in re.split(r"[.,;!?]+|\bbut\b", said))
        # "i did the shadowing thing" (round 42): done, but how it went is still to ask. Only what follows it
        # can say how it went: "good news, i did the induction thing!" or "i told you last time ... oh and i did
        # the shadowing day!!" before it does not (round 54 never asked how either went)
        whole = _GOOD_NEWS.sub(" ", _told_once(values))
        done = next((c for c in re.split(r"[.,;!?]+|\band\b|\bbut\b", whole) if _ONLY_DONE.search(c)), "")
        rest = whole[whole.find(done) + len(done):] if done else ""
        only_done = bool(done) and not _HOW_IT_WENT.search(done) and not _HOW_IT_WENT.search(rest)
        if told and not only_done:
            return name
        # "i asked her and she said yes!!" after "ask Dr Shah if i can co-write the next grant" (round 39): the
        # experiment's own verb, said in the past
        # ... or, told as news in a second language, its own verb and object again: "news: I call Marek" after "i
        # call Marek and ask about this job" (round 92 then asked how it went)
        plan = [w for w in words(normalise(tried)) if w not in ("i", "you", "to", "maybe", "just", "try")]
        verb = plan[0] if plan else ""
        if len(verb) >= 3 and verb not in _COMMON and (any(re.fullmatch(rf"{re.escape(verb)}(?:e?d|t)", w)
                                                           for w in words(said)) or (
                len(plan) > 1 and f" {verb} {plan[1]} " in f" {' '.join(words(said))} "
                and not _AHEAD_WORDS.search(said))):
            return name
        if _NOT_TRIED.search(said):  # "didnt get round to it tbh, rota chaos": what "it" is goes without saying
            return name
        # "went alright. knees were fine ..." and "what i did was ask jan, and she said yes, i can shadow her" after
        # "what has shifted?" (round 63 then asked how the experiment went): how it went, said first, or whom it
        # named with what they said or did
        named = {w for w in words(normalise(tried)) if len(w) >= 3 and w not in _COMMON | _SMALL}
        if name == "recap_shift" and (_WENT_FIRST.match(said) or any(
                named & set(words(c)) and _TOLD_WHO.search(c) for c in re.split(r"[.;!?]+", said))):
            return name
    return ""


_AHEAD_WORDS = re.compile(r"\b(?:will|going to|gonna|plan|planning|next|soon|want to|should|might|could)\b|'ll\b")
_NOT_ASKED = re.compile(r"\b(?:you|u) (?:never|didn'?t|didnt|did not|haven'?t|havent|still haven'?t) (?:even )?"
                        r"ask(?:ed)? (?:me )?(?:how|about|if|whether)\b[^.!?]*")
_SMALL = frozenset({"ask", "about", "her", "him", "his", "them", "their", "with", "for", "and", "who", "how", "what",
                    "when", "can", "could", "would", "one", "two", "day", "week", "more", "some", "out", "into"})
_WENT_FIRST = re.compile(r"^\W*(?:(?:so|well|um+|erm|ok|okay|honestly|yeah)[,.]?\s+)*(?:it |that |the \w+ )?"
                         r"(?:went|was) (?:really |pretty |quite |kind of |kinda |actually |surprisingly )?"
                         r"(?:well|ok|okay|alright|fine|great|good|badly|bad|brilliant|amazing|awful|terrible|better|"
                         r"worse)\b")
_TOLD_WHO = re.compile(r"\b(?:(?:she|he|they) (?:said|says|told|agreed|offered)|i did was|i (?:asked|emailed|rang|"
                       r"called|messaged|met|spoke to|talked to))\b")


def goal_dropped(values: dict[str, Any]) -> bool:
    """Does what the returning mentee said has changed name last time's goal as no longer theirs?"""
    said = normalise(" ".join(str(values.get(k) or "") for k in ("recap_shift", "recap_check")))
    goals = (values.get("previous") or {}).get("goals") or []
    goal_words = {w for g in goals[:1] for w in words(normalise(str(g))) if len(w) > 3 and w not in _GOAL_FILLER}
    if goal_words:  # "its training not h&s" (round 81 asked the goal afresh): the goal kept, the other part not
        said = re.sub(r"\b(?:" + "|".join(map(re.escape, sorted(goal_words))) + r")\b,? (?:and )?not\b", " ", said)
    return bool(goal_words) and bool(_LET_GO.search(said)) and any(w in words(said) for w in goal_words)


_GOAL_FILLER = frozenset({"something", "like", "maybe", "would", "want", "where", "years", "being", "more", "into",
                          # words said on the way, not of the line ("climbing for sure, bouldering mostly", round 42)
                          "mostly", "really", "honestly", "probably", "think", "guess", "things", "stuff", "about",
                          "lately", "pretty", "kinda", "sorta", "basically", "actually", "always", "usually"})


# How a mentee points at a part of the recap ("the free time bit is wrong", "my strengths changed").
# The line a recap reply names; "you cut off the life outside work bit" is the underneath line, not the passions
# (round 75 asked for the passions afresh)
_PART_NAMES = {
    "passions": re.compile(r"\b(?:free (?:time|day)|hobb(?:y|ies)|passions?|lights? me up|(?<!life )outside work|"
                           r"spare time|weekends?|for fun)\b"),
    "strengths": re.compile(r"\b(?:strengths?|good at|come to me|known for|skills?)\b"),
    "motivations": re.compile(r"\b(?:drives?|driven|drivers?|motivat\w*|gets? me going)\b"),
}


def had_drives(values: dict[str, Any], lex: Lexicon) -> bool:
    """The earlier session kept what drives the mentee, and the recap did not just put it right ("the drive isnt
    just money, its also not being stuck in meetings", round 41): last time's drives are asked about as a whole."""
    kept = (values.get("previous") or {}).get("motivations") or []
    kept = kept if isinstance(kept, list) else [kept]
    said = [lex.motivations[m].label if m in lex.motivations else str(m) for m in kept if isinstance(m, str)]
    return had({**values, "previous": {"motivations": said}}, "motivations")


def had_why(values: dict[str, Any]) -> bool:
    """The goal is still last time's, and last time's summary holds what was underneath it (not just put right at
    the recap): it is asked about as a whole, not laddered down to again (round 41: "we did this")."""
    goals = (values.get("previous") or {}).get("goals") or []
    before = goals[0] if isinstance(goals, list) and goals and isinstance(goals[0], str) else ""
    goal = values.get("goal")
    same = isinstance(goal, str) and bool(before.strip()) and goal.strip().lower() == before.strip().lower()
    return same and had(values, "bedrock")


def had(values: dict[str, Any], key: str) -> bool:
    """The earlier session's summary holds ``key`` in words that can be said back, and the mentee did not
    just say in the recap that it has changed ("the free time bit is wrong, it's climbing now"): a part
    already put right is asked afresh, not as "is that still true?"."""
    items = (values.get("previous") or {}).get(key) or []
    items = items if isinstance(items, list) else [items]
    if not any(play_back(str(i or "")) for i in items):
        return False
    said = normalise(" ".join(str(values.get(k) or "") for k in ("recap_shift", "recap_check")))
    own = {w for i in items for w in words(normalise(str(i or ""))) if len(w) > 4 and w not in _GOAL_FILLER}
    named = key in _PART_NAMES and _PART_NAMES[key].search(said) is not None
    # one word in common is enough for a short answer ("pottery"), not for a long one: "the garden centre" said
    # of the experiment is no change to "garden in the morning, then choir" (round 48 asked the passions afresh)
    shared = own & set(words(said))
    return not (named or len(shared) >= (1 if len(own) <= 3 else 2))


# What happened since, said as news: "my boss offered me a team lead role last week", "i got onto the course!",
# "I've applied to a health tech startup" (rounds 28, 29: heard only as "how it went").
_NEWS = re.compile(
    r"(?i)\b(?:(?:i'?ve|ive|i have|i|we'?ve|we) (?:just |finally |actually |now )?(?:got|landed|applied|started|moved|"
    r"quit|left|handed in|signed|passed|failed|finished|joined|switched|accepted|been (?:offered|promoted|accepted|"
    r"made|given|moved|put)|was (?:offered|promoted|accepted|made|given|moved)|become|booked|enrolled|signed up)\b|"
    # "ya ok. got a new job tho, at a garage!!" (round 38): no "i", the news all the same
    r"(?:^|(?<=[.!?,;]\s))(?:(?:and|also|oh|but|so) )?(?:just |finally |actually )?(?:got|landed|started|passed|joined|"
    r"quit|left) (?:(?:a|an|the|my|onto|into|on) )+(?:[a-z-]+ )?(?:job|role|post|place|offer|promotion|"
    r"apprenticeship|interview|course|position|test|exam|licen[cs]e|degree|qualification)\b|"
    r"(?:offered|promoted|hired|accepted|shortlisted) me\b|"
    # "she said i could do the train the trainer course" (round 49): a go-ahead given
    r"\b(?:she|he|they|my (?:boss|manager|supervisor|team lead|lead)) (?:said|says|told me) (?:that )?(?:i|we) "
    r"(?:could|can|get to|am allowed to|was allowed to)\b(?! not\b|n'?t\b)|"
    r"(?:got|have|had) an? (?:interview|offer|promotion)\b|"
    # "oh and the big change, my company announced a data team reorg and theres an internal ... role opening" (r76)
    r"\b(?:my|our|the) (?:company|work|boss|manager|team|school|trust|hospital|firm|agency|department|head) (?:just |"
    r"finally )?(?:announced|advertised|posted|offered|opened|is hiring|are hiring|said no|said yes)\b|"
    r"\bthere'?s (?:now )?(?:a|an) (?:new |internal |junior |senior )*[\w' -]{0,30}(?:role|job|post|position|vacancy|"
    r"opening) (?:opening|going|coming up|open|advertised)\b|"
    # "news: tom put the leave in writing, march to may!" (round 72 noted the fix beside it instead): labelled news
    r"(?:^|(?<=[.!?;]\s))(?:(?:and|also|oh|but|so|big|some|other|good|bad|kind of|kinda|sort of|a|huge|massive|"
    r"exciting|quick|little|small) )*(?:news|update)\s*[:!-]+\s*(?=\w)|"
    # "... something has changed though, the head asked if anyone wanted three days" (round 78 noted the fix instead)
    r"(?:^|(?<=[.!?;]\s))(?:(?:and|also|oh|but|so) )*(?:something|one thing|stuff|a thing)(?: big| new)? "
    r"(?:has |'s |did )?(?:changed|happened)(?: though| tho| actually)?\s*[:!,-]+\s*(?=\w)|"
    r"(?:i'?m|im|i am) (?:now |finally )?(?:starting|leaving|moving|going part[- ]time|retiring|pregnant|on leave)\b|"
    # "I start electrician course in September!" (round 32, a second language): the plan, in the present
    r"\bi (?:start|begin|finish|leave|move|join) (?:a |an |the |my )?[\w' -]{2,40}? (?:in|on|next|this|from) "
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|"
    r"autumn|fall|winter|week|month|year|monday|tuesday|wednesday|thursday|friday)\b)")


_NOT_NEWS = re.compile(r"(?i)\b(?:i'?ve|ive|i) (?:only )?got (?:about |like |only |maybe )?(?:\d+|ten|five|fifteen|"
                       r"twenty|thirty|a few|a couple of) ?(?:mins?|minutes|hours?|hrs?)\b|\bgot to go\b|"
                       # "i corrected that before i quit" (round 65: "Thank you for telling me: you quit"): the chat
                       # ... and "can we carry on from where I quit?" (round 90: the same)
                       r"\b(?:before|when|after|since|till|until|where|from where) i (?:quit|left|stopped)\b"
                       r"(?! (?:my|the|that|this) "
                       r"(?:job|role|post|company|team|school|agency|firm)\b)|"
                       # "sorry i quit before, my daughter call me" (round 93: "Thank you for telling me: you quit
                       # before"): leaving the chat last time, said sorry for
                       r"\bi (?:had to )?(?:quit|left|stopped|went|go|ran|logged off)"
                       r"(?: (?:so )?(?:suddenly|early|fast|quickly|like that|the chat|the talk))?"
                       r" (?:before|earlier|last time|halfway|in the middle)\b")


def news_told(answer: str) -> str:
    """The words of ``answer`` that tell news, as typed ("" if none do)."""
    for sentence in re.split(r"(?<=[.!?;])\s+|(?<=:)(?<!news:)(?<!News:)(?<!update:)\s+|,\s+(?=but\b)", answer):
        m = _NEWS.search(_NOT_NEWS.sub(" ", sentence))  # "i've got 10 mins": no news
        if m and re.match(r"(?i)(?:\w+ )*(?:news|update|changed|happened)(?: though| tho| actually)?\s*[:!,-]",
                          m.group(0)):
            return sentence[m.end():]  # "news: X": X
        if m:
            return sentence[m.start():] if m.start() > 0 and re.match(
                r"(?i)(?:i|ive|i'?ve|we)\b", sentence[m.start():]) else sentence
    return ""


def news_in(answer: str) -> str:
    """The sentence of ``answer`` that tells news, said back ("" if none does)."""
    told = re.sub(r"(?i)\s+(?:tho|though)\b(?=[,.!]|$)", "", news_told(answer))  # "got a new job tho, at a garage"
    told = re.sub(r"(?i)^(?:(?:oh|and|so|but) )*(?:the |a )?(?:big |other |one )?(?:change|news|thing|update)[,:]\s+",
                  "", told)  # "oh and the big change, my company announced X": what changed
    told = re.sub(r"(?i)^(?:(?:and|also|oh|but|so) )?(?=(?:just |finally |actually )?(?:got|landed|started|passed|"
                  r"joined|quit|left) )", "I ", told)  # ... said back as "you got a new job"
    return play_back(told, 20) if told else ""
