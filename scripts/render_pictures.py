#!/usr/bin/env python3
"""Renders the README pictures: the sample's Summary and Timeline, as LibreOffice shows them.

Run: python scripts/render_pictures.py   (needs soffice and pdftoppm)
Reports a copy of samples/exemple-fr.xlsx, raises its envelope and moves a deadline as a user would
(openpyxl), reports again (so that the Summary shows what changed since the last report), converts it
to PDF with LibreOffice headless, finds the pages of the generated sheets by their title, and writes
docs/images/summary.png (the Summary's first page) and timeline.png.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

import openpyxl

from mplan_xl.report import write_report

ROOT = Path(__file__).resolve().parents[1]
PAGES = {"summary.png": "Synthèse — ", "timeline.png": "Calendrier — "}


def page_text(pdf: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def edit(plan: Path) -> None:
    """What a user does between two reports: a larger envelope, a deadline pushed back two weeks."""
    wb = openpyxl.load_workbook(plan)
    settings = wb["Paramètres"]
    for row in settings.iter_rows(min_col=1, max_col=2):
        if row[0].value == "Enveloppe budgétaire":
            row[1].value = 75000
    schedule = wb["7 Planning"]
    for row in schedule.iter_rows(min_col=1, max_col=3):
        if row[0].value == "A12":
            row[2].value = datetime(2027, 9, 14)
    wb.save(plan)


def main() -> None:
    images = ROOT / "docs" / "images"
    images.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plan = tmp / "exemple-fr.xlsx"
        shutil.copy(ROOT / "samples" / "exemple-fr.xlsx", plan)
        write_report(plan, backup=False)
        edit(plan)
        write_report(plan, backup=False)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp / 'profile'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp),
                str(plan),
            ],
            check=True,
            capture_output=True,
        )
        pdf = tmp / "exemple-fr.pdf"
        pages = int(
            next(
                line.split()[-1]
                for line in subprocess.run(
                    ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
                ).stdout.splitlines()
                if line.startswith("Pages:")
            )
        )
        for name, title in PAGES.items():
            page = next(p for p in range(1, pages + 1) if title in page_text(pdf, p))
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "90",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(pdf),
                    str(images / name[:-4]),
                ],
                check=True,
            )
            print(f"wrote {images / name} (page {page})")


if __name__ == "__main__":
    main()
