"""validate(path): read a plan, run every rule, return the report (SPEC section 4's JSON as data)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .errors import UsageError
from .findings import Report
from .gcpause import paused_gc
from .reader import Plan, load
from .rules import run


def plan_today(plan: Plan, today: date | None = None) -> date:
    """`--today`, else the Settings reference date, else the system date (SPEC section 2)."""
    if today:
        return today
    reference = plan.setting("reference_date")
    return reference if isinstance(reference, date) else date.today()


@paused_gc()
def validate(path: str | Path, *, today: date | None = None, lang: str | None = None) -> Report:
    """Findings of a plan workbook. Raises WorkbookError only when the file cannot be read."""
    if lang not in (None, "fr", "en"):
        raise UsageError(f"unknown language '{lang}': use fr or en")
    plan = load(path)
    when = plan_today(plan, today)
    lang = lang or plan.lang
    return Report(str(path), when, run(plan, when, lang), lang, plan.sheet_names)
