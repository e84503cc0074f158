"""Writes the plan workbook (`mplan init`) from the schema with xlsxwriter.

Layout of a step sheet: row 1 title, row 2 advice, row 3 table captions, row 4 headers, data from
row 5. Tables sharing a sheet stand side by side with one empty column between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from .. import texts
from ..errors import UsageError
from ..schema import (
    BOOL,
    CHOICE,
    CHOICES,
    DATE,
    LIST,
    MONEY,
    NUMBER,
    PERCENT,
    SETTINGS,
    SETTINGS_TABLE_LABELS,
    SHEET,
    TABLE,
    TEXT,
    Column,
    Setting,
    Table,
    input_sheets,
)
from ..styles import PALETTE, TAB_COLOURS, Formats
from ..texts import t
from . import paper
from .content import PlanContent, cell_value

TITLE_ROW, INTRO_ROW, CAPTION_ROW, HEADER_ROW = 0, 1, 2, 3
FIRST_DATA_ROW = HEADER_ROW + 1
SPARE_ROWS = 10  # empty rows left after pre-filled content, so people type inside the table
TOP_HEIGHTS = (24, 48, 16, 45)  # points: title, advice, captions (default height, 12 pt text), headers
FIXED_CREATED = datetime(2026, 1, 1)  # document date: fixed so that the same command gives the same bytes


@dataclass
class _Placed:
    """Where a table landed: first and last column, first and last data row (0-based)."""

    table: Table
    first_col: int
    last_col: int
    last_row: int
    columns: dict[str, int] = field(default_factory=dict)
    heights: dict[int, int] = field(default_factory=dict)  # data row -> lines of wrapped text


def write_workbook(path: Path, content: PlanContent, lang: str, *, force: bool = False, extend=None) -> Path:
    """Render a plan (settings and rows) into a new workbook at path.

    `extend(workbook, sheets)` may add to the workbook before it is closed (tests use it to build
    workbooks holding what other libraries drop).
    """
    path = Path(path)
    if lang not in ("fr", "en"):
        raise UsageError(f"unknown language '{lang}': use fr or en", fr=f"langue inconnue '{lang}' : fr ou en")
    if path.exists() and not force:
        raise UsageError(
            f"{path} already exists: choose another name or add --force to overwrite it",
            fr=f"{path} existe déjà : choisissez un autre nom ou ajoutez --force pour l'écraser",
        )
    if path.exists() and path.is_dir():
        raise UsageError(
            f"{path} is a folder: give a file name ending in .xlsx",
            fr=f"{path} est un dossier : donnez un nom de fichier finissant par .xlsx",
        )
    if path.suffix.lower() != ".xlsx" and not (extend and path.suffix.lower() == ".xlsm"):
        raise UsageError(
            f"{path}: the workbook name must end in .xlsx", fr=f"{path} : le nom du classeur doit finir par .xlsx"
        )
    if not path.parent.exists():
        raise UsageError(f"folder {path.parent} does not exist", fr=f"le dossier {path.parent} n'existe pas")
    currency = str(content.settings.get("currency") or "EUR")
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    fmt = Formats(workbook, lang, currency)
    _set_properties(workbook, lang, content)
    sheets = {s.key: workbook.add_worksheet(s.name(lang)) for s in input_sheets()}
    for key, ws in sheets.items():
        ws.set_tab_color(TAB_COLOURS[key])
    _write_lists(workbook, sheets["lists"], fmt, lang)
    placed: dict[str, _Placed] = {}
    for sheet in input_sheets():
        if sheet.step:
            placed.update(_write_step_sheet(sheets[sheet.key], sheet, content, fmt, lang))
    for item in placed.values():
        name = item.table.ref_name
        if item.table.id_column:
            label = item.table.column(item.table.id_column).label(lang)
            workbook.define_name(name, f"={item.table.excel_name}[{_escape_structured(label)}]")
    _write_settings(sheets["settings"], content, fmt, lang)
    _write_guide(sheets["guide"], fmt, lang)
    sheets["guide"].activate()
    if extend:
        extend(workbook, sheets)
    try:
        workbook.close()
    except OSError as exc:  # folder not writable, disk full, …
        raise UsageError(
            f"cannot write {path}: {exc.strerror or exc}", fr=f"impossible d'écrire {path} : {exc.strerror or exc}"
        ) from exc
    return path


def _escape_structured(label: str) -> str:
    """Escape a header label for use inside a structured reference (Excel's ' escape rule)."""
    return "".join("'" + ch if ch in "[]#'" else ch for ch in label)


def _set_properties(workbook, lang: str, content: PlanContent) -> None:
    def setting(key: str) -> str:
        value = content.settings.get(key)
        return t(value, lang) if isinstance(value, tuple) else str(value or "")

    workbook.set_properties(
        {
            "title": setting("plan_name") or t(texts.PROPERTIES["title"], lang),
            "subject": t(texts.PROPERTIES["subject"], lang),
            "author": "mplan",
            "company": setting("company"),
            "comments": t(texts.PROPERTIES["comments"], lang),
            "created": FIXED_CREATED,
        }
    )
    workbook.set_custom_property("mplan_contract", "1")
    workbook.set_custom_property("mplan_language", lang)


def _write_lists(workbook, ws, fmt: Formats, lang: str) -> None:
    ws.write_string(TITLE_ROW, 0, SHEET["lists"].name(lang), fmt.title())
    ws.write_string(INTRO_ROW, 0, t(texts.LISTS_INTRO, lang), fmt.muted())
    for col, (key, choice) in enumerate(CHOICES.items()):
        ws.write_string(HEADER_ROW, col, t(texts.LIST_TITLES[key], lang), fmt.header(False))
        labels = choice.labels(lang)
        for i, label in enumerate(labels):
            ws.write_string(FIRST_DATA_ROW + i, col, label, fmt.generated())
        column = xl_col_to_name(col)
        last = FIRST_DATA_ROW + len(labels)
        workbook.define_name(choice.defined_name, f"='{ws.name}'!${column}${FIRST_DATA_ROW + 1}:${column}${last}")
        ws.set_column(col, col, 20)
    ws.set_row(HEADER_ROW, 30)
    ws.freeze_panes(FIRST_DATA_ROW, 0)
    ws.protect("", {"autofilter": True, "sort": True})
    _print_setup(ws, landscape=True)
    ws.hide()  # dropdown sources: not a page of the plan, never printed (Excel and LibreOffice skip hidden sheets)


def _write_step_sheet(ws, sheet, content: PlanContent, fmt: Formats, lang: str) -> dict[str, _Placed]:
    title, advice = texts.STEPS[sheet.key]
    ws.write_string(TITLE_ROW, 0, t(title, lang), fmt.title())
    ws.set_row(TITLE_ROW, TOP_HEIGHTS[TITLE_ROW])
    data = {key: _table_data(TABLE[key], content.rows.get(key, []), lang) for key in sheet.tables}
    sizes = _table_sizes(sheet.tables, data)
    placed, col = {}, 0
    for key in sheet.tables:
        item = _write_table(ws, TABLE[key], data[key], sizes[key], col, fmt, lang)
        placed[key] = item
        col = item.last_col + 2
    for r, height in enumerate(_row_heights(data)):
        if height:
            ws.set_row(FIRST_DATA_ROW + r, height)
    first = placed[sheet.tables[0]]
    ws.merge_range(INTRO_ROW, 0, INTRO_ROW, max(first.last_col, 5), t(advice, lang), fmt.muted(wrap=True))
    ws.set_row(INTRO_ROW, TOP_HEIGHTS[INTRO_ROW])
    ws.set_row(HEADER_ROW, TOP_HEIGHTS[HEADER_ROW])
    ws.freeze_panes(FIRST_DATA_ROW, 0)
    _print_setup(ws, landscape=True)
    return placed


def _table_data(table: Table, rows: list[dict], lang: str) -> list[list]:
    """The values the cells of a table's pre-filled rows show, column by column."""
    return [[cell_value(col, row.get(col.key), lang) for col in table.columns] for row in rows]


