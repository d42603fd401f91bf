"""Whether a listening rule applies to a piece of a reply: its conditions, and the rules that read a whole sentence."""

from __future__ import annotations

import re

from coach.listening.found import Context, Tables
from coach.listening.patterns import Rule
from coach.listening.shape import opened, question_shaped
from coach.listening.text import bare, words

_PARDON = frozenset({"what", "sorry", "wait", "huh", "pardon", "come", "again"})
_SOUNDS = re.compile(r"^(?:(?:um+|uh+|erm+|hmm+|hm+|ah+|oh|er)[,.]?\s+)+")
_TAIL = re.compile(r"(?:[\s,]+(?:lol|haha+|lmao|tbh|sorry|honestly|to be honest|right now|at the moment|atm|for now|"
                   r"here|man|tho|though))+$")


def hedges(t: Tables, text: str) -> bool:
    """Is ``text`` a whole hedge ("i guess", "i think") by the opening rules?"""
    return any(r.kind == "hedge" and (m := r.regex.match(text)) is not None and m.end() == len(text)
               for r in t.open.rules)


def match_whole(cx: Context, low: str) -> Rule | None:
    """A rule that reads the whole sentence (an aside, a non-answer, an echo of the question)."""
    text = whole_text(low)
    if not text and low.strip():
        return Rule("non_answer.punctuation", "non_answer", re.compile(""))
    # An echo of the question ("5 years?", "free day?") says nothing yet.
    ws = words(text)
    # ... "my organisation?" asked "... what your organisation needs ...?" (round 98 listed "your organisation")
    yours = [{"my": "your", "me": "you", "i": "you", "mine": "yours"}.get(w, w) for w in ws]
    if low.rstrip().endswith("?") and 0 < len(ws) <= 3 and cx.question and all(w in cx.question for w in yours) \
            and not set(ws) <= _PARDON:  # "what?" is not caught, not the question's "what" said back
        return Rule("filler.echo", "filler", re.compile(""))
    # A bare "right." or "I think so" is a yes (or no, or hedge) to be peeled, not an aside.
    plain = _SOUNDS.sub("", text)  # "um ok i guess": the sounds before it say nothing
    for rule in cx.tables.open.rules:
        if rule.kind in ("yes", "no", "hedge", "feeling") and usable(cx, rule):
            for said in {text, plain}:
                m = rule.regex.match(said)
                if m and m.end() == len(said):
                    return None
    for rule in cx.tables.rules.rules:
        whole = rule.where == "whole" and rule.kind in ("non_answer", "filler")
        if whole and usable(cx, rule) and rule.regex.search(text):
            if said_alone(cx, rule, text):
                continue
            return rule
    return None


def whole_text(low: str) -> str:
    """A piece as a whole rule reads it: trailing asides do not change it ("cant think of anything sorry")."""
    return _TAIL.sub("", bare(low))


def usable(cx: Context, rule: Rule) -> bool:
    if rule.expect and rule.expect != cx.expect:
        return False
    return not rule.after or bool(set(rule.after) & set(cx.kinds()))


def match(cx: Context, rule: Rule, low: str, shaped: bool | None = None) -> re.Match[str] | None:
    """Where ``rule`` matches this piece, if its conditions (expect, after, shape) hold."""
    if not usable(cx, rule):
        return None
    if rule.shape == "question" and not (question_shaped(low) if shaped is None else shaped):
        return None
    if rule.shape == "opened" and not opened(low):
        return None
    if rule.where == "whole" and said_alone(cx, rule, whole_text(low)):
        return None
    return rule.regex.search(whole_text(low) if rule.where == "whole" else low.rstrip(" .!,"))


def said_alone(cx: Context, rule: Rule, text: str) -> bool:
    """"i told you." as the whole reply is a remark about the conversation, not an aside beside an answer."""
    return rule.id == "filler.about_answer" and text == whole_text(cx.reply.low)


