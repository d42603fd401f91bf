"""Files coach ships with: the default flow, lexicon, schema and prompts.

They live in the top-level ``flows/`` and ``prompts/`` of the source tree and are mapped into
the wheel as ``coach/flows`` and ``coach/prompts`` (see pyproject.toml), so the same code finds
them in a checkout, an editable install and a plain ``pip install``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE.parent


@cache
def _data_dir(name: str) -> Path:
    # An installed wheel has the data beside the code, as folders of the ``coach`` package (it is
    # always installed unzipped, so a path is all it takes; importlib.resources would import
    # zipfile into every start-up to say the same).
    found = _PACKAGE / name
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
