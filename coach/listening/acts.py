"""Dialogue acts: what a reply does (yes, hedge, correction, question, content, ...), read by rules.

The value objects (Act, Reading) are in coach.listening.reading; this module reads replies.
"""

from __future__ import annotations

import itertools
import re

from coach.listening.assemble import assemble, not_knowing, self_repair, yes_meant
from coach.listening.clauses import read_core
from coach.listening.found import Context, Found, tables
from coach.listening.lexicon import Lexicon
from coach.listening.matching import hedges, match, match_whole
from coach.listening.patterns import Rule
from coach.listening.reading import Reading
from coach.listening.text import Piece, Reply, bare, trim, words

# Kinds whose words win over an opener that would swallow them ("not sure I understand").
_FIRST = ("advice_request", "question", "meta", "correction", "feeling")
# An opener must end at a separator: "no, I..." opens with "no"; "nobody" does not.
_AFTER_OPENER = re.compile(r"[\s,.!?:]+|$")
# Questions that ask for a correction ("What would you change, so that it says what you mean?").
_CORRECTION_QUESTION = re.compile(r"\bwhat would you (?:change|correct)\b|\bso that it says what you mean\b")
_GOES_ON_FROM = re.compile(r"(?:of|and|or|to|like|because|cause|cos|with|about|or just|even)\b")
_PARDON_ONLY = re.compile(r"^\s*(?:sorry|pardon|excuse me)\s*\?+\W*$")



def expects_yes_no(question: str | None) -> bool:
    """Does a question ask for a yes or a no ("Does that sound right?"), not for one of two things?"""
    if not question:
        return False
    parts = [p for p in re.split(r"(?<=[.?!])\s+", question.strip()) if p.endswith("?")]
    return any(re.match(r"(?i)(?:is|are|does|do|did|shall|should|would|will|can|could|have|has|was|were)\b", p)
               and not re.search(r"(?i)\bor\b", p) for p in parts)


# Readings kept per lexicon: one turn reads the same reply several times (the step, playback,
# the summary), and a reading is a frozen value of the reply, the question and the lexicon.
_MEMO_SIZE = 256
# A numbered item: "1) ...", "(2) ...", "3. ..." (not "2.5" or "in 2 years"); a bulleted one, in a reply that opens
# with a bullet: "- money - family".
# ("thats number 1. meaning..." is no list: round 25)
_NUMBERED = re.compile(r"(?:^|(?<!number)(?<!\bno)(?<!\btop)(?<!\bat)(?<!\bby)(?<!\bto)(?<!\bof)(?<!\bage)(?<!\baged)"
                       r"(?<!\btill)(?<!\buntil)(?<!\babout)(?<!\baround)(?<!\bover)(?<!\bunder)(?<!\bthan)"
                       r"(?<!\d or)(?<!\d and)(?<!\bbe)(?<!\bturn)(?<!\bturning)"  # "i'll be 61 or 63. i've" (r76)
                       r"(?<!\bnot)(?<!\bis)(?<!\bwas)(?<!\blike)(?<!\bjust)(?<!\bonly)"  # "5 years not 6. its" (r77)
                       r"[.,;:]?\s+)(?:\(\d{1,2}\)|\d{1,2}[).])\s+(?=[^\d\s])")  # "sick at 55. keep up": an age (r73)
_BULLETED = re.compile(r"(?:^|[.,;:]?\s+)[-*\u2022]\s+(?=[^\d\s-])")


# "not earning WELL. just enough": what it is not, then what it is, one thought said in two sentences.
_NOT_THEN = re.compile(r"(?i)(^|[.!?]\s+)(not (?:really |exactly |quite )?[^.!?]{1,40})\.\s+"
                       r"(?=(?:just|only|rather|more like|more)\b)")


# "anyway drives: autonomy first": the name of the list, said before it.
_LIST_LABEL = re.compile(r"(?i)(^|[.!?;]\s+|,\s*)(?:(?:anyway|and|ok|so)[,]?\s+)?(?:my |the )?(?:drives|motivations|"
                         r"motivators|drivers|what drives me)\s*[:=-]\s*")


