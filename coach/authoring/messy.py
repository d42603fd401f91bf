"""A messy mentee: replies the way people really type them, for fuzzing how the coach listens.

Hedges, corrections, fillers, apologies, questions back, advice requests, remarks about the
conversation, non-answers, two things at once, typos and lower case: the seeded generator
mixes them into plausible answers for whatever the current step asks.
"""

from __future__ import annotations

import random

FILLERS = ("honestly", "um", "tbh", "i guess", "like", "to be honest", "well", "ugh", "lol", "hmm")
HEDGES = ("kind of", "maybe", "sort of", "partly", "a little", "not sure", "i guess so", "yes and no", "somewhat")
YES = ("yes", "yeah", "yep", "ye", "sure", "ok", "yup", "sounds good", "yes please", "go on then")
NO = ("no", "nope", "not really", "no thanks", "nah", "not at all")
NON_ANSWERS = ("idk", "dunno", "no idea", "pass", "nothing", "hmm", "lol", "whatever", "asdfgh", "...", "")
QUESTIONS = (
    "can my manager see this?", "who reads this?", "is this saved somewhere?",
    "why are you asking?", "what's the point of this question?", "what do you mean?",
    "do you mean at this company?", "is that a bad answer?", "is that normal?", "are you an AI?",
)
ADVICE = ("so should I take it?", "what would you do?", "just tell me what to pick", "which is better for me?")
META = ("you asked me this already", "i already answered that", "this feels repetitive")
APOLOGIES = ("sorry, that's a lot", "sorry if that's vague", "this sounds shallow but")
CORRECTIONS = ("no, that's not quite it, it's more about {x}", "not exactly, more like {x}",
               "actually scratch that, {x}", "well no, it's really {x}")
CONTENT = {
    "goal": ("lead a small product team", "be a staff engineer", "run my own design studio",
             "move into research", "be the person people come to for data questions", "teach part time"),
    "job": ("my manager's job, she decides the roadmap", "the head of design, for the craft",
            "our CTO, because he sets direction", "the researcher down the hall, she gets to explore"),
    "reason": ("because i want my work to matter", "because i like helping people grow",
               "i want more say in what we build", "being trusted with hard problems",
               "because i hate wasted effort", "it means i keep learning", "the money would help my family",
               "my boss says i never finish things and i want to prove her wrong"),
    "passion": ("old synths and how they work", "cooking for friends", "climbing", "reading about history",
                "building furniture, i lose track of time", "football with my kids"),
    "strength": ("explaining tricky things simply", "untangling messy problems", "calming people down",
                 "spotting bugs nobody else sees"),
    "experiment": ("run the next planning meeting myself", "ask to shadow the head of design for a day",
                   "write one blog post about what i learned"),
}
_TOPIC = {"goal": "goal", "lottery": "job", "why": "reason", "passion": "passion", "sweet": "strength",
          "strength": "strength", "experiment": "experiment", "day": "reason", "elsewhere": "reason"}


def _typo(text: str, rng: random.Random) -> str:
    """Swap two letters of one longer word, as fast typists do."""
    words = text.split(" ")
    long_ = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    if not long_:
        return text
    i = rng.choice(long_)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


class MessyMentee:
    """Seeded messy replies for a step: mostly real answers, wrapped in the ways people talk."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def content(self, step: str) -> str:
        """A real answer for a step, picked by what the step is about."""
        key = next((v for k, v in _TOPIC.items() if k in step), "reason")
        return self.rng.choice(CONTENT[key])

    def answer(self, step: str, expect: str) -> str:
        """The next thing typed at ``step``."""
        r = self.rng
        kind = r.choices(
            ["plain", "filler", "hedge", "question", "advice", "meta", "non_answer", "correction", "two", "apology"],
            weights=[30, 14, 10, 8, 5, 3, 8, 6, 10, 6],
        )[0]
        base = (r.choice(YES) if r.random() < 0.7 else r.choice(NO)) if expect == "yes_no" else self.content(step)
        if kind == "filler":
            text = f"{r.choice(FILLERS)}, {base}"
        elif kind == "hedge":
            text = r.choice(HEDGES) + (f", {self.content(step)}" if r.random() < 0.5 else "")
        elif kind == "question":
            text = r.choice(QUESTIONS) if r.random() < 0.5 else f"{base}. {r.choice(QUESTIONS)}"
        elif kind == "advice":
            text = f"{self.content(step)}. {r.choice(ADVICE)}" if r.random() < 0.5 else r.choice(ADVICE)
        elif kind == "meta":
            text = r.choice(META)
        elif kind == "non_answer":
            text = r.choice(NON_ANSWERS)
        elif kind == "correction":
            text = r.choice(CORRECTIONS).format(x=self.content(step).removeprefix("because "))
        elif kind == "two":
            text = f"{base}, and also {self.content(step)}"
        elif kind == "apology":
            text = f"{base}. {r.choice(APOLOGIES)}"
        else:
            text = base
        if r.random() < 0.15:
            text = _typo(text, r)
        return text if r.random() < 0.6 else text.capitalize()
