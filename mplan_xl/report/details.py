"""The Summary's detail pages: key figures, plan vs actual per month, KPI progress over time, the
objectives, the breakdowns by channel, objective and 4P pillar, then the deadlines and the workload.

Each block is a table with, beside it (from column H), its native chart; a block starts a new page when
it would not fit in what is left of the current one (`Pages.block`), and is as tall as its chart, so no
chart lies across two blocks. The two lists that grow with the plan go to a `Bulk`.
"""

from __future__ import annotations

from datetime import date

from ..figures import roi
from ..ooxml.bulk import Bulk
from ..schema import CHOICES
from ..styles import PALETTE
from ..values import id_key
from .base import AMBER, RED, ROW_PX, STATUS_FILL, column_px, dt, quote, t, w
from .charts import BLUE, GREY, GRID, ORANGE, column_series, labels, line_series
from .charts import RED as LINE_RED

CHART_COL = 7  # column H
CHART_WIDTH = 6 * column_px(11)  # H to M
KPI_READINGS = 24  # the latest readings of an objective, charted
KPI_CHARTS = 20  # objectives charted, at most


def details(workbook, ws, fmt, ctx, pages, row: int):
    """Write the detail blocks from row on; returns (the Bulk of the long lists, last row, last column)."""
    row = _key_figures(ws, fmt, ctx, pages, row)
    row = _plan_vs_actual(workbook, ws, fmt, ctx, pages, row)
    row = _kpi_progress(workbook, ws, fmt, ctx, pages, row)
    row = _objectives_table(workbook, ws, fmt, ctx, pages, row)
    objective_names = {id_key(r.get("id")): r.get("objective") for r in ctx.plan.rows("objectives") if r.get("id")}
    pillars = CHOICES["pillar"]
    none = t("none", ctx.lang)
    for title, first, data, label, chart in (
        ("by_channel", "channel", ctx.fig.by_channel, lambda k: k or none, "chart_channel"),
        (
            "by_objective",
            "objective",
            ctx.fig.by_objective,
            lambda k: f"{k} — {objective_names.get(id_key(k), '')}".strip(" —") if k else none,
            None,
        ),
        ("by_pillar", "pillar", ctx.fig.by_pillar, lambda k: pillars.option(k).label(ctx.lang) if k else none, None),
    ):
        row = _breakdown(workbook, ws, fmt, ctx, pages, row, title, first, data, label, chart)
    bulk = Bulk(row)
    row = _deadlines(bulk, fmt, ctx, pages, row)
    row, last_col = _workload(bulk, fmt, ctx, pages, row)
    return bulk, row, last_col


def _section(ws, fmt, row: int, title: str) -> int:
    ws.write_string(row, 0, title, fmt.section())
    return row + 1


