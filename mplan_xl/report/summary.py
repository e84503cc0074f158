"""The Summary's first page, the page for the boss: verdict, key figures, what changed, traffic lights,
deadlines and the main alerts, on one A4 landscape page; then the detail pages (`details`).

Page 1 is laid out as rows first (each a height and its cells) so that it can be checked to fit one
page before anything is written: the longest lists are shortened until it does. Two blocks side by side
(the objectives and the deadlines) are written row by row, as XlsxWriter's constant-memory mode wants.
The snapshot of what this report reported is written in row 1, in hidden columns far to the right,
outside the print area (SPEC section 5 "Snapshot").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .. import snapshot
from ..figures import Figures, Scheduled
from ..findings import Report
from ..i18n import Locale
from ..reader import Plan
from ..schema import SHEET
from .base import AMBER, GREEN, RED, SEVERITY_FILL, STATUS_FILL, Fmt, Pages, column_px, dt, header, t, w
from .details import details

WIDTHS = [34, 13, 11, 11, 11, 11, 26, 11, 11, 11, 14, 11, 11]  # A to M: the printed width of every page
LAST_COL = len(WIDTHS) - 1
RIGHT = 6  # column G: the right-hand blocks of page 1
SNAPSHOT_COL = 200  # column GS: the snapshot's cells, hidden
TEXT_CHARS = 130  # characters a line of text merged over B:M holds
MAX_LIST = 8  # objectives and deadlines listed on page 1, at most
ALERTS = 5


@dataclass
class Context:
    plan: Plan
    fig: Figures
    report: Report
    lang: str
    names: list[str]  # the generated sheets' names: summary, alerts, timeline
    generated: date
    current: dict  # the snapshot this report stores
    previous: dict | None  # the one the previous report stored

    @property
    def loc(self) -> Locale:
        return Locale(self.lang, str(self.plan.setting("currency", "EUR") or "EUR"))


def write_summary(workbook, ws, fmt: Fmt, ctx: Context):
    """Write the Summary; returns the Bulk of its long lists."""
    ws.set_default_row(15)  # written out: LibreOffice's own default is lower, and the pages are laid out for 15
    for c, width in enumerate(WIDTHS):
        ws.set_column(c, c, width)
    cells = snapshot.encode(ctx.current)
    for i, text in enumerate(cells):  # row 1 is still being written: in constant-memory mode, first
        ws.write_string(0, SNAPSHOT_COL + i, text)
    ws.set_column(SNAPSHOT_COL, SNAPSHOT_COL + len(cells) - 1, 8, None, {"hidden": True})
    header(ws, fmt, ctx.plan, SHEET["summary"].name(ctx.lang), ctx.fig.today, ctx.generated, ctx.lang)
    width = sum(column_px(x) for x in WIDTHS)
    pages = Pages(ws, width)
    pages.set_row(0, 24)
    rows = first_page(fmt, ctx, pages.capacity - pages.px(0, 2))
    row = 2
    for height, line in rows:
        if height:
            pages.set_row(row, height)
        for cell in line:
            _write(ws, row, cell)
        row += 1
    pages.new_page(row)
    bulk, last_row, last_col = details(workbook, ws, fmt, ctx, pages, row)
    pages.close()
    ws.print_area(0, 0, last_row, max(LAST_COL, last_col))
    ws.protect("", {"format_columns": True, "format_rows": True})
    return bulk


# -- page 1 as data --------------------------------------------------------------------------------------

# (col, kind, value, format, last col of a merge or None); the value's type goes with its kind ("s": str,
# "d": date, "n": a number), None writes a blank; the format is an XlsxWriter Format.
Cell = tuple[int, str, Any, Any, int | None]
PageRow = tuple[float | None, list[Cell]]  # (height in points, or None for the default; the row's cells)


def _write(ws, row: int, cell: Cell) -> None:
    col, kind, value, cell_format, last = cell
    if last is not None and last > col:
        ws.merge_range(row, col, row, last, "", cell_format)
    if value is None:
        ws.write_blank(row, col, None, cell_format)
    elif kind == "s":
        ws.write_string(row, col, value, cell_format)
    elif kind == "d":
        ws.write_datetime(row, col, dt(value), cell_format)
    else:
        ws.write_number(row, col, value, cell_format)


def _lines(text: str, chars: int) -> int:
    return max(1, -(-len(text) // chars))


def first_page(fmt: Fmt, ctx: Context, capacity: float) -> list[PageRow]:
    """Page 1's rows (from row 3 on), shortened until they fit in capacity pixels."""
    since = since_lines(ctx)
    lights, upcoming = objective_lights(ctx), deadlines_soon(ctx)
    keep = {"since": len(since), "lists": MAX_LIST}
    while True:
        rows = _page(fmt, ctx, since[: keep["since"]], len(since), lights, upcoming, keep["lists"])
        height = sum((h or 15) * 4 / 3 for h, _ in rows)
        if height <= capacity or (keep["since"] <= 2 and keep["lists"] <= 2):
            return rows
        if keep["since"] > 2 and (keep["since"] >= keep["lists"] or keep["lists"] <= 2):
            keep["since"] -= 1
        else:
            keep["lists"] -= 1


