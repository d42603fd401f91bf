"""Where benchmarks write their figures: benchmarks/results/<name>.json and <name>.md.

Each file records the machine it was measured on (CPU, cores, load average at the start), so a
figure in the README can always be traced to a run.
"""

from __future__ import annotations

import json
import os
import platform
import time
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


def write(name: str, data: dict[str, Any], markdown: str, started: dict[str, Any] | None = None) -> Path:
    """Write ``<name>.json`` (data and machine) and ``<name>.md`` (a readable table); return the .md path."""
    RESULTS.mkdir(exist_ok=True)
    info = started or machine()
    (RESULTS / f"{name}.json").write_text(json.dumps({"machine": info, **data}, indent=2) + "\n")
    head = (f"Measured {info['when']} on {info['cores']} cores ({info['cpu']}), Python {info['python']}, "
            f"llama-cpp-python {info['llama_cpp_python']}; load average at the start "
            f"{info['loadavg_at_start']}.\n\n")
    md = RESULTS / f"{name}.md"
    md.write_text(head + markdown.rstrip() + "\n")
    return md
