"""What goes into a new workbook: settings values and table rows, before any rendering.

Rows are dicts keyed by column key. Choice and bool columns hold the option key ("done", "yes");
text may be a (French, English) pair. `cell_value` turns them into what the cell shows.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..catalog import CHANNELS
from ..i18n import pick
from ..peaks import peaks_for_period
from ..schema import BOOL, CHOICE, CHOICES, SETTING_DEFAULTS, TEXT


@dataclass
class PlanContent:
    settings: dict[str, object] = field(default_factory=dict)
    rows: dict[str, list[dict]] = field(default_factory=dict)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_end(start: date, months: int) -> date:
    return add_months(start, months) - timedelta(days=1)


def default_start(today: date) -> date:
    """1 January of the year after today (SPEC settings default)."""
    return date(today.year + 1, 1, 1)


def cell_value(column, value, lang: str):
    """The value a cell shows for a content value of the given column or setting."""
    if value is None:
        return None
    if isinstance(value, tuple):  # (fr, en) text
        value = pick(lang, *value)
    if column.type in (CHOICE, BOOL) and isinstance(value, (str, bool)):
        key = ("yes" if value else "no") if isinstance(value, bool) else value
        choice = CHOICES[column.choices]
        if any(o.key == key for o in choice.options):
            return choice.option(key).label(lang)
    if column.type == TEXT and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def channel_catalogue() -> list[dict]:
    return [
        {"channel": (fr, en), "category": cat, "lever": (lever_fr, lever_en)}
        for cat, fr, en, lever_fr, lever_en in CHANNELS
    ]


def peak_rows(start: date, end: date, lang: str, country: str = "FR") -> list[dict]:
    return [
        {"name": p.name, "start": p.start, "end": p.end if p.end != p.start else None}
        for p in peaks_for_period(start, end, lang, country)
    ]


def blank_content(lang: str, start: date, end: date, currency: str = "EUR") -> PlanContent:
    """A blank plan: default settings, the channel catalogue and the commercial peaks of the period."""
    settings = dict(
        SETTING_DEFAULTS,
        period_start=start,
        period_end=end,
        currency=currency,
        language=lang,
        plan_name=(f"Plan d'action marketing {start.year}", f"Marketing action plan {start.year}"),
    )
    return PlanContent(
        settings, {"channels": channel_catalogue(), "peaks": peak_rows(start, end, lang, str(settings["country"]))}
    )
