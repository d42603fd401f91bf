"""The guard's meaning checks: does a rewording still ask what the flow's question asks?"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from coach.guard.form import form_reasons
from coach.guard.text import GENERIC_STEMS, _concept, _content, _norm, _sentences, _stem, _words
from coach.guard.words import NUMBER_WORDS, STOPWORDS, WH_WORDS

# Share of the canonical question's content words (or their synonyms) a rephrasing must keep.
MIN_CONTENT_KEPT = 0.5
# Content words allowed that appear neither in the question, the mentee's words nor GENERIC:
# none, because one new noun ("the team") is already a different question.
MAX_NEW_WORDS = 0


def _has_phrase(text_norm: str, phrase: str) -> bool:
    phrase = _norm(phrase).strip(" .,?!")
    if not phrase:
        return True
    return re.search(rf"(?<![\w']){re.escape(phrase)}(?![\w'])", text_norm) is not None


def _question_words(text: str) -> set[str]:
    words: set[str] = set()
    for sentence in _sentences(text):
        if sentence.endswith("?"):
            words |= {w.split("'")[0] for w in _words(sentence) if w in WH_WORDS}
    return words


# Ways of asking "why" without the word.
_WHY = re.compile(
    r"\bwhy\b|\bhow come\b|\bwhat (?:makes|made|is it about|was it about|draws|drew|is behind|"
    r"lies behind|is the reason|are the reasons|would that give|does that give|do you get|"
    r"is underneath|matters)\b|\bwhat's (?:behind|underneath|the reason)\b|\bfor what reason\b|"
    r"\bwhat (?:is|'s) (?:it )?(?:that )?(?:\w+ )?(?:important|matters)\b|\bwhy not\b"
)


_WOULD_LIKE = re.compile(r"\b(would(?: you)?|'d) like to\b", re.IGNORECASE)
_COMMITMENT = re.compile(r"\byou(?:'ll| will| are going to|'re going to)\b")


def _question_clause(text: str) -> str:
    """The last clause of the last question: what is actually being asked."""
    questions = [s for s in _sentences(text) if s.endswith("?")] or [text]
    return re.split(r"[,;:]", questions[-1])[-1]


def _wh_count(words: list[str]) -> int:
    return sum(w.split("'")[0] in WH_WORDS for w in words)


def _repeated_phrase(words: list[str], n: int = 3) -> str | None:
    seen: set[tuple[str, ...]] = set()
    for i in range(len(words) - n + 1):
        gram = tuple(words[i : i + n])
        if gram in seen:
            return " ".join(gram)
        seen.add(gram)
    return None


def _names(text: str) -> set[str]:
    """Capitalised words that are not the first of a sentence: likely names or places."""
    found: set[str] = set()
    for sentence in _sentences(text):
        tokens = re.findall(r"[A-Za-z][\w'-]*", sentence)
        for token in tokens[1:]:
            if token[0].isupper() and token not in ("I", "I'm", "I'd", "I've", "I'll"):
                found.add(token.lower())
    return found


def _numbers(text: str) -> set[str]:
    return {w for w in _words(text) if w.isdigit() or w in NUMBER_WORDS}


def meaning_reasons(text: str, original: str, keep: Sequence[str], context: str | None) -> list[str]:
    """Reasons the candidate asks something other than ``original`` does."""
    reasons: list[str] = []
    form = form_reasons(text, original)
    # "What would you like to be doing?" asks what the mentee wants, not what they enjoy:
    # "what would you say you enjoy most about yourself?" must not keep it through "like" ~ "enjoy".
    text, original = _WOULD_LIKE.sub(r"\1 want to", text), _WOULD_LIKE.sub(r"\1 want to", original)
    source = " ".join([original, *keep, context or ""])
    known = {_concept(w) for w in _words(source)}
    cand_words = _words(text)
    cand = {_concept(w) for w in cand_words}

    wanted = {_concept(w) for w in _content(original)}
    if wanted:
        kept = len(wanted & cand) / len(wanted)
        if kept < MIN_CONTENT_KEPT:
            missing = sorted(w for w in set(_content(original)) if _concept(w) not in cand)
            reasons.append(f"loses the question's content: keeps {kept:.0%}, missing {', '.join(missing[:6])}")

    # The clause that carries the question ("... how would that sit with you?") must keep its
    # own content; a preamble kept word for word does not make up for a different question.
    tail = _question_clause(original)
    tail_wanted = {_concept(w) for w in _content(tail)}
    # A short question part ("What makes that important to you?") keeps all of it: half of two
    # words let "so what is it about that makes it so?" through.
    if _WHY.search(_norm(tail)) and _WHY.search(_norm(text)):
        tail_wanted -= {_concept("makes")}  # "what makes that ..." and "why is that ..." ask alike
    tail_need = len(tail_wanted) if len(tail_wanted) <= 2 else MIN_CONTENT_KEPT * len(tail_wanted)
    if tail_wanted and len(tail_wanted & cand) < tail_need:
        missing = sorted(w for w in set(_content(tail)) if _concept(w) not in cand)
        reasons.append(f"asks something else: the question part loses {', '.join(missing[:6])}")
    else:
        # Its topic words (not framing like "day" or "important") carry what is asked: "what
        # does it involve day to day" -> "how would you do it, day to day" keeps half, not the verb.
        core = {_concept(w) for w in _content(tail) if _stem(w) not in GENERIC_STEMS}
        need = len(core) if len(core) <= 3 else -(-2 * len(core) // 3)
        if core and len(core & cand) < need:
            missing = sorted(w for w in set(_content(tail)) if _concept(w) in core - cand)
            reasons.append(f"asks something else: the question part loses {', '.join(missing[:6])}")

    negations = {"not", "no", "never", "nothing", "nobody", "none"}
    if negations & set(_words(original)) and not negations & set(cand_words):
        reasons.append("drops a negation ('not')")
    added = (negations & set(cand_words)) - {w for w in _words(source)}
    if added:
        # "... but that's not the same as how you?": a 'not' from nowhere turns the question round.
        reasons.append(f"adds a negation: {', '.join(sorted(added))}")
    repeated = _repeated_phrase(cand_words) or _new_repeat(cand_words, _words(original))
    if "but" in cand_words and "but" not in _words(source):
        # "You said X, but what makes that important to you?" doubts what the mentee said.
        reasons.append("adds a contrast ('but') that sounds like doubt")
    if repeated:
        reasons.append(f"repeats itself: {repeated!r}")

    new = sorted({
        w for w in _content(text)
        if _concept(w) not in known and _stem(w) not in GENERIC_STEMS and w not in NUMBER_WORDS
    })
    if len(new) > MAX_NEW_WORDS:
        reasons.append(f"brings in new topics: {', '.join(new[:6])}")

    source_names = {w.lower() for w in _words(source)}
    names = sorted(n for n in _names(text) if n not in source_names)
    if names:
        reasons.append(f"brings in names: {', '.join(names)}")
    numbers = sorted(_numbers(text) - _numbers(source))
    if numbers:
        reasons.append(f"brings in numbers: {', '.join(numbers)}")

    asked = _question_words(original)
    got = _question_words(text)
    if asked and not got:
        reasons.append("open question became a closed one")
    elif "why" in asked and not _WHY.search(_norm(text)):
        reasons.append("no longer asks why")
    elif "whose" in asked and not (got & {"whose", "which"}):
        reasons.append("no longer asks whose")
    elif "where" in asked and "where" not in got:
        # "Where do the things you love ... overlap?" -> "Can you tell me about the things you love ...?"
        reasons.append("no longer asks where")
    if not asked and got and got <= {"why"}:
        reasons.append("asks why where the question did not")

    orig_words, cand_set = _words(original), set(cand_words)
    asked_part = [w for q in _sentences(original) if q.endswith("?") for w in _words(q)] or orig_words
    cand_asked = [w for q in _sentences(text) if q.endswith("?") for w in _words(q)] or cand_words
    if "if" in cand_asked and "if" not in asked_part:
        reasons.append("adds a condition ('if') the question did not have")
    if "if" in orig_words and not cand_set & {"if", "imagine", "suppose", "picture"}:
        # "If you had a free day, how would you spend it?" -> "You'd spend your day with nothing, ...":
        # without its condition a hypothetical becomes a statement about the mentee.
        reasons.append("drops the condition ('if') the question had")
    dangling = re.search(r", ([a-z]+)\s*\?$", _norm(text))
    if dangling and dangling.group(1) not in STOPWORDS and not re.search(
            rf", {dangling.group(1)}\s*\?$", _norm(original)):
        # "... your needs intersect, organisation?": a forced term tacked on, its sense lost.
        reasons.append(f"ends on a word tacked on: {dangling.group(1)!r}")
    claim = _claim(text, original)
    if claim:
        reasons.append(f"states something about the mentee: {claim!r}")
    if _wh_count(cand_words) > _wh_count(orig_words) or any(
            cand_words.count(wh) > orig_words.count(wh) > 0 for wh in WH_WORDS):
        # "Where do ... overlap?" -> "Where do ..., and where do you find yourself?": two questions.
        reasons.append("asks more than the question did")
    # "how would that sit with you?" -> "when did you feel ...?": a new question word is a new question.
    new_wh = ({"when", "where", "who", "whom"} & got) - asked
    if asked and new_wh:
        reasons.append(f"asks {'/'.join(sorted(new_wh))} where the question asked {'/'.join(sorted(asked))}")
    swapped = _asks_which_instead(text, original)
    if swapped:
        reasons.append(f"asks which {swapped} instead of what the question asks")

    like_to = re.search(r"\bit(?:'s| is) like to (?:\w+ ?){1,3}", _norm(text))
    if like_to and re.search(r"\bit(?:'s| is) like\s*\?", _norm(original)):
        # "How do you know that's what it's like?" -> "... what it is like to feel that way?"
        reasons.append(f"changes what it is like: {like_to.group(0).strip()!r}")
    promised = _COMMITMENT.search(_norm(text))
    if promised and not _COMMITMENT.search(_norm(original)):
        # "What would you like to try?" -> "Can you tell me what you'll try first?": a wish made a commitment.
        reasons.append(f"turns the question into a commitment: {promised.group(0)!r}")
    wanted_to = re.search(r"\bwant to (?!(?:have|hold|take|get|do)\b)(?:\w+ ?){1,3}", _norm(text))
    if wanted_to and re.search(r"\bwant\b", _norm(original)) and not re.search(r"\bwant to\b", _norm(original)):
        # "Whose job would you want?" -> "... whose job you would want to work for?": another wish.
        reasons.append(f"changes what is wanted: {wanted_to.group(0).strip()!r}")

    first_person = {"i", "i'm", "i'd", "i've", "i'll", "me", "my", "mine", "myself"}
    # The mentee's own "I" is theirs; the coach speaking as "I" offers, promises or opines.
    # "what drives all this for you?" -> "... for me?", or "Before I tell you ...: what would you
    # say I think drives all this?": a first-person word the question did not say (as often) turns
    # it round. "Can you tell me what ...?" is the one first-person turn a clean question takes.
    own, said = (_words(re.sub(r"\b(?:can|could|would) you (?:tell|show) me\b", "", _norm(t)))
                 for t in (text, original))
    if any(own.count(w) > said.count(w) for w in first_person):
        reasons.append("speaks about itself (first person)")
    second_person = {"you", "your", "you're", "you'd", "you've", "you'll", "yourself"}
    if second_person & set(_words(original)) and not second_person & set(cand_words):
        reasons.append("no longer asks about the mentee ('you')")
    return reasons + form


_WHICH_THING = re.compile(r"\b(?:what|which)(?: is|'s| was| would be)?(?: the| your| a| an| that)? ([a-z]+)\b")


def _asks_which_instead(text: str, original: str) -> str | None:
    """The noun a candidate asks to identify ("What's the job you'd want ...?") when the question
    only mentioned it as background ("When you picture the job you'd want, what does it involve?")."""
    tail = {_concept(w) for w in _content(_question_clause(original))}
    asked = {m.group(1) for m in _WHICH_THING.finditer(_norm(original))}
    background = {_concept(w) for w in _content(original)} - tail
    for m in _WHICH_THING.finditer(_norm(text)):
        noun = m.group(1)
        if noun in asked or noun not in _content(noun):
            continue
        if _concept(noun) in background:
            return noun
    return None


_YOU_CLAUSE = re.compile(r"^(?:and |so |but )?(you(?:'d|'re|'ll|'ve)?(?: \w+)?)\b")


def _claim(text: str, original: str) -> str | None:
    """An opening "You'd spend ...", "You're ..." clause the question never said: a statement
    put in the mentee's mouth ("You said ..." is fine when the question says it too)."""
    first = re.split(r"[,;:?]", _norm(text), maxsplit=1)[0]
    if _WH_LEAD.match(first) or first.startswith(("if ", "when ")):
        return None
    m = _YOU_CLAUSE.match(first)
    if not m or " " not in m.group(1):
        return None
    return None if m.group(1) in _norm(original) else m.group(1)


_WH_LEAD = re.compile(r"^(?:and |so )?(?:what|which|who|whose|whom|where|when|why|how)\b")


def _new_repeat(words: list[str], original: list[str]) -> str | None:
    """A word pair with a content word, said twice where the question said it once ("good at, good at")."""
    def pairs(ws: list[str]) -> dict[tuple[str, str], int]:
        counts: dict[tuple[str, str], int] = {}
        for pair in pairwise(ws):
            counts[pair] = counts.get(pair, 0) + 1
        return counts

    before = pairs(original)
    for pair, n in pairs(words).items():
        if n > 1 and n > before.get(pair, 0) and any(w not in STOPWORDS for w in pair):
            return " ".join(pair)
    return None
