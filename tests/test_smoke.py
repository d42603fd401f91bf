"""Placeholder until the end-to-end tests land: the CLI and the default flow load."""

from click.testing import CliRunner

from coach.cli import cli


def test_help_lists_chat() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "chat" in result.output
