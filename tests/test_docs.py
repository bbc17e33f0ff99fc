"""Docs tested like code: every command and record is documented."""

from pathlib import Path

import typer.main

from newsweave import models
from newsweave.cli import app

ROOT = Path(__file__).resolve().parents[1]


def test_every_cli_command_is_in_the_cli_docs():
    doc = (ROOT / "docs" / "cli.md").read_text()
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    for name in commands:
        assert f"newsweave {name}" in doc, f"docs/cli.md does not document `newsweave {name}`"


def test_every_record_is_in_the_records_docs():
    doc = (ROOT / "docs" / "records.md").read_text()
    for name, value in vars(models).items():
        if (
            isinstance(value, type)
            and issubclass(value, models.Record)
            and value is not models.Record
        ):
            assert f"`{name}`" in doc, f"docs/records.md does not describe {name}"


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    head = readme[:1500]
    assert "make demo" in head and "make test" in head
    assert "make test" in (ROOT / ".ci" / "run").read_text()
