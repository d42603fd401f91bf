"""After every piece of a reply is read: passes over the whole reply, and the acts they make.

Taking back what was just said ("X. no, honestly, Y"), not knowing that hedges or empties what
follows ("idk, maybe finance"), and joining neighbours of one kind into the reply's acts.
"""

from __future__ import annotations

import re

from coach.listening.found import Context, Found
from coach.listening.reading import Act, sentence
from coach.listening.takeback import TAKE_BACK
from coach.listening.text import PURPOSE, Piece, Reply, bare, words

# Kinds after which a plain remark belongs to them ("Which experiment? I don't remember that.").
LEADS = ("question", "advice_request")


# "no i mean yes, lets start": a no taken back at once. "no nothing. start pls": no questions first,
# then a plain word to start (the no answered "anything you'd want to know first?").
_NO_THEN_YES = re.compile(r"^(?:no|nope|nah)[,.!]*\s+(?:(?:i mean|i meant|wait|sorry|actually|oops|oh)[,.!]*\s+)+"
                          r"(?:yes|yeah|yep|ya|sure)\b")
_NONE_THEN_GO = re.compile(
    r"^(?:no|nope|nah|not really),? (?:nothing|no questions|all good|i'?m good|nothing really|it'?s fine|its ok(?:ay)?|"
    r"it'?s ok(?:ay)?|i'?m fine)[.,!]*\s+"
    r"(?:ok |okay |so |then |just )?(?:let'?s |pls |please )?(?:start|begin|go ahead|go|carry on|continue)"
    r"(?: (?:pls|please|now|then))?[.!]*$")


_SAID_YES = re.compile(r"\b(yes|yeah|yep|yup|ya)\b[\s!.]*(?:lol|haha|lmao|obviously|ffs)?[\s!.?]*$")


def yes_meant(cx: Context) -> None:
    """A yes the mentee meant, around a "no" that is not one; a doubt said of a feeling is not about the yes."""
    found, low = cx.found, cx.reply.low
    if _NONE_THEN_GO.match(low):
        for f in found:
            f.kind = {"no": "filler", "non_answer": "filler", "content": "yes"}.get(f.kind, f.kind)
        return
    if found and found[0].kind == "no" and _NO_THEN_YES.match(low) and any(f.kind == "yes" for f in found[1:]):
        found[0].kind = "filler"
    said_yes = _SAID_YES.search(low)
    if said_yes and not any(f.kind in ("yes", "no", "hedge") for f in found) and any(f.kind == "meta" for f in found):
        # "i literally just said impact yes lol": annoyed, and a yes all the same.
        found.append(Found("yes", Piece(said_yes.start(1), said_yes.end(1)), rule="yes.said_again"))
    said = [f for f in found if f.kind in ("yes", "no", "hedge")]
    run = len(said)
    while run > 0 and said[run - 1].kind == "yes":
        run -= 1  # "... yes ok": the yes words said together at the end
    last = low[said[run].piece.start:].strip() if 0 < run < len(said) else ""
    if last and (_GO_ON.fullmatch(last) or (not any(f.kind == "no" for f in said) and _ON_ITS_OWN.fullmatch(last))) \
            and low[:said[run].piece.start].rstrip().endswith((".", "?", "!", "...")):
        # "um, I guess so? sure", "yeah I think so. probably. yes": thought aloud, then settled on a yes.
        for f in said[:run]:
            f.kind = "filler"
    tail = len(said)
    while tail > 0 and said[tail - 1].kind == "no":
        tail -= 1  # "... not really, no.": the no words said together at the end
    if 0 < tail < len(said) and not any(f.kind == "yes" for f in said) and \
            _NO_ON_ITS_OWN.fullmatch(low[said[tail].piece.start:].strip()) and \
            low[:said[tail].piece.start].rstrip().endswith((".", "?", "!", "...")):
        for f in said[:tail]:  # "Less than before, I just said. Not really, no.": settled on a no
            if f.kind == "hedge":
                f.kind = "filler"
    _not_this_beside(cx)
    if any(f.kind == "yes" for f in found):
        # "yes, lets start. kind of nervous maybe": the maybe goes with the nerves, not the yes.
        feelings = [f.piece for f in found if f.kind == "feeling"]
        for f in found:
            if f.kind == "hedge" and any(p.start <= f.piece.start < p.end + 8 for p in feelings):
                f.kind = "filler"