def _page(
    fmt: Fmt,
    ctx: Context,
    since: list[tuple[str, str]],
    since_total: int,
    lights: list[tuple[str, dict]],
    upcoming: list[Scheduled],
    limit: int,
) -> list[PageRow]:
    lang, loc = ctx.lang, ctx.loc
    rows: list[PageRow] = []
    text, colour = verdict(ctx)
    rows.append(
        (
            30,
            [
                (
                    0,
                    "s",
                    text,
                    fmt(
                        bold=True,
                        font_size=13,
                        bg_color=colour,
                        valign="vcenter",
                        text_wrap=True,
                        border=1,
                        border_color="#BFBFBF",
                    ),
                    LAST_COL,
                )
            ],
        )
    )
    rows.append((8, []))
    rows.extend(key_figures(fmt, ctx))
    rows.append((8, []))
    # Since the last report.
    title = (
        snapshot.WORDS["title"].format(loc, date=date.fromisoformat(ctx.previous["generated"]))
        if ctx.previous
        else None
    )
    rows.append((None, [(0, "s", title or w("since_none", lang), fmt.section(), None)]))
    if ctx.previous is None:
        rows.append((None, [(0, "s", snapshot.WORDS["first"](lang), fmt.note(), None)]))
    elif not since:
        rows.append((None, [(0, "s", snapshot.WORDS["none"](lang), fmt.note(), None)]))
    for label, line in since:
        if len(line) > 3 * TEXT_CHARS:
            line = line[: 3 * TEXT_CHARS - 1] + "…"
        rows.append(
            (
                15 * _lines(line, TEXT_CHARS) if len(line) > TEXT_CHARS else None,
                [(0, "s", label, fmt.cell(bold=True), None), (1, "s", line, fmt.cell(text_wrap=True), LAST_COL)],
            )
        )
    if len(since) < since_total:
        rows.append((None, [(1, "s", w("more_changes", lang, n=since_total - len(since)), fmt.note(), None)]))
    rows.append((8, []))
    rows.extend(_side_by_side(_lights_rows(fmt, ctx, lights, limit), _upcoming_rows(fmt, ctx, upcoming, limit)))
    rows.append((8, []))
    rows.extend(alert_rows(fmt, ctx))
    return rows


def _side_by_side(left: list[PageRow], right: list[PageRow]) -> list[PageRow]:
    rows: list[PageRow] = []
    for i in range(max(len(left), len(right))):
        empty: PageRow = (None, [])
        a = left[i] if i < len(left) else empty
        b = right[i] if i < len(right) else empty
        heights = [h for h in (a[0], b[0]) if h]
        rows.append((max(heights) if heights else None, a[1] + b[1]))
    return rows


# -- the blocks ------------------------------------------------------------------------------------------


def verdict(ctx: Context) -> tuple[str, str]:
    """The one line for the boss, and its colour: errors, budget, late objectives, late actions."""
    fig, loc, counts = ctx.fig, ctx.loc, ctx.report.counts
    envelope_set = ctx.plan.setting("envelope") is not None
    parts = [loc.plural(counts["error"], w("error", loc))]
    forecast = fig.projected_spend or 0.0
    if envelope_set and fig.envelope and forecast > fig.envelope:
        parts.append(w("budget_over", loc, forecast=_money(loc, forecast), envelope=_money(loc, fig.envelope)))
    elif envelope_set and fig.budget_used is not None:
        parts.append(w("budget_envelope", loc, used=loc.percent(fig.budget_used), forecast=_money(loc, forecast)))
    else:
        parts.append(w("budget_bottom_up", loc, planned=_money(loc, fig.planned_spend), forecast=_money(loc, forecast)))
    late_objectives = sum(o["status"] == "off_track" for o in fig.objectives.values())
    parts.append(loc.plural(late_objectives, w("late_objective", loc), w("late_objectives", loc)))
    parts.append(loc.plural(len(fig.overdue), w("late_action", loc), w("late_actions", loc)))
    over = envelope_set and fig.envelope and (forecast > fig.envelope or (fig.budget_used or 0) > 1)
    warn = ctx.plan.setting("budget_warn", 0.9) or 0.9
    if counts["error"] or over:
        colour = RED
    elif late_objectives or fig.overdue or (envelope_set and (fig.budget_used or 0) > warn):
        colour = AMBER
    else:
        colour = GREEN
    return " · ".join(parts), colour


