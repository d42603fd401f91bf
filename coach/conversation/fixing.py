"""Applying fixes to a playback: several in one reply, each to the value or words it names.
coach.listening.fixes reads what a mentee asks for; this puts it into the kept values, so the
chain played back, the summary and the next session's recap all say the fixed version. A remark naming
a part but no new words ("the team lead part is less sure than it sounds") is never kept as words: the
coach asks one short question about that part, and the answer goes there."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from coach.conversation.asking import said_back
from coach.conversation.correcting import _names
from coach.conversation.heard import corrected_to, said_content
from coach.conversation.machine import Position, position
from coach.conversation.placing import find_part, named_in, put_in, where_said
from coach.conversation.rewriting import NO_ONLY, Rewriting
from coach.conversation.summary import LINES, non_answer
from coach.listening import rules
from coach.listening.acts import read_reply
from coach.listening.edits import Edit, read_edits
from coach.listening.fix_several import is_number
from coach.listening.fix_words import in_place_of, restated
from coach.listening.fixes import Fix, is_complaint, read_fixes
from coach.listening.fixes_apart import fixes_apart, puts_that_in
from coach.listening.hollow import hollow
from coach.listening.parts import MENTION, keeps_as_is
from coach.listening.playback import play_back, trimmed

if TYPE_CHECKING:
    from coach.conversation.asking import Pending
    from coach.conversation.message import Message
    from coach.flow.spec import Flow
    from coach.listening.reading import Reading

# Fixes the older, single-edit readers already handle alike: anything else takes this path.
_PLAIN = ("put", "drop")
_LABELLED = re.compile(r"(?i)\b(?:step|experiment|idea|plan)\s*:\s*\w")  # "whatever. step: show gary the 2 pages"
_QUOTES = "'\" "
# "um, just add it?", "yes put it in" (round 24): the part asked about is itself what to add.
_ADD_IT = re.compile(r"(?i)^(?:(?:um+|uh+|erm|yes|yeah|ok|okay|so)[,.]?\s+)*(?:just |pls |please |can you )?"
                     r"(?:add|put|include|keep) (?:it|that|them|this)(?: in| back(?: in)?)?\b")
# What the rest of a reply beside a fix must not be, to be heard as this question's answer.
_NOT_AN_ANSWER = frozenset({"advice_request", "meta", "correction", "no", "non_answer"})
_NAMES_PART = re.compile(r"\b(?:bit|part|line|thing)s?\b")


# What "add it" points back to: "it", "that", "that one", "it in pls".
_IT = re.compile(r"(?i)(?:it|that|this|them|that one|that bit|those)(?: (?:in|back|back in|on|too|as well|pls|please|"
                 r"then|now))*")

# Fixes whose words go into the record.
_WORDS_IN = frozenset({"put", "add", "restate", "missing"})


class Fixing(Rewriting):
    """The part of a conversation that applies fixes to a playback (mixed into Conversation)."""

    flow: Flow
    _position: Position
    _question: Pending | None
    _asked_missing: tuple[str, str] | None  # (step, thing): "did you add X?" answered "no" there

    if TYPE_CHECKING:
        def _edge_taken(self, source: str, index: int, dest: str) -> None: ...
        def _put_right(self, said: str) -> Message: ...
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _reply(self, key: str) -> str: ...
        def _asides(self, reading: Reading, edited: bool = False) -> list[Message]: ...
        def _enter(self, name: str, fresh: bool = True) -> list[Message]: ...
        def _take(self, text: str, ref: str) -> list[Message]: ...
        def _reask(self) -> list[Message]: ...
        def _asked(self) -> str | None: ...

        @property
        def finished(self) -> bool: ...
        def _advance(
            self, answer: str, skipped: bool = False, ref: str | None = None, reading: Reading | None = None,
            confirm: bool | None = None, corrected: bool = False, sources: list[str] | None = None, changed: str = "",
        ) -> list[Message]: ...

    def _playback_fixed(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """A reply read as fixes to a playback, applied (None: the reply is not one, or none applied)."""
        step = self.current
        back, routed = self._read_back_before(step), self._read_back_before(step, routed=True)
        if routed is not None and any(self._names_kept(f, routed, text) for f in read_fixes(text)):
            back = routed  # "Replace 'prioritised' with 'funded'" at the question after the chain's
        again = any(a.topic == "show_again" for a in reading.acts)
        # "that's not what i said??", "the summary was weird tbh"; "my knees. put that in under underneath" (53)
        complaint = is_complaint(text) or puts_that_in(text)
        if back is not None and (reading.topic("meta") == "still_wrong" or again or complaint or any(
                (f.slot in self.flow.steps[back].corrects and f.kind != "keep") or self._names_kept(f, back, text)
                or f.kind == "missing" for f in read_fixes(text))):
            # after the read-back: "you didn't fix the drives part, it should be X" is put right there
            here, (fix, rest) = step.name, fixes_apart(text)
            if rest:  # only an answer of its own is kept apart: "Nearly.", "anyway. what should I try?" are not
                aside = read_reply(rest, self.flow.lexicon, question=self._asked())
                alone = not aside.kinds or (set(aside.kinds) & _NOT_AN_ANSWER and not _LABELLED.search(rest))
                # "where im heading hasn't changed" (round 34): about a line of the read-back, no answer here
                about_a_line = _ABOUT_A_LINE.search(rest)
                rest = "" if alone or about_a_line or len(rules.words(said_content(aside))) < 4 else rest
            self._position = position(self.flow, back, self._edge_taken)
            if not rest:
                return self._playback_fixed(text, reading, ref) or self._take(text, ref)  # heard as said there
            # "maybe email the lead and ask to shadow her? ... you didnt add the 3am thing btw" (round 29): the fix
            # is made at the read-back, and the rest is this question's answer
            fixed = read_reply(fix, self.flow.lexicon, question=self._asked())
            said = self._playback_fixed(fix, fixed, ref) or self._take(fix, ref)
            if self.current.name != here or self.finished:
                return said
            self._question = None  # asked again only if the rest does not answer it
            return said + self._take(rest, ref)
        if again and step.corrects and step.say and not step.ladder and not read_fixes(text):
            # "can you show me the whole summary again": said again, as it now stands
            self.state.fixing = None
            return self._asides(reading) + self._enter(step.name, fresh=False)
        if NO_ONLY.match(text) and step.corrects and step.say and not step.ladder and step.expect == "text" and \
                "read_back_no" in self.flow.replies and self.state.fixing is None:
            # a bare "no" to "does that sound like you? anything to change?" (round 28): nothing to change, or not
            # like them; either way they hear how to put it right, and the conversation goes on
            return [self._rule(self._reply("read_back_no"))] + self._advance(answer="", ref=ref, reading=reading)
        if complaint and step.corrects and step.say and not step.ladder:  # wrong, with no part named: which part?
            return self._which_line(reading, ref)
        if self.state.fixing is not None:
            answered = self._which_answered(text, reading, ref)
            if answered is not None:
                return answered
        fixes = self._pointed(read_fixes(text)) if step.corrects and self.state.follow_up != step.name else []
        if step.save_as and not step.say:  # "not HR tbh" at "whose job would you not want?": an answer, no fix
            fixes = [f for f in fixes if f.part and any(find_part(f.part, i) for i in self._held(step.name))]
        if step.ladder:  # "not the lucky bit, it's knowing it's my doing": a rung's part, named
            # ... or pointed at ("replace that bit with X", "the important bit is X").
            held = self._held(step.name)
            fixes = [f for f in fixes if f.kind == "put" and f.new and f.said and (
                f.points or (f.part and _NAMES_PART.search(f.said))) and named_in(f.said, held)]
        # a drop the single-edit reader misses ("money part is not right, I said no no") is applied here too
        dropped = all(f.kind == "drop" for f in fixes) and not read_edits(text)
        if not fixes or not (step.ladder or self.fixes_needed(fixes) or dropped):
            return None
        return self._fixed(fixes, text, reading, ref)

    def _which_answered(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """The answer to "which part, and how would you put it?" (the line, in their words) or to "what would you put
        in place of X?"; None when it is a fix of its own ("the growing part. delete it", round 91)."""
        fixing = self.state.fixing or {}
        if fixing.get("step") == self.current.name and not fixing.get("which"):
            return self._asides(reading) + self._fix_answered(reading, ref)  # reads and clears state.fixing
        self.state.fixing = None
        if fixing.get("step") != self.current.name or any(f.kind == "drop" for f in read_fixes(text)):
            return None
        return self._rewritten(text, reading, ref, asked=True) or self._playback_fixed(text, reading, ref)

    def _pointed(self, fixes: list[Fix]) -> list[Fix]:
        """"did you add the night shifts?" ... "yes add it" (round 40): "it" is what was asked about."""
        asked = self._asked_missing if self._asked_missing and self._asked_missing[0] == self.current.name else None
        return [replace(f, new=asked[1]) if asked and f.kind == "add" and _IT.fullmatch(f.new) else f for f in fixes]

    def _missed_before(self, before: str) -> list[Message]:
        """"you missed the bit about X. anyway. one sentence: Y": X goes on the chain of reasons, and is said so."""
        chain = self.values.get("why_chain")
        added = [f.new for f in read_fixes(before) if f.kind == "missing" and f.new and not f.slot]
        if not added or not isinstance(chain, list):
            return []
        self._begin_change()
        for words in added:
            self.words.append("why_chain", words, self._refs())
        return [self._rule(self._reply("noted_too").replace("{words}", play_back(" and ".join(added)) or added[0]))]

    def _names_kept(self, fix: Fix, back: str, text: str) -> bool:
        """"Replace 'prioritised' with 'funded'", said at the next question: a swap of words the read-back holds."""
        # "... i said FREEDOM, not meaning" after the summary (round 22): a line's words said not to be it
        said_not = re.search(r"(?i)\b(?:replace|swap)\b|\bi said\b.*,? not\b", text)
        held = self._held(back)
        if fix.kind == "drop" and fix.part:  # "remove freedom. experiment: X" (round 56): a part the read-back holds
            lex = self.flow.lexicon
            return any(find_part(fix.part, item) or (item in lex.motivations and
                                                     _names(lex.motivations[item], fix.part)) for item in held)
        if fix.kind != "put" or not fix.part or not (_quoted(fix) or said_not):
            return False
        return any(find_part(fix.part, item) for item in held)

    def _fixed(self, fixes: list[Fix], text: str, reading: Reading, ref: str) -> list[Message] | None:
        """Fixes to a playback applied, then the question about a part or the next step (None: none applied)."""
        step = self.current
        changed, question = self._apply_fixes(fixes, text)
        said = self._asides(reading, changed)  # put right now: "still wrong" needs no sorry
        if question is not None:  # the answer goes in the part's place (see _fix_answered)
            if changed and self.state.fixing is not None:  # what was put right is said now, not after the answer
                self.state.fixing["heard"] = ""
                said.append(self._rule(self._reply("put_right").replace("{words}", said_back(self._corrected))))
            return said + [question]
        if step.ladder:
            if not changed:
                return None
            self._change = None  # the rung is put right, and the next why asks about it
            first = self._corrected.split("\n")[0].split("\t")[-1]
            return said + [self._put_right(first)] + self._enter(step.name, fresh=False)
        if changed and len(there := self._found_kept) == len(self._corrected.split("\n")) and step.expect == "yes_no" \
                and "kept_there" in self.flow.replies:  # "you missed the knees", every part kept: said so, no "clearer"
            return [*said, self._rule(self._reply("kept_there").replace("{words}", play_back(there[0], 20))),
                    *self._reask()]
        if changed:
            kept = "" if step.expect == "yes_no" else said_content(reading) or text
            return said + self._advance(answer=kept or text, ref=ref, reading=reading, confirm=None, corrected=True)
        if all(f.kind == "keep" for f in fixes):  # "the mattering bit is right": nothing to change
            return said + self._advance(answer="" if step.expect == "yes_no" else text, ref=ref, reading=reading,
                                        confirm=True)
        return None

    def _fix_answered(self, reading: Reading, ref: str) -> list[Message]:
        """The answer to a question about a part: its words go there; a no leaves the part as it was."""
        step = self.current
        before = str((self.state.fixing or {}).get("heard") or "")  # put right with the question, not yet said
        added = [f for f in read_fixes(reading.reply) if f.kind == "add" and f.slot in step.corrects]
        if added:  # "no i mean add it, like 'X' is one of the things that drives me" (round 85 made it the goal)
            self.state.fixing = None
            self._apply_fixes(added, reading.reply)
            self._corrected = "\n".join(w for w in (before, self._corrected) if w)
            return self._advance(answer="", ref=ref, reading=reading, confirm=None, corrected=bool(self._corrected))
        gone = _JUST_DROP.match(reading.reply)
        fixing = self.state.fixing or {}
        if gone and (fixing.get("part") or fixing.get("var")):  # "nothing?? just delete it. and change X to Y"
            part, var, self.state.fixing = str(fixing.get("part") or ""), str(fixing.get("var") or ""), None
            said = [self._fix_one(Fix("drop", slot="" if part else var, part=part, said=part or LINES.get(var, "that")),
                                  reading.reply)]
            rest = read_fixes(reading.reply[gone.end():])
            if rest:
                self._apply_fixes(rest, reading.reply)
                said.append(self._corrected)
            self._corrected = "\n".join(w for w in (before, *said) if w)
            return self._advance(answer="", ref=ref, reading=reading, confirm=None, corrected=bool(self._corrected))
        new = "" if keeps_as_is(reading.reply) or (reading.confirm is False and not reading.has("correction")) else (
            corrected_to(reading) or trimmed(said_content(reading)))
        new, alone = in_place_of(new, str((self.state.fixing or {}).get("part") or ""), reading.reply)  # "just X"
        if _ADD_IT.match(reading.reply) and (self.state.fixing or {}).get("add"):  # "um, just add it?": the part
            new, alone = str((self.state.fixing or {}).get("part") or new), True
        if new and (non_answer(new) or rules.is_off_topic(new, self.flow.lexicon)):
            new = ""
        fixing = self.state.fixing or {}  # (round 37: "nothing?? just delete it" above)
        changed = self._answer_to_fix(new, reading.reply, alone) if new else False
        self.state.fixing = None
        self._corrected = "\n".join(w for w in (before, self._corrected if changed else "") if w)
        if new and not changed and fixing.get("add") and not self._corrected and step.save_as:
            # "you skipped the fear about leaving" at the summary: no line holds it, so it is kept as the step's note
            words = re.sub(r"(?i)^that\s+", "", new)
            noted = self._rule(self._reply("fix_noted").replace("{words}", play_back(words, 30) or words))
            return [noted] + self._advance(answer=new, ref=ref, reading=reading, confirm=None)
        return self._advance(answer="" if step.expect == "yes_no" else new, ref=ref, reading=reading, confirm=None,
                             corrected=bool(self._corrected))

    @staticmethod
    def fixes_needed(fixes: list[Fix]) -> bool:
        """Do these fixes need this path (a part named by its place, an addition, a remark, several)?"""
        return len(fixes) > 1 or any(f.kind not in _PLAIN or f.slot or f.points or f.said.startswith(("'", '"'))
                                     or _restates_part(f) for f in fixes)

    def _apply_fixes(self, fixes: list[Fix], reply: str) -> tuple[bool, Message | None]:
        """Apply every fix it can; (anything changed, the question to ask about a part, if any)."""
        heard: list[str] = []
        question, self._found_kept = None, ()
        for fix in fixes:
            if fix.kind == "keep" or (fix.new and fix.kind in _WORDS_IN and hollow(fix.new, self.flow.lexicon)):
                continue  # "'10 min ago' isnt part of my answer": never "put right: part of your answer" (round 67)
            there = self._already_kept(fix) if fix.kind == "missing" else ""
            if there:
                heard.append(there)
                continue
            if fix.kind == "missing" and fix.new and not self._restore(fix, heard):
                said = self._add(Fix("add", fix.slot, new=fix.new))  # "you forgot flexibility": added as said
                if said:
                    heard.append(said)
                    continue
            if fix.kind == "ask" or (fix.kind == "missing" and not fix.new and not self._restore(fix, heard)):
                if question is None:
                    question = self._ask_about(fix)
                continue
            if fix.kind == "missing":
                continue
            said = self._fix_one(fix, reply)
            # "the job was area manager … now i think instructor not area manager": the line as it ends up
            earlier = next((i for i, h in enumerate(heard) if fix.part and
                            h.rpartition("\t")[2].strip().lower() == fix.part.strip().lower()), None)
            if said and earlier is not None:
                line = heard[earlier].rpartition("\t")[0]
                heard[earlier] = f"{line}\t{said.rpartition(chr(9))[2]}" if line else said
            elif said:
                heard.append(said)
        if heard:
            self._corrected = "\n".join(heard)
            if question is not None and self.state.fixing is not None:
                self.state.fixing["heard"] = self._corrected  # said back with the answer to the question
        return bool(heard), question

    def _ask_about(self, fix: Fix) -> Message:
        """One short question about the part named: its answer goes in that part's place."""
        var, index = self._locate(fix)
        self.state.fixing = {"step": self.current.name, "var": var, "index": index, "part": fix.part,
                             "add": fix.kind == "missing"}
        key = "fix_add" if fix.kind == "missing" else "fix_ask"
        part = fix.said or fix.part
        return self._rule(self._reply(key).replace("{part}", play_back(part) or part))

    def _answer_to_fix(self, new: str, reply: str, alone: bool = False) -> bool:
        """The answer to "what would you put in place of X?": put where X was."""
        fixing = self.state.fixing or {}
        self.state.fixing = None
        if not new.strip():
            return False
        var, index, part = str(fixing.get("var") or ""), fixing.get("index"), str(fixing.get("part") or "")
        if fixing.get("add"):
            line, words = where_said(reply)  # "wireframing. under what im good at. not where im heading" (round 42)
            target = (line if line in self.current.corrects else "") or var or (
                "why_chain" if "why_chain" in self.current.corrects else "")
            said = self._fix_one(Fix("add", target, new=words or new), reply) if target else ""
            self._corrected = said or self._corrected
            return bool(said)
        if not var:
            return bool(self._correct(new, reply))
        if var == "motivations" and not part:  # "what would you put in place of the drives part?": all of it
            put = self._put_slot(Fix("put", var, new=new))
            self._corrected = put and new
            return bool(put)
        value = self.values.get(var)
        if isinstance(value, list) and isinstance(index, int) and index < len(value):
            old = value[index]
            self._set_item(var, index, old, new if alone else put_in(old, part, new))
        elif isinstance(value, str):
            self._set_item(var, None, value, new if alone else put_in(value, part, new))
        else:
            return self._correct(new, reply)
        self._corrected = new
        return True


    def _fix_one(self, fix: Fix, reply: str) -> str:
        """Apply one fix; how it is said back (in the mentee's words), or "" if nothing was changed."""
        corrects = self.current.corrects
        if fix.kind == "restate":
            return self._restate(fix, reply)
        if fix.kind == "drop":
            chain = self.values.get("why_chain")
            if fix.slot == "why_chain" and "why_chain" in corrects and isinstance(chain, list) and chain:
                self._put("why_chain", len(chain) - 1, "", self._refs())  # "drop the last bit"
                return f"without {fix.said}"
            if fix.slot in corrects and not fix.part:
                value = self.values.get(fix.slot)
                if isinstance(value, str):
                    self._put(fix.slot, None, "", self._refs())
                elif isinstance(value, list):  # "take out the lights me up line": every item of it
                    for i in reversed(range(len(value))):
                        self.words.remove(fix.slot, i)
                return f"without {fix.said}"
            return self._edit_one(Edit(fix.part, "", fix.said))
        if fix.kind == "add":
            return self._add(fix)
        if fix.kind in ("first", "once"):  # "growth should be first", "take out the fishing twice"
            return self._put_first(fix) if fix.kind == "first" else self._put_once(fix)
        if fix.slot and fix.slot in corrects:
            return self._put_slot(fix)
        if fix.part:
            var, index = self._locate(fix)
            if var:
                value = self.values.get(var)
                old = value[index] if isinstance(value, list) and isinstance(index, int) else value
                if isinstance(old, str):  # a swapped word, or the thought said again whole after it
                    whole = _quoted(fix)
                    put = fix.new if _restates_part(fix) and isinstance(value, list) else (  # the item, whole
                        (whole and restated(reply, fix.new)) or put_in(old, fix.part, fix.new, whole=whole))
                    self._set_item(var, index, old, put)
                    number = is_number(fix.part) and is_number(fix.new)
                    # the new words only: the old ones, said back, read as kept (round 7); a number, what it replaced
                    return f"{fix.new} in place of {fix.part}" if number else fix.new
            # "it's impact on people, not just impact": a drive, in own words; "not leadership, more like
            # being listened to": the line whose item the part names by its words
            return self._drive_named(fix) or self._line_put(fix)
        # Pointed at ("replace that bit with X"): the item the words are nearest to, else the deepest.
        return fix.new if self._correct(fix.new, reply) else ""

def _restates_part(fix: Fix) -> bool:
    """"the bikes bit reads weird. just put doing up old bikes" (round 45): the part named, said again whole."""
    return bool(fix.kind == "put" and fix.part and _NAMES_PART.search(fix.said)
                and re.search(rf"(?i)\b{re.escape(fix.part)}\b", fix.new))


# "where im heading hasn't changed", "the job bit stays": said about a line of the read-back (round 34)
_ABOUT_A_LINE = re.compile(rf"(?i)(?:^|\s){MENTION}\s+(?:has|is|was|hasn'?t|isn'?t|stays|is still)\b")


# The answer to "what would you put in place of X?" is nothing: X goes ("nothing?? just delete it")
_JUST_DROP = re.compile(r"(?i)^\W*(?:(?:nothing|none|no|nah)\W+)?(?:(?:just|pls|please|you can|can you|i meant|i mean|"
                        r"meant)\s+)*"
                        r"(?:delete|remove|drop|take out|get rid of|lose|bin|scrap|cut) (?:it|that|the whole thing|"
                        r"that bit|that part|the lot)\b[\s.!?]*|^\W*(?:nothing|none)\W*$")


def _quoted(fix: Fix) -> bool:
    return fix.said.startswith(("'", '"'))
