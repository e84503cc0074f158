"""The Timeline sheet: month labels that never overlap, peaks and holidays named on the sheet, readable actions."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import openpyxl
import pytest

from mplan_xl.ooxml.workbook import PROOF_COL
from mplan_xl.report import write_report
from mplan_xl.report.sheets import MAX_LANES, _lanes

from .conftest import ROOT

SAMPLES = [
    (ROOT / "samples" / "exemple-fr.xlsx", "Calendrier", "Toussaint", "Soldes d'hiver"),
    (ROOT / "samples" / "example-en.xlsx", "Timeline", "All Saints' Day", "Winter sales"),
]
MONTH_ROW, DAY_ROW, BASE = 5, 6, 7  # 1-based, as openpyxl counts: the weeks start at column G


@pytest.fixture(params=SAMPLES, ids=["fr", "en"])
def timeline(request, tmp_path):
    source, name, holiday, peak = request.param
    path = tmp_path / source.name
    shutil.copy(source, path)
    write_report(path, backup=False)
    return openpyxl.load_workbook(path)[name], holiday, peak


def band_rows(ws) -> range:
    """The rows between the week headers and the first objective."""
    last = DAY_ROW
    while ws.cell(last + 1, 1).value in (None, ""):
        last += 1
    return range(DAY_ROW + 1, last + 1)


def test_each_month_is_named_once_over_its_weeks(timeline):
    ws, _, _ = timeline
    labels = {c: ws.cell(MONTH_ROW, c).value for c in range(BASE, ws.max_column + 1)}
    named = {c: v for c, v in labels.items() if v}
    assert len(set(named.values())) == len(named) == 13, "December 2026 (one week) and each month of 2027"
    merged = {r.min_col: r for r in ws.merged_cells.ranges if r.min_row == r.max_row == MONTH_ROW}
    for column, label in named.items():
        if label.endswith("27"):  # the months of the period, each over its four or five weeks
            assert merged[column].max_col - column + 1 in (4, 5), label
    spans = sorted((r.min_col, r.max_col) for r in merged.values())
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False)), "no two months share a column"
    assert max(named) < PROOF_COL + 1


def test_peaks_and_holidays_are_named_with_different_colours(timeline):
    ws, holiday, peak = timeline
    cells = {ws.cell(r, c).value: ws.cell(r, c) for r in band_rows(ws) for c in range(BASE, ws.max_column + 1)}
    assert "Black Friday" in cells and peak in cells and holiday in cells
    assert not any(isinstance(v, str) and v.endswith(" 2027") for v in cells), "the year is in the month row"
    peak_fill = cells["Black Friday"].fill.fgColor.rgb
    holiday_fill = cells[holiday].fill.fgColor.rgb
    assert peak_fill != holiday_fill
    assert cells[peak].fill.fgColor.rgb == peak_fill
    assert cells[holiday].font.i and not cells["Black Friday"].font.i
    titles = [ws.cell(r, 2).value for r in band_rows(ws)]
    assert titles[0] in ("Temps forts", "Commercial peaks")
    assert any(t in ("Jours fériés", "Public holidays") for t in titles)
    assert ws.freeze_panes == f"G{band_rows(ws)[-1] + 1}", "the peaks stay in view with the weeks"


def test_action_names_wrap_in_a_wide_column(timeline):
    ws, _, _ = timeline
    assert ws.column_dimensions["B"].width >= 30
    actions = [ws.cell(r, 2) for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith("A")]
    assert len(actions) >= 25 and all(cell.alignment.wrap_text for cell in actions)


def _peak(name: str, start: date, days: int = 0, holiday: bool = False):
    week = (start - date(2027, 1, 4)).days // 7
    end = start + timedelta(days=days)
    return (holiday, name, name, start, end, week, week + days // 7)


def test_names_never_run_over_one_another():
    peaks = [_peak(f"Peak number {n}", date(2027, 1, 4) + timedelta(days=3 * n)) for n in range(40)]
    lanes = _lanes(peaks, 52)
    assert len(lanes) == MAX_LANES
    for lane in lanes:
        labelled = sorted(at for _, at, _ in lane if at is not None)
        assert all(b - a >= 4 for a, b in zip(labelled, labelled[1:], strict=False)), lane
    # near the end of the weeks a name ends at its peak and runs to the left
    (only,) = _lanes([_peak("Christmas Day", date(2027, 12, 27))], 52)
    assert only == [(only[0][0], 51, True)]
