"""The rest of a sentence after its openers, read clause by clause: content, a question, a correction ..."""

from __future__ import annotations

import re

from coach.listening.assemble import join
from coach.listening.corrected import corrected
from coach.listening.found import Context, Found
from coach.listening.matching import match, usable
from coach.listening.shape import TAG, denies_thing, opened, own_dilemma, question_shaped
from coach.listening.text import Piece, Reply, bare, trim, words

# Where one clause of a sentence may end and another begin.
# "..., which is ironic", "she decides things which is ironic": a remark on what was just said starts a clause
_CLAUSE = re.compile(r",\s+(?:and |but |so |though |because )?|\s+(?:and|but) (?=(?:that|it|this|i|i'm|i've)\b)"
                     # "i feel stuck and want to grow": the wish after a feeling, a clause of its own
                     r"|\s+and (?=(?:want|wanna|need|would like|'d like) to\b)"
                     r"|\s+(?=which (?:\w+ ){0,2}(?:is|was|feels|sounds|says|makes)\b)"
                     # "it would be nice but no": the no at the end is said of it, a clause of its own
                     r"|\s+but\s+(?=(?:no|nope|nah)\W*$)"
                     # "i said that already but being useful" (round 39 persona): the remark, then the answer
                     r"|(?<=already|earlier)\s+(?:but|so|anyway)\s+"
                     # "i can go on about fonts forever its embarassing": a remark on it, a clause of its own
                     r"|\s+(?=(?:it'?s|its|that'?s|thats) (?:so |kinda |kind of |a bit |pretty |really )?"
                     r"(?:embar+as+ing|cringe|nerdy|sad)\W*$)")
# A later clause that goes on with the sentence's verb, no "?": "..., have a say in what we build".
_GOES_ON = re.compile(r"(?:have|has|had|be)\s+"
                      r"(?:a|an|the|all|being|two|three|most|these|those|some|more|less|my|our)\b"
                      # "she visits shops, checks stuff, does the numbers": one more thing done, no question
                      r"|(?:does|do|did)\s+(?:the|a|an|all|some|his|her|their|my|our|most)\s+[\w']+(?:\s+[\w']+)?\W*$"
                      # "accessibility audits, where you find the little things": a relative clause goes on
                      r"|(?:where|which|who|whom|when)\s+(?!(?:do|does|did|is|are|was|were|would|could|should|can|"
                      r"will|one|of|the)\b)(?!(?:sees|reads|gets to see) (?:it|this|that)\b)"  # "..., and who sees
                      # it, my head of dept?" (round 97): asked
                      # "and my cat, who is a menace": said of someone, not asked
                      r"|(?:who|which)\s+(?:is|was|are|were)\s+(?:a|an|so|such|always|really|very|basically|literally|"
                      r"honestly|also|still|now|my|our)\b")
_BARE_WORD = re.compile(r"^(?:ok,? )?(?:yes|yeah|yep|yup|ok|okay|sure|fine|no|nope|nah|maybe)"
                        r"(?:,? (?:that'?s|thats|that is|it'?s|its) still (?:true|right|the case|me))?$"
                        # "..., yes, go ahead" (round 30): a yes, and on
                        r"|^(?:yes|yeah|yep|yup|sure)[,.]? (?:go ahead|go on|carry on|let'?s go|lets go|continue)$")
_ADDRESSED = re.compile(r"\b(?:you|your|u|ur)\b")
# "like seeing the actual people you help?" (round 54 took it for a question to coach): "you" in a clause about a
# thing or people, meaning anyone.
_YOU_OF_ANYONE = re.compile(r"\b(?:people|ones?|person|those|everyone|anyone|someone|folks|kids|customers|clients|"
                            r"patients|students|work|job|things?|stuff) (?:that |who |whom )?(?:you|u) [a-z']+")
