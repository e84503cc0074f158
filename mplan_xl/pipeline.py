"""One pipeline for every command: load the plan, resolve today, compute the figures, run the rules.

`check(path)` returns a `Checked`: the plan, today, the language, and (computed on first use, once) the
figures, the findings and the report. validate, report, export and consolidate all start here, so they
agree on what "today" is and on every figure and finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from .errors import UsageError
from .figures import Figures, compute
from .findings import Finding, Report
from .gcpause import paused_gc
from .reader import Plan, load
from .rules import run

LANGS = ("fr", "en")


def plan_today(plan: Plan, today: date | None = None) -> date:
    """`--today`, else the Settings reference date, else the system date (SPEC section 2)."""
    if today:
        return today
    reference = plan.setting("reference_date")
    return reference if isinstance(reference, date) else date.today()


@dataclass
class Checked:
    """A plan read and checked: what every command needs, each piece computed once."""

    path: str | Path  # as the caller named the file
    plan: Plan
    today: date
    lang: str

    @cached_property
    def figures(self) -> Figures:
        return compute(self.plan, self.today)

    @cached_property
    def findings(self) -> list[Finding]:
        return run(self.plan, self.today, self.lang, self.figures)

    @cached_property
    def report(self) -> Report:
        """The findings as SPEC section 4's report."""
        return Report(str(self.path), self.today, self.findings, self.lang, self.plan.sheet_names)


def _known(lang: str | None) -> None:
    if lang not in (None, *LANGS):
        raise UsageError(f"unknown language '{lang}': use fr or en")


def checked(plan: Plan, today: date | None = None, lang: str | None = None, path: str | Path | None = None) -> Checked:
    """A plan already read, with its today and language resolved."""
    _known(lang)
    return Checked(plan.path if path is None else path, plan, plan_today(plan, today), lang or plan.lang)


@paused_gc()
def check(path: str | Path, *, today: date | None = None, lang: str | None = None, keep_raw: bool = False) -> Checked:
    """Read the plan at path. Raises WorkbookError only when the file cannot be read.

    `keep_raw` keeps each sheet's raw values (the report's verification compares them).
    """
    _known(lang)  # before the file is opened: a bad option is reported first
    return checked(load(path, keep_raw=keep_raw), today, lang, path)