def _chart_rows(height_px: int) -> int:
    return -(-height_px // ROW_PX) + 1


def _end(row: int, first: int, chart_px: int) -> int:
    """The row after a block whose table ends at row and whose chart, anchored at first, is chart_px tall."""
    return max(row, first + (_chart_rows(chart_px) if chart_px else 0)) + 2


def _money_or_dash(ws, row, col, value, fmt, kind="money", **extra):
    if value is None:
        ws.write_string(row, col, "–", fmt.cell(align="right", **extra))
    else:
        ws.write_number(row, col, value, fmt.cell(kind, **extra))


# -- key figures -----------------------------------------------------------------------------------------


def _key_figures(ws, fmt, ctx, pages, row: int) -> int:
    fig, lang, plan = ctx.fig, ctx.lang, ctx.plan
    counts = ctx.report.counts
    envelope_set = plan.setting("envelope") is not None
    warn = plan.setting("budget_warn", 0.9) or 0.9
    used = fig.budget_used
    used_colour = None
    if used is not None and envelope_set:
        used_colour = RED if used > 1 else AMBER if used > warn else "#C6EFCE"
    over = envelope_set and fig.projected_spend and fig.projected_spend > fig.envelope
    key_rows = [
        (t("envelope" if envelope_set else "envelope_bottom_up", lang), fig.envelope, "money", None),
        (t("planned_spend", lang), fig.planned_spend, "money", None),
        (t("budget_used", lang), used, "pct", used_colour),
        (t("overheads", lang), fig.overheads, "money", None),
        (t("actual_spend", lang), fig.actual_spend, "money", None),
        (w("planned_to_date", lang), fig.planned_to_date, "money", None),
        (w("actual_to_date", lang), fig.actual_to_date, "money", None),
        (w("gap_to_date", lang), fig.to_date_gap, "money", None),
        (w("forecast", lang), fig.projected_spend, "money", RED if over else None),
        (t("expected_revenue", lang), fig.expected_revenue, "money", None),
        (t("actual_revenue", lang), fig.actual_revenue, "money", None),
        (t("planned_roi", lang), fig.planned_roi, "pct", RED if (fig.planned_roi or 0) < 0 else None),
        (t("actual_roi", lang), fig.actual_roi, "pct", RED if (fig.actual_roi or 0) < 0 else None),
        (t("planned_romi", lang), fig.planned_romi, "pct", None),
        (t("actual_romi", lang), fig.actual_romi, "pct", None),
        (t("unscheduled_cost", lang), fig.unscheduled_cost, "money", None),
        (t("errors", lang), counts["error"], "num", RED if counts["error"] else "#C6EFCE"),
        (t("warnings", lang), counts["warning"], "num", AMBER if counts["warning"] else "#C6EFCE"),
    ]
    pages.block(row, (len(key_rows) + 2) * ROW_PX)
    row = _section(ws, fmt, row, w("key_figures", lang))
    for label, value, kind, colour in key_rows:
        ws.write_string(row, 0, label, fmt.cell(bold=True))
        extra = {"bg_color": colour} if colour else {}
        _money_or_dash(ws, row, 1, value, fmt, kind, bold=True, **extra)
        row += 1
    return row + 2


# -- plan vs actual per month ----------------------------------------------------------------------------


def month_rows(ctx) -> list[tuple[str, float, float | None, float, float | None]]:
    """figures.month_rows for the report's context."""
    from ..figures import month_rows as rows

    return rows(ctx.plan, ctx.fig)


def _plan_vs_actual(workbook, ws, fmt, ctx, pages, row: int) -> int:
    fig, lang, loc = ctx.fig, ctx.lang, ctx.loc
    months = month_rows(ctx)
    chart_px = 340
    pages.block(row, max((len(months) + 5) * ROW_PX, chart_px + 2 * ROW_PX))
    row = _section(ws, fmt, row, w("plan_vs_actual", lang))
    heads = ("month", "planned", "actual", "cum_planned", "cum_actual", "envelope")
    for c, key in enumerate(heads):
        ws.write_string(row, c, w(key, lang), fmt.head())
    pages.set_row(row, 30)
    first = row + 1
    money = fmt.cell("money")
    for key, planned, actual, cum_planned, cum_actual in months:
        row += 1
        ws.write_string(row, 0, loc.month(key), fmt.cell())
        ws.write_number(row, 1, planned, money)
        ws.write_number(row, 3, cum_planned, money)
        for c, value in ((2, actual), (4, cum_actual)):
            if value is None:
                ws.write_blank(row, c, None, money)
            else:
                ws.write_number(row, c, value, money)
        ws.write_number(row, 5, fig.envelope or 0.0, money)
    last = row
    for key, value in (("undated", fig.actual_by_month.get("undated")), ("unscheduled", fig.unscheduled_cost or None)):
        if value is not None:
            row += 1
            ws.write_string(row, 0, w(key, lang), fmt.cell(italic=True))
            ws.write_number(row, 2 if key == "undated" else 1, value, fmt.cell("money", italic=True))
    overhead_actual = fig.actual_spend - sum(b["actual_cost"] for b in fig.by_channel.values())
    if fig.overheads or overhead_actual:
        row += 1
        note = w("months_note", loc, planned=_m(loc, fig.overheads), actual=_m(loc, overhead_actual))
        ws.write_string(row, 0, note, fmt.note())
    if months:
        _combo_chart(workbook, ws, fmt, ctx, first, last)
    return _end(row, first - 2, chart_px)


def _m(loc, value: float) -> str:
    return loc.money(value)


def _combo_chart(workbook, ws, fmt, ctx, first: int, last: int) -> None:
    sheet, lang = quote(ws.name), ctx.lang
    cats = f"={sheet}!$A${first + 1}:$A${last + 1}"

    def col(letter: str) -> str:
        return f"={sheet}!${letter}${first + 1}:${letter}${last + 1}"

    chart = workbook.add_chart({"type": "column"})
    chart.add_series(column_series(w("planned", lang), cats, col("B"), "#9DC3E6"))
    chart.add_series(column_series(w("actual", lang), cats, col("C"), BLUE))
    lines = workbook.add_chart({"type": "line"})
    envelope_name = w("envelope" if ctx.plan.setting("envelope") is not None else "envelope_none", lang)
    for name, letter, colour, dash in (
        (w("cum_planned", lang), "D", GREY, None),
        (w("cum_actual", lang), "E", ORANGE, None),
        (envelope_name, "F", LINE_RED, "dash"),
    ):
        extra = {"y2_axis": True}
        series = line_series(name, cats, col(letter), colour, **extra)
        if dash:
            series["line"]["dash_type"] = dash
        lines.add_series(series)
    chart.combine(lines)
    chart.set_title({"name": w("plan_vs_actual", lang), "name_font": {"size": 12}})
    chart.set_legend({"position": "bottom"})
    chart.set_y_axis({"name": w("per_month_axis", lang), "num_format": fmt.money_code, "major_gridlines": GRID})
    lines.set_y2_axis({"name": w("cumulated_axis", lang), "num_format": fmt.money_code, "min": 0})
    chart.show_blanks_as("gap")
    chart.set_size({"width": CHART_WIDTH, "height": 340})
    ws.insert_chart(first - 1, CHART_COL, chart)


# -- KPI progress over time ------------------------------------------------------------------------------


def _kpi_progress(workbook, ws, fmt, ctx, pages, row: int) -> int:
    lang, loc = ctx.lang, ctx.loc
    objectives = [r for r in ctx.plan.rows("objectives") if r.get("id") and r.get("id") in ctx.fig.objectives]
    chart_px = 230
    title_done = False
    for n, objective in enumerate(objectives):
        ident = objective.get("id")
        history = ctx.fig.objectives[ident]["history"][-KPI_READINGS:]
        height = max((len(history) + 3) * ROW_PX, chart_px + 2 * ROW_PX)
        pages.block(row, height + (0 if title_done else ROW_PX))
        if not title_done:
            row = _section(ws, fmt, row, w("kpi_progress", lang))
            title_done = True
        name = f"{ident} — {objective.get('objective') or ''}".strip(" —")
        kpi = objective.get("kpi")
        ws.write_string(row, 0, f"{name} ({kpi})" if kpi else name, fmt(bold=True, font_color=PALETTE["title"]))
        row += 1
        for c, key in enumerate(("date", "value", "progress", "expected")):
            ws.write_string(row, c, w(key, lang), fmt.head())
        first = row + 1
        if not history:
            row += 1
            ws.write_string(row, 0, w("no_reading", lang), fmt.note())
        for reading in history:
            row += 1
            ws.write_datetime(row, 0, dt(date.fromisoformat(reading["date"])), fmt.cell("date"))
            ws.write_number(row, 1, reading["value"], fmt.cell("num"))
            for c, key in ((2, "progress"), (3, "expected")):
                if reading[key] is None:
                    ws.write_blank(row, c, None, fmt.cell())
                else:
                    ws.write_number(row, c, reading[key], fmt.cell("pct"))
        if history and n < KPI_CHARTS:
            _kpi_chart(workbook, ws, ctx, name, first, row)
        row = _end(row, first - 2, chart_px if history and n < KPI_CHARTS else 0) - 1
    del loc
    return row + 1 if objectives else row


def _kpi_chart(workbook, ws, ctx, name: str, first: int, last: int) -> None:
    sheet, lang = quote(ws.name), ctx.lang
    cats = f"={sheet}!$A${first + 1}:$A${last + 1}"
    chart = workbook.add_chart({"type": "line"})
    chart.add_series(
        line_series(
            w("progress", lang),
            cats,
            f"={sheet}!$C${first + 1}:$C${last + 1}",
            BLUE,
            marker={"type": "circle", "size": 5, "fill": {"color": BLUE}, "border": {"color": BLUE}},
        )
    )
    expected = line_series(w("expected", lang), cats, f"={sheet}!$D${first + 1}:$D${last + 1}", GREY)
    expected["line"]["dash_type"] = "dash"
    chart.add_series(expected)
    chart.set_title({"name": name if len(name) <= 60 else name[:59] + "…", "name_font": {"size": 10}})
    chart.set_legend({"position": "bottom"})
    chart.set_x_axis({"num_font": {"size": 8}})
    chart.set_y_axis({"num_format": "0%", "min": 0, "major_gridlines": GRID})
    chart.set_size({"width": CHART_WIDTH, "height": 230})
    ws.insert_chart(first - 2, CHART_COL, chart)


# -- objectives ------------------------------------------------------------------------------------------


def _objectives_table(workbook, ws, fmt, ctx, pages, row: int) -> int:
    lang, fig = ctx.lang, ctx.fig
    objectives = [o for o in ctx.plan.rows("objectives") if o.get("id")]
    chart_px = max(260, 40 * len(objectives) + 110)
    pages.block(row, max((len(objectives) + 3) * 2 * ROW_PX, chart_px + 2 * ROW_PX))
    row = _section(ws, fmt, row, t("objectives", lang))
    for c, key in enumerate(("objective", "kpi", "latest", "target", "progress", "expected", "status")):
        ws.write_string(row, c, t(key, lang), fmt.head())
    pages.set_row(row, 30)
    first = row + 1
    for objective in objectives:
        ident = objective.get("id")
        status = fig.objectives.get(ident, {"latest": None, "progress": None, "expected": None, "status": "no_data"})
        row += 1
        ws.write_string(row, 0, f"{ident} — {objective.get('objective') or ''}".strip(" —"), fmt.cell(text_wrap=True))
        ws.write_string(row, 1, str(objective.get("kpi") or ""), fmt.cell(text_wrap=True))
        for c, value, kind in (
            (2, status["latest"], "num"),
            (3, objective.get("target"), "num"),
            (4, status["progress"], "pct"),
            (5, status["expected"], "pct"),
        ):
            _money_or_dash(ws, row, c, value, fmt, kind)
        ws.write_string(row, 6, t(status["status"], lang), fmt.cell(bold=True, bg_color=STATUS_FILL[status["status"]]))
        pages.set_row(row, 30)
    last = row
    if last >= first:
        sheet = quote(ws.name)
        chart = workbook.add_chart({"type": "bar"})
        for column, colour, name in (("E", BLUE, t("progress", lang)), ("F", "#BFBFBF", t("expected", lang))):
            chart.add_series(
                {
                    "name": name,
                    "categories": f"={sheet}!$A${first + 1}:$A${last + 1}",
                    "values": f"={sheet}!${column}${first + 1}:${column}${last + 1}",
                    "fill": {"color": colour},
                    "data_labels": labels(),
                }
            )
        chart.set_title({"name": t("chart_objectives", lang), "name_font": {"size": 12}})
        chart.set_y_axis({"reverse": True})
        chart.set_x_axis({"num_format": "0%", "min": 0, "max": 1.2})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": CHART_WIDTH, "height": chart_px})
        ws.insert_chart(first - 1, CHART_COL, chart)
    row_px = pages.px(first - 2, row + 1)
    return _end(row, first - 2, chart_px if last >= first and row_px < chart_px + 40 else 0)


# -- breakdowns ------------------------------------------------------------------------------------------


def _breakdown(workbook, ws, fmt, ctx, pages, row, title, first_key, data, label, chart_key) -> int:
    lang = ctx.lang
    chart_px = max(260, 22 * len(data) + 90) if chart_key and data else 0
    pages.block(row, max((len(data) + 4) * ROW_PX, chart_px + 2 * ROW_PX))
    row = _section(ws, fmt, row, t(title, lang))
    headers = [
        t(k, lang)
        for k in (first_key, "actions", "planned_cost", "expected_revenue", "roi", "actual_cost", "actual_revenue")
    ]
    for c, text in enumerate(headers):
        ws.write_string(row, c, text, fmt.head())
    pages.set_row(row, 30)
    top = row
    if not data:
        return row + 3
    items = sorted(data.items(), key=lambda kv: (-kv[1]["planned_cost"], str(kv[0])))
    first = row + 1
    for key, bucket in items:
        row += 1
        text = str(label(key))
        if len(text) > 40:  # long objective wordings wrap on two lines instead of being cut
            pages.set_row(row, 30)
        ws.write_string(row, 0, text, fmt.cell(text_wrap=True) if len(text) > 40 else fmt.cell())
        ws.write_number(row, 1, bucket["actions"], fmt.cell("num"))
        ws.write_number(row, 2, bucket["planned_cost"], fmt.cell("money"))
        ws.write_number(row, 3, bucket["expected_revenue"], fmt.cell("money"))
        if bucket["roi"] is None:
            ws.write_string(row, 4, "–", fmt.cell(align="right"))
        else:
            extra = {"font_color": "#C00000"} if bucket["roi"] < 0 else {}
            ws.write_number(row, 4, bucket["roi"], fmt.cell("pct", **extra))
        ws.write_number(row, 5, bucket["actual_cost"], fmt.cell("money"))
        ws.write_number(row, 6, bucket["actual_revenue"], fmt.cell("money"))
    last = row
    row += 1
    total = fmt.cell(bold=True, bg_color=PALETTE["generated"])
    sums = {
        k: sum(b[k] for b in data.values())
        for k in ("actions", "planned_cost", "expected_revenue", "actual_cost", "actual_revenue")
    }
    ws.write_string(row, 0, t("total", lang), total)
    ws.write_number(row, 1, sums["actions"], fmt.cell("num", bold=True, bg_color=PALETTE["generated"]))
    for c, key in ((2, "planned_cost"), (3, "expected_revenue"), (5, "actual_cost"), (6, "actual_revenue")):
        ws.write_number(row, c, sums[key], fmt.cell("money", bold=True, bg_color=PALETTE["generated"]))
    total_roi = roi(sums["expected_revenue"], sums["planned_cost"])
    _money_or_dash(ws, row, 4, total_roi, fmt, "pct", bold=True, bg_color=PALETTE["generated"])
    if chart_key:
        sheet = quote(ws.name)
        chart = workbook.add_chart({"type": "bar"})
        chart.add_series(
            {
                "name": t("planned_cost", lang),
                "categories": f"={sheet}!$A${first + 1}:$A${last + 1}",
                "values": f"={sheet}!$C${first + 1}:$C${last + 1}",
                "fill": {"color": BLUE},
                "data_labels": labels(True, fmt.money_code),
            }
        )
        chart.set_title({"name": t(chart_key, lang), "name_font": {"size": 12}})
        chart.set_legend({"none": True})
        chart.set_y_axis({"reverse": True})
        chart.set_x_axis({"num_format": fmt.money_code, "major_gridlines": GRID})
        chart.set_size({"width": CHART_WIDTH, "height": chart_px})
        ws.insert_chart(top, CHART_COL, chart)
    return _end(row, top, chart_px)


# -- the long lists (Bulk) -------------------------------------------------------------------------------


def _deadlines(ws, fmt, ctx, pages, row: int) -> int:
    fig, lang = ctx.fig, ctx.lang
    pages.block(row, (min(len(fig.deadlines), 10) + 3) * ROW_PX)
    ws.write_string(row, 0, t("deadlines", lang), fmt.section())
    row += 1
    if not fig.deadlines:
        ws.write_string(row, 0, t("no_deadline", lang), fmt.note())
        return row + 3
    headers = ["status", "id", "action", "owner", "deadline", "days_left", "business_days_left"]
    for c, key in enumerate(headers):
        ws.write_string(row, c, t(key, lang), fmt.head())
    ws.set_row(row, 30)
    pages.heights[row] = 40
    for deadline in fig.deadlines:
        item = deadline.item
        row += 1
        colour = RED if deadline.kind == "overdue" else AMBER
        ws.write_string(row, 0, t(deadline.kind, lang), fmt.cell(bold=True, bg_color=colour))
        ws.write_string(row, 1, str(deadline.ident), fmt.cell())
        ws.write_string(row, 2, str(item.action.get("action") or ""), fmt.cell())
        ws.write_string(row, 3, str(item.schedule.get("owner") or ""), fmt.cell())
        ws.write_datetime(row, 4, dt(item.end), fmt.cell("date"))
        ws.write_number(row, 5, deadline.days_left, fmt.cell("num"))
        ws.write_number(row, 6, deadline.business_days_left, fmt.cell("num"))
    return row + 3


def _workload(ws, fmt, ctx, pages, row: int) -> tuple[int, int]:
    fig, lang = ctx.fig, ctx.lang
    pages.block(row, (min(len(fig.workload), 10) + 3) * ROW_PX)
    ws.write_string(row, 0, t("workload", lang), fmt.section())
    row += 1
    if not fig.workload:
        ws.write_string(row, 0, t("no_workload", lang), fmt.note())
        return row, 0
    months = sorted({m for owner in fig.workload.values() for m in owner})
    ws.write_string(row, 0, t("owner", lang), fmt.head())
    ws.write_string(row, 1, t("capacity", lang), fmt.head())
    for c, month in enumerate(months, start=2):
        ws.write_string(row, c, f"{month[5:]}/{month[2:4]}", fmt.head(align="center"))
    ws.set_row(row, 30)
    for owner, loads in fig.workload.items():
        row += 1
        ws.write_string(row, 0, str(owner), fmt.cell())
        capacity = next((v["capacity"] for v in loads.values() if v["capacity"]), None)
        _money_or_dash(ws, row, 1, capacity, fmt, "num")
        for c, month in enumerate(months, start=2):
            load = loads.get(month)
            if not load:
                ws.write_blank(row, c, None, fmt.cell())
            elif load["utilisation"] is None:
                ws.write_number(row, c, load["days"], fmt.cell("num"))
            else:
                u = load["utilisation"]
                colour = RED if u > 1 else AMBER if u > 0.9 else None
                ws.write_number(row, c, u, fmt.cell("pct", **({"bg_color": colour, "bold": True} if colour else {})))
    return row, 1 + len(months)
