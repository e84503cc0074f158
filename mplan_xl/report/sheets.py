"""Renders the generated sheets (Summary, Alerts, Timeline) with XlsxWriter into a scratch package.

Constant-memory mode writes inline strings (nothing to add to the user's shared strings) and requires
rows in order, so each sheet is written top to bottom. The lists that grow with the plan (deadlines and
workload, a row per finding, a row per action) go to a `Bulk`, which writes their rows as XML itself, ten
times faster. Text from the user is always written as an escaped string: a cell reading "=HYPERLINK(…)"
stays inert text.
"""

from __future__ import annotations

import math
import re
import secrets
from datetime import date, timedelta
from pathlib import Path

import xlsxwriter

from ..figures import Figures
from ..findings import Report
from ..i18n import Locale, Text
from ..ooxml import workbook as workbook_part
from ..ooxml.bulk import Bulk
from ..ooxml.graft import Scratch
from ..reader import Plan
from ..styles import PALETTE
from ..values import id_key
from .base import SEVERITY_FILL, STATUS_FILL, Fmt, dt, header, quote, t, w
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


ACTION_WIDTH = 40  # the action's name, wrapped on as many lines as it needs
TODAY_HEAD = {"bg_color": "#C00000", "font_color": "#FFFFFF"}
PEAK = {"bg_color": "#FFD966", "font_color": "#7F6000"}  # a commercial peak: amber, its name in dark amber
HOLIDAY = {"bg_color": "#D9D9D9", "font_color": "#404040", "italic": True}  # a public holiday: grey, italic
BAND = "#FFF8E1"  # the background of the peaks' rows
HOLIDAY_NAME = re.compile(r"^\s*(?:férié|jour férié|public holiday|holiday)\s*:\s*", re.IGNORECASE)
MAX_LANES = 6  # rows of names per band at most
WEEK_CHARS = 4.6  # characters of an 8-point label that fit in a week's column (2.7 wide)
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
    widths = [7, ACTION_WIDTH, 12, 11, 10, 10]
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
    _month_labels(ws, fmt, row, base, weeks, lang)
    row += 1
    ws.write_string(row, 0, "", fmt.cell())
    ws.write_string(row, 1, "", fmt.cell())
    day_format = fmt(font_size=7, align="center", border=1, border_color="#D9D9D9")
    today_format = fmt(font_size=7, align="center", border=1, border_color="#D9D9D9", bold=True, **TODAY_HEAD)
    for i, week in enumerate(weeks):
        ws.write_number(row, base + i, week.day, today_format if i == today_week else day_format)
    header_row = row
    # Commercial peaks, then public holidays: each named on the sheet, in as many lanes as they need.
    row = _peak_bands(ws, fmt, plan, row, base, weeks, lang)
    ws.freeze_panes(row + 1, base)
    ws.repeat_rows(header_row - 1, row)
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
    wrap = fmt.cell(text_wrap=True)
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
            name = str(item.action.get("action") or "")
            lines = _lines(name)
            if lines > 1:
                rows.set_row(row, 15 * lines)
            rows.write_string(row, 0, str(item.action.get("id") or ""), plain)
            rows.write_string(row, 1, name, wrap)
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
            name = str(item.action.get("action") or "")
            lines = _lines(name)
            if lines > 1:
                rows.set_row(row, 15 * lines)
            rows.write_string(row, 0, str(item.action.get("id") or ""), fmt.cell())
            rows.write_string(row, 1, name, wrap)
    ws.print_area(0, 0, max(row, 4), base + len(weeks) - 1)  # the weeks, not the hidden proof column
    ws.protect("", {"format_columns": True, "format_rows": True})
    return rows


def _lines(name: str) -> int:
    """Lines the action's name takes in its wrapped column (about 45 characters a line)."""
    words = name.split()
    lines, used = 1, 0
    for word in words:
        if used and used + 1 + len(word) > ACTION_WIDTH + 5:
            lines, used = lines + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return min(lines + sum(1 for _ in re.finditer("\n", name)), 15)


def _month_labels(ws, fmt: Fmt, row: int, base: int, weeks: list[date], lang: str) -> None:
    """Each month named once, centred over its weeks (a week belongs to the month of its Thursday)."""
    loc = Locale(lang)
    spans: list[list] = []  # [first week, last week, month's date]
    for i, week in enumerate(weeks):
        thursday = week + timedelta(days=3)
        if spans and (spans[-1][2].year, spans[-1][2].month) == (thursday.year, thursday.month):
            spans[-1][1] = i
        else:
            spans.append([i, i, thursday])
    cell_format = fmt.head(align="center", font_size=8, text_wrap=False)
    for first, last, month in spans:
        label = loc.month(month, short=True)
        if last == first:  # a week alone: the month's short name only ("déc."), which fits
            ws.write_string(row, base + first, label.split()[0].rstrip("."), cell_format)
        else:
            ws.merge_range(row, base + first, row, base + last, label, cell_format)


