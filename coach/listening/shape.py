"""A piece of reply phrased as a question: opened like one, or ending on a question tag."""

from __future__ import annotations

import re

# "my company can't see this, right?", "strange, no?": a statement asking to be confirmed.
TAG = re.compile(r"\w[\s,]+(?:right|no|correct|true|isn't it|is it|don't you think|or not|eh|huh)\?+$")
# How a question to the coach opens ("is it ...", "which part ...", "what's ...").
QUESTION_START = re.compile(
    r"^(?:(?:so|but|and|or|also|wait|ok|okay|oh|btw|sorry|then|hang on|before i answer|anyway|erm|hmm|um)[, ]+)*"
    r"(?:(?:is|are|am|do|does|did|can|could|will|would|should|shud|shld|shall|was|were|have|has|isn't|aren't|doesn't|"
    r"don't|won't|wouldn't|shouldn't|can't|may|might|must)\s+(?:i|you|u|it|this|that|my|we|there|they|he|she|"
    r"anyone|anybody|someone|somebody|the|these|those|all|being|everyone|most (?:of|people)|people|two|three|mine|"
    r"our|a|an)\b"
    r"|which\s+(?:one|part|bit|of|way|job|role|team|company|organi[sz]ation|experiment|place|would|should"
    r"|is (?:better|best))\b"
    r"|(?:what|why|how|where|when|whose|whom|whre|wat)(?:'s|s)?\s+(?:is|are|r|was|were|do|does|did|can|could|will|"
    r"would|should|has|have|had|am|much|many|long|often|about|else|exactly|kind|sort|part|one|bit|if|the|this|that|"
    r"these|those|you|your|it|job|way|happens|counts|now|then)\b|what's|whats"
    # "who can see this", "who decides these questions", not "radio. routes. who goes where" (a duty).
    r"|who\s+(?:is|are|was|were|can|could|will|would|should|do|does|did|has|have|else|decides|decided|sees|reads|"
    r"made|wrote|gets|knows|cares|asked|said|picks|chose)\b"
    r"|(?:what|why|how|where|when|which|who|whose)\W*$)"
)


# A long statement ending on a rising "?" or a tag ("... teachers finish at 4 right?") is said, not asked.
_LONG = 20


def question_shaped(low: str) -> bool:
    """Ends on a "?" or is phrased as a question."""
    return (low.rstrip().endswith("?") and len(low.split()) <= _LONG) or opened(low)


def opened(low: str) -> bool:
    """Phrased as a question: opened like one ("does this get sent anywhere") or ending on a tag
    ("my company can't see this, right?"); "did it!" is an exclamation."""
    if TAG.search(low) and len(low.split()) <= _LONG:
        return True
    if "?" not in low and (_DO_SOMETHING.match(low) or _WHEN_CLAUSE.match(low) or _SAID_SO.match(low)
                           or _DID_IT.match(low)):
        return False  # "do a two-week project on grid data", "when you see a kid finally get it": said, not asked
    if _AUX_ASKED.match(low.strip()) and low.rstrip().endswith("?"):
        return True  # "u didnt answer, does normal hours count?" (round 89): any subject, asked
    return QUESTION_START.match(low) is not None and not low.rstrip().endswith("!")


_AUX_ASKED = re.compile(r"(?:does|do|did|is|are|can|could|will|would|should)\s+[\w']+(?:\s+[\w']+){0,4}\?")


# Said, not asked, though it opens like a question (round 29, said with no "?"): "(underneath that) is that I have
# given a great deal", "What is behind it is wanting to be appreciated".
_SAID_SO = re.compile(r"(?:(?:so|and|but|well)[, ]+)*(?:(?:is|was) that (?:i|i'?ve|i'?m|we|my|one)\b"
                      # "is the most important" (round 41, a second-language mentee): said of what came before
                      r"|(?:is|are) (?:the |very |so |really )?(?:most |more |the most |very )?(?:important|everything|"
                      r"the main (?:thing|one)|the priority|number one)(?: (?:for|to) (?:me|us|my family))?\W*$"
                      r"|what(?:'s| is| was) (?:behind|underneath|under|beneath|driving|really driving) "
                      r"(?:it|that|this|all(?: of)? (?:it|that|this)) (?:is|was) \w)")
# "did it, loved it" at "how did the experiment go?" (round 39 persona): news, not a question
# ... and "did the shadowing thing btw" (round 93 answered it as a question about the coach)
_DID_IT = re.compile(r"(?:(?:yeah|yes|yep|so|ok|well|also|oh|and)[,.]? )*did (?:it|that|this|them|one|both|the \w+"
                     r"(?: (?:thing|bit|day|one|stuff|idea|plan|call|chat|email|coffee|course|visit|session))?)"
                     r"(?:\s*[,.;!]|\s*$|\s+(?:and|last|yesterday|already|twice|tbh|lol|btw|finally|in the end)\b)")
# "have a coffee with jess and ask X" (round 72 took it for a question): said, not asked
_DO_SOMETHING = re.compile(r"(?:(?:maybe|probably|i could|i'd|i would|i might|i will|i'll|and|or|then|just)\s+)*"
                           r"(?:do (?:a|an|the|some|my|one|more|two|three)|(?:have|grab) (?:a|an|another|one))\b")


# "when you see a kid finally get it", "where you make things easier": a moment described, with "you" as anyone
# ("when you say lottery" still asks what a word means).
_WHEN_CLAUSE = re.compile(r"(?:when|whenever|where|once)\s+(?:you|u|i|we|the|it|they|people|someone|your|my|a|kids?)\s+"
                          r"(?!(?:say|said|mean|meant|ask|asked|talk about|talking about|want me|need me)\b)")


# "X or Y?" weighing two options of their own, not asking which way a question is meant.
_DILEMMA = re.compile(r"^(?!(?:which|whose|what|who|where|when|how|do|does|is|are|can|should|would|like)\b)"
                      r"[\w' -]{1,30} or [\w' -]{1,30}\?*$")
_SCOPE = re.compile(r"\b(?:company|work|job|jobs|outside|inside|here|there|anywhere|anyone|anybody|team|current|now|"
                    r"later|personal|professional|life|years?|general|mean|meant|both|either|this|that|it)\b")
_DENIED_THING = re.compile(r"not (?:my|the|a|an|his|her|their|our|your)\b")


def own_dilemma(low: str) -> bool:
    """"Management or IC?": two options of their own weighed, not a question about the question."""
    return _DILEMMA.match(low) is not None and _SCOPE.search(low) is None


def denies_thing(text: str) -> bool:
    """"Not my question about which organisation.": a thing denied, not asked."""
    return _DENIED_THING.match(text) is not None
