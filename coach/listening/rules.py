"""Rules: lexicons from YAML, the global intents, and the named predicates flows refer to."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from coach.listening.acts import read_reply
from coach.listening.consent_rules import CONSENT
from coach.listening.ladder import said_bottom as said_bottom  # the conversation asks rules
from coach.listening.lexicon import Lexicon, Motivation, Phrases, load_lexicon, normalise
from coach.listening.motivations import MOTIVATIONS, affirmed, detect_motivations, motivation_scores
from coach.listening.reading import Reading
from coach.listening.returning_rules import RETURNING

__all__ = [
    "MOTIVATIONS", "RULES", "Context", "Lexicon", "Motivation", "Phrases", "affirmed",
    "detect_motivations", "evaluate", "is_advice_request", "is_bedrock", "is_distress", "is_energised",
    "is_off_topic", "is_question", "is_similar", "is_unsure", "is_why_asking", "load_lexicon",
    "motivation_scores", "normalise", "rule_exists", "rule_names", "words", "yes_no",
]



# --- intents that hold in every step -------------------------------------------------


def is_distress(text: str, lex: Lexicon) -> bool:
    """Crisis or distress language (a clear or a possible sign): the flow stops for it."""
    from coach.listening.distress import distress_level

    return distress_level(text, lex) is not None


_QUESTION_START = re.compile(
    r"^(?:so |ok |okay |well |but |and |or |then |honestly |seriously |please )*"
    r"(?:what|which|how|where|who|(?:should|shall|would|could|can|do|does|is|are|will|did|was|were)\b(?=\s+(?:i|it|that|"
    r"this|there|these|those|he|she|they|we|you|u|ya|my|your|ur|his|her|their|our|the|a|an|any|anyone|anybody|someone|"
    r"everyone|people|one|me|us|them|money|coach)\b))\b"
)  # "is family. is most important": a subject left out, not a question (round 21, a second-language speaker)


def is_question(text: str) -> bool:
    """Phrased as a question: a question mark, or it opens like one ("should I ...")."""
    t = normalise(text)
    return "?" in t or _QUESTION_START.match(t) is not None


def _reading(text: str, lex: Lexicon, expect: str = "text") -> Reading:
    return read_reply(text, lex, expect=expect)


def is_advice_request(text: str, lex: Lexicon) -> bool:
    """The mentee asks the coach to advise, decide or play an adviser."""
    if _reading(text, lex).has("advice_request"):
        return True
    # The lexicon's own phrase lists still count (a flow's lexicon may add to them);
    # "should I ..." only when asked: "I wonder if I should quit" is the mentee thinking.
    t = normalise(text)
    return t in lex.advice or (t in lex.advice_question and is_question(t))


def is_why_asking(text: str, lex: Lexicon) -> bool:
    """The mentee asks why the coach is asking."""
    return _reading(text, lex).topic("question") == "purpose" or normalise(text) in lex.why_asking


def yes_no(text: str, lex: Lexicon) -> bool | None:
    """True for a clear yes, False for a no, None for a hedge, a muddle or no answer.

    A correction with no yes ("not quite", "no wait, it's more about X") counts as a no here:
    what was said back is not right, and the flow's "no" branch asks what to change.
    """
    reading = _reading(text, lex, "yes_no")
    if reading.confirm is None and reading.has("correction") and not (reading.has("yes") or reading.has("hedge")):
        return False
    return reading.confirm


def words(text: str) -> list[str]:
    """The words of an answer (letters, digits, apostrophes)."""
    return re.findall(r"[\w']+", normalise(text))


def is_unsure(text: str, lex: Lexicon) -> bool:
    """"I don't know", "not sure", "maybe" and friends, said with nothing else to go on."""
    reading = _reading(text, lex)
    if reading.has("content") or not (reading.has("hedge") or reading.has("non_answer")):
        return False
    return not is_off_topic(text, lex)  # "lol", "asdf": off topic, not unsure


def _rest(phrases: Phrases, t: str) -> list[str]:
    """The words of ``t`` left once every phrase occurrence is taken out."""
    for start, end in sorted(phrases.spans(t), reverse=True):
        t = t[:start] + " " + t[end:]
    return words(t)


_MASH = re.compile(r"^(?:[bcdfghjklmnpqrstvwxz]{4,}|(\w)\1{3,}|(?:asdf|qwer|zxcv|hjkl|sdfg|jkl)\w*)$")


_BARE = {"yes", "no", "ok", "okay", "yeah", "yep", "nope", "nah", "sure", "y", "n", "k"}


def is_off_topic(text: str, lex: Lexicon) -> bool:
    """An answer that is not an answer: a listed off-topic phrase on its own, or keyboard mashing."""
    t = normalise(text)
    ws = words(t)
    if not ws:
        return False  # empty answers have their own re-ask (min_words)
    if t in lex.off_topic and len(_rest(lex.off_topic, t)) <= 2:
        return True
    if " ".join(ws) in _BARE:  # a lone "yes" to an open question ("what makes that important?")
        return True
    # Only plain ASCII words are judged as mashing: other scripts have other spellings.
    return all(w.isascii() and w.isalpha() and _MASH.match(w) for w in ws)


# "ron and i used to do the sunday crossword together, i still do it but its not the same" (round 80 heard "real
# energy" in it): a long answer that ends wistful is not an energised one
_WISTFUL = re.compile(r"(?i)\b(?:(?:it'?s|its|it is) (?:just )?not the same|too quiet|i miss (?:him|her|them|it)|"
                      r"since (?:he|she|they) (?:died|passed|went)|used to [^.!?]{0,40}\btogether)\b")


def is_energised(text: str, lex: Lexicon) -> bool:
    """A long, exclamatory or enthusiastic answer (not one that ends wistful)."""
    if _WISTFUL.search(text):
        return False
    n = len(words(text))
    if n >= lex.energy_min_words:
        return True
    excl = text.count("!")
    if excl >= lex.energy_exclamations and n >= 3:
        return True
    return n >= 8 and len(lex.energy_words.find(normalise(text))) >= 2


# "my kids are 8 and 11 ... thats the real bottom i think" (round 25): the reason, said to be the deepest one.
def is_bedrock(text: str, lex: Lexicon) -> bool:
    """A simple statement of a core need, belief or interest, not tied to a job or industry."""
    t = normalise(text)
    n = len(words(t))
    if n < lex.bedrock_min_words or is_unsure(t, lex):
        return False
    core = len(lex.bedrock_core.find(t))
    themes = len(lex.bedrock_themes.find(t))
    specific = len(lex.bedrock_specific.find(t))
    # A job or industry word pulls an answer back to the surface ("I love being a manager").
    return core >= 1 and themes >= 1 and 2 * core + themes - 3 * specific >= 3


def _said(values: dict[str, Any]) -> list[str]:
    """Every answer kept in a session's values (texts and lists of texts)."""
    out: list[str] = []
    for key, value in values.items():
        if key in ("previous", "answer"):
            continue
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and v.strip():
                out.append(v)
    return out


