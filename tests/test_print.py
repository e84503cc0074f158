"""What a printed plan looks like: nothing typed is cut off, the Lists sheet is not printed (issue 15 part 5)."""

from __future__ import annotations

import re
import shutil
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


TEMPLATES = ROOT / "templates"
PRINTED = [
    SAMPLE_FR,
    ROOT / "samples" / "example-en.xlsx",
    TEMPLATES / "modele-plan-marketing-fr.xlsx",
    TEMPLATES / "marketing-plan-template-en.xlsx",
]
HEADER_ROW = 4  # 1-based: title, advice, captions, headers; data below
FOOTER = re.compile(r"^\s*(?P<sheet>\S.*?)\s+Page (?P<page>\d+) / (?P<pages>\d+)\s*$")  # &A … Page &P / &N


def _printed_pages(pdf) -> dict[str, list[str]]:
    """Sheet name -> the text of each of its printed pages (told apart by the footer), footer left out."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages: dict[str, list[str]] = {}
    for page in text.split("\f"):
        lines = [line for line in page.splitlines() if line.strip()]
        if not lines:
            continue
        footer = FOOTER.match(lines[-1])
        assert footer, f"no footer on a printed page: {lines[-1]!r}"
        pages.setdefault(footer["sheet"], []).append("\n".join(lines[:-1]))
    return pages


def _typed_words(ws) -> set[str]:
    """Words of the text typed in a sheet's data rows (below its headers), less those of its headers."""
    typed: set[str] = set()
    headers: set[str] = set()
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.strip():
                (typed if cell.row > HEADER_ROW else headers).update(_words(cell.value))
    return typed - headers


@requires_lo
@pytest.mark.libreoffice
@pytest.mark.parametrize("path", [*PRINTED, None], ids=lambda p: p.stem if p else "exemple-fr-reported")
def test_no_printed_page_without_typed_content(tmp_path, path):
    """A sheet's next pages each show something typed, never only a repeated header or empty table rows."""
    if path is None:  # the French example after `mplan report`: its Summary, Alerts and Timeline too
        from mplan_xl.report import write_report

        path = tmp_path / "reported" / SAMPLE_FR.name
        path.parent.mkdir()
        shutil.copy(SAMPLE_FR, path)
        write_report(path, backup=False)
    result = soffice_convert(path, "pdf", tmp_path, tmp_path)
    pdf = tmp_path / f"{path.stem}.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    printed = _printed_pages(pdf)
    wb = openpyxl.load_workbook(path)
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert sorted(printed) == sorted(visible), "every visible sheet prints, the others do not"
    empty = []
    for name, pages in printed.items():
        typed = _typed_words(wb[name])
        empty += [(name, n + 2, len(pages)) for n, page in enumerate(pages[1:]) if not _words(page) & typed]
    assert not empty, f"pages (sheet, page, of) that show nothing typed: {empty}"
    counts = {name: len(pages) for name, pages in printed.items()}
    assert all(n == 1 for name, n in counts.items() if not _typed_words(wb[name])), counts