# Words that name nothing: "not teaching now, after that tuesday" names teaching and tuesday.
_SMALL_WORDS = frozenset(("that", "this", "then", "than", "with", "after", "before", "what", "when", "where", "still",
                          "now", "from", "just", "more", "about", "really", "anymore", "the", "a", "an", "and", "or",
                          "as", "at", "in", "on", "to", "of", "for", "it", "is", "was", "so", "any", "my", "me", "i"))
# "not really. HR says I have to. go on then": a go-ahead said last, on its own, settles it.
_GO_ON = re.compile(r"(?:(?:ok(?:ay)?|fine|alright|yes|yeah|ye)[,.!]? )*(?:go on(?: then)?|go ahead|start|begin|"
                    r"carry on|continue|keep going|proceed|go for it|"
                    r"let'?s (?:go|start|begin|do it|do this|get on with it|try(?: it| this)?|"
                    r"give it a (?:go|try|shot))|fine,? let'?s go)[\s.!]*"
                    r"(?:(?:i guess|i suppose|lol|haha|tbh)[\s.!]*)*")
# A last word that is only a yes ("sure", "yes.", "yep!"): nothing after it.
_ON_ITS_OWN = re.compile(r"(?:(?:yes+|yeah|yep|yup|sure|ok(?:ay)?|definitely|absolutely|correct|exactly)[\s,.!]*){1,2}")
# A last word that is only a no ("not really, no.", "nope."): nothing after it.
_NO_ON_ITS_OWN = re.compile(r"(?:(?:not really|no+|nope|nah|not at all)[\s,.!]*){1,2}")
# Taking back a joke or a first go: "no seriously,", "ok but for real", "jk,".
_TAKEN_BACK_JOKE = re.compile(
    r"[\s.,!?]*(?:(?:lol|haha|jk)[,.!]?\s+)?(?:(?:no+|nah|ok(?:ay)?|but|ok but)[,.!]?\s+)?"
    r"(?:seriously|srsly|seriosly|for real|for reals|fr|jk|joking|kidding|j/k|real answer|actual answer)"
    r"(?: though| tho)?[,.:!]*\s+")

# "bayesian stats lol, seriously. and climate policy" (round 60 dropped the stats): said in earnest, its sentence ended
_SAID_IN_EARNEST = re.compile(r"\s*(?:(?:lol|haha)\s*)?,\s*(?:seriously|srsly|for real|fr)(?: though| tho)?[.!]+\s+")
_MEANT_IT = re.compile(r"(?:i mean it|i'?m serious|im serious|no joke|not joking|i'?m not joking|for real)\b")
_NOT_SO = re.compile(r"(?:i'?m|im|i am|i'?ve|i) (?:not|never|already|don'?t)\b")
_WHY_I_ASK = re.compile(r"\b(?:because|cos|cause|coz|bc|since)\b")
# A clause that takes the thought before back: "Or, no, [I mean,] ...".
_REPAIR_LEAD = re.compile(r"(?:or|well|hmm+),?\s+(?:no+|nah)[,.!]+\s+")
# ("X. or not. not sure i want to tip my hand yet" is a doubt about X, not X taken back: round 70 lost X)
_REPAIR_START = re.compile(r"(?:or|well|hmm+),?\s+(?:no+|nah|not(?=,))[,.!]*")
# Put right in passing, inside one clause: "helping people grow, no wait, i mean seeing them get better",
# "the money, sorry i mean the freedom it gives me", "to be heard, or rather to have my ideas count".
_INLINE_REPAIR = re.compile(
    r"(?:[,;\u2014\u2013]|\s-+)\s*(?:(?:(?:no+|oh|ok),?\s+wait|wait,?\s+no|actually,?\s+no|no,?\s+actually|"
    r"scratch that|well,?\s+no|no no|or rather)[,.!\u2014-]*\s+(?:i mean[t]?[,:]?\s+|make (?:that|it)\s+)?|"
    r"(?:no,?\s+)?sorry,?\s+i mean[t]?[,:]?\s+|(?:or,?\s+)?no,?\s+i mean[t]?[,:]?\s+)")


