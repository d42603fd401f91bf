"""Distress caught the way people say it: "crisis" (stop, point to help), "check" (ask), or None."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.listening.lexicon import Lexicon
from coach.listening.patterns import Table, compile_pattern, table
from coach.listening.text import Reply

# Sentences for the last-resort check: where one ends.
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|;\s*")
# Said about oneself ("i'm so tired of it all"), not about someone else ("he looks exhausted").
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|myself)\b")
# "not feeling trapped", "never lonely": the despair word is denied.
_NEGATED = re.compile(r"\b(?:not|never|no longer|without|n't)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$")


@dataclass
class _Tables:
    idioms: Table
    defuse: Table
    crisis: Table
    check: Table
    spelling: dict[str, str]
    fuzzy: dict[int, list[str]]
    despair: re.Pattern[str]
    total: re.Pattern[str]
    finality: re.Pattern[str]
    work: re.Pattern[str]


def _build(lex: Lexicon) -> _Tables:
    rules = table(lex.raw, "distress_rules")

    def of(kind: str) -> Table:
        return Table([r for r in rules.rules if r.kind == kind])

    words = lex.raw.get("distress_words") or {}
    fuzzy: dict[int, list[str]] = {}
    for w in lex.raw.get("distress_fuzzy") or []:
        fuzzy.setdefault(len(str(w)), []).append(str(w))
    return _Tables(
        idioms=of("idiom"), defuse=of("defuse"), crisis=of("crisis"), check=of("check"),
        spelling={str(k): str(v or "") for k, v in (lex.raw.get("distress_spelling") or {}).items()},
        fuzzy=fuzzy,
        despair=compile_pattern("{despair}", "any", words),
        total=compile_pattern("{total}", "any", words),
        finality=compile_pattern("{finality}", "any", words),
        work=compile_pattern("{work}", "any", words),
    )


def _tables(lex: Lexicon) -> _Tables:
    return lex.compiled("distress", _build)


def _near(a: str, b: str) -> bool:
    """One letter wrong, missing, added, or two neighbours swapped (Damerau distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i, j = diff[0], diff[-1]
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def evened(text: str, lex: Lexicon) -> str:
    """Lower case with spelling evened out: "im gonna", "suicdal" -> "i'm going to", "suicidal"."""
    t = _tables(lex)
    low = Reply(text).low.replace("\n", ". ")
    out = []
    for token in re.findall(r"[\w']+|[^\w']+", low):
        if token[0].isalnum() or token[0] == "'":
            key = token.strip("'")
            if key in t.spelling:
                token = t.spelling[key]
            elif len(key) >= 6 and key.isalpha():
                for n in (len(key) - 1, len(key), len(key) + 1):
                    # A plural is a word of its own ("goodbye" is not a typo of "goodbyes").
                    near = [w for w in t.fuzzy.get(n, []) if _near(key, w) and w not in (key + "s", key[:-1])]
                    hit = near[0] if near else None
                    if hit:
                        token = hit
                        break
        out.append(token)
    return " ".join("".join(out).split())


def distress_level(text: str, lex: Lexicon) -> str | None:
    """"crisis" for a clear sign, "check" for a possible one, None for none (idioms included)."""
    return explain(text, lex)[0]


def explain(text: str, lex: Lexicon) -> tuple[str | None, str | None]:
    """The level and the id of the rule that decided it."""
    t = _tables(lex)
    low = evened(text, lex)
    if not low:
        return None, None
    # Idioms out first: what is left of "I'd kill for a coffee" is no sign of anything.
    for rule in t.idioms.rules:
        low = rule.regex.sub(" ~ ", low)
    defused = t.defuse.first(low) is not None
    for level, tab in (("crisis", t.crisis), ("check", t.check)):
        for rule in tab.rules:
            if rule.search(low) and not (rule.soft and defused):
                return level, rule.id
    # The lexicon's plain phrase list (a flow's own lexicon may add to it), idioms taken out.
    plain = low
    for miss in sorted(lex.distress_not.find(plain), key=len, reverse=True):
        plain = plain.replace(miss, " ")
    if plain in lex.distress:
        return "crisis", "distress.phrases"
    # Despair said about everything, or next to life and death, in a sentence not about work.
    for sentence in _SENTENCE.split(low):
        if t.work.search(sentence) or not _FIRST_PERSON.search(sentence):
            continue
        despair = [m for m in t.despair.finditer(sentence)
                   if not _NEGATED.search(sentence[max(0, m.start() - 16):m.start()])]
        if despair and (t.total.search(sentence) or t.finality.search(sentence)):
            return "check", "check.despair"
    return None, None
