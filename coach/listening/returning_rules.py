"""The named predicates about a returning mentee: what last time's summary holds, and what was said of it today."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from coach.listening.jobs import job_named
from coach.listening.lexicon import normalise
from coach.listening.playback import play_back
from coach.listening.returning import experiment_told, goal_dropped, had, had_drives, had_why

__all__ = ["RETURNING"]

# Last time's experiment not tried (yet): "didnt do it yet lol", "never got round to it", "not yet, too busy".
# ("you never asked how the shadowing went", round 80: the coach did not ask, the mentee did it)
_NOT_TRIED = re.compile(r"(?<!\byou )(?<!\bu )\b(?:didn'?t|didnt|did not|haven'?t|havent|have not|never|couldn'?t|"
                        r"couldnt|wasn'?t able to)"
                        r"\b[^.!?]{0,20}?\b(?:do|did|done|try|tried|get (?:round|around) to|got (?:round|around) to|"
                        r"manage|managed|start|started|get to|got to|ask|asked)\b|"
                        r"^(?:\W*(?:nope|no|nah)[,.]?\s+)?not yet\b|"
                        r"\b(?:no time|forgot(?: about it)?|too busy)\b")
# Last time's "experiment" was never one (rounds 44-46: a correction or a question had been kept as it): "that was not
# experiment, i was correcting you", "i never named an experiment called its lol".
_NOT_AN_EXPERIMENT = re.compile(
    r"\b(?:that|it|this) (?:was(?:n'?t| not)|wasnt|is(?:n'?t| not)|isnt) (?:an? |my |really an? )?experiment"
    r"|\bnot an experiment\b|\b(?:never|didn'?t|didnt|did not) (?:name|named|pick|picked|choose|chose|say|said|"
    r"give|gave) (?:an? |any |that as an? )?experiment"
    r"|\b(?:i was|that was me|it was me) (?:just )?(?:correcting|asking|complaining|fixing)\b")


# It went badly: "it went bad. prod down 40 min", "they said no", "i failed" (round 92 thanked them for it, and that
# was all)
_WENT_BADLY = re.compile(r"\b(?:went (?:bad|badly|wrong|terribly|horribly|awful|really badly|"
                         r"not (?:so |very |too )?well)|"
                         r"(?:didn'?t|didnt|did not) go (?:well|great|to plan|ok|okay|good)|(?:was|it'?s been) a "
                         r"(?:disaster|nightmare|car crash)|\bi failed\b|(?:they|he|she) said no\b|(?:got|was|been) "
                         r"(?:rejected|turned down)|(?:didn'?t|didnt|did not) get (?:it|the job|the role|in)\b|"
                         r"prod (?:went )?down)")


_TRIED = re.compile(r"\b(?:i did\b(?! not| nothing)|did it\b|"
                    r"(?<!i )did (?!not\b|nothing\b)[a-z]+\b|tried it|it went|went (?:well|ok|okay|great|badly|fine)|"
                    r"i (?:talked|spoke|asked|went|applied|signed up|emailed|messaged|shadowed|finished))\b")


def _job_before(values: dict[str, Any]) -> str:
    """Last time's job pick (its second goal), as the recap says it ("" if none can be said)."""
    goals = (values.get("previous") or {}).get("goals") or []
    return play_back(job_named(str(goals[1]))) if len(goals) > 1 else ""


# Each takes the rules' Context (coach.listening.rules, which merges these in: named loosely to keep no cycle).
RETURNING: dict[str, Callable[[Any], bool]] = {
    "returning": lambda c: bool(c.values.get("previous")),
    # Only what can be said back counts: a quote that would come out empty is never asked about.
    "had_experiment": lambda c: bool(play_back(str((c.values.get("previous") or {}).get("experiment") or ""))),
    "had_goal": lambda c: bool(play_back(str(((c.values.get("previous") or {}).get("goals") or [""])[0] or ""))),
    # The goals kept are the goal and then the job picked with every job open: a second one is that job.
    # as the question says it (previous.goals[1] | job | reflect): never 'you picked ""' (round 30)
    "had_job": lambda c: bool(_job_before(c.values)),
    "had_passions": lambda c: had(c.values, "passions"),
    "had_strengths": lambda c: had(c.values, "strengths"),
    "had_sweet_spot": lambda c: had(c.values, "sweet_spot"),
    "had_motivations": lambda c: had_drives(c.values, c.lex),
    "had_why": lambda c: had_why(c.values),
    "goal_dropped": lambda c: goal_dropped(c.values),
    "told_experiment": lambda c: bool(experiment_told(c.values)),
    # ... said with a plain yes at the recap, nothing said to have changed (round 93 asked how it went again)
    "told_experiment_only": lambda c: not c.changed and bool(experiment_told(c.values)),
    "not_an_experiment": lambda c: _NOT_AN_EXPERIMENT.search(normalise(c.reply or c.answer)) is not None,
    "not_tried": lambda c: not c.skipped and _NOT_TRIED.search(normalise(c.reply or c.answer)) is not None
    and _TRIED.search(normalise(c.reply or c.answer)) is None,
    "experiment_not_tried": lambda c: bool(experiment_told(c.values)) and _NOT_TRIED.search(
        normalise(c.reply or c.answer)) is not None and _TRIED.search(normalise(c.reply or c.answer)) is None,
    "went_badly": lambda c: not c.skipped and _WENT_BADLY.search(normalise(c.reply or c.answer)) is not None,
    "has_motivations": lambda c: bool(c.values.get("motivations")),
    "has_bedrock": lambda c: bool(c.values.get("bedrock")),
    # put right at last time's recap ("the lights me up part should be cooking and hiking"): kept, not asked again
    "has_passions": lambda c: bool(c.values.get("previous") and c.values.get("passions")),
    "has_strengths": lambda c: bool(c.values.get("previous") and c.values.get("strengths")),
    "has_sweet_spot": lambda c: bool(c.values.get("previous") and c.values.get("sweet_spot")),
}
