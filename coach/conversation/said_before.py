"""What the mentee said last time about a line, said back when they ask for it.

"what did i say last time about why?", "can you read back my goal from last time": the answer comes
from the last session's summary as it was kept (with its corrections), in the mentee's own words,
never from the model and never as advice.
"""

from __future__ import annotations

import re
from typing import Any

from coach.listening import fix_words as fw
from coach.listening.acts import read_reply
from coach.listening.fixes import read_fixes
from coach.listening.hedged import play_back_hedged
from coach.listening.lexicon import Lexicon, normalise
from coach.listening.lines import item_words, line_edit
from coach.listening.parts import slot_of
from coach.listening.playback import play_back

__all__ = ["drives_named", "kept_so_far", "put_right_at_recap", "said_before", "same_again"]

# Each line as the coach names it when saying it back, and where the last summary keeps it.
_LINES: dict[str, tuple[str, str, int | None]] = {
    "goal": ("where you were heading", "goals", 0),
    "want_job": ("the job you'd pick", "goals", 1),
    "bedrock": ("what's underneath it all", "bedrock", None),
    "motivations": ("what drives you", "motivations", None),
    "passions": ("what lights you up", "passions", None),
    "strengths": ("what people come to you for", "strengths", None),
    "sweet_spot": ("where it all overlaps", "sweet_spot", None),
    "experiment": ("the experiment you named", "experiment", None),
}
# How each line of last time's summary is named when it is said to be put right.
LINE_NAMES = {var: line[0] for var, line in _LINES.items()}
_WHY = re.compile(r"(?i)^(?:the |my )?(?:why|whys|reasons?|because|reasoning|deeper reason)$")
_NAMED = re.compile(r"(?i)\b(?:about|on) (?:my |the |your )?(?P<x>[\w' ]{2,30}?)(?: (?:bit|part|thing|line))?"
                    r"(?: (?:from |at )?last time)?\W*$|\bmy (?P<y>[\w' ]{2,20}?)(?: (?:bit|part|thing))?"
                    r" (?:from |at )?last time\b|\bwhat (?:was|were) my (?P<z>[\w' ]{2,20}?) (?:from |at )?last time\b"
                    # "remind me what my why was", "but what was my why?" (round 33)
                    r"|\bwhat my (?P<v>[\w' ]{2,20}?) (?:was|were|is)\W*$"
                    r"|\bwhat (?:was|were) my (?P<w>[\w' ]{2,20}?)\W*$")


def said_before(asked: str, previous: dict[str, Any], lexicon: Lexicon, here: str = "") -> list[tuple[str, str]]:
    """(how the line is named, what it said) for each line ``asked`` asks about, from last time's
    summary; with no line named, the one the question ``here`` is about ("what did i say last time exactly" at
    last time's drives), else where you were heading and what was underneath it; [] if none is kept."""
    m = _NAMED.search(asked.strip(" ?!."))
    thing = next((g for g in (m.groups() if m else ()) if g), "").strip()
    thing = re.sub(r"(?i)\s+(?:again|exactly|then)$", "", thing)  # "what were my motivations again?" (round 36)
    thing = re.sub(r"(?i)\s+(?:was|were|is|are)$", "", thing)  # "what did I say my drives were last time?" (round 34)
    var = "bedrock" if _WHY.match(thing) else slot_of(thing) if thing else ""
    if not var and re.search(r"(?i)\bi (?:like|love|enjoy)\b|\blights? me up\b", asked):
        var = "passions"  # "what I said last time I like?" (round 32)
    lines = {name: _line_words(previous, name, lexicon) for name in _LINES}
    wanted = [var] if var in _LINES else [here] if here in _LINES and not thing else ["goal", "bedrock"]
    if var not in _LINES and thing:  # "what did i say last time about my manager?" (round 31): the lines that name it
        about = re.sub(r"(?i)^(?:my|the|your|our)\s+", "", thing)
        mine = re.search(rf"(?i)\bmy\s+{re.escape(about)}", asked) if about else None
        whose = r"\b(?:my|your) " if mine else r"\b"  # "my manager", not "product manager"
        named = re.compile(rf"(?i){whose}{re.escape(about)}")
        wanted = [name for name, said in lines.items() if about and named.search(said)] or wanted
    return [(_LINES[name][0], lines[name]) for name in wanted if lines[name]]


