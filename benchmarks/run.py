#!/usr/bin/env python3
"""Benchmarks mplan against the obvious baselines on plans of growing size, in one run.

Usage: python benchmarks/run.py [--sizes 100,1000,10000,50000] [--runs 5] [--out docs/benchmarks.md]

For each size N, a plan is made by benchmarks/make_plan.py, then each command runs in its own process
`--runs` times, the commands taking turns (so that a slower spell of a shared machine does not fall on
one command only); the table gives the median wall time and the peak RSS (from wait4) of:
  - mplan validate PLAN
  - mplan report PLAN -o OUT
  - pandas.read_excel(PLAN, sheet_name=None) with its default engine (openpyxl)
  - openpyxl.load_workbook(PLAN) then save() (what a load-and-save report writer would cost)
and the ratios the targets are stated in. The result is printed and written as Markdown.

mplan's modules are compiled to bytecode first, as `pip install` does for an installed package (pandas
and openpyxl are measured that way): an editable install under PYTHONDONTWRITEBYTECODE=1 would
otherwise compile mplan on every start (about 70 ms).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
COMMANDS = {
    "validate": lambda plan, out: [PY, "-m", "mplan_xl", "validate", str(plan)],
    "report": lambda plan, out: [PY, "-m", "mplan_xl", "report", str(plan), "-o", str(out / "report.xlsx"), "--force"],
    "pandas": lambda plan, out: [PY, "-c", f"import pandas; pandas.read_excel({str(plan)!r}, sheet_name=None)"],
    "openpyxl": lambda plan, out: [
        PY,
        "-c",
        f"import openpyxl; wb = openpyxl.load_workbook({str(plan)!r}); wb.save({str(out / 'roundtrip.xlsx')!r})",
    ],
}


def measure(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed with exit code {code}")
    return elapsed, usage.ru_maxrss / 1024


def run(sizes: list[int], runs: int) -> list[dict]:
    results = []
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "mplan_xl")], check=True)
    with tempfile.TemporaryDirectory(prefix="mplan-bench-") as tmp:
        tmp = Path(tmp)
        for n in sizes:
            plan = tmp / f"plan-{n}.xlsx"
            subprocess.run(
                [PY, str(ROOT / "benchmarks" / "make_plan.py"), str(n), str(plan)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            row = {"n": n, "size_kb": plan.stat().st_size // 1024}
            times: dict[str, list[float]] = {name: [] for name in COMMANDS}
            peaks: dict[str, list[float]] = {name: [] for name in COMMANDS}
            for _ in range(runs):
                for name, command in COMMANDS.items():
                    seconds, rss = measure(command(plan, tmp))
                    times[name].append(seconds)
                    peaks[name].append(rss)
            for name in COMMANDS:
                row[name] = (statistics.median(times[name]), max(peaks[name]))
                print(f"N={n:>6} {name:<9} {row[name][0]:7.2f} s {row[name][1]:7.0f} MB", flush=True)
            results.append(row)
    return results


def markdown(results: list[dict], runs: int) -> str:
    lines = [
        "| N actions | file | validate | report -o | pandas read_excel | openpyxl load+save | "
        "validate / pandas | report / openpyxl |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        v, rep, pd, op = (r[k] for k in ("validate", "report", "pandas", "openpyxl"))
        lines.append(
            f"| {r['n']:,} | {r['size_kb']:,} KB | {v[0]:.2f} s, {v[1]:.0f} MB | {rep[0]:.2f} s, "
            f"{rep[1]:.0f} MB | {pd[0]:.2f} s, {pd[1]:.0f} MB | {op[0]:.2f} s, {op[1]:.0f} MB | "
            f"{v[0] / pd[0]:.2f} | {rep[0] / op[0]:.2f} |"
        )
    by_n = {r["n"]: r for r in results}
    if 10000 in by_n and 50000 in by_n:
        for name in ("validate", "report"):
            lines.append("")
            lines.append(
                f"Growth of {name} from 10,000 to 50,000 actions: "
                f"{by_n[50000][name][0] / by_n[10000][name][0]:.1f}x (target: at most 6x)."
            )
    header = (
        f"Median of {runs} whole-process runs and peak RSS, measured {date.today():%d %B %Y} on "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"python-calamine {version('python-calamine')}, openpyxl {version('openpyxl')}, "
        f"pandas {version('pandas')}, XlsxWriter {version('xlsxwriter')}."
    )
    return header + "\n\n" + "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000,50000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--out",
        type=Path,
        help="Markdown file to write the table into (replaces the part "
        "between the '<!-- bench -->' markers, or the whole file if they are absent).",
    )
    args = parser.parse_args()
    results = run([int(s) for s in args.sizes.split(",")], args.runs)
    table = markdown(results, args.runs)
    print(table)
    if args.out:
        text = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        start, end = "<!-- bench -->", "<!-- /bench -->"
        if start in text and end in text:
            text = text[: text.index(start) + len(start)] + "\n" + table + text[text.index(end) :]
        else:
            text = f"{start}\n{table}{end}\n"
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
