"""What the coach kept, said back when the mentee asks about it.

"did you add sourdough?" is answered from what is kept; "can I see what you wrote so far?" with each
line kept so far; "you remember what I said about my mother?" with the sentence that said it; "did you
fix those 4 things?" with the fixes just made. Always the mentee's own words, never the model's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from coach.conversation.said_before import kept_so_far, said_before
from coach.flow.spec import Flow
from coach.listening import rules
from coach.listening.parts import slot_of
from coach.listening.playback import play_back
from coach.listening.text import words

if TYPE_CHECKING:
    from coach.conversation.state import SessionState
    from coach.conversation.words import Provenance
    from coach.flow.spec import Step

# "did you add sourdough?", "did u fix the teaching bit though?": the thing asked about follows the verb.
_DID_YOU = re.compile(
    r"\bdid (?:you|u) (?:actually |really |already |even |ever )?(?:add|fix|change|put in|put|keep|save|note|"
    r"include|update|correct|write down|write|jot down|note down|swap|replace|take out|drop|remove|get|catch|hear|"
    r"notice|take in|read|see|"
    r"remember what i (?:said|say|told you|tell you|wrote|mentioned) about|remember)\s+(?P<x>.+)$", re.I)
# "do you even know what the trust thing is?" (round 21)
_KNOW_WHAT = re.compile(r"\b(?:know|remember) what (?:the |my )?(?P<x>[\w' ]{2,30}?) (?:thing |bit |part )?"
                        r"(?:is|was)\b|\bremember (?P<x2>my (?:goal|job|drives?|reasons?|why|sentence|passions?|"
                        r"strengths?|experiment))\b|\bremember what i (?:said|say|told you|tell you|wrote|mentioned) "
                        r"about (?P<x3>.+)$", re.I)
# "is sourdough in there now?"
_IS_IN = re.compile(r"\bis (?:the )?(?P<x>[\w' ]{1,30}?) (?:in|on) (?:there|it|the (?:list|summary))\b", re.I)
# Where the thing ends: "teaching students to underneath", "sourdough, then?"
_WHERE = re.compile(r"\s+(?:to|into|in|on|onto|from|under|as|for|with)\s+.*$|\s*(?:[,;:?!]|\.(?!\d)).*$")  # "0.6"
_TAIL = re.compile(r"(?:\s+(?:though|tho|then|yet|now|already|too|as well|back|at all|bit|part|thing|stuff|one|"
                   r"bits|parts|things|please|pls|or not|lol|tbh|right))+$", re.I)
# What was said, as a whole (round 22): "did you actually keep what i said?"
_GENERIC = re.compile(r"(?i)^(?:what i (?:said|told you|wrote|typed)|everything|all of (?:it|that)|my answers|it all|"
                      r"anything)(?: (?:last time|before|earlier))?$")
# "that i took money off the list": what was asked to go (round 21).
_TOOK_OFF = re.compile(r"(?i)^(?:that )?i (?:took|take|dropped|removed|scratched|crossed|struck) (?P<x>[\w' ]{2,30}?) "
                       r"(?:off|out)(?: of)?(?: (?:the|my) (?:list|drives?|summary))?\W*$")
# "that i dont care about money much": something played down, asked whether it is kept out (round 23).
_CARE_LESS = re.compile(r"(?i)^(?:that )?i (?:don'?t|dont|do not) (?:really )?care (?:much |that much )?(?:about|for) "
                        r"(?P<x>[\w' ]{2,30}?)(?: (?:much|that much|at all|really))?\W*$")
_LAST_TIME = re.compile(r"(?i)\b(?:last (?:time|week|session|conversation|chat)|before|the other day|previously)\b")
_REMEMBER_ABOUT = re.compile(r"(?i)\bremember what i (?:said|say|told you|tell you|wrote|mentioned) about\b")
_CLAUSE = re.compile(r"(?<=[.!?;])\s+|,\s*(?=(?:because|cause|cuz|since|and|but|so)\b)")
# "where did brand strategy go?" (round 28)
_WENT = re.compile(r"(?i)\bwhere(?:'s| is| did| has| have)? (?P<x>[\w' ]{2,30}?) (?:go|gone|went)\b")
_HEAD = re.compile(r"^(?:the|that|my|this|those|these|a|an|about|(?:bit|part|thing|stuff) about)\s+", re.I)
# Words that say nothing about what was kept ("the bit about my kids": "kids" does).
_SMALL = frozenset(["the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "my", "your", "it", "its",
                    "that", "this", "bit", "part", "thing", "about", "with", "reason", "reasons", "point", "stuff",
                    "idea", "answer", "one"])
# Asked whether a part was changed or taken out: found still there, the honest answer is no (round 22).
_CHANGE_ASKED = re.compile(r"(?i)\bdid (?:you|u) (?:actually |really |even )?(?:change|fix|correct|update|swap|replace|"
                           r"take out|drop|remove)\b")


# "you write logistic manager now yes?" (round 94, a second language): what was kept, asked with a tag
_YOU_WROTE = re.compile(r"(?i)^\W*(?:so |and |ok |but )?(?:you|u) "
                        r"(?:write|wrote|put|have|got|saved|changed|fixed|noted|added) "
                        r"(?P<x>[\w' -]{2,40}?) (?:now |there |in |down )?(?:yes|yeah|right|no|ok|correct)\W*$")


def asked_about(question: str) -> str:
    """The thing a "did you add X?" question asks about ("" if it names none)."""
    m = _KNOW_WHAT.search(question) or _DID_YOU.search(question) or _IS_IN.search(question) or _WENT.search(question) \
        or _YOU_WROTE.search(question)
    if not m:
        return ""
    found = m.groupdict()
    thing = _WHERE.sub("", (found.get("x") or found.get("x2") or found.get("x3") or "").strip())
    for _ in range(3):
        thing = _HEAD.sub("", _TAIL.sub("", thing.strip())).strip()
    return thing


def _stem(word: str) -> str:
    """A word without "-ing" or "-ed" ("sitting" is "sit", "cooked" is "cook"): "sitting on the sofa" finds "sit on
    the sofa" (round 54 found nothing to take out)."""
    base = re.sub(r"(?:ing|ed)$", "", word) if len(word) >= 6 else word
    return base[:-1] if len(base) >= 3 and base[-1] == base[-2] and base[-1] not in "lsz" else base