def is_similar(a: str, b: str) -> bool:
    """Two answers that say the same thing (saturation: the mentee repeats themselves)."""
    wa, wb = set(words(a)), set(words(b))
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= 0.7


# --- named predicates a flow's edges and reflections refer to -------------------------


@dataclass
class Context:
    """What a rule sees: the answer just given and the session's state."""

    answer: str
    values: dict[str, Any]
    lex: Lexicon
    depth: int = 0
    max_depth: int = 0
    chain: list[str] = field(default_factory=list)
    skipped: bool = False
    short_streak: int = 0
    # How the reply was read: True for a clear yes, False for a clear no, None otherwise (set by
    # the conversation from its dialogue acts); and whether it was a partial answer or corrected.
    confirm: bool | None = None
    hedged: bool = False
    corrected: bool = False
    changed: bool = False
    read: bool = False
    # The reply as typed (``answer`` is its content, fillers left out): how it was said matters
    # for energy ("Science fiction! I could go on forever").
    reply: str = ""
    # The whole line typed, when only a part of it was heard as the answer ("I keep telling you I'm leaving.
    # But the overlap is X": X answers, and the leaving still counts)
    typed: str = ""


# A reason that is the body's limit is as deep as it goes ("my knees mate. on my feet 10 hours a day", round 42
# asked "what's behind that?" three times, then "because it hurts??").
_BODY = re.compile(r"(?i)\b(?:my|the) (?:knees?|back|hips?|joints|shoulders?|health|wrists?|feet)\b(?! (?:office|room|"
                   r"end|door|row|seat))|\b(?:it|they|that) (?:hurts?|aches?)\b|\bin (?:constant |a lot of )?pain\b|"
                   r"\b(?:can'?t|cant|cannot) (?:stand|walk|lift|kneel) (?:all day|for long|any ?more|no more)\b|"
                   r"\bon my feet (?:\w+ )?(?:\d+|ten|twelve|all day)\b")
