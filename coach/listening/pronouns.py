"""Swapping first and second person, so the coach can say the mentee's words back to them."""

from __future__ import annotations

import re

from coach.listening.jobs import CONTRACTED_IS as _CONTRACTED_IS
from coach.listening.text import balanced

# First person -> second person. Whole tokens only; contractions are single tokens.
_FIRST_TO_SECOND = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "i'm": "you're",
    "i've": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "im": "you're",
    "ive": "you've",
    "we": "you",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
    "we're": "you're",
    "we've": "you've",
    "we'd": "you'd",
    "we'll": "you'll",
}
_SECOND_TO_FIRST = {
    "your": "my",
    "yours": "mine",
    "yourself": "myself",
    "you're": "I'm",
    "you've": "I've",
    "you'd": "I'd",
    "you'll": "I'll",
}
# Verbs that agree with the subject and must change with it ("I am" -> "you are").
_AGREE_WITH_YOU = {"am": "are", "was": "were", "wasn't": "weren't"}
_AGREE_WITH_I = {"are": "am", "were": "was", "weren't": "wasn't", "aren't": "am not"}
# After these words "you" is an object ("told you" -> "told me"); elsewhere it is a subject.
_OBJECT_BEFORE = {
    "to", "for", "with", "at", "about", "from", "of", "by", "like", "than", "into", "onto",
    "without", "behind", "beside", "between", "around", "against", "towards", "toward", "near",
    "told", "tell", "tells", "help", "helped", "helps", "gave", "give", "gives", "show", "showed",
    "ask", "asked", "thank", "thanked", "let", "make", "made", "makes", "see", "saw", "hear",
    "heard", "pay", "paid", "call", "called", "need", "needs", "want", "wants", "love", "loves",
    "trust", "trusts", "teach", "taught", "know", "knows", "meet", "met", "bother", "bothers",
    "understand", "understands", "get", "got", "mean", "means", "remind", "reminds", "keep", "keeps",
}

_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?|[^A-Za-z]+")


def _next_word(tokens: list[str], i: int) -> str:
    for t in tokens[i + 1 :]:
        if t.strip():
            return t.lower().replace("\u2019", "'") if t[0].isalpha() else ""
    return ""


def _prev_word(tokens: list[str], i: int) -> str:
    for t in reversed(tokens[:i]):
        if t.strip():
            return t.lower().replace("\u2019", "'") if t[0].isalpha() else ""
    return ""


# A clause's verb: "means you have made it", "know you are right": "you" is its subject, not an object.
_VERB_AFTER = {"have", "has", "are", "were", "will", "would", "can", "could", "should", "must", "do", "did", "don't",
               "didn't", "can't", "won't", "had", "may", "might", "shall", "aren't", "weren't", "haven't", "hadn't"}


def _swap_you(tokens: list[str], i: int) -> str:
    """'you' is 'I' as a subject and 'me' as an object; guess from the words around it."""
    nxt = _next_word(tokens, i)
    verb = nxt in _VERB_AFTER or (len(nxt) > 4 and nxt.endswith("ed"))  # "i know you asked": you is its subject
    return "me" if _prev_word(tokens, i) in _OBJECT_BEFORE and not verb else "I"


# Words that report what someone else says: after them, "you" is the mentee still.
_REPORTING = {"says", "said", "say", "saying", "tell", "tells", "told", "telling", "thinks", "thought", "reckons",
              "claims", "asks", "asked", "goes", "complains", "insists", "believes", "feels", "keeps", "yells",
              "shouts", "writes", "wrote", "reminds", "reminded"}
_SPEAKERS = {"i", "you", "we"}
# Who a reporting verb may be said to before the words themselves: "told everyone you are lazy".
_TOLD = {"to", "me", "us", "him", "her", "them", "everyone", "everybody", "people", "the", "team", "that", "saying"}
_YOU = ("you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll")
_ADVERBS = frozenset({"sort", "kind", "of", "kinda", "sorta", "just", "already", "really", "literally", "basically",
                      "actually", "never", "always", "totally", "completely", "clearly", "obviously"})
# What the coach is told when "you" opens the words: "you said", "you're right", "you missed the Lorna one".
_DONE = frozenset({"this", "that", "the", "a", "an", "it", "stuff", "things", "something", "work"})
_TO_THE_COACH = frozenset({"are", "were", "said", "asked", "know", "mean", "meant", "think", "sound", "got", "missed",
                           "forgot", "changed", "keep", "just", "already", "didn't", "don't", "did", "do", "should",
                           "can", "could", "would", "will", "may", "might", "must", "left", "put", "wrote", "have",
                           "need", "asking", "repeated", "misheard", "misunderstood", "understand", "heard"})
