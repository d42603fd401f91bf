"""Putting right what was played back: a correction, or an edit ("drop the money bit").

A correction or an edit changes the stored words themselves, so every later copy (the chain
played back, the summary, the goodbye, the next session's recap) says the corrected version.
Words copied from one value into another (a rung that was also bedrock) change together.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.conversation.heard import about_the_goal, goal_named
from coach.conversation.state import SessionState, Undo
from coach.listening import rules
from coach.listening.edits import OPEN_END, Edit
from coach.listening.parts import MENTION, slot_of
from coach.listening.playback import job_named, swap_pronouns

if TYPE_CHECKING:
    from coach.conversation.words import Provenance
    from coach.flow.spec import Flow, Step

# Where one clause of a kept answer ends, so a part can go without taking the rest with it.
_CLAUSE = re.compile(r"\s*[,;]\s*|\.\s+|\s+(?=(?:and|but|because|so|or|while|though|although|plus)\b)", re.I)
_JOINER = re.compile(r"^(?:and|but|because|so|or|while|though|although|plus)\s+", re.I)
_DETERMINER = r"(?:the|a|an|my|our|your|that|this|his|her|their)"
# Words said on the way that a mentee asks to drop (round 28: "drop the ngl part" took the whole goal with it).
_ON_THE_WAY = frozenset(("ngl", "lol", "tbh", "idk", "like", "um", "uh", "haha", "omg", "basically", "literally",
                           "honestly", "tho", "though", "kinda", "sorta", "lmao", "tbf", "imo"))
_HAS_DETERMINER = re.compile(rf"^{_DETERMINER}\s+", re.I)


class Correcting:
    """The part of a conversation that applies corrections and edits (mixed into Conversation)."""

    flow: Flow
    values: dict[str, Any]
    words: Provenance
    state: SessionState
    _corrected: str
    _change: Undo | None = None  # what a correction this turn replaced, for /back (see _advance)

    if TYPE_CHECKING:

        @property
        def current(self) -> Step: ...

    def _read_back_before(self, step: Step, routed: bool = False) -> str | None:
        """The read-back just before a step that corrects nothing itself (None if there is none); ``routed``:
        also through a step that only routes (why_playback, why_next, bedrock_ask)."""
        if step.corrects:
            return None
        steps = self.flow.steps

        def leads_to(s: Step) -> set[str]:
            hops = [steps[e.to] for e in s.next if routed and e.to in steps and steps[e.to].ask is None
                    and not steps[e.to].say]
            return {e.to for e in s.next} | {e.to for t in hops for e in t.next}
        return next((s.name for s in steps.values() if s.corrects and not s.ladder and step.name in leads_to(s)), None)

    def _held(self, step: str) -> list[str]:
        """Every item kept in the values ``step`` corrects."""
        held = [self.values.get(var) for var in self.flow.steps[step].corrects]
        return [i for v in held for i in (v if isinstance(v, list) else [v]) if isinstance(i, str)]

    def _begin_change(self) -> None:
        """Changes from here on are undone by /back along with the answer that made them."""
        if self._change is None:
            self._change = Undo(step=self.current.name, counters=self.state.counters())
            self.words.begin(self._change)

    def _correct(self, new: str | None, reply: str) -> bool:
        """Put ``new`` in place of what it corrects among the step's ``corrects`` values."""
        step = self.current
        if not new or not new.strip():
            return False
        self._begin_change()
        best: tuple[float, str, int | None] | None = None
        if "goal" in step.corrects and about_the_goal(reply) and (goal_named(reply) or not _GOAL_DENIED.search(reply)):
            best = (1.0, "goal", None)  # "that's not my goal, that's my job": the goal is what is put right
            new = goal_named(reply) or new  # "goal is DPO because rules protect people": DPO
        named = _line_named(reply, step.corrects)  # "what's underneath is more like X" (round 69 put X as the goal)
        for var in [] if best else [named] if named else step.corrects:
            value = self.values.get(var)
            items = value if isinstance(value, list) else [value]
            for i, item in enumerate(items):
                if isinstance(item, str) and item.strip() and not self._motivation_ids(value):
                    score = _overlap(reply, item) + self._denied_in(reply, item) + (0.001 * i)  # ties: the latest
                    if best is None or score > best[0]:
                        best = (score, var, i if isinstance(value, list) else None)
        if best is None or best[0] < 0.1:  # nothing named: the last item of the line named, or of the first value
            var = named or step.corrects[0]
            seed = step.ladder.seed if step.ladder else None
            if step.ladder and seed in step.corrects and not [r for r in self.values.get(step.ladder.chain) or [] if r]:
                var = seed  # no rung yet: the seed is all that was said back ("what I said was X")
            value = self.values.get(var)
            index = (len(value) - 1 if value else -1) if isinstance(value, list) else None
        else:
            _, var, index = best
        ref = self._refs()
        old = self.values.get(var)
        if index is None:
            replaced = old if isinstance(old, str) else None
            self.words.set(var, new.strip(), ref)
        elif index < 0:
            replaced = None
            self.words.append(var, new.strip(), ref)
        else:
            replaced = old[index] if isinstance(old, list) else None
            self.words.replace(var, index, new.strip(), ref)
        if replaced:
            self._copies(replaced, new.strip(), ref, done=(var, index))
        self._corrected = new.strip()
        return True

    def _edit(self, edits: list[Edit]) -> bool:
        """Take out each edit's part (or put its new words in place) wherever the step's values hold it."""
        heard = [said for said in (self._edit_one(edit) for edit in edits) if said]
        if heard:
            self._corrected = " and ".join(heard)
        return bool(heard)

    def _edit_one(self, edit: Edit) -> str:
        """One edit applied; how it is said back ("without the money bit"), or "" if nothing held the part."""
        changed: list[str] = []
        ref = self._refs()
        for var in self.current.corrects:
            value = self.values.get(var)
            if self._motivation_ids(value):
                changed += self._edit_motivations(var, edit, ref)
                continue
            items = value if isinstance(value, list) else [value]
            for i in reversed(range(len(items))):
                item = items[i]
                if not isinstance(item, str) or _find(edit.part, item) is None:
                    continue
                if edit.removes and re.search(rf"(?i)\bnot (?:\w+ )?{re.escape(edit.part)}\b", item):
                    continue  # "its not money so much" already says it is not: nothing of it to take out
                # "more about freedom than money" of "freedom and money": freedom is there already, money goes
                there = bool(edit.put) and _find(edit.put, item) is not None
                new = _without(item, edit.part) if edit.removes or there else _swapped(item, edit.part, edit.put)
                if edit.removes and edit.part.lower().strip() in _ON_THE_WAY:  # "drop the ngl part": the word only
                    said = re.sub(rf"(?i)\b{re.escape(edit.part.strip())}\b[,]?", " ", item)
                    new = " ".join(said.split()).strip(" ,;")
                job = job_named(item)
                if edit.put and job and _find(edit.part, job) is not None and re.match(
                        rf"(?i){re.escape(job)}\s*(?:[,;:-]|\bbecause\b|\bbc\b|\bcos\b)", item):
                    new = edit.put  # "not the CMO, the creative director": the CMO's reasons go with the CMO
                index = i if isinstance(value, list) else None
                self._put(var, index, new, ref)
                self._copies(item, new, ref, done=(var, index))
                changed.append(new)
        if not changed:
            return ""
        # The change as heard, not the whole item again.
        return f"without {edit.said}" if edit.removes else edit.put

    def _edit_motivations(self, var: str, edit: Edit, ref: list[str]) -> list[str]:
        """"Drop the money bit": a confirmed motivation the part names goes; one the new words name comes."""
        lex = self.flow.lexicon
        ids = list(self.values.get(var) or [])
        named = [m for m in ids if m in lex.motivations and _names(lex.motivations[m], edit.part)]
        for m in named:
            self._put(var, ids.index(m), "", ref)
            ids.remove(m)
        if named and edit.put:
            new = [m for m, spec in lex.motivations.items() if _names(spec, edit.put) and m not in ids + named]
            # "not having impact, I said having a say": the same drive in the mentee's own words, kept so
            for m in new[:1] or ([] if edit.put.lower() in map(str.lower, ids) else [edit.put]):
                self.words.append(var, m, ref)
        return [lex.motivations[m].label for m in named]

    def _put(self, var: str, index: int | None, new: str, ref: list[str]) -> None:
        """Set a text value, or replace (or, when ``new`` is empty, take out) a list item."""
        self._begin_change()
        if index is None:
            self.words.set(var, new, ref if new else [])
        elif new:
            self.words.replace(var, index, new, ref)
        else:
            self.words.remove(var, index)

    def _copies(self, old: str, new: str, ref: list[str], done: tuple[str, int | None]) -> None:
        """The same words kept elsewhere (a rung that is also bedrock) change with them."""
        for var in self.flow.variables():
            value = self.values.get(var)
            if isinstance(value, str) and value == old and (var, None) != done:
                self._put(var, None, new, ref)
            elif isinstance(value, list) and not self._motivation_ids(value):
                for i in reversed(range(len(value))):
                    if value[i] == old and (var, i) != done:
                        self._put(var, i, new, ref)

    def _denied_in(self, reply: str, item: str) -> float:
        """Does ``item`` say what the reply says it is less (or not) about? "less about status": a rung
        about being recognised is the one corrected, named directly or by the same motivation."""
        m = _DENIED_PART.search(reply.lower())
        if m is None:
            return 0.0
        part = m.group("x").strip()
        # What was said to be wrong outweighs any word the new thought shares with another item.
        if re.search(rf"\b{re.escape(part)}", item, re.I):
            return 2.0
        lex = self.flow.lexicon
        same = [s for s in lex.motivations.values() if s.words.find(part) and s.words.find(item.lower())]
        return 1.0 if same else 0.0

    def _motivation_ids(self, value: Any) -> bool:
        """Is ``value`` a list of confirmed motivations (their ids, not the mentee's words)?"""
        return isinstance(value, list) and bool(value) and all(v in self.flow.lexicon.motivations for v in value)

    def _refs(self) -> list[str]:
        return [self.words.latest_ref] if self.words.latest_ref else []


