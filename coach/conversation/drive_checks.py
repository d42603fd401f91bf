"""Drive checks answered by naming drives: "yeah both", "more the freedom part", "I said meaning too"."""

from __future__ import annotations

import re
from collections.abc import Container
from typing import TYPE_CHECKING, Any

from coach.conversation import drive_words as dw
from coach.conversation.evidence import own_drives, some_of
from coach.conversation.heard import said_content
from coach.listening import rules
from coach.listening.edits import read_edits
from coach.listening.fixes import read_fixes
from coach.listening.playback import play_back, trimmed
from coach.listening.takeback import yes_after_all

if TYPE_CHECKING:
    from coach.conversation.message import Message
    from coach.conversation.state import SessionState
    from coach.conversation.words import Provenance
    from coach.flow.spec import Flow, Step
    from coach.listening.reading import Reading

class DriveChecks:
    """The part of a conversation that reads drives named at a drive check (mixed into Conversation)."""

    flow: Flow
    state: SessionState
    values: dict[str, Any]
    words: Provenance

    if TYPE_CHECKING:

        @property
        def current(self) -> Step: ...
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _reply(self, key: str) -> str: ...
        def _item(self) -> dict[str, Any]: ...
        def _partly_plain(self) -> str: ...
        def _reask(self) -> list[Message]: ...
        def _refs(self) -> list[str]: ...
        def _advance(
            self, answer: str, skipped: bool = False, ref: str | None = None, reading: Reading | None = None,
            confirm: bool | None = None, corrected: bool = False, sources: list[str] | None = None,
            changed: str = "", own: str = "",
        ) -> list[Message]: ...

    def _every_drive(self, text: str) -> list[Message] | None:
        """"all of them lol" at the open drives question: which one or two matter most, asked once (None: not so,
        or asked already, when the answer is taken as it comes)."""
        if self.current.save_as != "motivation_named" or not dw.EVERY.match(text) or self.state.reasks or (
                "all_named" not in self.flow.replies):
            return None
        self.state.reasks += 1
        return [self._rule(self._reply("all_named"), stored_as="reask")]  # the question, in other words

    def _together(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """A drive check answered by naming drives: all of those checked together ("freedom and money") said to
        fit, or some of them, or the one checked named as the mentee's own (None: none of these)."""
        if not (self.current.foreach and self.current.collect_yes):
            return None
        edited = (self._edited(text, reading, ref) or self._swapped(text, reading, ref) or self._fits_and_not(
            text, reading, ref) or self._missed(text, reading, ref) or self._also_own(text, reading, ref))
        if edited is not None:  # "drop recognition, i didnt say that today. and add helping others grow"
            return edited
        if self._item().get("with") and dw.ALL_OF_THEM.search(text) and not reading.has("no"):
            return self._advance(answer=text, ref=ref, reading=reading, confirm=True)  # "yeah both": a yes to each
        pair = dw.ranked_pair(text, str(self._item().get("id") or ""), self.flow.lexicon)
        if pair is not None and "ranked" in self.flow.replies:  # "partly. its freedom first, meaning second"
            self._keep_others(pair[1])
            return [self._rule(self._reply("ranked").replace("{words}", pair[0]))] + self._advance(
                answer=text, ref=ref, reading=reading, confirm=True)
        ranked = self._all_named(text, reading)
        if ranked is not None:  # "mostly growth. money second" at "money and growth" (round 32): both, growth first
            first = [self._rule(self._reply("ranked").replace("{words}", ranked))] if ranked else []
            return first + self._advance(answer=text, ref=ref, reading=reading, confirm=True)
        fits = some_of(self._item(), text, self.flow.lexicon)
        if fits:  # "sort of, but more the freedom part" at "freedom and money": freedom kept, money left off
            for mid in fits:
                self.words.append(self.current.collect_yes or "motivations", mid, self._refs())
            self._keep_others(self._named_as_own(text))  # "... but I said meaning and having a say": meaning too
            labels = [self.flow.lexicon.motivations[m].label for m in fits]
            line = _agreed(self._reply("part_fits").replace("{words}", " and ".join(labels)), len(labels))
            return [self._rule(line)] + self._advance(answer=text, ref=ref, reading=reading, confirm=None)
        if self._said_by_name(text, reading):
            # "yeah partly, but I said freedom too, freedom and meaning both": named, so a yes (and the other too)
            return self._advance(answer=text, ref=ref, reading=reading, confirm=True)
        others = [m for m in self._named_as_own(text) if m != self._item().get("id")] if reading.confirm else []
        if others and not reading.has("no"):  # "yes, and growth also" (round 24): growth is not checked after it
            self._keep_others(others)
            # ... and is said to be kept: "yes, and growth. don't leave out growth" went unanswered (round 30)
            low, lex = rules.normalise(text), self.flow.lexicon
            named = [low[s:e] for m in others for s, e in lex.motivations[m].words.spans(low)[:1]]
            noted = [self._rule(self._reply("noted_too").replace("{words}", " and ".join(named)))] if named and (
                "noted_too" in self.flow.replies) else []
            return noted + self._advance(answer=text, ref=ref, reading=reading, confirm=True)
        said = dw.QUALIFIED.sub("", trimmed(said_content(reading)))
        if said and not reading.has("no") and not dw.DENIED.search(said) and self._names_item(said):
            return self._advance(answer=text, ref=ref, reading=reading, confirm=True)  # "mostly freedom tbh"
        less = dw.LESS.search(said)
        if less and self._names_item(said[:less.start()]):  # "freedom less so": a no to this one
            return self._advance(answer=text, ref=ref, reading=reading, confirm=False)
        return None

    def _fits_and_not(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """This check's drive said to matter and another said not to: the one kept, the other never asked, the
        mentee's own words for more kept beside them (None: not so)."""
        item = self._item()
        ids = [str(i) for i in [item.get("id"), *(item.get("with") or [])] if i]
        fits, denied = dw.fits_and_not(ids, text, self.flow.lexicon)
        if not fits:
            return None
        var = self.current.collect_yes or "motivations"
        kept = self.values.get(var) or []
        for i in reversed(range(len(kept))):
            if kept[i] in denied:
                self.words.remove(var, i)
        own = [w for w in own_drives(text, self.flow.lexicon, set(denied)) if w not in kept]
        for mid in fits + own:
            if mid not in (self.values.get(var) or []):
                self.words.append(var, mid, self._refs())
        self._not_asked_later(set(denied))
        labels = [self.flow.lexicon.motivations[m].label for m in fits]
        line = _agreed(self._reply("part_fits").replace("{words}", " and ".join(labels)), len(labels))
        too = [self._rule(self._reply("noted_too").replace("{words}", " and ".join(own)))] if own and (
            "noted_too" in self.flow.replies) else []
        return [self._rule(line)] + too + self._advance(answer=text, ref=ref, reading=reading, confirm=None)

    def _all_named(self, text: str, reading: Reading) -> str | None:
        """Drives checked together, each named again and none denied: None if not so; else the mentee's word for
        the one put first ("mostly growth. money second": growth), or "" when none is put first."""
        item, lex = self._item(), self.flow.lexicon
        ids = [str(item.get("id") or ""), *item.get("with", [])]
        if len(ids) < 2 or reading.has("no") or reading.has("hedge") or reading.has("question") or \
                any(mid not in lex.motivations for mid in ids) or "ranked" not in self.flow.replies:
            return None
        low = rules.normalise(text)
        if dw.DENIED.search(low) or dw.LESS.search(low):  # "yes freedom, money not so much": not each of them
            return None
        spans = {mid: lex.motivations[mid].words.spans(low) for mid in ids}
        if not all(spans.values()) or not all(rules.affirmed(lex.motivations[m].words, low) for m in ids):
            return None
        ranked = dw.RANKED.search(low)
        if ranked is None:
            return ""
        put_first = min(ids, key=lambda m: abs(spans[m][0][0] - ranked.start()))
        start, end = spans[put_first][0]
        return low[start:end]

    def _missed(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """"kind of? and money, you missed money" (round 35): the drive said to be missed is kept and said so; the
        rest answers this check (a hedge is a partly, a no a no)."""
        m = dw.YOU_MISSED.search(text)
        if m and re.search(r"(?i)\b(?:more|rather|not really)\b", text[:m.start()]):
            return None  # "not really how I work, more WHEN I work. and you skipped meaning": their word first
        back = yes_after_all(text.lower()) if m is None else None
        said = m.group("x") if m else back[1] if back else ""  # "wait no i did mean yes to meaningful" (round 40)
        lex, var = self.flow.lexicon, self.current.collect_yes or "motivations"
        ids = [mid for mid, spec in lex.motivations.items() if said and spec.words.find(rules.normalise(said))]
        if not ids or "noted_too" not in self.flow.replies:
            return None
        checked = str(self._item().get("id") or "")
        for mid in ids:
            if mid not in (self.values.get(var) or []):
                self.words.append(var, mid, self._refs())
        self._not_asked_later(ids)
        noted = self._reply("noted_too").replace("{words}", " and ".join(lex.motivations[i].label for i in ids))
        if checked in ids:
            return [self._rule(noted)] + self._advance(answer=text, ref=ref, reading=reading, confirm=True)
        if back and not rules.words(text[:back[0].start()] + text[back[0].end():]):
            return [self._rule(noted)] + self._reask()  # only the earlier no taken back: this check is still open
        # "not earning well. not losing what ive got. pension. and you missed meaning" (round 69 kept money): a no
        confirm = False if reading.has("no") or self._item_denied(text) else None if reading.has("hedge") else True
        if confirm is None and dw.MOSTLY_YES_LEAD.match(text):  # "mostly yes but you missed money" (round 64 left
            confirm = True  # meaning and growth off the list): a yes to those, and money beside them
        lead = f"{self._partly_plain()} " if confirm is None and "partly_plain" in self.flow.replies else ""
        return [self._rule(lead + noted)] + self._advance(answer=text, ref=ref, reading=reading, confirm=confirm)

    def _yes_and_more(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """"yes and also freedom", "yeah, freedom too" at a drive check (round 41 kept only the yes): a yes to this
        one, and the others named kept as well and said so (None: no other drive named beside a yes)."""
        also = self._others_named(text, reading, with_yes=True) if dw.YES_AND.search(text) else []
        if not also:
            return None
        noted = self._rule(self._reply("noted_too").replace("{words}", " and ".join(also)))
        return [noted] + self._advance(answer=text, ref=ref, reading=reading, confirm=True)

    def _also_own(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """"AND no meetings. why do u keep dropping that", "yeah but also the meetings thing" (round 41): a drive of
        their own said beside this check is kept in their words and said so; this check is a yes unless doubted."""
        m = dw.ALSO_OWN.search(text)
        lex, var = self.flow.lexicon, self.current.collect_yes or "motivations"
        own = m.group("x").strip() if m else ""
        own = f"no {own}" if own.lower() in dw.AWAY_FROM else own  # "the meetings thing": no meetings
        if not own or not lex.own_drives.find(rules.normalise(own)) or "noted_too" not in self.flow.replies or any(
                spec.words.find(rules.normalise(own)) for spec in lex.motivations.values()):
            return None
        if own.lower() not in [str(k).lower() for k in self.values.get(var) or []]:
            self.words.append(var, own, self._refs())
        noted = self._rule(self._reply("noted_too").replace("{words}", play_back(own) or own))  # "your family"
        # "not earning well. not losing what ive got. pension. and you missed meaning" (round 69 kept money): a no
        confirm = False if reading.has("no") or self._item_denied(text) else None if reading.has("hedge") else True
        return [noted] + self._advance(answer=text, ref=ref, reading=reading, confirm=confirm)

    def _swapped(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """A drive put right in the mentee's word (round 34): "no, not 'recognised' - 'respected'. ... earning well
        is fine" keeps "respected" in place of recognition, and hears the rest as the answer to this check."""
        lex, var = self.flow.lexicon, self.current.collect_yes or "motivations"
        def drives(words: str) -> list[str]:
            return [m for m, spec in lex.motivations.items() if spec.words.find(rules.normalise(words))]

        # "not 'recognised' - 'respected'": the drive in another word; "yes to meaning not money" is another drive
        swaps = [(e, ids) for e in read_edits(text) if e.put and len(e.put.split()) <= 4
                 and not re.match(r"(?i)^(?:i|you) (?:said|meant|mean|say)\W*$", e.put)  # "no, i said not respect"
                 and (ids := drives(e.part)) and set(drives(e.put)) <= set(ids)]
        if not swaps:
            return None
        checked = str(self._item().get("id") or "")
        for edit, ids in swaps:
            kept = self.values.get(var) or []
            for mid in ids:
                if mid in kept:
                    self.words.replace(var, kept.index(mid), edit.put, self._refs())
            if edit.put.lower() not in [str(k).lower() for k in self.values.get(var) or []]:
                self.words.append(var, edit.put, self._refs())
            self._not_asked_later(ids)
        line = self._reply("own_word").replace("{words}", " and ".join(e.put for e, _ in swaps))
        said = [self._rule(line[:1].upper() + line[1:])]
        if any(checked in ids for _, ids in swaps):  # this very check, put right: done
            return said + self._advance(answer=text, ref=ref, reading=reading, confirm=None)
        rest = " ".join(s for s in re.split(r"(?<=[.!?])\s+", text) if not any(
            e.part.lower() in s.lower() or e.put.lower() in s.lower() for e, _ in swaps))
        spec = lex.motivations.get(checked)
        agreed = spec is not None and bool(spec.words.find(rules.normalise(rest))) and rules.affirmed(
            spec.words, rules.normalise(rest)) and not dw.DENIED.search(rest)
        return said + self._advance(answer=text, ref=ref, reading=reading, confirm=True if agreed else None)

    def _edited(self, text: str, reading: Reading, ref: str) -> list[Message] | None:
        """Drives checked together, some dropped and others added by name (round 23): the rest kept, the added
        ones kept in the mentee's words (None: no drop asked for)."""
        item, lex = self._item(), self.flow.lexicon
        ids = [str(item.get("id") or ""), *item.get("with", [])]
        fixes = read_fixes(text) if len(ids) > 1 else []
        dropped = {mid for f in fixes if f.kind == "drop" for mid in ids
                   if mid in lex.motivations and lex.motivations[mid].words.find(rules.normalise(f.part or f.said))}
        if not dropped:
            return None
        kept = [mid for mid in ids if mid not in dropped]
        added = [trimmed(f.new) for f in fixes if f.kind == "add" and trimmed(f.new)]
        for mid in kept:
            self.words.append(self.current.collect_yes or "motivations", mid, self._refs())
        for own in added:
            self.words.append(self.current.collect_yes or "motivations", own, self._refs())
        labels = " and ".join(lex.motivations[m].label for m in kept)
        said = [_agreed(self._reply("part_fits").replace("{words}", labels), len(kept))]
        if added:
            said.append(self._reply("noted_too").replace("{words}", " and ".join(added)))
        return [self._rule(" ".join(said))] + self._advance(answer=text, ref=ref, reading=reading, confirm=None)

    def _said_by_name(self, text: str, reading: Reading) -> bool:
        """Does the reply name the drive being checked as the mentee's own ("I said freedom too", "meaning
        is on the list")? Any other drive named so is kept as confirmed beside it."""
        if reading.confirm is False or self._item().get("id") not in self.flow.lexicon.motivations:
            return False
        named = self._named_as_own(text)
        if self._item().get("id") not in named:
            return False
        self._keep_others(named)
        return True

    def _named_as_own(self, text: str) -> list[str]:
        """Drives the reply names as the mentee's own ("I said meaning", "freedom too")."""
        return [mid for mid in self.flow.lexicon.motivations
                if _OWN_NAMING.search(text) and self._is_named(mid, _name_words(text, mid, self.flow.lexicon))]

    def _keep_others(self, named: list[str]) -> None:
        """Drives named beside the one checked are kept as confirmed, and not checked later."""
        kept = self.values.get(self.current.collect_yes or "") or []
        item = self._item()
        others = [mid for mid in named if mid != item.get("id") and mid not in item.get("with", [])]
        for mid in others:
            if mid not in kept:
                self.words.append(self.current.collect_yes or "motivations", mid, self._refs())
        self._not_asked_later(others)

    def _collect(self, var: str, item: dict[str, Any], ref: str | None) -> None:
        """A yes to a check keeps its drive(s): "freedom and money" both, each once (round 32 had growth twice)."""
        evidence = list(item.get("evidence") or []) + ([ref] if ref else [])
        kept_now = [str(k).lower() for k in self.values.get(var) or []]
        for mid in self._kept_as(item):
            if mid.lower() not in kept_now:
                self.words.append(var, mid, evidence)

    def _not_asked_later(self, ids: Container[str]) -> None:
        """Drives already kept or said not to fit are not checked again later in this list."""
        items, at = self.state.items or [], self.state.item_index
        self.state.items = items[:at + 1] + [i for i in items[at + 1:] if i.get("id") not in ids]

    def _others_named(self, text: str, reading: Reading, hedged: bool = False, with_yes: bool = False) -> list[str]:
        """Drives other than the one checked, named as the answer with no yes or no to it ("recognition,
        if I'm honest. and growth"), or beside a partial yes (``hedged``: "kind of. but also meaning"): kept as
        confirmed and not checked later; the mentee's words for them. With ``with_yes``, beside a yes to this one
        ("yes and also freedom", round 41 dropped the freedom)."""
        step, lex = self.current, self.flow.lexicon
        if not (step.foreach and step.collect_yes) or (reading.confirm is not (True if with_yes else None)) or \
                (reading.has("hedge") and not hedged) or (reading.has("correction") and not hedged) or \
                "noted_too" not in self.flow.replies:
            return []
        for asked in (a.text for a in reading.acts if a.kind == "question"):  # "where did recognition come from?"
            text = text.replace(asked, " ")
        low = rules.normalise(text)
        named = {mid: _with_lead(low, *spans[0]) for mid, spec in lex.motivations.items()
                 if mid != self._item().get("id") and (spans := spec.words.spans(low))
                 and rules.affirmed(spec.words, low)}
        kept = self.values.get(step.collect_yes or "") or []
        for mid in named:
            if mid not in kept:
                self.words.append(step.collect_yes or "motivations", mid, self._refs())
        self._not_asked_later(named)
        return [play_back(words) or words for words in named.values()]  # "my freedom": "your freedom"

    def _kept_as(self, item: dict[str, Any]) -> list[str]:
        """What a yes to a drive check keeps: the drive, or the mentee's own words for it when the check was said
        in them ("having a say", not "having an impact": round 24 found the label swapped back next time)."""
        spec = self.flow.lexicon.motivations.get(str(item.get("id")))
        label = str(item.get("label") or "")
        if spec is not None and not item.get("with") and label and label.lower() != spec.label.lower():
            return [str(item.get("own") or label)]
        return [item["id"], *item.get("with", [])]

    def _item_denied(self, text: str) -> bool:
        """Is the drive being checked said not to be so ("not earning well. not losing what ive got", round 69)?"""
        label = str(self._item().get("label") or "").lower()
        return any(self._names_item(m["x"]) or (label and label in m["x"].lower()) for m in re.finditer(
            r"(?i)(?:^|[.,;!?]\s*)(?:(?:no|nah|and|but)[,.]?\s+)*(?:not|never|isn'?t)\s+(?:really\s+|about\s+)?"
            r"(?P<x>[\w' ]{3,30}?)(?=\s*(?:[.,;!?]|$))", text))

    def _names_item(self, words: str) -> bool:
        """Do the mentee's words name the drive being checked ("meaning" at the meaning check)?"""
        return self._is_named(str(self._item().get("id") or ""), words)

    def _is_named(self, mid: str, words: str) -> bool:
        """Is ``words`` the drive's own name ("meaning", "money", "freedom"), not a new word for it ("useful")?"""
        spec = self.flow.lexicon.motivations.get(mid)
        if spec is None:
            return False
        raw = ((self.flow.lexicon.raw.get("motivations") or {}).get(mid) or {}).get("words") or []
        names = [mid, *spec.label.split(), *[str(w).rstrip("*") for w in raw[:1]]]
        stems = {n.lower()[:5] for n in names if len(n) >= 5 and n.lower() not in _PLAIN_WORDS}
        said = [w for w in re.findall(r"[a-z]+", words.lower()) if len(w) >= 4]
        return bool(said) and all(w[:5] in stems for w in said[:2])

    def _names_confirmed(self, words: str) -> bool:
        """Do the mentee's words name a drive already confirmed (said again, not a new word for this one)?"""
        step = self.current
        confirmed = self.values.get(step.collect_yes or "") or []
        return any(self._is_named(m, words) for m in confirmed if isinstance(m, str))


# "I said freedom too", "freedom and meaning both", "meaning is on the list": drives named as one's own.
_OWN_NAMING = re.compile(r"(?i)\b(?:i (?:said|meant|mean|told you)|both|too|as well|on the list|is (?:on|in) there|"
                         r"and (?:meaning|freedom|money|growth|recognition|impact))\b")


# Words of a drive's label that name no drive ("having freedom", "having an impact": not "having").
_PLAIN_WORDS = frozenset({"having", "being", "doing", "taking", "getting", "things", "something", "really", "about",
                          "where", "which", "their", "there", "because", "other", "people", "makes", "matters"})


def _name_words(text: str, mid: str, lex: Any) -> str:
    """The word in ``text`` that names drive ``mid`` by its own name ("" if none), never a negated one."""
    spec = lex.motivations.get(mid)
    names = {mid[:5], *(w.lower()[:5] for w in spec.label.split()
                        if len(w) >= 5 and w.lower() not in _PLAIN_WORDS)} if spec else set()
    for m in re.finditer(r"[a-z]+", text.lower()):
        w = m.group(0)
        if len(w) >= 5 and w[:5] in names and not re.search(r"\b(?:not|no|never|dont|don't)\s+(?:\w+\s+)?$",
                                                             text.lower()[:m.start()]):
            return w
    return ""


def _with_lead(text: str, start: int, end: int) -> str:
    """A drive's word as the mentee put it, with the word that leads into it ("being appreciated")."""
    lead = re.search(r"(?:being|feeling|getting|to be|more|the) $", text[:start])
    return text[lead.start() if lead else start:end]


def _agreed(line: str, many: int) -> str:
    """"Noted: X and Y fit.", never "X and Y fits" (round 78)."""
    return re.sub(r"\bfits\.$", "fit.", line) if many > 1 else line
