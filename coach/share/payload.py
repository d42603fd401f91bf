"""What a bundle's payload may hold, checked after its signature: a signed bundle is not a trusted one.

A mentee signs whatever they like; a crafted bundle can carry markup as a session id or escape
sequences as a withheld-turn number. Every field gets its type and shape checked here, and the
renderers still escape everything (this only makes nonsense a clear refusal).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jsonschema

from coach.errors import BundleError

_STAMP = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$"}
_TEXT = {"type": "string", "maxLength": 1_000_000}
_NAME = {"type": "string", "minLength": 1, "maxLength": 200}
_TEXTS = {"type": "array", "items": _TEXT, "maxItems": 10_000}
_TURN = {
    "type": "object",
    "additionalProperties": False,
    "required": ["n", "role", "phase", "text"],
    "properties": {
        "n": {"type": "integer", "minimum": 1},
        "role": {"enum": ["coach", "mentee"]},
        "phase": {"type": "string", "pattern": r"^[a-z][a-z0-9_]{0,39}$"},
        "text": _TEXT,
    },
}
_WITHHELD = {
    "type": "object",
    "additionalProperties": False,
    "required": ["withheld"],
    "properties": {"withheld": {"type": "array", "minItems": 1, "items": {"type": "integer", "minimum": 1}}},
}
_SESSION = {
    "type": "object",
    "required": ["id", "flow", "flow_version", "status", "started_at", "ended_at", "summary", "summary_withheld"],
    "properties": {
        "id": {"type": "integer", "minimum": 1},
        "flow": _NAME,
        "flow_version": {"type": "integer"},
        "status": {"enum": ["active", "paused", "completed", "stopped"]},
        "started_at": _STAMP,
        "ended_at": {"anyOf": [_STAMP, {"type": "null"}]},
        "summary": {
            "type": "object",
            "properties": {
                "goals": _TEXTS,
                "motivations": _TEXTS,
                "bedrock": _TEXTS,
                "passions": _TEXTS,
                "experiment": {"anyOf": [_TEXT, {"type": "null"}]},
            },
            "additionalProperties": {"anyOf": [_TEXTS, _TEXT, {"type": "null"}]},
        },
        "summary_withheld": {"type": "integer", "minimum": 0},
        "turns": {"type": "array", "items": {"anyOf": [_TURN, _WITHHELD]}},
    },
}
SCHEMA = {
    "type": "object",
    "required": ["share", "created_at", "expires_at", "from", "to", "scope", "sessions"],
    "properties": {
        "share": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
        "created_at": _STAMP,
        "expires_at": _STAMP,
        "from": {"type": "object", "required": ["name"], "properties": {"name": _NAME}},
        "to": {"type": "object", "required": ["name"], "properties": {"name": _NAME}},
        "scope": {"enum": ["summary", "full"]},
        "sessions": {"type": "array", "minItems": 1, "maxItems": 10_000, "items": _SESSION},
    },
}


@cache
def _validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(SCHEMA)
    return cls(SCHEMA)


def check_payload(payload: Any, label: str) -> None:
    """BundleError (one line, naming the field but never quoting its value) unless well formed."""
    error = next(iter(_validator().iter_errors(payload)), None)
    if error is None:
        return
    where = "/".join(str(p) for p in error.absolute_path) or "the payload"
    raise BundleError(f"{label}: not a well-formed coach bundle ({where} is not what coach writes); not opened")
