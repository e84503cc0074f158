"""Renders the generated sheets (Summary, Alerts, Timeline) with XlsxWriter into a scratch package.

Constant-memory mode writes inline strings (nothing to add to the user's shared strings) and requires
rows in order, so each sheet is written top to bottom. The lists that grow with the plan (deadlines and
workload, a row per finding, a row per action) go to a `Bulk`, which writes their rows as XML itself, ten
times faster. Text from the user is always written as an escaped string: a cell reading "=HYPERLINK(…)"
stays inert text.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from pathlib import Path

import xlsxwriter

from ..figures import Figures
from ..findings import Report
from ..i18n import Text
from ..ooxml import workbook as workbook_part
from ..ooxml.bulk import Bulk
from ..ooxml.graft import Scratch
from ..reader import Plan
from ..styles import PALETTE
from ..values import id_key
from .base import SEVERITY_FILL, STATUS_FILL, Fmt, dt, header, quote, t
from .charts import fix_package
from .summary import Context, write_summary

__all__ = ["BAR", "SEVERITY_FILL", "STATUS_FILL", "Fmt", "render"]

BAR = {"todo": "#A6A6A6", "in_progress": "#5B9BD5", "done": "#70AD47", "late": "#C00000", None: "#A6A6A6"}


def render(
    path: Path,
    plan: Plan,
    figures: Figures,
    report: Report,
    names: list[str],
    lang: str,
    *,
    generated: date | None = None,
    current: dict | None = None,
    previous: dict | None = None,
    date_1904: bool = False,
    token: str | None = None,
) -> Scratch:
    """Write the three generated sheets, named `names` (summary, alerts, timeline), into path.

    `date_1904`: the user's workbook counts dates from 1904 (Mac Excel), so the sheets' dates must too.
    `token`: the proof the sheets carry (the previous report's, so that a report run again writes the same
    sheets; a new one otherwise).

    `current` is the snapshot the Summary stores (taken now when not given), `previous` the one the
    previous report stored (None: first report); `generated` is the date the report is made.
    """
    from .. import snapshot

    generated = generated or date.today()
    if current is None:
        current = dict(snapshot.take(plan, figures, report.counts, figures.today, generated), lang=lang)
    currency = str(plan.setting("currency", "EUR") or "EUR")
    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "tmpdir": str(path.parent),
            "date_1904": date_1904,  # the user's workbook's date system: its dates are serials of that system
        },
    )
    fmt = Fmt(workbook, lang, currency)
    summary, alerts, timeline = (workbook.add_worksheet(n) for n in names)
    token = token or secrets.token_hex(8)
    for ws, key in ((summary, "summary"), (alerts, "alerts"), (timeline, "timeline")):
        # the proof that the sheet is mplan's (graft.generated): row 1 is written first in constant memory
        ws.write_string(0, workbook_part.PROOF_COL, f"{workbook_part.PROOF} {token} {key}")
        ws.set_column(workbook_part.PROOF_COL, workbook_part.PROOF_COL, 8, None, {"hidden": True})
    ctx = Context(plan, figures, report, lang, names, generated, current, previous)
    bulks = {
        names[0]: write_summary(workbook, summary, fmt, ctx),
        names[1]: _alerts(alerts, fmt, plan, report, lang, generated),
        names[2]: _timeline(timeline, fmt, plan, figures, lang, generated),
    }
    for bulk in bulks.values():
        bulk.date_1904 = date_1904
        bulk.register(lambda cell_format: cell_format._get_xf_index())  # before close() writes styles.xml
    for sheet in (summary, alerts, timeline):
        sheet.set_tab_color("#7F7F7F")
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        sheet.set_footer("&L&A&RPage &P / &N")
    workbook.close()
    fix_package(str(path))
    return Scratch(str(path), names, bulks, token)


# --- Alerts -------------------------------------------------------------------------------------


def _alerts(ws, fmt: Fmt, plan: Plan, report: Report, lang: str, generated: date) -> Bulk:
    from ..schema import SHEET

    header(ws, fmt, plan, SHEET["alerts"].name(lang), report.today, generated, lang)
    counts = report.counts
    ws.write_string(
        2,
        0,
        t("alerts_counts", lang, errors=counts["error"], warnings=counts["warning"], infos=counts["info"]),
        fmt(bold=True),
    )
    widths = [14, 8, 16, 9, 64, 54]
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    ws.print_area(0, 0, 4 + max(1, len(report.findings)), len(widths) - 1)  # not the hidden proof column
    if not report.findings:
        ws.write_string(4, 0, t("alerts_clean", lang), fmt(bold=True, font_color="#375623", bg_color="#C6EFCE"))
        ws.protect()
        return Bulk(5)
    headers = ["severity", "code", "sheet", "cell", "message", "hint"]
    for c, key in enumerate(headers):
        ws.write_string(4, c, t(key, lang), fmt.head())
    existing = set(plan.sheet_names)
    row = 4
    rows = Bulk(5)  # a row per finding
    plain, link = fmt.cell(), fmt.cell(font_color=PALETTE["link"], underline=1)
    wrap, hint = fmt.cell(text_wrap=True), fmt.cell(text_wrap=True, font_color=PALETTE["muted"])
    severity = {key: (t(key, lang), fmt.cell(bold=True, bg_color=fill)) for key, fill in SEVERITY_FILL.items()}
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
            rows.write_url(row, 3, f"internal:{quote(finding.sheet)}!{finding.cell}", link, finding.cell)
        else:
            rows.write_string(row, 3, finding.cell, plain)
        rows.write_string(row, 4, finding.message, wrap)
        rows.write_string(row, 5, finding.hint, hint)
    ws.autofilter(4, 0, row, 5)
    ws.freeze_panes(5, 0)
    ws.repeat_rows(4)
    ws.protect("", {"autofilter": True, "sort": True, "format_columns": True, "format_rows": True})
    return rows


# --- Timeline -----------------------------------------------------------------------------------


MAX_WEEKS = 180  # about three and a half years: the Timeline's columns stay left of the proof cell (GR)
CAPPED = Text(
    "Calendrier limité aux {weeks} premières semaines de la période",
    "Timeline limited to the first {weeks} weeks of the period",
)


def _timeline(ws, fmt: Fmt, plan: Plan, fig: Figures, lang: str, generated: date) -> Bulk:
    from ..schema import SHEET

    header(ws, fmt, plan, SHEET["timeline"].name(lang), fig.today, generated, lang)
    items = [i for i in fig.items if i.active]
    period = plan.period
    scheduled = [i for i in items if i.scheduled]
    if period:
        first_day, last_day = period
    elif scheduled:
        # a scheduled item has its start and its end (`due`)
        first_day = min(i.start for i in scheduled if i.start is not None)
        last_day = max(i.due for i in scheduled)
    else:
        first_day = last_day = fig.today
    monday = first_day - timedelta(days=first_day.weekday())
    weeks: list[date] = []
    while monday <= last_day and len(weeks) < MAX_WEEKS:
        weeks.append(monday)
        monday += timedelta(days=7)
    capped = monday <= last_day
    base = 6  # columns A–F: ID, action, owner, status, start, deadline
    widths = [7, 30, 12, 11, 10, 10]
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    ws.set_column(base, base + len(weeks) - 1, 2.7)
    today_week = next((i for i, w in enumerate(weeks) if w <= fig.today < w + timedelta(days=7)), None)
    # Legend.
    ws.write_string(2, 0, t("timeline_legend", lang), fmt(bold=True))
    for c, key in enumerate(("todo", "in_progress", "done", "late"), start=1):
        ws.write_string(2, c, t(key, lang), fmt(bg_color=BAR[key], font_color="#FFFFFF", bold=True, align="center"))
    ws.write_string(
        2, 5, t("today", lang), fmt(bg_color="#FFFFFF", font_color="#C00000", bold=True, left=5, left_color="#C00000")
    )
    if capped:  # a period of years: the weeks stop before the hidden proof column (and Excel's last column)
        ws.write_string(2, base + 1, CAPPED.format(lang, weeks=MAX_WEEKS), fmt(italic=True, font_color="#C00000"))
    # Month and week headers.
    row = 4
    head = fmt.head(align="center")
    for c, key in enumerate(("id", "action", "owner", "status", "start", "deadline")):
        ws.write_string(row, c, t(key, lang), head)
    months_seen: set[str] = set()
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
    peaks: list[tuple[str, date, date]] = []  # (name, start, end), the end defaulting to the start
    for peak in plan.rows("peaks"):
        start, end = peak.get("start"), peak.get("end")
        if isinstance(start, date):
            peaks.append((str(peak.get("name")), start, end if isinstance(end, date) else start))
    if peaks:
        row += 1
        ws.write_string(row, 0, "", fmt(bold=True, bg_color="#FFF2CC"))
        ws.write_string(row, 1, t("peaks", lang), fmt(bold=True, bg_color="#FFF2CC"))
        marks: dict[int, list[str]] = {}
        for name, start, end in peaks:
            for i, week in enumerate(weeks):
                if week <= end and week + timedelta(days=6) >= start:
                    marks.setdefault(i, []).append(name)
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
            else t("no_objective", lang)
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
            label = t("late", lang) if late else t(status, lang) if status in ("todo", "in_progress", "done") else ""
            rows.write_string(row, 3, label, late_format if late else plain)
            rows.write_datetime(row, 4, dt(item.start), small_date)
            rows.write_datetime(row, 5, dt(item.end), small_date)
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
        rows.write_string(row, 0, t("not_scheduled", lang), fmt.section())
        for item in unscheduled:
            row += 1
            rows.write_string(row, 0, str(item.action.get("id") or ""), fmt.cell())
            rows.write_string(row, 1, str(item.action.get("action") or ""), fmt.cell())
    ws.print_area(0, 0, max(row, 4), base + len(weeks) - 1)  # the weeks, not the hidden proof column
    ws.protect("", {"format_columns": True, "format_rows": True})
    return rows
