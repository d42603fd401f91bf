"""Finishing asked for in words: "wrap it up will you", "yes. i said wrap it up" (round 79 asked the next question
both times). The answer said before it is kept as usual; then the coach goes straight to the read-back of what it
has, and from there to the last questions, the way a coach asked to finish would. /back returns to the question
left. Asked at or after the read-back, before consent is given (the trust phase), or beside a sign of distress, it
changes nothing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.conversation.kept import step_after
from coach.conversation.machine import Position, position
from coach.conversation.state import SessionState, Undo
from coach.listening.distress import distress_level

if TYPE_CHECKING:
    from coach.conversation.message import Message
    from coach.flow.spec import Flow, Step
    from coach.store.database import Turn

_WRAP_ASKED = re.compile(
    r"(?i)(?:^|(?<=[.!?,;])\s*|\b(?:i said|just|now|ok|okay|please|pls)\s+)"
    r"(?:(?:can|could) (?:we|you|u) (?:please |pls |just )?|let'?s |lets |(?:please|pls|just) )*"
    r"wrap (?:(?:it|this|things|the rest) )?up(?: (?:now|please|pls|then|will you|would you|mate|already|"
    r"quickly|yeah|lol|for me|here|for today))*\W*$")


def wrap_asked(text: str) -> re.Match[str] | None:
    """Where a reply asks to wrap up, at its end (None: it does not)."""
    return _WRAP_ASKED.search(text)


class Wrapping:
    """Going to the read-back when asked to wrap up (mixed into Conversation)."""

    flow: Flow
    state: SessionState
    status: str
    _question: Any
    _position: Position
    _turns: list[Turn]

    if TYPE_CHECKING:

        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _reply(self, key: str) -> str: ...
        def _record_mentee(self, text: str) -> str: ...
        def _answer(self, text: str) -> list[Message]: ...
        def _enter(self, name: str, fresh: bool = True) -> list[Message]: ...
        def _edge_taken(self, source: str, index: int, dest: str) -> None: ...

        @property
        def current(self) -> Step: ...
        @property
        def step(self) -> str: ...
        @property
        def finished(self) -> bool: ...

    def _wrap_up(self, text: str) -> list[Message] | None:
        """A reply ending by asking to wrap up, heard (None: it does not ask, or there is nothing to skip)."""
        asked = wrap_asked(text)
        if asked is None or "wrap_up" not in self.flow.replies or distress_level(text, self.flow.lexicon):
            return None
        if self.current.phase == "trust":  # before the go-ahead (or last time's recap) nothing is skipped past it
            return None
        target = self._read_back_ahead()
        if target is None:
            return None
        rest = text[:asked.start()].strip(" ,;.-")
        here = self.step
        if re.search(r"\w", rest):
            said = len(self._turns)
            heard = self._answer(rest)
            if self.finished or self.status != "active" or self._read_back_ahead() is None:
                return heard  # the answer itself ended the talk, or reached the read-back
            msgs = [m for m in heard if m.step == here]  # the next question is not asked
            self._turns[said:] = [t for t in self._turns[said:] if t.role != "coach" or t.step == here]
            self._question = None
        else:
            self._record_mentee(text)
            msgs = []
        self.state.push(Undo(step=self.step, counters=self.state.counters()))
        self._position = position(self.flow, target, self._edge_taken)
        return msgs + [self._rule(self._reply("wrap_up"))] + self._enter(target)

    def _read_back_ahead(self) -> str | None:
        """The read-back of the whole summary still ahead of this step (None: here already, or passed)."""
        return step_after(self.flow, self.step, lambda step: bool(step.say) and "goal" in step.corrects
                          and not step.ladder)