def _text_lines(table: Table, data: list[list]) -> dict[int, int]:
    """Data row -> lines of its longest wrapped text: clients do not grow wrapped rows by themselves."""
    lines: dict[int, int] = {}
    for i, col in enumerate(table.columns):
        if _wraps(col):
            for r, row in enumerate(data):
                if isinstance(row[i], str):
                    lines[r] = max(lines.get(r, 1), -(-len(row[i]) // max(int(col.width * 1.15), 1)))
    return lines


def _row_heights(data: dict[str, list[list]]) -> list[float | None]:
    """Height of each pre-filled data row of a step sheet (None: the default height)."""
    lines: dict[int, int] = {}
    for key, rows in data.items():
        for r, n in _text_lines(TABLE[key], rows).items():
            lines[r] = max(lines.get(r, 1), n)
    count = max((len(rows) for rows in data.values()), default=0)
    return [13 * min(lines[r], 6) + 3 if lines.get(r, 1) > 1 else None for r in range(count)]


def _table_sizes(keys, data: dict[str, list[list]]) -> dict[str, int]:
    """Data rows of each table of a step sheet: its pre-filled rows, then empty rows to type in.

    A table wants SPARE_ROWS empty rows after its content (its `blank_rows` when empty), but keeps only
    those that print on the page where the sheet's content ends: no page of empty rows (paper.py).
    """
    wanted = {
        key: max(TABLE[key].blank_rows, len(rows) + SPARE_ROWS) if rows else TABLE[key].blank_rows
        for key, rows in data.items()
    }
    widths: list[float] = []
    for key in keys:
        widths += ([paper.DEFAULT_WIDTH] if widths else []) + [col.width for col in TABLE[key].columns]
    heights = _row_heights(data)
    room = len(heights) + paper.empty_rows_that_fit(
        TOP_HEIGHTS,
        TOP_HEIGHTS[HEADER_ROW],
        heights,
        max(wanted.values()) - len(heights),
        paper.fit_scale(widths),
    )
    return {key: max(len(rows), min(wanted[key], room), 1) for key, rows in data.items()}


def _write_table(ws, table: Table, data: list[list], n_rows: int, first_col: int, fmt: Formats, lang: str) -> _Placed:
    last_row = HEADER_ROW + n_rows
    last_col = first_col + len(table.columns) - 1
    ws.write_string(CAPTION_ROW, first_col, t(texts.TABLE_CAPTIONS[table.key], lang), fmt.subtitle())
    columns = []
    for col in table.columns:
        columns.append(
            {
                "header": col.label(lang),
                "header_format": fmt.header(col.required),
            }
        )
    lines = _text_lines(table, data)
    data = data + [[None] * len(table.columns) for _ in range(n_rows - len(data))]
    ws.add_table(
        HEADER_ROW,
        first_col,
        last_row,
        last_col,
        {
            "name": table.excel_name,
            "columns": columns,
            "style": "Table Style Light 1",
            "autofilter": True,
        },
    )
    item = _Placed(table, first_col, last_col, last_row)
    for i, col in enumerate(table.columns):
        c = first_col + i
        item.columns[col.key] = c
        ws.set_column(c, c, col.width)
        cell_fmt = fmt.input(col.type, col.integer, wrap=_wraps(col))
        for r, row in enumerate(data):
            _write_value(ws, FIRST_DATA_ROW + r, c, row[i], cell_fmt)
        ws.write_comment(
            HEADER_ROW, c, col.help(lang), {"author": "mplan", "x_scale": 2.4, "y_scale": 1.2, "font_size": 9}
        )
        rule = column_validation(col, lang)
        if rule:
            ws.data_validation(FIRST_DATA_ROW, c, last_row, c, rule)
    item.heights = lines
    return item


def _wraps(col: Column) -> bool:
    """Text and id-list columns wrap, so that nothing typed is cut off on screen or on paper."""
    return col.type in (TEXT, LIST)


def _write_value(ws, row: int, col: int, value, cell_fmt) -> None:
    """Write one value with its type: text always as a string, never as a formula."""
    if value is None or value == "":
        ws.write_blank(row, col, None, cell_fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, cell_fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, cell_fmt)
    elif isinstance(value, (date, datetime)):
        ws.write_datetime(row, col, datetime(value.year, value.month, value.day), cell_fmt)
    else:
        ws.write_string(row, col, str(value), cell_fmt)


def _message(key: str, lang: str) -> dict:
    title, message = texts.ERRORS[key]
    return {"error_title": t(title, lang), "error_message": t(message, lang)}


def column_validation(col: Column | Setting, lang: str) -> dict:
    """The data validation of an input column (or a setting): dropdown, type check and input help."""
    help_text = col.help(lang)
    rule: dict
    choices: str | None = getattr(col, "choices", None)
    ref: str | None = getattr(col, "ref", None)
    if col.type in (CHOICE, BOOL) or choices:
        if choices is None:
            raise KeyError(f"the {col.type} column {col.key} names no list of choices")
        choice = CHOICES[choices]
        rule = {"validate": "list", "source": f"={choice.defined_name}", **_message("choice", lang)}
        if choices in ("currency", "country"):
            rule["error_type"] = "warning"  # other ISO codes are allowed
    elif ref:
        rule = {"validate": "list", "source": f"={TABLE[ref].ref_name}"}
        if col.type == LIST:
            rule.update(_message("ref_list", lang), error_type="information")
        else:
            rule.update(_message("ref", lang), error_type="warning")
    elif col.type == DATE:
        rule = {
            "validate": "date",
            "criteria": "between",
            "minimum": date(1990, 1, 1),
            "maximum": date(2100, 12, 31),
            **_message("date", lang),
        }
    elif col.type == MONEY:
        rule = {"validate": "decimal", "criteria": ">=", "value": 0, **_message("money", lang)}
    elif col.type == PERCENT:
        rule = {
            "validate": "decimal",
            "criteria": "between",
            "minimum": -100,
            "maximum": 100,
            **_message("percent", lang),
        }
    elif col.type == NUMBER and col.integer:
        rule = {
            "validate": "integer",
            "criteria": "between",
            "minimum": 0,
            "maximum": 100000,
            **_message("integer", lang),
        }
    elif col.type == NUMBER:
        rule = {
            "validate": "decimal",
            "criteria": "between",
            "minimum": -1e15,
            "maximum": 1e15,
            **_message("number", lang),
        }
    else:
        rule = {"validate": "any"}
    if help_text:
        rule["input_title"] = col.label(lang)[:32]
        rule["input_message"] = help_text[:255]
    return rule


def _write_settings(ws, content: PlanContent, fmt: Formats, lang: str) -> None:
    ws.write_string(TITLE_ROW, 0, SHEET["settings"].name(lang), fmt.title())
    ws.merge_range(INTRO_ROW, 0, INTRO_ROW, 2, t(texts.SETTINGS_INTRO, lang), fmt.muted(wrap=True))
    ws.write_string(CAPTION_ROW, 0, t(texts.TABLE_CAPTIONS["settings"], lang), fmt.subtitle())
    label_fmt = fmt.get(bold=True, bg_color=PALETTE["generated"], border=1, border_color="#D0D0D0", valign="top")
    required_fmt = fmt.get(
        bold=True,
        font_color="#FFFFFF",
        bg_color=PALETTE["header_required"],
        border=1,
        border_color="#FFFFFF",
        valign="top",
    )
    help_fmt = fmt.get(italic=True, font_color=PALETTE["muted"], text_wrap=True, valign="top")
    last_row = HEADER_ROW + len(SETTINGS)
    headers = [t(SETTINGS_TABLE_LABELS[k], lang) for k in ("label", "value", "help")]
    ws.add_table(
        HEADER_ROW,
        0,
        last_row,
        2,
        {
            "name": "tbl_settings",
            "style": "Table Style Light 1",
            "autofilter": False,
            "columns": [{"header": h, "header_format": fmt.header(i < 2)} for i, h in enumerate(headers)],
        },
    )
    for i, setting in enumerate(SETTINGS):
        row = FIRST_DATA_ROW + i
        ws.write_string(row, 0, setting.label(lang), required_fmt if setting.required else label_fmt)
        value = cell_value(setting, content.settings.get(setting.key), lang)
        _write_value(ws, row, 1, value, fmt.input(setting.type, setting.integer))
        ws.write_string(row, 2, setting.help(lang), help_fmt)
        ws.data_validation(row, 1, row, 1, column_validation(setting, lang))
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 26)
    ws.set_column(2, 2, 80)
    ws.set_row(INTRO_ROW, 30)
    ws.freeze_panes(FIRST_DATA_ROW, 0)
    _print_setup(ws, landscape=True)


def _write_guide(ws, fmt: Formats, lang: str) -> None:
    ws.hide_gridlines(2)
    ws.set_column(0, 0, 2)
    ws.set_column(1, 1, 8)
    ws.set_column(2, 2, 46)
    ws.set_column(3, 3, 90)
    ws.write_string(0, 1, t(texts.GUIDE_TITLE, lang), fmt.get(bold=True, font_size=20, font_color=PALETTE["title"]))
    ws.set_row(0, 32)
    ws.merge_range(2, 1, 2, 3, t(texts.GUIDE_PURPOSE, lang), fmt.text())
    ws.set_row(2, 64)
    ws.merge_range(3, 1, 3, 3, t(texts.GUIDE_START, lang), fmt.text(bold=True))
    settings_sheet = SHEET["settings"].name(lang)
    ws.write_url(4, 2, f"internal:'{settings_sheet}'!A1", fmt.link(), "→ " + settings_sheet)
    row = 6
    ws.write_string(row, 1, t(texts.GUIDE_STEPS_TITLE, lang), fmt.subtitle())
    row += 1
    head = fmt.header(True)
    for c, pair in enumerate(texts.GUIDE_COLUMNS):
        ws.write_string(row, 1 + c, t(pair, lang), head)
    for sheet in input_sheets():
        if not sheet.step:
            continue
        row += 1
        title, advice = texts.STEPS[sheet.key]
        ws.write_number(
            row,
            1,
            sheet.step,
            fmt.get(bold=True, align="center", valign="top", font_size=14, font_color=PALETTE["title"]),
        )
        ws.write_url(
            row,
            2,
            f"internal:'{sheet.name(lang)}'!A1",
            fmt.get(font_color=PALETTE["link"], underline=1, valign="top", text_wrap=True, bold=True),
            t(title, lang).split("·")[-1].strip(),
        )
        ws.write_string(row, 3, t(advice, lang), fmt.text())
        ws.set_row(row, 48)
    row += 2
    ws.write_string(row, 1, t(texts.GUIDE_LEGEND_TITLE, lang), fmt.subtitle())
    samples = {
        "header_required": fmt.header(True),
        "header": fmt.header(False),
        "input": fmt.input(),
        "generated": fmt.generated(),
    }
    for key, label, meaning in texts.LEGEND:
        row += 1
        ws.write_string(row, 1, "", samples[key])
        ws.write_string(row, 2, t(label, lang), samples[key])
        ws.write_string(row, 3, t(meaning, lang), fmt.text())
        ws.set_row(row, 20)
    row += 2
    ws.write_string(row, 1, t(texts.GUIDE_NEXT_TITLE, lang), fmt.subtitle())
    for command, meaning in texts.COMMANDS:
        row += 1
        ws.write_string(row, 2, command.format(file="plan.xlsx"), fmt.code())
        ws.write_string(row, 3, t(meaning, lang), fmt.text())
    row += 2
    ws.merge_range(row, 1, row, 3, t(texts.GUIDE_GENERATED, lang), fmt.muted(wrap=True))
    ws.set_row(row, 34)
    _print_setup(ws, landscape=False)


def _print_setup(ws, landscape: bool) -> None:
    if landscape:
        ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    if landscape:
        ws.repeat_rows(HEADER_ROW)
    ws.set_footer("&L&A&RPage &P / &N")


def create_plan(
    path,
    *,
    lang: str = "fr",
    start: date | None = None,
    months: int = 12,
    example: bool = False,
    currency: str = "EUR",
    force: bool = False,
    today: date | None = None,
) -> Path:
    """Create a plan workbook: a blank template, or with `example` a filled fictional plan.

    >>> create_plan("plan.xlsx", lang="fr", start=date(2027, 1, 1))  # doctest: +SKIP
    """
    from .content import blank_content, default_start, period_end

    if lang not in ("fr", "en"):
        raise UsageError(f"unknown language '{lang}': use fr or en", fr=f"langue inconnue '{lang}' : fr ou en")
    if not 1 <= months <= 60:
        raise UsageError(
            f"--months must be between 1 and 60, not {months}", fr=f"--months doit être entre 1 et 60, pas {months}"
        )
    start = start or default_start(today or date.today())
    end = period_end(start, months)
    if example:
        from .example import example_content

        content = example_content(lang, start, end, currency)
    else:
        content = blank_content(lang, start, end, currency)
    return write_workbook(Path(path), content, lang, force=force)
