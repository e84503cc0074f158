"""mplan: the 8-step marketing action plan, kept in an Excel workbook that stays the source of truth.

Public API (the CLI is a thin layer over it):
- create_plan(path, lang="fr", start=None, months=12, example=False): write a template or example plan.
- load(path): read a filled workbook into a typed Plan; every value remembers its sheet and cell, and
  what cannot be read becomes a finding (MP001, MP002, MP004, MP007, MP008), never an exception.
- validate(path, today=None, lang=None): every finding of the plan, as a Report (SPEC's JSON as data).
- schema: the declarative workbook contract (sheets, tables, columns, settings, choice lists).
"""

from typing import TYPE_CHECKING, Any

from . import schema
from .errors import MplanError, UsageError, WorkbookError

if TYPE_CHECKING:  # what the lazy names are, for type checkers
    from .reader import Plan, load
    from .template import create_plan
    from .validate import validate

_LAZY = {"create_plan": ".template", "load": ".reader", "Plan": ".reader", "validate": ".validate"}


def __getattr__(name: str) -> Any:
    """Import the heavy parts (xlsxwriter, calamine, holidays) only when used: `mplan validate` stays fast."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'mplan_xl' has no attribute {name!r}")


__all__ = ["create_plan", "load", "Plan", "validate", "schema", "MplanError", "UsageError", "WorkbookError"]
__version__ = "0.1.0"
