"""Yes/no answers: a clear yes or no, a hedge that gets "which part fits?", a check put right in the mentee's word."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.conversation.changes import Changes
from coach.conversation.evidence import fitting
from coach.conversation.heard import corrected_to, said_content, yes_to_open
from coach.conversation.said_whole import said_whole
from coach.conversation.summary import non_answer
from coach.listening import rules
from coach.listening.change_words import OTHERWISE_TRUE
from coach.listening.edits import OPEN_END
from coach.listening.fixes import read_fixes
from coach.listening.hollow import changed_without_what
from coach.listening.playback import play_back, trimmed
from coach.listening.returning import news_in

if TYPE_CHECKING:
    from coach.conversation.message import Message
    from coach.conversation.state import SessionState
    from coach.conversation.words import Provenance
    from coach.flow.spec import Flow, Step
    from coach.listening.reading import Reading

# A word that says what is not so: the corrected words deny, they don't rename.
_DENIES = re.compile(r"(?i)\b(?:not|no|never|don'?t|doesn'?t|didn'?t|isn'?t|nothing|nobody|care)\b")
# A drive named as what it spares one ("not being invisible", "not having to ask permission").
_NOT_BEING = re.compile(r"(?i)^not (?:being|having|feeling|needing|getting)\b(?!.*\b(?:matters?|important|drives?)\b)")
# Short replies that are no name for a drive ("no, sorry", "no, i'm fine", "enough").
_NOT_A_WORD_FOR_IT = re.compile(
    r"(?i)^(?:i'?m|i am|i|sorry|thanks|thank you|ok|okay|fine|nah|nope|yes|yeah|maybe|idk|lol|haha|enough|same|"
    r"that|this|it|well|really|honestly|again|obviously|whatever|exactly|correct|right|wrong|why|what|"
    r"(?:the )?opposite|evidently|none|nothing|neither|never|not|forget|drop|scrap|skip|ignore)\b")  # "forget money"
# A reply that goes on with one more reason ("because ...", "and also cos ...").
_REASON_ADDED = re.compile(
    r"(?i)^\W*(?:(?:and|also|plus|oh and|and also)[, ]+)?(?:because|cause|'cause|cos|coz|cuz|bc|since)\b")
# "kind of, but its also the nights thing", "sort of. also the nights" (round 91 asked "what would you change?"): after
# a hedge, one more reason put beside what was played back
_ALSO_REASON = re.compile(r"(?i)^\W*(?:(?:kind of|sort of|kinda|sorta|partly|partially|mostly|yes|yeah|ya|"
                          r"i guess|i think|ish|a bit|in a way)[,.!]*\s+)+(?:but |and )?"
                          r"(?:(?:it'?s|its|it is|there'?s|theres) )?(?:also|as well)\b")
_GERUND = re.compile(r"(?i)(?!(?:no|some|any|every)thing\b)[a-z]{2,}ing\b")
# After a yes, a reason put beside it ("yeah and also ...", "yes, plus i like ...").
_ALSO = re.compile(r"(?i)\b(?:and also|also|plus|and because|and cos|and cause|and bc|oh and)\b")
# "the drivers are wrong", "that bit's not right": a complaint about what was kept, not news of a change.
_COMPLAINT = re.compile(r"(?i)\b(?:wrong|not right|incorrect|not correct|mistaken|junk|rubbish|nonsense|typos?)\b")
# "it feels meaningful", "yes, and it makes me feel useful" (round 41): one more reason; "yes, that's right" agrees.
_THOUGHT = re.compile(r"(?i)^(?:and |so )?(?:it|i|that|they|people|this|he|she|we)(?:'[a-z]+)? [a-z']+ \w")
_AGREES = re.compile(r"(?i)^(?:that'?s|thats|it'?s|its|it is|that is|you'?ve|you have|sounds|that sounds|i think|"
                     r"i'?d say)\b[\w' ]{0,20}?\b(?:right|correct|true|it|fine|accurate|spot on|good|fair|me|so|"
                     r"nailed it|got it|all)\W*$")
# A grudging yes to a drive check, nothing more: "yeah i suppose", "i guess so", "ok i think so".
_GRUDGING = re.compile(r"(?i)^\W*(?:(?:yeah|yes|yep|ya|yea|ok|okay|sure)[,.]?\s+)?(?:i (?:guess|suppose|think)(?: so)?|"
                       r"(?:i )?s'?pose so|guess so)(?:[,.]?\s+(?:yeah|yes|lol|haha))?\W*$")
# "mostly yeah", "yeah pretty much": a yes said with a shrug, never "partly" (round 42 persona).
_MOSTLY_YES = re.compile(r"(?i)^\W*(?:(?:mostly|largely|pretty much|for the most part|on the whole)[,.]?\s+"
                         r"(?:yeah|yes|yep|ya|yea)|(?:yeah|yes|yep|ya|yea)[,.]?\s+(?:mostly|pretty much|largely))"
                         r"\b[.,!]*")
# ... and one more beside it: "but also i need days for my daughter", "and time off"
_ALSO_NEED = re.compile(r"(?i)^\W*(?:but |and )?(?:also |plus )(?:i (?:need|want|like|care about|value) )?"
                        r"(?P<x>[\w' ]{3,40}?)\W*$")
# Replies that ask, put right or remark are not one more reason.
_NOT_ADDED = frozenset({"no", "correction", "question", "advice_request", "meta", "distress"})
# "more useful than meaningful": the mentee's word, said beside the one checked.
_MORE_THAN = re.compile(r"(?i)\bmore (?P<x>(?!(?:like|about|of|than|that|the)\b)[\w'-]+(?: [\w'-]+)?) than "
                        r"(?P<y>[\w' -]{3,30}?)(?=[.,;!?]|$)")
# At most this many words are played back as "the part that fits"; more is an example or a story.
_PART_WORDS = 5
# One more drive named beside a partial yes (round 21): "yeah mostly. and time off", "time off matters too".
_DRIVE_ADDED = re.compile(r"(?i)(?:^|[.!?;]\s*)(?:and|also|plus|oh and)\s+(?:also\s+)?"
                          r"(?P<x>(?!(?:the )?(?:other|others|rest|both|them|those|these)\b)[\w' ]{2,30}?)"
                          r"\s*(?:[.!?;]|$)|"
                          r"(?:^|[.!?;,]\s*)(?:and\s+)?(?P<y>(?!(?:it|that|this|the rest|both)\b)[\w' ]{2,30}?) "
                          r"(?:matters?|counts?|is important) too\b")


# "the meaning part fits", "that bit's right": what fits, said of the item asked about.
_PART_NAMED = re.compile(r"(?i)(?P<part>(?:the|that|this) [\w' ]{2,30}? (?:part|bit))(?:'s| is)? "
                         r"(?:fits|is right|is true)\b")  # the part named as it fits, to say back
_FITS = re.compile(r"(?i)^(?:the |that |this )?[\w' ]{0,30}?(?:part|bit|one)(?:'s| is)? "
                   r"(?:fits|is right|is true|is it)\b|^(?:yes|yeah|yep)\b"
                   # "the not being micromanaged part": the part that fits, named
                   r"|^(?:the |that )[\w' ]{2,30}? (?:part|bit)(?: (?:mostly|really|definitely|for sure|i guess))?"
                   r"[.!]?$")


_SPLIT = re.compile(r"(?i)\bfor (?:the |my )?(?P<x>[\w' ]{1,30}?)(?: thing| bit| one| part)?,? "
                    r"(?:yes|yeah|yep|definitely)\b.*?\bfor (?:the |my )?[\w' ]{1,30}?,? (?:no|not really|nope|nah)\b")


class Confirming(Changes):
    """The part of a conversation that reads answers to yes/no questions (mixed into Conversation)."""

    flow: Flow
    state: SessionState
    values: dict[str, Any]
    words: Provenance
    _corrected: str
    _recap_fixed: str  # words put right at last time's recap this turn (coach.conversation.recalling)

    if TYPE_CHECKING:

        @property
        def current(self) -> Step: ...
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _reply(self, key: str) -> str: ...
        def _asked(self) -> str | None: ...
        def _reask(self) -> list[Message]: ...
        def _yes_and_more(self, text: str, reading: Reading, ref: str) -> list[Message] | None: ...
        def _drives_again(self, text: str, reading: Reading, ref: str) -> list[Message] | None: ...
        def _bounded_reask(self, prompt: str | None) -> list[Message]: ...
        def _correct(self, new: str | None, reply: str) -> bool: ...
        def _begin_change(self) -> None: ...
        def _item(self) -> dict[str, Any]: ...
        def _refs(self) -> list[str]: ...
        def _advance(
            self, answer: str, skipped: bool = False, ref: str | None = None, reading: Reading | None = None,
            confirm: bool | None = None, corrected: bool = False, sources: list[str] | None = None, changed: str = "",
            own: str = "") -> list[Message]: ...

    def _yes_to_what(self, reading: Reading) -> bool:
        """"yes thats it" to the read-back said just before "what drives all this?", "yes." at the first why: no
        answer to it (once); "thats it" after reasons is the bottom of the ladder."""
        step = self.current
        bare = any(a.rule == "bare-yes-no" for a in reading.acts)
        reasons = step.ladder is not None and any(self.values.get(step.ladder.chain) or [])
        return step.expect == "text" and not self.state.reasks and bare and not reasons and yes_to_open(
            reading.reply, self._asked())

    def _yes_no(self, text: str, reading: Reading, ref: str, answered: bool) -> list[Message]:
        step = self.current
        # "yes and also freedom" at the money check (round 41): freedom kept too
        together = (self._drives_again(text, reading, ref)  # "yes and also time now" at last time's drives
                    or self._list_restated(text, reading, ref)  # "just bikes and the shed" at last time's list
                    or self._together(text, reading, ref) or self._yes_and_more(text, reading, ref)
                    or self._still_but(text, reading, ref)  # "sam's job still looks nice. but the paperwork"
                    or self._new_pick(text, reading, ref))
        if together is not None:
            return together
        fix = corrected_to(reading) or said_content(reading)
        if reading.has("correction") and step.corrects and self._correct(fix, text):
            return self._advance(answer=text, ref=ref, reading=reading, confirm=None, corrected=True)
        elsewhere = self._answered_otherwise(text, reading, ref, answered)
        if elsewhere is not None:
            return elsewhere
        own = self._own_word(reading)
        if own and self._names_item(own):  # "no wait i meant yes to meaning": a yes to this very check
            return self._advance(answer=text, ref=ref, reading=reading, confirm=True)
        if own and self._names_confirmed(own):  # at the money check, "i meant yes to meaning, not money": a no
            return self._advance(answer=text, ref=ref, reading=reading, confirm=False)
        if own:  # "not meaningful exactly, useful": the check put right in the mentee's word, kept as said
            line = self._reply("own_word").replace("{words}", play_back(own))
            # "yeah. more like proving it to myself than getting good, but yeah": a yes, in their words too.
            agreed = True if reading.has("yes") and not reading.has("no") else None
            return [self._rule(line[:1].upper() + line[1:])] + self._advance(
                answer=text, ref=ref, reading=reading, confirm=agreed, own=own)
        changed = self._what_changed(reading)
        added = "" if changed else self._added_to_previous(reading)  # kept whole: last time's words are in it
        if changed or added:  # "partly, i've moved to QA since": the answer to "what has changed?", already given
            whole = said_whole(changed or added)  # added, said whole where the flow has no "noted_too"
            line = (self._changed_line(changed, added, text) or self._reply("changed")).replace("{words}", whole)
            hollow = not whole.strip(" .,;!?'\"")  # nothing to say back: never "how it went: ." (round 64)
            listed = isinstance(self.values.get(self.current.changed or ""), list)
            fixed = self._recap_fixed  # "and its be there for my family": said back once, as put right
            # "the drivers are wrong. is meaning and learning": the complaint is not news once put right (round 42)
            # "also its not climbing anymore i hurt my wrist, its more running now" (round 95 noted it twice): the
            # words that put the line right are not news as well
            last = {str(i).lower() for v in (self.values.get("previous") or {}).values() if isinstance(v, list)
                    for i in v}
            restated = bool(fixed) and any(f.part.lower() in last for f in read_fixes(changed or added) if f.part)
            line = self._told_beside_fix(text, line) if restated else line
            said = [] if hollow or not line or (fixed and (fixed.lower() in line.lower() or _COMPLAINT.search(
                changed or added))) else [self._rule(line)]
            return said + self._advance(answer=text, ref=ref, reading=reading,
                                                      # "plus X" at last time's list: the list, X beside it
                                                      confirm=(True if listed else None) if added else reading.confirm,
                                                      changed=changed or added)
        if not answered and self._added_reason(text, reading):
            # "because she made everyone feel at home", "yes, and also i like being asked": one more reason
            return self._advance(answer=text, ref=ref, reading=reading, confirm=None, corrected=True)
        # "the trainer. for the fourth time"; "..., otherwise ya still true", "put all three same" (rounds 83, 84)
        stands = OTHERWISE_TRUE.search(text) is not None
        if reading.confirm is not None or self._same_as_before(reading) or stands:
            return self._advance(answer=text, ref=ref, reading=reading, confirm=stands or reading.confirm is not False)
        if reading.has("correction") and not reading.has("hedge"):  # "not quite", with nothing more: a no
            return self._advance(answer=text, ref=ref, reading=reading, confirm=False)
        if reading.has("hedge"):
            return self._hedge(text, reading, ref)
        if not answered and set(reading.kinds) <= {"non_answer", "content"}:
            plain = rules.yes_no(text, self.flow.lexicon)  # "ok", "alright then": plain yes/no words, how it opens
            if plain is not None:
                return self._advance(answer=text, ref=ref, reading=reading, confirm=plain)
        if answered:  # a question or remark, answered above: now the question again
            return self._reask()
        split = self._split_answer(text, reading, ref)
        return self._not_yes_or_no(text) if split is None else split

    def _not_yes_or_no(self, text: str) -> list[Message]:
        """Neither yes nor no: the question again, after the news it told if any, else after "yes or no?"."""
        news = news_in(text) if self.current.changed and "news_heard" in self.flow.replies else ""
        if news:  # "i applied for a deputy head post. interview's in two weeks" at "still where you're heading?"
            return self._bounded_reask(self._reply("news_heard").replace("{words}", news))  # heard, then asked again
        if self.current.foreach and len(rules.words(text)) >= 4 and "unclear_example" in self.flow.replies:
            return self._bounded_reask(self._reply("unclear_example"))  # "people ring me when stuff breaks"
        return self._bounded_reask(self._reply("unclear"))

    def _split_answer(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """"for the head of dept thing yes, honestly. for data no" (round 25): partly, never "yes or no?"."""
        if self.current.changed and changed_without_what(text):  # "a few things are off": a no; what, asked next
            return self._advance(answer=text, ref=ref, reading=reading, confirm=False)
        split = _SPLIT.search(reading.reply) if self.current.foreach else None
        if split is None:
            return None
        words = play_back(f"for {split.group('x')}") or f"for {split.group('x')}"
        return [self._rule(self._reply("partly").replace("{words}", words))] + self._advance(
            answer=text, ref=ref, reading=reading, confirm=None)

    def _added_reason(self, text: str, reading: Reading) -> bool:
        """A reason added at a chain's playback ("and because I love baking") goes on the chain."""
        step = self.current
        chain = next((var for var in step.corrects if isinstance(self.values.get(var), list)), None)
        words = trimmed(said_content(reading))
        kinds = set(reading.kinds)
        if chain is None or not words or reading.confirm is False or kinds & _NOT_ADDED:
            return False
        # The hedge is on the new reason ("idk, being useful?"), not on what was played back.
        hedges = [a.rule for a in reading.acts if a.kind == "hedge"]
        own_hedge = bool(hedges) and all(rule in ("open.non_answer", "content.tentative") for rule in hedges)
        thought = _THOUGHT.match(words) is not None and len(words.split()) >= 3 and not _AGREES.match(words)
        if reading.confirm is True:
            added = _ALSO.search(text) is not None or thought  # "yeah, and also i like being the one people ask"
        else:  # "feels good to be the one people count on": a thought, not a word like "banana"
            added = _REASON_ADDED.match(text) is not None or _ALSO_REASON.match(text) is not None or own_hedge or (
                not hedges and len(words.split()) >= 4) or (
                not hedges and _GERUND.match(words) is not None and len(words.split()) >= 2) or (  # "helping people"
                not hedges and thought)
        if not added:
            return False
        words = re.sub(r"(?i)^(?:(?:but|and)\s+)?(?:(?:it'?s|its|it is|there'?s|theres)\s+)?(?:also|as well)\s+", "",
                       words)
        self._begin_change()
        self.words.append(chain, words, self._refs())
        self._corrected = words
        return True

    def _own_word(self, reading: Reading, most: int = _PART_WORDS) -> str:
        """A check's item put right in other words ("not meaningful exactly, useful" -> useful), else ""."""
        step = self.current
        if not (step.foreach and step.collect_yes) or reading.confirm is True:
            return ""
        if not reading.has("correction"):
            # "no. security. i keep saying": a plain no, then the mentee's own word for it
            if reading.confirm is not False:
                return ""
            pieces = [p.strip(" ,") for p in re.split(r"[.!?;]", trimmed(said_content(reading)))]
            named = [p for p in pieces if 1 <= len(p.split()) <= 2 and not _DENIES.search(p) and not non_answer(p)
                     and not _NOT_A_WORD_FOR_IT.match(p)]
            label = set(rules.words(str(self._item().get("label") or "")))
            # "NO. earning ENOUGH. for childcare" (round 41): the piece that names the drive checked, not the why
            return next((p for p in named if set(rules.words(p)) & label), named[-1]) if named else ""
        # "proving it to myself than getting good": what it is, not what it is more than.
        words = re.sub(r"(?i)^(?:simply|really|just)\s+(?!enough\b)", "", trimmed(corrected_to(reading)))
        words = re.sub(r"(?i)(?<!\bto)\s+(?:than|rather than|instead of|not)\s+.*$", "", words)  # "to not be": kept
        words = re.sub(r"(?i)^(?:yes|yeah|yep)(?:,?\s+(?:to|for))?[,\s]+", "", words)  # "yes to meaning": meaning
        # "not being invisible", "enough to not panic": words for it, not a no
        denied = _DENIES.search(re.sub(r"(?i)\bto not\b", "to", words)) and not _NOT_BEING.match(words)
        if not words or non_answer(words) or len(words.split()) > most or denied or OPEN_END.search(words) or (
                re.match(r"(?i)^i (?:said|meant|mean)\W*$|^(?:forget|drop|scrap|skip|ignore)\b", words)):
            return ""  # "i said i dont care who decides": a no said again, not a word of their own
        return words

    def _answered_otherwise(self, text: str, reading: Reading, ref: str, answered: bool) -> list[Message] | None:
        """No yes or no, but something else said instead (None: not so)."""
        others = self._others_named(text, reading)
        if others:  # "recognition, if I'm honest. and growth" at the impact check: kept, and the check again
            return [self._rule(self._reply("noted_too").replace("{words}", " and ".join(others)))] + self._reask()
        talks_on = rules.RULES["talks_on"](rules.Context(answer=text, values=self.values, lex=self.flow.lexicon,
                                                         reply=text))
        if reading.confirm is None and not reading.has("correction") and not answered and talks_on \
                and any(e.when and "talks_on" in e.when for e in self.current.next):
            # "In 5 years I wish to be reception manager...": talked on instead of a yes; the flow asks plainly
            return self._advance(answer=text, ref=ref, reading=reading, confirm=None)
        # "so I shadowed a PM for a day" at "still true?"; "still Dr Shah's" at "still the one you'd pick?";
        # "bouldering yes, books not so much lately. started running though" (an empty list is an answer too)
        said = self._experiment_first(text, reading)
        said = self._still_named(text, reading, ref) if said is None else said
        return self._list_said(text, reading, ref) if said is None else said

    def _partly_plain(self) -> str:
        """"Partly, then. I'll leave {label} off the main list.": what is left off, named (round 23 asked)."""
        label = str(self._item().get("label") or "it")
        return self._reply("partly_plain").replace("{label}", label)

    def _hedge(self, text: str, reading: Reading, ref: str) -> list[Message]:
        """"Kind of", "partly", "not sure": never a yes. The flow may route it; else ask what fits."""
        step = self.current
        if any(e.when and "hedge" in e.when for e in step.next):
            return self._advance(answer=text, ref=ref, reading=reading, confirm=None)
        if step.foreach and step.collect_yes and _GRUDGING.match(text):  # "yeah i suppose" (round 40): a yes
            return self._advance(answer=text, ref=ref, reading=reading, confirm=True)
        mostly = _MOSTLY_YES.match(text) if step.foreach and step.collect_yes else None
        if mostly:  # "mostly yeah. but also i need days for my daughter": a yes, and one more of their own
            beside = _ALSO_NEED.match(text[mostly.end():])
            own = trimmed(beside["x"]) if beside else ""
            if own and not non_answer(own):
                self.words.append(step.collect_yes or "", own, self._refs())
            said = [self._rule(self._reply("noted_too").replace("{words}", play_back(own) or own))] if own else []
            return said + self._advance(answer=text, ref=ref, reading=reading, confirm=True)
        own = self._own_word(reading, most=10) if step.foreach and reading.has("correction") else ""
        more = _MORE_THAN.search(text) if step.foreach and step.collect_yes and not own else None
        if more and self._names_item(more.group("y")):  # "kinda? more useful than meaningful" (round 28): useful
            own = more.group("x")
            others = self._others_named(text[more.end():], reading, hedged=True)
            line = self._reply("own_word").replace("{words}", play_back(own))
            also = [self._rule(self._reply("noted_too").replace("{words}", " and ".join(others)))] if others else []
            return [self._rule(line[:1].upper() + line[1:]), *also] + self._advance(
                answer=text, ref=ref, reading=reading, confirm=None, own=own)
        if own:  # "sort of? more like having a say in how my day goes. not changing the world": their words
            line = self._reply("own_word").replace("{words}", play_back(own))
            return [self._rule(line[:1].upper() + line[1:])] + self._advance(
                answer=text, ref=ref, reading=reading, confirm=None, own=own)
        if step.foreach:
            others = self._others_named(text, reading, hedged=True) if said_content(reading) else []
            if others:  # "kind of. but also meaning": this one in part, the other kept; "... Both.": both kept
                kinds = [a.kind for a in reading.acts]
                # "money yes. and maybe respect" (round 32): the yes is this one's, the maybe the other's
                both = re.search(r"(?i)\bboth\b|\bkeep (?:them|both)\b", text) is not None or (
                    "yes" in kinds and "no" not in kinds and kinds.index("yes") < kinds.index("hedge"))
                noted = self._reply("noted_too").replace("{words}", " and ".join(others))
                return [self._rule(noted if both else f'{self._partly_plain()} {noted}')] + self._advance(
                    answer="", ref=ref, reading=reading, confirm=True if both else None)
            extra = _DRIVE_ADDED.search(reading.reply) if step.collect_yes else None
            if extra:  # "yeah mostly. and time off. the shifts thing matters too": this one in part, one more kept
                own = trimmed(extra.group("x") or extra.group("y"))
                if own and own.lower() not in [str(v).lower() for v in self.values.get(step.collect_yes or "") or []]:
                    self.words.append(step.collect_yes or "", own, self._refs())
                noted = self._reply("noted_too").replace("{words}", play_back(own) or own)
                return [self._rule(f'{self._partly_plain()} {noted}')] + self._advance(
                    answer="", ref=ref, reading=reading, confirm=None)
            if said_content(reading):
                words = play_back(said_content(reading))
                # "on design calls" says which part fits; a longer story is an example, not a part to quote.
                line = (self._reply("partly").replace("{words}", words) if len(words.split()) <= _PART_WORDS
                        else self._partly_plain())
                return [self._rule(line)] + self._advance(answer="", ref=ref, reading=reading, confirm=None)
            self.state.follow_up = step.name
            return [self._rule(self._reply("hedge"))]
        if step.changed:  # "is that still true?" "kind of": which part still fits is asked, not the check again
            self.state.follow_up = step.name
            return [self._rule(self._reply("hedge"))]
        # "I suppose so" at "Shall we begin, then?" (round 38): which part fits asks nothing there
        start = step.phase == "trust" and not step.save_as and "hedge_start" in self.flow.replies
        return self._bounded_reask(self._reply("hedge_start" if start else "hedge"))

    def _which_part(self, text: str, reading: Reading, ref: str) -> list[Message]:
        """The answer to "which part of it fits?" at a check: "the meaning part fits" is the item itself, so a yes;
        other drives named ("being appreciated. and money obvs") are kept as well."""
        together = self._together(text, reading, ref)
        if together is not None:  # "meaning fits. recognition fits more. having a say, not really" (round 28)
            return together
        fits = _FITS.search(reading.reply) is not None and not reading.has("no")
        lex, checked = self.flow.lexicon, str(self._item().get("id") or "")
        named = [m for m, spec in lex.motivations.items() if spec.words.find(rules.normalise(text))]
        if checked in named and len(named) > 1:  # "meaning fits. recognition fits more. having a say, not really"
            ok = fitting(named, text, lex)
            self._keep_others([m for m in ok if m != checked])
            self._not_asked_later(set(named) - set(ok))  # said not to fit: not checked later either
            others = [lex.motivations[m].label for m in ok if m != checked]
            fits = checked in ok
        else:
            others = self._others_named(text, reading)
        said = [self._rule(self._reply("noted_too").replace("{words}", " and ".join(others)))] if others else []
        part = _PART_NAMED.match(reading.reply.strip())
        if part and not others and "part_fits" in self.flow.replies:  # "the security part fits": said back
            said.append(self._rule(self._reply("part_fits").replace("{words}", play_back(part.group("part")))))
        return said + self._advance(answer="", ref=ref, reading=reading, confirm=True if fits else None)

    def _part_that_fits(self, text: str, reading: Reading, ref: str) -> list[Message]:
        """The answer to "which part of it fits?" at a "still true?" check: what fits now is the news;
        nothing said asks the question itself."""
        words = trimmed(corrected_to(reading) or said_content(reading))
        if words and not non_answer(words) and not rules.is_off_topic(words, self.flow.lexicon):
            line = self._reply("changed").replace("{words}", said_whole(words))
            return [self._rule(line)] + self._advance(answer=text, ref=ref, reading=reading, confirm=None,
                                                      changed=words)
        return self._advance(answer=text, ref=ref, reading=reading, confirm=True if reading.confirm else None)
