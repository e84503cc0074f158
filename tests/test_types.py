"""mypy finds no error in the package: it ships py.typed, so its annotations are a promise to its users.

mypy is configured in pyproject.toml ([tool.mypy]: the files, the Python version, the checks).
"""

import importlib.util
import os
import subprocess
import sys

import pytest

from .conftest import ROOT


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy not installed (pip install -e '.[test]')")
def test_mypy():
    result = subprocess.run(
        # no cache: a fresh check every time (about 5 s), and nothing written into the checkout
        [sys.executable, "-m", "mypy", "--config-file", "pyproject.toml", "--cache-dir", os.devnull],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