def _names(spec: Any, words: str) -> bool:
    low = words.lower()
    return bool(spec.words.find(low)) or low in (spec.id, spec.label.lower())


_MIRROR = {"i": "you", "you": "me", "me": "you", "my": "your", "your": "my", "i'm": "you're", "you're": "i'm"}


def _mirrored(part: str) -> str:
    """"I didnt answer you" as the mentee typed it: "you didnt answer me" (the quote turned round whole)."""
    return re.sub(r"(?i)\b(?:i'm|you're|i|you|me|my|your)\b", lambda m: _MIRROR[m.group(0).lower()], part)


def _find(part: str, item: str) -> re.Match[str] | None:
    """Where ``part`` is in ``item`` (said in the mentee's words or as played back), with its determiner."""
    bare = re.sub(r"(?i)(?<=\w)'s\b", "", part)  # "security pentester's job" for "the security pentester job"
    for said in dict.fromkeys((part, swap_pronouns(part), _mirrored(part), bare)):
        m = re.search(rf"(?:\b{_DETERMINER}\s+)?\b{re.escape(said)}\b", item, re.I)
        if m:
            return m
    # "the listening thing" for "people listen to me": a one-word part found by its stem.
    stem = _stem(part) if len(part.split()) == 1 else ""
    if stem:
        return re.search(rf"\b{re.escape(stem)}\w*", item, re.I) if len(stem) >= 4 else None
    # "the leading the team bit" for "maybe leading the small planning team": its words in order,
    # a few others between them.
    stems = [_stem(w) for w in re.findall(r"[\w']+", part) if w.lower() not in _FILLER_WORDS and len(w) >= 3]
    if len(stems) < 2:
        return None
    gap = r"\w*(?:\W+\w+){0,3}?\W+"
    return re.search(r"\b" + gap.join(re.escape(st) for st in stems) + r"\w*", item, re.I)


