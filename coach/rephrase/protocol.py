"""The one seam in front of the language model: say a question in other words, or not at all."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from coach.flow.spec import Flow
    from coach.rephrase.frame import Frame


@dataclass(frozen=True)
class Rephrasing:
    """What to show for a question, and how it came about (all of it goes in the transcript)."""

    text: str
    rephrased: bool = False
    guard_ok: bool | None = None
    reasons: list[str] = field(default_factory=list)
    model_sha256: str | None = None
    prompt: str | None = None


class Rephraser(Protocol):
    """Says a canonical question in other words, keeping ``keep``; falls back to the canonical.

    ``frame``, when given, is ``canonical`` with the mentee's words cut out as slots.
    """

    def rephrase(
        self, canonical: str, keep: list[str], context: str | None, frame: Frame | None = None
    ) -> Rephrasing: ...

    def prepare_flow(self, flow: Flow) -> None:
        """Get rewordings of this flow's questions ready in the background (after open or reload)."""
        ...

    def notices(self) -> list[str]:
        """Lines for the mentee not shown yet (e.g. rewording has gone off for now)."""
        ...

    def close(self) -> None:
        """Cancel and join background work and stop the model; the chat is ending."""
        ...


class Verbatim:
    """The no-model rephraser: always the flow's own wording."""

    def rephrase(
        self, canonical: str, keep: list[str], context: str | None, frame: Frame | None = None
    ) -> Rephrasing:
        """Return the canonical wording unchanged."""
        return Rephrasing(text=canonical)

    def prepare_flow(self, flow: Flow) -> None:
        """Nothing to prepare."""

    def notices(self) -> list[str]:
        """Nothing to tell."""
        return []

    def close(self) -> None:
        """Nothing to stop."""