def _not_this_beside(cx: Context) -> None:
    """"yes! still speech therapy. definitely not teaching now": after a yes, what it is not is said beside the
    thing asked about, never a correction of it (a "not" naming nothing the question named)."""
    opening = next((f.kind for f in cx.found if f.kind in ("yes", "no", "hedge")), None)
    if cx.expect != "yes_no" or opening != "yes" or not cx.question:
        return
    asked = set(re.findall(r"[a-z']+", cx.question))
    for f in cx.found:
        said = cx.reply.low[f.piece.start:f.piece.end]
        if f.kind == "correction" and said.startswith("not ") and not (
                set(re.findall(r"[a-z']+", said[4:])) - _SMALL_WORDS) & asked:
            f.kind = "content"


def self_repair(cx: Context) -> None:
    """"the office plant's. no, honestly, one of the senior designers": the mentee takes back
    what they just said; the thought before the "no" is not the answer, and the "no" is no answer."""
    found, low = cx.found, cx.reply.low
    for i in range(1, len(found) - 1):
        # "barista forever? lol no. maybe something with psychology": a "lol" between is no matter
        prev = next((f for f in reversed(found[:i]) if f.kind != "filler"), None)
        if found[i].kind == "no" and prev is not None and prev.kind == "content" and any(
            f.kind == "content" for f in found[i + 1:]
        ):
            prev.kind = found[i].kind = "filler"
    for i, f in enumerate(found):
        # "the CEO lol. no seriously, the head of product": the first go taken back
        before = [j for j in range(i) if found[j].kind == "content"]
        between = found[before[-1] + 1:i] if before else []
        if f.kind != "content" or not before or any(g.kind not in ("filler", "yes", "no", "hedge") for g in between):
            continue
        taken = _TAKEN_BACK_JOKE.search(low, found[before[-1]].piece.end, f.piece.end)
        rest = low[taken.end():f.piece.end] if taken else ""
        if (taken and rest.strip(" .!") and not _MEANT_IT.match(rest) and not _SAID_IN_EARNEST.fullmatch(taken.group(0))
                and not low[found[before[-1]].piece.end:taken.start()].strip(" .,!?;")):
            for g in found[before[-1]:i]:
                g.kind = "filler"
            f.piece = Piece(max(f.piece.start, taken.end()), f.piece.end)
    for i, f in enumerate(found):
        # "running the special collections? Or, no, I mean, I'd be happy ...": the sentence before is taken back
        bare_no = f.kind == "content" and _REPAIR_START.fullmatch(low, f.piece.start, f.piece.end) is not None
        prior = [g for g in found[:i] if g.kind not in ("filler", "hedge")]
        later = [g for g in found[i + 1:] if g.kind not in ("filler", "hedge")]
        if bare_no and prior and later and prior[-1].kind == later[0].kind == "content":
            prior[-1].kind = f.kind = "filler"
        lead = _REPAIR_LEAD.match(low, f.piece.start, f.piece.end) if f.kind == "content" else None
        if lead and prior and prior[-1].kind == "content" and words(low[lead.end():f.piece.end]):
            prior[-1].kind = "filler"  # "the CEO. or no, the CTO": the CTO
            f.piece, f.content = Piece(lead.end(), f.piece.end), None
    asked = [f for f in found[:-1] if f.kind != "filler"]
    if asked and asked[-1].topic == "purpose" and found[-1].kind == "content" and \
            _WHY_I_ASK.search(low, asked[-1].piece.end, found[-1].piece.start + 8) and \
            _NOT_SO.match(low, found[-1].piece.start):
        found[-1].kind = "filler"  # "is this about leaving? because i'm not leaving": why the question was asked
    for f in found:
        repairs = list(_INLINE_REPAIR.finditer(low, f.piece.start, f.piece.end)) if f.kind == "content" else []
        if repairs and words(low[f.piece.start:repairs[-1].start()]) and len(
                words(low[repairs[-1].end():f.piece.end])) >= 2:  # the first go taken back: what it became
            f.piece = Piece(repairs[-1].end(), f.piece.end)
            f.content = None
    _started_over(found, low)