# Words that name no part of a thought ("the leading the team bit").
_FILLER_WORDS = frozenset(["the", "a", "an", "my", "your", "our", "bit", "part", "thing", "stuff", "about", "and"])
# ... nor a pointer or an aside: "that bit", "the last one", "the 3am thing btw".
_NOT_NAMING = _FILLER_WORDS | {"that", "this", "it", "just", "one", "last", "first", "line", "sentence", "word",
                               "whole", "btw", "tho", "though", "lol", "too", "either", "again", "also"}


def naming_words(part: str) -> list[str]:
    """The words a part is named by, lower-cased: "the 3am thing btw" -> ["3am"]; [] for "that bit"."""
    return [w for w in re.findall(r"[\w']+", part.lower()) if w not in _NOT_NAMING]


def _stem(word: str) -> str:
    return re.sub(r"(?:ing|ed|es|s|er|ers)$", "", word.lower())


def _without(item: str, part: str) -> str:
    """``item`` without the clause that holds ``part`` ("" when that clause was all of it)."""
    m = _find(part, item)
    if m is None:
        return item
    spans = [(0, len(item))]
    for sep in _CLAUSE.finditer(item):
        spans[-1] = (spans[-1][0], sep.start())
        spans.append((sep.end(), len(item)))
    k = next(i for i, (a, b) in enumerate(spans) if a <= m.start() <= b)
    # A part may run over more than one clause ("sorry, boring answer"): every clause it touches goes.
    last = next((i for i, (a, b) in enumerate(spans) if a <= max(m.end() - 1, m.start()) <= b), k)
    if len(spans) == last - k + 1:  # all of it, unless the part is a tail and more is left ("X which is nerdy i know")
        rest = item[:m.start()].strip(" ,;.")
        return rest if m.start() and not item[m.end():].strip(" ,;.!?") and len(rules.words(rest)) >= 3 else ""
    # The clauses go with the separator before them (or, for the first, the one after them).
    cut = (spans[k - 1][1], spans[last][1]) if k else (0, spans[last + 1][0])
    return _JOINER.sub("", (item[: cut[0]] + item[cut[1]:]).strip(" ,;.")).strip(" ,;.")


