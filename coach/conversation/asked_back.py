"""Questions put back to the coach, advice requests and feelings said beside an answer: one short line each.

_asides picks the lines for a reply; questions a fixed line cannot answer on its own are worked out here too.

"What means 'up close'?" is answered with the step's plain wording; "did you add sourdough?"
from what is kept; "where did that come from?" from the answer the last question was built
on; a request for advice with the whole explanation once, then short ones. Every answer is flow
text with the mentee's own words in it: never the model, never advice.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coach.conversation.kept import Kept, find_kept
from coach.conversation.said_before import said_before
from coach.listening.edits import read_edits
from coach.listening.hedged import play_back_hedged
from coach.listening.playback import play_back
from coach.listening.reading import Act, Reading

if TYPE_CHECKING:
    from coach.conversation.message import Message
    from coach.flow.spec import Step

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# The coach's own question said back on the way to answering it ("Why does it matter? I suppose ...").
_ECHO = re.compile(r"(?i)^(?:hm+,? |so,? |ok,? )?(?:why(?: does (?:it|that) matter| (?:it|that|this) matters?)?|"
                   r"is (?:it|that) important(?: to me)?|what makes (?:it|that) important(?: to me)?|"
                   r"why is (?:it|that) important(?: to me)?)\W*$")
_CATCH_ALL = ("question.other_opened",)  # read only by their shape: answered only when nothing else was said
# A question put to the coach, or about its question: answered even beside an answer.
# Pointing back at what was said before, with the answer beside it: no complaint to apologise for (round 16).
_REFERENCE = re.compile(r"(?i)^(?:(?:like|as) i (?:said|told (?:you|u)|mentioned|put it)|same as (?:last time|before)|"
                        r"i (?:said|told (?:you|u)|mentioned)(?: (?:that|this|it))?)(?: (?:before|earlier|last time|"
                        r"last week|the other day|previously))?(?: too| as well)?(?: i think| i guess)?$")
# "I told you last time is having a say": the words said again, not a complaint (round 24).
_TOLD_IT_IS = re.compile(r"(?i)^i (?:told (?:you|u)|said)(?: (?:before|earlier|last time|already))*,? "
                         r"(?:it )?(?:is|was|'s) \w")
_SAID_AGAIN = re.compile(r"(?i)^(?:like|as) i (?:said|told (?:you|u)|mentioned)\b,? (?!before|earlier|last|already)\w")
# A remark that blames the coach or the repetition ("you asked this already", "this again"), not only the question
_AT_THE_COACH = re.compile(r"(?i)\b(?:you|u|again|already|keep|same|last time|before|twice|repeat\w*)\b")
# "is that a sign or am i reading into it?": a reading of a sign asked for, not a decision (round 36)
_A_SIGN = re.compile(r"(?i)\b(?:a (?:good |bad )?sign|reading (?:too much )?into (?:it|that|this)|"
                     r"(?:does|do) (?:that|it|this) mean (?:anything|something))\b")
# A worry said lightly ("kinda scary tho", "weirdly nervous asking"): a feeling to notice, not a weight to carry
_MILD = re.compile(r"(?i)\b(?:kinda|kind of|sort of|a bit|a little|bit|slightly|mildly|weirdly|little bit)\s+(?:\w+ )?"
                   r"(?:scary|scared|nervous|daunting|nerve-?wracking|intimidating|awkward|uncomfortable|anxious|worried|"
                   r"lost)\b|\bnot in a bad way\b")
# Good news told with the nerves on the way ("so nervous i nearly threw up ... it was amazing"): no weight to carry
_GLAD = re.compile(r"(?i)\b(?:it was|it went|went|it turned out|turned out|it worked out|worked out) (?:so |really |"
                   r"totally |absolutely |pretty |quite )?(?:amazing|great|brilliant|fantastic|well|good|awesome|"
                   r"ok|okay|fine|alright|all right)\b|\b(?:so|really) (?:happy|proud|glad|excited)\b"
                   r"|\bbest (?:day|bit|thing)\b")
# A reaction that does not weigh ("which is a relief", "weird", "excited"), unlike "that scares me", "gutted".
_LIGHT = re.compile(r"(?i)^\W*(?:(?:that's|that is|it's|it is|this is|that|feels|feel|felt|sounds|i'm|i am|i feel|"
                    r"kind of|kinda|a bit|a little|quite|so|really|bit|pretty|very|honestly|which is|what a)\s+)*"
                    r"(?:a )?(?:relief|relieved|weird|strange|odd|excited|exciting|touched|moved|emotional|surprised|"
                    r"surprising|funny|curious|interesting)\W*$")
_WHY_ALL_THE_WHYS = re.compile(r"(?i)\b(?:keep |always )?asking (?:me )?why\b|\bso many whys?\b|"
                               r"\ball (?:the|these) whys?\b")
_TO_COACH = re.compile(r"(?i)\b(?:you|u|your|ur)\b|^(?:is|does|do|will|can|where|who|how)\s+(?:this|it)\b")
_OF_THE_QUESTION = re.compile(r"(?i)^(?:what|why)\W*s?\b.*\b(?:this|that|the|these) questions?\b")
_ANSWERED_ALOUD = re.compile(r"^\s*(?:\.{2,}|\u2026|\?+)?\s*(?:(?:um+|hmm+|well|idk|dunno)[,.]?\s+)*"
                             r"(?:because|cos|coz|cause|bc|i guess because|probably because)\b", re.I)
# A question about what words mean: "what is", "what you mean by", "what mean", "like praise?", "which is correct".
_ASKS_WHAT = re.compile(r"\bwhat(?:'s| is| are| does| do you mean| you mean| means?| mean)\b|\bmeans?\s*\?|"
                        r"\bmeaning of\b|\bwhich (?:is )?(?:correct|right)\b|\bexactly\b|\blike (?:a |an )?\w+\s*\?|"
                        r"\bdon'?t (?:know|understand)\b")
_TOPICS = frozenset(("privacy", "clarify", "simpler", "judgement", "other", "delete", "skip", "kept", "fixed", "source",
                     "who", "optional", "right_word", "later", "sense", "progress", "example", "memory",
                     "feeling_normal", "imagined", "machine", "said_before", "so_far", "repeat", "therapy", "others",
                     "too_late", "edit_hint", "saving"))


def plain_aside(plain: str) -> tuple[str, str]:
    """What to say, beside an answer, of a step's plain wording: its statements, else its question.

    Returns the reply key (``plain_said`` or ``plain_asked``) and the words for ``{words}``."""
    parts = [p.strip() for p in _SENTENCE_END.split(plain.strip()) if p.strip()]
    statements = [p for p in parts if not p.endswith("?")]
    if statements:
        return "plain_said", " ".join(statements)
    text = " ".join(parts)
    return "plain_asked", text[:1].lower() + text[1:] if not text.startswith("I ") else text

# Asked by a returning mentee: "why do you keep asking the same stuff tho" (round 41 got the phase's purpose).
_AGAIN = re.compile(r"(?i)\bkeep (?:asking|checking)|\bsame (?:stuff|things?|questions?)\b|\bagain\b|\blast time\b")

# "you missed the tutoring bit": the part said to be left out
_MISSED_PART = re.compile(r"(?i)\b(?:missed|forgot|forget|left out|skipped|dropped) (?:the |my |about )?"
                          r"(?P<x>[\w' -]{2,30}?)(?: bit| part| thing| one)?(?: (?:again|too|last time))?\W*$")

class AskedBack(Kept):
    """Answers to questions about the question and about what was kept (mixed into Conversation; the values,
    the flow and the step are declared by Kept)."""

    _plain_next: bool
    _acked: bool = False  # a feeling was acknowledged this turn

    if TYPE_CHECKING:

        def _render(self, source: str) -> str: ...
        def _rule(self, text: str, kind: str = "rule", store: bool = True, stored_as: str | None = None) -> Message: ...
        def _read_back_before(self, step: Step, routed: bool = False) -> str | None: ...

    def _asides(self, reading: Reading, edited: bool = False) -> list[Message]:
        """Answers to questions put to the coach (not one asking for an edit), the advice reply, an acknowledgement."""
        out: list[Message] = []
        done: set[str] = set()
        keyed: list[tuple[str, str]] = []
        for act in reading.acts:
            key = self._aside_key(act, reading, edited)
            if key and key != "skip" and not (edited and key == "still_wrong"):  # put right this turn: no sorry
                keyed.append((key, act.text))
        # "what is underneath? i dont understand this question": the plain wording answers both; the
        # catch-all "I'm a simple program" only when nothing else is said.
        if any(k != "other" for k, _ in keyed):  # "can you just answer my question: do you remember last time?"
            keyed = [(k, t) for k, t in keyed if k != "other"]
        # "um why is it important... because talking is the door to everything" (round 35): the question said to
        # oneself on the way to the answer, never asked of the coach
        low = reading.reply.lower()
        keyed = [(k, t) for k, t in keyed if not (k == "purpose" and t.lower() in low and _ANSWERED_ALOUD.search(
            reading.reply[low.find(t.lower()) + len(t):]))]
        if any(k == "left_out" for k, _ in keyed):  # "u left that out last time too": one sorry, the right one
            keyed = [(k, t) for k, t in keyed if k != "meta"]
        if any(k == "meta" for k, _ in keyed):  # "why do you keep asking about X": owned once, not also explained
            keyed = [(k, t) for k, t in keyed if not (k == "purpose" and re.search(r"\bkeep|\bagain\b", t))]
        for key, text in keyed:
            if key in done or (key == "clarify" and done & {"simpler", "source"}):
                continue
            done.add(key)
            out.append(self._rule(self._aside(key, text, reading)))
        # "it would be a relief. which surprises me": the realisation is what to acknowledge, not a worry
        feelings = [a for a in reading.acts if a.kind == "feeling"]
        # "oof. that scares me a bit": the feeling named, not the wince before it
        named = [a for a in feelings if a.rule != "open.insight"] or feelings
        feeling = next((a for a in feelings if a.topic == "loss"), None) or next(
            (a for a in feelings if a.rule == "feeling.insight"), named[0] if named else None)
        light = feeling is not None and (_MILD.search(feeling.text) or _GLAD.search(reading.reply) or (
            feeling.rule == "feeling.reaction" and _LIGHT.match(feeling.text)))  # "which is a relief" (round 69)
        if feeling is not None and feeling.topic == "worry" and light:
            feeling = Act(feeling.kind, feeling.text, "feeling", feeling.content, feeling.rule)  # "kinda scary tho"
        if feeling is not None:
            key = {"worry": "acknowledge_worry", "insight": "acknowledge_insight", "loss": "acknowledge_loss",
                   "busy": "acknowledge_busy", "rough": "acknowledge_rough", "apology": "acknowledge_apology"}.get(
                feeling.topic or "", "acknowledge_feeling")
            # ... the plain "thanks for saying how that feels" only when nothing else was said to them first (round
            # 97: "Fair point, and sorry ... Thanks for saying how that feels. Thank you for telling me how it went.")
            if key in self.flow.replies and not (key == "acknowledge_feeling" and out):
                out.append(self._rule(self._reply(key)))
                self._acked = True  # the step's own reflection is not said beside it
        elif "apology" in reading.asides and "acknowledge_apology" in self.flow.replies:
            out.append(self._rule(self._reply("acknowledge_apology")))  # "sorry, that got personal"
        return out

    def _aside_key(self, act: Act, reading: Reading, edited: bool) -> str:
        """Which reply an act asks for ("" for none): a question's topic, "advice_request", "meta" ..."""
        key = ""
        if act.kind == "question" and not (edited and read_edits(act.text)):
            key = "purpose" if act.topic == "purpose" else (act.topic if act.topic in _TOPICS else "other")
            hanging = bool(reading.content) and len(act.text.split()) == 1 and act is reading.acts[-1]
            restated = re.match(r"(?i)(?:like|i mean|as in)\b", act.text) is not None and len(reading.acts) > 1
            # "does what sum it up? ... yeah thats still right" (round 51): asked and answered in one breath
            answered = act.rule == "question.clarify_echo" and reading.confirm is not None
            if key == "clarify" and (hanging or restated or answered):
                key = ""  # "...? which": a word left hanging; "do you save this forever? like literally forever?"
            elif act.rule in _CATCH_ALL and _OF_THE_QUESTION.search(act.text):
                key = "purpose"  # "what's the piont of this question?": what it is for, typo and all
            elif act.rule in _CATCH_ALL and reading.content and not _TO_COACH.search(act.text):
                # "am I rambling?", "Can we change?" beside an answer: the answer is heard; a stock line
                # about what coach is would answer nothing they asked (round 14)
                key = ""
            if key == "purpose" and self.current.ladder and reading.content and _ECHO.match(act.text.strip()):
                key = ""  # "Why does it matter? I suppose because ...": the question echoed, then answered
        elif act.kind == "meta" and _WHY_ALL_THE_WHYS.search(act.text):
            key = "purpose"  # "why do u keep asking why" (round 32): what the whys are for, not only a sorry
        elif act.kind in ("advice_request", "meta"):
            key = act.topic if act.topic in ("skip", "still_wrong", "missed", "not_asking", "parroting",
                                                      "left_out", "wrong_words", "muddled") else act.kind
            at = reading.acts.index(act)
            if key == "missed" and at + 1 < len(reading.acts) and reading.acts[at + 1].kind == "question":
                key = ""  # "u didnt answer, does normal hours count?" (round 89): the question asked again is answered
            if act.rule == "advice.verdict" and _A_SIGN.search(act.text):
                key = "advice_verdict"  # "is that a sign or am i reading into it?": a short word, not the whole why
            if act.topic in ("show_again", "works_alone"):
                key = ""  # "can you show me the summary again": saying it again is the answer (and see _take)
            if act.topic == "show_again" and self._read_back_before(self.current, routed=True) is None:
                key = "so_far"  # "can you read me back everything you've got now?", nothing read back yet (round 50)
            told = _TOLD_IT_IS.match(act.text)  # "I told you last time is having a say": said again, no complaint
            tail = act.text.strip(" ,.").rsplit(",", 1)  # "excel, i said that last time too": the words, then where
            # "like i said NOT money": the words again, said louder (round 36)
            told = told or (_SAID_AGAIN.match(act.text) if reading.content else None)
            pointing = act.rule == "meta.reference" or _REFERENCE.match(tail[-1].strip()) or told
            if key == "meta" and reading.content and act.rule == "meta.about" and not _AT_THE_COACH.search(act.text):
                key = ""  # "Bit of an odd question for me. The welfare officer": said of the question, then answered
            if key == "meta" and (reading.content or told or len(tail) > 1) and pointing:
                key = ""  # "like i said last time, i want to move into data": pointing back, no complaint
        return key

    def _purpose(self, asked: str) -> str:
        """What the question is for; asked again about the same purpose (a step's own, else its phase's), it is not
        said the same way twice running; another step's own purpose is never "the same reason"."""
        step = self.current
        if self.values.get("previous") and _AGAIN.search(asked) and "why_again" in self.flow.replies:
            return self._reply("why_again")  # "why do you keep asking the same stuff tho", back for another go
        whose = f"step:{step.name}" if step.purpose else step.phase
        n = self.state.replies.get(f"purpose:{whose}", 0)
        self.state.replies[f"purpose:{whose}"] = n + 1
        lead = self._reply_text("why_asking") if n % 2 == 0 else "Same reason as before:"
        purpose = self.flow.purpose(self.step)
        if lead.endswith(":") and purpose[:2].istitle():  # "Same reason as before: talking about ..."
            purpose = purpose[:1].lower() + purpose[1:]
        return f"{lead} {purpose}".strip()

    def _aside(self, key: str, asked: str = "", reading: Reading | None = None) -> str:
        step = self.current
        if key == "purpose":
            return self._purpose(asked)
        if key in ("advice_request", "advice_verdict"):
            return self._advice(short=key == "advice_verdict")
        if key == "example":  # "like what? give me an example": kinds of answer, else the plain wording
            return self._render(step.example) if step.example else self._aside("simpler", asked, reading)
        if key == "others" and step.example and "others" in self.flow.replies:  # "what do most people pick?"
            return f"{self._reply('others')} {self._render(step.example)}"
        drive = (self._term_asked(asked) or self._word_asked(asked) or self._drive_asked(asked)) if key in (
            "simpler", "clarify") else ""
        if drive:  # "what do you mean by meaning anyway?": the drive's own words for it
            return drive
        if key == "simpler" and step.plain:  # "what means 'up close'?": the question in plain words
            return self._plainly(reading)
        if key == "kept":
            return self._kept(asked)
        if key == "said_before":  # "what did i say last time about why?": last time's words for that line
            found = said_before(asked, self.values.get("previous") or {}, self.flow.lexicon, here=step.changed or "")
            said = [self._reply("said_before").replace("{line}", line).replace("{words}", said) for line, said in found]
            return " ".join(said) or self._reply("said_before_none")
        if key == "so_far":  # "can I see what you wrote so far?", "what did I say drives me?"
            return self._so_far(asked)
        if key == "fixed":  # "did you fix those 4 things?": what was put right, said again
            return self._fixes_said()
        if key == "source":
            return self._source(bool(reading and reading.confirm is False and "source_no" in self.flow.replies))
        if key == "progress":
            return self._progress()
        if key == "still_wrong" and step.corrects and not step.ladder:  # at the read-back: nothing later to promise
            key = "still_wrong_read_back"
        kept = self._left_out_kept(asked) if key == "still_wrong" else ""
        if kept:  # "you missed the tutoring bit" when it is kept: only the play-back left it out (round 87)
            return self._reply("left_out_kept").replace("{words}", kept)
        return self._reply(key) if key in self.flow.replies else self._reply("clarify")

    def _left_out_kept(self, asked: str) -> str:
        """The kept item holding the part said to be missed ("you missed the tutoring bit"), played back ("" if none,
        or if the flow has no reply for it)."""
        m = _MISSED_PART.search(asked)
        item = find_kept(m["x"], self.summary()) if m and "left_out_kept" in self.flow.replies else None
        if not (m and item):
            return ""
        # the part of the answer that holds it: "or maybe kind of semi retired doing a bit of maths tutoring"
        pieces = [p for p in re.split(r"(?<=[.!?;])\s+|,\s+(?=(?:or|and|but)\b)", item) if p.strip()]
        piece = re.sub(r"(?i)^(?:or|and|but)\s+", "", next((p for p in pieces if find_kept(m["x"], {"x": [p]})), item))
        return play_back_hedged(piece, 40) or piece.strip(" .")  # "maybe" kept: never firmer than said

    def _reply_text(self, key: str) -> str:
        value = self.flow.replies.get(key, "")
        return str(value[0]) if isinstance(value, list) else str(value)

    def _answered_too(self, reading: Reading) -> bool:
        """Did the reply answer the question as well as ask about it?"""
        if self.current.expect != "text" and reading.confirm is not None:
            return True
        return reading.has("content") or reading.has("correction")

    def _progress(self) -> str:
        """"Are we nearly done?": the parts still to come, by their titles (the flow's reply, {left} filled)."""
        phases = list(self.flow.phases)
        here = phases.index(self.current.phase) if self.current.phase in phases else len(phases) - 1
        left = [str(self.flow.phases[p].get("title") or p).lower() for p in phases[here + 1:]]
        if not left:
            return self._reply("progress_last")
        listed = ", ".join(left[:-1]) + f" and {left[-1]}" if len(left) > 1 else left[0]
        first = here == 0 and "progress_first" in self.flow.replies  # "ok but quickly, i've got 10 mins" at the start
        return self._reply("progress_first" if first else "progress").replace("{left}", listed)

    def _source(self, refused: bool = False) -> str:
        """"Where did that come from?": the answer the last question was built on, or that it was a reading;
        ``refused``: asked with a no to the check, so the line says it is left out ("source_no")."""
        q = self.state.last_question
        for _, said in self.words.texts(list(q.sources)) if q else []:
            words = play_back(said, 30)
            if words:
                return self._reply("source_no" if refused else "source").replace("{words}", words)
        return self._reply("source_reading")

    def _word_asked(self, asked: str) -> str:
        """"what you mean by 'playful'?", "what is 'weighs on you'?" (round 90): a phrase the coach said outside the
        question itself, from the lexicon's glossary, said plainly ("" when none is named)."""
        low = " ".join(re.sub(r"(?<!\w)'|'(?!\w)|\"", " ", asked.lower()).split())
        glossary = self.flow.lexicon.raw.get("glossary") or {}
        named = [w for w in glossary if isinstance(w, str) and re.search(rf"\b{re.escape(w.lower())}\b", low)]
        if not named or not _ASKS_WHAT.search(low):
            return ""
        word = max(named, key=len)
        if re.search(rf"(?i)\b{re.escape(word)}\b", " ".join([self.current.ask or "", self.current.plain or "",
                                                                 *self.current.variants])):
            return ""  # a word of the question itself: its plain wording says it (see _plainly)
        return f'By "{word}" I mean {" ".join(str(glossary[word]).split())}'

    def _term_asked(self, asked: str) -> str:
        """"what means sweet spot?" (round 32): a part of the conversation, named by its title, said in its own
        purpose ("" if no title is asked about)."""
        low = " ".join(asked.lower().replace("'", " ").split())
        if not re.search(r"\bwhat (?:is|are|does|do you mean|you mean|means?)\b|\bmeans?\s*\?|\bmeaning of\b", low):
            return ""
        for spec in self.flow.phases.values():
            title = re.sub(r"(?i)^the\s+", "", str(spec.get("title") or "")).lower()
            names = [title] if len(title.split()) >= 2 else []
            names += [n.strip().lower() for n in str(spec.get("also_called") or "").split(",") if n.strip()]
            named = next((n for n in names if re.search(rf"\b{re.escape(n)}\b", low)), "")
            if named and spec.get("purpose"):  # "what is meaning of bedrock?" (round 35): its other name
                return f'By "{named}" I mean this: {" ".join(str(spec["purpose"]).split())}'
        return ""

    def _drive_asked(self, asked: str) -> str:
        """"What is 'having a say'?", "what do you mean by meaning?": what the drive named means ("" if none is)."""
        low = " ".join(re.sub(r"(?<!\w)'|'(?!\w)|\"", " ", asked.lower()).split())  # "'having a say'": no quotes
        if not re.search(r"\bwhat(?:'s| is| are| does| do you mean| you mean| means?)\b|\bmeans?\s*\?|\bmeaning of\b|"
                         r"\bdifference between\b", low):
            return ""  # "depends what you mean by meaningful" asks it too
        text = low.replace("meaning of", "").replace("what do you mean", "").replace("what you mean", "")
        if re.search(r"\bdifference\b", text):  # "the difference between meaning and growth": "meaning" is a drive
            text = re.sub(r"^.*?\bdifference\b", "", text)
        named = [(spec, found) for spec in self.flow.lexicon.motivations.values() if (found := spec.words.find(text))]
        plain = (self.current.plain or "").lower()
        told = all(found[0] in plain for _, found in named)  # "impact and control": the step's plain words say it
        if len(named) == 2 and not told and re.search(r"\b(?:difference|between|vs|versus|or)\b", low):
            # "what is the difference between meaning and growth?": each in its own words
            (a, wa), (b, wb) = named
            return f'By "{wa[0]}" I mean {a.label}; by "{wb[0]}", {b.label}.'
        if re.search(r"\b(?:difference|between|vs|versus|or)\b", low):
            return ""  # more than two, or none: the step's own plain words say it
        if len(named) != 1:
            return ""
        spec, found = named[0]
        if found[0].lower() in spec.label.lower() and spec.means:  # "earning" -> "earning well" says nothing new
            return f'By "{spec.label}" I mean {spec.means}.'
        return f'By "{found[0]}" I mean {spec.label}.'

    def _plainly(self, reading: Reading | None) -> str:
        """The step's plain wording: beside an answer, said; else the re-ask that follows is it."""
        plain = self.current.plain or ""
        if reading is not None and self._answered_too(reading):
            which, words = plain_aside(self._render(plain))
            return self._reply(which).replace("{words}", words)
        self._plain_next = True
        return self._reply("simpler")

    def _advice(self, short: bool = False) -> str:
        """The whole no-advice explanation once per conversation; after that, short ones in turn. A verdict asked
        for in passing ("is that a good sign?") gets a short one even before it."""
        options = self.flow.replies["advice"]
        if not isinstance(options, list):
            return str(options)
        said = self.state.replies.get("advice", 0)
        if short and said == 0 and len(options) > 1:
            return str(options[1])
        self.state.replies["advice"] = said + 1
        if said == 0 or len(options) == 1:
            return str(options[0])
        return str(options[1 + (said - 1) % (len(options) - 1)])
