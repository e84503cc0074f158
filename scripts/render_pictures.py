#!/usr/bin/env python3
"""Renders the README pictures: the sample's Summary and Timeline, as LibreOffice shows them.

Run: python scripts/render_pictures.py   (needs soffice and pdftoppm)
Reports a copy of samples/exemple-fr.xlsx, converts it to PDF with LibreOffice headless, finds the
pages of the generated sheets by their title, and writes docs/images/summary.png and timeline.png.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from mplan_xl.report import write_report

ROOT = Path(__file__).resolve().parents[1]
PAGES = {"summary.png": "Synthèse — ", "timeline.png": "Calendrier — "}


def page_text(pdf: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def main() -> None:
    images = ROOT / "docs" / "images"
    images.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plan = tmp / "exemple-fr.xlsx"
        shutil.copy(ROOT / "samples" / "exemple-fr.xlsx", plan)
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
