"""`mplan init`: the generated workbook's sheets, tables, dropdowns, formats, Guide and example content."""

from __future__ import annotations

import zipfile
from datetime import datetime

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.utils import range_boundaries

from mplan_xl.catalog import CHANNELS
from mplan_xl.cli import cli
from mplan_xl.schema import CHOICES, SETTINGS, SHEET, TABLE, input_sheets
from mplan_xl.schema import ColumnType as T

from .conftest import run_contract_check

LANGS = ("fr", "en")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("example", [False, True])
def test_contract_check_passes(workbooks, lang, example):
    result = run_contract_check(workbooks[(lang, example)], lang)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 contract problem(s)" in result.stdout


def _tables(wb):
    return {t.name: (ws, t) for ws in wb.worksheets for t in ws.tables.values()}


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_order_and_tables_side_by_side(workbooks, lang):
    wb = openpyxl.load_workbook(workbooks[(lang, False)])
    assert wb.sheetnames == [s.name(lang) for s in input_sheets()]
    tables = _tables(wb)
    for sheet in input_sheets():
        previous_last_col = None
        for key in sheet.tables:
            ws, tbl = tables[f"tbl_{key}"]
            assert ws.title == sheet.name(lang)
            min_col, min_row, max_col, max_row = range_boundaries(tbl.ref)
            assert min_row == 4, "header on row 4 under the title, advice and caption"
            assert max_row - min_row >= 10, "pre-sized with empty rows"
            if previous_last_col is not None:
                assert min_col == previous_last_col + 2, "one empty column between tables"
            previous_last_col = max_col


def _validations(ws):
    found = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            found[(rng.min_col, rng.min_row)] = (dv, rng)
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_dropdowns_and_type_checks_on_every_input_column(workbooks, lang):
    wb = openpyxl.load_workbook(workbooks[(lang, False)])
    names = wb.defined_names
    lists_sheet = SHEET["lists"].name(lang)
    for name, (ws, tbl) in _tables(wb).items():
        if name == "tbl_settings":
            continue
        table = TABLE[name.removeprefix("tbl_")]
        min_col, min_row, max_col, max_row = range_boundaries(tbl.ref)
        validations = _validations(ws)
        for offset, column in enumerate(table.columns):
            col = min_col + offset
            dv, rng = validations[(col, min_row + 1)]
            assert rng.max_row == max_row, f"{name}.{column.key} covers the whole table"
            assert dv.promptTitle and dv.prompt, f"{name}.{column.key} shows its help when selected"
            if column.type in (T.CHOICE, T.BOOL):
                choice = CHOICES[column.choices]
                assert dv.type == "list" and dv.formula1 == choice.defined_name
                target = names[choice.defined_name].attr_text
                assert target.startswith(f"'{lists_sheet}'!")
                sheet_name, ref = target.rsplit("!", 1)
                values = [c.value for row in wb[lists_sheet][ref.replace("$", "")] for c in row]
                assert values == choice.labels(lang)
            elif column.ref:
                ref_table = TABLE[column.ref]
                assert dv.type == "list" and dv.formula1 == ref_table.ref_name, f"{name}.{column.key}"
                id_label = ref_table.column(ref_table.id_column).label(lang)
                assert names[ref_table.ref_name].attr_text == f"{ref_table.excel_name}[{id_label}]"
                assert dv.errorStyle in ("warning", "information"), "ids typed before their table still allowed"
            elif column.type == T.DATE:
                assert dv.type == "date" and dv.errorStyle in (None, "stop") and dv.error
            elif column.type == T.MONEY:
                assert dv.type == "decimal" and dv.operator == "greaterThanOrEqual"


