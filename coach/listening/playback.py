"""Playback of the mentee's own words: whole thoughts, fillers left out, pronouns swapped."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coach.listening.cutting import NO_END, cut, fragments, without_contrast

# Re-exported: templates and callers say pronouns back through playback.
from coach.listening.jobs import job_named as job_named
from coach.listening.joined import CHOICE, CHOICE_WORDS, choice_trimmed, next_joined, other_option
from coach.listening.pronouns import second_person
from coach.listening.pronouns import swap_pronouns as swap_pronouns
from coach.listening.spelling import spelled_out
from coach.listening.text import PURPOSE

if TYPE_CHECKING:
    from coach.listening.lexicon import Lexicon
    from coach.listening.reading import Reading


MAX_CHARS = 120

# Where the first clause of the content ends: "I want to lead, because I like people", "to be seen, now its admin".
_CLAUSE_END = re.compile(r"(?:[.!?;]\s|[.!?;]$|\s[-\u2013\u2014]\s|,\s*(?:because|but|and|so|though|which)\b"
                         r"|,\s*(?:now|right now|these days|atm)\s+(?:it'?s|its|i'?m|im|i|all|just)\b)")
# Where a reason starts inside an answer ("I want X because Y" -> Y).
# Asides in brackets: "(ugh)", "(lol, if they ever promote anyone)".
_ASIDE = re.compile(r"\s*\((?:ugh|lol|haha|sorry|honestly|i know|i guess|i think|tbh|sigh)[^)]*\)", re.IGNORECASE)
# Asides a rambling answer carries inside a thought: ", and sorry this is a lot,", ", if i'm honest,",
# ", which it might not,", ", well,"; and at its end: "sorry this is random", ", you know?".
_ASIDES = (r"(?:and |but )?(?:sorry,? )?(?:this|that|it)(?:'s| is|s)(?: going to be| gonna be)? "
           r"(?:a lot|long|hard to say|a mess|messy|weird|silly|dumb|shallow|random)|if i'?m (?:being )?honest|"
           r"(?:which|though|although) (?:it|they|that|i) (?:might|may|probably) (?:not|won't)(?: \w+)?|"
           r"if (?:it|that|things|all) (?:works?|goes|go) (?:out|well|to plan)|well|i mean|like|you know|honestly|"
           r"to be honest|tbh|i guess|i think|i suppose|i s'?pose|lol|sort of|kind of|"
           # "more contact with people and, how to say, less routine" (a second language)
           r"how (?:to|do you|do i|can i|should i) say(?: it| that| this)?|what'?s the word|how do you call it|"
           r"sorry,? (?:(?:a |that's a |such a )?(?:boring|weird|stupid|dumb|silly|obvious|lame|nerdy) (?:answer|one)|"
           r"if that'?s (?:obvious|boring|weird|dumb))")
_INNER_ASIDE = re.compile(r",\x00?\s*(?:" + _ASIDES + r"),", re.IGNORECASE)
_END_ASIDE = re.compile(r"(?:,\x00?\s*(?:" + _ASIDES + r")"
                        r"|,?\s*(?:you know|i guess|i s'?pose|lol|haha|idk|yeah|yea|yep|anyway|anyways|tbh|ngl|tbf)"
                        # "drawing comics, i could talk about comics forever" (round 41)
                        r"|,\s*i could (?:talk about|go on about|do|spend) (?:it|that|them|this|"
                        r"(?P<topic>\w+(?: \w+)?)) (?:forever|for hours|all day)"
                        # "... or train as a midwife if I wasn't so old": the age worry is answered, not said back
                        r"|\s+if (?:only )?(?:i|you) (?:wasn'?t|weren'?t|was not|were not) (?:so |too |this )?old"
                        r"|\s+if (?:i|you) (?:was|were) (?:a (?:bit|lot) |much |ten years )?younger)\W*$",
                        re.IGNORECASE)
# ...and in the middle of one: "my work matters i guess, not just being a pair of hands".
_GUESS = re.compile(r"\s+(?:(?:i (?:guess|suppose|reckon)|tbh|lol|lmao|haha|ish)(?= because\b| but\b| and\b|[,;.])"
                    r"|(?:lol|lmao|haha)(?= then\b| so\b| or\b| with\b| plus\b)"  # "sleep in lol then cook" (57)
                    r"|(?<!what )(?<!how )(?<!that )(?<!who )i think(?=[,;.]))"
                    r"|(?<![,;])\s+(?:honestly|ngl|tbf)(?= because\b| but\b| and\b|[,;.])", re.IGNORECASE)
# How a rambling answer may start before it says anything: "well, i mean, the thing is,", "so basically,",
# "I'd say that,", and the question's own frame said back ("in like five years", "in 5 years?").
_FRAME = re.compile(
    r"^(?:(?:well|so(?! " + PURPOSE + r")|ok|okay|um+|uh+|erm|hmm+|basically|honestly|anyway|i mean|right(?! now\b)|"
    r"yeah|to be honest|tbh|"
    r"tho|though|ngl|tbf|lowkey|imo|(?:idk|dunno)(?: (?:now|anymore|any more|really|yet))?(?=[\s,.;!?]|$)|"
    r"(?:maybe|probably|perhaps|prob) like(?= \w)|"  # "ngl maybe like brand strategy" (round 28)
    r"the thing is|thing is|the truth is|if i'?m (?:being )?honest|i'?d say(?: that)?|like(?=,)|that(?=,)|"
    r"again(?=,)|same (?:again|as i said)(?=,)|"  # "again, the money"
    r"(?:i )?(?:could|might|may)(?= (?:ask|try|shadow|email|book|sign up|apply|visit|call|sit in|join|look into|"
    r"find out|check)\b)|"  # "could ask my manager about ...": the thing to try ("i could talk about it for hours")
    r"(?:at the end of the day|when it comes down to it|when all'?s said and done|ultimately|in the end)(?=[, ])|"
    r"(?:i )?(?:think|guess|suppose|reckon)(?= (?:i'?d|id|i would|i want|i wanna|i'?ll|i'?m going|i hope)\b)|"  # a wish
    r"i (?:think|guess|suppose|reckon)(?= (?:a|an|maybe|probably|being|doing|something)\b)|"  # "i reckon a pharmacist\"
    r"(?:people|they|everyone|folks) (?:come|came|always come) to (?:me|you) for|"  # the question said back
    r"(?:my |the |an? )?experiment(?: (?:idk|i guess|maybe|hmm+|um+|then|would be|is))?(?=\s*(?:[:.\u2026-]|$))|"
    r"(?:(?:it'?s |its |is )?(?:the )?same (?:as|like) (?:last time|before)"
    r"(?: mostly| really| basically| i think| anyway)?(?=[,.]))|"
    # "maybe vet nurse": the hedge is heard, the thought is said back ("maybe not" stays)
    r"(?:maybe|perhaps|possibly|probably)(?! (?:not|so|yes|no|i|i'?d|i'?m|id|im|that|this|it|we|more|less)\b)|"
    r"(?:in |within )?(?:like |about |maybe |probably |roughly )?(?:\d+|a few|few|two|three|four|five|ten|a couple of)"
    r"(?:\s*(?:-|to|or)\s*\d+)? ?(?:years?|yrs?)(?: from now| time)?(?=[?.!,]| (?:i|i'?d|i'?m|id|im|hopefully|maybe|"
    r"probably|ideally|leading|running|doing|being|working)\b))[?.!,]*\s+)+",
    re.IGNORECASE,
)


_DANGLING = re.compile(r"(?i)[\s,]+(?:so|and|but|or|because|cause|cos)[\s.,!?]*$")


def trimmed(text: str) -> str:
    """A thought without its run-up and asides ("lol", ", if it works out,"), in the mentee's words."""
    return _clean(text)


