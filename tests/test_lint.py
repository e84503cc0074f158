"""The code stays as ruff wants it (lint and format), so style drift fails CI rather than review."""

import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT

PATHS = ["mplan_xl", "tests", "scripts", "benchmarks"]


@pytest.mark.skipif(
    shutil.which("ruff") is None and not (ROOT / ".venv" / "bin" / "ruff").exists(),
    reason="ruff not installed (pip install -e '.[test]')",
)
@pytest.mark.parametrize("args", [["check"], ["format", "--check"]])
def test_ruff(args):
    result = subprocess.run([sys.executable, "-m", "ruff", *args, *PATHS], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
