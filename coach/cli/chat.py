"""`coach chat`: pick the flow, the session and the front end, then run the conversation."""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from coach.conversation.engine import Conversation
from coach.errors import NotFound, UsageError
from coach.flow.spec import load_flow
from coach.home import default_db, mentee_name
from coach.rephrase.protocol import Rephraser
from coach.resources import default_flow
from coach.store.database import Store


@dataclass
class ChatOptions:
    """Everything `coach chat` can be told."""

    flow_path: Path | None = None
    db_path: Path | None = None
    mentee: str | None = None
    resume: str | None = None
    jsonl: bool = False
    no_llm: bool = False
    model_path: Path | None = None
    backend: str = "llama"
    base_url: str | None = None
    seed: int | None = None
    watch: bool = False


def open_conversation(opts: ChatOptions, rephraser: Rephraser | None = None) -> Conversation:
    """Load the flow and the store, then start a new session or resume one."""
    mentee = (opts.mentee or mentee_name()).strip()
    if not mentee:
        raise UsageError("--mentee cannot be empty")
    # A broken flow fails before anything is written.
    flow = load_flow(opts.flow_path) if opts.flow_path else None
    store = Store.open(opts.db_path or default_db())
    _apply_retention(store)
    if opts.resume is None:
        paused = store.latest_resumable(mentee)
        conv = Conversation.start(flow or load_flow(default_flow()), store, mentee, rephraser)
        store.hold_session(conv.id)
        if paused is not None:  # round 37: a mentee back after /pause thought their answers were lost
            sys.stderr.write(f"You paused conversation {paused} last time; coach chat --resume {paused} carries on "
                             "from there. This is a new conversation.\n")
        return conv
    if opts.resume == "latest":
        sid = store.latest_resumable(mentee)
        if sid is None:
            raise NotFound(f"no paused session for {mentee}; start one with: coach chat")
    else:
        try:
            sid = int(opts.resume)
        except ValueError:
            raise UsageError(f"--resume takes a session id (a number), not {opts.resume!r}") from None
    store.hold_session(sid)  # one chat per session, refused before anything is written
    try:
        if flow is None:
            # Resume with the flow the session was held with, if it is still there.
            held = Path(store.session(sid)["flow_path"])
            flow = load_flow(held if held.exists() else default_flow())
        return Conversation.resume(flow, store, sid, rephraser)
    except BaseException:
        store.release_sessions()
        raise


def run_chat(opts: ChatOptions) -> str:
    """Run a whole conversation on stdin/stdout; return its final status."""
    from coach.cli import repl

    # Ctrl-C and SIGTERM pause and save from the very start, not only once the front end runs.
    repl.install_sigterm()
    rephraser: Rephraser | None = None
    conv: Conversation | None = None
    try:
        rephraser = None if opts.no_llm or os.environ.get("COACH_REPHRASE") == "off" else _rephraser(opts)
        conv = open_conversation(opts, rephraser)
        return _front_end(opts, conv)
    except (KeyboardInterrupt, repl.Terminate):  # before the front end took over
        if conv is None:
            return "paused"
        conv.pause()
        return conv.status
    finally:
        if rephraser is not None:
            _close_quietly(rephraser)
        if conv is not None:
            conv.store.release_sessions()  # another chat may open this session now


def _front_end(opts: ChatOptions, conv: Conversation) -> str:
    from coach.cli import repl

    def out(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    def opened() -> None:
        # Rewordings are prepared for this conversation's flow (after --resume, the one it was
        # held with); the model worker starts now, so it never slows the first question.
        conv.rephraser.prepare_flow(conv.flow)

    if opts.jsonl:
        return repl.run_jsonl(conv, sys.stdin.buffer, out, watch=opts.watch, opened=opened)
    if sys.stdin.isatty() and sys.stdout.isatty():
        return repl.run_terminal(conv, watch=opts.watch, opened=opened)
    return repl.run_plain(conv, sys.stdin.buffer, out, watch=opts.watch, opened=opened)


def _close_quietly(rephraser: Rephraser) -> None:
    """Stop background rewording and the model worker; a second Ctrl-C or SIGTERM cannot cut it short
    (it takes at most a couple of seconds, and the conversation is already saved)."""
    previous = [(s, signal.signal(s, signal.SIG_IGN)) for s in (signal.SIGINT, signal.SIGTERM)]
    try:
        rephraser.close()
    finally:
        for sig, handler in previous:
            signal.signal(sig, handler)


def _rephraser(opts: ChatOptions) -> Rephraser | None:
    """The model-backed rephraser, or None (with one line on stderr) when no model can be used."""
    # lazily: --no-llm and most commands never touch the model code
    from coach.rephrase.rephraser import build_rephraser

    return build_rephraser(opts)


def _apply_retention(store: Store) -> None:
    """Purge sessions past the mentee's retention period before anything else, and say so."""
    from coach.share import retention
    purged = retention.purge(store)
    if purged:
        sys.stderr.write(retention.notice(purged, retention.get_days(store)) + "\n")
        sys.stderr.flush()