# "because you see the same patients over time?", "you get to know them?": a statement said with a rising
# voice, "you" meaning anyone, not a question put to the coach.
_GENERIC_YOU = re.compile(r"^(?:(?:i guess|i think|i suppose|maybe|like|because|cos|cause|i dunno|idk|well|and|so|"
                          r"probably),? )*(?:you|u) (?!(?:think|mean|know|reckon|asked?|want|said|say|sound|are|were|"
                          r"re|really|just|can|could|would|will|"
                          r"do(?! (?:this|that|the|a|an|it|stuff|things|something|work|all)\b)|did|"
                          r"have|got|agree|see (?:what|why|how))\b)[a-z']+")


def read_core(cx: Context, core: Piece) -> list[Found]:
    """What the rest of a sentence is, clause by clause when its clauses do different things."""
    whole = _classify(cx, core)
    clauses = _clauses(cx.reply, core)
    if len(clauses) < 2 or TAG.search(cx.reply.low[core.start:core.end]):  # "X, right?" asks about X
        return [whole]
    parts = [_classify(cx, c, first=i == 0) for i, c in enumerate(clauses)]
    if all(p.kind == "content" and not p.also_content for p in parts):
        return [whole]
    merged: list[Found] = []
    for p in parts:
        prev = merged[-1] if merged else None
        if prev and prev.kind == "correction" and p.kind == "content":  # "it's not X, it's Y": one thought
            prev.piece = Piece(prev.piece.start, p.piece.end)
            prev.content = join(prev.content, bare(cx.reply.text[p.piece.start:p.piece.end]))
            continue
        if prev and prev.kind == "content" and p.kind == "correction" and p.rule == "correction.contrast":
            # "X, not Y": the contrast makes the whole clause the corrected thought
            prev.kind, prev.rule = "correction", p.rule
            prev.piece = Piece(prev.piece.start, p.piece.end)
            prev.content = bare(cx.reply.text[prev.piece.start:prev.piece.end])
            continue
        merged.append(p)
    return merged


def _clauses(r: Reply, core: Piece) -> list[Piece]:
    low = r.low[core.start:core.end]
    out, start = [], 0
    for m in _CLAUSE.finditer(low):
        # One word is a clause of its own only before "and"/"but" ("chess, and i wish ...").
        if len(words(low[start:m.start()])) >= (1 if re.match(r",\s+(?:and|but) ", m.group(0)) else 2):
            out.append(Piece(core.start + start, core.start + m.start()))
            start = m.end()
    out.append(Piece(core.start + start, core.end))
    return [p for p in (trim(r, p) for p in out) if p.end > p.start]


_NOT_X = re.compile(r"\bnot (?:about |really |just |quite |so much )?(?P<x>[\w' ]{3,40}?)(?: exactly| really)?"
                    r"(?:,|$| but\b)")
_OFFERED = re.compile(r"(?:maybe |perhaps |so |or )?(?:could i|can i|i could|what if i|how about i|maybe i could) "
                      r"(?P<verb>(?!skip|pause|stop|come back|go back|change|answer|say|use|pick|choose|name|list|give|"
                      r"have a|take a break|ask you|delete|share|see|read)\w+ [^?]{6,})$")
_REASON = re.compile(r"(?:(?:i guess|i think|i suppose|maybe|probably|prob|mostly|partly|honestly|well|hmm+),? )*"
                     r"(?:because|cause|cos|coz|cuz|bc|becuase)\b")
_DEEPER_ASKED = re.compile(r"underneath|behind (?:that|it|this)|why does (?:that|it|this) matter|"
                           r"what makes (?:that|it|this) important|why is (?:that|it|this) important")
_STATE_NOW = ("feeling.stuck_now", "feeling.first_person")
_WHY_ASKED = re.compile(r"(?:^|[.?!] )why\b|what makes|underneath|behind (?:that|it|this)", re.I)
_MORE_THAT = re.compile(r"(?:(?:i guess|i think|hmm+|well|maybe|probably|honestly|ok),? )*"
                        r"(?:it'?s|its|it is|i think it'?s) (?:really |actually |probably )?more (?:that|like|about)\b")
