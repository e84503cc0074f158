"""The reader: tables found however the workbook was edited, every value typed and located."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date

import openpyxl
import pytest

from mplan_xl import WorkbookError
from mplan_xl.reader import load

from .conftest import ROOT
from .helpers import fill

SAMPLE_FR = ROOT / "samples" / "exemple-fr.xlsx"
SAMPLE_EN = ROOT / "samples" / "example-en.xlsx"


def codes(plan):
    return sorted((f.code, f.sheet, f.cell) for f in plan.problems)


@pytest.mark.parametrize("path,lang", [(SAMPLE_FR, "fr"), (SAMPLE_EN, "en")])
def test_samples_read_completely_without_problems(path, lang):
    plan = load(path)
    assert plan.lang == lang and plan.problems == []
    assert plan.period == (date(2027, 1, 1), date(2027, 12, 31))
    assert {k: len(t.rows) for k, t in plan.tables.items()} == {
        "objectives": 6,
        "personas": 4,
        "watch": 12,
        "pestel": 7,
        "channels": 28,
        "team": 5,
        "overheads": 4,
        "actions": 26,
        "swot": 12,
        "schedule": 26,
        "peaks": 21,
        "measurements": 39,
        "actuals": 48,
    }
    action = plan.rows("actions")[0]
    assert (action.get("id"), action.get("cost"), action.get("pillar")) == ("A01", 4500.0, "product")
    assert action.cells["cost"].ref == "H5" and action.cells["cost"].sheet == "6 Actions"
    assert plan.setting("envelope") == 70000 and plan.setting("budget_warn") == 0.9


def test_values_typed_the_way_people_type(tmp_path):
    path = fill(
        SAMPLE_FR,
        tmp_path / "typed.xlsx",
        {
            "actions": [{"cost": "8 000 €", "revenue": "12 500,50 €", "effort": "3,5"}],
            "schedule": [{"start": "15/03/2027", "end": "T2", "status": "terminé", "priority": "HAUTE"}],
            "actuals": [{"progress": "25 %"}],
        },
    )
    plan = load(path)
    assert plan.problems == []
    action, schedule, actual = plan.rows("actions")[0], plan.rows("schedule")[0], plan.rows("actuals")[0]
    assert (action.get("cost"), action.get("revenue"), action.get("effort")) == (8000, 12500.5, 3.5)
    assert (schedule.get("start"), schedule.get("end")) == (date(2027, 3, 15), date(2027, 6, 30))
    assert (schedule.get("status"), schedule.get("priority")) == ("done", "high")
    assert actual.get("progress") == 0.25


def test_unreadable_error_and_uncalculated_cells_are_findings_at_their_cell(tmp_path):
    path = fill(
        SAMPLE_FR, tmp_path / "bad.xlsx", {"actions": [{"cost": "beaucoup"}, {"revenue": "#REF!"}, {"effort": "=1+1"}]}
    )
    plan = load(path)
    assert codes(plan) == [("MP004", "6 Actions", "H5"), ("MP007", "6 Actions", "J7"), ("MP008", "6 Actions", "I6")]
    assert plan.rows("actions")[0].get("cost") is None, "an unreadable value counts as empty"
    message = next(f for f in plan.problems if f.code == "MP004").message
    assert "beaucoup" in message and "Coût estimé" in message


def test_rows_below_the_table_and_after_blank_rows_are_read(tmp_path):
    wb = openpyxl.load_workbook(SAMPLE_FR)
    ws = wb["6 Actions"]
    last = int(ws.tables["tbl_actions"].ref.split(":")[1][1:])
    ws.cell(last + 1, 1).value, ws.cell(last + 1, 2).value = "A90", "Typed under the table"
    ws.cell(last + 5, 1).value, ws.cell(last + 5, 2).value = "A91", "After blank rows"
    wb.save(tmp_path / "below.xlsx")
    ids = [r.get("id") for r in load(tmp_path / "below.xlsx").rows("actions")]
    assert ids[-2:] == ["A90", "A91"] and len(ids) == 28


def test_table_found_by_header_on_a_renamed_sheet_in_any_column_order(tmp_path):
    wb = openpyxl.load_workbook(SAMPLE_EN)
    ws = wb["1 Objectives"]
    del ws.tables["tbl_objectives"]
    ws.title = "My goals"
    ws.insert_cols(1)  # columns move; an extra column on the left
    ws.cell(4, 1).value = "Notes"
    a, b = ws.cell(4, 2).value, ws.cell(4, 3).value  # swap two headers with their data
    for r in range(4, 30):
        ws.cell(r, 2).value, ws.cell(r, 3).value = ws.cell(r, 3).value, ws.cell(r, 2).value
    wb.save(tmp_path / "renamed.xlsx")
    plan = load(tmp_path / "renamed.xlsx")
    table = plan.tables["objectives"]
    assert table.found_by == "header" and table.sheet == "My goals"
    assert (a, b) == ("ID", "Objective")
    assert [r.get("id") for r in table.rows] == ["O1", "O2", "O3", "O4", "O5", "O6"]
    assert table.rows[0].cells["id"].ref == "C5"
    assert plan.problems == []


def test_missing_table_and_missing_required_column(tmp_path):
    wb = openpyxl.load_workbook(SAMPLE_FR)
    del wb["3 Veille"].tables["tbl_watch"]
    for r in range(3, 40):  # rows 1-2 hold the title and the merged advice
        for c in range(1, 8):
            wb["3 Veille"].cell(r, c).value = None
    ws = wb["1 Objectifs"]
    ws.cell(4, 5).value = "Valeur visée"  # the required 'Cible' column renamed
    wb.save(tmp_path / "missing.xlsx")
    plan = load(tmp_path / "missing.xlsx")
    assert ("MP001", "3 Veille", "A1") in codes(plan)
    assert ("MP002", "1 Objectifs", "A4") in codes(plan)
    assert "watch" not in plan.tables and len(plan.rows("objectives")) == 6


def test_libreoffice_style_table_less_workbook_in_english_labels_on_french_sheets(tmp_path):
    """A plan typed by hand: no Excel tables, headers in English on French sheet names."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Paramètres"
    ws.append(["Plan name", "Mon plan"])
    ws.append(["Period start", "01/01/2027"])
    ws.append(["Period end", "31/12/2027"])
    ws2 = wb.create_sheet("6 Actions")
    ws2.append(["Action", "ID", "Objective", "Channel", "Estimated cost"])
    ws2.append(["Salon", "A1", "O1", "Salons", "3 000 €"])
    ws2.append([])
    ws2.append(["Emailing", "A2", "O1", "Emailing", "500"])
    wb.save(tmp_path / "hand.xlsx")
    plan = load(tmp_path / "hand.xlsx")
    assert plan.period == (date(2027, 1, 1), date(2027, 12, 31))
    assert [(r.get("id"), r.get("cost")) for r in plan.rows("actions")] == [("A1", 3000), ("A2", 500)]
    assert {f.code for f in plan.problems} == {"MP001"}


