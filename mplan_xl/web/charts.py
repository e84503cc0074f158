"""The result page's charts, drawn on the server as inline SVG: plan vs actual per month and per channel,
objectives' progress against the share expected at their reading date.

Each chart is a standalone SVG 1.1 fragment returned as a plain `str` (the web layer marks it safe), or None
when there is nothing to draw. The page's Content-Security-Policy allows no inline style or script, so the
SVG has neither: no `style` attribute, no `<style>`, no `<script>`, no event attribute, no reference but
`#id`. Colours are presentation attributes; the elements a stylesheet may restyle carry these classes:

    mp-chart                   the <svg> root; it has a viewBox and no width: `.mp-chart {width: 100%; height: auto}`
    mp-chart-month, mp-chart-channel, mp-chart-objectives    the root, by chart
    mp-legend                  the legend's group; mp-key is one swatch, mp-label its text
    mp-axis, mp-grid, mp-tick  axis line, grid lines, tick labels; mp-zero the zero line
    mp-caption                 a panel's caption (« Par mois », « Cumulé »)
    mp-bar                     a bar, with mp-planned or mp-actual (month and channel charts), or the objective's
                               status: mp-achieved, mp-on-track, mp-off-track (mp-no-data is its text)
    mp-line                    a line, with mp-planned or mp-actual (cumulated); mp-envelope the envelope's line
    mp-dot                     a point of the cumulated actual line
    mp-expected                the mark of an objective's expected share
    mp-value                   a value written at a bar's end; mp-name a row's name (channel, objective)
    mp-month, mp-row           the group of one month, of one row (its <title> shows on hover)
    mp-note                    a note under the chart (« … et 4 autres objectifs »)

Every text from the workbook is escaped and stripped of characters XML cannot carry; a long name is
shortened with an ellipsis, the whole name in its row's <title>. Amounts, percents and months are written by
`Locale` (« 8 000 € », « 95 % », « janv. 27 » in French; "€8,000", "95%", "Jan 27" in English).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from html import escape

from ..figures import ACHIEVED, NO_DATA, OFF_TRACK, ON_TRACK, Figures
from ..figures import month_rows as figure_month_rows
from ..i18n import Locale, Text, norm_lang
from ..pipeline import Checked
from ..report.words import WORDS
from ..texts import REPORT

WIDTH = 480  # viewBox width: scaled by the page to a 390 px phone or a 1280 px screen
FONT = 12
MAX_CHANNELS = 12  # then « Autres »
MAX_OBJECTIVES = 20
NAME_CHARS = 24  # a row's name beyond this is shortened
LIMIT = 1e15  # no plan spends more; a larger figure is a typing error, drawn at this size

PLANNED, ACTUAL, ENVELOPE, INK, GRID = "#9DC3E6", "#2E75B6", "#C00000", "#404040", "#E0E0E0"
STATUS_COLOURS = {ACHIEVED: "#70AD47", ON_TRACK: "#2E75B6", OFF_TRACK: "#C00000", NO_DATA: "#A6A6A6"}

# Words the workbook's report has no use for; every other word is the report's own.
CHART_WORDS = {
    "by_channel": Text("Prévu et réel par canal", "Plan vs actual per channel"),
    "others": Text("Autres ({n})", "Others ({n})"),
    "month_desc": Text(
        "{months}, de {first} à {last} : {planned} prévus, {actual} réels à date.",
        "{months}, {first} to {last}: {planned} planned, {actual} actual to date.",
    ),
    "envelope_desc": Text("Enveloppe : {envelope}.", "Envelope: {envelope}."),
    "channel_desc": Text(
        "{channels} : {planned} prévus, {actual} réels.", "{channels}: {planned} planned, {actual} actual."
    ),
    "row_desc": Text("{name} : {planned} prévus, {actual} réels", "{name}: {planned} planned, {actual} actual"),
    "more_objectives": Text("… et {n} autres objectifs", "… and {n} more objectives"),
}
MONTHS_WORD, CHANNELS_WORD, OBJECTIVES_WORD = ("mois", "month"), ("canal", "channel"), ("objectif", "objective")
PLURALS = {
    MONTHS_WORD: ("mois", "months"),
    CHANNELS_WORD: ("canaux", "channels"),
    OBJECTIVES_WORD: ("objectifs", "objectives"),
}
STATUS_CLASS = {ACHIEVED: "mp-achieved", ON_TRACK: "mp-on-track", OFF_TRACK: "mp-off-track", NO_DATA: "mp-no-data"}

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


# -- text and numbers ------------------------------------------------------------------------------------


def _e(value: object) -> str:
    """Text for an SVG element or attribute: escaped, without the characters XML 1.0 cannot carry."""
    return escape(_NOT_XML.sub("", str(value)), quote=True)


def _short(text: str, limit: int = NAME_CHARS) -> str:
    text = " ".join(_NOT_XML.sub("", text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _num(value: object) -> float:
    """A figure as a finite float: None, text, NaN or infinity count as 0; beyond ±LIMIT it is drawn at ±LIMIT,
    so that no sum of them overflows into "inf"."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        number = LIMIT if value > 0 else -LIMIT
    return max(-LIMIT, min(LIMIT, number)) if math.isfinite(number) else 0.0


