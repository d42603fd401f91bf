"""Where a long phrase may be cut so that what is said back is still a whole phrase."""

from __future__ import annotations

import re

# A long phrase may be cut before one of these words, never after it ("a tech lead on a,").
BREAK_BEFORE = {
    "with", "because", "and", "but", "so", "when", "where", "which", "who", "while", "whereas", "although",
    "though", "if", "unless", "until", "since", "for", "in", "at", "on", "from", "by", "than", "like", "as",
    "or", "then", "after", "before", "to", "without",
}
NO_END = {
    "rather",
    "a", "an", "the", "my", "your", "our", "their", "his", "her", "its", "to", "of", "on", "in", "at", "for", "with",
    "and", "or", "but", "so", "because", "is", "are", "was", "were", "be", "been", "am", "i", "you", "we", "they",
    "that", "this", "these", "those", "very", "really", "more", "most", "some", "any", "by", "from", "as", "than",
    "not", "no", "if", "when", "which", "who", "it's", "i'm", "i'd", "i've", "would", "could", "should", "will",
    "can", "do", "does", "did", "have", "has", "had", "into", "onto", "about", "like", "just", "also", "then",
    # Verbs that need what follows ("and i want," cut before "to show them"):
    "want", "wants", "wanted", "need", "needs", "needed", "going", "try", "trying", "tried", "hope", "hoping",
    "love", "able", "get", "got", "used", "supposed", "learn", "learning", "plan", "planning",
    "go", "goes", "stay", "join", "become", "start", "make", "take", "keep", "put", "move", "either",
}


# Words whose preposition carries the point ("good at", "proud of", "interested in", "close to").
_WANTS_PREPOSITION = {
    "good", "bad", "better", "best", "great", "brilliant", "rubbish", "skilled", "interested", "proud", "keen",
    "involved", "responsible", "capable", "close", "tired", "sick", "afraid", "scared", "aware", "fond", "ready",
    "excited", "passionate", "nervous", "worried", "curious", "known", "useful", "stuck", "hooked", "into",
}
_PREPOSITIONS = {"at", "in", "for", "on", "with", "to", "from", "by", "like", "as", "about"}
_NOUN_TOO = {"plan", "love", "need", "start", "move", "hope", "try"}  # nouns too, after "the", "a", "new"


def cut(words: list[str], max_words: int) -> list[str]:
    """At most ``max_words`` words, ending where a phrase may end (none if nowhere fits)."""
    for end in range(min(max_words, len(words) - 1), 1, -1):
        nxt = words[end].lower().strip(",;:")
        last = words[end - 1].lower().rstrip(",;:.!?")
        if last in ("still", "even", "yet", "also") and words[end - 2].lower() in ("but", "and", "or", "so", "yet"):
            continue  # "on tuesdays but still | on shift" (round 81 said "but still;"): the turn says nothing yet
        if nxt in ("not", "rather", "instead") and last not in NO_END | _NOT_BEFORE_CONTRAST:
            return words[:end]  # "look after people | not to fill in forms and ...": the contrast goes
        # "the new shift plan | for the warehouse": a noun "plan" ends a phrase; "i plan | to" does not (round 85)
        noun = last in _NOUN_TOO and words[end - 2].lower() not in ("i", "we", "you", "they", "to", "and", "will")
        if nxt in BREAK_BEFORE and (last not in NO_END or noun):
            if nxt in _PREPOSITIONS and last in _WANTS_PREPOSITION:
                continue  # "to be good | at something that is not a fight": good at what, is the point
            head = " ".join(words[:end])
            if nxt in _RELATIVE and _VAGUE_HEAD.search(head):
                return []  # "to be the one | who fixes the network": the one is nothing without who
            if nxt not in _CONJUNCTION and _IN_RELATIVE.search(head):
                continue  # "the kind of person who people come | to": a preposition may belong to the verb
            if nxt not in _CONJUNCTION and re.search(r"(?i)\bnot to \S+$", head):
                continue  # "look after people not to fill | in forms": the verb wants what follows
            return words[:end]
    return []


# A head that says nothing without the clause after it: "the one who ...", "someone that ...".
_RELATIVE = {"who", "that", "which", "where", "when"}
_VAGUE_HEAD = re.compile(r"(?i)\b(?:the one|someone|somebody|the person|the guy|the girl|the kind|the type|the sort|"
                         r"one of those|a person|the people|the ones|the place|the thing|a job|a role|a place|"
                         r"a team|a company|something|somewhere|a way|(?:kind|type|sort) of (?:job|role|work)|"
                         r"(?:kind|type|sort) of (?:person|people|guy|one|place))$")
_IN_RELATIVE = re.compile(r"(?i)\b(?:the one|someone|somebody|person|guy|girl|kind|type|sort|people|ones|place|thing)"
                          r" (?:who|that|which|where)\b")
_CONJUNCTION = {"because", "and", "but", "so", "when", "while", "whereas", "although", "though", "if", "unless",
                "until", "since", "or", "then"}
# A contrast at the end of a long phrase: "the one who fixes the network not the printers".
# "to look after people not to fill in forms" too: a contrast after a whole phrase (not after "is", "i'm" ...).
_CONTRAST_TAIL = re.compile(
    r"(?i)(?P<before>[\w']+),?\s+(?:not|rather than|instead of)\s+(?:(?:the|a|an|my|those|just|some|to)\s+)?"
    r"[\w'-]+(?:\s+[\w'-]+){0,3}$")
_NOT_BEFORE_CONTRAST = {"am", "is", "are", "was", "were", "be", "been", "do", "does", "did", "i'm", "im", "it's", "its",
                        "i", "you", "we", "they", "he", "she", "it", "can", "could", "would", "should", "will", "may",
                        "might", "must", "really", "just", "still", "and", "or", "but", "why", "if", "that", "whether"}


def without_contrast(text: str) -> str:
    """The phrase before a contrast at its end ("" if there is none, or it is not a whole phrase)."""
    m = _CONTRAST_TAIL.search(text)
    if m is None or m.group("before").lower() in _NOT_BEFORE_CONTRAST:
        return ""
    return text[: m.end("before")]


# A terse fragment: a few words, none of them a person ("cryptic crosswords", not "my kids think im mad").
_FRAGMENT = re.compile(r"(?i)^(?!\d+$)(?:(?:my|our) )?(?!.*\b(?:i|i'?m|im|my|me|you|your|we|he|she|they|it'?s|its)\b)"
                       r"[\w' -]{1,30}$")


def fragments(text: str, first_end: re.Match[str]) -> str:
    """"puzzles. cryptic crosswords. my kids think im mad": the terse fragments, said as one ("" if none)."""
    if not first_end.group(0).startswith("."):
        return ""
    parts = [p.strip(" ,") for p in re.split(r"[.!?;]+\s+", text.rstrip(".!? "))]
    kept: list[str] = []
    for part in parts:
        if len(part.split()) > 3 or not _FRAGMENT.match(part):
            break
        if part.lower() not in (k.lower() for k in kept):  # "respect. respect": said once
            kept.append(part)
    return ", ".join(kept) if len(kept) >= 2 else ""
