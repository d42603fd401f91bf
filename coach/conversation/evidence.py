"""Motivations by evidence: every drive something said points to, most evidence first, none played down."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.listening import rules
from coach.listening.pronouns import swap_pronouns
from coach.listening.takeback import TAKE_BACK

if TYPE_CHECKING:
    from coach.conversation.message import Message
    from coach.conversation.state import SessionState
    from coach.conversation.words import Provenance
    from coach.flow.spec import Flow

# A motivation said in the same breath as one of these was played down, not named.
_PLAYED_DOWN = re.compile(
    r"\b(?:would be nice|nice to have|nice bonus|a bonus|not the main|isn'?t the main|not that important|"
    # "Money is not the first" (a second language), "not the most important", "not number one"
    r"(?:is |'s |isn'?t )?not (?:the )?(?:first|most important|number one|top|priority)\b|"
    r"not (?:really )?what (?:drives|matters)|doesn'?t matter (?:much|that much)|not a big deal|secondary|"
    # "recognition dont bother me", "recognition DONT matter", "no recognition no meaning" (round 79 played each
    # back as mattering)
    r"(?:do|does)(?:n'?t|nt| not) (?:really )?(?:bother|matter to|matter|interest|drive|motivate) ?(?:me|much)?|"
    r"(?:is|are) ?n'?t (?:a )?(?:thing|big thing|priority) for me|^\W*no [a-z]+(?: no [a-z]+)*\W*$|"
    r"not really about|less about|not about|not (?:so|that|as|too) much|"
    # "the money thing is more about my parents than me", "earning well isnt really mine" (round 78 kept it)
    r"more (?:about|for) (?:my |the |their |his |her )?[\w' ]{1,20}? than (?:me|mine|myself)|"
    r"(?:is ?n'?t|not) (?:really )?mine|"
    r"not (?:really )?(?:the |my )?(?:why|reason|point|driver)|"  # "money a bit but its not why"
    # "Money is fine, I'm paid ok"
    r"(?:is|'s|are) (?:fine|ok|okay|alright|sorted|covered)(?! to)|paid (?:ok|okay|fine|enough|alright)|"
    # "actually scrap recognition", "meaningful I never confirmed, kindly remove" (round 13)
    r"scrap|scratch|cross out|strike|take out|remove|never (?:said|confirmed|meant)|"
    # "recognition matters less now", "it doesn't matter as much anymore"
    r"matters? less|less so|less (?:now|important|than before)|(?:doesn'?t|does not) matter (?:as much|any ?more)|"
    # "at my age a career ladder is a bit silly" (round 24), "too old for all this recognition business"
    r"(?:is|'s|are|seems?) (?:a bit |kind of |kinda |rather |pretty |quite |a little )?(?:silly|pointless|daft|"
    r"overrated|not for me)|too old for|"
    # "control sounds exhausting" (round 98 then asked whether deciding drives them)
    r"(?:sounds?|seems?|is|'s|feels?|looks?) (?:so |really |a bit |kind of |just )?(?:exhausting|draining|tiring|"
    r"awful|horrible|stressful|like hell|a nightmare))\b"
)
# What drives the mentee, named in their own words at the open question ("security, and respect
# from peers"): pieces of the answer, each kept when it names no drive of the lexicon's (round 13).
_PIECES = re.compile(r"[.;!?]+|,|\band\b|\bplus\b|\balso\b|\bas well as\b|\s[+&]\s")
_LEAD = re.compile(r"^(?:(?:drivers?(?: are| is)?|(?:what )?drives me(?: is)?|i think|i guess|i suppose|actually|"
                   r"honestly|mostly|probably|definitely|maybe|so|well|but|it'?s|its|it is|more about|more|really|just|"
                   r"um+|uh+|erm+|hmm+|like|tbh|ngl|"
                   r"i'?d say|firstly|secondly|thirdly|lastly|first(?:ly)? of all|finally|and finally|if i am honest|"
                   r"if i'?m honest|(?:which|that) i said first|"
                   # ("some calm" is not "so" + "me calm": each lead ends a word)
                   # "For me is important the stability" (a second language), "the most important for me is X"
                   r"(?:for me,? )?(?:(?:it'?s|its|it is|is) )?(?:the )?(?:most |very |really )?important(?: for me)?"
                   r"(?: (?:is|are))?(?: the)?|for me(?: (?:is|it'?s|it is))?(?: the)?)\b\W*\s*)+", re.I)
_INSTEAD = re.compile(r"(?i)^\W*(?:(?:actually|but|no)\W+)*(?:it'?s |its |it is )?(?:more|rather|really)"
                      r"(?: about| like)?\b")
_TAIL = re.compile(r"\W*\b(?:i (?:think|guess|suppose)|too|as well|mostly|probably|really|i'?d say|for sure|"
                   r"definitely|which i said first|first|i told already|i said|honestly|tbh|lol|ngl|obvs)\W*$", re.I)
_NOT_A_DRIVE = re.compile(r"(?i)^(?:that|this|it|which|although|though|i|i'?m|you|is|are|do|does|what|how|why|who|"
                          r"told (?:you|u)|samey|same as|said that|"  # "told you last time. pension" (round 74)
                          # "not sitting in meetings all day", "no nights": a drive said as what to get away from
                          r"where|not(?! (?:being|having to|getting|feeling) \w| \w+ing\b)|"
                          r"no(?! (?:more |endless |pointless )?\w{3,}s\b)|nothing|none|idk|dunno|everything|"
                          r"anything|stuff|things|sounds?|for|to|with|"
                          r"in|at|on|because|cos|cause|bc|like|scrap|forget|drop|(?:a )?(?:little|bit|lot)|kind of|"
                          r"sort of|only|even|if|when|same|as before|like (?:i said|before|last time)|"
                          # "we have two kids" (round 33): why, said as a fact, not a drive named
                          r"(?:we|they|he|she|my \w+) (?:have|has|had|got|are|is|was|were)|i (?:have|had|got|was))\b")
_CLAUSES = re.compile(r"[.;!?]+|\bbut\b|\bthough\b|\balthough\b")
# "money matters too, but not the main thing": the clause after names no subject, it says it of the one before.
# "Meaning. Not money, my pension is fine" (round 24): "not money" names another drive, and says nothing of meaning.
_POINTS_BACK = re.compile(r"^(?:it|its|it's|that|thats|that's|this|they|which|"
                          r"not (?:the|really|that|so|as|too|my|important|a big|why|what|much)\b)")


class Evidence:
    """The part of a conversation that finds the motivations to check (mixed into Conversation)."""

    flow: Flow
    values: dict[str, Any]
    words: Provenance
    state: SessionState
    _own_kept: list[str]

    if TYPE_CHECKING:
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _reply(self, key: str) -> str: ...

    def _kept_own(self) -> list[Message]:
        """"Security and respect from peers: I've kept those as you put them." (none if nothing was kept)."""
        kept, self._own_kept = getattr(self, "_own_kept", []), []
        if not kept or "own_drives" not in self.flow.replies:
            return []
        words = ", ".join(kept[:-1]) + f" and {kept[-1]}" if len(kept) > 1 else kept[0]
        # "people seeing what i do" (round 93 said back "what i do"): in the second person
        return [self._rule(self._reply("own_drives").replace("{words}", swap_pronouns(words)))]

    def _items(self, detector: str) -> list[dict[str, Any]]:
        """Every motivation with evidence in what was said, most first, none played down."""
        if detector != "motivations":
            return []
        lex = self.flow.lexicon
        said = self.words.texts(self.state.said)
        down = {m for m, spec in lex.motivations.items() for _, text in said if played_down(spec.words, text)}
        other, chosen = self._lean()
        down |= other
        found = [m for m in rules.detect_motivations([text for _, text in said], lex) if m not in down]
        if chosen and chosen not in (self.values.get("motivations") or []):
            # "impact, definitely" was the answer to a question about exactly this: confirmed, not asked again
            # (round 10: "It sounds like having an impact matters to you?" right after "impact def").
            refs = [ref for ref, text in said if text == str(self.values.get("impact_or_control") or "")]
            self.words.append("motivations", chosen, refs)
        found = [m for m in found if m != chosen]
        refs = [r for item in self.state.sources.get("motivation_named") or [] for r in (
            item if isinstance(item, list) else [item])]
        named = self.words.texts(refs)  # the whole reply: what was kept of it may be its last part
        before = [m for m in (self.values.get("previous") or {}).get("motivations") or [] if m in lex.motivations]
        if before and any(_SAME.match(text) for _, text in named):  # "same. i said that at the start lol"
            raw = lex.raw.get("motivations") or {}
            said_again = [str(((raw.get(m) or {}).get("words") or [m])[0]).rstrip("*") for m in before]
            named = [*named, ("", " and ".join(said_again))]  # said again in the drives' own first words
            found = list(dict.fromkeys([*before, *found]))
        kept = self.values.get("motivations") or []
        owns = [w for _, text in named for w in own_drives(text, lex, down) if w not in kept]
        for own in owns:  # named by the mentee, in their words: kept as said, not checked
            self.words.append("motivations", own, [ref for ref, _ in named])
        self._own_kept = owns
        items = []
        for m in found:
            words = lex.motivations[m].words
            evidence = [ref for ref, text in said if rules.affirmed(words, text)]
            naming = [text for _, text in named if _named_here(words, text)]
            # "plain": "freedom and money tbh", not "maybe money a bit"
            plain = bool(naming) and all(_named_here(words, text, plainly=True) for text in naming)
            own = _said_as(words, naming)  # kept in their words, said back in the second person
            items.append({"id": m, "label": swap_pronouns(own) if own else lex.motivations[m].label, "own": own,
                          "note": lex.motivations[m].note, "evidence": evidence, "named": bool(naming), "plain": plain,
                          "many": False})
        said_first = " ".join(rules.normalise(text) for _, text in named)

        def at(item: dict[str, Any]) -> tuple[int, int]:  # "money lol. and maybe having a say": money, then a say
            spans = lex.motivations[item["id"]].words.spans(said_first) if item["named"] else []
            return (0 if item["plain"] else 1, min((start for start, _ in spans), default=len(said_first)))

        return _together(sorted(items, key=at))  # named plainly first, then with a shrug, each in the order named

    def _lean(self) -> tuple[set[str], str]:
        """Impact or control, answered clearly ("impact, definitely. i dont care who decides"): the
        other one is not checked (round 8 was asked about control after saying so) and the chosen one is
        confirmed by the choice. Returns (the drives not to check, the one chosen or "")."""
        lex = self.flow.lexicon
        answer = str(self.values.get("impact_or_control") or "")
        if not answer or "influence" not in lex.motivations or "authority" not in lex.motivations:
            return set(), ""
        refs = [r for item in self.state.sources.get("impact_or_control") or [] for r in (
            item if isinstance(item, list) else [item])]
        said = " ".join(text for _, text in self.words.texts(refs)) or answer  # "Both?" is not kept as words
        if rules.BOTH.search(said):
            return set(), ""  # not a clear choice: the checks ask
        leaning = rules.THAN.sub(" ", answer)  # "more control than impact": control
        scores = {m: rules.affirmed(lex.motivations[m].words, leaning) for m in ("influence", "authority")}
        if played_down(lex.motivations["authority"].words, answer):
            scores["authority"] = 0
        if played_down(lex.motivations["influence"].words, answer):
            scores["influence"] = 0
        chosen = [m for m, n in scores.items() if n]
        if len(chosen) != 1:  # a mix, or neither: both stay to be checked by their evidence
            return set(), ""
        return {"influence", "authority"} - set(chosen), chosen[0]


# "same", "same as last time", "like before": last time's drives, named again.
_SAME = re.compile(r"(?i)^\W*(?:(?:it'?s|its|the|still|pretty much|basically|much)\s+)*"
                   r"(?:same|as before|like (?:last time|before))\b")


def _together(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drives named outright in one answer ("freedom and money tbh") are said back and checked together:
    one at a time, the mentee hears the second as dropped (round 16). ``with`` holds the others' ids."""
    named = [item for item in items if item["plain"]][:3]
    if len(named) >= 2:
        labels = [str(item["label"]) for item in named]
        merged = {**named[0], "with": [item["id"] for item in named[1:]], "many": True,
                  "label": ", ".join(labels[:-1]) + f" and {labels[-1]}",
                  "note": " ".join(str(item["note"]) for item in named if item["note"]),
                  "evidence": list(dict.fromkeys(r for item in named for r in item["evidence"]))}
        items = [merged if item is named[0] else item for item in items if item is named[0] or item not in named]
    return [{**item, "first": i == 0} for i, item in enumerate(items)]


