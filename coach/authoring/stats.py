"""Where conversations stall: per step, how often it was reached, re-asked, skipped, gone back
from, paused at, and where conversations ended, read from the local database only.

Re-asks are the coach turns stored with kind 'reask' (turns from before kinds were recorded
are counted as such, and left out of the re-ask figures). "Drop-off" at a step is the share of
the sessions that reached it and then ended there without completing: stopped (/quit, a
declined start, a distress stop) or left open (paused, or simply never resumed).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from coach.flow.spec import Flow
from coach.store import stats as counts
from coach.store.database import Store


@dataclass
class StepStats:
    """One step's figures."""

    step: str
    phase: str = ""
    reached: int = 0
    reasks: int = 0
    reasked_sessions: int = 0
    moved_on: int = 0
    skipped: int = 0
    back: int = 0
    paused: int = 0
    quit: int = 0
    completed_here: int = 0
    stopped_here: int = 0
    open_here: int = 0
    in_flow: bool = True
    routing: bool = False  # a step that neither says nor asks anything: it only routes on

    @property
    def dropped(self) -> int:
        """Sessions that ended at this step without completing."""
        return self.stopped_here + self.open_here

    @property
    def drop_rate(self) -> float:
        """Dropped / reached (0 when never reached)."""
        return self.dropped / self.reached if self.reached else 0.0


@dataclass
class FlowStats:
    """One flow's figures, steps in the flow's order (steps no longer in it last)."""

    flow: str
    sessions: int = 0
    completed: int = 0
    unkinded_turns: int = 0
    steps: list[StepStats] = field(default_factory=list)

    def step(self, name: str) -> StepStats | None:
        """The figures of one step."""
        return next((s for s in self.steps if s.step == name), None)


def flow_stats(store: Store, flows: dict[str, Flow] | None = None, only: str | None = None) -> list[FlowStats]:
    """Figures for every flow in the database (or ``only`` that one), using ``flows`` (by name) for order."""
    flows = flows or {}
    out: dict[str, FlowStats] = {}
    steps: dict[tuple[str, str], StepStats] = {}

    def at(flow: str, step: str) -> StepStats:
        fs = out.setdefault(flow, FlowStats(flow))
        if (flow, step) not in steps:
            steps[(flow, step)] = StepStats(step)
            fs.steps.append(steps[(flow, step)])
        return steps[(flow, step)]

    for name, flow in flows.items():
        if only is None or name == only:
            for step in flow.steps.values():
                at(name, step.name).phase = step.phase
                steps[(name, step.name)].routing = not (step.ask or step.say)
    for row in counts.step_counts(store.db, only):
        s = at(row["flow"], row["step"])
        s.phase = s.phase or str(row["phase"] or "")
        for key in ("reached", "reasks", "reasked_sessions", "moved_on", "skipped", "back", "paused", "quit"):
            setattr(s, key, row[key])
        out[row["flow"]].unkinded_turns += row["unkinded"]
    for row in counts.session_ends(store.db, only):
        s = at(row["flow"], row["step"])
        fs = out[row["flow"]]
        fs.sessions += row["sessions"]
        if row["status"] == "completed":
            s.completed_here += row["sessions"]
            fs.completed += row["sessions"]
        elif row["status"] == "stopped":
            s.stopped_here += row["sessions"]
        else:
            s.open_here += row["sessions"]
        s.paused += row["silent_pauses"]
        # A declined start forgets its turns but not that the session ended there.
        s.reached = max(s.reached, s.completed_here + s.stopped_here + s.open_here)
    for name, fs in out.items():
        known = flows.get(name)
        order = {step: i for i, step in enumerate(known.steps)} if known else {}
        for s in fs.steps:
            s.in_flow = not known or s.step in known.steps
        fs.steps.sort(key=lambda s: (order.get(s.step, len(order)), -s.reached, s.step))
    # A flow with no conversations here is reported only when asked for by name.
    kept = [f for f in out.values() if f.sessions or f.flow == only]
    return sorted(kept, key=lambda f: (-f.sessions, f.flow))


