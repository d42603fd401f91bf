"""Seeded random playthroughs of a flow: crashes, dead ends, endless loops, steps never reached."""

from __future__ import annotations

import random
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from coach.authoring.flowtest import Coverage, start_conversation, track
from coach.authoring.messy import HEDGES
from coach.conversation.engine import Conversation
from coach.errors import CoachError
from coach.flow.spec import Flow
from coach.listening.lexicon import Phrases
from coach.store.connection import memory_db
from coach.store.database import Store

WORDS = (
    "team",
    "people",
    "growth",
    "money",
    "freedom",
    "build",
    "learn",
    "lead",
    "customers",
    "quiet",
    "design",
    "data",
    "family",
    "travel",
    "code",
    "music",
    "garden",
    "writing",
)
COMMANDS = ("/back", "/skip", "/help", "/orig", "/nonsense")


@dataclass
class Finding:
    """Something wrong a random conversation ran into, with the seed that reproduces it."""

    kind: str  # crash | dead end | endless loop
    message: str
    seed: int
    step: str
    answers: list[str]
    count: int = 1


@dataclass
class FuzzReport:
    """What a batch of random playthroughs found."""

    flow: Flow
    runs: int
    seed: int
    turns: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    findings: dict[tuple[str, str], Finding] = field(default_factory=dict)
    coverage: Coverage | None = None

    @property
    def ok(self) -> bool:
        """True when no run crashed, got stuck or never ended."""
        return not self.findings

    def unreached(self) -> list[str]:
        """Steps no run reached."""
        cov = self.coverage
        return [s for s in self.flow.steps if cov is None or s not in cov.steps]

    def render(self) -> str:
        """The report as text, each finding with the command that reproduces it."""
        ends = ", ".join(f"{k} {v}" for k, v in sorted(self.statuses.items()))
        lines = [
            f"fuzzed {self.flow.path}: {self.runs} run{'s' if self.runs != 1 else ''} from seed {self.seed}, "
            f"{self.turns:,} turns; ended: {ends or 'none'}"
        ]
        for f in sorted(self.findings.values(), key=lambda f: f.seed):
            lines.append(
                f"{f.kind} (seed {f.seed}, {f.count} run{'s' if f.count != 1 else ''}) at step '{f.step}': {f.message}"
            )
            shown = [repr(a) for a in f.answers[-12:]]
            lines.append(f"  last answers: {'... ' if len(f.answers) > 12 else ''}{', '.join(shown) or '(none)'}")
            lines.append(f"  reproduce: coach flow fuzz {self.flow.path} --runs 1 --seed {f.seed}")
        missed = self.unreached()
        if missed:
            lines.append("steps never reached: " + ", ".join(missed))
        if self.coverage:
            edges = [self.coverage.edge_name(e) for e in self.coverage.all_edges() if e not in self.coverage.edges]
            if edges:
                lines.append("transitions never taken: " + ", ".join(edges))
        if self.ok:
            lines.append("ok: no crashes, dead ends or endless loops")
        return "\n".join(lines)


def _phrases(p: Phrases) -> list[str]:
    return [s.rstrip("*") for s in p.phrases if s.rstrip("*")] or ["hmm"]


class Mentee:
    """A random mentee: mostly plausible answers, sometimes empty, odd, or a command."""

    def __init__(self, flow: Flow, rng: random.Random) -> None:
        lex = flow.lexicon
        self.rng = rng
        self.yes, self.no, self.unsure = _phrases(lex.yes), _phrases(lex.no), _phrases(lex.unsure)
        self.advice, self.why = _phrases(lex.advice), _phrases(lex.why_asking)
        self.distress = _phrases(lex.distress)
        self.core, self.themes = _phrases(lex.bedrock_core), _phrases(lex.bedrock_themes)
        self.motives = [w for m in lex.motivations.values() for w in _phrases(m.words)] or list(WORDS)
        self.energy = _phrases(lex.energy_words)

    def answer(self, expect: str = "text") -> str:
        """The next thing the mentee types (mostly a yes or no where one is expected)."""
        r = self.rng
        # where either a yes or words will do ("Is there one small experiment...?"), a yes, no or hedge sometimes
        if r.random() < {"yes_no": 0.6, "either": 0.3}.get(expect, 0.0):
            said = r.choice(self.yes if r.random() < 0.7 else (self.no if r.random() < 0.6 else HEDGES))
            if r.random() < 0.1:  # "no. I'd rather stay and teach": more said with it
                said += ". " + " ".join(r.choice(WORDS) for _ in range(r.randint(5, 10)))
            return said
        kind = r.choices(
            [
                "words",
                "yes",
                "no",
                "unsure",
                "bedrock",
                "motive",
                "energy",
                "empty",
                "one",
                "advice",
                "why",
                "command",
                "distress",
                "pause",
                "quit",
                "junk",
            ],
            weights=[22, 12, 6, 4, 8, 8, 3, 4, 4, 4, 3, 12, 0.5, 2, 0.5, 2],
        )[0]
        if kind == "words":
            return " ".join(r.choice(WORDS) for _ in range(r.randint(2, 12)))
        if kind in ("yes", "no", "unsure", "advice", "why", "distress"):
            pool = {
                "yes": self.yes,
                "no": self.no,
                "unsure": self.unsure,
                "advice": self.advice,
                "why": self.why,
                "distress": self.distress,
            }[kind]
            phrase = r.choice(pool)
            return phrase.capitalize() + r.choice(["", "?", ".", "!"])
        if kind == "bedrock":
            return f"I {r.choice(self.core)} {r.choice(self.themes)}"
        if kind == "motive":
            return f"I think {r.choice(self.motives)} matters to me"
        if kind == "energy":
            return "I love it! " + " ".join(r.choice(self.energy + list(WORDS)) for _ in range(50))
        if kind == "empty":
            return r.choice(["", " ", "\t"])
        if kind == "one":
            return r.choice(WORDS)
        if kind == "command":
            return r.choice(COMMANDS)
        if kind == "pause":
            return "/pause"
        if kind == "quit":
            return "/quit"
        return "".join(chr(r.randint(32, 0x2FFF)) for _ in range(r.randint(1, 40)))