def some_of(item: dict[str, Any], text: str, lex: Any) -> list[str]:
    """Drives checked together ("freedom and money"), some said to fit ("more the freedom part", "yes freedom,
    money not so much"): the ids that fit, or [] when the answer is about all of them or names none."""
    ids = [str(item.get("id") or ""), *item.get("with", [])]
    if len(ids) < 2 or _YES_AND_TOO.search(text):  # "yes... and recognition too": all of them (round 37)
        return []
    kept = fitting(ids, text, lex)
    if not kept and _MOSTLY.match(text):  # "yeah mostly. but the money thing is more about my parents than me"
        down = [m for m in ids if m in lex.motivations and any(
            played_down(lex.motivations[m].words, p) for p in re.split(r"[.;!?]+", text) if p.strip())]
        kept = [m for m in ids if m not in down] if down else []  # (round 78 kept money alone)
    return kept if 0 < len(kept) < len(ids) else []


_MOSTLY = re.compile(r"(?i)^\W*(?:(?:yeah|yes|yep|ya|ok|okay)[,.]?\s+)?(?:mostly|largely|mainly|pretty much|partly|"
                     r"kind of|sort of)\b")


def fitting(ids: list[str], text: str, lex: Any) -> list[str]:
    """The drives of ``ids`` that the answer says fit, each by the piece that names it ("meaning fits. having a
    say, not really": meaning); none named, none kept."""
    pieces = [p for p in re.split(r"[,.;!?]+|\b(?:but|though|and|plus)\b", text) if p.strip()]

    def fits(mid: str) -> bool:  # "yes freedom, money not so much": each drive by the piece that names it
        at = [i for i, p in enumerate(pieces) if rules.motivation_scores(p, lex).get(mid)
              or lex.motivations[mid].words.find(rules.normalise(p))]
        # "meaning... i'm not sure i need more of it": a drive named alone, then what is said of it
        doubted = any(len(pieces[i].split()) <= 4 and i + 1 < len(pieces) and _DOUBTED.search(pieces[i + 1])
                      for i in at)
        return bool(at) and not doubted and not any(played_down(lex.motivations[mid].words, pieces[i]) for i in at)

    return [m for m in ids if m in lex.motivations and fits(m)]


