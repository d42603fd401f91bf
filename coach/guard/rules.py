"""The guard's table of unwanted phrasing: ``rules.yaml`` read, checked and compiled once.

Each rule has an id, a kind (advice, suggestion, ...), a one-line reason, a verbose regex built
from shared parts, the named exemptions that keep open questions out of it, and its own examples.
A malformed table is refused with ``file:line`` for every problem at once.

The table is read with PyYAML's C parser: it is about 20 times faster than a pure-Python parser
on a file this size, and this one is read each time coach starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from coach.errors import Problem, RulesError

RULES_FILE = Path(__file__).with_name("rules.yaml")

# The sentence forms an exemption or a rule may require (see coach.guard.advice for each test).
WHEN = ("question", "wh-question", "open-question")
# What an exemption's regex is searched in: the text before the match, the matched words, the text
# after it, or the whole sentence (or clause). "not-" before a name asks for no match there.
TARGETS = ("before", "matched", "after", "text")
SCOPES = ("sentence", "clause")
TEXTS = ("normalised", "as-written")
REPORTS = ("match", "to-end", "opening-words")

_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# {name} puts in a part; a brace not escaped and not a quantifier ({2}, {0,3}) must name one.
_PART = re.compile(r"(?<!\\)\{([^{}\d,][^{}]*)\}")
# A line ending in a backslash escapes the line break, or a trailing space an editor may strip.
_ESCAPED_END = re.compile(r"(?<!\\)(?:\\\\)*\\ *$")

_TOP_KEYS = {"kinds", "parts", "exemptions", "rules"}
_EXEMPTION_KEYS = {"why", "when", "inside-quote-after", *TARGETS, *(f"not-{t}" for t in TARGETS)}
_RULE_KEYS = {"id", "kind", "why", "pattern", "exempt", "scope", "text", "when", "fallback", "report", "examples"}


@dataclass(frozen=True)
class Condition:
    """One regex an exemption needs found (or, negated, not found) in one part of the text."""

    target: str
    negated: bool
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Exemption:
    """A named reason a match of a rule is not what the rule is after; holds when all its parts do."""

    name: str
    why: str
    when: str | None
    conditions: tuple[Condition, ...]
    inside_quote_after: re.Pattern[str] | None


@dataclass(frozen=True)
class Rule:
    """One row of the table: what to look for, what kind of unwanted phrasing it is, and its exemptions."""

    id: str
    kind: str
    why: str
    pattern: re.Pattern[str]
    exempt: tuple[Exemption, ...]
    scope: str
    text: str
    when: str | None
    fallback: bool
    report: str
    fires: tuple[str, ...]
    silent: tuple[str, ...]
    line: int
    reads: str = ""  # what it is matched against: "clause", "as-written" or "normalised" (set on load)

    def __post_init__(self) -> None:
        object.__setattr__(self, "reads", "clause" if self.scope == "clause" else self.text)


@dataclass(frozen=True)
class RuleTable:
    """The compiled table: the kinds with their meaning, the exemptions and the rules in order."""

    path: str
    kinds: dict[str, str]
    exemptions: dict[str, Exemption]
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class _Node:
    """A YAML value with where it stands: its own line and the line of the key that holds it."""

    value: Any  # str | list[_Node] | dict[str, _Node]
    line: int
    key_line: int
    block: bool  # a block scalar: its text starts on the line after the indicator


class _Reader:
    """Turns the YAML nodes into a RuleTable, collecting every problem with its line."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.parts: dict[str, str] = {}

    def error(self, line: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, line, 1, "error", message, hint))

    def mapping(self, node: _Node, what: str, allowed: set[str], required: set[str]) -> dict[str, _Node]:
        if not isinstance(node.value, dict):
            self.error(node.key_line, f"{what} must be a mapping")
            return {}
        for key, child in node.value.items():
            if key not in allowed:
                self.error(child.key_line, f"{what}: unknown key {key!r}", "one of " + ", ".join(sorted(allowed)))
        for key in sorted(required - node.value.keys()):
            self.error(node.key_line, f"{what}: missing {key!r}")
        return dict(node.value)

    def text(self, node: _Node | None, what: str) -> str | None:
        if node is None:
            return None
        if not isinstance(node.value, str) or not node.value.strip():
            self.error(node.key_line, f"{what} must be some text")
            return None
        return node.value

    def choice(self, node: _Node | None, what: str, options: tuple[str, ...]) -> str | None:
        value = self.text(node, what)
        if value is not None and value not in options and node is not None:
            self.error(node.key_line, f"{what}: {value!r} is not one of {', '.join(options)}")
            return None
        return value

    def texts(self, node: _Node | None, what: str) -> tuple[str, ...]:
        if node is None:
            return ()
        if not isinstance(node.value, list):
            self.error(node.key_line, f"{what} must be a list")
            return ()
        found = (self.text(item, what) for item in node.value)
        return tuple(t for t in found if t is not None)

    def regex(self, node: _Node | None, what: str) -> re.Pattern[str] | None:
        """Compile a verbose regex with its {parts}; a mistake is reported on the line it is on."""
        source = self.text(node, what)
        if source is None or node is None:
            return None
        first = node.line + 1 if node.block else node.line
        for i, line in enumerate(source.splitlines()):
            if _ESCAPED_END.search(line):
                self.error(first + i, f"{what}: a line ends in a backslash",
                           r"write a space to match as '\ ' at the start of the next line")
                return None
        unknown = next((m for m in _PART.finditer(source) if m.group(1) not in self.parts), None)
        if unknown is not None:
            self.error(first + source.count("\n", 0, unknown.start()), f"{what}: unknown part {unknown.group(0)}",
                       "parts: " + ", ".join(sorted(self.parts)))
            return None
        try:
            return re.compile(_PART.sub(lambda m: self.parts[m.group(1)], source), re.VERBOSE)
        except re.error as e:
            whole = e.msg
        try:  # the pattern's own text alone, so an error's line is the line in the file
            re.compile(_PART.sub("(?:)", source), re.VERBOSE)
        except re.error as e:
            self.error(first + (e.lineno or 1) - 1, f"{what}: bad regex: {e.msg}")
            return None
        self.error(first, f"{what}: bad regex once its parts are put in: {whole}")
        return None


