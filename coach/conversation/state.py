"""A session's state between turns, typed: counters, what was asked, history, and provenance.

Stored as JSON in ``sessions.state``. Two rules keep it small and honest:

- **No copies.** A history entry (for ``/back``) records only what its step changed: the old
  text of a value it overwrote, or the length a list had before it was appended to.
- **Provenance.** ``sources`` says, for every captured value, which mentee turns (database ids)
  its words came from, so redaction, sharing and deletion can follow ids, never text matching.
  A text value has one list of ids; a list value one list per item; ``previous`` one per summary
  item of the earlier session.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Entries kept for /back: enough to walk back through a whole conversation.
HISTORY = 50

Refs = list[str]  # mentee turns as "session:n"


@dataclass
class LastQuestion:
    """The last question asked: the flow's wording, what was shown, and its step."""

    canonical: str
    shown: str
    step: str
    rephrased: bool = False
    sources: list[str] = field(default_factory=list)  # the mentee turns its words came from


@dataclass
class Undo:
    """What one answered step changed, so /back can put it back."""

    step: str
    # Text values as they were (None: the value did not exist); list values: their old length.
    texts: dict[str, str | None] = field(default_factory=dict)
    lengths: dict[str, int] = field(default_factory=dict)
    counters: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, Any] = field(default_factory=dict)


@dataclass
class SessionState:
    """Everything about a session that is not a captured value."""

    opened: bool = False
    reasks: int = 0
    depth: int = 0
    short_streak: int = 0
    said: Refs = field(default_factory=list)  # mentee turn ids of every answer, in order
    visits: dict[str, int] = field(default_factory=dict)
    items: list[dict[str, Any]] | None = None  # a foreach step's items (e.g. motivations to check)
    item_index: int = 0
    last_question: LastQuestion | None = None
    summary_map: dict[str, Any] = field(default_factory=dict)
    history: list[Undo] = field(default_factory=list)
    sources: dict[str, Any] = field(default_factory=dict)
    answer_turn: int | None = None  # the mentee turn the current answer came from
    graph: dict[str, list[str]] = field(default_factory=dict)  # the flow's edges, to resume after edits
    replies: dict[str, int] = field(default_factory=dict)  # how often each global reply was said
    check_in: bool = False  # "Are you safe right now?" was asked and awaits its answer
    check_in_again: bool = False  # ... and was asked a second time, the first answer having passed it by
    stopped_for_care: bool = False  # this conversation ended at the distress stop
    care_first: bool = False  # the last one did: this one asks "are you safe?" before its first question
    # Answers left in which a sign only the learned reader sees is not asked about again, the mentee having
    # just said they are safe (round 37 asked "are you safe?" again at "Up close, mostly. I've been coached")
    safe_said: int = 0
    # The answer that brought the check-in, and its turn: once the mentee says they are safe it is
    # taken as the answer, so the question is not asked again as if nothing had been said.
    held: dict[str, str] | None = None
    follow_up: str | None = None  # the step whose "which part of it fits?" awaits its answer
    heard: dict[str, str] | None = None  # words said earlier, offered as the answer to this step
    fixing: dict[str, Any] | None = None  # a part of a playback asked about ("what would you put in place of X?")
    # Unfinished conversations whose corrections the recap's summary carries (deleting one takes them)
    carried: list[int] = field(default_factory=list)
    fixes_heard: int = 0  # answers that put a playback right: the second brings how to set a line with /edit
    edit_hint: bool = False  # ... said (once), or /edit already used
    edited: list[str] = field(default_factory=list)  # lines set with /edit: last time's words are not asked about

    # --- counters that /back restores ------------------------------------------------------

    def counters(self) -> dict[str, Any]:
        """The per-step counters, as a history entry keeps them."""
        items = [dict(i) for i in self.items] if self.items is not None else None
        return {"depth": self.depth, "short_streak": self.short_streak, "items": items,
                "item_index": self.item_index, "reasks": self.reasks}

    def restore_counters(self, counters: dict[str, Any]) -> None:
        """Put the per-step counters back as a history entry kept them."""
        self.depth = int(counters.get("depth") or 0)
        self.short_streak = int(counters.get("short_streak") or 0)
        self.items = counters.get("items")
        self.item_index = int(counters.get("item_index") or 0)
        self.reasks = int(counters.get("reasks") or 0)

    def push(self, undo: Undo) -> None:
        """Remember one step's changes, keeping the last HISTORY."""
        self.history.append(undo)
        del self.history[:-HISTORY]

    # --- JSON -------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """The state as stored."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> SessionState:
        """Read a stored state, including the untyped form coach 0.1 wrote."""
        data = dict(data or {})
        known = {f for f in cls.__dataclass_fields__}
        state = cls(**{k: v for k, v in data.items() if k in known and k not in ("last_question", "history", "said")})
        q = data.get("last_question")
        if isinstance(q, dict) and "canonical" in q:
            state.last_question = LastQuestion(
                canonical=str(q["canonical"]), shown=str(q.get("shown", q["canonical"])),
                step=str(q.get("step", "")), rephrased=bool(q.get("rephrased", False)),
                sources=[str(r) for r in q.get("sources") or []],
            )
        said = data.get("said") or []
        state.said = [s for s in said if isinstance(s, str) and ":" in s]  # 0.1 kept texts, not references
        state.history = [_undo(h) for h in data.get("history") or [] if isinstance(h, dict) and h.get("step")]
        state.items = data.get("items")
        return state


def _undo(entry: dict[str, Any]) -> Undo:
    if "texts" in entry or "lengths" in entry:
        return Undo(step=str(entry["step"]), texts=dict(entry.get("texts") or {}),
                    lengths={k: int(v) for k, v in (entry.get("lengths") or {}).items()},
                    counters=dict(entry.get("counters") or {}), sources=dict(entry.get("sources") or {}))
    # coach 0.1 kept a whole copy of the values; the store's migration turns those into changes.
    return Undo(step=str(entry["step"]), counters=dict(entry.get("state") or {}))


def ids_in(sources: Any) -> set[str]:
    """Every turn reference ("session:n") in a (nested) sources entry."""
    if isinstance(sources, str):
        return {sources}
    if isinstance(sources, dict):
        return set().union(*(ids_in(v) for v in sources.values())) if sources else set()
    if isinstance(sources, list):
        return set().union(*(ids_in(v) for v in sources)) if sources else set()
    return set()
