"""Motivations by evidence: every drive something said points to, most evidence first, none played down."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coach.listening import rules

if TYPE_CHECKING:
    from coach.conversation.state import SessionState
    from coach.conversation.words import Provenance
    from coach.flow.spec import Flow

# A motivation said in the same breath as one of these was played down, not named.
_PLAYED_DOWN = re.compile(
    r"\b(?:would be nice|nice to have|nice bonus|a bonus|not the main|isn'?t the main|not that important|"
    r"not (?:really )?what (?:drives|matters)|doesn'?t matter (?:much|that much)|not a big deal|secondary|"
    r"not really about|less about|not about|(?:maybe|probably|possibly)(?: \w+){1,3} (?:a bit|a little|too)|"
    r"not (?:really )?(?:the |my )?(?:why|reason|point|driver)|"  # "money a bit but its not why"
    # "Money is fine, I'm paid ok"
    r"(?:is|'s|are) (?:fine|ok|okay|alright|sorted|covered)(?! to)|paid (?:ok|okay|fine|enough|alright))\b"
)
_CLAUSES = re.compile(r"[.;!?]+|\bbut\b|\bthough\b|\balthough\b")
# "money matters too, but not the main thing": the clause after names no subject, it says it of the one before.
_POINTS_BACK = re.compile(r"^(?:it|its|it's|that|thats|that's|this|they|which|not)\b")


class Evidence:
    """The part of a conversation that finds the motivations to check (mixed into Conversation)."""

    flow: Flow
    values: dict[str, Any]
    words: Provenance
    state: SessionState

    def _items(self, detector: str) -> list[dict[str, Any]]:
        """Every motivation with evidence in what was said, most first, none played down."""
        if detector != "motivations":
            return []
        lex = self.flow.lexicon
        said = self.words.texts(self.state.said)
        down = {m for m, spec in lex.motivations.items() for _, text in said if _played_down(spec.words, text)}
        other, chosen = self._lean()
        down |= other
        found = [m for m in rules.detect_motivations([text for _, text in said], lex) if m not in down]
        if chosen and chosen not in (self.values.get("motivations") or []):
            # "impact, definitely" was the answer to a question about exactly this: confirmed, not asked again
            # (round 10: "It sounds like having an impact matters to you?" right after "impact def").
            refs = [ref for ref, text in said if text == str(self.values.get("impact_or_control") or "")]
            self.words.append("motivations", chosen, refs)
        found = [m for m in found if m != chosen]
        items = []
        for i, m in enumerate(found):
            evidence = [ref for ref, text in said if rules.affirmed(lex.motivations[m].words, text)]
            items.append({"id": m, "label": lex.motivations[m].label, "note": lex.motivations[m].note,
                          "evidence": evidence, "first": i == 0})
        return items

    def _lean(self) -> tuple[set[str], str]:
        """Impact or control, answered clearly ("impact, definitely. i dont care who decides"): the
        other one is not checked (round 8 was asked about control after saying so) and the chosen one is
        confirmed by the choice. Returns (the drives not to check, the one chosen or "")."""
        lex = self.flow.lexicon
        answer = str(self.values.get("impact_or_control") or "")
        if not answer or "influence" not in lex.motivations or "authority" not in lex.motivations:
            return set(), ""
        refs = [r for item in self.state.sources.get("impact_or_control") or [] for r in (
            item if isinstance(item, list) else [item])]
        said = " ".join(text for _, text in self.words.texts(refs)) or answer  # "Both?" is not kept as words
        if rules.BOTH.search(said):
            return set(), ""  # not a clear choice: the checks ask
        scores = {m: rules.affirmed(lex.motivations[m].words, answer) for m in ("influence", "authority")}
        if _played_down(lex.motivations["authority"].words, answer):
            scores["authority"] = 0
        if _played_down(lex.motivations["influence"].words, answer):
            scores["influence"] = 0
        chosen = [m for m, n in scores.items() if n]
        if len(chosen) != 1:  # a mix, or neither: both stay to be checked by their evidence
            return set(), ""
        return {"influence", "authority"} - set(chosen), chosen[0]


def _played_down(words: rules.Phrases, text: str) -> bool:
    """"The money would be nice but it's not the main thing": named, then played down, in the
    same clause or the next one when that one points back at it ("it's not the main thing")."""
    clauses = [c.strip() for c in _CLAUSES.split(rules.normalise(text))]
    for i, clause in enumerate(clauses):
        if not words.find(clause):
            continue
        after = clauses[i + 1] if i + 1 < len(clauses) else ""
        if _PLAYED_DOWN.search(clause) or (_POINTS_BACK.match(after) and _PLAYED_DOWN.search(after)):
            return True
        if not rules.affirmed(words, clause):  # "not money, theatre never paid anyway": only ever denied
            return True
    return False
