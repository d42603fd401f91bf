"""Where a flow's files may be: a lexicon only inside the flow's own folder or coach's flows."""

from __future__ import annotations

from pathlib import Path


def lexicon_path(flow_path: Path, name: str) -> Path:
    """Where a flow's ``lexicon:`` points; ValueError unless inside the flow's folder or coach's flows."""
    from coach.resources import flows_dir

    target = (flow_path.parent / name).resolve()
    folders = (flow_path.parent.resolve(), flows_dir().resolve())
    if not any(target.is_relative_to(folder) for folder in folders):
        raise ValueError(f"lexicon '{name}' is outside the flow's folder ({folders[0]})")
    return target
