"""Step 3 rules: market watch covers its four types, PESTEL its six factors."""

from __future__ import annotations

from ..i18n import Text
from ..schema import CHOICES
from . import check, place


def missing_options(ctx, table: str, column: str, choices: str):
    """(the choices no row of the table uses, as one Text per finding, the table).

    A table still empty gives one finding naming every choice ("Commerciale / Concurrentielle / …"): a blank
    plan's first check says what to fill, not a list of every type missing one by one."""
    data = ctx.plan.tables.get(table)
    if not data or not data.has(column):
        return
    present = {row.get(column) for row in data.rows}
    missing = [o for o in CHOICES[choices].options if o.key not in present]
    if not data.rows and missing:
        yield Text(" / ".join(o.fr for o in missing), " / ".join(o.en for o in missing)), data
        return
    for option in missing:
        yield Text(option.fr, option.en), data


@check("MP301")
def watch_type_missing(ctx):
    for label, data in missing_options(ctx, "watch", "type", "watch_type"):
        yield place(data.sheet, data.header_ref("type"), type=label)


@check("MP302")
def pestel_factor_missing(ctx):
    for label, data in missing_options(ctx, "pestel", "factor", "pestel"):
        yield place(data.sheet, data.header_ref("factor"), factor=label)