def says_the_rest(item: str, part: str, new: str) -> bool:
    """Do the new words already say all of ``item`` but ``part``? ("its just football tactics, not 'random but'",
    round 35: put in place, the rest would be said twice.)"""
    rest = set(rules.words(item)) - set(rules.words(part))
    return bool(rest) and rest <= set(rules.words(new))


def _swapped(item: str, part: str, put: str) -> str:
    """``item`` with ``put`` in the place of ``part``, keeping one determiner ("the team" -> "the craft")."""
    m = _find(part, item)
    if m is None:
        return item
    if not re.fullmatch(rf"(?:{_DETERMINER}\s+)?{re.escape(part)}", m.group(0), re.I):
        # Found by its stem only: the clause that holds it is what the new words replace.
        return _clause_put(item, m, put)
    had = _HAS_DETERMINER.match(m.group(0))
    if not had and _HAS_DETERMINER.match(put):
        put = _HAS_DETERMINER.sub("", put)
    elif had and not _HAS_DETERMINER.match(put):
        put = had.group(0) + put
    return (item[: m.start()] + put + item[m.end():]).strip()


def _clause_put(item: str, m: re.Match[str], put: str) -> str:
    """``item`` with the clause holding ``m`` said as ``put`` instead."""
    spans = [(0, len(item))]
    for sep in _CLAUSE.finditer(item):
        spans[-1] = (spans[-1][0], sep.start())
        spans.append((sep.end(), len(item)))
    a, b = next((a, b) for a, b in spans if a <= m.start() <= b)
    return (item[:a] + put + item[b:]).strip()


# "it's less about status", "not the money": what the reply says was wrong.
_DENIED_PART = re.compile(r"\b(?:less|not) (?:really |so much |just |only )?(?:about |for |the )?"
                          r"(?P<x>[a-z][\w' -]{1,30}?)(?=[,.;!?]|$| (?:and|but|more|it's|its|i)\b)")
# Words too common to say which item a correction is about ("it's more about...", "i want...").
_COMMON = frozenset({"about", "more", "less", "because", "want", "wants", "really", "just", "like", "that", "this",
                     "with", "would", "could", "should", "what", "when", "have", "been", "being", "things", "thing",
                     "much", "very", "also", "then", "than", "there", "their", "they", "them", "it's", "that's",
                     "i'm", "i'd", "don't", "actually", "maybe", "some", "from", "into", "your", "mine"})


# "The front office manager is not my goal anymore": the old goal denied; what follows may be a reason.
_GOAL_DENIED = re.compile(r"(?i)\b(?:is not|isn'?t|was not|wasn'?t|no longer|not) (?:my |the )?goal\b")