def unnumbered(reply: str, labelled: bool = False) -> str:
    """"drives: 1) autonomy 2) money, kind of": a numbered list said as one sentence per item, without the
    label of what it lists (kept when ``labelled``: at a read-back it names the line put right)."""
    label = _LIST_LABEL.match(reply) if labelled else None
    if label and _NUMBERED.match(reply, label.end() - 1):  # "drives: 1) being heard 2) growth": one line's items
        items = [i.strip(" ,;.") for i in _NUMBERED.split(reply[label.end() - 1:]) if i.strip(" ,;.")]
        return f"{reply[:label.end()]}{', '.join(items)}"
    short = _short_items(_LIST_LABEL.sub(r"\g<1>", reply)) if not labelled else ""
    if short:  # "hmm 1) money 2) time with my kids": one reason of two things, not two sentences (round 33)
        return short
    text = _NUMBERED.sub(_item_start, reply if labelled else _LIST_LABEL.sub(r"\g<1>", reply))
    return _BULLETED.sub(_item_start, text) if re.match(r"\s*[-*\u2022]\s", text) else text  # "- money - family"


def _short_items(reply: str) -> str:
    """A numbered list of a few short items, said as one list ("money and time with my kids"); else ""."""
    marks = list(_NUMBERED.finditer(reply))
    if len(marks) < 2:
        return ""
    items = [reply[m.end():n.start()] for m, n in itertools.pairwise(marks)] + [reply[marks[-1].end():]]
    tail = re.search(r"[.!?;]\s", items[-1])  # "... 2) security. my wife and i ...": the list ends there
    rest = items[-1][tail.start():] if tail else ""
    items = [i.strip(" ,;.") for i in items[:-1] + [items[-1][:tail.start()] if tail else items[-1]]]
    if any(not i or len(i.split()) > 5 or re.search(r"[.!?]", i) for i in items):
        return ""
    joined = " or " if any(re.search(r"(?i)(?:^|\s|,)or$|^or\s", i) for i in items) else " and "
    items = [re.sub(r"(?i)^(?:and|or)\s+|[\s,]+(?:and|or)$", "", i) for i in items]
    return f"{reply[:marks[0].start()]} {', '.join(items[:-1])}{joined}{items[-1]}{rest}".lstrip()


def _item_start(m: re.Match[str]) -> str:
    if m.start() == 0:
        return ""
    # "1. leave teaching for data, or 2. stay and go for head of maths": one choice, not two sentences (round 25);
    # "being partner means 1) i get a say 2) security": the first item finishes the sentence it was led into (round 28)
    lead = r"(?i)\b(?:or|means?|meant|is|are|was|were|would be|includes?|like|being)\W*$"
    return " " if re.search(lead, m.string[:m.start()]) else ". "


def read_reply(reply: str, lex: Lexicon, *, expect: str = "text", question: str | None = None) -> Reading:
    """Every dialogue act in ``reply``, in order.

    ``expect`` is "yes_no" after a yes/no question, "text" after an open one, and anything
    else ("auto") to tell from ``question``.
    """
    memo: dict[tuple[str, str, str | None], Reading] = lex.compiled("read_reply.memo", lambda _: {})
    key = (reply, expect, question)
    found = memo.get(key)
    if found is None:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        found = memo[key] = _read(reply, lex, expect, question)
    return found


