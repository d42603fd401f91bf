"""Flows: YAML files loaded and checked into a spec the machine runs."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.errors import FlowError
from coach.flow.paths import lexicon_path
from coach.flow.replies import DEFAULT_REPLIES
from coach.listening.lexicon import Lexicon, load_lexicon, prime
from coach.resources import default_lexicon
from coach.yaml_lines import load_yaml, plain, position

PHASES = ("trust", "goal", "why", "motivation", "passion", "sweet_spot", "close")


@dataclass(frozen=True)
class Edge:
    """A transition: go ``to`` a step when the rule ``when`` holds (always, if None)."""

    to: str
    when: str | None = None


@dataclass(frozen=True)
class Reflection:
    """Something said after an answer when its rule holds."""

    when: str
    say: str


@dataclass(frozen=True)
class Ladder:
    """A why-ladder's bounds and where its rungs are kept."""

    max_depth: int
    chain: str = "why_chain"
    seed: str | None = None


@dataclass(frozen=True)
class Step:
    """One state of the flow."""

    name: str
    phase: str
    line: int = 1
    say: str | None = None
    ask: str | None = None
    variants: tuple[str, ...] = ()
    # The question in plain, short words: said when the mentee asks what it or a word in it means.
    plain: str | None = None
    rephrase: bool = True
    keep: tuple[str, ...] = ()
    expect: str = "text"
    min_words: int = 1
    save_as: str | None = None
    append_to: str | None = None
    ladder: Ladder | None = None
    foreach: str | None = None
    collect_yes: str | None = None
    after: tuple[Reflection, ...] = ()
    purpose: str | None = None
    example: str | None = None  # said when the mentee asks for an example ("like what?")
    forget: bool = False
    end: str | None = None
    next: tuple[Edge, ...] = ()
    # Values a correction at this step may replace ("no, it's more about X"), in order of likelihood.
    corrects: tuple[str, ...] = ()
    # On a clear yes to "is that still true?": value <- the first item of the previous summary's key.
    keep_previous: tuple[tuple[str, str], ...] = ()
    # On a no or a partial yes that says what is different ("partly, I've moved to QA since"):
    # those words are kept in this value, and the rule 'changed' holds (no need to ask what changed).
    changed: str | None = None

    @property
    def wordings(self) -> tuple[str, ...]:
        """The question and its variants, in rotation order."""
        return ((self.ask,) if self.ask else ()) + self.variants


@dataclass
class Flow:
    """A loaded, validated flow."""

    name: str
    version: int
    start: str
    steps: dict[str, Step]
    path: Path
    lexicon: Lexicon
    returning: str | None = None
    reasks: int = 2
    phases: dict[str, dict[str, str]] = field(default_factory=dict)
    replies: dict[str, Any] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)

    def purpose(self, step: str) -> str:
        """Why the coach asks the current step's question."""
        s = self.steps[step]
        return s.purpose or self.phases.get(s.phase, {}).get("purpose", "")

    def variables(self) -> dict[str, str]:
        """Every value a step can capture, with its kind: ``text`` or ``list``."""
        out: dict[str, str] = {}
        for s in self.steps.values():
            if s.save_as:
                out[s.save_as] = "text"
            if s.changed:
                out.setdefault(s.changed, "text")
            if s.append_to:
                out[s.append_to] = "list"
            if s.collect_yes:
                out[s.collect_yes] = "list"
            if s.ladder:
                out[s.ladder.chain] = "list"
        return out


def load_flow(path: Path | str) -> Flow:
    """Load and validate a flow; raise FlowError listing every error with file:line:col.

    A flow validated before, whose files have not changed since, comes from the cache."""
    from coach.flow import cache

    path = Path(path)
    hit = cache.get(path)
    if hit is not None:
        lexicon = Lexicon(hit["lexicon"])
        named = hit["doc"].get("lexicon")
        if not named or lexicon_path(path, str(named)) == default_lexicon().resolve():
            prime(lexicon)  # the shipped lexicon, which playback and the summary read too
        return build_flow(hit["doc"], path, lexicon, hit["lines"])
    from coach.flow.validate import check_document, validate_bytes  # jsonschema: only when validating

    try:
        doc = load_yaml(path)
    except FlowError as e:
        if any("duplicate key" in p.message for p in e.problems):
            # The parser stops at the first duplicate; the validator reports them all.
            raise FlowError(validate_bytes(path.read_bytes(), path)) from None
        raise
    problems = check_document(doc, path)
    if any(p.level == "error" for p in problems):
        raise FlowError(problems)
    flow = build_flow(doc, path)
    cache.put(path, plain(doc), {name: step.line for name, step in flow.steps.items()}, flow.lexicon.raw)
    return flow


