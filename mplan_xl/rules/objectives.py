"""Step 1 rules: SMART objectives (Specific, Measurable, Achievable, Realistic, Time-bound)."""

from __future__ import annotations

from datetime import date

from ..findings import Phrase
from ..i18n import Percent, Text
from ..values import id_key
from . import at, check, place


@check("MP101")
def no_objective(ctx):
    if ctx.has("objectives") and not ctx.plan.rows("objectives"):
        yield place(*ctx.header("objectives"))


@check("MP102")
def no_target(ctx):
    for row, key in ctx.empty("objectives", "target"):
        yield at(row, key, id=row.get("id", "?"))


@check("MP103")
def no_kpi(ctx):
    for row, key in ctx.empty("objectives", "kpi", "unit"):
        yield at(row, key, id=row.get("id", "?"))


@check("MP104")
def no_deadline(ctx):
    for row, key in ctx.empty("objectives", "deadline"):
        yield at(row, key, id=row.get("id", "?"))


@check("MP105")
def deadline_outside_period(ctx):
    period = ctx.plan.period
    if not period:
        return
    for row in ctx.plan.rows("objectives"):
        deadline = row.get("deadline")
        if isinstance(deadline, date) and not period[0] <= deadline <= period[1]:
            yield at(row, "deadline", id=row.get("id", "?"), start=period[0], end=period[1])


@check("MP106")
def vague_objective(ctx):
    for row in ctx.plan.rows("objectives"):
        text = row.get("objective")
        if text and len(text.split()) < 4:
            yield at(row, "objective", id=row.get("id", "?"))


@check("MP107")
def unrealistic_target(ctx):
    for row in ctx.plan.rows("objectives"):
        target, baseline = row.get("target"), row.get("baseline")
        if target is None or baseline is None:
            continue
        why: Text | Phrase
        if target == baseline:
            why = Text("cible égale à la valeur de départ", "target equals the baseline")
        elif baseline and abs(target - baseline) / abs(baseline) > 3:
            why = Phrase.of(
                "variation de {change}", "a {change} change", change=Percent(abs(target - baseline) / abs(baseline))
            )
        else:
            continue
        yield at(row, "target", id=row.get("id", "?"), why=why)


@check("MP108")
def objective_without_owner(ctx):
    for row, key in ctx.empty("objectives", "owner"):
        yield at(row, key, id=row.get("id", "?"))


@check("MP109")
def objective_without_rationale(ctx):
    for row, key in ctx.empty("objectives", "strategy", "rationale"):
        yield at(row, key, id=row.get("id", "?"))


@check("MP110")
def objective_without_action(ctx):
    if not ctx.has("actions"):
        return
    served = {id_key(a.get("objective")) for a in ctx.active_actions if a.get("objective")}
    for row in ctx.plan.rows("objectives"):
        ident = row.get("id")
        if ident and id_key(ident) not in served:
            yield at(row, "id", id=ident)
