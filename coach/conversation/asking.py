"""Moving through the flow: entering steps, saying what they say, deciding the next question.

The question is only decided here (its wording from the flow, rotating through the step's
variants); it is reworded by the model after the turn has been stored (see the engine).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coach.conversation.machine import Position, edges
from coach.conversation.message import Message
from coach.conversation.state import LastQuestion, SessionState
from coach.errors import CoachError
from coach.flow.spec import Flow, Step
from coach.flow.template import MissingValue
from coach.home import addressed
from coach.listening import rules
from coach.listening.chain import goal_phrase, reason
from coach.listening.hedged import play_back_hedged
from coach.listening.jobs import works_alone
from coach.listening.listed import listed_back
from coach.listening.playback import play_back
from coach.listening.returning import news_in
from coach.rephrase.protocol import Rephraser, Rephrasing, Verbatim
from coach.store.database import Store

if TYPE_CHECKING:
    from coach.conversation.words import Provenance


# Doubt said with an answer: "maybe ... not sure yet", "perhaps ..., but I am still not sure I want to" (round 29).
# "maybe training new starters, or health and safety, not sure" (round 63 said back "So: training new starters, or
# health and safety."): words held loosely, said back as a maybe
_TENTATIVE = re.compile(r"(?i)\b(?:maybe|perhaps|possibly|probably|prob|might|not (?:so |too |really |totally )?sure|"
                        r"unsure|kind of|kinda|sort of)\b")
_LOOSE = re.compile(r"(?i)\b(?:maybe|perhaps|possibly|probably|might|not sure|or)\b")  # the playback keeps it loose
_UNSURE = re.compile(r"(?i)\b(?:not (?:so |too |really |totally |completely )?sure|unsure|or not|idk|dunno|"
                     r"(?:i )?don'?t know (?:yet|if|whether)|might not|not decided|undecided)\b"
                     # "hmm maybe email the county epidemiologist ...?" (round 36): an idea, said as one
                     r"|^\W*(?:(?:hmm+|um+|uh+|erm|well|so|ok|okay|i guess|i think)[,.]?\s+)*"
                     r"(?:maybe|perhaps|possibly) (?=\w)")


@dataclass(frozen=True)
class Pending:
    """A question decided on but not yet worded: rewording waits until the turn is stored."""

    step: Step
    canonical: str
    frame_source: str
    sources: list[str]
    rephrase: bool = True  # False: the flow's fixed wording (a reply, never reworded)


class Asking:
    """The part of a conversation that walks the flow (mixed into Conversation)."""

    flow: Flow
    store: Store
    id: int
    mentee: str
    status: str
    values: dict[str, Any]
    state: SessionState
    words: Provenance
    rephraser: Rephraser
    _position: Position
    _question: Pending | None
    _corrected: str
    _plain_next: bool = False  # the next re-ask is the step's plain wording ("what means 'up close'?")

    if TYPE_CHECKING:

        @property
        def current(self) -> Step: ...
        @property
        def step(self) -> str: ...
        def _say(
            self, text: str, kind: str = "say", canonical: str | None = None, rephrased: bool = False,
            meta: Rephrasing | None = None, store: bool = True, sources: list[str] | None = None,
            stored_as: str | None = None,
        ) -> Message: ...
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _items(self, detector: str) -> list[dict[str, Any]]: ...
        def _kept_own(self) -> list[Message]: ...
        def _offer_recalled(self, step: Step) -> bool: ...
        def _forget(self) -> None: ...
        def summary(self) -> dict[str, Any]: ...

    def _move(self, ctx: rules.Context) -> list[Message]:
        target = self._next_step(ctx)
        if target is None:
            return self._finish(self.current)
        before = self.step
        return self._enter(target, fresh=target != before or not self.flow.steps[target].ladder)

    def _next_step(self, ctx: rules.Context) -> str | None:
        """Follow the first edge whose rule holds; None at a step with no ``next``."""
        before = self.step
        if not self.current.next:
            return None
        if not self._position.advance(ctx=ctx):
            raise CoachError(f"flow {self.flow.path}: no edge of step '{before}' matched; add one without 'when'")
        return self.step

    def _enter(self, name: str, fresh: bool = True) -> list[Message]:
        """Say what the steps from ``name`` say until one asks a question or ends the flow.

        A loop, not recursion: a flow of a thousand say-only steps is walked, not stacked; a
        loop of steps that never asks anything is an error (the validator reports it first)."""
        msgs: list[Message] = []
        for _ in range(len(self.flow.steps) * 2 + 2):
            step = self.flow.steps[name]
            self.state.reasks = 0
            if fresh:
                self.state.depth = self.state.short_streak = self.state.item_index = 0
                self.state.items = None
            if step.forget:
                self._forget()
            if step.foreach and self.state.items is None:
                self.state.items = self._items(step.foreach)
                self.state.item_index = 0
                msgs += self._kept_own()  # drives named in the mentee's own words: kept, and said so
            done = step.foreach and self.state.item_index >= len(self.state.items or [])
            # "/edit where im heading: X", then "is <last time's words> still where you're heading?" (round 83): the
            # line was set today, so last time's is not asked about; the flow goes on as after a change
            edited = bool(step.ask and step.changed and step.keep_previous and step.changed in self.state.edited)
            if not done and not edited:
                if step.say and (said := self._render(step.say)):
                    msgs.append(self._say(said, sources=self.words.sources_of(step.say, self._item())))
                if step.ask:
                    if not self._offer_recalled(step):  # said already, in passing: played back instead
                        self._ask(step)
                    return msgs
                if step.end:
                    return msgs + self._finish(step)
            ctx = rules.Context(answer="", values=self.values, lex=self.flow.lexicon, skipped=bool(done),
                                changed=edited)
            target = self._next_step(ctx)
            if target is None:
                return msgs + self._finish(step)
            fresh = target != name or not self.flow.steps[target].ladder
            name = target
        raise CoachError(f"flow {self.flow.path}: steps from '{name}' loop without asking anything")

    def _finish(self, step: Step) -> list[Message]:
        self.status = step.end or "completed"
        return []

    def _askable(self, step: Step) -> bool:
        """Can the step's question still be said (a recap line it quotes may have just been forgotten)?"""
        try:
            return bool(self._render(step.ask or ""))
        except MissingValue:
            return False

    def _reask(self) -> list[Message]:
        """The question again: in the step's next wording when it has several, else as shown."""
        q = self.state.last_question
        step = self.current
        if self._plain_next and step.plain:
            self._plain_next = False
            canonical = self._render(step.plain)
            sources = self.words.sources_of(step.plain, self._item(), self._rung_sources())
            self._question = Pending(step, canonical, step.plain, sources, rephrase=False)
            return []
        if q is None or len(step.wordings) > 1:
            self._ask(step)
            return []
        return [self._say(q.shown, kind="ask", canonical=q.canonical, rephrased=q.rephrased)]

    def _ask(self, step: Step) -> None:
        """Decide the question's wording from the flow; it is reworded once the turn is stored."""
        wordings = step.wordings
        index = self.state.visits.get(step.name, 0) % len(wordings)
        canonical = self._render(wordings[index])
        last = self.state.last_question
        if last is not None and canonical == last.canonical and len(wordings) > 1:
            index = (index + 1) % len(wordings)
            canonical = self._render(wordings[index])
        self.state.visits[step.name] = index + 1
        sources = self.words.sources_of(wordings[index], self._item(), self._rung_sources())
        self._question = Pending(step, canonical, wordings[index], sources)

    def _word_question(self, pending: Pending) -> Message:
        """The decided question, reworded by the model if the flow allows (the model may fail)."""
        step = pending.step
        if step.rephrase and pending.rephrase and not isinstance(self.rephraser, Verbatim):
            from coach.rephrase.frame import frame_of  # only with a model: start-up without one skips it

            keep = [self._render(k) for k in step.keep]
            # The mentee's words as slots, so the model rewords only the flow's frame around them.
            frame = frame_of(pending.frame_source, self._template_values(pending.frame_source), pending.canonical)
            shown = self.rephraser.rephrase(pending.canonical, keep, self.words.last_answer or None, frame)
        else:
            shown = Rephrasing(text=pending.canonical)
        self.state.last_question = LastQuestion(
            canonical=pending.canonical, shown=shown.text, step=step.name, rephrased=shown.rephrased,
            sources=pending.sources,
        )
        return self._say(shown.text, kind="ask", canonical=pending.canonical, rephrased=shown.rephrased,
                         meta=shown, sources=pending.sources)

    def _asked(self) -> str | None:
        """The question the mentee is answering, in the flow's words."""
        q = self.state.last_question
        return q.canonical if q else None

    def _reply(self, key: str) -> str:
        """One of the flow's global replies; a list of wordings is said in turn, never twice running."""
        value = self.flow.replies.get(key, "")
        if not isinstance(value, list):
            return str(value)
        said = self.state.replies.get(key, 0)
        self.state.replies[key] = said + 1
        return str(value[said % len(value)]) if value else ""

    def _put_right(self, said: str) -> Message:
        """"Thanks for putting me right: X." with X played back (up to 20 words), or without it when none fit."""
        words = play_back(said, 20)
        line = self._reply("put_right")
        line = line.replace("{words}", words) if words else re.sub(r"[:,;\s-]*\{words\}", "", line)
        return self._rule(line)

    def _item(self) -> dict[str, Any]:
        items = self.state.items or []
        index = self.state.item_index
        return items[index] if index < len(items) else {}

    def _render(self, source: str) -> str:
        from coach.flow.template import render

        return render(source, self._template_values(source))

    def _tentative(self, answer: str) -> bool:
        """Was the last answer held loosely, and does its playback lose that ("maybe X, not sure" -> "X")?"""
        said = _TENTATIVE.search(str(getattr(self, "_typed", "") or answer)) is not None
        back = play_back(answer) if answer else ""
        # "maybe freelancing, maybe teaching" said back as "freelancing, maybe teaching" lost its first maybe (round 82)
        return said and (_LOOSE.search(back) is None or (bool(back) and play_back_hedged(answer) != back))

    def _template_values(self, source: str = "") -> dict[str, Any]:
        """What a template may use; the answer's news and doubt are read only for a template that says them (every
        question and reflection is rendered here)."""
        answer = self.words.last_answer
        item = {k: v for k, v in self._item().items() if k != "evidence"}
        return {
            **self.values,
            "mentee": addressed(self.mentee),
            "answer": answer,
            "last": play_back(answer) if answer else "",
            "listed": listed_back(answer) if answer and "listed" in source else "",
            "news": news_in(answer) if answer and "news" in source else "",
            "unsure": "unsure" in source and _UNSURE.search(str(getattr(self, "_typed", "") or answer)) is not None,
            "tentative": "tentative" in source and self._tentative(answer),
            "alone": "alone" in source and self._works_alone(),
            "item": item,
            "depth": self.state.depth,
            "summary": self.summary(),
            "previous": self.values.get("previous") or {},
            "met_before": bool(self.values.get("met_before")),  # sessions started before it was kept have none
            "rung": self._rung(),
            "corrected": said_back(self._corrected),
            "acknowledged": bool(getattr(self, "_acked", False)),
            "edited": list(self.state.edited),
        }

    def _works_alone(self) -> bool:
        """Has the mentee said they work for themselves (today, or in last time's summary)?"""
        said = list(self.store.mentee_texts(self.id).values()) + [getattr(self, "_typed", "") or ""]
        kept = [self.values.get("previous") or {}, *(v for k, v in self.values.items() if k != "previous")]
        return any(works_alone(t) for t in said + [str(v) for v in kept])

    def _rung_sources(self) -> list[str]:
        """Where the words ``_rung`` plays back came from (the same choice, followed by ids)."""
        ladder = self.current.ladder
        if ladder is None:
            return []
        if self.state.depth > 0 and self.values.get(ladder.chain):
            return self.words.last_item(ladder.chain)
        seed = self.values.get(ladder.seed or "") if ladder.seed else ""
        if isinstance(seed, str) and seed.strip():
            return self.words.last_item(ladder.seed or "")
        return self.state.said[-1:]

    def _rung(self) -> str:
        """What the next why-question asks about: the last rung, or the ladder's seed."""
        ladder = self.current.ladder
        if ladder is None:
            return ""
        chain = self.values.get(ladder.chain) or []
        if self.state.depth > 0 and chain:
            return reason(chain[-1])  # the deepest "because" of the last answer
        seed = self.values.get(ladder.seed or "") if ladder.seed else ""
        if isinstance(seed, str) and seed.strip():  # "head of people here, or a consultancy": both options
            return goal_phrase(seed)
        said = [text for _, text in self.words.texts(self.state.said) if text.strip()]
        return play_back(said[-1]) if said else ""

    def _reset(self) -> None:
        """A declined consent: nothing typed in this session is kept."""
        self.values.clear()
        self.state = SessionState(opened=True, summary_map=self.flow.summary, graph=edges(self.flow))


def said_back(corrected: str) -> str:
    """Each fix said back in the coach's words: "where you're heading is now: head of product" (a line the
    fix named, then the mentee's words, played back), joined; one fix alone reads as it was said."""
    pieces = []
    for piece in (p for p in corrected.split("\n") if p.strip()):
        line, _, words = piece.rpartition("\t")
        quoted = re.match(r"without ['\"\u201c]", words) is not None  # the coach's own line, quoted back: as it was
        maybe = re.search(r"(?i),\s*maybe$", words)  # "X, maybe" (added as a maybe) keeps its maybe when said back
        plain = words[:maybe.start()] if maybe else words
        said = words if quoted else play_back_hedged(plain, 30) or words  # their own fix, whole
        said += " (as a maybe)" if maybe and not quoted and not said.endswith("maybe") else ""
        if line.startswith(("+", "=")):  # words added to a line, or there already
            piece = f"{said} {'added to' if line[0] == '+' else 'is already in'} {line[1:]}"
            pieces += [] if piece in pieces else [piece]
        else:
            pieces.append(f"{line} is now: {said}" if line else said)
    return ("; " if any("\t" in p for p in corrected.split("\n")) else " and ").join(pieces)