# A label the mentee puts before an answer ("experiment: ask to run the next study myself").
_LABEL = re.compile(
    r"^(?:(?:my|the|an?|new|ok|okay|so)\s+)?(?:experiment|goal|answer|underneath|drives?|passions?|reason|heading|"
    r"update|edit|correction|fix|idea|strengths?|overlap|plan|(?:in )?one sentence|in a sentence|short version|"
    r"tl;?dr|bottom line|in short)\s*[:.]\s+(?=\S+\s+\S)",
    re.IGNORECASE,
)


# "(boring lol)", "(sorry)": a bracketed aside is not part of the thought.
_BRACKETED = re.compile(r"\s*\([^()]{0,40}(?:\)|$)")


def _said_already(m: re.Match[str]) -> str:
    """An aside at the end goes; "..., i could talk about picture books forever" stays when it names something new."""
    topic = m.group("topic")
    return m.group(0) if topic and not re.search(rf"(?i)\b{re.escape(topic)}\b", m.string[:m.start()]) else ""


def _clean(text: str) -> str:
    """A thought without its asides and the run-up before it (nothing left: the text as it was)."""
    text = _LABEL.sub("", text)
    unbracketed = _BRACKETED.sub("", text)
    text = unbracketed if len(unbracketed.split()) >= 2 else text
    bare = _GUESS.sub("", _FRAME.sub("", _ASIDE.sub("", text)))
    while _INNER_ASIDE.search(bare):  # one after another: ", if it works out, which it might not,"
        bare = _INNER_ASIDE.sub(",\x00", bare, count=1)
    # Where an aside was, a comma stays between two whole pieces ("teaching, actual teaching"),
    # not inside one ("i would like to run").
    bare = re.sub(r"([\w']+),\x00\s*", lambda m: m.group(1) + (" " if m.group(1).lower() in NO_END else ", "),
                  _END_ASIDE.sub(_said_already, bare)).strip()
    framed = _FRAME.sub("", bare).strip()
    # "maybe that nobody gets sick": with the hedge gone, the "that" before a clause goes too.
    framed = re.sub(r"(?i)^that (?=(?:nobody|no one|people|i|we|they|everyone|someone|my|our)\b)", "", framed)
    said = framed if len(framed.split()) >= 2 else bare
    said = re.sub(r"(?i)\b(and |but |or )like,\s+", r"\1", said)  # "look good and like, making things easier"
    said = re.sub(r"(?i)\b(and|but|or|,) (?:um+|uh+|erm+|er|hm+)\b,?\s*", r"\1 ", said)  # "hiking, or um maybe X"
    # "its my life so idk": with the "idk" gone, the "so" before it goes too (round 41 said back "... life so")
    left = _DANGLING.sub("", said)
    return spelled_out(left if len(left.split()) >= 2 else said)


