"""Front ends for a conversation: a terminal REPL, plain piped lines, and a JSON-lines protocol."""

from __future__ import annotations

import contextlib
import signal
import textwrap
from collections.abc import Callable
from typing import IO, Any

from coach.authoring.reload import FlowWatcher, watched_reply
from coach.conversation.engine import Conversation
from coach.conversation.message import Message
from coach.errors import CoachError
from coach.terminal import json_text, printable

BAD_UTF8 = "That line wasn't valid text (UTF-8), so I couldn't read it. Could you type it again?"


class Terminate(Exception):
    """SIGTERM: pause and save, like Ctrl-C."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise Terminate


def install_sigterm() -> None:
    """Make SIGTERM pause and save the conversation (raised as Terminate in the main thread)."""
    with contextlib.suppress(ValueError):  # not the main thread (e.g. some test runners)
        signal.signal(signal.SIGTERM, _on_sigterm)


def notices(conv: Conversation) -> list[str]:
    """Lines for the mentee from the rephraser (rewording has gone off for now), each shown once."""
    return [printable(n) for n in conv.rephraser.notices()]


def run_jsonl(
    conv: Conversation, stdin: IO[bytes], out: Callable[[str], None], watch: bool = False,
    opened: Callable[[], None] | None = None,
) -> str:
    """One JSON object per coach message; one answer per input line. Returns the final status.
    ``opened`` is called once the opening messages are out (background work starts then)."""
    watcher = _watcher(conv, watch)

    def emit(obj: dict[str, Any]) -> None:
        out(json_text(obj, indent=None))

    def say(msgs: list[Message]) -> None:
        for text in notices(conv):
            emit({"type": "notice", "text": text})
        for m in msgs:
            emit({"type": "coach", "text": m.text, "phase": m.phase, "step": m.step, "kind": m.kind,
                  "canonical": m.canonical, "rephrased": m.rephrased})

    install_sigterm()
    try:
        emit({"type": "session", "id": conv.id, "mentee": conv.mentee, "flow": conv.flow.name})
        say(conv.open())
        _opened(opened)
        while not conv.finished:
            emit({"type": "await", "step": conv.current.name, "phase": conv.current.phase})
            line = _next(stdin)
            if line is StopIteration:
                conv.pause()
                break
            if line is None:
                emit({"type": "error", "text": BAD_UTF8})
                continue
            say(_reply_safely(conv, watcher, str(line)))
    except (KeyboardInterrupt, Terminate):
        conv.pause()
    emit({"type": "end", "status": conv.status, "id": conv.id})
    return conv.status


def _opened(opened: Callable[[], None] | None) -> None:
    if opened is not None:
        opened()


def _watcher(conv: Conversation, watch: bool) -> FlowWatcher | None:
    """With --watch, notice edits to the flow file between turns."""
    return FlowWatcher(conv.flow.path) if watch else None


def _next(stdin: IO[bytes]) -> Any:
    """The next answer line; None if it is not valid UTF-8; StopIteration at end of input."""
    raw = stdin.readline()
    if not raw:
        return StopIteration
    line = raw.rstrip(b"\n").rstrip(b"\r")
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _format(m: Message, width: int = 78) -> str:
    text = printable(m.text)
    paragraphs = [textwrap.fill(p, width=width) if len(p) < 10_000 else p for p in text.split("\n")]
    return "\n".join(paragraphs)


def _reply_safely(conv: Conversation, watcher: FlowWatcher | None, line: str) -> list[Message]:
    """The coach's reply; a fault of the coach's own (a bug, never the mentee's input) pauses the conversation with
    everything typed already saved, and says so in one line, never a traceback."""
    try:
        return watched_reply(conv, watcher, line)
    except CoachError:
        raise
    except Exception as e:  # any bug: the mentee's words are stored before the coach reads them
        if conv.status == "active":
            conv.pause()
        step = conv.current
        return [Message(f"Sorry, something went wrong on my side ({type(e).__name__}). Everything you typed is "
                        f"saved, and the conversation is paused: carry on with coach chat --resume {conv.id}",
                        step.name, step.phase, kind="rule")]


def _goodbye(conv: Conversation, told: bool = False) -> str:
    """The last line; a pause the coach has just confirmed with how to come back is not said twice."""
    if conv.status == "paused" and told:
        return ""
    if conv.status == "paused":
        return f"(Paused and saved. Continue with: coach chat --resume {conv.id})"
    if conv.status == "completed":
        return f"(Conversation {conv.id} finished and saved. See it with: coach show {conv.id})"
    return f"(Conversation {conv.id} {conv.status}.)"


def run_plain(
    conv: Conversation, stdin: IO[bytes], out: Callable[[str], None], watch: bool = False,
    opened: Callable[[], None] | None = None,
) -> str:
    """Human-readable output, answers read one per line from a pipe."""
    watcher = _watcher(conv, watch)
    install_sigterm()

    told: list[bool] = [False]

    def say(msgs: list[Message]) -> None:
        for text in notices(conv):
            out(text + "\n")
        for m in msgs:
            out(_format(m) + "\n")
        told[0] = any("--resume" in m.text for m in msgs)

    try:
        say(conv.open())
        _opened(opened)
        while not conv.finished:
            line = _next(stdin)
            if line is StopIteration:
                conv.pause()
                break
            if line is None:
                out(BAD_UTF8 + "\n")
                continue
            out(f"> {printable(str(line))[:200]}")
            say(_reply_safely(conv, watcher, str(line)))
    except (KeyboardInterrupt, Terminate):
        conv.pause()
    if goodbye := _goodbye(conv, told[0]):
        out(goodbye)
    return conv.status


def run_terminal(conv: Conversation, watch: bool = False, opened: Callable[[], None] | None = None) -> str:
    """The interactive REPL: line editing and in-session history (prompt_toolkit)."""
    watcher = _watcher(conv, watch)
    from prompt_toolkit import PromptSession, print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText
    from prompt_toolkit.history import InMemoryHistory

    # History stays in memory: a history file would keep answers after `coach delete`.
    session: PromptSession[str] = PromptSession(history=InMemoryHistory())

    told: list[bool] = [False]

    def show(msgs: list[Message]) -> None:
        told[0] = any("--resume" in m.text for m in msgs)
        for text in notices(conv):
            print_formatted_text(FormattedText([("italic", text)]))
            print_formatted_text("")
        for m in msgs:
            style = "bold" if m.kind == "ask" else ("italic" if m.kind == "rule" else "")
            print_formatted_text(FormattedText([(style, _format(m))]))
            print_formatted_text("")

    install_sigterm()
    try:
        show(conv.open())
        _opened(opened)
        while not conv.finished:
            try:
                line = session.prompt("you> ")
            except (EOFError, KeyboardInterrupt):
                conv.pause()
                break
            show(_reply_safely(conv, watcher, line))
    except (KeyboardInterrupt, Terminate):
        conv.pause()
    if goodbye := _goodbye(conv, told[0]):
        print_formatted_text(goodbye)
    return conv.status