def kept_so_far(asked: str, summary: dict[str, Any], lexicon: Lexicon, now: bool = True) -> list[tuple[str, str]]:
    """(how the line is named, what it says) for each line of ``summary`` kept so far, or only the one ``asked``
    names ("what did I say drives me?"); ``now``: today's summary ("where you're heading"), else last time's."""
    m = _ASKED_LINE.search(asked)
    named = next((g for g in (m.groups() if m else ()) if g), "") if m else ""
    var = _LINE_SAID.get(named.lower(), "") or (slot_of(named) if named else "")
    wanted = [var] if var in _LINES else list(_LINES)
    names = _NOW if now else {k: v[0] for k, v in _LINES.items()}
    return [(names[name], said) for name in wanted if (said := _line_words(summary, name, lexicon))]


# Today's lines, as the summary names them.
_NOW = {"goal": "where you're heading", "want_job": "the job you'd pick", "bedrock": "what's underneath it all",
        "motivations": "what drives you", "passions": "what lights you up", "strengths": "what people come to you for",
        "sweet_spot": "where it all overlaps", "experiment": "the experiment you named"}
# "what did I say drives me?", "what did i say my goal was?", "what did i tell you about my passions?"
_ASKED_LINE = re.compile(r"(?i)\b(?:say|said|tell you|told you|put|write|wrote) (?:was |is )?"
                         r"(?P<d>drives me|motivates me|matters (?:to me|most)|lights me up|gets me going|i'?m good at|"
                         r"people come to me for)(?!\w)|"
                         r"\b(?:say|said|tell you|told you|put|have|got) (?:about |for |as )?(?:my |the )"
                         r"(?P<x>[\w' ]{2,20}?)(?: (?:was|were|is|are|bit|part|line))?(?: last time)?\W*$"
                         r"|\bwhat (?:was|is|were) (?:my|the) (?P<y>experiment|goal|drives?|passions?|strengths?|"
                         r"sweet spot|sentence|why|reason|deep reason|bedrock)\b"
                         r"|\bwhat my (?P<z>why|reason|deep reason|goal|experiment|drives?|passions?|strengths?) "
                         r"(?:was|were|is)\b"  # "what did i say was underneath it all?" (round 38)
                         r"|\b(?:say|said|tell you|told you|put) (?:was|is) "
                         r"(?P<u>underneath|under|behind|at the bottom)\b")
_LINE_SAID = {"drives me": "motivations", "motivates me": "motivations", "gets me going": "motivations",
           "matters to me": "bedrock", "matters most": "bedrock", "lights me up": "passions",
           "i'm good at": "strengths", "im good at": "strengths", "people come to me for": "strengths",
           "experiment": "experiment", "why": "bedrock", "reason": "bedrock", "deep reason": "bedrock",
           "underneath": "bedrock", "under": "bedrock", "behind": "bedrock", "at the bottom": "bedrock"}


def _line_words(summary: dict[str, Any], name: str, lexicon: Lexicon) -> str:
    """What a summary's line says, in words ("" if nothing is kept for it)."""
    _, key, index = _LINES[name]
    value = summary.get(key)
    items = value if isinstance(value, list) else [value]
    if index is not None:
        items = items[index:index + 1]
    said = [lexicon.motivations[i].label if i in lexicon.motivations else _said_back(i)
            for i in items if isinstance(i, str) and i.strip()]
    return "; ".join(s for s in said if s)


def _said_back(item: str) -> str:
    """An item as the coach says it back: whole if it can be, else its first sentence that can ("either. its not
    that im tired of the children, ..." was shown raw, in the first person, in round 55); never the raw words."""
    whole = play_back_hedged(item, 30)  # "maybe the 0.6 post" keeps its maybe (round 71)
    if whole:
        return whole
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", item) if len(s.split()) >= 3]
    return next((said for s in sentences if (said := play_back(s, 30))), "")


def drives_named(words: str, lexicon: Lexicon) -> list[str]:
    """The lexicon's drives ``words`` name, in the order they are named ("meaning and learning": meaning, growth)."""
    low = normalise(words)
    found = [(min(low.find(p) for p in spec.words.find(low)), m) for m, spec in lexicon.motivations.items()
             if spec.words.find(low)]
    return [m for _, m in sorted(found)]


