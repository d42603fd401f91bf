"""A why-rung put right in the mentee's words: "not the firm, the partnership", "hm, not 'control' - 'influence'"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

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


class RungFixes:
    """The part of a conversation that reads a why-answer as the rung put right (mixed into Conversation)."""

    values: dict[str, Any]
    words: Provenance
    _change: Undo | None = None

    if TYPE_CHECKING:

        @property
        def current(self) -> Step: ...
        def _rung(self) -> str: ...
        def _refs(self) -> list[str]: ...
        def _begin_change(self) -> None: ...
        def _put_right(self, said: str) -> Message: ...
        def _asides(self, reading: Reading, edited: bool = False) -> list[Message]: ...
        def _enter(self, name: str, fresh: bool = True) -> list[Message]: ...

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
