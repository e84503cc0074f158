"""Reads a filled workbook into a typed plan in which every value remembers its sheet and cell.

Values come from python-calamine (cached values, 16x faster than openpyxl on large plans). Tables are
found by Excel table name, else by header row on the step's sheet, else on any sheet. Cells calamine
cannot tell apart from empty ones (Excel errors, formulas saved without a value) are found by a scan of
the sheet XML, done only for sheets that contain such cells.
"""

from __future__ import annotations

import hashlib
import math
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import python_calamine as pc

from . import values as V
from .errors import WorkbookError
from .findings import Finding, finding
from .gcpause import paused_gc
from .i18n import Locale
from .ooxml.cells import address, split_address
from .ooxml.check import check_file
from .ooxml.package import sheet_parts, tables_of
from .ooxml.scan import MAX_CELLS, PackageInfo, scan_package
from .schema import SETTINGS, SHEET, SHEETS, TABLES, Column, Table
from .schema import ColumnType as T


@dataclass
class Cell:
    value: object
    sheet: str
    ref: str  # A1 address


class Row(dict):
    """One row of a table: a dict of its typed values by column key, which remembers where it lies.

    Empty and unreadable cells are left out, so `row.get(key, default)` is the plain dict lookup (rules and
    figures make millions of them on a large plan).
    """

    __slots__ = ("table", "sheet", "row", "columns")

    def __init__(self, table: str, sheet: str, row: int, values=None, columns: dict[str, int] | None = None):
        self.table, self.sheet, self.row = table, sheet, row  # row: 1-based Excel row
        self.columns = columns if columns is not None else {}  # column key -> 0-based column (shared per table)
        if values:
            self.update((key, value) for key, value in values.items() if value is not None)

    def __repr__(self) -> str:
        return f"Row({self.table!r}, {self.sheet!r}, {self.row}, {dict(self)!r})"

    def __reduce__(self):
        return (Row, (self.table, self.sheet, self.row, dict(self), self.columns))

    def ref(self, key: str) -> str:
        """Address of the column's cell on this row (the row's first cell if the column is missing)."""
        col = self.columns.get(key, min(self.columns.values(), default=0))
        return address(self.row - 1, col)

    @property
    def cells(self) -> dict[str, Cell]:
        """Each value with its sheet and cell address (built on demand: reading stays fast)."""
        return {key: Cell(self.get(key), self.sheet, self.ref(key)) for key in self.columns}


@dataclass
class TableData:
    key: str
    sheet: str
    header_row: int  # 1-based
    columns: dict[str, int]  # column key -> 0-based column
    rows: list[Row]
    found_by: str  # "name" or "header"

    def has(self, key: str) -> bool:
        return key in self.columns

    def header_ref(self, key: str | None = None) -> str:
        col = self.columns.get(key, min(self.columns.values(), default=0)) if key else min(self.columns.values())
        return address(self.header_row - 1, col)


@dataclass
class Plan:
    path: Path
    lang: str
    settings: dict[str, Cell]
    tables: dict[str, TableData]
    issues: list[Issue]
    sheet_names: list[str]
    raw: dict[str, list[list]] = field(default_factory=dict)  # sheet -> raw values read (load(keep_raw=True))
    table_places: dict[str, tuple[str, str]] = field(default_factory=dict)  # Excel table -> (sheet, range)

    def problems_in(self, lang: str) -> list[Finding]:
        """What the reader found (MP001, MP002, MP004, MP007, MP008), worded in lang."""
        return [finding(code, sheet, cell, lang, **values) for code, sheet, cell, values in self.issues]

    @property
    def problems(self) -> list[Finding]:
        return self.problems_in(self.lang)

    def setting(self, key: str, default=None):
        cell = self.settings.get(key)
        return default if cell is None or cell.value is None else cell.value

    @property
    def period(self) -> tuple[date, date] | None:
        start, end = self.setting("period_start"), self.setting("period_end")
        return (start, end) if isinstance(start, date) and isinstance(end, date) and end > start else None

    def rows(self, key: str) -> list[Row]:
        table = self.tables.get(key)
        return table.rows if table else []

    def frames(self):
        """Every table as a pandas DataFrame keyed by table key (see mplan_xl.frames; needs pandas)."""
        from .frames import table_frames

        return table_frames(self)


