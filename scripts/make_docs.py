#!/usr/bin/env python3
"""Regenerates docs/rules.md and docs/regles.md (the rule catalogue in English and French) and docs/cli.md
(--help). Tests fail when they drift."""

from pathlib import Path

from mplan_xl.clidocs import markdown as cli_markdown
from mplan_xl.rules.docs import markdown as rules_markdown

docs = Path(__file__).resolve().parents[1] / "docs"
for name, render in (
    ("rules.md", lambda: rules_markdown("en")),
    ("regles.md", lambda: rules_markdown("fr")),
    ("cli.md", cli_markdown),
):
    (docs / name).write_text(render(), encoding="utf-8")
    print(f"wrote {docs / name}")
