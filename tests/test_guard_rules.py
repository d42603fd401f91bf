"""The guard's rule table (coach/guard/rules.yaml): every rule on its own examples, verdicts that name
the rules that fired, and a malformed table refused with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.errors import RulesError
from coach.guard.advice import RULES, advice_reasons, findings
from coach.guard.check import check
from coach.guard.rules import RULES_FILE, load_rules


def _fired(text: str) -> set[str]:
    return {rule for f in findings(text) for rule in f.rules}


EXAMPLES = [
    pytest.param(rule.id, text, fires, id=f"{rule.id}:{'fires' if fires else 'silent'}:{i}")
    for rule in RULES.rules
    for fires, texts in ((True, rule.fires), (False, rule.silent))
    for i, text in enumerate(texts)
]


@pytest.mark.parametrize(("rule_id", "text", "fires"), EXAMPLES)
def test_every_rule_fires_on_its_examples_and_is_silent_on_its_near_misses(rule_id: str, text: str,
                                                                             fires: bool) -> None:
    assert (rule_id in _fired(text)) == fires, (text, sorted(_fired(text)))


def test_the_table_covers_every_kind_and_uses_every_exemption() -> None:
    assert len(RULES.rules) >= 90 and len(EXAMPLES) >= 3 * len(RULES.rules)
    assert {r.kind for r in RULES.rules} == set(RULES.kinds) == {
        "advice", "suggestion", "instruction", "judgement", "information", "leading", "promise"}
    used = {e.name for r in RULES.rules for e in r.exempt}
    assert used == set(RULES.exemptions), set(RULES.exemptions) - used


def test_a_verdict_names_the_rules_that_fired() -> None:
    verdict = check("You should ask your manager. Why not apply?")
    assert "advice: 'you should' [you-should]" in verdict.reasons
    assert "suggestion: 'why not apply' [why-not-act]" in verdict.reasons
    assert verdict.rules == ["you-should", "why-not-act"]
    assert check("What matters most to you?").rules == []


def test_words_two_rules_found_are_one_reason_naming_both() -> None:
    assert advice_reasons("You need to ask your manager.") == ["advice: 'you need to' [you-should, you-need]"]


def test_exemptions_are_named_and_kept_per_rule() -> None:
    """The same words are excused by one rule's exemption and not by another rule that has none."""
    by_id = {r.id: r for r in RULES.rules}
    assert [e.name for e in by_id["what-about"].exempt] == ["their-words", "aspect-of"]
    assert "what-about" not in _fired("What about the role appeals to you?")
    assert "what-about" in _fired("What about your network?")


TABLE = """\
kinds:
  advice: tells the mentee what to do
parts:
  verb: ask | apply
exemptions:
  asks-their-view:
    why: asks for the mentee's view
    before: '\\byou\\ think\\ $'
rules:
  - id: you-should
    kind: advice
    why: tells the mentee what to do
    pattern: |
      \\byou\\ should
      \\ {verb}\\b
    exempt: [asks-their-view]
    examples:
      fires: [You should ask.]
      silent: [Do you think you should ask?]
"""


def test_a_table_of_ones_own_is_compiled_and_applied(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(TABLE, encoding="utf-8")
    table = load_rules(path)
    found = findings("You should apply, I think.", table)
    assert [f.reason for f in found] == ["advice: 'you should apply' [you-should]"]
    assert findings("Do you think you should ask?", table) == []


@pytest.mark.parametrize(("old", "new", "line", "message"), [
    pytest.param("      \\ {verb}\\b", "      \\ ({verb}\\b", 15, "bad regex: missing ), unterminated subpattern",
                 id="bad-regex-on-its-line"),
    pytest.param("kind: advice", "kind: advise", 11, "'advise' is not one of advice", id="unknown-kind"),
    pytest.param("exempt: [asks-their-view]", "exempt: [asks-their-views]", 16, "unknown exemption 'asks-their-views'",
                 id="unknown-exemption"),
    pytest.param("{verb}", "{verbs}", 15, "unknown part {verbs}", id="unknown-part"),
    pytest.param("      silent: [Do you think you should ask?]\n", "", 17, "examples: missing 'silent'",
                 id="no-near-miss"),
    pytest.param("\\byou\\ should\n", "\\byou\\ should\\\n", 14, "a line ends in a backslash", id="escaped-line-end"),
    pytest.param("    exempt:", "    exempts:", 16, "unknown key 'exempts'", id="unknown-key"),
    pytest.param("  verb: ask | apply", "  verb: ask | {verb}", 4, "a part that uses itself {verb}", id="part-cycle"),
    pytest.param("    before: '", "    before: '(", 8, "bad regex", id="bad-exemption-regex"),
    pytest.param("kinds:", "kinds: [", 3, "YAML syntax", id="yaml-syntax"),
])
def test_a_bad_table_is_refused_with_file_and_line(tmp_path: Path, old: str, new: str, line: int,
                                                  message: str) -> None:
    path = tmp_path / "rules.yaml"
    assert old in TABLE
    path.write_text(TABLE.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RulesError) as raised:
        load_rules(path)
    assert f"{path}:{line}:1: error: " in str(raised.value) and message in str(raised.value), str(raised.value)


def test_a_duplicate_rule_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    rule = TABLE[TABLE.index("  - id: you-should"):]
    path.write_text(TABLE + rule, encoding="utf-8")
    with pytest.raises(RulesError, match=r":20:1: error: rule 'you-should': the id is used twice"):
        load_rules(path)


def test_the_shipped_table_is_the_one_in_use() -> None:
    assert RULES_FILE.name == "rules.yaml" and RULES_FILE.parent.name == "guard"
    assert [r.id for r in load_rules(RULES_FILE).rules] == [r.id for r in RULES.rules]
