#!/usr/bin/env python3
"""Regenerates the committed workbooks: samples/ (example plans) and templates/ (blank templates).

Run: python scripts/make_samples.py [OUTDIR]   (default: the repository itself)
tests/test_samples.py runs it into a temporary folder and fails when the committed files drift.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from mplan_xl import create_plan

START = date(2027, 1, 1)  # fixed, so the files do not change with the day they are generated
FILES = {
    "samples/exemple-fr.xlsx": dict(lang="fr", example=True),
    "samples/example-en.xlsx": dict(lang="en", example=True),
    "templates/modele-plan-marketing-fr.xlsx": dict(lang="fr", example=False),
    "templates/marketing-plan-template-en.xlsx": dict(lang="en", example=False),
}


def main(out: Path) -> None:
    for name, options in FILES.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        create_plan(target, start=START, months=12, force=True, **options)
        print(f"wrote {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1])
