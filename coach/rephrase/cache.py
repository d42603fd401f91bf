"""Rewordings of question frames, made once and reused; topped up in the background.

A frame ("You said [X]. What makes that important to you?") is the same on every turn that
asks it, so its rewordings can be generated while the mentee is reading or typing. Each turn
then only fills in the mentee's words and runs the guard on the finished question.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

# Enough rewordings per frame that a ladder never shows the same words twice in a row, and a
# few spare for when one fails the guard with a particular answer filled in.
TARGET = 4
# Attempts per frame before the background gives up on it (a frame the model cannot reword).
MAX_ATTEMPTS = 10


@dataclass
class _Entry:
    accepted: list[str] = field(default_factory=list)
    attempts: int = 0
    last_shown: str | None = None


class VariantCache:
    """Accepted rewordings per frame text; thread-safe; remembers what each frame showed last."""

    def __init__(self, seed: int | None = None) -> None:
        self._entries: dict[str, _Entry] = {}
        self._order: list[str] = []
        self._lock = threading.Lock()
        self._rng = random.Random(seed)

    def register(self, frames: Iterable[str]) -> None:
        """Frames worth preparing, in the order they are likely to be asked."""
        with self._lock:
            for text in frames:
                if text not in self._entries:
                    self._entries[text] = _Entry()
                    self._order.append(text)

    def candidates(self, frame: str) -> list[str]:
        """Accepted rewordings of ``frame`` in random order, never the one it showed last."""
        with self._lock:
            entry = self._entries.get(frame)
            if entry is None:
                return []
            out = [v for v in entry.accepted if v != entry.last_shown]
        self._rng.shuffle(out)
        return out

    def add(self, frame: str, reworded: str | None) -> None:
        """Count one attempt at ``frame``; keep ``reworded`` if it was accepted (None if not)."""
        with self._lock:
            entry = self._entries.get(frame)
            if entry is None:
                entry = self._entries[frame] = _Entry()
                self._order.append(frame)
            entry.attempts += 1
            if reworded is not None and reworded not in entry.accepted:
                entry.accepted.append(reworded)

    def shown(self, frame: str, reworded: str | None) -> None:
        """Record what ``frame`` was last shown as (None: its own wording)."""
        with self._lock:
            entry = self._entries.setdefault(frame, _Entry())
            entry.last_shown = reworded

    def next_to_fill(self) -> str | None:
        """The frame with the fewest rewordings (then attempts), earliest registered first.

        Every frame gets one before any gets a second, so a mentee moving through the flow
        meets rewordings early; frames short of TARGET keep going until MAX_ATTEMPTS.
        """
        with self._lock:
            open_ = [(len(e.accepted), e.attempts, i, t) for i, t in enumerate(self._order)
                     if len((e := self._entries[t]).accepted) < TARGET and e.attempts < MAX_ATTEMPTS]
        return min(open_)[3] if open_ else None

    def hopeless(self, frame: str) -> bool:
        """True once a frame has had MAX_ATTEMPTS and none passed: asking the model again live
        would only add the deadline to the mentee's wait."""
        with self._lock:
            entry = self._entries.get(frame)
            return entry is not None and not entry.accepted and entry.attempts >= MAX_ATTEMPTS

    def stats(self) -> dict[str, tuple[int, int]]:
        """Frame -> (accepted, attempts): what the benchmark reports."""
        with self._lock:
            return {t: (len(e.accepted), e.attempts) for t, e in self._entries.items()}


class Filler:
    """A daemon thread that tops up the cache one generation at a time, yielding to live turns.

    ``generate(frame)`` makes one attempt and returns the accepted rewording or None; it must
    give up promptly (BackendError) when ``busy`` is set, which a live turn does.
    """

    def __init__(self, cache: VariantCache, generate: Callable[[str], str | None],
                 ready: Callable[[], bool], delay: float = 0.0) -> None:
        self.cache = cache
        self.delay = delay
        self.generate = generate
        self.ready = ready
        self.busy = threading.Event()  # set while a live turn needs the model
        self.idle = threading.Event()  # set when there is nothing left to fill
        self._wake = threading.Event()
        self._stop = False
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="coach-rewordings", daemon=True)
        self._thread.start()

    def poke(self) -> None:
        """New frames were registered, or a live turn finished: look for work again."""
        self.idle.clear()
        self._wake.set()

    def stop(self) -> None:
        """Stop after the current attempt."""
        self._stop = True
        self._stopped.set()
        self._wake.set()

    def close(self, timeout: float = 2.0) -> None:
        """Call off the current attempt and wait for the thread to end (the chat is closing)."""
        self.busy.set()  # generate() gives up at once when busy is set
        self.stop()
        self._thread.join(timeout)

    def _run(self) -> None:
        # Both cores go to generation once it starts; let the chat show its first question first.
        if self._stopped.wait(self.delay):
            return
        while not self._stop:
            frame = self.cache.next_to_fill() if self.ready() else None
            if frame is None or self.busy.is_set():
                if frame is None and self.ready():
                    self.idle.set()
                self._wake.wait(0.2)
                self._wake.clear()
                continue
            try:
                reworded = self.generate(frame)
            except Exception:  # cancelled or failed: count it, move on
                if self.busy.is_set():
                    continue  # a live turn took the model; not this frame's fault
                reworded = None
            self.cache.add(frame, reworded)