def _money(loc: Locale, value: float) -> str:
    return loc.money(value)


def key_figures(fmt: Fmt, ctx: Context) -> list[PageRow]:
    fig, lang = ctx.fig, ctx.lang
    envelope_set = ctx.plan.setting("envelope") is not None
    label, money = fmt.cell(bold=True), fmt.cell("money", bold=True)
    gap_colour = RED if fig.planned_to_date and fig.to_date_gap > 0.1 * fig.planned_to_date else None
    forecast_colour = (
        RED
        if envelope_set and fig.projected_spend and fig.envelope is not None and fig.projected_spend > fig.envelope
        else None
    )
    left: list[PageRow] = [
        (None, [(0, "s", w("to_date", lang), fmt.section(), 1)]),
        (None, [(0, "s", w("planned_to_date", lang), label, None), (1, "n", fig.planned_to_date, money, None)]),
        (None, [(0, "s", w("actual_to_date", lang), label, None), (1, "n", fig.actual_to_date, money, None)]),
        (
            None,
            [
                (0, "s", w("gap_to_date", lang), label, None),
                (
                    1,
                    "n",
                    fig.to_date_gap,
                    fmt.cell("money", bold=True, **({"bg_color": gap_colour} if gap_colour else {})),
                    None,
                ),
            ],
        ),
    ]
    used = fig.budget_used if envelope_set else None
    right: list[PageRow] = [
        (None, [(RIGHT, "s", w("at_completion", lang), fmt.section(), RIGHT + 2)]),
        (
            None,
            [(RIGHT, "s", w("planned_spend", lang), label, None), (RIGHT + 1, "n", fig.planned_spend, money, None)]
            + (
                [
                    (RIGHT + 2, "n", used, fmt.cell("pct"), None),
                    (RIGHT + 3, "s", w("of_envelope", lang), fmt.note(), None),
                ]
                if used is not None
                else []
            ),
        ),
        (
            None,
            [
                (RIGHT, "s", w("forecast", lang), label, None),
                (
                    RIGHT + 1,
                    "n",
                    fig.projected_spend or 0.0,
                    fmt.cell("money", bold=True, **({"bg_color": forecast_colour} if forecast_colour else {})),
                    None,
                ),
            ],
        ),
        (
            None,
            [
                (RIGHT, "s", w("envelope" if envelope_set else "envelope_none", lang), label, None),
                (RIGHT + 1, "n", fig.envelope or 0.0, money, None),
            ],
        ),
    ]
    return _side_by_side(left, right)


def since_lines(ctx: Context) -> list[tuple[str, str]]:
    if ctx.previous is None:
        return []
    return snapshot.lines(snapshot.compare(ctx.previous, ctx.current), ctx.loc)


def objective_lights(ctx: Context) -> list[tuple[str, dict]]:
    found: list[tuple[str, dict]] = []
    for row in ctx.plan.rows("objectives"):
        ident = row.get("id")
        if ident and ident in ctx.fig.objectives:
            found.append((f"{ident} — {row.get('objective') or ''}".strip(" —"), ctx.fig.objectives[ident]))
    return found


def _lights_rows(fmt: Fmt, ctx: Context, lights: list[tuple[str, dict]], limit: int) -> list[PageRow]:
    lang = ctx.lang
    rows: list[PageRow] = [(None, [(0, "s", w("lights", lang), fmt.section(), 4)])]
    head = fmt.head()
    rows.append(
        (
            30,
            [
                (c, "s", w(key, lang), head, None)
                for c, key in enumerate(("objective", "status", "progress", "expected", "last_reading"))
            ],
        )
    )
    if not lights:
        rows.append((None, [(0, "s", w("no_objective", lang), fmt.note(), None)]))
    for name, status in lights[:limit]:
        short = name if len(name) <= 38 else name[:37] + "…"
        line: list[Cell] = [
            (0, "s", short, fmt.cell(), None),
            (1, "s", t(status["status"], lang), fmt.cell(bold=True, bg_color=STATUS_FILL[status["status"]]), None),
        ]
        for c, key in ((2, "progress"), (3, "expected")):
            value = status[key]
            line.append(
                (c, "n", value, fmt.cell("pct"), None)
                if value is not None
                else (c, "s", "–", fmt.cell(align="right"), None)
            )
        measured = status.get("measured_on")
        line.append(
            (4, "d", date.fromisoformat(measured), fmt.cell("date"), None)
            if measured
            else (4, "s", "–", fmt.cell(align="right"), None)
        )
        rows.append((None, line))
    if len(lights) > limit:
        rows.append((None, [(0, "s", w("more", lang, n=len(lights) - limit), fmt.note(), None)]))
    return rows


