"""A conversation: the flow's transitions machine driving one stored session, turn by turn."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from transitions import Machine

from coach.conversation.summary import summarise
from coach.errors import CoachError, FlowError, UsageError
from coach.flow.spec import Flow, Step, load_flow, nearest_step
from coach.flow.template import render
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
HISTORY = 50


@dataclass(frozen=True)
class Message:
    """Something the coach says."""

    text: str
    step: str
    phase: str
    kind: str = "say"  # say | ask | rule | end
    canonical: str | None = None
    rephrased: bool = False


class Conversation:
    """Drives one session: answers in, coach messages out, every turn stored before it is shown."""

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
        self.st: dict[str, Any] = row["state"]
        self._pending: list[Turn] = []
        self.machine = self._build_machine(row["step"])

    # --- construction ------------------------------------------------------------------

    @classmethod
    def start(
        cls, flow: Flow, store: Store, mentee: str, rephraser: Rephraser | None = None
    ) -> Conversation:
        """Create a new session; a returning mentee starts at the flow's recap step."""
        values: dict[str, Any] = {
            var: ([] if kind == "list" else "") for var, kind in flow.variables().items()
        }
        previous = store.last_completed(mentee)
        start = flow.start
        values["previous"] = {}
        if previous and flow.returning:
            values["previous"] = summarise(previous["values"], flow.summary)
            start = flow.returning
        sid = store.create_session(
            mentee=mentee, flow=flow.name, flow_version=flow.version, flow_path=str(flow.path),
            step=start, phase=flow.steps[start].phase, values=values,
            state={**_fresh_state(), "summary_map": flow.summary},
            previous_id=previous["id"] if previous else None,
        )
        return cls(flow, store, sid, rephraser)

    @classmethod
    def resume(
        cls, flow: Flow, store: Store, session_id: int, rephraser: Rephraser | None = None
    ) -> Conversation:
        """Continue a paused or interrupted session at the step where it stopped."""
        row = store.session(session_id)
        if row["status"] not in RESUMABLE:
            raise UsageError(
                f"session {session_id} is {row['status']} and cannot be resumed; "
                "start a new one with: coach chat"
            )
        if row["flow"] != flow.name:
            raise UsageError(
                f"session {session_id} was held with flow '{row['flow']}', not '{flow.name}'; "
                f"pass --flow {row['flow_path']}"
            )
        conv = cls(flow, store, session_id, rephraser)
        if row["step"] not in flow.steps:
            raise UsageError(f"session {session_id} stopped at step '{row['step']}', which this flow no longer has")
        conv.values.update({k: v for k, v in conv._blank_values().items() if k not in conv.values})
        return conv

    def _blank_values(self) -> dict[str, Any]:
        return {var: ([] if kind == "list" else "") for var, kind in self.flow.variables().items()}

    def _build_machine(self, initial: str) -> Machine:
        machine = Machine(
            model=self, states=list(self.flow.steps), initial=initial, auto_transitions=False,
            send_event=True, model_attribute="step", ignore_invalid_triggers=False,
        )
        for step in self.flow.steps.values():
            for edge in step.next:
                conditions = [_condition(edge.when)] if edge.when else []
                machine.add_transition("advance", step.name, edge.to, conditions=conditions)
        return machine

    # --- public API --------------------------------------------------------------------

    @property
    def current(self) -> Step:
        """The step the conversation is at."""
        return self.flow.steps[self.step]  # type: ignore[attr-defined]

    @property
    def finished(self) -> bool:
        """True once the conversation is completed, stopped or paused."""
        return self.status not in ("active",)

    def open(self) -> list[Message]:
        """What the coach says on start or resume: the current step, from the top."""
        msgs: list[Message] = []
        if self.status == "paused" or self.st.get("opened"):
            self.status = "active"
            msgs.append(self._rule(self.flow.replies["resumed"]))
        self.st["opened"] = True
        msgs += self._enter(self.step, fresh=False)  # type: ignore[attr-defined]
        self._commit()
        return msgs

    def reply(self, text: str) -> list[Message]:
        """Handle one line from the mentee (an answer or a /command) and say what comes next."""
        if self.finished:
            raise UsageError(f"this conversation is {self.status}")
        command = text.strip().lower()
        if command in COMMANDS or command == "/reload":
            return self._command(command)
        if command.startswith("/") and command[1:].isalpha():
            return [self._rule(f"There is no {command} command. /help lists what you can type.", store=False)]
        msgs = self._answer(text)
        self._commit()
        return msgs

    def pause(self) -> None:
        """Pause (Ctrl-C, Ctrl-D, end of input): everything said so far is already stored."""
        if self.status == "active":
            self.status = "paused"
            self._commit()

    def last_question(self) -> dict[str, Any]:
        """The last question asked: canonical and shown wording."""
        return dict(self.st.get("last_question") or {})

    def summary(self) -> dict[str, Any]:
        """The summary so far."""
        return summarise(self.values, self.flow.summary)

    def reload(self, flow: Flow, reask: bool = True) -> list[Message]:
        """Swap in an edited flow keeping every answer; continue at the same step, else the nearest."""
        old, here = self.flow, self.step  # type: ignore[attr-defined]
        target = here if here in flow.steps else nearest_step(old, flow, here)
        # The old machine bound its trigger and state checks onto this object; a new one must rebind.
        self.machine.remove_model(self)
        for name in ("trigger", "may_trigger", "advance", "may_advance", *(f"is_{s}" for s in old.steps)):
            self.__dict__.pop(name, None)
        self.flow = flow
        self.values.update({k: v for k, v in self._blank_values().items() if k not in self.values})
        history = [h for h in self.st.get("history", []) if h.get("step") in flow.steps]
        visited = [h.get("step") for h in history]
        if target != here and target in visited:  # moved back: /back should go before the target
            history = history[: len(visited) - 1 - visited[::-1].index(target)]
        self.st["history"] = history
        self.st["summary_map"] = flow.summary
        self.machine = self._build_machine(target)
        note = f"(Reloaded {flow.path}; continuing at '{target}'.)" if target == here else (
            f"(Reloaded {flow.path}. Step '{here}' no longer exists, so we continue at '{target}', the nearest step.)"
        )
        msgs = [self._rule(note, store=False)]
        if reask or target != here:
            msgs += self._enter(target, fresh=target != here)
        self._commit()
        return msgs

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
            q = self.last_question()
            text = q.get("canonical") or "There is no question yet."
            return [self._rule(text, store=False)]
        if command == "/reload":
            return self.reload_from_disk()
        self._record_mentee(command)
        if command == "/pause":
            msgs = [self._rule(self.flow.replies["paused"] + f" (coach chat --resume {self.id})")]
            self.status = "paused"
        elif command == "/quit":
            msgs = [self._rule(
                f"Stopped. The transcript is kept on this machine; coach delete {self.id} erases it."
            )]
            self.status = "stopped"
        elif command == "/back":
            msgs = self._back()
        else:  # /skip
            msgs = self._advance(answer="", skipped=True)
        self._commit()
        return msgs

    def _back(self) -> list[Message]:
        history: list[dict[str, Any]] = self.st.get("history", [])
        if not history:
            return [self._rule("We're at the first question; there is nothing before it.")] + self._enter(
                self.step, fresh=False  # type: ignore[attr-defined]
            )
        snap = history.pop()
        self.values = snap["values"]
        for key in ("depth", "short_streak", "items", "item_index"):
            self.st[key] = snap["state"].get(key)
        self.st["history"] = history
        self.machine.set_state(snap["step"])
        return [self._rule("Going back.")] + self._enter(self.step, fresh=False)  # type: ignore[attr-defined]

    # --- answering ---------------------------------------------------------------------

    def _answer(self, text: str) -> list[Message]:
        lex = self.flow.lexicon
        step = self.current
        self._record_mentee(text)
        if rules.is_distress(text, lex):
            self.status = "stopped"
            return [self._rule(self.flow.replies["distress"], kind="end")]
        if step.ask is None:  # nothing was asked; should not happen with a validated flow
            return self._advance(answer=text)
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
        return self._advance(answer=text)

    def _bounded_reask(self, prompt: str | None) -> list[Message]:
        count = int(self.st.get("reasks", 0))
        if count >= self.flow.reasks:
            return [self._rule(self.flow.replies["move_on"])] + self._advance(answer="", skipped=True)
        self.st["reasks"] = count + 1
        if prompt is None:
            options = self.flow.replies["reask"]
            prompt = options[count % len(options)]
        return [self._rule(prompt)] + self._reask()

    def _reask(self) -> list[Message]:
        q = self.last_question()
        if not q:
            return self._enter(self.step, fresh=False)  # type: ignore[attr-defined]
        return [self._say(q["shown"], kind="ask", canonical=q["canonical"], rephrased=q.get("rephrased", False))]

    def _advance(self, answer: str, skipped: bool = False) -> list[Message]:
        """Store the answer, say any reflection, and move along the first edge whose rule holds."""
        step = self.current
        lex = self.flow.lexicon
        state = {k: v for k, v in self.st.items() if k != "history"}
        snapshot = {"step": step.name, "values": copy.deepcopy(self.values), "state": state}
        self.values["answer"] = answer
        if not skipped:
            self.st["said"] = (self.st.get("said") or []) + [answer]
        if step.save_as:
            self.values[step.save_as] = answer
        if step.append_to and answer:
            self.values.setdefault(step.append_to, []).append(answer)
        ctx = rules.Context(answer=answer, values=self.values, lex=lex, skipped=skipped)
        if step.ladder:
            chain = self.values.setdefault(step.ladder.chain, [])
            if answer:
                chain.append(answer)
            self.st["depth"] = int(self.st.get("depth") or 0) + 1
            short = len(rules.words(answer)) <= 2
            self.st["short_streak"] = (int(self.st.get("short_streak") or 0) + 1) if short else 0
            ctx.depth, ctx.max_depth = self.st["depth"], step.ladder.max_depth
            ctx.chain, ctx.short_streak = chain, self.st["short_streak"]
            if not skipped and rules.is_bedrock(answer, lex):
                self.values.setdefault("bedrock", [])
                if answer not in self.values["bedrock"]:
                    self.values["bedrock"].append(answer)
        msgs: list[Message] = []
        if step.foreach:
            items = self.st.get("items") or []
            index = int(self.st.get("item_index") or 0)
            if index < len(items) and step.collect_yes and rules.yes_no(answer, lex) is True:
                self.values.setdefault(step.collect_yes, []).append(items[index]["id"])
            self.st["item_index"] = index + 1
            if index + 1 < len(items):
                self._push_history(snapshot)
                return self._enter(step.name, fresh=False)
        for reflection in step.after:
            if not skipped and rules.evaluate(reflection.when, ctx):
                msgs.append(self._say(self._render(reflection.say)))
                break
        self._push_history(snapshot)
        return msgs + self._move(ctx)

    def _move(self, ctx: rules.Context) -> list[Message]:
        before = self.step  # type: ignore[attr-defined]
        if not self.current.next:
            return self._finish(self.current)
        if not self.advance(ctx=ctx):  # type: ignore[attr-defined]
            raise CoachError(f"flow {self.flow.path}: no edge of step '{before}' matched; add one without 'when'")
        after = self.step  # type: ignore[attr-defined]
        return self._enter(after, fresh=after != before or not self.flow.steps[after].ladder)

    def _push_history(self, snapshot: dict[str, Any]) -> None:
        history = self.st.setdefault("history", [])
        history.append(snapshot)
        del history[:-HISTORY]

    # --- entering a step ---------------------------------------------------------------

    def _enter(self, name: str, fresh: bool = True) -> list[Message]:
        step = self.flow.steps[name]
        self.st["reasks"] = 0
        if fresh:
            self.st["depth"] = 0
            self.st["short_streak"] = 0
            self.st["items"] = None
            self.st["item_index"] = 0
        msgs: list[Message] = []
        if step.forget:
            self.store.forget_turns(self.id)
            self._pending.clear()
            self.values = {}
            self.st = {"opened": True, "summary_map": self.flow.summary}
        if step.foreach and self.st.get("items") is None:
            self.st["items"] = self._items(step.foreach)
            self.st["item_index"] = 0
        if step.foreach and int(self.st.get("item_index") or 0) >= len(self.st.get("items") or []):
            return self._move(rules.Context(answer="", values=self.values, lex=self.flow.lexicon, skipped=True))
        said = self._render(step.say) if step.say else ""
        if said:
            msgs.append(self._say(said))
        if step.ask:
            msgs.append(self._question(step))
            return msgs
        if step.end:
            return msgs + self._finish(step)
        return msgs + self._move(rules.Context(answer="", values=self.values, lex=self.flow.lexicon))

    def _finish(self, step: Step) -> list[Message]:
        self.status = step.end or "completed"
        return []

    def _question(self, step: Step) -> Message:
        wordings = step.wordings
        visits = self.st.setdefault("visits", {})
        index = int(visits.get(step.name, 0)) % len(wordings)
        canonical = self._render(wordings[index])
        last = self.last_question().get("canonical")
        if canonical == last and len(wordings) > 1:
            index = (index + 1) % len(wordings)
            canonical = self._render(wordings[index])
        visits[step.name] = index + 1
        if step.rephrase:
            keep = [self._render(k) for k in step.keep]
            context = self.values.get("answer") or None
            # The mentee's words as slots, so the model rewords only the flow's frame around them.
            frame = frame_of(wordings[index], self._template_values(), canonical)
            shown = self.rephraser.rephrase(canonical, keep, context, frame)
        else:
            shown = Rephrasing(text=canonical)
        self.st["last_question"] = {
            "canonical": canonical, "shown": shown.text, "rephrased": shown.rephrased, "step": step.name,
        }
        return self._say(shown.text, kind="ask", canonical=canonical, rephrased=shown.rephrased, meta=shown)

    def _items(self, detector: str) -> list[dict[str, Any]]:
        if detector != "motivations":
            return []
        lex = self.flow.lexicon
        found = rules.detect_motivations(self.st.get("said") or [], lex)[:MAX_FOREACH]
        return [
            {"id": m, "label": lex.motivations[m].label, "note": lex.motivations[m].note} for m in found
        ]

    def _render(self, source: str) -> str:
        return render(source, self._template_values())

    def _template_values(self) -> dict[str, Any]:
        items = self.st.get("items") or []
        index = int(self.st.get("item_index") or 0)
        answer = self.values.get("answer") or ""
        context = {
            **self.values,
            "mentee": self.mentee,
            "answer": answer,
            "last": play_back(answer) if answer else "",
            "item": items[index] if index < len(items) else {},
            "depth": int(self.st.get("depth") or 0),
            "summary": self.summary(),
            "previous": self.values.get("previous") or {},
            "rung": self._rung(),
            "db_path": self.store.path,
        }
        return context

    def _rung(self) -> str:
        """What the next why-question asks about: the last rung, or the ladder's seed."""
        step = self.current
        ladder = step.ladder
        if ladder is None:
            return ""
        chain = self.values.get(ladder.chain) or []
        if int(self.st.get("depth") or 0) > 0 and chain:
            return reason(chain[-1])  # the deepest "because" of the last answer
        seed = self.values.get(ladder.seed or "") if ladder.seed else ""
        if isinstance(seed, str) and seed.strip():
            return play_back(seed)
        said = [s for s in self.st.get("said") or [] if s.strip()]
        return play_back(said[-1]) if said else "this matters to you"

    # --- transcript --------------------------------------------------------------------

    def _say(
        self, text: str, kind: str = "say", canonical: str | None = None, rephrased: bool = False,
        meta: Rephrasing | None = None, store: bool = True,
    ) -> Message:
        step = self.current
        if store:
            self._pending.append(Turn(
                role="coach", text=text, step=step.name, phase=step.phase,
                canonical=canonical if canonical is not None else text, rephrased=rephrased,
                guard_ok=meta.guard_ok if meta else None, guard_reasons=list(meta.reasons) if meta else [],
                model_sha256=meta.model_sha256 if meta else None, prompt=meta.prompt if meta else None,
            ))
        return Message(text=text, step=step.name, phase=step.phase, kind=kind, canonical=canonical, rephrased=rephrased)

    def _rule(self, text: str, kind: str = "rule", store: bool = True) -> Message:
        return self._say(text, kind=kind, store=store)

    def _record_mentee(self, text: str) -> None:
        step = self.current
        self._pending.append(Turn(role="mentee", text=text, step=step.name, phase=step.phase))

    def _commit(self) -> None:
        turns, self._pending = self._pending, []
        self.store.save(
            self.id, step=self.step, phase=self.current.phase, values=self.values,  # type: ignore[attr-defined]
            state=self.st, status=self.status, turns=turns,
        )


def _fresh_state() -> dict[str, Any]:
    return {"history": [], "reasks": 0, "depth": 0, "said": [], "visits": {}}


def _condition(expr: str) -> Any:
    def check(event: Any) -> bool:
        return rules.evaluate(expr, event.kwargs["ctx"])

    return check


def broken_flow_message(conv: Conversation, e: FlowError) -> Message:
    """What the mentee sees when an edited flow does not load: the errors; the old flow stays."""
    errors = [p.render() for p in e.problems if p.level == "error"] or [str(e)]
    text = "(The edited flow has errors, so the previous version stays in use:\n" + "\n".join(errors) + ")"
    return Message(text=text, step=conv.current.name, phase=conv.current.phase, kind="rule")
