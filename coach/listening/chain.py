"""The why-ladder said back: the reasons each rung gives, and the chain joined with "because"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from coach.listening.playback import is_non_answer, key_phrase, play_back
from coach.listening.pronouns import second_person

_BECAUSE = re.compile(r"(?:^|[\s,;:(-])(?:because|'cause|cos|coz|cuz|bc|b/c|becuase|so that)(?! of\b),?\s+"
                      r"|(?:^|(?<=[.!?,;])\s*)cause\s+", re.IGNORECASE)


# A reason said back whole up to this many words ("at the clinic you fix one mouth at a time and the same problems
# keep coming back": cut at "and", the "it" of the next reason points at nothing; round 36)
_REASON_WORDS = 18


def reasons(answer: str) -> list[str]:
    """The reasons an answer gives: what follows each "because", or what it says if none."""
    text = _UNDER_IS.sub("", " ".join(answer.split()))  # "Underneath the tiredness, I suppose, is that X": X
    text = re.sub(r"(?i)^(?:is|was) that (?=\w)", "", text)  # ... its run-up already peeled off by the reader
    behind = _BEHIND_IS.search(text)
    # "... oddly. What is behind it is wanting to be appreciated.": that
    text = (behind.group("r") or behind.group("s")) if behind else text
    if is_non_answer(text):
        return []
    not_more = _NOT_MORE.match(text)
    if not_more:  # "not the nurse bit exactly, more what he said - the job is the patients" (round 33): that
        return [p for p in (key_phrase(_explained(not_more.group("y"))),) if p]
    parts = _BECAUSE.split(text)
    so_then = _SO_THEN.search(text)
    if len(parts) > 1:
        # The part before the first "because" usually restates the rung being asked about.
        parts = [_liked_instead(p) for p in parts[1:]]
    elif so_then and len(so_then.group("r").split()) >= 2:
        # "my dad always said i was thick. so proving him wrong": what was said first is where it comes from;
        # what follows "so" is the reason the mentee gives
        parts = [so_then.group("r")]
    else:
        # "My father was an accountant, maybe it is from him. When I find the pattern I feel calm", "knees. and
        # i'd like to see my kids graduate": a guess or a word first, then what they feel or want: that is the reason.
        sentences = [x for x in re.split(r"(?<=[.!?])\s+", text) if x.strip()]
        guess = next((i for i, x in enumerate(sentences) if _GUESSED.search(x) or len(_MATE.sub("", x).split()) <= 2
                      or _ABSTRACT.match(x)), None)
        felt = next((x for x in sentences[guess + 1:] if _FELT.search(x)), "") if guess is not None else ""
        felt = _clause_felt(felt)  # "Early on I was made redundant, and I promised myself X": that clause
        # "money obviously. and like, my mum sacrificed a lot so i could go uni, ... and i like being good at stuff"
        # (round 34): the family said on the way is a reason too, not lost for the last one
        at = next((i for i, x in enumerate(sentences) if felt and felt in x), 0)
        family = [x for x in sentences[(guess or 0) + 1:at] if _FAMILY.search(x) and len(x.split()) >= 5]
        # "knees mostly. and i like showing people how ..." (round 67 dropped the knees): the word said to be the main
        # reason is one too
        first = _MATE.sub("", sentences[guess]) if guess is not None else ""  # "my knees mate" (round 70)
        main = [first] if felt and (_MAIN.search(first) or _BODY_PART.search(first.strip(" .!?"))) else []
        # "... i like seeing a new lad go from useless to decent. plus pension, need to last till 67": one more
        plus = [_PLUS.sub("", x) for x in sentences[at + 1:] if _PLUS.match(x) or re.match(r"(?i)[a-z]+,\s", x)][:1] \
            if felt else []
        parts = [*main, *family[:1], felt, *plus] if felt else [_liked_instead(text)]
    parts = [piece for part in parts for piece in _ALSO_WANT.split(part) if piece.strip()]
    # "firstly, I am tired; secondly, ...; and thirdly, ...": each reason of its own, without its number (round 29)
    parts = [_FIRSTLY.sub("", piece) for part in parts for piece in _NEXTLY.split(part) if piece.strip(" ;,.")]
    bigger = _BIGGER.search(text)  # "the shifts are obvious. the bigger one is my mum": that one, named
    parts = [_explained(bigger.group("r"))] if bigger else parts
    return [p for p in (key_phrase(part, _REASON_WORDS) for part in parts) if p]


_MATE = re.compile(r"(?i)\s+(?:mate|lol|tbh|obviously|innit|really)\W*$")
_PLUS = re.compile(r"(?i)^(?:plus|and also|also|oh and)\s+")
_MAIN = re.compile(r"(?i)\b(?:mostly|mainly|mainly|main|first|firstly|biggest|obviously|above all)\b")
# "i'd be the first in my family to finish uni. and i want to actually help people": a second reason of its own
_ALSO_WANT = re.compile(r"(?i)(?<=[.!?;])\s+(?=(?:(?:and |also |plus )?i (?:also |really |just |actually )?"
                        r"(?:want|wanna|like|love|need)\b|(?:and|also|plus) (?:my|i|i'?m|the)\b|my [a-z]+'s\b|"
                        r"(?:being|having|feeling|getting|making|seeing) [a-z]))")  # "... of it. being taken seriously"
_UNDER = r"(?:underneath|under|beneath|behind) (?:the |that |it |this |all (?:of )?(?:that|this|it)\s?)?"
_UNDER_IS = re.compile(r"(?i)^(?:(?:well|so|hmm+|and)[,.]?\s+)*" + _UNDER + r"[\w' ]{0,30}?,?\s*"
                       r"(?:i (?:suppose|think|guess)|probably|really)?,?\s*"
                       r"(?:is|it'?s|its|was) (?:that |probably |really |just )*(?=\w)")
_BEHIND_IS = re.compile(r"(?i)(?:^|[.!?]\s+)what(?:'s| is| was) (?:behind|underneath|under|beneath) "
                        r"(?:it|that|this|all (?:of )?(?:that|this|it)) (?:is|was) (?P<r>[^.!?]+)|"
                        # "... I did say head office too. But I suppose underneath it is wanting X" (round 34)
                        r"(?:^|[.!?]\s+)(?:(?:but|and|so|well)[,]?\s+)?(?:i (?:suppose|think|guess)[,]?\s+)?"
                        r"(?:underneath|beneath|behind) (?:it|that|this|all (?:of )?(?:that|this|it)),? "
                        r"(?:is|was|it'?s|its) (?P<s>[^.!?]+)")
_NEXTLY = re.compile(r"(?i)[;,.]\s*(?:and\s+)?(?:secondly|thirdly|fourthly|lastly|finally)\b[,:]?\s*")
_FIRSTLY = re.compile(r"(?i)^\W*(?:firstly|first of all|first off|to start with)\b[,:]?\s*")
_BIGGER = re.compile(r"(?i)\b(?:the )?(?:(?:bigger|biggest|main|real|more important) (?:one|thing|reason|part)|"
                     r"root(?: of it(?: all)?)?) (?:is|was) "
                     r"(?P<r>[^.!?]+(?:[.;]\s+(?:not|never|wanting|being)\b[^.!?]+)?)")
_SO_THEN = re.compile(r"(?i)(?<=[.!?])\s+(?:and )?so,?\s+(?!(?:yeah|yes|ya|yea|yep|ok|okay|idk|i dunno|i guess|"
                      r"i suppose|that'?s|thats|this|basically|anyway|on|like|much|i don'?t know)\b)"
                      r"(?P<r>[^.!?]+)[.!?]?\s*$")
# "not the nurse bit exactly, more what he said - the job is the patients": what it is instead, explained
_NOT_MORE = re.compile(r"(?i)^(?:(?:well|no|hmm+)[,.]?\s+)?(?:it'?s |its |it is )?not (?:the |just |really |so much )?"
                       r"(?P<x>[^,.!?]{2,30}?)(?: exactly| really| as such)?[,.]\s+(?:it'?s |its )?(?:more|rather)\s+"
                       r"(?:like |about )?(?P<y>[^.!?]+(?:[.!?]\s+[^.!?]+)?)")
# "it's about control.": a word for it, said before the story that says what it is (round 32)
_ABSTRACT = re.compile(r"(?i)^(?:it'?s|its|it is) (?:all )?about \w+[.!]?$")
_FAMILY = re.compile(r"(?i)\bmy (?:mum|mom|mam|dad|father|mother|parents|family|kids|children|wife|husband|partner|"
                     r"nan|gran|grandma|grandad|brother|sister)\b")
_GUESSED = re.compile(r"(?i)\b(?:maybe|perhaps|probably|i guess|i suppose|i don'?t know|not sure)\b")
_FELT = re.compile(r"(?i)\bi(?:'d| would)? (?:really )?(?:feel|love|like|need|want|enjoy|care about|hate)\b|"
                   r"\bi (?:promised|swore|told) myself\b|"
                   r"\b(?:i'm|im|i am) (?:so |really |just )?(?:tired|sick|fed up|scared) of\b")


def _clause_felt(sentence: str) -> str:
    """The clause of a long sentence that says what the mentee feels or wants, from its "and"/"so" on."""
    m = _FELT.search(sentence)
    if not m or len(sentence.split()) <= 16:
        return sentence
    starts = [b.end() for b in re.finditer(r"(?i),?\s+(?:and|so|but)\s+|,\s+", sentence[:m.start()])]
    return sentence[starts[-1]:] if starts else sentence


def _explained(words: str) -> str:
    """ "the redundancy - not wanting anyone treated the way I was": what the dash says it means."""
    thing, dash, meant = (re.split(r"(\s+-+\s+|[.;]\s+)", words, maxsplit=1) + ["", ""])[:3]
    return meant if dash and len(meant.split()) >= 3 and len(thing.split()) <= 4 else words


# "making coffee all day is not it": what the mentee is away from, said first
_AWAY = re.compile(r"(?i)\b(?:is not it|isn'?t it|not for me|is not for me|sick of|tired of|fed up with|hate|"
                   r"can'?t stand)\b")
_LIKED = re.compile(r"(?i)\bi (?:really |just )?(?:like|love|enjoy|want|need)\b")


def _liked_instead(part: str) -> str:
    """"making coffee all day is not it. ... i like making stuff look good": the liking is the reason given."""
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", part) if x.strip()]
    if len(sentences) < 2 or not _AWAY.search(sentences[0]) or _LIKED.search(sentences[0]):
        return part
    return next((x for x in sentences[1:] if _LIKED.search(x)), part)


def denies_rung(answer: str, rung: str) -> bool:
    """Does ``answer`` say the rung before was not it ("not the nurse bit exactly, more what he said - X" after
    "my dad was a nurse")? Then it takes that rung's place in the chain (round 33)."""
    m = _NOT_MORE.match(" ".join(answer.split()))
    said = re.sub(r"(?i)\s+(?:bit|part|thing|one)$", "", m.group("x")) if m else ""
    named = [w for w in _word_set(said) if len(w) > 2]
    return bool(named) and all(w in _word_set(rung) or w[:4] in rung.lower() for w in named)


