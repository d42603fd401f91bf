"""Where a part of a kept answer is, and the answer with that part taken out or said anew.

"take out the snapping" finds "you snap at people" by its stem; "its 5 years not 6" puts one number in the place
of another, in its sentence; "not the team, the craft" keeps one determiner. These are words only: which value
holds the part, and what is said back, is the conversation's (coach.conversation.correcting).
"""

from __future__ import annotations

import re

from coach.listening import rules
from coach.listening.edits import OPEN_END
from coach.listening.fix_several import is_number
from coach.listening.parts import slot_of
from coach.listening.playback import swap_pronouns

__all__ = ["CLAUSE", "DETERMINER", "dropped_from", "find_part", "named_in", "naming_words", "options_of", "put_in",
           "says_the_rest", "swapped", "without"]

# Where one clause of a kept answer ends, so a part can go without taking the rest with it.
CLAUSE = re.compile(r"\s*[,;]\s*|\.\s+|\s+(?=(?:and|but|because|so|or|while|though|although|plus)\b)", re.I)
DETERMINER = r"(?:the|a|an|my|our|your|that|this|his|her|their)"
_JOINER = re.compile(r"^(?:and|but|because|so|or|while|though|although|plus)\s+", re.I)
_HAS_DETERMINER = re.compile(rf"^{DETERMINER}\s+", re.I)


_MIRROR = {"i": "you", "you": "me", "me": "you", "my": "your", "your": "my", "i'm": "you're", "you're": "i'm"}


def _mirrored(part: str) -> str:
    """"I didnt answer you" as the mentee typed it: "you didnt answer me" (the quote turned round whole)."""
    return re.sub(r"(?i)\b(?:i'm|you're|i|you|me|my|your)\b", lambda m: _MIRROR[m.group(0).lower()], part)


def find_part(part: str, item: str) -> re.Match[str] | None:
    """Where ``part`` is in ``item`` (said in the mentee's words or as played back), with its determiner."""
    bare = re.sub(r"(?i)(?<=\w)'s\b", "", part)  # "security pentester's job" for "the security pentester job"
    for said in dict.fromkeys((part, swap_pronouns(part), _mirrored(part), bare)):
        m = re.search(rf"(?:\b{DETERMINER}\s+)?\b{re.escape(said)}\b", item, re.I)
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


def named_in(said: str, held: list[str]) -> bool:
    """Is the part a fix names ("the lightbulb thing") in what is held, or only pointed at ("that bit")?
    "its not just the lightbulb thing, its also X" at a why-question is an answer, not a fix (round 28)."""
    named = naming_words(said)
    return not named or any(all(re.search(rf"\b{re.escape(w)}", item.lower()) for w in named) for item in held)


def naming_words(part: str) -> list[str]:
    """The words a part is named by, lower-cased: "the 3am thing btw" -> ["3am"]; [] for "that bit"."""
    return [w for w in re.findall(r"[\w']+", part.lower()) if w not in _NOT_NAMING]


def _stem(word: str) -> str:  # "listening": listen; "snapping": snap (round 77 found no "snapp" in "snap at")
    stem = re.sub(r"(?:ing|ed|es|s|er|ers)$", "", word.lower())
    return stem[:-1] if stem != word.lower() and re.search(r"([b-df-hj-km-rtv-y])\1$", stem) else stem


def without(item: str, part: str) -> str:
    """``item`` without the clause that holds ``part`` ("" when that clause was all of it)."""
    m = find_part(part, item)
    if m is None:
        return item
    spans = [(0, len(item))]
    for sep in CLAUSE.finditer(item):
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


def swapped(item: str, part: str, put: str) -> str:
    """``item`` with ``put`` in the place of ``part``, keeping one determiner ("the team" -> "the craft")."""
    m = find_part(part, item)
    if m is None:
        return item
    if (kept := other_options(item, part, put)) is not None:
        return kept
    if not re.fullmatch(rf"(?:{DETERMINER}\s+)?{re.escape(part)}", m.group(0), re.I):
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
    for sep in CLAUSE.finditer(item):
        spans[-1] = (spans[-1][0], sep.start())
        spans.append((sep.end(), len(item)))
    a, b = next((a, b) for a, b in spans if a <= m.start() <= b)
    return (item[:a] + put + item[b:]).strip()


def put_in(item: str, part: str, new: str, whole: bool = False) -> str:
    """``item`` with ``new`` in the place of ``part``: the whole item when the part is most of it,
    the clause holding it when it was named as a part ("the lucky bit"), else the words."""
    if not part:
        return new
    m = find_part(part, item)
    if m is None:
        return new
    if is_number(part) and is_number(new):
        return swapped(item, part, new)  # "its 5 years not 6" (round 77): the number, in its sentence
    if (kept := other_options(item, part, new)) is not None:
        return kept
    share = len(rules.words(part)) / max(1, len(rules.words(item)))
    if says_the_rest(item, part, new):
        return new
    if whole and len(rules.words(new)) <= 2 and len(rules.words(part)) <= 2 and share < 0.5:
        return swapped(item, part, new)  # "it's not 'decide', it's 'influence'": the word, in its sentence
    sentences = re.split(r"(?<=[.!?])\s+", item.strip())
    if whole and len(sentences) > 1 and share < 0.5:  # "not 'brain matters' - more like X": that sentence, not all
        return " ".join(new if find_part(part, x) is not None else x for x in sentences)
    if whole or share >= 0.5:
        return new
    if len(rules.words(part)) > 3:
        return swapped(item, part, new)
    # The clause holding the part says the new words; the word that joined it ("and") stays.
    joined = _clause_put(item, m, new)
    head = item[: m.start()]
    cut = max((j.start() for j in re.finditer(r"[,;.]\s*|\s(?=(?:and|but|so|or|because)\b)", head)), default=-1)
    joiner = re.match(r"\s*(and|but|so|or|because)\s", head[cut + 1:] if cut >= 0 else "", re.I)
    return joined.replace(new, f"{joiner.group(1)} {new}", 1) if joiner else joined


def other_options(item: str, part: str, new: str) -> str | None:
    """The options of ``item`` but the one holding ``part``, when another option already says ``new`` ("maybe team
    lead, or design" and "more design than lead": "design", never "team design, or design"); None otherwise."""
    options = [o.strip(" ,") for o in options_of(item)]
    new_words = set(rules.words(new))
    kept = [o for o in options if find_part(part, o) is None]
    if len(options) < 2 or not new_words or not kept or len(kept) == len(options):
        return None
    return ", or ".join(kept) if any(new_words <= set(rules.words(o)) for o in kept) else None


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
    kept = [o.strip(" ,") for o in options if find_part(part, o) is None]
    if len(options) > 1 and kept and len(kept) < len(options):
        return ", or ".join(kept)
    return without(item, part) or item


def where_said(reply: str) -> tuple[str, str]:
    """(the line a reply names for its words, the words): "wireframing. under what im good at. not where im
    heading" is ("strengths", "wireframing"); ("", "") when it names no line."""
    line, words = "", ""
    for piece in (p.strip() for p in re.split(r"[.;!?]+\s*", reply) if p.strip()):
        if re.match(r"(?i)not\b", piece):
            continue  # "not where im heading": where it does not go
        named = slot_of(re.sub(r"(?i)^(?:(?:put|add|it'?s|its|it goes|goes|it should go)\s+)?(?:under|in|to|for|into|"
                               r"on|as|with)\s+", "", piece))
        if named:
            line = line or named
        elif not words:
            words = piece
    return (line, words) if line else ("", "")
