"""Smoke test of the benchmark scripts on a small plan (the real run is on demand: benchmarks/run.py)."""

import subprocess
import sys

from mplan_xl.reader import load
from mplan_xl.validate import validate

from .conftest import ROOT


def test_make_plan_writes_a_valid_plan_of_the_requested_size(tmp_path):
    target = tmp_path / "plan.xlsx"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_plan.py"), "100", str(target)], check=True, capture_output=True
    )
    plan = load(target)
    assert plan.problems == []
    assert len(plan.rows("actions")) == len(plan.rows("schedule")) == len(plan.rows("actuals")) == 100
    assert len(plan.rows("measurements")) == 500 and len(plan.rows("personas")) == 10
    assert validate(target).counts["error"] == 0
    costs = [r.get("cost") for r in plan.rows("actions")]
    assert all(isinstance(c, float) for c in costs), "French-typed amounts ('1 200 €') are read as numbers"


def test_run_script_measures_every_command(tmp_path):
    out = tmp_path / "bench.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "100", "--runs", "1", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    table = out.read_text()
    assert "| 100 |" in table and "validate / pandas" in table and "report / openpyxl" in table
