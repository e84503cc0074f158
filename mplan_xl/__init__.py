"""mplan: the 8-step marketing action plan, kept in an Excel workbook that stays the source of truth.

Public API (the CLI is a thin layer over it):
- create_plan(path, lang="fr", start=None, months=12, example=False): write a template or example plan.
- schema: the declarative workbook contract (sheets, tables, columns, settings, choice lists).
"""

from . import schema
from .errors import MplanError, UsageError, WorkbookError
from .template import create_plan

__all__ = ["create_plan", "schema", "MplanError", "UsageError", "WorkbookError"]
__version__ = "0.1.0"
