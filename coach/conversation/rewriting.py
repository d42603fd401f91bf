"""A read-back line said again in the mentee's own way, put right as a whole.

coach.listening.lines reads which line of the read-back a free-form correction is about ("mostly yes but
the deciding thing isnt me, its more being heard"); this puts it into the kept values and says the line
back as it now reads. A reply that is plainly a correction but names no line gets one question: which
line, and how should it read? Its answer is read as that line; only if that fails too is it noted as it was said.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coach.conversation.fix_values import FixValues
from coach.conversation.placing import find_part, put_in
from coach.conversation.summary import LINES
from coach.listening.fixes import Fix, read_fixes
from coach.listening.lines import LineEdit, item_words, line_edit
from coach.listening.playback import play_back

if TYPE_CHECKING:
    from coach.conversation.message import Message
    from coach.listening.reading import Reading


# Only a no ("nope not really", "not quite"): nothing kept, nothing said to be fine (round 28).
NO_ONLY = re.compile(r"(?i)^\W*(?:no+|nope|nah|not really|not quite|not at all|not exactly|not entirely|not totally|"
                     r"not completely|doesn'?t|it doesn'?t|not much)(?:[\s,.!]+(?:no+|nope|nah|not really|not quite|"
                     r"really|at all|tbh|honestly|sorry|i'?m afraid|lol|haha))*\W*$")


class Rewriting(FixValues):
    """The part of a conversation that puts a read-back line right as a whole (mixed into Conversation)."""

    if TYPE_CHECKING:
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _reply(self, key: str) -> str: ...
        def _asides(self, reading: Reading, edited: bool = False) -> list[Message]: ...
        def _advance(
            self, answer: str, skipped: bool = False, ref: str | None = None, reading: Reading | None = None,
            confirm: bool | None = None, corrected: bool = False, sources: list[str] | None = None,
            changed: str = "",
        ) -> list[Message]: ...

    def _which_line(self, reading: Reading, ref: str) -> list[Message]:
        """Wrong, with no line found: which line, and how should it read? (the answer is read as that line).
        Asked twice at most: after that, what is said is noted as it is and the conversation goes on (round 28:
        "no" to "does that sound like you?" asked it again and again)."""
        step = self.current
        asked = f"which:{step.name}"
        if self.state.replies.get(asked, 0) >= 2:
            self.state.fixing = None
            words = "" if NO_ONLY.match(reading.reply) else play_back(reading.reply, 30)
            noted = [self._rule(self._reply("fix_noted").replace("{words}", words))] if words else []
            return self._asides(reading, True) + noted + self._advance(answer=reading.reply if words else "",
                                                                       ref=ref, reading=reading, confirm=None)
        self.state.replies[asked] = self.state.replies.get(asked, 0) + 1
        self.state.fixing = {"step": step.name, "which": True}
        return self._asides(reading, True) + [self._rule(self._reply("fix_which"))]

    def _read_back_lines(self) -> dict[str, list[str]]:
        """Each line the read-back shows, as its items read (a drive by its label and words, to be found by)."""
        lines: dict[str, list[str]] = {}
        for var in self.current.corrects:
            value = self.values.get(var)
            items = value if isinstance(value, list) else [value]
            lines[var] = [item_words(i, self.flow.lexicon) if isinstance(i, str) else "" for i in items]
        return lines

    def _rewritten(self, text: str, reading: Reading, ref: str, asked: bool = False) -> list[Message] | None:
        """A read-back line put right in the mentee's own way ("the deciding thing isnt me, its more being
        heard"); when the reply is plainly a correction but names no line, which one is asked (None: neither)."""
        step = self.current
        if not (step.corrects and step.say and not step.ladder) or reading.confirm is True:
            return None
        unsure = asked or reading.has("correction") or reading.has("hedge") or reading.confirm is False
        edit = line_edit(text, self._read_back_lines())
        if edit is None or not (unsure or edit.drop):
            if asked or not reading.has("correction") or read_fixes(text):
                return None
            return self._which_line(reading, ref)  # "no, more like being heard": which line is that?
        said = self._apply_line(edit)
        if not said:
            return None
        self._corrected = said
        return self._asides(reading, True) + self._advance(answer="", ref=ref, reading=reading, confirm=None,
                                                           corrected=True)

    def _line_put(self, fix: Fix) -> str:
        """A put whose part no kept words hold, read as a line whose item it names ("" if none)."""
        edit = line_edit(f"not {fix.part}, more like {fix.new}", self._read_back_lines()) if fix.new else None
        return self._apply_line(edit) if edit is not None and edit.drop else ""

    def _apply_line(self, edit: LineEdit) -> str:
        """Put ``edit`` into the values; how it is said back ("" if nothing changed)."""
        value = self.values.get(edit.var)
        refs = self._refs()
        self._begin_change()
        if isinstance(value, list) and edit.var != "motivations" and edit.part and edit.new and len(edit.drop) == 1:
            old = value[edit.drop[0]]
            if isinstance(old, str) and find_part(edit.part, old):  # "more like trusted than useful": the word swapped
                self._set_item(edit.var, edit.drop[0], old, put_in(old, edit.part, edit.new))
                return f"{LINES.get(edit.var, edit.var)}\t{self.values[edit.var][edit.drop[0]]}"
        if isinstance(value, list):
            drop = range(len(value)) if edit.whole else edit.drop  # the line said again whole: it is the line now
            gone = [value[i] for i in drop if i < len(value)]
            for i in sorted(drop, reverse=True):
                if i < len(value):
                    self._put(edit.var, i, "", refs)
            if edit.new and edit.var == "motivations":  # "being heard and growth": a drive's own name, else their words
                for piece in (p.strip(" .") for p in re.split(r",\s*|\s+and\s+|\s*&\s*", edit.new) if p.strip(" .")):
                    known = next((m for m, spec in self.flow.lexicon.motivations.items()
                                  if piece.lower() in (m, spec.label.lower())), piece)
                    if known not in (self.values.get("motivations") or []):
                        self.words.append("motivations", known, refs)
            elif edit.new:
                where = min(drop) if drop else (0 if len(value) == 1 else None)  # one item, said again: the line now
                if where is not None and where < len(self.values.get(edit.var) or []):
                    self.words.replace(edit.var, where, edit.new, refs)
                else:
                    self.words.append(edit.var, edit.new, refs)
            names = self.flow.lexicon.motivations
            if edit.var == "motivations":  # the whole line as it now reads, so what stays is not heard as gone
                now = [names[m].label if m in names else m for m in self.values.get("motivations") or [] if m]
                return f"{LINES['motivations']}\t{', '.join(now)}" if now else ""
            if not edit.new:
                return "\n".join(f"without '{g}'" for g in gone if isinstance(g, str))
        else:
            self._set_item(edit.var, None, value if isinstance(value, str) else "", edit.new)
            if not edit.new:
                return f"without '{value}'"
        return f"{LINES.get(edit.var, edit.var)}\t{edit.new}"
