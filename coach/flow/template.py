"""The one jinja2 environment: sandboxed (flows are data from strangers) and StrictUndefined."""

from __future__ import annotations

import re
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from coach.listening.chain import play_back_chain
from coach.listening.hedged import play_back_hedged
from coach.listening.listed import listed_back
from coach.listening.playback import job_named, play_back, swap_pronouns
from coach.listening.told import told_back

# Values every template may use without a step setting them.
BUILTINS = {
    "mentee": "the name to greet the mentee by (empty for a role account such as root)",
    "answer": "the answer just given",
    "last": "the key phrase of the last answer, played back in the second person",
    "listed": "every thing the last answer names, played back as a list without its fillers (else as last)",
    "unsure": "true when the last answer was said with doubt (\"maybe ... not sure yet\"): an idea weighed, not a "
              "choice",
    "tentative": "true when the last answer held its words loosely (\"maybe\", \"probably\", \"not sure\", \"i "
                 "think\"): said back as a maybe, never as settled",
    "news": "the sentence of the last answer that tells news (\"my boss offered me a team lead role\"), played back; "
            "empty if none does",
    "alone": "true when the mentee has said they work for themselves (\"i'm self-employed\", \"its just me\"), "
             "today or in last time's summary: there is no organisation to picture",
    "previous": "the summary of the mentee's last finished session (empty if none)",
    "met_before": "true when the mentee has talked with coach before, even if that conversation did not finish",
    "item": "with foreach: the current item (id, label, question, note; for drives, named: said outright; "
             "many: several named together)",
    "depth": "in a ladder: how many rungs so far",
    "summary": "the summary so far: goals, motivations, bedrock, passions, experiment",
    "rung": "in a ladder: the last rung (or the seed), played back",
    "acknowledged": "true when a feeling the mentee shared was just acknowledged (a worry, a realisation)",
    "corrected": "after a correction (rule 'corrected'): the mentee's corrected words",
    "edited": "the names of the values the mentee set with /edit this conversation: say them in exactly their words",
}

# What a template may reach for, and nothing else: no attribute outside these names, no call
# but these methods of text and mappings, no filter but these. A flow is data, never code.
STR_METHODS = frozenset(
    {"split", "rsplit", "strip", "lstrip", "rstrip", "lower", "upper", "capitalize", "title", "startswith",
     "endswith", "replace"}
)
MAPPING_METHODS = frozenset({"get", "keys", "values", "items"})
METHODS = STR_METHODS | MAPPING_METHODS
LOOP_FIELDS = frozenset({"index", "index0", "revindex", "revindex0", "first", "last", "length"})
ITEM_FIELDS = frozenset({"id", "label", "question", "note", "first", "named", "many"})
SUMMARY_FIELDS = frozenset({"goals", "motivations", "bedrock", "passions", "strengths", "sweet_spot", "experiment"})
FIELDS = METHODS | LOOP_FIELDS | ITEM_FIELDS | SUMMARY_FIELDS
SAFE_FILTERS = frozenset(
    {"capitalize", "lower", "upper", "title", "trim", "truncate", "join", "length", "count", "first", "last",
     "default", "d", "list", "map", "select", "reject", "replace", "wordcount", "string", "unique", "sort",
     "reverse", "round", "int", "abs"}
)
# Statements that would pull in other files or let a flow define (recursive) functions.
FORBIDDEN = {
    nodes.Macro: "defines a macro",
    nodes.CallBlock: "uses {% call %}",
    nodes.Include: "includes another template",
    nodes.Import: "imports another template",
    nodes.FromImport: "imports another template",
    nodes.Extends: "extends another template",
    nodes.Block: "defines a block",
}
MAX_LOOP_NESTING = 2  # {% for %} inside {% for %}; deeper multiplies an answer's length
MAX_SEQUENCE = 100_000  # the longest text or list `*` may make
MAX_REPEAT = 100  # the largest number a template may multiply by


def _chain(values: list[str]) -> str:
    """'You want X, because Y, because Z' material: each rung's reason, repeats left out."""
    return play_back_chain(values)


_AGAIN = re.compile(r"(?i)[\s,]+(?:again|too|as well|also|still)\b.*$")


