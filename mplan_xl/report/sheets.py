"""Renders the generated sheets (Summary, Alerts, Timeline) with XlsxWriter into a scratch package.

Constant-memory mode writes inline strings (nothing to add to the user's shared strings) and requires
rows in order, so each sheet is written top to bottom. The lists that grow with the plan (deadlines and
workload, a row per finding, a row per action) go to a `Bulk`, which writes their rows as XML itself, ten
times faster. Text from the user is always written as an escaped string: a cell reading "=HYPERLINK(…)"
stays inert text.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import xlsxwriter

from .. import texts
from ..figures import Figures, roi
from ..findings import Report
from ..ooxml.bulk import Bulk
from ..ooxml.graft import Scratch
from ..reader import Plan
from ..schema import CHOICES
from ..styles import PALETTE, date_format, money_format
from ..values import id_key

STATUS_FILL = {"achieved": "#C6EFCE", "on_track": "#DDEBF7", "off_track": "#FFC7CE", "no_data": "#EDEDED"}
SEVERITY_FILL = {"error": "#FFC7CE", "warning": "#FFEB9C", "info": "#DDEBF7"}
BAR = {"todo": "#A6A6A6", "in_progress": "#5B9BD5", "done": "#70AD47", "late": "#C00000", None: "#A6A6A6"}


class Fmt:
    def __init__(self, workbook, lang: str, currency: str):
        self.wb, self.lang = workbook, lang
        self.money_code = money_format(currency, lang)
        self.cache: dict[tuple, object] = {}

    def __call__(self, **props):
        key = tuple(sorted(props.items()))
        if key not in self.cache:
            self.cache[key] = self.wb.add_format(props)
        return self.cache[key]

    def title(self):
        return self(bold=True, font_size=16, font_color=PALETTE["title"])

    def note(self):
        return self(italic=True, font_color=PALETTE["muted"])

    def section(self):
        return self(bold=True, font_size=12, font_color=PALETTE["title"], bottom=2, bottom_color=PALETTE["title"])

    def head(self, **extra):
        props = dict(
            bold=True,
            font_color="#FFFFFF",
            bg_color=PALETTE["header_required"],
            border=1,
            border_color="#FFFFFF",
            text_wrap=True,
            valign="vcenter",
        )
        return self(**{**props, **extra})

    def cell(self, kind: str | None = None, **extra):
        props = {**dict(border=1, border_color="#D9D9D9", valign="top"), **extra}
        if kind == "money":
            props["num_format"] = self.money_code
        elif kind == "pct":
            props["num_format"] = "0%"
        elif kind == "date":
            props["num_format"] = date_format(self.lang)
            props["align"] = "left"
        elif kind == "num":
            props["num_format"] = "#,##0.##"
        return self(**props)


def _t(key: str, lang: str, **values) -> str:
    text = texts.t(texts.REPORT[key], lang)
    return text.format(**values) if values else text


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _quote(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def render(path: Path, plan: Plan, figures: Figures, report: Report, names: list[str], lang: str) -> Scratch:
    """Write the three generated sheets, named `names` (summary, alerts, timeline), into path."""
    currency = str(plan.setting("currency", "EUR") or "EUR")
    workbook = xlsxwriter.Workbook(
        str(path),
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "tmpdir": str(path.parent)},
    )
    fmt = Fmt(workbook, lang, currency)
    summary, alerts, timeline = (workbook.add_worksheet(n) for n in names)
    bulks = {
        names[0]: _summary(workbook, summary, fmt, plan, figures, report, lang),
        names[1]: _alerts(alerts, fmt, plan, report, lang),
        names[2]: _timeline(timeline, fmt, plan, figures, lang),
    }
    for bulk in bulks.values():
        bulk.register(lambda cell_format: cell_format._get_xf_index())  # before close() writes styles.xml
    for sheet in (summary, alerts, timeline):
        sheet.set_tab_color("#7F7F7F")
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        sheet.set_footer("&L&A&RPage &P / &N")
    workbook.close()
    return Scratch(str(path), names, bulks)


def _header(ws, fmt: Fmt, plan: Plan, title: str, figures: Figures, lang: str) -> None:
    name = plan.setting("plan_name") or ""
    ws.write_string(0, 0, f"{title} — {name}" if name else title, fmt.title())
    ws.set_row(0, 24)
    period = plan.period
    line = _t("generated_note", lang, today=_day(figures.today))
    if period:
        line = _t("period", lang, start=_day(period[0]), end=_day(period[1]), today=_day(figures.today)) + " · " + line
    ws.write_string(1, 0, line, fmt.note())


# --- Summary ------------------------------------------------------------------------------------


def _summary(workbook, ws, fmt: Fmt, plan: Plan, fig: Figures, report: Report, lang: str) -> None:
    ws.set_column(0, 0, 38)
    ws.set_column(1, 15, 12.5)
    _header(ws, fmt, plan, _summary_title(lang), fig, lang)
    row = 3
    ws.write_string(row, 0, _t("key_figures", lang), fmt.section())
    row += 1
    counts = report.counts
    envelope_set = plan.setting("envelope") is not None
    key_rows = [
        ("envelope" if envelope_set else "envelope_bottom_up", fig.envelope, "money", None),
        ("planned_spend", fig.planned_spend, "money", None),
        ("budget_used", fig.budget_used, "pct", _budget_colour(fig.budget_used, plan)),
        ("overheads", fig.overheads, "money", None),
        ("actual_spend", fig.actual_spend, "money", None),
        (
            "projected_spend",
            fig.projected_spend,
            "money",
            "#FFC7CE" if fig.projected_spend and envelope_set and fig.projected_spend > fig.envelope else None,
        ),
        ("expected_revenue", fig.expected_revenue, "money", None),
        ("actual_revenue", fig.actual_revenue, "money", None),
        (
            "planned_roi",
            fig.planned_roi,
            "pct",
            "#FFC7CE" if fig.planned_roi is not None and fig.planned_roi < 0 else None,
        ),
        ("actual_roi", fig.actual_roi, "pct", "#FFC7CE" if fig.actual_roi is not None and fig.actual_roi < 0 else None),
        ("planned_romi", fig.planned_romi, "pct", None),
        ("actual_romi", fig.actual_romi, "pct", None),
        ("unscheduled_cost", fig.unscheduled_cost, "money", None),
        ("errors", counts["error"], "num", "#FFC7CE" if counts["error"] else "#C6EFCE"),
        ("warnings", counts["warning"], "num", "#FFEB9C" if counts["warning"] else "#C6EFCE"),
    ]
    for key, value, kind, colour in key_rows:
        ws.write_string(row, 0, _t(key, lang), fmt.cell(bold=True))
        extra = {"bg_color": colour} if colour else {}
        if value is None:
            ws.write_string(row, 1, _t("undefined", lang), fmt.cell(align="right", **extra))
        else:
            ws.write_number(row, 1, value, fmt.cell(kind, bold=True, **extra))
        row += 1
    row += 1
    channel_rows = _breakdown_table(
        ws, fmt, row, _t("by_channel", lang), _t("channel", lang), fig.by_channel, lambda k: k or _t("none", lang), lang
    )
    chart_anchor = row
    if channel_rows:
        _bar_chart(workbook, ws, _t("chart_channel", lang), channel_rows, f"I{chart_anchor + 1}", fmt)
    row = channel_rows[1] + 3 if channel_rows else row + 3
    objective_names = {id_key(r.get("id")): r.get("objective") for r in plan.rows("objectives") if r.get("id")}
    obj_rows = _breakdown_table(
        ws,
        fmt,
        row,
        _t("by_objective", lang),
        _t("objective", lang),
        fig.by_objective,
        lambda k: f"{k} — {objective_names.get(id_key(k), '')}".strip(" —") if k else _t("none", lang),
        lang,
    )
    row = obj_rows[1] + 3 if obj_rows else row + 3
    pillars = CHOICES["pillar"]
    pillar_rows = _breakdown_table(
        ws,
        fmt,
        row,
        _t("by_pillar", lang),
        _t("pillar", lang),
        fig.by_pillar,
        lambda k: pillars.option(k).label(lang) if k else _t("none", lang),
        lang,
    )
    row = pillar_rows[1] + 3 if pillar_rows else row + 3
    row = _month_table(workbook, ws, fmt, row, fig, lang)
    row = _objectives_table(workbook, ws, fmt, row, plan, fig, lang)
    bulk = Bulk(row)  # the two lists that grow with the plan
    row = _deadlines_table(bulk, fmt, row, plan, fig, lang)
    _workload_table(bulk, fmt, row, plan, fig, lang)
    ws.protect("", {"format_columns": True, "format_rows": True})
    return bulk


def _summary_title(lang: str) -> str:
    from ..schema import SHEET

    return SHEET["summary"].name(lang)


def _budget_colour(used, plan: Plan):
    if used is None or plan.setting("envelope") is None:
        return None
    warn = plan.setting("budget_warn", 0.9) or 0.9
    return "#FFC7CE" if used > 1 else "#FFEB9C" if used > warn else "#C6EFCE"


def _breakdown_table(ws, fmt: Fmt, row: int, title: str, first: str, data: dict, label, lang: str):
    """A table of planned and actual cost and revenue by category; returns (first data row, last data row)."""
    ws.write_string(row, 0, title, fmt.section())
    row += 1
    headers = [
        first,
        _t("actions", lang),
        _t("planned_cost", lang),
        _t("expected_revenue", lang),
        _t("roi", lang),
        _t("actual_cost", lang),
        _t("actual_revenue", lang),
    ]
    for c, text in enumerate(headers):
        ws.write_string(row, c, text, fmt.head())
    ws.set_row(row, 30)
    if not data:
        return None
    first_row = row + 1
    items = sorted(data.items(), key=lambda kv: (-kv[1]["planned_cost"], str(kv[0])))
    for key, bucket in items:
        row += 1
        text = str(label(key))
        if len(text) > 40:  # long objective wordings wrap on two lines instead of being cut
            ws.set_row(row, 30)
        ws.write_string(row, 0, text, fmt.cell(text_wrap=True) if len(text) > 40 else fmt.cell())
        ws.write_number(row, 1, bucket["actions"], fmt.cell("num"))
        ws.write_number(row, 2, bucket["planned_cost"], fmt.cell("money"))
        ws.write_number(row, 3, bucket["expected_revenue"], fmt.cell("money"))
        if bucket["roi"] is None:
            ws.write_string(row, 4, "–", fmt.cell(align="right"))
        else:
            ws.write_number(
                row, 4, bucket["roi"], fmt.cell("pct", **({"font_color": "#C00000"} if bucket["roi"] < 0 else {}))
            )
        ws.write_number(row, 5, bucket["actual_cost"], fmt.cell("money"))
        ws.write_number(row, 6, bucket["actual_revenue"], fmt.cell("money"))
    last_row = row
    row += 1
    totals = [sum(b[k] for b in data.values()) for k in ("actions", "planned_cost", "expected_revenue")]
    ws.write_string(row, 0, _t("total", lang), fmt.cell(bold=True, bg_color=PALETTE["generated"]))
    ws.write_number(row, 1, totals[0], fmt.cell("num", bold=True, bg_color=PALETTE["generated"]))
    ws.write_number(row, 2, totals[1], fmt.cell("money", bold=True, bg_color=PALETTE["generated"]))
    ws.write_number(row, 3, totals[2], fmt.cell("money", bold=True, bg_color=PALETTE["generated"]))
    total_roi = roi(totals[2], totals[1])
    if total_roi is None:
        ws.write_string(row, 4, "–", fmt.cell(align="right", bold=True, bg_color=PALETTE["generated"]))
    else:
        ws.write_number(row, 4, total_roi, fmt.cell("pct", bold=True, bg_color=PALETTE["generated"]))
    ws.write_number(
        row,
        5,
        sum(b["actual_cost"] for b in data.values()),
        fmt.cell("money", bold=True, bg_color=PALETTE["generated"]),
    )
    ws.write_number(
        row,
        6,
        sum(b["actual_revenue"] for b in data.values()),
        fmt.cell("money", bold=True, bg_color=PALETTE["generated"]),
    )
    return first_row, last_row


def _bar_chart(workbook, ws, title: str, rows: tuple[int, int], anchor: str, fmt: Fmt) -> None:
    sheet = _quote(ws.name)
    chart = workbook.add_chart({"type": "bar"})
    chart.add_series(
        {
            "categories": f"={sheet}!$A${rows[0] + 1}:$A${rows[1] + 1}",
            "values": f"={sheet}!$C${rows[0] + 1}:$C${rows[1] + 1}",
            "fill": {"color": "#2E75B6"},
            "data_labels": {"value": True, "num_format": fmt.money_code},
        }
    )
    chart.set_title({"name": title, "name_font": {"size": 12}})
    chart.set_legend({"none": True})
    chart.set_y_axis({"reverse": True})
    chart.set_x_axis({"num_format": fmt.money_code, "major_gridlines": {"visible": True, "line": {"color": "#E0E0E0"}}})
    chart.set_size({"width": 620, "height": max(260, 22 * (rows[1] - rows[0] + 1) + 90)})
    ws.insert_chart(anchor, chart)


def _month_table(workbook, ws, fmt: Fmt, row: int, fig: Figures, lang: str) -> int:
    ws.write_string(row, 0, _t("by_month", lang), fmt.section())
    row += 1
    ws.write_string(row, 0, _t("month", lang), fmt.head())
    ws.write_string(row, 1, _t("planned_cost", lang), fmt.head())
    first = row + 1
    for key, value in fig.by_month.items():
        row += 1
        ws.write_string(row, 0, f"{key[5:]}/{key[:4]}", fmt.cell())
        ws.write_number(row, 1, value, fmt.cell("money"))
    last = row
    if fig.unscheduled_cost:
        row += 1
        ws.write_string(row, 0, _t("unscheduled", lang), fmt.cell(italic=True))
        ws.write_number(row, 1, fig.unscheduled_cost, fmt.cell("money", italic=True))
    if fig.by_month:
        sheet = _quote(ws.name)
        chart = workbook.add_chart({"type": "column"})
        chart.add_series(
            {
                "categories": f"={sheet}!$A${first + 1}:$A${last + 1}",
                "values": f"={sheet}!$B${first + 1}:$B${last + 1}",
                "fill": {"color": "#2E75B6"},
            }
        )
        chart.set_title({"name": _t("chart_month", lang), "name_font": {"size": 12}})
        chart.set_legend({"none": True})
        chart.set_y_axis(
            {"num_format": fmt.money_code, "major_gridlines": {"visible": True, "line": {"color": "#E0E0E0"}}}
        )
        chart.set_size({"width": 620, "height": 300})
        ws.insert_chart(f"I{first}", chart)
    return row + 3


def _objectives_table(workbook, ws, fmt: Fmt, row: int, plan: Plan, fig: Figures, lang: str) -> int:
    ws.write_string(row, 0, _t("objectives", lang), fmt.section())
    row += 1
    headers = ["objective", "kpi", "latest", "target", "progress", "expected", "status"]
    for c, key in enumerate(headers):
        ws.write_string(row, c, _t(key, lang), fmt.head())
    ws.set_row(row, 30)
    first = row + 1
    for objective in plan.rows("objectives"):
        ident = objective.get("id")
        if not ident:
            continue
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
            if value is None:
                ws.write_string(row, c, "–", fmt.cell(align="right"))
            else:
                ws.write_number(row, c, value, fmt.cell(kind))
        ws.write_string(row, 6, _t(status["status"], lang), fmt.cell(bold=True, bg_color=STATUS_FILL[status["status"]]))
        ws.set_row(row, 30)
    last = row
    if last >= first:
        sheet = _quote(ws.name)
        chart = workbook.add_chart({"type": "bar"})
        for column, colour, name in (("E", "#2E75B6", _t("progress", lang)), ("F", "#BFBFBF", _t("expected", lang))):
            chart.add_series(
                {
                    "name": name,
                    "categories": f"={sheet}!$A${first + 1}:$A${last + 1}",
                    "values": f"={sheet}!${column}${first + 1}:${column}${last + 1}",
                    "fill": {"color": colour},
                }
            )
        chart.set_title({"name": _t("chart_objectives", lang), "name_font": {"size": 12}})
        chart.set_y_axis({"reverse": True})
        chart.set_x_axis({"num_format": "0%", "min": 0, "max": 1.2})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 620, "height": max(260, 40 * (last - first + 1) + 110)})
        ws.insert_chart(f"I{first}", chart)
    return row + 3


def _deadlines_table(ws, fmt: Fmt, row: int, plan: Plan, fig: Figures, lang: str) -> int:
    ws.write_string(row, 0, _t("deadlines", lang), fmt.section())
    row += 1
    if not fig.deadlines:
        ws.write_string(row, 0, _t("no_deadline", lang), fmt.note())
        return row + 3
    headers = ["status", "id", "action", "owner", "deadline", "days_left", "business_days_left"]
    for c, key in enumerate(headers):
        ws.write_string(row, c, _t(key, lang), fmt.head())
    ws.set_row(row, 30)
    for deadline in fig.deadlines:
        item = deadline.item
        row += 1
        colour = "#FFC7CE" if deadline.kind == "overdue" else "#FFEB9C"
        ws.write_string(row, 0, _t(deadline.kind, lang), fmt.cell(bold=True, bg_color=colour))
        ws.write_string(row, 1, str(deadline.ident), fmt.cell())
        ws.write_string(row, 2, str(item.action.get("action") or ""), fmt.cell())
        ws.write_string(row, 3, str(item.schedule.get("owner") or ""), fmt.cell())
        ws.write_datetime(row, 4, _dt(item.end), fmt.cell("date"))
        ws.write_number(row, 5, deadline.days_left, fmt.cell("num"))
        ws.write_number(row, 6, deadline.business_days_left, fmt.cell("num"))
    return row + 3


def _dt(day: date):
    from datetime import datetime

    return datetime(day.year, day.month, day.day)


def _workload_table(ws, fmt: Fmt, row: int, plan: Plan, fig: Figures, lang: str) -> int:
    ws.write_string(row, 0, _t("workload", lang), fmt.section())
    row += 1
    if not fig.workload:
        ws.write_string(row, 0, _t("no_workload", lang), fmt.note())
        return row + 2
    months = sorted({m for owner in fig.workload.values() for m in owner})
    ws.write_string(row, 0, _t("owner", lang), fmt.head())
    ws.write_string(row, 1, _t("capacity", lang), fmt.head())
    for c, month in enumerate(months, start=2):
        ws.write_string(row, c, f"{month[5:]}/{month[2:4]}", fmt.head(align="center"))
    ws.set_row(row, 30)
    for owner, loads in fig.workload.items():
        row += 1
        ws.write_string(row, 0, str(owner), fmt.cell())
        capacity = next((v["capacity"] for v in loads.values() if v["capacity"]), None)
        if capacity is None:
            ws.write_string(row, 1, "–", fmt.cell(align="right"))
        else:
            ws.write_number(row, 1, capacity, fmt.cell("num"))
        for c, month in enumerate(months, start=2):
            load = loads.get(month)
            if not load:
                ws.write_blank(row, c, None, fmt.cell())
            elif load["utilisation"] is None:
                ws.write_number(row, c, load["days"], fmt.cell("num"))
            else:
                u = load["utilisation"]
                colour = "#FFC7CE" if u > 1 else "#FFEB9C" if u > 0.9 else None
                ws.write_number(row, c, u, fmt.cell("pct", **({"bg_color": colour, "bold": True} if colour else {})))
    return row + 2


# --- Alerts -------------------------------------------------------------------------------------


def _alerts(ws, fmt: Fmt, plan: Plan, report: Report, lang: str) -> None:
    from ..schema import SHEET

    _header(ws, fmt, plan, SHEET["alerts"].name(lang), _Today(report.today), lang)
    counts = report.counts
    ws.write_string(
        2,
        0,
        _t("alerts_counts", lang, errors=counts["error"], warnings=counts["warning"], infos=counts["info"]),
        fmt(bold=True),
    )
    widths = [14, 8, 16, 9, 64, 54]
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    if not report.findings:
        ws.write_string(4, 0, _t("alerts_clean", lang), fmt(bold=True, font_color="#375623", bg_color="#C6EFCE"))
        ws.protect()
        return Bulk(5)
    headers = ["severity", "code", "sheet", "cell", "message", "hint"]
    for c, key in enumerate(headers):
        ws.write_string(4, c, _t(key, lang), fmt.head())
    existing = set(plan.sheet_names)
    row = 4
    rows = Bulk(5)  # a row per finding
    plain, link = fmt.cell(), fmt.cell(font_color=PALETTE["link"], underline=1)
    wrap, hint = fmt.cell(text_wrap=True), fmt.cell(text_wrap=True, font_color=PALETTE["muted"])
    severity = {key: (_t(key, lang), fmt.cell(bold=True, bg_color=fill)) for key, fill in SEVERITY_FILL.items()}
    for finding in report.findings:
        row += 1
        lines = max(-(-len(finding.message) // 62), -(-len(finding.hint) // 52), 1)
        if lines > 1:
            rows.set_row(row, 15 * lines)
        label, label_format = severity[finding.severity]
        rows.write_string(row, 0, label, label_format)
        rows.write_string(row, 1, finding.code, plain)
        rows.write_string(row, 2, finding.sheet, plain)
        if finding.sheet in existing:
            rows.write_url(row, 3, f"internal:{_quote(finding.sheet)}!{finding.cell}", link, finding.cell)
        else:
            rows.write_string(row, 3, finding.cell, plain)
        rows.write_string(row, 4, finding.message, wrap)
        rows.write_string(row, 5, finding.hint, hint)
    ws.autofilter(4, 0, row, 5)
    ws.freeze_panes(5, 0)
    ws.repeat_rows(4)
    ws.protect("", {"autofilter": True, "sort": True, "format_columns": True, "format_rows": True})
    return rows


class _Today:
    """Just enough of Figures for the shared header."""

    def __init__(self, today: date):
        self.today = today


# --- Timeline -----------------------------------------------------------------------------------


def _timeline(ws, fmt: Fmt, plan: Plan, fig: Figures, lang: str) -> None:
    from ..schema import SHEET

    _header(ws, fmt, plan, SHEET["timeline"].name(lang), fig, lang)
    items = [i for i in fig.items if i.active]
    period = plan.period
    scheduled = [i for i in items if i.scheduled]
    if period:
        first_day, last_day = period
    elif scheduled:
        first_day, last_day = min(i.start for i in scheduled), max(i.end for i in scheduled)
    else:
        first_day = last_day = fig.today
    monday = first_day - timedelta(days=first_day.weekday())
    weeks = []
    while monday <= last_day:
        weeks.append(monday)
        monday += timedelta(days=7)
    base = 6  # columns A–F: ID, action, owner, status, start, deadline
    widths = [7, 30, 12, 11, 10, 10]
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    ws.set_column(base, base + len(weeks) - 1, 2.7)
    today_week = next((i for i, w in enumerate(weeks) if w <= fig.today < w + timedelta(days=7)), None)
    # Legend.
    ws.write_string(2, 0, _t("timeline_legend", lang), fmt(bold=True))
    for c, key in enumerate(("todo", "in_progress", "done", "late"), start=1):
        ws.write_string(2, c, _t(key, lang), fmt(bg_color=BAR[key], font_color="#FFFFFF", bold=True, align="center"))
    ws.write_string(
        2, 5, _t("today", lang), fmt(bg_color="#FFFFFF", font_color="#C00000", bold=True, left=5, left_color="#C00000")
    )
    # Month and week headers.
    row = 4
    head = fmt.head(align="center")
    for c, key in enumerate(("id", "action", "owner", "status", "start", "deadline")):
        ws.write_string(row, c, _t(key, lang), head)
    months_seen = set()
    for i, week in enumerate(weeks):
        key = (week + timedelta(days=3)).strftime("%m/%y")
        cell_format = fmt.head(
            align="left", font_size=8, text_wrap=False, border=0, **({"bg_color": "#C00000"} if i == today_week else {})
        )
        if key not in months_seen:  # the month's label overflows into the blank weeks after it
            months_seen.add(key)
            ws.write_string(row, base + i, key, cell_format)
        else:
            ws.write_blank(row, base + i, None, cell_format)
    row += 1
    ws.write_string(row, 0, "", fmt.cell())
    ws.write_string(row, 1, "", fmt.cell())
    for i, week in enumerate(weeks):
        ws.write_number(
            row,
            base + i,
            week.day,
            fmt(
                font_size=7,
                align="center",
                border=1,
                border_color="#D9D9D9",
                **({"bg_color": "#FFC7CE"} if i == today_week else {}),
            ),
        )
    ws.freeze_panes(row + 1, base)
    # Commercial peaks.
    peaks = [p for p in plan.rows("peaks") if isinstance(p.get("start"), date)]
    if peaks:
        row += 1
        ws.write_string(row, 0, "", fmt(bold=True, bg_color="#FFF2CC"))
        ws.write_string(row, 1, _t("peaks", lang), fmt(bold=True, bg_color="#FFF2CC"))
        marks: dict[int, list[str]] = {}
        for peak in peaks:
            end = peak.get("end") if isinstance(peak.get("end"), date) else peak.get("start")
            for i, week in enumerate(weeks):
                if week <= end and week + timedelta(days=6) >= peak.get("start"):
                    marks.setdefault(i, []).append(str(peak.get("name")))
        for c in range(2, base):
            ws.write_blank(row, c, None, fmt(bg_color="#FFF2CC"))
        for i in range(len(weeks)):
            if i in marks:
                ws.write_string(
                    row, base + i, "★", fmt(bg_color="#FFD966", font_color="#7F6000", align="center", font_size=8)
                )
                ws.write_comment(row, base + i, "\n".join(marks[i]), {"author": "mplan", "x_scale": 1.6})
            else:
                ws.write_blank(row, base + i, None, fmt(bg_color="#FFF2CC"))
    # Actions grouped by objective.
    objectives = {id_key(o.get("id")): o for o in plan.rows("objectives") if o.get("id")}
    groups: dict[str, list] = {}
    for item in scheduled:
        key = id_key(item.action.get("objective") or "")
        groups.setdefault(key, []).append(item)
    order = [k for k in objectives if k in groups] + [k for k in groups if k not in objectives]
    rows = Bulk(row + 1)  # a row per objective and per action
    # Formats made once: the loop below writes a row per action.
    plain, small_date = fmt.cell(), fmt.cell("date", font_size=9)
    late_format = fmt.cell(font_color="#C00000", bold=True)
    bars = {colour: fmt(bg_color=colour) for colour in set(BAR.values())}
    today_bars = {colour: fmt(bg_color=colour, left=2, left_color="#C00000") for colour in set(BAR.values())}
    today_line = fmt(left=2, left_color="#C00000")
    group_title, group_band = fmt(bold=True, font_color=PALETTE["title"], bg_color="#DDEBF7"), fmt(bg_color="#DDEBF7")
    for key in order:
        row += 1
        objective = objectives.get(key)
        title = (
            f"{objective.get('id')} — {objective.get('objective') or ''}"
            if objective
            else _t("no_objective", lang)
            if not key
            else key.upper()
        )
        rows.write_string(row, 0, title, group_title)
        for c in range(1, base + len(weeks)):
            rows.write_blank(row, c, None, group_band)
        for item in sorted(groups[key], key=lambda i: (i.start, i.end)):
            row += 1
            status = item.status
            late = status != "done" and item.end < fig.today
            bar = BAR["late" if late else status if status in BAR else None]
            rows.write_string(row, 0, str(item.action.get("id") or ""), plain)
            rows.write_string(row, 1, str(item.action.get("action") or ""), plain)
            rows.write_string(row, 2, str(item.schedule.get("owner") or ""), plain)
            label = _t("late", lang) if late else _t(status, lang) if status in ("todo", "in_progress", "done") else ""
            rows.write_string(row, 3, label, late_format if late else plain)
            rows.write_datetime(row, 4, _dt(item.start), small_date)
            rows.write_datetime(row, 5, _dt(item.end), small_date)
            first_week = max(0, (item.start - weeks[0]).days // 7)
            last_week = min(len(weeks) - 1, (item.end - weeks[0]).days // 7)
            bar_format = bars[bar]
            for i in range(first_week, last_week + 1):  # only the weeks the bar covers, in order
                if i != today_week:
                    rows.write_blank(row, base + i, None, bar_format)
            if today_week is not None:
                inside = first_week <= today_week <= last_week
                rows.write_blank(row, base + today_week, None, today_bars[bar] if inside else today_line)
    unscheduled = [i for i in items if not i.scheduled]
    if unscheduled:
        row += 2
        rows.write_string(row, 0, _t("not_scheduled", lang), fmt.section())
        for item in unscheduled:
            row += 1
            rows.write_string(row, 0, str(item.action.get("id") or ""), fmt.cell())
            rows.write_string(row, 1, str(item.action.get("action") or ""), fmt.cell())
    ws.protect("", {"format_columns": True, "format_rows": True})
    return rows
