"""Where a fix to a playback goes in the kept values: the line it names, the item holding its words,
or the line whose answers said them first. coach.conversation.fixing decides which fixes a reply holds
and what to say; this puts each one in place (mixed into Conversation through Fixing)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from coach.conversation.asking import said_back
from coach.conversation.correcting import _names
from coach.conversation.drives import Drives
from coach.conversation.heard import without_reason
from coach.conversation.kept import find_kept
from coach.conversation.placing import find_part, naming_words, without
from coach.conversation.said_before import drives_named
from coach.conversation.summary import LINES
from coach.listening import rules
from coach.listening.fixes import Fix, read_fixes
from coach.listening.fixes_apart import fixes_apart

if TYPE_CHECKING:
    from coach.conversation.message import Message

# A reply that opens by saying what to do to the record: "add X to ...", "pls put Y in the ... bit".
_TOLD_TO = re.compile(r"(?i)^\W*(?:(?:and|also|oh|pls|please|can you|could you|ok|okay|um+|wait)\W+)*"
                      r"(?:add|put|change|swap|replace|take out|remove)\b")
# What words added with no line named say by their shape: a liking, a strength, a want.
_SHAPES = (
    ("passions", re.compile(r"(?i)^(?:that )?i (?:really |also |just )?(?:like|love|enjoy|adore|am into|'?m into)\b")),
    ("strengths", re.compile(r"(?i)^(?:that )?(?:i'?m|im|i am) (?:really |quite |pretty |also )?good at\b|"
                             r"^(?:that )?people (?:come to me|ask me)\b|"
                             # "add that juniors come to me when stuck on a brief" (round 76: added to the heading)
                             r"^(?:that )?[\w' ]{2,30}? (?:come|comes|go|goes|turn|turns) to me "
                             r"(?:for|when|with|if)\b")),
)


# "no not really lol. football is where i DO see everyone. i mean at work i never see the people its for", "no thats all
# muddled. its just: i want days so i can be home with my son. thats it" (round 44): what was meant, said after the no.
MEANT = re.compile(r"(?i)(?:^|(?<=[.!?;,])\s*)(?:(?:no|nah|nope|not really|ok|so|well|sorry)[,.]?\s+)*"
                   r"(?P<how>i mean|i meant|what i mean is|what i meant was|it'?s just|its just|it'?s really just|"
                   r"its really just)\s*:?\s+(?P<x>\S.*?)(?P<end>[.!]\s*(?:that'?s|thats) it)?[.!]*$")


class FixValues(Drives):
    """Fixes put into the values they name (see the module docstring)."""

    _found_kept: tuple[str, ...] = ()  # "you missed the knees" with the knees kept: those items, this reply

    if TYPE_CHECKING:

        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _reply(self, key: str) -> str: ...
        def _reask(self) -> list[Message]: ...
        def _take(self, text: str, ref: str) -> list[Message]: ...

    def _put_slot(self, fix: Fix) -> str:
        var, value = fix.slot, self.values.get(fix.slot)
        if var == "goal":  # "goal is DPO because rules protect people": the goal, not its reason
            fix = replace(fix, new=without_reason(fix.new))
        if self._motivation_ids(value) or var == "motivations":
            swapped = self._drive_swapped(fix)
            if swapped:
                return swapped
            if self._motivations(fix.new, replace=True, own_words=True):
                return f"{LINES['motivations']}\t{fix.new}"  # said with its line, beside any other fix
            return self._own_motivation(fix)
        if isinstance(value, list):
            found = self._index_of(var, fix.part) if fix.part else None
            if found is None and var == "why_chain" and value:
                found = len(value) - 1  # "the reason is more like X": the deepest reason
            if found is not None:
                self._set_item(var, found, value[found], fix.new)
            else:
                self._line_now(var, fix.new)
        else:
            self._set_item(var, None, value if isinstance(value, str) else "", fix.new)
        said = fix.new  # what it is now; the words it replaced are not said again (round 7 read them as kept)
        # Said back with the line it changed ("where you're heading is now: team lead"); the label is
        # the coach's own words, kept apart so playing back the mentee's words never turns it round.
        return f"{LINES[var]}\t{said}" if var in LINES else said

    def _drive_swapped(self, fix: Fix) -> str:
        """"drive is 'having a say' not impact. rest ok" (round 95 made the drives "having a say" alone): the drive the
        part names goes, the new words come in its place (in the mentee's words when they name the same drive), the
        others stay ("" when the part names none kept, or all of them)."""
        value = self.values.get("motivations")
        if not fix.part or not fix.new or not isinstance(value, list):
            return ""
        named = set(drives_named(fix.part, self.flow.lexicon))
        gone = [i for i, m in enumerate(value) if isinstance(m, str) and (m in named or (
            m not in self.flow.lexicon.motivations and find_part(fix.part, m)))]
        if not gone or len(gone) == len(value) or find_part(fix.part, fix.new):
            return ""
        self._begin_change()
        same = bool(named & set(drives_named(fix.new, self.flow.lexicon)))
        for i in reversed(gone[1:] if same else gone):
            self._put("motivations", i, "", self._refs())
        if same:  # "having a say", not "impact": the same drive, in their words, where it was
            self._put("motivations", gone[0], fix.new, self._refs())
        elif not self._motivations(fix.new, replace=False, own_words=True):
            self.words.append("motivations", fix.new, self._refs())
        return f"{fix.new} in place of {fix.part}"

    def _add(self, fix: Fix) -> str:
        corrects = self.current.corrects
        var = fix.slot if fix.slot in corrects else ""
        if not var and "why_chain" in corrects:
            var = "why_chain"
        if not var:  # "add that i like teaching students": a liking lights them up, whatever drive it names
            var = next((v for v, shape in _SHAPES if shape.match(fix.new) and v in corrects), "")
        # "you left out that the pension hit is only 40 quid a month" (round 79 added "compensation" to the drives):
        # a whole fact, with no line named, is no drive named
        drive = var == "motivations" or named_drive(fix.new)
        if var in ("", "motivations") and drive and "motivations" in corrects and self._motivations(
                fix.new, replace=False):
            return f"+{LINES['motivations']}\t{fix.new}"
        if var == "motivations":  # "add getting off nights to what drives me": kept in the mentee's words
            self._begin_change()
            if fix.new not in (self.values.get("motivations") or []):
                self.words.append("motivations", fix.new, self._refs())
            return f"+{LINES['motivations']}\t{fix.new}"
        if not var and fix.part:  # "teaching too, not just research": the line that holds research
            var = self._locate(replace(fix, slot=""))[0]
        if not var:  # "add the shipping containers", no line named: the line whose answers said it
            var = self._said_under(fix.new, corrects)
        if not var and "goal" in corrects and self.values.get("goal"):
            var = "goal"  # said nowhere before: where they're heading, said back so it can be moved
        if not var:
            return ""
        self._append(var, fix.new)
        if var == "why_chain" and rules.is_bedrock(fix.new, self.flow.lexicon) and "bedrock" in self.values:
            self.words.append("bedrock", fix.new, self._refs())
        return f"+{LINES[var]}\t{fix.new}" if var in LINES else f"{fix.new} added"

    def _said_under(self, words: str, corrects: tuple[str, ...] | list[str]) -> str:
        """The line (of ``corrects``) whose source answers hold ``words`` ("" if none does)."""
        now = set(self._refs())  # "the job id pick is X. add the scanner thing" (round 63): this reply put X in that
        for var in corrects:  # one-answer line, no more; a list it edited may take one more ("drop X, and add Y")
            if var in ("motivations", "why_chain"):
                continue
            known = self.state.sources.get(var) or []
            mine = now if isinstance(self.values.get(var), str) else set()
            refs = [r for item in known for r in (item if isinstance(item, list) else [item]) if r not in mine]
            if any(find_part(words, text) for _, text in self.words.texts(refs)):
                return var
        # "put the pension in" at the read-back, the pension said on the why-ladder (round 61 added it to where they're
        # heading): the reasons are read back under "underneath it"
        chain = [r for item in self.state.sources.get("why_chain") or [] for r in (item if isinstance(item, list)
                                                                                   else [item])]
        if "bedrock" in corrects and "why_chain" not in corrects and any(
                find_part(words, text) for _, text in self.words.texts(chain)):
            return "bedrock"
        return ""

    def _restate(self, fix: Fix, reply: str = "") -> str:
        """"more like: A, because B, because C": the goal and the whole chain, said again."""
        corrects = self.current.corrects
        held = self._just_this(fix.chain[0]) if len(fix.chain) == 1 else ""
        if held:  # "and just put fishing" at the read-back (round 42 let it pass): that line is just fishing
            return held
        if "why_chain" not in corrects or not fix.chain:
            return ""
        self._begin_change()
        ref = self._refs()
        old_chain = list(self.values.get("why_chain") or [])
        if fix.new and "goal" in corrects and not fix.new.lower().startswith("because"):
            self.words.set("goal", fix.new, ref)
        for i in reversed(range(len(old_chain))):
            self.words.remove("why_chain", i)
        bedrock = list(self.values.get("bedrock") or [])
        for i in reversed(range(len(bedrock))):
            if bedrock[i] in old_chain:
                self.words.remove("bedrock", i)
        under = re.search(r"(?i)\bunderneath\b", reply) is not None  # "... and underneath all of that it's about X"
        for i, reason in enumerate(fix.chain):
            self.words.append("why_chain", reason, ref)
            deepest = under and i == len(fix.chain) - 1
            if (deepest or rules.is_bedrock(reason, self.flow.lexicon)) and "bedrock" in self.values:
                self.words.append("bedrock", reason, ref)  # said as what is underneath: no plain sentence asked for
        return ", because ".join(p for p in (fix.new, *fix.chain) if p)

    def _just_this(self, words: str) -> str:
        """The line (not the goal or its reasons) whose kept words hold ``words``, made just those words; how it
        is said back ("" if no such line)."""
        for var in self.current.corrects:
            value = self.values.get(var)
            if var in ("goal", "why_chain", "bedrock") or not value or not find_kept(words, {var: value}):
                continue
            self._line_now(var, words)
            return f"{LINES[var]}\t{words}" if var in LINES else words
        return ""

    def _put_first(self, fix: Fix) -> str:
        """"growth should be first not meaning": that item moved to the front of its line, the rest in order."""
        lex = self.flow.lexicon.motivations
        for var in self.current.corrects:
            items = self.values.get(var)
            if not isinstance(items, list):
                continue
            at = next((i for i, m in enumerate(items) if isinstance(m, str) and (
                (m in lex and _names(lex[m], fix.part)) or find_part(fix.part, m))), None)
            if at is None:
                continue
            self._begin_change()
            order = [items[at], *items[:at], *items[at + 1:]]
            for i in reversed(range(len(items))):
                self.words.remove(var, i)
            for item in order:
                self.words.append(var, item, self._refs())
            said = [lex[m].label if m in lex else str(m) for m in order if m]
            return f"{LINES.get(var, var)}\t{', '.join(said)}"
        return ""

    def _put_once(self, fix: Fix) -> str:
        """"take out the fishing twice" (round 77 kept both): the part kept where it is said first, taken out of
        every later item of its line (an item left with nothing else goes)."""
        for var in self.current.corrects:
            items = self.values.get(var)
            holding = [i for i, m in enumerate(items) if isinstance(m, str) and find_part(fix.part, m)] \
                if isinstance(items, list) else []
            if len(holding) < 2 or not isinstance(items, list):
                continue
            self._begin_change()
            for i in reversed(holding[1:]):
                rest = without(items[i], fix.part)
                if rules.words(rest):
                    self._put(var, i, rest, self._refs())
                else:
                    self.words.remove(var, i)
            return f'without "{fix.part}" the second time'
        return ""

    def _already_kept(self, fix: Fix) -> str:
        """"you didnt add the 3am thing btw" when "calming people at 3am" is kept (round 29): where it is, said
        back ("" when no kept item has its words)."""
        named = naming_words(fix.part or fix.new)
        for var in self.current.corrects if named else []:
            value = self.values.get(var)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and all(re.search(rf"(?i)\b{re.escape(w)}\b", item) for w in named):
                    self._found_kept = (*self._found_kept, item.strip(" ."))
                    return f"={LINES.get(var, var)}\t{item.strip(' .')}"  # said back as "X is already in <line>"
        return ""

    def _restore(self, fix: Fix, heard: list[str]) -> bool:
        """"You dropped the teaching part": the clause that said it, found in an earlier answer, comes back."""
        if "motivations" in self.current.corrects and fix.part and named_drive(fix.part) and \
                self._motivations(fix.part, replace=False):
            heard.append(f"+{LINES['motivations']}\t{fix.part}")  # "you forgot the money": a drive, named
            return True
        if "why_chain" not in self.current.corrects or not fix.part:
            return False
        chain = self.values.get("why_chain") or []
        if any(find_part(fix.part, item) for item in chain if isinstance(item, str)):
            return False  # it is there: the remark is about something else
        for _, text in reversed(self.words.texts(self.state.said)):
            m = find_part(fix.part, text)
            if m is None:
                continue
            clause = _clause_of(text, m.start())
            self._begin_change()
            self.words.append("why_chain", clause, self._refs())
            heard.append(f"{clause}, back in")
            return True
        return False

    # --- finding a part ---------------------------------------------------------------------

    def _locate(self, fix: Fix) -> tuple[str, int | None]:
        """The value (and list index) that holds the part a fix names."""
        if fix.slot and fix.slot in self.current.corrects and not fix.part:
            value = self.values.get(fix.slot)
            return fix.slot, (len(value) - 1 if isinstance(value, list) and value else None)
        for var in self.current.corrects:
            value = self.values.get(var)
            if self._motivation_ids(value):
                continue
            if isinstance(value, str) and fix.part and find_part(fix.part, value):
                return var, None
            if isinstance(value, list):
                found = self._index_of(var, fix.part)
                if found is not None:
                    return var, found
        return "", None

    def _index_of(self, var: str, part: str) -> int | None:
        value = self.values.get(var) or []
        for i in reversed(range(len(value))):
            if isinstance(value[i], str) and part and find_part(part, value[i]):
                return i
        return None

    def _set_item(self, var: str, index: int | None, old: str, new: str) -> None:
        ref = self._refs()
        self._put(var, index, new, ref)
        if old:
            self._copies(old, new, ref, done=(var, index))

    def _meant(self, meant: re.Match[str], denied: str) -> bool:
        """What was meant, put in place of what it denies; "its just: X. thats it": the reasons are X, whole."""
        new, chain = meant.group("x").strip(" ."), self.values.get("why_chain")
        whole = meant.group("end") or "just" in meant.group("how").lower()
        if not (whole and "why_chain" in self.current.corrects and isinstance(chain, list) and chain):
            return self._correct(new, denied)
        self._line_now("why_chain", new)
        self._corrected = new
        return True

    def _line_now(self, var: str, words: str) -> None:
        """The whole line ``var`` made just ``words`` (a list keeps them as its one item); /back undoes it."""
        self._begin_change()
        value = self.values.get(var)
        if isinstance(value, list):
            for i in reversed(range(len(value))):
                self._put(var, i, "", self._refs())
            self.words.append(var, words, self._refs())
        else:
            self._put(var, None, words, self._refs())

    def _earlier_line_fixed(self, text: str, ref: str) -> list[Message] | None:
        """"the lights me up bit is wrong. please change it to: cooking for friends and football", said at the next
        question (round 44 kept it as the overlap): the line named put right, and this question asked again."""
        step = self.current
        own = step.append_to or step.save_as
        told = _TOLD_TO.match(text) is not None  # 'add "not fully decided" to where im heading' at a why (round 69)
        if (step.ladder or step.say) and not told:
            return None  # a remark at a why or a read-back is the answer, or put right by the step itself
        # a line this step does not put right itself ("no. where i'm heading is X" after the day-to-day, round 48)
        fixes = [f for f in read_fixes(text) if f.kind in ("put", "add") and f.slot and f.new and not f.part
                 and (f.said or f.kind == "add") and f.slot != own and (f.slot not in step.corrects or told)
                 and self.values.get(f.slot)]
        if not fixes:
            return None
        self._begin_change()
        said = "\n".join(self._put_slot(f) if f.kind == "put" else self._added_to(f) for f in fixes)
        # "add X to where im heading. and i told you how i know, the email guy told me" (round 69 asked again)
        rest = fixes_apart(text)[1]
        return [self._rule(self._reply("put_right").replace("{words}", said_back(said)))] + (
            self._take(rest, ref) if len(rules.words(rest)) >= 3 and not read_fixes(rest) else self._reask())

    def _added_to(self, fix: Fix) -> str:
        """"also you skipped what im good at, i'd say explaining maths stuff" (round 48 kept it as the overlap): one
        more on that line, said back as added."""
        self._append(fix.slot, fix.new)
        return f"+{LINES.get(fix.slot, fix.slot)}\t{fix.new}"

    def _append(self, var: str, new: str) -> None:
        """``new`` added to the line ``var``: one more item of a list (never twice), or "X and new" of a text."""
        self._begin_change()
        value = self.values.get(var)
        if isinstance(value, list):
            if not any(isinstance(item, str) and find_part(new, item) for item in value):  # never twice
                self.words.append(var, new, self._refs())
        else:
            old = value if isinstance(value, str) else ""
            self.words.set(var, f"{old} and {new}" if old.strip() else new, self._refs())


# "i want what i do to change things", "being trusted": a drive said in words; "the pension hit is only 40 quid a month"
# is a fact that names one
_OWN_WANT = re.compile(r"(?i)^(?:that )?(?:i|i'?m|im|i am|i'?d|to|being|having|feeling|making|doing|getting|not|"
                       r"more|my)\b")


def named_drive(words: str) -> bool:
    """Can ``words``, added with no line named, be a drive: a few words, or a want of the mentee's own, no figures?"""
    return len(rules.words(words)) <= 4 or (_OWN_WANT.match(words.strip()) is not None and not re.search(r"\d", words))


def _clause_of(text: str, at: int) -> str:
    """The clause of ``text`` around position ``at`` ("I like teaching the students")."""
    spans = [(0, len(text))]
    for sep in re.finditer(r"\s*[,;.!?]\s*|\s+(?=(?:and|but|because|so|or)\b)", text, re.I):
        spans[-1] = (spans[-1][0], sep.start())
        spans.append((sep.end(), len(text)))
    a, b = next(((a, b) for a, b in spans if a <= at <= b), (0, len(text)))
    return re.sub(r"^(?:and|but|because|so|or)\s+", "", text[a:b].strip(), flags=re.I)