def _listing(values: list[str]) -> str:
    """'X, Y and Z'; an item said again inside a longer one once; '; ' when items have commas of their own."""
    def within(short: str, long: str) -> bool:
        short = _AGAIN.sub("", short).strip() or short  # "fishing again" beside "fishing and the kids' football"
        return re.search(rf"\b{re.escape(short.lower())}\b", long.lower()) is not None

    items: list[str] = []
    for v in (str(v).strip() for v in values if v):
        if any(within(v, o) for o in items):  # "climbing" beside "climbing in the morning"
            continue
        items = [v if within(o, v) else o for o in items]
        if v not in items:
            items.append(v)
    if len(items) <= 1:
        return "".join(items)
    if any(re.search(r",|\b(?:and|or)\b", i) for i in items):  # "typography; a letterpress workshop, or hiking"
        return "; ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class FlowEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, narrowed to a whitelist: a few read-only methods, mapping keys and loop fields."""

    intercepted_binops = frozenset({"*", "**"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Only the whitelisted methods of text and mappings, and the loop's counters."""
        if attr.startswith("_") or not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(obj, str):
            return attr in STR_METHODS
        if isinstance(obj, Mapping):
            return attr in MAPPING_METHODS
        if isinstance(obj, LoopContext):
            return attr in LOOP_FIELDS
        return False

    def is_safe_callable(self, obj: Any) -> bool:
        """Only a whitelisted method of a text or mapping value."""
        if not isinstance(obj, types.BuiltinMethodType) or not super().is_safe_callable(obj):
            return False
        owner = getattr(obj, "__self__", None)
        if isinstance(owner, str):
            return obj.__name__ in STR_METHODS
        return isinstance(owner, Mapping) and obj.__name__ in MAPPING_METHODS

    def wrap_str_format(self, value: Any) -> None:
        """No str.format: it is not on the whitelist (and is a way into attributes)."""
        return None

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """``*`` and ``**`` with bounds, so a template cannot fill the memory."""
        if operator == "**" and (not isinstance(right, int | float) or abs(right) > 64):
            raise SecurityError("'**' takes a small exponent (at most 64) in a flow template")
        if operator == "*":
            seq, n = (left, right) if isinstance(left, str | list | tuple) else (right, left)
            if isinstance(seq, str | list | tuple) and isinstance(n, int) and len(seq) * n > MAX_SEQUENCE:
                raise SecurityError(f"'*' would make more than {MAX_SEQUENCE:,} characters or items")
        return self.binop_table[operator](left, right)


# A value a template names that is not there (a recap line forgotten mid-question): callers catch this.
MissingValue = jinja2.UndefinedError

ENV = FlowEnvironment(
    undefined=jinja2.StrictUndefined,
    autoescape=False,
    keep_trailing_newline=False,
    trim_blocks=True,
    lstrip_blocks=True,
)
# Nothing from jinja's default namespace (range, cycler, joiner, namespace, lipsum, dict):
# `cycler.__init__.__globals__` was the way from a flow file to os.popen.
ENV.globals.clear()
ENV.filters = {k: v for k, v in ENV.filters.items() if k in SAFE_FILTERS}


def _on_text(f: Any) -> Any:
    """A filter of words, given something that is not (an undefined value, a number): a template error, said as
    one, never a TypeError from deep inside the reader (round 34: a recap line forgotten mid-question)."""
    def filtered(value: Any, *args: Any) -> Any:
        return f(str(value), *args)  # str() of an undefined value raises jinja's own UndefinedError
    return filtered


ENV.filters["reflect"] = _on_text(play_back)
ENV.filters["listed"] = _on_text(listed_back)
ENV.filters["hedged"] = _on_text(play_back_hedged)
ENV.filters["swap"] = _on_text(swap_pronouns)
ENV.filters["chain"] = _chain
ENV.filters["listing"] = _listing
ENV.filters["job"] = _on_text(job_named)
ENV.filters["told"] = _on_text(told_back)
FILTERS = frozenset(ENV.filters)


@dataclass(frozen=True)
class Refusal:
    """Something a flow template may not do, at a line of the template (1-based)."""

    line: int
    message: str
    hint: str


class TemplateRefused(jinja2.TemplateError):
    """A template reaches outside the sandbox's whitelist."""


def parse(source: str) -> nodes.Template:
    """The template's syntax tree; too deep a nesting is a syntax error, not a RecursionError."""
    try:
        return ENV.parse(source)
    except (RecursionError, MemoryError):
        raise jinja2.TemplateSyntaxError("nested too deeply", 1) from None


def refusals(tree: nodes.Template, fields: Iterable[str] | None = None) -> list[Refusal]:
    """What in ``tree`` a flow may not do; with ``fields``, also attributes outside FIELDS and those.

    One refusal per kind and line. The walk keeps its own stack: a deeply nested template costs
    a list, not Python recursion.
    """
    allowed = None if fields is None else FIELDS | frozenset(fields)
    found: dict[tuple[int, str], set[str]] = {}
    stack: list[tuple[nodes.Node, int]] = [(tree, 0)]
    while stack:
        node, loops = stack.pop()
        line = getattr(node, "lineno", 1) or 1
        for kind, what in _offences(node, allowed):
            found.setdefault((line, kind), set()).add(what)
        inner = loops + 1 if isinstance(node, nodes.For) else loops
        if isinstance(node, nodes.For) and inner > MAX_LOOP_NESTING:
            found.setdefault((line, "loops"), set()).add(str(inner))
        stack.extend((child, inner) for child in node.iter_child_nodes())
    return [_refusal(line, kind, what, allowed) for (line, kind), what in sorted(found.items())]


def _offences(node: nodes.Node, allowed: frozenset[str] | None) -> list[tuple[str, str]]:
    """(kind, detail) for each thing ``node`` itself does that a flow may not."""
    out = [("forbidden", why) for kind, why in FORBIDDEN.items() if isinstance(node, kind)]
    if isinstance(node, nodes.Getattr) and (node.attr.startswith("_") or (allowed and node.attr not in allowed)):
        out.append(("attribute", node.attr))
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        key = node.arg.value
        if isinstance(key, str) and key.startswith("_"):
            out.append(("attribute", key))
    if isinstance(node, nodes.Call) and not (isinstance(node.node, nodes.Getattr) and node.node.attr in METHODS):
        out.append(("call", ""))
    if isinstance(node, nodes.Filter) and node.name not in FILTERS:
        out.append(("filter", node.name))
    if isinstance(node, nodes.Pow):
        out.append(("forbidden", "raises to a power (**)"))
    if isinstance(node, nodes.Mul) and any(
        isinstance(side, nodes.Const) and isinstance(side.value, int) and side.value > MAX_REPEAT
        for side in (node.left, node.right)
    ):
        out.append(("forbidden", f"repeats something more than {MAX_REPEAT} times (*)"))
    return out


def _refusal(line: int, kind: str, what: set[str], allowed: frozenset[str] | None) -> Refusal:
    names = ", ".join(f"'{w}'" for w in sorted(what))
    if kind == "forbidden":
        return Refusal(line, "; ".join(sorted(what)), "flow templates may only show values, with filters")
    if kind == "attribute":
        data = sorted((allowed or FIELDS) - METHODS)
        hint = f"allowed: {', '.join(data)}; and the methods {', '.join(sorted(METHODS))}"
        return Refusal(line, f"reaches for attribute{'s' if len(what) > 1 else ''} {names}", hint)
    if kind == "call":
        return Refusal(line, "calls something that is not a text or mapping method",
                       f"allowed calls: {', '.join(sorted(METHODS))}; or use a filter")
    if kind == "filter":
        return Refusal(line, f"uses unknown filter {names}", "known filters: " + ", ".join(sorted(FILTERS)))
    return Refusal(line, f"nests {{% for %}} loops {max(what)} deep", f"at most {MAX_LOOP_NESTING}")


@lru_cache(maxsize=1024)
def compile_template(source: str) -> jinja2.Template:
    """Compile once, reuse: rendering is on every turn. Refuses what the sandbox does not allow."""
    tree = parse(source)
    refused = refusals(tree)
    if refused:
        raise TemplateRefused(f"template {refused[0].message} (line {refused[0].line})")
    try:
        return ENV.from_string(tree)
    except (RecursionError, MemoryError, SyntaxError):
        raise jinja2.TemplateSyntaxError("nested too deeply", 1) from None


def render(source: str, values: dict[str, Any]) -> str:
    """Render a flow template; whitespace folded so YAML block scalars read as one paragraph."""
    text = compile_template(source).render(**values)
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def variables(source: str) -> set[str]:
    """Names a template reads (for the validator)."""
    try:
        return meta.find_undeclared_variables(parse(source))
    except RecursionError:
        raise jinja2.TemplateSyntaxError("nested too deeply", 1) from None
