"""Question frames: a flow question with the mentee's own words cut out as slots.

The model rewords only the frame ("You said [X]. What makes that important to you?"); the
mentee's words go back in afterwards, untouched, and the guard checks the finished question.
Frames are few and fixed per flow, so their rewordings can be made once and reused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coach.flow.template import render
from coach.guard.text import question_end

MARKERS = ("[X]", "[Y]", "[Z]", "[W]")
# Template values that are not the mentee's words: left in the frame as they are.
FIXED = frozenset({"mentee", "item", "depth"})
_SENTINEL = re.compile(r"qslot(\d+)q", re.IGNORECASE)


@dataclass(frozen=True)
class Frame:
    """A question with slots: ``text`` holds MARKERS in order, ``values`` what fills them."""

    text: str
    values: tuple[str, ...] = ()
    # True when the mentee's words could not be cut out of ``text``: it must never reach a model.
    mentee_words: bool = False

    @property
    def markers(self) -> tuple[str, ...]:
        """The slot markers this frame uses, in order."""
        return MARKERS[: len(self.values)]

    def fill(self, reworded: str) -> str | None:
        """``reworded`` with every marker replaced by its value; None unless each occurs once."""
        if any(reworded.count(m) != 1 for m in self.markers) or "[" in _strip(reworded, self.markers):
            return None
        for marker, value in zip(self.markers, self.values, strict=True):
            reworded = reworded.replace(marker, value)
        return reworded


def _strip(text: str, markers: tuple[str, ...]) -> str:
    for m in markers:
        text = text.replace(m, "")
    return text


def split_tail(frame: Frame) -> tuple[Frame, str]:
    """The part of ``frame`` the model rewords (its first question) and the tail shown word for
    word: a hint, a reassurance or a second question after it ("Any of them is fair to name."),
    or a closing ", and why?". A small model garbles or drops these, and they carry the flow
    author's care. A tail that starts with a comma goes in place of the reworded question's "?"."""
    end = question_end(frame.text)
    head, tail = (frame.text[:end], frame.text[end:]) if end is not None else (frame.text, "")
    why = _WHY_TAIL.search(head)
    if why:
        head, tail = head[: why.start()] + "?", head[why.start():] + tail
    n = sum(marker in head for marker in frame.markers)
    return Frame(head, frame.values[:n]), tail


def join_tail(reworded: str, tail: str) -> str:
    """A reworded question with the tail ``split_tail`` kept back put after it."""
    if tail.startswith(","):
        return reworded.rstrip(" ?") + tail
    return reworded + tail


# "Whose job would you want, and why?": the model rewords "Whose job would you want?".
_WHY_TAIL = re.compile(r",\s*and why(?: not)?\?$", re.IGNORECASE)


# How a reply may start, for the model to say the rest: "Can you tell me what makes that
# important to you?". From a free start the default model mostly copied the question or changed
# its meaning; started this way it keeps to the question far more often (docs/rephrasing.md).
OPENERS = ("Can you tell me", "Could you say", "What would you say")
_WH = r"(?:what|how|why|where|which|whose|who)\b"
_WH_START = re.compile(rf"^(and )?({_WH})", re.IGNORECASE)
# A sentence before the question ("You said [X]. "), or a lead-in before its question word.
_BEFORE = re.compile(rf"^(.*?[.?!:]\s+)(?=(?:and )?{_WH})|^(.*[.?!]\s+)", re.IGNORECASE)
_LEAD_IN = re.compile(rf"^(.*,\s+)(?={_WH})", re.IGNORECASE)


def openings(frame: Frame) -> list[str]:
    """Starts a reply to ``frame`` may be given: whatever comes before the question word as it
    is, then an opener ("You said [X]. Can you tell me", "When you say [X], can you tell me").
    None if the question word is not found where a question starts."""
    text = frame.text.strip()
    m = _BEFORE.match(text)
    before = (m.group(1) or m.group(2)) if m else ""
    question = text[len(before):]
    if not _WH_START.match(question):
        lead = _LEAD_IN.match(question)
        if lead is None:
            return []
        before, question = before + lead.group(1), question[len(lead.group(1)):]
    wh = _WH_START.match(question)
    if wh is None:
        return []
    out = []
    for opener in OPENERS:
        verb = opener.split()[-1] if opener.startswith("What") else opener.split()[2]
        if re.search(rf"\b{verb}s?\b", text, re.IGNORECASE):
            continue  # "Before I tell you ...: can you tell me": one "tell" or "say" to a question
        # The question word (and its subject, or for "What would you say" the word after "what")
        # comes with the opener: left to the model, "whose" became "who", "where ..." a question
        # about something else, and "how do you know" kept its question order.
        rest = question[wh.end():]
        follows = _statement_start(wh.group(2), rest) if not opener.startswith("What") else _after_what(rest)
        if follows is None or (opener.startswith("What") and wh.group(2).lower() != "what"):
            continue  # "What would you say why ...?", "What would you say small thing ...?"
        if wh.group(1):
            opener = wh.group(1) + opener[0].lower() + opener[1:]  # "And can you tell me ..."
        elif before and not before.rstrip().endswith((".", "?", "!")):
            opener = opener[0].lower() + opener[1:]
        out.append(f"{before}{opener} {follows}")
    return out


_AUX = frozenset({"is", "are", "was", "were", "do", "does", "did", "would", "could", "can", "will", "has",
                  "have", "had", "might"})
_SUBJECTS = frozenset({"you", "it", "that", "this", "they"})
# After the question word: at most one word of it ("whose job"), an auxiliary, then the subject.
_INVERTED_START = re.compile(
    rf"^((?: [\w']+)?) (?:{'|'.join(sorted(_AUX))}) ({'|'.join(sorted(_SUBJECTS | {'the'}))})\b", re.IGNORECASE)


def _statement_start(wh: str, rest: str) -> str:
    """The question word put after "Can you tell me", with its subject in statement order when
    the question inverts them: "how would that sit" -> "how that", "whose job would you" ->
    "whose job you"; the model goes on from there."""
    m = _INVERTED_START.match(rest)
    if m is None:
        return wh.lower()
    return f"{wh.lower()}{m.group(1)} {m.group(2).lower()}"


def _after_what(rest: str) -> str | None:
    """What "What would you say" takes from a what-question, given the words after its "what":
    its subject ("What are you good at?" -> "you"), else a verb ("What makes ..." -> "makes");
    "do you think" it says itself. None for "what" with a noun ("What small thing ..."), which
    the opener does not fit."""
    if rest.startswith("'s"):
        return "is"
    thinks = re.match(r"\s+do you think\b", rest, re.IGNORECASE)
    if thinks:  # "What do you think drives ...?" -> "What would you say drives ...?": the same question
        rest = rest[thinks.end():]
    words: list[str] = re.findall(r"[\w']+", rest.lower())[:2]
    if not words:
        return None
    if words[0] in _AUX:
        return words[1] if len(words) > 1 and words[1] in _SUBJECTS else words[0]
    if thinks and words[0] in _SUBJECTS:
        return words[0]  # "What do you think it involves?" -> "What would you say it involves?"
    return words[0] if words[0].endswith("s") and not words[0].endswith("ss") else None


def opener_of(text: str) -> str | None:
    """Which of OPENERS ``text`` uses first, if any: two questions in a row should not open alike."""
    found = _OPENER.search(text)
    return next(o for o in OPENERS if o.lower() == found.group(1).lower()) if found else None


_OPENER = re.compile(rf"(?:^|[.:,?] |\band )({'|'.join(OPENERS)})\b", re.IGNORECASE)


def plain(canonical: str) -> Frame:
    """A frame without slots: the whole question is reworded (it holds none of the mentee's words)."""
    return Frame(canonical)


def uncut(canonical: str) -> Frame:
    """A question whose mentee's words could not be cut out as slots: it is not reworded at all."""
    return Frame(canonical, mentee_words=True)


def frame_of(source: str, values: Mapping[str, Any], canonical: str) -> Frame:
    """The frame of ``canonical``, rendered from ``source`` with ``values``: the mentee's words as slots.

    The template is rendered again with each of the mentee's words replaced by a sentinel; the
    text between sentinels must then match ``canonical`` exactly, which gives each slot's
    rendered value (after filters such as ``reflect``). Anything unexpected gives an ``uncut``
    frame, which is not reworded: the mentee's words never go into a prompt.
    """
    counter = [0]
    stand_in = {k: (v if k in FIXED else _sentinels(v, counter)) for k, v in values.items()}
    try:
        slotted = render(source, stand_in)
    except Exception:  # a filter that cannot take a sentinel: the words cannot be cut out
        return uncut(canonical)
    pieces = _SENTINEL.split(slotted)
    literals = pieces[::2]
    if len(literals) == 1:  # none of the mentee's words in this question, if it renders the same
        return plain(canonical) if slotted == canonical else uncut(canonical)
    if len(literals) - 1 > len(MARKERS) or any(m in canonical for m in MARKERS):
        return uncut(canonical)
    pattern = "(.+?)".join(re.escape(lit) for lit in literals)
    m = re.fullmatch(pattern, canonical, re.DOTALL)
    if m is None or not all(g.strip() for g in m.groups()):
        return uncut(canonical)
    return Frame(_join(literals), tuple(m.groups()))


def _sentinels(value: Any, counter: list[int]) -> Any:
    """``value`` with every non-empty string inside it replaced by a fresh sentinel."""
    if isinstance(value, str):
        if not value.strip():
            return value
        counter[0] += 1
        return f"qslot{counter[0]}q"
    if isinstance(value, Mapping):
        return {k: _sentinels(v, counter) for k, v in value.items()}
    if isinstance(value, list):
        return [_sentinels(v, counter) for v in value]
    return value


class _AnySlot(dict[str, Any]):
    """A mapping whose every key is a slot: ``previous.experiment`` renders as a sentinel."""

    def __init__(self, counter: list[int]) -> None:
        super().__init__()
        self.counter = counter

    def __missing__(self, key: str) -> str:
        value: str = _sentinels("x", self.counter)
        return value

    def __bool__(self) -> bool:
        return True


def frame_texts(source: str) -> set[str]:
    """Every frame text ``source`` can give, for preparing rewordings before the mentee answers.

    Rendered twice, once with every value standing in as a slot and once with every value
    empty, so both sides of ``{% if goal %}`` are covered. Renderings that fail are left out.
    """
    from coach.flow.template import variables

    names = variables(source)
    out: list[str] = []
    for filled in (True, False):
        counter = [0]
        values: dict[str, Any] = {}
        for name in names:
            if name == "depth":
                values[name] = 1 if filled else 0
            elif name in FIXED:
                values[name] = ""
            elif filled:
                values[name] = _AnySlot(counter) if name in ("previous", "summary") else _sentinels("x", counter)
            else:
                values[name] = ""
        try:
            slotted = render(source, values)
        except Exception:
            continue
        literals = _SENTINEL.split(slotted)[::2]
        text = _join(literals)
        # An empty value left a hole ("When you say , what ..."): not a frame anyone is asked.
        holes = out and _strip(out[0], MARKERS) == text
        if len(literals) - 1 <= len(MARKERS) and not holes and text not in out:
            out.append(text)
    return set(out)


def _join(literals: list[str]) -> str:
    return "".join(lit + (MARKERS[i] if i < len(literals) - 1 else "") for i, lit in enumerate(literals))


def flow_frames(flow: Any) -> list[tuple[str, tuple[str, ...]]]:
    """The frames of every rephrasable question in ``flow``, in step order, with their fixed keep-terms."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for step in flow.steps.values():
        if not (step.ask and step.rephrase):
            continue
        keep = tuple(k for k in step.keep if "{" not in k)
        for wording in step.wordings:
            out += [(text, keep) for text in sorted(frame_texts(wording))]
    return out


# --- the grammar a rewording must follow ----------------------------------------------------

# Free text between the fixed parts: no question mark, line break, bracket, quote or markup.
_FREE = r'[^?!\n;"()\[\]{}*#]'


def _anchors(frame: Frame) -> list[tuple[int, str]]:
    """Each slot with the word leading into it ("You said [X]", "When you say [X]"), by position.

    The mentee's words are a clause or a phrase, and only their own lead-in fits both: "when
    you think about [X]" reads wrongly once [X] is "you want to lead a team".
    """
    out: list[tuple[int, str]] = []
    for marker in frame.markers:
        m = re.search(r"(?:[\w']+ )?[\w']+[ :,\"(]{1,3}" + re.escape(marker) + r'[")]?', frame.text)
        out.append((m.start(), m.group(0)) if m else (frame.text.index(marker), marker))
    return out


def keeps_lead_ins(frame: Frame, reworded: str) -> bool:
    """True if ``reworded`` has every slot with its lead-in word (quotes aside), as the grammar forces."""
    plain_text = reworded.replace('"', "").lower()
    # Words the flow quotes stay quoted: 'what is it about autonomy is what keeps you going that
    # matters' cannot be read without the quotation marks.
    quoted = all(f'"{m}"' in reworded for m in frame.markers if f'"{m}"' in frame.text)
    return quoted and all(re.search(_loosely(anchor.replace('"', "").lower()), plain_text)
                          for _, anchor in _anchors(frame))


def _loosely(anchor: str) -> str:
    """A lead-in as a pattern that lets one word in between its words: "what is it about [X]" put
    in statement order after an opener reads "what it is about [X]", the same lead-in."""
    return r"(?: [\w']+)? ".join(re.escape(word) for word in anchor.split(" "))


def grammar(frame: Frame, keep: list[str] | tuple[str, ...] = ()) -> str:
    """A llama.cpp GBNF grammar: one question ending in "?" that contains, in the frame's order,
    each slot marker exactly once (with its lead-in word) and each must-keep term at least once.
    """
    lower = frame.text.lower()
    fixed: list[tuple[int, str]] = list(_anchors(frame))
    for term in keep:
        t = " ".join(term.split())
        at = lower.find(t.lower())
        if t and at >= 0 and t not in frame.values and not any(t in m for m in frame.markers):
            fixed.append((at, t))
    # "whose" and "why" are what the guard checks most often lost: the grammar keeps them.
    for word in ("whose", "why"):
        m = re.search(rf"\b{word}\b", lower)
        if m and not any(m.start() < at + len(t) and at <= m.start() for at, t in fixed):
            fixed.append((m.start(), frame.text[m.start():m.end()]))
    fixed.sort()

    # One sentence (a second one rambled on in every trial), and short stretches of free text:
    # when one runs out, the model has to go on to the next fixed part and close the question.
    cap = len(frame.text) + 10 if not fixed else len(frame.text) // 2 + 15
    free = _FREE[:-1] + ".]" + "{0," + str(cap) + "}"
    rules = [f"free ::= {free}"]
    if not fixed:
        return f'root ::= [A-Z] free "?"\n{rules[0]}'
    opens = fixed[0][1][0].isalpha()
    parts: list[str] = []
    for i, (_, lit) in enumerate(fixed):
        if i:
            parts.append('" "')  # a fixed part starts a word: no "why,say [X]"
        parts.append(_literal(lit, first=i == 0 and opens))
        parts.append("free")
    head = '([A-Z] free " ")?' if opens else '[A-Z] free " "'
    return f'root ::= {head} {" ".join(parts)} "?"\n' + "\n".join(rules)


def _literal(text: str, first: bool) -> str:
    """A GBNF string for ``text``; the first fixed part may open the question, capitalised."""
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    if first and text[0].isalpha():
        c = text[0]
        rest = body[1:]
        return f'[{c.lower()}{c.upper()}]' + (f' "{rest}"' if rest else "")
    return f'"{body}"'
