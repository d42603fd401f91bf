"""Files coach ships with: the default flow, lexicon, schema and prompts.

They live in the top-level ``flows/`` and ``prompts/`` of the source tree and are mapped into
the wheel as ``coach/flows`` and ``coach/prompts`` (see pyproject.toml), so the same code finds
them in a checkout, an editable install and a plain ``pip install``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


@cache
def _data_dir(name: str) -> Path:
    # ``coach/flows`` has no __init__.py (it is data), so it is looked up as a folder of the
    # ``coach`` package: asking importlib.resources for "coach.flows" itself gives a namespace
    # package's MultiplexedPath, which is not a filesystem path.
    found = Path(str(resources.files("coach") / name))
    if found.is_dir():
        return found
    return _SOURCE_ROOT / name  # a source checkout (run in place or installed editable)


def flows_dir() -> Path:
    """The folder of the shipped flows (``flows/``)."""
    return _data_dir("flows")


def prompts_dir() -> Path:
    """The folder of the shipped prompt templates (``prompts/``)."""
    return _data_dir("prompts")


def default_flow() -> Path:
    """The default career-conversation flow."""
    return flows_dir() / "career.yaml"


def default_lexicon() -> Path:
    """The shipped lexicon every flow's own lexicon extends."""
    return flows_dir() / "lexicon.yaml"


def schema_path() -> Path:
    """The flow JSON Schema."""
    return flows_dir() / "schema.json"


def source_models_dir() -> Path | None:
    """``models/`` beside a source checkout (None when installed from a wheel)."""
    path = _SOURCE_ROOT / "models"
    return path if path.is_dir() else None
