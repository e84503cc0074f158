#!/usr/bin/env python3
"""Compares the value readers mplan could use, on one plan: python-calamine (what mplan uses),
python-calamine with load_tables=True, and openpyxl read-only. Each in a fresh process, median of 3.

Usage: python benchmarks/readers.py PLAN.xlsx   (make one with benchmarks/make_plan.py 10000 plan.xlsx)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

READERS = {
    "python-calamine": (
        "import python_calamine as pc\n"
        "w = pc.CalamineWorkbook.from_path(P)\n"
        "n = sum(len(w.get_sheet_by_name(s).to_python(skip_empty_area=False)) for s in w.sheet_names)"
    ),
    "python-calamine, load_tables=True": (
        "import python_calamine as pc\n"
        "w = pc.CalamineWorkbook.from_path(P, load_tables=True)\n"
        "n = sum(len(w.get_sheet_by_name(s).to_python(skip_empty_area=False)) for s in w.sheet_names)\n"
        "t = [w.get_table_by_name(x).start for x in w.table_names]"
    ),
    "openpyxl read-only": (
        "import openpyxl\n"
        "w = openpyxl.load_workbook(P, read_only=True, data_only=True)\n"
        "n = sum(1 for ws in w.worksheets for _ in ws.iter_rows(values_only=True))"
    ),
    "mplan load() (read + type every value)": "from mplan_xl import load\nplan = load(P)",
}


def timed(code: str, path: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"P = {path!r}\n{code}"], check=True)
    return time.perf_counter() - start


def main(path: str) -> None:
    print("| reader | median of 3 whole-process runs (s) |\n|---|---|")
    for name, code in READERS.items():
        print(f"| {name} | {statistics.median(timed(code, path) for _ in range(3)):.2f} |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
