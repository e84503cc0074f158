"""The committed samples/ and templates/ are exactly what scripts/make_samples.py produces today."""

import subprocess
import sys
import zipfile

from .conftest import ROOT


def test_committed_workbooks_do_not_drift(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_samples.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    fresh = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.xlsx"))
    assert len(fresh) == 4
    for name in fresh:
        committed = ROOT / name
        assert committed.exists(), f"{name} is not committed: run python scripts/make_samples.py"
        with zipfile.ZipFile(committed) as old, zipfile.ZipFile(tmp_path / name) as new:
            assert old.namelist() == new.namelist(), name
            changed = [part for part in new.namelist() if old.read(part) != new.read(part)]
        assert not changed, f"{name} drifted in {changed}: run python scripts/make_samples.py and commit"