def _lexicon() -> Lexicon:
    from coach.listening.lexicon import load_lexicon

    return load_lexicon()


def _reading(answer: str, lex: Lexicon | None = None) -> Reading:
    from coach.listening.acts import read_reply

    return read_reply(answer, lex or _lexicon())


def content_of(reply: str, lex: Lexicon | None = None) -> str:
    """The reply trimmed to what it says, for summaries ("" for a non-answer)."""
    reading = _reading(reply, lex)
    return _clean(reading.content)


def is_non_answer(reply: str, lex: Lexicon | None = None) -> bool:
    """Nothing to play back or summarise: empty, "idk", "pass", a bare "ok", a hedge on its own."""
    reading = _reading(reply, lex)  # a feeling kept as the answer ("i felt stupid a lot as a kid") is one
    return not reading.content and reading.correction is None and not reading.has("feeling")


_NOT_SURE_OF = re.compile(r"(?i)\b(?:i'?m|im|i am) not (?:really |totally |100% )?sure (?P<x>(?:[\w']+ ){0,3}"
                          r"(?:is|are|was|'s) what i (?:want|need|mean|meant|wanted))\b")


_SHARE = re.compile(r"(?i)^\W*(mostly|mainly|largely)\s+(?=\w[^.!?]*(?:,\s*|\s+and\s+|\s+with\s+|\s+plus\s+)"
                    r"(?:a bit|a little|some|partly|bits?)\b)")