def _overlap(a: str, b: str) -> float:
    wa = {w for w in rules.words(a) if len(w) > 3 and w not in _COMMON}
    wb = {w for w in rules.words(b) if len(w) > 3 and w not in _COMMON}
    return len(wa & wb) / len(wb) if wb else 0.0


def _put_in(item: str, part: str, new: str, whole: bool = False) -> str:
    """``item`` with ``new`` in the place of ``part``: the whole item when the part is most of it,
    the clause holding it when it was named as a part ("the lucky bit"), else the words."""
    if not part:
        return new
    m = _find(part, item)
    if m is None:
        return new
    share = len(rules.words(part)) / max(1, len(rules.words(item)))
    if says_the_rest(item, part, new):
        return new
    if whole and len(rules.words(new)) <= 2 and len(rules.words(part)) <= 2 and share < 0.5:
        return _swapped(item, part, new)  # "it's not 'decide', it's 'influence'": the word, in its sentence
    sentences = re.split(r"(?<=[.!?])\s+", item.strip())
    if whole and len(sentences) > 1 and share < 0.5:  # "not 'brain matters' - more like X": that sentence, not all
        return " ".join(new if _find(part, x) is not None else x for x in sentences)
    if whole or share >= 0.5:
        return new
    if len(rules.words(part)) > 3:
        return _swapped(item, part, new)
    # The clause holding the part says the new words; the word that joined it ("and") stays.
    joined = _clause_put(item, m, new)
    head = item[: m.start()]
    cut = max((j.start() for j in re.finditer(r"[,;.]\s*|\s(?=(?:and|but|so|or|because)\b)", head)), default=-1)
    joiner = re.match(r"\s*(and|but|so|or|because)\s", head[cut + 1:] if cut >= 0 else "", re.I)
    return joined.replace(new, f"{joiner.group(1)} {new}", 1) if joiner else joined


def options_of(item: str) -> list[str]:
    """The options of a goal of more than one ("UX design, or maybe stay and do my ACCA"), else the goal alone."""
    return re.split(r"(?i),? or (?:maybe |perhaps )?", item)


def dropped_from(item: str, part: str) -> str:
    """``item`` with only the few words that name ``part`` gone ("a designer, for the money and the freedom" without
    money: "a designer, for the freedom"; "pharmacist, or maybe medical sales for the money": "pharmacist, or maybe
    medical sales"), else the option that holds it ("UX design, or stay and do my ACCA": "UX design"), else its
    clause; the item as it was if that leaves nothing."""
    named = rf"(?:the |my |a )?{re.escape(part)}(?: (?:part|bit|side|thing))?"
    out = re.sub(rf"(?i)\b{named}\s*(?:,\s*)?(?:and|or|&)\s+", "", item, count=1)  # "the money and the freedom"
    if out == item:
        out = re.sub(rf"(?i)\s*,?\s*(?:\b(?:for|because of|with|and|or|plus)\s+)?\b{named}\b", "", item, count=1)
    out = out.strip(" ,;.")
    if rules.words(out) and not OPEN_END.search(out) and not re.search(r"(?i)\b(?:do|get|have|make|take|go|doing|"
                                                                         r"getting|having|making)$", out):
        return out  # "... or stay and do" asks for more than a word gone
    options = options_of(item)
    kept = [o.strip(" ,") for o in options if _find(part, o) is None]
    if len(options) > 1 and kept and len(kept) < len(options):
        return ", or ".join(kept)
    return _without(item, part) or item


def _line_named(reply: str, corrects: tuple[str, ...]) -> str:
    """The value among ``corrects`` whose line ``reply`` says is more or less something ("what's underneath is more
    like X" -> the why chain), or ""."""
    m = re.search(rf"(?i)\b(?:{MENTION})(?=(?:\s+(?:bit|part|line))?\s+(?:is|was)\s+(?:really\s+|actually\s+)?"
                  rf"(?:more|less)\b)", reply)
    slot = slot_of(m.group(0)) if m else ""
    slot = "why_chain" if slot == "bedrock" and "why_chain" in corrects else slot
    return slot if slot in corrects else ""
