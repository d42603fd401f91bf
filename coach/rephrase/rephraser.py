"""The guarded rephraser: the model rewords a question's frame, the guard checks the result.

Per turn: the question's frame (the flow's wording with the mentee's words cut out as slots,
see coach.rephrase.frame) is looked up among rewordings made earlier; the first that passes the guard
with this turn's words filled in is shown. Only if none does is the model asked, live, within
the deadline. Whatever is shown passed the guard on the finished text; anything else falls
back to the flow's own wording, with the reasons recorded.
"""

from __future__ import annotations

import random
import re
import sys
import threading
import time
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import jinja2

from coach.errors import ModelError, UsageError
from coach.flow.spec import Flow
from coach.guard.check import check
from coach.guard.text import _words
from coach.rephrase.backends import (
    DEADLINE_S,
    MAX_TOKENS,
    PROMPT,
    TEMPERATURE,
    Backend,
    BackendError,
    Request,
)
from coach.rephrase.cache import MAX_ATTEMPTS, Filler, VariantCache
from coach.rephrase.choice import build_backend
from coach.rephrase.frame import (
    MARKERS,
    Frame,
    flow_frames,
    grammar,
    join_tail,
    keeps_lead_ins,
    opener_of,
    openings,
    plain,
    split_tail,
)
from coach.rephrase.protocol import Rephraser, Rephrasing
from coach.resources import prompts_dir

if TYPE_CHECKING:
    from coach.flow.spec import Flow

# Background rewordings have no mentee waiting on them: a longer deadline and a little more
# temperature for variety (every one still has to pass the guard).
BACKGROUND_DEADLINE_S = 2.0
BACKGROUND_TEMPERATURE = 0.7
# Words a rewording may not add, as the guard would refuse them: the coach speaking as "I"
# ("what drives all this for me?") and "you'd rather" for "you'd happily" (leading).
NEVER_ADDED = ("i", "me", "my", "mine", "myself", "rather")
# `coach chat` starts rewording this long after start-up: the first question comes first.
START_DELAY_S = 1.0
# What a slot holds while a rewording is checked in the background, before any real answer.
STAND_INS = ("you want more say in how things are done", "your manager's", "the work", "your team")


def prompt_messages(
    canonical: str, keep: list[str], context: str | None, template: str = PROMPT
) -> list[dict[str, str]]:
    """Render ``prompts/<template>`` into chat messages (few-shot; the varying part last)."""
    text = prompt_template(template).render(question=canonical, keep=keep, context=_clip(context))
    parts = _ROLE.split(text)[1:]  # [role, content, role, content, ...]
    return [{"role": r, "content": c.strip()} for r, c in zip(parts[::2], parts[1::2], strict=True)]


@lru_cache(maxsize=8)
def prompt_template(name: str) -> jinja2.Template:
    """``prompts/<name>``, read and compiled once per process."""
    from coach.flow.template import ENV

    return ENV.from_string((prompts_dir() / name).read_text(encoding="utf-8"))


_ROLE = re.compile(r"^### (system|user|assistant)[ \t]*$", re.MULTILINE)