# "wait actually probably just see friends": all said before is taken back for what follows "just"
_OVER = re.compile(r"(?:wait|hang on|hold on|no|nah)\W+(?:no\W+)?actually\b")
_JUST = re.compile(r"\b(?:just|only)\b")


def _started_over(found: list[Found], low: str) -> None:
    """"sleep in, then a climate march, or some open dataset. wait actually probably just see friends" (round 67
    kept all three): the thought said after "actually ... just" is the answer, and what came before is not."""
    for i, f in enumerate(found):
        if f.kind != "correction" or not _OVER.match(low, f.piece.start, f.piece.end):
            continue
        nxt = next((g for g in found[i + 1:] if g.kind == "content"), None)
        if nxt is not None and _JUST.search(low, f.piece.end, nxt.piece.start + 6):
            for g in found[:i]:
                g.kind = "filler" if g.kind == "content" else g.kind


# Beside not knowing, these say how it feels or ask something back: not an answer offered.
_NOT_AN_OFFER = frozenset({"feeling", "question", "advice_request", "meta", "distress", "correction", "non_answer"})


def not_knowing(cx: Context) -> None:
    """A reply that opens by not knowing: an answer offered after it is hedged, anything else is no answer.

    "idk, maybe finance" and "idk. making people happy" are hedged answers; "idk, it's hard to
    explain" and "no idea, I've never seen one up close" say why there is no answer, and are not
    content to play back.
    """
    found, low, offer, reason = cx.found, cx.reply.low, cx.tables.offer, cx.tables.no_reason
    opener = next((rule for rule in cx.tables.open.rules if rule.id == "open.non_answer"), None)
    unknowing = [i for i, f in enumerate(found) if f.rule == "open.non_answer" or (
        f.rule == "non_answer.whole" and opener and opener.regex.match(low[f.piece.start:f.piece.end]))]
    for at in unknowing:
        after = [f for f in found[at + 1:] if f.kind == "content" or f.also_content]
        if not after:
            continue
        # what comes between the not knowing and the first thing said (a feeling later on is no reason not to answer:
        # "no idea. either cardiology or health tech. this job is killing me tbh", round 29)
        between = found[at + 1:found.index(after[0]) + 1]
        # Not knowing after something was said ("I want X. not sure why though") hedges it too.
        offered = (any(f.kind != "filler" and i not in unknowing for i, f in enumerate(found[:at]))
                   or any(f.kind == "hedge" for f in found[at + 1:])
                   # "idk, i guess i was the kid who noticed": a guess offered, read as a filler
                   or (found[at + 1].kind == "filler" and offer.fullmatch(low[found[at + 1].piece.start:
                                                                            found[at + 1].piece.end].strip(" ,."))
                       and not any(reason.search(low[f.piece.start:f.piece.end]) for f in after))
                   or any((f.rule == "content.tentative" or offer.search(low[f.piece.start:f.piece.end]))
                          and not reason.search(low[f.piece.start:f.piece.end]) for f in after)
                   # "idk the head of design", "idk, nobody should feel dumb using a thing" (round 32), "idk,
                   # pottery classes on thursdays" (round 47 lost it): what is said straight after is the answer,
                   # hedged, unless it says why there is none
                   # "idk. it just does? i dont want to spend 40 yrs making a bank richer" (round 50 lost it all):
                   # more not knowing on the way is no reason there is no answer
                   or any(not reason.search(low[f.piece.start:f.piece.end]) for f in after[:1]
                          if not any(g.kind in _NOT_AN_OFFER - {"non_answer"} for g in between[:-1]))
                   # "idk. making people happy": said as a sentence of its own, what follows is the answer
                   or ((found[at].rule == "non_answer.whole" or re.match(r"\s*[.!;]", low[found[at].piece.end:]))
                       and not any(
                       reason.search(low[f.piece.start:f.piece.end]) or f.kind in _NOT_AN_OFFER
                       for f in between)))
        if offered:  # an answer said all the same: the not knowing hedges it
            found[at].kind = "hedge"
            continue
        for f in after:
            f.kind = "filler" if f.kind == "content" else f.kind
            f.also_content = False


