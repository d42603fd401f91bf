"""A question already answered in passing is not asked as if it had not been.

When an earlier, longer answer already says what a step asks ("...and on sundays i go hiking
all day with my dog" before "how would you spend a free day?"), the coach plays it back and
asks whether that is it (the flow's ``heard_before`` reply). A yes keeps those words, with the
turn they came from; more words are kept with them; a no or nothing asks the question itself.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from coach.conversation.forgetting import takes_out_kept
from coach.conversation.heard import said_content
from coach.conversation.kept import find_kept
from coach.conversation.message import Message
from coach.conversation.recap_asks import recap_asks
from coach.conversation.said_before import LINE_NAMES, put_right_at_recap
from coach.listening.acts import read_reply
from coach.listening.fixes import Fix, read_fixes
from coach.listening.hollow import hollow
from coach.listening.listed import SENTENCES
from coach.listening.playback import play_back, swap_pronouns, trimmed
from coach.listening.recall import recall, recalls
from coach.listening.returning import experiment_told

if TYPE_CHECKING:
    from coach.conversation.asking import Pending
    from coach.conversation.state import SessionState
    from coach.conversation.words import Provenance
    from coach.flow.spec import Flow, Step
    from coach.listening.reading import Reading


# Every sentence of a reply that only puts last time's summary right says so ("not X", "Y first", "correct this").
_PUTS_RIGHT = re.compile(r"(?i)\b(?:not|no|wrong|correct|fix|first|instead|should be|small|less|more|only|change|"
                         r"wait|meant|mean)\b")


class Recalling:
    """The part of a conversation that recalls answers given early (mixed into Conversation)."""

    flow: Flow
    values: dict[str, Any]
    words: Provenance
    state: SessionState
    _question: Pending | None
    _recap_fixed: str = ""  # words put right at last time's recap this turn: not said again as news

    if TYPE_CHECKING:

        @property
        def current(self) -> Step: ...
        def _ask(self, step: Step) -> None: ...
        def _reply_text(self, key: str) -> str: ...
        def _reply(self, key: str) -> str: ...
        def _drives_at_recap(self, text: str) -> bool: ...
        def _refs(self) -> list[str]: ...
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _text(self, reading: Reading, ref: str, answered: bool) -> list[Message]: ...
        def _advance(self, answer: str, skipped: bool = False, ref: str | None = None,
                     reading: Reading | None = None, confirm: bool | None = None, corrected: bool = False,
                     sources: list[str] | None = None) -> list[Message]: ...

    def _offer_recalled(self, step: Step) -> bool:
        """Ask "Earlier you said X. Is that ...?" instead of ``step``'s question, when X was said."""
        from coach.conversation.asking import Pending

        lex = self.flow.lexicon
        if "heard_before" not in self.flow.replies or not recalls(step.name, lex):
            return False
        heard = self.state.heard
        if heard and heard.get("step") == step.name and heard.get("line"):
            line = str(heard["line"])  # resumed while it waited for its answer: the same line again
            self._question = Pending(step, line, line, [str(heard.get("ref"))], rephrase=False)
            return True
        self.state.heard = None
        if self.state.visits.get(step.name, 0):
            return False  # asked before (a /back, a re-ask): the question itself
        found = recall(step.name, self.words.texts(self.state.said), lex)
        if found is None:
            return False
        kept = trimmed(found.words)
        # A recalled clause is whole by construction: said back as it was, unless it is long.
        words = in_second_person(kept) if len(kept.split()) <= 16 else play_back(kept)
        if not words:
            return False
        line = self._reply_text("heard_before").replace("{words}", words).replace("{about}", found.about)
        self.state.heard = {"step": step.name, "words": trimmed(found.kept), "ref": found.ref, "line": line}
        self._question = Pending(step, line, line, [found.ref], rephrase=False)
        return True

    def _kept_already(self, words: str) -> bool:
        """Is ``words`` already part of what the step keeps (said in an answer to this same list)?"""
        step = self.current
        value = self.values.get(step.append_to or step.save_as or "")
        items = value if isinstance(value, list) else [value]
        return any(isinstance(i, str) and words.lower() in i.lower() for i in items)

    def _recalled_answer(self, text: str, ref: str) -> list[Message]:
        """The answer to "Earlier you said X. Is that ...?": yes keeps X, more words join it, no asks."""
        heard, self.state.heard = self.state.heard or {}, None
        lex = self.flow.lexicon
        reading = read_reply(text, lex, expect="yes_no", question=self._reply_text("heard_before"))
        more = said_content(reading)
        if reading.confirm is True:
            words = str(heard.get("words", ""))
            if self._kept_already(words):
                words = ""  # the earlier answer is already kept whole: not a second time
            extra = _joined(more) if more and not _only_agrees(more) else ""
            answer = ", and ".join(w for w in (words, extra) if w)
            refs = ([str(heard.get("ref"))] if words else []) + ([ref] if extra else [])
            return self._advance(answer=answer, ref=ref, reading=reading, sources=refs)
        if more and reading.has("hedge") and not reading.has("no"):  # "kind of, also teaching": both kept
            return self._advance(answer=", and ".join((str(heard.get("words", "")), _joined(more))), ref=ref,
                                 reading=reading, sources=[str(heard.get("ref")), ref])
        if more:
            # "no, i'd sleep in", "no, not anymore. maybe events": the answer to the question itself
            return self._text(read_reply(text, lex, question=self.current.ask), ref, answered=False)
        self._ask(self.current)
        return []


    def _recap_put_right(self, text: str) -> list[Message]:
        """"can you fix the drives bit, it should just be growth, meaning, freedom", said while last time's
        recap is still being talked about: heard and said so, before the reply is taken as usual."""
        step, previous = self.current, self.values.get("previous") or {}
        first = next(iter(self.flow.phases), "")
        if self._recap_fixed:  # heard already this turn, before a part was taken out ("... and remove the um")
            return []
        if not previous or step.corrects or step.phase != first or "recap_fixed" not in self.flow.replies:
            return []
        if takes_out_kept(text, previous):  # "yes except the sourdough": taken out, not a line put right
            return []
        if step.name == self.flow.returning and any(recap_asks(text, previous, self.flow.lexicon)[:2]):
            return []  # "rotas OUT. hazards is a maybe": parts out and maybes, heard by _recap_drops
        fixed = put_right_at_recap(text, previous, self.flow.lexicon)
        if fixed is not None and experiment_told({"previous": previous, "recap_check": text}):  # "so I shadowed a PM"
            # "meaning STILL isnt in what drives me. also big news: i messaged my friend" (round 81): a sentence
            # of its own that puts a line right, beside how the experiment went
            fixed = next((f for s in SENTENCES.split(text) if not experiment_told({"previous": previous,
                          "recap_check": s}) and (f := put_right_at_recap(s, previous, self.flow.lexicon))), None)
        if fixed is None:
            return []
        line, words = fixed
        said = play_back(words, 30)
        if not said:  # "i said maybe": nothing to say back, so nothing was put right (round 28)
            return []
        self._recap_fixed = said
        template = self._reply("recap_fixed")
        kept = self._kept_at_recap(text)
        drives = self._drives_at_recap(text)
        if drives or kept:  # kept for today, not asked again: no "we'll come to that again"
            template = re.split(r"(?<=\.)\s+", template, maxsplit=1)[0]
        lines = [(line, said)] + [(LINE_NAMES[slot], play_back(new, 30)) for slot, new in kept
                                  if LINE_NAMES[slot] != line]  # "... and what im good at is wrong, its X" too
        if drives and LINE_NAMES["motivations"] not in [n for n, _ in lines]:  # "... put meaning back in" (round 87)
            lines.append((LINE_NAMES["motivations"], self._drives_said()))
        return [self._rule(template.replace("{line}", name).replace("{words}", words)) for name, words in lines
                if words]


    def _drives_said(self) -> str:
        """Today's drives, each by its label or in the mentee's words."""
        drives = self.flow.lexicon.motivations
        return " and ".join(drives[m].label if m in drives else play_back(m, 30) or m
                            for m in self.values.get("motivations") or [] if isinstance(m, str) and m.strip())

    def _only_put_right(self, text: str) -> bool:
        """Does a reply to "how did the experiment go?" only put last time's summary right ("wait, NOT money only.
        meaning and learning first. please correct this": round 42 thanked them "for telling me how it went")?"""
        # ("oh dear, here we go again. the job is the MENTOR": the sigh is no news of the experiment, round 67)
        return "previous.experiment" in (self.current.ask or "") and all(
            _PUTS_RIGHT.search(s) or any(f.kind in ("put", "add") and f.slot for f in read_fixes(s))
            for s in re.split(r"[.!?;]+", text) if s.strip() and not hollow(s, self.flow.lexicon))

    def _kept_at_recap(self, text: str) -> list[tuple[str, str]]:
        """"the lights me up part should be cooking and hiking", "add baking to what lights me up", said at last
        time's recap (round 42 asked "what could you talk about for hours?" afresh, then "you know this already"):
        kept for today as said, so the flow need not ask again (rules has_passions, has_strengths); what was kept."""
        previous = self.values.get("previous") or {}
        fixes = [_slotted(f, previous) for f in read_fixes(text)]
        fixes = [f for f in fixes if f.slot in ("passions", "strengths") and f.new
                 and f.kind in ("add", "put") and not self.values.get(f.slot)]
        refs = self._refs()
        for fix in fixes:
            before = [str(i) for i in previous.get(fix.slot) or [] if isinstance(i, str) and i.strip()]
            kept = [*before, fix.new] if fix.kind == "add" else [fix.new] if not fix.part else [  # one item put right
                fix.new if find_kept(fix.part, {"item": i}) is not None else i for i in before]
            if fix.slot == "passions":
                for item in kept:
                    self.words.append("passions", item, refs)
            else:  # what people come to them for is one answer, kept whole
                self.words.set("strengths", ", and ".join(kept), refs)
        return [(f.slot, f.new) for f in fixes]