Issue = tuple[str, str, str, dict]  # (code, sheet, cell, message values): worded in any language later


class _Workbook:
    """Raw grids of the workbook's sheets, read once each."""

    def __init__(self, path: Path, info: PackageInfo | None = None):
        self.path = path
        if info is None:
            info = scan_package(path)  # first: refuses DTDs and oversized sheets before any parser sees them
        self.special, self.tables, self.extents = info.special, info.tables, info.extents
        try:
            self.book = pc.CalamineWorkbook.from_path(str(path))
        except pc.PasswordError as exc:
            raise WorkbookError(
                f"{path}: the workbook is password-protected; remove the password "
                "(File > Info > Protect workbook) and save it again",
                fr=f"{path} : le classeur est protégé par un mot de passe ; retirez le mot de passe "
                "(Fichier > Informations > Protéger le classeur) et enregistrez-le à nouveau",
            ) from exc
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # calamine raises various types, and a Rust panic is a BaseException
            raise WorkbookError(
                f"{path}: not a readable Excel workbook ({_short(exc)}); open it in Excel "
                "or LibreOffice and save it again as .xlsx",
                fr=f"{path} : classeur Excel illisible ({_short(exc)}) ; ouvrez-le dans Excel "
                "ou LibreOffice et enregistrez-le à nouveau en .xlsx",
            ) from exc
        self.sheet_names = [m.name for m in self.book.sheets_metadata]
        self._grids: dict[str, list[list]] = {}

    def grid(self, sheet: str) -> list[list]:
        if sheet not in self._grids:
            rows, cols = self.extents.get(sheet, (0, 0))
            if rows * cols > MAX_CELLS:
                fr = Locale("fr")
                raise WorkbookError(
                    f"{self.path}: sheet '{sheet}' has a cell as far as {address(rows - 1, cols - 1)} "
                    f"({rows:,} rows x {cols:,} columns): delete what lies beyond the plan and save again",
                    fr=f"{self.path} : la feuille « {sheet} » a une cellule jusqu'en {address(rows - 1, cols - 1)} "
                    f"({fr.number(rows)} lignes × {fr.number(cols)} colonnes) : supprimez ce qui dépasse le plan et enregistrez à nouveau",
                )
            try:
                self._grids[sheet] = self.book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except (KeyboardInterrupt, SystemExit, WorkbookError):
                raise
            except BaseException as exc:  # a Rust panic in the reader is a BaseException, not an Exception
                reason = _short(exc)
                if reason == sheet:  # calamine names the sheet whose part is missing
                    reason = "its part is missing from the package"
                raise WorkbookError(
                    f"{self.path}: sheet '{sheet}' cannot be read ({reason}); open the workbook "
                    "in Excel or LibreOffice and save it again",
                    fr=f"{self.path} : la feuille '{sheet}' est illisible ({reason}) ; ouvrez le classeur "
                    "dans Excel ou LibreOffice et enregistrez-le à nouveau",
                ) from exc
        return self._grids[sheet]


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]


