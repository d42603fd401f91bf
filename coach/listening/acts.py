"""Dialogue acts: what a reply does (yes, hedge, correction, question, content, ...), read by rules.

The value objects (Act, Reading) are in coach.listening.reading; this module reads replies.
"""

from __future__ import annotations

import re

from coach.listening.assemble import assemble, join, not_knowing, self_repair, yes_meant
from coach.listening.corrected import corrected
from coach.listening.found import Context, Found, Tables, tables
from coach.listening.lexicon import Lexicon
from coach.listening.patterns import Rule
from coach.listening.reading import Reading
from coach.listening.shape import TAG, denies_thing, opened, own_dilemma, question_shaped
from coach.listening.text import Piece, Reply, bare, trim, words

# Kinds whose words win over an opener that would swallow them ("not sure I understand").
_FIRST = ("advice_request", "question", "meta", "correction", "feeling")
# An opener must end at a separator: "no, I..." opens with "no"; "nobody" does not.
_AFTER_OPENER = re.compile(r"[\s,.!?:]+|$")
# Where one clause of a sentence may end and another begin.
_CLAUSE = re.compile(r",\s+(?:and |but |which |so |though |because )?|\s+(?:and|but) (?=(?:that|it|this|i|i'm|i've)\b)")
# Questions that ask for a correction ("What would you change, so that it says what you mean?").
_CORRECTION_QUESTION = re.compile(r"\bwhat would you (?:change|correct)\b|\bso that it says what you mean\b")
# A later clause that goes on with the sentence's verb, no "?": "..., have a say in what we build".
_GOES_ON = re.compile(r"(?:have|has|had|be)\s+"
                      r"(?:a|an|the|all|being|two|three|most|these|those|some|more|less|my|our)\b"
                      # "she visits shops, checks stuff, does the numbers": one more thing done, no question
                      r"|(?:does|do|did)\s+(?:the|a|an|all|some|his|her|their|my|our|most)\s+[\w']+(?:\s+[\w']+)?\W*$"
                      # "accessibility audits, where you find the little things": a relative clause goes on
                      r"|(?:where|which|who|whom|when)\s+(?!(?:do|does|did|is|are|was|were|would|could|should|can|"
                      r"will|one|of|the)\b)"
                      # "and my cat, who is a menace": said of someone, not asked
                      r"|(?:who|which)\s+(?:is|was|are|were)\s+(?:a|an|so|such|always|really|very|basically|literally|"
                      r"honestly|also|still|now|my|our)\b")
_PARDON = frozenset({"what", "sorry", "wait", "huh", "pardon", "come", "again"})
_PARDON_ONLY = re.compile(r"^\s*(?:sorry|pardon|excuse me)\s*\?+\W*$")
_TAIL = re.compile(r"(?:[\s,]+(?:lol|haha+|lmao|tbh|sorry|honestly|to be honest|right now|at the moment|atm|for now|"
                   r"here|man|tho|though))+$")
_BARE_WORD = re.compile(r"^(?:ok,? )?(?:yes|yeah|yep|yup|ok|okay|sure|fine|no|nope|nah|maybe)$")
_ADDRESSED = re.compile(r"\b(?:you|your|u|ur)\b")
# "because you see the same patients over time?", "you get to know them?": a statement said with a rising
# voice, "you" meaning anyone, not a question put to the coach.
_GENERIC_YOU = re.compile(r"^(?:(?:i guess|i think|i suppose|maybe|like|because|cos|cause|i dunno|idk|well|and|so|"
                          r"probably),? )*(?:you|u) (?!(?:think|mean|know|reckon|asked?|want|said|say|sound|are|were|"
                          r"re|really|just|can|could|would|will|do|did|have|got|agree|see (?:what|why|how))\b)[a-z']+")



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
    r = Reply(reply)
    cx = Context(r, tables(lex), expect, (question or "").lower())
    correcting = _CORRECTION_QUESTION.search(cx.question) is not None
    keep = cx.tables.keep.match(r.low) if correcting else None
    level = distress_level(r.text, lex)
    for part in r.sentences():
        piece_level = distress_level(r.text[part.start:part.end], lex) if level else None
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


_GO = re.compile(r"\blet'?s (?:go|start|begin|do it|do this)\b|\bgo (?:on|ahead)\b")
_SHRUG = re.compile(r"i guess|i suppose|i think|probably")
# "huh? i mean i want my own place", "wat. because rent": a bare "what?" and then the answer anyway.
_WHICH_THING = re.compile(r"(?:you mean |do you mean )?(?:the|that|this|my) [\w' ]{1,25} (?:thing|bit|part|one)")
_BARE_WHAT = re.compile(r"(?:sorry,? )?(?:say )?(?:what|wat|wut|wot|huh|eh|pardon|hm+)")


