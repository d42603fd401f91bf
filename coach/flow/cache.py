"""Validated flows kept on disk, so start-up does not parse and check the same YAML every time.

Parsing the flow and its lexicons with line numbers, then validating them, takes most of a
second on a small machine; the result only changes when a file does. An entry holds the flow as
plain data, its steps' line numbers and the merged lexicon, keyed on the size and modification
time of every YAML file beside the flow and of coach's own flows; any change is a miss, and the
flow is loaded and validated again. Entries are data (JSON), never code.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from coach import __version__
from coach.home import home
from coach.resources import flows_dir

MAX_FILES = 200


def _stamp(flow_path: Path) -> list[list[Any]]:
    """(path, size, mtime) of every YAML file the flow could read: beside it and the shipped ones."""
    found: set[Path] = set()
    for root in {flow_path.resolve().parent, flows_dir().resolve()}:
        for pattern in ("*.yaml", "*/*.yaml", "*.yml", "*/*.yml", "*.json"):
            found.update(p.resolve() for p in root.glob(pattern))
            if len(found) > MAX_FILES:
                return []  # a folder this full is not worth caching
    out: list[list[Any]] = []
    for p in sorted(found):
        with contextlib.suppress(OSError):
            st = p.stat()
            out.append([str(p), st.st_size, st.st_mtime_ns])
    return out


def _entry(flow_path: Path) -> Path:
    name = hashlib.sha256(str(flow_path.resolve()).encode()).hexdigest()[:32]
    return home() / "cache" / "flows" / f"{name}.json"


def get(flow_path: Path) -> dict[str, Any] | None:
    """The cached flow data if nothing it was made from has changed, else None."""
    try:
        data = json.loads(_entry(flow_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    stamp = _stamp(flow_path)
    if not stamp or not isinstance(data, dict) or data.get("key") != [__version__, stamp]:
        return None
    return data


def put(flow_path: Path, doc: Any, lines: dict[str, int], lexicon: dict[str, Any]) -> None:
    """Keep a validated flow (plain data) for the next start; failures only cost time."""
    stamp = _stamp(flow_path)
    if not stamp:
        return
    entry = _entry(flow_path)
    with contextlib.suppress(OSError, TypeError, ValueError):
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = entry.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"key": [__version__, stamp], "doc": doc, "lines": lines, "lexicon": lexicon}, f)
        tmp.replace(entry)
