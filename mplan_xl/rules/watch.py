"""Step 3 rules: market watch covers its four types, PESTEL its six factors."""

from __future__ import annotations

from ..i18n import Text
from ..schema import CHOICES
from . import check, place


def _missing(ctx, table: str, column: str, choices: str):
    data = ctx.plan.tables.get(table)
    if not data or not data.has(column):
        return
    present = {row.get(column) for row in data.rows}
    for option in CHOICES[choices].options:
        if option.key not in present:
            yield option, data


@check("MP301")
def watch_type_missing(ctx):
    for option, data in _missing(ctx, "watch", "type", "watch_type"):
        yield place(data.sheet, data.header_ref("type"), type=Text(option.fr, option.en))


@check("MP302")
def pestel_factor_missing(ctx):
    for option, data in _missing(ctx, "pestel", "factor", "pestel"):
        yield place(data.sheet, data.header_ref("factor"), factor=Text(option.fr, option.en))
