"""How a step sheet falls onto printed pages: how many empty rows its tables keep without starting a page.

A step sheet prints on A4 landscape, fit to one page wide and as many pages down as needed, its header row
repeated on every page (`writer._print_setup`). The empty rows a table keeps for typing must not spill onto a
page of their own, a page showing only a header and empty rows (issue 15 point 5). No print area is set:
rows typed below a table are read and must print too, so the table itself is sized instead.

Clients measure columns differently: Excel gives a character of width 7 pixels (Calibri 11), LibreOffice
measures it with the fonts it has, up to a third wider, so it fits a sheet to the page's width at a smaller
scale and more rows go on a page. Both keep the rows' heights (15 pt by default). A size is kept only when it
holds for each of these widths.
"""

from __future__ import annotations

from collections.abc import Sequence

PAGE_WIDTH = 842 - 2 * 0.4 * 72  # points: A4 landscape less the left and right margins of _print_setup
PAGE_HEIGHT = 595 - 2 * 0.6 * 72  # points: less the top and bottom margins
DEFAULT_WIDTH = 8.43  # characters: a column with no width of its own (the empty one between two tables)
ROW_HEIGHT = 15.0  # points: a row with no height of its own
WIDER = (1.0, 1.15, 1.3, 1.45)  # a character's width in LibreOffice, against Excel's (1.35 measured with Carlito)
SLACK = 1  # rows: a page keeps this much room, for what the models above get wrong


def column_pixels(width: float) -> int:
    """Excel's width in pixels of a column `width` characters wide (Calibri 11)."""
    if width <= 0:
        return 0
    return int(width * 12 + 0.5) if width < 1 else int(width * 7 + 0.5) + 5


def fit_scale(widths: Sequence[float]) -> float:
    """The scale that fits columns of these widths (characters) to the page's width."""
    points = sum(column_pixels(w) for w in widths) * 0.75
    return min(1.0, PAGE_WIDTH / points) if points else 1.0


def page_count(top: Sequence[float], repeat: float, rows: Sequence[float | None], scale: float) -> int:
    """Pages taken: the `top` rows open page one, a `repeat` header row opens each next page.

    `rows` are the heights of the rows that follow (None: a row with no height of its own).
    """
    return _layout(top, repeat, rows, scale)[0]


def _layout(top: Sequence[float], repeat: float, rows: Sequence[float | None], scale: float) -> tuple[int, float]:
    """(pages, points used on the last page before scaling)."""
    room = PAGE_HEIGHT / scale
    used, pages = sum(top), 1
    for height in rows:
        height = ROW_HEIGHT if height is None else height
        if used + height > room:
            pages, used = pages + 1, repeat
        used += height
    return pages, used


def empty_rows_that_fit(
    top: Sequence[float], repeat: float, content: Sequence[float | None], wanted: int, scale: float
) -> int:
    """How many of `wanted` empty rows after `content` stay on the content's last page, in every client.

    `scale` is Excel's (fit_scale). Without content, the first page is the one they fill.
    """
    fit = wanted
    for wider in WIDER:
        _, used = _layout(top, repeat, content, scale / wider)
        fit = min(fit, max(0, int((PAGE_HEIGHT * wider / scale - used) // ROW_HEIGHT) - SLACK))
    return fit
