"""What a printed plan looks like: nothing typed is cut off, the Lists sheet is not printed (issue 15 part 5)."""

from __future__ import annotations

import re
import subprocess

import openpyxl
import pytest

from mplan_xl.reader import load
from mplan_xl.schema import SHEET, TABLES, ColumnType

from .conftest import ROOT, requires_lo, soffice_convert

SAMPLE_FR = ROOT / "samples" / "exemple-fr.xlsx"


def test_lists_sheet_is_hidden_and_text_columns_wrap():
    wb = openpyxl.load_workbook(SAMPLE_FR)
    assert wb[SHEET["lists"].fr].sheet_state == "hidden"
    plan = load(SAMPLE_FR)
    for table in TABLES:
        data = plan.tables[table.key]
        ws = wb[data.sheet]
        for column in table.columns:
            if column.type in (ColumnType.TEXT, ColumnType.LIST):
                cell = ws.cell(data.header_row + 1, data.columns[column.key] + 1)
                assert cell.alignment.wrap_text, (table.key, column.key)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


@requires_lo
def test_printed_sample_shows_every_text_whole(tmp_path):
    result = soffice_convert(SAMPLE_FR, "pdf", tmp_path, tmp_path)
    pdf = tmp_path / "exemple-fr.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = _words(printed)  # wrapped cells interleave in the PDF's text: compare words, a cut one is missing
    plan = load(SAMPLE_FR)
    missing = []
    for key in ("personas", "objectives", "channels"):
        for row in plan.rows(key):
            for column in TABLES[[t.key for t in TABLES].index(key)].columns:
                value = row.get(column.key)
                if column.type in (ColumnType.TEXT, ColumnType.LIST) and isinstance(value, str):
                    if not _words(value) <= words:
                        missing.append((key, row.row, column.key, value))
    assert not missing, missing[:5]
    assert "Onglet protégé (sans mot de passe)" not in " ".join(printed.split()), "the Lists sheet is not printed"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_templates_hide_their_lists(workbooks, lang):
    wb = openpyxl.load_workbook(workbooks[(lang, False)])
    assert wb[SHEET["lists"].name(lang)].sheet_state == "hidden"
    assert wb.active.title == SHEET["guide"].name(lang)