# --- output ----------------------------------------------------------------------------------------

COLUMNS = (("reached", "REACHED"), ("reasks", "RE-ASKS"), ("moved_on", "MOVED ON"), ("skipped", "SKIPS"),
           ("back", "BACK"), ("paused", "PAUSES"), ("quit", "QUITS"), ("dropped", "ENDED HERE"))


def to_json(report: list[FlowStats]) -> str:
    """The figures as JSON (drop-off included per step)."""
    data = []
    for fs in report:
        d = asdict(fs)
        for s, sd in zip(fs.steps, d["steps"], strict=True):
            sd["dropped"], sd["drop_rate"] = s.dropped, round(s.drop_rate, 4)
        data.append(d)
    return json.dumps(data, indent=2) + "\n"


def _cells(s: StepStats) -> list[str]:
    if s.routing and not s.reached:
        return ["routes"] + ["-"] * len(COLUMNS)
    cells = [str(getattr(s, key)) for key, _ in COLUMNS]
    cells[1] = f"{s.reasks} ({s.reasked_sessions})" if s.reasks else "0"
    cells.append(f"{s.drop_rate:.0%}" if s.reached else "-")
    return cells


def _header(fs: FlowStats) -> str:
    left = fs.sessions - fs.completed
    return (f"{fs.flow}: {fs.sessions} session{'s' if fs.sessions != 1 else ''}, {fs.completed} completed,"
            f" {left} ended elsewhere or still open")


def _notes(fs: FlowStats) -> list[str]:
    notes = ["RE-ASKS: re-asks (sessions re-asked); ENDED HERE: stopped or left open at this step, not completed;"
             " DROP: ended here / reached; routes: a step that only decides where to go, never seen by a mentee."]
    if fs.unkinded_turns:
        notes.append(f"{fs.unkinded_turns} turns were stored before turn kinds were recorded: their re-asks are not"
                     " counted.")
    gone = [s.step for s in fs.steps if not s.in_flow]
    if gone:
        notes.append(f"No longer in the flow: {', '.join(gone)}.")
    return notes


def render_text(report: list[FlowStats]) -> str:
    """A table per flow, steps in flow order."""
    if not report:
        return "No conversations in this database yet.\n"
    lines: list[str] = []
    for fs in report:
        width = max([len(s.step) for s in fs.steps] + [4])
        heads = [h for _, h in COLUMNS] + ["DROP"]
        lines += [_header(fs), "", f"{'STEP':<{width}}  " + "  ".join(f"{h:>8}" for h in heads)]
        for s in fs.steps:
            lines.append(f"{s.step:<{width}}  " + "  ".join(f"{c:>8}" for c in _cells(s)))
        lines += ["", *_notes(fs), ""]
    return "\n".join(lines)


def render_md(report: list[FlowStats]) -> str:
    """A Markdown table per flow."""
    if not report:
        return "No conversations in this database yet.\n"
    lines: list[str] = []
    for fs in report:
        heads = ["step", "phase"] + [h.lower() for _, h in COLUMNS] + ["drop-off"]
        lines += [f"## {_header(fs)}", "", "| " + " | ".join(heads) + " |",
                  "|" + "|".join(["---"] * 2 + ["---:"] * (len(heads) - 2)) + "|"]
        for s in fs.steps:
            lines.append(f"| `{s.step}` | {s.phase} | " + " | ".join(_cells(s)) + " |")
        lines += ["", *_notes(fs), ""]
    return "\n".join(lines)


def band(s: StepStats) -> str:
    """The drop-off band a graph colours a step by: unreached, low (<5%), some (<20%), high ("" routing)."""
    if s.routing and not s.reached:
        return ""
    if not s.reached:
        return "unreached"
    return "low" if s.drop_rate < 0.05 else ("some" if s.drop_rate < 0.2 else "high")


def lookup(report: list[FlowStats], flow: str) -> dict[str, Any]:
    """{step: StepStats} of one flow (empty if the database holds none of its conversations)."""
    return {s.step: s for fs in report if fs.flow == flow for s in fs.steps}
