"""Step 3 rules: market watch covers its four types, PESTEL its six factors."""

from __future__ import annotations

from ..findings import INFO
from ..schema import CHOICES
from . import rule


def _missing(ctx, table: str, column: str, choices: str):
    data = ctx.plan.tables.get(table)
    if not data or not data.has(column):
        return
    present = {row.get(column) for row in data.rows}
    for option in CHOICES[choices].options:
        if option.key not in present:
            yield option, data


@rule(
    "MP301",
    INFO,
    ("Aucune veille de type « {type} »", "No '{type}' watch entry"),
    ("Ajoutez au moins une observation de ce type.", "Add at least one observation of this type."),
)
def watch_type_missing(ctx):
    """One of the four watch types (commercial, competitive, market, technology) has no entry.

    Why: a watch that only follows competitors misses market and technology shifts.
    Example: no "Technology" row in the watch log.
    Fix: add at least one observation of each type.
    """
    for option, data in _missing(ctx, "watch", "type", "watch_type"):
        yield ctx.find("MP301", data.sheet, data.header_ref("type"), type=option.label(ctx.lang))


@rule(
    "MP302",
    INFO,
    ("Facteur PESTEL « {factor} » sans constat", "PESTEL factor '{factor}' has no finding"),
    ("Ajoutez un constat pour ce facteur, même « sans impact ».", "Add a finding for this factor, even 'no impact'."),
)
def pestel_factor_missing(ctx):
    """A PESTEL factor (political, economic, social, technological, environmental, legal) has no entry.

    Why: PESTEL is useful only when complete: the factor you skip is the one that surprises you.
    Example: no "Legal" row.
    Fix: add a finding per factor, even one that says the impact is low.
    """
    for option, data in _missing(ctx, "pestel", "factor", "pestel"):
        yield ctx.find("MP302", data.sheet, data.header_ref("factor"), factor=option.label(ctx.lang))
