"""Which of last time's options a reply keeps.

Last time's goal was "training new starters, or health and safety"; asked if it is still where they are heading,
the mentee says "training, not h&s", "training yes, health and safety no" or "just the training" (round 81 asked
"is that a yes or a no?", then the whole goal afresh). Each names one option by a word only it has (or its
initials), and says no to the other or picks the one: the goal is now that option, in last time's words.
"""

from __future__ import annotations

import re

from coach.conversation.placing import options_of
from coach.listening.lexicon import normalise
from coach.listening.text import words

__all__ = ["option_kept"]

_SMALL = frozenset({"and", "the", "for", "with", "into", "from", "more", "maybe", "some", "something", "like", "just",
                    "stay", "being", "doing", "become", "work", "job", "role", "still", "perhaps", "probably"})
# Said right before an option it turns down: "not h&s", "no more nights", "never the office"
_NO_BEFORE = re.compile(r"\b(?:not|no|never|nor|no more|not the|not any more)\s+(?:the\s+|a\s+|an\s+)?$")
# Said right after it: "health and safety no", "h&s is out", "management's dead"
_NO_AFTER = re.compile(r"^\W*(?:no|nope|nah|not really|not any ?more|(?:is |'s |s )?(?:dead|out|gone|off|done|over))\b")
# The reply picks one: "just the training", "mostly training", "training only"
_PICKS = re.compile(r"\b(?:just|only|mostly|more|definitely|def|deffo)\b")


def _naming(option: str, others: list[str]) -> re.Pattern[str] | None:
    """The words that name ``option`` and no other option, and its initials ("health and safety": "h&s")."""
    theirs = {w for o in others for w in words(normalise(o))}
    mine = words(normalise(option))
    own = [w for w in mine if len(w) > 3 and w not in _SMALL and w not in theirs]
    big = [w for w in mine if w not in ("and", "of", "the", "&")]
    initials = [r"\s*(?:&|and|n|\+)\s*".join(w[0] for w in big)] if 2 <= len(big) <= 3 else []
    whole = r"\s+".join(map(re.escape, mine))  # "health and safety no": all of it first
    said = [whole, *map(re.escape, own), *initials]
    return re.compile(r"\b(?:" + "|".join(said) + r")\b") if own or initials else None


def option_kept(old: str, reply: str) -> str:
    """The one option of ``old`` the reply keeps, in last time's words ("" if it keeps none, or not just one)."""
    options = [o.strip(" ,.;") for o in options_of(old) if o.strip(" ,.;")]
    if len(options) < 2:
        return ""
    low = normalise(reply)
    kept: list[str] = []
    turned_down: list[str] = []
    for option in options:
        naming = _naming(option, [o for o in options if o is not option])
        found = naming.search(low) if naming else None
        if found is None:
            continue
        no = _NO_BEFORE.search(low[max(0, found.start() - 16):found.start()]) or _NO_AFTER.match(low[found.end():])
        (turned_down if no else kept).append(option)
    if len(kept) == 1 and (turned_down or len(words(low)) <= 6 or _PICKS.search(low)):
        return kept[0]
    if turned_down and not kept and len(turned_down) < len(options):  # "health and safety no"
        return ", or ".join(o for o in options if o not in turned_down)
    return ""
