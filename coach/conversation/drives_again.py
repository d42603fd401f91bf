"""Last time's drives, asked about again: "is that still so?" answered with a yes and more, or one put right.

"yes and also time now" keeps last time's drives and time beside them; "mostly. but its earning enough not
earning well" (round 41, asked three times) puts that one right in the mentee's words and keeps the rest.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.conversation.correcting import _names
from coach.conversation.heard import only_felt, said_content
from coach.conversation.message import Message
from coach.conversation.said_before import drives_named
from coach.conversation.summary import non_answer
from coach.listening import rules
from coach.listening.change_words import OTHERWISE_TRUE
from coach.listening.edits import read_edits
from coach.listening.fixes import Fix, read_fixes
from coach.listening.playback import play_back, trimmed

if TYPE_CHECKING:
    from coach.conversation.words import Provenance
    from coach.flow.spec import Flow, Step
    from coach.listening.reading import Reading

__all__ = ["DrivesAgain"]

# One more, said beside a yes: "yes and also time now", "yeah, plus no meetings", "yep. and having a say too".
_MORE = re.compile(r"(?i)(?:^|[.,;!?]\s*|\s)(?:and also|also|plus|and|oh and|but also)\s+(?:now\s+)?(?:the\s+)?"
                   r"(?P<x>(?!(?:i|you|it|that|this|the rest|then|so|same|yes|yeah)\b)[\w' -]{2,40}?)"
                   r"(?:\s+(?:too|as well|now|these days|nowadays|tbh|honestly|lol|i guess|i think))*"
                   r"(?:,?\s*(?:that'?s|thats|which is|its|it'?s) (?:new|different|a new one)"
                   r"(?: (?:too|now|though|tho))?)?"
                   r"\W*$")  # "and security now too, that's new" (round 57)

_ITS = re.compile(r"(?i)^(?:it'?s|its|it is|more|just)\s+")
# "money matters a bit more now actually" (round 75 kept the whole reply as the drives): one of them, weighed anew
# "money matters a bit more now"; "ya. maybe money a bit more rn tbh" (round 85 made that the whole line)
_MORE_NOW = re.compile(r"(?i)(?:^|[.,;!?]\s*|\band\s+|\bbut\s+)(?:(?:maybe|prob|probably|i think)\s+)?"
                       r"(?P<x>(?!(?:it|that|this|which|what)\b)[\w' ]{2,30}?) "
                       r"(?:(?:matters?|counts?) (?:(?:a bit|a lot|a little|even|much|way|quite a bit|far) )?|"
                       r"(?:a bit|a lot|a little|even|much|way|quite a bit|far) )"
                       r"(?:more|less)(?: (?:now|these days|nowadays|than before|than last time|rn|right now|atm))?"
                       r"(?=\s+(?:tbh|honestly|i think|lol|than|and|but|so|because|cos|cause|actually|really)\b|"
                       r"\W*$|[.,;!?])")


class DrivesAgain:
    """The part of a conversation that hears an answer to "are last time's drives still so?" (mixed in)."""

    flow: Flow
    values: dict[str, Any]
    words: Provenance

    if TYPE_CHECKING:

        @property
        def current(self) -> Step: ...
        def _refs(self) -> list[str]: ...
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _reply(self, key: str) -> str: ...
        def _put(self, var: str, index: int | None, new: str, ref: list[str]) -> None: ...
        def _motivations(self, words: str, replace: bool, own_words: bool = False) -> bool: ...
        def _advance(
            self, answer: str, skipped: bool = False, ref: str | None = None, reading: Reading | None = None,
            confirm: bool | None = None, corrected: bool = False, sources: list[str] | None = None,
            changed: str = "", own: str = "",
        ) -> list[Message]: ...

    def _drives_again(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """A yes with one more drive, or one of last time's put right: kept, said so, and on (None: neither)."""
        step = self.current
        if step.changed != "motivations" or "noted_too" not in self.flow.replies or "changed" not in self.flow.replies:
            return None
        if OTHERWISE_TRUE.search(text):  # "... actually no, money still important. put all three same" (round 84)
            return None
        kept = [m for m in (self.values.get("previous") or {}).get("motivations") or [] if isinstance(m, str)]
        fixes = read_fixes(text)
        dropped = self._dropped(text, reading, kept, fixes)
        if dropped:
            return dropped
        if reading.confirm is False or reading.has("no"):
            return self._drives_now(text, reading, ref)
        swaps = [(i, _ITS.sub("", trimmed(e.put))) for e in read_edits(text) if e.put
                 for i in [self._kept_at(kept, e.part)] if i is not None]
        weighed = [(i, trimmed(m.group(0).lstrip(".,;!? ")).removeprefix("and ").removeprefix("but "))
                   for m in _MORE_NOW.finditer(text) for i in [self._kept_at(kept, m["x"])] if i is not None]
        if weighed and not swaps:  # "money matters a bit more now": that drive, in their words now
            out = self._advance(answer=text, ref=ref, reading=reading, confirm=True)
            for i, new in weighed:
                self._put("motivations", i, new, [ref] if ref else [])
            said = "; ".join(play_back(new) or new for _, new in weighed)
            return [self._rule(self._reply("changed").replace("{words}", said))] + out
        adds = [trimmed(f.new) for f in fixes if f.kind == "add" and f.new and f.slot in ("", "motivations")]
        if adds and not swaps and not reading.has("no"):  # "mostly, X and Y yes ... also add security" (round 78
            out = self._advance(answer=text, ref=ref, reading=reading, confirm=True)  # made the drives "mostly, X")
            for new in adds:
                self.words.append("motivations", self._drive_id(new) or new, [ref] if ref else [])
            said = " and ".join(play_back(new) or new for new in adds)
            return [self._rule(self._reply("noted_too").replace("{words}", said))] + out
        more = _MORE.search(text) if reading.confirm is True and not swaps else None
        extra = trimmed(more["x"]) if more and not only_felt(reading, more["x"]) else ""
        if not swaps and (not extra or non_answer(extra) or self._kept_at(kept, extra) is not None):
            return None
        out = self._advance(answer=text, ref=ref, reading=reading, confirm=True)  # last time's drives kept first
        refs = [ref] if ref else []
        if swaps:
            for i, new in swaps:  # "earning enough, not earning well": the same drive, kept in their words
                named = self._drive_id(new)
                self._put("motivations", i, named if named and named != kept[i] else new, refs)
            # "control over your own time in place of not dreading mondays", never "not not dreading mondays"
            said = ", ".join(f"{play_back(new) or new}" + (f" in place of {label}" if label.lower().startswith("not ")
                                                           else f", not {label}")
                             for i, new in swaps for label in [self._label(kept[i])])
            return [self._rule(self._reply("changed").replace("{words}", said))] + out
        self.words.append("motivations", self._drive_id(extra) or extra, refs)
        return [self._rule(self._reply("noted_too").replace("{words}", play_back(extra) or extra))] + out

    def _dropped(self, text: str, reading: Reading, kept: list[str], fixes: list[Fix]) -> list[Message] | None:
        """"no. remove being the one who decides. just impact, freedom, meaning", "take out being the one who makes
        decisions, i said i dont want that" (round 56 kept the words as a drive): last time's drives without it, or
        the drives named beside it, and said so (None: no drive of last time's is taken out)."""
        fixes = [f for f in fixes if f.kind == "drop" and f.part]
        gone = sorted({i for f in fixes for i in [self._kept_at(kept, f.part)] if i is not None})
        if not gone:
            return None
        rest = text
        for f in fixes:
            rest = rest.replace(f.said, " ")
        named = [m for m in drives_named(rest, self.flow.lexicon) if m not in {kept[i] for i in gone}]
        now = named or [m for i, m in enumerate(kept) if i not in gone]
        out = self._advance(answer=text, reading=reading, confirm=True)  # last time's drives kept, then put right
        refs = self._refs()
        for i in reversed(range(len(self.values.get("motivations") or []))):
            self.words.remove("motivations", i)
        for m in now:
            self.words.append("motivations", m, refs)
        said = ", ".join(f"not {self._label(kept[i])}" for i in gone)
        return [self._rule(self._reply("changed").replace("{words}", said))] + out

    def _drives_now(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """"Not really. Meaning now, and being recognised for it": the drives named are what drives them now, not
        asked for again (None: no drive named, so the question is asked afresh)."""
        words = trimmed(said_content(reading))
        lex = self.flow.lexicon
        if not words or not any(spec.words.find(rules.normalise(words)) for spec in lex.motivations.values()):
            return None
        out = self._advance(answer=text, ref=ref, reading=reading, confirm=None, changed=words)
        self._motivations(words, replace=True)  # the lexicon's drives by name, the rest in their words
        said = _ITS.sub("", words)  # "nah its freedom these days": freedom these days
        return [self._rule(self._reply("changed").replace("{words}", play_back(said) or said))] + out

    def _drives_at_recap(self, text: str) -> bool:
        """"but the drive isnt just money, its also not being stuck in meetings all day", said at last time's recap
        (round 41 asked for the drives afresh later): today's drives are last time's with that added, or what they
        are said to be now ("the drives bit should be money and no meetings"); the flow need not ask again."""
        found = read_fixes(text)
        first = next((f for f in found if f.kind == "first" and drives_named(f.part, self.flow.lexicon)), None)
        if first is not None:  # "NOT money only. meaning and learning first. money is small" (round 42)
            return self._drives_first(drives_named(first.part, self.flow.lexicon))
        # ... "put meaning back in" (round 87): no line named, a drive added
        fixes = [f for f in found if f.new and f.kind in ("add", "put") and (f.slot == "motivations" or (
            f.kind == "add" and not f.slot and drives_named(f.new, self.flow.lexicon)))]
        fix = fixes[0] if fixes else None
        if fix is None or self.values.get("motivations"):
            return False
        if fix.kind == "put":
            return self._motivations(fix.new, replace=True)
        refs = self._refs()
        for m in (self.values.get("previous") or {}).get("motivations") or []:
            if isinstance(m, str) and m.strip():
                self.words.append("motivations", m, refs)
        self.words.append("motivations", self._drive_id(fix.new) or fix.new, refs)
        return True

    def _drives_first(self, named: list[str]) -> bool:
        """Today's drives (else last time's) with those ``named`` first, in the order said: kept for today."""
        now = [m for m in self.values.get("motivations") or (self.values.get("previous") or {}).get("motivations") or []
               if isinstance(m, str) and m.strip()]
        order = named + [m for m in now if m not in named]
        refs = self._refs()
        for i in reversed(range(len(self.values.get("motivations") or []))):
            self.words.remove("motivations", i)
        for m in order:
            self.words.append("motivations", m, refs)
        return True

    def _kept_at(self, kept: list[str], words: str) -> int | None:
        """Where among last time's drives ``words`` name one ("earning well", "the money"), if they do."""
        lex, low = self.flow.lexicon, re.sub(r"(?i)^(?:the|my)\s+", "", words.strip().lower())
        for i, m in enumerate(kept):
            spec = lex.motivations.get(m)
            if (spec is not None and _names(spec, low)) or (spec is None and low and low in m.lower()):
                return i
        return None

    def _drive_id(self, words: str) -> str:
        """The drive ``words`` name in the lexicon's words ("freedom": autonomy), or "" for words of their own."""
        low = words.lower()
        named = [m for m, spec in self.flow.lexicon.motivations.items() if spec.words.find(rules.normalise(low))]
        return named[0] if len(named) == 1 and len(low.split()) <= 2 else ""

    def _label(self, drive: str) -> str:
        spec = self.flow.lexicon.motivations.get(drive)
        return spec.label if spec is not None else play_back(drive) or drive
