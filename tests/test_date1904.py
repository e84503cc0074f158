"""A workbook in the 1904 date system (Mac Excel) gets its report's dates in that system (issue 12 part 5)."""

from __future__ import annotations

import shutil
from datetime import date, datetime

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from mplan_xl.figures import compute
from mplan_xl.reader import load
from mplan_xl.report import write_report

from .conftest import ROOT

SAMPLE_FR = ROOT / "samples" / "exemple-fr.xlsx"


def mac_workbook(tmp_path):
    """The sample saved with the 1904 date system, its dates written as 1904 serials (as Mac Excel does)."""
    path = tmp_path / "mac.xlsx"
    wb = openpyxl.load_workbook(SAMPLE_FR)
    wb.epoch = CALENDAR_MAC_1904
    wb.save(path)
    return path


def as_date(value):
    return value.date() if isinstance(value, datetime) else value


def test_the_plan_reads_the_same_in_1904(tmp_path):
    path = mac_workbook(tmp_path)
    assert load(path).period == load(SAMPLE_FR).period == (date(2027, 1, 1), date(2027, 12, 31))


def test_report_dates_are_written_in_the_workbook_date_system(tmp_path):
    path = mac_workbook(tmp_path)
    shutil.copy(path, tmp_path / "before.xlsx")
    write_report(path, backup=False)
    wb = openpyxl.load_workbook(path)
    assert wb.epoch == CALENDAR_MAC_1904
    timeline = wb["Calendrier"]
    figures = compute(load(path), date(2027, 8, 10))
    ends = {i.action.get("id"): i.end for i in figures.items if i.scheduled}
    found = {}
    for row in timeline.iter_rows(min_row=1):
        ident, end = row[0].value, row[5].value if len(row) > 5 else None
        if ident in ends and isinstance(end, datetime):
            found[ident] = as_date(end)
    assert found and found == {k: v for k, v in ends.items() if k in found}
    assert len(found) >= 20


def test_every_date_of_the_generated_sheets_lies_in_the_plan_years(tmp_path):
    path = mac_workbook(tmp_path)
    write_report(path, backup=False)
    wb = openpyxl.load_workbook(path)
    seen = set()
    for name in ("Synthèse", "Alertes", "Calendrier"):
        for row in wb[name].iter_rows():
            for cell in row:
                if isinstance(cell.value, datetime):
                    seen.add(cell.value.date())
    assert seen and all(date(2026, 1, 1) <= d <= date(2028, 12, 31) for d in seen), sorted(seen)[-3:]
    assert date(2027, 7, 31) in seen, "the objectives' last reading, on the Summary"