def find_kept(thing: str, summary: dict[str, Any]) -> str | None:
    """The kept item that has every word of ``thing`` in it (by the first letters, so
    "teaching" finds "teach new nurses"), or None."""
    stems = [_stem(w)[:5] for w in words(thing.lower()) if len(w) >= 3 and w not in _SMALL]
    # "forget the ux thing" (round 54: "nothing mentions ux" beside "your ux researcher"): a short word alone counts
    stems = stems or [w for w in words(thing.lower()) if len(w) == 2 and w.isalpha() and w not in _SMALL]
    # "my 60/40 thing", "H&S is out" (round 62): figures and short names with "&", found as typed
    if not stems and re.search(r"\d|\w&\w", thing):
        said = thing.strip().lower()
        return next((i for v in summary.values() for i in (v if isinstance(v, list) else [v])
                     if isinstance(i, str) and said in i.lower()), None)
    if not stems:
        return None
    for value in summary.values():
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str):
                continue
            have = [_stem(h) for h in words(item.lower())]
            if all(any(h.startswith(s) for h in have) for s in stems):
                return item
    return None


def is_whole(thing: str, item: str) -> bool:
    """Is ``item`` nothing but ``thing`` ("the 2k" is the item "2k"; "what 2k less does to it" is more)?"""
    def content(text: str) -> set[str]:
        return {_stem(w)[:5] for w in words(text.lower()) if w not in _SMALL}
    have = content(item)
    return bool(have) and have == content(thing)


def step_after(flow: Flow, here: str, holds: Callable[[Step], bool]) -> str | None:
    """The nearest step after ``here`` (breadth first along the flow's edges) for which ``holds`` is true."""
    seen, todo = {here}, [e.to for e in flow.steps[here].next]
    while todo:
        name = todo.pop(0)
        if name in seen or name not in flow.steps:
            continue
        seen.add(name)
        if holds(flow.steps[name]):
            return name
        todo += [e.to for e in flow.steps[name].next]
    return None


