"""The long part of a generated sheet (a row per finding, per action, per deadline), written as XML directly.

XlsxWriter costs about 15 µs a cell; the Timeline of a 10,000-action plan has 120,000 cells. A sheet's
head (titles, legends, column widths, panes, filters, comments, charts) is still written by XlsxWriter;
from a given row down, cells go to a `Bulk` instead, which takes the same calls (write_string,
write_number, write_datetime, write_blank, write_url to a cell of the workbook, set_row) and keeps the
rows as XML text. When the package is assembled, `inject` puts them at the end of the sheet's
<sheetData>, with the style indices of the final styles.xml, and widens the sheet's <dimension>.

Every text is written as an escaped inline string: nothing a user typed can become markup or a formula.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime
from operator import itemgetter
from typing import TYPE_CHECKING, cast

from .cells import column_letter, split_address

if TYPE_CHECKING:
    from xlsxwriter.format import Format

_EPOCH = datetime(1899, 12, 30)  # serial 0 of the 1900 date system (with Excel's 1900 leap-year fiction)
_EPOCH_1904 = datetime(1904, 1, 1)  # serial 0 of the 1904 date system (Mac Excel)
_ESCAPED_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_MARKUP = re.compile(r"[&<>\x00-\x08\x0b-\x1f_\ufffe\uffff]")


def _text(value: str) -> str:
    """Text for an inline string's <t>: XML-escaped; control characters as Excel's _xHHHH_ escapes."""
    if not _MARKUP.search(value):
        return value
    value = _ESCAPED_ESCAPE.sub(r"_x005F\1", value)
    value = _CONTROL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return _text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


MAX_CELL_TEXT = 32_767  # Excel's limit on the characters of a cell
MAX_COLUMNS = 16_384  # Excel's last column, XFD


def fit_cell(text: str) -> str:
    """Text an Excel cell can hold: beyond 32,767 characters it is cut, and says so with an ellipsis."""
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


class Bulk:
    """Cells of a sheet from row `first` down (0-based rows and columns, as in XlsxWriter)."""

    def __init__(self, first: int):
        self.first = first
        self.rows: dict[int, list[tuple[int, object, str, object]]] = {}  # row -> [(col, format, kind, value)]
        self.heights: dict[int, float] = {}
        self.links: list[tuple[int, int, str, str]] = []
        self.scratch_styles: dict[int, int] = {}  # id(format) -> its index in the scratch styles.xml
        self.last_col = 0
        self.date_1904 = False  # dates become serials of the target workbook's date system when rows are written

    def _put(self, row: int, col: int, kind: str, value: object, cell_format: Format | None) -> None:
        if col >= MAX_COLUMNS:
            raise ValueError(f"column {col + 1} lies beyond Excel's last column (XFD)")
        if row < self.first:
            raise ValueError(f"row {row + 1} lies above the bulk rows (from {self.first + 1})")
        self.rows.setdefault(row, []).append((col, cell_format, kind, value))
        if col > self.last_col:
            self.last_col = col

    def write_string(self, row: int, col: int, text: str, cell_format: Format | None = None) -> None:
        if text == "":  # as in XlsxWriter: an empty string is a blank cell
            self.write_blank(row, col, None, cell_format)
        else:
            self._put(row, col, "s", fit_cell(str(text)), cell_format)

    def write_number(self, row: int, col: int, number: float, cell_format: Format | None = None) -> None:
        if isinstance(number, float) and not math.isfinite(number):
            raise ValueError(f"cannot write {number} in a cell")
        self._put(row, col, "n", number, cell_format)

    def write_datetime(self, row: int, col: int, when: date | datetime, cell_format: Format | None = None) -> None:
        if not isinstance(when, datetime):
            when = datetime(when.year, when.month, when.day) if isinstance(when, date) else when
        self._put(row, col, "d", when, cell_format)

    def write_blank(self, row: int, col: int, _blank: object = None, cell_format: Format | None = None) -> None:
        if cell_format is not None:  # as in XlsxWriter: a blank without a format is no cell at all
            self._put(row, col, "b", None, cell_format)

    def write_url(
        self, row: int, col: int, url: str, cell_format: Format | None = None, string: str | None = None
    ) -> None:
        """A link to a cell of the workbook (`internal:'Sheet'!A1`), shown as `string`."""
        if not url.startswith("internal:"):
            raise ValueError("Bulk writes only links inside the workbook")
        location = url[len("internal:") :]
        shown = string if string is not None else location
        self._put(row, col, "s", shown, cell_format)
        self.links.append((row, col, location, shown))

    def set_row(self, row: int, height: float) -> None:
        self.heights[row] = height

    def register(self, index_of: Callable[[Format], int]) -> None:
        """Take each format's index in the scratch styles.xml (index_of(format)), before it is written."""
        for cells in self.rows.values():
            for _, cell_format, _, _ in cells:
                if cell_format is not None and id(cell_format) not in self.scratch_styles:
                    self.scratch_styles[id(cell_format)] = index_of(cell_format)

    def _row_numbers(self) -> list[int]:
        return sorted(self.rows.keys() | self.heights.keys())

    def xml(self, final_xf: dict[int, int]) -> str:
        """The <row> elements; final_xf maps an index of the scratch styles.xml to the final one."""
        styles = {key: f' s="{final_xf.get(index, 0)}"' for key, index in self.scratch_styles.items()}
        names = [column_letter(col) for col in range(self.last_col + 1)]
        parts: list[str] = []
        add = parts.append
        heights = self.heights
        epoch = _EPOCH_1904 if self.date_1904 else _EPOCH
        for row in self._row_numbers():
            number = row + 1
            height = heights.get(row)
            add(f'<row r="{number}" ht="{height}" customHeight="1">' if height else f'<row r="{number}">')
            cells = self.rows.get(row, [])
            cells.sort(key=_COLUMN)  # nearly always in order already: a linear pass
            for col, cell_format, kind, value in cells:
                style = "" if cell_format is None else styles[id(cell_format)]
                if kind == "b":
                    add(f'<c r="{names[col]}{number}"{style}/>')
                elif kind == "n":
                    add(f'<c r="{names[col]}{number}"{style}><v>{_number(cast(float, value))}</v></c>')
                elif kind == "d":
                    delta = cast(datetime, value) - epoch
                    add(f'<c r="{names[col]}{number}"{style}><v>{_number(delta.days + delta.seconds / 86400)}</v></c>')
                else:
                    text = cast(str, value)  # kind "s": a non-empty str (kind "n": a number, "b": None)
                    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
                    add(f'<c r="{names[col]}{number}"{style} t="inlineStr"><is><t{space}>{_text(text)}</t></is></c>')
            add("</row>")
        return "".join(parts)

    def hyperlinks(self) -> str:
        return "".join(
            f'<hyperlink ref="{column_letter(col)}{row + 1}" location="{_attr(location)}" display="{_attr(shown)}"/>'
            for row, col, location, shown in self.links
        )

    def inject(self, sheet_xml: str, final_xf: dict[int, int]) -> str:
        """The sheet's XML with these rows at the end of <sheetData> and its <dimension> widened."""
        if not self.rows and not self.heights:
            return sheet_xml
        rows = self.xml(final_xf)
        if "</sheetData>" in sheet_xml:
            before = sheet_xml[: sheet_xml.index("</sheetData>")]
            last = re.findall(r'<row r="(\d+)"', before[-20000:])
            if last and int(last[-1]) > self.first:
                raise ValueError("the sheet has rows below the first bulk row")
            sheet_xml = sheet_xml.replace("</sheetData>", rows + "</sheetData>", 1)
        elif "<sheetData/>" in sheet_xml:
            sheet_xml = sheet_xml.replace("<sheetData/>", f"<sheetData>{rows}</sheetData>", 1)
        else:
            raise ValueError("the sheet has no <sheetData>")
        sheet_xml = re.sub(
            r'<dimension ref="([A-Z]+\d+)(?::([A-Z]+\d+))?"/>',
            lambda m: _dimension(m.group(1), m.group(2) or m.group(1), self._row_numbers()[-1], self.last_col),
            sheet_xml,
            count=1,
        )
        if self.links:
            links = self.hyperlinks()
            if "</hyperlinks>" in sheet_xml:
                sheet_xml = sheet_xml.replace("</hyperlinks>", links + "</hyperlinks>", 1)
            else:  # the schema's order: … dataValidations, hyperlinks, printOptions, pageMargins …
                anchor = re.search(r"<printOptions\b|<pageMargins\b|<pageSetup\b|<headerFooter\b|<drawing\b", sheet_xml)
                if anchor is None:
                    raise ValueError("no place for the sheet's hyperlinks")
                at = anchor.start()
                sheet_xml = sheet_xml[:at] + f"<hyperlinks>{links}</hyperlinks>" + sheet_xml[at:]
        return sheet_xml


_COLUMN = itemgetter(0)


def _number(value: float) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _dimension(first: str, end: str, last_row: int, last_col: int) -> str:
    """The <dimension> of first:end widened to the 0-based (last_row, last_col)."""
    end_row, end_col = split_address(end)
    return f'<dimension ref="{first}:{column_letter(max(end_col - 1, last_col))}{max(end_row, last_row + 1)}"/>'
