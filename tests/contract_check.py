#!/usr/bin/env python3
"""Checks a workbook made by `mplan init` against the project's pinned contract (docs/contract.json).

Usage: python tests/contract_check.py WORKBOOK.xlsx [--lang fr|en] [--contract PATH]
The project's own version of the specification's checker: exit 0 when every input sheet, Excel table
(tbl_<key>), header label and setting label of the contract is in the workbook, else 1 with what is missing.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import openpyxl

PINNED = Path(__file__).resolve().parents[1] / "docs" / "contract.json"


def norm(text) -> str:
    text = unicodedata.normalize("NFKD", str(text or ""))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'").split())


def problems(path: Path, lang: str, contract: dict) -> list[str]:
    wb = openpyxl.load_workbook(path)
    found = []
    for key, sheet in contract["sheets"].items():
        if not sheet["generated"] and sheet[lang] not in wb.sheetnames:
            found.append(f"sheet '{sheet[lang]}' ({key}) missing")
    tables = {tbl.name: (ws, tbl) for ws in wb.worksheets for tbl in ws.tables.values()}
    for table in contract["tables"].values():
        if table["excel_name"] not in tables:
            found.append(f"Excel table {table['excel_name']} missing")
            continue
        ws, tbl = tables[table["excel_name"]]
        expected_sheet = contract["sheets"][table["sheet"]][lang]
        if ws.title != expected_sheet:
            found.append(f"{table['excel_name']} is on '{ws.title}', expected '{expected_sheet}'")
        first, last = tbl.ref.split(":")
        headers = {norm(ws.cell(ws[first].row, c).value) for c in range(ws[first].column, ws[last].column + 1)}
        for column in table["columns"]:
            if norm(column[lang]) not in headers:
                found.append(f"{table['excel_name']}: header '{column[lang]}' ({column['key']}) missing")
    settings_sheet = contract["sheets"]["settings"][lang]
    labels = {
        norm(c.value)
        for ws in wb.worksheets
        if ws.title == settings_sheet
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str)
    }
    for setting in contract["settings"]:
        if norm(setting[lang]) not in labels:
            found.append(f"setting label '{setting[lang]}' ({setting['key']}) missing")
    return found


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    path = Path(argv[0])
    lang = argv[argv.index("--lang") + 1] if "--lang" in argv else "fr"
    source = Path(argv[argv.index("--contract") + 1]) if "--contract" in argv else PINNED
    found = problems(path, lang, json.loads(source.read_text(encoding="utf-8")))
    for problem in found:
        print(problem)
    print(f"{path.name} [{lang}]: {len(found)} contract problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
