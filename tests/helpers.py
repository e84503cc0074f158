"""Builds test workbooks from the template, filling cells by table and column key (never by address)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.utils import range_boundaries

from mplan_xl.schema import TABLE


def locate(wb, table_key: str):
    """(worksheet, header row, {column key: column index}) of a table in an openpyxl workbook."""
    for ws in wb.worksheets:
        for tbl in ws.tables.values():
            if tbl.name == f"tbl_{table_key}":
                min_col, min_row, max_col, _ = range_boundaries(tbl.ref)
                labels = {ws.cell(min_row, c).value: c for c in range(min_col, max_col + 1)}
                table = TABLE[table_key]
                columns = {c.key: labels.get(c.fr, labels.get(c.en)) for c in table.columns}
                return ws, min_row, columns
    raise KeyError(table_key)


class Text(str):
    """A value written as text even when it begins with '=' (as a user's cell typed with a leading ')."""


def fill(source: Path, target: Path, rows: dict[str, list[dict]], *, clear: tuple[str, ...] = ()) -> Path:
    """Copy source to target with rows written from the first data row of each table (or at `_row`).

    Values are written as typed; a str beginning with '=' is written as a formula (openpyxl leaves it
    without a cached value, like a workbook saved without calculation), unless wrapped in Text.
    """
    wb = openpyxl.load_workbook(source)
    for key in clear:
        ws, header, columns = locate(wb, key)
        for r in range(header + 1, ws.max_row + 1):
            for c in columns.values():
                ws.cell(r, c).value = None
    for key, table_rows in rows.items():
        ws, header, columns = locate(wb, key)
        for i, row in enumerate(table_rows):
            at = row.get("_row", header + 1 + i)
            for col_key, value in row.items():
                if col_key != "_row":
                    cell = ws.cell(at, columns[col_key])
                    cell.value = str(value) if isinstance(value, Text) else value
                    if isinstance(value, Text):
                        cell.data_type = "s"
    wb.save(target)
    return target


def clean_rows() -> dict[str, list[dict]]:
    """A small plan on which no rule fires at TODAY (2027-06-30): every test of a rule changes one thing."""
    from datetime import datetime as dt

    return {
        "objectives": [
            dict(
                id="O1",
                objective="Augmenter les ventes en ligne de la gamme bio",
                kpi="CA en ligne",
                baseline=100,
                target=200,
                unit="k€",
                deadline=dt(2027, 12, 31),
                owner="Claire",
                strategy="Digital",
                rationale="Trafic en hausse",
            ),
            dict(
                id="O2",
                objective="Recruter des abonnés à la box mensuelle",
                kpi="Abonnés",
                baseline=10,
                target=30,
                unit="abonnés",
                deadline=dt(2027, 12, 31),
                owner="Hugo",
                strategy="Récurrent",
                rationale="Nouvelle formule",
            ),
        ],
        "personas": [
            dict(id="P1", name="Léa", age="25-34", needs="Manque de temps", reviewed=dt(2027, 1, 15)),
            dict(id="P2", name="Martine", age="55+", needs="Veut du conseil", reviewed=dt(2027, 2, 1)),
        ],
        "watch": [dict(type=t, subject="Sujet") for t in ("Commerciale", "Concurrentielle", "Marché", "Technologique")],
        "pestel": [
            dict(factor=f)
            for f in ("Politique", "Économique", "Socioculturel", "Technologique", "Environnemental", "Légal")
        ],
        "channels": [
            dict(channel="Emailing", category="Digital", objectives="O1, O2", personas="P1, P2", selected="Oui"),
            dict(channel="Site internet", category="Digital", objectives="O1", personas="P1", selected="Oui"),
            dict(channel="TikTok", category="Digital", selected="Non"),
            dict(channel="Facebook", category="Digital", selected="Non"),
        ],
        "team": [dict(member="Claire", capacity=20), dict(member="Hugo", capacity=20)],
        "overheads": [dict(item="Outil", planned=1000, actual=500)],
        "actions": [
            dict(
                id="A1",
                action="Refonte du site",
                objective="O1",
                personas="P1",
                channel="Site internet",
                pillar="Produit",
                cost=5000,
                revenue=12000,
                effort=4,
            ),
            dict(
                id="A2",
                action="Newsletter",
                objective="O2",
                personas="P1, P2",
                channel="Emailing",
                pillar="Communication",
                cost=3000,
                revenue=8000,
                effort=2,
            ),
        ],
        "swot": [dict(type=t, item="Élément") for t in ("Force", "Faiblesse", "Opportunité", "Menace")],
        "schedule": [
            dict(
                action="A1",
                start=dt(2027, 1, 10),
                end=dt(2027, 12, 20),
                owner="Claire",
                priority="Haute",
                status="En cours",
            ),
            dict(
                action="A2",
                start=dt(2027, 1, 5),
                end=dt(2027, 12, 15),
                owner="Hugo",
                priority="Moyenne",
                status="En cours",
            ),
        ],
        "measurements": [
            dict(date=dt(2027, 6, 15), objective="O1", value=160),
            dict(date=dt(2027, 6, 15), objective="O2", value=22),
        ],
        "actuals": [
            dict(action="A1", actual_cost=2500, actual_revenue=5000, progress=0.5),
            dict(action="A2", actual_cost=1500, actual_revenue=3000, progress=0.5),
        ],
    }


def set_settings(path: Path, values: dict[str, object]) -> None:
    """Write Settings values by key (French template) in place."""
    from mplan_xl.schema import SETTINGS

    wb = openpyxl.load_workbook(path)
    ws = wb["Paramètres"]
    labels = {s.fr: s.key for s in SETTINGS}
    for r in range(1, ws.max_row + 1):
        key = labels.get(ws.cell(r, 1).value)
        if key in values:
            ws.cell(r, 2).value = values[key]
    wb.save(path)


def plan_from_rows(layout, rows: dict[str, list[dict]], settings: dict | None = None, *, clear: tuple[str, ...] = ()):
    """The plan that `fill` then `set_settings` would give on layout's workbook, built in memory.

    `layout` is a plan loaded from the workbook (its tables' places, its settings' cells, its rows: rows
    given here are written over them from the first data row, or at `_row`, as `fill` does). Values are
    typed by the reader's own column parsers, so "Oui", "Annulé" or "P1, P2" read as in a workbook. Use a
    file where the file is the point: formulas without a value, Excel errors, values the reader refuses.
    """
    from datetime import datetime

    from mplan_xl.reader import Cell, Plan, Row, TableData
    from mplan_xl.values import parser_for

    values = dict(layout.settings)
    for key, value in (settings or {}).items():
        where = values[key]  # a setting of the template
        values[key] = Cell(value.date() if isinstance(value, datetime) else value, where.sheet, where.ref)
    plan = Plan(layout.path, layout.lang, values, {}, [], list(layout.sheet_names))
    for key, data in layout.tables.items():
        columns = {c.key: c for c in TABLE[key].columns}
        by_row = {} if key in clear else {r.row: dict(r) for r in data.rows}
        for i, row in enumerate(rows.get(key, [])):
            merged = by_row.setdefault(row.get("_row", data.header_row + 1 + i), {})
            for col, value in row.items():
                if col != "_row":
                    merged[col] = None if value is None else parser_for(columns[col], plan.lang, plan.period)(value)
        table = TableData(key, data.sheet, data.header_row, data.columns, [], data.found_by)
        table.rows = [
            Row(key, data.sheet, r, v, data.columns)
            for r, v in sorted(by_row.items())
            if any(x is not None for x in v.values())
        ]
        plan.tables[key] = table
    return plan
