"""A flow as a diagram: Mermaid (renders on GitHub) or Graphviz dot, steps grouped by phase."""

from __future__ import annotations

import re

from coach.flow.spec import PHASES, Flow, Step

FORMATS = ("mermaid", "dot")
# Words Mermaid treats as syntax; a step named like one gets a suffix in the diagram's ids.
_MERMAID_RESERVED = {
    "end",
    "graph",
    "subgraph",
    "flowchart",
    "style",
    "class",
    "click",
    "linkstyle",
    "classdef",
    "direction",
}


def render_graph(flow: Flow, fmt: str = "mermaid") -> str:
    """The flow as diagram source in ``fmt`` (mermaid or dot)."""
    if fmt == "mermaid":
        return mermaid(flow)
    if fmt == "dot":
        return dot(flow)
    raise ValueError(f"unknown graph format {fmt!r}; one of {', '.join(FORMATS)}")


def _phases(flow: Flow) -> list[tuple[str, list[Step]]]:
    """Phases in conversation order (unknown ones after), each with its steps in file order."""
    order = {p: i for i, p in enumerate(PHASES)}
    groups: dict[str, list[Step]] = {}
    for step in flow.steps.values():
        groups.setdefault(step.phase, []).append(step)
    return sorted(groups.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))


def _title(flow: Flow, phase: str) -> str:
    return flow.phases.get(phase, {}).get("title") or phase.replace("_", " ")


def _label(step: Step, width: int = 36) -> str:
    """The step's name and the start of its question (or what it says)."""
    text = step.ask or step.say or ""
    text = re.sub(r"\{[%#].*?[%#]\}", " ", text, flags=re.S)  # control blocks say nothing on their own
    text = " ".join(re.sub(r"\{\{.*?\}\}", "…", text, flags=re.S).split())
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    extra = []
    if step.ladder:
        extra.append(f"ladder ≤{step.ladder.max_depth}")
    if step.foreach:
        extra.append(f"for each of {step.foreach}")
    if step.end:
        extra.append(f"end: {step.end}")
    detail = f" ({', '.join(extra)})" if extra else ""
    return f"{step.name}{detail}" + (f"\n{text}" if text else "")


# --- mermaid -----------------------------------------------------------------------------


def _mid(name: str) -> str:
    return f"{name}_" if name.lower() in _MERMAID_RESERVED else name


def _mtext(text: str) -> str:
    """Text safe inside a quoted Mermaid label."""
    return text.replace('"', "#quot;").replace("\n", "<br/>")


def mermaid(flow: Flow) -> str:
    """Mermaid flowchart source: one subgraph per phase, edges labelled with their rule."""
    lines = ["flowchart TD"]
    lines.append('  start_(("start"))')
    if flow.returning:
        lines.append('  returning_(("returning"))')
    for phase, steps in _phases(flow):
        lines.append(f'  subgraph phase_{phase}["{_mtext(_title(flow, phase))}"]')
        for s in steps:
            label = _mtext(_label(s))
            shape = f'(["{label}"])' if s.end else (f'{{{{"{label}"}}}}' if s.ladder or s.foreach else f'["{label}"]')
            lines.append(f"    {_mid(s.name)}{shape}")
        lines.append("  end")
    lines.append(f"  start_ --> {_mid(flow.start)}")
    if flow.returning:
        lines.append(f"  returning_ -.-> {_mid(flow.returning)}")
    for s in flow.steps.values():
        for edge in s.next:
            if edge.when:
                lines.append(f'  {_mid(s.name)} -->|"{_mtext(edge.when)}"| {_mid(edge.to)}')
            else:
                lines.append(f"  {_mid(s.name)} --> {_mid(edge.to)}")
    return "\n".join(lines) + "\n"


# --- dot ---------------------------------------------------------------------------------


def _dtext(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def dot(flow: Flow) -> str:
    """Graphviz dot source: one cluster per phase, edges labelled with their rule."""
    lines = [
        f'digraph "{_dtext(flow.name)}" {{',
        "  rankdir=TB;",
        '  node [shape=box, style=rounded, fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
        '  "start_" [label="start", shape=circle];',
    ]
    if flow.returning:
        lines.append('  "returning_" [label="returning", shape=circle];')
    for phase, steps in _phases(flow):
        lines.append(f'  subgraph "cluster_{phase}" {{')
        lines.append(f'    label="{_dtext(_title(flow, phase))}";')
        for s in steps:
            shape = "doubleoctagon" if s.end else ("hexagon" if s.ladder or s.foreach else "box")
            lines.append(f'    "{s.name}" [label="{_dtext(_label(s))}", shape={shape}];')
        lines.append("  }")
    lines.append(f'  "start_" -> "{flow.start}";')
    if flow.returning:
        lines.append(f'  "returning_" -> "{flow.returning}" [style=dashed];')
    for s in flow.steps.values():
        for edge in s.next:
            label = f' [label="{_dtext(edge.when)}"]' if edge.when else ""
            lines.append(f'  "{s.name}" -> "{edge.to}"{label};')
    lines.append("}")
    return "\n".join(lines) + "\n"
