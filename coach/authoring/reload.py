"""Live reload: an edited flow swapped into a running conversation without losing it."""

from __future__ import annotations

import os
from pathlib import Path

from coach.conversation.engine import Conversation
from coach.conversation.message import Message
from coach.conversation.reloading import broken_flow_message
from coach.errors import FlowError
from coach.flow.spec import load_flow


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
        return [broken_flow_message(conv, e), *conv.reply(line)]
    if conv.current.name in flow.steps:
        return conv.reload(flow, reask=False) + conv.reply(line)
    return conv.reload(flow)
