#!/usr/bin/env python3
"""Regenerates docs/rules.md from the rule catalogue. tests/test_docs.py fails when it drifts."""

from pathlib import Path

from mplan_xl.rules.docs import markdown

target = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
target.write_text(markdown(), encoding="utf-8")
print(f"wrote {target}")
