"""The rules (SPEC section 3): a catalogue of declarations and, per step, small functions that find.

Each rule is declared once in `catalog.py` (code, name, severity, message and hint in both languages,
its documentation) and checked by one function registered with `@check(code)` in its step's module. The
function yields where the rule fires and the message's values, never its code or its wording:

    @check("MP108")
    def objective_without_owner(ctx):
        for row, key in ctx.empty("objectives", "owner"):
            yield at(row, key, id=row.get("id", "?"))

`run` stamps each hit with its rule's code and severity into a `Finding`, worded when shown.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from ..findings import SEVERITY_ORDER, Finding
from ..gcpause import paused_gc
from ..i18n import Locale
from ..schema import SHEET, TABLE
from ..values import id_key
from .catalog import CATALOG, SPECS, RuleSpec

if TYPE_CHECKING:
    from ..figures import Figures, Scheduled
    from ..reader import Plan, Row

# Codes the reader reports while reading cells and tables (MP001-MP008): they have no check function.
READER_CODES = frozenset({"MP001", "MP002", "MP004", "MP007", "MP008"})


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a rule fires, and the values its message is filled with."""

    sheet: str
    cell: str
    values: dict[str, object]


def at(row: Row, key: str, **values: object) -> Hit:
    """A hit at a row's cell in the column `key`."""
    return Hit(row.sheet, row.ref(key), values)


def place(sheet: str, ref: str, **values: object) -> Hit:
    """A hit at a sheet's cell (a header, a setting): `place(*ctx.header("actions"))`."""
    return Hit(sheet, ref, values)


CheckFunc = Callable[["Context"], Iterable[Hit] | None]
CHECKS: dict[str, CheckFunc] = {}
_T = TypeVar("_T")


def check(code: str) -> Callable[[CheckFunc], CheckFunc]:
    """Register the function that checks a catalogued rule (one function per code)."""

    def register(func: CheckFunc) -> CheckFunc:
        if code not in CATALOG:
            raise ValueError(f"{code} is not in mplan_xl/rules/catalog.py: declare it there first")
        if code in CHECKS or code in READER_CODES:
            raise ValueError(f"{code} already has a check")
        CHECKS[code] = func
        return func

    return register


@dataclass(frozen=True)
class Rule:
    """A catalogued rule with its check function (None for the reader's codes)."""

    spec: RuleSpec
    check: CheckFunc | None

    @property
    def code(self) -> str:
        return self.spec.code

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def severity(self) -> str:
        return self.spec.severity

    @property
    def title(self) -> str:
        return self.spec.title.en

    @property
    def doc(self) -> str:
        """The title and the What/Why/Example/Fix sections, as text."""
        return "\n".join([self.spec.title.en, *(f"{k}: {v}" for k, v in self.spec.sections().items())])

    def message(self, lang: str) -> str:
        return self.spec.message(lang)

    def findings(self, ctx: Context) -> list[Finding]:
        """The check's hits as findings with this rule's code and severity, worded in ctx's locale."""
        if self.check is None:
            return []
        code, severity, loc = self.spec.code, self.spec.severity, ctx.locale
        return [Finding(code, severity, h.sheet, h.cell, tuple(h.values.items()), loc) for h in self.check(ctx) or ()]

    def func(self, ctx: Context) -> list[Finding]:  # the name rules had before the catalogue
        return self.findings(ctx)


class Context:
    """What rules see: the plan, today, the language, indices and the figures (computed once)."""

    def __init__(self, plan: Plan, today: date, lang: str):
        self.plan, self.today, self.lang = plan, today, lang
        self.locale = Locale(lang, plan.setting("currency", "EUR") or "EUR")
        self.taken = {(sheet, cell) for _, sheet, cell, _ in plan.issues}  # cells the reader already reported
        self._memo: dict = {}

    def free(self, row: Row, key: str) -> bool:
        """True when the cell has no reader finding (one cell, one finding)."""
        return (row.sheet, row.ref(key)) not in self.taken

    def empty(self, table: str, *keys: str, rows: Iterable[Row] | None = None) -> Iterator[tuple[Row, str]]:
        """(row, key) for each row whose first empty cell among keys is not already reported."""
        data = self.plan.tables.get(table)
        if not data:
            return
        for row in data.rows if rows is None else rows:
            for key in keys:
                if data.has(key) and row.get(key) is None and self.free(row, key):
                    yield row, key
                    break

    def unknown(self, table: str, key: str, target: str, target_key: str) -> Iterator[tuple[Row, object]]:
        """(row, value) for each row of table whose key names no row of target (when target exists)."""
        if not self.has(target):
            return
        known = self.ids(target, target_key)
        for row in self.plan.rows(table):
            value = row.get(key)
            if value and id_key(value) not in known:
                yield row, value

    def has(self, table: str) -> bool:
        return table in self.plan.tables

    def header(self, table: str, key: str | None = None) -> tuple[str, str]:
        data = self.plan.tables.get(table)
        if data is None:
            return SHEET[TABLE[table].sheet].name(self.lang), "A1"
        return data.sheet, data.header_ref(key)

    def setting_cell(self, key: str) -> tuple[str, str]:
        cell = self.plan.settings.get(key)
        if cell:
            return cell.sheet, cell.ref
        return SHEET["settings"].name(self.lang), "A1"

    def ids(self, table: str, column: str) -> set[str]:
        """The table's ids in that column, compared ignoring case and spaces (computed once)."""
        return self.memo(
            ("ids", table, column), lambda: {id_key(r.get(column)) for r in self.plan.rows(table) if r.get(column)}
        )

    def memo(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """A value several rules need, computed by the first that asks."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def figures(self) -> Figures:
        from ..figures import compute

        return compute(self.plan, self.today)

    @cached_property
    def items(self) -> list[Scheduled]:
        """Each action with its schedule row (joined once, with the figures)."""
        return self.figures.items

    @cached_property
    def active_actions(self) -> list[Row]:
        return [i.action for i in self.items if i.active]


@paused_gc()
def run(plan: Plan, today: date, lang: str | None = None, figures: Figures | None = None) -> list[Finding]:
    """Every finding of the plan: the reader's, then each rule's in code order, sorted by severity, sheet
    and cell.

    `figures` may be passed when the caller has computed them already (the report needs them too).
    """
    ctx = Context(plan, today, lang or plan.lang)
    if figures is not None:
        ctx.__dict__["figures"] = figures  # fills the cached property
    found: list[Finding] = plan.problems_in(ctx.lang)
    for rule_ in RULES.values():
        found.extend(rule_.findings(ctx))
    return sorted(dict.fromkeys(found), key=Finding.sort_key)


from . import (  # noqa: E402  (modules register their checks on import)
    actions,
    budget,
    channels,
    objectives,
    personas,
    reading,
    schedule,
    tracking,
    watch,
)

# Every catalogued rule, in code order, with its check.
RULES: dict[str, Rule] = {spec.code: Rule(spec, CHECKS.get(spec.code)) for spec in SPECS}

__all__ = [
    "CATALOG",
    "CHECKS",
    "READER_CODES",
    "RULES",
    "SPECS",
    "Context",
    "Hit",
    "Iterator",
    "Rule",
    "RuleSpec",
    "SEVERITY_ORDER",
    "at",
    "place",
    "check",
    "run",
    "reading",
    "objectives",
    "personas",
    "watch",
    "channels",
    "budget",
    "actions",
    "schedule",
    "tracking",
]
