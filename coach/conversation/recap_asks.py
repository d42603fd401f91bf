"""What a reply to last time's recap asks of it: parts to go, parts that are only a maybe, a part listed twice.

"mostly. rotas STILL in there, bin it. and H&S is a maybe" asks two things of last time's summary before it says
anything of its own; "near enough. but the agency bloke isnt an overlap ... take it out" (round 77) one, and a
yes. Read here; applied by the conversation (coach.conversation.forgetting).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.conversation.correcting import _names
from coach.conversation.kept import find_kept
from coach.conversation.placing import find_part, without
from coach.conversation.summary import KEYS
from coach.listening import rules
from coach.listening.fixes import read_fixes
from coach.listening.fixes_apart import fixes_apart

if TYPE_CHECKING:
    from coach.listening.lexicon import Lexicon

__all__ = ["HEAD", "LEAD_ON", "MAYBE", "MOSTLY_YES", "kept_once", "recap_asks"]

# "mostly yes", "near enough", "yeah, pretty much": a yes when nothing else is left
MOSTLY_YES = re.compile(r"(?i)^(?:(?:mostly|mainly|largely|pretty much|kind of|sort of|all|yeah|ok|okay|near enough|"
                        r"close enough)(?:[, ]+|\W*$))*"
                        r"(?:yes|yeah|yep|ya|true|still true|all true)?\W*(?:but|except|apart from that|and)?\W*$")
HEAD = re.compile(r"(?i)^(?:the|my|that|this|our|his|her)\s+")
# ("\b": not the "so" of "sorry", round 67 noted "rry had a meeting")
LEAD_ON = re.compile(r"(?i)^\W*(?:(?:anyway|anyways|um+|so|ok|okay|and|but)\b[.,]*\s*)+")
_TAKE_IT_OUT = re.compile(r"(?i)(?:^|(?<=[.!?;,])\s*)(?:so |pls |please |just )?(?:take|get|bin|drop|remove|delete|"
                          r"lose|scrap) (?:it|that|them|this|him)(?: out| off)?(?: pls| please| then| now)?\W*$")
_IS_MAYBE = re.compile(r"(?i)^\W*(?:(?:and|but|also|oh|ok)[,.]?\s+)*(?:the )?(?P<x>[\w&' -]{2,30}?)\s+"
                       r"(?:is|are|'s|s)\s+"
                       r"(?:(?:more of|still|just|only|now|really)\s+)*(?:a |an )?(?:maybe|perhaps|possibly|might be)"
                       r"(?:\s+(?:now|tho|though|tbh|lol|at most|at best))*\W*$")
MAYBE = re.compile(r"(?i)\b(?:maybe|perhaps|possibly)\b")
# "mostly, but the money one isn't really me anymore": the yes said before the part taken out
_YES_BUT = re.compile(r"(?i)^\W*(?:(?:mostly|mainly|largely|pretty much|yeah|yes|yep|ya|ok|okay|true|still true|"
                      r"all true)[,. ]+)+(?:but|except|apart from|tho|though)\b")


# "and for the 3rd time, NOT earning well." (round 63 noted it as what had changed): a part said not to be so
_NOT_SO = re.compile(r"(?i)(?:^|(?<=[.!?;,])\s*)(?:(?:and|also|but|so|again)[,]?\s+)*(?:for the \w+ time,?\s+)?"
                     r"not (?!(?:really|sure|much|quite|exactly|yet|now|any ?more|at all|that|this|it|so|too|very|"
                     r"bad|great|entirely|totally|completely|wrong|right|true|me|mine|all|a lot)\b)"
                     r"(?P<x>[\w&' -]{3,30}?)(?:\s+(?:again|either|lol|tbh|pls|please))?\s*(?:[.!?;,]+|$)")


def recap_asks(text: str, previous: dict[str, Any], lexicon: Lexicon | None = None) -> tuple[list[str], list[str], str]:
    """What a reply to last time's recap asks of it: the parts to go, the parts that are only a maybe (each one
    in last time's summary, or naming one of its drives as ``lexicon`` knows them), and the rest of the reply, the
    answer ("" when it was all asks)."""
    kept = {k: v for k, v in previous.items() if k in KEYS}
    yes_but = _YES_BUT.match(text) is not None

    def there(part: str) -> bool:
        drives = lexicon.motivations if lexicon is not None else {}
        return bool(rules.words(part)) and (find_kept(part, kept) is not None or any(
            m in drives and _names(drives[m], part.strip()) for m in previous.get("motivations") or []
            if isinstance(m, str)))

    said_not = [m for m in _NOT_SO.finditer(text) if there(m["x"])]
    for m in reversed(said_not):
        text = f"{text[:m.start()]} {text[m.end():]}".strip()
    sentences = [x for x in re.split(r"(?<=[.!?;])\s+", text.strip()) if x.strip()]
    maybes = [y["x"] for x in sentences if (y := _IS_MAYBE.match(x)) and find_kept(y["x"], kept) is not None]
    text = " ".join(x for x in sentences if not ((y := _IS_MAYBE.match(x)) and find_kept(y["x"], kept)))
    asks, rest = fixes_apart(text)
    fixes = read_fixes(asks or text)
    if any(f.kind in ("put", "add", "restate") for f in fixes):  # a line put right too: heard as before ...
        return _drops_beside_puts(asks or text, rest if asks else "", there) or ([], [], text)
    parts = [HEAD.sub("", f.part) for f in fixes if f.kind == "drop" and f.part]
    parts = list(dict.fromkeys([m["x"] for m in said_not] + [p for p in parts if there(p) and not re.search(
        rf"(?i)\bnot (?:really |so much )?(?:the |that |my )?{re.escape(p)}", text)]))  # "not the X bit anymore": news
    rest = LEAD_ON.sub("", (rest if asks else "" if parts and not said_not else text).strip(" ,;"))
    rest = _TAKE_IT_OUT.sub("", rest).strip() if parts else rest  # "... take it out": said of the part gone
    rest = "yes" if rules.words(rest) and MOSTLY_YES.match(rest.strip(" ,.;")) else rest
    return parts, maybes, rest or ("yes" if parts and yes_but else "")


def _drops_beside_puts(asks: str, rest: str, there: Any) -> tuple[list[str], list[str], str] | None:
    """"take out growing, i never said that. its freedom over my own time not how i work" (round 87 put one line
    right and left the rest): the sentences that only take parts out are asked of the recap; every other sentence,
    lines put right among them, is left to be heard as before (None: no such sentence)."""
    read = [(x, read_fixes(x)) for x in re.split(r"(?<=[.!?;])\s+", asks.strip()) if x.strip()]
    dropping = [(x, fs) for x, fs in read if fs and all(f.kind == "drop" and f.part for f in fs)]
    parts = list(dict.fromkeys(p for _, fs in dropping for f in fs if there(p := HEAD.sub("", f.part))))
    if not parts:
        return None
    dropped = {x for x, _ in dropping}
    left = " ".join([rest.strip(), *(x for x, _ in read if x not in dropped)]).strip()
    return parts, [], left


def kept_once(previous: dict[str, Any], part: str) -> bool:
    """``part`` taken out of every item of a line of last time's summary after the first that holds it (an item
    left with nothing goes); was it there twice?"""
    for key, items in previous.items():
        holding = [i for i, x in enumerate(items) if isinstance(x, str) and find_part(part, x)] \
            if key in KEYS and isinstance(items, list) else []
        if len(holding) >= 2:
            rest = {i: without(items[i], part) for i in holding[1:]}
            previous[key] = [rest.get(i, x) for i, x in enumerate(items) if rules.words(rest.get(i, x))]
            return True
    return False