def _answered_anyway(cx: Context) -> None:
    """"say what? the new starters thing? I want them to ...": a short check on the question, then the answer."""
    for i, f in enumerate(cx.found):
        said = bare(cx.reply.low[f.piece.start:f.piece.end])
        # "the new starters thing?": which thing was meant, asked in passing
        checked = f.rule == "content.tentative" and _WHICH_THING.fullmatch(said) is not None
        if ((f.kind == "question" and _BARE_WHAT.fullmatch(said)) or checked) \
                and any(g.kind == "content" and len(words(cx.reply.low[g.piece.start:g.piece.end])) >= 4
                        for g in cx.found[i + 1:]):
            f.kind = "filler"


def _thinking_aloud(cx: Context, s: Piece, low: str) -> bool:
    """A few words of the question said over while thinking, trailing off ("whose job...", "what drives me..")."""
    said = words(low)
    trails = cx.reply.low.startswith(("..", "\u2026"), s.end)
    asked = set(words(cx.question))
    return trails and 1 <= len(said) <= 4 and sum(w in asked for w in said) >= max(1, len(said) - 1)


def _read_sentence(cx: Context, s: Piece) -> None:
    r, t = cx.reply, cx.tables
    low = r.low[s.start:s.end]
    if _thinking_aloud(cx, s, low):  # "whose job... the design director": the question said over, trailing off
        cx.found.append(Found("filler", s, rule="thinking_aloud"))
        return
    if _PARDON_ONLY.match(low):  # "sorry?" asks to hear it again; "sorry." is only an aside
        cx.found.append(Found("question", s, topic="simpler", rule="question.pardon"))
        return
    whole = _match_whole(cx, low)
    if whole:
        cx.found.append(Found(whole.kind, s, topic=whole.topic, rule=whole.id))
        return
    # Where the first question, advice request, meta remark or correction starts, if any:
    # an opener may not swallow it ("I'm not sure I understand the question").
    first = min((m.start() for rule in t.rules.rules if rule.kind in _FIRST
                 for m in [_match(cx, rule, low)] if m), default=len(low))
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
        if kind == "filler" and opened and opened[-1].kind in ("yes", "no") and _hedges(t, low[pos:pos + length]):
            kind = "hedge"  # "ye i guess, who sees this?": the filler qualifies the yes before it
        opened.append(Found(kind, Piece(s.start + pos, s.start + pos + length), topic=rule.topic, rule=rule.id))
        sep = _AFTER_OPENER.match(low, pos + length)
        pos = sep.end() if sep else pos + length
    core, tail = _peel_closers(cx, trim(r, Piece(s.start + pos, s.end)))
    cx.found.extend(opened)  # what opened the sentence is what the rest comes after ("no, it's more about X")
    read = _read_core(cx, core) if core.end > core.start else []
    said = opened + read + tail
    if any(f.kind == "hedge" for f in said):  # "probably yes", "i think so, not totally sure": a hedge, not a yes
        go = next((f for f in said if f.kind == "yes" and _GO.search(r.low[f.piece.start:f.piece.end])), None)
        shrug = go is not None and all(f.kind != "hedge" or (f.piece.start > go.piece.start and _SHRUG.fullmatch(
            r.low[f.piece.start:f.piece.end])) for f in said)  # "ye sure lets go i guess lol": a go-ahead all the same
        for f in said:
            f.kind = ("filler" if f.kind == "hedge" else f.kind) if shrug else (
                "filler" if f.kind in ("yes", "no") else f.kind)
    cx.found.extend(read + tail)


def _hedges(t: Tables, text: str) -> bool:
    """Is ``text`` a whole hedge ("i guess", "i think") by the opening rules?"""
    return any(r.kind == "hedge" and (m := r.regex.match(text)) is not None and m.end() == len(text)
               for r in t.open.rules)