def corrects_later(flow: Flow, here: str) -> bool:
    """Is there a step after ``here`` that takes corrections (the summary read back)?"""
    return step_after(flow, here, lambda step: bool(step.corrects)) is not None


# "did you get that bit?", "did you catch that": what was just said, not a line of the summary
_THIS_BIT = re.compile(r"(?i)(?:that|this|it|those|these|all that|all of that)"
                       r"(?: (?:bit|part|one|thing|last bit|last part|too|as well))?")

class Kept:
    """Answers to questions about what was kept (mixed into Conversation, through AskedBack)."""

    flow: Flow
    words: Provenance
    state: SessionState
    values: dict[str, Any]
    last_fixed: str  # the last fixes put in place this session (set by the engine at the end of a turn)
    _asked_missing: tuple[str, str] | None = None  # (step, thing): "did you add X?" answered "no" there

    if TYPE_CHECKING:

        @property
        def current(self) -> Step: ...
        @property
        def step(self) -> str: ...
        def summary(self) -> dict[str, Any]: ...
        def _reply(self, key: str) -> str: ...
        def _begin_change(self) -> None: ...
        def _refs(self) -> list[str]: ...

    def _fixes_said(self) -> str:
        """The fixes last put in place, said again; or, if none were, honestly so."""
        from coach.conversation.asking import said_back

        if self.last_fixed:
            return self._reply("fixed_yes").replace("{words}", said_back(self.last_fixed))
        return f'{self._reply("fixed_none")} {self._reply(self._add_hint())}'.strip()

    def _not_an_item(self, thing: str) -> str:
        """What to say when what was asked about is no line or item ("" when it is one)."""
        if not thing:
            return self._reply("other")
        if _GENERIC.match(thing):  # "did you actually keep what i said?": what coach keeps, not an item
            return self._reply("memory") if "memory" in self.flow.replies else self._reply("other")
        if _THIS_BIT.fullmatch(thing.strip()) and "kept_this" in self.flow.replies:
            return self._reply("kept_this")  # "did you get that bit?": the words just said
        return ""

    def _kept(self, asked: str) -> str:
        """"Did you add sourdough?": yes and what it says now, or honestly no, and how to add it."""
        thing = asked_about(asked)
        not_an_item = self._not_an_item(thing)
        if not_an_item:
            return not_an_item
        gone = _TOOK_OFF.match(thing) or _CARE_LESS.match(thing)
        if gone and not find_kept(gone.group("x"), self.summary()):  # "did you catch that i took money off?"
            return self._reply("kept_gone").replace("{words}", play_back(gone.group("x")) or gone.group("x"))
        remembered = _REMEMBER_ABOUT.search(asked) is not None
        said = self._said_about(thing) if remembered else ""
        if said:  # "you remember what I say about my mother?": the words said about her, not a summary line
            return self._reply("kept_said").replace("{words}", said)
        previous = self.values.get("previous") or {}
        if remembered and previous and not find_kept(thing, self.summary()) and not find_kept(thing, previous):
            # asked in a later talk: only last time's summary is kept
            return self._reply("kept_not_before").replace("{words}", play_back(thing) or thing)
        # the reasons are kept too, though the summary shows only the deepest ("did you keep my family reason?")
        item = find_kept(thing, self.summary()) or find_kept(thing, {"why": self.values.get("why_chain") or []})
        drives = [m for m in self.values.get("motivations") or [] if m in self.flow.lexicon.motivations
                  and self.flow.lexicon.motivations[m].words.find(rules.normalise(thing))]
        item = item or (drives[0] if drives else None)  # "did u get the money bit?": earning well is kept (round 34)
        slot = slot_of(thing)
        line = self.values.get(slot) if slot else None  # "did u fix the heading bit tho": that line's words
        if isinstance(line, list):  # "did you fix the sentence though?": the line's latest words
            line = next((i for i in reversed(line) if isinstance(i, str) and i.strip()), None)
        if not item and isinstance(line, str) and line.strip():
            item = line
        if item:
            drive = self.flow.lexicon.motivations.get(item)  # "autonomy" kept as a drive: said in words
            said = drive.label if drive else play_back(item, 30) or item
            # "did you change the sleep thing?" and it still says sleep, with no fix naming it: not yet
            # "did you fix the overlap bit?" and no fix was made to it (round 33): not yet, never "yes"
            fixed = self.last_fixed.lower()
            if _CHANGE_ASKED.search(asked) and thing.lower() not in fixed and (not slot or said.lower() not in fixed):
                if slot and "kept_now" in self.flow.replies:  # a whole line, perhaps put right before: as it is now
                    return self._reply("kept_now").replace("{words}", said)
                return f'{self._reply("kept_still").replace("{words}", said)} {self._reply(self._add_hint())}'.strip()
            return self._reply("kept_yes").replace("{words}", said)
        kept_before = self._kept_before(thing, previous) if not slot else None
        if kept_before:
            return self._reply("kept_before").replace("{words}", play_back(kept_before, 30) or kept_before)
        before = said_before(f"about {thing}", previous, self.flow.lexicon) if slot else []
        if before:  # "you remember my goal?", asked before it is asked again today: last time's words
            return " ".join(self._reply("said_before").replace("{line}", ln).replace("{words}", w) for ln, w in before)
        heard = self._said_about(thing) if "kept_heard" in self.flow.replies else ""
        if heard:  # "did you catch the burnt out bit?" (round 30): it was heard, though it is no line of the summary
            return self._reply("kept_heard").replace("{words}", heard)
        added = self._drive_added(thing)
        if added:  # "did you add the meaningful bit tho?" at the read-back (round 40): it goes in now
            return self._reply("kept_added").replace("{words}", added)
        missing = self._reply("kept_no").replace("{words}", play_back(thing) or thing)
        self._asked_missing = (self.step, thing) if self.current.corrects else None
        return f"{missing} {self._reply(self._add_hint())}".strip()

    def _kept_before(self, thing: str, previous: dict[str, Any]) -> str | None:
        """"did you keep my 60/40 thing?" (round 25): last time's words holding it; "didnt you remember my experiment?"
        (round 83: "I don't have 'experiment'"): the experiment, as named."""
        if re.fullmatch(r"(?i)(?:my |the |that )?(?:experiment|small step|idea)", thing.strip()):
            return str(self.values.get("experiment") or previous.get("experiment") or "") or find_kept(thing, previous)
        return find_kept(thing, previous)

    def _drive_added(self, thing: str) -> str:
        """A drive asked after at a step that takes corrections to the drives, kept now: its label ("" if not so)."""
        kept = self.values.get("motivations")
        lex = self.flow.lexicon
        ids = [m for m, spec in lex.motivations.items() if spec.words.find(rules.normalise(thing))]
        if len(ids) != 1 or not isinstance(kept, list) or "motivations" not in self.current.corrects or (
                "kept_added" not in self.flow.replies) or ids[0] in kept:
            return ""
        self._begin_change()
        self.words.append("motivations", ids[0], self._refs())
        return lex.motivations[ids[0]].label

    def _so_far(self, asked: str) -> str:
        """The lines kept so far (or the one asked about), in the mentee's words; last time's when it asks about
        last time or nothing is kept today; else honestly nothing yet."""
        lex = self.flow.lexicon
        before = _LAST_TIME.search(asked) is not None
        lines = [] if before else kept_so_far(asked, self.summary(), lex)
        key = "so_far"
        if not lines:
            lines, key = kept_so_far(asked, self.values.get("previous") or {}, lex, now=False), "so_far_before"
        if not lines:
            return self._reply("said_before_none" if before else "so_far_none")
        said = ". ".join(f"{line[:1].upper()}{line[1:]}: {words.rstrip(' .')}" for line, words in lines)
        return self._reply(key).replace("{words}", said)

    def _said_about(self, thing: str) -> str:
        """The latest sentence said today that names ``thing`` ("my mother was a chemist"), played back; or ""."""
        for _, text in reversed(self.words.texts(self.state.said)):
            for sentence in reversed(_CLAUSE.split(text)):
                if find_kept(thing, {"x": sentence}):
                    return play_back(sentence.strip(" ,."), 30)
        return ""

    def _add_hint(self) -> str:
        """How something can still be put in: here (at a read-back), at the end, or not at all."""
        if self.current.corrects:
            return "kept_add_now"
        return "kept_add_later" if corrects_later(self.flow, self.step) else "kept_add_never"