@paused_gc()
def load(path: str | Path, lang: str | None = None, *, keep_raw: bool = False) -> Plan:
    """Read a plan workbook. Problems in the plan become findings; an unreadable file raises WorkbookError.

    `keep_raw=True` also keeps the raw values of each sheet read, as python-calamine gave them (the
    report's verification compares them with what the written workbook reads back).
    """
    path = Path(path)
    check_file(path)
    book = _Workbook(path)
    problems: list[Issue] = []
    wb_lang = lang or _detect_language(book.sheet_names)
    settings = _read_settings(book, problems, wb_lang)
    language = settings.get("language")
    if not lang and language and str(language.value).lower() in ("fr", "en"):
        wb_lang = str(language.value).lower()
    plan = Plan(path, wb_lang, settings, {}, problems, book.sheet_names)
    period, country = plan.period, plan.setting("country")
    for table in TABLES:
        data = _find_table(book, table)
        if data is None:
            problems.append(_issue("MP001", SHEET[table.sheet].name(wb_lang), "A1", wb_lang, table=table.excel_name))
            continue
        _read_rows(book, table, data, period, wb_lang, problems, country)
        plan.tables[table.key] = data
        for column in table.columns:
            if column.required and column.key not in data.columns:
                problems.append(
                    _issue(
                        "MP002",
                        data.sheet,
                        data.header_ref(),
                        wb_lang,
                        column=column.label(wb_lang),
                        table=table.excel_name,
                    )
                )
    if keep_raw:
        plan.raw = dict(book._grids)
    plan.table_places = dict(book.tables)
    return plan