def _c(value: float) -> str:
    """A coordinate, to a tenth."""
    text = f"{value:.1f}".rstrip("0").rstrip(".") if math.isfinite(value) else "0"
    return "0" if text == "-0" else text


def _text_width(text: str, size: float = FONT) -> float:
    return len(text) * size * 0.6


def _report(key: str, lang: str) -> str:
    return Text(*REPORT[key])(lang)


def _count(loc: Locale, n: int, word: tuple[str, str]) -> str:
    return loc.count(n, word, PLURALS[word])


# -- scales ----------------------------------------------------------------------------------------------


def nice_ticks(low: float, high: float, min_step: float = 0.0) -> list[float]:
    """3 to 5 round ticks (1, 2, 2.5 or 5 × 10ⁿ apart) that cover [low, high] and include 0 when it is inside."""
    low, high = min(low, high), max(low, high)
    span = high - low or abs(high) or 1.0
    raw = max(span / 4, min_step, 1e-12)
    power = 10 ** math.floor(math.log10(raw))
    steps = [m * power * 10**k for k in (0, 1, 2) for m in (1, 2, 2.5, 5)]
    for step in steps:
        if step < raw or step < min_step:
            continue
        first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
        if last - first <= 4:
            last = max(last, first + 2)  # at least three ticks
            return [n * step for n in range(first, last + 1)]
    return [low, (low + high) / 2, high]  # not reached: the last step is at least ten times the span


@dataclass(frozen=True)
class Scale:
    """Maps [low, high] (the ticks' range) to pixels [start, end]; values outside are clamped."""

    ticks: list[float]
    start: float
    end: float

    def __call__(self, value: float) -> float:
        low, high = self.ticks[0], self.ticks[-1]
        value = min(high, max(low, value))
        return self.start + (value - low) / (high - low) * (self.end - self.start)


# -- drawing ---------------------------------------------------------------------------------------------


