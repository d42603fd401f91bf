"""Does the coach sound like a listener? Counting robotic or broken replies in whole conversations.

Run over messy fuzzed mentees (``coach flow listen``) and scripted personas. Each defect is
something a person would notice:

- ``cut_playback``: a played-back phrase cut mid-way ("a tech lead on a,").
- ``quoted_filler``: fillers or asides said back ("You said honestly.", "(ugh)").
- ``quoted_non_answer``: a non-answer quoted as if it were one ('you chose ""').
- ``same_line_thrice``: the same line said three times in one conversation.
- ``yes_or_no_after_hedge``: "is that a yes or a no?" after "kind of".
- ``question_unanswered``: the mentee asked the coach something and got no answer.
- ``announced_unsaid``: "Before I tell you what I noticed:" and then nothing.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field

from coach.authoring.flowtest import start_conversation
from coach.authoring.messy import MessyMentee
from coach.conversation.engine import Conversation
from coach.conversation.message import Message
from coach.flow.spec import Flow
from coach.listening.acts import read_reply
from coach.listening.reading import Reading
from coach.store.connection import memory_db
from coach.store.database import Store

DEFECTS = ("cut_playback", "quoted_filler", "quoted_non_answer", "same_line_thrice", "yes_or_no_after_hedge",
           "question_unanswered", "announced_unsaid")
_DANGLING = re.compile(
    r"\b(?:a|an|the|of|to|and|or|with|for|my|your|our|on|in|at|from|by|about|because|than|as|so|but|"
    r"his|her|their|its)\s*(?:[,;:?!]|\.(?!\.)|\"|$)",
    re.IGNORECASE,
)
_BROKEN_QUOTE = re.compile(r',"|,\s*\.(?!\.)|,\s*\?|\(\s*[,.]')
_FILLER = re.compile(
    r"\b(?:honestly|to be honest|tbh|ugh|lol|um+|uh+|hmm+|you guess|you suppose|sorry,? that's a lot|"
    r"this sounds shallow but|sorry if that's vague)\b",
    re.IGNORECASE,
)
_ANNOUNCED = re.compile(r"(?:what i (?:noticed|heard)[^.:?]*[.:]|:)\s*$", re.IGNORECASE)
# Replies to commands (/back, /help ...) may well repeat: they answer what was typed.
_COMMAND_LINES = ("Going back.", "There is no /", "We're at the first question")


@dataclass
class Exchange:
    """One mentee line and everything the coach said in answer."""

    reply: str
    reading: Reading | None
    said: list[Message]


@dataclass
class Findings:
    """Defects counted over a batch of conversations, with one example of each."""

    conversations: int = 0
    replies: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    all_examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, defect: str, example: str) -> None:
        """Count one defect; keep the first example (and a few more for debugging)."""
        self.counts[defect] += 1
        self.examples.setdefault(defect, example)
        found = self.all_examples.setdefault(defect, [])
        if len(found) < 20:
            found.append(example)

    def render(self) -> str:
        """A line per defect, then examples."""
        lines = [f"{self.conversations} conversations, {self.replies} coach replies"]
        lines += [f"  {d:24} {self.counts[d]}" for d in DEFECTS]
        lines += [f"example of {d}: {self.examples[d]}" for d in DEFECTS if d in self.examples]
        return "\n".join(lines)


def check(exchanges: list[Exchange], flow: Flow, findings: Findings) -> None:
    """Count every defect in one conversation into ``findings``."""
    findings.conversations += 1
    lines: Counter[str] = Counter()
    answers = _answer_texts(flow)
    for ex in exchanges:
        findings.replies += len(ex.said)
        for i, m in enumerate(ex.said):
            if not m.text.startswith(_COMMAND_LINES):
                lines[m.text] += 1
            _check_message(m, ex, findings)
            after = [n for n in ex.said[i + 1:] if n.kind in ("ask", "say")]
            if m.kind in ("ask", "say") and _ANNOUNCED.search(m.text) and not after:
                findings.add("announced_unsaid", m.text[-100:])
        reading = ex.reading
        if reading is None:
            continue
        if reading.has("hedge") and any("yes or a no" in m.text for m in ex.said):
            findings.add("yes_or_no_after_hedge", f"{ex.reply!r} -> {_said(ex)}")
        if reading.has("question") and not reading.has("distress"):
            topic = reading.topic("question") or "other"
            # a topic with a reply of its own ("machine", "memory", "imagined") is answered by that reply
            wanted = answers.get(topic) or _reply_lines(flow, topic) or answers["other"]
            if not any(any(w in m.text for w in wanted) for m in ex.said) and not _ended(ex):
                findings.add("question_unanswered", f"{ex.reply!r} -> {_said(ex)}")
        if reading.has("non_answer") and not reading.content and len(ex.reply.strip()) > 2:
            quoted = f'"{ex.reply.strip()}"'
            for later in exchanges[exchanges.index(ex) + 1:]:
                if any(quoted.lower() in m.text.lower() for m in later.said):
                    findings.add("quoted_non_answer", f"{ex.reply!r} quoted later")
    for line, n in lines.items():
        if n >= 3:
            findings.add("same_line_thrice", f"{n}x {line[:100]!r}")


def _check_message(m: Message, ex: Exchange, findings: Findings) -> None:
    if m.kind not in ("ask", "say"):
        return
    text = m.text
    if '""' in text or "()" in text:
        findings.add("quoted_non_answer", text[:140])
    if _FILLER.search(text):
        findings.add("quoted_filler", f"{ex.reply!r} -> {text[:140]!r}")
    if _BROKEN_QUOTE.search(text) or _DANGLING.search(_quoted_parts(text)):
        findings.add("cut_playback", f"{ex.reply!r} -> {text[:160]!r}")


def _quoted_parts(text: str) -> str:
    """The mentee's words a line plays back: after "You said", inside quotes or parentheses."""
    parts = re.findall(r"\"([^\"]*)\"|\(([^)]*)\)|You said ([^.?]*)[.?]|When you say ([^,]*),", text)
    return " | ".join(p for group in parts for p in group if p)