def _said(answer: str, lex: Lexicon | None = None) -> str:
    """What an answer says: its content, or the corrected thought a correction gives."""
    reading = _reading(answer, lex)
    doubt = _NOT_SURE_OF.search(answer)
    if doubt and doubt["x"] in reading.content:  # "im not sure four is what i want" (round 80: "four is what you want")
        return _clean(reading.content.replace(doubt["x"], f"i'm not sure {doubt['x']}", 1))
    if reading.content:
        share = _SHARE.match(answer)  # "mostly tutoring, a bit of data" (round 83 lost "mostly"): how much, not a doubt
        kept = share and not reading.content.lower().startswith(share[1].lower())
        return _clean(f"{share[1]} {reading.content}" if share and kept else reading.content)
    corrections = [a for a in reading.acts if a.kind == "correction" and a.content]
    felt = [a for a in reading.acts if a.kind == "feeling"]
    if not corrections and felt and not reading.has("correction"):  # a stored "i felt stupid a lot as a kid"
        return _clean(felt[-1].text)
    if not corrections:
        # "It's less about fame": no new thought given, but the clause itself says something.
        said = [a for a in reading.acts if a.kind == "correction" and not (a.rule or "").startswith("open")]
        return _clean(said[-1].text) if said and len(said[-1].text.split()) >= 3 else ""
    thought = corrections[-1].content or ""
    if len(thought.split()) <= 2:
        # "It's less about fame": the corrected clause reads better than the bare "fame".
        last = re.split(r"(?<=[.!?;:\u2014])\s+", corrections[-1].text)[-1]
        thought = last if thought.lower() in last.lower() else thought
    return _clean(thought)


# An aside at the end of a key phrase: "brands, weirdly", "the money, honestly".
_LAST_ASIDE = re.compile(r"(?i),\s*(?:weirdly|oddly|strangely|funnily enough|honestly|really|i guess|i suppose|tbh|"
                         r"i'?m afraid|i am afraid|"
                         r"lol|haha|if i'?m honest|to be honest)$"
                         r"|\s+(?:obviously|of course|tbh|lol|haha|i guess|i suppose|i s'?pose|hopefully|for sure|"
                         r"that'?s for sure|thats for sure)$")


# "rent is insane. i wanna move out of my parents": a remark about the world, then what the mentee wants.
_WISH = re.compile(r"(?i)(?<=[.!?;])\s+((?:and |but |so )?i(?:'?d| would)? (?:really |just )?"
                   r"(?:want|wanna|need|'?d like|would like|like|love|hope)\b.*)$")
_NO_LONGER = re.compile(r"(?i)^[^.!?]*?\b(?:no longer|don'?t|do not|never|not any ?more|not sure (?:i|if i|whether i)"
                        r"(?: even| really| still)?) (?:really )?want\b[^.!?]*[.!?]\s+")
_WANT_TO = re.compile(r"(?i)\bi(?:'d| would)? (?:really |just )?(?:want|like|love|hope) to (?:be|do|work|move|build|"
                      r"lead|run|get|go|become|stay|have|make|join|teach|try|start|open|train|help)\b.*$")
_WANT_BARE = re.compile(r"(?i)\b(want|wants|hope|wish|like|love|hate|need|try) "
                        r"(?=(?:be|become|train|teach|learn|move|go|start|fix|make|build|help|work|do|have|see|get|open|run|lead|drive|own|earn|stay|leave|find|"
                        r"change|study|write|cook|repair|finish|feel)\b(?! (?:that|which|i|you|where)\b))")
_WISH_ALONE = re.compile(r"(?i)(?:(?:but|and|so|yes|still)\s+)*(?:i|you|we)\s+(?:really\s+|still\s+)?"
                         r"(?:want|wanna|want it|like|need|hope|wish|do|would|will|can)")
_SOFT_WISH = re.compile(r"(?i)\b(i|i'?d|you|we) (?:kinda|kind of|sorta|sort of|kinda sorta) "
                        r"(?=(?:want|wanna|would|like|love|need|hope|wish|see myself)\b)")
_FIRST = re.compile(r"(?i)\b(?:i|i'?m|im|i'?d|i'?ve|me|my|mine|we|our|us)\b")