# Tired of being asked why: "i just told you", "idk. just that", "can we go to something else pls" (round 42).
_WEARY = re.compile(r"(?i)\bi (?:just |already )(?:told (?:you|u)|said)\b|\bi told (?:you|u)\b(?! (?:last time|about))|"
                    r"\bi said (?:that|it|this) (?:already|before)\b|\bjust that\W*$|"
                    r"^\W*(?:idk|dunno|i don'?t know)\W+just (?:that|because|cos)\b|"
                    r"\b(?:can we|could we|let'?s) (?:go|move) (?:on|to something else)\b|"
                    r"\bsomething else,? (?:pls|please)\b|\bwhat do you mean (?:behind|underneath)\b|"
                    r"\b(?:odd|weird|strange|daft|silly|stupid) question\b")
# Being there for their own family ("so i can actually be with my son", "because hes my kid"): as far down as
# it goes; asking why that matters is tone-deaf (round 44).
_FAMILY = re.compile(r"(?i)\b(?:with|see|seeing|around|there|miss(?:ing)?|home)\b[^.!?]{0,25}\b(?:my|our) "
                     r"(?:kids?|son|daughter|children|child|baby|boy|girl|little ones?|toddler|family)\b|"
                     r"\b(?:he|she|they)(?:'?s|'?re| is| are) my (?:kids?|son|daughter|children|child|baby|family)\b")


def _saturated(c: Context) -> bool:
    if c.skipped or is_unsure(c.answer, c.lex):
        return True
    said = c.typed or c.reply or c.answer
    if _WEARY.search(said):
        return True
    # the body's limit, or their own child, on its own; beside money or another drive, there is more to ask ("money
    # more. and my back", "money tbh, and i want to be home more for my kid")
    low = normalise(said)
    if (_BODY.search(said) or _FAMILY.search(said)) and not any(
            spec.words.find(low) for spec in c.lex.motivations.values()):
        return True
    if any(is_similar(c.answer, earlier) for earlier in c.chain[:-1]):
        return True
    return c.short_streak >= 2


def _depth_reached(c: Context) -> bool:
    return c.max_depth > 0 and c.depth >= c.max_depth


# "Both?", "a mix", "neither really": no one side of a choice between two ("impact or control?").
BOTH = re.compile(r"(?i)\b(?:neither|none|not really|both|mix|mixture|a bit of each|bit of both|either|equally)\b")


def _mentions(mid: str) -> Callable[[Context], bool]:
    def rule(c: Context) -> bool:
        m = c.lex.motivations.get(mid)
        if mid in ("influence", "authority") and BOTH.search(c.reply or ""):
            return False  # "Both? I want the say but I also want it to make things better": no leaning
        # "more control than impact tbh": what it is more than is not what they lean to (round 18)
        answer = THAN.sub(" ", c.answer) if mid in ("influence", "authority") else c.answer
        return m is not None and not c.skipped and affirmed(m.words, answer) > 0

    return rule


THAN = re.compile(r"(?i)\b(?:than|rather than|instead of)\s+(?:the\s+|about\s+)?[\w'-]+(?:\s+(?:stuff|bit|part|side))?")


def _listed(c: Context, key: str) -> bool:
    """Does the reply hold a phrase of the lexicon's list ``key``?"""
    return says_any(c.lex, key, c.reply or c.answer)


def says_any(lex: Lexicon, key: str, text: str) -> bool:
    """Does ``text`` hold a phrase of the lexicon's list ``key`` (``passing``, ``go_ahead``)?"""
    phrases = lex.compiled(key, lambda lx: Phrases(lx.raw.get(key) or []))
    return bool(phrases.find(normalise(text)))


# "the owner, but I dont want his job, he just does the books", "the ward manager's? no wait, not hers".
_NOT_WANTED = re.compile(r"\b(?:i )?(?:don'?t|dont|do not|wouldn'?t|wouldnt|would not|never) (?:really )?want "
                         r"(?:his|her|their|that|the \w+(?:'s)?) (?:job|role)\b|\bnot (?:hers|his|theirs)\b"
                         # "the revenue manager. Not the general manager, too much stress": with the reason why not
                         r"|\b(?:whose job )?(?:would|do) i not want\s*:|\bnot want\s*:"
                         r"|(?:^|[.!;]\s*)not (?:the|my|our) [\w' -]{2,30}?(?:'s)?(?: (?:job|role))?,? "
                         r"(?:too|because|cos|cause|since|as|way too|far too|it's|its|that's|thats|she|he|they)\b"
                         # "the head's job looks awful, all meetings and ofsted" (round 57 asked whose job next)
                         r"|\b(?:the|my|our) [\w' -]{2,30}?(?:'s)? (?:job|role) (?:looks|sounds|seems|is) "
                         r"(?:so |really |just |absolutely )?(?:awful|terrible|horrible|a nightmare|miserable|grim|"
                         r"hell|the worst|draining|exhausting|thankless)\b")