def _match_whole(cx: Context, low: str) -> Rule | None:
    """A rule that reads the whole sentence (an aside, a non-answer, an echo of the question)."""
    text = _whole_text(low)
    if not text and low.strip():
        return Rule("non_answer.punctuation", "non_answer", re.compile(""))
    # An echo of the question ("5 years?", "free day?") says nothing yet.
    ws = words(text)
    if low.rstrip().endswith("?") and 0 < len(ws) <= 3 and cx.question and all(w in cx.question for w in ws) \
            and not set(ws) <= _PARDON:  # "what?" is not caught, not the question's "what" said back
        return Rule("filler.echo", "filler", re.compile(""))
    # A bare "right." or "I think so" is a yes (or no, or hedge) to be peeled, not an aside.
    for rule in cx.tables.open.rules:
        if rule.kind in ("yes", "no", "hedge", "feeling") and _usable(cx, rule):
            m = rule.regex.match(text)
            if m and m.end() == len(text):
                return None
    for rule in cx.tables.rules.rules:
        whole = rule.where == "whole" and rule.kind in ("non_answer", "filler")
        if whole and _usable(cx, rule) and rule.regex.search(text):
            if _said_alone(cx, rule, text):
                continue
            return rule
    return None


def _whole_text(low: str) -> str:
    """A piece as a whole rule reads it: trailing asides do not change it ("cant think of anything sorry")."""
    return _TAIL.sub("", bare(low))


def _usable(cx: Context, rule: Rule) -> bool:
    if rule.expect and rule.expect != cx.expect:
        return False
    return not rule.after or bool(set(rule.after) & set(cx.kinds()))


def _peel_closers(cx: Context, core: Piece) -> tuple[Piece, list[Found]]:
    r = cx.reply
    tail: list[Found] = []
    while core.end > core.start:
        hit = None
        for low in (r.low[core.start:core.end].rstrip(" .!,"), r.low[core.start:core.end].rstrip(" .!?,")):
            for rule in cx.tables.close.rules:
                m = rule.regex.search(low)
                if m and m.start() > 0 and low[m.start() - 1] in " ,":
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


def _read_core(cx: Context, core: Piece) -> list[Found]:
    """What the rest of a sentence is, clause by clause when its clauses do different things."""
    whole = _classify(cx, core)
    clauses = _clauses(cx.reply, core)
    if len(clauses) < 2 or TAG.search(cx.reply.low[core.start:core.end]):  # "X, right?" asks about X
        return [whole]
    parts = [_classify(cx, c, first=i == 0) for i, c in enumerate(clauses)]
    if all(p.kind == "content" and not p.also_content for p in parts):
        return [whole]
    merged: list[Found] = []
    for p in parts:
        prev = merged[-1] if merged else None
        if prev and prev.kind == "correction" and p.kind == "content":  # "it's not X, it's Y": one thought
            prev.piece = Piece(prev.piece.start, p.piece.end)
            prev.content = join(prev.content, bare(cx.reply.text[p.piece.start:p.piece.end]))
            continue
        if prev and prev.kind == "content" and p.kind == "correction" and p.rule == "correction.contrast":
            # "X, not Y": the contrast makes the whole clause the corrected thought
            prev.kind, prev.rule = "correction", p.rule
            prev.piece = Piece(prev.piece.start, p.piece.end)
            prev.content = bare(cx.reply.text[prev.piece.start:prev.piece.end])
            continue
        merged.append(p)
    return merged


def _clauses(r: Reply, core: Piece) -> list[Piece]:
    low = r.low[core.start:core.end]
    out, start = [], 0
    for m in _CLAUSE.finditer(low):
        # One word is a clause of its own only before "and"/"but" ("chess, and i wish ...").
        if len(words(low[start:m.start()])) >= (1 if re.match(r",\s+(?:and|but) ", m.group(0)) else 2):
            out.append(Piece(core.start + start, core.start + m.start()))
            start = m.end()
    out.append(Piece(core.start + start, core.end))
    return [p for p in (trim(r, p) for p in out) if p.end > p.start]


_NOT_X = re.compile(r"\bnot (?:about |really |just |quite |so much )?(?P<x>[\w' ]{3,40}?)(?: exactly| really)?"
                    r"(?:,|$| but\b)")
_OFFERED = re.compile(r"(?:maybe |perhaps |so |or )?(?:could i|can i|i could|what if i|how about i|maybe i could) "
                      r"(?P<verb>(?!skip|pause|stop|come back|go back|change|answer|say|use|pick|choose|name|list|give|"
                      r"have a|take a break|ask you|delete|share|see|read)\w+ [^?]{6,})$")
_ASKS_TO_TRY = re.compile(r"experiment|\btry\b|one small thing")