# Doubt said of a drive just named (round 22): "meaning... i'm not sure i need more of it".
_DOUBTED = re.compile(r"(?i)^\s*(?:i'?m |im |i am )?(?:not (?:so |that |really )?sure|not really|not so much|less so|"
                      r"(?:i )?don'?t (?:really )?(?:need|care|mind)|nah|no)\b")


# What finishes a phrase that ends on a preposition: "being good at | it", "being part of | something".
_FINISHES = re.compile(r" (?:it|this|that|them|things|stuff|something|my (?:job|work|craft))\b")


_SHRUG_END = re.compile(r"(?:\s+(?:maybe|i guess|i think|i suppose|probably|perhaps|tbh|lol|too|as well|also))+$")


_NARROWED = re.compile(r" (?:over|with|around|in how|in what|at) (?:my|our|when|where|what|how|the)\b[^,;.!?]{1,25}?"
                       r"(?=\s*(?:[,;.!?]|$|\band\b))")


def _said_as(words: rules.Phrases, naming: list[str]) -> str:
    """A drive named in a phrase of the mentee's own ("having a say", "being my own boss"): said back in it, not in the
    label ("having an impact on how things turn out" was heard as not listening, round 22); "" for one word."""
    for text in naming:
        low = rules.normalise(text)
        for start, end in words.spans(low):
            phrase = low[start:end]
            if len(phrase.split()) >= 3 and phrase.startswith(("having ", "being ", "doing ")):
                # "being good at it" (round 30 said back "being good at"): the phrase ends where the thought does
                tail = _FINISHES.match(low, end) if re.search(r"\b(?:at|in|of|for|with|on|to)$", phrase) else None
                return phrase + (tail.group(0) if tail else "")
            # "freedom over my time, grandkids" (round 84 checked "having freedom over how you work" four times):
            # the drive as they narrowed it
            narrowed = _NARROWED.match(low, end) if len(phrase.split()) == 1 else None
            if narrowed:
                return phrase + narrowed.group(0)
            lead = re.search(r"\b(?:being|feeling) $", low[:start]) if len(phrase.split()) == 1 else None
            rest = re.match(r"[^,;.!?]*", low[end:])
            whole = low[lead.start():end + (rest.end() if rest else 0)].strip() if lead else ""
            whole = _SHRUG_END.sub("", whole)  # "being recognised maybe" (round 49): the drive, not the shrug
            if 3 <= len(whole.split()) <= 6:  # "being useful to people" (round 29): the drive in their own words
                return whole
    return ""