# Two ways at once, not yet chosen: "partner, or out of private practice. I do not know which", "both? neither?".
_TORN = re.compile(r"\b(?:(?:do not|don'?t|dont) know which|not sure which|torn between|in two minds|two minds|"
                   r"can'?t (?:decide|choose)|both\? neither|both or neither|either\b[^.?!]*\bor\b|"
                   # "part of me wants X, and part of me thinks Y", "two things ... pull against each other"
                   r"part of me\b.*\bpart of me|pull(?:s|ing)? (?:against each other|in (?:two|different) directions)|"
                   r"on the one hand\b.*\bon the other|"
                   # "I suppose there are two versions. One, ...": options counted out (round 32)
                   r"\b(?:two|three|a few|couple of|2|3) (?:possible |different |main )?(?:versions|options|paths|"
                   r"directions|routes|possibilities|choices|scenarios)\b|"
                   # "maybe teaching? ... or maybe management i guess, ... sorry thats two things lol" (round 97 said
                   # back only "maybe teaching")
                   r"(?:that'?s|thats|that is|it'?s|its) (?:like )?two (?:things|jobs|answers|directions)\b|"
                   r"\bmaybe\b[^.?!]{1,40}[.?!][^.?!]{0,60}\bor maybe\b(?! not\b))")


def _go_ahead(c: Context) -> bool:
    """A yes that says to start ("ok yeah go on then", "lets go"), not only that something helped."""
    return c.confirm is True and _listed(c, "go_ahead")



RULES: dict[str, Callable[[Context], bool]] = {
    "always": lambda c: True,
    "yes": lambda c: (c.confirm if c.read else yes_no(c.answer, c.lex)) is True,
    "no": lambda c: (c.confirm if c.read else yes_no(c.answer, c.lex)) is False,
    "hedge": lambda c: c.hedged and c.confirm is None,
    "corrected": lambda c: c.corrected,
    "changed": lambda c: c.changed,
    "answered": lambda c: not c.skipped and bool(c.answer.strip()),
    "go_ahead": _go_ahead,
    # a big job named now, when no answer before named one: said once, not at every step (round 17)
    "ambition_new": lambda c: not c.skipped and affirmed(c.lex.ambition, c.answer) > 0 and not any(
        affirmed(c.lex.ambition, t) > 0 for t in _said(c.values) if t.strip() not in (c.answer or "")),
    "torn": lambda c: not c.skipped and _TORN.search(normalise(c.reply or c.answer)) is not None,
    "source_mixed": lambda c: not c.skipped and (_listed(c, "mixed_view") or (_listed(c, "first_hand") and _listed(
        c, "outside_view"))),
    "first_hand": lambda c: not c.skipped and _listed(c, "first_hand"),
    "source_told": lambda c: not c.skipped and (_listed(c, "first_hand") or _listed(c, "outside_view")),
    "skipped": lambda c: c.skipped,
    "unsure": lambda c: is_unsure(c.answer, c.lex),
    "bedrock": lambda c: not c.skipped and is_bedrock(c.answer, c.lex),
    "saturated": _saturated,
    "depth_reached": _depth_reached,
    "ladder_done": lambda c: (
        (not c.skipped and (is_bedrock(c.answer, c.lex) or said_bottom(c.reply))) or _saturated(c) or _depth_reached(c)
    ),
    "energised": lambda c: not c.skipped and is_energised(c.reply or c.answer, c.lex),
    **{mid: _mentions(mid) for mid in MOTIVATIONS},
    "ambition": lambda c: not c.skipped and affirmed(c.lex.ambition, c.answer) > 0,
    "outside": lambda c: not c.skipped and affirmed(c.lex.outside, c.answer) > 0,
    "said_outside": lambda c: any(affirmed(c.lex.outside, t) > 0 for t in [*_said(c.values), c.answer, c.reply, c.typed]
                                    if t),
    "wants_say": lambda c: bool(
        {"influence", "authority"} & set(detect_motivations(_said(c.values), c.lex))
    ),
    "said_not_wanted": lambda c: _NOT_WANTED.search(normalise(c.reply or c.answer)) is not None,
    **CONSENT,
    **RETURNING,
}


def rule_names() -> list[str]:
    """Every rule a flow may name."""
    return sorted(RULES)


def evaluate(expr: str, ctx: Context) -> bool:
    """Evaluate ``rule`` or ``not rule``."""
    expr = expr.strip()
    if expr.startswith("not "):
        return not RULES[expr[4:].strip()](ctx)
    return RULES[expr](ctx)


def rule_exists(expr: str) -> bool:
    """Does a ``rule`` / ``not rule`` expression name a known rule?"""
    expr = expr.strip()
    if expr.startswith("not "):
        expr = expr[4:].strip()
    return expr in RULES
