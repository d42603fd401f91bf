"""Distress first: a sign of crisis stops the conversation, an unclear one gets a check-in before anything else.

The fixed messages are the flow's replies (never reworded); an answer given beside a worry is
held, and still counts once the mentee says they are safe."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coach.conversation.forgetting import asks_to_forget
from coach.conversation.heard import corrected_to, said_content
from coach.conversation.message import Message
from coach.conversation.summary import non_answer
from coach.listening import rules
from coach.listening.acts import read_reply
from coach.listening.distress import distress_level, explain, sign_score
from coach.listening.playback import trimmed
from coach.listening.safety import explained, said_safe

if TYPE_CHECKING:
    from coach.conversation.state import SessionState
    from coach.flow.spec import Flow, Step


# Safety said outright, beside the feeling: "I am sad, not in any danger", "no danger, just tired" (round 19).
_PLAINLY_SAFE = re.compile(r"(?i)\bnot in (?:any )?danger\b|\bno danger\b|"
                           r"\bi'?m not (?:going to|gonna) (?:hurt|harm) myself\b|"
                           # "yes, im safe, i promise. im not going to do anything silly" (round 49 asked again)
                           r"\b(?:i'?m|im|i am) not (?:going to|gonna) do anything (?:silly|stupid|daft|drastic)\b|"
                           r"\bsafe,? i promise\b|\bnot unsafe\b|"
                           r"\b(?:safe|fine),? (?:just|only) (?:sad|tired|low|grieving|down|stressed|exhausted)\b|"
                           # "yes, i'm perfectly safe ... i'm sad sometimes, thats all" (round 70 asked a second time)
                           r"\b(?:perfectly|completely|totally|absolutely|quite|100%) (?:safe|fine|ok|okay)\b|"
                           r"\b(?:sad|low|down|grieving) (?:sometimes|at times|now and then),? (?:that'?s|thats) all\b")


# ... "lol yes?? i meant job safety, like financial. not that kind" (round 78 asked a second time)
_YES_FIRST = re.compile(r"(?i)^\W*(?:(?:lol|haha|ha|omg|um+|erm|uh|oh|god)[,.!]*\s+)?"
                        r"(?:yes|yeah|yep|yup|ya|yea|yes yes|of course|obviously)\W*(?:[.!?]+|$)")
# The clauses of a sentence ("..., but I'm fine"), and a clause that only says they are all right
_CLAUSE = re.compile(r"(?i),?\s+(?=(?:but|though|although|and yet)\b)|;\s*")
_ASKS_WHY = re.compile(r"(?i)\bwhy (?:are|r|do|did|would) (?:you|u) (?:ask|asking|say|saying|think)|"
                       r"\bwhy (?:that|this|the) question\b|\bwhat makes you (?:ask|think|say)|"
                       r"^\W*(?:um+,? |uh,? |erm,? )?why\W*$|"
                       r"\bwhat do you mean,? (?:am i |are you )?safe\b|\bsafe\?+\W*$|\bwhy wouldn'?t i be\b")
_SAFE_FOR = 4  # answers after "yes, I'm safe" in which the learned reader alone does not ask again
# Back to the question after saying one is safe: "omg yes im safe. i meant the JOB might not exist. anyway
# sustainability reporting person" (round 60 asked the question again): what follows "anyway" is the answer.
_BACK_TO_IT = re.compile(r"(?i)(?:^|[.,;!?-]\s*|\s)(?:so |but |ok(?:ay)? )?"
                         r"(?:anyway|anyhow|back to (?:it|the question)|as i was saying)[,.:!-]*\s+"
                         r"(?P<rest>[^.!?]*\w[^.!?]*)[.!?]*\s*$")
_GOES_ON = re.compile(r"(?i)^\W*(?:of|and|or|to|like|because|with|about|even)\b")
_ONLY_FINE = re.compile(r"(?i)^\W*(?:but|though|although)?\s*(?:i'?m|im|i am)\s+"
                        r"(?:fine|ok|okay|alright|all right|good)\W*$")


class CheckingIn:
    """The part of a conversation that listens for distress before anything else (mixed into Conversation)."""

    flow: Flow
    status: str

    if TYPE_CHECKING:
        state: SessionState

        @property
        def current(self) -> Step: ...
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _reply(self, key: str) -> str: ...
        def _reply_text(self, key: str) -> str: ...
        def _reask(self) -> list[Message]: ...
        def _asked(self) -> str | None: ...
        def _take(self, text: str, ref: str) -> list[Message]: ...
        def _enter(self, name: str, fresh: bool = True) -> list[Message]: ...

        @property
        def step(self) -> str: ...

    def _distress_first(self, text: str, ref: str) -> list[Message] | None:
        """What a sign of distress in ``text`` is met with (None when there is none: the step goes on)."""
        if self.state.check_in:
            return self._after_check_in(text, ref)
        level, rule = explain(text, self.flow.lexicon)
        if level == "crisis":
            return self._stop_for_distress()
        lately_safe, self.state.safe_said = self.state.safe_said > 0, max(0, self.state.safe_said - 1)
        if level == "check" and not (lately_safe and rule == "check.model"):
            self.state.check_in = True
            self.state.held = {"text": text, "ref": ref} if self.current.ask is not None else None
            return [self._rule(self._reply("check_in"))]
        return None

    def _after_check_in(self, text: str, ref: str) -> list[Message]:
        """"Are you safe right now?": yes (or safe in other words) goes on; talk passing it by gets it again."""
        self.state.check_in = False
        lex = self.flow.lexicon
        reading = read_reply(text, lex, expect="yes_no", question=self._reply_text("check_in"))
        level, again = distress_level(text, lex), self.state.check_in_again
        self.state.check_in_again = False
        # A yes beside something heavy reads as neither yes nor no ("yes. been feeling empty for months").
        yes = reading.confirm is True or (level == "check" and reading.has("yes") and not reading.has("no"))
        # "yes. i meant scared like nervous-excited, not unsafe. can you please fix ..." (round 65 stopped the talk
        # at the second asking): a yes said first and on its own, with no sign after it, is a yes
        yes = yes or (level is None and _YES_FIRST.match(text) is not None and not reading.has("no"))
        safe = yes or said_safe(text, lex)
        # "yes, I'm fine, 'settled' I meant settled for less": safe, and the word that worried us explained,
        # goes on; safe beside a word that only might be a sign is asked once more; a clear sign always stops.
        plainly = _PLAINLY_SAFE.search(text) is not None  # "I am sad, not in any danger": safe, and why, said
        if level != "crisis" and safe and (level is None or again or plainly or explained(text, lex)):
            held, self.state.held = self.state.held, None
            self.state.safe_said = _SAFE_FOR
            said = [self._rule(self._reply("check_in_safe"))]
            if self.state.care_first:  # back after a stop for care: now the conversation opens as it would have
                self.state.care_first = False
                return said + self._enter(self.step)
            # the answer given with the worry still counts, and so does a request to forget (round 32 lost one)
            kept = self._without_the_worry(held["text"]) if held else ""
            if held and (self._kept_of(kept) or asks_to_forget(kept)):
                return said + self._take(kept, held["ref"])
            back = _BACK_TO_IT.search(text)
            if back and distress_level(back["rest"], lex) is None and self._kept_of(back["rest"]):
                return said + self._take(back["rest"], ref)
            return said + self._reask()
        # "not sure" to "are you safe?" is no answer to go on from; "I suppose, I want X to count" talks on: asked again
        talks_on = level is None and reading.confirm is None and (not reading.has("hedge") or said_content(reading))
        if (talks_on or (level == "check" and safe)) and not again:
            self.state.check_in = self.state.check_in_again = True
            key = "check_in_again_safe" if safe and "check_in_again_safe" in self.flow.replies else "check_in_again"
            asks_why = not safe and _ASKS_WHY.search(text) is not None and "check_in_why" in self.flow.replies
            key = "check_in_why" if asks_why else key  # "why are you asking that": why, then the question
            return [self._rule(self._reply(key))]
        return self._stop_for_distress()

    def _without_the_worry(self, text: str) -> str:
        """``text`` without the clauses that worried us: "some days I don't see much point in any of it, but I'm
        fine. I don't want to sit in the shed" keeps the shed (round 36 laddered on the worry; it never is)."""
        lex = self.flow.lexicon
        kept: list[str] = []
        dropped = any_dropped = False
        sentences = re.split(r"(?<=[.!?])\s+", text.strip())
        for sentence in sentences:
            if dropped and _GOES_ON.match(sentence):  # "... the point of any of it. of being here": the same sign
                continue
            clauses = [c for c in _CLAUSE.split(sentence) if c.strip(" ,.;")]
            signs = [c for c in clauses if distress_level(c, lex) is not None]
            left = [c for c in clauses if c not in signs and not _ONLY_FINE.match(c)]
            dropped = len(left) < len(clauses)
            any_dropped = any_dropped or bool(signs)
            kept.append(" ".join(c.strip(" ,;") for c in left) if dropped else sentence)
        if not any_dropped and distress_level(text, lex) is not None:
            # Only the whole reply was a sign to the learned reader: the clause it found likeliest is the worry
            clauses = [c for s in sentences for c in _CLAUSE.split(s) if c.strip(" ,.;")]
            worry = max(clauses, key=lambda c: sign_score(c, lex))
            return " ".join(c.strip(" ,;") for c in clauses if c is not worry and not _ONLY_FINE.match(c))
        return " ".join(k for k in kept if k.strip(" ,.;"))

    def _kept_of(self, text: str) -> bool:
        """Does ``text`` say something besides the worry (read sentence by sentence)?"""
        reading = read_reply(text, self.flow.lexicon, expect=self.current.expect, question=self._asked())
        if self.current.expect == "yes_no":  # "Does that fit?": only a yes or a no beside the worry answers it
            return reading.confirm is not None
        # "i hate feeling useless? no wait not useless, more like X" (round 31): what it became is said too
        content = trimmed(said_content(reading)) or trimmed(corrected_to(reading))
        return bool(rules.words(content)) and not non_answer(content)

    def care_opening(self) -> list[Message]:
        """Back after a conversation that stopped for care: how they are, asked before anything else."""
        self.state.check_in = True
        return [self._rule(self._reply("after_care"))]

    def _stop_for_distress(self) -> list[Message]:
        self.status = "stopped"
        self.state.stopped_for_care = True
        return [self._rule(self._reply_text("distress"), kind="end")]
