"""How a mentee names a part of a playback: by the line it sits on ("the heading bit", "underneath",
"where they meet", "the first part"), each a value the coach keeps ("goal", "bedrock", "sweet_spot")."""

from __future__ import annotations

import re

# How a part of the playback is named, by the value it shows. The names follow the summary's
# own lines ("Where you're heading", "Underneath it", "What lights you up", "Where those meet").
_SLOT_NAMES: dict[str, str] = {
    "goal": r"heading|where (?:i'?m|you'?re|i am|you are) (?:heading|going)|(?:my |the )?goal|"
            r"(?:the )?(?:first|top|1st) (?:part|bit|line|one|thing)",
    "want_job": r"(?:the )?job (?:i'?d|i would|you'?d|you would) (?:pick|want|take)|(?:the )?(?:lottery|every job) "
                r"(?:bit|part|one|job)|(?:the )?job (?:bit|part|line)|(?:the )?job i want|"
                r"(?:the )?job(?: you'?d pick(?: if every job were open)?)?",
    "bedrock": r"underneath(?: it| that| all (?:this|that|of it))?|what'?s underneath|(?:the )?bedrock|deep down|"
               r"(?:the )?under(?:neath)? (?:bit|part|line)|(?:the )?(?:(?:one|plain) )?sentence",
    "passions": r"(?:what )?lights?[ -](?:me|you)[ -]up|(?:the )?lights?[ -](?:(?:me|you)[ -])?up (?:bit|part|line)|"
                r"(?:my |the )?passions?|(?:the )?hobbies|(?:the )?(?:for hours|free day) (?:bit|part)|"
                r"what (?:i|you) (?:love|enjoy|'?m into|am into|are into)|(?:the )?love (?:bit|part|list|line)",
    "strengths": r"(?:what )?people come to (?:me|you) for|(?:the )?(?:come to (?:me|you) for|strengths?|good at) "
                 r"(?:bit|part|line)|what i'?m good at|(?:my |the )?strengths?|good at(?=\s*:|\s*$)",
    "sweet_spot": r"where (?:(?:they|those|it|these|things|the three|all three) )?(?:all )?(?:meet|overlap)s?|(?:the )?"
                  r"(?:overlap|sweet spot)(?: bit| part)?|(?:the )?(?:where they meet|meet) (?:bit|part)",
    "motivations": r"(?:what )?drives? (?:me|you)|(?:what )?motivates (?:me|you)|"
                   r"(?:the )?(?:drives?|drivers?|motivations?)(?: bit| part| line)?",
    # "drop the because stuff" (round 93 kept "because stuff matters to you")
    "why_chain": r"(?:the )?(?:reasons?|because|why) (?:bit|part|line|stuff|things?|chain)s?|"
                 r"(?:all )?(?:the )?becauses|"
                 r"(?:the )?reasons?|(?:the )?chain|"
                 r"(?:the )?(?:end|ending|last (?:part|bit|one|reason|because|line|thing)|"
                 r"final (?:part|bit|one|reason))",
}
_SLOT = {k: re.compile(rf"^['\"]?(?:the |that |this |my )?(?:{v})(?: (?:bit|part|line|one|thing))?['\"]?$", re.I)
         for k, v in _SLOT_NAMES.items()}
_ANY = "|".join(f"(?:{v})" for v in _SLOT_NAMES.values())
# A part named by its line, as a pattern to build on ("add X to <the lights me up bit>").
MENTION = rf"['\"]?(?:the |that |this |my )?['\"]?(?:{_ANY})['\"]?(?: (?:bit|part|line|one))?['\"]?"


def slot_of(mention: str) -> str:
    """The value a mention names ("the heading bit" -> "goal"), or ""."""
    text = " ".join(re.sub(r"(?:(?<=\s)|^)['\"]|['\"](?=\s|$)", "", mention.strip(" '\"")).split())  # the 'x' bit
    return next((k for k, p in _SLOT.items() if p.match(text)), "")


# Asked what goes in a part's place: "leave it", "nah it's fine", "no" alone keep it as it is.
_KEEP_AS_IS = re.compile(r"^(?:(?:actually|hmm+|um+|oh|ok(?:ay)?|no+|nah|nope|sorry)[,.!]?\s+)*(?:(?:leave|keep) it|"
                         r"it'?s fine|its fine|fine|all good|as it (?:is|was)|never ?mind|forget it|nothing|none|"
                         r"no+|nah|nope|same)\b(?:[\s,.!]+(?:as it (?:is|was)|then|thanks|thx|actually|it'?s fine|"
                         r"(?:it )?(?:was|is) fine|(?:it )?(?:was|is) ok))*[\s.!]*$", re.I)


def keeps_as_is(reply: str) -> bool:
    """Does ``reply`` leave a part as it was ("actually no, leave it as it is")?"""
    return _KEEP_AS_IS.match(" ".join(reply.split())) is not None
