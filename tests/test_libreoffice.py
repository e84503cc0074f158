"""LibreOffice headless as the real client: it opens our workbooks, renders them, and keeps what matters
when it saves them again. Needs `soffice` and, for the UNO test, Debian's python3-uno."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from mplan_xl.schema import TABLE

from .conftest import requires_lo, run_contract_check, soffice_convert

pytestmark = [pytest.mark.libreoffice, requires_lo]

UNO_PYTHON = "/usr/bin/python3"
DRIVER = Path(__file__).with_name("lo") / "uno_driver.py"


def _page_count(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"Pages:\s+(\d+)", out).group(1))
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@pytest.mark.parametrize("key", [("fr", False), ("en", False), ("fr", True), ("en", True)])
def test_renders_to_pdf_without_error(workbooks, key, tmp_path):
    result = soffice_convert(workbooks[key], "pdf", tmp_path, tmp_path)
    pdf = tmp_path / (workbooks[key].stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stderr
    assert "Error" not in result.stderr
    assert _page_count(pdf) >= 10, "at least one page per visible sheet (Lists is hidden, not printed)"


def _validation_formulas(path: Path) -> dict[str, set[str]]:
    wb = openpyxl.load_workbook(path)
    return {ws.title: {dv.formula1 for dv in ws.data_validations.dataValidation if dv.formula1} for ws in wb.worksheets}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_resaved_by_libreoffice_keeps_dropdowns_tables_and_labels(workbooks, lang, tmp_path):
    source = workbooks[(lang, True)]
    outdir = tmp_path / "out"
    outdir.mkdir()
    result = soffice_convert(source, "xlsx:Calc MS Excel 2007 XML", outdir, tmp_path)
    resaved = outdir / source.name
    assert result.returncode == 0 and resaved.exists(), result.stderr
    check = run_contract_check(resaved, lang)
    assert check.returncode == 0, check.stdout
    before, after = _validation_formulas(source), _validation_formulas(resaved)
    for sheet, formulas in before.items():
        list_sources = {f for f in formulas if f.startswith(("lst_", "ref_"))}
        assert list_sources <= after[sheet], f"{sheet}: dropdowns lost {list_sources - after[sheet]}"
    wb = openpyxl.load_workbook(resaved)
    names = {n: v.attr_text for n, v in wb.defined_names.items()}
    for table in TABLE.values():
        if table.id_column:
            assert names[table.ref_name].startswith(table.excel_name), table.ref_name
    ids = [c.value for c in wb[wb.sheetnames[2]]["A"][4:10]]
    assert ids[:2] == ["O1", "O2"], "values survive the round trip"


@pytest.mark.skipif(not Path(UNO_PYTHON).exists(), reason="Debian python3 with python3-uno not found")
def test_dropdown_sources_resolve_in_libreoffice_and_typed_rows_read_back(workbooks, tmp_path):
    source, saved = workbooks[("fr", False)], tmp_path / "filled.xlsx"
    job = {
        "input": str(source),
        "output": str(saved),
        "set": [
            ["1 Objectifs", "A5", "O1"],
            ["1 Objectifs", "B5", "Gagner des clients en ligne"],
            ["1 Objectifs", "A6", "O2"],
            ["1 Objectifs", "E6", 1500],
            ["Guide", "H1", "=COUNTA(ref_objectives)"],
            ["Guide", "H2", "=ROWS(lst_status)"],
            ["Guide", "H3", "=COUNTA(ref_channels)"],
        ],
        "read": [["Guide", "H1"], ["Guide", "H2"], ["Guide", "H3"]],
        "validations": [["6 Actions", "D5"], ["7 Planning", "F5"]],
    }
    job_file = tmp_path / "job.json"
    job_file.write_text(json.dumps(job), encoding="utf-8")
    result = subprocess.run([UNO_PYTHON, str(DRIVER), str(job_file)], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["read"]["Guide!H1"]["value"] == 2, "ref_objectives lists the ids typed in the table"
    assert out["read"]["Guide!H2"]["value"] == 4
    assert out["read"]["Guide!H3"]["value"] >= 20, "the pre-filled channel catalogue"
    assert out["validations"]["6 Actions!D5"]["formula1"] == "ref_objectives"
    assert out["validations"]["7 Planning!F5"]["formula1"] == "lst_status"
    wb = openpyxl.load_workbook(saved)
    ws = wb["1 Objectifs"]
    assert (ws["A5"].value, ws["B5"].value, ws["A6"].value, ws["E6"].value) == (
        "O1",
        "Gagner des clients en ligne",
        "O2",
        1500,
    )
    assert "tbl_objectives" in ws.tables


@pytest.mark.skipif(not Path(UNO_PYTHON).exists(), reason="Debian python3 with python3-uno not found")
def test_plan_typed_in_libreoffice_reads_back_like_one_filled_by_openpyxl(workbooks, tmp_path):
    """The same values typed into LibreOffice (as a user types) and written by openpyxl read back equal."""
    from mplan_xl import load

    from .helpers import fill

    typed = {
        "A5": "A01",
        "B5": "Salon professionnel",
        "D5": "O1",
        "F5": "Salons et événements",
        "H5": "8 000 €",
        "I5": "12500",
        "J5": "3,5",
        "A6": "A02",
        "B6": "Newsletter",
        "D6": "O1",
        "F6": "Emailing",
        "H6": "1200",
    }
    lo_file = tmp_path / "lo.xlsx"
    job = {
        "input": str(workbooks[("fr", False)]),
        "output": str(lo_file),
        "set": [["6 Actions", ref, value] for ref, value in typed.items()],
    }
    (tmp_path / "job.json").write_text(json.dumps(job), encoding="utf-8")
    result = subprocess.run(
        [UNO_PYTHON, str(DRIVER), str(tmp_path / "job.json")], capture_output=True, text=True, timeout=240
    )
    assert result.returncode == 0, result.stderr
    columns = {"A": "id", "B": "action", "D": "objective", "F": "channel", "H": "cost", "I": "revenue", "J": "effort"}
    rows = [{columns[ref[0]]: value for ref, value in typed.items() if ref[1:] == n} for n in ("5", "6")]
    py_file = fill(workbooks[("fr", False)], tmp_path / "py.xlsx", {"actions": rows})
    lo_plan, py_plan = load(lo_file), load(py_file)
    assert lo_plan.problems == py_plan.problems == []

    def values(plan):
        return [{k: (c.value, c.ref) for k, c in r.cells.items()} for r in plan.rows("actions")]

    assert values(lo_plan) == values(py_plan)
    assert values(lo_plan)[0]["cost"] == (8000.0, "H5")
    from datetime import date

    from mplan_xl.rules import run

    today = date(2027, 6, 30)
    assert run(lo_plan, today) == run(py_plan, today), "the same findings, at the same cells"


@pytest.mark.parametrize("sample", ["exemple-fr.xlsx", "example-en.xlsx"])
def test_reported_workbook_opens_and_renders_in_libreoffice(sample, tmp_path):
    import shutil

    from mplan_xl.report import write_report

    from .conftest import ROOT

    path = tmp_path / sample
    shutil.copy(ROOT / "samples" / sample, path)
    write_report(path, backup=False)
    result = soffice_convert(path, "pdf", tmp_path, tmp_path)
    pdf = tmp_path / (path.stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stderr
    assert _page_count(pdf) >= 15, "the 11 input sheets and the Summary, Alerts and Timeline"
    outdir = tmp_path / "resaved"
    outdir.mkdir()
    assert soffice_convert(path, "xlsx:Calc MS Excel 2007 XML", outdir, tmp_path).returncode == 0
    names = openpyxl.load_workbook(outdir / sample).sheetnames
    assert names[1:4] == (
        ["Synthèse", "Alertes", "Calendrier"] if "fr" in sample else ["Summary", "Alerts", "Timeline"]
    ), "the generated sheets right after the Guide"
