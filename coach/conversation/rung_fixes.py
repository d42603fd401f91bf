"""A why-rung put right in the mentee's words ("not the firm, the partnership", "hm, not 'control' - 'influence'"),
and what follows an edit applied in passing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.conversation.heard import reason_given, said_content, without_edits
from coach.conversation.summary import non_answer
from coach.listening import rules
from coach.listening.chain import reasons
from coach.listening.edits import read_edits

if TYPE_CHECKING:
    from coach.conversation.message import Message
    from coach.conversation.state import Undo
    from coach.conversation.words import Provenance
    from coach.flow.spec import Step
    from coach.listening.edits import Edit
    from coach.listening.reading import Reading

# A reply that opens by saying what it is not: "not the firm, the partnership", "hm, not control - influence".
_OPENS_NOT = re.compile(r"(?i)^\W*(?:(?:hm+|um+|well|no|nah|nope|ok)[,.]?\s+)*(?:it'?s |its |it is )?"
                        r"not\b(?! (?:just|only|simply|merely)\b)")

# Asked to take words out: "please take out 'control' entirely", "drop control", "remove that word".
_ASKED_OUT = re.compile(r"(?i)\b(?:take|taking|took|leave|cut|cross) (?:\S+ ){0,3}?out\b|\b(?:remove|delete|drop|lose|"
                        r"scrap|bin|get rid of)\b")

_THATS_IT = re.compile(r"(?i)\b(?:that'?s|thats|that is) (?:about )?it\b")
_SMALL = frozenset(("it", "its", "it's", "about", "the", "a", "an", "you", "your", "is", "to", "be", "being"))


class RungFixes:
    """The part of a conversation that reads a why-answer as the rung put right (mixed into Conversation)."""

    values: dict[str, Any]
    words: Provenance
    _change: Undo | None = None
    _corrected: str

    if TYPE_CHECKING:

        @property
        def current(self) -> Step: ...
        def _rung(self) -> str: ...
        def _refs(self) -> list[str]: ...
        def _begin_change(self) -> None: ...
        def _put_right(self, said: str) -> Message: ...
        def _asides(self, reading: Reading, edited: bool = False) -> list[Message]: ...
        def _enter(self, name: str, fresh: bool = True) -> list[Message]: ...
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _reply(self, key: str) -> str: ...
        def _reask(self) -> list[Message]: ...
        def _correct(self, new: str | None, reply: str) -> bool: ...
        def _advance(
            self, answer: str, skipped: bool = False, ref: str | None = None, reading: Reading | None = None,
            confirm: bool | None = None, corrected: bool = False, sources: list[str] | None = None,
            changed: str = "", own: str = "",
        ) -> list[Message]: ...

    def _ladder_ends(self, reading: Reading, content: str) -> bool:
        """No reason in the answer and the why-ladder is done: running dry ("thats it"), or, after a reason or two,
        "you already asked that" (round 39 persona: enough whys, never the same one again)."""
        ladder = self.current.ladder
        if ladder is None or content:
            return False
        return reading.has("non_answer") or reading.has_rule("meta.enough_why") or (
            reading.has_rule("meta.repeat") and any(self.values.get(ladder.chain) or []))

    def _after_edits(self, text: str, reading: Reading, ref: str, edits: list[Edit]) -> list[Message]:
        """An edit applied: at a why, the rung put right and asked about; at a question of its own with nothing
        else said, the question again; else what is left is the answer."""
        step = self.current
        # "can you take out the part about my boss?" asks for the edit; "can I delete this?" is answered.
        said = self._asides(reading, edited=True)
        if step.ladder:  # the rung is put right, and the next why asks about it
            self._change = None
            # "scratch tech lead. i think its ux" (round 32): what it is now, not "without tech lead"
            seed = not [r for r in self.values.get(step.ladder.chain) or [] if r]
            now = self._rung() if seed and self._corrected.startswith("without ") else ""
            why = _WHY_SAID.search(reading.reply)  # "take out the 'wait'. ... why its important - freedom" (round 67)
            if why and len(rules.words(reading.reply[why.end():])) >= 2:
                return said + [self._put_right(now or self._corrected)] + self._advance(
                    answer=reading.reply[why.end():].strip(" -:,."), ref=ref, reading=reading)
            return said + [self._put_right(now or self._corrected)] + self._enter(step.name, fresh=False)
        kept = "" if step.expect == "yes_no" else without_edits(said_content(reading), edits)
        if not kept and step.save_as and step.expect == "text" and not step.say:
            # "no sorry i meant the training manager not the trainer" at the day-to-day question (round 41)
            self._change = None
            return said + [self._put_right(self._corrected)] + self._reask()
        return said + self._advance(answer=kept or text, ref=ref, reading=reading, corrected=True)

    def _that_is_it(self, reading: Reading, ref: str) -> list[Message] | None:
        """"yeah thats it" at the one plain sentence, after reasons (round 41): the deepest reason given is the
        sentence, kept and said back; never "it's a big question" (None: not so)."""
        chain = self.values.get("why_chain")
        said_it = _THATS_IT.search(reading.reply) and any(a.rule == "non_answer.close_enough" for a in reading.acts)
        if self.current.append_to != "bedrock" or not isinstance(chain, list) or not chain or set(reading.kinds) - {
                "non_answer", "yes"} or not said_it:  # "close enough i guess" is about the read-back (round 23)
            return None
        found = reasons(str(chain[-1]))
        return self._advance(answer=found[-1] if found else str(chain[-1]), ref=ref, reading=reading,
                             sources=self.words.last_item("why_chain"))

    def _rung_edits(self, text: str, reading: Reading, edits: list[Edit]) -> list[Edit]:
        """A why-answer is a reason ("i'd drop everything to build"): only a part named is an edit, or words of
        the rung said not to be it ("not the firm, the partnership" at "still at the firm, as a partner")."""
        if reading.has("correction") or reading.has("no"):
            return edits
        rung = self._rung()
        return [e for e in edits if e.names_a_part or re.search(  # "not 'control' - 'influence'" (round 32)
            r"['\"]" + re.escape(e.part) + r"['\"]", text, re.I) or (
            _OPENS_NOT.match(text) and e.put and re.search(rf"(?i)\b{re.escape(e.part)}\b", rung))]

    def _seed_said_again(self, text: str, reading: Reading, edits: list[Edit]) -> list[Message] | None:
        """"not the firm, the partnership" at the first why: the goal said again, kept whole (not one word swapped);
        None if not so."""
        ladder = self.current.ladder
        seed = ladder.seed or "" if ladder else ""
        if not (ladder and len(edits) == 1 and edits[0].put and _OPENS_NOT.match(text) and seed in self.current.corrects
                and not [r for r in self.values.get(ladder.chain) or [] if r]
                and re.search(rf"(?i)\b{re.escape(edits[0].part)}\b", self._rung())):
            return None
        self._begin_change()
        self.words.set(seed, edits[0].put, self._refs())
        self._change = None
        return self._asides(reading, edited=True) + [self._put_right(edits[0].put)] + self._enter(
            self.current.name, fresh=False)

    def _already_so(self, correction: str) -> tuple[list[str], str] | None:
        """At a why, a correction that asks for what is already so (round 32): "Please take out 'control' entirely.
        It's influence. And the root of it is X" once control is out and the rung says influence. Returns the parts
        asked out that were not there, and what is left to hear as the answer (X); None if it puts something right."""
        ladder = self.current.ladder
        if ladder is None:
            return None
        rung = self._rung().lower()
        held = " ".join(str(v) for v in (self.values.get(ladder.chain), self.values.get(ladder.seed or ""))).lower()
        sentences = [s.strip() for s in re.split(r"(?<=[.!?;])\s+", correction) if s.strip(" .")]
        gone: list[str] = []
        rest: list[str] = []
        for sentence in sentences:
            edits = read_edits(sentence)
            asked_out = _ASKED_OUT.search(sentence) is not None
            if edits and asked_out and all(not e.put and e.part.lower() not in held for e in edits):
                gone += [e.part for e in edits]  # "take out 'control' entirely": it is not there
                continue
            said = re.sub(r"(?i)^(?:(?:and|but|so)\s+)?(?:it'?s|its|it is)\s+", "", sentence).strip(" .!")
            extra = set(re.findall(r"[a-z']+", rung)) - set(re.findall(r"[a-z']+", said.lower())) - _SMALL
            if said and len(said.split()) <= 4 and re.search(rf"(?i)\b{re.escape(said)}\b", rung) and not extra:
                continue  # "It's influence": the rung says so already (not "speech therapy" at "what, speech therapy")
            rest.append(sentence)
        return (gone, " ".join(rest)) if len(rest) < len(sentences) else None

    def _rung_corrected(self, correction: str, reading: Reading, ref: str) -> list[Message] | None:
        """A correction at a why: the rung put right, then asked about (or the reason given with it climbed);
        one that asks only for what is already so is said to be so, and the rest heard as the answer."""
        if not correction:
            return None
        whole = " ".join(a.content for a in reading.acts if a.kind == "correction" and a.content) or correction
        settled = self._already_so(whole)  # read whole: "... the root is X - not wanting Y" keeps its "not"
        if settled is None:
            if not self._correct(correction, reading.reply):
                return None
            put_right = self._put_right(correction)
            why = reason_given(reading.reply, correction)
            if why and not non_answer(why):  # "revenue management is the goal, cause i like numbers": a rung too
                return [put_right] + self._advance(answer=why, ref=ref, reading=reading)
            self._change = None  # the step is asked again: nothing to push for /back yet
            # The rung is replaced, not added: the next why asks about the corrected words.
            return [put_right] + self._enter(self.current.name, fresh=False)
        gone, rest = settled  # "take out 'control' entirely. It's influence. And the root is X": X is the answer
        said = [self._rule(self._reply("kept_gone").replace("{words}", g)) for g in gone[:1]]
        return said + (self._advance(answer=rest, ref=ref, reading=reading) if rest else self._enter(
            self.current.name, fresh=False))


# The why said after a fix to the rung: "why its important - freedom again, and i could choose which clients"
_WHY_SAID = re.compile(r"(?i)\bwhy (?:it'?s|its|it is|that'?s|thats) (?:important|so important|matters)\b\W*|"
                       r"\b(?:it'?s|its) important because\b\W*")

