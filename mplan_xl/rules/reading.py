"""Rules about reading the workbook: tables, columns, values, ids, required values, the plan period."""

from __future__ import annotations

from ..findings import ERROR, WARNING
from ..schema import TABLES
from ..values import id_key
from . import rule

# Required values with a rule of their own (SPEC: used instead of MP006).
SPECIFIC = {("objectives", "target"), ("objectives", "deadline"), ("actions", "cost")}


@rule("MP001")
def table_missing(ctx):
    """A table of the plan cannot be found.

    What: each of the 14 tables (objectives, personas, watch, PESTEL, channels, team, overheads, actions,
    SWOT, schedule, peaks, measurements, actuals, settings) is looked for by its Excel table name
    (`tbl_objectives`, …), then by its header row on its step's sheet, then on any sheet.
    Why: the rules that need a missing table are skipped, so the plan is not really checked.
    Example: the sheet "3 Veille" was cleared and its table deleted.
    Fix: copy the table with its header row from a fresh template (`mplan init`).
    """
    return ()  # reported by the reader


@rule("MP002")
def column_missing(ctx):
    """A required column is missing from a table.

    What: the table was found but one of its required headers is not there (labels are matched in
    French or English, ignoring case, accents and surrounding spaces).
    Why: the rows are still read, but the rules that need that column are skipped.
    Example: the "Cible" header of the objectives table was renamed "Valeur visée".
    Fix: name the column back with its label ("Cible" / "Target").
    """
    return ()


@rule("MP004")
def value_unreadable(ctx):
    """A cell's value cannot be interpreted for its column type.

    What: numbers and amounts (`1 200,50 €`, `1,200.50`), percents (`25 %`), dates (`15/03/2027`,
    `15 mars 2027`, `T2`, `fin d'année`), choices from the list (either language) and yes/no are
    understood; anything else is reported at its cell and counted as empty.
    Why: a value that cannot be read is silently wrong in every total that uses it.
    Example: "beaucoup" typed in "Coût estimé".
    Fix: type a number, a date or a value from the dropdown.
    """
    return ()


@rule(
    "MP005",
    ERROR,
    ("Identifiant en double : {value}", "Duplicate id: {value}"),
    ("Donnez un identifiant unique à chaque ligne.", "Give each row a unique id."),
)
def duplicate_id(ctx):
    """Duplicate id in a table.

    What: ids must be unique in objectives, personas, actions and peaks; channel names, team members,
    and the action ids of the schedule and actuals too. Ids compare ignoring case and spaces.
    Why: a reference to a duplicated id is ambiguous: costs and progress would be counted twice or lost.
    Example: two actions with id A07.
    Fix: renumber one of them (and the rows that refer to it).
    """
    for table in TABLES:
        for column in table.columns:
            if not column.unique:
                continue
            seen = set()
            for row in ctx.plan.rows(table.key):
                value = row.get(column.key)
                if value is None:
                    continue
                if id_key(value) in seen:
                    yield ctx.at("MP005", row, column.key, value=value)
                seen.add(id_key(value))


@rule(
    "MP006",
    ERROR,
    ("Valeur obligatoire manquante : « {column} »", "Required value missing: '{column}'"),
    ("Renseignez « {column} » sur cette ligne.", "Fill in '{column}' on this row."),
)
def required_missing(ctx):
    """A required value is missing on a row that has content.

    What: on every row with at least one value, each required column (dark blue header) must be filled.
    A cell already reported as unreadable (MP004, MP007, MP008) is not reported again, and objective
    targets and deadlines and action costs have rules of their own (MP102, MP104, MP605).
    Why: a row without its key values cannot be used: an action without an objective serves nothing.
    Example: a schedule row with a start date but no deadline.
    Fix: fill in the cell, or delete the row.
    """
    for table in TABLES:
        data = ctx.plan.tables.get(table.key)
        if not data:
            continue
        for column in table.columns:
            if not column.required or column.key not in data.columns or (table.key, column.key) in SPECIFIC:
                continue
            for row in data.rows:
                if row.get(column.key) is None and ctx.free(row, column.key):
                    yield ctx.at("MP006", row, column.key, column=column.label(ctx.plan.lang))


@rule("MP007")
def formula_without_value(ctx):
    """A formula cell has no calculated value (the file was saved without calculation).

    What: mplan reads the values the spreadsheet saved; a formula written by a program and never
    recalculated has none, so it counts as empty.
    Why: the figures would silently miss that value.
    Example: a cost `=B5*3` in a workbook generated by a script and never opened.
    Fix: open the workbook in Excel or LibreOffice, recalculate (F9) and save.
    """
    return ()


@rule("MP008")
def excel_error(ctx):
    """An input cell holds an Excel error value (#REF!, #DIV/0!, #N/A, #VALUE!, …).

    Why: the error propagates to every total; mplan counts the cell as empty and says where it is.
    Example: `#REF!` in "Gain attendu" after a column was deleted.
    Fix: repair the formula or type the value.
    """
    return ()


@rule(
    "MP010",
    ERROR,
    ("Période du plan absente ou fin avant le début", "Plan period missing or end not after start"),
    ("Renseignez le début et la fin de période dans les Paramètres.", "Fill in the period start and end in Settings."),
)
def period_invalid(ctx):
    """The plan period is missing, or its end is not after its start.

    Why: deadlines, pacing, monthly budgets and objective progress are all measured against the period.
    Example: "Fin de période" 31/12/2026 with "Début de période" 01/01/2027.
    Fix: set both dates in the Settings sheet.
    """
    if ctx.plan.period is None:
        start, end = ctx.plan.setting("period_start"), ctx.plan.setting("period_end")
        key = "period_start" if start is None else "period_end"
        if end is None and start is not None:
            key = "period_end"
        cell = ctx.plan.settings.get(key)
        if cell and (cell.sheet, cell.ref) in ctx.taken:
            return
        yield ctx.find("MP010", *ctx.setting_cell(key))


@rule(
    "MP011",
    WARNING,
    ("Période du plan de {months} mois (plus de 24)", "Plan period of {months} months (over 24)"),
    ("Un plan d'action couvre en général 12 mois : découpez-le.", "An action plan usually covers 12 months: split it."),
)
def period_too_long(ctx):
    """The plan period is longer than 24 months.

    Why: an action plan is a one-year tool; beyond two years actions and budgets are guesses.
    Example: a period from 01/01/2027 to 31/12/2029.
    Fix: keep this plan to 12 months and start another one for the following year.
    """
    period = ctx.plan.period
    if period:
        start, end = period
        months = (end.year - start.year) * 12 + end.month - start.month + (1 if end.day >= start.day - 1 else 0)
        if months > 24:
            yield ctx.find("MP011", *ctx.setting_cell("period_end"), months=months)
