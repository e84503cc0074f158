"""Builds test workbooks from the template, filling cells by table and column key (never by address)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.utils import range_boundaries

from mplan_xl.schema import TABLE


def locate(wb, table_key: str):
    """(worksheet, header row, {column key: column index}) of a table in an openpyxl workbook."""
    for ws in wb.worksheets:
        for tbl in ws.tables.values():
            if tbl.name == f"tbl_{table_key}":
                min_col, min_row, max_col, _ = range_boundaries(tbl.ref)
                labels = {ws.cell(min_row, c).value: c for c in range(min_col, max_col + 1)}
                table = TABLE[table_key]
                columns = {c.key: labels.get(c.fr, labels.get(c.en)) for c in table.columns}
                return ws, min_row, columns
    raise KeyError(table_key)


def fill(source: Path, target: Path, rows: dict[str, list[dict]], *, clear: tuple[str, ...] = ()) -> Path:
    """Copy source to target with rows written from the first data row of each table (or after `start`).

    Values are written as typed; a str beginning with '=' is written as a formula (openpyxl leaves it
    without a cached value, like a workbook saved without calculation).
    """
    wb = openpyxl.load_workbook(source)
    for key in clear:
        ws, header, columns = locate(wb, key)
        for r in range(header + 1, ws.max_row + 1):
            for c in columns.values():
                ws.cell(r, c).value = None
    for key, table_rows in rows.items():
        ws, header, columns = locate(wb, key)
        for i, row in enumerate(table_rows):
            at = row.get("_row", header + 1 + i)
            for col_key, value in row.items():
                if col_key != "_row":
                    ws.cell(at, columns[col_key]).value = value
    wb.save(target)
    return target
