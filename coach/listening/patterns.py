"""Rule tables as data: each rule an id, a kind, a readable pattern and its own examples.

A pattern is a regular expression over normalised text (lower case, straight quotes, single
spaces) with two conveniences for authors: ``{name}`` stands for a word list from the table's
``words`` (any of them), and an apostrophe is optional ("don't" also matches "dont").
``where`` says where the pattern must sit: ``any`` (whole words anywhere), ``start``, ``end``
or ``whole`` (the entire piece of reply, punctuation aside).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from coach.errors import FlowError, Problem

# Tables a lexicon may hold: key -> (word-list key, kinds allowed).
TABLES: dict[str, tuple[str, frozenset[str]]] = {
    "act_open": ("act_words", frozenset({"yes", "no", "hedge", "filler", "non_answer", "correction", "feeling"})),
    "act_close": ("act_words", frozenset({"hedge", "filler", "feeling"})),
    "act_rules": ("act_words", frozenset({
        "yes", "no", "hedge", "correction", "question", "advice_request", "meta", "non_answer",
        "content", "feeling", "filler", "consent",
    })),
    "distress_rules": ("distress_words", frozenset({"crisis", "check", "idiom", "defuse", "over"})),
}
WHERE = ("any", "start", "end", "whole")
_KEYS = {"id", "kind", "pattern", "where", "topic", "expect", "after", "examples", "not", "keep_content", "soft",
         "shape", "note"}
_MACRO = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Rule:
    """One compiled rule."""

    id: str
    kind: str
    regex: re.Pattern[str]
    where: str = "any"
    topic: str | None = None
    expect: str | None = None
    after: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    counter: tuple[str, ...] = ()
    keep_content: bool = False
    soft: bool = False
    shape: str = "any"

    def search(self, text: str) -> re.Match[str] | None:
        """Where the rule matches ``text`` (already normalised), honouring ``where``."""
        return self.regex.search(text)


@dataclass
class Table:
    """The rules of one table, in the order they are tried."""

    rules: list[Rule] = field(default_factory=list)

    def first(self, text: str, **when: Any) -> tuple[Rule, re.Match[str]] | None:
        """The first rule that matches (and whose conditions hold)."""
        for rule in self.rules:
            if not _applies(rule, **when):
                continue
            m = rule.search(text)
            if m:
                return rule, m
        return None

    def all(self, text: str, **when: Any) -> list[tuple[Rule, re.Match[str]]]:
        """Every rule that matches."""
        out = []
        for rule in self.rules:
            if _applies(rule, **when):
                m = rule.search(text)
                if m:
                    out.append((rule, m))
        return out


def _applies(rule: Rule, expect: str | None = None, before: Iterable[str] = ()) -> bool:
    if rule.expect and expect and rule.expect != expect:
        return False
    return not rule.after or bool(set(rule.after) & set(before))


def expand(pattern: str, words: Mapping[str, Any], _depth: int = 0) -> str:
    """A pattern with its ``{name}`` word lists written out and apostrophes made optional."""
    if _depth > 8:
        raise ValueError("word lists refer to each other in a loop")

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in words:
            raise ValueError(f"unknown word list {{{name}}}")
        alts = words[name]
        alts = [alts] if isinstance(alts, str) else [str(a) for a in alts]
        alts = sorted(alts, key=_reach, reverse=True)  # the longest alternative wins
        return "(?:" + "|".join(expand(a, words, _depth + 1) for a in alts) + ")"

    out = _MACRO.sub(one, pattern)
    return out if _depth else out.replace("'?", "'").replace("'", "'?")


def _reach(alt: str) -> int:
    """About how long a match of ``alt`` can be: a group of options counts as its longest one."""
    m = re.fullmatch(r"\(\?:(.*)\)(?:\(\?[=!].*\))?", alt)
    if m and "(" not in m.group(1):
        return max(len(o) for o in m.group(1).split("|"))
    return len(re.sub(r"\(\?[=!<][^)]*\)", "", alt))


def compile_pattern(pattern: str, where: str, words: Mapping[str, Any]) -> re.Pattern[str]:
    """The regex for a rule's pattern placed as ``where`` says."""
    body = expand(pattern, words)
    # Whole words only; a pattern that starts or ends on punctuation needs no boundary there.
    before, after = r"(?:(?<![\w'])|(?=[^\w']))", r"(?:(?<=[^\w'])|(?![\w']))"
    wrapped = {
        "any": rf"{before}(?:{body}){after}",
        "start": rf"^(?:{body}){after}",
        "end": rf"{before}(?:{body})$",
        "whole": rf"^(?:{body})$",
    }[where]
    return re.compile(wrapped)