def reason(answer: str) -> str:
    """The deepest reason in an answer, played back: what the next why-question asks about."""
    found = reasons(answer)
    said = second_person(found[-1]) if found else play_back(answer)
    # "so my kids have more": asked about as "your kids have more"; "because of childcare": as "childcare"
    return re.sub(r"(?i)^(?:so (?:that )?|of )(?=\w)", "", said)


# Words that make a reason stronger, not another one: "more money" after "money".
_MORE = frozenset(("more", "much", "really", "just", "even", "lots", "loads", "a", "lot", "of", "the", "some", "bit",
                   "better", "again", "also", "too", "still"))


def _word_set(text: str) -> set[str]:
    return set(re.findall(r"[\w']+", text.lower())) - _MORE


def _same(a: str, b: str) -> bool:
    wa, wb = _word_set(a), _word_set(b)
    if not wa or not wb:
        return False
    return wa == wb or len(wa & wb) / len(wa | wb) >= 0.7


def chain_phrases(rungs: Iterable[str]) -> list[str]:
    """Each rung as its reason(s), second person, leaving out repeats and "I don't know"s."""
    out: list[str] = []
    for i, rung in enumerate(r for r in rungs if r and r.strip()):
        if is_non_answer(rung):  # "I don't know" ends the ladder; it is no reason
            continue
        # The first rung is the goal itself: played back whole, both options if two. Later rungs: their reasons.
        phrases = [goal_phrase(rung)] if i == 0 else [second_person(r) for r in reasons(rung)]
        for phrase in phrases:
            if phrase and not any(_same(phrase, seen) for seen in out):
                out.append(phrase)
    return out