def _named_here(words: rules.Phrases, text: str, plainly: bool = False) -> bool:
    """Does a clause of this answer open on the drive's word ("meaning, obviously", "maybe freedom a little")?
    ``plainly``: with no shrug in that clause ("freedom tbh", not "maybe freedom a little")."""
    pieces = re.split(r",|;|\band\b|\bplus\b|\s[+&]\s", " , ".join(_CLAUSES.split(rules.normalise(text))))
    for clause in (c.strip() for c in pieces):
        opening = _OPENING.sub("", clause)
        bare = re.sub(r"^(?:being|feeling) ", "", opening)  # "being useful to people" names it too (round 29)
        if any(opening.startswith(w) or bare.startswith(w) for w in words.find(opening)) and \
                rules.affirmed(words, clause):
            # "recognition i suppose? and meaning. kind of both" (round 37): both named, the shrug is on the choosing
            return not plainly or not _SHRUG.search(clause) or _BOTH.search(rules.normalise(text)) is not None
    return False


_BOTH = re.compile(r"\b(?:(?:kind of|kinda|sort of|probably|really|honestly|i guess) )?both\b"
                   r"(?! (?:of )?(?:them|those) (?:are|is) (?:not|wrong))")
_YES_AND_TOO = re.compile(r"(?i)^\W*(?:yes|yeah|yep|yea|ya)\b.*\b(?:too|as well)\b")
_SHRUG = re.compile(r"\b(?:maybe|probably|prob|i guess|i suppose|i think|kind of|kinda|sort of|sorta|a bit|"
                    r"a little|somewhat|a tad|not gonna lie|i dunno|idk)\b|\?")


