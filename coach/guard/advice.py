"""Unwanted phrasing found with the rule table (rules.yaml): advice, suggestion, instruction,
judgement, information, leading and promise, each finding naming the rules that found it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coach.guard.rules import Exemption, Rule, RuleTable, default_rules
from coach.guard.text import _norm, _sentences

__all__ = ["RULES", "Finding", "advice_reasons", "findings"]

# Compiled at import, so a bad rule stops coach at once, with its file and line.
RULES = default_rules()

# The sentence forms rules and exemptions ask for (their `when`). A wh-question opens with a
# question word; an open question is that, or a question word after a condition in one clause
# ("If you could ask anyone, who would it be?").
_WH_QUESTION = re.compile(r"^(?:(?:and|so|then|now|but)[, ]+)?(?:what|which|who|whose|whom|where|when|why|how)\b")
_WH_AFTER_CONDITION = re.compile(r"^(?:if|when|whenever|once|suppose|say)\b[^,?]*, (?:and |so )?(?:what|which|who|"
                                 r"whose|whom|where|when|why|how)\b")
# Imperatives open a sentence or a clause after a colon, semicolon or dash; a verb after a comma
# usually continues a list ("I'll ask, listen, and check"), so a comma does not start a clause.
_CLAUSE_BREAK = re.compile(r"(?:[;:]| - )\s*")
_QUOTED = re.compile(r'"[^"]*"')


@dataclass
class Finding:
    """Words of one kind of unwanted phrasing, and the id of every rule that found them."""

    kind: str
    words: str
    rules: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        """What a verdict says: the kind, the words and the rule ids, e.g. ``advice: 'you should' [you-should]``."""
        return f"{self.kind}: {self.words!r} [{', '.join(self.rules)}]"


class _Unit:
    """A sentence (or a clause of one) being checked, with the forms its sentence takes."""

    def __init__(self, text: str, forms: dict[str, bool]) -> None:
        self.text = text
        self.forms = forms
        self._quotes: dict[str, list[tuple[int, int]]] = {}

    def quotes(self, exemption: Exemption) -> list[tuple[int, int]]:
        """Spans in double quotes that follow words the exemption names ("you said ...")."""
        if exemption.name not in self._quotes:
            after = exemption.inside_quote_after
            self._quotes[exemption.name] = [
                (q.start(), q.end()) for q in _QUOTED.finditer(self.text)
                if after is not None and after.search(self.text[: q.start()])]
        return self._quotes[exemption.name]


def _forms(norm: str) -> dict[str, bool]:
    question = norm.endswith("?")
    wh = question and _WH_QUESTION.match(norm) is not None
    return {"question": question, "wh-question": wh,
            "open-question": wh or (question and _WH_AFTER_CONDITION.match(norm) is not None)}


def _part(target: str, text: str, m: re.Match[str]) -> str:
    if target == "before":
        return text[: m.start()]
    if target == "after":
        return text[m.end():]
    return m.group(0) if target == "matched" else text


def _holds(exemption: Exemption, unit: _Unit, m: re.Match[str]) -> bool:
    """Whether ``exemption`` excuses the match ``m``: its form, every condition and its quote all hold."""
    if exemption.when and not unit.forms[exemption.when]:
        return False
    for c in exemption.conditions:
        if (c.pattern.search(_part(c.target, unit.text, m)) is not None) == c.negated:
            return False
    return exemption.inside_quote_after is None or any(
        start < m.start() and m.end() < end for start, end in unit.quotes(exemption))


def _reported(rule: Rule, unit: _Unit, m: re.Match[str]) -> str:
    if rule.report == "to-end":
        return unit.text[m.start():]
    if rule.report == "opening-words":
        return " ".join(unit.text.split()[:4])
    return m.group(0)


class _Sentence:
    """One sentence as the rules read it: normalised, as written, or clause by clause; each made once."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.norm = _norm(sentence)
        self.forms = _forms(self.norm)
        self.made: dict[str, list[_Unit]] = {}

    def units(self, reads: str) -> list[_Unit]:
        """The texts a rule that ``reads`` this way is matched against."""
        if reads == "clause":
            texts = [c.strip() for c in _CLAUSE_BREAK.split(self.norm) if c.strip()]
        elif reads == "as-written":  # contractions kept: "isn't" is not "is not knowing ..."
            texts = [" ".join(self.sentence.lower().replace("\u2019", "'").split())]
        else:
            texts = [self.norm]
        self.made[reads] = [_Unit(t, self.forms) for t in texts]
        return self.made[reads]


def _add(found: list[Finding], rule: Rule, words: str) -> None:
    for f in found:
        if f.kind == rule.kind and f.words == words:
            if rule.id not in f.rules:
                f.rules.append(rule.id)
            return
    found.append(Finding(rule.kind, words, [rule.id]))


def findings(text: str, table: RuleTable = RULES) -> list[Finding]:
    """Every kind of unwanted phrasing in ``text``, in the order the table's rules found them."""
    found: list[Finding] = []
    for raw in _sentences(text):
        sentence = _Sentence(raw)
        for rule in table.rules:
            if rule.when and not sentence.forms[rule.when]:
                continue
            if rule.fallback and any(f.kind == rule.kind for f in found):
                continue  # a fallback speaks only when no rule of its kind has
            for unit in sentence.made.get(rule.reads) or sentence.units(rule.reads):
                for m in rule.pattern.finditer(unit.text):  # the first match no exemption excuses
                    if not any(_holds(e, unit, m) for e in rule.exempt):
                        _add(found, rule, _reported(rule, unit, m).strip(" ,?"))
                        break
    return found


def advice_reasons(text: str) -> list[str]:
    """Why ``text`` advises, suggests, instructs, judges, informs, leads or promises; empty if it doesn't."""
    return [f.reason for f in findings(text)]
