"""The reply reader's working state: its rule tables, and what each piece of a reply was read as."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coach.listening.lexicon import Lexicon
from coach.listening.patterns import Table, compile_pattern, table
from coach.listening.text import Piece, Reply


@dataclass
class Tables:
    """The act rules of a lexicon, compiled."""

    open: Table
    close: Table
    rules: Table
    offer: re.Pattern[str]
    consent: re.Pattern[str]
    keep: re.Pattern[str]
    no_reason: re.Pattern[str]


def tables(lex: Lexicon) -> Tables:
    """The act rules of ``lex``, compiled once."""
    return lex.compiled("acts", lambda lx: Tables(
        table(lx.raw, "act_open"), table(lx.raw, "act_close"), table(lx.raw, "act_rules"),
        compile_pattern("{offer_word}", "any", lx.raw.get("act_words") or {}),
        compile_pattern("{consent_question}", "any", lx.raw.get("act_words") or {}),
        compile_pattern("{keep_as_is}", "start", lx.raw.get("act_words") or {}),
        compile_pattern("{no_answer_reason}", "any", lx.raw.get("act_words") or {})))


@dataclass
class Found:
    """One piece of a reply and what it was read as."""

    kind: str
    piece: Piece
    topic: str | None = None
    content: str | None = None
    rule: str | None = None
    also_content: bool = False


@dataclass
class Context:
    """One reply being read: its text, what was asked, and what has been found so far."""

    reply: Reply
    tables: Tables
    expect: str
    question: str
    found: list[Found] = field(default_factory=list)

    def kinds(self) -> list[str]:
        """The kinds found so far, in order."""
        return [f.kind for f in self.found]