def deadlines_soon(ctx: Context) -> list[Scheduled]:
    """Overdue actions, then those ending within 30 days, by end date (active, not done)."""
    fig = ctx.fig
    horizon = fig.today + timedelta(days=30)
    found = [
        i
        for i in fig.items
        if i.active and i.scheduled and i.status != "done" and i.due <= horizon and i.action.get("id")
    ]
    return sorted(found, key=lambda i: (i.due, str(i.action.get("id"))))


def _upcoming_rows(fmt: Fmt, ctx: Context, items: list[Scheduled], limit: int) -> list[PageRow]:
    lang, today = ctx.lang, ctx.fig.today
    rows: list[PageRow] = [(None, [(RIGHT, "s", w("upcoming", lang), fmt.section(), RIGHT + 4)])]
    head = fmt.head()
    keys = (("action", t), ("owner", t), ("deadline", t), ("in_days", w), ("status", w))
    rows.append((30, [(RIGHT + c, "s", word(key, lang), head, None) for c, (key, word) in enumerate(keys)]))
    if not items:
        rows.append((None, [(RIGHT, "s", w("no_upcoming", lang), fmt.note(), None)]))
    for item in items[:limit]:
        name = f"{item.action.get('id')} — {item.action.get('action') or ''}".strip(" —")
        late = item.due < today
        owner = item.schedule.get("owner") if item.schedule else None
        rows.append(
            (
                None,
                [
                    (RIGHT, "s", name if len(name) <= 30 else name[:29] + "…", fmt.cell(), None),
                    (RIGHT + 1, "s", str(owner or ""), fmt.cell(), None),
                    (RIGHT + 2, "d", item.due, fmt.cell("date"), None),
                    (RIGHT + 3, "s", ctx.loc.in_days((item.due - today).days), fmt.cell(), None),
                    (
                        RIGHT + 4,
                        "s",
                        w("overdue", lang) if late else t("due_soon", lang),
                        fmt.cell(bold=True, bg_color=RED if late else AMBER),
                        None,
                    ),
                ],
            )
        )
    if len(items) > limit:
        rows.append((None, [(RIGHT, "s", w("more", lang, n=len(items) - limit), fmt.note(), None)]))
    return rows


def alert_rows(fmt: Fmt, ctx: Context) -> list[PageRow]:
    lang, findings = ctx.lang, ctx.report.findings
    rows: list[PageRow] = [(None, [(0, "s", w("top_alerts", lang), fmt.section(), None)])]
    if not findings:
        rows.append((None, [(0, "s", w("no_alert", lang), fmt(bold=True, font_color="#375623", bg_color=GREEN), None)]))
        return rows
    head = fmt.head()
    rows.append(
        (
            None,
            [
                (0, "s", t("severity", lang), head, None),
                (1, "s", t("code", lang), head, None),
                (2, "s", w("where", lang), head, 3),
                (4, "s", t("message", lang), head, LAST_COL),
            ],
        )
    )
    message_chars = 110
    for finding in findings[:ALERTS]:
        lines = _lines(finding.message, message_chars)
        rows.append(
            (
                15 * lines if lines > 1 else None,
                [
                    (
                        0,
                        "s",
                        t(finding.severity, lang),
                        fmt.cell(bold=True, bg_color=SEVERITY_FILL[finding.severity]),
                        None,
                    ),
                    (1, "s", finding.code, fmt.cell(), None),
                    (2, "s", f"{finding.sheet}!{finding.cell}", fmt.cell(), 3),
                    (4, "s", finding.message, fmt.cell(text_wrap=True), LAST_COL),
                ],
            )
        )
    rows.append((None, [(0, "s", w("all_alerts", lang, n=len(findings), sheet=ctx.names[1]), fmt.note(), None)]))
    return rows
