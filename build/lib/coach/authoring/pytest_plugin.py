"""pytest plugin: every ``*.test.yaml`` conversation-test file is collected, one item per case."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coach.authoring.flowtest import run_case
from coach.authoring.testfile import SUFFIX, Case, check_against_flow, load_test_file
from coach.errors import FlowError, Problem
from coach.flow.spec import Flow, load_flow


class FlowTestFailure(Exception):
    """A conversation test did not go as scripted; the message is the diff-style explanation."""


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect conversation-test files wherever pytest looks."""
    if file_path.name.endswith(SUFFIX):
        return FlowTestFile.from_parent(parent, path=file_path)
    return None


class FlowTestFile(pytest.File):
    """One ``*.test.yaml`` file."""

    def collect(self) -> Iterator[pytest.Item]:
        """One item per case; a file that cannot be read becomes one failing item listing why."""
        try:
            tf = load_test_file(self.path)
            flow = load_flow(tf.flow_path)
            problems = check_against_flow(tf, flow)
        except FlowError as e:
            yield FlowTestItem.from_parent(self, name="(file errors)", problems=e.problems)
            return
        if problems:
            yield FlowTestItem.from_parent(self, name="(file errors)", problems=problems)
            return
        for case in tf.cases:
            yield FlowTestItem.from_parent(self, name=case.name, case=case, flow=flow, mentee=tf.mentee)


class FlowTestItem(pytest.Item):
    """One conversation test case."""

    def __init__(
        self,
        *,
        case: Case | None = None,
        flow: Flow | None = None,
        mentee: str = "sam",
        problems: list[Problem] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.case, self.flow, self.mentee, self.problems = case, flow, mentee, problems or []

    def runtest(self) -> None:
        """Play the case; raise FlowTestFailure with the explanation if it does not hold."""
        if self.problems or self.case is None or self.flow is None:
            raise FlowTestFailure("\n".join(p.render() for p in self.problems))
        result = run_case(self.flow, self.case, self.mentee, self.path)
        if not result.passed:
            raise FlowTestFailure(result.line + "\n" + result.explanation)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """The explanation, without a Python traceback."""
        if isinstance(excinfo.value, FlowTestFailure):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the case is, for pytest's report."""
        return self.path, (self.case.line - 1) if self.case else 0, f"conversation test: {self.name}"
