"""The `mplan` command line: parses options, calls the library, turns MplanError into one line + exit 2."""

from __future__ import annotations

import sys
from datetime import date, datetime
from functools import wraps
from pathlib import Path

import click

from .errors import MplanError, UsageError


def _one_line_errors(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except MplanError as exc:
            click.echo(f"mplan: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper


def _parse_cli_date(value: str, option: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise UsageError(f"{option} '{value}' is not a date: write it as 2027-01-01 or 01/01/2027")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mplan-xl", prog_name="mplan")
def cli():
    """mplan: your marketing action plan, kept in Excel.

    Create a workbook with `mplan init`, fill it in Excel or LibreOffice, then check it and write the
    summary back into it.
    """


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", default="fr", show_default=True, help="Language of the workbook: fr or en.")
@click.option("--start", "start", metavar="DATE", help="First day of the plan (default: 1 January next year).")
@click.option("--months", default=12, show_default=True, type=int, help="Length of the plan period in months.")
@click.option("--currency", default="EUR", show_default=True, help="ISO 4217 code of the plan's currency.")
@click.option("--example", is_flag=True, help="Fill the workbook with a complete fictional plan.")
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@_one_line_errors
def init(path, lang, start, months, currency, example, force):
    """Create a plan workbook from the template.

    \b
    Examples:
      mplan init plan.xlsx
      mplan init plan.xlsx --lang en --start 2027-04-01 --months 12
      mplan init exemple.xlsx --example
    """
    from .template import create_plan

    if lang not in ("fr", "en"):
        raise UsageError(f"--lang '{lang}' is not supported: use fr or en")
    start_date = _parse_cli_date(start, "--start") if start else None
    currency = currency.strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        raise UsageError(f"--currency '{currency}' is not an ISO 4217 code such as EUR or USD")
    written = create_plan(path, lang=lang, start=start_date, months=months, example=example,
                          currency=currency, force=force)
    click.echo(f"Wrote {written} ({'example plan' if example else 'template'}, {lang}).")
    click.echo(f"Next: fill it in Excel or LibreOffice, then run: mplan validate {written}")


def main(argv=None):
    cli.main(args=argv, prog_name="mplan")
