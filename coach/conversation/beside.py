"""What is said beside the answer, or on the way to it: a labelled answer ("... one sentence: X"), working alone,
something to forget, and what is about an earlier answer: one more drive, something forgotten earlier, the goal
put right later, the last answer redone or finished in the next message ("...and also maybe manager idk").

Each is kept where it belongs and said back; what else the reply says is heard as the answer to the question
being asked (or the question is asked again).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.conversation.fix_values import MEANT
from coach.conversation.heard import goal_named, said_content
from coach.conversation.placing import other_options
from coach.conversation.said_before import drives_named
from coach.conversation.summary import non_answer
from coach.listening import rules
from coach.listening.acts import read_reply
from coach.listening.fixes import read_fixes
from coach.listening.heading import heading
from coach.listening.playback import play_back, trimmed
from coach.listening.rules import normalise
from coach.listening.takeback import yes_after_all

if TYPE_CHECKING:
    from coach.conversation.message import Message
    from coach.conversation.state import SessionState
    from coach.conversation.words import Provenance
    from coach.flow.spec import Flow, Step
    from coach.listening.lexicon import Lexicon
    from coach.listening.reading import Reading

# "wait no i want time off ON the list": a drive to keep, asked for after the drives were checked (round 21).
_ON_THE_LIST = re.compile(r"(?i)(?:^|(?<=[.!?])\s*)(?:(?:wait|no|oh|and|also|but)[,.]?\s+)*(?:i (?:want|need|wanted)|"
                          r"(?:can you |could you |pls |please )?(?:put|keep|add)) (?P<x>[\w' ]{2,30}?) "
                          r"(?:on|in|onto|to) (?:the|my) (?:list|drives?|main list|drives list)\b[^.!?]*[.!?]*")
# "add fixing bikes to what i love", said at another question: one more thing that lights them up
_TO_WHAT_I_LOVE = re.compile(r"(?i)(?:^|(?<=[.!?])\s*)(?:(?:oh|and|also|pls|please|can you|could you)[,]?\s+)*"
                             r"(?:add|put) (?P<x>[\w' -]{2,40}?) (?:to|on|in|onto) (?:what i love|what lights me up|"
                             r"(?:my |the )?passions|the love (?:list|bit))\b[^.!?]*[.!?]*")
# "oh and I forgot to say earlier, I also did X, I liked that too" (round 24): something that lights them up.
_FORGOT = re.compile(r"(?i)(?:^|(?<=[.!?])\s*)(?:(?:oh|and|also)[,]? )*i (?:forgot|meant|wanted) to "
                     r"(?:say|mention|add|tell you)(?: (?:earlier|before|this|that))*[,:.]?\s+(?P<x>[^.!?]+?),?\s+"
                     r"i (?:really )?(?:liked|loved|enjoyed) (?:that|it)(?: too| as well| a lot)?[.!?]*\s*$")
_DID = re.compile(r"(?i)^i (?:also |once )?(?:did|do|have done|was doing|used to do)\s+")
_GOAL_SAID = re.compile(r"(?i)[,.]?\s*(?:(?:wait|actually|no|ok|so|hmm)[,.]?\s+)*(?:i think|i guess|maybe)?\s*$")
# The last answer given again, whole: "no let me redo that: ...", "scratch that, ..." (round 27).
_REDO = re.compile(r"(?i)^\W*(?:(?:no|sorry|wait|oh|hang on|actually)[,.!]*\s+)*(?:let me (?:redo|rephrase|start again|"
                   r"start over|try again|try that again|say (?:it|that) again|answer (?:that|it) again)"
                   r"(?: (?:that|this|it|again|the last one))?|scratch that|scrap that)\s*[:,.!-]+\s*(?P<x>\S.*)$")
# The goal changed, said at a later question (round 34): "can i change what i said at the start?", "the goal thing:
# its now X", "my goal has changed:".
# "you know what, speech therapy, not teaching": one of two options kept, the other not
_SETTLED = re.compile(r"(?i)^\W*(?:(?:you know what|ok|okay|actually|so|no|hmm+|right|i think|definitely|def|"
                      r"deffo|honestly)[,.!]*\s+)*(?P<x>[\w' -]{2,40}?),?\s+(?:not|rather than|instead of|over)\s+"
                      r"(?:the |a |an )?(?P<y>[\w' -]{2,40}?)\W*$")
# Rest offered as a joke: "sleep lol", "honestly naps haha" (round 40).
_REST_JOKE = re.compile(r"(?i)^\W*(?:(?:um+|honestly|tbh|ngl|probably|prob|obviously|obvs)[,.]?\s+)*"
                        r"(?:sleep(?:ing)?|naps?|napping|my bed|bed|lying in bed|doing nothing|nothing at all)"
                        r"(?:\s+(?:obviously|obvs|tbh|honestly|probably))?"
                        r"(?:[,.!]?\s*(?:lol|haha+|lmao|xd|jk|\U0001f602|\U0001f634))+\W*$")
_SMALL = frozenset(("a", "an", "the", "to", "be", "of", "in", "at", "and", "or", "maybe", "probably", "more", "my"))
_GOAL_CHANGE = re.compile(r"(?i)\b(?:can i|could i|let me|i want to|i wanna|i'?d like to) change "
                          r"(?:what i said (?:at the start|first|earlier)|my goal|the goal|"
                          r"my answer (?:at|from) the start)\b[^.!?]*[.!?]+\s*|"
                          r"\b(?:the|my) goal(?: thing| bit| part)?\s*[:,-]?\s*(?:it'?s|its|is) now\s+|"
                          r"\bmy goal (?:has )?changed\b[^.!?:]*[.!?:]+\s*")
_NOT_WANTING = re.compile(r"(?i)^(?:i )?(?:don'?t|dont|do not) (?:think i )?(?:really )?want\b")
# The last answer, finished in the next message (round 30, a mentee who types in bursts): "...and also maybe manager".
_MORE = re.compile(r"^\s*(?:\.{2,}|\u2026)\s*(?P<x>(?:and|also|or|plus|oh and|but also)\b.*)$", re.I)
# "that jobs bit is wrong i never picked a job" (round 29, a self-employed mentee): the job kept is none.
_NO_PICK = re.compile(r"(?i)(?:^|(?<=[.!?])\s*)(?:(?:no|wait|but|and|um+)[,.]?\s+)*(?:(?:that|the) jobs?(?:'s)? "
                      r"(?:(?:bit|part|one|line) )?(?:is|was|'s) wrong[,.]?\s*)?i (?:never|didn'?t|did not|didnt) "
                      r"(?:pick|picked|choose|chose|name|named|say|said) (?:a|one|any)(?: job| of them| job at all)?"
                      r"(?: (?:at all|really|tbh))?[.!]*")
# Said of the summary just read back, at the experiment question: "you didnt add meaning", "i said teaching too",
# "i still dont get what underneath means" (round 36 kept these as the experiment and said goodbye).
_ABOUT_READ_BACK = re.compile(
    r"(?i)\b(?:you|u) (?:didn'?t|did not|never|still haven'?t|haven'?t|forgot(?: to)?|left(?: out)?|missed|dropped)"
    r" (?:add|put|include|change|fix|take|keep|write)?\b(?!.*\bexperiment\b)|\bi (?:said|told you|meant)\b"
    r"|\bi (?:still )?(?:don'?t|dont|do not) (?:get|understand)\b"
    r"|\b(?:that|it) (?:was|wasn'?t|is|isn'?t) (?:me correcting|a correction|wrong|not right)\b"
    # "impact is missing now", "you still have X there", "the people come to me part?", "no no that's wrong" (round 45)
    r"|\b(?:is|are) (?:still )?missing\b|\b(?:you|u) (?:still )?(?:have|wrote|put)\b(?! (?:to|a|any)\b)"
    r"|\bthe [\w' ]{2,30} (?:part|bit|line)\b|^\W*(?:no+[,.]?\s+)*(?:that'?s|thats) (?:all )?wrong\b"
    # "and the football?", "wait, and the other two things?" (round 46): something named, asked after
    r"|^\W*(?:wait,?\s+|hang on,?\s+)?(?:and|what about|but) (?:the|my) [\w' ]{2,40}\?")
# "not it. just money and having a say. jesus" (round 48 kept it as the experiment): drives named, nothing to try
_NOT_TRIED_WORDS = re.compile(r"(?i)\b(?:not|just|only|and|also|jesus|god|ffs|ugh|lol|too|it|thats?|that'?s|all|"
                              r"the|a|my|is|are|drives?|drivers?|what drives me)\b|[^\w\s]")


def _drives_only(text: str, lexicon: Lexicon) -> bool:
    """Does ``text`` only name drives (two or more), with nothing to try in it?"""
    low = normalise(text)
    named = drives_named(low, lexicon)
    spans = sorted(sp for m in named for sp in lexicon.motivations[m].words.spans(low))
    rest = "".join(" " if any(a <= i < b for a, b in spans) else c for i, c in enumerate(low))
    return len(named) >= 2 and len(rules.words(_NOT_TRIED_WORDS.sub(" ", rest))) <= 1


# "... anyway, shadow a designer for a day", "experiment: ...": the experiment is named all the same
_NAMED_ANYWAY = re.compile(r"(?i)\b(?:anyway|anyways|experiment\s*[:=-]|the experiment (?:is|would be))\b")
_LEAD_ON = re.compile(r"(?i)^(?:(?:anyway|anyways|um+|so|ok|okay)\b[.,]*\s*)+")

# "... one sentence: i want people to trust my judgment", "anyway experiment - X", "... step: X": what is meant.
_LABELLED = re.compile(r"(?i)(?:^|[.!?;]\s+|,\s*)(?:(?:ok|okay|so|fine|anyway)[, ]+)?(?:my |in |the |same )?"
                       r"(?:one |plain |a )?(?:sentence|answer|experiment|(?:small |next )?step)"
                       r"(?:\s*(?:[:=\-]|\.{2,}|\u2026)\s*|"
                       r"(?<=experiment),\s*(?=(?:i|ring|call|ask|email|talk|try|do|go|see|look|apply|book)\b)|"
                       r"\s+(?=(?:i|i'?m|im|my|it'?s|its|being|to)\s))(?P<x>\S.*)$")  # "one sentence i want ..."
_OVERLAP_IS = re.compile(r"(?i)(?:^|[.!?;]\s+|,\s*)(?:(?:so|and|but|ok|okay|um+|uh+)[, ]+)?"
                         r"(?:i (?:suppose|guess|think|reckon) )?(?:the |my )?(?:overlap|sweet spot|"
                         r"where (?:they|those|it all|all three) (?:meet|overlap))"
                         # "um overlap, i guess looking after people" (round 41): the word as a label
                         r"(?: is| would be|'s|:|,(?: i (?:guess|suppose|think|reckon))?| -)\s+(?P<x>[^.!?]*[^.!?\s])")
_STILL_WRONG = re.compile(r"(?i)\b(?:still )?(?:not right|wrong|rong|not it)\b\W*$")
_SAID_WRONG = re.compile(r"(?i)\b(?:wrong|rong|wrang|not right|not it|not quite|nope|no)\b")
_PICKED = re.compile(r"(?i)\bi(?:'?d| would)? (?:probably |suppose i'?d )?(?:take|pick|want|choose|go for)\b")


class SaidBeside:
    """The part of a conversation that keeps what is said beside an answer (mixed into Conversation)."""

    flow: Flow
    values: dict[str, Any]
    words: Provenance
    state: SessionState

    if TYPE_CHECKING:
        @property
        def current(self) -> Step: ...
        def _begin_change(self) -> None: ...
        def _refs(self) -> list[str]: ...
        def _set_item(self, var: str, index: int | None, old: str, new: str) -> None: ...
        def _put_right(self, said: str) -> Message: ...
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _reply(self, key: str) -> str: ...
        def _asides(self, reading: Reading, edited: bool = False) -> list[Message]: ...
        def _take(self, text: str, ref: str) -> list[Message]: ...
        def _reask(self) -> list[Message]: ...
        def place(self, step: str) -> None: ...
        def _rewind(self, keep: int) -> str: ...
        def _asked(self) -> str | None: ...
        def _missed_before(self, before: str) -> list[Message]: ...
        def _that_is_it(self, reading: Reading, ref: str) -> list[Message] | None: ...
        def _every_drive(self, text: str) -> list[Message] | None: ...
        def _forgotten(self, text: str, ref: str) -> list[Message] | None: ...
        def _playback_fixed(self, text: str, reading: Reading, ref: str) -> list[Message] | None: ...
        def _correct(self, new: str | None, reply: str) -> bool: ...
        def _meant(self, meant: re.Match[str], denied: str) -> bool: ...
        def _advance(
            self, answer: str, skipped: bool = False, ref: str | None = None, reading: Reading | None = None,
            confirm: bool | None = None, corrected: bool = False, sources: list[str] | None = None,
            changed: str = "", own: str = "",
        ) -> list[Message]: ...

    def _said_aside(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """What is said on the way to the answer, or instead of it, and taken first (None: nothing such)."""
        step = self.current
        put = _LABELLED.search(text) if step.corrects and step.expect == "yes_no" else None
        if put and _SAID_WRONG.search(text[:put.start()]) and self._correct(put.group("x"), text):
            # "thats still rong. one sentence i want to be there for my kids" at the chain's playback (round 29)
            return self._advance(answer=text, ref=ref, reading=reading, confirm=None, corrected=True)
        meant = MEANT.search(text) if step.corrects and step.expect == "yes_no" else None
        if meant and _SAID_WRONG.search(text[:meant.start()]) and self._meant(meant, text[:meant.start()]):
            return self._advance(answer=text, ref=ref, reading=reading, confirm=None, corrected=True)
        labelled = _LABELLED.search(text) if step.expect in ("text", "either") and not step.corrects else None
        labelled = labelled or (_OVERLAP_IS.search(text) if step.save_as == "sweet_spot" else None)  # "overlap is X"
        if labelled and re.search(r"(?i)experiment|step", labelled[0]) and len(text[:labelled.start()].split()) < 4:
            labelled = None  # "fine. experiment: X and Y" is the answer as said; after a remark it marks the answer
        if labelled and rules.words(labelled.group("x")):  # "... one sentence: i want people to trust my judgment"
            before = text[:labelled.start()].strip()  # "that's still wrong but ok.": a sorry, then the answer
            if not step.corrects and read_fixes(before) and (fixed := self._playback_fixed(text, reading, ref)):
                return fixed  # "remove freedom. experiment: X" (round 56 kept X, and freedom too)
            lex = self.flow.lexicon
            said = self._asides(read_reply(before, lex, question=self._asked())) if rules.words(before) else []
            return said + self._missed_before(before) + self._take(labelled.group("x"), ref)
        picked = _PICKED.search(text)  # "I don't work anywhere now dear! But I suppose I'd take X's job": answered
        if step.save_as in ("want_job", "not_want_job") and any(a.topic == "works_alone" for a in reading.acts) and (
                not picked):
            # "i work alone lol. its me and my cat. so... the cat's job": another workplace to picture, then again
            return self._asides(reading) + [self._rule(self._reply("works_alone"))] + self._reask()
        # "no!! the sentence is 'X'. drives: autonomy first": the last answer put right, then this one
        # "wait no i want time off ON the list. anyway. baking": one more drive kept, then the rest heard
        return (self._read_back_fixed(text, ref) or self._no_pick(text, ref) or self._goal_redone(text, ref)
                or self._that_is_it(reading, ref) or self._every_drive(text) or self._rest_joke(text)
                or self._forgotten(text, ref)
                or self._last_answer_fixed(text, ref) or self._said_beside(text, reading, ref))

    def _rest_joke(self, text: str) -> list[Message] | None:
        """"sleep lol" at what lights them up (round 40 kept it): smiled at, and the question again, once (None:
        not so; "sleep" said plainly, or again, is the answer)."""
        if self.current.append_to != "passions" or not _REST_JOKE.match(text) or self.state.reasks or (
                "rest_joke" not in self.flow.replies):
            return None
        self.state.reasks += 1
        return [self._rule(self._reply("rest_joke"), stored_as="reask")] + self._reask()

    def _read_back_fixed(self, text: str, ref: str) -> list[Message] | None:
        """"wait you didnt add meaning. meaning is the main one", said at the experiment question (round 36): about the
        summary just read back, never the experiment; heard at the read-back again (None: not such a remark)."""
        history = self.state.history
        first = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]  # "X? you didnt add Y btw": X is the answer
        if self.current.save_as != "experiment" or _NAMED_ANYWAY.search(text) or not (
                _ABOUT_READ_BACK.search(first) or _drives_only(text, self.flow.lexicon)):
            return None
        at = next((i for i in reversed(range(len(history)))
                   if (s := self.flow.steps.get(history[i].step)) is not None and s.corrects and s.say), None)
        if at is None:
            return None
        self._rewind(at + 1)  # "is there an experiment?" "yes": that answer is taken back
        self.place(history[at].step)
        return self._take(text, ref)

    def _goal_redone(self, text: str, ref: str) -> list[Message] | None:
        """"actually can i change what i said at the start? ... i'd rather be a senior analyst" (round 34): the goal
        is put right at any later step, said so, and this step's question asked again (None: no such change)."""
        m = _GOAL_CHANGE.search(text)
        if m is None or self.current.save_as == "goal" or not self.values.get("goal"):
            settled = self._goal_settled(text)
            if not settled:
                return None
            self._begin_change()
            self.words.set("goal", settled, self._refs())
            return [self._put_right(settled)] + self._reask()
        said = " ".join(s for s in re.split(r"(?<=[.!?])\s+", text[m.end():]) if not _NOT_WANTING.match(s))
        new = heading(said.strip(" .")) if rules.words(said) else ""
        new = re.sub(r"(?i)^(?:i think |maybe |probably )*i'?d (?:rather|prefer to|much rather) (?:be )?", "", new)
        if len(new.split()) < 2:
            return None
        self._begin_change()
        self.words.set("goal", new, self._refs())
        return [self._put_right(new)] + self._reask()

    def _goal_settled(self, text: str) -> str:
        """"you know what, speech therapy, not teaching" after a goal of two options (round 35): the one kept ("")."""
        goal, m = self.values.get("goal"), _SETTLED.match(text)
        if not isinstance(goal, str) or ", or " not in goal or m is None or self.current.save_as == "goal":
            return ""
        options = [set(rules.words(o)) - _SMALL for o in goal.split(", or ")]
        kept, dropped = set(rules.words(m["x"])) - _SMALL, set(rules.words(m["y"])) - _SMALL
        hits = [i for i, o in enumerate(options) if kept & o], [i for i, o in enumerate(options) if dropped & o]
        return trimmed(m["x"]) if len(hits[0]) == len(hits[1]) == 1 and hits[0] != hits[1] else ""

    def _no_pick(self, text: str, ref: str) -> list[Message] | None:
        """"that jobs bit is wrong i never picked a job": the job kept goes, and is said so; the rest of the reply is
        heard as this question's answer (None: not said, or no job is kept)."""
        m = _NO_PICK.search(text)
        if m is None or not self.values.get("want_job") or "fix_noted" not in self.flow.replies:
            return None
        self._begin_change()
        self.words.set("want_job", "", self._refs())
        noted = self._rule(self._reply("fix_noted").replace("{words}", "you never picked a job"))
        rest = _LEAD_ON.sub("", f"{text[:m.start()]} {text[m.end():]}".strip(" ,.;"))
        return [noted] + (self._take(rest, ref) if rules.words(rest) else self._reask())

    def _said_beside(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """One more drive, something forgotten earlier, or only a question about what was kept (None: none)."""
        return (self._put_on_list(text, ref) or self._forgot_earlier(text, ref) or self._only_checked(reading)
                or self._goal_changed(text, ref))

    def _goal_changed(self, text: str, ref: str) -> list[Message] | None:
        """"... wait actually no, i think art director first, THEN the studio. thats the real goal", said after the
        goal questions (round 25): the goal put right and said so; the rest heard as this answer (None: not so)."""
        step, goal = self.current, self.values.get("goal")
        if not isinstance(goal, str) or not goal or "goal" in step.corrects or step.save_as == "goal":
            return None
        new = goal_named(text)
        if not new or non_answer(new) or new.lower() == goal.lower():
            return None
        self._begin_change()
        self.words.set("goal", new, self._refs())
        # what else is said, before or after the sentence that names the goal ("... not teaching. anyway, meaning i
        # guess?": the answer here, round 29); the goal said wrong is no part of it ("thats still not right?")
        sentences = [x for x in re.split(r"(?<=[.!?])\s+", text.strip()) if x.strip()]
        rest = " ".join(x for x in sentences if new.lower() not in x.lower() and not _STILL_WRONG.search(x)
                        and not re.search(r"(?i)\bgoal\b", x))  # "thats the real goal": about the goal, no answer
        rest = _GOAL_SAID.sub("", _LEAD_ON.sub("", rest)).strip(" ,.")
        return [self._put_right(new)] + (self._take(rest, ref) if rules.words(rest) else self._reask())

    def _only_checked(self, reading: Reading) -> list[Message] | None:
        """"and the literally and sleeping? did those go?" at the question after the summary (round 25): a
        question about what was kept, answered; the few words beside it are what it asks about, never the
        answer to this step's question, which is asked again (None: not that)."""
        step = self.current
        asks = any(a.kind == "question" and a.topic in ("kept", "fixed") for a in reading.acts)
        if not asks or step.corrects or not step.save_as or len(rules.words(said_content(reading))) > 6:
            return None
        return self._asides(reading) + self._reask()

    def _forgot_earlier(self, text: str, ref: str) -> list[Message] | None:
        """"Oh and I forgot to say earlier, I also did a year at the food bank, I liked that too": kept with what
        lights them up and said so; the rest of the reply is heard as the answer (None: no such addition)."""
        m = _FORGOT.search(text)
        kept = self.values.get("passions")
        if m is None or not isinstance(kept, list) or self.current.save_as == "passions":
            return None
        words = trimmed(_DID.sub("", m.group("x")))
        if not words or non_answer(words):
            return None
        self._begin_change()
        self.words.append("passions", words, self._refs())
        noted = [self._rule(self._reply("noted_too").replace("{words}", play_back(words) or words))]
        rest = text[:m.start()].strip()
        return noted + (self._take(rest, ref) if rules.words(rest) else self._reask())

    def _put_on_list(self, text: str, ref: str) -> list[Message] | None:
        """"i want time off ON the list", said after the drives were checked: one more drive, kept in the
        mentee's words; what else the reply says is heard as the answer (None: no such request)."""
        m = _ON_THE_LIST.search(text)
        kept = self.values.get("motivations")
        back = yes_after_all(text.lower()) if m is None else None
        if back and isinstance(kept, list) and not (self.current.foreach or self.current.phase == "motivation"):
            return self._drive_back(text, back, kept, ref)
        liked = _TO_WHAT_I_LOVE.search(text) if m is None else None
        if liked and isinstance(self.values.get("passions"), list) and self.current.save_as != "passions" and (
                "passions" not in self.current.corrects):
            m, kept, var = liked, self.values["passions"], "passions"  # "add fixing bikes to what i love" (round 37)
        elif m is None or not isinstance(kept, list) or self.current.foreach or self.current.phase == "motivation":
            return None
        else:
            var = "motivations"
        own = trimmed(m.group("x"))
        if not own or non_answer(own):
            return None
        self._begin_change()
        if own.lower() not in [str(k).lower() for k in kept]:
            self.words.append(var, own, self._refs())
        noted = [self._rule(self._reply("noted_too").replace("{words}", play_back(own) or own))]
        rest = _LEAD_ON.sub("", f"{text[:m.start()]} {text[m.end():]}".strip())
        return noted + (self._take(rest, ref) if rules.words(rest) else self._reask())

    def _drive_back(
        self, text: str, back: tuple[re.Match[str], str], kept: list[Any], ref: str
    ) -> list[Message] | None:
        """"wait no i did mean yes to meaningful", said after the drives were checked (round 40): the drive it names
        kept after all and said so; what else the reply says is heard as the answer (None: it names no drive)."""
        lex = self.flow.lexicon
        ids = [mid for mid, spec in lex.motivations.items() if spec.words.find(rules.normalise(back[1]))]
        if not ids:
            return None
        self._begin_change()
        for mid in ids:
            if mid not in kept:
                self.words.append("motivations", mid, self._refs())
        noted = self._reply("noted_too").replace("{words}", " and ".join(lex.motivations[i].label for i in ids))
        rest = _LEAD_ON.sub("", f"{text[:back[0].start()]} {text[back[0].end():]}".strip(" .,"))
        return [self._rule(noted)] + (self._take(rest, ref) if rules.words(rest) else self._reask())

    def _last_answer_fixed(self, text: str, ref: str) -> list[Message] | None:
        """"no!! the sentence is 'X'", said at the next question: the last answer's words put right, then
        the rest of the reply heard as the answer here (None: no such fix)."""
        history = self.state.history
        prev = self.flow.steps.get(history[-1].step) if history else None
        var = (prev.append_to or prev.save_as) if prev is not None and prev.name != self.current.name else None
        if prev is None or not var or var in self.current.corrects or prev.foreach:
            return None
        if (more := _MORE.match(text)) is not None and rules.words(more.group("x")):  # "...and also maybe manager idk"
            return self._said_more(var, more.group("x").strip())
        redo = _REDO.match(text)
        if redo is not None and rules.words(redo.group("x")):
            # "no let me redo that: i want to move into HR, area management is a backup" (round 27): all of it
            new, sentence = (heading(redo.group("x").strip()) if var == "goal" else redo.group("x").strip()), text
        else:
            value = self.values.get(var)
            last = str((value[-1] if isinstance(value, list) and value else value) or "")
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                # "wait no, i meant training manager not team leader" (round 41): the part named is in the last answer
                fix = next((f for f in read_fixes(sentence) if f.kind == "put" and f.new and (f.slot == var or (
                    not f.slot and f.part and not self.current.foreach
                    and re.search(rf"(?i)\b{re.escape(f.part)}\b", last)))), None)
                if fix is not None:
                    break
            else:
                return None
            new = fix.new if fix.slot == var else other_options(last, fix.said, fix.new) or (
                last.replace(fix.said, fix.new) if fix.said in last else fix.new)
        value = self.values.get(var)
        old = value[-1] if isinstance(value, list) and value else value
        if not isinstance(old, str):
            return None
        self._begin_change()
        self._set_item(var, len(value) - 1 if isinstance(value, list) else None, old, new)
        rest = _LEAD_ON.sub("", text.replace(sentence, " ").strip(" ."))
        return [self._put_right(new)] + (self._take(rest, ref) if rules.words(rest) else self._reask())

    def _said_more(self, var: str, more: str) -> list[Message]:
        """The last answer finished in the next message ("...and also maybe manager idk"): kept with it, said, and
        this step's question asked again."""
        value = self.values.get(var)
        old = value[-1] if isinstance(value, list) and value else value
        if not isinstance(old, str) or not old:
            return self._reask()
        self._begin_change()
        self._set_item(var, len(value) - 1 if isinstance(value, list) else None, old, f"{old.rstrip(' .,')}, {more}")
        said = play_back(more) or more
        return [self._rule(self._reply("noted_too").replace("{words}", said))] + self._reask()
