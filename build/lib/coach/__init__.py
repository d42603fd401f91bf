"""coach: a local, rule-driven career-conversation coach."""

__version__ = "0.1.0"
