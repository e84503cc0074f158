"""The plan and its figures as pandas DataFrames, for analysts (pandas is imported here and only here).

    >>> from mplan_xl import load
    >>> from mplan_xl.figures import compute
    >>> plan = load("samples/exemple-fr.xlsx")
    >>> plan.frames()["actions"][["id", "cost", "revenue"]].head(2)      # doctest: +SKIP
    >>> figure_frames(compute(plan, plan_today))["by_month"]              # doctest: +SKIP

`table_frames(plan)` gives one DataFrame per table of the contract (SPEC section 1), its columns the
language-neutral column keys (`id`, `cost`, `deadline`, …) as typed by the reader (numbers as floats,
dates as datetimes, choices as their keys such as `done`, id lists as lists), plus `_sheet` and `_row`:
where each row lies in the workbook. A table the workbook lacks gives an empty frame with its columns.
`figure_frames(figures)` gives the computations of SPEC section 2 in long form: `totals` (one row),
`by_channel`, `by_objective`, `by_pillar`, `by_month`, `actual_by_month`, `workload`, `objectives`,
`deadlines`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .schema import TABLES

if TYPE_CHECKING:
    from .figures import Figures
    from .reader import Plan

_TOTALS = (
    "planned_spend",
    "actual_spend",
    "expected_revenue",
    "actual_revenue",
    "planned_roi",
    "actual_roi",
    "envelope",
    "budget_used",
    "planned_romi",
    "actual_romi",
    "projected_spend",
    "unscheduled_cost",
    "planned_to_date",
    "actual_to_date",
)


def table_frames(plan: Plan) -> dict[str, pd.DataFrame]:
    """Every table of the contract as a DataFrame keyed by the table's key (`actions`, `schedule`, …)."""
    frames = {}
    for table in TABLES:
        keys = [c.key for c in table.columns]
        records = [
            {**{k: row.get(k) for k in keys}, "_sheet": row.sheet, "_row": row.row} for row in plan.rows(table.key)
        ]
        frame = pd.DataFrame.from_records(records, columns=[*keys, "_sheet", "_row"])
        for column in table.columns:
            if str(column.type) == "date":
                frame[column.key] = pd.to_datetime(frame[column.key], errors="coerce")
            elif str(column.type) in ("number", "money", "percent"):
                frame[column.key] = pd.to_numeric(frame[column.key], errors="coerce")
        frames[table.key] = frame
    return frames


def _breakdown(data: dict, name: str) -> pd.DataFrame:
    columns = ["planned_cost", "expected_revenue", "roi", "actual_cost", "actual_revenue", "actions"]
    frame = pd.DataFrame.from_dict(data, orient="index", columns=columns)
    frame.index.name = name
    return frame.reset_index()


def figure_frames(figures: Figures) -> dict[str, pd.DataFrame]:
    """The figures of SPEC section 2 as DataFrames (money as floats, ratios as fractions, NaN where undefined)."""
    totals = {key: getattr(figures, key, None) for key in _TOTALS}
    workload = [
        {"owner": owner, "month": month, **cell}
        for owner, months in figures.workload.items()
        for month, cell in months.items()
    ]
    objectives = [
        {"objective": ident, **{k: v for k, v in state.items() if k != "history"}}
        for ident, state in figures.objectives.items()
    ]
    deadlines = [{"action": a, "state": "overdue"} for a in figures.overdue]
    deadlines += [{"action": a, "state": "due_soon"} for a in figures.due_soon]
    actual_by_month = getattr(figures, "actual_by_month", {}) or {}
    return {
        "totals": pd.DataFrame([{"today": pd.Timestamp(figures.today), **totals}]),
        "by_channel": _breakdown(figures.by_channel, "channel"),
        "by_objective": _breakdown(figures.by_objective, "objective"),
        "by_pillar": _breakdown(figures.by_pillar, "pillar"),
        "by_month": pd.DataFrame(list(figures.by_month.items()), columns=["month", "planned_cost"]),
        "actual_by_month": pd.DataFrame(list(actual_by_month.items()), columns=["month", "actual_cost"]),
        "workload": pd.DataFrame(workload, columns=["owner", "month", "days", "capacity", "utilisation"]),
        "objectives": pd.DataFrame(objectives) if objectives else pd.DataFrame(columns=["objective", "status"]),
        "deadlines": pd.DataFrame(deadlines, columns=["action", "state"]),
    }
