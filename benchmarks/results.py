"""Where benchmarks write their figures: benchmarks/results/<name>.json and <name>.md.

Each file records the machine it was measured on (CPU, cores, load average at the start), so a
figure in the README can always be traced to a run. After writing, the figures block of
README.md and docs/performance.md are regenerated (benchmarks/summary.py), so nobody edits a
figure by hand.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict[str, Any]:
    """The machine a figure was measured on."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import importlib.metadata

        llama = importlib.metadata.version("llama-cpp-python")
    except Exception:
        llama = None
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "llama_cpp_python": llama, "loadavg_at_start": [round(x, 2) for x in load] if load else None,
            "when": time.strftime("%Y-%m-%d %H:%M:%S")}


def write(name: str, data: dict[str, Any], markdown: str, started: dict[str, Any] | None = None,
          headline: Sequence[tuple[str, str]] = ()) -> Path:
    """Write ``<name>.json`` (data and machine) and ``<name>.md`` (a readable table); return the .md path.

    ``headline``: the few (what, figure) pairs the README shows for this run; the rest of the
    figures are on docs/performance.md.
    """
    RESULTS.mkdir(exist_ok=True)
    info = started or machine()
    script = Path(sys.argv[0]).name if sys.argv and sys.argv[0].endswith(".py") else None
    record = {"machine": info, "script": script,
              "headline": [{"what": what, "figure": figure} for what, figure in headline], **data}
    (RESULTS / f"{name}.json").write_text(json.dumps(record, indent=2) + "\n")
    head = (f"Measured {info['when']} on {info['cores']} cores ({info['cpu']}), Python {info['python']}, "
            f"llama-cpp-python {info['llama_cpp_python']}; load average at the start "
            f"{info['loadavg_at_start']}.\n\n")
    md = RESULTS / f"{name}.md"
    md.write_text(head + markdown.rstrip() + "\n")
    _summarise()
    return md


def _summarise() -> None:
    """Regenerate the README figures and docs/performance.md from every results file."""
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    import summary

    for path in summary.update():
        print(f"(updated {path.relative_to(summary.ROOT)})", file=sys.stderr)