def play(
    flow: Flow, seed: int, max_turns: int, coverage: Coverage | None = None
) -> tuple[Conversation | None, list[str], Finding | None, int]:
    """One random conversation from ``seed``: (conversation, answers, finding or None, turns)."""
    rng = random.Random(seed)
    mentee = Mentee(flow, rng)
    store = Store(memory_db())
    answers: list[str] = []
    conv: Conversation | None = None
    recent: list[str] = []
    try:
        previous = None
        if flow.returning and rng.random() < 0.2:
            previous = {
                "goals": ["lead a small team", "my manager's job"] if rng.random() < 0.5 else ["lead a small team"],
                "motivations": ["growth"],
                "bedrock": ["I love learning"],
                "passions": ["music"],
                "strengths": ["explaining things simply"],
                "sweet_spot": ["helping new starters find their feet"],
                "experiment": "run one meeting",
            }
        conv = start_conversation(flow, "fuzz", previous=previous, store=store)
        if coverage is not None:
            track(conv, coverage)
            coverage.steps.add(conv.step)
        conv.open()
        while len(answers) < max_turns:
            if conv.status == "paused":
                conv = Conversation.resume(flow, store, conv.id)
                if coverage is not None:
                    track(conv, coverage)
                conv.open()
            if conv.finished:
                return conv, answers, None, len(answers)
            text = mentee.answer(conv.current.expect)
            answers.append(text)
            msgs = conv.reply(text)
            if coverage is not None:
                coverage.steps.update(m.step for m in msgs)
            recent = ([*recent, conv.step])[-30:]
        loop = sorted(set(recent), key=recent.index)
        return (
            conv,
            answers,
            Finding(
                "endless loop",
                f"no end after {max_turns} turns; the last 30 turns stayed in: {', '.join(loop)}",
                seed,
                _step(conv),
                answers,
            ),
            len(answers),
        )
    except CoachError as e:
        step = _step(conv)
        kind = "dead end" if "no edge" in str(e) else "error"
        return conv, answers, Finding(kind, str(e), seed, step, answers), len(answers)
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)[-1]
        where = f"{Path(tb.filename).name}:{tb.lineno}"
        return (
            conv,
            answers,
            Finding("crash", f"{type(e).__name__}: {e} ({where})", seed, _step(conv), answers),
            len(answers),
        )


def _step(conv: Conversation | None) -> str:
    return str(getattr(conv, "step", "?")) if conv is not None else "?"


def fuzz_flow(flow: Flow, runs: int = 200, seed: int = 0, max_turns: int | None = None) -> FuzzReport:
    """Play ``runs`` random conversations (run i uses seed+i) and collect what went wrong."""
    limit = max_turns or max(100, 10 * len(flow.steps))
    report = FuzzReport(flow=flow, runs=runs, seed=seed, coverage=Coverage(flow))
    for i in range(runs):
        conv, _, finding, turns = play(flow, seed + i, limit, report.coverage)
        report.turns += turns
        report.statuses[conv.status if conv and not finding else (finding.kind if finding else "?")] += 1
        if finding:
            key = (finding.kind, finding.message)
            if key in report.findings:
                report.findings[key].count += 1
            else:
                report.findings[key] = finding
    return report
