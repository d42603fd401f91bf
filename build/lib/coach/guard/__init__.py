"""The no-advice guard: rules, no model, deciding whether a reworded question may be shown."""

from coach.guard.check import Verdict, check

__all__ = ["Verdict", "check"]
