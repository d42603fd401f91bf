"""A mentee changing where they are heading in the middle of a conversation, heard at any later question.

"so actually maybe not educator. maybe a day time job like practice nurse at a gp surgery instead" (round 41):
the goal becomes the new heading, and that is said back. In the why-ladder the reasons given for the old heading
go, and the whys start again from the new one (round 41 played back "clinical, because you like helping the new
ones" and went on asking about educator). Elsewhere, the rest of the answer is heard as this question's answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.conversation.message import Message
from coach.conversation.summary import LINES
from coach.listening import rules
from coach.listening.fix_plain import heading_asked
from coach.listening.fixes import read_fixes
from coach.listening.playback import play_back
from coach.listening.turned import Turn, turned

if TYPE_CHECKING:
    from coach.conversation.state import SessionState
    from coach.conversation.words import Provenance
    from coach.flow.spec import Flow, Step
    from coach.listening.reading import Reading

__all__ = ["Turning"]

# Said on the way to the turn, and nothing to hear as an answer: "no, i just said", "honestly idk anymore".
_ONLY_RUN_UP = re.compile(r"(?i)^(?:(?:no+|nah|ok|okay|so|and|but|um+|hm+|honestly|tbh|ngl|like|well|wait|"
                          r"i (?:just |already )?said|i told you|idk(?: anymore)?|i dunno|i don'?t know(?: anymore)?|"
                          r"talking about it(?: out loud)?|saying it(?: out loud)?|"
                          r"sorry(?: for (?:the |my )?(?:confusion|mess|back and forth)| about that)?)[,.!?]*\s*)+$")


class Turning:
    """The part of a conversation that hears a new heading said at a later question (mixed into Conversation)."""

    flow: Flow
    values: dict[str, Any]
    words: Provenance
    state: SessionState

    if TYPE_CHECKING:

        @property
        def current(self) -> Step: ...
        def _begin_change(self) -> None: ...
        def _refs(self) -> list[str]: ...
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _reply(self, key: str) -> str: ...
        def _take(self, text: str, ref: str) -> list[Message]: ...
        def _reask(self) -> list[Message]: ...
        def _enter(self, name: str, fresh: bool = True) -> list[Message]: ...
        def place(self, step: str) -> None: ...
        def _advance(self, answer: str, skipped: bool = ..., ref: str | None = ..., reading: Reading | None = ...,
                     confirm: bool | None = ..., corrected: bool = ..., sources: list[str] | None = ...,
                     changed: str = ..., own: str = ...) -> list[Message]: ...

    _corrected: str

    def _heading_turned(self, text: str, ref: str) -> list[Message] | None:
        """The goal changed in this answer: kept, said back, and the questions go on from it (None: not so)."""
        step, goal = self.current, self.values.get("goal")
        if (not isinstance(goal, str) or not goal.strip() or step.save_as in ("goal", "experiment") or step.changed
                or (step.corrects and step.say) or "heading_turned" not in self.flow.replies):
            return None
        turn, key = turned(text, goal), "heading_turned"
        # asked in so many words at any question ("what ive changed is im thinking pension now", round 51)
        put = None if turn is not None or not heading_asked(text) else next(
            (f for f in read_fixes(text) if f.kind == "put" and f.slot == "goal" and f.new), None)
        if put is not None and "put_right" in self.flow.replies:
            # "can you change where im heading to: X", "my goal isnt the lead thing, its X" (round 47 asked why of
            # the denial): put right as asked, and the whys start again from it
            turn, key = Turn(new=put.new), "put_right"
        if turn is None:
            return None
        self._begin_change()
        self.words.set("goal", turn.new, self._refs())
        words = play_back(turn.new, 20) or turn.new
        if key == "put_right":  # dictated: a "maybe" they said is theirs, said back with it
            hedge = None if words.lower().startswith(("maybe", "perhaps", "possibly")) else re.match(
                r"(?i)(?:maybe|perhaps|possibly) ", turn.new)
            words = f"{LINES['goal']} is now: {hedge.group(0).lower() if hedge else ''}{words}"
        said = [self._rule(self._reply(key).replace("{words}", words))]
        ladder = next((s for s in self.flow.steps.values() if s.ladder and s.ladder.seed == "goal"), None)
        if ladder is not None and ladder.ladder is not None and step.phase == ladder.phase:
            chain = ladder.ladder.chain  # the reasons were for the old heading: the whys start again
            for index in reversed(range(len(self.values.get(chain) or []))):
                self.words.remove(chain, index)
            self.state.depth = self.state.reasks = 0
            self.place(ladder.name)
            reason = _answer(turn.after)
            return said + (self._take(reason, ref) if reason else self._enter(ladder.name))
        rest = _answer(" ".join(x for x in (turn.before, turn.after) if x))
        return said + (self._take(rest, ref) if rest else self._reask())

    def _heading_put_right(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """At a read-back that puts the goal right, a change of heading said in passing and read by no fix
        ("yeah. money more than i said. so maybe not educator actually. maybe practice nurse at a gp",
        round 46 moved on with the old heading): the goal becomes the new one (None: no turn)."""
        step, goal = self.current, self.values.get("goal")
        if not (step.say and "goal" in step.corrects and isinstance(goal, str) and goal.strip()):
            return None
        turn = turned(text, goal)
        if turn is None:
            return None
        self._begin_change()
        self.words.set("goal", turn.new, self._refs())
        self._corrected = f"{LINES['goal']}\t{turn.new}"
        return self._advance(answer=text, ref=ref, reading=reading, corrected=True)


def _answer(said: str) -> str:
    """What is left to hear as an answer ("" when only a run-up is left: "no, i just said")."""
    said = said.strip(" ,.;")
    return "" if not rules.words(said) or _ONLY_RUN_UP.match(said) else said
