"""Live reload: an edited flow swapped into a running conversation without losing it."""

from __future__ import annotations

import os
from collections import deque
from pathlib import Path

from coach.errors import FlowError
from coach.flow import Flow, load_flow
from coach.session import Conversation, Message


class FlowWatcher:
    """Notices when a flow file changes (mtime and size polling, checked between turns)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._seen = self._stamp()

    def _stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None  # mid-save (some editors remove then rename): try again next turn
        return (st.st_mtime_ns, st.st_size)

    def changed(self) -> bool:
        """True once per change of the file since the last call."""
        stamp = self._stamp()
        if stamp is None or stamp == self._seen:
            return False
        self._seen = stamp
        return True


def reload_from_disk(conv: Conversation) -> list[Message]:
    """Reload the conversation's flow file; on errors keep the running flow and list them."""
    try:
        flow = load_flow(conv.flow.path)
    except FlowError as e:
        return [_broken(conv, e)]
    return conv.reload(flow)


def _broken(conv: Conversation, e: FlowError) -> Message:
    errors = [p.render() for p in e.problems if p.level == "error"] or [str(e)]
    text = "(The edited flow has errors, so the previous version stays in use:\n" + "\n".join(errors) + ")"
    return Message(text=text, step=conv.current.name, phase=conv.current.phase, kind="rule")


def nearest_step(old: Flow, new: Flow, here: str) -> str:
    """Where to continue when step ``here`` is gone from the edited flow.

    A step that replaced it (new after one of its predecessors) first; otherwise the closest
    surviving step in the old flow, earlier steps before later ones, so nothing is skipped;
    otherwise the new flow's start.
    """
    preds: dict[str, list[str]] = {n: [] for n in old.steps}
    for s in old.steps.values():
        for e in s.next:
            preds.setdefault(e.to, []).append(s.name)
    for p in preds.get(here, []):
        if p in new.steps:
            fresh = [e.to for e in new.steps[p].next if e.to not in old.steps and e.to in new.steps]
            if fresh:
                return fresh[0]
    seen = {here}
    queue = deque([here])
    while queue:
        name = queue.popleft()
        succs = [e.to for e in old.steps[name].next] if name in old.steps else []
        for nxt in preds.get(name, []) + succs:
            if nxt in seen:
                continue
            if nxt in new.steps:
                return nxt
            seen.add(nxt)
            queue.append(nxt)
    return new.start


def watched_reply(conv: Conversation, watcher: FlowWatcher | None, line: str) -> list[Message]:
    """Reply to a line, first reloading the flow if its file changed since the last turn.

    If the current step survives the edit, the line answers it under the new flow; if it moved,
    the mentee sees the new question first and the line is not used as an answer to it.
    """
    if watcher is None or not watcher.changed() or line.strip().lower() == "/reload":
        return conv.reply(line)
    try:
        flow = load_flow(conv.flow.path)
    except FlowError as e:
        return [_broken(conv, e), *conv.reply(line)]
    if conv.current.name in flow.steps:
        return conv.reload(flow, reask=False) + conv.reply(line)
    return conv.reload(flow)
