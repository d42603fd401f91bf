"""Listening to an answer: what the reply does decides what the coach does next.

Every reply is read as dialogue acts first (coach.listening). Questions to the coach are
answered, an advice request is turned back, a worry or a realisation gets one short line, and
only then does the step use what is left: a clear yes or no, a partial answer (asked about,
never taken as a yes), a correction (applied to what it corrects), or the content itself,
trimmed of fillers. Non-answers are re-asked gently and never stored as answers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.conversation import heard
from coach.conversation.asked_back import AskedBack
from coach.conversation.beside import SaidBeside
from coach.conversation.checking_in import CheckingIn
from coach.conversation.confirming import Confirming
from coach.conversation.drives_again import DrivesAgain
from coach.conversation.evidence import Evidence
from coach.conversation.fixing import Fixing
from coach.conversation.forgetting import Forgetting
from coach.conversation.heard import corrected_to, goal_named, said_content, start_fixed
from coach.conversation.message import Message
from coach.conversation.recalling import Recalling
from coach.conversation.rung_fixes import RungFixes
from coach.conversation.said_before import same_again
from coach.conversation.state import Undo
from coach.conversation.summary import non_answer
from coach.conversation.turning import Turning
from coach.listening import rules
from coach.listening.acts import read_reply, unnumbered
from coach.listening.chain import denies_rung
from coach.listening.edits import read_edits
from coach.listening.heading import heading, idea_asked, picked_option
from coach.listening.hollow import left_out_beside
from coach.listening.jobs import ROLE
from coach.listening.playback import pointed_at, trimmed
from coach.listening.reading import Reading
from coach.listening.text import keep_decimals

if TYPE_CHECKING:
    from coach.conversation.words import Provenance
    from coach.flow.spec import Flow, Step
    from coach.rephrase.protocol import Rephrasing

_ASKS_FEELING = re.compile(r"(?i)\bfeel|sit with you|how (?:would|does|did) (?:that|it) (?:land|seem)")
# The mentee saying the ladder has reached the bottom ("thats it really", "that's the bottom of it").
_BOTTOM = re.compile(r"(?i)\bbottom\b|\bthat'?s (?:it|all)\b|"
                     r"nothing(?:'s| is)? (?:deeper|under|below|beneath|more|behind)|"
                     r"just (?:is|does|true|a fact|the way it is|how it is)\b|simple as|no (?:deeper |real )?reason|"
                     r"can'?t go (?:any )?deeper|as deep as")
# "is family. is most important. thats all": said last, after a reason (round 21).
_ENDS_THERE = re.compile(r"(?i)(?:^|[.!?,;]\s*)(?:i (?:already )?said,? )?(?:that'?s|that is) (?:all|it)"
                         r"(?: really| honestly)?\W*$")
_KEEP_ALL = re.compile(r"(?i)^(?:(?:no|nah|nope|ok|okay|sorry|honestly|yes|yeah|yep|oh)[, ]*)*(?:none of it|nothing"
                       r"(?: really)?|(?:it'?s|its|that'?s|thats|it is) (?:fine|right|ok|okay|all good|correct)|"
                       r"all good|leave it(?: as it is)?|keep it(?: as it is)?|no changes?|yes|yeah|yep|"
                       r"the [\w' ]{1,30} (?:is|was) just me)$")


_SENTENCE_LABEL = re.compile(r"(?i)\b(?:one|my|the) sentence(?: is| would be)?(?: (?:the )?same as (?:last time|"
                             r"before))?\s*[:,-]\s*(?P<rest>\w.+)$")  # "one sentence is same as last time, X" (r. 80)


class Answering(CheckingIn, Confirming, Fixing, SaidBeside, Recalling, AskedBack, Evidence, Forgetting, RungFixes,
                Turning, DrivesAgain):
    """The part of a conversation that reads answers and acts on them (mixed into Conversation)."""

    flow: Flow
    values: dict[str, Any]
    words: Provenance
    status: str
    _corrected: str
    _plain_next: bool

    # --- provided by the conversation -----------------------------------------------------
    if TYPE_CHECKING:
        from coach.conversation.state import SessionState

        state: SessionState

        @property
        def current(self) -> Step: ...
        @property
        def step(self) -> str: ...
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _say(
            self, text: str, kind: str = "say", canonical: str | None = None, rephrased: bool = False,
            meta: Rephrasing | None = None, store: bool = True, sources: list[str] | None = None,
            stored_as: str | None = None) -> Message: ...
        def _record_mentee(self, text: str) -> str: ...
        def _rung(self) -> str: ...
        def _reask(self) -> list[Message]: ...
        def _only_put_right(self, text: str) -> bool: ...
        def _reply(self, key: str) -> str: ...
        def _move(self, ctx: rules.Context) -> list[Message]: ...
        def _enter(self, name: str, fresh: bool = True) -> list[Message]: ...
        def _render(self, source: str) -> str: ...
        def _asked(self) -> str | None: ...
        def _put_right(self, said: str) -> Message: ...

    # --- one answer ---------------------------------------------------------------------

    def _answer(self, text: str) -> list[Message]:
        ref, text = self._record_mentee(text), keep_decimals(text)  # "the 0.6 offer" read as one number
        self._plain_next = self._acked = False
        self._recap_fixed = ""
        self._typed = text  # the whole reply, doubts and all (the template value "unsure")
        text = unnumbered(text, labelled=bool(self.current.corrects and self.current.say))  # one item at a time
        return self._distress_first(text, ref) or self._take(text, ref)

    def _take(self, text: str, ref: str) -> list[Message]:
        """What the step makes of an answer that is no sign of distress (or was said to be safe)."""
        fixed = self._recap_put_right(text)
        if fixed and self._only_put_right(text):  # asked how the experiment went: put right, then asked again
            return fixed + self._reask()
        step = self.current  # "same as last time" at a question asked last time too: last time's words (round 75)
        again = same_again(text, step.save_as or step.append_to or "", self.values.get("previous") or {},
                           self.flow.lexicon) if step.expect == "text" else ""
        return fixed + self._taken(again or text, ref)

    def _taken(self, text: str, ref: str) -> list[Message]:
        lex = self.flow.lexicon
        step = self.current
        if step.ask is None:  # nothing was asked; should not happen with a validated flow
            return self._advance(answer=text, ref=ref)
        # "either": a yes or no is heard as one, and words are kept as the answer.
        reading = read_reply(text, lex, expect="yes_no" if step.expect == "either" else step.expect,
                             question=self._asked())
        aside = self._heading_turned(text, ref) or self._said_aside(text, reading, ref)
        if aside is not None:  # "... one sentence: X", "i work alone lol", "i want time off ON the list"
            return aside
        asks_fix = step.corrects and step.expect == "text" and not (step.save_as or step.append_to or step.say
                                                                    or step.ladder)  # "yes." at a why: no fix
        if asks_fix and text.strip() and all(_KEEP_ALL.match(s.strip()) for s in re.split(r"[.!?,;]+", text) if s):
            # "NONE of it. its right. yes." at "what would you change?": nothing to change (round 25)
            return self._asides(reading) + self._advance(answer="", ref=ref, reading=reading, confirm=None)
        fixed = self._playback_fixed(text, reading, ref)
        if fixed is None:  # or a line put right at another question, or a heading turned in passing
            fixed = self._earlier_line_fixed(text, ref) or self._heading_put_right(text, reading, ref)
        if fixed is not None:  # "the heading bit is wrong, it's X. and add Y to underneath"
            return fixed
        start = start_fixed(reading) if step.expect == "yes_no" and "goal" in step.corrects else ""
        if start:  # "the start is wrong, its not teacher, its getting out of teaching": the goal, put right whole
            self._begin_change()
            self.words.set("goal", start, self._refs())
            self._corrected = start
            return self._advance(answer=text, ref=ref, reading=reading, corrected=True)
        edits = read_edits(text) if step.corrects and self.state.follow_up != step.name else []
        edits = self._rung_edits(text, reading, edits) if step.ladder else edits
        again = self._seed_said_again(text, reading, edits) if step.ladder else None
        if again is not None:
            return again
        if edits and self._edit(edits):  # "drop the money bit": applied wherever it was kept
            return self._after_edits(text, reading, ref, edits)
        rewritten = self._rewritten(text, reading, ref)
        if rewritten is not None:  # "mostly yes but the deciding thing isnt me, its more being heard"
            return rewritten
        said = self._asides(reading)
        if any(a.topic == "skip" for a in reading.acts):  # "can I skip this one?"
            return said + [self._rule(self._reply("skip"))] + self._advance(answer="", skipped=True)
        if self.state.heard and self.state.heard.get("step") == step.name:  # "Earlier you said X. Is that it?"
            return said + self._recalled_answer(text, ref)
        if self.state.follow_up == step.name:  # the answer to "which part of it fits?"
            self.state.follow_up = None
            if step.changed and not step.foreach:  # "the gardening still, not the podcasts": what fits now
                return said + self._part_that_fits(text, reading, ref)
            return said + self._which_part(text, reading, ref)
        # Something the mentee asked or remarked was answered; a thanks for a feeling answers nothing.
        # "..., you missed that one last time": a sorry for what was left out, and the answer is still heard
        answered = bool(said) and (set(reading.kinds) == {"non_answer"} or any(  # "sorry i quit before": asked again
            a.kind in ("question", "advice_request", "meta") and a.topic != "left_out" for a in reading.acts))
        if step.expect == "yes_no":
            return said + self._yes_no(text, reading, ref, answered=answered)
        return said + (self._misheard(reading) or self._text(reading, ref, answered=answered))

    def _own_repair(self, reading: Reading, correction: str) -> str:
        """What a "correction" says when it puts right nothing the coach said ("" if it does put something right):
        "X. no wait, Y" is the mentee's own repair; at the first why, "its more that i'm tired of 12 hour shifts"
        is the first reason, and the goal stays (round 28)."""
        if not correction:
            return ""
        own = heard.repaired_own(reading, correction)
        ladder = self.current.ladder
        if not own and ladder and not [r for r in self.values.get(ladder.chain) or [] if r]:
            own = correction if heard.first_reason(reading, correction) else ""
        return own

    def _text(self, reading: Reading, ref: str, answered: bool) -> list[Message]:
        step = self.current
        correction = corrected_to(reading)
        own = self._own_repair(reading, correction)
        correction = own or ("" if not step.corrects and left_out_beside(reading) else correction)  # round 73
        if not correction and step.ladder and "goal" in step.corrects:
            correction = goal_named(reading.reply)  # "that's my current job. the goal is X": X
        rung_fixed = self._rung_corrected(correction, reading, ref) if step.ladder and not own else None
        if rung_fixed is not None:
            return rung_fixed
        content = self._content(reading, correction)
        # A step that keeps no answer of its own asks for a correction: all it hears is one.
        asks_for_one = not (step.save_as or step.append_to)
        if step.corrects and not step.ladder and not own and (correction or (asks_for_one and content)):
            # "I meant the head chef actually, she plans menus": the correction, then this step's own answer
            fix, rest = heard.correction_and_answer(reading, content) if correction and step.save_as else (content,) * 2
            fixed = self._correct(fix, reading.reply)
            if fixed and not rest:  # only put right: the question again, about it
                return [self._put_right(fix)] + self._enter(step.name, fresh=False)
            if fixed:
                return self._advance(answer=rest, ref=ref, reading=reading, corrected=True)
        if not content and self._yes_to_what(reading):  # "yes." at "what makes that important to you?": again
            return self._bounded_reask("")
        if self._ladder_ends(reading, content):  # "thats it", "you already asked that" after reasons
            return self._advance(answer="", skipped=True)
        if not content and step.min_words == 0 and not answered:
            # "nothing comes to mind" is fine here; a bare yes or maybe still routes as one
            return self._advance(answer="", ref=ref, reading=reading, confirm=reading.confirm)
        if not content and answered and (not reading.has("non_answer") or reading.has("question")) and \
                not rules.says_any(self.flow.lexicon, "passing", reading.reply):
            return self._reask()  # a question or remark ("idk, what do most people pick?"), answered above: again
        said_words = bool(rules.words(reading.reply))  # an empty line may be a slip of the Enter key
        if not content and said_words and reading.has("non_answer") and (
            self.state.reasks or rules.says_any(self.flow.lexicon, "passing", reading.reply)
        ):
            # "idk. pass", or "dunno" said twice: the mentee has passed; a third asking would only push.
            return [self._rule(self._reply("move_on"), stored_as="move_on")] + self._advance(answer="", skipped=True)
        if not content and not reading.has("non_answer") and reading.has("feeling"):
            return self._bounded_reask("")  # "my mum is in hospital atm": met above; then the question, no "say more"
        if not content:  # "idk": nothing to say more of, so a first thought is asked for
            unsure = any(a.kind == "non_answer" and a.rule not in ("bare-yes-no", "only-fillers", "empty")
                         for a in reading.acts)
            return self._bounded_reask(self._reply("reask_unsure") if unsure else None)
        named_role = step.save_as in ("want_job", "not_want_job") and (ROLE.match(content) is not None or re.match(
            r"(?i)(?:nobody|no one|none|noone|mine|my own|my job|my current (?:one|job|role)|"
            r"(?!(?:it|that|what|there|here|he|she|who|let|how)\W)\w+['\u2019]s)(?:'?s)?\b",
            content) is not None)  # "dispatcher", "nobodys", "mine lol", "janine's" (round 98): whose job
        if len(rules.words(content)) < step.min_words and not self.state.reasks and not named_role:
            return self._bounded_reask(None)  # asked for more once; a short answer said again is the answer
        if step.ladder and (any(a.kind == "non_answer" and _BOTTOM.search(a.text) for a in reading.acts)
                            or _ENDS_THERE.search(reading.reply) or reading.has_rule("meta.enough_why")):
            # "it wore her out and nobody cared. thats it really": a reason, and the last one.
            self.state.depth = max(self.state.depth, step.ladder.max_depth - 1)
        return self._advance(answer=content, ref=ref, reading=reading,
                             confirm=reading.confirm if step.expect == "either" else None)

    def _misheard(self, reading: Reading) -> list[Message] | None:
        """Told it misheard, nothing put instead ("you didnt get me"): a ladder's last rung goes; asked again."""
        step = self.current
        if not reading.has_rule("correction.misheard") or corrected_to(reading) or said_content(reading):
            return None
        chain = self.values.get(step.ladder.chain) if step.ladder else None
        if isinstance(chain, list) and chain and self.state.depth:
            self._begin_change()
            self._put(step.ladder.chain, len(chain) - 1, "", self._refs())  # type: ignore[union-attr]
            self.state.depth -= 1
        self._change = None
        return [self._rule(self._reply("misheard"))] + self._enter(step.name, fresh=False)

    def _content(self, reading: Reading, correction: str) -> str:
        """What the step keeps of a reply: its content without run-up, asides, labels or the job now."""
        step = self.current
        content = correction or trimmed(said_content(reading))  # kept without its run-up and asides
        content = pointed_at(reading.reply, content) if step.ladder else content
        rung = re.escape(self._rung().lower().strip(" .!?")) if step.ladder else ""  # "lol SENCo. um. its ...":
        content = re.sub(rf"(?i)^{rung}[.!?]+\s+", "", content) if rung else content  # the word asked about, no reason
        content = heard.without_bottom(content) if step.ladder else heard.without_worry(content, reading)
        content = heard.without_run_up(content, reading, ladder=bool(step.ladder))  # "the why is X": X
        label = re.escape(step.save_as or '~')  # "what mean 'love'? anyway. experiment: I write 5 tests": the rest
        labelled = re.search(rf"(?i)\b{label}s?\s*(?::|\.{{2,}}|\u2026)\s*(?P<rest>\w.+)$", reading.reply) or (
            _SENTENCE_LABEL.search(reading.reply) if "bedrock" in (step.save_as, step.append_to) else None)
        if labelled:
            content = trimmed(labelled.group("rest"))
        still_wrong = step.save_as == "experiment" and (  # "you didn't fix X", "no experiment this time"
            reading.topic("meta") == "still_wrong" or heard.declines_experiment(reading.reply))
        if content and (rules.is_off_topic(content, self.flow.lexicon) or non_answer(content) or still_wrong):
            content = ""  # keyboard mashing, a lone "yes", "not much": never stored as an answer
        content = content or self._feeling_answer(reading)
        if content and step.save_as in ("goal", "experiment"):  # "should i just X?" at the experiment: maybe X
            content = heading(content, reading.reply) if step.save_as == "goal" else idea_asked(
                picked_option(reading.reply) or content)  # "X or Y. just Y": Y
        return content

    def _feeling_answer(self, reading: Reading) -> str:
        """"how would you feel?" "scary but ok": the feeling is the answer ("" if not asked one)."""
        feeling = reading.first("feeling")
        return feeling.text if feeling is not None and _ASKS_FEELING.search(self._asked() or "") else ""

    def _bounded_reask(self, prompt: str | None) -> list[Message]:
        """Ask again, a bounded number of times, then move on. ``""``: no lead-in line."""
        count = self.state.reasks
        if count >= self.flow.reasks:
            # At a yes/no question the flow's own edges say what "no answer" means (at consent: stop).
            said = [] if self.current.expect == "yes_no" else [self._rule(self._reply("move_on"), stored_as="move_on")]
            return said + self._advance(answer="", skipped=True)
        self.state.reasks = count + 1
        lead = self._reply("reask") if prompt is None else prompt
        return ([self._rule(lead, stored_as="reask")] if lead else []) + self._reask()

    # --- keeping an answer and moving on --------------------------------------------------

    def _advance(
        self, answer: str, skipped: bool = False, ref: str | None = None, reading: Reading | None = None,
        confirm: bool | None = None, corrected: bool = False, sources: list[str] | None = None,
        changed: str = "", own: str = "",
    ) -> list[Message]:
        """Keep the answer, say any reflection, and move along the first edge whose rule holds.

        ``sources``: the mentee turns the kept words came from, when not (only) this answer;
        ``changed``: what a no or a partial yes said is different (kept in the step's ``changed``);
        ``own``: a check's item in the mentee's own word, collected as said."""
        step = self.current
        lex = self.flow.lexicon
        undo, self._change = self._change or Undo(step=step.name, counters=self.state.counters()), None
        self.words.begin(undo)
        self.words.answer(answer, ref)
        yes_no = step.expect == "yes_no"
        kept = "" if yes_no or corrected else answer
        # "yeah ok. i kind of want to move into UX research" at "shall we begin?": said, so recalled when asked
        aside = yes_no and not (step.save_as or step.append_to or step.foreach) and confirm is True \
            and bool(said_content(read_reply(answer, lex)))
        if (kept or aside) and ref is not None:
            self.state.said.append(ref)
        refs = sources if sources is not None else [ref] if ref else []
        if step.save_as:
            self.words.set(step.save_as, answer if yes_no or corrected else kept, refs if answer else [])
        if step.append_to and kept:
            self.words.append(step.append_to, kept, refs)
        if changed and step.changed:  # "partly, it's climbing now": a list gets the news, a text becomes it
            keep = self.words.append if isinstance(self.values.get(step.changed), list) else self.words.set
            keep(step.changed, changed, [ref] if ref else [])
        ctx = rules.Context(answer=answer, values=self.values, lex=lex, skipped=skipped, confirm=confirm,
                            hedged=bool(reading and reading.has("hedge")), corrected=corrected, changed=bool(changed),
                            read=reading is not None, reply=reading.reply if reading else answer,
                            typed=str(getattr(self, "_typed", "") or ""))
        if step.ladder:
            self._climb(step, kept, ref, ctx, skipped)
        if confirm is True and step.keep_previous:
            self._keep_previous(step)
            if changed and step.changed:
                self._kept_changed(step.changed, changed, ref)
        if step.foreach:
            items = self.state.items or []
            index = self.state.item_index
            if index < len(items) and step.collect_yes and confirm is True:
                self._collect(step.collect_yes, items[index], ref)
            collected = [str(k).lower() for k in self.values.get(step.collect_yes or "") or []]
            if step.collect_yes and own and own.lower() not in collected:  # "security" kept already: not twice
                self.words.append(step.collect_yes, own, [ref] if ref else [])
            named = {str(k).lower() for k in self.values.get(step.collect_yes or "") or []}
            self.state.item_index = next((i for i in range(index + 1, len(items))  # "having a say" kept: not asked
                                          if str(items[i].get("label") or "").lower() not in named), len(items))
            if self.state.item_index < len(items):
                self.state.push(undo)
                return self._enter(step.name, fresh=False)
        msgs: list[Message] = []
        for reflection in step.after:
            said_twice = self._acked and reflection.when == "energised"  # one acknowledgement a turn
            if not skipped and not said_twice and rules.evaluate(reflection.when, ctx):
                said = self._render(reflection.say)
                if said.strip():  # "{% if last %}So: ...{% endif %}" with nothing to say back: no empty line
                    msgs.append(self._say(said, sources=self.words.sources_of(reflection.say)))
                break
        self.state.push(undo)
        return msgs + self._move(ctx)

    def _climb(self, step: Step, kept: str, ref: str | None, ctx: rules.Context, skipped: bool) -> None:
        """One rung of a why-ladder: keep it, count it, and note a bedrock statement."""
        assert step.ladder is not None
        before = self.values.get(step.ladder.chain) or []
        if kept and before and denies_rung(kept, str(before[-1])):  # "not the nurse bit exactly, more X": in its place
            self.words.replace(step.ladder.chain, len(before) - 1, kept, [ref] if ref else [])
            self.state.depth -= 1
        elif kept:
            self.words.append(step.ladder.chain, kept, [ref] if ref else [])
        chain = self.values.setdefault(step.ladder.chain, [])
        self.state.depth += 1
        short = len(rules.words(kept)) <= 2
        self.state.short_streak = self.state.short_streak + 1 if short else 0
        ctx.depth, ctx.max_depth = self.state.depth, step.ladder.max_depth
        ctx.chain, ctx.short_streak = chain, self.state.short_streak
        deepest = rules.is_bedrock(kept, self.flow.lexicon) or rules.said_bottom(ctx.reply)  # "... the real bottom"
        if not skipped and kept and deepest and kept not in (self.values.get("bedrock") or []):
            self.words.append("bedrock", kept, [ref] if ref else [])

    def _keep_previous(self, step: Step) -> None:
        """A clear yes to "is that still true?": last time's words become this session's, ids and all."""
        previous = self.values.get("previous") or {}
        where = self.state.sources.get("previous") or {}
        for var, key in step.keep_previous:
            items = previous.get(key)
            items = items if isinstance(items, list) else [items]
            refs = where.get(key)
            refs = refs if isinstance(refs, list) else []
            kept = [(i, item) for i, item in enumerate(items) if isinstance(item, str) and item.strip()]
            if isinstance(self.values.get(var), list):  # "gardening and podcasts": every one of them, still true
                for i, item in kept:
                    self.words.append(var, item, list(refs[i]) if i < len(refs) else [])
            elif kept:  # a text: last time's words for the same value ("goals: [goal, want_job]": the job second)
                i, item = self._previous_item(var, key) or kept[0]
                self.words.set(var, item, list(refs[i]) if i < len(refs) else [])
