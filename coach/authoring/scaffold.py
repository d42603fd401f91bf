"""`coach flow new NAME`: a minimal valid flow and a conversation test that passes."""

from __future__ import annotations

import os
import re
from pathlib import Path

from coach.errors import UsageError
from coach.resources import schema_path

NAME = re.compile(r"^[a-z][a-z0-9_-]*$")

FLOW = """\
# yaml-language-server: $schema={schema}
#
# {name}: a coach flow. Check it with: coach flow validate {flow_file}
# Draw it with: coach flow graph {flow_file}    Test it with: coach flow test {test_file}
flow: {name}
version: 1
start: welcome

phases:
  trust:
    purpose: So you know what this conversation is for before we start.
  goal:
    purpose: Talking about where you'd like to be gives us something concrete to explore.
  close:
    purpose: Putting what you found in your own words makes it easier to act on.

summary:
  goals: [goal]

steps:
  welcome:
    phase: trust
    say: "Hello {{{{ mentee }}}}. I'll ask a couple of questions and play back what I hear."
    ask: "Shall we begin?"
    rephrase: false
    expect: yes_no
    next:
      - when: yes
        to: goal
      - to: goodbye

  goal:
    phase: goal
    ask: "Where would you like to be in three to five years?"
    keep: ["three to five years"]
    save_as: goal
    next: playback

  playback:
    phase: close
    ask: "I heard: {{{{ goal | reflect }}}}. Is that right?"
    rephrase: false
    expect: yes_no
    next: goodbye

  goodbye:
    phase: close
    say: "Thank you. Come back any time."
    end: completed
"""

TEST = """\
# Conversation tests for {name}. Run them with: coach flow test {test_file}
# (plain `pytest` runs them too). The format is described in docs/authoring.md.
flow: {flow_rel}
tests:
  - name: a yes leads through to the end
    turns:
      - step: welcome                 # no answer: checks the opening
        contains: "shall we begin"
      - answer: "yes"
        step: goal
        phase: goal
      - answer: "Leading a small team"
        values: {{goal: "Leading a small team"}}
        step: playback
      - answer: "yes"
        status: completed
        summary: {{goals: ["Leading a small team"]}}

  - name: a no ends politely
    turns:
      - answer: "no"
        status: completed
        contains: "thank you"

  - name: test from here, with a preset value
    from: playback
    values: {{goal: "running a studio"}}
    turns:
      - contains: "running a studio"
      - answer: "/back"
        step: playback
"""


def schema_ref(directory: Path) -> str:
    """Where a flow in ``directory`` finds the schema: a relative path inside the tree that holds
    it (a source checkout: the flow moves with it), else the installed file's absolute URI."""
    schema = schema_path().resolve()
    home = schema.parent.parent  # the checkout, or the installed coach package
    if directory.resolve().is_relative_to(home):
        return os.path.relpath(schema, directory.resolve())
    return schema.as_uri()


def scaffold(name: str, directory: Path | str = "flows") -> tuple[Path, Path]:
    """Write ``DIR/NAME.yaml`` and ``DIR/tests/NAME.test.yaml``; refuse to overwrite."""
    if not NAME.match(name):
        raise UsageError(f"flow name {name!r} must be lower-case letters, digits, - and _ (starting with a letter)")
    directory = Path(directory)
    flow_file = directory / f"{name}.yaml"
    test_file = directory / "tests" / f"{name}.test.yaml"
    for path in (flow_file, test_file):
        if path.exists():
            raise UsageError(f"{path} already exists; pick another name or remove it")
    test_file.parent.mkdir(parents=True, exist_ok=True)
    schema = schema_ref(directory)
    flow_rel = os.path.relpath(flow_file.resolve(), test_file.parent.resolve())
    fields = {"name": name, "schema": schema, "flow_file": flow_file, "test_file": test_file, "flow_rel": flow_rel}
    flow_file.write_text(FLOW.format(**fields))
    test_file.write_text(TEST.format(**fields))
    return flow_file, test_file
