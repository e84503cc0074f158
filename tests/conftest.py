"""Shared fixtures: the contract (pinned in docs/, and the specification's beside the checkout when it is
there), generated workbooks, LibreOffice availability."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from mplan_xl import create_plan

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MPLAN_SHARED", ROOT.parent / "shared"))
CONTRACT = SHARED / "contract"  # the specification's contract: an extra, present only beside the team's checkout
PINNED_CONTRACT = ROOT / "docs" / "contract.json"  # the project's own record (scripts/make_contract.py)
requires_shared = pytest.mark.skipif(
    not (CONTRACT / "contract.json").exists(),
    reason=f"the specification's shared/ folder is not beside this checkout ({SHARED}); "
    "the project's pinned contract (docs/contract.json) is checked instead",
)
START = date(2027, 1, 1)


def has_libreoffice() -> bool:
    return shutil.which("soffice") is not None


requires_lo = pytest.mark.skipif(
    not has_libreoffice() and not os.environ.get("CI"), reason="LibreOffice (soffice) not installed"
)


@pytest.fixture(scope="session")
def workbooks(tmp_path_factory) -> dict[tuple[str, bool], Path]:
    """Blank and example workbooks in both languages, made once per test session."""
    folder = tmp_path_factory.mktemp("workbooks")
    made = {}
    for lang in ("fr", "en"):
        for example in (False, True):
            path = folder / f"{'example' if example else 'template'}-{lang}.xlsx"
            create_plan(path, lang=lang, start=START, example=example)
            made[(lang, example)] = path
    return made


def run_contract_check(path: Path, lang: str) -> subprocess.CompletedProcess:
    """Check a workbook against the pinned contract, and also against the specification's when it is there."""
    commands = [[sys.executable, str(ROOT / "tests" / "contract_check.py"), str(path), "--lang", lang]]
    if (CONTRACT / "check_workbook.py").exists():
        commands.append([sys.executable, str(CONTRACT / "check_workbook.py"), str(path), "--lang", lang])
    results = [subprocess.run(c, capture_output=True, text=True, timeout=120) for c in commands]
    return subprocess.CompletedProcess(
        commands[0],
        max(r.returncode for r in results),
        "".join(r.stdout for r in results),
        "".join(r.stderr for r in results),
    )


def soffice_convert(path: Path, fmt: str, outdir: Path, tmp_path: Path, infilter: str | None = None):
    """Convert with LibreOffice headless using a private profile (runs never collide)."""
    profile = tmp_path / f"lo-profile-{os.getpid()}-{fmt.split(':')[0]}"
    options = [f"--infilter={infilter}"] if infilter else []
    return subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            *options,
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
