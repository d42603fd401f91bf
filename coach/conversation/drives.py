"""Drives put right in the mentee's own words at a playback ("the drives bit is more about fairness")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from coach.conversation.correcting import Correcting, _names
from coach.conversation.summary import LINES
from coach.listening.fixes import Fix
from coach.listening.motivations import own_names

_ENOUGH = re.compile(r"(?i)^(?:just |only |having )?enough (?:money|to\b|pay|salary)")
_FILLER = re.compile(r"(?i)^(?:stuff|things|so on|etc|that|this|everything|all that|the rest|too|as well|also|more|"
                     r"(?:and )?(?:stuff|things) like that|i guess|i think|maybe|really|not)$")


class Drives(Correcting):
    """The part of a conversation that puts fixes to what drives the mentee (mixed into Conversation)."""

    def _drive_named(self, fix: Fix) -> str:
        """A part that names a kept drive by its word ("impact"), put in the mentee's words ("" if none)."""
        part = re.sub(r"^(?:just|only|simply|the) ", "", fix.part.strip(" '\""), flags=re.I)
        kept = self.values.get("motivations") or []
        specs = [self.flow.lexicon.motivations.get(m) for m in kept if isinstance(m, str)]
        if "motivations" not in self.current.corrects or not any(s is not None and _names(s, part) for s in specs):
            return ""  # the part named is nowhere in what was kept: no guessing which words it meant
        return self._own_motivation(replace(fix, part=part))

    def _own_motivation(self, fix: Fix) -> str:
        """"the drives bit is more about fairness than meaning": fairness, in the mentee's words."""
        if not fix.new.strip():
            return ""
        self._begin_change()
        for i, item in reversed(list(enumerate(self.values.get("motivations") or []))):
            spec = self.flow.lexicon.motivations.get(item) if isinstance(item, str) else None
            if not fix.part or item == fix.part or (spec is not None and _names(spec, fix.part)):
                self._put("motivations", i, "", self._refs())  # the drive named, or all when none is
        self.words.append("motivations", fix.new, self._refs())
        return f"{LINES['motivations']}\t{fix.new}"

    def _motivations(self, words: str, replace: bool, own_words: bool = False) -> bool:
        """Motivations named in ``words`` become confirmed ones (all of them, when ``replace``); with
        ``own_words`` (the line dictated: "drives: enough money and being useful"), a phrase that does not name a
        drive by its own name is kept as said, not as the drive it sounds like (round 46 said "meaningful" back for
        "useful")."""
        lex = self.flow.lexicon
        pieces = [_LINKED.sub("", p.strip(" .,!")) for p in re.split(r"(?i),\s*|\s+and\s+|\s*&\s*", words)
                  if p.strip(" .,!")]
        # "enough money", "just enough to not worry" (rounds 44-46): not "earning well"; kept in their words
        enough = [p for p in pieces if _ENOUGH.match(p) or (own_words and _own_phrase(p, lex.motivations.values()))]
        rest = [p for p in pieces if p not in enough]
        named = [m for m, spec in lex.motivations.items() if any(_names(spec, w) for w in rest)] if enough else [
            m for m, spec in lex.motivations.items() if _names(spec, words) or any(_names(spec, w) for w in rest)]
        # "meaning and having a voice": a piece that names no drive is kept in the mentee's words
        own = [p for p in rest if not any(_names(spec, p) for spec in lex.motivations.values())
               and not _FILLER.match(p)] + enough
        if not named and not enough:
            return False
        # "growth, meaning, freedom in that order": kept in the order said, each piece where it was said
        said = [next((m for m in named if _names(lex.motivations[m], p)), p) if p not in own else p for p in pieces]
        ordered = list(dict.fromkeys([m for m in said if m in named or m in own] + named + own))
        self._begin_change()
        ids = list(self.values.get("motivations") or [])
        if replace:
            for i in reversed(range(len(ids))):
                self._put("motivations", i, "", self._refs())
            ids = []
        for m in ordered:
            if m not in ids:
                self.words.append("motivations", m, self._refs())
        return True


_LINKED = re.compile(r"(?i)^(?:and|then|also|plus|but|or)\s+(?=\w)")  # ", and money as in ...": money as in ...


def _own_phrase(piece: str, specs: Iterable[Any]) -> bool:
    """Is ``piece`` said in the mentee's own words ("being useful", "curiosity", round 47: "CURIOSITY not growth"),
    not a drive named by its name ("meaning first", "freedom in that order")? A drive's name is its id or a long
    word of its label."""
    said = re.findall(r"[a-z']+", piece.lower())
    if not said or _FILLER.match(piece):
        return False
    names = {n for spec in specs for n in own_names(spec.id, spec.label)}
    return not any(w[:6] in names for w in said if len(w) >= 5)