def _node(raw: yaml.Node, key_line: int, reader: _Reader) -> _Node:
    line = raw.start_mark.line + 1
    if isinstance(raw, yaml.MappingNode):
        out: dict[str, _Node] = {}
        for key, value in raw.value:
            name = str(key.value)
            if name in out:
                reader.error(key.start_mark.line + 1, f"duplicate key {name!r}", "YAML keeps only one of them")
            out[name] = _node(value, key.start_mark.line + 1, reader)
        return _Node(out, line, key_line, False)
    if isinstance(raw, yaml.SequenceNode):
        return _Node([_node(item, item.start_mark.line + 1, reader) for item in raw.value], line, key_line, False)
    return _Node(str(raw.value), line, key_line, isinstance(raw, yaml.ScalarNode) and raw.style in ("|", ">"))


def _parse(path: Path, reader: _Reader) -> _Node | None:
    try:
        raw = yaml.compose(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as e:
        reader.error(1, f"cannot read: {e.strerror}")
        return None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        reader.error(mark.line + 1 if mark else 1, f"YAML syntax: {e.problem or e.context}")
        return None
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        reader.error(1, f"not readable YAML: {e}")
        return None
    return _node(raw, 1, reader) if raw is not None else None


def _parts(reader: _Reader, node: _Node | None) -> None:
    """Expand the shared parts (which may use each other) into regex text, each checked on its own."""
    raw = dict(_items(reader, node, "parts"))

    def expand(name: str, seen: tuple[str, ...]) -> str:
        if name in reader.parts:
            return reader.parts[name]
        source = reader.text(raw[name], f"part {name!r}") or ""

        def inner(m: re.Match[str]) -> str:
            ref = m.group(1)
            if ref not in raw or ref in seen:
                why = "unknown part" if ref not in raw else "a part that uses itself"
                reader.error(raw[name].key_line, f"part {name!r}: {why} {{{ref}}}")
                return "(?:)"
            return expand(ref, (*seen, ref))
        # The closing bracket on a line of its own: a comment on the part's last line must not swallow it.
        reader.parts[name] = "(?:" + _PART.sub(inner, source) + "\n)"
        return reader.parts[name]

    for name in raw:
        expand(name, (name,))
    for name, node_ in raw.items():
        try:
            re.compile(reader.parts[name], re.VERBOSE)
        except re.error as e:
            reader.error(node_.key_line, f"part {name!r}: bad regex: {e.msg}")


def _exemption(reader: _Reader, name: str, node: _Node) -> Exemption | None:
    what = f"exemption {name!r}"
    fields = reader.mapping(node, what, _EXEMPTION_KEYS, {"why"})
    conditions = []
    for key, child in fields.items():
        target = key.removeprefix("not-")
        if target in TARGETS:
            pattern = reader.regex(child, f"{what} {key}")
            if pattern is not None:
                conditions.append(Condition(target, key.startswith("not-"), pattern))
    quoted = reader.regex(fields.get("inside-quote-after"), f"{what} inside-quote-after")
    if not conditions and quoted is None and "when" not in fields:
        reader.error(node.key_line, f"{what} sets no condition", "give it a when, before, after, matched or text")
    why = reader.text(fields.get("why"), f"{what} why")
    when = reader.choice(fields.get("when"), f"{what} when", WHEN)
    return Exemption(name, why or "", when, tuple(conditions), quoted) if _ID.fullmatch(name) else None


def _rule(reader: _Reader, node: _Node, table: RuleTable) -> Rule | None:
    fields = reader.mapping(node, "rule", _RULE_KEYS, {"id", "kind", "why", "pattern", "examples"})
    rule_id = reader.text(fields.get("id"), "rule id") or "?"
    what = f"rule {rule_id!r}"
    if rule_id != "?" and not _ID.fullmatch(rule_id):
        reader.error(fields["id"].key_line, f"{what}: an id is lower-case words joined by '-'")
    kind = reader.choice(fields.get("kind"), f"{what} kind", tuple(table.kinds))
    exempt = []
    for name in reader.texts(fields.get("exempt"), f"{what} exempt"):
        if name in table.exemptions:
            exempt.append(table.exemptions[name])
        else:
            reader.error(fields["exempt"].key_line, f"{what}: unknown exemption {name!r}",
                         "exemptions: " + ", ".join(sorted(table.exemptions)))
    examples = reader.mapping(fields["examples"], f"{what} examples", {"fires", "silent"}, {"fires", "silent"}) \
        if "examples" in fields else {}
    fires = reader.texts(examples.get("fires"), f"{what} examples")
    silent = reader.texts(examples.get("silent"), f"{what} examples")
    if "examples" in fields and not (fires and silent):
        reader.error(fields["examples"].key_line, f"{what}: needs an example that fires and one that is silent")
    fallback = reader.choice(fields.get("fallback"), f"{what} fallback", ("true", "false"))
    pattern = reader.regex(fields.get("pattern"), f"{what} pattern")
    why = reader.text(fields.get("why"), f"{what} why")
    if pattern is None or kind is None or why is None:
        return None
    return Rule(rule_id, kind, why, pattern, tuple(exempt),
                reader.choice(fields.get("scope"), f"{what} scope", SCOPES) or "sentence",
                reader.choice(fields.get("text"), f"{what} text", TEXTS) or "normalised",
                reader.choice(fields.get("when"), f"{what} when", WHEN), fallback == "true",
                reader.choice(fields.get("report"), f"{what} report", REPORTS) or "match",
                fires, silent, node.line)


def load_rules(path: Path = RULES_FILE) -> RuleTable:
    """Read, check and compile a rule table; any problem raises one RulesError listing them all."""
    reader = _Reader(str(path))
    root = _parse(path, reader)
    if root is None:
        raise RulesError(reader.problems or [Problem(str(path), 1, 1, "error", "the rule table is empty")])
    top = reader.mapping(root, "the rule table", _TOP_KEYS, {"kinds", "rules"})
    kinds = {k: reader.text(v, f"kind {k!r}") or "" for k, v in _items(reader, top.get("kinds"), "kinds")}
    _parts(reader, top.get("parts"))
    exemptions = {name: e for name, node in _items(reader, top.get("exemptions"), "exemptions")
                  if (e := _exemption(reader, name, node)) is not None}
    table = RuleTable(str(path), kinds, exemptions, ())
    rules: list[Rule] = []
    rule_nodes = top.get("rules")
    for node in rule_nodes.value if rule_nodes and isinstance(rule_nodes.value, list) else []:
        rule = _rule(reader, node, table)
        if rule is not None and any(r.id == rule.id for r in rules):
            reader.error(node.line, f"rule {rule.id!r}: the id is used twice")
        elif rule is not None:
            rules.append(rule)
    if rule_nodes is not None and not isinstance(rule_nodes.value, list):
        reader.error(rule_nodes.key_line, "rules must be a list")
    if reader.problems:
        raise RulesError(sorted(reader.problems, key=lambda p: p.line))
    return RuleTable(str(path), kinds, exemptions, tuple(rules))


def _items(reader: _Reader, node: _Node | None, what: str) -> list[tuple[str, _Node]]:
    if node is None:
        return []
    if not isinstance(node.value, dict):
        reader.error(node.key_line, f"{what} must be a mapping")
        return []
    return list(node.value.items())


@cache
def default_rules() -> RuleTable:
    """The shipped table, compiled once per process."""
    return load_rules(RULES_FILE)

