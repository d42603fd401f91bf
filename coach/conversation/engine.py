"""A conversation: the flow's machine driving one stored session, turn by turn.

Per turn, in this order: the answer is recorded; the next step is decided (no model involved);
the answer, the decision and everything said without the model are stored in one durable
transaction; only then is the next question reworded (which may fail, time out or crash its
worker), stored, and shown. A process killed at any point loses nothing the mentee typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coach.conversation.machine import EdgeObserver, Position, edges, position
from coach.conversation.state import LastQuestion, SessionState, Undo
from coach.conversation.words import Provenance
from coach.errors import CoachError, FlowError, UsageError
from coach.flow.spec import Flow, Step, load_flow, nearest_step
from coach.listening import rules
from coach.listening.playback import play_back, reason
from coach.rephrase.frame import frame_of
from coach.rephrase.protocol import Rephraser, Rephrasing, Verbatim
from coach.store.database import RESUMABLE, Store, Turn

COMMANDS = {
    "/help": "what you can type",
    "/skip": "skip this question",
    "/back": "go back to the previous question",
    "/orig": "show the question in the flow's own wording",
    "/pause": "pause; continue later with coach chat --resume",
    "/quit": "end this conversation (the transcript is kept)",
}
MAX_FOREACH = 4
# The longest answer taken in one turn (about 700 words). A longer one is kept in the
# transcript as typed, and the mentee is asked for a shorter one: nothing is silently cut.
MAX_ANSWER_CHARS = 4000


@dataclass(frozen=True)
class Message:
    """Something the coach says."""

    text: str
    step: str
    phase: str
    kind: str = "say"  # say | ask | rule | end
    canonical: str | None = None
    rephrased: bool = False


@dataclass(frozen=True)
class _Pending:
    """A question decided on but not yet worded: rewording waits until the turn is stored."""

    step: Step
    canonical: str
    frame_source: str
    sources: list[str]


class Conversation:
    """Drives one session: answers in, coach messages out, every answer stored before model work."""

    def __init__(
        self, flow: Flow, store: Store, session_id: int, rephraser: Rephraser | None = None
    ) -> None:
        self.flow = flow
        self.store = store
        self.id = session_id
        self.rephraser: Rephraser = rephraser or Verbatim()
        row = store.session(session_id)
        self.mentee: str = row["mentee"]
        self.status: str = row["status"]
        self.values: dict[str, Any] = row["values"]
        self.state = SessionState.from_json(row["state"])
        self.words = Provenance(self.state, self.values, session_id, store)
        self._turns: list[Turn] = []
        self._question: _Pending | None = None
        self._opening: list[Message] = []  # said first on open(), e.g. that a resume moved step
        self._next_n = store.next_turn_number(session_id)
        self._observers: list[EdgeObserver] = []
        self._position: Position = position(flow, row["step"], self._edge_taken)

    # --- construction ------------------------------------------------------------------

    @classmethod
    def start(
        cls, flow: Flow, store: Store, mentee: str, rephraser: Rephraser | None = None
    ) -> Conversation:
        """Create a new session; a returning mentee starts at the flow's recap step."""
        values: dict[str, Any] = {var: ([] if kind == "list" else "") for var, kind in flow.variables().items()}
        state = SessionState(summary_map=flow.summary, graph=edges(flow))
        previous = store.last_completed(mentee)
        start = flow.start
        values["previous"] = {}
        if previous and flow.returning:
            earlier = SessionState.from_json(previous["state"])
            values["previous"], state.sources["previous"] = Provenance.summary_of(
                previous["values"], earlier.sources, flow.summary
            )
            start = flow.returning
        sid = store.create_session(
            mentee=mentee, flow=flow.name, flow_version=flow.version, flow_path=str(flow.path),
            step=start, phase=flow.steps[start].phase, values=values, state=state.to_json(),
            previous_id=previous["id"] if previous else None,
        )
        return cls(flow, store, sid, rephraser)

    @classmethod
    def resume(
        cls, flow: Flow, store: Store, session_id: int, rephraser: Rephraser | None = None
    ) -> Conversation:
        """Continue a paused or interrupted session where it stopped, or at the nearest step."""
        row = store.session(session_id)
        if row["status"] not in RESUMABLE:
            raise UsageError(
                f"session {session_id} is {row['status']} and cannot be resumed; start a new one with: coach chat"
            )
        if row["flow"] != flow.name:
            raise UsageError(
                f"session {session_id} was held with flow '{row['flow']}', not '{flow.name}'; "
                f"pass --flow {row['flow_path']}"
            )
        here = row["step"]
        if here not in flow.steps:
            row_state = SessionState.from_json(row["state"])
            target = _nearest(row_state, flow, here)
            store.move_session(session_id, step=target, phase=flow.steps[target].phase)
        conv = cls(flow, store, session_id, rephraser)
        conv.values.update({k: v for k, v in conv._blank_values().items() if k not in conv.values})
        if here not in flow.steps:
            conv.state.graph = edges(flow)
            conv._opening.append(conv._rule(
                f"(This conversation's questions were edited since you paused, and the one we were on is "
                f"gone, so we continue at the nearest one: '{conv.step}'.)"
            ))
        return conv

    def _blank_values(self) -> dict[str, Any]:
        return {var: ([] if kind == "list" else "") for var, kind in self.flow.variables().items()}

    # --- public API --------------------------------------------------------------------

    @property
    def step(self) -> str:
        """The name of the step the conversation is at."""
        return self._position.state

    @property
    def current(self) -> Step:
        """The step the conversation is at."""
        return self.flow.steps[self.step]

    @property
    def finished(self) -> bool:
        """True once the conversation is completed, stopped or paused."""
        return self.status != "active"

    def observe(self, observer: EdgeObserver) -> None:
        """Be told of every edge the conversation takes (flow tests measure coverage with this)."""
        self._observers.append(observer)

    def place(self, step: str) -> None:
        """Put the conversation at ``step`` before it opens (flow tests start mid-flow)."""
        if step not in self.flow.steps:
            raise UsageError(f"the flow has no step '{step}'")
        self._position = position(self.flow, step, self._edge_taken)

    def _edge_taken(self, source: str, index: int, dest: str) -> None:
        for observer in self._observers:
            observer(source, index, dest)

    def open(self) -> list[Message]:
        """What the coach says on start or resume: the current step, from the top."""
        msgs, self._opening = self._opening, []
        if self.status == "paused" or self.state.opened:
            self.status = "active"
            msgs.append(self._rule(self.flow.replies["resumed"]))
        self.state.opened = True
        msgs += self._enter(self.step, fresh=False)
        return self._finish_turn(msgs)

    def reply(self, text: str) -> list[Message]:
        """Handle one line from the mentee (an answer or a /command) and say what comes next."""
        if self.finished:
            raise UsageError(f"this conversation is {self.status}")
        command = text.strip().lower()
        if command in COMMANDS or command == "/reload":
            return self._command(command)
        if command.startswith("/") and command[1:].isalpha():
            return [self._rule(f"There is no {command} command. /help lists what you can type.", store=False)]
        if len(text) > MAX_ANSWER_CHARS:
            self._record_mentee(text)
            note = (
                f"That's more than I can take in one answer ({len(text):,} characters; the limit is "
                f"{MAX_ANSWER_CHARS:,}). It is saved in the transcript as you typed it, nothing cut. "
                "Could you give me the heart of it in a shorter answer?"
            )
            return self._finish_turn([self._rule(note), *self._reask()])
        return self._finish_turn(self._answer(text))

    def pause(self) -> None:
        """Pause (Ctrl-C, Ctrl-D, end of input): everything said so far is already stored."""
        if self.status == "active":
            self.status = "paused"
            self._commit()

    def last_question(self) -> dict[str, Any]:
        """The last question asked: canonical and shown wording."""
        q = self.state.last_question
        return {} if q is None else {"canonical": q.canonical, "shown": q.shown, "rephrased": q.rephrased,
                                     "step": q.step}

    def summary(self) -> dict[str, Any]:
        """The summary so far."""
        return self.words.summary(self.flow.summary)

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

    # --- commands ----------------------------------------------------------------------

    def _command(self, command: str) -> list[Message]:
        if command == "/help":
            lines = [self.flow.replies["help"]] + [f"{c}  {d}" for c, d in COMMANDS.items()]
            return [self._rule("\n".join(lines), store=False)]
        if command == "/orig":
            q = self.state.last_question
            return [self._rule(q.canonical if q else "There is no question yet.", store=False)]
        if command == "/reload":
            return self.reload_from_disk()
        self._record_mentee(command)
        if command == "/pause":
            msgs = [self._rule(self.flow.replies["paused"] + f" (coach chat --resume {self.id})")]
            self.status = "paused"
        elif command == "/quit":
            msgs = [self._rule(f"Stopped. The transcript is kept on this machine; coach delete {self.id} erases it.")]
            self.status = "stopped"
        elif command == "/back":
            msgs = self._back()
        else:  # /skip
            msgs = self._advance(answer="", skipped=True)
        return self._finish_turn(msgs)

    def _back(self) -> list[Message]:
        if not self.state.history:
            return [self._rule("We're at the first question; there is nothing before it.")] + self._enter(
                self.step, fresh=False
            )
        undo = self.state.history.pop()
        self.words.undo(undo)
        self.state.restore_counters(undo.counters)
        self._position = position(self.flow, undo.step, self._edge_taken)
        return [self._rule("Going back.")] + self._enter(self.step, fresh=False)

    # --- answering ---------------------------------------------------------------------

    def _answer(self, text: str) -> list[Message]:
        lex = self.flow.lexicon
        step = self.current
        ref = self._record_mentee(text)
        if rules.is_distress(text, lex):
            self.status = "stopped"
            return [self._rule(self.flow.replies["distress"], kind="end")]
        if step.ask is None:  # nothing was asked; should not happen with a validated flow
            return self._advance(answer=text, ref=ref)
        if rules.is_advice_request(text, lex):
            return [self._rule(self.flow.replies["advice"])] + self._reask()
        if rules.is_why_asking(text, lex):
            purpose = self.flow.purpose(step.name)
            return [self._rule(f"{self.flow.replies['why_asking']} {purpose}".strip())] + self._reask()
        if step.expect == "yes_no" and rules.yes_no(text, lex) is None:
            return self._bounded_reask(self.flow.replies["yes_no"])
        if step.expect == "text" and (
            len(rules.words(text)) < step.min_words or (step.min_words and rules.is_off_topic(text, lex))
        ):
            return self._bounded_reask(None)
        return self._advance(answer=text, ref=ref)

    def _bounded_reask(self, prompt: str | None) -> list[Message]:
        count = self.state.reasks
        if count >= self.flow.reasks:
            return [self._rule(self.flow.replies["move_on"])] + self._advance(answer="", skipped=True)
        self.state.reasks = count + 1
        if prompt is None:
            options = self.flow.replies["reask"]
            prompt = options[count % len(options)]
        return [self._rule(prompt)] + self._reask()

    def _reask(self) -> list[Message]:
        q = self.state.last_question
        if q is None:
            return self._enter(self.step, fresh=False)
        return [self._say(q.shown, kind="ask", canonical=q.canonical, rephrased=q.rephrased)]

    def _advance(self, answer: str, skipped: bool = False, ref: str | None = None) -> list[Message]:
        """Keep the answer, say any reflection, and move along the first edge whose rule holds."""
        step = self.current
        lex = self.flow.lexicon
        undo = Undo(step=step.name, counters=self.state.counters())
        self.words.begin(undo)
        self.words.answer(answer, ref)
        if not skipped and ref is not None:
            self.state.said.append(ref)
        if step.save_as:
            self.words.set(step.save_as, answer, [ref] if ref and answer else [])
        if step.append_to and answer:
            self.words.append(step.append_to, answer, [ref] if ref else [])
        ctx = rules.Context(answer=answer, values=self.values, lex=lex, skipped=skipped)
        if step.ladder:
            if answer:
                self.words.append(step.ladder.chain, answer, [ref] if ref else [])
            chain = self.values.setdefault(step.ladder.chain, [])
            self.state.depth += 1
            short = len(rules.words(answer)) <= 2
            self.state.short_streak = self.state.short_streak + 1 if short else 0
            ctx.depth, ctx.max_depth = self.state.depth, step.ladder.max_depth
            ctx.chain, ctx.short_streak = chain, self.state.short_streak
            if not skipped and rules.is_bedrock(answer, lex) and answer not in (self.values.get("bedrock") or []):
                self.words.append("bedrock", answer, [ref] if ref else [])
        msgs: list[Message] = []
        if step.foreach:
            items = self.state.items or []
            index = self.state.item_index
            if index < len(items) and step.collect_yes and rules.yes_no(answer, lex) is True:
                evidence = list(items[index].get("evidence") or []) + ([ref] if ref else [])
                self.words.append(step.collect_yes, items[index]["id"], evidence)
            self.state.item_index = index + 1
            if index + 1 < len(items):
                self.state.push(undo)
                return self._enter(step.name, fresh=False)
        for reflection in step.after:
            if not skipped and rules.evaluate(reflection.when, ctx):
                msgs.append(self._say(self._render(reflection.say), sources=self.words.sources_of(reflection.say)))
                break
        self.state.push(undo)
        return msgs + self._move(ctx)

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

    # --- entering a step ---------------------------------------------------------------

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
            done = step.foreach and self.state.item_index >= len(self.state.items or [])
            if not done:
                if step.say and (said := self._render(step.say)):
                    msgs.append(self._say(said, sources=self.words.sources_of(step.say, self._item())))
                if step.ask:
                    self._ask(step)
                    return msgs
                if step.end:
                    return msgs + self._finish(step)
            ctx = rules.Context(answer="", values=self.values, lex=self.flow.lexicon, skipped=bool(done))
            target = self._next_step(ctx)
            if target is None:
                return msgs + self._finish(step)
            fresh = target != name or not self.flow.steps[target].ladder
            name = target
        raise CoachError(f"flow {self.flow.path}: steps from '{name}' loop without asking anything")

    def _forget(self) -> None:
        """A declined consent: nothing typed in this session is kept."""
        self.store.forget_turns(self.id)
        self._turns.clear()
        self._next_n = 1
        self.values.clear()
        self.state = SessionState(opened=True, summary_map=self.flow.summary, graph=edges(self.flow))
        self.words = Provenance(self.state, self.values, self.id, self.store)

    def _finish(self, step: Step) -> list[Message]:
        self.status = step.end or "completed"
        return []

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
        self._question = _Pending(step, canonical, wordings[index], sources)

    def _word_question(self, pending: _Pending) -> Message:
        """The decided question, reworded by the model if the flow allows (the model may fail)."""
        step = pending.step
        if step.rephrase:
            keep = [self._render(k) for k in step.keep]
            # The mentee's words as slots, so the model rewords only the flow's frame around them.
            frame = frame_of(pending.frame_source, self._template_values(), pending.canonical)
            shown = self.rephraser.rephrase(pending.canonical, keep, self.words.last_answer or None, frame)
        else:
            shown = Rephrasing(text=pending.canonical)
        self.state.last_question = LastQuestion(
            canonical=pending.canonical, shown=shown.text, step=step.name, rephrased=shown.rephrased
        )
        return self._say(shown.text, kind="ask", canonical=pending.canonical, rephrased=shown.rephrased,
                         meta=shown, sources=pending.sources)

    def _items(self, detector: str) -> list[dict[str, Any]]:
        if detector != "motivations":
            return []
        lex = self.flow.lexicon
        said = self.words.texts(self.state.said)
        found = rules.detect_motivations([text for _, text in said], lex)[:MAX_FOREACH]
        items = []
        for m in found:
            words = lex.motivations[m].words
            evidence = [ref for ref, text in said if rules.affirmed(words, text)]
            items.append({"id": m, "label": lex.motivations[m].label, "note": lex.motivations[m].note,
                          "evidence": evidence})
        return items

    def _item(self) -> dict[str, Any]:
        items = self.state.items or []
        index = self.state.item_index
        return items[index] if index < len(items) else {}

    def _render(self, source: str) -> str:
        from coach.flow.template import render

        return render(source, self._template_values())

    def _template_values(self) -> dict[str, Any]:
        answer = self.words.last_answer
        item = {k: v for k, v in self._item().items() if k != "evidence"}
        return {
            **self.values,
            "mentee": self.mentee,
            "answer": answer,
            "last": play_back(answer) if answer else "",
            "item": item,
            "depth": self.state.depth,
            "summary": self.summary(),
            "previous": self.values.get("previous") or {},
            "rung": self._rung(),
        }

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
        if isinstance(seed, str) and seed.strip():
            return play_back(seed)
        said = [text for _, text in self.words.texts(self.state.said) if text.strip()]
        return play_back(said[-1]) if said else "this matters to you"

    # --- transcript --------------------------------------------------------------------

    def _say(
        self, text: str, kind: str = "say", canonical: str | None = None, rephrased: bool = False,
        meta: Rephrasing | None = None, store: bool = True, sources: list[str] | None = None,
    ) -> Message:
        step = self.current
        if store:
            self._turns.append(Turn(
                role="coach", text=text, step=step.name, phase=step.phase,
                canonical=canonical if canonical is not None else text, rephrased=rephrased,
                guard_ok=meta.guard_ok if meta else None, guard_reasons=list(meta.reasons) if meta else [],
                model_sha256=meta.model_sha256 if meta else None, prompt=meta.prompt if meta else None,
                n=self._number(), sources=sorted(sources or []),
            ))
        return Message(text=text, step=step.name, phase=step.phase, kind=kind, canonical=canonical, rephrased=rephrased)

    def _rule(self, text: str, kind: str = "rule", store: bool = True) -> Message:
        return self._say(text, kind=kind, store=store)

    def _record_mentee(self, text: str) -> str:
        """Add what the mentee typed to the turn; return its reference ("session:n")."""
        step = self.current
        n = self._number()
        self._turns.append(Turn(role="mentee", text=text, step=step.name, phase=step.phase, n=n))
        ref = f"{self.id}:{n}"
        self.words.remember(ref, text)
        return ref

    def _number(self) -> int:
        n, self._next_n = self._next_n, self._next_n + 1
        return n

    def _finish_turn(self, msgs: list[Message]) -> list[Message]:
        """Store the turn so far; then word the pending question (model work), store it, show all."""
        pending, self._question = self._question, None
        if pending is not None and pending.step.rephrase and not isinstance(self.rephraser, Verbatim):
            self._commit()  # the answer and the decision are durable before the model is asked
        if pending is not None:
            msgs = [*msgs, self._word_question(pending)]
        self._commit()
        return msgs

    def _commit(self) -> None:
        turns, self._turns = self._turns, []
        self.store.save(
            self.id, step=self.step, phase=self.current.phase, values=self.values,
            state=self.state.to_json(), status=self.status, turns=turns,
        )


def _nearest(state: SessionState, flow: Flow, here: str) -> str:
    """Where a resumed session continues when its step was edited away (the rule --watch uses)."""
    if state.graph:
        return nearest_step(state.graph, flow, here)
    # Sessions from coach 0.1 kept no graph: the latest step they passed that still exists.
    for undo in reversed(state.history):
        if undo.step in flow.steps:
            return undo.step
    return flow.start


def broken_flow_message(conv: Conversation, e: FlowError) -> Message:
    """What the mentee sees when an edited flow does not load: the errors; the old flow stays."""
    errors = [p.render() for p in e.problems if p.level == "error"] or [str(e)]
    text = "(The edited flow has errors, so the previous version stays in use:\n" + "\n".join(errors) + ")"
    return Message(text=text, step=conv.current.name, phase=conv.current.phase, kind="rule")