_SAYS_NO = re.compile(r"\b(?:no|nah|nope|not|wrong|didn'?t|never|less|sort of|kind of|kinda|partly|somewhat)\b|n't\b")
_ASKS_STILL = re.compile(r"\bstill\b|\blast time\b|\bsince\b")  # a question about last time's answers
_AS_LAST_TIME = re.compile(r"\b(?:as|like) i (?:said|told (?:you|u)|mentioned)(?: (?:you|u))? last time\b")
_ASKS_TO_TRY = re.compile(r"experiment|\btry\b|one small thing")


def _classify(cx: Context, core: Piece, first: bool = True) -> Found:
    low = cx.reply.low[core.start:core.end]
    text = bare(low)
    # A later clause is a question only if it opens like one: "..., product lead or engineering lead?"
    shaped = question_shaped(low) if first else opened(low)
    goes_on = not first and "?" not in low and _GOES_ON.match(low) is not None
    # A clause that is only a yes, no or hedge ("honestly scared to, but yes"), where one is asked for.
    offered = _OFFERED.match(text)
    at = low.find(offered.group("verb")) if offered else -1
    if offered and at >= 0 and _ASKS_TO_TRY.search(cx.question):
        # "could i ask the buyer if i can sit in on a range review?": an experiment offered, said as a question;
        # kept from its verb on ("ask the buyer if ...")
        return Found("content", Piece(core.start + at, core.end), rule="content.tentative")
    kinds: tuple[str, ...] = ("yes", "no", "hedge") if cx.expect == "yes_no" else ("hedge",)
    if not first:  # after a comma only a bare word counts: "scared to, but yes"; not "..., not for me"
        kinds = kinds if _BARE_WORD.match(text) else ()
    for rule in cx.tables.open.rules:
        if rule.kind in kinds and usable(cx, rule):
            m = rule.regex.match(text)
            rest = text[m.end():].lstrip(" ,.") if m else ""
            again = rule.regex.match(rest) if rest else None  # "..., yes, go ahead": said twice over (round 30)
            if m and (m.end() == len(text) or (again and again.end() == len(rest))):
                return Found(rule.kind, core, rule=rule.id)
    # "Not my question about which organisation.": a thing denied, not asked; "Whose job would I not want: the
    # CTO": the question said as a label for the answer after the colon
    denied = "?" not in low and (denies_thing(text) or cx.reply.low[core.end:core.end + 3].lstrip().startswith(":"))
    for rule in cx.tables.rules.rules:
        if (goes_on or denied) and rule.kind == "question":
            continue
        m = match(cx, rule, low, shaped)
        if not m or (rule.kind == "consent" and _more_than_consent(cx, low, rule.regex)):
            continue
        if rule.id == "correction.rather" and (_rephrased_own(cx, core) or _goes_deeper(cx, low)
                                               or _OWN_COMPARED.match(low.strip())):
            return Found("content", core, rule="content.rephrased")
        if rule.id == "meta.repeat" and _AS_LAST_TIME.search(low) and _ASKS_STILL.search(cx.question):
            return Found("filler", core, rule="filler.as_last_time")  # asked "still true?": "like i told you last time"
        if rule.id == "question.clarify_words" and (own_dilemma(low) or re.search(  # "maybe training adults or
                r"\b(?:maybe|probably|perhaps|prob)\W*$", cx.reply.low[:core.start])):  # exam board work?" (round 97)
            return Found("content", core, rule="content.tentative")  # "Management or IC?": their own choice, said
        found = Found(rule.kind, core, topic=rule.topic, rule=rule.id)
        if rule.kind == "correction":
            found.content = corrected(cx.reply, core, m)
        # A long run-on sentence is more than the few words a feeling or a remark was found in: its
        # content is kept too ("hang on, I said X first, ... I think its because I love ...").
        run_on = rule.kind in ("feeling", "meta") and len(words(low)) > 12 \
            and len(words(m.group(0))) * 3 < len(words(low))
        # "i guess because i felt stupid a lot as a kid": a feeling given as the reason is the answer too
        # ... "because my nan was in hospital for months and nobody talked to her" too, "because" peeled off first
        reason = rule.kind == "feeling" and (_REASON.match(text) is not None or re.search(
            r"\b(?:because|cause|cos|coz|cuz|bc|becuase)\W*$", cx.reply.low[:core.start]) is not None)
        # "tbh i feel kind of stuck", asked why: how they feel now is the reason (elsewhere it is no answer)
        reason = reason or (rule.id in _STATE_NOW and _WHY_ASKED.search(cx.question) is not None)
        found.also_content = (rule.keep_content or run_on or reason) and cx.expect == "text"
        return found
    if shaped and not goes_on and _ADDRESSED.search(low) and not _GENERIC_YOU.match(bare(low)) and not (
            _YOU_OF_ANYONE.search(low) and not _ADDRESSED.search(_YOU_OF_ANYONE.sub(" ", low))):
        return Found("question", core, topic="other", rule="question.addressed")
    # "freedom?", "something with data?": an answer offered as a question is a tentative one.
    tentative = low.rstrip().endswith("?") and not opened(low)
    return Found("content", core, rule="content.tentative" if tentative else "content")


