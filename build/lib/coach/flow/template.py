"""The one jinja2 environment: StrictUndefined, so a missing value fails loudly."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import meta

from coach.listening.playback import play_back, play_back_chain, swap_pronouns

# Values every template may use without a step setting them.
BUILTINS = {
    "mentee": "the mentee's name",
    "answer": "the answer just given",
    "last": "the key phrase of the last answer, played back in the second person",
    "previous": "the summary of the mentee's last finished session (empty if none)",
    "item": "with foreach: the current item (id, label, question, note)",
    "depth": "in a ladder: how many rungs so far",
    "summary": "the summary so far: goals, motivations, bedrock, passions, experiment",
    "rung": "in a ladder: the last rung (or the seed), played back",
    "db_path": "where the transcript is stored",
}


def _chain(values: list[str]) -> str:
    """'You want X, because Y, because Z' material: each rung's reason, repeats left out."""
    return play_back_chain(values)


def _listing(values: list[str]) -> str:
    items = [v for v in values if v]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


ENV = jinja2.Environment(
    undefined=jinja2.StrictUndefined,
    autoescape=False,
    keep_trailing_newline=False,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["reflect"] = play_back
ENV.filters["swap"] = swap_pronouns
ENV.filters["chain"] = _chain
ENV.filters["listing"] = _listing


@lru_cache(maxsize=1024)
def compile_template(source: str) -> jinja2.Template:
    """Compile once, reuse: rendering is on every turn."""
    return ENV.from_string(source)


def render(source: str, values: dict[str, Any]) -> str:
    """Render a flow template; whitespace folded so YAML block scalars read as one paragraph."""
    text = compile_template(source).render(**values)
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def variables(source: str) -> set[str]:
    """Names a template reads (for the validator)."""
    return meta.find_undeclared_variables(ENV.parse(source))
