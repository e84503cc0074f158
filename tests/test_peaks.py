"""Commercial peaks follow their rules for every year of 2025–2032 (and the known exception years)."""

from datetime import date, timedelta

import holidays
import pytest
from dateutil.easter import easter

from mplan_xl.peaks import (
    black_friday,
    fathers_day,
    mothers_day,
    peaks_for_period,
    summer_sales_start,
    winter_sales_start,
)

YEARS = range(2025, 2033)

# Published dates (French government announcements) for the years already known.
KNOWN = {
    "winter": {2024: date(2024, 1, 10), 2025: date(2025, 1, 8), 2026: date(2026, 1, 7)},
    "summer": {2024: date(2024, 6, 26), 2025: date(2025, 6, 25), 2026: date(2026, 6, 24)},
    "mothers": {2020: date(2020, 6, 7), 2024: date(2024, 5, 26), 2025: date(2025, 5, 25), 2026: date(2026, 5, 31)},
    "fathers": {2024: date(2024, 6, 16), 2025: date(2025, 6, 15), 2026: date(2026, 6, 21)},
    "black_friday": {2024: date(2024, 11, 29), 2025: date(2025, 11, 28), 2026: date(2026, 11, 27)},
}


@pytest.mark.parametrize(
    "kind,func",
    [
        ("winter", winter_sales_start),
        ("summer", summer_sales_start),
        ("mothers", mothers_day),
        ("fathers", fathers_day),
        ("black_friday", black_friday),
    ],
)
def test_known_published_dates(kind, func):
    for year, expected in KNOWN[kind].items():
        assert func(year) == expected, (kind, year)


@pytest.mark.parametrize("year", YEARS)
def test_winter_sales_rule(year):
    start = winter_sales_start(year)
    wednesdays = [date(year, 1, d) for d in range(1, 32) if date(year, 1, d).weekday() == 2]
    assert start.weekday() == 2 and start.month == 1
    assert start == (wednesdays[1] if wednesdays[1].day <= 12 else wednesdays[0])


@pytest.mark.parametrize("year", YEARS)
def test_summer_sales_rule(year):
    start = summer_sales_start(year)
    wednesdays = [date(year, 6, d) for d in range(1, 31) if date(year, 6, d).weekday() == 2]
    assert start == (wednesdays[-1] if wednesdays[-1].day <= 28 else wednesdays[-2])


@pytest.mark.parametrize("year", list(YEARS) + [2008, 2020, 2043])
def test_mothers_day_rule_with_pentecost_exception(year):
    last_sunday = max(date(year, 5, d) for d in range(1, 32) if date(year, 5, d).weekday() == 6)
    pentecost = easter(year) + timedelta(days=49)
    expected = last_sunday if last_sunday != pentecost else last_sunday + timedelta(days=7)
    assert mothers_day(year) == expected
    assert mothers_day(year).weekday() == 6


@pytest.mark.parametrize("year", YEARS)
def test_fathers_day_and_black_friday(year):
    assert fathers_day(year).weekday() == 6 and 15 <= fathers_day(year).day <= 21
    friday = black_friday(year)
    assert friday.weekday() == 4 and 23 <= friday.day <= 29


@pytest.mark.parametrize("year", YEARS)
def test_period_peaks_cover_every_event_and_holiday(year):
    start, end = date(year, 1, 1), date(year, 12, 31)
    peaks = peaks_for_period(start, end, "fr")
    names = [p.name for p in peaks]
    for label in (
        "Soldes d'hiver",
        "Saint-Valentin",
        "Fête des mères",
        "Fête des pères",
        "Soldes d'été",
        "Rentrée",
        "Halloween",
        "Black Friday",
        "Cyber Monday",
        "Noël",
    ):
        assert f"{label} {year}" in names
    holiday_days = {p.start for p in peaks if p.kind == "holiday"}
    assert holiday_days == set(holidays.France(years=year))
    assert len(names) == len(set(names)), "names are unique"
    sales = next(p for p in peaks if p.name == f"Soldes d'hiver {year}")
    assert (sales.end - sales.start).days == 27  # four weeks


def test_period_across_two_years_keeps_only_overlapping_peaks():
    peaks = peaks_for_period(date(2027, 7, 1), date(2028, 6, 30), "en")
    names = {p.name for p in peaks}
    assert "Summer sales 2027" in names  # started in June, still running in July
    assert "Christmas season 2027" in names and "Winter sales 2028" in names
    assert "Valentine's Day 2027" not in names and "Halloween 2028" not in names
    assert all(p.end >= date(2027, 7, 1) and p.start <= date(2028, 6, 30) for p in peaks)
