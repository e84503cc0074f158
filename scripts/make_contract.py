#!/usr/bin/env python3
"""Writes docs/contract.json: the workbook contract (SPEC section 1) as data, generated from mplan_xl.schema.

Run: python scripts/make_contract.py [OUT]   (default: docs/contract.json in the repository)
It is the project's own pinned record of its contract: tests/test_contract.py fails when the schema and
this file drift apart (regenerate it with this command, never by hand), and compares it with the
shared contract of the product specification where that folder exists beside the checkout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mplan_xl.schema import CHOICES, SETTINGS, SHEETS, TABLES

CONTRACT_VERSION = 2
DEFAULT = Path(__file__).resolve().parents[1] / "docs" / "contract.json"


def _column(column) -> dict:
    entry = {
        "key": column.key,
        "fr": column.fr,
        "en": column.en,
        "type": str(column.type),
        "required": column.required,
    }
    if column.choices and str(column.type) == "choice":
        entry["choices"] = [{"fr": o.fr, "en": o.en} for o in CHOICES[column.choices].options]
    return entry


def contract() -> dict:
    """The contract as the same JSON document the specification ships (version, sheets, settings, tables)."""
    return {
        "version": CONTRACT_VERSION,
        "sheets": {s.key: {"fr": s.fr, "en": s.en, "generated": s.generated} for s in SHEETS},
        "settings": [
            {"key": s.key, "fr": s.fr, "en": s.en, "type": str(s.type), "required": s.required} for s in SETTINGS
        ],
        "tables": {
            t.key: {"sheet": t.sheet, "excel_name": t.excel_name, "columns": [_column(c) for c in t.columns]}
            for t in TABLES
        },
    }


def render() -> str:
    return json.dumps(contract(), ensure_ascii=False, indent=1) + "\n"


def main(out: Path) -> None:
    out.write_text(render(), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