def _read(reply: str, lex: Lexicon, expect: str, question: str | None) -> Reading:
    from coach.listening.distress import distress_level

    if expect not in ("text", "yes_no"):
        expect = "yes_no" if expects_yes_no(question) else "text"
    r = Reply(_NOT_THEN.sub(r"\g<1>\g<2>, ", unnumbered(reply)))
    cx = Context(r, tables(lex), expect, (question or "").lower())
    correcting = _CORRECTION_QUESTION.search(cx.question) is not None
    keep = cx.tables.keep.match(r.low) if correcting else None
    level = distress_level(r.text, lex)
    last: str | None = None
    for part in r.sentences():
        piece_level = distress_level(r.text[part.start:part.end], lex) if level else None
        # "i dont see the point of any of it. of being here": a fragment that goes on with the sign before it
        piece_level = piece_level or (last if last and _GOES_ON_FROM.match(r.low, part.start) else None)
        last = piece_level
        if piece_level:
            cx.found.append(Found("distress", part, topic=piece_level, rule="distress"))
        else:
            _read_sentence(cx, part)
    if level and "distress" not in cx.kinds():
        cx.found.insert(0, Found("distress", Piece(0, len(r.text)), topic=level, rule="distress"))
    not_knowing(cx)
    yes_meant(cx)
    if cx.expect == "text":
        self_repair(cx)
    _answered_anyway(cx)
    _back_to_it(cx)
    _wished_feelings(cx)
    _worn_beside(cx)
    _not_asked_but(cx)
    if keep:  # asked what to change, "no, leave it" or "nothing, it's fine" declines any change
        cx.expect = "yes_no"
        cx.found = [Found("no", Piece(0, keep.end()), rule="no.keep_as_is")] + [
            f for f in cx.found if f.piece.start >= keep.end() and f.kind != "content"]
    if cx.tables.consent.search(cx.question) and {"yes", "no", "hedge"} & set(cx.kinds()):
        for f in cx.found:  # "yes, sorry I'm on the train": beside a go-ahead, circumstances are asides
            if f.kind in ("content", "correction"):  # "No. That is not what I said ... Yes, carry on": aside
                f.kind = "consent"
            f.also_content = False
    if level == "crisis":  # the conversation stops here: nothing else said is to be played back
        cx.found = [f for f in cx.found if f.kind != "content" and not f.also_content]
    elif correcting and "no" not in cx.kinds():
        for f in cx.found:  # asked what to change, what they say is the corrected thought
            if f.kind == "content":
                f.kind, f.content, f.rule = "correction", bare(r.text[f.piece.start:f.piece.end]), "correction.asked"
    asides = tuple(sorted({f.topic for f in cx.found if f.kind == "filler" and f.topic}))
    return Reading(reply, tuple(assemble(cx)), asides)


_GO = re.compile(r"\blet'?s (?:go|start|begin|do it|do this)\b|\bgo (?:on|ahead)\b|"
                 r"^(?:just |ok |okay |fine,? )?(?:start|begin)\b")
_SHRUG = re.compile(r"i guess|i suppose|i think|probably")
# "yeah ok i guess" to "shall we begin?" (round 29): a grudging go-ahead, not a doubt about starting.
_TO_BEGIN = re.compile(r"(?i)\b(?:shall we (?:begin|start|carry on|go on)|(?:ready|happy|ok|all right) to "
                       r"(?:begin|start)|is it (?:ok|all right) to (?:begin|start)|shall we carry on)\b")
_OK_SHRUG = re.compile(r"(?:(?:ok|okay|fine|sure|alright|all right)[,]?\s+)?(?:i guess|i suppose|i think|probably)")
# "huh? i mean i want my own place", "wat. because rent": a bare "what?" and then the answer anyway.
_WHICH_THING = re.compile(r"(?:you mean |do you mean )?(?:the|that|this|my) [\w' ]{1,25} (?:thing|bit|part|one)")
_BARE_WHAT = re.compile(r"(?:(?:wait|hang on|hold on|um+|uh+|sorry)[,.]? )*(?:say )?"
                        r"(?:what|wat|wut|wot|huh|eh|pardon|hm+)")


_NOT_X_Y = re.compile(r"\W*(?:(?:actually|no|nah|well|wait|hmm+)[,.]?\s+)*not (?:really |the )?(?P<x>[\w' ]{2,30}?),\s*"
                      r"(?:(?:more|it'?s|its|just|but|rather)\s+)?(?P<y>[\w' ]{2,40}?)\W*")
_WISHED_FEELING = re.compile(r"\b(?:want|wanna|wanted|would like|'d like|need|hope|wish)(?: to)? (?:feel|be)\b")
# "..., i thought the big thing was X? anyway yes still training": back to the question asked
_ANYWAY = re.compile(r"(?:^|[.!?,;]\s*|\s)(?:anyway|anyways|anyhow|but anyway|moving on)\b[,.:!]*\s*")


def _not_asked_but(cx: Context) -> None:
    """"actually not money, freedom" at "when you say money, ...?" (round 37): the word asked about put right."""
    asked = set(words(cx.question))
    for f in cx.found:
        m = _NOT_X_Y.fullmatch(cx.reply.low, f.piece.start, f.piece.end) if f.kind == "content" else None
        if m and set(words(m["x"])) <= asked and words(m["y"]):
            f.kind, f.content, f.rule = "correction", cx.reply.text[m.start("y"):m.end("y")], "correction.not_x_y"