def build_flow(doc: Any, path: Path, lexicon: Lexicon | None = None, lines: dict[str, int] | None = None) -> Flow:
    """Turn a validated document into a Flow."""
    if lexicon is None:
        lexicon = load_lexicon(lexicon_path(path, doc["lexicon"]) if doc.get("lexicon") else None)
    steps = {name: _step(name, node, (lines or {}).get(str(name))) for name, node in doc["steps"].items()}
    replies = dict(DEFAULT_REPLIES)
    replies.update({k: (list(v) if isinstance(v, list) else str(v)) for k, v in (doc.get("replies") or {}).items()})
    return Flow(
        name=str(doc["flow"]),
        version=int(doc["version"]),
        start=str(doc["start"]),
        returning=str(doc["returning"]) if doc.get("returning") else None,
        steps=steps,
        path=path,
        lexicon=lexicon,
        reasks=int((doc.get("limits") or {}).get("reasks", 2)),
        phases={str(k): {kk: str(vv) for kk, vv in v.items()} for k, v in (doc.get("phases") or {}).items()},
        replies=replies,
        summary={str(k): (list(v) if isinstance(v, list) else str(v)) for k, v in (doc.get("summary") or {}).items()},
    )


def edges_of(node: Any) -> tuple[Edge, ...]:
    """The ``next`` of a step node as edges."""
    nxt = node.get("next")
    if nxt is None:
        return ()
    if isinstance(nxt, str):
        return (Edge(to=nxt),)
    return tuple(Edge(to=str(e["to"]), when=str(e["when"]) if e.get("when") else None) for e in nxt)


def _step(name: str, node: Any, line: int | None = None) -> Step:
    ladder = node.get("ladder")
    return Step(
        name=str(name),
        phase=str(node["phase"]),
        line=line if line is not None else position(node)[0],
        say=node.get("say"),
        ask=node.get("ask"),
        variants=tuple(str(v) for v in node.get("variants") or ()),
        plain=str(node["plain"]) if node.get("plain") else None,
        rephrase=bool(node.get("rephrase", True)),
        keep=tuple(str(k) for k in node.get("keep") or ()),
        expect=str(node.get("expect", "text")),
        min_words=int(node.get("min_words", 1)),
        save_as=node.get("save_as"),
        append_to=node.get("append_to"),
        ladder=Ladder(
            max_depth=int(ladder["max_depth"]),
            chain=str(ladder.get("chain", "why_chain")),
            seed=ladder.get("seed"),
        )
        if ladder
        else None,
        foreach=node.get("foreach"),
        collect_yes=node.get("collect_yes"),
        after=tuple(Reflection(when=str(a["when"]), say=str(a["say"])) for a in node.get("after") or ()),
        purpose=node.get("purpose"),
        example=node.get("example"),
        forget=bool(node.get("forget", False)),
        end=node.get("end"),
        next=edges_of(node),
        corrects=tuple(str(v) for v in node.get("corrects") or ()),
        keep_previous=tuple((str(k), str(v)) for k, v in (node.get("keep_previous") or {}).items()),
        changed=node.get("changed"),
    )


def nearest_step(old: Mapping[str, Sequence[str]], new: Flow, here: str) -> str:
    """Where to continue when step ``here`` is gone from the edited flow.

    ``old`` is the old flow's edges (each step's successors). A step that replaced ``here`` (new
    after one of its predecessors) first; otherwise the closest surviving step in the old flow,
    earlier steps before later ones, so nothing is skipped; otherwise the new flow's start.
    """
    preds: dict[str, list[str]] = {n: [] for n in old}
    for name, succs in old.items():
        for to in succs:
            preds.setdefault(to, []).append(name)
    for p in preds.get(here, []):
        if p in new.steps:
            fresh = [e.to for e in new.steps[p].next if e.to not in old and e.to in new.steps]
            if fresh:
                return fresh[0]
    seen = {here}
    queue = deque([here])
    while queue:
        name = queue.popleft()
        for nxt in preds.get(name, []) + list(old.get(name, ())):
            if nxt in seen:
                continue
            if nxt in new.steps:
                return nxt
            seen.add(nxt)
            queue.append(nxt)
    return new.start