def goal_phrase(goal: str) -> str:
    """A goal said back: both options of "head of people here, or a consultancy", else its key phrase."""
    return (play_back(goal, 24) if ", or " in goal else "") or play_back(goal)


def play_back_chain(rungs: Iterable[str]) -> str:
    """"you want X, because Y, because Z": the why-ladder said back, one reason per rung."""
    phrases = chain_phrases(rungs)
    return ", ".join(phrases[:1] + [because(p) for p in phrases[1:]])


# A clause has a subject and a verb of its own: "you want respect", "it's fun", "your work matters".
_FILLER = r"(?:(?:and|but|also|just|really|then|still|mostly|maybe|probably|honestly) )*"
_PRONOUN = re.compile(
    rf"^{_FILLER}(?:(?:i|you|we|they|he|she|it|there|people|everyone|everybody|nobody|no one|someone) [a-z']+"
    r"|(?:you're|you've|you'd|you'll|i'm|i've|i'd|it's|that's|there's|they're|we're|he's|she's|nothing|that) "
    r"|(?:its|thats|theres|im|ive) (?=the|a|an|not|just|like|so|really|more|about|because|how|what|when|all)\b)", re.I)
_NOT_DET = r"(?!(?:the|your|my|our|their|his|her|a|an|this|that)\b)"
_NOUN_THEN_VERB = re.compile(
    rf"^{_FILLER}(?:(?:the|your|my|our|their|his|her|a|an|this|that) )?(?:{_NOT_DET}[a-z'-]+ ){{1,3}}?"
    # "your dad never thought cooking was a real job" (a round of our own heard "because it's about your dad ...")
    r"(?:(?:never|always|just|really|still|also|only|even|actually|kind of|sort of) )?"
    r"(?:thought|said|told|made|gave|took|went|knew|saw|felt|left|kept|put|paid|ran|came|became|"
    r"am|are|is|was|were|can|could|will|would|should|might|must|do|does|did|don't|doesn't|didn't|won't|can't|"
    r"has|have|had|get|gets|got|feel|feels|want|wants|need|needs|matter|matters|mean|means|count|counts|"
    r"(?:[a-z]+(?:s|ed)|run|make|decide|build|lead|pay|help|listen|work|grow|learn|see|take|give|go|say|tell|"
    r"know|think|trust|care|love|like|hate|use|keep|let|own|value|respect|notice|depend|rely|look)(?= [a-z]))\b", re.I)
