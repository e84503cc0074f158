"""What keeps large plans linear: the sheet extent check, the cycle search, the paused collector."""

from __future__ import annotations

import gc
from datetime import date

from mplan_xl.ooxml.scan import MAX_CELLS, _extent
from mplan_xl.rules import RULES, Context
from mplan_xl.validate import validate

from .conftest import ROOT
from .test_figures import make_plan

SAMPLE_FR = ROOT / "samples" / "exemple-fr.xlsx"


def _sheet(rows: int, last_column: str, extra: str = "") -> bytes:
    body = "".join(
        f'<row r="{r}"><c r="A{r}"><v>1</v></c><c r="{last_column}{r}"><v>2</v></c></row>' for r in range(1, rows + 1)
    )
    return f"<worksheet><sheetData>{body}{extra}</sheetData></worksheet>".encode()


def test_a_long_sheet_fits_unless_a_cell_lies_beyond_the_columns_it_allows():
    rows = 200_000  # 3,000,000 cells allow 15 columns (A to O) on that many rows
    assert MAX_CELLS // rows == 15
    rows_found, width = _extent(_sheet(rows, "O"))
    assert rows_found == rows and rows_found * width <= MAX_CELLS
    rows_found, width = _extent(_sheet(rows, "O", '<row r="7"><c r="P7"><v>3</v></c></row>'))
    assert width == 16 and rows_found * width > MAX_CELLS
    rows_found, width = _extent(_sheet(rows, "O", '<row r="9"><c r="AB9"><v>3</v></c></row>'))
    assert width == 28
    assert _extent(_sheet(100, "C", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')) == (1048576, 16384)


def test_every_dependency_cycle_is_reported_once_even_behind_a_long_chain():
    n = 3000
    actions = [dict(id=f"A{i}", cost=1, objective="O1", channel="Emailing", pillar="promotion") for i in range(n)]
    schedule = [
        dict(action=f"A{i}", start=date(2027, 3, 1), end=date(2027, 3, 5), status="todo", owner="Claire")
        for i in range(n)
    ]
    for i in range(n - 3):
        schedule[i]["depends"] = [f"A{i + 1}"]  # a long chain, ending in the two cycles below
    schedule[n - 3]["depends"] = [f"A{n - 2}", f"A{n - 1}"]
    schedule[n - 2]["depends"] = [f"A{n - 3}"]  # cycle A(n-3) ↔ A(n-2)
    schedule[n - 1]["depends"] = [f"A{n - 3}"]  # cycle A(n-3) ↔ A(n-1), sharing a node with the first
    plan = make_plan(actions=actions, schedule=schedule)
    ctx = Context(plan, date(2027, 1, 1), "en")
    found = list(RULES["MP709"].func(ctx))
    cycles = sorted(f.message for f in found)
    assert len(found) == 2, cycles
    assert any(f"A{n - 3} → A{n - 2} → A{n - 3}" in c for c in cycles)
    assert any(f"A{n - 3} → A{n - 1} → A{n - 3}" in c for c in cycles)


def test_the_collector_is_paused_only_while_a_plan_is_worked_on():
    assert gc.isenabled()
    validate(SAMPLE_FR)
    assert gc.isenabled()
    gc.disable()
    try:
        validate(SAMPLE_FR)
        assert not gc.isenabled(), "a caller's choice is kept"
    finally:
        gc.enable()
