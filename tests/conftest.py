"""Shared fixtures: the contract beside the checkout, generated workbooks, LibreOffice availability."""

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
CONTRACT = SHARED / "contract"
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
    return subprocess.run(
        [sys.executable, str(CONTRACT / "check_workbook.py"), str(path), "--lang", lang],
        capture_output=True,
        text=True,
        timeout=120,
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
