"""Putting right what was played back: a correction, or an edit ("drop the money bit").

A correction or an edit changes the stored words themselves, so every later copy (the chain
played back, the summary, the goodbye, the next session's recap) says the corrected version.
Words copied from one value into another (a rung that was also bedrock) change together.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.conversation.heard import about_the_goal, goal_named, reason_given
from coach.conversation.placing import find_part, other_options, swapped, without
from coach.conversation.state import SessionState, Undo
from coach.conversation.summary import non_answer
from coach.listening import rules
from coach.listening.edits import Edit
from coach.listening.parts import MENTION, slot_of
from coach.listening.playback import job_named
from coach.listening.pronouns import swap_pronouns

if TYPE_CHECKING:
    from coach.conversation.words import Provenance
    from coach.flow.spec import Flow, Step

# Words said on the way that a mentee asks to drop (round 28: "drop the ngl part" took the whole goal with it).
_ON_THE_WAY = frozenset(("ngl", "lol", "tbh", "idk", "like", "um", "uh", "haha", "omg", "basically", "literally",
                           "honestly", "tho", "though", "kinda", "sorta", "lmao", "tbf", "imo"))


class Correcting:
    """The part of a conversation that applies corrections and edits (mixed into Conversation)."""

    flow: Flow
    values: dict[str, Any]
    words: Provenance
    state: SessionState
    _corrected: str
    _change: Undo | None = None  # what a correction this turn replaced, for /back (see _advance)

    if TYPE_CHECKING:

        @property
        def current(self) -> Step: ...

    def _read_back_before(self, step: Step, routed: bool = False) -> str | None:
        """The read-back just before a step that corrects nothing itself (None if there is none); ``routed``:
        also through a step that only routes (why_playback, why_next, bedrock_ask)."""
        if step.corrects:
            return None
        steps = self.flow.steps

        def leads_to(s: Step) -> set[str]:
            hops = [steps[e.to] for e in s.next if routed and e.to in steps and steps[e.to].ask is None
                    and not steps[e.to].say]
            return {e.to for e in s.next} | {e.to for t in hops for e in t.next}
        return next((s.name for s in steps.values() if s.corrects and not s.ladder and step.name in leads_to(s)), None)

    def _held(self, step: str) -> list[str]:
        """Every item kept in the values ``step`` corrects."""
        held = [self.values.get(var) for var in self.flow.steps[step].corrects]
        return [i for v in held for i in (v if isinstance(v, list) else [v]) if isinstance(i, str)]

    def _begin_change(self) -> None:
        """Changes from here on are undone by /back along with the answer that made them."""
        if self._change is None:
            self._change = Undo(step=self.current.name, counters=self.state.counters())
            self.words.begin(self._change)

    def _reason_restated(self, reply: str, goal: str) -> None:
        """"no. the thing i want is the practice educator role. because of the nights and my back" at a chain's
        playback (round 91 asked "what would you change?"): the reason said with the goal replaces the last one."""
        why = reason_given(reply, goal)
        chain = next((v for v in self.current.corrects if v != "goal" and isinstance(self.values.get(v), list)), None)
        held = self.values.get(chain) if chain else None
        if chain and why and isinstance(held, list) and held and not non_answer(why):
            self.words.replace(chain, len(held) - 1, why, self._refs())

    def _correct(self, new: str | None, reply: str) -> bool:
        """Put ``new`` in place of what it corrects among the step's ``corrects`` values."""
        step = self.current
        if not new or not new.strip():
            return False
        self._begin_change()
        best: tuple[float, str, int | None] | None = None
        if "goal" in step.corrects and about_the_goal(reply) and (goal_named(reply) or not _GOAL_DENIED.search(reply)):
            best = (1.0, "goal", None)  # "that's not my goal, that's my job": the goal is what is put right
            new = goal_named(reply) or new  # "goal is DPO because rules protect people": DPO
            self._reason_restated(reply, new)
        named = _line_named(reply, step.corrects)  # "what's underneath is more like X" (round 69 put X as the goal)
        for var in [] if best else [named] if named else step.corrects:
            value = self.values.get(var)
            items = value if isinstance(value, list) else [value]
            for i, item in enumerate(items):
                if isinstance(item, str) and item.strip() and not self._motivation_ids(value):
                    score = _overlap(reply, item) + self._denied_in(reply, item) + (0.001 * i)  # ties: the latest
                    if best is None or score > best[0]:
                        best = (score, var, i if isinstance(value, list) else None)
        if best is None or best[0] < 0.1:  # nothing named: the last item of the line named, or of the first value
            var = named or step.corrects[0]
            seed = step.ladder.seed if step.ladder else None
            if step.ladder and seed in step.corrects and not [r for r in self.values.get(step.ladder.chain) or [] if r]:
                var = seed  # no rung yet: the seed is all that was said back ("what I said was X")
            value = self.values.get(var)
            index = (len(value) - 1 if value else -1) if isinstance(value, list) else None
        else:
            _, var, index = best
        ref = self._refs()
        old = self.values.get(var)
        if index is None:
            replaced = old if isinstance(old, str) else None
            self.words.set(var, new.strip(), ref)
        elif index < 0:
            replaced = None
            self.words.append(var, new.strip(), ref)
        else:
            replaced = old[index] if isinstance(old, list) else None
            self.words.replace(var, index, new.strip(), ref)
        if replaced:
            self._copies(replaced, new.strip(), ref, done=(var, index))
        self._corrected = new.strip()
        return True

    def _edit(self, edits: list[Edit]) -> bool:
        """Take out each edit's part (or put its new words in place) wherever the step's values hold it."""
        heard = [said for said in (self._edit_one(edit) for edit in edits) if said]
        if heard:
            self._corrected = " and ".join(heard)
        return bool(heard)

    def _edit_one(self, edit: Edit) -> str:
        """One edit applied; how it is said back ("without the money bit"), or "" if nothing held the part."""
        changed: list[str] = []
        ref, lex = self._refs(), self.flow.lexicon
        for var in self.current.corrects:
            value = self.values.get(var)
            # drives kept by name beside the mentee's own words ("pension", "compensation"): "earning well is
            # still there. bin it" (round 80) takes the named one out, the words are read as words
            if isinstance(value, list) and any(isinstance(v, str) and v in lex.motivations for v in value):
                mixed = not self._motivation_ids(value)
                changed += self._edit_motivations(var, edit, ref)
                if not mixed:
                    continue
                value = self.values.get(var)
            items = value if isinstance(value, list) else [value]
            for i in reversed(range(len(items))):
                item = items[i]
                if not isinstance(item, str) or find_part(edit.part, item) is None:
                    continue
                if edit.removes and re.search(rf"(?i)\bnot (?:\w+ )?{re.escape(edit.part)}\b", item):
                    continue  # "its not money so much" already says it is not: nothing of it to take out
                # "more about freedom than money" of "freedom and money": freedom is there already, money goes
                there = bool(edit.put) and find_part(edit.put, item) is not None
                new = (other_options(item, edit.part, edit.put) if there else None) or (
                    without(item, edit.part) if edit.removes or there else swapped(item, edit.part, edit.put))
                said = " ".join(re.sub(rf"(?i)\b{re.escape(edit.part.strip())}\b[,]?", " ", item).split()).strip(" ,;")
                # "drop the ngl part": the word only; 'lol "the job should be" is now part of the job title': the
                # words quoted only, when what is left still says something (round 77 took the whole job)
                if edit.removes and (edit.part.lower().strip() in _ON_THE_WAY or (
                        edit.said.startswith(("'", '"', "\u201c")) and len(rules.words(said)) >= 2)):
                    new = said
                job = job_named(item)
                if edit.put and job and find_part(edit.part, job) is not None and re.match(
                        rf"(?i){re.escape(job)}\s*(?:[,;:-]|\bbecause\b|\bbc\b|\bcos\b)", item):
                    new = edit.put  # "not the CMO, the creative director": the CMO's reasons go with the CMO
                index = i if isinstance(value, list) else None
                self._put(var, index, new, ref)
                self._copies(item, new, ref, done=(var, index))
                changed.append(new)
        if not changed:
            return ""
        # The change as heard, not the whole item again; one word swapped in one short item, the item as it now
        # reads ("Thank you, I've put that right: son.", round 92)
        short = len(changed) == 1 and len(edit.put.split()) == 1 and len(edit.part.split()) == 1 and \
            2 <= len(changed[0].split()) <= 8
        return f"without {edit.said}" if edit.removes else swap_pronouns(changed[0]) if short else edit.put

    def _edit_motivations(self, var: str, edit: Edit, ref: list[str]) -> list[str]:
        """"Drop the money bit": a confirmed motivation the part names goes; one the new words name comes."""
        lex = self.flow.lexicon
        ids = list(self.values.get(var) or [])
        named = [m for m in ids if m in lex.motivations and _names(lex.motivations[m], edit.part)]
        for m in named:
            self._put(var, ids.index(m), "", ref)
            ids.remove(m)
        if named and edit.put:
            new = [m for m, spec in lex.motivations.items() if _names(spec, edit.put) and m not in ids + named]
            # "not having impact, I said having a say": the same drive in the mentee's own words, kept so
            for m in new[:1] or ([] if edit.put.lower() in map(str.lower, ids) else [edit.put]):
                self.words.append(var, m, ref)
        return [lex.motivations[m].label for m in named]

    def _put(self, var: str, index: int | None, new: str, ref: list[str]) -> None:
        """Set a text value, or replace (or, when ``new`` is empty, take out) a list item."""
        self._begin_change()
        if index is None:
            self.words.set(var, new, ref if new else [])
        elif new:
            self.words.replace(var, index, new, ref)
        else:
            self.words.remove(var, index)

    def _copies(self, old: str, new: str, ref: list[str], done: tuple[str, int | None]) -> None:
        """The same words kept elsewhere (a rung that is also bedrock) change with them."""
        for var in self.flow.variables():
            value = self.values.get(var)
            if isinstance(value, str) and value == old and (var, None) != done:
                self._put(var, None, new, ref)
            elif isinstance(value, list) and not self._motivation_ids(value):
                for i in reversed(range(len(value))):
                    if value[i] == old and (var, i) != done:
                        self._put(var, i, new, ref)

    def _denied_in(self, reply: str, item: str) -> float:
        """Does ``item`` say what the reply says it is less (or not) about? "less about status": a rung
        about being recognised is the one corrected, named directly or by the same motivation."""
        m = _DENIED_PART.search(reply.lower())
        if m is None:
            return 0.0
        part = m.group("x").strip()
        # What was said to be wrong outweighs any word the new thought shares with another item.
        if re.search(rf"\b{re.escape(part)}", item, re.I):
            return 2.0
        lex = self.flow.lexicon
        same = [s for s in lex.motivations.values() if s.words.find(part) and s.words.find(item.lower())]
        return 1.0 if same else 0.0

    def _motivation_ids(self, value: Any) -> bool:
        """Is ``value`` a list of confirmed motivations (their ids, not the mentee's words)?"""
        return isinstance(value, list) and bool(value) and all(v in self.flow.lexicon.motivations for v in value)

    def _refs(self) -> list[str]:
        return [self.words.latest_ref] if self.words.latest_ref else []