_LATER_SUBJECT = re.compile(r"\b(?:(?:you|we|they|people|i) (?!and\b|or\b)[a-z']+|(?:you're|we're|they're|i'm)\b)",
                            re.I)
_POSSESSED_IS = re.compile(r"(?:your|my|his|her|their|our|the) [a-z]+'s (?:[a-z]+ing|not|been|always|never|so|too|a)\b")
_BODY_PART = re.compile(r"(?:(?:your|my|the) )?(?:bad |dodgy |sore )?(?:knees?|back|hips?|joints|shoulders?|health|"
                        r"wrists?|feet|eyes|heart)$")
_BURDEN = re.compile(r"\b(?:paperwork|trackers?|admin|meetings?|spreadsheets?|targets?|ofsted|inspections?|politics|"
                     r"stress|pressure|nights?|night shifts?|shifts|commute|commuting|rotas?|tickets|bugs|deadlines|"
                     r"bureaucracy|red tape|box[- ]ticking|micromanag\w*|overtime|burnout|exhaustion|noise|"
                     r"the hours|long hours|lifting)$")
_PLURAL = {"people", "children", "kids", "men", "women", "folks", "staff", "colleagues"}
_SINGULAR_S = re.compile(r"(?:ss|us|is|ics)$", re.I)


def because(phrase: str) -> str:
    """A reason after "because", in a form that reads: "because you want respect", "because respect
    matters to you", "because it's about wanting your taste to count", "because you want to be trusted"."""
    phrase = re.sub(r"(?i)(?<=\w) (?:mainly|mostly|really|honestly|tbh|though|tho)$", "", phrase)  # "the kids mainly"
    phrase = re.sub(r"(?i)^its\b", "it's", phrase)  # "its a bit of a both/and"
    low = phrase.lower()
    if re.match(r"so\b", low):
        return phrase  # "so you can feel proud" joins the chain by itself
    two = re.match(r"(?i)^(?P<x>[\w' ]{2,25}?),? and (?P<y>(?:you|we|they|it|your|she|he)\b.+)$", phrase)
    if two and len(two["x"].split()) <= 3:  # "money, and you want to be home more": each said as it reads
        return f"{because(two['x'])}, and {two['y']}"
    if re.match(r"(?:because )?of\b", low):
        return f"because {phrase[3:] if low.startswith('because ') else phrase}"  # "of my dad": because of your dad
    if re.match(r"in [A-Z]", phrase) or re.match(r"(?:in|at|when|since|after) (?:\w+ ){0,3}(?:my|your|i|you|"
                                                r"nobody|no one|everyone|everybody|people|they|he|she)\b", low):
        return f"because {phrase[:1].lower() + phrase[1:]}"  # "In Romania your father was ...": a clause of its own
    if re.match(r"(?:who|what|how|where|why) (?:i|you|we|they|it|people|\w+ (?:is|are|was))\b", low):
        return f"because it's about {phrase}"  # "who i am": because it's about who you are
    if _PRONOUN.match(low) or _POSSESSED_IS.match(low):  # "your mum's getting older"
        return f"because {phrase}"
    if re.match(r"to [a-z]", low):
        return f"because you want {phrase}"  # "to be trusted"
    if re.match(r"(?:feels|makes|gives|means|seems|sounds|keeps|lets|helps|is|was|pays|puts|brings|gets|takes|"
                r"covers)\b", low):
        return f"because it {phrase}"  # "feels good to be the one people count on"
    # "being senior means people listen to you": a clause of its own; so is "seeing someone use a thing you made is
    # the best part" (round 83 said "because it's about seeing ... is the best part")
    if re.match(r"[a-z]+ing(?: [a-z']+){0,3} (?:is|was|means|meant|makes|made|gives|feels|matters|lets|helps|keeps)\b",
                low) or re.match(r"[a-z]+ing\b.{0,60}?\b(?:is|was|'s) (?:the best|the main|the bit|the part|the thing|"
                                 r"what|why|how|really|so|a big|everything)\b", low):
        return f"because {phrase}"
    if re.match(r"(?:(?:less|more|fewer|no|not so much) )?(?:[a-z]+ing|not)\b", low):
        return f"because it's about {phrase}"  # "wanting your taste to count", "less running into fires"
    if _NOUN_THEN_VERB.match(low) or _LATER_SUBJECT.search(low):
        return f"because {phrase}"  # "your manager trusts you", "that way you learn"
    if len(phrase.split()) > 4:
        return f"because it's about {phrase}"
    # "your knees": because of your knees, not "your knees matter to you" (round 42); "the trackers", "the paperwork":
    # what wears them down, never "the paperwork matters to you" (round 50: "that's backwards")
    if _BODY_PART.match(low) or _BURDEN.search(low):  # "knees mostly": because of your knees
        yours = _BODY_PART.match(low) and not re.match(r"(?:your|my|the) ", low)
        return f"because of {'your ' if yours else ''}{phrase}"
    if ", " in phrase and " and " not in phrase:  # "money, not being knackered": both of them matter
        phrase = " and ".join(phrase.rsplit(", ", 1))
        low = phrase.lower()
    head = re.split(r" (?:with|from|on|for|of|in|at|to|by|about) ", low)[0]  # "time with my kids": time
    last = head.split()[-1] if head.split() else ""
    plural = " and " in head or last in _PLURAL or (last.endswith("s") and not _SINGULAR_S.search(last))
    return f"because {phrase} {'matter' if plural else 'matters'} to you"  # "respect", "the craft"
