"""What the coach says: one message, with where in the flow it was said."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """Something the coach says."""

    text: str
    step: str
    phase: str
    kind: str = "say"  # say | ask | rule | end
    canonical: str | None = None
    rephrased: bool = False
