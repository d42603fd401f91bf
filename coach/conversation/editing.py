"""/edit and /summary: a line of the summary set exactly as the mentee types it, and what is kept so far.

The coach reads fixes said in words ("take out X, it's more Y") as well as rules can, and still gets some
wrong; a mentee who has put it right twice should not have to plead a third time. "/edit what drives me:
meaning, being useful" makes that line say exactly that (mixed into Conversation)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.conversation.summary import LINES
from coach.listening.fixes import Fix
from coach.listening.parts import slot_of
from coach.listening.pronouns import swap_pronouns

if TYPE_CHECKING:
    from coach.conversation.message import Message
    from coach.conversation.state import SessionState, Undo
    from coach.conversation.words import Provenance
    from coach.flow.spec import Flow, Step

# How often a mentee puts a playback right before the coach says /edit is there (once per conversation).
_HINT_AFTER = 2
# Lines as /summary and the read-back name them, where the fix reader's names stop short (round 73: "/edit what's
# underneath it all: ..." was refused)
_LINE_AS_SAID = re.compile(r"(?i)[\s,]+(?:it all|all|if every job (?:was|were) open|with every job open|you named|"
                           r"i named|as you confirmed it)$")
_EXPERIMENT = re.compile(r"(?i)^['\"]?(?:the |my )?(?:small |little )?(?:experiment|small step|next step|step)"
                         r"(?: (?:bit|part|line))?['\"]?$")


def edit_line(body: str) -> tuple[str, str] | None:
    """("line named", "its new words") of what follows /edit ("what drives me: meaning"), or None."""
    line, sep, words = body.partition(":")
    if not sep:
        line, sep, words = body.partition("=")
    line = " ".join(line.split()).strip(" .,'\"")
    if not sep or not line:
        return None
    line = _LINE_AS_SAID.sub("", line)
    var = "experiment" if _EXPERIMENT.match(line) else slot_of(line)
    # one line, said back whole: "off my feet. feb trainer job" would be cut at its full stop (round 72)
    words = re.sub(r"\s*[.;!?]+\s+(?=\S)", ", ", " ".join(words.split())).strip(" '\".;")
    return (var, words) if var and var != "why_chain" else None


class Editing:
    """/edit and /summary (see the module docstring)."""

    flow: Flow
    values: dict[str, Any]
    state: SessionState
    _corrected: str
    _change: Undo | None
    words: Provenance

    if TYPE_CHECKING:

        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _record_mentee(self, text: str) -> str: ...
        def _begin_change(self) -> None: ...
        def _put(self, var: str, index: int | None, new: str, ref: list[str]) -> None: ...
        def _refs(self) -> list[str]: ...
        def _put_slot(self, fix: Fix) -> str: ...
        def _enter(self, name: str, fresh: bool = True) -> list[Message]: ...
        def _reask(self) -> list[Message]: ...
        def _so_far(self, asked: str) -> str: ...
        def _reply(self, key: str) -> str: ...
        def _finish_turn(self, msgs: list[Message]) -> list[Message]: ...
        @property
        def step(self) -> str: ...
        @property
        def current(self) -> Step: ...

    def _edit_line(self, typed: str, at: int) -> list[Message]:
        """"/edit what lights me up: hiking, the beavers": that line made exactly those words, said back, and the
        question asked again (a playback is said again as it is now). /back does not undo it: it was asked for.
        ``at``: where the line's name starts, after "/edit" (a remark may come before it)."""
        found = edit_line(typed.strip()[at:])
        editable = {str(v) for names in self.flow.summary.values() for v in (names if isinstance(names, list)
                                                                             else [names])}
        if found is None or found[0] not in editable:
            return [self._rule(self._reply("edit_usage"), store=False)]
        var, words = found
        self._record_mentee(typed)
        self._begin_change()
        value = self.values.get(var)
        # "i care about climate, and im scared of X": both, whole (r73); drives are short: "meaning, earning enough"
        # is two, each as typed ("earning enough" was kept as the drive "earning well", round 75)
        split = r"\s*[;,]\s*|\s+and\s+" if var == "motivations" else r"\s*;\s*|,\s+and\s+"
        # "freedom (not stuck in meetings), growth mostly": a comma inside brackets splits nothing (round 83)
        shielded = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", "\0").replace(";", "\1"), words)
        items = [i.replace("\0", ",").replace("\1", ";") for i in re.split(split, shielded) if i] \
            if isinstance(value, list) else []
        if len(items) > 1 or (items and var == "motivations"):
            self._empty_line(var)
            for item in items:
                self.words.append(var, item, self._refs())
            said = f"{LINES.get(var, var)} is now: {swap_pronouns(words if var == 'motivations' else '; '.join(items))}"
        elif words:
            self._put_slot(Fix(kind="put", slot=var, new=words, said=var))
            said = f"{LINES.get(var, var)} is now: {swap_pronouns(words)}"  # as typed, never cut to a phrase
        else:
            self._empty_line(var)
            said = f"{LINES.get(var, var)} is empty now"
        self.state.edit_hint = True  # they know the way now
        self.state.edited += [var] if var not in self.state.edited else []
        self._change = None  # kept: /back goes to the question before, it does not take the edit away
        self._corrected = said
        msgs = [self._rule(self._reply("edit_done").replace("{words}", f"{said[:1].upper()}{said[1:]}"))]
        # a read-back is said again as it is now; elsewhere only the question (round 72 heard "Same as before" again)
        # ... and at "is X still true?" about that line, the edit is the answer (round 83 asked about X again)
        revisited = self.current.changed == var and bool(self.current.keep_previous)
        if self.current.foreach and self.current.collect_yes == var:  # "/edit what drives me: X" at a drive check:
            self.state.item_index = len(self.state.items or [])  # the line is set, its checks are done (round 84)
            revisited = True
        again = self._enter(self.step, fresh=False) if self.current.corrects or revisited else self._reask()
        return self._finish_turn(msgs + again)

    def _empty_line(self, var: str) -> None:
        """Every item of the line ``var`` taken out (a text made empty), each with its sources."""
        value = self.values.get(var)
        if not isinstance(value, list):
            self._put(var, None, "", self._refs())
        for i in reversed(range(len(value) if isinstance(value, list) else 0)):
            self._put(var, i, "", self._refs())

    def _show_summary(self) -> list[Message]:
        """/summary: every line kept so far in the mentee's words (last time's when nothing is kept today)."""
        return [self._rule(self._so_far(""), store=False)]

    def _edit_hint(self) -> list[Message]:
        """After the mentee's second fix in a conversation, once: how to set a line exactly (the flow's edit_hint)."""
        if not self._corrected or self.state.edit_hint:
            return []
        self.state.fixes_heard += 1
        if self.state.fixes_heard < _HINT_AFTER:
            return []
        self.state.edit_hint = True
        return [self._rule(self._reply("edit_hint"))]