def _reply_lines(flow: Flow, *keys: str) -> list[str]:
    """The fixed words that open each wording of the flow's replies ``keys`` (before any {words})."""
    out: list[str] = []
    for key in keys:
        value = flow.replies.get(key, "")
        items = value if isinstance(value, list) else [value]
        out += [str(v).split("{")[0][:40] for v in items if v]
    return [o for o in out if o]


def _answer_texts(flow: Flow) -> dict[str, list[str]]:
    """How the kinds of question answered by other replies than their own are answered ("privacy", "sense" ...
    are answered by the reply of that name: see the check above)."""
    purpose = [str(flow.replies.get("why_asking", "Fair question.")), "Same reason as before"]
    # "what's the piont of this question?": read as anything, it is answered by what the question is for
    return {"other": _reply_lines(flow, "other") + purpose,
            "simpler": _reply_lines(flow, "simpler", "plain_said", "plain_asked"),
            "kept": _reply_lines(flow, "kept_yes", "kept_no", "other"),
            "source": _reply_lines(flow, "source", "source_reading"),
            "purpose": purpose}


def _ended(ex: Exchange) -> bool:
    return any(m.kind == "end" for m in ex.said)


def _said(ex: Exchange) -> str:
    return " | ".join(m.text[:80] for m in ex.said)


def messy_conversation(flow: Flow, seed: int, max_turns: int = 120) -> list[Exchange]:
    """One conversation with a seeded messy mentee, every exchange recorded with its reading."""
    rng = random.Random(seed)
    mentee = MessyMentee(rng)
    previous = None
    if flow.returning and rng.random() < 0.25:
        previous = {"goals": ["lead a small team"], "motivations": ["growth"], "bedrock": ["I love learning"],
                    "passions": ["music"], "strengths": ["explaining things"], "sweet_spot": ["teaching"],
                    "experiment": "run one meeting"}
    conv: Conversation = start_conversation(flow, "sam", previous=previous, store=Store(memory_db()))
    exchanges = [Exchange("", None, conv.open())]
    while not conv.finished and len(exchanges) <= max_turns:
        step = conv.current
        text = mentee.answer(step.name, step.expect)
        question = conv.last_question().get("canonical")
        reading = read_reply(text, flow.lexicon, expect=step.expect, question=question)
        exchanges.append(Exchange(text, reading, conv.reply(text)))
    return exchanges


def listen(flow: Flow, runs: int = 500, seed: int = 0) -> Findings:
    """Play ``runs`` messy conversations and count what would sound robotic or broken."""
    findings = Findings()
    for i in range(runs):
        check(messy_conversation(flow, seed + i), flow, findings)
    return findings