def fingerprint(grid: list[list]) -> str:
    """A digest of a sheet's raw values and their types: equal digests, equal plan."""
    return hashlib.blake2b(repr(grid).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def read_back(path: Path, sheets: list[str]):
    """Sheet names and table places of a workbook just written, and its sheets' raw values one at a time.

    Returns (sheet names, {table: (sheet, range)}, iterator of (sheet, raw values) over `sheets` present):
    one sheet's values are held at a time. No scan for hostile content: every part of the user's was
    scanned when the plan was read and has just been checked byte-identical; the rest was written by mplan.
    """
    with zipfile.ZipFile(path) as package:
        places = tables_of(package, sheet_parts(package))
    book = _Workbook(path, PackageInfo(tables=places))

    def values():
        for sheet in sheets:
            if sheet in book.sheet_names:
                yield sheet, book.grid(sheet)
                book._grids.pop(sheet, None)

    return book.sheet_names, dict(book.tables), values()


def _detect_language(sheet_names: list[str]) -> str:
    names = {V.norm(n) for n in sheet_names}
    fr = sum(V.norm(s.fr) in names for s in SHEETS if s.fr != s.en)
    en = sum(V.norm(s.en) in names for s in SHEETS if s.fr != s.en)
    return "en" if en > fr else "fr"


# --- settings ---------------------------------------------------------------------------------


def _read_settings(book: _Workbook, problems: list[Issue], lang: str) -> dict[str, Cell]:
    labels = {V.norm(lbl): s for s in SETTINGS for lbl in (s.fr, s.en)}
    sheets = _candidate_sheets(book, "settings")
    raw: dict[str, tuple[object, str, str]] = {}
    for sheet in sheets:
        grid = book.grid(sheet)
        for r, line in enumerate(grid):
            for c, value in enumerate(line[:-1]):
                if isinstance(value, str) and V.norm(value) in labels:
                    setting = labels[V.norm(value)]
                    raw.setdefault(setting.key, (line[c + 1], sheet, address(r, c + 1)))
        if raw:
            break
    settings: dict[str, Cell] = {}
    # the country first (it says how `/` dates read), then the period (it resolves period words)
    typed_first = sorted(SETTINGS, key=lambda s: (s.key != "country", s.key not in ("period_start", "period_end")))
    period, country = None, None
    for setting in typed_first:
        if setting.key not in raw:
            continue
        value, sheet, ref = raw[setting.key]
        special = book.special.get((sheet, ref))
        if special:
            problems.append(_special_finding(special, sheet, ref, lang, setting.label(lang)))
            settings[setting.key] = Cell(None, sheet, ref)
            continue
        try:
            typed = V.parser_for(setting, lang, period, country)(value)
            if setting.integer and typed is not None:
                if not float(typed).is_integer():
                    raise V.ValueProblem(value, "whole")
                typed = int(typed)
            if setting.key in ("currency", "country", "language") and typed:
                typed = typed.strip().upper() if setting.key != "language" else typed.strip().lower()
        except V.ValueProblem as exc:
            problems.append(
                _issue("MP004", sheet, ref, lang, column=setting.label(lang), value=exc.value, kind=exc.expected)
            )
            typed = None
        settings[setting.key] = Cell(typed, sheet, ref)
        if setting.key == "country":
            country = typed
        if setting.key == "period_end":
            start, end = settings.get("period_start"), settings[setting.key]
            if start and isinstance(start.value, date) and isinstance(end.value, date) and end.value > start.value:
                period = (start.value, end.value)
    return settings


def _candidate_sheets(book: _Workbook, sheet_key: str) -> list[str]:
    """The step's sheet (either language) first, then every other sheet (renamed sheets)."""
    sheet = SHEET[sheet_key]
    wanted = {V.norm(sheet.fr), V.norm(sheet.en)}
    first = [n for n in book.sheet_names if V.norm(n) in wanted]
    generated = {V.norm(s.name(lg)) for s in SHEETS if s.generated for lg in ("fr", "en")}
    return first + [n for n in book.sheet_names if n not in first and V.norm(n) not in generated]


# --- tables -----------------------------------------------------------------------------------


def _label_index(table: Table) -> dict[str, str]:
    return {V.norm(lbl): c.key for c in table.columns for lbl in (c.fr, c.en)}


def _find_table(book: _Workbook, table: Table) -> TableData | None:
    labels = _label_index(table)
    named = {name.casefold(): place for name, place in book.tables.items()}.get(table.excel_name.casefold())
    if named and named[0] in book.sheet_names and ":" in named[1]:
        sheet, ref = named
        (top, left), (_, right) = (split_address(part) for part in ref.split(":"))
        grid = book.grid(sheet)
        # the header cells, not the table's own column list: a client may leave the latter stale
        cells = grid[top - 1] if top - 1 < len(grid) else []
        columns = {}
        for c in range(left - 1, right):
            label = cells[c] if c < len(cells) else None
            key = labels.get(V.norm(label)) if isinstance(label, str) else None
            if key and key not in columns:
                columns[key] = c
        if columns:
            return TableData(table.key, sheet, top, columns, [], "name")
    best = None
    for sheet in _candidate_sheets(book, table.sheet):
        grid = book.grid(sheet)
        for r, line in enumerate(grid[:200]):
            for block in _header_blocks(line):
                columns = {}
                for c in block:
                    key = labels.get(V.norm(line[c])) if isinstance(line[c], str) else None
                    if key and key not in columns:
                        columns[key] = c
                required = [c.key for c in table.columns if c.required]
                score = len(columns) + sum(k in columns for k in required)
                if len(columns) >= max(2, (len(table.columns) + 1) // 2) and (best is None or score > best[0]):
                    best = (score, sheet, r, columns)
        if best:
            break
    if not best:
        return None
    _, sheet, r, columns = best
    return TableData(table.key, sheet, r + 1, columns, [], "header")


def _header_blocks(line: list) -> list[list[int]]:
    """Runs of adjacent non-empty cells: tables on one sheet are separated by an empty column."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for c, value in enumerate(line):
        if V.is_empty(value):
            if current:
                blocks.append(current)
            current = []
        else:
            current.append(c)
    if current:
        blocks.append(current)
    return blocks


def _read_rows(
    book: _Workbook, table: Table, data: TableData, period, lang: str, problems: list[Issue], country=None
) -> None:
    grid = book.grid(data.sheet)
    by_key = {c.key: c for c in table.columns}
    cols = sorted(data.columns.items(), key=lambda kv: kv[1])
    parsers = [(key, c, V.parser_for(by_key[key], lang, period, country)) for key, c in cols]
    special = {ref: kind for (sheet, ref), kind in book.special.items() if sheet == data.sheet}
    if not special:
        _read_plain_rows(grid, table, data, parsers, by_key, lang, problems)
        return
    for r in range(data.header_row, len(grid)):
        line = grid[r]
        width = len(line)
        raw = [line[c] if c < width else None for _, c, _ in parsers]
        if all(v is None or v == "" or (isinstance(v, str) and not v.strip()) for v in raw):
            if not special or not any(address(r, c) in special for _, c, _ in parsers):
                continue
        values: dict[str, object] = {}
        for (key, c, parse_cell), value in zip(parsers, raw, strict=True):
            if special and address(r, c) in special:
                problems.append(
                    _special_finding(special[address(r, c)], data.sheet, address(r, c), lang, by_key[key].label(lang))
                )
                values[key] = None
                continue
            if value is None or value == "":
                values[key] = None
                continue
            if isinstance(value, float) and math.isnan(value):
                value = None
            values[key] = _typed(parse_cell, value, data.sheet, r, c, by_key[key], lang, problems)
        data.rows.append(Row(table.key, data.sheet, r + 1, values, data.columns))


# The Python type calamine gives a well-typed cell of each column type: such a cell needs no parsing.
_NATIVE = {T.NUMBER: float, T.MONEY: float, T.DATE: date, T.TEXT: str, T.ID: str}


def _read_plain_rows(grid, table: Table, data: TableData, parsers, by_key, lang: str, problems: list[Issue]) -> None:
    """The common case, a sheet without error or formula cells: well-typed cells skip the parsers.

    About half the time of the general loop on a 10,000-action plan; same results.
    """
    # a column with a range (schema min/max) has even its well-typed cells parsed: the parser checks the range
    fast = [
        (key, c, parse_cell, None if V.range_kind(by_key[key]) else _NATIVE.get(by_key[key].type))
        for key, c, parse_cell in parsers
    ]
    rows, table_key, sheet, columns = data.rows, table.key, data.sheet, data.columns
    for r in range(data.header_row, len(grid)):
        line = grid[r]
        width = len(line)
        values = {}
        content = False
        for key, c, parse_cell, native in fast:
            if c >= width:
                continue
            value = line[c]
            if value is None:
                continue
            kind = type(value)
            if kind is str:
                text = value.strip()
                if not text:
                    continue
                if native is str and text is value and not _untidy(value):
                    values[key] = value
                    content = True
                    continue
            elif kind is float and value != value:  # NaN counts as empty, as in the general loop
                continue
            elif kind is native and V.in_bounds(value):
                values[key] = value
                content = True
                continue
            content = True
            typed = _typed(parse_cell, value, sheet, r, c, by_key[key], lang, problems)
            if typed is not None:
                values[key] = typed
        if content:  # the Row only now: a sheet's lines outside this table cost next to nothing
            row = Row(table_key, sheet, r + 1, None, columns)
            row.update(values)
            rows.append(row)


def _untidy(text: str) -> bool:
    """Whether parse_text would change the text (substring tests: faster than a regex per cell)."""
    return "  " in text or "\n" in text or "\t" in text or "\r" in text or "\u00a0" in text or "\u202f" in text


def _typed(parse_cell, value, sheet: str, r: int, c: int, column: Column, lang: str, problems: list[Issue]):
    """The parsed value, or None with an MP004 finding at its cell."""
    try:
        return parse_cell(value)
    except V.ValueProblem as exc:
        problems.append(
            _issue("MP004", sheet, address(r, c), lang, column=column.label(lang), value=exc.value, kind=exc.expected)
        )
        return None


def _special_finding(special: tuple[str, str], sheet: str, ref: str, lang: str, label: str) -> Issue:
    kind, text = special
    if kind == "error":
        return _issue("MP008", sheet, ref, lang, column=label, error=text)
    return _issue("MP007", sheet, ref, lang, column=label)


def _issue(code: str, sheet: str, cell: str, lang: str, **values) -> Issue:
    return (code, sheet, cell, values)
