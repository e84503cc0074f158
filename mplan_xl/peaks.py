"""The commercial calendar: French retail peaks computed by rule for any year, plus public holidays.

Rules (France, default legal rule of the Code de commerce, art. D310-15-2, without the regional
exceptions of some border départements):
- winter sales start on the second Wednesday of January, or the first when the second falls after
  the 12th; summer sales start on the last Wednesday of June, or the one before when the last falls
  after the 28th; each lasts four weeks;
- Mother's day is the last Sunday of May, moved to the first Sunday of June when it falls on
  Pentecost; Father's day is the third Sunday of June;
- Black Friday is the day after the fourth Thursday of November, Cyber Monday the Monday after it.
Public holidays come from the `holidays` library for the plan's country.
"""

from __future__ import annotations

import calendar
import importlib.util
import json
import os
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from dateutil.easter import easter

from .i18n import pick

WEDNESDAY, THURSDAY, SUNDAY = 2, 3, 6


@dataclass(frozen=True, order=True)
class Peak:
    start: date
    end: date
    name: str
    kind: str  # "commercial" or "holiday"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))


def winter_sales_start(year: int) -> date:
    second = nth_weekday(year, 1, WEDNESDAY, 2)
    return second if second.day <= 12 else nth_weekday(year, 1, WEDNESDAY, 1)


def summer_sales_start(year: int) -> date:
    last = nth_weekday(year, 6, WEDNESDAY, -1)
    return last if last.day <= 28 else last - timedelta(days=7)


def mothers_day(year: int) -> date:
    day = nth_weekday(year, 5, SUNDAY, -1)
    if day == easter(year) + timedelta(days=49):  # Pentecost
        return nth_weekday(year, 6, SUNDAY, 1)
    return day


def fathers_day(year: int) -> date:
    return nth_weekday(year, 6, SUNDAY, 3)


def black_friday(year: int) -> date:
    return nth_weekday(year, 11, THURSDAY, 4) + timedelta(days=1)


SALES_DAYS = 28  # four weeks since 2020 (loi PACTE)

_NAMES = {
    "winter_sales": ("Soldes d'hiver", "Winter sales"),
    "valentine": ("Saint-Valentin", "Valentine's Day"),
    "mothers_day": ("Fête des mères", "Mother's Day"),
    "fathers_day": ("Fête des pères", "Father's Day"),
    "summer_sales": ("Soldes d'été", "Summer sales"),
    "back_to_school": ("Rentrée", "Back to school"),
    "halloween": ("Halloween", "Halloween"),
    "black_friday": ("Black Friday", "Black Friday"),
    "cyber_monday": ("Cyber Monday", "Cyber Monday"),
    "christmas": ("Noël", "Christmas season"),
    "holiday": ("Férié", "Public holiday"),
}


def _label(key: str, lang: str) -> str:
    return pick(lang, *_NAMES[key])


def commercial_events(year: int, country: str = "FR") -> list[tuple[str, date, date]]:
    """(key, start, end) of the commercial peaks of one year."""
    events = [("valentine", date(year, 2, 14), date(year, 2, 14))]
    if country == "FR":
        winter, summer = winter_sales_start(year), summer_sales_start(year)
        events += [
            ("winter_sales", winter, winter + timedelta(days=SALES_DAYS - 1)),
            ("mothers_day", mothers_day(year), mothers_day(year)),
            ("fathers_day", fathers_day(year), fathers_day(year)),
            ("summer_sales", summer, summer + timedelta(days=SALES_DAYS - 1)),
            # Back-to-school shopping: from the second half of August to mid-September.
            ("back_to_school", date(year, 8, 16), date(year, 9, 15)),
        ]
    friday = black_friday(year)
    events += [
        ("halloween", date(year, 10, 31), date(year, 10, 31)),
        ("black_friday", friday, friday),
        ("cyber_monday", friday + timedelta(days=3), friday + timedelta(days=3)),
        ("christmas", date(year, 12, 1), date(year, 12, 24)),
    ]
    return events


def public_holidays(start: date, end: date, country: str = "FR", lang: str = "fr") -> dict[date, str]:
    """Public holidays of the country between start and end inclusive, named in lang where available.

    They come from the `holidays` library. Loading it costs about a quarter of a second (it imports
    every country), so each year's list is kept in a small cache file, keyed by the library's install.
    """
    found: dict[date, str] = {}
    for year in range(start.year, end.year + 1):
        for day, name in _holidays_of_year(country.upper(), year, lang).items():
            if start <= day <= end:
                found[day] = name
    return dict(sorted(found.items()))


def _holidays_of_year(country: str, year: int, lang: str) -> dict[date, str]:
    cache = _cache_file(country, year, lang)
    if cache is not None:
        try:
            return {date.fromisoformat(k): v for k, v in json.loads(cache.read_text(encoding="utf-8")).items()}
        except (OSError, ValueError):
            pass
    import holidays

    try:
        calendar_ = holidays.country_holidays(country, years=[year], language=pick(lang, "fr", "en_US"))
        result = dict(sorted(calendar_.items()))
    except NotImplementedError:
        result = {}
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            temp = cache.with_suffix(f".{os.getpid()}.tmp")
            temp.write_text(json.dumps({k.isoformat(): v for k, v in result.items()}), encoding="utf-8")
            os.replace(temp, cache)
        except OSError:
            pass  # no cache: slower next time, nothing else
    return result


def _cache_file(country: str, year: int, lang: str) -> Path | None:
    """Where a year's holidays are cached, or None when caching is off (MPLAN_NO_CACHE) or impossible."""
    if os.environ.get("MPLAN_NO_CACHE"):
        return None
    spec = importlib.util.find_spec("holidays")
    if spec is None or not spec.origin:
        return None
    try:
        stamp = int(os.stat(spec.origin).st_mtime)
    except OSError:
        return None
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mplan"
    return root / f"holidays-{stamp}-{country}-{year}-{lang}.json"


def peaks_for_period(start: date, end: date, lang: str = "fr", country: str = "FR") -> list[Peak]:
    """Commercial peaks and public holidays overlapping [start, end], sorted by date.

    Names carry the year so that a period spanning two years keeps them unique.
    """
    found = []
    for year in range(start.year, end.year + 1):
        for key, first, last in commercial_events(year, country):
            if first <= end and last >= start:
                found.append(Peak(first, last, f"{_label(key, lang)} {year}", "commercial"))
    for day, name in public_holidays(start, end, country, lang).items():
        found.append(
            Peak(
                day,
                day,
                pick(
                    lang,
                    f"{_label('holiday', lang)} : {name} {day.year}",
                    f"{_label('holiday', lang)}: {name} {day.year}",
                ),
                "holiday",
            )
        )
    return sorted(found)
