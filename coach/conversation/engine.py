"""A conversation: the flow's machine driving one stored session, turn by turn.

Per turn, in this order: the answer is recorded; the next step is decided (no model involved);
the answer, the decision and everything said without the model are stored in one durable
transaction; only then is the next question reworded (which may fail, time out or crash its
worker), stored, and shown. A process killed at any point loses nothing the mentee typed.
"""

from __future__ import annotations

import re
from typing import Any

from coach.conversation.answering import Answering
from coach.conversation.asking import Asking, Pending
from coach.conversation.editing import Editing, edit_line
from coach.conversation.machine import EdgeObserver, Position, edges, position
from coach.conversation.message import Message, tidy
from coach.conversation.reloading import Reloading
from coach.conversation.state import SessionState
from coach.conversation.summary import recap_says_something
from coach.conversation.words import Provenance
from coach.conversation.wrapping import Wrapping
from coach.errors import UsageError
from coach.flow.spec import Flow, Step, nearest_step
from coach.listening.commands import back_asked, command_asked, command_inside
from coach.listening.distress import distress_level
from coach.listening.takeback import takes_back
from coach.listening.text import decimals_back, keep_decimals
from coach.rephrase.protocol import Rephraser, Rephrasing, Verbatim
from coach.store.database import RESUMABLE, Store, Turn

COMMANDS = {
    "/help": "what you can type",
    "/skip": "skip this question",
    "/back": "go back to the previous question",
    "/orig": "show the question in the flow's own wording",
    "/summary": "show what I have noted so far",
    "/edit": "set a line exactly, e.g. /edit what drives me: meaning, being useful",
    "/pause": "pause; continue later with coach chat --resume",
    "/quit": "end this conversation (the transcript is kept)",
}
# The longest answer taken in one turn (about 700 words); a longer one is kept as typed and asked for shorter.
MAX_ANSWER_CHARS = 4000


