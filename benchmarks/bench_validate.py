"""How long `coach flow validate` takes: the default flow, and a generated 1,000-step flow.

Run: .venv/bin/python benchmarks/bench_validate.py
Targets (issue 3): default flow under 200 ms; 1,000 steps under 2 s. Prints figures, asserts nothing.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.flow.validate import validate_file  # noqa: E402

PHASES = ("trust", "goal", "why", "motivation", "passion", "sweet_spot", "close")


def generated_flow(steps: int) -> str:
    """A flow of ``steps`` steps: a chain with branches, captured values, templates and a ladder."""
    out = ["flow: generated", "version: 1", "start: s0", "steps:"]
    for i in range(steps - 1):
        phase = PHASES[min(i * len(PHASES) // steps, len(PHASES) - 1)]
        nxt = f"s{i + 1}"
        out += [f"  s{i}:", f"    phase: {phase}"]
        if i % 50 == 10:
            out += [
                '    ask: "Why does {{ rung }} matter?"',
                f"    ladder: {{max_depth: 5, chain: chain_{i}}}",
                "    next:",
                "      - when: ladder_done",
                f"        to: {nxt}",
                f"      - to: s{i}",
            ]
            continue
        uses = i % 2 and i > 1 and (i - 1) % 50 != 10  # refer to the answer before (a ladder saves none)
        ask = f"Question {i}: you said {{{{ v{i - 1} }}}}. What next?" if uses else f"Question {i}?"
        out += [f'    ask: "{ask}"', f"    save_as: v{i}"]
        if i % 10 == 5 and i + 2 < steps - 1:
            out += ["    next:", "      - when: unsure", f"        to: s{i + 2}", f"      - to: {nxt}"]
        else:
            out.append(f"    next: {nxt}")
    out += [f"  s{steps - 1}:", "    phase: close", '    say: "Thanks."', "    end: completed"]
    return "\n".join(out) + "\n"


def timed(path: Path, repeat: int) -> tuple[float, float, int]:
    """(median ms, max ms, problems) over ``repeat`` runs after one warm-up."""
    problems = validate_file(path)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        validate_file(path)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times), len(problems)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    t = time.perf_counter()
    validate_file(ROOT / "flows" / "career.yaml")
    print(f"default flow, first (cold) validation: {(time.perf_counter() - t) * 1000:.0f} ms")
    med, worst, n = timed(ROOT / "flows" / "career.yaml", 20)
    print(
        f"default flow (flows/career.yaml): median {med:.0f} ms, max {worst:.0f} ms, {n} problems   (target < 200 ms)"
    )
    with tempfile.TemporaryDirectory() as d:
        for steps in (100, 1000):
            path = Path(d) / f"gen{steps}.yaml"
            path.write_text(generated_flow(steps))
            med, worst, n = timed(path, 5 if steps == 1000 else 10)
            target = "   (target < 2000 ms)" if steps == 1000 else ""
            print(
                f"generated {steps:,}-step flow ({path.stat().st_size // 1024} KiB): median {med:.0f} ms, "
                f"max {worst:.0f} ms, {n} problems{target}"
            )


if __name__ == "__main__":
    main()