def _classify(cx: Context, core: Piece, first: bool = True) -> Found:
    low = cx.reply.low[core.start:core.end]
    text = bare(low)
    # A later clause is a question only if it opens like one: "..., product lead or engineering lead?"
    shaped = question_shaped(low) if first else opened(low)
    goes_on = not first and "?" not in low and _GOES_ON.match(low) is not None
    # A clause that is only a yes, no or hedge ("honestly scared to, but yes"), where one is asked for.
    offered = _OFFERED.match(text)
    at = low.find(offered.group("verb")) if offered else -1
    if offered and at >= 0 and _ASKS_TO_TRY.search(cx.question):
        # "could i ask the buyer if i can sit in on a range review?": an experiment offered, said as a question;
        # kept from its verb on ("ask the buyer if ...")
        return Found("content", Piece(core.start + at, core.end), rule="content.tentative")
    kinds: tuple[str, ...] = ("yes", "no", "hedge") if cx.expect == "yes_no" else ("hedge",)
    if not first:  # after a comma only a bare word counts: "scared to, but yes"; not "..., not for me"
        kinds = kinds if _BARE_WORD.match(text) else ()
    for rule in cx.tables.open.rules:
        if rule.kind in kinds and _usable(cx, rule):
            m = rule.regex.match(text)
            if m and m.end() == len(text):
                return Found(rule.kind, core, rule=rule.id)
    # "Not my question about which organisation.": a thing denied, not asked; "Whose job would I not want: the
    # CTO": the question said as a label for the answer after the colon
    denied = "?" not in low and (denies_thing(text) or cx.reply.low[core.end:core.end + 3].lstrip().startswith(":"))
    for rule in cx.tables.rules.rules:
        if (goes_on or denied) and rule.kind == "question":
            continue
        m = _match(cx, rule, low, shaped)
        if not m:
            continue
        if rule.id == "correction.rather" and _rephrased_own(cx, core):
            return Found("content", core, rule="content.rephrased")
        if rule.id == "question.clarify_words" and own_dilemma(low):
            return Found("content", core, rule="content.tentative")  # "Management or IC?": their own choice, said
        found = Found(rule.kind, core, topic=rule.topic, rule=rule.id)
        if rule.kind == "correction":
            found.content = corrected(cx.reply, core, m)
        # A long run-on sentence is more than the few words a feeling or a remark was found in: its
        # content is kept too ("hang on, I said X first, ... I think its because I love ...").
        run_on = rule.kind in ("feeling", "meta") and len(words(low)) > 12 \
            and len(words(m.group(0))) * 3 < len(words(low))
        found.also_content = (rule.keep_content or run_on) and cx.expect == "text"
        return found
    if shaped and not goes_on and _ADDRESSED.search(low) and not _GENERIC_YOU.match(bare(low)):
        return Found("question", core, topic="other", rule="question.addressed")
    # "freedom?", "something with data?": an answer offered as a question is a tentative one.
    tentative = low.rstrip().endswith("?") and not opened(low)
    return Found("content", core, rule="content.tentative" if tentative else "content")


def _rephrased_own(cx: Context, core: Piece) -> bool:
    """"I grew up with that. It feels like, not atonement exactly, more like closing a loop": their own
    words put better mid-answer, not the coach corrected (what is denied is nowhere in the question)."""
    low = cx.reply.low
    start = max((m.end() for m in re.finditer(r"[.!?;]\s", low[:core.start])), default=0)  # this sentence
    sentence = low[start:core.end]
    denied = _NOT_X.search(sentence)
    lead = words(sentence[:denied.start()]) if denied else []
    # "It feels like, not X, more like Y": the sentence opens on their own words, not on "no" or "actually"
    if not denied or len(lead) < 2 or lead[0] in ("no", "nah", "nope", "actually", "well", "but", "its", "it's"):
        return False
    if not any(f.kind == "content" for f in cx.found):
        return False
    said = {w for w in words(denied.group("x")) if len(w) > 3}
    return bool(said) and not said & set(words(cx.question.lower()))


def _match(cx: Context, rule: Rule, low: str, shaped: bool | None = None) -> re.Match[str] | None:
    """Where ``rule`` matches this piece, if its conditions (expect, after, shape) hold."""
    if not _usable(cx, rule):
        return None
    if rule.shape == "question" and not (question_shaped(low) if shaped is None else shaped):
        return None
    if rule.shape == "opened" and not opened(low):
        return None
    if rule.where == "whole" and _said_alone(cx, rule, _whole_text(low)):
        return None
    return rule.regex.search(_whole_text(low) if rule.where == "whole" else low.rstrip(" .!,"))


def _said_alone(cx: Context, rule: Rule, text: str) -> bool:
    """"i told you." as the whole reply is a remark about the conversation, not an aside beside an answer."""
    return rule.id == "filler.about_answer" and text == _whole_text(cx.reply.low)


