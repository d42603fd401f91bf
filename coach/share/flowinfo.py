"""What a brief needs to know about the flow a session was held with: phase titles, the
lexicon's motivation labels, where the why-ladder keeps its rungs, and which steps correct what.

A session names its flow file; when that file is gone or no longer the same flow, the shipped
flow of that name is used, and failing that the ids themselves are shown, made readable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from coach.errors import CoachError
from coach.flow.spec import Flow, load_flow
from coach.listening.lexicon import Lexicon, load_lexicon
from coach.listening.returning import experiment_told
from coach.resources import default_flow

BEDROCK = "bedrock"  # the value the engine adds bedrock statements to, wherever the ladder finds one


@dataclass(frozen=True)
class FlowInfo:
    """The parts of a flow a brief reads."""

    titles: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    chain: str = "why_chain"
    seed: str | None = "goal"
    # value -> the steps that set it as an answer (not as a correction)
    capture: dict[str, frozenset[str]] = field(default_factory=dict)
    # step -> the values a correction there may replace
    corrects: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lexicon: Lexicon | None = None
    # the value holding "how did last time's experiment go?" (a step asking about previous.experiment)
    review: str | None = "experiment_review"

    def title(self, phase: str) -> str:
        """The phase's title in the flow, or its id made readable."""
        return self.titles.get(phase) or phase.replace("_", " ").capitalize()

    def review_of(self, values: dict[str, Any]) -> str | None:
        """The value holding how last time's experiment went: the review step's answer, else the recap
        words that told it already ("I did the shadowing and it was great", so it was not asked)."""
        if not self.review:
            return None
        answered = values.get(self.review)
        if isinstance(answered, str) and answered.strip():
            return self.review
        return experiment_told(values) or None


def flow_info(flow_name: str, flow_path: str) -> FlowInfo:
    """The FlowInfo of the flow a session was held with (read once per file)."""
    return _cached(flow_name, flow_path)


@lru_cache(maxsize=32)
def _cached(flow_name: str, flow_path: str) -> FlowInfo:
    for candidate in (Path(flow_path), default_flow()):
        try:
            if candidate.is_file():
                flow = load_flow(candidate)
                if flow.name == flow_name:
                    return from_flow(flow)
        except (CoachError, OSError):
            continue  # an edited, broken or unreadable file: try the next, then plain ids
    try:
        lexicon = load_lexicon()
    except (CoachError, OSError):
        return FlowInfo()
    return FlowInfo(labels={m: spec.label for m, spec in lexicon.motivations.items()}, lexicon=lexicon)


def from_flow(flow: Flow) -> FlowInfo:
    """Read what a brief needs from a loaded flow."""
    capture: dict[str, set[str]] = {}
    chain, seed, review = "why_chain", "goal", None
    for step in flow.steps.values():
        if step.save_as and "previous.experiment" in " ".join(step.wordings):
            review = step.save_as
        for var in (step.save_as, step.append_to):
            if var:
                capture.setdefault(var, set()).add(step.name)
        if step.ladder:
            chain, seed = step.ladder.chain, step.ladder.seed or ""
            capture.setdefault(chain, set()).add(step.name)
            capture.setdefault(BEDROCK, set()).add(step.name)
    return FlowInfo(
        titles={p: str(v.get("title") or "") for p, v in flow.phases.items() if v.get("title")},
        labels={m: spec.label for m, spec in flow.lexicon.motivations.items()},
        chain=chain,
        seed=seed or None,
        capture={k: frozenset(v) for k, v in capture.items()},
        corrects={s.name: s.corrects for s in flow.steps.values() if s.corrects},
        lexicon=flow.lexicon,
        review=review,
    )
