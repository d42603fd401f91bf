"""Text from data (answers, names, bundles, flow files) made safe to print on a terminal.

Whatever a mentee typed, a bundle carried or a flow file holds may contain escape sequences
(an OSC sequence retitles the terminal, a CSI one rewrites the screen) or bidi overrides that
make text read differently from what it is. Everything coach prints from data goes through here.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 controls but tab and newline, DEL, C1 controls (0x9b is an 8-bit CSI), bidi embeddings,
# overrides and isolates, and the invisible marks that steer them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_IN_JSON = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: Any, replacement: str = "\ufffd") -> str:
    """``text`` with every control character and bidi override replaced (newlines and tabs kept)."""
    return _CONTROL.sub(replacement, "" if text is None else str(text))


def one_line(text: Any) -> str:
    """``text`` printable and on one line (for table cells and one-line messages)."""
    return " ".join(printable(text).split())


def json_text(value: Any, indent: int | None = 2) -> str:
    """JSON for a terminal: readable Unicode, but controls and bidi overrides as \\u escapes."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    # json already escapes C0 controls; C1 and bidi characters it leaves raw.
    return _CONTROL_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
