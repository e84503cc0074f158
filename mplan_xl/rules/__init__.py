"""The rule catalogue (SPEC section 3): one module per step, each rule a small function yielding findings.

A rule is declared with @rule(code, severity, message, hint); its docstring is its documentation (what
it checks, why it matters, an example, how to fix), shown by `mplan rules CODE` and docs/rules.md.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from ..findings import MESSAGES, SEVERITY_ORDER, Finding, finding
from ..gcpause import paused_gc
from ..schema import SHEET, TABLE
from ..values import id_key

if TYPE_CHECKING:
    from ..figures import Figures, Scheduled
    from ..reader import Plan, Row


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    func: Callable

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def title(self) -> str:
        return self.doc.splitlines()[0] if self.doc else self.code

    def message(self, lang: str) -> str:
        return MESSAGES[self.code][1][0 if lang == "fr" else 1]


RULES: dict[str, Rule] = {}


def rule(
    code: str, severity: str | None = None, message: tuple[str, str] | None = None, hint: tuple[str, str] | None = None
):
    """Register a rule; codes whose messages the reader already owns pass only the code."""

    def register(func):
        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        if message is not None:
            MESSAGES[code] = (severity, message, hint)
        RULES[code] = Rule(code, MESSAGES[code][0], func)
        return func

    return register


class Context:
    """What rules see: the plan, today, the language, indices and the figures (computed once)."""

    def __init__(self, plan: Plan, today: date, lang: str):
        self.plan, self.today, self.lang = plan, today, lang
        self.taken = {(sheet, cell) for _, sheet, cell, _ in plan.issues}  # cells the reader already reported
        self._memo: dict = {}

    def find(self, code: str, sheet: str, cell: str, **values) -> Finding:
        return finding(code, sheet, cell, self.lang, **values)

    def at(self, code: str, row: Row, key: str, **values) -> Finding:
        return self.find(code, row.sheet, row.ref(key), **values)

    def free(self, row: Row, key: str) -> bool:
        """True when the cell has no reader finding (one cell, one finding)."""
        return (row.sheet, row.ref(key)) not in self.taken

    def empty(self, table: str, *keys: str, rows=None):
        """(row, key) for each row whose first empty cell among keys is not already reported."""
        data = self.plan.tables.get(table)
        if not data:
            return
        for row in data.rows if rows is None else rows:
            for key in keys:
                if data.has(key) and row.get(key) is None and self.free(row, key):
                    yield row, key
                    break

    def unknown(self, table: str, key: str, target: str, target_key: str):
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

    def memo(self, key, compute):
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

    def money(self, value: float | None) -> str:
        from ..styles import money_text

        return "–" if value is None else money_text(value, self.plan.setting("currency", "EUR") or "EUR", self.lang)

    def day(self, value: date) -> str:
        return value.strftime("%d/%m/%Y")


@paused_gc()
def run(plan: Plan, today: date, lang: str | None = None, figures: Figures | None = None) -> list[Finding]:
    """Every finding of the plan: the reader's, then each rule's, sorted by severity, sheet and cell.

    `figures` may be passed when the caller has computed them already (the report needs them too).
    """
    ctx = Context(plan, today, lang or plan.lang)
    if figures is not None:
        ctx.__dict__["figures"] = figures  # fills the cached property
    found: list[Finding] = plan.problems_in(ctx.lang)
    for rule_ in RULES.values():
        found.extend(rule_.func(ctx) or ())
    return sorted(dict.fromkeys(found), key=Finding.sort_key)


from . import (  # noqa: E402  (modules register their rules on import, in catalogue order)
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

__all__ = [
    "RULES",
    "Rule",
    "Context",
    "run",
    "rule",
    "SEVERITY_ORDER",
    "Iterator",
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
