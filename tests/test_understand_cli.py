"""`coach understand`: replies in on stdin, one JSON line of acts out for each, bad lines reported."""

from __future__ import annotations

import json

from click.testing import CliRunner

from coach.cli import cli


def run(stdin: str, *args: str) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(cli, ["understand", *args], input=stdin)
    return result.exit_code, [json.loads(line) for line in result.output.splitlines()]


def test_plain_lines_and_json_lines_each_get_their_acts() -> None:
    lines = "\n".join([
        "ye",
        json.dumps({"reply": "not sure. can my manager see this?", "step": "welcome"}),
        json.dumps({"reply": "I want X. So should I go to the startup?", "question": "Whose job would you want?"}),
        "",
    ])
    code, out = run(lines, "--expect", "auto")
    assert code == 0
    assert [o["kinds"] for o in out] == [["non_answer"], ["hedge", "question"], ["content", "advice_request"]]
    assert out[1]["acts"][1]["topic"] == "privacy"
    assert out[1]["step"] == "welcome"
    assert out[2]["content"] == "I want X."


def test_a_yes_no_question_makes_a_typo_yes_a_yes() -> None:
    _, out = run("ye\nnope\nkind of\n", "--question", "Does that sound right?")
    assert [o["confirm"] for o in out] == [True, False, None]


def test_distress_is_reported_with_its_level_and_rule() -> None:
    _, out = run("i want to sleep and never wake up\nthis deadline is killing me\n")
    assert out[0]["distress"]["level"] == "crisis"
    assert out[0]["kinds"] == ["distress"]
    assert out[1]["distress"] is None


def test_a_bad_line_gets_a_one_line_error_and_the_rest_go_on() -> None:
    code, out = run('{not json\n{"reply": 3}\nyes\n', "--expect", "yes_no")
    assert code == 1
    assert out[0] == {"line": 1, "error": out[0]["error"]} and "JSON" in str(out[0]["error"])
    assert out[1]["line"] == 2 and "reply" in str(out[1]["error"])
    assert out[2]["confirm"] is True