def _worn_beside(cx: Context) -> None:
    """"honestly im running on fumes lol. ... looking after people in a calmer way" (round 41): worn out, said as
    a sentence of its own before the answer, is met and not kept as the answer."""
    for f in cx.found:
        if f.kind == "feeling" and f.also_content and f.rule == "feeling.worn" and any(
                g.kind == "content" and g.piece.start > f.piece.end and len(words(
                    cx.reply.low[g.piece.start:g.piece.end])) >= 4 for g in cx.found):
            f.also_content = False


def _wished_feelings(cx: Context) -> None:
    """"I want to feel proud" (round 37): a wish, the reason given, not a feeling had now."""
    for f in cx.found:
        if f.kind == "feeling" and _WISHED_FEELING.search(cx.reply.low, f.piece.start, f.piece.end):
            f.kind, f.topic = "content", None


def _back_to_it(cx: Context) -> None:
    """At a yes/no question, a thought asked aloud before "anyway" is an aside, and so is what leads to it (a yes
    or a no said there still counts); the answer is what comes after it."""
    m = next((m for m in _ANYWAY.finditer(cx.reply.low) if m.start() > 0), None) if cx.expect == "yes_no" else None
    if m is None or not any(f.kind in ("yes", "no", "hedge", "content") and f.piece.start >= m.end() for f in cx.found):
        return
    if "?" not in m.group(0) and not cx.reply.low[:m.start()].rstrip().endswith("?"):
        return  # "someone threw a kettle box at my supervisor. anyway yeah ...": told, and kept as told
    for f in cx.found:  # "not really no. bits are scrambled but anyway. ...": the no before it still answers
        if f.piece.end <= m.end() and (f.kind == "content" or f.rule in ("content.tentative", "yes.after")):
            f.kind, f.also_content = "filler", False


def _answered_anyway(cx: Context) -> None:
    """"say what? the new starters thing? I want them to ...": a short check on the question, then the answer."""
    for i, f in enumerate(cx.found):
        said = bare(cx.reply.low[f.piece.start:f.piece.end])
        # "the new starters thing?": which thing was meant, asked in passing
        checked = f.rule == "content.tentative" and _WHICH_THING.fullmatch(said) is not None
        if ((f.kind == "question" and _BARE_WHAT.fullmatch(said)) or checked) \
                and any((g.kind == "content" and len(words(cx.reply.low[g.piece.start:g.piece.end])) >= 4)
                        or g.kind == "correction" for g in cx.found[i + 1:]):  # "wait what? no i meant X"
            f.kind = "filler"


def _thinking_aloud(cx: Context, s: Piece, low: str) -> bool:
    """A few words of the question said over while thinking, trailing off or as a label ("whose job...", "what
    drives me..", "whose job - the area manager's")."""
    said = words(low)
    after = cx.reply.low[s.end:].lstrip()  # "whose job... X", "whose job - X", "whose job: X"
    trails = after.startswith(("..", "\u2026", "-", "\u2013", "\u2014", ":"))
    asked = set(words(cx.question))
    # "Impact, obviously - ..." at "(impact), or ... (control)?" (round 32): one of the options picked, not said over
    picked = any(f"({w})" in cx.question.lower() for w in said)
    return trails and not picked and 1 <= len(said) <= 4 and sum(w in asked for w in said) >= max(1, len(said) - 1)


