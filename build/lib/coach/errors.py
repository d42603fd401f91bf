"""The one exception hierarchy. The CLI renders these as a single line."""

from __future__ import annotations

from dataclasses import dataclass


class CoachError(Exception):
    """Base for every error a user can act on."""

    exit_code = 1


class UsageError(CoachError):
    """The user asked for something that cannot be done as asked."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or dubious) in a file, with its position and a hint for the fix."""

    path: str
    line: int
    col: int
    level: str  # "error" | "warning"
    message: str
    hint: str = ""

    def render(self) -> str:
        """``file:line:col: level: message (hint)``, the format editors jump to."""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: {self.level}: {self.message}{hint}"


class FlowError(CoachError):
    """A flow file is malformed; carries every problem found, with positions."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.level == "error"] or problems
        super().__init__("\n".join(p.render() for p in errors))


class StoreError(CoachError):
    """The transcript database cannot be used."""


class NotFound(CoachError):
    """A session, share or file that was named does not exist."""


class ModelError(CoachError):
    """The language model cannot be found or loaded."""


class ConsentError(CoachError):
    """A share or review is not permitted by what the mentee consented to."""


class BundleError(CoachError):
    """A share bundle is unreadable, tampered, expired or not for this mentor."""
