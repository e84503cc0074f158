"""validate(path): read a plan, run every rule, return the report (SPEC section 4's JSON as data)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .findings import Report
from .gcpause import paused_gc
from .pipeline import check, plan_today

__all__ = ["validate", "plan_today"]


@paused_gc()
def validate(path: str | Path, *, today: date | None = None, lang: str | None = None) -> Report:
    """Findings of a plan workbook. Raises WorkbookError only when the file cannot be read."""
    return check(path, today=today, lang=lang).report
