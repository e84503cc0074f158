"""mplan: the 8-step marketing action plan, kept in an Excel workbook that stays the source of truth.

Public API (the CLI is a thin layer over it):
- create_plan(path, lang="fr", start=None, months=12, example=False): write a template or example plan.
- load(path): read a filled workbook into a typed Plan; every value remembers its sheet and cell, and
  what cannot be read becomes a finding (MP001, MP002, MP004, MP007, MP008), never an exception.
- schema: the declarative workbook contract (sheets, tables, columns, settings, choice lists).
"""

from . import schema
from .errors import MplanError, UsageError, WorkbookError
from .reader import Plan, load
from .template import create_plan

__all__ = ["create_plan", "load", "Plan", "schema", "MplanError", "UsageError", "WorkbookError"]
__version__ = "0.1.0"