def assemble(cx: Context) -> list[Act]:
    """Acts from what each piece was read as: fillers dropped, neighbours of one kind joined."""
    r = cx.reply
    acts: list[Found] = []
    for f in cx.found:
        for kind in [f.kind] + (["content"] if f.also_content else []):
            if kind in ("filler", "consent") or (kind in ("yes", "no") and cx.expect != "yes_no"):
                continue
            g = Found(kind, f.piece, f.topic, f.content if kind == f.kind else None, f.rule)
            if kind == "content":
                g.content = _clean_content(bare(r.text[f.piece.start:f.piece.end]))
                if not g.content:
                    continue
            prev = acts[-1] if acts else None
            if prev and prev.kind == "meta" and kind == "content" and _HOW_OFTEN.fullmatch((g.content or "").lower()):
                continue  # "you asked me what my why was, twice": how often the coach asked, never a reason
            if prev and kind == "content" and _absorbs(prev, g, r):
                if prev.kind == "correction":
                    prev.content = join(prev.content, g.content)
                continue
            if kind == "content" and f.rule == "content.tentative" and not any(a.kind == "hedge" for a in acts):
                acts.append(Found("hedge", f.piece, rule="content.tentative"))
                prev = acts[-1]
            if prev and prev.kind == kind and kind in ("content", "yes", "no", "hedge", "non_answer", "correction"):
                # "my dad said i was thick. so proving him wrong": the "so" says how the two go together
                so = kind == "content" and prev.content and g.content and \
                    _SO.search(r.low[prev.piece.end - 1:f.piece.start])
                prev.piece = Piece(prev.piece.start, f.piece.end)
                taken_back = _TAKEN_BACK.search(r.low[prev.piece.start:f.piece.start])
                if kind == "correction" and g.content and (_DENIAL.match(prev.content or "") or taken_back):
                    # "... well no, actually its more that i'm tired of 12 hour shifts": what it became (round 28)
                    prev.content = g.content  # "not quite. it's not just X, everyone says that. it's more Y": Y
                    continue
                prev.content = join(prev.content, f"so {g.content}" if so else g.content)
                continue
            acts.append(g)
    if not acts and r.text.strip(" "):
        only_yes_no = cx.expect != "yes_no" and any(f.kind in ("yes", "no") for f in cx.found)
        acts = [Found("non_answer", Piece(0, len(r.text)), rule="bare-yes-no" if only_yes_no else "only-fillers")]
        if cx.expect == "yes_no" and _SHRUGGED_YES.match(r.low):  # "ok fine", "ok then" at "shall we begin?"
            acts = [Found("yes", Piece(0, len(r.text)), rule="open.yes")]
    if not r.text.strip():
        acts = [Found("non_answer", Piece(0, 0), rule="empty")]
    return [Act(a.kind, bare(r.text[a.piece.start:a.piece.end]), a.topic, a.content, a.rule) for a in acts]


# Said the way an answer is said: a wish, or a thing named ("i want to be a nurse", "a ward manager").
_ANSWER_SHAPED = re.compile(r"(?i)(?:(?:and |but |so )?i(?:'d| would)? (?:really )?(?:want|wanna|like|love|hope|"
                            r"see myself|picture myself)\b|my goal\b|"
                            r"(?:probably |maybe |prob )?(?:a|an) [\w' -]{2,40}$)")


# What a correction says it is not, before what it is ("it's not just making a difference").
# A first go taken back before the next correction: "well no, actually", "no wait", "or actually no".
_TAKEN_BACK = re.compile(rf"(?:^|[.!?,]\s*)(?:(?:well|or|hmm)[,.]?\s+)?{TAKE_BACK}\b[,.]?\s*(?:actually[,.]?\s*)?$")
_DENIAL = re.compile(r"(?i)^(?:it'?s |its |it is |is |that'?s |thats )?(?:not|no longer)\b")
_SO = re.compile(r"[.!?]\s+(?:and )?so\b[\s,]*$")