@pytest.mark.parametrize("lang", LANGS)
def test_formats_notes_freeze_and_print_setup(workbooks, lang):
    wb = openpyxl.load_workbook(workbooks[(lang, True)])
    for name, (ws, tbl) in _tables(wb).items():
        min_col, min_row, _, _ = range_boundaries(tbl.ref)
        if name == "tbl_settings":
            continue
        table = TABLE[name.removeprefix("tbl_")]
        assert ws.freeze_panes == "A5"
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth in (None, 1)  # 1 is the default
        assert ws.page_setup.fitToHeight == 0, "fit to width, as many pages down as needed"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        for offset, column in enumerate(table.columns):
            header = ws.cell(min_row, min_col + offset)
            assert header.comment is not None and len(header.comment.text) > 10
            body = ws.cell(min_row + 1, min_col + offset)
            assert body.fill.fgColor.rgb.endswith("FFF8E1"), "input cells are cream"
            if column.type == T.DATE:
                assert body.number_format == ("dd/mm/yyyy" if lang == "fr" else "dd mmm yyyy")
            if column.type == T.MONEY:
                assert "€" in body.number_format
        for row in ws.iter_rows(min_row=min_row):
            for cell in row:
                assert cell.data_type != "f", f"no formula in input tables ({ws.title}!{cell.coordinate})"


@pytest.mark.parametrize("lang", LANGS)
def test_settings_filled_with_period_and_defaults(workbooks, lang):
    wb = openpyxl.load_workbook(workbooks[(lang, False)])
    ws = wb[SHEET["settings"].name(lang)]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(5, 5 + len(SETTINGS))}
    label = {s.key: s.label(lang) for s in SETTINGS}
    assert values[label["period_start"]] == datetime(2027, 1, 1)
    assert values[label["period_end"]] == datetime(2027, 12, 31)
    assert values[label["currency"]] == "EUR" and values[label["country"]] == "FR"
    assert values[label["due_soon_days"]] == 14 and values[label["persona_review_months"]] == 12
    assert values[label["budget_warn"]] == 0.9 and values[label["overspend_warn"]] == 0.1
    assert values[label["language"]] == lang
    assert values[label["envelope"]] is None and values[label["reference_date"]] is None


@pytest.mark.parametrize("lang", LANGS)
def test_guide_links_to_every_step_and_documents_legend_and_commands(workbooks, lang):
    wb = openpyxl.load_workbook(workbooks[(lang, False)])
    guide = wb[SHEET["guide"].name(lang)]
    targets = {c.hyperlink.location for row in guide.iter_rows() for c in row if c.hyperlink}
    for sheet in input_sheets():
        if sheet.step or sheet.key == "settings":
            assert f"'{sheet.name(lang)}'!A1" in targets
    text = " ".join(str(c.value) for row in guide.iter_rows() for c in row if c.value)
    assert "mplan validate" in text and "mplan report" in text
    assert ("Cellule de saisie" if lang == "fr" else "Input cell") in text


@pytest.mark.parametrize("lang", LANGS)
def test_blank_template_prefills_catalogue_and_peaks(workbooks, lang):
    wb = openpyxl.load_workbook(workbooks[(lang, False)])
    tables = _tables(wb)
    ws, tbl = tables["tbl_channels"]
    min_col, min_row, _, _ = range_boundaries(tbl.ref)
    names = [ws.cell(r, min_col).value for r in range(min_row + 1, min_row + 1 + len(CHANNELS))]
    assert names == [c[1] if lang == "fr" else c[2] for c in CHANNELS]
    ws, tbl = tables["tbl_peaks"]
    min_col, min_row, _, max_row = range_boundaries(tbl.ref)
    peaks = [ws.cell(r, min_col).value for r in range(min_row + 1, max_row + 1) if ws.cell(r, min_col).value]
    assert len(peaks) >= 20
    assert any(("Fête des mères 2027" if lang == "fr" else "Mother's Day 2027") == p for p in peaks)
    objectives_ws, objectives = tables["tbl_objectives"]
    _, o_row, _, o_max = range_boundaries(objectives.ref)
    assert all(objectives_ws.cell(r, 1).value is None for r in range(o_row + 1, o_max + 1))


def _rows(wb, key):
    ws, tbl = _tables(wb)[f"tbl_{key}"]
    min_col, min_row, max_col, max_row = range_boundaries(tbl.ref)
    rows = []
    for r in range(min_row + 1, max_row + 1):
        values = [ws.cell(r, c).value for c in range(min_col, max_col + 1)]
        if any(v not in (None, "") for v in values):
            rows.append(dict(zip([c.key for c in TABLE[key].columns], values, strict=True)))
    return rows


