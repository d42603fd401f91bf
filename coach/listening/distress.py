"""Distress caught the way people say it: "crisis" (stop, point to help), "check" (ask), or None."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.listening.distress_model import shipped_model
from coach.listening.lexicon import Lexicon
from coach.listening.not_signs import without_false_cues, without_false_signs
from coach.listening.patterns import Table, compile_pattern, table
from coach.listening.text import Reply

# Sentences for the last-resort check: where one ends.
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|;\s*")
# A sentence and the space after it (kept, so sentences can be rewritten one by one).
_SENTENCE_KEEP = re.compile(r"[^.!?;\n]+[.!?;\n]*\s*")
# A feeling said not to be there ("when i'm leading i don't feel invisible").
_NOT_FEELING = re.compile(
    r"\b(?:don't|do not|didn't|did not|no longer|never|won't|not) (?:ever |really )?"
    r"(?:feel|felt|feeling)(?: so| as)? \w+")
# Something, not someone, that goes: "a mix disappears when the show closes".
# Something dead that is not the mentee: "holding a dead hamster", "the dead plant on my desk".
_DEAD_THING = re.compile(r"\b(?:a|an|the|my|his|her|their|our|some) dead (?!(?:inside|tired|set|serious|on)\b)[a-z]+")
_THING_GOES = re.compile(r"\b(?:a|an|the|my|our|this|that|his|her|their|every) (?!(?:i|me|myself)\b)[a-z]+(?: [a-z]+)? "
                         r"(?:disappears|vanishes|disappeared|vanished|goes away|went away)\b"
                         # "fast stuff disappears", "pitch decks disappearing" (round 70 asked "are you safe?")
                         r"|\b(?:[a-z]+ )?(?:stuff|things|work|decks|pitches|ideas|campaigns|ads|projects|files|emails|"
                         r"budgets|drafts|slides|money|jobs|roles) (?:just )?(?:disappears?|vanish(?:es)?|disappeared|"
                         r"vanished|disappearing|vanishing)\b")
# Things, not people, dead or gone: "courgettes are dead now tho, frost", "my tomatoes died" (round 18).
_THINGS_DEAD = re.compile(r"\b(?!(?:i|we|they|people|kids|children|parents|friends|grandparents|patients|residents|"
                          r"folks|guys|all|dreams|hopes|feelings|emotions|spirits|souls)\b)[a-z]+(?:es|s) "
                          r"(?:(?:are|were|have|had|all|just|both|finally|sadly) )*(?:dead|died|dying|gone|done for)\b")
# "maybe training isnt dead" (round 49 asked "are you safe?"): something said to be still alive, not the person
_NOT_DEAD = re.compile(r"\b(?!(?:i|im|i'm|me|myself|am|we|you|they|he|she)\b)[a-z]+ "
                       r"(?:isn'?t|is not|isnt|aint|ain't|not) (?:quite |totally |"
                       r"completely |fully |all )?dead(?: yet)?\b")
_SHOWING_HOW = re.compile(r"\b(?:show|shows|showing|showed|teach|teaches|teaching|taught|explain|explaining|explained)"
                          r" (?:\w+ ){0,3}how to do it\b")
# Things that are a burden ("fonts are a real burden", "meetings were such a burden"): not the person.
_THINGS_A_BURDEN = re.compile(r"\b(?!(?:i|me|we|us|people|everyone|they)\b)[a-z]+s (?:are|were) (?:such |a |an |real |"
                              r"bit |of |kind |really |total |huge )*burden\b")
# A thing in a mess, not the person: "the onboarding flow, its a mess and nobody owns it" (round 85 asked "are you
# safe?"); "i'm a mess" stays
_THING_A_MESS = re.compile(r"\b(?:it'?s|its|it is|it was|that'?s|thats|that is|(?:the|our|their) [a-z]+(?: [a-z]+)? "
                           r"(?:is|are|was|were)) (?:such |a |an |bit of a |real |total |complete |right |hot )*mess\b")
# A way to do a work thing ("is there a way to do it without losing money tho?", round 85 asked "are you safe?"), and
# unseen at work ("i kind of feel invisible, like ... nobody above her knows my name"): the job, not the person
_WORK_WAY = re.compile(r"\ba way to do it (?=without (?:losing|giving up|taking|a pay|quitting|leaving|going|dropping|"
                       r"the money|money)|part[- ]time|from home|on the side|and still)")
_UNSEEN_AT_WORK = re.compile(r"\b(?:invisible|nobody|no one)(?=[^.!?]{0,60}\b(?:above (?:her|him|them|me)|"
                             r"knows my name|at work|management|my (?:boss|manager|lead)|promotion)\b)")
# Someone or something else dying, as part of the work: "when their pet is dying", "patients who are dying".
# Others upset, or a harm said not to be one (round 33, 34): "the commis kids come to me when theyre about to cry",
# "a kitchen without making everyone miserable", "it'd sting but i wouldnt die of it".
_OTHERS_UPSET = re.compile(
    r"\b(?:they|they'?re|theyre|he|he'?s|hes|she|she'?s|shes|people|kids|customers|patients|staff|everyone|everybody|"
    r"the team|clients|students|juniors|newbies|someone|somebody|one of them|children|pupils|the little ones|"
    r"the new \w+(?: kids)?)\b(?: \w+){0,4} (?:cry|crying|cries|in tears|"
    r"miserable|upset)\b|\b(?:making|make|makes|made|leave|leaving|left) (?:everyone|everybody|people|the team|staff|"
    r"them|others|the kids|customers) (?:\w+ )?(?:miserable|cry|in tears|upset)\b|"
    r"\b(?:wouldn'?t|won'?t|will not|would not|not gonna|not going to|i'?d not) die (?:of|from) (?:it|that|this)\b|"
    r"\b(?:it|that|this) (?:wouldn'?t|won'?t|will not|would not) kill me\b|"
    # "thirty years of knowing how to do it, it shouldnt die with me" (round 35): the knowledge, not the person
    r"\b(?:it|that|this|the (?:knowledge|trade|skill|craft|know-how)|what i know|all (?:that|this))\b "
    r"(?:shouldn'?t|should not|won'?t|will not|mustn'?t|can'?t) (?:just )?die (?:with|when) (?:me|i go|i retire)\b")
# A death told as a fact of one's life (round 44: "since ron died the house is very quiet"): met as a loss.
_SOMEONE_DIED = re.compile(r"\b(?:since|after|when) (?!(?:i|me|we|myself|you|it|everything|everyone|things)\b)[a-z]+ "
                           r"(?:died|passed away|passed on|passed)\b"
                           # "money used to matter when ron was alive" (round 47 asked "are you safe?")
                           r"|\b(?:when|while|back when) (?!(?:i|me|we|myself|you|it|everything|everyone|things)\b)"
                           r"(?:my )?[a-z]+ (?:was|were) (?:still )?alive\b"
                           # "well because he's dead. obviously" (round 59, of her husband: a third "are you safe?")
                           r"|\b(?:because |cos |cause )?(?:he|she|he'?s|she'?s|hes|shes|my (?:husband|wife|partner|"
                           r"mum|dad|mother|father|son|daughter|brother|sister)) (?:is |was )?(?:dead|gone|passed away|"
                           r"died)\b"
                           # "ron died two years ago and the house is so quiet" (round 75 asked "are you safe?")
                           r"|\b(?!(?:i|me|we|myself|you|it|everything|everyone|things|something|part)\b)"
                           r"(?:my )?[a-z]+ (?:died|passed away|passed) (?:\w+ ){0,2}(?:ago|last (?:year|month|week|"
                           r"spring|summer|autumn|winter|christmas))\b"
                           # "Mrs Bell died before i could thank her properly" (round 78 asked "are you safe?")
                           r"|\b(?:mrs|mr|ms|miss|dr|aunt|auntie|uncle|my (?:nan|gran|grandma|grandad|grandpa|granny|"
                           r"teacher|old teacher|mentor|friend|best friend|boss))(?: [a-z]+)? "
                           r"(?:died|passed away|passed)\b")
_OTHERS_DYING = re.compile(
    r"\b(?:(?:a|an|the|their|his|her|our|your|some|people's|owners'?|clients'?) )?(?:pet|animal|dog|cat|horse|patient|"
    r"client|resident|customer|plant|battery|phone|laptop|server|project|startup|company|industry|market|language|"
    r"trade|high street|shop)s? (?:who |that |which )?(?:is |are |was |were )?(?:dying|dead|died)\b"
    r"|\bdying (?:patients?|pets?|animals?|residents?|clients?|languages?|trades?|industr\w+|breeds?)\b"
    # "people get very stressed about dying hydrangeas ha" (round 44)
    r"|\b(?:dying|dead|wilting) (?:\w+ )?(?:hydrangeas?|(?:house)?plants?|flowers?|roses?|tomato(?:e?s)?|seedlings?|"
    r"orchids?|succulents?|bonsai|crops?|lawn)\b")
# A letter typed three or more times over, for emphasis.
_STRETCHED = re.compile(r"([a-z])\1{2,}")
# Said about oneself ("i'm so tired of it all"), not about someone else ("he looks exhausted").
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|myself)\b")
# Work named only to be set aside ("not in work, in everything").
# Thinking about a kind of work, said as a plan ("ive been thinking game design more than UX lately", round 42 was
# asked "are you safe?"): that sentence is not given to the learned reader; the rules above, and the learned reader
# on every other sentence, still read the rest.
_CAREER_MUSING = re.compile(
    r"\b(?:been|keep|kept|i'?ve been|started) thinking (?:about |of |more about )?"
    r"(?:going |moving |doing |becoming |a |an |the )?(?:\w+ ){0,2}(?:design|ux|ui|jobs?|roles?|careers?|teaching|"
    r"nursing|data|management|games?|art|course|degree|business|cafe|training|education|research|engineering|sales|"
    r"marketing|hr|tech|coding|retail|office|part.time|freelanc\w*|qa|analys\w*|accounting|law|medicine|"
    r"healthcare|consult\w*|product)\b(?! (?:it|them|that|this)\b)"
    # Round 45, left to the rules alone: "some days i cant be arsed with any of it tbh" (an everyday shrug), "maybe i
    # dont need my lot to have a training job, i could do it there" (a hopeful idea)
    r"|\bcan'?t be (?:arsed|bothered)\b(?! (?:to live|living|with life|with living|to go on|any ?more)\b)"
    r"|\b(?:i'?ve been|been|i was) thinking (?:while|as|when) (?:i was |i'?m )?(?:typing|writing|talking|we talk\w*)\b"
    r"|\b(?:training|teaching|a|the) (?:job|course|role)s?\b[^.!?]*\bi could\b")
_NOT_WORK = re.compile(r"\bnot (?:(?:in|at|about|with|from|just|the|my|this) (?:\w+ )?\w+|work|the job|my job|a job)\b")


@dataclass
class _Tables:
    idioms: Table
    defuse: Table
    over: Table
    still: re.Pattern[str]
    crisis: Table
    check: Table
    spelling: dict[str, str]
    fuzzy: dict[int, list[str]]
    strong: re.Pattern[str]
    state: re.Pattern[str]
    despair: re.Pattern[str]
    total: re.Pattern[str]
    things: re.Pattern[str]
    work: re.Pattern[str]
    emoji: dict[str, str]
    phrases: dict[str, str]
    joke: re.Pattern[str]
    earnest: re.Pattern[str]
    hyperbole: re.Pattern[str]
    petty: re.Pattern[str]
    cause: re.Pattern[str]
    nothing: list[re.Pattern[str]]


def _build(lex: Lexicon) -> _Tables:
    rules = table(lex.raw, "distress_rules")

    def of(kind: str) -> Table:
        return Table([r for r in rules.rules if r.kind == kind])

    words = lex.raw.get("distress_words") or {}
    cues = lex.raw.get("distress_cues") or {}
    fuzzy: dict[int, list[str]] = {}
    for w in lex.raw.get("distress_fuzzy") or []:
        fuzzy.setdefault(len(str(w)), []).append(str(w))
    return _Tables(
        idioms=of("idiom"), defuse=of("defuse"), over=of("over"), crisis=of("crisis"), check=of("check"),
        still=compile_pattern("\\b(?:{still_now})\\b", "any", words),
        spelling={str(k): str(v or "") for k, v in (lex.raw.get("distress_spelling") or {}).items()},
        fuzzy=fuzzy,
        strong=compile_pattern("{strong}", "any", cues),
        state=compile_pattern(
            "(?:i'm|i am|i feel|feel|feeling|i've been|been|i get|i got) (?:so |just |such |really |completely "
            "|totally |like |a bit |kind of |very |quite |pretty )*(?:{state})", "any", cues),
        despair=compile_pattern("{despair}", "any", cues),
        total=compile_pattern("{total}", "any", cues),
        things=compile_pattern(
            "(?:my|the|our|this|that|a|an) (?:\\w+ )?(?:{things})(?:'s)?(?: \\w+){0,3} (?:died|dead|is dead|was dead|"
            "dying|is over|is gone|ended|end)", "any", cues),
        work=compile_pattern("{work}", "any", words),
        emoji={str(e): " lol " for e in cues.get("joke_emoji") or []},
        phrases={str(k): str(v or "") for k, v in (lex.raw.get("distress_phrasing") or {}).items()},
        joke=compile_pattern("{joke}", "any", cues),
        earnest=compile_pattern("{earnest}", "any", cues),
        hyperbole=compile_pattern("{hyperbole}", "any", cues),
        petty=compile_pattern("{petty_trigger}", "any", cues),
        cause=compile_pattern("{joke_cause}|{work}", "any", {**words, **cues}),
        # The reader's whole-reply non-answers ("can't think of anything"): no words for the model.
        nothing=[r.regex for r in table(lex.raw, "act_rules").rules if r.kind == "non_answer" and r.where == "whole"]
        if lex.raw.get("act_rules") else [],
    )


def _tables(lex: Lexicon) -> _Tables:
    return lex.compiled("distress", _build)


def _near(a: str, b: str) -> bool:
    """One letter wrong, missing, added, or two neighbours swapped (Damerau distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i, j = diff[0], diff[-1]
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def evened(text: str, lex: Lexicon) -> str:
    """Lower case with spelling evened out: "im gonna", "suicdal" -> "i'm going to", "suicidal"."""
    t = _tables(lex)
    for emoji, word in t.emoji.items():  # a laughing face is a word here: "kms 💀" is a joke
        text = text.replace(emoji, word)
    low = Reply(text).low.replace("\n", ". ")
    low = _STRETCHED.sub(r"\1", low)  # "foreverrr", "sooo" -> "forever", "so"
    for phrase, meant in t.phrases.items():  # spellings with inner punctuation: "w/o" -> without
        low = low.replace(phrase, meant)
    out = []
    for token in re.findall(r"[\w']+|[^\w']+", low):
        if token[0].isalnum() or token[0] == "'":
            key = token.strip("'")
            if key in t.spelling:
                token = t.spelling[key]
            elif len(key) >= 6 and key.isalpha():
                for n in (len(key) - 1, len(key), len(key) + 1):
                    # A plural is a word of its own ("goodbye" is not a typo of "goodbyes").
                    near = [w for w in t.fuzzy.get(n, []) if _near(key, w) and w not in (key + "s", key[:-1])]
                    hit = near[0] if near else None
                    if hit:
                        token = hit
                        break
        out.append(token)
    # A word spelled away ("tbh") leaves no gap before the stop after it: "not ok tbh." -> "not ok."
    return re.sub(r" (?=[.,!?])", "", " ".join("".join(out).split()))


def _hyperbole_about(t: _Tables, sentence: str) -> bool:
    """Is death talk in this sentence about some cause ("kms if this merge conflict doesn't resolve")?"""
    if not t.hyperbole.search(sentence):
        return False
    rest = t.joke.sub(" ", t.hyperbole.sub(" ", sentence))
    # Hyperbole is about something ("... every time i hear my voice"); "i want to die lol" alone is not.
    return len(re.findall(r"[a-z']+", rest)) >= 3 and t.cause.search(rest) is not None


def _unjoke(t: _Tables, sentence: str) -> str:
    """A sentence with its joking hyperbole taken out ("kms the client changed the brief lol")."""
    if not t.joke.search(sentence) or not _hyperbole_about(t, sentence):
        return sentence
    return t.hyperbole.sub(" ~ ", sentence)


def _sentence_at(low: str, at: int) -> str:
    """The sentence around position ``at``."""
    start = max((m.end() for m in _SENTENCE.finditer(low, 0, at)), default=0)
    end = next((m.start() for m in _SENTENCE.finditer(low, at)), len(low))
    return low[start:end]


def _defused(t: _Tables, low: str, at: int) -> bool:
    """Does another reason sit beside position ``at`` (its sentence or a neighbour), not elsewhere in a long reply?"""
    cuts = [0, *(m.end() for m in _SENTENCE.finditer(low)), len(low) + 1]
    i = max(k for k, c in enumerate(cuts[:-1]) if c <= at)
    return t.defuse.first(low[cuts[max(i - 1, 0)]:cuts[min(i + 2, len(cuts) - 1)]]) is not None


def _over(t: _Tables, low: str) -> bool:
    """Is a heavy time told as past and done ("my first year i cried most weeks, i'm good now"), nothing said of now?

    Only ever lets a check go, never a crisis: "i tried once and lately it's back" still names now.
    """
    return t.over.first(low) is not None and t.still.search(low) is None


def _about_work(t: _Tables, low: str, at: int) -> bool:
    """Is the sentence around position ``at`` about work, or the one right after it ("I've decided to leave.
    Maybe not, if I could carve out a new role here")?"""
    here = _sentence_at(low, at)
    end = low.find(here, max(0, at - len(here))) + len(here)
    after = next((m.end() for m in _SENTENCE.finditer(low, end)), len(low))
    following = _sentence_at(low, after) if after < len(low) else ""
    return any(t.work.search(_NOT_WORK.sub(" ", s)) is not None for s in (here, following) if s)


def distress_level(text: str, lex: Lexicon) -> str | None:
    """"crisis" for a clear sign, "check" for a possible one, None for none (idioms included)."""
    return explain(text, lex)[0]


def explain(text: str, lex: Lexicon) -> tuple[str | None, str | None]:
    """The level and the id of the rule that decided it."""
    t = _tables(lex)
    low, earnest = _prepared(t, text, lex)
    if not low:
        return None, None
    for level, tab in (("crisis", t.crisis), ("check", t.check)):
        for rule in tab.rules:
            m = rule.search(low)
            if not m:
                continue
            # Where the words start: a match may open on the stop of the sentence before ("myself? not here").
            at = m.start() + len(m.group(0)) - len(m.group(0).lstrip("?.!;, "))
            if rule.soft and not earnest and _defused(t, low, at):
                continue
            if rule.soft and _about_work(t, low, at):
                # Beside work words only, a soft sign may be about the job: ask, don't alarm.
                if level == "crisis":
                    return "check", rule.id
                continue
            if level == "check" and _over(t, low):
                return None, None
            if level == "crisis" and not earnest and t.petty.search(_sentence_at(low, at)):
                # Death talk set off by a merge conflict, without a laugh to say it is a joke: ask, don't stop.
                return "check", rule.id
            return level, rule.id
    # The lexicon's plain phrase list (a flow's own lexicon may add to it), idioms taken out.
    plain = low
    for miss in sorted(lex.distress_not.find(plain), key=len, reverse=True):
        plain = plain.replace(miss, " ")
    if plain in lex.distress:
        return "crisis", "distress.phrases"
    # The last resort: cues said of oneself, in a sentence not about work.
    for sentence in _SENTENCE.split(without_false_cues(low)):
        found = _cues(t, sentence)
        if found:
            return (None, None) if _over(t, low) else ("check", found)
    # Wordings no rule foresaw: the learned reader may ask (a check, never a crisis), never clear.
    model = shipped_model()
    read = " ".join(s for s in _SENTENCE.split(low) if not _CAREER_MUSING.search(s))  # the rest, still read
    if model is not None and not _says_nothing(t, low) and not _over(t, low) and read.strip() and model.flags(read):
        return "check", "check.model"
    return None, None


def _prepared(t: _Tables, text: str, lex: Lexicon) -> tuple[str, bool]:
    """Evened text with idioms and joking hyperbole taken out, and whether it is said in earnest."""
    low = without_false_signs(evened(text, lex))
    # Said in earnest ("not a joke", "i don't mean another company"): no joke or other reason excuses it.
    earnest = t.earnest.search(low) is not None
    # Idioms out first: what is left of "I'd kill for a coffee" is no sign of anything.
    for rule in t.idioms.rules:
        if not (rule.soft and earnest):
            low = rule.regex.sub(" ~ ", low)
    if not earnest:
        low = _SENTENCE_KEEP.sub(lambda m: _unjoke(t, m.group(0)), low)
    return low, earnest


# Apologies and fillers around a non-answer ("cant think of anything sorry").
_SOFTENERS = re.compile(r"\b(?:sorry|soz|sry|lol|haha+|tbh|honestly|ugh|um+|hmm+|well|really)\b|[~.,!?]")


def _says_nothing(t: _Tables, low: str) -> bool:
    """Is the reply, apologies aside, one of the reader's whole-reply non-answers?"""
    rest = " ".join(_SOFTENERS.sub(" ", low).split())
    return any(p.match(rest) for p in t.nothing)


def sign_score(text: str, lex: Lexicon) -> float:
    """How likely the learned reader finds ``text`` a sign (0 without a model): which clause of a flagged reply
    it was most likely about."""
    model = shipped_model()
    return model.probability(model_text(text, lex)) if model is not None else 0.0


def model_text(text: str, lex: Lexicon) -> str:
    """What the learned reader sees of a reply: evened, idioms and jokes taken out (training uses it too)."""
    return _prepared(_tables(lex), text, lex)[0]


def _cues(t: _Tables, sentence: str) -> str | None:
    """Which cue rule a sentence trips, if any (None for work talk and talk about others)."""
    if t.work.search(_NOT_WORK.sub(" ", sentence)):  # "drowning, not in work, in everything" is not work
        return None
    sentence = t.things.sub(" ~ ", sentence)  # "my laptop died": a thing, not the person
    sentence = _THING_GOES.sub(" ~ ", sentence)  # "a mix disappears when the show closes"
    sentence = _DEAD_THING.sub(" ~ ", sentence)  # "people screaming about bills while holding a dead hamster"
    sentence = _OTHERS_DYING.sub(" ~ ", sentence)  # "calming people down when their pet is dying"
    sentence = _SOMEONE_DIED.sub(" ~ ", sentence)  # "since ron died the house is very quiet": a loss, told
    sentence = _OTHERS_UPSET.sub(" ~ ", sentence)  # "the new kids come to me when theyre about to cry lol"
    sentence = _THINGS_A_BURDEN.sub(" ~ ", sentence)  # "fonts are a real burden, truly tragic": things, sarcastic
    sentence = _THING_A_MESS.sub(" ~ ", sentence)  # "the onboarding flow, its a mess"
    sentence = _UNSEEN_AT_WORK.sub(" ~ ", _WORK_WAY.sub(" ~ ", sentence))  # "a way to do it without losing money"
    sentence = _THINGS_DEAD.sub(" ~ ", sentence)  # "courgettes are dead now tho, frost"
    sentence = _NOT_DEAD.sub(" ~ ", sentence)  # "maybe training isnt dead"
    sentence = re.sub(r"\b(?:not|never) (?:running |going )?on empty\b", " ~ ", sentence)  # "with energy, not on empty"
    sentence = _SHOWING_HOW.sub(" ~ ", sentence)  # "showing people how to do it hands on" (round 52)
    if t.strong.search(sentence):
        return "check.cue_strong"
    mine = _FIRST_PERSON.search(sentence) is not None
    if mine and t.state.search(_NOT_FEELING.sub(" ~ ", sentence)):
        return "check.cue_state"
    # Negation is no comfort here: "don't enjoy anything anymore" is a despair and a totality cue.
    despair = {m.group(0) for m in t.despair.finditer(sentence)}
    total = {m.group(0) for m in t.total.finditer(sentence)}
    return "check.cue_pair" if total and len(despair) >= (1 if mine else 2) else None