def _names(spec: Any, words: str) -> bool:
    low = words.lower()
    return bool(spec.words.find(low)) or low in (spec.id, spec.label.lower())


# "it's less about status", "not the money": what the reply says was wrong.
_DENIED_PART = re.compile(r"\b(?:less|not) (?:really |so much |just |only )?(?:about |for |the )?"
                          r"(?P<x>[a-z][\w' -]{1,30}?)(?=[,.;!?]|$| (?:and|but|more|it's|its|i)\b)")
# Words too common to say which item a correction is about ("it's more about...", "i want...").
_COMMON = frozenset({"about", "more", "less", "because", "want", "wants", "really", "just", "like", "that", "this",
                     "with", "would", "could", "should", "what", "when", "have", "been", "being", "things", "thing",
                     "much", "very", "also", "then", "than", "there", "their", "they", "them", "it's", "that's",
                     "i'm", "i'd", "don't", "actually", "maybe", "some", "from", "into", "your", "mine"})


# "The front office manager is not my goal anymore": the old goal denied; what follows may be a reason.
_GOAL_DENIED = re.compile(r"(?i)\b(?:is not|isn'?t|was not|wasn'?t|no longer|not) (?:my |the )?goal\b")


def _overlap(a: str, b: str) -> float:
    wa = {w for w in rules.words(a) if len(w) > 3 and w not in _COMMON}
    wb = {w for w in rules.words(b) if len(w) > 3 and w not in _COMMON}
    return len(wa & wb) / len(wb) if wb else 0.0


def _line_named(reply: str, corrects: tuple[str, ...]) -> str:
    """The value among ``corrects`` whose line ``reply`` says is more or less something ("what's underneath is more
    like X" -> the why chain), or ""."""
    m = re.search(rf"(?i)\b(?:{MENTION})(?=(?:\s+(?:bit|part|line))?\s+(?:is|was)\s+(?:really\s+|actually\s+)?"
                  rf"(?:more|less)\b)", reply)
    slot = slot_of(m.group(0)) if m else ""
    slot = "why_chain" if slot == "bedrock" and "why_chain" in corrects else slot
    return slot if slot in corrects else ""