_POINTS_BACK = re.compile(r"(?i)[.!?]\s*(?:ok,? |so,? |hmm,? )?maybe (?:that'?s|thats|that is) "
                          r"(?:something|it|the thing)\W*$"
                          # "... but not over which clients we take. that's the bit i care about" (round 28)
                          r"|[.!?]\s*(?:and |but |so )?(?:that'?s|thats|that is) (?:the (?:bit|part|thing|one)|what) "
                          r"(?:i (?:really |actually )?(?:care about|mean|want|love|miss)|(?:that )?(?:really )?"
                          r"matters(?: to me)?|counts)\W*$")


def pointed_at(reply: str, content: str) -> str:
    """"... since 2009. ok maybe thats something": the sentence the realisation points back at (else the content)."""
    if not _POINTS_BACK.search(reply):
        return content
    kept = [p for p in re.split(r"(?<=[.!?])\s+", content.rstrip(".!? ")) if not re.match(r"(?i)that'?s|thats", p)]
    return kept[-1] if kept else content


def _wish_after_remark(text: str) -> str:
    """The wish, when the answer opens with a remark in which the mentee is not the subject, or with what they no
    longer want ("I no longer want the management track. ... I want to be a senior IC")."""
    dropped = _NO_LONGER.match(text)
    later = _WANT_TO.search(text, dropped.end()) if dropped else None
    if later:
        return later.group(0)
    wish = _WISH.search(text)
    remark = text[: wish.start()] if wish else ""
    said_of_world = re.search(r"(?i)\b(?:is|are|was|were|sucks?|costs?)\b|'s\b", remark)
    would = wish is not None and re.match(r"(?i)(?:and |but |so )?i(?:'?d| would) ", wish.group(1)) is not None
    if wish is not None and would and len(remark.split()) >= 12:
        return wish.group(1)  # "i'm tired. ... the wife's been ill ... i'd just like time with her": the wish
    if wish is None or _FIRST.search(remark) or not said_of_world:
        return text  # "the money. and i want respect": a terse reason, kept
    return wish.group(1)


# A thing pointed at, not said (round 23): "the blood thing", "that money bit".
_POINTER_ONLY = re.compile(r"(?i)^(?:(?:actually|wait|no)[,]? )*(?:the|that|this) [\w' ]{1,20} (?:thing|bit|stuff)$")
# "i.e." and "e.g." are no sentence ends, and "i" in them is no pronoun: said in words instead.
_ABBREVIATED = re.compile(r"(?i)\b(i\.e|e\.g)\.?(?=[\s,]|$)")
_SPELLED = {"i.e": "that is", "e.g": "for example"}


# A second short thing named after the first ("love island. my nephews, ..."): one list, not a clause to drop.
_LISTED = re.compile(r"\s*(?:and\s+|also\s+)?((?:my|our|the|his|her|their)(?:\s+(?!(?:is|are|was|were|would|will|can|"
                     r"has|have|does|do|did|gets?|makes?)\b)[\w'-]+){1,3})(?=\s*(?:[,.;!?]|$))")

def _budget(words: list[str], max_words: int) -> int:
    """"... and keep people not quit" (round 83 said back "keep people", six times): a "not" just past the budget
    turns the thought; a word or two over is said whole rather than said the other way round."""
    if max_words < len(words) <= max_words + 2 and any(w.lower() in ("not", "never") for w in words[-3:]):
        return len(words)
    return max_words


