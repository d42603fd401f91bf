"""An edited flow swapped into a running conversation (``coach chat --watch``, /reload): every answer kept, the
conversation going on at the same step, or the nearest one when that step was edited away."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coach.conversation.machine import Position, edges, position
from coach.conversation.message import Message
from coach.conversation.state import SessionState
from coach.errors import FlowError
from coach.flow.spec import Flow, load_flow, nearest_step

if TYPE_CHECKING:
    from coach.flow.spec import Step
    from coach.rephrase.protocol import Rephraser


class Reloading:
    """Reloading the flow of a running conversation (mixed into Conversation)."""

    flow: Flow
    values: dict[str, Any]
    state: SessionState
    rephraser: Rephraser
    _position: Position

    if TYPE_CHECKING:

        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _enter(self, name: str, fresh: bool = True) -> list[Message]: ...
        def _finish_turn(self, msgs: list[Message]) -> list[Message]: ...
        def _blank_values(self) -> dict[str, Any]: ...
        def _edge_taken(self, source: str, index: int, dest: str) -> None: ...

        @property
        def step(self) -> str: ...
        @property
        def current(self) -> Step: ...

    def reload(self, flow: Flow, reask: bool = True) -> list[Message]:
        """Swap in an edited flow keeping every answer; continue at the same step, else the nearest."""
        old_edges, here = edges(self.flow), self.step
        target = here if here in flow.steps else nearest_step(old_edges, flow, here)
        self.flow = flow
        self.values.update({k: v for k, v in self._blank_values().items() if k not in self.values})
        history = [h for h in self.state.history if h.step in flow.steps]
        visited = [h.step for h in history]
        if target != here and target in visited:  # moved back: /back should go before the target
            history = history[: len(visited) - 1 - visited[::-1].index(target)]
        self.state.history = history
        self.state.summary_map = flow.summary
        self.state.graph = edges(flow)
        self._position = position(flow, target, self._edge_taken)
        self.rephraser.prepare_flow(flow)
        note = f"(Reloaded {flow.path}; continuing at '{target}'.)" if target == here else (
            f"(Reloaded {flow.path}. Step '{here}' no longer exists, so we continue at '{target}', the nearest step.)"
        )
        msgs = [self._rule(note, store=False)]
        if reask or target != here:
            msgs += self._enter(target, fresh=target != here)
        return self._finish_turn(msgs)

    def reload_from_disk(self) -> list[Message]:
        """Reload this conversation's flow file; on errors keep the running flow and list them."""
        try:
            flow = load_flow(self.flow.path)
        except FlowError as e:
            return [broken_flow_message(self, e)]
        return self.reload(flow)


def broken_flow_message(conv: Reloading, e: FlowError) -> Message:
    """What the mentee sees when an edited flow does not load: the errors; the old flow stays."""
    errors = [p.render() for p in e.problems if p.level == "error"] or [str(e)]
    text = "(The edited flow has errors, so the previous version stays in use:\n" + "\n".join(errors) + ")"
    return Message(text=text, step=conv.current.name, phase=conv.current.phase, kind="rule")