# What may come before a drive named outright: "maybe freedom", "and also growth", "obviously meaning".
_OPENING = re.compile(r"^(?:(?:and|also|plus|actually|maybe|probably|obviously|definitely|mostly|mainly|honestly|"
                      r"tbh|ngl|tbf|defo|deffo|def|lowkey|yeah|yes|yep|yea|oh and|and yeah|um+|uh+|erm+|er+|hm+|"
                      r"i think|i guess|so|then|oh|hmm|well|firstly|secondly|thirdly|lastly|finally|first of all|"
                      r"if i am honest|if i'?m honest|a little|a bit of)[,\s]+)*")


def played_down(words: rules.Phrases, text: str) -> bool:
    """"The money would be nice but it's not the main thing": named, then played down, in the
    same clause or the next one when that one points back at it ("it's not the main thing")."""
    if _taken_back(words, text):
        return True
    clauses = [c.strip() for c in _CLAUSES.split(rules.normalise(text))]
    for i, clause in enumerate(clauses):
        if not words.find(clause):
            continue
        after = clauses[i + 1] if i + 1 < len(clauses) else ""
        if _PLAYED_DOWN.search(clause) or (_POINTS_BACK.match(after) and _PLAYED_DOWN.search(after)):
            return True
        if not rules.affirmed(words, clause):  # "not money, theatre never paid anyway": only ever denied
            return True
    return False


# "and having a say i suppose. well no, actually, its more being recognised" (round 28): the clause before is
# taken back.
_TAKE_BACK = re.compile(rf"\b(?:(?:well|oh|hmm)[,\s]+)?{TAKE_BACK}\b")


def _taken_back(words: rules.Phrases, text: str) -> bool:
    """Is the drive named only in the clause just before "well no, actually ...", and not after it?"""
    low = rules.normalise(text)
    for m in _TAKE_BACK.finditer(low):
        before = [c for c in re.split(r"[.;!?,]+|\band\b", low[:m.start()]) if c.strip()]
        if before and words.find(before[-1]) and not words.find(low[m.end():]):
            return True
    return False


def own_drives(text: str, lex: Any, down: set[str]) -> list[str]:
    """Drives named in ``text`` in the mentee's own words: pieces that name none of the lexicon's
    drives (or only ones played down beside them: "scrap recognition, it's respect from peers")."""
    out: list[str] = []
    for raw in _PIECES.split(text):
        piece = _TAIL.sub("", _LEAD.sub("", raw.strip())).strip(" :-'\"")
        n = len(piece.split())
        if not 1 <= n <= 6 or _NOT_A_DRIVE.match(piece) or not re.search(r"[a-z]", piece, re.I):
            continue
        if not lex.own_drives.find(rules.normalise(piece)):
            continue  # "calling the shots on design", "both": a drive of the eight in other words, or none
        named = [m for m, spec in lex.motivations.items() if spec.words.find(rules.normalise(piece))]
        if named and not (set(named) <= down and _INSTEAD.match(raw)):
            continue  # a drive of the lexicon's: checked by its evidence, unless it stands in for one let go
        if any(played_down(spec.words, piece) for spec in lex.motivations.values()):
            continue
        if piece.lower() not in (o.lower() for o in out):
            out.append(piece)
    return out

