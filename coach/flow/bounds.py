"""Limits a flow must keep: how many steps, and no run of steps that never waits for the mentee.

A step without ``ask`` (and without ``end``) is passed straight through: the coach says its
text and moves on. Steps like that forming a loop would talk forever, and a long chain of them
is a wall of text; both are refused here, before a mentee sees the flow. Every walk keeps its
own stack or queue, so a large flow costs memory, never Python recursion.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from coach.errors import Problem
from coach.yaml_lines import position

MAX_STEPS = 500  # the default flow has 27
MAX_SAY_RUN = 20  # steps in a row that say something and ask nothing


def size_problems(doc: dict[str, Any], steps: dict[str, Any], name: str) -> list[Problem]:
    """More steps than a flow may have (checked first: nothing else is worth walking then)."""
    if len(steps) <= MAX_STEPS:
        return []
    line, col = position(doc, "steps")
    return [
        Problem(name, line, col, "error", f"the flow has {len(steps):,} steps; at most {MAX_STEPS} are allowed",
                "split it into several flows")
    ]


def loop_problems(steps: dict[str, Any], graph: dict[str, list[str]], name: str) -> list[Problem]:
    """A loop of steps that ask nothing, or too long a run of them."""
    through = {n for n, node in steps.items() if "ask" not in node and "end" not in node}
    succ = {n: [t for t in graph.get(n, []) if t in through] for n in through}
    pred: dict[str, list[str]] = {n: [] for n in through}
    for src, targets in succ.items():
        for t in targets:
            pred[t].append(src)
    # Kahn's algorithm: what is left over lies on, or after, a loop.
    indegree = {n: len(pred[n]) for n in through}
    queue = deque(sorted((n for n in through if indegree[n] == 0), key=lambda n: position(steps, n)))
    order: list[str] = []
    while queue:
        n = queue.popleft()
        order.append(n)
        for t in succ[n]:
            indegree[t] -= 1
            if indegree[t] == 0:
                queue.append(t)
    left = through - set(order)
    if left:
        return [_loop_problem(_a_loop(left, pred), steps, name)]
    run: dict[str, int] = {}
    for n in order:
        run[n] = 1 + max((run[p] for p in pred[n]), default=0)
        if run[n] > MAX_SAY_RUN:
            line, col = position(steps, n)
            return [
                Problem(name, line, col, "error",
                        f"step '{n}' ends a run of {run[n]} steps that ask nothing (at most {MAX_SAY_RUN} in a row)",
                        "put a question (ask:) in between, or say it in fewer steps")
            ]
    return []


def _a_loop(left: set[str], pred: dict[str, list[str]]) -> list[str]:
    """One loop among ``left``: walking back, every left-over step has a left-over predecessor."""
    n = min(left)
    seen: dict[str, int] = {}
    path: list[str] = []
    while n not in seen:
        seen[n] = len(path)
        path.append(n)
        n = min(p for p in pred[n] if p in left)
    return list(reversed(path[seen[n]:]))


def _loop_problem(loop: list[str], steps: dict[str, Any], name: str) -> Problem:
    first = min(loop, key=lambda n: position(steps, n))
    i = loop.index(first)
    loop = loop[i:] + loop[:i]
    line, col = position(steps, first)
    shown = " -> ".join(f"'{n}'" for n in [*loop, first])
    return Problem(name, line, col, "error", f"steps {shown} form a loop that asks nothing: the coach would talk "
                   "forever", "give one of them an ask:, or an exit to a step that asks")