def key_phrase(answer: str, max_words: int = 12) -> str:
    """The first whole clause of what an answer says, or a well-formed part of it; "" if none fits."""
    if CHOICE.search(answer):  # "whether to retire fully at sixty or to go part-time": both sides, or it is no choice
        max_words = max(max_words, CHOICE_WORDS)
        answer = choice_trimmed(answer) if len(answer.split()) > max_words else answer
    answer = POINTING_BACK.sub("", answer)  # "do the shadow day like i said": the pointing back is not said back
    answer = _HORIZON.sub("", answer)  # "in three to five years i'd like X" (round 48 said back "in three."): X
    # "I want train the apprentices", "i dont want be broken" (a second language): "want to", read as meant
    answer = _WANT_BARE.sub(r"\1 to ", answer)
    answer = _SOFT_WISH.sub(r"\1 ", answer)  # "i kinda want to move into research": the wish, without the kinda
    text = _wish_after_remark(" ".join(_ABBREVIATED.sub(lambda m: _SPELLED[m.group(1).lower()], _said(answer)).split()))
    m = _CLAUSE_END.search(text)
    if m and _POINTER_ONLY.match(text[:m.start()].strip()) and text[m.end():].strip():
        text = text[m.end():].strip()  # "the blood thing. maybe dog grooming": a pointer, then what is meant
        m = _CLAUSE_END.search(text)
    if m and re.match(r"(?i)(?:is|are|was|were)\b", text) and text[m.end():].strip():
        rest = text[m.end():].strip()
        first = text[:m.start()].split(None, 1)
        # "is family. is most important": the first names it (round 21); "is important. family is most important
        # thing": the first has no subject and no thought
        text = f"it's {first[1]}" if re.match(r"(?i)(?:is|are|was|were)\b", rest) and len(first) > 1 else rest
        m = _CLAUSE_END.search(text)
    # Two short things joined by ", and" are one thought, not a clause to drop ("money, and freedom").
    after = _CLAUSE_END.search(text.rstrip(".!? "), m.end()) if m else None
    if m and after and after.group(0)[:1] in ".!?;" and re.match(r",\s*and\b", m.group(0)):
        text = text[:after.start()]  # "do the shadow day, and look up jobs. and pls write down X": the two things
        after = None
    both = m is not None and re.match(r",\s*and\b", m.group(0)) is not None and len(text.split()) <= max_words \
        and after is None
    listed = _LISTED.match(text[m.end():]) if m and len(text[:m.start()].split()) <= 3 and "." in m.group(0) else None
    if m and listed and len(listed.group(1).split()) <= 4:  # "love island. my nephews, i could talk ...": both
        text, m = f"{text[:m.start()]} and {listed.group(1)}", None
    joined = next_joined(text, m, max_words, MAX_CHARS) if m and m.group(0)[:1] in ".!?" else ""
    if joined:
        text, m, max_words = joined, None, max(max_words, len(joined.split()))
    if m and not both and re.match(r"(?i),\s*but (?:as|in|at|with|only|just|now|then)\s", text[m.start():]):
        # "still at the firm, but as a partner" (round 28): the "but" finishes the thought, it does not turn it
        nxt = _CLAUSE_END.search(text, m.end())
        span = text[:nxt.start()] if nxt else text.rstrip(".!? ")
        if len(span.split()) <= max_words:
            text, m = span, None
    if m and not both:
        text = fragments(text, m) or text[: m.start()]
    words = text.split()
    max_words = _budget(words, max_words)
    if len(words) > max_words:
        kept = without_contrast(text)
        if 3 <= len(kept.split()) <= max_words:
            words = kept.split()
    if len(words) > max_words:
        commas = [i for i, w in enumerate(words[: max_words - 1]) if w.endswith(",") and i >= 1]
        if commas and words[commas[-1]].rstrip(",").lower() not in NO_END:
            words = words[: commas[-1] + 1]
        else:
            words = cut(words, max_words)
    phrase = " ".join(words).rstrip(" ,;:.!?")
    phrase = _LAST_ASIDE.sub("", phrase)  # "brands, weirdly": the brands
    phrase = re.sub(r"(?i)^((?:i|you) (?:really )?(?:want|need|like|love)\b.*?) (?:also|too|as well)$", r"\1", phrase)
    # "sergeant now i think": the goal, not when it was decided
    phrase = re.sub(r"(?i)^((?!(?:i|you|it|that|this)\b)\w+(?: \w+){0,3}) now$", r"\1", phrase)
    if _WISH_ALONE.fullmatch(phrase):
        return ""  # "but I want": a wish with nothing wished, no phrase to say back (round 37)
    # One enormous "word" is no phrase to quote: say it without a quote instead.
    return "" if len(phrase) > MAX_CHARS else phrase


# A word typed in capitals to stress it, said back plainly ("JANINE'S" -> "Janine's", round 98); short ones may be
# acronyms ("NHS", "HMRC") and stay
_SHOUTED = re.compile(r"\b([A-Z])([A-Z]{4,})(?=(['\u2019]S)?\b)")