@pytest.mark.parametrize("lang", LANGS)
def test_example_plan_is_complete(workbooks, lang):
    wb = openpyxl.load_workbook(workbooks[(lang, True)])
    assert 4 <= len(_rows(wb, "objectives")) <= 6
    assert 3 <= len(_rows(wb, "personas")) <= 4
    assert len(_rows(wb, "watch")) >= 10
    factors = {r["factor"] for r in _rows(wb, "pestel")}
    assert factors == set(CHOICES["pestel"].labels(lang)), "full PESTEL"
    channels = _rows(wb, "channels")
    yes = CHOICES["bool"].option("yes").label(lang)
    assert len(channels) >= 12 and 6 <= sum(r["selected"] == yes for r in channels) <= 9
    assert 4 <= len(_rows(wb, "team")) <= 5
    actions = _rows(wb, "actions")
    assert 20 <= len(actions) <= 30 and all(isinstance(a["cost"], (int, float)) for a in actions)
    assert {r["type"] for r in _rows(wb, "swot")} == set(CHOICES["swot"].labels(lang))
    schedule = _rows(wb, "schedule")
    assert {s["action"] for s in schedule} == {a["id"] for a in actions}
    assert any(s["depends"] for s in schedule) and any(s["peak"] for s in schedule)
    peaks = {r["name"] for r in _rows(wb, "peaks")}
    assert all(s["peak"] in peaks for s in schedule if s["peak"])
    channel_names = {c["channel"] for c in channels}
    assert all(a["channel"] in channel_names for a in actions)
    months = {(m["date"].year, m["date"].month) for m in _rows(wb, "measurements")}
    assert len(months) >= 6
    assert len(_rows(wb, "actuals")) >= 10


def test_same_command_gives_identical_bytes(tmp_path):
    runner = CliRunner()
    for name in ("a.xlsx", "b.xlsx"):
        result = runner.invoke(cli, ["init", str(tmp_path / name), "--example", "--start", "2027-01-01"])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_document_properties_are_fixed(workbooks):
    with zipfile.ZipFile(workbooks[("fr", False)]) as package:
        core = package.read("docProps/core.xml").decode()
    assert "2026-01-01T00:00:00Z" in core and "mplan" in core
    assert "<dc:title>Plan d'action marketing 2027</dc:title>" in core


def test_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"user data")
    result = CliRunner().invoke(cli, ["init", str(target)])
    assert result.exit_code == 2
    expected = f"mplan: {target} already exists: choose another name or add --force to overwrite it"
    assert result.output.strip() == expected
    assert target.read_bytes() == b"user data"
    result = CliRunner().invoke(cli, ["init", str(target), "--force"])
    assert result.exit_code == 0 and zipfile.is_zipfile(target)


@pytest.mark.parametrize(
    "args,message",
    [
        (["--lang", "de"], "mplan: --lang 'de' is not supported: use fr or en"),
        (["--start", "31/02/2027"], "mplan: --start '31/02/2027' is not a date: write it as 2027-01-01 or 01/01/2027"),
        (["--start", "demain"], "mplan: --start 'demain' is not a date: write it as 2027-01-01 or 01/01/2027"),
        (["--months", "0"], "mplan: --months must be between 1 and 60, not 0"),
        (["--months", "61"], "mplan: --months must be between 1 and 60, not 61"),
        (["--currency", "euro"], "mplan: --currency 'EURO' is not an ISO 4217 code such as EUR or USD"),
    ],
)
def test_bad_options_are_one_line_errors(tmp_path, args, message):
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "p.xlsx"), *args])
    assert result.exit_code == 2
    assert result.output.strip() == message
    assert not (tmp_path / "p.xlsx").exists()


def test_bad_months_type_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "p.xlsx"), "--months", "douze"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_start_and_months_set_the_period(tmp_path):
    target = tmp_path / "p.xlsx"
    result = CliRunner().invoke(cli, ["init", str(target), "--lang", "en", "--start", "01/04/2027", "--months", "18"])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(target)["Settings"]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(5, 5 + len(SETTINGS))}
    assert values["Period start"] == datetime(2027, 4, 1) and values["Period end"] == datetime(2028, 9, 30)


def test_python_dash_m_runs_the_cli(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mplan_xl", "init", str(tmp_path / "p.xlsx")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and (tmp_path / "p.xlsx").exists()