def _clip(context: str | None, limit: int = 240) -> str:
    """The mentee's last answer, one line, cut to a length that keeps the prompt short."""
    text = " ".join((context or "").split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " ..."


def clean_reply(text: str) -> str:
    """The model's reply as one line, without wrapping quotes or a leading label."""
    line = " ".join(text.strip().splitlines()[0].split()) if text.strip() else ""
    for label in ("Rephrased:", "Question:", "Reworded:", "Coach:"):
        if line.startswith(label):
            line = line[len(label):].strip()
    return line.strip(" \"'")


class GuardedRephraser:
    """Shows a guarded rewording of the flow's question, or the flow's own wording and why."""

    def __init__(
        self, backend: Backend, seed: int | None = None, deadline_s: float = DEADLINE_S,
        temperature: float = TEMPERATURE, max_tokens: int = MAX_TOKENS, cache: bool = True,
        background: bool = False, prompt: str = PROMPT, skip_when_slow: bool = True,
    ) -> None:
        self.backend = backend
        self.seed = seed
        self.deadline_s = deadline_s
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.use_cache = cache
        # Rewording frames in a background thread while the mentee types (coach chat turns it on).
        self.background = background and cache
        self.prompt = prompt
        self.cache = VariantCache(seed)
        self.filler: Filler | None = None
        self.generations: list[tuple[str, bool]] = []  # (frame, accepted): every model output
        self._keep: dict[str, tuple[str, ...]] = {}
        self._rng = random.Random(seed)
        self._last_opener: str | None = None  # of the question shown last: the next opens otherwise
        self._seed_lock = threading.Lock()
        self._closing = threading.Event()
        self._slow_turns = 0  # live turns that found the model slower than the deadline
        self.skip_when_slow = skip_when_slow  # off: every live turn asks the model (benchmarks)
        self._frame_threads: list[threading.Thread] = []

    # --- per turn -----------------------------------------------------------------------

    def rephrase(
        self, canonical: str, keep: list[str], context: str | None, frame: Frame | None = None
    ) -> Rephrasing:
        """A guarded rewording of ``canonical``, or ``canonical`` itself with the reasons why."""
        frame = frame if frame is not None else plain(canonical)
        last, self._last_opener = self._last_opener, None  # set again by _shown if one is shown
        if frame.mentee_words or frame.fill(frame.text) != canonical:
            # The mentee's words could not be cut out as slots: they never go into a prompt.
            self.cache.shown(frame.text, None)
            reason = "no rephrasing: the mentee's words could not be kept out of the prompt"
            return Rephrasing(canonical, False, None, [reason], getattr(self.backend, "sha256", None), self.prompt)
        shown = self._rephrase(canonical, keep, context, frame, last)
        if not shown.rephrased:
            self.cache.shown(frame.text, None)  # the flow's words were shown: any rewording may follow
        return shown

    def _rephrase(
        self, canonical: str, keep: list[str], context: str | None, frame: Frame, last: str | None
    ) -> Rephrasing:
        """``rephrase``; ``last`` is the opener of the question shown before, not to be used twice."""
        sha = getattr(self.backend, "sha256", None)
        if self.use_cache:
            self._remember(frame.text, keep)
            for reworded in self.cache.candidates(frame.text):
                if last is not None and opener_of(reworded) == last:
                    continue  # "Can you tell me ...?" twice in a row sounds as mechanical as no rewording
                text = frame.fill(reworded)
                if text and not _same(text, canonical) and check(text, canonical, keep, context).ok:
                    return self._shown(frame, reworded, text, sha)
        if self.use_cache and self.cache.hopeless(frame.text):
            reason = f"no rephrasing: none of {MAX_ATTEMPTS} rewordings of this question passed the guard"
            return Rephrasing(canonical, False, None, [reason], sha, self.prompt)
        head = split_tail(frame)[0]
        if self._starts(head, None) and not self._starts(head, last):
            # Its only opener opened the question before: the flow's words read better than either.
            reason = "no rephrasing: the opener this question takes opened the question before"
            return Rephrasing(canonical, False, None, [reason], sha, self.prompt)
        if self._too_slow():
            # Waiting would only add the deadline to the turn, and calling off the background
            # would lose rewordings it is making for later turns.
            reason = "no rephrasing: the model is slower than the deadline on this machine right now"
            return Rephrasing(canonical, False, None, [reason], sha, self.prompt)
        busy = self.filler.busy if self.filler else None
        if busy is not None:
            busy.set()
        try:
            reworded = self._generate(frame, keep, time.monotonic() + self.deadline_s, self.temperature,
                                      strict=False, avoid=last)
        except BackendError as e:
            return Rephrasing(canonical, False, None, [f"no rephrasing: {e}"], sha, self.prompt)
        finally:
            if busy is not None and self.filler is not None:
                busy.clear()
                self.filler.poke()
        sha = getattr(self.backend, "sha256", sha)
        text = frame.fill(reworded) if keeps_lead_ins(frame, reworded) else None
        if text is None:
            self._count(frame.text, None)
            reasons = [f"does not keep the mentee's words once, after their lead-in: {reworded!r}"]
            return Rephrasing(canonical, False, False, reasons, sha, self.prompt)
        if _same(text, canonical):
            self._count(frame.text, None)
            return Rephrasing(canonical, False, True, ["verbatim copy"], sha, self.prompt)
        verdict = check(text, original=canonical, keep=keep, context=context)
        self._count(frame.text, reworded if verdict.ok else None)
        if not verdict.ok:
            return Rephrasing(canonical, False, False, [*verdict.reasons, f"rejected: {text!r}"], sha,
                              self.prompt)
        return self._shown(frame, reworded, text, sha)

    def _too_slow(self) -> bool:
        """True when none of the model's last few generations (at least 3) came within the deadline;
        every fourth such turn asks anyway, so a machine that has calmed down is noticed."""
        recent = getattr(self.backend, "recent_ms", None)
        ms = list(recent()) if callable(recent) and self.skip_when_slow else []
        if len(ms) < 3 or min(ms) <= self.deadline_s * 1000:
            return False
        self._slow_turns += 1
        return self._slow_turns % 4 != 0

    def _shown(self, frame: Frame, reworded: str, text: str, sha: str | None) -> Rephrasing:
        """Show ``text``, the rewording ``reworded`` of ``frame`` filled in; remember its opener
        (read from the frame's rewording: the mentee's words may say anything)."""
        self.cache.shown(frame.text, reworded)
        self._last_opener = opener_of(reworded)
        return Rephrasing(text, True, True, [], sha, self.prompt)

    # --- preparing rewordings in the background ---------------------------------------------

    def prepare(self, frames: Iterable[tuple[str, tuple[str, ...]]], delay: float = 0.0) -> None:
        """Reword these frames (text, fixed keep-terms) in the background, in order, once the model is up."""
        if not self.use_cache:
            return
        frames = list(frames)
        for text, keep in frames:
            self._keep.setdefault(text, keep)
        self.cache.register(text for text, _ in frames)
        if not self.background:
            return
        if self.filler is None and not self._closing.is_set():
            self.filler = Filler(self.cache, self._attempt, self._ready, delay)
        if self.filler is None:
            return
        self.filler.poke()

    def prepare_flow(self, flow: Flow) -> None:
        """Prepare rewordings of every rephrasable question of ``flow`` (this object: after a
        resume or a reload it is the flow the conversation runs), off the start-up path."""
        start = getattr(self.backend, "start", None)
        if callable(start):  # a model worker not started yet starts now
            start()
        if not self.use_cache:
            return
        if not self.background:
            self.prepare(flow_frames(flow))
            return
        delay = 0.0 if self._frame_threads else START_DELAY_S

        def load() -> None:
            if self._closing.wait(delay):  # the first question comes first
                return
            try:
                self.prepare(flow_frames(flow))
            except Exception:  # a frame that cannot be worked out is only not prepared
                return

        thread = threading.Thread(target=load, name="coach-frames", daemon=True)
        self._frame_threads.append(thread)
        thread.start()

    def notices(self) -> list[str]:
        """Lines for the mentee not shown yet (rewording has gone off for now)."""
        pending = getattr(self.backend, "notices", None)
        return list(pending()) if callable(pending) else []

    def close(self) -> None:
        """Call off and join the background work, then stop the model worker (the chat is ending)."""
        self._closing.set()
        for thread in self._frame_threads:
            thread.join(2.0)
        if self.filler is not None:
            self.filler.close()
        stop = getattr(self.backend, "close", None)
        if callable(stop):
            stop()

    def _ready(self) -> bool:
        ready = getattr(self.backend, "ready", None)
        return ready.is_set() if isinstance(ready, threading.Event) else True

    def _attempt(self, frame_text: str) -> str | None:
        """One background rewording of a frame, checked with stand-ins in its slots."""
        n = sum(m in frame_text for m in MARKERS)
        frame = Frame(frame_text, STAND_INS[:n])
        keep = list(self._keep.get(frame_text, ()))
        cancel = self.filler.busy if self.filler else None
        reworded = self._generate(frame, keep, time.monotonic() + BACKGROUND_DEADLINE_S,
                                  BACKGROUND_TEMPERATURE, cancel)
        canonical = frame.fill(frame.text) or frame.text
        text = frame.fill(reworded) if keeps_lead_ins(frame, reworded) else None
        ok = text is not None and not _same(text, canonical) and check(text, canonical, keep).ok
        self.generations.append((frame_text, ok))
        return reworded if ok else None

    def _generate(
        self, frame: Frame, keep: list[str], deadline: float, temperature: float,
        cancel: threading.Event | None = None, strict: bool = True, avoid: str | None = None,
    ) -> str:
        """One rewording of the frame. A backend that can continue a started reply is given one
        of the frame's openings (not the opener ``avoid``, the one the question before used).
        ``strict`` decodes an unstarted reply under the frame's grammar; a live turn does not:
        grammar-constrained sampling is 2-3 times slower per character with this model and
        missed the deadline a third of the time, for no better acceptance. The same conditions
        (each slot once, with its lead-in; keep-terms) are checked on the reply."""
        head, tail = split_tail(frame)
        starts = self._starts(head, avoid)
        with self._seed_lock:
            # A fixed --seed makes a whole conversation reproducible, yet each call still differs.
            seed = self._rng.randrange(2**31) if self.seed is not None else None
            prefix = self._rng.choice(starts) if starts else ""
        keep = [k for k in keep if k.lower() in head.text.lower()]
        # A started reply is not decoded under the frame's grammar: it has put the slots it
        # holds in place already, and the checks on the reply below still apply.
        request = Request(
            messages=prompt_messages(head.text, [], None, self.prompt), max_tokens=self.max_tokens,
            temperature=temperature, seed=seed,
            grammar=grammar(head, keep) if strict and not prefix else None, deadline=deadline,
            cancel=cancel, prefix=prefix, avoid=_placed(NEVER_ADDED, head.text, prefix),
        )
        reply = clean_reply(self.backend.complete(request))
        # A reply cut off before its "?" gets no tail: the guard refuses it as it is.
        return join_tail(reply, tail) if reply.endswith("?") else reply

    def _starts(self, head: Frame, avoid: str | None) -> list[str]:
        """The openings the model may be started with for ``head``: none unless the backend can
        continue a started reply, and none with the opener ``avoid``."""
        if not self.backend.prefills:
            return []
        return [s for s in openings(head) if avoid is None or opener_of(s) != avoid]

    def _remember(self, frame_text: str, keep: list[str]) -> None:
        """A frame asked live is worth topping up too (with its fixed keep-terms)."""
        if frame_text not in self._keep:
            self.prepare([(frame_text, tuple(k for k in keep if k in frame_text))])

    def _count(self, frame_text: str, reworded: str | None) -> None:
        self.generations.append((frame_text, reworded is not None))
        self.cache.add(frame_text, reworded)


def _placed(words: tuple[str, ...], question: str, prefix: str) -> tuple[str, ...]:
    """Those of ``words`` the reply has no more of to say: as many of the question's own in
    ``prefix`` as in ``question`` (the "me" of "Can you tell me" is the opener's, not the question's)."""
    opener = opener_of(prefix)
    own = re.sub(re.escape(opener), "", prefix, flags=re.IGNORECASE) if opener else prefix
    asked, said = _words(question), _words(own)
    return tuple(w for w in words if said.count(w) >= asked.count(w))


def _same(a: str, b: str) -> bool:
    """The same words, contractions aside: "what it is like" is not a rewording of "what it's like"."""
    return _spelt_out(a) == _spelt_out(b)


_CONTRACTIONS = {"'s": "is", "'re": "are", "'ve": "have", "'d": "would", "'ll": "will", "'m": "am"}
_PRONOUN_IS = {"it", "that", "what", "there", "here", "who", "he", "she", "where", "how"}


def _spelt_out(text: str) -> list[str]:
    out: list[str] = []
    for word in _words(text):
        head, _, tail = word.partition("'")
        if tail and (f"'{tail}" != "'s" or head in _PRONOUN_IS) and f"'{tail}" in _CONTRACTIONS:
            out += [head, _CONTRACTIONS[f"'{tail}"]]
        else:
            out.append(word)
    return out


def build_rephraser(opts: Any) -> Rephraser | None:
    """The guarded rephraser for `coach chat`, or None (after one stderr line) if no model works."""
    try:
        backend = build_backend(opts)
    except UsageError:
        raise
    except ModelError as e:
        sys.stderr.write(f"coach: {e}; using the flow's own wording\n")
        sys.stderr.flush()
        return None
    return GuardedRephraser(backend, seed=getattr(opts, "seed", None), background=True)
