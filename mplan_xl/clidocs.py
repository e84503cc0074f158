"""docs/cli.md, generated from the commands' --help (scripts/make_docs.py writes it; a test checks drift)."""

from __future__ import annotations

import click

from .cli import cli


def markdown() -> str:
    lines = ["# Command line", "", "Generated from `mplan COMMAND --help` by `python scripts/make_docs.py`.", ""]
    help_names = ["-h", "--help"]
    context = click.Context(
        cli, info_name="mplan", help_option_names=help_names, terminal_width=100, max_content_width=100
    )
    lines += ["```", cli.get_help(context), "```", ""]
    for name in sorted(cli.commands):
        command = cli.commands[name]
        sub = click.Context(
            command,
            info_name=name,
            parent=context,
            help_option_names=help_names,
            terminal_width=100,
            max_content_width=100,
        )
        lines += [f"## mplan {name}", "", "```", command.get_help(sub), "```", ""]
    return "\n".join(lines)
