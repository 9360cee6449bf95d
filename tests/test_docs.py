"""Every command is documented (as sqlite-utils checks): the README, or for the translators'
commands the translators' guide, shows each one in use."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from dcity_docs.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = (ROOT / "README.md").read_text(encoding="utf-8") + (ROOT / "locales" / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names: list[str] = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            names += _commands(command, f"{prefix}{name} ")
        else:
            names.append(f"{prefix}{name}")
    return names


@pytest.mark.parametrize("command", _commands(cli))
def test_every_command_is_documented(command: str) -> None:
    assert f"dcity-docs {command}" in DOCS, f"'dcity-docs {command}' appears in no README"