def _more_than_consent(cx: Context, low: str, said: re.Pattern[str]) -> bool:
    """"the lead role feels less like me right now", asked "is that still where you're heading?" (round 47 lost
    it): consent words ("right now", "for me") in a clause that says more, where no go-ahead was asked for."""
    if cx.tables.consent.search(cx.question or ""):
        return False
    rest = words(said.sub(" ", low))
    return sum(w not in _LIGHT for w in rest) >= 2


# Words that say nothing of their own beside consent words ("it is still true for me", "i'd say mine, not yours").
_LIGHT = frozenset(("rather", "than", "i", "i'd", "i'm", "im", "me", "my", "mine", "you", "your", "yours", "it",
                    "it's", "its", "is", "was", "be", "am", "are", "the", "a", "an", "to", "for", "of", "and", "but",
                    "so", "that", "this", "yes", "yeah", "yep", "still", "now", "just", "really", "very", "though",
                    "say", "said", "lol", "haha", "obviously", "tbh", "well", "feels", "feel", "nothing", "change",
                    "changed", "all", "ok", "okay", "think", "guess", "too", "much", "quite", "pretty", "thanks",
                    "thank", "sure", "fine", "good", "if", "no", "not", "then", "please", "as", "in", "on", "at", "or"))


def _goes_deeper(cx: Context, low: str) -> bool:
    """Asked what is underneath, "its more that i hate watching people feel stupid" is the next reason, not a
    correction of the last one (nothing in it says no)."""
    return _DEEPER_ASKED.search(cx.question) is not None and _MORE_THAT.match(low) is not None \
        and not _SAYS_NO.search(cx.reply.low)


# "also pottery but that's more like doing than talking" (round 54 said back "So: doing."): a thing named, then
# compared, in one breath; a correction of the coach opens on "no", "yes but" or "it's".
_OWN_COMPARED = re.compile(r"^(?:also |and |plus )?(?!(?:no|nah|yes|yeah|yep|well|it'?s|its|that'?s|thats|not)\b)"
                           r"[\w' ]{2,30}? but (?:that'?s|thats|it'?s|its|that is|it is) (?:probably |maybe |kind of )?"
                           r"more (?:like |of )?[\w' ]{1,30} than [\w' ]{1,30}\W*$")


def _rephrased_own(cx: Context, core: Piece) -> bool:
    """"I grew up with that. It feels like, not atonement exactly, more like closing a loop": their own
    words put better mid-answer, not the coach corrected (what is denied is nowhere in the question)."""
    low = cx.reply.low
    start = max((m.end() for m in re.finditer(r"[.!?;]\s", low[:core.start])), default=0)  # this sentence
    sentence = low[start:core.end]
    denied = _NOT_X.search(sentence)
    lead = words(sentence[:denied.start()]) if denied else []
    # "It feels like, not X, more like Y": the sentence opens on their own words, not on "no" or "actually"
    if not denied or len(lead) < 2 or lead[0] in ("no", "nah", "nope", "actually", "well", "but", "its", "it's"):
        return False
    if not any(f.kind == "content" for f in cx.found):
        return False
    said = {w for w in words(denied.group("x")) if len(w) > 3}
    return bool(said) and not said & set(words(cx.question.lower()))