def play_back(answer: str, max_words: int = 12) -> str:
    """The mentee's key phrase in the second person ("I love puzzles" -> "you love puzzles"); "" if none."""
    answer = _UNSAYABLE.sub("", answer)  # a terminal escape or bidi override is never said back
    answer = _SHOUTED.sub(lambda m: (m[1] if m[3] else m[1].lower()) + m[2].lower(), answer)
    answer = re.sub(r"(?<=[a-z])(['\u2019])S\b", r"\1s", answer)
    said_as = _SAID_AS.match(answer.strip()) if len(answer.split()) <= max_words else None
    if said_as:  # "it just feels like mine? like proof i can do it": both halves are one thought
        first, then = key_phrase(answer, max_words), key_phrase(said_as.group(2), max_words)
        if first and then and first.lower() in said_as.group(1).lower():
            return f"{second_person(first)}, like {second_person(then)}"
    # too long to quote whole at a large budget: a shorter whole phrase, never nothing (round 72 quoted "")
    phrase = key_phrase(answer, max_words) or (key_phrase(answer, max_words // 2) if max_words > 16 else "")
    if re.match(r"(?i)either\b", phrase) and not re.search(r"(?i)\bor\b", phrase):
        return ""  # half of an either/or is not what was said: no quote at all
    after, exact = _after(answer, phrase)
    other = other_option(after)
    if other and not exact and not other[0].startswith("or"):
        other = None  # found by its last words only: another option, never the rest of the answer
    if other:  # "front office manager, maybe. Or the revenue department": both options, not the first alone
        room = max(8, max_words - len(phrase.split()))  # the other option whole, as far as the room allows
        alt = key_phrase(other[1], room)
        if alt and len(alt.split()) <= room:
            return f"{second_person(phrase)}, {other[0]} {second_person(alt)}"
    return second_person(phrase)


def _after(answer: str, phrase: str) -> tuple[str, bool]:
    """What ``answer`` says after ``phrase``, and whether the phrase was found as it is; else found by its last words
    when the phrase was mended ("want be" -> "want to be"); "" if it cannot be found."""
    if phrase and phrase in answer:
        return answer[answer.find(phrase) + len(phrase):], True
    tail = re.search(r"(?:\S+\s+)?\S+$", phrase)
    m = re.search(re.escape(tail.group(0)), answer, re.I) if tail and len(tail.group(0)) > 6 else None
    return (answer[m.end():] if m else ""), False


# The question's own "three to five years", said back to it
_HORIZON = re.compile(r"(?i)\b(?:in|within|over) (?:the next )?(?:three|3)\s*(?:to|or|-)\s*(?:five|5) years?"
                      r"(?:'? time| from now)?,?\s*"
                      # "underneath it is that i like X" (round 49), "underneath it idk, like X" (71): the question
                      r"|^(?:(?:um+|so|ok|well|i guess|i think)[,.]?\s+)*(?:what'?s |what is )?underneath "
                      r"(?:it|that|this|all (?:of )?(?:this|that|it))(?: all)?(?: is(?: that)?|[,?:]?\s*(?:idk|dunno|"
                      r"i dunno|i guess|i think|probably|maybe|honestly|tbh)[,.?]*(?:\s+like,?)?)\s+(?=\w)")
# "like i said", and "like you said" (round 81 said back "like me said"): pointing back, not the thought
POINTING_BACK = re.compile(r"(?i),?\s+(?:like|as) (?:i (?:said|told (?:you|u)|mentioned)|(?:you|u) (?:said|suggested|"
                            r"told me))(?: (?:before|earlier|last time|already))?"
                            r"(?=\s*[,.;!?]|\s*$|\s+(?:and|but|so)\b)")
_UNSAYABLE = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b\[[0-9;?]*[A-Za-z]|"
                        r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
# A tentative thought, then said again more plainly: "it just feels like mine? like proof i can do it".
_SAID_AS = re.compile(r"(?i)^([^.!?;]+)\?\s+like,?\s+(?!i (?:said|told|mean)\b)([^.!?;]+?)[.!?]*\s*$")