@pytest.mark.parametrize(
    "maker,needle",
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_text("a;b;c\n1;2;3\n"), "CSV"),
        (lambda p: p.write_text("<html><body><table></table></body></html>"), "HTML"),
        (lambda p: p.write_bytes(SAMPLE_FR.read_bytes()[:5000]), "damaged"),
        (
            lambda p: p.write_bytes(
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "Workbook".encode("utf-16-le")
            ),
            ".xls",
        ),
        (
            lambda p: p.write_bytes(
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le")
            ),
            "password",
        ),
    ],
)
def test_file_level_problems_are_one_clear_error(tmp_path, maker, needle):
    path = tmp_path / "plan.xlsx"
    maker(path)
    with pytest.raises(WorkbookError) as info:
        load(path)
    message = str(info.value)
    assert needle in message and str(path) in message and "\n" not in message


def test_ods_is_named(tmp_path):
    path = tmp_path / "plan.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    with pytest.raises(WorkbookError, match="OpenDocument"):
        load(path)


def test_reading_never_changes_the_file(tmp_path):
    copy = tmp_path / "copy.xlsx"
    shutil.copy(SAMPLE_FR, copy)
    load(copy)
    assert copy.read_bytes() == SAMPLE_FR.read_bytes()


def test_hidden_rows_and_merged_cells_are_read(tmp_path):
    wb = openpyxl.load_workbook(SAMPLE_FR)
    ws = wb["6 Actions"]
    ws.row_dimensions[6].hidden = True
    ws.merge_cells("B7:C7")  # action and description merged on row 7: the value stays in B7
    wb.save(tmp_path / "hidden.xlsx")
    plan = load(tmp_path / "hidden.xlsx")
    actions = plan.rows("actions")
    assert [a.get("id") for a in actions[:3]] == ["A01", "A02", "A03"], "a hidden row is still part of the plan"
    assert actions[2].get("action") == "Newsletter mensuelle" and actions[2].get("description") is None
    assert plan.problems == []
