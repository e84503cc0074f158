"""Rules about reading the workbook: ids, required values, the plan period.

Tables, columns and cell values (MP001, MP002, MP004, MP007, MP008) are reported by the reader.
"""

from __future__ import annotations

from ..i18n import is_currency_code
from ..schema import TABLES
from ..values import id_key
from . import at, check, place

# Required values with a rule of their own (SPEC: used instead of MP006).
SPECIFIC = {("objectives", "target"), ("objectives", "deadline"), ("actions", "cost")}


@check("MP005")
def duplicate_id(ctx):
    for table in TABLES:
        for column in table.columns:
            if not column.unique:
                continue
            seen = set()
            for row in ctx.plan.rows(table.key):
                value = row.get(column.key)
                if value is None:
                    continue
                if id_key(value) in seen:
                    yield at(row, column.key, value=value)
                seen.add(id_key(value))


@check("MP006")
def required_missing(ctx):
    for table in TABLES:
        data = ctx.plan.tables.get(table.key)
        if not data:
            continue
        for column in table.columns:
            if not column.required or column.key not in data.columns or (table.key, column.key) in SPECIFIC:
                continue
            for row in data.rows:
                if row.get(column.key) is None and ctx.free(row, column.key):
                    yield at(row, column.key, column=column.label(ctx.plan.lang))


@check("MP010")
def period_invalid(ctx):
    if ctx.plan.period is None:
        start, end = ctx.plan.setting("period_start"), ctx.plan.setting("period_end")
        key = "period_start" if start is None else "period_end"
        if end is None and start is not None:
            key = "period_end"
        cell = ctx.plan.settings.get(key)
        if cell and (cell.sheet, cell.ref) in ctx.taken:
            return
        yield place(*ctx.setting_cell(key))


@check("MP011")
def period_too_long(ctx):
    period = ctx.plan.period
    if period:
        start, end = period
        months = (end.year - start.year) * 12 + end.month - start.month + (1 if end.day >= start.day - 1 else 0)
        if months > 24:
            yield place(*ctx.setting_cell("period_end"), months=months)


@check("MP012")
def currency_not_iso(ctx):
    currency = ctx.plan.setting("currency")
    if currency is not None and not is_currency_code(str(currency)):
        yield place(*ctx.setting_cell("currency"), currency=str(currency)[:40])
