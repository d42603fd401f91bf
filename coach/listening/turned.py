"""A change of heading said in the middle of a conversation, read out of any later answer.

"so actually maybe not educator. maybe a day time job like practice nurse at a gp surgery instead", said while
being asked why the educator job matters (round 41), and "i dont think its teaching anymore. its more practice
nurse at a gp now": where the mentee is heading has changed, and the questions that follow are about the new
heading, not the old one. "maybe my dad is right and i should stay in QA. like move into test automation" turns
too. Not a turn: "not the money, more the people" (a reason put right), "its not about being a manager, its
about having a say" (what the goal stands for), "no, i said teaching assistant" (a mishearing, put right
elsewhere).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Turn", "turned"]


@dataclass(frozen=True)
class Turn:
    """A new heading, and what was said before and after the sentences that name it."""

    new: str
    before: str = ""
    after: str = ""


_SMALL = frozenset(("a", "an", "the", "to", "be", "of", "in", "at", "and", "or", "maybe", "probably", "more", "my",
                    "job", "role", "work", "thing", "bit", "idea", "one", "something", "like", "being", "doing",
                    "some", "kind", "sort", "any", "for", "with", "now", "than", "just", "really", "go", "into"))
_TAIL = (r"(?:\s+(?:thing|bit|idea|one|plan|route|stuff|path|side))?"
         r"(?:,?\s+(?:anymore|any more|after all|now|then|tbh|honestly|tho|though|either|at all|lol|really|mate|"
         r"man|dude|haha|ngl))*")
# The old heading let go: "not educator", "maybe not educator anymore", "scrap UX", "forget the educator thing",
# "i dont think its teaching anymore" (the don't-think shape needs "anymore" or "after all": "i dont think i want
# the audit side" is a thought about the job, not a turn away from it).
_LET_GO = re.compile(
    r"(?i)(?:^|(?<=[\s,.;!?]))(?:(?:so|and|but|actually|ok|okay|well|maybe|probably|prob|honestly|tbh|no|nah)"
    r"[,.]?\s+)*(?:"
    r"(?:not|no longer|no more)\s+(?!(?:about|just|only|so much|really|exactly|quite|sure|the money|for me)\b)"
    r"(?:the |a |an |being |being a |being an |doing |going for )?(?P<old>[\w'&/+-]+(?: [\w'&/+-]+){0,3}?)" + _TAIL
    + r"|(?:scrap|scratch|forget|drop|ditch|bin)\s+(?:the |that |about |being |being a )?"
    r"(?P<old2>[\w'&/+-]+(?: [\w'&/+-]+){0,3}?)" + _TAIL
    + r"|i (?:don'?t|dont|do not) (?:think |reckon )?(?:it'?s|its|it is|i want|i wanna|i want to be|i'?d want|"
    r"i'?m into|im into|i see myself)\s+(?:the |a |an |to be |being |doing )?"
    r"(?P<old3>[\w'&/+-]+(?: [\w'&/+-]+){0,3}?)(?:\s+(?:thing|bit|idea|one|plan|route))?"
    r"(?:,?\s+(?:anymore|any more|after all))(?:,?\s+(?:tbh|honestly|tho|though|really|lol))*"
    # "i think i dont actually want the masters" (round 44): "actually" says it as plainly as "anymore"
    r"|(?:i think )?i (?:don'?t|dont|do not) (?:actually|really) (?:want|wanna)(?: to do| to be)?\s+(?:the |a |an )?"
    r"(?P<old5>[\w'&/+-]+(?: [\w'&/+-]+){0,3}?)(?:\s+(?:thing|bit|idea|one|plan|route))?"
    # "i think teaching is not for me anymore", "UX isnt really it tbh"
    r"|(?:i (?:think|guess|reckon|realise|realize) )?(?:the )?(?P<old4>[\w'&/+-]+(?: [\w'&/+-]+){0,3}?)"
    r"(?:\s+(?:thing|bit|idea|one|plan|route))? (?:is not|isn'?t|isnt|is no longer|'?s not) (?:really |actually )?"
    r"(?:for me|it|my thing|the one|what i want)" + _TAIL +
    # "the pension thing is gone" (round 48): the old heading said to be over
    r"|(?:the )?(?P<old6>[\w'&/+-]+(?: [\w'&/+-]+){0,3}?)(?:\s+(?:thing|bit|idea|one|plan|route))? (?:is|'s) "
    r"(?:gone|out|off the table|dead|done|over|history)" + _TAIL +
    r")(?=\s*(?:[.,;!?]|$|(?:maybe|more|i think|its|it'?s|but|and|instead|rather|now|so)\b))")
# A change of mind said outright: "i changed my mind", "change of plan", "thinking about it more".
_CHANGED = re.compile(r"(?i)\b(?:i(?:'?ve| have)? (?:kind of |kinda |totally |just )?changed my mind|"
                      r"i (?:think )?i change my mind|"  # a second language (round 46)
                      r"change of plans?|on second thoughts?|thinking about it (?:more|again|now)|"
                      r"i was thinking about it (?:on the (?:drive|way|bus|train|walk) home|last night|more|again)|"
                      r"now that i (?:say|said|hear|think about) it(?: out loud)?)\b[,.:;!]*")
# "so i guess im back to educator not clinic?" (round 44): an earlier heading taken up again, the later let go.
_BACK_TO = re.compile(r"(?i)\b(?:i'?m|im|i am|i'?ll go|going|go|it'?s|its)\s+(?:probably |maybe |just )?back to "
                      r"(?!(?:square one|normal|work|bed|sleep|basics|school|the (?:start|beginning|drawing board)"
                      r"|the ward)\b)"
                      r"(?:the |being (?:a |an )?)?(?P<new>[\w'&/+-]+(?: [\w'&/+-]+){0,3}?)(?:\s+(?:thing|idea|plan))?"
                      r"(?:,?\s+(?:not|instead of|rather than)\s+(?:the )?(?P<old>[\w'&/+-]+(?: [\w'&/+-]+){0,3}?)"
                      r"(?:\s+(?:thing|idea|plan))?)?(?=\s*(?:[.,;!?]|$|(?:then|again|tbh|i think|i guess)\b))")
# "im thinking HR now more than training, cos of the calming people down" (round 55 kept "im thinking HR now more"):
# the new heading, weighed against the old one by name.
_MORE_THAN = re.compile(r"(?i)\b(?:i'?m|im|i am) (?:now |actually |really )?"
                        r"(?:thinking|leaning(?: towards?)?|looking at|into|keener on|more into) (?:the )?"
                        r"(?P<new>[\w'&/+-]+(?: [\w'&/+-]+){0,3}?)(?: thing| side)? "
                        r"(?:now |these days )?more than (?:the )?(?P<old>[\w'&/+-]+(?: [\w'&/+-]+){0,3}?)"
                        r"(?: thing| side)?(?=\s*(?:[.,;!?]|$|(?:cos|because|cause|now|tbh|i think)\b))")
# "maybe i should stay in QA", "maybe i should just go into teaching": a heading weighed aloud.
_SHOULD = re.compile(r"(?i)\bmaybe (?:[\w' ]{1,30}? (?:is right|was right) and )?i (?:should|could|ought to) "
                     r"(?:just |actually |really )?(?P<new>(?:stay|go|move|switch|become|get into|retrain|"
                     r"train|do)\b[^.!?]*)")
# How the new heading is said: "maybe X", "its more X now", "X instead", "more like X", "i think X".
_LEADS = (r"(?:what i (?:actually |really )?want(?: to do)? is(?: just)?|"
          r"maybe|probably|prob|perhaps|more like|more|rather|mostly|now|i think|i guess|i reckon|i'?d rather|"
          r"id rather|i'?d prefer|i want(?: to)?|i wanna|i'?d like to|id like to|leaning (?:more )?(?:to|towards)|"
          r"thinking(?: about)?|looking at|(?:it'?s|its) now)")
_NEW_LEAD = re.compile(
    r"(?i)^(?:(?:so|and|but|actually|tbh|honestly|ngl|like|um+|hm+|ok|okay|i mean|now|then|instead|rather)[,.]?\s+)*"
    # "its test automation": said plainly, after the no; "it's jess's life not mine" is no heading (round 52)
    r"(?:(?:it'?s|its|it is)\s+(?!" + _LEADS + r"\b)(?!(?:\w+'s|his|her|their|your|my|not)\b)(?=\w)"
    r"|(?:(?:it'?s|its|it is|that'?s|thats)\s+)?(?:" + _LEADS + r"\s+)+(?:(?:it'?s|its|it is)\s+)?)"
    r"(?P<new>\S.*)$")
# "test automation is more me", "day shifts at a gp would be better": a heading said with how it sits.
_SITS = (r"(?:is|would be|'?d be|sounds|feels|seems) (?:more (?:me|my thing|like it|like me)|(?:a lot |much |way )?"
         r"better|(?:the )?right|the one(?: i (?:actually |really )?(?:care about|want|mean))?|more (?:my|me))")
_WHOSE = re.compile(r"(?i)^(?:it'?s|its|it is) (?:\w+'s|his|her|their|your) (?:life|thing|dream|plan|choice)\b")
_NEW_END = re.compile(r"(?i)(?:,?\s+(?:instead|now|then|tbh|honestly|i guess|i think|or something|or smth|lol|"
                      r"haha|anyway|rather|maybe|i reckon|probably|tho|though|really|" + _SITS + r"))+\W*$")
_ENDS_NOW = re.compile(r"(?i)\b(?:now|instead)\W*$")
_ENDS_SITTING = re.compile(r"(?i)\b" + _SITS + r"\W*$")
_NOT_NEW = re.compile(r"(?i)^(?:about|just|only|that|because|cause|cos|since|so|if|when|sure|really|than|the same|"
                      r"it|this|what|why|how|for|not|no|yes|yeah|idk|sure)\b")
# A playback put right ("the start is wrong, its not teacher, its X"), read by the fixes, not as a turn.
# ("money more than i said", "like i said": no fix)
_SAID_WRONG = re.compile(r"(?i)(?<!than )(?<!like )(?<!as )\bi (?:said|meant|wrote|typed)\b|"
                         r"\bmisheard\b|\bmisunderstood\b|\bwrong\b|"
                         r"\bnot (?:right|what i)\b|\btypos?\b|\bautocorrect|\bspell")
_POINTING = frozenset(("that", "this", "it", "them", "those", "that one", "this one", "all that", "that bit"))
_BECAUSE = re.compile(r"(?i),?\s+(?:because(?: of)?|cause|cos|coz|bc|since)\s+")
# "to be clear: where im heading is X" (round 46 kept "to be clear" as the heading): the label before the heading
_LABEL = re.compile(r"(?i)^(?:(?:just )?to be clear|so|ok|okay|basically)?\s*[:,]?\s*"
                    r"(?:where (?:i'?m|im|i am) (?:heading|going)|my (?:heading|goal)|the (?:heading|goal))"
                    r"(?: now)?\s*(?:is|=|:)\s*|^(?:just )?to be clear\s*[:,]\s*")
_SENTENCES = re.compile(r"(?<=[.!?;])\s+|\s*\.{2,}\s*|\u2026\s*")


def turned(text: str, goal: str) -> Turn | None:
    """The new heading when ``text`` turns away from ``goal`` to somewhere else (None: it does not)."""
    goal_words = _content(goal)
    if not goal_words or (_SAID_WRONG.search(text) and not _CHANGED.search(text)):
        return None
    sentences = [s for s in _SENTENCES.split(text.strip()) if s.strip(" .,")]
    for i, sentence in enumerate(sentences):
        found = _turn_in(sentence, sentences[i + 1:], goal_words, sentences[:i])
        if found is not None:
            new, used, said_first, said_after = found
            before = " ".join(sentences[:i] + [said_first])
            at = _BECAUSE.search(new)  # "its test automation, because its safer": the heading, then why
            new, said_after = (new[:at.start()], " ".join(x for x in (new[at.end():], said_after) if x)) if at else (
                new, said_after)
            new = _NEW_END.sub("", _LABEL.sub("", new)).strip(" ,.;")
            if not _content(new) or _content(new) == goal_words:
                return None
            after = " ".join([said_after] + sentences[i + 1 + used:]).strip()
            return Turn(new=new, before=before.strip(" ,"), after=after)
    return None


def _turn_in(sentence: str, later: list[str], goal_words: set[str],
             earlier: list[str] | None = None) -> tuple[str, int, str, str] | None:
    """The new heading said in or after ``sentence``, how many later sentences it took, and what was said
    before and after it in the same sentence (None: no turn here)."""
    weighed = _MORE_THAN.search(sentence)
    if weighed and _content(weighed.group("old")) & goal_words and not _content(weighed.group("new")) <= goal_words:
        why = re.sub(r"(?i)^(?:cos|because|cause|coz|cuz)(?: of)?(?: the)?\s+", "",
                     sentence[weighed.end():].strip(" ,.;?"))
        return weighed.group("new"), 0, sentence[:weighed.start()].strip(" ,"), why
    back = _BACK_TO.search(sentence)
    if back and (_content(back.group("old") or "") & goal_words
                 or (not back.group("old") and not _content(back.group("new")) <= goal_words)):
        return back.group("new"), 0, sentence[:back.start()].strip(" ,"), sentence[back.end():].strip(" ,.;?")
    let_go = _LET_GO.search(sentence)
    old = next((g for g in (let_go.group("old", "old2", "old3", "old4", "old5", "old6") if let_go else ()) if g), "")
    # "scratch that, its more the people than the work" (round 43): "that" is the answer just begun, not the heading
    if let_go and old.lower() not in _POINTING and _content(old) & goal_words:
        before, after = sentence[:let_go.start()].strip(" ,"), sentence[let_go.end():].strip(" ,.;")
        if new := _new(after):
            return new, 0, before, ""
        if new := _new(before, lead=False):
            return new, 0, "", ""
        # "forget the freelance thing. it's jess's life not mine. ux research is the one i care about" (round 52)
        looked = later[:2] if later and _WHOSE.match(later[0]) else later[:1]
        ahead = next(((n, i) for i, x in enumerate(looked, start=1) if (n := _new(x))), None) if not after else None
        if ahead is not None:
            return ahead[0], ahead[1], before, ""
        if not after and not before and earlier and (new := _new(earlier[-1])):
            return new, 0, "", ""  # "its training, because of my knees. the pension thing is gone" (round 48)
        return None
    should = _SHOULD.search(sentence)
    if should and not _content(should.group("new")) <= goal_words:
        new = should.group("new").strip(" ,")
        more = _lead_off(re.split(r",\s+", later[0])[0]) if later and _GOES_ON.match(later[0]) else ""
        if more:  # "i should stay in QA. like move into test automation or something, its still ...": both
            rest = later[0][len(re.split(r",\s+", later[0])[0]):].strip(" ,")
            return f"{new}, {_NEW_END.sub('', more)}", 1, "", rest
        return new, 0, sentence[:should.start()].strip(" ,"), ""
    changed = _CHANGED.search(sentence)
    if changed:
        after = sentence[changed.end():].strip(" ,.;")
        plain = later[0].strip(" .!") if not after and later and _PLAIN_HEADING.match(later[0]) else ""
        new, used = _new(after) or _new_instead(after, goal_words), 0
        # "ive changed my mind. i dont think i want to tutor from home. i think id rather go part time" (round 44)
        looked = later[:3] if not new and not after else []
        # "i don't want part time anymore, i think i want to retire properly" (round 52): the wish after the comma
        found = [(n, i) for i, said in enumerate(looked, start=1)
                 if (n := _new(said) or _new_instead(said, goal_words) or next(
                     (x for part in re.split(r",\s+", said)[1:] if (x := _new(part))), ""))]
        new, used = (new, 0) if new else found[0] if found else (plain, 1)  # "change of plan. a bakery"
        if new:
            return new, used, sentence[:changed.start()].strip(" ,"), ""
    return None


# After a change of mind: "put the training back in, thats what im after" (round 48), "training, not sitting it out
# till the pension" (the old heading after the "not")
_PUT_BACK = re.compile(r"(?i)^(?:(?:so|and|just|ok)[,]?\s+)*(?:put|bring) (?:the |my )?(?P<new>[\w'&/+ -]{2,40}?) back"
                       r"(?: in| on| on the list)?\b")
_X_NOT_Y = re.compile(r"(?i)^(?:(?:so|and|just|ok)[,]?\s+)*(?P<new>[\w'&/+ -]{2,40}?),? not (?:just |the )?"
                      r"(?P<old>[\w'&/+ -]{2,60})$")


def _new_instead(said: str, goal_words: set[str]) -> str:
    """A new heading said after a change of mind in the other ways people say it ("" if none)."""
    said = said.strip(" ,.;!")
    back = _PUT_BACK.match(said)
    if back:
        return back.group("new")
    instead = _X_NOT_Y.match(said)
    return instead.group("new") if instead and _content(instead.group("old")) & goal_words else ""


def _new(said: str, lead: bool = True) -> str:
    """A new heading said plainly ("maybe a day time job like X instead"); with ``lead`` False, without a lead."""
    said = said.strip(" ,.;")
    m = _NEW_LEAD.match(said) if lead else None
    if m is not None:
        new = m.group("new")
    elif _ENDS_NOW.search(said) or (lead and _ENDS_SITTING.search(said)):
        # "its more X now, not Y": before the no; "forget the educator thing, day shifts at a gp would be better"
        new = re.sub(r"(?i)^(?:(?:so|and|but|actually|no)[,.]?\s+)*(?:it'?s|its|it is)\s+", "", said)
    else:
        return ""
    new = re.sub(r"(?i)^like\s+", "", new.strip(" ,.;"))
    if _NOT_NEW.match(new) or len(new.split()) > 14 or not _content(new):
        return ""
    return new


# A heading said plainly after "change of plan.": "opening a bakery", "a bakery of my own", "to retrain".
_PLAIN_HEADING = re.compile(r"(?i)^\W*(?:[a-z]+ing|an?|to|my own|the|going|moving)\b[^.!?]{2,60}[.!]?\s*$")
_GOES_ON = re.compile(r"(?i)^(?:like|so|and|or|maybe)\s+(?:move|go|get|do|switch|into|become|be|try|work)\b")


def _lead_off(said: str) -> str:
    return re.sub(r"(?i)^(?:like|so|and|or|maybe)\s+", "", said).strip(" ,.;")


def _content(text: str) -> set[str]:
    """The words that name a heading, folded ("teaching" and "teacher" both "teach")."""
    words = re.findall(r"[a-z0-9&+]+", text.lower())
    return {_stem(w) for w in words if w not in _SMALL and len(w) > 1}


def _stem(word: str) -> str:
    """"engineering", "engineers" and "engineer" all "engine"; "teaching" and "teacher" both "teach"."""
    for _ in range(2):
        end = next((e for e in ("ing", "ers", "er", "ors", "or", "s") if word.endswith(e) and len(word) - len(e) >= 3),
                   "")
        word = word[:-len(end)] if end else word
    return word
