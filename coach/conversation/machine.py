"""The flow's state machine: a transitions ``Machine`` built from plain dict config, typed model."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from transitions import Machine

from coach.flow.spec import Flow
from coach.listening import rules

# With model_override, transitions logs a warning for each convenience method it does not bind
# (is_<step>, may_advance, ...); not binding them is the point, so those lines are dropped.
logging.getLogger("transitions.core").addFilter(lambda record: "model override policy" not in record.getMessage())


class Position:
    """The machine's model: the step a conversation is at, and the one trigger flows use."""

    def __init__(self) -> None:
        self.state: str = ""

    def advance(self, *, ctx: rules.Context) -> bool:
        """Follow the first edge of the current step whose rule holds (bound by the machine)."""
        raise NotImplementedError("bound by the flow machine")  # pragma: no cover


# Told of every edge taken: (step, index of the edge in its ``next``, destination).
EdgeObserver = Callable[[str, int, str], None]


def machine_config(flow: Flow, initial: str, observer: EdgeObserver | None = None) -> dict[str, Any]:
    """The flow as transitions' dict configuration: steps are states, edges ``advance`` triggers."""
    transitions = [
        {"trigger": "advance", "source": step.name, "dest": edge.to,
         "conditions": [_condition(edge.when)] if edge.when else [],
         "after": [_told(observer, step.name, i, edge.to)] if observer else []}
        for step in flow.steps.values() for i, edge in enumerate(step.next)
    ]
    return {
        "states": list(flow.steps), "transitions": transitions, "initial": initial,
        "auto_transitions": False, "send_event": True, "ignore_invalid_triggers": False,
        # Only what Position declares is bound, so the model stays a plain typed class.
        "model_override": True,
    }


def position(flow: Flow, initial: str, observer: EdgeObserver | None = None) -> Position:
    """A fresh model placed at ``initial``, with the flow's machine bound to it."""
    model = Position()
    Machine(model=model, **machine_config(flow, initial, observer))
    return model


def _told(observer: EdgeObserver, source: str, index: int, dest: str) -> Callable[[Any], None]:
    def after(event: Any) -> None:
        observer(source, index, dest)

    return after


def _condition(expr: str) -> Callable[[Any], bool]:
    def check(event: Any) -> bool:
        return rules.evaluate(expr, event.kwargs["ctx"])

    return check


def edges(flow: Flow) -> dict[str, list[str]]:
    """Each step's successors: kept with a session so a resume after a flow edit can find its way."""
    return {step.name: [e.to for e in step.next] for step in flow.steps.values()}