class Conversation(Editing, Wrapping, Reloading, Answering, Asking):
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
        self._question: Pending | None = None
        self._corrected = ""  # what a correction this turn put in place (the template's ``corrected``)
        self.last_fixed = ""  # the last fixes put in place, this session
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
        earlier_sessions = store.sessions(mentee)
        values["met_before"] = bool(earlier_sessions)  # "Hello again" even after an unfinished talk
        if earlier_sessions:
            last = store.session(earlier_sessions[0]["id"])["state"]  # read once, for both below
            said = last.get("replies")  # round 63: "Fair point, and sorry ..." first in every conversation
            state.replies = {str(k): int(v) for k, v in said.items() if isinstance(v, int)} if isinstance(
                said, dict) else {}
            if earlier_sessions[0]["status"] == "stopped":
                # the last conversation stopped for care: this one asks how they are before anything else
                state.care_first = bool(last.get("stopped_for_care") or last.get("care_first"))  # or left unanswered
        if flow.returning and (previous or earlier_sessions):  # a talk stopped part way counts as "last time" too
            picture, where, carried = Provenance.last_picture(store, mentee, previous, flow.summary,
                                                              flow.steps[flow.returning].changed)
            if previous or recap_says_something(flow, values, picture):  # round 61: a recap that said nothing
                values["previous"], state.sources["previous"], state.carried = picture, where, carried
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
        if self.state.care_first:  # "are you safe?" first; the step is entered once they say they are
            return self._finish_turn(msgs + self.care_opening())
        msgs += self._enter(self.step, fresh=False)
        return self._finish_turn(msgs)

    def reply(self, text: str) -> list[Message]:
        """Handle one line from the mentee (an answer or a /command) and say what comes next."""
        if self.finished:
            raise UsageError(f"this conversation is {self.status}")
        command = text.strip().lower()
        # "ugh its STILL wrong. /edit what drives me: meaning"; too long a line is kept as typed and asked for shorter
        edit = re.search(r"(?i)(?:^|\s)/edit\b", text.strip()) if len(text) <= MAX_ANSWER_CHARS else None
        if edit and (not edit.start() or edit_line(text.strip()[edit.end():])) and distress_level(
                text, self.flow.lexicon) != "crisis":  # a crisis is heard as one; "i'd /edit my cv" is an answer
            return self._edit_line(text, edit.end())
        if command in COMMANDS or command == "/reload":
            return self._command(command)
        if command.startswith("/") and command[1:].isalpha():
            return [self._rule(f"There is no {command} command. /help lists what you can type.", store=False)]
        step = self.current
        if not text.strip() and step.ask and step.corrects and step.expect == "text" and not step.ladder:
            # an Enter pressed by mistake at a read-back confirms nothing (round 22): asked again, a bounded number
            # of times (a yes/no question already reads an empty line as no answer)
            return self._finish_turn(self._bounded_reask(""))
        if back_asked(text) and self.state.history:  # "wait go back, i want to change my answer" (round 30)
            return self._command("/back", typed=text)
        st = self.state
        if takes_back(text) and st.history and not (st.reasks or st.check_in or st.check_in_again or st.care_first):
            # "wait no dont write that down as my goal, i was just venting" (round 59 kept it as the next answer)
            return self._command("/back", typed=text, note="Fair enough, I've taken that out.")
        inside = command_inside(text)
        if inside and distress_level(text, self.flow.lexicon) is None:  # "wait can we /skip this one" (round 59)
            return self._command(inside, typed=text)
        wrapped = self._wrap_up(text)  # "yes. i said wrap it up" (round 79)
        if wrapped is not None:
            return self._finish_turn(wrapped)
        asked = command_asked(text)
        if asked and self.status == "active" and (asked[1] or distress_level(text, self.flow.lexicon) != "crisis"):
            # "... both. ok now pause", "i'm going to stop here. /quit" (round 51); a crisis after "/quit" is heard
            said, rest = asked
            answered = re.search(r"\w", rest) is not None
            msgs = self._answer(rest) if answered else []
            if answered and not self.finished:
                self._question = None  # "just autonomy. bye": heard, and the next question waits for the resume
            msgs = self._finish_turn(msgs) if answered else []
            return msgs if self.finished else msgs + self._command(said, typed=None if answered else text)
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

    # --- commands ----------------------------------------------------------------------

    def _command(self, command: str, typed: str | None = None, note: str = "Going back.") -> list[Message]:
        if command == "/help":
            lines = [self.flow.replies["help"]] + [f"{c}  {d}" for c, d in COMMANDS.items()]
            return [self._rule("\n".join(lines), store=False)]
        if command == "/orig":
            q = self.state.last_question
            return [self._rule(q.canonical if q else "There is no question yet.", store=False)]
        if command == "/reload":
            return self.reload_from_disk()
        if command == "/summary":
            return self._show_summary()
        self._record_mentee(typed or command)
        if command == "/pause":
            msgs = [self._rule(self.flow.replies["paused"] + f" (coach chat --resume {self.id})")]
            self.status = "paused"
        elif command == "/quit" and not self.state.care_first and not self.values.get("previous") and any(
                self.flow.steps[e.to].forget for e in self.current.next):
            self._forget()  # at "carry on? stopping is fine too, and then nothing you typed is kept" (round 73)
            # ... but not at "shall we carry on?" after a recap: what was put right or told there stays (round 95)
            msgs, self.status = [self._rule("Stopped. Nothing you typed in this conversation is kept.")], "stopped"
        elif command == "/quit":
            msgs = [self._rule(f"Stopped. The transcript is kept on this machine; coach delete {self.id} erases it.")]
            self.status = "stopped"
        elif command == "/back":
            msgs = self._back(note)
        else:  # /skip
            msgs = self._advance(answer="", skipped=True)
        return self._finish_turn(msgs)

    def _back(self, note: str = "Going back.") -> list[Message]:
        if not self.state.history:
            return [self._rule("We're at the first question; there is nothing before it.")] + self._enter(
                self.step, fresh=False
            )
        self._position = position(self.flow, self._rewind(len(self.state.history) - 1), self._edge_taken)
        return [self._rule(note)] + self._enter(self.step, fresh=False)

    def _rewind(self, keep: int) -> str:
        """Take back every answered step after the first ``keep``, last first; the step the earliest began at."""
        step = ""
        while len(self.state.history) > keep:
            undo = self.state.history.pop()
            self.words.undo(undo)
            self.state.restore_counters(undo.counters)
            step = undo.step
        return step

    def _forget(self) -> None:
        """A declined consent: nothing typed in this session is kept."""
        self.store.forget_turns(self.id)
        self._turns.clear()
        self._next_n = 1
        self._reset()
        self.words = Provenance(self.state, self.values, self.id, self.store)

    # --- transcript --------------------------------------------------------------------

    def _say(
        self, text: str, kind: str = "say", canonical: str | None = None, rephrased: bool = False,
        meta: Rephrasing | None = None, store: bool = True, sources: list[str] | None = None,
        stored_as: str | None = None) -> Message:
        """A coach message, added to the transcript as ``stored_as`` (its kind unless said otherwise:
        "reask" marks the line that asks again, which flow statistics count)."""
        step, text, canonical = self.current, decimals_back(text), decimals_back(canonical)
        if store:
            self._turns.append(Turn(
                role="coach", text=text, step=step.name, phase=step.phase,
                canonical=canonical if canonical is not None else text, rephrased=rephrased,
                guard_ok=meta.guard_ok if meta else None, guard_reasons=list(meta.reasons) if meta else [],
                model_sha256=meta.model_sha256 if meta else None, prompt=meta.prompt if meta else None,
                n=self._number(), sources=sorted(sources or []), kind=stored_as or kind,
            ))
        return Message(text=text, step=step.name, phase=step.phase, kind=kind, canonical=canonical, rephrased=rephrased)

    def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message:
        return self._say(tidy(text), kind=kind, store=store, stored_as=stored_as)

    def _record_mentee(self, text: str) -> str:
        """Add what the mentee typed to the turn; return its reference ("session:n")."""
        step, n = self.current, self._number()  # kept as typed: the reader holds points in numbers only after this
        self._turns.append(Turn(role="mentee", text=text, step=step.name, phase=step.phase, n=n, kind="answer"))
        ref = f"{self.id}:{n}"
        self.words.remember(ref, keep_decimals(text))  # read later, as the reader reads: "0.6" one number
        return ref

    def _number(self) -> int:
        n, self._next_n = self._next_n, self._next_n + 1
        return n

    def _finish_turn(self, msgs: list[Message]) -> list[Message]:
        """Store the turn so far; then word the pending question (model work), store it, show all."""
        pending, self._question = self._question, None
        if self._corrected:  # "did you fix those 4 things?" asked later is answered from this
            self.last_fixed, msgs = self._corrected, msgs[:1] + self._edit_hint() + msgs[1:]
        self._corrected = ""
        if pending is not None and pending.step.rephrase and pending.rephrase and not isinstance(
                self.rephraser, Verbatim):
            self._commit()  # the answer and the decision are durable before the model is asked
        if pending is not None:
            msgs = [*msgs, self._word_question(pending)]
        self._commit()
        return msgs

    def _commit(self) -> None:
        turns, self._turns = self._turns, []
        self.store.save(
            self.id, step=self.step, phase=self.current.phase, values=decimals_back(self.values),
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
