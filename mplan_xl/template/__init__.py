"""The template writer (`mplan init`): the schema made into a workbook with XlsxWriter.

- `content`: what goes into a new workbook (settings values and table rows), before any rendering;
- `example`: the complete fictional plan of `mplan init --example`;
- `writer`: create_plan and write_workbook, the sheets, tables, lists and formats.

create_plan and write_workbook are imported on first use: `mplan validate` never loads XlsxWriter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the lazy names are, for type checkers
    from .writer import create_plan, write_workbook

_LAZY = {"create_plan": ".writer", "write_workbook": ".writer"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["create_plan", "write_workbook"]