def build_table(items: Iterable[Mapping[str, Any]], words: Mapping[str, Any]) -> Table:
    """Compile a table's rules (already checked by :func:`check_tables`)."""
    table = Table()
    for item in items:
        where = str(item.get("where", "any"))
        table.rules.append(Rule(
            id=str(item["id"]),
            kind=str(item["kind"]),
            regex=compile_pattern(str(item["pattern"]), where, words),
            where=where,
            topic=str(item["topic"]) if item.get("topic") else None,
            expect=str(item["expect"]) if item.get("expect") else None,
            after=tuple(str(a) for a in item.get("after") or ()),
            examples=tuple(str(e) for e in item.get("examples") or ()),
            counter=tuple(str(e) for e in item.get("not") or ()),
            keep_content=bool(item.get("keep_content", False)),
            soft=bool(item.get("soft", False)),
            shape=str(item.get("shape", "any")),
        ))
    return table


def table(lex_raw: Mapping[str, Any], key: str) -> Table:
    """The compiled table ``key`` of a merged lexicon."""
    words_key = TABLES[key][0]
    try:
        return build_table(lex_raw.get(key) or [], lex_raw.get(words_key) or {})
    except (ValueError, re.error) as e:  # a flow's own lexicon broke a shared word list
        raise FlowError([Problem("lexicon", 1, 1, "error", f"{key}: {e}")]) from None


def check_tables(data: Any, path: str, words: Mapping[str, Any] | None = None) -> list[Problem]:
    """Every problem in a lexicon file's rule tables, with file:line:col."""
    from coach.yaml_lines import position, value_position

    problems: list[Problem] = []
    for key, (words_key, kinds) in TABLES.items():
        items = data.get(key)
        if items is None:
            continue
        known = {**(words or {}), **(data.get(words_key) or {})}
        if not isinstance(items, list):
            line, col = value_position(data, key)
            problems.append(Problem(path, line, col, "error", f"'{key}' must be a list of rules"))
            continue
        seen: set[str] = set()
        for i, item in enumerate(items):
            line, col = position(items, i)
            if not isinstance(item, Mapping):
                problems.append(Problem(path, line, col, "error", f"{key}[{i}] must be a mapping (id, kind, pattern)"))
                continue
            rid = str(item.get("id", f"{key}[{i}]"))
            missing = [k for k in ("id", "kind", "pattern") if not item.get(k)]
            unknown = sorted(set(map(str, item)) - _KEYS)
            if missing:
                problems.append(Problem(path, line, col, "error", f"rule {rid}: missing {', '.join(missing)}"))
                continue
            if unknown:
                problems.append(Problem(path, line, col, "error", f"rule {rid}: unknown key {', '.join(unknown)}",
                                        f"known keys: {', '.join(sorted(_KEYS))}"))
            if rid in seen:
                problems.append(Problem(path, line, col, "error", f"rule id '{rid}' used twice"))
            seen.add(rid)
            if str(item["kind"]) not in kinds:
                problems.append(Problem(path, line, col, "error", f"rule {rid}: unknown kind '{item['kind']}'",
                                        f"one of: {', '.join(sorted(kinds))}"))
            where = str(item.get("where", "any"))
            if where not in WHERE:
                message = f"rule {rid}: where must be one of {', '.join(WHERE)}"
                problems.append(Problem(path, line, col, "error", message))
                continue
            try:
                compile_pattern(str(item["pattern"]), where, known)
            except (ValueError, re.error) as e:
                pline, pcol = value_position(item, "pattern")
                problems.append(Problem(path, pline, pcol, "error", f"rule {rid}: bad pattern: {e}"))
    return problems