def put_right_at_recap(reply: str, previous: dict[str, Any], lexicon: Lexicon) -> tuple[str, str] | None:
    """(how the line is named, the mentee's words for it) when a reply to last time's recap puts a line right
    ("can you fix the drives bit, it should just be growth, meaning, freedom"); None when it puts none right."""
    # "you ignored my corrections again. people come to me for - X, Y" (round 92): the remark is no part of the line
    kept = [s for s in re.split(r"(?<=[.!?])\s+", reply) if set(read_reply(s, lexicon).kinds) != {"meta"}]
    reply = " ".join(kept) or reply
    fixes = read_fixes(reply)
    lines = {}
    for var, (_, key, index) in _LINES.items():
        if var == "experiment":  # how it went is its own question, asked next
            continue
        value = previous.get(key)
        items = value if isinstance(value, list) else [value]
        items = items[index:index + 1] if index is not None else items
        lines[var] = [item_words(i, lexicon) for i in items if isinstance(i, str)]
    for fix in fixes:
        if fix.kind in ("put", "add") and fix.slot in _LINES and fix.new:
            return _LINES[fix.slot][0], fix.new
        if fix.kind == "first" and drives_named(fix.part, lexicon):  # "NOT money only. meaning and learning first"
            return _LINES["motivations"][0], f"{fix.part} first"
        # "it's not 'being recognised', more being listened to" (round 37): the line that holds the part
        held = next((var for var, items in lines.items() if fix.kind == "put" and fix.part and fix.new and any(
            fix.part.lower() in i.lower() for i in items)), None)
        if held:
            return _LINES[held][0], fix.new
    if any(fix.kind == "drop" for fix in fixes):
        return None  # "take out the 'sleep in' bit": taken out (coach.conversation.forgetting), nothing put in
    edit = line_edit(reply, lines)
    # "the last line is rubbish" (round 50 crashed on it): at the recap, the last line read out
    var = next((v for v in reversed(lines) if lines[v]), "") if edit is not None and edit.var == "why_chain" else (
        edit.var if edit is not None else "")
    judged = edit is not None and fw.WRONG.match(edit.new.strip()) is not None  # "the last line is rubbish": no words
    return (_LINES[var][0], edit.new) if edit is not None and edit.new and var in _LINES and not judged else None


# "same as last time", "same answer as before lol", "told you last time" as the whole answer to a question asked last
# time too (round 75: "seriously?? same as before", kept as the answer, or asked "could you say a little more?")
_SAME_AGAIN = re.compile(
    r"(?i)^\W*(?:(?:um+|uh+|erm|ok(?:ay)?|yeah|yes|honestly|tbh|lol|ugh|seriously|well|so|mate|again)\W+)*"
    r"(?:(?:it'?s |its |it is |that'?s |thats |the |my )?(?:same|same thing|same answer|same (?:as )?(?:before|ever|"
    r"always|then|last (?:time|week|session|two times|times)))|as (?:before|last time)|(?:i )?(?:already )?"
    r"(?:told|said|answered) (?:you |that |this |it )?(?:last time|before)|(?:you )?(?:already )?asked (?:me )?"
    r"(?:that|this) (?:last time|before))(?:\W+(?:lol|tbh|really|honestly|mate|obviously|haha|seriously|remember|"
    r"as (?:before|last time)|i think|i guess))*\W*$")


def same_again(reply: str, var: str, previous: dict[str, Any], lexicon: Lexicon) -> str:
    """Last time's words for the line ``var`` when the whole reply says it is the same as then ("" if the reply says
    more, or last time kept nothing for it)."""
    var = "motivations" if var == "motivation_named" else var  # "what drives all this?"
    line = _LINES.get(var)
    if line is None or not previous or not _SAME_AGAIN.match(reply.strip()):
        return ""
    kept = previous.get(line[1])
    items = [i for i in (kept if isinstance(kept, list) else [kept]) if isinstance(i, str) and i.strip()]
    index = line[2]
    items = (items[index:index + 1] if len(items) > index else []) if index is not None else items
    if var == "motivations":
        items = [lexicon.motivations[m].label if m in lexicon.motivations else m for m in items]
    return ", ".join(items)
