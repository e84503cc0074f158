"""docs/cli.md, generated from the commands' --help (scripts/make_docs.py writes it; a test checks drift)."""

from __future__ import annotations

import click

from .cli import cli


def markdown() -> str:
    lines = ["# Command line", "", "Generated from `mplan COMMAND --help` by `python scripts/make_docs.py`.", ""]
    settings = dict(help_option_names=["-h", "--help"], terminal_width=100, max_content_width=100)
    context = click.Context(cli, info_name="mplan", **settings)
    lines += ["```", cli.get_help(context), "```", ""]
    for name in sorted(cli.commands):
        command = cli.commands[name]
        sub = click.Context(command, info_name=name, parent=context, **settings)
        lines += [f"## mplan {name}", "", "```", command.get_help(sub), "```", ""]
    return "\n".join(lines)