def _peaks(plan: Plan, weeks: list[date]) -> list[tuple[bool, str, str, date, date, int, int]]:
    """(holiday?, short name, full name, start, end, first week, last week) of the peaks the weeks show."""
    found: list[tuple[bool, str, str, date, date, int, int]] = []
    if not weeks:
        return found
    for peak in plan.rows("peaks"):
        start, end = peak.get("start"), peak.get("end")
        if not isinstance(start, date):
            continue
        end = end if isinstance(end, date) and end >= start else start
        first = max(0, (start - weeks[0]).days // 7)
        last = min(len(weeks) - 1, (end - weeks[0]).days // 7)
        if first > last or end < weeks[0]:
            continue
        full = str(peak.get("name") or "").strip()
        short = HOLIDAY_NAME.sub("", full)
        holiday = short != full
        short = re.sub(rf"\s+{start.year}$", "", short) or full  # the month row already says the year
        found.append((holiday, short, full, start, end, first, last))
    return sorted(found, key=lambda p: (p[0], p[5], p[6]))


def _lanes(peaks: list, count: int) -> list[list[tuple]]:
    """The peaks laid out in rows so that no name runs over another: (peak, label column or None, right?).

    Past MAX_LANES rows, a peak still colours its weeks in the last row, unnamed there (its note names it).
    """
    lanes: list[list[tuple]] = []
    taken: list[list[tuple[int, int]]] = []
    for peak in peaks:
        first, last = peak[5], peak[6]
        need = max(last - first + 1, math.ceil((len(peak[1]) + 1) / WEEK_CHARS))
        if first + need <= count:
            span, at, right = (first, first + need - 1), first, False
        else:  # near the end of the weeks: the name ends at the peak's last week and runs to the left
            span, at, right = (max(0, last - need + 1), last), last, True
        for lane, spans in zip(lanes, taken, strict=True):
            if all(span[1] < a or span[0] > b for a, b in spans):
                lane.append((peak, at, right))
                spans.append(span)
                break
        else:
            if len(lanes) < MAX_LANES:
                lanes.append([(peak, at, right)])
                taken.append([span])
            else:
                lanes[-1].append((peak, None, False))
    return lanes


def _peak_bands(ws, fmt: Fmt, plan: Plan, row: int, base: int, weeks: list[date], lang: str) -> int:
    """The rows naming the commercial peaks and the public holidays over their weeks; the last row written."""
    peaks = _peaks(plan, weeks)
    band = fmt(bg_color=BAND)
    for holiday, title in ((False, "commercial_peaks"), (True, "public_holidays")):
        lanes = _lanes([p for p in peaks if p[0] == holiday], len(weeks))
        style = HOLIDAY if holiday else PEAK
        fill, head = fmt(**style), fmt(bold=True, bg_color=BAND, font_color=style["font_color"])
        for n, lane in enumerate(lanes):
            row += 1
            ws.write_string(row, 0, "", band)
            ws.write_string(row, 1, w(title, lang) if n == 0 else "", head)
            for c in range(2, base):
                ws.write_blank(row, c, None, band)
            formats: dict[int, object] = {}
            labels: dict[int, str] = {}
            notes: dict[int, list[str]] = {}
            for peak, at, _right in lane:
                for i in range(peak[5], peak[6] + 1):
                    formats[i] = fill
                key = "peak_note" if peak[4] > peak[3] else "peak_day_note"
                notes.setdefault(peak[5] if at is None else at, []).append(
                    w(key, lang, name=peak[2], start=peak[3], end=peak[4])
                )
            for peak, at, right in lane:  # the names over the colours
                if at is not None:
                    formats[at] = fmt(**style, font_size=8, align="right" if right else "left")
                    labels[at] = peak[1]
            for i in range(len(weeks)):
                if i in labels:
                    ws.write_string(row, base + i, labels[i], formats[i])
                else:
                    ws.write_blank(row, base + i, None, formats.get(i, band))
                if i in notes:
                    ws.write_comment(row, base + i, "\n".join(notes[i]), {"author": "mplan", "x_scale": 1.6})
    return row
