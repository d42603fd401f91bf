"""What a reply does, as read: its dialogue acts (value objects; coach.listening.acts reads them)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# "... but go on", "nervous but ok": a yes said last, after a doubt.
# ... "sorry im not really sure what to expect tbh but yeah lets try" (round 97 asked what would help them decide)
_BUT_YES = re.compile(r"(?i)\bbut (?:(?:ok|okay|sure|fine|yes|yeah|yep|alright)[,.!]? )?(?:ok|okay|go on|go ahead|"
                      r"sure|fine|yes|yeah|let'?s go|let'?s do it|lets? (?:try|give it a (?:go|try|shot)|start)|"
                      r"alright|why not)"
                      r"(?: then)?\W*$")

KINDS = (
    "yes", "no", "hedge", "correction", "question", "advice_request", "meta", "non_answer", "distress",
    "content", "feeling",
)


@dataclass(frozen=True)
class Act:
    """One thing a reply does; ``text`` is the part of the reply it was read from."""

    kind: str
    text: str
    topic: str | None = None
    content: str | None = None
    rule: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The act as JSON-ready data (empty fields left out)."""
        out: dict[str, Any] = {"kind": self.kind, "text": self.text}
        for key in ("topic", "content", "rule"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out


@dataclass(frozen=True)
class Reading:
    """Every act found in one reply, in the order they were said."""

    reply: str
    acts: tuple[Act, ...] = ()
    # What asides were dropped as fillers said ("apology" for "sorry, that got personal"): no act, but
    # the coach may answer it kindly.
    asides: tuple[str, ...] = ()

    @property
    def kinds(self) -> list[str]:
        """The kinds of act found, in order, each once."""
        return list(dict.fromkeys(a.kind for a in self.acts))

    def has(self, kind: str) -> bool:
        """Does the reply do ``kind``?"""
        return any(a.kind == kind for a in self.acts)

    def has_rule(self, rule: str) -> bool:
        """Was some part of the reply read by the lexicon rule ``rule`` ("correction.misheard")?"""
        return any(a.rule == rule for a in self.acts)

    def first(self, kind: str) -> Act | None:
        """The first act of ``kind``, if any."""
        return next((a for a in self.acts if a.kind == kind), None)

    def topic(self, kind: str) -> str | None:
        """The topic of the first act of ``kind`` (a question's, a feeling's, distress's)."""
        act = self.first(kind)
        return act.topic if act else None

    @property
    def content(self) -> str:
        """What the mentee said, trimmed to its content ("" if nothing was)."""
        return " ".join(sentence(p) for p in self.pieces).strip()

    @property
    def pieces(self) -> list[str]:
        """The content acts' words, in order; two said as one thought with a hedge between them ("part time
        i think? and a bit of tutoring", round 56 kept only "part time") are one piece."""
        out: list[str] = []
        at, low = 0, self.reply.lower()
        for i, act in enumerate(self.acts):
            if act.kind != "content":
                continue
            text = (act.content or act.text).strip()
            start = low.find(act.text.lower(), at)
            before = self.acts[i - 1] if i else None
            # "but not sure theyll ever make it a proper job" (round 81 kept "theyll ever make it a proper job"):
            # a hedge on the yes, and a doubt the thought keeps
            if before is not None and before.rule in ("open.hedge_doubt", "open.doubt_clause"):
                text = f"{before.text} {text}"
            joined = _GOES_ON.search(self.reply[at:start]) if out and text and start > at else None
            if joined:
                out[-1] = f"{out[-1].rstrip('.!?;, ')}, {joined['c'].lower()} {text}"
            elif text:
                out.append(text)
            at = start + len(act.text) if start >= 0 else at
        return out

    @property
    def correction(self) -> str | None:
        """The corrected thought of a correction ("it's more about X" -> X), if one was given."""
        found = [a.content for a in self.acts if a.kind == "correction" and a.content]
        return " ".join(sentence(f) for f in found) if found else None

    @property
    def confirm(self) -> bool | None:
        """True for a clear yes, False for a clear no, None for anything less clear."""
        if self.has("distress"):
            return None
        if self.has("yes") and not (self.has("no") or self.has("hedge") or self.has("correction")):
            return True
        if _BUT_YES.search(self.reply) and not (self.has("no") or self.has("question") or self.has("correction")):
            return True  # "i guess. a bit suspicious but go on" (round 45): the doubt said, then the yes
        # "no no the admin thing isnt what people come to me for, take that out. ... and yes carry on" (round 88
        # stopped the talk and lost it all): the go-ahead said last decides it
        last = next((a for a in reversed(self.acts) if a.kind in ("yes", "no")), None)
        if last is not None and last.kind == "yes" and _GO_AHEAD.search(self.reply) and not (
                self.has("hedge") or self.has("correction")):  # "no thats wrong, its X. yes go on": not a plain yes
            return True
        # A no that opens the reply decides it ("not really, yes it was fun"); a hedge never does.
        opening = next((a.kind for a in self.acts if a.kind in ("yes", "no")), None)
        if self.has("no") and opening == "no" and not self.has("hedge"):
            return False
        # "yeah. actually no not really" (round 45): the yes taken back by a later "actually no"
        taken_back = any(a.kind == "no" and re.match(r"(?i)(?:actually|wait|hmm+|no wait|on second thoughts?)\b",
                                                     a.text) for a in self.acts)
        return False if opening == "yes" and taken_back and not self.has("hedge") else None

    def as_dict(self) -> dict[str, Any]:
        """The reading as JSON-ready data."""
        return {"acts": [a.as_dict() for a in self.acts], "kinds": self.kinds, "content": self.content,
                "confirm": self.confirm}


_GO_AHEAD = re.compile(r"(?i)(?:^|[.!?,;]\s*)(?:and |but |so |ok )?(?:yes|yeah|yep|ya|ok|okay|sure)[,!.]?\s+"
                       r"(?:pls |please |lets |let'?s )?(?:carry on|go on|continue|keep going|go ahead|go|do it|start|"
                       r"begin|crack on)(?:\s+(?:pls|please|then|now))?\W*$")


# Between two pieces of content: a hedge asked as a question, then the thought going on with "and"/"or".
_GOES_ON = re.compile(r"(?i)\?\s*(?P<c>and|plus)\s+$")


def sentence(text: str) -> str:
    """A piece of content ready to stand beside another: it ends like a sentence."""
    return text if not text or text[-1] in ".!?" else text + "."


