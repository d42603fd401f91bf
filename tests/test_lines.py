"""A read-back line said again in the mentee's own way is found, and only a line that is clear is changed."""

from __future__ import annotations

import pytest

from coach.listening.lines import LineEdit, line_edit

# Each line as the coach finds its items by (a drive by its label and words).
LINES = {
    "goal": ["move into clinical research or medical writing"],
    "want_job": ["the trial coordinator"],
    "bedrock": ["feeling useful to patients"],
    "motivations": ["being the one who makes the decisions the one who decides in charge leadership",
                    "growing and getting really good at something growth learn"],
    "passions": ["reading papers"],
    "strengths": ["explaining drug stuff simply"],
    "sweet_spot": ["writing for patients"],
}


@pytest.mark.parametrize(
    ("reply", "edit"),
    [
        ("mostly yes but the deciding thing isnt me, its more being heard",
         LineEdit("motivations", (0,), "being heard", "deciding")),
        ("close. swap the drives, growth yes, the other one no", LineEdit("motivations", (0,), "")),
        ("not leadership, more like being listened to",
         LineEdit("motivations", (0,), "being listened to", "leadership")),
        ("not deciding, being listened to", LineEdit("motivations", (0,), "being listened to", "deciding")),
        ("hmm not quite, the underneath bit is more about being trusted",
         LineEdit("bedrock", (), "being trusted", whole=True)),
        ("its more like trusted than useful", LineEdit("bedrock", (0,), "trusted", "useful")),
        ("the papers bit no, more like podcasts", LineEdit("passions", (0,), "podcasts", "papers")),
        ("yeah. the where those meet bit: writing for ordinary people",
         LineEdit("sweet_spot", (), "writing for ordinary people", whole=True)),
        ("drives: being heard, growth", LineEdit("motivations", (), "being heard, growth", whole=True)),
        ("its ok but like, not the trial coordinator, the writer",
         LineEdit("want_job", (0,), "the writer", "trial coordinator")),
    ],
    ids=["deciding-isnt-me", "other-one-no", "not-leadership", "not-deciding", "underneath-more-about", "than",
         "bit-no", "meet-colon", "label-whole", "filler-first"],
)
def test_a_line_put_right_in_own_words_is_found(reply: str, edit: LineEdit) -> None:
    assert line_edit(reply, LINES) == edit


@pytest.mark.parametrize(
    "reply",
    ["yes", "yes thats me", "i like it", "no the job is wrong", "dunno, all of it?", "hmm. not sure tbh",
     "no, more like being heard", "its fine i guess"],
)
def test_no_line_is_guessed(reply: str) -> None:
    """A yes, a remark with no new words, or new words that name no line: nothing is changed by guessing."""
    assert line_edit(reply, LINES) is None
