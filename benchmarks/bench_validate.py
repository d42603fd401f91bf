"""How long `coach flow validate` takes: the default flow, and a generated 1,000-step flow.

Run: .venv/bin/python benchmarks/bench_validate.py
Targets (issue 3): default flow under 200 ms; 1,000 steps under 2 s. Prints figures, asserts nothing;
writes benchmarks/results/validate.{json,md}.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from results import machine, write  # noqa: E402

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


def main() -> None:
    """Print the figures and write benchmarks/results/validate.*."""
    started = machine()
    t = time.perf_counter()
    validate_file(ROOT / "flows" / "career.yaml")
    cold = (time.perf_counter() - t) * 1000
    print(f"default flow, first (cold) validation: {cold:.0f} ms")
    med, worst, n = timed(ROOT / "flows" / "career.yaml", 20)
    print(
        f"default flow (flows/career.yaml): median {med:.0f} ms, max {worst:.0f} ms, {n} problems   (target < 200 ms)"
    )
    rows = [f"| `flows/career.yaml` (first, cold run: {cold:.0f} ms) | {med:.0f} ms | {worst:.0f} ms | < 200 ms |"]
    figures = {"career": {"cold_ms": cold, "median_ms": med, "max_ms": worst, "problems": n}}
    with tempfile.TemporaryDirectory() as d:
        for steps in (100, 1000):
            path = Path(d) / f"gen{steps}.yaml"
            path.write_text(generated_flow(steps))
            med, worst, n = timed(path, 5 if steps == 1000 else 10)
            target = "   (target < 2000 ms)" if steps == 1000 else ""
            kib = path.stat().st_size // 1024
            print(
                f"generated {steps:,}-step flow ({kib} KiB): median {med:.0f} ms, "
                f"max {worst:.0f} ms, {n} problems{target}"
            )
            rows.append(f"| generated, {steps:,} steps ({kib} KiB) | {med:.0f} ms | {worst:.0f} ms | "
                        f"{'< 2 s' if steps == 1000 else ''} |")
            figures[f"generated_{steps}"] = {"kib": kib, "median_ms": med, "max_ms": worst, "problems": n}
    md = ("Each figure is the whole of `coach flow validate`: read, parse, schema, meaning.\n\n"
          "| flow | median | max | target |\n|---|---:|---:|---|\n" + "\n".join(rows) + "\n")
    headline = [("`coach flow validate`: the default flow / a 1,000-step flow",
                 f"{figures['career']['median_ms']:.0f} ms / {figures['generated_1000']['median_ms']:.0f} ms median")]
    write("validate", figures, md, started, headline)


if __name__ == "__main__":
    main()