def _read_sentence(cx: Context, s: Piece) -> None:
    r, t = cx.reply, cx.tables
    low = r.low[s.start:s.end]
    if _thinking_aloud(cx, s, low):  # "whose job... the design director": the question said over, trailing off
        cx.found.append(Found("filler", s, rule="thinking_aloud"))
        return
    if _PARDON_ONLY.match(low):  # "sorry?" asks to hear it again; "sorry." is only an aside
        cx.found.append(Found("question", s, topic="simpler", rule="question.pardon"))
        return
    whole = match_whole(cx, low)
    if whole:
        cx.found.append(Found(whole.kind, s, topic=whole.topic, rule=whole.id))
        return
    # Where the first question, advice request, meta remark or correction starts, if any:
    # an opener may not swallow it ("I'm not sure I understand the question").
    first = min((m.start() for rule in t.rules.rules if rule.kind in _FIRST
                 for m in [match(cx, rule, low)] if m), default=len(low))
    opened: list[Found] = []
    pos = 0
    while pos < len(low):
        best: tuple[Rule, int] | None = None
        for rule in t.open.rules:
            if rule.expect and rule.expect != cx.expect:
                continue
            m = rule.regex.match(low[pos:])
            if not m or m.end() == 0 or not _AFTER_OPENER.match(low, pos + m.end()):
                continue
            if pos + m.end() > first and rule.kind != "correction":
                continue
            if best is None or m.end() > best[1]:
                best = (rule, m.end())
        if best is None:
            break
        rule, length = best
        kind = rule.kind
        if kind == "filler" and opened and opened[-1].kind in ("yes", "no") and hedges(t, low[pos:pos + length]):
            kind = "hedge"  # "ye i guess, who sees this?": the filler qualifies the yes before it
        opened.append(Found(kind, Piece(s.start + pos, s.start + pos + length), topic=rule.topic, rule=rule.id))
        sep = _AFTER_OPENER.match(low, pos + length)
        pos = sep.end() if sep else pos + length
    core, tail = _peel_closers(cx, trim(r, Piece(s.start + pos, s.end)))
    cx.found.extend(opened)  # what opened the sentence is what the rest comes after ("no, it's more about X")
    read = read_core(cx, core) if core.end > core.start else []
    said = opened + read + tail
    if any(f.kind == "hedge" for f in said):  # "probably yes", "i think so, not totally sure": a hedge, not a yes
        begin = _TO_BEGIN.search(cx.question or "") is not None  # "yeah ok i guess" to "shall we begin?" (round 29)
        go = next((f for f in said if f.kind == "yes" and (begin or _GO.search(r.low[f.piece.start:f.piece.end]))),
                  None)
        # "ye sure lets go i guess lol", "yeah ok i guess, lets go": a go-ahead all the same
        went = go is not None and _GO.search(r.low[go.piece.start:go.piece.end]) is not None
        shrug = go is not None and all(
            f.kind != "hedge" or ((_SHRUG if went else _OK_SHRUG).fullmatch(r.low[f.piece.start:f.piece.end]) and (
                went or f.piece.start > go.piece.start)) or (went and f.piece.start < go.piece.start) for f in said)
        # "yeah i suppose meaningful yeah" (round 40): a shrug, then the thing named and a yes to end on
        settled = said[-1].rule == "yes.after" and all(f.kind != "hedge" or (
            _SHRUG.search(r.low[f.piece.start:f.piece.end]) and f.piece.end <= said[-1].piece.start) for f in said)
        for f in said:
            f.kind = ("filler" if f.kind == "hedge" else f.kind) if shrug or settled else (
                "filler" if f.kind in ("yes", "no") else f.kind)
    cx.found.extend(read + tail)


# What a closing word is named after: "is still a maybe", "as a maybe".
_NAMED_BEFORE = re.compile(r"\b(?:a|an|the|another|big|small|real|definite|strong)\s*$")


def _peel_closers(cx: Context, core: Piece) -> tuple[Piece, list[Found]]:
    r = cx.reply
    tail: list[Found] = []
    while core.end > core.start:
        hit = None
        for low in (r.low[core.start:core.end].rstrip(" .!,"), r.low[core.start:core.end].rstrip(" .!?,")):
            for rule in cx.tables.close.rules:
                m = rule.regex.search(low)
                # ("the university thing is still a maybe": the maybe is the thing said, not a closer; round 67)
                if m and m.start() > 0 and low[m.start() - 1] in " ," and not _NAMED_BEFORE.search(low[:m.start()]):
                    hit = (rule, m)
                    break
            if hit:
                break
        if hit is None:
            break
        rule, m = hit
        tail.insert(0, Found(rule.kind, Piece(core.start + m.start(), core.start + m.end()), topic=rule.topic,
                                rule=rule.id))
        core = trim(r, Piece(core.start, core.start + m.start()))
    return core, tail