def _slotted(fix: Fix, previous: dict[str, Any]) -> Fix:
    """A fix that names a part by its words ("take 'the guilt thing' out, its just excel p values debugging", round 67
    put only the heading right), given the line of last time's summary that holds the part."""
    if fix.slot or not fix.part or fix.kind != "put" or not fix.new:
        return fix
    for slot in ("passions", "strengths"):
        items = previous.get(slot)
        items = items if isinstance(items, list) else [items]
        if find_kept(fix.part, {slot: [i for i in items if isinstance(i, str)]}) is not None:
            return replace(fix, slot=slot)
    return fix


def in_second_person(words: str) -> str:
    """``words`` with the pronouns swapped, lower-cased at the start unless "I" or an acronym starts it."""
    swapped = swap_pronouns(words)
    head = swapped.split(" ", 1)[0]  # "NHS project management": an acronym keeps its capitals
    return swapped if swapped.startswith(("I ", "I'")) or any(c.isupper() for c in head[1:]) else (
        swapped[:1].lower() + swapped[1:])


def _only_agrees(words: str) -> bool:
    """"pretty much", "that's it": words that only say yes."""
    return words.lower().strip(" .!") in {"pretty much", "that's it", "thats it", "that's right", "exactly", "mostly"}


def _joined(words: str) -> str:
    """More words added to what was recalled, without their own "and also"."""
    low = words.lower()
    for lead in ("and also ", "also ", "and ", "plus ", "that and ", "but also "):
        if low.startswith(lead):
            return words[len(lead):]
    return words