# A question put to the coach about itself, then the mentee's own answer to it: "do you read much fiction? i do, loads"
_ASKED_YOU = re.compile(r"(?:do|did|have|are|would|could|can) (?:you|u)\b")
_OWN_TURN = re.compile(r"(?i)^(?:(?:yeah|yes|well|oh|ha|haha|lol)\W+)*(?:i|i'm|im|i've|ive|me)\b")
_HOW_OFTEN = re.compile(r"(?:twice|again|(?:three|four|3|4) times|(?:for )?the (?:second|third|2nd|3rd) time)(?: now)?")
_ENDS_YES_NO = re.compile(r"\b(?:but|so|and)\s+(?:no|nope|nah|yes|yeah)\W*$")
_THEN_NAMED = re.compile(r"\W*(?:then|in that case|if so|if yes),? (?:my|the|a|an|our|his|her|their)\b")


def _absorbs(prev: Found, g: Found, r: Reply) -> bool:
    """Does ``prev`` take this content in: a correction its corrected thought, a question its context?"""
    if prev.kind == "correction":
        return prev.content is None or bool(prev.rule and prev.rule.startswith("open"))
    if prev.kind == "question" and prev.topic == "progress":
        return False  # "i need to go soon. football and puzzles": a hurry, then the answer
    if prev.kind == "question" and _ANSWER_SHAPED.match(g.content or ""):
        return False  # "why do you ask? i want to be a nurse", "who sees this? a ward manager": the answer
    if prev.kind == "question" and prev.topic == "other" and _ASKED_YOU.match(r.low, prev.piece.start) \
            and _OWN_TURN.match(r.low[prev.piece.end:g.piece.end].lstrip(" ?!.,")):
        return False  # "do you read much fiction? i do, loads" (round 82 kept nothing): their own answer follows
    if prev.kind in LEADS and _ENDS_YES_NO.search(r.low, g.piece.start, g.piece.end):
        return False  # "where did recognition come from? i guess it would be nice but no": the answer
    if prev.kind in LEADS:
        # A short remark after a question is its context; "because ..." after one is an answer.
        between = r.low[prev.piece.end:g.piece.end]
        # "Is this a GROW model thing? Anyway: ...", "Can I choose my own boss? Then my boss": on to the answer
        moved_on = re.search(r"\b(?:anyway|anyways|anyhow|moving on)\b", r.low[prev.piece.end:g.piece.start]) \
            or _THEN_NAMED.match(r.low, prev.piece.end, g.piece.end)
        return len(words(g.content or "")) <= 8 and not moved_on and \
            not re.search(r"\b(?:because|cause|cos|cuz|bc|becuase)\b", between)
    return False


# Fillers that, asked a yes or no, say yes with a shrug: "ok fine", "okay fine then", "ok then", "fine then".
_SHRUGGED_YES = re.compile(r"^\W*(?:(?:ok+|okay|k|fine|alright|right|then|well|ugh|oh|go on)\W*)*"
                           r"(?:ok+|okay|fine|alright)\W*(?:(?:ok+|okay|fine|alright|then)\W*)*$")


def join(a: str | None, b: str | None) -> str | None:
    if not a:
        return b
    if not b:
        return a
    if _OPEN_END.search(a):  # "more contact with people and, how to say, less routine": one sentence still
        return f"{a.rstrip(' ,')} {b}"
    return f"{sentence(a)} {b}"


_OPEN_END = re.compile(r"(?i)\b(?:and|but|or|because|with|the|a|an|my|than)\W*$")  # "who it is for." ends one


def _clean_content(text: str) -> str:
    """Content as it will be quoted: no dangling punctuation, no leading connector."""
    text = re.sub(r"^(?:and|but|so(?! " + PURPOSE + r")|also|plus|then)\s+", "", text, flags=re.I)
    return bare(text)
