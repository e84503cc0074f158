"""What the generated sheets share: cell formats, words, the sheet header, and the Summary's page layout.

The Summary prints on A4 landscape, one page wide. `Pages` keeps track of the rows written and of their
heights, so that each block (a table with its chart) starts on a new page when it would not fit in what
is left of the current one: no table or chart is cut by a page break, except a table longer than a page.
"""

from __future__ import annotations

from datetime import date, datetime

from .. import texts
from ..i18n import Locale
from ..styles import PALETTE, date_format, money_format
from .words import WORDS

STATUS_FILL = {"achieved": "#C6EFCE", "on_track": "#DDEBF7", "off_track": "#FFC7CE", "no_data": "#EDEDED"}
SEVERITY_FILL = {"error": "#FFC7CE", "warning": "#FFEB9C", "info": "#DDEBF7"}
RED, AMBER, GREEN = "#FFC7CE", "#FFEB9C", "#C6EFCE"

# Page geometry, in screen pixels at 96 dpi (as XlsxWriter sizes columns, rows and charts).
ROW_PX = 20  # a row of the default height, 15 points
A4_LANDSCAPE_PX = (int((11.69 - 0.8) * 96), int((8.27 - 1.2) * 96))  # less the margins set in render()
SAFETY = 0.88  # LibreOffice and Excel lay out a little differently: keep a margin on each page


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


def t(key: str, lang: str, **values) -> str:
    """A word of the report as it was before v2 (texts.REPORT)."""
    text = texts.t(texts.REPORT[key], lang)
    return text.format(**values) if values else text


def w(key: str, lang: str | Locale, **values) -> str:
    """A word the Summary v2 added (words.WORDS), filled with values worded in the locale."""
    loc = lang if isinstance(lang, Locale) else Locale(lang)
    return WORDS[key].format(loc, **values) if values else WORDS[key](loc.lang)


def day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def quote(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def dt(value: date) -> datetime:
    return datetime(value.year, value.month, value.day)


def header(ws, fmt: Fmt, plan, title: str, today: date, generated: date, lang: str) -> None:
    """The title and the line under it: the period, the date the plan is judged at, and when it was generated."""
    name = plan.setting("plan_name") or ""
    ws.write_string(0, 0, f"{title} — {name}" if name else title, fmt.title())
    ws.set_row(0, 24)
    period = plan.period
    if period:
        line = w("situation", lang, start=period[0], end=period[1], today=today)
    else:
        line = w("as_of", lang, today=today)
    ws.write_string(1, 0, line + " · " + w("generated_on", lang, generated=generated), fmt.note())


def column_px(width: float) -> int:
    """A column's width in pixels, as XlsxWriter and Excel compute it from its width in characters."""
    return int(width * 7 + 0.5) + 5 if width >= 1 else int(width * 12 + 0.5)


class Pages:
    """The Summary's rows, their heights, and its horizontal page breaks.

    `block(px)` is called before a block is written with the height it will take: when that does not fit
    in what is left of the page, the block starts a new page. `new_page()` forces one (after page 1).
    """

    def __init__(self, ws, width_px: int):
        self.ws = ws
        scale = min(1.0, A4_LANDSCAPE_PX[0] / max(width_px, 1))  # fit to one page wide
        self.capacity = A4_LANDSCAPE_PX[1] / scale * SAFETY
        self.heights: dict[int, float] = {}
        self.breaks: list[int] = []
        self.top = 0  # first row of the current page

    def set_row(self, row: int, points: float, *args) -> None:
        self.ws.set_row(row, points, *args)
        self.heights[row] = points * 4 / 3

    def px(self, first: int, last: int) -> float:
        """Height of rows first to last - 1, in pixels."""
        return sum(self.heights.get(r, ROW_PX) for r in range(first, last))

    def new_page(self, row: int) -> None:
        if row > self.top:
            self.breaks.append(row)
            self.top = row

    def block(self, row: int, px: float) -> None:
        """A block of px pixels starts at row: on a new page unless it fits in this one."""
        if row > self.top and self.px(self.top, row) + px > self.capacity:
            self.new_page(row)

    def close(self) -> None:
        if self.breaks:
            self.ws.set_h_pagebreaks(self.breaks[:1023])