# Words before which "us" is not the object of the mentee's own verb ("for us" stays "for you").
_BEFORE_US = {"for", "with", "to", "about", "of", "from", "like", "between", "among", "around", "behind", "at"}


def _reports_you(tokens: list[str], i: int) -> bool:
    """Do the words after a reporting verb at ``i`` quote someone speaking to the mentee?"""
    seen = 0
    for t in tokens[i + 1:]:
        low = t.strip().lower().replace("\u2019", "'")
        if not low or low in {",", ":", '"', "'", ', "', ': "', ": '"}:
            continue
        if not low[0].isalpha():
            return False
        if low in ("me", "i", "that") and seen == 0:
            return True  # "says i never listen", "says that ...": the mentee's own words, swapped as ever
        if low in _YOU:
            return True
        if low not in _TOLD or seen >= 3:
            return False
        seen += 1
    return False


class _Swap:
    """What the swap has seen so far in one text (who is speaking, whose clause it is)."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.out: list[str] = []
        self.subject = ""  # "i" or "you" (in the mentee's words) when the previous word was that subject
        self.reported = False  # inside what someone else said ("... says you never listen")
        self.mentee_subject = False  # the clause so far is about what "I" do ("i want us to ...")
        self.drop_all = False  # "us all" said as "all of you": the "all" is not said twice
        self.anyone = False  # in a clause where "you" is anyone ("when you see a kid get it")
        self.when = False  # in a clause opened by "when": "when a new nurse gets it and you can see them relax"
        # With no "I", "me" or "my" anywhere, a "you" later on is anyone ("being senior means people
        # listen to you"): kept. One that opens the words ("you're right", "are you sure?") is the coach.
        said = [t.lower().replace("\u2019", "'") for t in tokens if t[:1].isalpha()]
        # "you see the same patients over time" opens with "you" too, and means anyone.
        verb = next((w for w in said[1:] if w not in _ADVERBS), "")
        after = said[said.index(verb) + 1] if verb in said[1:] and said.index(verb) + 1 < len(said) else ""
        # "you do this job for years": "do" with a thing done is anyone's doing, not "you do?" to the coach
        done = verb == "do" and after in _DONE
        opens_generic = len(said) > 2 and said[0] == "you" and (verb not in _TO_THE_COACH or done)
        self.generic_you = (not any(w in _FIRST_PERSON for w in said)
                            and (opens_generic or not any(w in _YOU for w in said[:2])))

    def punctuation(self, tok: str) -> None:
        self.out.append(tok)
        if tok.strip():
            self.subject = ""
            self.reported = self.reported and not any(c in tok for c in ".;!?")
            self.mentee_subject = self.mentee_subject and not any(c in tok for c in ".;!?,")
            self.anyone = self.anyone and not any(c in tok for c in ".;!?,")
            self.when = self.when and not any(c in tok for c in ".;!?,")

    def word(self, i: int, tok: str) -> None:
        low = tok.lower().replace("\u2019", "'")
        if self.drop_all and low == "all":
            self.drop_all = False
            if self.out and not self.out[-1].strip():
                self.out.pop()
            return
        if self.reported and low in _YOU:
            self.out.append(tok)  # the mentee, as the other person spoke to them
            self.subject = ""
            return
        if low in _REPORTING and _prev_word(self.tokens, i) not in _SPEAKERS and _reports_you(self.tokens, i):
            self.reported = True
        self.when = self.when or low in _GENERIC_AFTER
        if low in _MENTEE_SUBJECTS:
            self.mentee_subject = True
        elif low in _OTHER_PEOPLE:
            self.mentee_subject = False
        rep = self.replacement(i, tok, low)
        if rep != tok and rep != "I" and not rep.startswith("I'") and tok[0].isupper() and i == 0:
            rep = rep[0].upper() + rep[1:]
        elif rep != tok and tok.isupper() and len(tok) > 1:
            rep = rep.upper()
        self.out.append(rep)
        self.subject = low if low in ("i", "we") else ("you" if low == "you" and rep == "I" else "")

    def replacement(self, i: int, tok: str, low: str) -> str:
        nxt = _next_word(self.tokens, i)
        if self.subject in ("i", "we") and low in _AGREE_WITH_YOU:
            return _AGREE_WITH_YOU[low]
        if self.subject == "you" and low in _AGREE_WITH_I:
            return _AGREE_WITH_I[low]
        if low in _AGREE_WITH_YOU and nxt in ("i", "we"):  # "am I ready" -> "are you ready"
            return _AGREE_WITH_YOU[low]
        if low in _AGREE_WITH_I and nxt == "you":  # "are you sure" -> "am I sure"
            return _AGREE_WITH_I[low]
        prev = _prev_word(self.tokens, i)
        if low == "us" and self.mentee_subject and (prev not in _BEFORE_US or (prev == "for" and nxt == "to")):
            self.drop_all = nxt == "all"  # "i want us all to win": "all of you", said once
            return "all of you"  # "i want us to ship faster": not "you want you to"
        if low == "id" and prev not in _NOT_I_D and nxt not in ("card", "badge", "number", "check"):
            return "you'd"  # "id bake bread": typed without the apostrophe; "my id card" stays
        if low in _FIRST_TO_SECOND:
            return _FIRST_TO_SECOND[low]
        if self.generic_you and (low in _SECOND_TO_FIRST or low == "you"):
            return tok
        if (low in _SECOND_TO_FIRST or low == "you") and (self.anyone or self.when or prev in _GENERIC_AFTER or (
                prev == "that" and _prev_word(self.tokens, _before(self.tokens, i)) in _SEEING)):
            self.anyone = True  # "... that you can do work you like": the rest of the clause too
            return tok  # "i love it when you help someone", "the bit where you make things easier": anyone
        if low in _SECOND_TO_FIRST:
            return _SECOND_TO_FIRST[low]
        if low == "you" and _said_of_others(self.tokens, i):
            return tok  # "i like organising things and people listen to you": anyone, so the mentee too
        if low == "you":
            return _swap_you(self.tokens, i)
        return tok


# After these, "you" is anyone: "i love it when you finally get it", "the bit where you make things easier".
_GENERIC_AFTER = frozenset({"when", "whenever", "where", "once"})
# "my kids to see that you can do work you like": what is seen or known of anyone.
_SEEING = frozenset({"see", "know", "show", "prove", "learn", "realise", "realize", "understand", "feel", "believe"})


def _before(tokens: list[str], i: int) -> int:
    """The index of the word before the one at ``i`` (0 if none)."""
    for j in range(i - 1, -1, -1):
        if tokens[j].strip() and tokens[j][0].isalpha():
            return j
    return 0


# Who a clause is about when it is not the mentee: "people listen to you", "it makes you feel useful".
_THIRD = frozenset({"people", "everyone", "everybody", "they", "it", "nobody", "noone", "someone", "somebody", "others",
                    "patients", "customers", "clients", "kids", "students", "colleagues", "that", "this", "which"})
_CLAUSE_WORDS = frozenset({"and", "but", "because", "cos", "cause", "so", "when", "if", "where", "while"})


def _said_of_others(tokens: list[str], i: int) -> bool:
    """Is "you" at ``i`` the object of a clause about other people or things ("people listen to you")?"""
    first = ""
    for t in reversed(tokens[:i]):
        if not t[:1].isalpha():
            if any(c in t for c in ",.;!?:"):
                break
            continue
        low = t.lower()
        if low in _CLAUSE_WORDS:
            break
        first = low
    return first in _THIRD


_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll", "im", "ive", "we", "us",
                           "our", "ours", "we're", "we've", "id"})
_NOT_I_D = frozenset({"my", "your", "the", "an", "a", "his", "her", "their", "our", "photo", "staff", "user"})
_MENTEE_SUBJECTS = frozenset({"i", "i'm", "i've", "i'd", "i'll", "im", "ive"})
_OTHER_PEOPLE = frozenset({"he", "she", "they", "it", "we", "you", "them", "him", "her", "people", "everyone"})


# Words put in the coach's voice ("you like X") rather than the mentee's own ("i like X").
_COACH_VOICE = re.compile(r"^(?:because )?(?:you|your|you're|you've|you'd)\b", re.I)
_OWN_VOICE = re.compile(r"\b(?:i|i'm|i've|i'd|me|my|myself)\b", re.I)


def own_voice(text: str) -> str:
    """A correction the mentee wrote as the coach would say it back ("because you like seeing cause and
    effect") in their own voice ("because i like seeing cause and effect"), so playback turns it round once."""
    if _COACH_VOICE.search(text.strip(" '\"")) and not _OWN_VOICE.search(text):
        return swap_pronouns(text)
    return text


def swap_pronouns(text: str) -> str:
    """Swap first and second person so the coach can say the mentee's words back to them.

    Reported speech keeps its "you": "my boss says you never listen" -> "your boss says you never listen";
    "i want us to ship faster" -> "you want all of you to ship faster", never "you want you to".
    """
    tokens = _TOKEN.findall(text)
    swap = _Swap(tokens)
    for i, tok in enumerate(tokens):
        if not tok.strip() or not tok[0].isalpha():
            swap.punctuation(tok)
        else:
            swap.word(i, tok)
    swapped = "".join(swap.out)
    return swapped.upper() if text.isupper() else swapped  # keep an all-caps answer all caps


_STRESSED = re.compile(r"\b(?:WHEN|HOW|WHAT|WHERE|WHO|WHY|WHICH|MORE|LESS|NOT|NEVER|ALWAYS|REALLY|VERY|SO|ALL|"
                       r"ANY|EVERY|JUST|ONLY|MY|OWN|WANT|NEED|LOVE|HATE|HAVE|CAN|DO|DOES|DID|DON'?T|AM|IS|ARE|"
                       r"THE|THAT|THIS|AND|OR|BUT|FOR|WITH|WITHOUT|OUT|OF|ANYMORE)\b")
# "like the data cleaning took forever" (round 79 said "you like the data cleaning"): "like" as a filler ("wanna
# move out" is "you want to move out")
_LIKE_FILLER = re.compile(r"(?i)like (?:the|a|an|my|this|that|it|some)\b(?: [\w'-]+){0,3} (?:took|was|is|were|had|"
                          r"got|made|went|came|felt|seemed|kept|took|needed|broke|ran)\b")
# A first-person verb with its "I" left off ("want to move out", "love the people"), not a noun ("love of X").
_NO_SUBJECT = re.compile(r"(?:want|need|like|love|hate|enjoy|miss|prefer|hope|care about) (?:to|the|a|an|my|your|more|"
                         r"less|it|that|this|being|people|money|time|some|them|him|her|us|everyone|everybody|others|"
                         r"something|things|[a-z]+ing)\b")


_NAME_SAYS = re.compile(r"(?!(?:He|She|It|They|We|You|This|That|Everyone|Everybody|Nobody|Someone|People|My|Our|"
                        r"The|Your|Their|His|Her)\b)[A-Z][a-z]+ (?:says|said|thinks|thought|reckons|told|tells|"
                        r"keeps saying|always says|once said)\b")


def second_person(phrase: str, said_in: str = "") -> str:
    """``phrase`` said back to the mentee: pronouns swapped, an opening capital dropped unless it is a name (typed
    with a capital in the middle of a sentence of ``said_in``, the answer it came from: "books, Middlemarch")."""
    phrase = balanced(phrase)
    if not phrase:
        return ""
    first = phrase.split(" ", 1)[0].lower().replace("\u2019", "'")
    swapped = swap_pronouns(phrase)
    # Played back mid-sentence, a capital that only opened the answer goes ("Freedom matters"
    # -> "freedom matters"); "I", acronyms ("CTO") and possessive names ("Maria's job") stay.
    name = first.endswith("'s") and first not in _CONTRACTED_IS
    keep = swapped.startswith(("I ", "I'")) or swapped == "I" or name
    head = swapped.split(" ", 1)[0]
    # "SENCo", "McKinsey", "Mr Okafor's job": a capital inside the word or a title keeps the word as typed.
    inner = any(c.isupper() for c in head[1:]) or re.fullmatch(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?", head) is not None
    # "Operations Manager", "Head of Pharmacy": a title typed in capitals keeps them
    inner = inner or re.match(r"[A-Z][a-z]+ (?:(?:of|and|for|the) )*[A-Z][a-z]+\b", swapped) is not None
    # "Jess says you're good at ...": a name before what someone says keeps its capital (round 80)
    inner = inner or _NAME_SAYS.match(swapped) is not None
    mid = re.search(rf"(?:[,;:]|\b[a-z]+)\s+{re.escape(head)}\b", said_in) if head[:1].isupper() else None
    inner = inner or mid is not None
    if not keep and not inner and not (head.isupper() and len(head) > 1):
        swapped = swapped[:1].lower() + swapped[1:]
    # "more WHEN I work": a common word in capitals is stress, said back evenly ("when you work"); "QA" stays
    swapped = _STRESSED.sub(lambda m: m.group(0).lower(), swapped)
    words = swapped.split()
    if len(words) >= 2 and sum(w.isupper() and len(w) > 1 for w in words) >= 2 and swapped.upper() == swapped:
        swapped = swapped.lower()  # "YOU WERE ONE": shouted, said back in an even voice
    if re.match(r"(?i)(?:not sure|unsure) (?:you|if you|whether you)\b", swapped):
        return f"you're {swapped}"  # "not sure i want to be doing this": you're not sure you want to be doing this
    return f"you {swapped}" if _NO_SUBJECT.match(swapped) and not _LIKE_FILLER.match(swapped) else swapped