class Canvas:
    """The elements of one chart, written as SVG text."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, element: str) -> None:
        self.parts.append(element)

    def rect(self, x: float, y: float, w: float, h: float, fill: str, cls: str) -> None:
        x, w = (x + w, -w) if w < 0 else (x, w)
        y, h = (y + h, -h) if h < 0 else (y, h)
        self.add(f'<rect class="{cls}" x="{_c(x)}" y="{_c(y)}" width="{_c(w)}" height="{_c(h)}" fill="{fill}"/>')

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str, cls: str, extra: str = "") -> None:
        self.add(
            f'<line class="{cls}" x1="{_c(x1)}" y1="{_c(y1)}" x2="{_c(x2)}" y2="{_c(y2)}" stroke="{stroke}"{extra}/>'
        )

    def text(self, x: float, y: float, text: str, cls: str, anchor: str = "start", size: int = FONT) -> None:
        size_attr = "" if size == FONT else f' font-size="{size}"'
        self.add(
            f'<text class="{cls}" x="{_c(x)}" y="{_c(y)}" text-anchor="{anchor}" fill="{INK}"{size_attr}>{_e(text)}</text>'
        )

    def open(self, cls: str, title: str) -> None:
        self.add(f'<g class="{cls}"><title>{_e(title)}</title>')

    def close(self) -> None:
        self.add("</g>")

    def legend(self, keys: Iterable[tuple[str, str, str, str]], y: float, left: float = 8) -> float:
        """Swatches and words on as many lines as they need; returns the y below them.
        keys: (label, shape: "box", "line", "dash" or "mark", colour, class)."""
        self.add('<g class="mp-legend">')
        x = left
        for label, shape, colour, cls in keys:
            width = 18 + _text_width(label) + 14
            if x + width > WIDTH - 8 and x > left:
                x, y = left, y + 18
            if shape == "box":
                self.rect(x, y - 9, 12, 10, colour, f"mp-key {cls}")
            elif shape == "mark":
                self.line(x + 6, y - 11, x + 6, y + 3, colour, f"mp-key {cls}", ' stroke-width="2"')
            else:
                dash = ' stroke-dasharray="5 3"' if shape == "dash" else ""
                self.line(x, y - 4, x + 14, y - 4, colour, f"mp-key {cls}", f' stroke-width="2.5"{dash}')
            self.text(x + 18, y, label, "mp-label")
            x += width
        self.close()
        return y + 16

    def svg(self, kind: str, height: float, title: str, desc: str) -> str:
        ident = f"mp-{kind}"
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" class="mp-chart mp-chart-{kind}" '
            f'viewBox="0 0 {WIDTH} {_c(math.ceil(height))}" preserveAspectRatio="xMidYMin meet" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" font-family="system-ui, sans-serif" font-size="{FONT}">'
            f'<title id="{ident}-title">{_e(title)}</title><desc id="{ident}-desc">{_e(desc)}</desc>'
            + "".join(self.parts)
            + "</svg>"
        )


def _y_axis(canvas: Canvas, scale: Scale, left: float, right: float, label) -> None:
    """Horizontal grid lines at each tick of a vertical scale, their labels left of `left`."""
    for tick in scale.ticks:
        y = scale(tick)
        canvas.line(left, y, right, y, INK if tick == 0 else GRID, "mp-zero" if tick == 0 else "mp-grid")
        canvas.text(left - 6, y + 4, label(tick), "mp-tick", "end", 11)


def _x_axis(canvas: Canvas, scale: Scale, top: float, bottom: float, label) -> None:
    """Vertical grid lines at each tick of a horizontal scale, their labels under `bottom` (every other one when
    long amounts would overlap)."""
    labels = [label(tick) for tick in scale.ticks]
    gap = abs(scale(scale.ticks[1]) - scale(scale.ticks[0]))
    every = max(1, math.ceil((max(_text_width(t, 11) for t in labels) + 6) / gap))
    for i, (tick, text) in enumerate(zip(scale.ticks, labels, strict=True)):
        x = scale(tick)
        canvas.line(x, top, x, bottom, INK if tick == 0 else GRID, "mp-zero" if tick == 0 else "mp-grid")
        if i % every == 0:
            canvas.text(x, bottom + 14, text, "mp-tick", "middle", 11)


def _locale(checked: Checked, lang: str) -> Locale:
    return Locale(norm_lang(lang) or "fr", str(checked.plan.setting("currency", "EUR") or "EUR"))


# -- per month -------------------------------------------------------------------------------------------


def month_rows(checked: Checked) -> list[tuple[str, float, float | None, float, float | None]]:
    """figures.month_rows, each amount made finite (a workbook can hold an infinite or NaN figure)."""
    return [
        (
            key,
            _num(planned),
            None if actual is None else _num(actual),
            _num(cum_p),
            None if cum_a is None else _num(cum_a),
        )
        for key, planned, actual, cum_p, cum_a in figure_month_rows(checked.plan, checked.figures)
    ]


def month_chart(checked: Checked, lang: str) -> str | None:
    """Planned and actual bars per month of the plan period, then the cumulated planned and actual against the
    envelope. None when nothing is scheduled and nothing spent (an empty plan's period alone is no chart)."""
    fig: Figures = checked.figures
    if not fig.by_month and not fig.actual_by_month:
        return None
    rows = month_rows(checked)
    if not rows:
        return None
    loc = _locale(checked, lang)
    envelope = _num(checked.plan.setting("envelope")) or None
    canvas = Canvas()
    keys = [
        (WORDS["planned"](loc.lang), "box", PLANNED, "mp-planned"),
        (WORDS["actual"](loc.lang), "box", ACTUAL, "mp-actual"),
        (WORDS["cum_planned"](loc.lang), "line", PLANNED, "mp-planned"),
        (WORDS["cum_actual"](loc.lang), "line", ACTUAL, "mp-actual"),
    ]
    if envelope:
        keys.append((WORDS["envelope"](loc.lang), "dash", ENVELOPE, "mp-envelope"))
    top = canvas.legend(keys, 16) + 8
    monthly = [v for _, p, a, _, _ in rows for v in (p, a or 0.0)]
    cumulated = [v for _, _, _, cp, ca in rows for v in (cp, ca or 0.0)] + [envelope or 0.0]
    bars_ticks = nice_ticks(min(0.0, *monthly), max(0.0, *monthly), 1)
    cum_ticks = nice_ticks(min(0.0, *cumulated), max(0.0, *cumulated), 1)
    left = 12 + max(_text_width(loc.money(t), 11) for t in bars_ticks + cum_ticks)
    right = WIDTH - 12
    slot = (right - left) / len(rows)
    centre = [left + slot * (i + 0.5) for i in range(len(rows))]

    canvas.text(left, top, WORDS["per_month_axis"](loc.lang), "mp-caption", size=11)
    bars = Scale(bars_ticks, top + 150, top + 12)
    _y_axis(canvas, bars, left, right, loc.money)
    bar = min(slot * 0.38, 24)
    for x, (key, planned, actual, _, _) in zip(centre, rows, strict=True):
        label = f"{loc.month(key)} — {WORDS['planned'](loc.lang)} {loc.money(planned)}"
        if actual is not None:
            label += f" · {WORDS['actual'](loc.lang)} {loc.money(actual)}"
        canvas.open("mp-month", label)
        canvas.rect(x - bar, bars(0), bar, bars(planned) - bars(0), PLANNED, "mp-bar mp-planned")
        if actual is not None:
            canvas.rect(x, bars(0), bar, bars(actual) - bars(0), ACTUAL, "mp-bar mp-actual")
        canvas.close()

    top += 172
    canvas.text(left, top, WORDS["cumulated_axis"](loc.lang), "mp-caption", size=11)
    cum = Scale(cum_ticks, top + 130, top + 12)
    _y_axis(canvas, cum, left, right, loc.money)
    if envelope:
        y = cum(envelope)
        canvas.line(left, y, right, y, ENVELOPE, "mp-envelope", ' stroke-width="1.5" stroke-dasharray="5 3"')
        canvas.text(right, y - 4, f"{WORDS['envelope'](loc.lang)} {loc.money(envelope)}", "mp-value", "end", 11)
    planned_points = [(x, cum(r[3])) for x, r in zip(centre, rows, strict=True)]
    actual_points = [(x, cum(r[4])) for x, r in zip(centre, rows, strict=True) if r[4] is not None]
    for points, colour, cls in ((planned_points, PLANNED, "mp-planned"), (actual_points, ACTUAL, "mp-actual")):
        if len(points) > 1:
            path = " ".join(f"{_c(x)},{_c(y)}" for x, y in points)
            canvas.add(
                f'<polyline class="mp-line {cls}" points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
            )
    for x, y in actual_points:
        canvas.add(f'<circle class="mp-dot mp-actual" cx="{_c(x)}" cy="{_c(y)}" r="2.5" fill="{ACTUAL}"/>')

    bottom = top + 130
    every = max(1, math.ceil((_text_width("janv. 27", 11) + 6) / slot))
    for i in range(0, len(rows), every):
        canvas.text(centre[i], bottom + 16, loc.month(rows[i][0], short=True), "mp-tick", "middle", 11)

    last = rows[-1]
    actual_total = next((r[4] for r in reversed(rows) if r[4] is not None), _num(fig.actual_by_month.get("undated")))
    desc = CHART_WORDS["month_desc"](loc.lang).format(
        months=_count(loc, len(rows), MONTHS_WORD),
        first=loc.month(rows[0][0]),
        last=loc.month(last[0]),
        planned=loc.money(last[3]),
        actual=loc.money(actual_total),
    )
    if envelope:
        desc += " " + CHART_WORDS["envelope_desc"](loc.lang).format(envelope=loc.money(envelope))
    return canvas.svg("month", bottom + 26, WORDS["plan_vs_actual"](loc.lang), desc)


# -- per channel -----------------------------------------------------------------------------------------


def channel_rows(checked: Checked, lang: str) -> list[tuple[str, float, float]]:
    """(name, planned, actual) per channel, by planned spend, the largest first; beyond MAX_CHANNELS the rest
    is added up as « Autres (n) »."""
    rows = [
        (name or _report("none", lang), _num(b.get("planned_cost")), _num(b.get("actual_cost")))
        for name, b in checked.figures.by_channel.items()
    ]
    rows.sort(key=lambda r: (-r[1], -r[2], r[0]))
    if len(rows) > MAX_CHANNELS:
        rest = rows[MAX_CHANNELS:]
        others = CHART_WORDS["others"](lang).format(n=len(rest))
        rows = rows[:MAX_CHANNELS] + [(others, sum(r[1] for r in rest), sum(r[2] for r in rest))]
    return rows


def channel_chart(checked: Checked, lang: str) -> str | None:
    """Horizontal bars, planned above actual, per channel by planned spend. None without any action."""
    loc = _locale(checked, lang)
    rows = channel_rows(checked, loc.lang)
    if not rows:
        return None
    canvas = Canvas()
    keys = [
        (WORDS["planned"](loc.lang), "box", PLANNED, "mp-planned"),
        (WORDS["actual"](loc.lang), "box", ACTUAL, "mp-actual"),
    ]
    top = canvas.legend(keys, 16) + 6
    values = [v for _, p, a in rows for v in (p, a)]
    ticks = nice_ticks(min(0.0, *values), max(0.0, *values), 1)
    left = 8 + _text_width("x" * NAME_CHARS) + 8
    right = WIDTH - 10 - max(_text_width(loc.money(v), 10) for v in values + ticks)
    scale = Scale(ticks, left, right)
    pitch = 30
    bottom = top + pitch * len(rows)
    _x_axis(canvas, scale, top, bottom, loc.money)
    for i, (name, planned, actual) in enumerate(rows):
        y = top + pitch * i + 4
        canvas.open(
            "mp-row",
            CHART_WORDS["row_desc"](loc.lang).format(name=name, planned=loc.money(planned), actual=loc.money(actual)),
        )
        canvas.text(left - 8, y + 15, _short(name), "mp-name", "end")
        for offset, value, colour, cls in ((0, planned, PLANNED, "mp-planned"), (11, actual, ACTUAL, "mp-actual")):
            canvas.rect(scale(0), y + offset, scale(value) - scale(0), 10, colour, f"mp-bar {cls}")
            canvas.text(max(scale(0), scale(value)) + 4, y + offset + 9, loc.money(value), "mp-value", size=10)
        canvas.close()
    desc = CHART_WORDS["channel_desc"](loc.lang).format(
        channels=_count(loc, len(checked.figures.by_channel), CHANNELS_WORD),
        planned=loc.money(sum(r[1] for r in rows)),
        actual=loc.money(sum(r[2] for r in rows)),
    )
    detail = " ; " if loc.fr else "; "
    desc += " " + detail.join(
        CHART_WORDS["row_desc"](loc.lang).format(name=n, planned=loc.money(p), actual=loc.money(a)) for n, p, a in rows
    )
    return canvas.svg("channel", bottom + 24, CHART_WORDS["by_channel"](loc.lang), desc + ".")


# -- objectives ------------------------------------------------------------------------------------------


def objectives_chart(checked: Checked, lang: str) -> str | None:
    """One bar per objective: its progress (colour: its status), a mark at the share expected at its reading's
    date. None without any objective."""
    loc = _locale(checked, lang)
    found = checked.figures.objectives
    if not found:
        return None
    names = {}
    for row in checked.plan.rows("objectives"):
        ident = row.get("id")
        if ident in found and ident not in names:
            names[ident] = f"{ident} · {row.get('objective')}" if row.get("objective") else str(ident)
    idents = list(found)
    shown = idents[:MAX_OBJECTIVES]
    progress = [_num(found[i].get("progress")) for i in shown] + [_num(found[i].get("expected")) for i in shown]
    ticks = nice_ticks(max(-1.0, min(0.0, *progress)), min(3.0, max(1.0, *progress)))
    canvas = Canvas()
    statuses = (ACHIEVED, ON_TRACK, OFF_TRACK, NO_DATA)
    keys = [(_report(s, loc.lang), "box", STATUS_COLOURS[s], STATUS_CLASS[s]) for s in statuses]
    keys.append((WORDS["expected"](loc.lang), "mark", INK, "mp-expected"))
    top = canvas.legend(keys, 16) + 6
    left = 8 + _text_width("x" * NAME_CHARS) + 8
    right = WIDTH - 10 - _text_width(loc.percent(9.99), 10)
    scale = Scale(ticks, left, right)
    pitch = 26
    bottom = top + pitch * len(shown)
    _x_axis(canvas, scale, top, bottom, loc.percent)
    counts = dict.fromkeys(statuses, 0)
    for entry in found.values():
        counts[entry.get("status") if entry.get("status") in counts else NO_DATA] += 1
    for i, ident in enumerate(shown):
        entry = found[ident]
        status = entry.get("status") if entry.get("status") in STATUS_COLOURS else NO_DATA
        name = names.get(ident, str(ident))
        tip = [name, _report(status, loc.lang)]
        value, expected = entry.get("progress"), entry.get("expected")
        if value is not None:
            tip.append(f"{WORDS['progress'](loc.lang)} {loc.percent(_num(value))}")
        if expected is not None:
            tip.append(f"{WORDS['expected'](loc.lang)} {loc.percent(_num(expected))}")
        if entry.get("measured_on"):
            tip.append(f"{WORDS['last_reading'](loc.lang)} {loc.date(_iso(entry['measured_on']))}")
        y = top + pitch * i + 5
        canvas.open("mp-row", " · ".join(tip))
        canvas.text(left - 8, y + 12, _short(name), "mp-name", "end")
        mark = scale(_num(expected)) if expected is not None else None
        if value is None:
            label, start = _report(NO_DATA, loc.lang), scale(0)
            if mark is not None and start - 2 <= mark <= start + _text_width(label, 10) + 6:
                start = mark + 1
            canvas.text(start + 4, y + 12, label, "mp-value mp-no-data", size=10)
        else:
            number, colour, cls = _num(value), STATUS_COLOURS[status], f"mp-bar {STATUS_CLASS[status]}"
            canvas.rect(scale(0), y, scale(number) - scale(0), 16, colour, cls)
            label, end = loc.percent(number), max(scale(0), scale(number))
            if mark is not None and end - 2 <= mark <= end + _text_width(label, 10) + 6:
                end = mark + 1  # the label after the mark, not under it
            canvas.text(end + 4, y + 12, label, "mp-value", size=10)
        if mark is not None:
            canvas.line(mark, y - 3, mark, y + 19, INK, "mp-expected", ' stroke-width="2"')
        canvas.close()
    height = bottom + 24
    if len(idents) > len(shown):
        canvas.text(
            8, height + 4, CHART_WORDS["more_objectives"](loc.lang).format(n=len(idents) - len(shown)), "mp-note"
        )
        height += 16
    colon = "\u00a0: " if loc.fr else ": "
    desc = _count(loc, len(idents), OBJECTIVES_WORD) + colon
    desc += ", ".join(f"{_report(s, loc.lang)} {counts[s]}" for s in statuses if counts[s]) + "."
    return canvas.svg("objectives", height, _report("chart_objectives", loc.lang), desc)


def _iso(text: str) -> date:
    return date.fromisoformat(text)


# -- the page's list -------------------------------------------------------------------------------------


def charts(checked: Checked, lang: str) -> list[tuple[str, str]]:
    """(title in lang, svg) of each chart there is something to draw for, in the page's order."""
    lang = norm_lang(lang) or "fr"
    titles = (
        (WORDS["plan_vs_actual"], month_chart),
        (CHART_WORDS["by_channel"], channel_chart),
        (Text(*REPORT["chart_objectives"]), objectives_chart),
    )
    found = []
    for title, draw in titles:
        svg = draw(checked, lang)
        if svg is not None:
            found.append((title(lang), svg))
    return found
